"""The reading view: what a page's HTML becomes before a reader sees it.

Views write every open question where it belongs ("Att bekräfta" notes). On a reading page those
notes are folded into one collapsed marker per section ("3 frågor att bekräfta"), which opens to
the questions themselves and links to the work list on Öppna frågor. The work list keeps
everything in full; nothing is removed from the page, only folded.
"""

from __future__ import annotations

import posixpath
import re

# An 'Att bekräfta' note as strategi.views write it (its content has no nested <div>).
_NOTE = re.compile(
    r'<div class="admonition warning"><p class="admonition-title">Att bekräfta</p>(?P<body>.*?)</div>',
    re.DOTALL,
)
_SECTION = re.compile(r"(?=<h2[\s>])")
_QUOTE = re.compile(r"<blockquote.*?</blockquote>", re.DOTALL)

QUESTIONS_PAGE = "oppna-fragor/"
QUESTIONS_ANCHOR = "#oklarheter"

# Pages whose questions stay unfolded: the work lists themselves.
WORK_LISTS = frozenset({QUESTIONS_PAGE, "andringar/"})


def relative_url(page_url: str, target: str) -> str:
    """A link from one page's URL to another's ('mal/' -> 'oppna-fragor/' is '../oppna-fragor/')."""
    here = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else "."
    link = posixpath.relpath(target or ".", here or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def count_questions(body: str) -> int:
    """How many questions one note holds: its paragraphs or list items, quotes not counted."""
    bare = _QUOTE.sub("", body)
    return max(1, len(re.findall(r"<(?:p|li)[\s>]", bare)))


def questions_phrase(count: int) -> str:
    return "1 fråga att bekräfta" if count == 1 else f"{count} frågor att bekräfta"


def _marker(bodies: list[str], link: str) -> str:
    count = sum(count_questions(b) for b in bodies)
    return (
        '<details class="warning fragor"><summary>'
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


def fold_questions(html_text: str, page_url: str) -> str:
    """One collapsed question marker per section (the part before the first h2 counts as one)."""
    if page_url in WORK_LISTS:
        return html_text
    link = relative_url(page_url, QUESTIONS_PAGE) + QUESTIONS_ANCHOR
    return "".join(fold_section(part, link) for part in _SECTION.split(html_text))
