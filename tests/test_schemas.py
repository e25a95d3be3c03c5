"""The schemas describe themselves in Swedish and are strict, valid draft-07."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from strategi.data import schemas
from strategi.data.loader import parse
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


# What `validera` says for each kind of schema error (strategi.data.schemas), on a small schema of
# our own: the exact Swedish line, file:line:col.

VALUE_LINE = 2


def _schemas(tmp_path: Path, files: dict[str, Any]) -> Path:
    """A schemas/ folder holding the given files (a dict or list is written as JSON)."""
    folder = tmp_path / "schemas"
    folder.mkdir(parents=True)
    for name, contents in files.items():
        text = contents if isinstance(contents, str) else json.dumps(contents)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _said(folder: Path, text: str, name: str = "x.schema.json") -> list[str]:
    """Every line `validera` prints for the schema problems of data/x.yaml holding ``text``."""
    doc = parse(text, "data/x.yaml")
    return [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in schemas.check(doc, folder, name)]


def _one_field(tmp_path: Path, field: Any, value: str) -> list[str]:
    """What is said about `v: <value>` on line 2, when the schema describes `v` as ``field``."""
    folder = _schemas(
        tmp_path,
        {"x.schema.json": {"type": "object", "additionalProperties": False, "properties": {"v": field}}},
    )
    return _said(folder, f"# första raden\nv: {value}\n")


ONE_FIELD = {
    # type: what was expected, what was found, and how to fix it.
    "text-got-bool": (
        {"type": "string"},
        "true",
        "4: 'v' ska vara en text, men är true/false; sätt värdet inom citattecken: 'true'",
    ),
    "text-got-decimal": (
        {"type": "string"},
        "1.5",
        "4: 'v' ska vara en text, men är ett decimaltal; sätt värdet inom citattecken: '1.5'",
    ),
    "text-got-list": ({"type": "string"}, "[1]", "4: 'v' ska vara en text, men är en lista"),
    # A listed text got a value of another type: the list is the one fix, no "quote it" beside it.
    "listed-text-got-bool": (
        {"type": "string", "oneOf": [{"const": "grön"}, {"const": "gul"}]},
        "true",
        "4: 'v' har värdet 'true', som inte är tillåtet. Tillåtna värden: grön, gul.",
    ),
    "listed-text-got-number": (
        {"type": "string", "enum": ["1", "2"]},
        "3",
        "4: 'v' har värdet '3', som inte är tillåtet. Tillåtna värden: 1, 2.",
    ),
    # A value the list allows but the type does not: then the type is what to fix.
    "type-kept-when-the-list-allows-the-value": (
        {"type": "string", "enum": [1, "a"]},
        "1",
        "4: 'v' ska vara en text, men är ett heltal; sätt värdet inom citattecken: '1'",
    ),
    "true-is-not-the-listed-1": (
        {"type": "string", "enum": [1, "a"]},
        "true",
        "4: 'v' har värdet 'true', som inte är tillåtet. Tillåtna värden: 1, a.",
    ),
    "text-got-group": ({"type": "string"}, "{a: 1}", "4: 'v' ska vara en text, men är en grupp av fält"),
    "integer-got-decimal": ({"type": "integer"}, "3.0", "4: 'v' ska vara ett heltal, men är ett decimaltal"),
    "integer-got-bool": ({"type": "integer"}, "false", "4: 'v' ska vara ett heltal, men är true/false"),
    "integer-got-text": ({"type": "integer"}, "abc", "4: 'v' ska vara ett heltal, men är en text"),
    "integer-got-spaced-number": (
        {"type": "integer"},
        "' 1 000 '",
        "4: 'v' ska vara ett heltal, men är en text (' 1 000 '). "
        "Skriv talet utan mellanslag och utan citattecken: 1000",
    ),
    "number-got-nbsp-and-comma": (
        {"type": "number"},
        '"1\u00a0000,5"',
        "4: 'v' ska vara ett tal, men är en text ('1\u00a0000,5'). "
        "Skriv talet utan mellanslag och utan citattecken: 1000.5",
    ),
    "boolean-got-nothing": (
        {"type": "boolean"},
        "",
        "3: 'v' ska vara ja eller nej (true/false), men är tomt; fyll i ett värde efter kolonet eller ta bort raden",
    ),
    "null-got-list": ({"type": "null"}, "[]", "4: 'v' ska vara tomt, men är en lista"),
    "list-got-group": ({"type": "array"}, "{}", "4: 'v' ska vara en lista, men är en grupp av fält"),
    "group-got-text": ({"type": "object"}, "x", "4: 'v' ska vara en grupp av fält, men är en text"),
    "text-or-nothing-got-integer": (
        {"type": ["string", "null"]},
        "5",
        "4: 'v' ska vara en text eller tomt, men är ett heltal; sätt värdet inom citattecken: '5'",
    ),
    "number-or-list-got-text": (
        {"type": ["number", "array"]},
        "x",
        "4: 'v' ska vara ett tal eller en lista, men är en text",
    ),
    # enum and oneOf/anyOf of const: the allowed values, and the nearest one.
    "enum-nearest": (
        {"enum": ["grön", "gul", "röd"]},
        "gull",
        "4: 'v' har värdet 'gull', som inte är tillåtet. Tillåtna värden: grön, gul, röd. Menade du 'gul'?",
    ),
    "oneof-const-other-case": (
        {"oneOf": [{"const": "Ja"}, {"const": "Nej"}]},
        "nej",
        "4: 'v' har värdet 'nej', som inte är tillåtet. Tillåtna värden: Ja, Nej. Menade du 'Nej'?",
    ),
    "anyof-const-integers": (
        {"anyOf": [{"const": 10}, {"const": 20}]},
        "100",
        "4: 'v' har värdet '100', som inte är tillåtet. Tillåtna värden: 10, 20. Menade du '10'?",
    ),
    "enum-list-value-no-guess": (
        {"enum": ["grön", "gul", "röd"]},
        "[gul]",
        "4: 'v' ska vara ett av de tillåtna värdena (grön, gul, röd), men är en lista",
    ),
    # pattern: the schema's description, else the pattern itself; ECMA-262 with Unicode.
    "pattern-with-description": (
        {"type": "string", "pattern": "^[a-z]+$", "description": "Bara små bokstäver."},
        "ABC",
        "4: 'v' har fel form ('ABC'). Bara små bokstäver.",
    ),
    "pattern-trailing-newline": (
        {"type": "string", "pattern": "^[a-z]+$"},
        '"abc\\n"',
        "4: 'v' har fel form ('abc\\n'). mönstret ^[a-z]+$",
    ),
    "pattern-word-is-ascii": (
        {"type": "string", "pattern": "^\\w+$"},
        "åäö",
        "4: 'v' har fel form ('åäö'). mönstret ^\\w+$",
    ),
    # format: a period that is not in the calendar, or a year outside 1900-2999.
    "tidpunkt-no-such-month": (
        {"type": "string", "format": "tidpunkt"},
        '"2021-13"',
        "4: 'v': '2021-13' finns inte i kalendern",
    ),
    "tidpunkt-not-a-date": (
        {"type": "string", "format": "tidpunkt"},
        "snart",
        "4: 'v': 'snart' finns inte i kalendern",
    ),
    "datum-year-before": (
        {"format": "datum"},
        '"1899-12"',
        "4: 'v' har året 1899; ett år i strategin ska ligga mellan 1900 och 2999",
    ),
    "tidpunkt-year-after": (
        {"format": "tidpunkt"},
        '"3000"',
        "4: 'v' har året 3000; ett år i strategin ska ligga mellan 1900 och 2999",
    ),
    # bounds, lengths and counts.
    "minimum": ({"minimum": 1}, "0", "4: 'v' är 0, men får inte vara mindre än 1"),
    "exclusive-minimum": ({"exclusiveMinimum": 1}, "1", "4: 'v' är 1, men måste vara större än 1"),
    "maximum": ({"maximum": 9}, "10", "4: 'v' är 10, men får inte vara större än 9"),
    "exclusive-maximum": ({"exclusiveMaximum": 9}, "9", "4: 'v' är 9, men måste vara mindre än 9"),
    "min-length": (
        {"minLength": 1},
        "''",
        "4: 'v' får inte vara tom; skriv en text eller ta bort fältet",
    ),
    "max-length": ({"maxLength": 3}, "abcd", "4: 'v' är för lång; den får ha högst 3 tecken"),
    "min-properties": ({"minProperties": 2}, "{a: 1}", "4: 'v' ska ha minst 2 fält ifyllda"),
    "min-items": ({"minItems": 2}, "[1]", "4: 'v' ska ha minst 2 punkter"),
    "max-items": ({"maxItems": 1}, "[1, 2]", "4: 'v' får ha högst 1 punkter"),
    "unique-items": (
        {"uniqueItems": True},
        "[1, 2, 1]",
        "4: 'v' har samma värde två gånger; ta bort dubbletten",
    ),
    "not": ({"not": {"const": "x"}}, "x", "4: 'v' har ett värde som inte är tillåtet här ('x')"),
    "const": ({"const": "ja"}, "nej", "4: 'v' ska vara 'ja', men är 'nej'"),
    "dependencies-names-the-key": (
        {"dependencies": {"a": ["b"]}},
        "{c: 1, a: 1}",
        "11: när 'a' är ifyllt ska också 'b' vara det; lägg till 'b:'",
    ),
    "required-key-with-an-apostrophe": (
        {"required": ["it's"]},
        "{a: 1}",
        "1: obligatoriskt fält 'it's' saknas i 'v'; lägg till 'it's:' med ett värde",
    ),
    "required-in-a-group": (
        {"required": ["namn"]},
        "{a: 1}",
        "1: obligatoriskt fält 'namn' saknas i 'v'; lägg till 'namn:' med ett värde",
    ),
    # oneOf that is not a list of const: what the nearest branch says, deepest first.
    "oneof-deepest-error": (
        {
            "oneOf": [
                {"type": "string"},
                {"type": "object", "properties": {"a": {"properties": {"b": {"type": "integer"}}}}},
            ]
        },
        "{a: {b: x}}",
        "12: 'b' ska vara ett heltal, men är en text",
    ),
    "anyof-deepest-error": (
        {"anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]},
        "[1, x]",
        "8: 'v' ska vara ett heltal, men är en text",
    ),
    "oneof-both-match": (
        {"oneOf": [{"type": "integer"}, {"minimum": 0}]},
        "1",
        "4: 'v' stämmer inte med schemat (regeln 'oneOf')",
    ),
    # anything else: the rule's name.
    "other-rule": ({"multipleOf": 5}, "7", "4: 'v' stämmer inte med schemat (regeln 'multipleOf')"),
}


@pytest.mark.parametrize(("field", "value", "expected"), ONE_FIELD.values(), ids=ONE_FIELD)
def test_each_kind_of_schema_error_is_told_in_swedish(
    tmp_path: Path, field: Any, value: str, expected: str
) -> None:
    """A value breaking one schema rule gives exactly one Swedish line at that value, saying what
    was expected, what was found, and how to fix it when there is one way to."""
    assert _one_field(tmp_path, field, value) == [f"data/x.yaml:{VALUE_LINE}:{expected}"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ({"type": "integer"}, "17000"),
        ({"type": "number"}, "17000"),
        ({"format": "datum"}, "5"),
        ({"format": "datum"}, '"2026-h1"'),
        ({"type": "string", "format": "tidpunkt"}, '"2026-02"'),
        ({"type": "string", "pattern": "^[a-z]+$"}, "abc"),
        ({"pattern": "^[a-z]+$"}, "12"),
        ({"type": "string", "pattern": "^\\w+$"}, "a_1"),
        ({"const": {"$ref": "#/finns-inte"}}, '{"$ref": "#/finns-inte"}'),
        ({"enum": [{"$ref": "#/finns-inte"}]}, '{"$ref": "#/finns-inte"}'),
    ],
)
def test_values_that_keep_the_rules_are_not_reported(tmp_path: Path, field: Any, value: str) -> None:
    """A whole number is an integer and a number; `datum` checks only texts; a period in the
    calendar passes; a pattern applies to texts only; a `$ref` inside const or enum is a value."""
    assert _one_field(tmp_path, field, value) == []


def test_unknown_keys_get_the_nearest_known_key_or_the_list(tmp_path: Path) -> None:
    """Each unknown key is reported at the key: with the nearest known key (also in another case),
    else with every key allowed there; a long key is cut in the message."""
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"frekvens": {}, "namn": {}},
            }
        },
    )
    text = "namn: a\nfrekvns: 1\nFREKVENS: 2\nzzz: 3\n" + "q" * 120 + ": 1\n"
    assert _said(folder, text) == [
        "data/x.yaml:2:1: okänt fält 'frekvns' – menade du 'frekvens'?",
        "data/x.yaml:3:1: okänt fält 'FREKVENS' – menade du 'frekvens'?",
        "data/x.yaml:4:1: okänt fält 'zzz'; tillåtna fält här: frekvens, namn.",
        "data/x.yaml:5:1: okänt fält '" + "q" * 39 + "…'; tillåtna fält här: frekvens, namn.",
    ]


def test_unknown_key_where_no_key_is_allowed(tmp_path: Path) -> None:
    """Where the schema allows no keys at all, an unknown key is reported without suggestions."""
    folder = _schemas(tmp_path, {"x.schema.json": {"type": "object", "additionalProperties": False}})
    assert _said(folder, "# kommentar\n  a: 1\n") == ["data/x.yaml:2:3: okänt fält 'a'"]


def test_required_key_missing_from_the_file(tmp_path: Path) -> None:
    """A key the file itself must have is reported where the file's data starts, naming the file."""
    folder = _schemas(tmp_path, {"x.schema.json": {"type": "object", "required": ["namn"]}})
    assert _said(folder, "# kommentar\n\nfrekvens: 1\n") == [
        "data/x.yaml:3:1: obligatoriskt fält 'namn' saknas i filen; lägg till 'namn:' med ett värde"
    ]


