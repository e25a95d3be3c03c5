"""The project's own bad-input corpus: every kind of bad input is refused cleanly.

Each case breaks a copy of the real data in one way and states where the error must point
(file and line) and a piece of its Swedish text. Every case asserts exit status 1, that line,
and that nothing escapes as an exception (in a subprocess that would be a traceback).
Adding a case is adding one entry to CASES.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategi.commands import cli
from strategi.data import schemas
from tests.conftest import FIXED_TODAY, ROOT, copy_data, run_cli


@pytest.fixture
def data_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ and schemas/ only: all that `validera` reads (with a fixed 'today')."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    return copy_data(tmp_path / "projekt")


def validate(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`python -m strategi validera` in this process (an uncaught exception fails the test)."""
    code = cli.main(["validera", "--rot", str(root), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def line_of(root: Path, relpath: str, needle: str) -> int:
    """The 1-based line of the first line of a file that contains ``needle``."""
    lines = (root / relpath).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def replace(root: Path, relpath: str, old: str, new: str) -> None:
    path = root / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relpath}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, relpath: str, text: str) -> None:
    with (root / relpath).open("a", encoding="utf-8") as handle:
        handle.write(text)


FB = "data/channels/facebook.yaml"
MAL = "data/strategy/mal.yaml"
STRATEGI = "data/strategy/strategi.yaml"
ORG = "data/strategy/organisation.yaml"


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, and where and what the error must say."""

    name: str
    make: Callable[[Path], None]
    file: str
    line: int | str  # a number, or text on the line the error must point at
    text: str


def _edit(relpath: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: replace(root, relpath, old, new)


def _symlink_out(root: Path) -> None:
    outside = root.parent / "utanfor.yaml"
    shutil.copy(root / FB, outside)
    (root / "data/channels/tiktok.yaml").symlink_to(outside)


def _fifo(root: Path) -> None:
    os.mkfifo(root / "data/channels/ror.yaml")


def _rmtree_channels(root: Path) -> None:
    shutil.rmtree(root / "data/channels")


def _empty_channels(root: Path) -> None:
    for path in (root / "data/channels").iterdir():
        path.unlink()


def _deep(root: Path) -> None:
    append(root, MAL, "djup: " + "[" * 200 + "]" * 200 + "\n")


def _huge_file(root: Path) -> None:
    append(root, MAL, "# " + "x" * 1_100_000 + "\n")


def _nfd_twin_key(root: Path) -> None:
    # 'mål' written twice: once composed (NFC), once decomposed (NFD); the same key to a reader.
    append(root, MAL, "ma\u030al: []\n")


def _self_group(root: Path) -> None:
    replace(root, ORG, "ingår_i: regionkansliet", "ingår_i: regionkansliet-x")
    text = (root / ORG).read_text(encoding="utf-8")
    ident = text.split("ingår_i: regionkansliet-x")[0].rsplit("- id: ", 1)[1].split("\n")[0].strip()
    replace(root, ORG, "ingår_i: regionkansliet-x", f"ingår_i: {ident}")


CASES = [
    # 1. The closed file set.
    Case("missing-part", lambda r: (r / MAL).unlink(), MAL, 1, "filen saknas"),
    Case("missing-channel-folder", _rmtree_channels, "data/channels", 1, "mappen saknas"),
    Case("empty-channel-folder", _empty_channels, "data/channels", 1, "mappen är tom"),
    Case(
        "twin-yml",
        lambda r: shutil.copy(r / MAL, r / "data/strategy/mal.yml"),
        "data/strategy/mal.yml",
        1,
        "en tvilling till data/strategy/mal.yaml",
    ),
    Case(
        "twin-case",
        lambda r: shutil.copy(r / MAL, r / "data/strategy/Mal.yaml"),
        "data/strategy/Mal.yaml",
        1,
        "en tvilling till data/strategy/mal.yaml",
    ),
    Case(
        "channel-twin-yml",
        lambda r: shutil.copy(r / FB, r / "data/channels/facebook.yml"),
        "data/channels/facebook.yml",
        1,
        "en tvilling till data/channels/facebook.yaml",
    ),
    Case(
        "channel-upper-extension",
        lambda r: shutil.copy(r / FB, r / "data/channels/tiktok.YAML"),
        "data/channels/tiktok.YAML",
        1,
        "till exempel 'tiktok.yaml'",
    ),
    Case(
        "unknown-file",
        lambda r: (r / "data/strategy/okand.yaml").write_text("a: 1\n", encoding="utf-8"),
        "data/strategy/okand.yaml",
        1,
        "filen har ingen plats i strategin",
    ),
    Case(
        "non-yaml-in-channels",
        lambda r: (r / "data/channels/LÄSMIG.md").write_text("hej\n", encoding="utf-8"),
        "data/channels/LÄSMIG.md",
        1,
        "ligger bara filer <id>.yaml",
    ),
    Case(
        "unknown-folder",
        lambda r: (r / "data/strategy/extra").mkdir(),
        "data/strategy/extra",
        1,
        "mappen har ingen plats",
    ),
    Case("symlink-out", _symlink_out, "data/channels/tiktok.yaml", 1, "symbolisk länk"),
    Case("fifo", _fifo, "data/channels/ror.yaml", 1, "ingen vanlig fil"),
    Case(
        "windows-reserved-channel",
        lambda r: shutil.copy(r / FB, r / "data/channels/con.yaml"),
        "data/channels/con.yaml",
        1,
        "Windows reserverar",
    ),
    Case(
        "channel-id-taken-by-the-site",
        lambda r: shutil.copy(r / FB, r / "data/channels/index.yaml"),
        "data/channels/index.yaml",
        1,
        "upptaget av sajten",
    ),
    # 2. Values the views need: real dates, sane numbers.
    Case(
        "impossible-date",
        _edit(
            STRATEGI, 'webbsida_senast_uppdaterad: "2021-01-19"', 'webbsida_senast_uppdaterad: "2021-02-30"'
        ),
        STRATEGI,
        "webbsida_senast_uppdaterad:",
        "'2021-02-30' finns inte i kalendern",
    ),
    Case(
        "impossible-snapshot-date-before-staleness",
        _edit(FB, 'datum: "2020-h1"', 'datum: "2019-02-29"'),
        FB,
        '"2019-02-29"',
        "finns inte i kalendern",
    ),
    Case(
        "year-zero",
        _edit(
            STRATEGI, 'webbsida_senast_uppdaterad: "2021-01-19"', 'webbsida_senast_uppdaterad: "0000-01-19"'
        ),
        STRATEGI,
        "webbsida_senast_uppdaterad:",
        "ska ligga mellan 1900 och 2999",
    ),
    Case(
        "float-in-integer-field",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 6.0"),
        STRATEGI,
        "revideringsintervall_månader:",
        "ska vara ett heltal",
    ),
    Case(
        "absurd-revision-interval",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 9000000000000"),
        STRATEGI,
        "revideringsintervall_månader:",
        "får inte vara större än",
    ),
    Case("group-in-itself", _self_group, ORG, "ingår_i:", "ingår i sig själv"),
    Case(
        "dependency-missing",
        _edit("data/strategy/process.yaml", "  i_stället: >-", "  i_ställe: >-"),
        "data/strategy/process.yaml",
        "antas_inte:",
        "ska också 'i_stället' vara det",
    ),
    Case("empty-group", _edit(FB, "profil:\n", "profil: {}\nx_profil:\n"), FB, "profil:", "minst 1 fält"),
    # 3. YAML as the editor means it.
    Case(
        "yaml11-octal",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 06"),
        STRATEGI,
        "revideringsintervall_månader:",
        "börjar med 0",
    ),
    Case(
        "yaml11-base60",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 4:43:20"),
        STRATEGI,
        "revideringsintervall_månader:",
        "bas 60",
    ),
    Case(
        "yaml11-bool",
        _edit(STRATEGI, "status: förslag", "status: yes"),
        STRATEGI,
        "status:",
        "skriv true eller false",
    ),
    Case(
        "yaml11-underscore",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 1_0"),
        STRATEGI,
        "revideringsintervall_månader:",
        "utan understreck",
    ),
    Case(
        "exponent",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: 6e0"),
        STRATEGI,
        "revideringsintervall_månader:",
        "utan exponent",
    ),
    Case(
        "nan",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: .nan"),
        STRATEGI,
        "revideringsintervall_månader:",
        "NaN",
    ),
    Case(
        "infinity",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: -.inf"),
        STRATEGI,
        "revideringsintervall_månader:",
        "oändligt",
    ),
    Case(
        "tag-with-bad-value",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: !!int abc"),
        STRATEGI,
        "revideringsintervall_månader:",
        "taggen '!!int'",
    ),
    Case(
        "tag-on-text",
        _edit(STRATEGI, "status: förslag", "status: !!str förslag"),
        STRATEGI,
        "status:",
        "är inte tillåten",
    ),
    Case(
        "huge-integer",
        _edit(STRATEGI, "revideringsintervall_månader: 6", "revideringsintervall_månader: " + "9" * 5000),
        STRATEGI,
        "revideringsintervall_månader:",
        "är för stort",
    ),
    Case("deep-nesting", _deep, MAL, "djup:", "nivåer djupt"),
    # 4. Text that is text.
    Case(
        "trailing-newline-in-date",
        _edit(
            STRATEGI,
            'webbsida_senast_uppdaterad: "2021-01-19"',
            'webbsida_senast_uppdaterad: "2021-01-19\\n"',
        ),
        STRATEGI,
        "webbsida_senast_uppdaterad:",
        "har fel form",
    ),
    Case(
        "trailing-newline-in-version-id",
        _edit(STRATEGI, 'id: "2020-h1"', 'id: "2020-h1\\n"'),
        STRATEGI,
        'id: "2020-h1',
        "en rad",
    ),
    Case(
        "newline-in-name",
        _edit(FB, "namn: Facebook", 'namn: "Face\\nbook"'),
        FB,
        "namn:",
        "får bara vara en rad",
    ),
    Case(
        "control-character",
        _edit(FB, "namn: Facebook", 'namn: "Face\\x1b[2Jbook"'),
        FB,
        "namn:",
        "styrtecken (U+001B)",
    ),
    Case(
        "bidi-override",
        _edit(FB, "namn: Facebook", 'namn: "Face\\u202ebook"'),
        FB,
        "namn:",
        "vänder skrivriktningen",
    ),
    Case("only-spaces", _edit(FB, "namn: Facebook", 'namn: "   "'), FB, "namn:", "inga synliga tecken"),
    Case(
        "only-zero-width",
        _edit(FB, "namn: Facebook", 'namn: "\\u200b\\u200b"'),
        FB,
        "namn:",
        "inga synliga tecken",
    ),
    Case(
        "lone-surrogate",
        _edit(FB, "namn: Facebook", 'namn: "Face\\ud800book"'),
        FB,
        "namn:",
        "YAML-fel",
    ),
    Case("nfd-duplicate-key", _nfd_twin_key, MAL, "ma\u030al:", "finns redan på rad"),
    Case(
        "newline-in-key",
        lambda r: append(r, MAL, '"x\\n::error::falsk rad": 1\n'),
        MAL,
        "::error::falsk rad",
        "fältnamnet får bara vara en rad",
    ),
    # 5. Size.
    Case("huge-file", _huge_file, MAL, 1, "större än 1 MB"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused(case: Case, data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each bad input: exit 1, an error at the stated file and line, in Swedish, never an exception."""
    case.make(data_project)
    code, out = validate(data_project, capsys)
    line = case.line if isinstance(case.line, int) else line_of(data_project, case.file, case.line)
    assert code == 1, out
    prefix = f"{case.file}:{line}:"
    assert any(row.startswith(prefix) and case.text in row for row in out.splitlines()), (prefix, out)
    assert "Traceback" not in out


