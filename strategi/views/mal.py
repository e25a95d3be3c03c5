"""The goals page: goals and sub-goals in tables, the reasoning behind each goal, and the near-term focus."""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._org_helpers import flags, one_line

from . import source_of, view

# The table is the goals at a glance; where each goal comes from and what the running text calls
# it stand quietly in the goal's own section below (issue 11: no columns that repeat the text).
HEADERS = ["Mål", "Namn", "Formulering"]


def label(goal: dict[str, Any]) -> str:
    """'Mål A' or 'Mål 1', as the strategy calls its goals."""
    return f"Mål {goal.get('id', '')}".strip()


def _row(goal: dict[str, Any]) -> list[Any]:
    link = render.Raw(
        f'<a href="#{render.esc(pages.goal_anchor(goal.get("id")))}">{render.esc(label(goal))}</a>'
    )
    return [
        link,
        goal.get("namn", ""),
        one_line(goal.get("formulering", "")),
    ]


def _goal_table(s: Strategy, title: str, caption: str, intro: Any, goals: list[dict[str, Any]]) -> str:
    if not goals:
        return ""
    return render.block(
        render.heading(2, title),
        render.p(intro) if intro else "",
        render.table(caption, HEADERS, [_row(g) for g in goals]),
        source_of(s, "mal"),
    )


def _reasoning(goal: dict[str, Any]) -> str:
    """One goal's section: heading with its anchor, where it comes from and what the text calls it,
    why, questions (its wording is in the table above)."""
    notes = [
        f"Målet kommer från: {one_line(goal['källa'])}." if goal.get("källa") else "",
        f"I strategins text kallas det: {one_line(goal['kallas_i_löpande_text'])}."
        if goal.get("kallas_i_löpande_text")
        else "",
    ]
    origin = " ".join(n for n in notes if n)
    return render.block(
        render.heading(3, f"{label(goal)}: {goal.get('namn', '')}", pages.goal_anchor(goal.get("id"))),
        render.p(origin, cls="referens") if origin else "",
        render.p(goal.get("motivering")),
        flags(goal.get("flaggor")),
    )


def _breadth(data: dict[str, Any]) -> str:
    breadth = data.get("bredden") or {}
    if not breadth:
        return ""
    return render.block(
        render.heading(3, "Problem med att visa på bredden"),
        render.p(breadth.get("problem")),
        render.heading(4, "Vägvalet") if breadth.get("vägval") else "",
        render.p(breadth.get("vägval")),
    )


def _focus_source(area: dict[str, Any]) -> str:
    """'Källa: James McQuivey, How Video Will Take Over the World (rapport)'."""
    ref = area.get("källa")
    if not ref:
        return ""
    author = f"{render.esc(one_line(ref['författare']))}, " if ref.get("författare") else ""
    kind = f" ({render.esc(one_line(ref['typ']))})" if ref.get("typ") else ""
    return f'<p class="referens">Källa: {author}<cite>{render.esc(one_line(ref.get("titel", "")))}</cite>{kind}</p>'


def _focus(s: Strategy, data: dict[str, Any]) -> str:
    areas = data.get("fokus") or []
    if not areas:
        return ""
    return render.block(
        render.heading(2, data.get("fokus_rubrik") or "Fokus den närmsta tiden"),
        *(
            render.block(render.p(a.get("text", "")), _focus_source(a), flags(a.get("flaggor")))
            for a in areas
        ),
        flags(data.get("flaggor")),
        source_of(s, "mal"),
    )


@view("mal")
def mal(s: Strategy) -> str:
    """Tables of goals and sub-goals, why each goal, the breadth problem, web, engagement, focus."""
    data = s["mal"]
    goals = data.get("mål") or []
    intro = data.get("inledning") or {}
    main = [g for g in goals if g.get("typ") != "delmål"]
    sub = [g for g in goals if g.get("typ") == "delmål"]
    texts = [
        render.block(render.heading(3, title), render.p(data[key]))
        for key, title in (("webben", "Webben"), ("engagemang", "Engagemang"))
        if data.get(key)
    ]
    return render.block(
        _goal_table(s, "Övergripande mål", "Övergripande kommunikationsmål", intro.get("övergripande"), main),
        _goal_table(
            s, "Mål på vägen dit", "Delmål för strategins period", intro.get("mål_på_vägen_dit"), sub
        ),
        render.heading(2, "Därför har vi de här målen") if goals or texts else "",
        *(_reasoning(g) for g in goals),
        _breadth(data),
        *texts,
        source_of(s, "mal") if goals or texts else "",
        _focus(s, data),
    )
