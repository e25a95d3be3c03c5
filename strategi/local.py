"""`python -m strategi serve | bygg` (and the build before `pdf`): what `make serve` and `make build`
do, in a form that works the same on Windows, macOS and Linux. The data is checked first; nothing is
built or shown from data with errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from . import bootstrap, check, periods
from .problems import format_text

DEFAULT_ADDRESS = "127.0.0.1:8000"


def validated(root: Path) -> bool:
    """Check the data as `validera` does and print its report; True when there are no errors."""
    print("Kontrollerar datafilerna …", flush=True)
    result = check.run(root, periods.today())
    print(format_text(result.problems, result.files), flush=True)
    return result.ok


def _env(offline: bool) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if offline:
        env["OFFLINE"] = "true"
    return env


def mkdocs(root: Path, *args: str, offline: bool = False) -> int:
    """Run MkDocs with this Python in the project folder (OFFLINE=true for the preview opened from disk)."""
    command = [sys.executable, "-m", "mkdocs", *args]
    return subprocess.run(command, cwd=root, env=_env(offline), check=False).returncode


def build(root: Path, site: str = "site", *, offline: bool = False) -> int:
    """Check the data, then build the site strictly into `site` (relative to the project folder)."""
    if not validated(root):
        return 1
    code = mkdocs(root, "build", "--strict", "--clean", "--quiet", "--site-dir", site, offline=offline)
    if code == 0:
        index = Path(site) / "index.html"
        where = f"öppna {index.as_posix()} i webbläsaren" if offline else f"sajten finns i {site}/"
        print(f"Klart: {where}.")
    return code


def serve(root: Path, address: str = DEFAULT_ADDRESS) -> int:
    """Check the data, then show the site at http://ADDRESS/ and rebuild it on every save."""
    if not validated(root):
        return 1
    print(
        f"Visar sajten på http://{address}/ och uppdaterar den när du sparar. Avsluta med Ctrl+C.", flush=True
    )
    os.chdir(root)  # MkDocs finds mkdocs.yml in the folder it runs in
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", address]
    return bootstrap.run_instead(command, _env(offline=False))