def test_labels_name_the_nearest_key(tmp_path: Path) -> None:
    """A value in a list is named by the list's key; a long key is cut to 40 characters."""
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {
                "type": "object",
                "properties": {"lista": {"items": {"type": "integer"}}, "a" * 50: {"type": "integer"}},
            }
        },
    )
    assert _said(folder, "lista:\n  - 1\n  - x\n" + "a" * 50 + ": x\n") == [
        "data/x.yaml:3:5: 'lista' ska vara ett heltal, men är en text",
        "data/x.yaml:4:53: '" + "a" * 39 + "…' ska vara ett heltal, men är en text",
    ]


def test_a_value_in_a_top_level_list_is_named_as_the_file(tmp_path: Path) -> None:
    """With no key above a value, the message speaks of the file."""
    folder = _schemas(tmp_path, {"x.schema.json": {"type": "array", "items": {"type": "integer"}}})
    assert _said(folder, "- 1\n- x\n") == ["data/x.yaml:2:3: filen ska vara ett heltal, men är en text"]


def test_problems_per_file_stop_at_500(tmp_path: Path) -> None:
    """500 wrong values are all reported; from the 501st one line at 1:1 says there are more."""
    folder = _schemas(tmp_path, {"x.schema.json": {"type": "array", "items": {"type": "integer"}}})
    assert len(_said(folder, "- x\n" * 500)) == 500
    said = _said(folder, "- x\n" * 501)
    assert len(said) == 501
    assert said[499] == "data/x.yaml:500:3: filen ska vara ett heltal, men är en text"
    assert said[500] == (
        "data/x.yaml:1:1: filen har fler än 500 fel mot schemat; rätta dem som visas och kör igen"
    )


