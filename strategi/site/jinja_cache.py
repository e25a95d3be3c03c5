"""Compiled theme templates kept between builds: in memory for the rebuilds of `make serve`, and on
disk (.cache/jinja/ in the project folder) for the next `make build`, `make serve` or `make pdf`.

MkDocs makes a new Jinja environment for every build, so every build compiled all of Material's
templates again: about a tenth of a build, and a quarter of a rebuild under `make serve`. Jinja's
bytecode cache keys each template by its name and file, and stores a checksum of its source with
the code, so an edited template is compiled again and an unchanged one is not. The one cache of a
process is strategi.site.state.STATE.templates.

The disk copy is only a saving: a file that cannot be read or written, or holds something else
than Jinja's bytecode for this Python, is passed over and the template is compiled as before.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

FOLDER = Path(".cache") / "jinja"


class BuildBytecodeCache(BytecodeCache):
    """Jinja bytecode by template key, in this process's memory and in a folder on disk. The memory
    copy is kept per folder: a process that builds another project (the tests do) fills that
    project's folder too."""

    def __init__(self) -> None:
        self._store: dict[tuple[Path | None, str], bytes] = {}
        self.directory: Path | None = None

    def use_folder(self, directory: Path | None) -> None:
        """Keep compiled templates in ``directory`` too (None: in memory only)."""
        self.directory = directory

    def _file(self, bucket: Bucket) -> Path | None:
        return None if self.directory is None else self.directory / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get((self.directory, bucket.key))
        if code is None:
            code = _read(self._file(bucket))
        if code is None:
            return
        try:
            # Jinja checks the magic (its version and Python's) and the source checksum, and leaves
            # the bucket empty, so the template is compiled, when either differs.
            bucket.bytecode_from_string(code)
        except Exception:  # a damaged cache file (pickle may raise anything): compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._store[(self.directory, bucket.key)] = code
        _write(self._file(bucket), code)


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path | None, code: bytes) -> None:
    """Write atomically (another build may read the file meanwhile); a folder that cannot be
    written to only means the next build compiles the template again."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(code)
            Path(temporary).replace(path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
