"""The tone page: writing-rule links, tone in all channels (Språklagen §11), social media and web."""

from __future__ import annotations

from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import flags, links

from . import source_of, view


@view("tonalitet")
def tonalitet(s: Strategy) -> str:
    """Links to the writing rules, the rules for every channel, social media tone, web tone, questions."""
    data = s["tonalitet"]
    source = source_of(s, "tonalitet")
    general = data.get("allmänt") or {}
    rules = links(data.get("skrivregler"))
    sections = [
        render.block(render.heading(2, "Skrivregler"), rules) if rules else "",
        render.block(
            render.heading(2, "I alla kanaler"),
            render.p(general.get("stycken")),
            render.p(f"Lagrum: {general['lagrum']}", cls="lagrum") if general.get("lagrum") else "",
        )
        if general
        else "",
        render.block(render.heading(2, "I sociala medier"), render.p(data["sociala_medier"]))
        if data.get("sociala_medier")
        else "",
        render.block(render.heading(2, "På webben"), render.p(data["webben"])) if data.get("webben") else "",
    ]
    return render.block(
        *(render.block(part, source) for part in sections if part), flags(data.get("flaggor"))
    )