def _schema_file_problem(folder: Path, name: str = "x.schema.json") -> str:
    """The one line `validera` prints when the schema for data/x.yaml cannot be used."""
    with pytest.raises(schemas.SchemaFileError) as info:
        _said(folder, "a: 1\n", name)
    p = info.value.problem
    assert (p.rule, p.severity, str(info.value)) == ("schemafil", "fel", p.message)
    return f"{p.file}:{p.line}:{p.column}: {p.message}"


BROKEN_SCHEMA_FILES = {
    "not-json": (
        '{"type": "object",\n  "properties": }\n',
        "schemas/x.schema.json:2:17: schemafilen går inte att läsa som JSON (Expecting value)",
    ),
    "nested-too-deep": (
        "[" * 100_000 + "]" * 100_000,
        "schemas/x.schema.json:1:1: schemafilen går inte att läsa",
    ),
    "not-an-object": ("[1]", "schemas/x.schema.json:1:1: schemafilen ska vara ett JSON-objekt"),
    "not-draft-07": (
        '{"properties": {"a": {"type": "heltal"}}}',
        "schemas/x.schema.json:1:1: schemafilen är inget giltigt JSON Schema (draft-07) vid properties/a/type",
    ),
    "ref-to-nothing": (
        '{"$ref": "#/definitions/saknas"}',
        "schemas/x.schema.json:1:1: schemat hänvisar ($ref) till något som inte finns, eller i en ring",
    ),
    "ref-to-a-missing-file": (
        '{"properties": {"a": {"$ref": "saknas.schema.json"}}}',
        "schemas/x.schema.json:1:1: schemat hänvisar ($ref) till något som inte finns, eller i en ring",
    ),
    "ref-ring": (
        '{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},'
        ' "$ref": "#/definitions/a"}',
        "schemas/x.schema.json:1:1: schemat hänvisar ($ref) till något som inte finns, eller i en ring",
    ),
    "ref-ring-met-while-checking": (
        '{"properties": {"a": {"$ref": "#/definitions/t"}}, "definitions": {"t": {"$ref": "#/definitions/t"}}}',
        "schemas/x.schema.json:1:1: schemat hänvisar ($ref) till något som inte finns, eller i en ring",
    ),
}


