"""The pull-request preview (built with OFFLINE=true, as .github/workflows/pr.yml does) works when it
is downloaded and opened from disk: every link leads to a page, not a folder listing, and the search
finds and opens pages, all from file:// with nothing fetched from anywhere else."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT, build_site

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as the pull-request preview: `mkdocs build --strict` with OFFLINE=true."""
    site = tmp_path_factory.mktemp("forhandsvisning") / "site"
    result = build_site(ROOT, site, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and ((tag == "a" and name == "href") or (tag == "script" and name == "src")):
                self.hrefs.append(value)


def _local_target(page: Path, href: str) -> Path | None:
    """The file or folder a relative link on `page` points at on disk (None for other hosts, #anchors)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return Path(posixpath.normpath((page.parent / unquote(parts.path)).as_posix()))


def _open(browser: Any, record: list[str]) -> tuple[Any, Any]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on(
        "request",
        lambda r: (
            record.append(f"förfrågan: {r.url}")
            if not r.url.startswith(("file:", "data:", "blob:", "about:"))
            else None
        ),
    )
    page.on("console", lambda m: record.append(f"konsol: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: record.append(f"skriptfel: {e}"))
    return context, page


def _assert_page(page: Any, preview: Path) -> None:
    """The tab shows one of the preview's pages (an .html file with a heading), not a folder listing."""
    path = Path(unquote(urlsplit(page.url).path))
    assert path.suffix == ".html", page.url
    assert path.is_file(), page.url
    assert preview in path.parents, page.url
    assert not page.title().startswith("Index of"), page.url
    assert page.locator("h1").count() >= 1, page.url


def test_every_link_in_the_preview_leads_to_a_file(preview: Path) -> None:
    """Every relative link and script on every page of the preview points at a file that exists on disk,
    never at a folder (a browser shows a folder as a listing when the site is opened from disk).
    404.html is left out: only a web server shows it, and its links start at the server's root."""
    pages = sorted(p for p in preview.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 20, pages
    wrong = []
    for html_file in pages:
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            target = _local_target(html_file, href)
            if target is not None and not target.is_file():
                wrong.append(f"{html_file.relative_to(preview)}: {href}")
    assert not wrong, "länkar till mappar eller saknade filer:\n" + "\n".join(sorted(set(wrong))[:30])


def test_preview_opened_from_disk_follows_links_across_sections(browser: Any, preview: Path) -> None:
    """Opened from file://, the side menu leads from the start page to every section in turn (hidden
    entries clicked by script, as the start page hides its menu); from a channel page one folder down, the side menu leads back up to Mål; each click shows a page with a heading, and nothing
    is requested from another host, with no error in the console."""
    record: list[str] = []
    context, page = _open(browser, record)
    try:
        page.goto((preview / "index.html").as_uri())
        _assert_page(page, preview)
        targets = page.eval_on_selector_all(
            ".md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)"
        )
        sections = sorted({t for t in targets if "#" not in t})
        assert len(sections) >= 15, sections
        for target in sections:  # each page's side menu leads on to the next section
            with page.expect_navigation():
                page.evaluate(
                    """target => [...document.querySelectorAll('.md-nav--primary a.md-nav__link')]
                        .find(a => a.href === target).click()""",
                    target,
                )
            assert page.url.split("?")[0] == target
            _assert_page(page, preview)
        page.goto((preview / "kanaler" / "facebook.html").as_uri())
        _assert_page(page, preview)
        with page.expect_navigation():
            page.locator("a.md-nav__link:visible", has_text=re.compile(r"^\s*Mål\s*$")).first.click()
        assert page.url == (preview / "mal.html").as_uri()
        _assert_page(page, preview)
    finally:
        context.close()
    assert not record, "\n".join(record)


def test_preview_opened_from_disk_searches(browser: Any, preview: Path) -> None:
    """Opened from file:// on a channel page one folder down, the search box finds 'följare', and
    clicking the first hit opens that page; the search index and its worker come from disk."""
    record: list[str] = []
    context, page = _open(browser, record)
    try:
        page.goto((preview / "kanaler" / "facebook.html").as_uri())
        search = page.locator("input.md-search__input")
        search.click()
        page.keyboard.type("följare", delay=30)  # as a reader types it
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        assert page.locator(".md-search-result__item").count() >= 3
        meta = page.locator(".md-search-result__meta").inner_text()
        assert re.search(r"\d+ sökresultat", meta), meta
        with page.expect_navigation():
            page.locator(".md-search-result__item a").first.click()
        _assert_page(page, preview)
    finally:
        context.close()
    assert not record, "\n".join(record)
