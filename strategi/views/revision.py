"""The half-year revision checklist: what is left before a draft can be adopted."""

from __future__ import annotations

from strategi.content import revision, versions
from strategi.data.model import Strategy
from strategi.views import render

from . import view


@view("checklista")
def checklista(s: Strategy) -> str:
    """For a draft: which channels need a fresh status, which indicators lack values, reviews due, open questions."""
    if not s.is_draft:
        return ""
    parts = [
        render.heading(2, "Checklista för halvårsrevisionen", "checklista"),
        render.p(f"Det här återstår innan {versions.label(s)} kan antas:"),
    ]
    for heading, items in revision.checklist(s):
        parts.append(render.heading(3, f"{heading} ({len(items)})" if heading != "Öppna frågor" else heading))
        parts.append(render.ul(items) if items else render.p("Inget."))
    return render.block(*parts)
