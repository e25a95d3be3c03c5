"""Compiled theme templates kept in memory between the rebuilds of `make serve`.

MkDocs makes a new Jinja environment for every build, so every save recompiled all of Material's
templates: about a quarter of a rebuild. Jinja's bytecode cache keys each template by its name and
a checksum of its source, so an edited template is compiled again and an unchanged one is not.
This module lives as long as the `mkdocs serve` process; the hooks module is reloaded each build.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode by template key and source checksum, in this process's memory."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()
