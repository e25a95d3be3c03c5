"""The print documents: the board edition and the review document, from the site's pages as MkDocs
rendered them, one HTML page each (utskrift/ and utskrift/granskning/).

Nothing is rendered twice. The hooks hand each page's HTML to a ``PrintDocument`` as MkDocs
renders it (``on_page_content``); when the theme renders a print page (after every page's content
is ready) its ``Edition`` is assembled in one pass over the pages it names:

- the board edition (``BOARD``, `make pdf`'s strategi.pdf): cover, contents with page numbers,
  summary, then the strategy itself, each page without the sections another chapter or the review
  document holds, and without its 'Att bekräfta' notes;
- the review document (``REVIEW``, granskning.pdf): cover, contents, the open questions, the
  change list, every indicator in detail, and the pages the board edition leaves out.

Ids are made unique per page and links between printed pages become links inside the document
(a link to a section the document lacks becomes its text); each page is scanned once, so the work
grows linearly with the number of pages. Screen chrome (edit links, question markers) is dropped
by the print style sheet (docs/assets/utskrift.css), not by separate views.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from strategi.content import diff, questions, versions
from strategi.data.model import Strategy
from strategi.site import chrome, reading
from strategi.views import pages, render, sammanfattning
from strategi.views.pages import directory_url, file_to_directory_url

PRINT_PAGE = pages.PRINT
# The review document: a second print page beside the board edition, added by the hooks (not in
# the navigation; the print page links to it).
REVIEW_PAGE = "utskrift/granskning.md"
# Left out of every print document: the editor guide, the accessibility statement, and the start
# page (its status box is the cover, its vision the summary, its "how to use the site" is for the
# screen).
LEFT_OUT = {pages.START, pages.GUIDE, PRINT_PAGE, REVIEW_PAGE}
LEFT_OUT_MARK = "tillganglighet"
# The publication plan is the communicators' working calendar, changed every week: not the strategy
# the board adopts, and a printed copy would be out of date the day after.
LEFT_OUT_FOLDERS = (posixpath.dirname(pages.PLAN) + "/",)
CHANNEL_FOLDER = posixpath.dirname(pages.CHANNELS) + "/"
STATUS_ANCHOR = "nulage"  # a channel page's digital status
# What Uppföljning folds under each indicator's status line (measure, source, chart, every value):
# the board edition keeps the status line, the review document the whole.
INDICATOR_DETAIL = re.compile(r'<details class="indikator-mer">.*?</details>', re.DOTALL)


@dataclass(frozen=True)
class Part:
    """One chapter of a print document: a site page, retitled, with sections (named by their
    heading's id) left out, or one section alone. ``sub_pages`` follow it one level down (a
    folder's pages: the channels after Kanaler), each without ``sub_drop``."""

    src: str
    title: str | None = None
    drop: tuple[str, ...] = ()
    only: str | None = None
    sub_pages: str | None = None
    sub_drop: tuple[str, ...] = ()
    # HTML made from the strategy that opens the chapter, after its title (the vision before the goals).
    lead: Callable[[Strategy], str] | None = None


@dataclass(frozen=True)
class Edition:
    """A print document: its print page, its chapters in order, and what it keeps of the pages."""

    page: str
    parts: tuple[Part, ...]
    # The review document keeps every "Att bekräfta" note and the source line of every section;
    # the board edition says each thing once and leaves the review to the other document.
    review: bool = False
    subtitle: str = ""


# The board edition: the strategy itself. Each channel without what other chapters show for all
# channels (material types, personas, indicators) or what is review material (every digital status
# snapshot, assignments, the link list); a channel that has only a digital status keeps it.
# Organisation without the list of people; follow-up with the indicators by goal, not one by one.
BOARD = Edition(
    PRINT_PAGE,
    (
        Part(pages.GOALS, title="Vision och mål", lead=sammanfattning.vision),
        Part(
            pages.CHANNELS,
            sub_pages=CHANNEL_FOLDER,
            sub_drop=(
                STATUS_ANCHOR,
                "materialtyper",
                "personas",
                pages.INDICATORS_ANCHOR,
                pages.ASSIGNMENTS_ANCHOR,
                "lankar",
            ),
        ),
        Part(pages.TONE),
        Part(pages.MATERIAL_TYPES),
        Part(pages.PERSONAS),
        Part(pages.ORGANISATION, title="Budget", only=pages.BUDGET_ANCHOR),
        Part(pages.ORGANISATION, title="Organisation", drop=(pages.BUDGET_ANCHOR, "personer", "lankar")),
        # Each indicator by its status line (the rest is folded on the site and in the review document),
        # without the status rule and the site's list of links to channel pages.
        Part(pages.FOLLOW_UP, drop=("sa-raknas-status", "uppfoljning-per-kanal")),
    ),
)
# The review document: what the board edition leaves out, in full.
REVIEW = Edition(
    REVIEW_PAGE,
    (
        Part(pages.QUESTIONS),
        Part(pages.CHANGES),
        Part(pages.FOLLOW_UP, title="Indikatorerna en och en", only=pages.INDICATORS_ANCHOR),
        Part(pages.STATUS),
        Part(pages.BACKGROUND),
        Part(pages.CHANNEL_ANALYSIS),
        Part(pages.ANNUAL_CYCLE),
        Part(pages.PROCESS),
    ),
    review=True,
    subtitle="Granskningsunderlag",
)
EDITIONS = {BOARD.page: BOARD, REVIEW.page: REVIEW}
# The review page's Markdown: only its front matter and title; the hooks fill in the document.
REVIEW_SOURCE = "---\ntemplate: utskrift.html\nsearch:\n  exclude: true\n---\n\n# Granskningsunderlag\n"

_ID_ATTR = re.compile(r'(?<![\w-])(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_HREF = re.compile(r'(?<![\w-])href="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HEADING_ID = re.compile(r'<h([1-6])\b[^>]*\sid="([^"]*)"')
_ANY_ID = re.compile(r'\sid="([^"]+)"')
_ANCHOR_LINK = re.compile(r'<a\b[^>]*?\shref="#([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


@dataclass
class Chapter:
    """One page of the site as it goes into the print document."""

    url: str
    slug: str
    title: str
    level: int
    html: str


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


def section_bounds(html_text: str, anchor: str) -> tuple[int, int, int] | None:
    """Where the section under the heading with id ``anchor`` starts and ends (at the next heading
    of its level or above), and its heading's level; None when no heading has that id."""
    headings = list(_HEADING_ID.finditer(html_text))
    for n, match in enumerate(headings):
        if match.group(2) == anchor:
            level = int(match.group(1))
            end = next((h.start() for h in headings[n + 1 :] if int(h.group(1)) <= level), len(html_text))
            return match.start(), end, level
    return None


def drop_sections(html_text: str, anchors: tuple[str, ...]) -> str:
    """The page without the sections under these headings (an anchor the page lacks is skipped)."""
    for anchor in anchors:
        bounds = section_bounds(html_text, anchor)
        if bounds:
            html_text = html_text[: bounds[0]] + html_text[bounds[1] :]
    return html_text


def take_section(html_text: str, anchor: str) -> str:
    """The section under the heading with id ``anchor`` alone, its heading moved up to h1 ('' when
    the page has no such heading)."""
    bounds = section_bounds(html_text, anchor)
    if bounds is None:
        return ""
    start, end, level = bounds
    return _shift(html_text[start:end], 1 - level)


def unlink_missing(html_text: str) -> str:
    """Links to an anchor the document does not have (a section another edition holds) become their
    text: on paper a link is text anyway, and no link leads nowhere."""
    ids = set(_ANY_ID.findall(html_text))
    return _ANCHOR_LINK.sub(lambda m: m.group(0) if m.group(1) in ids else m.group(2), html_text)


class PrintDocument:
    """Collects the rendered pages of one build; assembles a print document once they are all in."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[Any, str]] = {}

    def add(self, page: Any, html_text: str) -> None:
        if not is_left_out(page):
            # Keyed by the directory-style URL, whatever the build's layout (the offline preview
            # writes 'mal.html'), because the views' links are written for directory URLs.
            self.pages[directory_url(page.file.src_uri)] = (page, html_text)

    def chapters(
        self,
        edition: Edition,
        ordered_pages: list[Any],
        print_dir: str = "utskrift",
        status_only: frozenset[str] = frozenset(),
        strategy: Strategy | None = None,
    ) -> list[Chapter]:
        """The edition's chapters in its order, each channel page after Kanaler. ``print_dir`` is the
        folder the print page is written to ('utskrift', or '' in the offline preview's
        'utskrift.html'). A part whose page is missing (or whose section is) is left out. The pages
        in ``status_only`` (channels whose strategy is only a digital status) keep that status."""
        by_src = {page.file.src_uri: url for url, (page, _) in self.pages.items()}
        nav_order = [directory_url(p.file.src_uri) for p in ordered_pages]
        picked: list[tuple[Part, str, int]] = []
        for part in edition.parts:
            if part.src in by_src:
                picked.append((part, by_src[part.src], 0))
            if part.sub_pages:
                subs = [u for u in self.pages if self.pages[u][0].file.src_uri.startswith(part.sub_pages)]
                subs = [u for u in subs if u != by_src.get(part.src)]
                subs.sort(key=lambda u: nav_order.index(u) if u in nav_order else len(nav_order))
                for u in subs:
                    src = self.pages[u][0].file.src_uri
                    drop = tuple(d for d in part.sub_drop if not (src in status_only and d == STATUS_ANCHOR))
                    picked.append((Part(src, drop=drop), u, 1))
        slugs = {url: slug_of(url) for _, url, _ in picked}
        result: list[Chapter] = []
        for part, url, level in picked:
            page, html_text = self.pages[url]
            if not edition.review:
                html_text = INDICATOR_DETAIL.sub("", reading.drop_questions(html_text))
            html_text = (
                take_section(html_text, part.only) if part.only else drop_sections(html_text, part.drop)
            )
            if not html_text.strip():
                continue
            if part.lead and strategy is not None:
                title_end = html_text.find("</h1>") + len("</h1>") if "</h1>" in html_text else 0
                html_text = html_text[:title_end] + part.lead(strategy) + html_text[title_end:]
            body = _rewrite(
                html_text,
                url,
                slugs,
                level,
                dest_dir=posixpath.dirname(page.file.dest_uri),
                print_dir=print_dir,
                print_url=directory_url(edition.page),
            )
            # A chapter of one section is named after it: the page's own anchor stays with the rest of it.
            anchor = f"{slugs[url]}-{part.only}" if part.only else slugs[url]
            title = part.title or str(page.title)
            if part.title:
                body = _retitle(body, title)
            result.append(Chapter(url, anchor, title, level, body))
        return result

    def render(
        self,
        edition: Edition,
        strategy: Strategy,
        *,
        comparison: diff.Comparison,
        facts: chrome.VersionFacts,
        ordered_pages: list[Any],
        print_dir: str = "utskrift",
    ) -> str:
        """A print document's body: cover, contents, the board edition's summary, the chapters."""
        incomplete = {q.file for q in questions.incomplete_channels(strategy)}
        status_only = frozenset(
            pages.channel(c["id"]) for c in strategy.channels if strategy.channel_file(c["id"]) in incomplete
        )
        chapters = self.chapters(edition, ordered_pages, print_dir, status_only, strategy)
        cover = chrome.render_partial("cover.html", facts=facts, subtitle=edition.subtitle)
        parts = [f'<section class="omslag-sida" id="omslag">{cover}</section>', _contents(chapters, edition)]
        if not edition.review:
            review_url = posixpath.relpath(directory_url(REVIEW_PAGE), directory_url(edition.page)) + "/"
            summary = sammanfattning.summary(strategy, comparison, review_url)
            parts.append(f'<section class="kapitel sammanfattning" id="sammanfattning">{summary}</section>')
        for chapter in chapters:
            cls = "kapitel kapitel--del" if chapter.level else "kapitel"
            parts.append(f'<section class="{cls}" id="{chapter.slug}">{chapter.html}</section>')
        kind = "granskning" if edition.review else "styrelse"
        return f'<div class="dokument dokument--{kind}">{unlink_missing(chr(10).join(parts))}</div>'


def document_title(strategy: Strategy, edition: Edition = BOARD) -> str:
    """The PDF's title: the strategy's title, organisation and version (escaped), after the
    edition's subtitle ('Granskningsunderlag: …')."""
    data = strategy["strategi"]
    title = f"{data.get('titel', '')} – {data.get('organisation', '')}, {versions.label(strategy)}"
    return render.esc(f"{edition.subtitle}: {title}" if edition.subtitle else title)


def other_document(edition: Edition) -> dict[str, str]:
    """The screen line's link from one print page to the other (relative URL and its text)."""
    other = REVIEW if edition is BOARD else BOARD
    href = posixpath.relpath(directory_url(other.page), directory_url(edition.page)) + "/"
    text = (
        "Granskningsunderlaget: öppna frågor, alla ändringar och varje indikator i detalj"
        if other.review
        else "Strategin (styrelseutgåvan)"
    )
    return {"href": href, "text": text}


def _contents(chapters: list[Chapter], edition: Edition) -> str:
    """The chapters (and the channels under Kanaler) with the page each starts on."""
    items = [] if edition.review else ['<li><a href="#sammanfattning">Sammanfattning</a></li>']
    for chapter in chapters:
        cls = ' class="innehall__del"' if chapter.level else ""
        items.append(
            f'<li{cls}><a href="#{chapter.slug}">{render.esc(html.unescape(chapter.title))}</a></li>'
        )
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
    print_url: str = directory_url(PRINT_PAGE),
) -> str:
    """Page-unique ids and in-document links, headings shifted to the page's depth: one pass each."""
    slug = slugs[url]

    def id_attr(m: re.Match[str]) -> str:
        ids = " ".join(f"{slug}--{i}" for i in m.group(2).split())
        return f'{m.group(1)}="{ids}"'

    def href(m: re.Match[str]) -> str:
        target = _link(
            m.group(1), url, slug, slugs, dest_dir=dest_dir, print_dir=print_dir, print_url=print_url
        )
        return f'href="{target}"'

    return _shift(_HREF.sub(href, _ID_ATTR.sub(id_attr, html_text)), level)


def _shift(html_text: str, by: int) -> str:
    """Every heading ``by`` levels down (up when negative), within h1 to h6."""
    if not by:
        return html_text
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{max(1, min(6, int(m.group(2)) + by))}", html_text)


def _link(
    target: str,
    url: str,
    slug: str,
    slugs: dict[str, str],
    *,
    dest_dir: str = "",
    print_dir: str = "utskrift",
    print_url: str = directory_url(PRINT_PAGE),
) -> str:
    """Where a link of the page at ``url`` points in the print document whose directory URL is
    ``print_url``."""
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
    # A page the print document leaves out: relative to the print page's directory URL ('utskrift/'
    # or 'utskrift/granskning/'; the offline preview re-points such folder links itself). A file (a calendar, the PDF): relative
    # to the folder the print page is really written to.
    folder = resolved.endswith("/") or not resolved
    base = "/" + print_url if folder else posixpath.join("/", print_dir) + "/"
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
