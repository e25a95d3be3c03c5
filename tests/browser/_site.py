"""Helpers for the tests of the built site: its pages, a local web server, and a guarded browser tab.

The fixtures that use these live in tests/browser/conftest.py.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from strategi.site.pdf import BROWSER_FLAGS

LOCAL_HOST = "127.0.0.1"

# Debian's Chromium, as .ci/run installs it; Playwright's own browser download is not used.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = BROWSER_FLAGS
MISSING_CHROMIUM = "Chromium saknas: installera med 'apt-get install chromium'"


def chromium_available() -> bool:
    """Debian's Chromium is installed and can be run."""
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


# The WCAG levels the site must meet: 2.0, 2.1 and 2.2, A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path relative to its root ('' is the start page).

    Each folder's index.html is a page, and so is 404.html (the page a reader sees for a
    broken address). The search index and the theme's assets are not pages.
    """
    paths = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        paths.append("" if folder == "." else f"{folder}/")
    if (site / "404.html").exists():
        paths.append("404.html")
    return paths


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files from one folder without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    """Says nothing when the browser closes a connection before a file is sent (it left the page);
    every other error in a request is printed as usual."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) in a background thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = _Server((LOCAL_HOST, 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="sajtserver", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def is_local(url: str) -> bool:
    """True for a request to the local test server (or an inline data:/blob: URL)."""
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob"} or (
        parts.scheme in {"http", "https"} and parts.hostname == LOCAL_HOST
    )


@dataclass
class Record:
    """What happened in a browser context: outside requests, console errors, dialogs."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    current: str = ""

    def where(self) -> str:
        return self.current or "(ingen sida)"


def guarded_page(browser: Any, record: Record, **context_options: Any) -> tuple[Any, Any]:
    """A new context and tab that aborts and records every request to a host other than 127.0.0.1,
    and records console errors, uncaught page errors and dialogs (alert, confirm, prompt).

    The route is set on the context, so requests from the search web worker are seen too.
    """
    context = browser.new_context(**context_options)

    def route(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            record.outside.append(f"{record.where()}: {url}")
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on(
        "console",
        lambda msg: (
            record.errors.append(f"{record.where()}: console: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: record.errors.append(f"{record.where()}: pageerror: {exc}"))

    def dialog(d: Any) -> None:
        record.dialogs.append(f"{record.where()}: {d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    return context, page


def visit(page: Any, record: Record, base: str, path: str) -> None:
    """Load one page and wait until the network has been idle (scripts, worker, search index)."""
    record.current = path or "/"
    response = page.goto(base + path, wait_until="networkidle")
    assert response is not None, f"{path or '/'} gav inget svar"
    assert response.ok, f"{path or '/'} gav HTTP {response.status}"
