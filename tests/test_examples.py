"""Example files per schema: every valid example passes, every invalid one fails.

Adding a case is adding a file: tests/examples/<schema>/{valid,invalid}/<name>.yaml.
Each invalid file breaks exactly one rule and is named after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from strategi.data import schemas
from strategi.data.loader import load
from tests.conftest import ROOT

EXAMPLES = ROOT / "tests" / "examples"
SCHEMA_DIR = (ROOT / "schemas").resolve()


def _cases(kind: str) -> list[Path]:
    return sorted(EXAMPLES.glob(f"*/{kind}/*.yaml"))


def _schema_name(path: Path) -> str:
    return f"{path.parent.parent.name}.schema.json"


def _ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.parent.name}/{p.stem}" for p in paths]


def test_every_schema_has_examples_both_ways() -> None:
    """Each data schema (all but the shared definitions) has valid and invalid examples."""
    names = {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json")} - {"gemensamt"}
    missing = [
        f"{n}/{kind}"
        for n in sorted(names)
        for kind in ("valid", "invalid")
        if not list((EXAMPLES / n / kind).glob("*.yaml"))
    ]
    assert not missing, f"schemas without examples: {missing}"


@pytest.mark.parametrize("path", _cases("valid"), ids=_ids(_cases("valid")))
def test_valid_example_passes(path: Path) -> None:
    """A valid example has no schema problem."""
    doc = load(path)
    assert schemas.check(doc, SCHEMA_DIR, _schema_name(path)) == []


@pytest.mark.parametrize("path", _cases("invalid"), ids=_ids(_cases("invalid")))
def test_invalid_example_fails_with_swedish_line(path: Path) -> None:
    """An invalid example gives at least one problem, pointing past line 1 where the break is."""
    doc = load(path)
    problems = schemas.check(doc, SCHEMA_DIR, _schema_name(path))
    assert problems, f"{path.name} should break a rule but passed"
    last_line = len(path.read_text(encoding="utf-8").splitlines())
    for p in problems:
        assert 1 < p.line <= last_line, (
            f"{path.name}: line {p.line} is not inside the data (lines 2-{last_line})"
        )
        assert p.column >= 1
        assert p.message
        assert "is not" not in p.message, p.message
        assert "required property" not in p.message, p.message


@pytest.mark.parametrize(
    "path", _cases("invalid") + _cases("valid"), ids=_ids(_cases("invalid") + _cases("valid"))
)
def test_our_verdict_matches_jsonschema(path: Path) -> None:
    """Our Swedish layer never hides or invents a schema error: jsonschema agrees on pass/fail."""
    doc = load(path)
    v = schemas.validator(SCHEMA_DIR, _schema_name(path))
    assert v.META_SCHEMA == Draft7Validator.META_SCHEMA  # draft-07, extended only by ECMA-262 patterns
    assert bool(list(v.iter_errors(doc.data))) == bool(schemas.check(doc, SCHEMA_DIR, _schema_name(path)))
