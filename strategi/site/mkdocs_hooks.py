"""MkDocs hooks, imported through hooks.py in the project folder (mkdocs.yml: hooks).

Imported as an ordinary module, once per process: everything a build keeps between events, and
`make serve` between builds, is in strategi.site.state.STATE."""

from __future__ import annotations

import html
import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from strategi.content import questions
from strategi.data import model
from strategi.site import build, calendars, generated, jinja_cache, print_document, serving
from strategi.site import reading
from strategi.site.state import STATE
from strategi.views import pages, render

# Loaded with the configuration, before any plugin's on_config: mkdocs-macros' git commands are
# skipped from the first build on.
build.skip_macros_git_info()

def _strategy(config: Any) -> model.Strategy:
    return build.required(config).strategy


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` shows invalid data as an error page instead of stopping (strategi.site.serving),
    and its terminal shows MkDocs' warnings without its INFO lines (strategi.site.serving says in Swedish
    where the site is and when it was rebuilt)."""
    serving.start(command)
    if command == "serve":
        serving.quiet_info(logging.getLogger("mkdocs"))


def on_config(config: Any) -> Any:
    config["extra"]["strategi_tillganglighet"] = generated.footer_link(config)
    this_build = build.for_config(config)
    if this_build is None:  # serving invalid data: keep every page's address for the error page
        channel_pages = [pages.channel(c) for c in serving.channel_ids(build.project_root(config))]
        config["nav"] = generated.insert_pages(config["nav"], channel_pages)
        return config
    config["nav"] = generated.insert_channels(config["nav"], this_build.strategy)
    generated.configure(config, this_build.facts)
    return config


def on_files(files: Files, config: Any) -> Files:
    if serving.in_error():
        for channel_id in serving.channel_ids(build.project_root(config)):
            files.append(File.generated(config, pages.channel(channel_id), content=f"# {channel_id}\n"))
        return files
    strategy = _strategy(config)
    for path, content in generated.channel_files(strategy):
        files.append(File.generated(config, path, content=content))
    calendars.add_files(files, config, strategy)
    return files


def on_page_read_source(page: Any, config: Any) -> str | None:
    """While `make serve` has invalid data, every page is the error page (macros never run)."""
    return serving.error_markdown() if serving.in_error() else None


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """Escape the page title: it can come from data (a channel's name), and the theme prints
    titles unescaped in <title>, the navigation and the header. Pages are all rendered before
    any template, so every nav entry sees the escaped title. The print document keeps every
    question in full; the reading page folds them (strategi.site.reading)."""
    page.meta["title"] = html.escape(html.unescape(str(page.title)), quote=False)
    STATE.printed.add(page, html_text)
    work_list = files.get_file_from_path(pages.QUESTIONS)
    target = work_list.url if work_list else reading.QUESTIONS_PAGE
    return reading.loosen(reading.fold_questions(html_text, page.url, target))


def on_env(env: Any, config: Any, files: Any) -> Any:
    """The print page's template (strategi/templates/utskrift.html) is found after the theme's;
    compiled templates are reused from the previous build (`make serve` rebuilds on every save),
    and from the last build in this project folder (.cache/jinja/)."""
    env.loader.searchpath.append(str(Path(__file__).resolve().parents[1] / "templates"))
    STATE.templates.use_folder(build.project_root(config) / jinja_cache.FOLDER)
    env.bytecode_cache = STATE.templates
    return env


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Point the edit button at the page's primary file: its YAML file when it has one, else its
    own Markdown file (a page built from many files names each of them in its sections)."""
    source = page.meta.get("källa") or ""
    if not source or source.endswith("/"):
        source = f"{generated.docs_path(config)}/{page.file.src_uri}"
    url = generated.edit_url(config, source)
    if url:
        page.edit_url = url
    if page.file.src_uri == print_document.PRINT_PAGE and not serving.in_error():
        # Every other page's content is rendered by now: MkDocs renders all pages before any template.
        this_build = build.required(config)
        strategy = this_build.strategy
        page.meta["dokumenttitel"] = print_document.document_title(strategy)
        page.meta["organisation"] = render.esc(strategy["strategi"].get("organisation", ""))
        page.content = STATE.printed.render(
            strategy,
            this_build.comparison,
            this_build.facts,
            nav.pages,
            posixpath.dirname(page.file.dest_uri),
        )
    return context


@event_priority(-50)  # after the search plugin has written its index, before `offline` inlines it
def on_post_build(config: Any) -> None:
    """The search index learns words without diacritics; under `make serve`, say the site is built."""
    offline = any(
        name.endswith("offline") and bool(getattr(plugin, "config", {}).get("enabled"))
        for name, plugin in config["plugins"].items()
    )
    reading.fold_search_index(Path(config["site_dir"]) / "search" / "search_index.json", stem=not offline)
    if STATE.serving and not serving.in_error():
        serving.built(config, len(questions.stale_channels(_strategy(config))))
