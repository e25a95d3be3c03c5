"""What an editor reads after one realistic mistake: the exact Swedish message at the exact place.

Each case breaks one thing in a copy of the real data and lists every line `validera` prints for
it, written out in full (file:line:col: message).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strategi.commands import cli
from strategi.data import check
from tests.conftest import FIXED_TODAY, TODAY, copy_data, edit, run_cli


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ and schemas/ only: enough for `check.run`."""
    return copy_data(tmp_path)


def line_of(root: Path, relpath: str, pattern: str) -> int:
    """The 1-based line of the first regex match in a data file, as the test reads it."""
    text = (root / relpath).read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, pattern
    return text[: match.start()].count("\n") + 1


def errors(root: Path) -> list[str]:
    return [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in check.run(root, TODAY).errors]


FB = "data/channels/facebook.yaml"
BUDGET = "data/strategy/budget.yaml"

# One mistake each: (file, regex of the line to change, what to write instead, every message, with
# {line} for the changed line).
ONE_LINE_MISTAKES = {
    "enum-suggests-nearest": (
        FB,
        r"^  politik: gul$",
        "  politik: rod",
        [
            "{line}:12: 'politik' har värdet 'rod', som inte är tillåtet. Tillåtna värden: grön, gul, röd. Menade du 'röd'?"
        ],
    ),
    "enum-far-from-all-no-guess": (
        FB,
        r"^  politik: gul$",
        "  politik: blå",
        ["{line}:12: 'politik' har värdet 'blå', som inte är tillåtet. Tillåtna värden: grön, gul, röd."],
    ),
    "enum-other-case": (
        FB,
        r"^  politik: gul$",
        "  politik: GUL",
        [
            "{line}:12: 'politik' har värdet 'GUL', som inte är tillåtet. Tillåtna värden: grön, gul, röd. Menade du 'gul'?"
        ],
    ),
    "enum-boolean-as-written": (
        FB,
        r"^  politik: gul$",
        "  politik: true",
        # One line: the allowed values are the fix; "quote it" would be wrong advice here.
        ["{line}:12: 'politik' har värdet 'true', som inte är tillåtet. Tillåtna värden: grön, gul, röd."],
    ),
    "exclusive-bound-is-not-allowed": (
        "data/strategy/indikatorer.yaml",
        r"^      förändring_procent: 100$",
        "      förändring_procent: 0",
        ["{line}:27: 'förändring_procent' är 0, men måste vara större än 0"],
    ),
    "quoted-number-hint": (
        FB,
        r"^      följare: 17000$",
        '      följare: "17 000"',
        [
            "{line}:16: 'följare' ska vara ett heltal, men är en text ('17 000'). "
            "Skriv talet utan mellanslag och utan citattecken: 17000"
        ],
    ),
    "quoted-decimal-comma-hint": (
        FB,
        r"^      andel_kvinnor: 72$",
        '      andel_kvinnor: "72,5"',
        [
            "{line}:22: 'andel_kvinnor' ska vara ett tal, men är en text ('72,5'). "
            "Skriv talet utan mellanslag och utan citattecken: 72.5"
        ],
    ),
    "quoted-number-with-no-break-spaces-hint": (
        FB,
        r"^      följare: 17000$",
        '      följare: "17\u00a0000"',
        [
            "{line}:16: 'följare' ska vara ett heltal, men är en text ('17\u00a0000'). "
            "Skriv talet utan mellanslag och utan citattecken: 17000"
        ],
    ),
    "true-where-text": (
        FB,
        r"^  frekvens: 1-3 inlägg/vardag$",
        "  frekvens: true",
        ["{line}:13: 'frekvens' ska vara en text, men är true/false; sätt värdet inom citattecken: 'true'"],
    ),
    "unknown-key-far-from-all": (
        FB,
        r"^  frekvens:",
        "  xyz:",
        [
            "{line}:3: okänt fält 'xyz'; tillåtna fält här: frekvens, funkar_bra, innehåll, målgrupp, när, "
            "publik, sponsring, tonalitet, undvik."
        ],
    ),
    "empty-value": (
        FB,
        r"^      följare: 17000$",
        "      följare:",
        [
            "{line}:15: 'följare' ska vara ett heltal, men är tomt; fyll i ett värde efter kolonet eller ta bort raden"
        ],
    ),
    "number-where-text": (
        FB,
        r"^  frekvens: 1-3 inlägg/vardag$",
        "  frekvens: 3",
        ["{line}:13: 'frekvens' ska vara en text, men är ett heltal; sätt värdet inom citattecken: '3'"],
    ),
    "unknown-key-suggests-known": (
        FB,
        r"^  frekvens:",
        "  frekvns:",
        ["{line}:3: okänt fält 'frekvns' – menade du 'frekvens'?"],
    ),
    "budget-total-max": (
        BUDGET,
        r"^    max: 5476000$",
        "    max: 5476001",
        ["{line}:10: angivet totalt högsta belopp 5476001 kr stämmer inte med summan av raderna, 5476000 kr"],
    ),
}


@pytest.mark.parametrize(
    ("relpath", "pattern", "replacement", "expected"), ONE_LINE_MISTAKES.values(), ids=ONE_LINE_MISTAKES
)
def test_one_line_mistake(
    data_copy: Path, relpath: str, pattern: str, replacement: str, expected: list[str]
) -> None:
    """One changed line gives exactly the listed Swedish messages, at that line."""
    line = edit(data_copy / relpath, pattern, replacement)
    assert errors(data_copy) == [f"{relpath}:" + e.format(line=line) for e in expected]


