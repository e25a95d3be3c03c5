"""The reading view: what a page's HTML becomes before a reader sees it.

Views write every open question where it belongs ("Att bekräfta" notes). On a reading page those
notes are folded into one collapsed marker per section, down to the nearest heading of any level
(an indicator, an activity), so a marker stands beside the item it questions ("3 frågor att
bekräfta"); it opens to
the questions themselves and links to the work list on Öppna frågor. The work list keeps
everything in full; nothing is removed from the page, only folded.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from pathlib import Path

from strategi.views import pages, render

# An 'Att bekräfta' note as strategi.views.render.flag_box writes it (its content has no nested <div>).
_NOTE = re.compile(
    re.escape(render.flag_box("\0").partition("\0")[0]) + "(?P<body>.*?)</div>",
    re.DOTALL,
)
# A section ends at the next heading of any level: the notes of one item (an h3 indicator, an h4
# snapshot) stay with that item, never gathered under the first item of an h2 section.
_SECTION = re.compile(r"(?=<h[2-6][\s>])")
_QUOTE = re.compile(r"<blockquote.*?</blockquote>", re.DOTALL)

QUESTIONS_PAGE = pages.directory_url(pages.QUESTIONS)

# Pages whose questions stay unfolded: the work lists themselves.
WORK_LISTS = frozenset({QUESTIONS_PAGE, pages.directory_url(pages.CHANGES)})


def count_questions(body: str) -> int:
    """How many questions one note holds: its paragraphs or list items, quotes not counted."""
    bare = _QUOTE.sub("", body)
    return max(1, len(re.findall(r"<(?:p|li)[\s>]", bare)))


def questions_phrase(count: int) -> str:
    return "1 fråga att bekräfta" if count == 1 else f"{count} frågor att bekräfta"


def _marker(bodies: list[str], link: str) -> str:
    count = sum(count_questions(b) for b in bodies)
    return (
        '<details class="warning fragor" data-search-exclude><summary>'
        f"{questions_phrase(count)}</summary>{''.join(bodies)}"
        f'<p class="fragor__lank"><a href="{link}">Alla frågor på sidan Öppna frågor</a></p>'
        "</details>"
    )


def fold_section(section: str, link: str) -> str:
    """All 'Att bekräfta' notes of one section as one collapsed marker, where the first one stood."""
    bodies = [m.group("body") for m in _NOTE.finditer(section)]
    if not bodies:
        return section
    first = True

    def replace(match: re.Match[str]) -> str:
        nonlocal first
        if first:
            first = False
            return _marker(bodies, link)
        return ""

    return _NOTE.sub(replace, section)


def drop_questions(html_text: str) -> str:
    """The page without its 'Att bekräfta' notes (the board edition leaves them to the review document)."""
    return _NOTE.sub("", html_text)


def fold_questions(
    html_text: str, page_url: str, questions_url: str = QUESTIONS_PAGE, link_from: str | None = None
) -> str:
    """One collapsed question marker per section, a section ending at the next heading of any level
    (the part before the first heading counts as one).
    ``questions_url`` is Öppna frågor's URL in this build ('oppna-fragor/', or 'oppna-fragor.html'
    when the site is built for opening from disk); ``link_from`` the URL the marker's link is
    relative to, when the engine reads it from elsewhere than the page (pages.folder_index)."""
    if page_url in WORK_LISTS or page_url == questions_url or page_url.startswith(tuple(WORK_LISTS)):
        return html_text
    base = page_url if link_from is None else link_from
    link = f"{pages.relative_url(base, questions_url)}#{pages.FLAGS_ANCHOR}"
    return "".join(fold_section(part, link) for part in _SECTION.split(html_text))


# Cells and list items whose text would run together in the search index ("VarTypFrågaRad"):
# the whitespace between these elements is not rendered, but the search indexer keeps it.
_RUN_TOGETHER = re.compile(r"(</(?:td|th|tr|caption|li|summary|blockquote|dt|dd|p|div)>)(?=<)")


def loosen(html_text: str) -> str:
    """A line break after every table cell, row, list item, term, description, paragraph and box, so
    search snippets keep words apart ("Mätetal Antal följare", not "MätetalAntal följare")."""
    return _RUN_TOGETHER.sub("\\1\n", html_text)


FOLDED_FIELD = "utan_diakritiska_tecken"
# A section's place on its page: the page title and the headings above it ("Instagram" for
# Instagram's section Materialtyper, "Organisation och budget Budget" for the section Webb). A query
# that names the page and what the section says ("instagram grön", "budget webb") then finds that
# section before the page's own entry, which matches the page's name only, and Material shows it
# first instead of folding it under "N till på denna sida". Boosted as Material boosts a title.
CONTEXT_FIELD = "sammanhang"
FOLDED_TITLE = "titel_utan_diakritiska_tecken"
FOLDED_CONTEXT = "sammanhang_utan_diakritiska_tecken"
CONTEXT_BOOST = 2000.0
_HEADING = re.compile(r"<h(?P<level>[1-6])(?P<attrs>[^>]*)>(?P<text>.*?)</h(?P=level)>", re.DOTALL)
_ID = re.compile(r'\bid="(?P<id>[^"]+)"')


def breadcrumbs(html_text: str) -> dict[str, str]:
    """Every heading id of a page's article -> the text of the headings above it, page title first."""
    article = html_text.partition("<article")[2].partition("</article>")[0]
    stack: list[tuple[int, str]] = []
    found: dict[str, str] = {}
    for match in _HEADING.finditer(article):
        level = int(match["level"])
        text = html.unescape(_TAG.sub("", match["text"])).replace("¶", "").strip()
        while stack and stack[-1][0] >= level:
            stack.pop()
        ident = _ID.search(match["attrs"])
        if ident:
            found[ident["id"]] = " ".join(words for _, words in stack)
        stack.append((level, text))
    return found


