"""Measurement files and the `mätvärde` command: every bad row is named, in Swedish, at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strategi.data import check
from tests.conftest import copy_project, run_cli

HEADER = "# yaml-language-server: $schema=../../schemas/matvarden.schema.json\nmätvärden:\n"
TODAY = dt.date(2021, 4, 20)


def _row(indicator: str, period: str, value: str, extra: str = "") -> str:
    return f'  - indikator: {indicator}\n    period: "{period}"\n    värde: {value}\n    källa: Test\n{extra}'


def _messages(project: Path, name: str, rows: str) -> list[str]:
    (project / "data/matvarden").mkdir(exist_ok=True)
    (project / f"data/matvarden/{name}").write_text(HEADER + rows, encoding="utf-8")
    return [f"{p.file}:{p.line}: {p.message}" for p in check.run(project, TODAY).errors]


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def test_valid_rows_pass(proj: Path) -> None:
    """Three months of a percentage and a count are accepted."""
    rows = _row("facebook-interaktionsfrekvens", "2021-01", "6.5") + _row(
        "facebook-foljare", "2021-01", "17250"
    )
    assert _messages(proj, "2021.yaml", rows) == []


def test_unknown_indicator_suggests_the_near_one(proj: Path) -> None:
    """A misspelt indicator id is an error that suggests the right one."""
    assert _messages(proj, "2021.yaml", _row("facebok-foljare", "2021-01", "1")) == [
        "data/matvarden/2021.yaml:3: indikatorn 'facebok-foljare' finns inte i "
        "data/strategy/indikatorer.yaml. Menade du 'facebook-foljare'?"
    ]


def test_wrong_unit(proj: Path) -> None:
    """A row stating another unit than its indicator's is an error."""
    rows = _row("facebook-foljare", "2021-01", "5", "    enhet: procent\n")
    assert _messages(proj, "2021.yaml", rows) == [
        "data/matvarden/2021.yaml:7: indikatorn 'facebook-foljare' mäts i antal, inte i procent"
    ]


@pytest.mark.parametrize(
    ("indicator", "value", "unit_words"),
    [
        ("facebook-interaktionsfrekvens", "140", "procent (0–100)"),
        ("facebook-foljare", "-3", "antal (ett heltal)"),
        ("facebook-foljare", "12.5", "antal (ett heltal)"),
        ("facebook-visningstid-film", "-1", "sekunder (0 eller mer)"),
    ],
)
def test_value_no_platform_could_give(proj: Path, indicator: str, value: str, unit_words: str) -> None:
    """Percentages above 100, negative or fractional counts and negative times are refused."""
    [message] = _messages(proj, "2021.yaml", _row(indicator, "2021-01", value))
    assert message.endswith(f"kan ingen plattform ge för '{indicator}', som mäts i {unit_words}")


def test_period_outside_the_strategy(proj: Path) -> None:
    """A month after the strategy's period (to 2022) is refused."""
    [message] = _messages(proj, "2023.yaml", _row("facebook-foljare", "2023-01", "1"))
    assert message == (
        "data/matvarden/2023.yaml:4: perioden 2023-01 ligger utanför strategins period (2020-01 till 2022-12)"
    )


def test_period_in_another_years_file(proj: Path) -> None:
    """A row for 2021 in 2020.yaml is refused, naming the right file."""
    [message] = _messages(proj, "2020.yaml", _row("facebook-foljare", "2021-01", "1"))
    assert message == "data/matvarden/2020.yaml:4: perioden 2021-01 hör till 2021.yaml, inte 2020.yaml"


def test_duplicate_period(proj: Path) -> None:
    """Two rows for the same indicator and month: the second is named, pointing at the first."""
    rows = _row("facebook-foljare", "2021-01", "1") + _row("facebook-foljare", "2021-01", "2")
    assert _messages(proj, "2021.yaml", rows) == [
        "data/matvarden/2021.yaml:7: 'facebook-foljare' har redan ett värde för 2021-01 "
        "(data/matvarden/2021.yaml:3); en rad per indikator och månad"
    ]


def test_future_month(proj: Path) -> None:
    """A month that has not begun cannot have been measured."""
    [message] = _messages(proj, "2021.yaml", _row("facebook-foljare", "2021-06", "1"))
    assert message == "data/matvarden/2021.yaml:4: perioden 2021-06 har inte börjat än"


def test_file_not_named_after_a_year(proj: Path) -> None:
    """A measurement file must be named after its year."""
    messages = _messages(proj, "facebook.yaml", _row("facebook-foljare", "2021-01", "1"))
    assert (
        "data/matvarden/facebook.yaml:2: filen ska heta efter året den gäller, till exempel '2021.yaml', inte 'facebook.yaml'"
        in messages
    )


def test_command_appends_one_row_and_accepts_swedish_decimals(proj: Path) -> None:
    """`mätvärde` with '6,5' writes 6.5 to the year's file, with the schema line first."""
    result = run_cli(
        "mätvärde",
        "facebook-interaktionsfrekvens",
        "2021-02",
        "6,5",
        "--rot",
        str(proj),
        env={"STRATEGI_IDAG": "2021-04-20"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "La till facebook-interaktionsfrekvens 2021-02: 6,5 i data/matvarden/2021.yaml.\n"
    assert (proj / "data/matvarden/2021.yaml").read_text(encoding="utf-8") == HEADER + (
        '  - indikator: facebook-interaktionsfrekvens\n    period: "2021-02"\n    värde: 6.5\n'
        '    källa: "Kanalens månadsstatistik"\n'
    )


def test_command_leaves_nothing_behind_on_error(proj: Path) -> None:
    """A refused row leaves no file (or the old file) behind, and the reason is printed, exit 1."""
    result = run_cli(
        "mätvärde",
        "facebook-foljare",
        "2021-02",
        "12,5",
        "--rot",
        str(proj),
        env={"STRATEGI_IDAG": "2021-04-20"},
    )
    assert result.returncode == 1
    assert "kan ingen plattform ge för 'facebook-foljare'" in result.stderr
    assert not (proj / "data/matvarden/2021.yaml").exists()


def test_command_refuses_a_period_that_is_not_a_month(proj: Path) -> None:
    """'2021-1' is not a month: a Swedish message, exit 1, no traceback."""
    result = run_cli("mätvärde", "facebook-foljare", "2021-1", "3", "--rot", str(proj))
    assert result.returncode == 1
    assert result.stderr == "fel: perioden '2021-1' ska vara en månad, ÅÅÅÅ-MM, till exempel 2021-02\n"
