"""MkDocs hooks (mkdocs.yml: hooks). Loaded by file path, so the project root goes on sys.path."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from strategi import calendars, jinja_cache, model, render, site, utskrift

# The print document of the build under way (a new one for every build, also under `make serve`).
_print = utskrift.PrintDocument()


def _strategy(config: Any) -> model.Strategy:
    return site.load_for_build(config)


def on_config(config: Any) -> Any:
    _print.pages.clear()
    strategy = _strategy(config)
    config["nav"] = site.insert_channels(config["nav"], strategy)
    site.configure(config, strategy)
    return config


def on_files(files: Files, config: Any) -> Files:
    strategy = _strategy(config)
    for channel in strategy.channels:
        source = strategy.source(f"kanal:{channel['id']}")
        files.append(
            File.generated(
                config, site.channel_page(channel["id"]), content=site.channel_markdown(channel, source)
            )
        )
    calendars.add_files(files, config, strategy)
    return files


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """Escape the page title: it can come from data (a channel's name), and the theme prints
    titles unescaped in <title>, the navigation and the header. Pages are all rendered before
    any template, so every nav entry sees the escaped title."""
    page.meta["title"] = html.escape(html.unescape(str(page.title)), quote=False)
    _print.add(page, html_text)
    return html_text


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The print page's template (strategi/templates/utskrift.html) is found after the theme's;
    compiled templates are reused from the previous build (`make serve` rebuilds on every save)."""
    env.loader.searchpath.append(str(Path(__file__).resolve().parent / "templates"))
    env.bytecode_cache = jinja_cache.CACHE
    return env


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Point the edit button at the file behind the page: its YAML file when it has one."""
    source = page.meta.get("källa") or f"{site.docs_path(config)}/{page.file.src_uri}"
    url = site.edit_url(config, source)
    if url:
        page.edit_url = url
    if page.file.src_uri == utskrift.PRINT_PAGE:
        # Every other page's content is rendered by now: MkDocs renders all pages before any template.
        strategy = _strategy(config)
        page.meta["dokumenttitel"] = utskrift.document_title(strategy)
        page.meta["organisation"] = render.esc(strategy["strategi"].get("organisation", ""))
        page.content = _print.render(strategy, nav.pages)
    return context


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """For bench/build.py: write each rendered page's Markdown to $STRATEGI_DUMP_MD when set."""
    target = os.environ.get("STRATEGI_DUMP_MD")
    if target:
        out = Path(target) / page.file.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\nkälla: {page.meta['källa']}\n---\n\n" if page.meta.get("källa") else ""
        out.write_text(front + markdown, encoding="utf-8")
    return markdown