@pytest.mark.parametrize(("text", "expected"), BROKEN_SCHEMA_FILES.values(), ids=BROKEN_SCHEMA_FILES)
def test_a_broken_schema_file_is_named(tmp_path: Path, text: str, expected: str) -> None:
    """A schema file that cannot be used gives one Swedish line naming the schema file (and the
    line and column of a JSON error), never a traceback."""
    assert _schema_file_problem(_schemas(tmp_path, {"x.schema.json": text})) == expected


def test_a_schema_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """A schema saved in another encoding than UTF-8 is named as such."""
    folder = _schemas(tmp_path, {})
    (folder / "x.schema.json").write_bytes('{"title": "Örebro"}'.encode("latin-1"))
    assert _schema_file_problem(folder) == "schemas/x.schema.json:1:1: schemafilen är inte sparad som UTF-8"


def test_a_schema_that_is_a_link_or_a_folder_is_refused(tmp_path: Path) -> None:
    """A schema file that is a symbolic link, or a folder with a schema's name, is not read."""
    folder = _schemas(tmp_path, {"y.json": {"type": "object"}})
    (folder / "x.schema.json").symlink_to(folder / "y.json")
    assert _schema_file_problem(folder) == (
        "schemas/x.schema.json:1:1: schemafilen saknas eller är ingen vanlig fil"
    )
    other = _schemas(tmp_path / "annan", {})
    (other / "x.schema.json").mkdir()
    assert _schema_file_problem(other) == (
        "schemas/x.schema.json:1:1: schemafilen saknas eller är ingen vanlig fil"
    )


