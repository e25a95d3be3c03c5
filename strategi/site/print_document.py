"""The print document: every page of the site, as MkDocs rendered it, in one HTML document.

Nothing is rendered twice. The hooks hand each page's HTML to a ``PrintDocument`` as MkDocs
renders it (``on_page_content``); when the theme renders the print page (after every page's
content is ready) the document is assembled in one pass over the pages:

cover, contents with page numbers, summary, the chapters in navigation order, then the change
list and the open questions as appendices. Ids are made unique per page and links between
pages become links inside the document; each page is scanned once, so the work grows linearly
with the number of pages. Screen chrome (edit links, source lines, question markers) is
dropped by the print style sheet (docs/assets/utskrift.css), not by separate views.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from strategi.content import diff, versions
from strategi.views import pages, render
from strategi.site import chrome
from strategi.data.model import Strategy
from strategi.views.pages import directory_url, file_to_directory_url
from strategi.views import sammanfattning

PRINT_PAGE = pages.PRINT
# Left out of the print document: the editor guide, the accessibility statement, and the start page
# (its status box is the cover, its vision the summary, its "how to use the site" is for the screen).
LEFT_OUT = {pages.START, pages.GUIDE, PRINT_PAGE}
LEFT_OUT_MARK = "tillganglighet"
# The publication plan is the communicators' working calendar, changed every week: not the strategy
# the board adopts, and a printed copy would be out of date the day after.
LEFT_OUT_FOLDERS = (posixpath.dirname(pages.PLAN) + "/",)
# At the end, in this order, as appendices.
APPENDICES = [pages.CHANGES, pages.QUESTIONS]

_ID_ATTR = re.compile(r'(?<![\w-])(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_HREF = re.compile(r'(?<![\w-])href="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")


@dataclass
class Chapter:
    """One page of the site as it goes into the print document."""

    url: str
    slug: str
    title: str
    level: int
    html: str
    toc: list[tuple[str, str]] = field(default_factory=list)


def slug_of(url: str) -> str:
    """A document-wide anchor for a page URL: 'kanaler/facebook/' -> 'kanaler-facebook'."""
    return url.strip("/").replace("/", "-").replace(".", "-") or "start"


def is_left_out(page: Any) -> bool:
    src = page.file.src_uri
    return (
        src in LEFT_OUT
        or LEFT_OUT_MARK in src
        or src.startswith(LEFT_OUT_FOLDERS)
        or page.meta.get("utskrift") is False
    )


def page_level(page: Any) -> int:
    """0 for a top-level page or a section's index page, 1 for a page inside a section, and so on."""
    depth = len(page.ancestors)
    if depth and page.file.name == "index":
        depth -= 1
    return depth