_LABEL = re.compile(
    r"<(?:dt|caption)[^>]*>(?P<a>.*?)</(?:dt|caption)>|<th scope=\"col\"[^>]*>(?P<b>.*?)</th>", re.DOTALL
)
_SECTION_START = re.compile(r'<h[1-6][^>]*\bid="(?P<id>[^"]+)"')


def labels(html_text: str) -> dict[str, str]:
    """Every heading id of a page's article -> the labels in its section: terms of its definition
    lists, its tables' captions and column headers ("Tonalitet" in a channel's profile, "Följare"
    in the table of every channel's digital status)."""
    article = html_text.partition("<article")[2].partition("</article>")[0]
    starts = list(_SECTION_START.finditer(article))
    found = {}
    for here, after in zip(starts, [*starts[1:], None], strict=False):
        part = article[here.end() : after.start() if after else len(article)]
        words = (html.unescape(_TAG.sub(" ", m["a"] or m["b"] or "")) for m in _LABEL.finditer(part))
        found[here["id"]] = " ".join(" ".join(w.split()) for w in words if w.strip())
    return found


def _page_breadcrumbs(site: Path, page: str) -> dict[str, str]:
    """The breadcrumbs of a page of the built site, by its search location ('kanaler/x/', 'x.html')."""
    file = site / page if page.endswith(".html") else site / page / "index.html"
    if not file.is_file():
        return {}
    text = file.read_text(encoding="utf-8")
    crumbs, found = breadcrumbs(text), labels(text)
    return {key: f"{crumbs.get(key, '')} {found.get(key, '')}".strip() for key in {*crumbs, *found}}


_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=16384)  # the same words recur on every page of the index
def fold(word: str) -> str:
    """A word without diacritics, lower case: 'Följare' -> 'foljare', 'målgrupp' -> 'malgrupp'."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> str:
    """The words of a text that change when their diacritics are dropped, dropped, each once."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        if word.isascii():  # nothing to drop: most words, and the index has tens of thousands
            continue
        bare = fold(word)
        if bare != word.casefold():
            seen.setdefault(bare, None)
    return " ".join(seen)


def fold_search_index(path: Path, *, stem: bool = True) -> None:
    """Give every entry of Material's search index an extra field with its words typed without
    å, ä, ö (and other diacritics), so 'foljare' finds 'följare'. The shown title and text are
    untouched, and the words with diacritics stay indexed and stemmed as before.

    Without ``stem`` (a site built to be opened from disk, where Material's own search worker
    runs without docs/assets/javascripts/workers/sok.js) the stemmer is left out, as Material
    does by default: its trailing wildcards would otherwise miss stemmed words."""
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if not stem:
        index["config"]["pipeline"] = [p for p in index["config"].get("pipeline", []) if p != "stemmer"]
    index["config"].setdefault("fields", {})[FOLDED_FIELD] = {"boost": 1.0}
    fields = index["config"]["fields"]
    fields[CONTEXT_FIELD] = {"boost": CONTEXT_BOOST}
    # The title and the context have twins without diacritics that weigh what they weigh: 'foljare'
    # finds a title 'Följare på Instagram' as 'följare' does.
    fields[FOLDED_TITLE] = dict(fields.get("title") or {"boost": 1.0})
    fields[FOLDED_CONTEXT] = {"boost": CONTEXT_BOOST}
    site = path.parent.parent
    pages_read: dict[str, dict[str, str]] = {}
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page not in pages_read:
            pages_read[page] = _page_breadcrumbs(site, page)
        context = pages_read[page].get(anchor, "") if anchor else ""
        doc[CONTEXT_FIELD] = context
        doc[FOLDED_FIELD] = folded_words(doc.get("text", ""))
        # Whole twins, every word: a word typed without diacritics then weighs in a title what the
        # word with them weighs, and a plain word counts twice in every document alike.
        doc[FOLDED_TITLE] = fold(html.unescape(_TAG.sub(" ", doc.get("title", ""))))
        doc[FOLDED_CONTEXT] = fold(context)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
