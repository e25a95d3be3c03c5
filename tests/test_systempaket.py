"""scripts/systempaket.sh: the one step that installs the system packages the tests need."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, run

SCRIPT = ROOT / "scripts" / "systempaket.sh"


def _shim(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _run(tmp_path: Path, uid: str) -> subprocess.CompletedProcess[str]:
    """The script on a machine where nothing it looks for is installed, as user ``uid``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ["bash", "grep", "cat"]:
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    _shim(bin_dir, "id", f"echo {uid}")
    _shim(bin_dir, "ldconfig", "exit 0")
    _shim(bin_dir, "apt-get", f'echo "apt-get $*" >> {tmp_path / "apt.log"}')
    return run(
        [str(bin_dir / "bash"), str(SCRIPT)],
        env={"PATH": str(bin_dir), "LC_ALL": "C.UTF-8", "SYSTEMPAKET_ROT": str(tmp_path / "tom")},
        timeout=60,
    )


def test_without_root_it_prints_the_one_command_and_stops(tmp_path: Path) -> None:
    """Not root and packages missing: exit 1, nothing installed, and the single command to run, in Swedish."""
    result = _run(tmp_path, "1000")
    assert result.returncode == 1
    assert not (tmp_path / "apt.log").exists()
    assert "Systempaket som testerna behöver saknas: chromium hunspell" in result.stderr
    assert (
        "  sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
        "--no-install-recommends chromium hunspell hunspell-sv poppler-utils default-jre-headless "
        "nodejs npm libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'" in result.stderr
    )


def test_as_root_it_installs_what_is_missing(tmp_path: Path) -> None:
    """As root it runs apt-get update and then installs exactly the missing packages."""
    result = _run(tmp_path, "0")
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text(encoding="utf-8").splitlines()
    assert log[0] == "apt-get -o DPkg::Lock::Timeout=600 update -qq"
    assert log[1] == (
        "apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium hunspell "
        "hunspell-sv poppler-utils default-jre-headless nodejs npm libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
    )


def test_make_test_takes_the_script_and_ci_takes_make_test() -> None:
    """`make test` installs the system packages through this one script, and `.ci/run` runs `make test`
    and nothing else, so each step runs once and there is no second list of packages."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "systempaket:\n\t@bash scripts/systempaket.sh\n" in makefile
    assert "\ntest: systempaket " in makefile
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [
        line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    steps = [line for line in commands if not line.startswith(("set ", "cd ", "export "))]
    assert steps == ["make test"]
