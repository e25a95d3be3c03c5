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

from strategi import model, questions, reading, serving, site


def _strategy(config: Any) -> model.Strategy:
    return site.load_for_build(config)


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` shows invalid data as an error page instead of stopping (strategi.serving)."""
    serving.start(command)


def on_config(config: Any) -> Any:
    strategy = site.try_load(config)
    if strategy is None:  # serving invalid data: keep every page's address for the error page
        pages = [site.channel_page(c) for c in serving.channel_ids(site.project_root(config))]
        config["nav"] = site.insert_pages(config["nav"], pages)
        return config
    config["nav"] = site.insert_channels(config["nav"], strategy)
    site.configure(config, strategy)
    return config


def on_files(files: Files, config: Any) -> Files:
    if serving.in_error():
        for channel_id in serving.channel_ids(site.project_root(config)):
            files.append(File.generated(config, site.channel_page(channel_id), content=f"# {channel_id}\n"))
        return files
    strategy = _strategy(config)
    for channel in strategy.channels:
        source = strategy.source(f"kanal:{channel['id']}")
        files.append(
            File.generated(
                config, site.channel_page(channel["id"]), content=site.channel_markdown(channel, source)
            )
        )
    return files


def on_page_read_source(page: Any, config: Any) -> str | None:
    """While `make serve` has invalid data, every page is the error page (macros never run)."""
    return serving.error_markdown() if serving.in_error() else None


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """Escape the page title: it can come from data (a channel's name), and the theme prints
    titles unescaped in <title>, the navigation and the header. Pages are all rendered before
    any template, so every nav entry sees the escaped title."""
    page.meta["title"] = html.escape(html.unescape(str(page.title)), quote=False)
    return reading.loosen(reading.fold_questions(html_text, page.url))


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Point the edit button at the page's primary file: its YAML file when it has one, else its
    own Markdown file (a page built from many files names each of them in its sections)."""
    source = page.meta.get("källa") or ""
    if not source or source.endswith("/"):
        source = f"{site.docs_path(config)}/{page.file.src_uri}"
    url = site.edit_url(config, source)
    if url:
        page.edit_url = url
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


@event_priority(-100)  # after mkdocs-print-site-plugin has written the print page
def on_post_build(config: Any) -> None:
    """The search index learns words without diacritics; the print plugin titles its heading
    links in English, so give them the site's Swedish title."""
    reading.fold_search_index(Path(config["site_dir"]) / "search" / "search_index.json")
    if serving.State.serving and not serving.in_error():
        serving.built(config, len(questions.stale_channels(_strategy(config))))
    page = Path(config["site_dir"]) / "print_page" / "index.html"
    if page.exists():
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("title='Permanent link'", "title='Länk till det här avsnittet'"), encoding="utf-8"
        )