def test_a_missing_schema_file_is_named(tmp_path: Path) -> None:
    """A data file whose schema file does not exist names the missing schema."""
    folder = _schemas(tmp_path, {"y.schema.json": {"type": "object"}})
    assert _schema_file_problem(folder) == (
        "schemas/x.schema.json:1:1: schemafilen saknas; den behövs för att kontrollera datafilerna"
    )


def test_every_schema_file_in_the_folder_is_checked(tmp_path: Path) -> None:
    """A broken schema file is reported even when the data file's own schema is fine."""
    folder = _schemas(tmp_path, {"x.schema.json": {"type": "object"}, "y.schema.json": "[]"})
    assert _schema_file_problem(folder) == "schemas/y.schema.json:1:1: schemafilen ska vara ett JSON-objekt"


def test_a_description_beside_a_ref_is_the_one_shown(tmp_path: Path) -> None:
    """Title and description written beside a $ref win over the referred schema's own (as editors
    show them); other keywords beside a $ref are ignored, as draft-07 says."""
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {
                "type": "object",
                "properties": {
                    "kod": {
                        "$ref": "#/definitions/kod",
                        "title": "Kod",
                        "description": "Skriv koden med små bokstäver.",
                        "maxLength": 1,
                    }
                },
                "definitions": {
                    "kod": {
                        "type": "string",
                        "pattern": "^[a-z]+$",
                        "title": "Inre",
                        "description": "Inre beskrivning.",
                        "examples": ["abc"],
                    }
                },
            }
        },
    )
    assert _said(folder, "kod: ABC\n") == [
        "data/x.yaml:1:6: 'kod' har fel form ('ABC'). Skriv koden med små bokstäver."
    ]
    assert _said(folder, "kod: abc\n") == []
    assert schemas.root(folder, "x.schema.json")[0]["properties"]["kod"] == {
        "type": "string",
        "pattern": "^[a-z]+$",
        "title": "Kod",
        "description": "Skriv koden med små bokstäver.",
        "examples": ["abc"],
    }


