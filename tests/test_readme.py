"""The README stays true: its example error is what `validera` prints (as the guide's is)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT, run_cli

README = ROOT / "README.md"


def test_readme_error_example_is_real(project: Path) -> None:
    """The error line quoted in the README is exactly what validera prints for 'frekvns' typed
    instead of 'frekvens' in facebook.yaml."""
    quoted = re.search(
        r"```text\n\s*(data/channels/facebook\.yaml:\d+:\d+: [^\n]+)\n\s*```",
        README.read_text(encoding="utf-8"),
    )
    assert quoted, "README:n citerar ingen felrad"
    path = project / "data/channels/facebook.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  frekvens:", "  frekvns:", 1), encoding="utf-8"
    )
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    assert quoted.group(1) in result.stdout.splitlines()