def test_budget_row_with_min_above_max(data_copy: Path) -> None:
    """A budget row whose lowest amount exceeds its highest is reported on the row, and the total no longer adds up."""
    line = edit(data_copy / BUDGET, r"^      min: 1600000$", "      min: 2500000")
    total = line_of(data_copy, BUDGET, r"^    min: 3388000$")
    assert errors(data_copy) == [
        f"{BUDGET}:{line}:12: lägsta beloppet är större än högsta beloppet",
        f"{BUDGET}:{total}:10: angivet totalt lägsta belopp 3388000 kr stämmer inte med summan av raderna, 4288000 kr",
    ]


def test_budget_row_with_min_equal_to_max_is_fine(data_copy: Path) -> None:
    """Equal lowest and highest amounts are allowed; only the total is then wrong."""
    edit(data_copy / BUDGET, r"^      min: 1600000$", "      min: 2400000")
    assert [e.split(": ", 1)[1] for e in errors(data_copy)] == [
        "angivet totalt lägsta belopp 3388000 kr stämmer inte med summan av raderna, 4188000 kr"
    ]


def test_duplicate_id_in_a_nested_list(data_copy: Path) -> None:
    """Ids are unique inside nested lists too (a channel's snapshots): the second names the first's line."""
    first = line_of(data_copy, FB, r"^  - id: tabell-2020-h1$")
    line = edit(data_copy / FB, r"^  - id: kanalavsnitt$", "  - id: tabell-2020-h1")
    assert (
        f"{FB}:{line}:9: id 'tabell-2020-h1' finns redan på rad {first}; varje id ska vara unikt"
        in errors(data_copy)
    )


def test_duplicate_id_two_levels_down(data_copy: Path) -> None:
    """Budget rows sit two levels down (webb › rader): a repeated id there is reported as well."""
    line = edit(data_copy / BUDGET, r"^    - id: design$", "    - id: systemutveckling")
    first = line_of(data_copy, BUDGET, r"^    - id: systemutveckling$")
    assert errors(data_copy) == [
        f"{BUDGET}:{line}:11: id 'systemutveckling' finns redan på rad {first}; varje id ska vara unikt"
    ]


def test_same_id_in_different_lists_is_fine(data_copy: Path) -> None:
    """The same id in two different lists is no error (uniqueness is per list)."""
    edit(data_copy / FB, r"^  - id: kanalavsnitt$", "  - id: mal-a")
    assert errors(data_copy) == []


def test_missing_required_key(data_copy: Path) -> None:
    """A missing required key is named with how to add it."""
    edit(data_copy / FB, r"^namn: Facebook\n", "")
    assert errors(data_copy) == [
        f"{FB}:2:1: obligatoriskt fält 'namn' saknas i filen; lägg till 'namn:' med ett värde"
    ]


def test_channel_id_must_match_file_name(data_copy: Path) -> None:
    """A channel whose id differs from its file name is told which id to use."""
    line = edit(data_copy / FB, r"^id: facebook$", "id: fejsbok")
    assert f"{FB}:{line}:5: id ska vara 'facebook', samma som filens namn" in errors(data_copy)


def test_missing_traffic_light(data_copy: Path) -> None:
    """A channel must rate every material type: a missing one is named at the 'materialtyper:' key."""
    edit(data_copy / FB, r"^  politik: gul\n", "")
    line = line_of(data_copy, FB, r"^materialtyper:$")
    assert errors(data_copy) == [
        f"{FB}:{line}:1: obligatoriskt fält 'politik' saknas i 'materialtyper'; lägg till 'politik:' med ett värde"
    ]


def test_future_snapshot_date(data_copy: Path) -> None:
    """A nuläge dated after today is reported as lying in the future."""
    line = edit(data_copy / FB, r'^    datum: "2020-h1"$', '    datum: "2027-01"')
    assert f"{FB}:{line}:12: nulägets datum '2027-01' ligger i framtiden" in errors(data_copy)


def test_stale_status_is_a_swedish_warning(frozen_root: Path) -> None:
    """On 2026-11-29 the 2020 channels' nuläge is old: a warning (not an error) in Swedish with the period in words."""
    warnings = [p for p in check.run(frozen_root, TODAY).problems if not p.is_error]
    facebook = [p for p in warnings if p.file == FB]
    assert [(p.message, p.rule) for p in facebook] == [
        (
            "digitalt nuläge för Facebook är från våren 2020 och behöver uppdateras (äldre än 6 månader)",
            "granskning",
        )
    ]


def test_a_broken_schema_file_fails_validera(
    data_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema file that is not JSON: `validera` names it at the JSON error's line and column,
    checks nothing more against it, and exits with status 1."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    (data_copy / "schemas/mal.schema.json").write_text('{"type": "object",\n  "properties": }\n', "utf-8")
    code = cli.main(["validera", "--rot", str(data_copy)])
    out = capsys.readouterr().out
    assert code == 1
    first, summary = out.splitlines()
    assert first == "schemas/mal.schema.json:2:17: schemafilen går inte att läsa som JSON (Expecting value)"
    assert summary.startswith("1 fel i ")


def test_validera_reads_utf8_whatever_the_locale(data_copy: Path) -> None:
    """The data and schemas hold å, ä and ö: `validera` finds no error in them here (a UTF-8
    locale) and also on a machine whose locale is ASCII with Python's UTF-8 mode off (as on many
    Windows machines), because it reads them as UTF-8 whatever the locale: exit 0."""
    assert errors(data_copy) == []
    result = run_cli(
        "validera",
        "--rot",
        str(data_copy),
        env={"PYTHONUTF8": "0", "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0"},
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("Inga fel och ")
