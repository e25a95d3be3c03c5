"""Cross-reference rules: each breaks on a copy of the real data and points at the right line."""

from __future__ import annotations

from pathlib import Path

from strategi import check
from tests.conftest import ROOT, TODAY, edit


def _edit(project: Path, relpath: str, pattern: str, replacement: str) -> int:
    """Replace the first regex match in a data file; return the 1-based line it was on."""
    return edit(project / relpath, pattern, replacement)


def _errors(project: Path) -> list[str]:
    result = check.run(project, TODAY)
    return [f"{p.file}:{p.line}: {p.message}" for p in result.errors]


def test_real_data_passes_every_rule() -> None:
    """The repository's data has no rule errors."""
    assert _errors(ROOT) == []


def test_unknown_goal_reference(project: Path) -> None:
    """A material type supporting a goal that does not exist is an error on that line."""
    line = _edit(project, "data/strategy/materialtyper.yaml", r"stöttar_mål: \[A,", "stöttar_mål: [Q,")
    errors = _errors(project)
    assert any(
        e.startswith(f"data/strategy/materialtyper.yaml:{line}:") and "'Q' finns inte som mål" in e
        for e in errors
    ), errors


def test_unknown_role_reference_suggests_the_closest(project: Path) -> None:
    """A misspelt role id gets the closest known id as a suggestion."""
    _edit(
        project,
        "data/strategy/budget.yaml",
        r"ansvarig_roll: forvaltningsledare",
        "ansvarig_roll: forvaltningsledar",
    )
    errors = _errors(project)
    assert any(
        "'forvaltningsledar' finns inte som roll" in e and "Menade du 'forvaltningsledare'?" in e
        for e in errors
    ), errors


def test_unknown_group_in_assignment(project: Path) -> None:
    """An assignment given to a group that does not exist is an error."""
    _edit(
        project, "data/strategy/process.yaml", r"- strategigruppen-for-kommunikation", "- strategigrupp-okand"
    )
    assert any("'strategigrupp-okand' finns inte som grupp" in e for e in _errors(project))


def test_unknown_channel_reference(project: Path) -> None:
    """A reference to a channel without a file in data/channels/ is an error."""
    _edit(project, "data/strategy/process.yaml", r"- linkedin", "- myspace")
    assert any("'myspace' finns inte som kanal" in e for e in _errors(project))


def test_duplicate_id_names_the_first(project: Path) -> None:
    """Two items with the same id in one list: the second is an error naming the first's line."""
    _edit(project, "data/strategy/mal.yaml", r'id: "B"|id: B\b', 'id: "A"')
    errors = _errors(project)
    assert any("id 'A' finns redan på rad" in e for e in errors), errors


def test_budget_total_must_equal_sum(project: Path) -> None:
    """A stated budget total that differs from the sum of its lines is an error with both figures."""
    line = _edit(project, "data/strategy/budget.yaml", r"min: 3388000", "min: 3388001")
    errors = _errors(project)
    assert any(
        e.startswith(f"data/strategy/budget.yaml:{line}:") and "3388001" in e and "3388000" in e
        for e in errors
    ), errors


def test_impossible_date(project: Path) -> None:
    """A date that does not exist in the calendar is an error."""
    _edit(
        project,
        "data/strategy/strategi.yaml",
        r'senast_uppdaterad: "2021-01-19"',
        'senast_uppdaterad: "2021-02-30"',
    )
    assert any("'2021-02-30' finns inte i kalendern" in e for e in _errors(project))