class PrintDocument:
    """Collects the rendered pages of one build; assembles the print document once they are all in."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[Any, str]] = {}

    def add(self, page: Any, html_text: str) -> None:
        if not is_left_out(page):
            # Keyed by the directory-style URL, whatever the build's layout (the offline preview
            # writes 'mal.html'), because the views' links are written for directory URLs.
            self.pages[directory_url(page.file.src_uri)] = (page, html_text)

    def chapters(self, ordered_pages: list[Any], print_dir: str = "utskrift") -> list[Chapter]:
        """The collected pages in navigation order, appendices last. ``print_dir`` is the folder the
        print page is written to ('utskrift', or '' in the offline preview's 'utskrift.html')."""
        order = [u for p in ordered_pages if (u := directory_url(p.file.src_uri)) in self.pages]
        order += [url for url in self.pages if url not in order]
        appendix_urls = [url for src in APPENDICES for url in order if self.pages[url][0].file.src_uri == src]
        order = [url for url in order if url not in appendix_urls] + appendix_urls
        slugs = {url: slug_of(url) for url in order}
        result = []
        for url in order:
            page, html_text = self.pages[url]
            level = page_level(page)
            body = _rewrite(
                html_text,
                url,
                slugs,
                level,
                dest_dir=posixpath.dirname(page.file.dest_uri),
                print_dir=print_dir,
            )
            result.append(Chapter(url, slugs[url], str(page.title), level, body, _toc(page, slugs[url])))
        for n, chapter in enumerate(result[len(result) - len(appendix_urls) :]):
            chapter.title = f"Bilaga {chr(ord('A') + n)}: {chapter.title}"
            chapter.html = _retitle(chapter.html, chapter.title)
        return result

    def render(
        self,
        strategy: Strategy,
        comparison: diff.Comparison,
        facts: chrome.VersionFacts,
        ordered_pages: list[Any],
        print_dir: str = "utskrift",
    ) -> str:
        """The print document's body: cover, contents, summary, chapters, appendices."""
        chapters = self.chapters(ordered_pages, print_dir)
        parts = [
            f'<section class="omslag-sida" id="omslag">{chrome.render_partial("cover.html", facts=facts)}</section>',
            _contents(chapters),
            f'<section class="kapitel sammanfattning" id="sammanfattning">{sammanfattning.summary(strategy, comparison)}</section>',
        ]
        for chapter in chapters:
            cls = "kapitel kapitel--del" if chapter.level else "kapitel"
            if chapter.title.startswith("Bilaga"):
                cls += " bilaga"
            parts.append(f'<section class="{cls}" id="{chapter.slug}">{chapter.html}</section>')
        return "\n".join(parts)


def document_title(strategy: Strategy) -> str:
    """The PDF's title: the strategy's title, organisation and version (escaped)."""
    data = strategy["strategi"]
    return render.esc(f"{data.get('titel', '')} – {data.get('organisation', '')}, {versions.label(strategy)}")


def _toc(page: Any, slug: str) -> list[tuple[str, str]]:
    """The page's second-level headings as (anchor, title) for the contents."""
    entries = []
    for top in page.toc.items:
        for child in top.children:
            entries.append((f"{slug}--{child.id}", child.title))
    return entries


def _contents(chapters: list[Chapter]) -> str:
    items = ['<li><a href="#sammanfattning">Sammanfattning</a></li>']
    for chapter in chapters:
        sub = ""
        if chapter.level == 0 and chapter.toc:
            sub = (
                "<ol>"
                + "".join(
                    f'<li><a href="#{a}">{render.esc(html.unescape(t))}</a></li>' for a, t in chapter.toc
                )
                + "</ol>"
            )
        cls = ' class="innehall__del"' if chapter.level else ""
        items.append(f'<li{cls}><a href="#{chapter.slug}">{render.esc(chapter.title)}</a>{sub}</li>')
    return (
        '<nav class="innehall" id="innehall" aria-labelledby="innehall-rubrik">'
        '<h1 id="innehall-rubrik">Innehåll</h1>'
        f'<ol class="innehall__lista">{"".join(items)}</ol></nav>'
    )


def _rewrite(
    html_text: str,
    url: str,
    slugs: dict[str, str],
    level: int,
    *,
    dest_dir: str = "",
    print_dir: str = "utskrift",
) -> str:
    """Page-unique ids and in-document links, headings shifted to the page's depth: one pass each."""
    slug = slugs[url]

    def id_attr(m: re.Match[str]) -> str:
        ids = " ".join(f"{slug}--{i}" for i in m.group(2).split())
        return f'{m.group(1)}="{ids}"'

    def href(m: re.Match[str]) -> str:
        return f'href="{_link(m.group(1), url, slug, slugs, dest_dir=dest_dir, print_dir=print_dir)}"'

    text = _HREF.sub(href, _ID_ATTR.sub(id_attr, html_text))
    if level:
        text = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + level)}", text)
    return text


def _link(
    target: str,
    url: str,
    slug: str,
    slugs: dict[str, str],
    *,
    dest_dir: str = "",
    print_dir: str = "utskrift",
) -> str:
    """Where a link of the page at ``url`` points in the print document."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("mailto:", "tel:")):
        return target
    if not parts.path:
        return f"#{slug}--{parts.fragment}" if parts.fragment else f"#{slug}"
    if parts.path.endswith(".html"):
        # A link MkDocs wrote for the offline preview's file layout: relative to the page's file.
        resolved = file_to_directory_url(
            posixpath.normpath(posixpath.join("/" + dest_dir, parts.path)).lstrip("/")
        )
    else:
        resolved = posixpath.normpath(posixpath.join("/" + url, parts.path)).lstrip("/")
    resolved = resolved.removesuffix("index.html")
    if resolved and not resolved.endswith("/") and "." not in posixpath.basename(resolved):
        resolved += "/"
    resolved = "" if resolved == "." else resolved
    if resolved in slugs:
        other = slugs[resolved]
        return f"#{other}--{parts.fragment}" if parts.fragment else f"#{other}"
    # A page the print document leaves out: relative to the print page's directory URL ('utskrift/';
    # the offline preview re-points such folder links itself). A file (a calendar, the PDF): relative
    # to the folder the print page is really written to.
    folder = resolved.endswith("/") or not resolved
    base = "/" + directory_url(PRINT_PAGE) if folder else posixpath.join("/", print_dir) + "/"
    relative = posixpath.relpath("/" + resolved, base) + ("/" if resolved.endswith("/") else "")
    return relative + (f"#{parts.fragment}" if parts.fragment else "")


def _retitle(html_text: str, title: str) -> str:
    """Replace the text of the chapter's first heading (its page title) with ``title``."""
    return re.sub(
        r"(<h1\b[^>]*>)(.*?)(<a class=\"headerlink\"|</h1>)",
        lambda m: f"{m.group(1)}{render.esc(title)}{m.group(3)}",
        html_text,
        count=1,
        flags=re.S,
    )
