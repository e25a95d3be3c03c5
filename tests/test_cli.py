"""`python -m strategi validera`: exit codes, formats, and Swedish errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXED_TODAY, ROOT, run_cli


def _break(project: Path, relpath: str, old: str, new: str) -> None:
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relpath}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.live_data
def test_real_data_is_clean() -> None:
    """The repository's own (live) data validates: exit 0 and a Swedish all-clear line."""
    result = run_cli("validera")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "inga fel" in result.stdout.lower()


def test_usage_error_exits_2_in_swedish() -> None:
    """An unknown format is a usage error: exit 2, message in Swedish."""
    result = run_cli("validera", "--format", "xml")
    assert result.returncode == 2
    assert "ogiltigt val" in result.stderr


def test_unknown_command_exits_2() -> None:
    """An unknown command is a usage error."""
    assert run_cli("validerar").returncode == 2


def test_all_problems_reported_at_once(project: Path) -> None:
    """Several broken files give one line per problem, all in one run, and exit 1."""
    _break(project, "data/strategy/strategi.yaml", "titel:", "titell:")
    _break(project, "data/strategy/mal.yaml", "\n", "\n\tfel: tabb\n")
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/")]
    files = {line.split(":", 1)[0] for line in lines}
    assert {"data/strategy/strategi.yaml", "data/strategy/mal.yaml"} <= files
    assert any("menade du 'titel'?" in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_problem_line_format(project: Path) -> None:
    """A problem line is file:line:column: message, pointing at the misspelt key."""
    path = project / "data/strategy/strategi.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("organisation:"))
    _break(project, "data/strategy/strategi.yaml", "organisation:", "organisaton:")
    result = run_cli("validera", "--rot", str(project))
    assert (
        f"data/strategy/strategi.yaml:{number}:1: okänt fält 'organisaton' – menade du 'organisation'?"
        in result.stdout
    )


def test_json_format_matches_text(project: Path) -> None:
    """The JSON reporter gives the same problems as the text reporter."""
    _break(project, "data/strategy/strategi.yaml", "titel:", "titell:")
    text = run_cli("validera", "--rot", str(project))
    as_json = run_cli("validera", "--rot", str(project), "--format", "json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    errors = [p for p in data["problem"] if p["severity"] == "fel"]
    assert data["fel"] == len(errors) >= 1
    assert data["varningar"] == len(data["problem"]) - len(errors)
    for p in data["problem"]:
        prefix = "" if p["severity"] == "fel" else "varning: "
        assert f"{p['file']}:{p['line']}:{p['column']}: {prefix}{p['message']}" in text.stdout


def test_github_format_annotates(project: Path) -> None:
    """The GitHub format prints one ::error annotation per problem, with file, line and column."""
    _break(project, "data/strategy/strategi.yaml", "titel:", "titell:")
    result = run_cli("validera", "--rot", str(project), "--format", "github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations
    assert all(a.startswith("::error file=data/strategy/strategi.yaml,line=") for a in annotations)
    assert any("okänt fält 'titell'" in a for a in annotations)
    assert any(line.startswith("::warning file=data/channels/") for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"a: [1, 2\n", "YAML-fel"),
        (b"- just\n- a list\n", "ska vara"),
        (b"", "tom"),
        (b"\x00\x01\x02", "YAML-fel"),
    ],
    ids=["binary", "unclosed-bracket", "list-instead-of-mapping", "empty", "control-chars"],
)
def test_garbage_never_tracebacks(project: Path, content: bytes, needle: str) -> None:
    """However broken a file is, validera exits 1 with a Swedish line naming it, never a traceback."""
    (project / "data/strategy/mal.yaml").write_bytes(content)
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert any(
        line.startswith("data/strategy/mal.yaml:") and needle in line for line in result.stdout.splitlines()
    ), result.stdout


def test_stray_file_is_reported(project: Path) -> None:
    """A YAML file with no place in the strategy is an error, not silently ignored."""
    (project / "data/strategy/okand.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    assert "data/strategy/okand.yaml:1:1: filen har ingen plats" in result.stdout


def test_missing_modeline_is_reported(project: Path) -> None:
    """A data file whose first line does not name its schema is an error with the exact line to add."""
    path = project / "data/strategy/mal.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\n", 1)[1], encoding="utf-8")
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    assert "$schema=../../schemas/mal.schema.json" in result.stdout


def test_broken_channel_file_does_not_cascade(project: Path) -> None:
    """A schema error in one channel file is reported there only, not as unknown-channel errors elsewhere."""
    _break(project, "data/channels/facebook.yaml", "  frekvens:", "  frekvns:")
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    errors = [
        line for line in result.stdout.splitlines() if line.startswith("data/") and "varning:" not in line
    ]
    assert len(errors) == 1, errors
    assert "okänt fält 'frekvns' – menade du 'frekvens'?" in errors[0]


def test_bad_today_override_is_a_usage_error() -> None:
    """A STRATEGI_IDAG that is not a date is a Swedish usage error (exit 2), not a traceback."""
    result = run_cli("validera", env={"STRATEGI_IDAG": "igår"})
    assert result.returncode == 2
    assert "STRATEGI_IDAG ska vara ett datum" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_reader_that_goes_away_gets_no_traceback(fmt: str) -> None:
    """`validera | head` where the reader has closed the pipe before the first line: the command
    stops quietly with exit status 1 and writes no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "strategi", "validera", "--format", fmt],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "STRATEGI_IDAG": FIXED_TODAY},
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
