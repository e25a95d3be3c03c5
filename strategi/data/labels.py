"""Human labels for places in the data: 'Facebook › Digitalt nuläge › Följare'.

Labels come from the schemas' Swedish titles; list items are named by their own name,
heading, title or date, so the same words serve the change list and the open questions.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from strategi.data import periods, schemas
from strategi.data.text import one_line

ITEM_NAME_KEYS = ("namn", "rubrik", "titel", "post", "ord", "avser", "datum", "vad", "id")
SEPARATOR = " › "


def item_name(item: Any, index: int) -> str:
    """How a list item is called: its name-like field, else its position (1-based)."""
    if isinstance(item, dict):
        for key in ITEM_NAME_KEYS:
            value = item.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                text = one_line(periods.describe(str(value)) if key == "datum" else value)
                return text if len(text) <= 60 else text[:57] + "…"
    if isinstance(item, str | int) and not isinstance(item, bool):
        return str(item)
    return f"punkt {index + 1}"


def labels(schema_dir: Path, schema_name: str, data: Any, path: tuple[Any, ...]) -> list[str]:
    """One label per step of ``path``: a key's schema title, or a list item's name."""
    if data is None:
        return list(_titles(schema_dir, schema_name, tuple(path)))
    return _labels(schema_dir, schema_name, data, path)


@functools.lru_cache(maxsize=4096)
def _titles(schema_dir: Path, schema_name: str, path: tuple[Any, ...]) -> tuple[str, ...]:
    """Labels that depend on the schema alone (no data to name list items): cached per build."""
    return tuple(_labels(schema_dir, schema_name, None, path))


def _labels(schema_dir: Path, schema_name: str, data: Any, path: tuple[Any, ...]) -> list[str]:
    schema, resolver = schemas.root(schema_dir, schema_name)
    node, resolver = schemas.resolve(resolver, schema)
    out: list[str] = []
    value = data
    for step in path:
        if isinstance(step, int):
            items = node.get("items", {}) if isinstance(node, dict) else {}
            item = value[step] if isinstance(value, list) and step < len(value) else None
            out.append(item_name(item, step))
            node, resolver = schemas.resolve(resolver, items)
            value = item
            continue
        props = node.get("properties", {}) if isinstance(node, dict) else {}
        sub = props.get(step, {})
        title = sub.get("title") if isinstance(sub, dict) else None
        resolved, resolver = schemas.resolve(resolver, sub)
        out.append(str(title or resolved.get("title") or step.replace("_", " ").capitalize()))
        node = resolved
        value = value.get(step) if isinstance(value, dict) else None
    return out
