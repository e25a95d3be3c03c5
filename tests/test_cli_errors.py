"""One error path in the command line (strategi/commands/cli.py).

An error the user can act on is a UserError: its message is Swedish and whole, and its class
carries the exit status. `main()` prints it once, as 'fel: …' on stderr, and returns its code;
no command prints an error of its own.
"""

from __future__ import annotations

import argparse
import ast

import pytest

from strategi.commands import cli, measure, publish, scaffold
from strategi.content import plan, revision
from strategi.data import gitref, periods
from strategi.data.problems import UserError
from strategi.site import local, pdf
from tests.conftest import ROOT

# Every error a command can meet, and the exit status the command line has always given it:
# 2 for a command asked for something it cannot do, 1 for data or a world that is wrong.
CODES: list[tuple[type[UserError], int]] = [
    (gitref.RefError, 2),
    (gitref.RefDataError, 1),
    (periods.BadToday, 2),
    (revision.RevisionError, 2),
    (scaffold.ScaffoldError, 2),
    (plan.BadWeek, 2),
    (measure.MeasureError, 1),
    (pdf.PdfError, 1),
    (publish.PublishError, 1),
    (publish.NothingToPublish, 1),
    (local.BuildFailed, 1),
]


@pytest.mark.parametrize(("error", "code"), CODES, ids=[e.__name__ for e, _ in CODES])
def test_an_error_is_printed_once_with_its_exit_status(
    error: type[UserError], code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever command raises it, main() writes 'fel: <message>' once to stderr, nothing to
    stdout, and returns the error's own exit status."""

    def failing(_args: argparse.Namespace) -> int:
        raise error("det gick inte")

    monkeypatch.setattr(cli, "_cmd_validera", failing)
    assert cli.main(["validera"]) == code
    out, err = capsys.readouterr()
    assert (out, err) == ("", "fel: det gick inte\n")


def test_an_unknown_error_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only UserError is the user's to act on: a programming error still surfaces as itself."""

    def broken(_args: argparse.Namespace) -> int:
        raise KeyError("bug")

    monkeypatch.setattr(cli, "_cmd_validera", broken)
    with pytest.raises(KeyError):
        cli.main(["validera"])


def test_the_command_line_prints_errors_in_one_place() -> None:
    """cli.py writes the 'fel: ' prefix of an error in one statement only (main's); the usage
    errors of argparse (exit 2, with the usage line) are argparse's own."""
    tree = ast.parse((ROOT / "strategi" / "commands" / "cli.py").read_text(encoding="utf-8"))
    writes = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        and node.values
        and isinstance(node.values[0], ast.Constant)
        and str(node.values[0].value).startswith("fel: ")
    ]
    assert len(writes) == 1, writes
