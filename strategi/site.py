"""The seam to MkDocs: hooks that add channel pages and edit links, and macro registration.

All of it is thin: the views live in strategi.views, the data in strategi.model.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from . import cli, model
from .views import VIEWS

CHANNEL_PAGE_DIR = "kanaler"
NAV_PLACEHOLDER = "kanaler/index.md"


def edit_base(config: Any) -> str | None:
    """Start of an edit link to any file in the repository, from repo_url and edit_uri."""
    repo = (config.get("repo_url") or "").rstrip("/")
    uri = (config.get("edit_uri") or "").strip("/")
    if not repo or not uri:
        return None
    return f"{repo}/{uri}/"


def project_root(config: Any) -> Path:
    return Path(config["config_file_path"]).resolve().parent


@functools.lru_cache(maxsize=4)
def _load_cached(root: Path, stamp: tuple[tuple[str, int], ...], today: Any) -> model.Strategy:
    return model.load(root, today)


def load_for_build(config: Any) -> model.Strategy:
    """The strategy for this build; reloaded whenever a data or schema file changes."""
    root = project_root(config)
    watched = sorted([*(root / "data").rglob("*.y*ml"), *(root / "schemas").glob("*.json")])
    stamp = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in watched)
    strategy = _load_cached(root, stamp, cli.today())
    strategy.edit_base = edit_base(config)
    return strategy


def channel_page(channel_id: str) -> str:
    return f"{CHANNEL_PAGE_DIR}/{channel_id}.md"


def channel_nav(strategy: model.Strategy) -> list[Any]:
    return [{c["namn"]: channel_page(c["id"])} for c in strategy.channels]


def insert_channels(nav: list[Any], strategy: model.Strategy) -> list[Any]:
    """Put one nav entry per channel file right after the channel overview page."""
    result: list[Any] = []
    for entry in nav:
        item = entry
        if isinstance(entry, dict):
            item = {k: insert_channels(v, strategy) if isinstance(v, list) else v for k, v in entry.items()}
        result.append(item)
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if value == NAV_PLACEHOLDER:
            result.extend(channel_nav(strategy))
    return result


def channel_markdown(channel: dict[str, Any], source: str) -> str:
    """The generated page of one channel: front matter and a single macro call, no data."""
    return (
        f"---\nkälla: {source}\n---\n\n"
        f"# {{{{ kanal_rubrik({channel['id']!r}) }}}}\n\n{{{{ kanal_sida({channel['id']!r}) }}}}\n"
    )


def register(env: Any) -> None:
    """mkdocs-macros: register every view, bound to this build's strategy."""
    strategy = load_for_build(env.conf)
    for name, view in VIEWS.items():
        env.macro(functools.partial(view, strategy), name)
    env.variables["strategi"] = strategy["strategi"]
