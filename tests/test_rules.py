"""Rules beyond the schema: each breaks a copy of the real data (or a small hand-written file)
and points at the right line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from strategi.data import check, rules
from strategi.data.loader import Document, parse
from strategi.data.rules import budget, channels
from strategi.data.rules.context import Context
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


TYPES = "data/strategy/materialtyper.yaml"
STRATEGY = "data/strategy/strategi.yaml"


def _channel_problems(*docs: Document) -> list[tuple[str, int, int, str, str, str]]:
    """What check_channels says about small hand-written files, on 2026-11-29."""
    found = channels.check_channels(Context({d.path: d for d in docs}, dt.date(2026, 11, 29)))
    return [(p.file, p.line, p.column, p.message, p.severity, p.rule) for p in found]


def test_channel_rules_on_one_file() -> None:
    """A channel's id must be its file name; every material type (and only those) has a traffic light;
    no snapshot or review date lies in the future. Each problem names its rule."""
    types = parse("typer:\n  - id: nyhet\n  - id: politik\n", TYPES)
    channel = parse(
        'id: fejsbok\nnamn: Facebook\ngranskad: "2027-01"\nmaterialtyper:\n  nyhet: grön\n  film: gul\n'
        'nuläge:\n  - datum: "2025-h1"\n  - datum: "2027-h1"\n',
        "data/channels/facebook.yaml",
    )
    fb = "data/channels/facebook.yaml"
    assert _channel_problems(types, channel) == [
        (fb, 1, 5, "id ska vara 'facebook', samma som filens namn", "fel", "kanal"),
        (fb, 5, 3, "materialtypen 'politik' saknar trafikljus (grön, gul eller röd)", "fel", "materialtyp"),
        (fb, 6, 9, "'film' är ingen materialtyp i data/strategy/materialtyper.yaml", "fel", "materialtyp"),
        (fb, 9, 12, "nulägets datum '2027-h1' ligger i framtiden", "fel", "datum"),
        (fb, 3, 11, "granskningsdatumet '2027-01' ligger i framtiden", "fel", "datum"),
    ]


def test_complete_channel_without_traffic_lights_and_stale_status() -> None:
    """A channel marked complete must rate the material types (when they loaded); its status is stale
    after the revision interval in strategi.yaml (6 months unless set), a warning naming the channel;
    a types file without 'typer' knows no type;
    a channel without snapshots names its file and an unknown date; without 'nuläge' nothing is said."""
    types = parse("typer:\n  - id: nyhet\n", TYPES)
    text = 'id: x\nnamn: X\nfullständighet:\n  status: komplett\nnuläge:\n  - datum: "2025-h2"\n'
    channel = parse(text, "data/channels/x.yaml")
    complete = (
        "data/channels/x.yaml",
        4,
        11,
        "en komplett kanal ska ge alla materialtyper ett trafikljus under 'materialtyper:'",
        "fel",
        "materialtyp",
    )
    stale = (
        "data/channels/x.yaml",
        6,
        3,
        "digitalt nuläge för X är från hösten 2025 och behöver uppdateras (äldre än 6 månader)",
        "varning",
        "granskning",
    )
    assert _channel_problems(types, channel) == [complete, stale]
    yearly = parse("revideringsintervall_månader: 12\n", STRATEGY)
    assert _channel_problems(types, yearly, channel) == [complete]
    assert _channel_problems(channel) == [stale], "without material types there is nothing to rate"
    no_types = parse("titel: Materialtyper\n", TYPES)
    rated = parse("id: r\nmaterialtyper:\n  nyhet: grön\n", "data/channels/r.yaml")
    assert _channel_problems(no_types, rated) == [
        (
            "data/channels/r.yaml",
            3,
            10,
            "'nyhet' är ingen materialtyp i data/strategy/materialtyper.yaml",
            "fel",
            "materialtyp",
        )
    ], "a types file without 'typer' knows no type"
    empty = parse("id: tom\nnuläge: []\n", "data/channels/tom.yaml")
    without = parse("id: utan\nnamn: Utan\n", "data/channels/utan.yaml")
    assert _channel_problems(empty, without) == [
        (
            "data/channels/tom.yaml",
            2,
            9,
            "digitalt nuläge för data/channels/tom.yaml är från okänt datum och behöver uppdateras "
            "(äldre än 6 månader)",
            "varning",
            "granskning",
        )
    ]


def _budget_problems(text: str) -> list[tuple[int, int, str, str]]:
    doc = parse(text, "data/strategy/budget.yaml")
    return [
        (p.line, p.column, p.message, p.rule) for p in budget.check_budget(Context({doc.path: doc}, TODAY))
    ]


def test_budget_rules_on_a_small_file() -> None:
    """Only the totals that are given are compared with the sum of the rows (a row without an amount
    counts as 0); a row whose lowest amount exceeds its highest is an error on its 'min'."""
    rows = "webb:\n  rader:\n    - id: a\n      min: 5\n      max: 3\n    - id: b\n      min: 2\n"
    assert _budget_problems(rows + "  totalt:\n    min: 8\n") == [
        (9, 10, "angivet totalt lägsta belopp 8 kr stämmer inte med summan av raderna, 7 kr", "summa"),
        (4, 12, "lägsta beloppet är större än högsta beloppet", "summa"),
    ]
    assert _budget_problems(rows.replace("min: 5", "min: 3") + "  totalt:\n    min: 5\n    max: 3\n") == []
    assert _budget_problems("webb:\n  totalt:\n    max: 3\n") == [
        (3, 10, "angivet totalt högsta belopp 3 kr stämmer inte med summan av raderna, 0 kr", "summa")
    ]


def test_all_rules_take_the_day_they_check_on() -> None:
    """rules.check hands its date to the follow-up rules: a measurement for December 2026 has not
    begun on 2026-11-29, and is fine from 2026-12-01."""
    doc = parse(
        'mätvärden:\n  - indikator: besok\n    period: "2026-12"\n    värde: 5\n', "data/matvarden/2026.yaml"
    )
    found = rules.check({doc.path: doc}, dt.date(2026, 11, 29), [])
    assert [(p.file, p.line, p.column, p.message, p.rule) for p in found] == [
        ("data/matvarden/2026.yaml", 3, 13, "perioden 2026-12 har inte börjat än", "mätvärde")
    ]
    assert rules.check({doc.path: doc}, dt.date(2026, 12, 1), []) == []


def test_a_date_lies_in_the_future_only_when_it_begins_after_today() -> None:
    """A snapshot or review dated today, or a period that contains today, is not in the future; one
    day earlier, a date of today is."""
    dated = parse(
        'id: a\ngranskad: "2026-11-29"\nnuläge:\n  - datum: "2026-11"\n  - datum: "2026-11-29"\n',
        "data/channels/a.yaml",
    )
    month = parse('id: b\ngranskad: "2026-11"\nnuläge:\n  - datum: "2026-h2"\n', "data/channels/b.yaml")
    assert _channel_problems(dated, month) == []
    day_before = channels.check_channels(Context({dated.path: dated}, dt.date(2026, 11, 28)))
    assert [(p.line, p.column, p.message) for p in day_before] == [
        (5, 12, "nulägets datum '2026-11-29' ligger i framtiden"),
        (2, 11, "granskningsdatumet '2026-11-29' ligger i framtiden"),
    ]
