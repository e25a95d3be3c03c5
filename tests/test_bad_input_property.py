"""Property: whatever happens to a data file, `validera` ends with a verdict, never an exception,
and data it accepts renders on every page.

Hypothesis mutates the real data files at random, both as bytes (inserted YAML syntax, control
bytes, invalid UTF-8, deletions) and as structure (a value anywhere replaced by another of any
kind: huge numbers, NaN, odd text, lists, groups). The runs are bounded (a few seconds) and,
under CI=true, derandomized so a run is repeatable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategi.data import check, model
from strategi.data.loader import load
from strategi.data.rules.context import walk
from tests._viewtables import render_every_view
from tests.conftest import FROZEN, IN_CI, TODAY, copy_data

FILES = check.data_files(FROZEN)
SETTINGS = settings(
    max_examples=int(os.environ.get("STRATEGI_EGENSKAP_EXEMPEL", "25")),
    deadline=None,
    derandomize=IN_CI,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TOKENS = [
    b":",
    b": ",
    b"- ",
    b"\t",
    b"\n",
    b"\r",
    b'"',
    b"'",
    b"&a ",
    b"*a",
    b"!!int ",
    b"!x ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"#",
    b"---\n",
    b"\xff",
    b"\x00",
    b"\x1b[2J",
    b"072",
    b"4:43:20",
    b".nan",
    b"-.inf",
    b"yes",
    b"9" * 30,
    b"2021-02-30",
    b"0000",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"  ",
    b"<<: ",
    b"? ",
]

ANY_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["2021-02-30", "0000-h1", "9999-12-31", "A", "facebook", "grön", "x\n", " "]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of data/ and schemas/ per worker; each example restores the file it changed."""
    return copy_data(tmp_path_factory.mktemp("egenskap") / "projekt")


def _verdict(root: Path) -> None:
    """check.run returns; every problem points at a line; accepted data renders on every page."""
    result = check.run(root, TODAY)
    for p in result.problems:
        assert p.line >= 1, p
        assert p.column >= 1, p
        assert p.message, p
    if result.ok:
        render_every_view(model.from_result(result, TODAY))


def _mutate_bytes(raw: bytes, data: st.DataObject) -> bytes:
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]), label="kind")
        piece = data.draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=6)), label="bytes")
        if kind == "insert":
            raw = raw[:at] + piece + raw[at:]
        elif kind == "delete":
            raw = raw[:at] + raw[at + data.draw(st.integers(1, 40), label="length") :]
        else:
            raw = raw[:at] + piece + raw[at + len(piece) :]
    return raw


def _replace_at(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    tree[path[0]] = _replace_at(tree[path[0]], path[1:], value)
    return tree


@SETTINGS
@given(relpath=st.sampled_from(FILES), data=st.data())
def test_random_bytes_never_crash(relpath: str, workspace: Path, data: st.DataObject) -> None:
    """Random byte edits of a data file give exit 0 or 1 (a verdict), never an exception."""
    original = (FROZEN / relpath).read_bytes()
    try:
        (workspace / relpath).write_bytes(_mutate_bytes(original, data))
        _verdict(workspace)
    finally:
        (workspace / relpath).write_bytes(original)


@SETTINGS
@given(relpath=st.sampled_from(FILES), data=st.data())
def test_random_values_never_crash(relpath: str, workspace: Path, data: st.DataObject) -> None:
    """Any value anywhere in a data file replaced by any other gives a verdict, and accepted data renders."""
    original = (FROZEN / relpath).read_bytes()
    tree = load(FROZEN / relpath).data
    paths = [p for p, _ in walk(tree)]
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        path = data.draw(st.sampled_from(paths), label="path")
        try:
            tree = _replace_at(tree, path, data.draw(ANY_VALUE, label="value"))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this place
    modeline = original.split(b"\n", 1)[0] + b"\n"
    try:
        text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200)
        (workspace / relpath).write_bytes(modeline + text.encode("utf-8", "surrogatepass"))
        _verdict(workspace)
    finally:
        (workspace / relpath).write_bytes(original)


def _same_kind(value: Any) -> st.SearchStrategy[Any]:
    """Another value of the same kind: what a schema would still accept, at its extremes."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=0, max_value=2**53 - 1)
    if isinstance(value, float):
        return st.floats(min_value=0, max_value=100)
    if isinstance(value, str):
        return st.one_of(
            st.just(value + " & <b>'\"{{ x }}|"),
            st.just("x" * 300),
            st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=40),
        )
    return st.just(value)


def _leaves(tree: Any) -> list[tuple[tuple[Any, ...], Any]]:
    return [(p, v) for p, v in walk(tree) if p and not isinstance(v, dict | list)]


# Files with at least one value to swap (a measurement file may still be an empty list).
WITH_VALUES = [f for f in FILES if _leaves(load(FROZEN / f).data)]


@SETTINGS
@given(relpath=st.sampled_from(WITH_VALUES), data=st.data())
def test_odd_values_of_the_right_kind_never_crash(relpath: str, workspace: Path, data: st.DataObject) -> None:
    """Values swapped for others of the same kind (long words, markup, huge counts) give a verdict,
    and whatever validates renders on every page."""
    original = (FROZEN / relpath).read_bytes()
    tree = load(FROZEN / relpath).data
    leaves = _leaves(tree)
    for _ in range(data.draw(st.integers(1, 5), label="edits")):
        path, value = data.draw(st.sampled_from(leaves), label="leaf")
        tree = _replace_at(tree, path, data.draw(_same_kind(value), label="value"))
    modeline = original.split(b"\n", 1)[0] + b"\n"
    try:
        text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=200)
        (workspace / relpath).write_bytes(modeline + text.encode("utf-8"))
        _verdict(workspace)
    finally:
        (workspace / relpath).write_bytes(original)
