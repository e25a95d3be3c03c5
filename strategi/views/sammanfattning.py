"""The summary at the front of the print document: vision, goals, changes, open questions."""

from __future__ import annotations

from typing import Any

from strategi.content import diff, questions, versions
from strategi.data.model import Strategy
from strategi.views import render

from . import view

# The review document's chapters (strategi.site.print_document names chapters after their URL).
CHANGES_ANCHOR = "andringar"
QUESTIONS_ANCHOR = "oppna-fragor"
REVIEW_NAME = "granskningsunderlaget (granskning.pdf)"


def _vision(st: dict[str, Any]) -> str:
    """The vision in one sentence; its words are explained in the chapter Vision och mål."""
    vision = st.get("vision") or {}
    if not vision.get("text"):
        return ""
    return '<h2 id="sammanfattning-vision">Vision</h2>' + render.p(vision["text"], cls="vision")


def vision(s: Strategy) -> str:
    """The vision and what each of its words means: the opening of the board edition's chapter
    Vision och mål ('' when the strategy states no vision)."""
    data = s["strategi"].get("vision") or {}
    if not data.get("text"):
        return ""
    words = [(w.get("ord", ""), w.get("betydelse", "")) for w in data.get("ord") or []]
    return '<h2 id="vision">Vision</h2>' + render.p(data["text"], cls="vision") + render.dl(words)


def _goals(s: Strategy) -> str:
    items = []
    for goal in s["mal"].get("mål") or []:
        text = render.esc(f"{goal.get('id', '')}. {goal.get('namn', '')}")
        wording = f": {render.esc(goal['formulering'])}" if goal.get("formulering") else ""
        items.append(f"<li><strong>{text}</strong>{wording}</li>")
    if not items:
        return ""
    return f'<h2 id="sammanfattning-mal">Mål</h2><ul>{"".join(items)}</ul>'


def _review_link(review_url: str, anchor: str) -> str:
    return f'<a href="{render.esc(review_url)}#{anchor}">{render.esc(REVIEW_NAME)}</a>'


def _changes(s: Strategy, comparison: diff.Comparison, review_url: str) -> str:
    head = '<h2 id="sammanfattning-andringar">Ändringar sedan förra versionen</h2>'
    label = versions.label(s)
    if comparison.ref is None:
        return head + render.p(
            f"{label} är den första publicerade versionen; det finns inget att jämföra med."
        )
    if comparison.error is not None:
        return head + render.p(comparison.error)
    found = comparison.changes
    if not found:
        return head + render.p("Inga ändringar i strategin sedan förra versionen.")
    rows = "".join(
        f"<li>{render.esc(section)}: {render.esc(len(items))} ändringar</li>"
        for section, items in diff.grouped(found).items()
    )
    return (
        f"{head}<p>{render.esc(len(found))} ändringar, per avsnitt:</p><ul>{rows}</ul>"
        f"<p>Hela listan finns i {_review_link(review_url, CHANGES_ANCHOR)}.</p>"
    )


def _questions(s: Strategy, review_url: str) -> str:
    head = '<h2 id="sammanfattning-fragor">Öppna frågor</h2>'
    rows = "".join(f"<li>{render.esc(p.words)}</li>" for p in questions.open_parts(s) if p.count)
    if not rows:
        return head + render.p(questions.open_line(s))
    total, _, _ = questions.open_line(s).partition(":")
    return (
        head + f"<p>{render.esc(total)} behöver lösas innan strategin kan antas:</p><ul>{rows}</ul>"
        f"<p>Alla listas i {_review_link(review_url, QUESTIONS_ANCHOR)}.</p>"
    )


@view("sammanfattning")
def summary(s: Strategy, comparison: diff.Comparison, review_url: str = "granskning/") -> str:
    """One or two pages up front: the vision, the goals, what changed and how much is still open;
    the change list and the questions themselves are in the review document at ``review_url``
    (by default as linked from the board edition's page, utskrift/, whose review page is utskrift/granskning/)."""
    return render.block(
        '<h1 id="sammanfattning-rubrik">Sammanfattning</h1>',
        _vision(s["strategi"]),
        _goals(s),
        _changes(s, comparison, review_url),
        _questions(s, review_url),
    )
