"""What the MkDocs hooks need about pages: generated channel and month pages, the navigation,
edit links, and what the theme templates print. Loading lives in strategi.site.build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.utils.yaml import yaml_load

from strategi.data import model
from strategi.views import pages
from strategi.site import chrome
from strategi.site.build import edit_base, project_root

NAV_PLACEHOLDER = pages.CHANNELS
PLAN_NAV_PLACEHOLDER = pages.PLAN


def edit_url(config: Any, source: str) -> str | None:
    """Where 'Föreslå ändring' leads: the editor for one file (never a folder's listing)."""
    base = edit_base(config)
    if base is None or source.endswith("/"):
        return None
    return base + source


def docs_path(config: Any) -> str:
    """docs_dir relative to the project root ('docs')."""
    return Path(config["docs_dir"]).resolve().relative_to(project_root(config)).as_posix()


def footer_link(config: Any) -> str:
    """The footer's link to the accessibility statement (overrides/partials/copyright.html)."""
    return pages.built_url(pages.ACCESSIBILITY, config.get("use_directory_urls", True))


def month_markdown(month: str, source: str) -> str:
    """A month page: front matter and macro calls only, no data."""
    return f"---\nkälla: {source}\n---\n\n# {{{{ plan_rubrik({month!r}) }}}}\n\n{{{{ plan_manad({month!r}) }}}}\n"


def channel_nav(strategy: model.Strategy) -> list[Any]:
    # No title here: the page's own heading (the channel's name, escaped) names it in the nav.
    return [pages.channel(c["id"]) for c in strategy.channels]


def insert_channels(nav: list[Any], strategy: model.Strategy) -> list[Any]:
    """Put one nav entry per channel file right after the channel overview page, and one per
    plan month right after the plan's overview page."""
    generated = {
        NAV_PLACEHOLDER: channel_nav(strategy),
        PLAN_NAV_PLACEHOLDER: [pages.month(str(p["månad"])) for p in strategy.plans],
    }
    return _insert_after(nav, generated)


def insert_pages(nav: list[Any], pages: list[Any]) -> list[Any]:
    """Put these nav entries right after the channel overview page (`make serve`'s error page
    keeps every channel page's address this way)."""
    return _insert_after(nav, {NAV_PLACEHOLDER: pages})


def _insert_after(nav: list[Any], generated: dict[str, list[Any]]) -> list[Any]:
    result: list[Any] = []
    for entry in nav:
        item = entry
        if isinstance(entry, dict):
            item = {k: _insert_after(v, generated) if isinstance(v, list) else v for k, v in entry.items()}
            # A section left with only its overview page (no plan months yet) becomes that page:
            # the theme would otherwise render an empty sub-navigation.
            item = {
                k: v[0]
                if isinstance(v, list) and len(v) == 1 and isinstance(v[0], str) and v[0] in generated
                else v
                for k, v in item.items()
            }
        result.append(item)
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, str) and value in generated:
            result.extend(generated[value])
    return result


def feed_domain(config: Any) -> str:
    """The host part of every calendar UID: the site's own host (site_url in mkdocs.yml)."""
    return urlsplit(str(config.get("site_url") or "")).hostname or "strategi.invalid"


def site_url(root: Path) -> str:
    """site_url as MkDocs reads mkdocs.yml (quoted or not, with a comment, from !ENV); '/' when unset."""
    with (root / "mkdocs.yml").open("rb") as config:  # YAML reads UTF-8 itself
        return str(yaml_load(config).get("site_url") or "/")


def channel_markdown(channel: dict[str, Any], source: str) -> str:
    """The generated page of one channel: front matter and a single macro call, no data."""
    return (
        f"---\nkälla: {source}\n---\n\n"
        f"# {{{{ kanal_rubrik({channel['id']!r}) }}}}\n\n{{{{ kanal_sida({channel['id']!r}) }}}}\n"
    )


def channel_files(strategy: model.Strategy) -> list[tuple[str, str]]:
    """One generated page per channel file, as (path, content)."""
    return [
        (pages.channel(c["id"]), channel_markdown(c, strategy.channel_file(c["id"])))
        for c in strategy.channels
    ]


def configure(config: Any, facts: chrome.VersionFacts) -> None:
    """Put what the theme templates need into config.extra: plain data, escaped by the templates."""
    extra = config["extra"]
    extra[chrome.EXTRA_KEY] = facts.as_extra()
    if os.environ.get("STRATEGI_VERSIONER") == "mike":
        extra["version"] = {"provider": "mike"}
        extra["strategi_mike"] = True
