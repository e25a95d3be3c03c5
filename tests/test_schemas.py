"""The schemas describe themselves in Swedish and are strict, valid draft-07."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from tests.conftest import ROOT

SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))


def _walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_draft07(path: Path) -> None:
    """Each schema is valid against the draft-07 metaschema and names it, with an $id."""
    schema = _load(path)
    assert schema.get("$schema") == "http://json-schema.org/draft-07/schema#"
    assert schema.get("$id") == path.name
    Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_object_is_closed(path: Path) -> None:
    """Every object with properties forbids unknown keys, so a misspelt key fails."""
    open_objects = [
        where
        for where, node in _walk(_load(path))
        if "properties" in node and node.get("additionalProperties") is not False
    ]
    assert not open_objects, f"additionalProperties is not false at {open_objects}"


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_property_has_swedish_title_and_description(path: Path) -> None:
    """Every property has a title and a description for the editor's hover text."""
    missing = []
    for where, node in _walk(_load(path)):
        for name, prop in (node.get("properties") or {}).items():
            if not isinstance(prop, dict) or where.endswith("/properties"):
                continue
            if not prop.get("title") or not prop.get("description"):
                missing.append(f"{where}/properties/{name}")
    assert not missing, f"properties without title or description: {missing}"


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_enum_value_is_explained(path: Path) -> None:
    """Enumerations are written as oneOf of const + description, never a bare enum."""
    bare = [where for where, node in _walk(_load(path)) if "enum" in node]
    unexplained = [
        where for where, node in _walk(_load(path)) if "const" in node and not node.get("description")
    ]
    assert not bare, f"bare enum at {bare}"
    assert not unexplained, f"const without description at {unexplained}"
