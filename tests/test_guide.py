"""The editor guide stays true: its example error is what `validera` really prints."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, run_cli

GUIDE = ROOT / "docs" / "guide.md"


def test_guide_error_example_is_real(project: Path) -> None:
    """The error line quoted in the guide is exactly what validera prints for the mistake it describes."""
    quoted = re.search(
        r"```text\n(data/channels/facebook\.yaml:\d+:\d+: [^\n]+)\n```", GUIDE.read_text(encoding="utf-8")
    )
    assert quoted, "the guide quotes no error line"
    path = project / "data/channels/facebook.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  frekvens:", "  frekvns:", 1), encoding="utf-8"
    )
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    assert quoted.group(1) in result.stdout.splitlines()


def test_guide_covers_the_whole_path() -> None:
    """The guide explains every step an editor meets: editing, checks, preview, change comment, publishing."""
    text = GUIDE.read_text(encoding="utf-8")
    for heading in (
        "## Sätt 1: i webbläsaren på GitHub",
        "## Sätt 2: i VS Code",
        "## Vad kontrollerna svarar",
        "## Förhandsvisningen",
        "## Ändringskommentaren",
        "## Så publiceras en halvårsversion",
    ):
        assert heading in text, heading


def test_guide_has_no_jinja() -> None:
    """The guide is prose: nothing in it may be read as a macro by mkdocs-macros."""
    text = GUIDE.read_text(encoding="utf-8")
    assert "{{" not in text
    assert "{%" not in text
