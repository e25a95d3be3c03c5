"""MkDocs hooks (mkdocs.yml: hooks). Loaded by file path, so the project root goes on sys.path."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.structure.files import File, Files

from strategi import model, site


def _strategy(config: Any) -> model.Strategy:
    return site.load_for_build(config)


def on_config(config: Any) -> Any:
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
    return files


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Point the edit button at the file behind the page: its YAML file when it has one."""
    source = page.meta.get("källa") or f"{site.docs_path(config)}/{page.file.src_uri}"
    url = site.edit_url(config, source)
    if url:
        page.edit_url = url
    return context
