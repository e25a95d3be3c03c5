"""The Makefile is the editors' and CI's front door: `make help` names every target it declares."""

from __future__ import annotations

import re
import subprocess

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
