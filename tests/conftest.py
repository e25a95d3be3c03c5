"""Shared fixtures: the strategy on a fixed date, throwaway copies, built sites, running the CLI.

Two kinds of data reach the tests. The live ``data/`` is what editors change every half-year: tests
of it hold for any valid strategy (it validates, builds strictly, every value reaches a page) and
name it (``ROOT``, ``built_site``, ``copy_project(dest, ROOT / "data")``). The frozen copy
``tests/fixtures/strategi-2020/data`` is the strategy as transcribed from the 2020 source and never
changes: every test of the code or of fidelity to the source (17 000 followers, a red traffic
light, a goal's sentence) reads it, through ``strategy`` (loaded), ``frozen_site`` (built) and
``project``/``copy_data``/``copy_project`` (copies a test may edit).

A strategy is loaded or built from a project root, its ``data/`` beside ``schemas/``: every command
takes it as ``--rot``, ``model.load`` as its argument, a build as the folder of ``mkdocs.yml``.
To load or build another data folder, copy it into a root (``copy_data``/``copy_project``, ``data=``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from strategi.data import model

ROOT = Path(__file__).resolve().parent.parent
# The frozen 2020 data: FROZEN/data is a data/ folder (without schemas/, which are today's).
FROZEN = ROOT / "tests" / "fixtures" / "strategi-2020"
FROZEN_DATA = FROZEN / "data"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
FIXED_TODAY = "2026-11-29"
FIXED_UPDATED = "2021-01-19"
TODAY = dt.date.fromisoformat(FIXED_TODAY)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--andrade-sidor-mot",
        metavar="REF",
        default=None,
        help="run the per-page browser checks only on the pages that the data's changes since the git "
        "ref REF alter (tests/browser/changed_pages.py); for a data-only pull request",
    )


def require(present: bool, message: str) -> None:
    """A tool the test needs: missing, the test fails under CI=true (nothing is skipped there) and
    is skipped on a developer's machine, saying how to get it."""
    if present:
        return
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def strategy(frozen_root: Path) -> model.Strategy:
    """The frozen 2020 strategy (tests/fixtures/strategi-2020) as the views see it, on the fixed date
    2026-11-29: tests that assert the source's figures, lights and sentences read this, never the
    live data/, which editors change.

    One load per test module, so a test module that swaps parts (dataclasses.replace) never
    sees another module's changes.
    """
    return model.load(frozen_root, TODAY)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the frozen 2020 data, today's schemas and the site sources that a test may change
    freely (its edits may look for the 2020 values: they never change)."""
    return copy_project(tmp_path / "projekt")


def run(
    args: list[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """Run a command as the tests do: its output captured as text, its exit status left to the test."""
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def git(repo: Path, *args: str) -> None:
    """Run git in a throwaway repository as a test author with a fixed name; any failure stops the test."""
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def run_cli(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m strategi ARGS` as a user would, with the repository's package."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "STRATEGI_IDAG": FIXED_TODAY, **(env or {})}
    return run([sys.executable, "-m", "strategi", *args], cwd=cwd, env=full_env, timeout=timeout)


def run_build(
    command: list[str], cwd: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A site build (MkDocs, ProperDocs or Zensical) with a fixed 'today' and 'last updated'."""
    full_env = {
        **os.environ,
        "STRATEGI_IDAG": FIXED_TODAY,
        # 'Senast ändrad' is derived from git (the last content change): fix it like 'today'.
        "STRATEGI_SENAST_UPPDATERAD": FIXED_UPDATED,
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    return run(command, cwd=cwd, env=full_env)


def build_site(
    project_dir: Path, site_dir: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder, as `make build` does, with a fixed 'today'. Not
    --quiet: it would keep MkDocs' warnings from --strict, and a warning must fail the build."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    return run_build(command, project_dir, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once per test worker."""
    site = tmp_path_factory.mktemp("sajt") / "site"
    result = build_site(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


def edit(path: Path, pattern: str, replacement: str) -> int:
    """Replace the first match of a regex (multiline) in a file; return the 1-based line it started on."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"{pattern!r} not found in {path}"
    path.write_text(text[: match.start()] + replacement + text[match.end() :], encoding="utf-8")
    return text[: match.start()].count("\n") + 1


def add_plan(project: Path, extra: str = "") -> Path:
    """Put the example month tests/fixtures/plan/2026-06.yaml into a project copy, with extra YAML
    lines appended (more posts); return the plan file."""
    target = project / "data" / "plan" / "2026-06.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "tests" / "fixtures" / "plan" / "2026-06.yaml", target)
    with target.open("a", encoding="utf-8") as handle:
        handle.write(extra)
    return target


def copy_data(dest: Path, data: Path = FROZEN_DATA) -> Path:
    """A throwaway copy of data/ (the frozen 2020 data unless ``data`` names another, such as the
    live ``ROOT / "data"``) and schemas/ only: all that loading and `validera` read."""
    shutil.copytree(data, dest / "data")
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    return dest


def copy_project(dest: Path, data: Path = FROZEN_DATA) -> Path:
    """A throwaway copy of everything a build needs, with the frozen 2020 data unless ``data`` names
    another data/ folder (``ROOT / "data"`` for the live one)."""
    shutil.copytree(data, dest / "data")
    for name in ["schemas", "docs", "overrides", "strategi"]:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "macros.py", "hooks.py"]:
        shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def frozen_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project root holding the frozen 2020 data beside today's schemas (for loading and the CLI)."""
    return copy_data(tmp_path_factory.mktemp("strategi-2020"))


@pytest.fixture(scope="session")
def frozen_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the frozen 2020 data, once per test worker."""
    base = tmp_path_factory.mktemp("sajt-2020")
    project = copy_project(base / "projekt")
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"