def test_nfd_key_is_the_same_key(data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A key typed in decomposed form (NFD) is the key the schema knows: the data still validates."""
    replace(data_project, MAL, "\nmål:", "\nma\u030al:")
    code, out = validate(data_project, capsys)
    assert code == 0, out


def test_unreadable_file_is_named_in_swedish(
    data_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data file the operating system refuses to open is named, with the reason in Swedish."""
    real_open = os.open
    target = str(data_project / MAL)

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    code, out = validate(data_project, capsys)
    assert code == 1
    assert f"{MAL}:1:1: filen går inte att läsa (åtkomst nekad)" in out


def test_unreadable_folder_is_named_in_swedish(
    data_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder under data/ the operating system refuses to list is named, with the reason in Swedish."""
    real_scandir = os.scandir
    target = data_project / "data/channels"

    def refuse(path: object) -> object:
        if Path(str(path)) == target:
            raise PermissionError(13, "Permission denied", str(target))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
    code, out = validate(data_project, capsys)
    assert code == 1
    assert "data/channels:1:1: mappen går inte att läsa (åtkomst nekad)" in out


BROKEN_SCHEMAS = {
    "not-json": ('{"type": "object",\n  "properties": }\n', "schemas/mal.schema.json:2:17:", "som JSON"),
    "not-a-schema": ('{"type": 5}\n', "schemas/mal.schema.json:1:1:", "inget giltigt JSON Schema"),
    "dangling-ref": (
        '{"$ref": "gemensamt.schema.json#/definitions/finns-inte"}\n',
        "schemas/mal.schema.json:1:1:",
        "hänvisar ($ref) till något som inte finns",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN_SCHEMAS))
def test_broken_schema_is_named(name: str, data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken schema file is an error naming the schema file (and line), not a traceback."""
    text, prefix, needle = BROKEN_SCHEMAS[name]
    (data_project / "schemas/mal.schema.json").write_text(text, encoding="utf-8")
    code, out = validate(data_project, capsys)
    assert code == 1, out
    assert any(row.startswith(prefix) and needle in row for row in out.splitlines()), out


def test_missing_schema_file_is_named(data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A data file whose schema file is gone is an error naming the missing schema."""
    (data_project / "schemas/kanal.schema.json").unlink()
    code, out = validate(data_project, capsys)
    assert code == 1, out
    assert "schemas/kanal.schema.json:1:1: schemafilen saknas" in out


# 5. Safe, bounded output.


def test_forged_lines_and_escapes_are_made_visible(
    data_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name with a newline, a workflow command and an escape sequence cannot forge output lines."""
    name = "x\n::error file=a::forged\x1b[2J.yaml"
    shutil.copy(data_project / FB, data_project / "data/channels" / name)
    for fmt in ["text", "github", "json"]:
        code, out = validate(data_project, capsys, "--format", fmt)
        assert code == 1
        assert "\x1b" not in out
        assert not any(row.startswith("::error file=a::forged") for row in out.splitlines()), out
        assert "channels/x\\n" in out or "channels/x\\\\n" in out, out


def test_a_huge_value_is_echoed_cut(data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 200 000-character wrong value is echoed cut short: no output line passes 1 000 characters."""
    replace(data_project, STRATEGI, "status: förslag", "status: " + "förslagx" * 25_000)
    code, out = validate(data_project, capsys)
    assert code == 1
    assert "har värdet 'förslagxförslagx" in out
    assert max(len(row) for row in out.splitlines()) <= 1000


def test_many_problems_are_capped_with_a_count(
    data_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1 500 bad references print at most 200 problem lines and a summary counting the rest."""
    rows = "".join(f"    - kanal-som-inte-finns-{i}\n" for i in range(1500))
    replace(data_project, ORG, "  kanaler:\n    - instagram\n", "  kanaler:\n    - instagram\n" + rows)
    code, out = validate(data_project, capsys)
    problem_rows = [row for row in out.splitlines() if row.startswith("data/")]
    assert code == 1
    assert len(problem_rows) == 200
    summary = re.search(
        r"1500 fel och (\d+) varningar i \d+ kontrollerade filer\. De första 200 visas; (\d+) till", out
    )
    assert summary, out
    warnings, rest = (int(n) for n in summary.groups())
    assert rest == 1500 + warnings - 200


def test_a_file_full_of_errors_is_checked_in_bounded_time(
    data_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2 000 wrong values in one file: schema problems stop at 500 with a line saying there are more."""
    replace(
        data_project, "data/strategy/tonalitet.yaml", "  stycken:\n", "  stycken:\n" + "    - 1\n" * 2_000
    )
    code, out = validate(data_project, capsys, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["fel"] == 501
    assert (
        "data/strategy/tonalitet.yaml:1:1: filen har fler än 500 fel mot schemat"
        in validate(data_project, capsys)[1]
    )


def test_output_survives_an_ascii_console(data_project: Path) -> None:
    """On a console that cannot show å, ä, ö the errors are still printed (as escapes), exit 1."""
    (data_project / MAL).unlink()
    result = run_cli("validera", "--rot", str(data_project), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "data/strategy/mal.yaml:1:1: filen saknas; den h\\xe4r delen" in result.stdout


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "2021-02-30", "igår"])
def test_extreme_today_is_a_usage_error(
    today: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """STRATEGI_IDAG outside the years a strategy speaks of is refused in Swedish with exit 2."""
    monkeypatch.setenv("STRATEGI_IDAG", today)
    code = cli.main(["validera", "--rot", str(ROOT)])
    err = capsys.readouterr().err
    assert code == 2
    assert "STRATEGI_IDAG ska vara ett datum ÅÅÅÅ-MM-DD mellan år 1900 och 2999" in err


# 7. Scaffold.


@pytest.mark.parametrize(
    ("ident", "needle"),
    [
        ("a" * 41, "högst 40 tecken"),
        ("con", "Windows reserverar"),
        ("lpt1", "Windows reserverar"),
        ("index", "upptaget av sajten"),
        ("you tube", "bara innehålla små bokstäver"),
        ("youtube\n", "bara innehålla små bokstäver"),
    ],
)
def test_ny_kanal_refuses_bad_ids(
    ident: str, needle: str, data_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ny-kanal` refuses ids too long, reserved by Windows or with white space: exit 2, Swedish, no file."""
    before = sorted(p.name for p in (data_project / "data/channels").iterdir())
    code = cli.main(["ny-kanal", "--rot", str(data_project), ident])
    err = capsys.readouterr().err
    assert code == 2
    assert needle in err
    assert sorted(p.name for p in (data_project / "data/channels").iterdir()) == before


def _patterns() -> list[str]:
    found: set[str] = set()

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        collect(json.loads(path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.mark.parametrize("pattern", _patterns())
@settings(max_examples=10, deadline=None, derandomize=True, database=None)
@given(data=st.data())
def test_no_pattern_accepts_a_trailing_newline(pattern: str, data: st.DataObject) -> None:
    """Every schema pattern, as validera evaluates it, accepts a matching value but not the value plus a newline."""
    value = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda v: "\n" not in v))
    check = schemas.validator(ROOT / "schemas", "gemensamt.schema.json").evolve(
        schema={"type": "string", "pattern": pattern}
    )
    assert not list(check.iter_errors(value))
    assert list(check.iter_errors(value + "\n"))


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_compare_ref_that_does_not_exist(data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`jämför_med` naming a ref git does not know is an error at that line (the build would need it)."""
    _git(data_project, "init", "-q")
    _git(data_project, "add", "-A")
    _git(data_project, "commit", "-q", "-m", "data")
    append(data_project, STRATEGI, "jämför_med: strategi-1999-h1\n")
    code, out = validate(data_project, capsys)
    line = line_of(data_project, STRATEGI, "jämför_med:")
    assert code == 1, out
    assert f"{STRATEGI}:{line}:13: 'jämför_med' går inte att använda: 'strategi-1999-h1' finns inte" in out


def test_compare_ref_with_invalid_data(data_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`jämför_med` naming a version whose data has errors is an error: its changes cannot be worked out."""
    _git(data_project, "init", "-q")
    (data_project / MAL).unlink()
    _git(data_project, "add", "-A")
    _git(data_project, "commit", "-q", "-m", "trasig")
    _git(data_project, "tag", "trasig")
    shutil.copy(ROOT / MAL, data_project / MAL)
    append(data_project, STRATEGI, "jämför_med: trasig\n")
    code, out = validate(data_project, capsys)
    line = line_of(data_project, STRATEGI, "jämför_med:")
    assert code == 1, out
    assert f"{STRATEGI}:{line}:13: 'jämför_med': versionen 'trasig' har 1 fel i sina data" in out
