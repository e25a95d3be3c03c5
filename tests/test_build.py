"""The seam with MkDocs (strategi.site.build): one load per build, views that only view."""

from __future__ import annotations

import ast
import logging
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from strategi.content import changed
from strategi.data import git, history, model
from strategi.site import build
from tests._viewtables import render_every_view
from tests.conftest import FIXED_TODAY, ROOT, TODAY, build_site, copy_project

VIEWS_DIR = ROOT / "strategi" / "views"

# What a view must not import: modules that run git, read files, validate data, or tie the views
# to one site engine. strategi.site.build hands the views what these would give them.
FORBIDDEN = {
    "strategi.site.build",
    "strategi.data.check",
    "strategi.data.git",
    "strategi.data.gitref",
    "strategi.data.loader",
    "strategi.data.model.load",
    "strategi.data.schemas",
    "strategi.site.mkdocs_hooks",
    "strategi.commands.publish",
    "subprocess",
    "os",
    "pathlib",
    "shutil",
    "mkdocs",
    "material",
    "yaml",
    "jsonschema",
}


def _imports(path: Path) -> set[str]:
    """Every module (and imported name, as module.name) a view module imports, resolved to absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                package = ["strategi", "views"][: 2 - (node.level - 1)]
                base = ".".join([*package, *([node.module] if node.module else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def test_the_import_scan_sees_relative_and_absolute_imports(tmp_path: Path) -> None:
    """The scan resolves `from ..data import gitref` and `import subprocess`, so a view that ran git
    would be caught."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import subprocess\nfrom ..data import gitref\nfrom . import render\nfrom ._time import x\n"
    )
    names = _imports(sample)
    assert {"subprocess", "strategi.data.gitref", "strategi.views.render", "strategi.views._time.x"} <= names
    assert _forbidden("strategi.data.gitref")
    assert _forbidden("subprocess")
    assert not _forbidden("strategi.views.render")


@pytest.mark.parametrize("path", sorted(VIEWS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_views_import_nothing_that_runs_git_reads_files_or_validates(path: Path) -> None:
    """A view module imports no module that runs git, reads files, validates data or belongs to
    MkDocs: views are pure functions of the strategy and what the build hands them."""
    bad = sorted(name for name in _imports(path) if _forbidden(name))
    assert not bad, f"{path.name} importerar {bad}"


def _build_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Path:
    """Build a copy of the project in this process, as `mkdocs build --strict` does; its root."""
    project = copy_project(tmp_path / "projekt")
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    build._load_cached.cache_clear()
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config["site_dir"] = str(tmp_path / "site")
    caplog.set_level(logging.ERROR)
    mkdocs_build(config)
    assert (tmp_path / "site" / "index.html").is_file()
    return project


def test_strategy_is_loaded_once_per_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """One `mkdocs build` (hooks, macros and the print page together) loads and checks the
    project's strategy exactly once; loads of older versions from git are counted apart."""
    calls: list[Path] = []
    real_load = model.load

    def counting_load(root: Path, *args: Any, **kwargs: Any) -> model.Strategy:
        calls.append(Path(root).resolve())
        return real_load(root, *args, **kwargs)

    monkeypatch.setattr(model, "load", counting_load)
    project = _build_in_process(tmp_path, monkeypatch, caplog)
    assert calls.count(project.resolve()) == 1, calls
    assert os.environ["STRATEGI_IDAG"] == FIXED_TODAY


def test_a_build_skips_the_git_commands_of_mkdocs_macros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """mkdocs-macros' own git commands (`git log -1`, `git describe --tags`, ... twelve per build
    and per rebuild) do not run: no page uses its `git` variable. The site still builds."""
    commands: list[list[str]] = []
    real_check_output = subprocess.check_output

    def recording(args: Any, *rest: Any, **kwargs: Any) -> Any:
        commands.append(list(args))
        return real_check_output(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "check_output", recording)
    _build_in_process(tmp_path, monkeypatch, caplog)
    assert [c for c in commands if c[:1] == ["git"]] == []


def test_a_build_never_changes_a_loaded_strategy() -> None:
    """The build's edit base goes into the build's own copy: the strategy that was loaded (and may
    be cached for the next rebuild) keeps no edit base."""
    loaded = model.load(ROOT, TODAY)
    config = {"repo_url": "https://example.org/repo", "edit_uri": "edit/main/"}
    one = build.Build(loaded, build.edit_base(config))
    assert one.strategy.edit_base == "https://example.org/repo/edit/main/"
    assert loaded.edit_base is None
    assert one.strategy.files is loaded.files


def test_views_run_no_git(strategy: model.Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every view, called as the pages call it, renders with git and every other subprocess made
    impossible: what git knows (the change list, the previous version, the last update) comes from
    the build, also through helper modules the import check cannot see."""

    def no_process(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"en vy körde ett program: {args[:1]}")

    monkeypatch.setattr(subprocess, "run", no_process)
    monkeypatch.setattr(subprocess, "Popen", no_process)
    monkeypatch.setattr(git, "run", no_process)
    monkeypatch.setattr(git, "attempt", no_process)
    monkeypatch.delenv(history.UPDATED_ENV, raising=False)
    changed._last_change_day.cache_clear()
    render_every_view(strategy)
    with pytest.raises(AssertionError, match="körde ett program"):
        changed.last_updated(strategy)


def test_the_tests_build_is_strict_a_warning_fails_it(tmp_path: Path) -> None:
    """The build every site test uses (conftest.build_site) stops on a MkDocs warning, here a link
    to a page that does not exist: with --quiet, --strict would count no warnings at all."""
    project = copy_project(tmp_path / "projekt")
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[trasig](finns-inte.md)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert "contains a link 'finns-inte.md'" in result.stderr
