"""The follow-up page: PDCA, how often and why, yearly and monthly media analysis, links to each channel."""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._org_helpers import channel_name, flags, joined, one_line

from . import source_of, view

INTERVAL_WORDS = {"vecka": "varje vecka", "månad": "varje månad", "år": "varje år"}


def _interval(code: Any) -> str:
    return INTERVAL_WORDS.get(str(code), str(code or ""))


def _model(model: dict[str, Any]) -> str:
    if not model:
        return ""
    title = f"Modellen {model['förkortning']}" if model.get("förkortning") else "Modellen"
    facts = [
        ("Modell", model.get("namn")),
        ("På engelska", model.get("engelska")),
        ("Förkortning", model.get("förkortning")),
    ]
    return render.block(render.heading(2, title), render.p(model.get("text", "")), render.dl(facts))


def _frequency(freq: dict[str, Any]) -> str:
    if not freq:
        return ""
    days = freq.get("cykel_dagar")
    facts = [
        ("Vi följer upp", _interval(freq.get("intervall"))),
        ("Statistikcykel", f"{render.number(days)} dagar" if days else ""),
    ]
    reasons = freq.get("anledningar") or []
    return render.block(
        render.heading(2, "Hur ofta vi följer upp"),
        render.p(freq.get("text", "")),
        render.dl(facts),
        render.p("Anledningar:") if reasons else "",
        render.ul(reasons),
        flags(freq.get("flaggor")),
    )


def _media_analysis(s: Strategy, analysis: dict[str, Any]) -> str:
    if not analysis:
        return ""
    coming = [
        f"{channel_name(s, c.get('kanal', ''))}: {one_line(c.get('när', ''))}"
        for c in analysis.get("tillkommande_kanaler") or []
    ]
    facts = [
        ("Görs", _interval(analysis.get("intervall"))),
        ("Kanaler i analysen", joined((channel_name(s, c) for c in analysis.get("kanaler") or []), "")),
        ("Kanaler som tillkommer", "; ".join(coming)),
    ]
    return render.block(
        render.heading(2, "Medieanalys"),
        render.p(analysis.get("text", "")),
        render.dl(facts),
        flags(analysis.get("flaggor")),
    )


def _channel_link(channel: dict[str, Any], page: str) -> str:
    """A link to the channel page's follow-up section, or to the page with a note when it has none."""
    target = pages.channel(str(channel["id"]))
    name = render.esc(channel.get("namn", channel["id"]))
    if channel.get("uppföljning"):
        return f'<li><a href="{render.esc(pages.href(page, target, pages.FOLLOW_UP_ANCHOR))}">{name}</a></li>'
    return (
        f'<li><a href="{render.esc(pages.href(page, target))}">{name}</a> '
        '<span class="okand">(kanalens strategi har ännu inget avsnitt om uppföljning)</span></li>'
    )


def _per_channel(s: Strategy, page: str) -> str:
    if not s.channels:
        return ""
    items = "".join(_channel_link(c, page) for c in s.channels)
    return render.block(
        render.heading(2, "Uppföljning per kanal"),
        render.p("Vad vi mäter i varje kanal står på kanalens sida:"),
        f'<ul class="lankar">{items}</ul>',
    )


@view("uppfoljning")
def uppfoljning(s: Strategy, page: str = pages.FOLLOW_UP) -> str:
    """Intro, PDCA, monthly follow-up on 28-day cycles, yearly and monthly media analysis, per channel."""
    data = s["uppfoljning"]
    source = source_of(s, "uppfoljning")
    sections = [
        _model(data.get("modell") or {}),
        _frequency(data.get("frekvens") or {}),
        render.block(render.heading(2, "Medieanalys helår"), render.p(data["medieanalys_helår"]))
        if data.get("medieanalys_helår")
        else "",
        render.block(render.heading(2, "Det här mäter vi"), render.p(data["det_här_mäter_vi"]))
        if data.get("det_här_mäter_vi")
        else "",
        _media_analysis(s, data.get("medieanalys") or {}),
    ]
    return render.block(
        render.block(render.p(data["inledning"]), source) if data.get("inledning") else "",
        *(render.block(part, source) for part in sections if part),
        flags(data.get("flaggor")),
        _per_channel(s, page),
    )
