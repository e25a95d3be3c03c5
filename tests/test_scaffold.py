"""The channel scaffold: a new channel file from the schema, with every required field to fill in."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from strategi.commands.scaffold import TO_FILL, new_channel
from strategi.data import check
from strategi.data.loader import load
from tests.conftest import ROOT, TODAY, copy_data

MODELINE = "# yaml-language-server: $schema=../../schemas/kanal.schema.json"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A throwaway copy of data/ and schemas/."""
    return copy_data(tmp_path / "projekt")


def _schemas() -> dict[str, dict[str, Any]]:
    return {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.schema.json")
    }


def _resolve(
    schema: dict[str, Any], current: str, schemas: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], str]:
    while "$ref" in schema:
        name, _, pointer = schema["$ref"].partition("#")
        current = name or current
        target: Any = schemas[current]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        schema = target
    return schema, current


def _required_paths(
    schema: dict[str, Any], current: str, prefix: tuple[str | int, ...] = ()
) -> list[tuple[Any, ...]]:
    """Every required field, recursively through required groups and the first item of required lists."""
    schemas = _schemas()
    schema, current = _resolve(schema, current, schemas)
    paths: list[tuple[Any, ...]] = []
    for name in schema.get("required", []):
        path = (*prefix, name)
        paths.append(path)
        sub, where = _resolve(schema["properties"][name], current, schemas)
        if sub.get("type") == "object":
            paths += _required_paths(sub, where, path)
        elif sub.get("type") == "array":
            item, item_where = _resolve(sub["items"], where, schemas)
            if item.get("type") == "object":
                paths += _required_paths(item, item_where, (*path, 0))
    return paths


def _placeholder_lines(text: str) -> set[int]:
    """Line numbers (1-based) of the values right under a '# FYLL I' comment."""
    lines = text.splitlines()
    found = set()
    in_fill = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith(f"# {TO_FILL}:"):
            in_fill = True
        elif stripped.startswith("#") and in_fill:
            continue
        elif in_fill:
            found.add(number)
            in_fill = False
    return found


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_new_channel_file_starts_with_the_modeline(root: Path) -> None:
    """The scaffold creates data/channels/<id>.yaml whose first line points editors at the channel schema."""
    path = new_channel(root, "youtube")
    assert path == root / "data" / "channels" / "youtube.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE


def test_new_channel_names_every_required_field(root: Path) -> None:
    """Every required field of the schema (also inside required groups and list items) is in the file,
    and each placeholder stands under a '# FYLL I:' comment quoting the field's Swedish description."""
    path = new_channel(root, "youtube")
    text = path.read_text(encoding="utf-8")
    doc = load(path, "data/channels/youtube.yaml")
    required = _required_paths(_schemas()["kanal.schema.json"], "kanal.schema.json")
    assert ("namn",) in required
    assert ("nuläge", 0, "övergripande") in required
    for field in required:
        _get(doc.data, field)  # raises KeyError if the field is missing
    description = _schemas()["kanal.schema.json"]["properties"]["namn"]["description"]
    assert f"# {TO_FILL}: {description}" in text


def test_new_channel_knows_its_id_and_order(root: Path) -> None:
    """'id' is the given id and 'ordning' comes after the highest order of the existing channels."""
    orders = [load(p).data["ordning"] for p in (root / "data" / "channels").glob("*.yaml")]
    doc = load(new_channel(root, "youtube"))
    assert doc.data["id"] == "youtube"
    assert doc.data["ordning"] == max(orders) + 1


def test_validera_fails_exactly_on_the_placeholders(root: Path) -> None:
    """Validation of the new file reports an error on each placeholder line and nowhere else, so the
    editor's to-do list is the list of problems; no other file gets a new error."""
    path = new_channel(root, "youtube")
    relpath = "data/channels/youtube.yaml"
    placeholders = _placeholder_lines(path.read_text(encoding="utf-8"))
    assert placeholders
    result = check.run(root, TODAY)
    errors = result.errors
    assert {p.line for p in errors if p.file == relpath} == placeholders
    assert all(p.file == relpath for p in errors), [p for p in errors if p.file != relpath]


def test_filled_in_scaffold_validates(root: Path) -> None:
    """Once every placeholder is replaced by a real value, the new channel passes validation."""
    path = new_channel(root, "youtube")
    values = {
        "namn": "YouTube",
        "status": "endast-nuläge",
        "granskad": "2020-h1",
        "id": "kanalavsnitt",
        "datum": "2020-h1",
        "avser": "våren 2020",
        "källa": "Kanalavsnittet",
        "övergripande": "Region Örebro län har en kanal på YouTube.",
    }
    lines = path.read_text(encoding="utf-8").splitlines()
    for number in _placeholder_lines("\n".join(lines)):
        line = lines[number - 1]
        key = re.match(r"^\s*(?:- )?([^:]+):", line)
        assert key, line
        lines[number - 1] = line.replace('""', json.dumps(values[key.group(1)], ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check.run(root, TODAY)
    assert result.ok, result.errors


@pytest.mark.parametrize("existing", ["facebook", "twitter"])
def test_existing_id_is_refused(root: Path, existing: str) -> None:
    """An id that already has a channel file is refused with a Swedish message, and the file is untouched."""
    before = (root / "data" / "channels" / f"{existing}.yaml").read_bytes()
    with pytest.raises(ValueError, match="finns redan"):
        new_channel(root, existing)
    assert (root / "data" / "channels" / f"{existing}.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "bad", ["YouTube", "tik tok", "-x", "x-", "a--b", "växjö", "", "../facebook", "kanal.yaml"]
)
def test_bad_id_is_refused(root: Path, bad: str) -> None:
    """An id that is not a slug (a-z, 0-9, single hyphens inside) is refused in Swedish; nothing is written."""
    before = sorted(p.name for p in (root / "data" / "channels").iterdir())
    with pytest.raises(ValueError, match="går inte att använda som id"):
        new_channel(root, bad)
    assert sorted(p.name for p in (root / "data" / "channels").iterdir()) == before


def test_wrong_root_is_refused(tmp_path: Path) -> None:
    """Run outside a project folder, the scaffold says so in Swedish instead of writing anywhere."""
    with pytest.raises(ValueError, match="rotmapp"):
        new_channel(tmp_path, "youtube")


def test_broken_schema_is_refused_in_swedish_and_nothing_is_written(root: Path) -> None:
    """The scaffold reads the schemas as validation does: a schema that is not JSON is named with
    its line in a Swedish refusal (not a JSON parser's English), and no channel file is written."""
    (root / "schemas" / "gemensamt.schema.json").write_text('{\n  "$schema": \n', encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"^schemas/gemensamt\.schema\.json:3: schemafilen går inte att läsa som JSON"
    ):
        new_channel(root, "youtube")
    assert not (root / "data" / "channels" / "youtube.yaml").exists()