def test_references_are_read_against_the_file_they_stand_in(tmp_path: Path) -> None:
    """A reference inside another schema file, or under an `$id`, means that file's definitions."""
    other = {
        "definitions": {
            "a": {"properties": {"b": {"$ref": "#/definitions/b"}}},
            "b": {"type": "integer"},
            "c": {"anyOf": [{"$ref": "#/definitions/b"}, {"type": "null"}]},
        }
    }
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {
                "type": "object",
                "properties": {
                    "via_ref": {"$ref": "y.schema.json#/definitions/a"},
                    "via_id": {"$id": "y.schema.json", "properties": {"b": {"$ref": "#/definitions/b"}}},
                    "in_a_list": {"$ref": "y.schema.json#/definitions/c"},
                },
                "definitions": {"b": {"type": "string"}},
            },
            "y.schema.json": other,
        },
    )
    assert _said(folder, "via_ref: {b: x}\nvia_id: {b: x}\nin_a_list: x\n") == [
        "data/x.yaml:1:14: 'b' ska vara ett heltal, men är en text",
        "data/x.yaml:2:13: 'b' ska vara ett heltal, men är en text",
        "data/x.yaml:3:12: 'in_a_list' ska vara ett heltal, men är en text",
    ]


def test_an_id_inside_an_id_is_read_against_the_outer_one(tmp_path: Path) -> None:
    """As JSON Schema says, `$id: y.schema.json` under `$id: sub/x.schema.json` names
    sub/y.schema.json, which is not among the schemas: the schema file is reported."""
    inner = {"$id": "y.schema.json", "properties": {"b": {"$ref": "#/definitions/b"}}}
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {"$id": "sub/x.schema.json", "properties": {"a": inner}},
            "y.schema.json": {"definitions": {"b": {"type": "integer"}}},
        },
    )
    assert _schema_file_problem(folder) == (
        "schemas/x.schema.json:1:1: schemat hänvisar ($ref) till något som inte finns, eller i en ring"
    )


RECURSIVE = {
    "y.schema.json": {
        "definitions": {
            "gren": {"$ref": "#/definitions/nod"},
            "lista": {
                "type": "array",
                "items": {"anyOf": [{"type": "integer"}, {"$ref": "#/definitions/lista"}]},
            },
            "nod": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "under": {"$ref": "#/definitions/gren", "title": "Under"},
                    "n": {"type": "integer"},
                },
            },
        }
    },
    "x.schema.json": {
        "type": "object",
        "properties": {
            "träd": {"$ref": "y.schema.json#/definitions/gren"},
            "listor": {"$ref": "y.schema.json#/definitions/lista"},
        },
    },
}


def test_a_recursive_schema_checks_every_level(tmp_path: Path) -> None:
    """A definition that refers to itself (also from inside a list of choices) is followed as deep
    as the data goes: a wrong value and an unknown key two levels down are reported, the key with
    the keys allowed there."""
    folder = _schemas(tmp_path, RECURSIVE)
    assert _said(folder, "träd:\n  under:\n    under:\n      n: x\n      b: 1\nlistor: [1, [2, [x]]]\n") == [
        "data/x.yaml:5:7: okänt fält 'b'; tillåtna fält här: n, under.",
        "data/x.yaml:4:10: 'n' ska vara ett heltal, men är en text",
        "data/x.yaml:6:18: 'listor' ska vara ett heltal, men är en text",
    ]


def test_root_and_resolve_follow_recursive_references(tmp_path: Path) -> None:
    """`root` gives the schema with references inlined except the recursive one, kept with its title
    and made absolute; `resolve` follows it (through a reference to a reference) to the definition,
    with a resolver that reads the references inside it against their own file."""
    folder = _schemas(tmp_path, RECURSIVE)
    node = RECURSIVE["y.schema.json"]["definitions"]["nod"]
    schema, resolver = schemas.root(folder, "x.schema.json")
    tree = schema["properties"]["träd"]
    assert tree["properties"]["under"] == {"$ref": "y.schema.json#/definitions/gren", "title": "Under"}
    assert tree["properties"]["n"] == {"type": "integer"}
    resolved, inner = schemas.resolve(resolver, tree["properties"]["under"])
    assert resolved == node
    assert schemas.resolve(inner, resolved["properties"]["under"])[0] == node
    assert schemas.resolve(resolver, {"type": "string"})[0] == {"type": "string"}
    assert schemas.resolve(resolver, True)[0] == {}


