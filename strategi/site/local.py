"""`python -m strategi serve | bygg` (and the build before `pdf`): what `make serve` and `make build`
do, in a form that works the same on Windows, macOS and Linux. The data is checked first; nothing is
built or shown from data with errors."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from strategi import bootstrap
from strategi.data import model
from strategi.data.problems import UserError, format_text

DEFAULT_ADDRESS = "127.0.0.1:8000"
# As `make serve`: not strict, so a warning is shown without leaving the open tab on the old page
# (the build stops on it); strategi.site.serving leaves out MkDocs' INFO lines.
SERVE_FLAGS = ("--no-strict",)


class BuildFailed(UserError):
    """MkDocs stopped the build: a warning under strict, an error, or a wrong mkdocs.yml."""


def validated(root: Path) -> bool:
    """Check the data as `validera` does and print its report; True when there are no errors. The
    checked strategy stays loaded for a build in the same process (strategi.site.build.load_project)."""
    from strategi.site import build  # noqa: PLC0415 (it imports MkDocs, which `validera` never needs)

    print("Kontrollerar datafilerna …", flush=True)
    try:
        strategy = build.load_project(root)
    except model.InvalidData as exc:
        print(format_text(exc.problems, exc.files), flush=True)
        return False
    print(format_text(strategy.warnings, strategy.checked_files), flush=True)
    return True


def _env(offline: bool) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if offline:
        env["OFFLINE"] = "true"
    return env


def build(root: Path, site: str = "site", *, offline: bool = False) -> int:
    """Check the data, then build the site strictly into `site` (relative to the project folder)."""
    if not validated(root):
        return 1
    build_site(root, site, offline=offline)
    index = Path(site) / "index.html"
    where = f"öppna {index.as_posix()} i webbläsaren" if offline else f"sajten finns i {site}/"
    print(f"Klart: {where}.")
    return 0


def build_site(root: Path, site: str, *, offline: bool = False) -> None:
    """`mkdocs build --strict --clean` in this process, so the data just checked is not loaded and
    checked a second time. MkDocs' warnings and errors are shown; a warning stops the build, as
    strict means (`mkdocs build --strict --quiet` would hide warnings and so never count them).
    A build that stops raises BuildFailed."""
    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415 (see validated)
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import Abort, MkDocsException  # noqa: PLC0415

    os.environ.update(_env(offline))  # read by mkdocs.yml (!ENV OFFLINE) while it loads
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    shown = logging.StreamHandler(sys.stderr)
    shown.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger.addHandler(shown)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=site)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort:  # MkDocs has shown why above: a warning under strict, or the build's error
        raise BuildFailed("bygget avbröts (se meddelandet ovan); inget publiceras.") from None
    except MkDocsException as exc:  # the configuration (mkdocs.yml) is wrong
        raise BuildFailed(exc.format_message()) from None
    finally:  # as it was: a caller in the same process (the tests) keeps its own logging
        logger.removeHandler(shown)
        logger.setLevel(level)
        logger.propagate = propagate


def serve(root: Path, address: str = DEFAULT_ADDRESS) -> int:
    """Check the data, then show the site at http://ADDRESS/ and rebuild it on every save."""
    if not validated(root):
        return 1
    print(
        f"Visar sajten på http://{address}/ och uppdaterar den när du sparar. Avsluta med Ctrl+C.", flush=True
    )
    os.chdir(root)  # MkDocs finds mkdocs.yml in the folder it runs in
    command = [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "--dev-addr", address]
    return bootstrap.run_instead(command, _env(offline=False))
