"""The background page: Digitalt växer, the period, communication roles, policy documents, scope, source."""

from __future__ import annotations

from typing import Any

from strategi.content import versions
from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import flags, links
from strategi.views._time import tidpunkt

from . import source_of, view

# Paragraphs of "Digitalt växer" in the strategy's order.
GROWTH_KEYS = ("digitalt_först", "marknadsföring", "det_vi_mäter", "digitaliseringens_möjligheter")


def _growth(st: dict[str, Any]) -> str:
    growth = st.get("digitalt_växer") or {}
    texts = [growth[key] for key in GROWTH_KEYS if growth.get(key)]
    if not texts and not growth.get("lankar"):
        return ""
    return render.block(render.heading(2, "Digitalt växer"), render.p(texts), links(growth.get("lankar")))


def _period(st: dict[str, Any]) -> str:
    period = st.get("period") or {}
    if not period:
        return ""
    facts = [
        ("Från", tidpunkt(str(period["från"])) if period.get("från") else ""),
        ("Till", tidpunkt(str(period["till"])) if period.get("till") else ""),
    ]
    return render.block(
        render.heading(2, "Strategins period"), render.p(period.get("text", "")), render.dl(facts)
    )


def _roles(st: dict[str, Any]) -> str:
    roles = st.get("kommunikationsroller") or []
    if not roles:
        return ""
    return render.block(
        render.heading(2, "Kommunikationsroller"),
        render.p(st["kommunikationsroller_inledning"]) if st.get("kommunikationsroller_inledning") else "",
        render.ul(r.get("namn", "") for r in roles),
    )


def _document(doc: dict[str, Any], level: int) -> str:
    """One policy document: title, description, link, the documents it includes, open questions."""
    link = doc.get("lank")
    # A link named like its document adds nothing but the address (or the note that it is missing).
    return render.block(
        render.heading(level, doc.get("titel", doc.get("id", ""))),
        render.p(doc.get("beskrivning", "")),
        links([link]) if link else "",
        flags(doc.get("flaggor")),
        *(_document(sub, min(level + 1, 6)) for sub in doc.get("underdokument") or []),
    )


def _documents(st: dict[str, Any]) -> str:
    docs = st.get("styrdokument") or []
    if not docs:
        return ""
    return render.block(render.heading(2, "Styrdokument"), *(_document(d, 3) for d in docs))


def _scope(st: dict[str, Any], status: str) -> list[str]:
    """Omfattning, Våra kanaler and Digitalt nuläge: one section each, empty when absent."""
    channels = st.get("kanaler_inledning") or {}
    texts = [channels[k] for k in ("struktur", "lokala_tillägg") if channels.get(k)]
    return [
        render.block(render.heading(2, "Omfattning"), render.p(st["omfattning"]))
        if st.get("omfattning")
        else "",
        render.block(render.heading(2, "Våra kanaler"), render.p(texts)) if texts else "",
        render.block(
            render.heading(2, "Digitalt nuläge"),
            render.p(st.get("nuläge_text", "")),
            render.dl([("Nuläget avser", tidpunkt(str(status)) if status else "")]),
        )
        if st.get("nuläge_text")
        else "",
    ]


def _source_note(st: dict[str, Any]) -> str:
    """'Om källan': where the text comes from and when the web page was last updated."""
    note = st.get("källa") or {}
    if not note:
        return ""
    updated = note.get("webbsida_senast_uppdaterad")
    return render.block(
        render.heading(2, "Om källan"),
        '<div class="om-kallan">'
        + render.p(note.get("anmärkning", ""))
        + render.dl([("Webbsidan senast uppdaterad", tidpunkt(str(updated)) if updated else "")])
        + "</div>",
    )


@view("bakgrund")
def bakgrund(s: Strategy) -> str:
    """Digitalt växer, period, communication roles, policy documents, scope and channels, source note."""
    st = s["strategi"]
    source = source_of(s, "strategi")
    sections = [
        _growth(st),
        _period(st),
        _roles(st),
        _documents(st),
        *_scope(st, versions.status_refers_to(s)),
    ]
    # The file-level questions are about the digital status, the last of these sections.
    note = _source_note(st)
    return render.block(
        *(render.block(part, source) for part in sections if part),
        flags(st.get("flaggor")),
        render.block(note, source) if note else "",
    )
