"""The start page: what this document is (status box), the vision, the region and how to use the site."""

from __future__ import annotations

from typing import Any

from .. import render, versions
from ..model import Strategy
from . import VIEWS, view
from ._org_helpers import flags, one_line
from ._time import tidpunkt

# Site text, not data: the links are Markdown so the strict build checks that every page exists.
HOW_TO_USE = (
    "Sidan är strategin byggd direkt ur data: varje text och tabell kommer från en fil i mappen "
    "`data/`, och under varje avsnitt står vilken fil det är. Börja gärna med [Bakgrund](bakgrund.md) "
    "och [Mål](mal.md), läs sedan om varje kanal under [Kanaler](kanaler/index.md). Det som ännu "
    "behöver bekräftas samlas under [Öppna frågor](oppna-fragor.md). Vill du ändra något läser du "
    "[Så föreslår du en ändring](guide.md)."
)


def _words(value: Any) -> str:
    """A tidpunkt in words; an absent value stays empty so the row is left out."""
    return tidpunkt(str(value)) if value else ""


def _period(period: dict[str, Any]) -> str:
    start, end = _words(period.get("från")), _words(period.get("till"))
    if start and end:
        return f"Från {start} till {end}"
    return start or end


def _status_box(s: Strategy) -> str:
    """An admonition saying what this document is: the version facts every page shares
    (strategi.versions.facts), then period, revision interval and who presents it."""
    st = s["strategi"]
    pres = st.get("presentation") or {}
    months = st.get("revideringsintervall_månader")
    facts: list[tuple[str, Any]] = [
        *versions.facts(s),
        ("Period", _period(st.get("period") or {})),
        ("Nuläget revideras", f"var {render.number(months)}:e månad" if months else ""),
        ("Presenteras av", one_line(pres.get("av", ""))),
    ]
    text = render.p(one_line(pres["text"])) if pres.get("text") else ""
    return (
        '<div class="admonition info strategi-status"><p class="admonition-title">Om det här dokumentet</p>'
        f"{render.dl(facts)}{text}</div>"
    )


def _adopted(vision: dict[str, Any]) -> str:
    """When the vision was set, unless the introduction already says so in the same words."""
    when = _words(vision.get("antagen"))
    if not when or when in str(vision.get("inledning", "")):
        return ""
    return render.p(f"Visionen sattes {when}.")


def _vision(vision: dict[str, Any]) -> str:
    if not vision:
        return ""
    words = [(w.get("ord", ""), one_line(w.get("betydelse", ""))) for w in vision.get("ord") or []]
    return render.block(
        render.heading(2, "Vision"),
        render.p(vision.get("text", ""), cls="vision") if vision.get("text") else "",
        render.p(vision["inledning"]) if vision.get("inledning") else "",
        _adopted(vision),
        render.dl(words),
    )


def _region(st: dict[str, Any]) -> str:
    texts = [st.get("beskrivning_organisation"), st.get("varumärke")]
    if not any(texts):
        return ""
    return render.block(
        render.heading(2, f"Om {st.get('organisation') or 'organisationen'}"),
        render.paragraphs([t for t in texts if t]),
    )


@view("start")
def start(s: Strategy) -> str:
    """Status box, vision and what its words mean, the region and its brand, how to use the site."""
    st = s["strategi"]
    source = render.source(s.source("strategi"), s.edit_base)
    return render.block(
        _status_box(s),
        VIEWS["uppfoljning_i_korthet"](s) if "uppfoljning_i_korthet" in VIEWS else "",
        flags((st.get("presentation") or {}).get("flaggor")),
        source,
        _vision(st.get("vision") or {}),
        _region(st),
        source,
        render.heading(2, "Så använder du sidan"),
        HOW_TO_USE,
    )


@view("titel")
def titel(s: Strategy) -> str:
    """The strategy's title and organisation, safe for the page's Markdown heading."""
    data = s["strategi"]
    return render.md(f"{data.get('titel', '')} – {data.get('organisation', '')}")
