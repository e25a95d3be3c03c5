"""Every kind of cross-reference in the data is checked: a wrong id is reported with the nearest known one.

The places below are written out by hand from the data (not read from references.REFERENCES), so
removing a reference rule makes one of these cases fail.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from strategi.data import check
from strategi.data.loader import Document, parse
from strategi.data.rules import references
from strategi.data.rules.context import Context, match
from tests.conftest import TODAY

ORGANISATION = "data/strategy/organisation.yaml"

CASES: list[tuple[str, tuple[Any, ...], str, str]] = [
    # (file, path to a real reference, its value, what it must name)
    (
        "data/strategy/organisation.yaml",
        ("personer", 0, "roller", 0),
        "redaktor-sociala-medier",
        "roll i data/strategy/organisation.yaml",
    ),
    ("data/strategy/organisation.yaml", ("personer", 0, "kanaler", 0), "facebook", "kanal i data/channels/"),
    (
        "data/strategy/organisation.yaml",
        ("grupper", 0, "medlemsroller", 0),
        "ansvarig-sociala-medier",
        "roll i data/strategy/organisation.yaml",
    ),
    ("data/strategy/organisation.yaml", ("grupper", 0, "kanaler", 0), "webbplats", "kanal i data/channels/"),
    (
        "data/strategy/organisation.yaml",
        ("grupper", 3, "ingår_i"),
        "regionkansliet",
        "grupp i data/strategy/organisation.yaml",
    ),
    (
        "data/strategy/organisation.yaml",
        ("kanaler_utan_huvudredaktörer", "kanaler", 0),
        "instagram",
        "kanal i data/channels/",
    ),
    (
        "data/strategy/budget.yaml",
        ("webb", "ansvarig_roll"),
        "forvaltningsledare",
        "roll i data/strategy/organisation.yaml",
    ),
    (
        "data/strategy/process.yaml",
        ("uppdrag", 0, "till", 0),
        "redaktorsgrupp-sociala-medier",
        "grupp i data/strategy/organisation.yaml",
    ),
    (
        "data/strategy/process.yaml",
        ("uppdrag", 0, "redovisas_till"),
        "strategigruppen-for-kommunikation",
        "grupp i data/strategy/organisation.yaml",
    ),
    ("data/strategy/process.yaml", ("uppdrag", 1, "kanaler", 0), "linkedin", "kanal i data/channels/"),
    (
        "data/strategy/process.yaml",
        ("beslut", "personer", 0),
        "victoria-rydergard",
        "person i data/strategy/organisation.yaml",
    ),
    ("data/strategy/materialtyper.yaml", ("typer", 0, "stöttar_mål", 0), "A", "mål i data/strategy/mal.yaml"),
    ("data/strategy/personas.yaml", ("matris", "rader", 4, "kanal"), "webbplats", "kanal i data/channels/"),
    ("data/channels/facebook.yaml", ("mål", 0, "mål", 0), "A", "mål i data/strategy/mal.yaml"),
    ("data/channels/webbplats.yaml", ("personas", 0), "behovande", "persona i data/strategy/personas.yaml"),
    (
        "data/channels/facebook.yaml",
        ("organisation", "personer", 0),
        "victoria-rydergard",
        "person i data/strategy/organisation.yaml",
    ),
    (
        "data/channels/facebook.yaml",
        ("organisation", "kanalansvariga", 0),
        "victoria-rydergard",
        "person i data/strategy/organisation.yaml",
    ),
    (
        "data/channels/linkedin.yaml",
        ("uppdrag", 0),
        "linkedin-mal-och-arbetssatt",
        "uppdrag i data/strategy/process.yaml",
    ),
    (
        "data/channels/facebook.yaml",
        ("organisation", "roller", 0),
        "kanalansvarig",
        "roll i data/strategy/organisation.yaml",
    ),
    (
        "data/channels/twitter.yaml",
        ("fullständighet", "uppdrag"),
        "komplettera-twitter-och-pressrum",
        "uppdrag i data/strategy/process.yaml",
    ),
]


def _case_id(relpath: str, path: tuple[Any, ...]) -> str:
    """An ASCII test id such as 'organisation-personer-0-roller-0'."""
    words = [Path(relpath).stem, *map(str, path)]
    return "-".join(words).translate(str.maketrans("åäö", "aao"))


@pytest.fixture(scope="module")
def documents(frozen_root: Path) -> dict[str, Document]:
    result = check.run(frozen_root, TODAY)
    assert result.ok
    return result.documents


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


def _with(
    documents: dict[str, Document], relpath: str, path: tuple[Any, ...], value: Any
) -> dict[str, Document]:
    doc = documents[relpath]
    return {**documents, relpath: dataclasses.replace(doc, data=_set(doc.data, path, value))}


@pytest.mark.parametrize(
    ("relpath", "path", "value", "target"), CASES, ids=[_case_id(c[0], c[1]) for c in CASES]
)
def test_misspelt_reference_is_reported_with_the_nearest_id(
    documents: dict[str, Document], relpath: str, path: tuple[Any, ...], value: str, target: str
) -> None:
    """A reference one letter off is an error at its own line naming what it should be and the id meant."""
    doc = documents[relpath]
    assert _lookup(doc.data, path) == value, "the case must point at a real reference"
    broken = _with(documents, relpath, path, value + "x")
    problems = list(references.check_references(Context(broken, TODAY)))
    line, col = doc.where(path)
    assert [(p.file, p.line, p.column, p.message, p.rule) for p in problems] == [
        (relpath, line, col, f"'{value}x' finns inte som {target}. Menade du '{value}'?", "referens")
    ]


def _lookup(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def test_unknown_reference_without_near_match_lists_the_known_ids(documents: dict[str, Document]) -> None:
    """A reference far from every id lists all known ids of that kind, sorted."""
    broken = _with(documents, "data/strategy/materialtyper.yaml", ("typer", 0, "stöttar_mål", 0), "Q")
    messages = [p.message for p in references.check_references(Context(broken, TODAY))]
    goals = sorted(str(g["id"]) for g in documents["data/strategy/mal.yaml"].data["mål"])
    assert messages == [f"'Q' finns inte som mål i data/strategy/mal.yaml. Kända: {', '.join(goals)}."]
    assert goals == ["1", "2", "A", "B", "C"]


def test_empty_reference_is_not_an_error(documents: dict[str, Document]) -> None:
    """A reference left empty (null) is not checked: the matrix rows without a channel stay valid."""
    broken = _with(documents, "data/strategy/personas.yaml", ("matris", "rader", 4, "kanal"), None)
    assert list(references.check_references(Context(broken, TODAY))) == []


def test_reference_into_a_broken_file_is_skipped(documents: dict[str, Document]) -> None:
    """When the file a reference points into failed to load, the reference is not reported as well."""
    without_goals = {p: d for p, d in documents.items() if p != "data/strategy/mal.yaml"}
    broken = _with(without_goals, "data/channels/facebook.yaml", ("mål", 0, "mål", 0), "Q")
    assert list(references.check_references(Context(broken, TODAY))) == []


def test_channel_known_by_file_name_even_if_its_file_is_broken(documents: dict[str, Document]) -> None:
    """A channel file with errors still counts as a channel, so references to it are not errors too."""
    without_facebook = {p: d for p, d in documents.items() if p != "data/channels/facebook.yaml"}
    files = [p for p in documents if p.startswith("data/channels/")]
    assert list(references.check_references(Context(without_facebook, TODAY, files))) == []
    unknown = {p.message.split(".")[0] for p in references.check_references(Context(without_facebook, TODAY))}
    assert unknown == {"'facebook' finns inte som kanal i data/channels/"}


def test_group_part_of_itself_is_an_error(documents: dict[str, Document]) -> None:
    """A group whose 'ingår_i' names itself is an error at that 'ingår_i'."""
    broken = _with(documents, ORGANISATION, ("grupper", 3, "ingår_i"), "kommunikationsstaben")
    line, col = documents[ORGANISATION].where(("grupper", 3, "ingår_i"))
    assert [
        (p.file, p.line, p.column, p.message, p.rule) for p in references.check_groups(Context(broken, TODAY))
    ] == [
        (
            ORGANISATION,
            line,
            col,
            "gruppen 'kommunikationsstaben' ingår i sig själv (via 'ingår_i'); "
            "en grupp kan inte vara en del av sig själv",
            "referens",
        )
    ]


def test_groups_part_of_each_other_are_both_errors(documents: dict[str, Document]) -> None:
    """Two groups each part of the other: both are reported, in file order; the real chain is fine."""
    assert list(references.check_groups(Context(documents, TODAY))) == []
    broken = _with(documents, ORGANISATION, ("grupper", 4, "ingår_i"), "kommunikationsstaben")
    assert [p.message.split(" (")[0] for p in references.check_groups(Context(broken, TODAY))] == [
        "gruppen 'kommunikationsstaben' ingår i sig själv",
        "gruppen 'regionkansliet' ingår i sig själv",
    ]


def _unknown_channel_message(channels: list[str], value: str) -> str:
    """The one message for a process assignment naming the channel ``value`` when ``channels`` exist."""
    doc = parse(f"uppdrag:\n  - id: u\n    kanaler: [{value}]\n", "data/strategy/process.yaml")
    problems = list(references.check_references(Context({doc.path: doc}, TODAY, channels)))
    assert len(problems) == 1, problems
    return problems[0].message


def test_known_ids_are_listed_up_to_twenty() -> None:
    """Without a near match the known ids are listed: all of them up to 20, else the first 20 and how
    many more; with no known id at all, nothing is listed."""
    twenty = [f"k{i:02}" for i in range(20)]
    assert _unknown_channel_message(twenty, "zzz") == (
        f"'zzz' finns inte som kanal i data/channels/. Kända: {', '.join(twenty)}."
    )
    assert _unknown_channel_message([*twenty, "k20"], "zzz") == (
        f"'zzz' finns inte som kanal i data/channels/. Kända: {', '.join(twenty)} och 1 till."
    )
    assert _unknown_channel_message([*twenty, "k20", "k21", "k22"], "zzz") == (
        f"'zzz' finns inte som kanal i data/channels/. Kända: {', '.join(twenty)} och 3 till."
    )
    assert _unknown_channel_message([], "zzz") == "'zzz' finns inte som kanal i data/channels/."


def test_near_match_looks_at_the_first_hundred_characters() -> None:
    """The 'Menade du' hint compares only a value's first 100 characters with the known ids (the
    comparison grows with the square of the length): what follows cannot take the hint away."""
    known = "a" * 43
    message = _unknown_channel_message([known], known + "b" * 57 + "c")
    assert message.endswith(f" Menade du '{known}'?")


def test_duplicate_id_names_the_line_of_the_first_id() -> None:
    """A repeated id is reported at its own 'id:' with the rule 'id', naming the line of the first
    'id:' (not of the item's first key)."""
    doc = parse("poster:\n  - namn: a\n    id: x\n  - namn: b\n    id: x\n", "data/plan/p.yaml")
    assert [
        (p.file, p.line, p.column, p.message, p.rule)
        for p in references.check_unique_ids(Context({doc.path: doc}, TODAY))
    ] == [("data/plan/p.yaml", 5, 9, "id 'x' finns redan på rad 3; varje id ska vara unikt", "id")]


def test_near_matches_are_sought_for_fifty_distinct_values_only() -> None:
    """A file with very many bad references stays quick: the first 50 distinct bad values get a
    'Menade du' hint, later ones the list of known ids; a repeated value keeps its first hint."""
    values = [f"webb{i}" for i in range(52)]
    text = "uppdrag:\n  - id: u\n    kanaler: [" + ", ".join([*values, "webb0", "webb51"]) + "]\n"
    doc = parse(text, "data/strategy/process.yaml")
    hints = [
        p.message.split(". ", 1)[1]
        for p in references.check_references(Context({doc.path: doc}, TODAY, ["webb"]))
    ]
    assert hints == ["Menade du 'webb'?"] * 50 + ["Kända: webb."] * 2 + ["Menade du 'webb'?", "Kända: webb."]


def test_every_publishing_plan_file_is_checked_whatever_its_name() -> None:
    """A publishing plan under data/plan/ is checked as a plan whatever the file is called."""
    doc = parse("poster:\n  - kanal: myspace\n", "data/plan/2026.yaml")
    assert [
        (p.file, p.line, p.column, p.message)
        for p in references.check_references(Context({doc.path: doc}, TODAY, ["webb"]))
    ] == [("data/plan/2026.yaml", 2, 12, "'myspace' finns inte som kanal i data/channels/. Kända: webb.")]


def test_a_star_in_a_reference_pattern_matches_list_positions_and_keys() -> None:
    """'*' in a place pattern stands for any list position and any key of a mapping."""
    data = {"a": [{"x": 1}, {"y": 2}], "b": {"k": {"x": 3}, "l": {"x": 4}}}
    assert list(match(data, ("a", "*", "x"))) == [(("a", 0, "x"), 1)]
    assert list(match(data, ("b", "*", "x"))) == [(("b", "k", "x"), 3), (("b", "l", "x"), 4)]
    assert list(match(data, ("c", "*"))) == []


def test_ids_are_unique_in_a_list_inside_a_list_item() -> None:
    """Lists inside the items of a list are checked too (a list item holding its own list)."""
    doc = parse("poster:\n  - id: a\n    delar:\n      - id: x\n      - id: x\n", "data/plan/p.yaml")
    assert [
        (p.line, p.column, p.message) for p in references.check_unique_ids(Context({doc.path: doc}, TODAY))
    ] == [(5, 13, "id 'x' finns redan på rad 4; varje id ska vara unikt")]


def test_only_the_groups_on_a_cycle_are_reported() -> None:
    """A group leading into a cycle of other groups is not itself part of itself: only the groups on
    the cycle are reported; a group without an id is passed over, not the end of the check."""
    text = (
        "grupper:\n  - namn: Utan id\n  - id: a\n    ingår_i: b\n  - id: b\n    ingår_i: c\n"
        "  - id: c\n    ingår_i: b\n"
    )
    doc = parse(text, ORGANISATION)
    assert [
        (p.line, p.column, p.message.split(" (")[0])
        for p in references.check_groups(Context({doc.path: doc}, TODAY))
    ] == [
        (6, 14, "gruppen 'b' ingår i sig själv"),
        (8, 14, "gruppen 'c' ingår i sig själv"),
    ]
