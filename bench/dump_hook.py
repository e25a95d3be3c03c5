"""MkDocs hook for bench/build.py only: write each page's Markdown, as mkdocs-macros rendered it, to
$STRATEGI_DUMP_MD, so the benchmark can build the same pages with plain Material. bench/build.py
adds this file to `hooks:` of its own copy of the project; the site never loads it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    target = Path(os.environ["STRATEGI_DUMP_MD"])
    out = target / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\nkälla: {page.meta['källa']}\n---\n\n" if page.meta.get("källa") else ""
    out.write_text(front + markdown, encoding="utf-8")
    return markdown
