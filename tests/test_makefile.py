"""The Makefile is the editors' and CI's front door: `make help` names every target it declares."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from strategi.site import pdf
from tests.conftest import ROOT


def _declared_targets() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    assert phony
    return phony.group(1).split()


def test_every_declared_target_has_a_rule() -> None:
    """Every name in .PHONY is a target with a rule of its own (no target declared and missing)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    missing = [name for name in _declared_targets() if not re.search(rf"^{re.escape(name)}:", makefile, re.M)]
    assert not missing


def test_make_help_lists_every_target_once() -> None:
    """`make help` prints one line for each declared target, each with a Swedish description."""
    result = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    listed = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("make ")]
    assert sorted(listed) == sorted(_declared_targets())
    assert all(len(line.split()) > 2 for line in result.stdout.splitlines())


def _dry_run(target: str) -> str:
    return subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout


def test_make_clean_removes_both_pdfs_that_make_pdf_writes() -> None:
    """`make pdf` writes the board edition (--ut) and granskning.pdf beside it; `make clean` removes
    both."""
    out = re.search(r"--ut (\S+)", _dry_run("pdf"))
    assert out, "make pdf names its output"
    board = Path(out.group(1))
    removed = _dry_run("clean").split()
    assert str(board) in removed
    assert str(board.with_name(pdf.REVIEW_PDF)) in removed
