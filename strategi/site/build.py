"""One build: the strategy loaded and checked once, and what its pages need that is not data.

MkDocs' hooks (strategi/site/mkdocs_hooks.py) and mkdocs-macros (macros.py) both ask ``for_config``
with the build's configuration: the first to ask loads the strategy, every later call during the
same build gets the same object. Views are pure functions of the strategy; what they need from
outside the data (what git knows, ``history``, and the change list, ``comparison``) the build
works out once and hands to the view whose signature names it; a view that links to other pages names ``page`` and gets
the source path of the page being rendered (strategi.views.pages). Nothing here changes a loaded
strategy: each build gets its own copy with the edit base of its configuration.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from strategi.content import diff
from strategi.data import gitref, model, parts, periods
from strategi.data.history import History
from strategi.content.changed import history_of
from strategi.site import serving
from strategi.site.state import STATE
from strategi.views import pages
from strategi.site import chrome
from strategi.views import VIEWS


def compare_with_previous(strategy: model.Strategy, ref: str | None) -> diff.Comparison:
    """Load the previous version (``ref``) from git and compare; never raises for a bad ref or old tree."""
    if ref is None:
        return diff.Comparison(None)
    try:
        old = model.load_at(strategy.root, ref, strategy.today)
    except gitref.RefError as exc:
        return diff.Comparison(ref, error=f"Kunde inte jämföra med {diff.ref_words(ref)}: {exc}.")
    return diff.Comparison(ref, diff.compare(old, strategy))


class Build:
    """The strategy of one build and what the build works out for its pages."""

    def __init__(self, strategy: model.Strategy, edit_base: str | None) -> None:
        self.edit_base = edit_base
        self.strategy = dataclasses.replace(strategy, edit_base=edit_base)

    @functools.cached_property
    def history(self) -> History:
        return history_of(self.strategy)

    @functools.cached_property
    def facts(self) -> chrome.VersionFacts:
        """The version facts the theme's banner and the printed cover show."""
        return chrome.version_facts(self.strategy, self.history)

    @functools.cached_property
    def comparison(self) -> diff.Comparison:
        return compare_with_previous(self.strategy, self.history.previous)

    def bind(self, view: Callable[..., Any], page: Callable[[], str] | None = None) -> Callable[..., str]:
        """The view as a macro: the pages give the remaining arguments (a channel id, a month);
        ``page`` tells, when the macro runs, the source path of the page being rendered (without
        it a view links as from the page it is written for)."""
        sources: dict[str, Callable[[], Any]] = {
            "comparison": lambda: self.comparison,
            "history": lambda: self.history,
        }
        if page is not None:
            sources["page"] = page
        wanted = [name for name in inspect.signature(view).parameters if name in sources]

        # A closure, not functools.partial: mkdocs-macros serialises every macro for its debug log,
        # and a partial's repr would drag the whole strategy along (a fifth of the build time).
        def bound(*args: Any) -> str:
            return str(view(self.strategy, *args, **{name: sources[name]() for name in wanted}))

        bound.__name__ = view.__name__
        bound.__doc__ = view.__doc__
        return bound


# In config.extra: the project folder, for a configuration written elsewhere (the Zensical build,
# strategi.site.zensical, whose configuration lives beside its generated docs).
PROJECT_KEY = "strategi_projekt"


def project_root(config: Any) -> Path:
    """The folder with data/ and schemas/: where the configuration says, else its file's folder."""
    named = (config.get("extra") or {}).get(PROJECT_KEY)
    if named:
        return Path(named).resolve()
    return Path(config["config_file_path"]).resolve().parent


def edit_base(config: Any) -> str | None:
    """Start of an edit link to any file in the repository, from repo_url and edit_uri."""
    repo = (config.get("repo_url") or "").rstrip("/")
    uri = (config.get("edit_uri") or "").strip("/")
    if not repo or not uri:
        return None
    return f"{repo}/{uri}/"


def for_config(config: Any) -> Build | None:
    """This build's Build, loaded on the first call (it starts the build in STATE); None while
    `make serve` shows the error page for invalid data (strategi.site.serving). Outside serving,
    invalid data stops the build."""
    if STATE.config is config:
        return STATE.build
    strategy = _load(config)
    STATE.new_build(config, None if strategy is None else Build(strategy, edit_base(config)))
    return STATE.build


def required(config: Any) -> Build:
    """This build's Build; a build that needs the strategy stops when the data is invalid."""
    build = for_config(config)
    if build is None:
        raise PluginError(serving.TITLE)
    return build


def load_project(root: Path) -> model.Strategy:
    """The checked strategy under ``root``, loaded again only when a file under data/ or schemas/
    changed: `make serve` rebuilds on every save, and `python -m strategi bygg` checks the data
    before the build in the same process. InvalidData or BadToday as model.load."""
    root = root.resolve()
    watched = sorted([*(root / parts.DATA_DIR).rglob("*"), *(root / parts.SCHEMA_DIR).glob("*.json")])
    stamp = tuple((p.as_posix(), _mtime(p)) for p in watched)
    return _load_cached(root, stamp, periods.today())


def _load(config: Any) -> model.Strategy | None:
    try:
        strategy = load_project(project_root(config))
    except model.InvalidData as exc:
        if STATE.serving:
            serving.failed(exc.problems, exc.files)
            return None
        # MkDocs prints a PluginError as one clean message and exits 1: no traceback.
        raise PluginError(str(exc)) from None
    except periods.BadToday as exc:
        raise PluginError(str(exc)) from None
    serving.succeeded()
    return strategy


@functools.lru_cache(maxsize=4)
def _load_cached(root: Path, stamp: tuple[tuple[str, int], ...], today: Any) -> model.Strategy:
    """Unchanged data and schemas are not loaded again (see load_project)."""
    return model.load(root, today)


def _mtime(path: Path) -> int:
    """When a path last changed, without following links (a broken link is the check's to report)."""
    try:
        return path.lstat().st_mtime_ns
    except OSError:
        return -1


def skip_macros_git_info() -> None:
    """mkdocs-macros runs git twelve times at every build, and at every rebuild under `make serve`,
    to fill a `git` variable (last commit, tag, author) that no page here uses: the views get what
    git knows from `Build.history`. Give it the value it has outside a repository instead. A page
    that used `git.commit` would then stop the strict build (on_undefined: strict), not show
    something wrong."""
    import mkdocs_macros.context  # noqa: PLC0415 (only the MkDocs hooks need mkdocs-macros)

    mkdocs_macros.context.get_git_info = _no_git_info


def _no_git_info() -> dict[str, Any]:
    return {"status": False, "date": None}


def register(env: Any) -> None:
    """mkdocs-macros: register every view, bound to this build (none while `make serve` shows the
    error page: every page's Markdown is replaced by it before macros run)."""
    build = for_config(env.conf)
    if build is None:
        return
    for name, view in VIEWS.items():
        env.macro(build.bind(view, lambda: rendered_page(env)), name)


def rendered_page(env: Any) -> str:
    """The source path of the page mkdocs-macros is rendering ('kanaler/facebook.md'). Macros run
    only while a page is rendered; one called otherwise stops the build rather than link wrongly."""
    page = getattr(env, "page", None) or (getattr(env, "variables", None) or {}).get("page")
    source = getattr(getattr(page, "file", None), "src_uri", None)  # MkDocs
    if source:
        return str(source)
    source = getattr(page, "path", None)  # Zensical's macros extension
    if not source:
        raise PluginError("En vy anropades utan att någon sida byggs: länkarna kan inte räknas ut.")
    return pages.folder_index(str(source))  # Zensical rewrites links from the source's folder
