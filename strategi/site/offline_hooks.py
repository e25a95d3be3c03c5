"""MkDocs hooks for the offline preview build (OFFLINE=true, mkdocs.yml: plugins: offline).

Material's offline plugin turns off directory URLs (pages become ``mal.html`` instead of
``mal/``) so that the site works opened from disk. Two things it leaves to us:

- it loads the Web Worker shim that search needs from a CDN; we serve the vendored copy,
  and only in an offline build;
- the views compute their HTML links for directory URLs (strategi.views.pages: ``../../mal/#mal-a``
  from ``kanaler/facebook/``). In an offline page each such link is re-pointed at the file
  the same page has in the offline build (``../mal.html#mal-a`` from ``kanaler/facebook.html``).
  Links MkDocs resolved itself end in ``.html`` and are left alone.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from strategi.site.state import STATE
from strategi.views.pages import directory_url

CDN_SHIM = "https://unpkg.com/iframe-worker/shim"
SHIM = Path(__file__).resolve().parents[1] / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/vendor/iframe-worker/shim.js"

# href="…/" or href="…/#anchor": a relative link written for directory URLs.
_FOLDER_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*/)(#[^"]*)?"')



def _offline(config: Any) -> bool:
    return SHIM_URI in (config.extra.get("polyfills") or [])


def on_config(config: Any) -> Any:
    """Replace the CDN shim that the offline plugin added (it runs before hooks) with the local copy."""
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM_URI if script == CDN_SHIM else script for script in polyfills]
    return config


def on_files(files: Files, config: Any) -> Files:
    """In an offline build: add the vendored shim, and note where every page lands."""
    STATE.offline_pages.clear()
    if _offline(config):
        files.append(File(SHIM.name, str(SHIM.parent), config.site_dir, False, dest_uri=SHIM_URI))
    return files


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    """Record each page's directory-style URL and its file in this build (generated pages included)."""
    if _offline(config):
        for file in files.documentation_pages():
            STATE.offline_pages[directory_url(file.src_uri)] = file.dest_uri
    return nav


def rewrite_folder_links(text: str, page_src_uri: str, page_dest_uri: str, pages: dict[str, str]) -> str:
    """Re-point links written for directory URLs at the page files of an offline build."""
    here = directory_url(page_src_uri)
    dest_dir = posixpath.dirname(page_dest_uri)

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, html.unescape(match.group(1))))
        key = "" if target == "." else target + "/"
        dest = pages.get(key)
        if dest is None:
            return match.group(0)
        link = posixpath.relpath(dest, dest_dir or ".")
        return f'href="{html.escape(link)}{match.group(2) or ""}"'

    return _FOLDER_HREF.sub(replace, text)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """In an offline build, fix the views' folder links of the finished page."""
    if not STATE.offline_pages:
        return output
    return rewrite_folder_links(output, page.file.src_uri, page.file.dest_uri, STATE.offline_pages)


@event_priority(-110)  # after mkdocs-print-site-plugin (-100) has written its page
def on_post_build(config: Any) -> None:
    """The print-site plugin writes its page with the site root '/' as the theme's base, which from
    disk is the root of the drive: the search there would load nothing. Point it at its own folder."""
    page = Path(config["site_dir"]) / "print_page.html"
    if STATE.offline_pages and page.exists():
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace('"base": "/"', '"base": "."', 1), encoding="utf-8")
