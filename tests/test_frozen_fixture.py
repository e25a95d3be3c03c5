"""The frozen copy of the 2020 data (tests/fixtures/strategi-2020) stays as it was, and stays valid.

The tests of fidelity to the 2020 source read this copy; they are only worth something if it is
the data as transcribed, unchanged, and if today's code still reads it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import FROZEN_DATA, run_cli

FIXTURE = FROZEN_DATA.parent


def _manifest() -> dict[str, str]:
    lines = (FIXTURE / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_every_frozen_file_is_as_it_was_pinned() -> None:
    """Every file under the frozen data/ is listed in SHA256SUMS with its checksum, and every listed
    file is there: a change to the 2020 copy is a deliberate migration, never an editor's edit."""
    found = {
        path.relative_to(FIXTURE).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(FROZEN_DATA.rglob("*"))
        if path.is_file()
    }
    assert found == _manifest()
    assert len(found) >= 20, "the frozen copy holds every part of the strategy"


def test_the_frozen_data_validates_with_todays_schemas_and_rules(frozen_root: Path) -> None:
    """`validera` on a root holding the frozen data and today's schemas finds no errors (warnings
    about old nulägen are expected: it is 2020's data)."""
    result = run_cli("validera", "--rot", str(frozen_root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Inga fel" in result.stdout