def test_a_long_unknown_key_is_compared_by_its_first_100_characters(tmp_path: Path) -> None:
    """Guessing the meant key reads at most the first 100 characters of a long unknown key (a
    pasted paragraph costs no time): the guess is the known key equal to those 100."""
    hundred = "a" * 100
    folder = _schemas(
        tmp_path,
        {
            "x.schema.json": {
                "type": "object",
                "additionalProperties": False,
                "properties": {hundred: {}, hundred + "b": {}},
            }
        },
    )
    assert _said(folder, hundred + "bc: 1\n") == [
        f"data/x.yaml:1:1: okänt fält '{'a' * 39}…' – menade du '{hundred}'?"
    ]


def test_resolve_ends_on_a_ring_of_references(tmp_path: Path) -> None:
    """A definition that only refers to itself does not hang the walks that read the schema:
    `resolve` gives up after a bounded number of steps and returns the reference itself."""
    ring = {"$ref": "#/definitions/t"}
    folder = _schemas(
        tmp_path,
        {"x.schema.json": {"type": "object", "properties": {"a": ring}, "definitions": {"t": ring}}},
    )
    schema, resolver = schemas.root(folder, "x.schema.json")
    assert schema["properties"]["a"] == {"$ref": "x.schema.json#/definitions/t"}
    assert schemas.resolve(resolver, schema["properties"]["a"])[0] == ring


def test_a_value_breaking_two_rules_gets_two_lines(tmp_path: Path) -> None:
    """A number (whole or decimal) where one of some texts is allowed, and the number within quotes
    would be one of them: one line for the type (quote it, the fix), one for the values with the
    guess."""
    assert _one_field(tmp_path, {"type": "string", "enum": ["5", "10"]}, "5") == [
        "data/x.yaml:2:4: 'v' ska vara en text, men är ett heltal; sätt värdet inom citattecken: '5'",
        "data/x.yaml:2:4: 'v' har värdet '5', som inte är tillåtet. Tillåtna värden: 5, 10. Menade du '5'?",
    ]
    assert _one_field(tmp_path / "decimal", {"type": "string", "enum": ["1.5", "2.5"]}, "1.50") == [
        "data/x.yaml:2:4: 'v' ska vara en text, men är ett decimaltal; sätt värdet inom citattecken: '1.5'",
        "data/x.yaml:2:4: 'v' har värdet '1.5', som inte är tillåtet. Tillåtna värden: 1.5, 2.5. Menade du '1.5'?",
    ]


def test_an_empty_value_or_a_list_where_a_listed_text_is_wanted_gets_one_line(tmp_path: Path) -> None:
    """An empty value, or a list, where one of some texts is allowed: one line that names the
    allowed values (not Python's 'None' or "['a']", and not "remove the line")."""
    field = {"type": "string", "oneOf": [{"const": "a"}, {"const": "b"}]}
    assert _one_field(tmp_path / "tomt", field, "") == [
        "data/x.yaml:2:3: 'v' är tomt; fyll i ett av de tillåtna värdena: a, b."
    ]
    assert _one_field(tmp_path / "lista", field, "[a]") == [
        "data/x.yaml:2:4: 'v' ska vara ett av de tillåtna värdena (a, b), men är en lista"
    ]
    assert _one_field(tmp_path / "grupp", field, "{a: 1}") == [
        "data/x.yaml:2:4: 'v' ska vara ett av de tillåtna värdena (a, b), men är en grupp av fält"
    ]


def test_a_text_of_the_wrong_type_keeps_both_lines(tmp_path: Path) -> None:
    """A text where one of some numbers is allowed: the type line (write the number without
    quotes, the fix) stays beside the list of values."""
    assert _one_field(tmp_path, {"type": "integer", "enum": [1, 2]}, "'1'") == [
        "data/x.yaml:2:4: 'v' ska vara ett heltal, men är en text ('1'). Skriv talet utan mellanslag och utan citattecken: 1",
        "data/x.yaml:2:4: 'v' har värdet '1', som inte är tillåtet. Tillåtna värden: 1, 2. Menade du '1'?",
    ]


def test_a_long_wrong_value_is_compared_by_its_first_100_characters(tmp_path: Path) -> None:
    """Guessing the meant value reads at most the first 100 characters of a long wrong value: the
    guess is the allowed value equal to those 100."""
    hundred = "a" * 100
    said = _one_field(tmp_path, {"enum": [hundred, hundred + "b"]}, hundred + "bc")
    assert len(said) == 1
    assert said[0].endswith(f"Menade du '{hundred}'?")
