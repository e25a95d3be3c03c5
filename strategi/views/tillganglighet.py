"""The accessibility statement (tillgänglighetsredogörelse) from data/strategy/tillganglighet.yaml."""

from __future__ import annotations

from typing import Any

from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import flags, href, one_line

from . import source_of, view

STATUS_WORDS = {
    "helt": "Helt förenlig med lagkraven",
    "delvis": "Delvis förenlig med lagkraven",
    "inte": "Inte förenlig med lagkraven",
}


PLACEHOLDER = "platshållare, fastställs av regionen"


def _link(link: dict[str, Any]) -> str:
    """'Anmäl till Digg: https://www.digg.se/tdosanmalan', the address as the link (it is shown in
    full); a placeholder address says so beside it, in words."""
    address = str(link["adress"])
    mark = f' <strong class="platshallare">({PLACEHOLDER})</strong>' if link.get("platshållare") else ""
    return f'{render.esc(one_line(link["titel"]))}: <a href="{href(address)}">{render.esc(address)}</a>{mark}'


def _inaccessible(items: list[dict[str, Any]]) -> str:
    if not items:
        return render.p("Vi känner inte till något innehåll som inte är tillgängligt.")
    entries = []
    for item in items:
        text = f"<strong>{render.esc(one_line(item['vad']))}</strong> {render.esc(one_line(item['varför']))}"
        if item.get("åtgärd"):
            text += f" {render.esc(one_line(item['åtgärd']))}"
        entries.append(f"<li>{text}</li>")
    return f"<ul>{''.join(entries)}</ul>"


def _contact(contact: dict[str, Any]) -> str:
    ways = []
    if contact.get("formulär"):
        ways.append(f"<li>Webbformulär: {_link(contact['formulär'])}</li>")
    if contact.get("telefon"):
        ways.append(f"<li>Telefon: {render.esc(one_line(contact['telefon']))}</li>")
    if contact.get("epost"):
        address = render.esc(contact["epost"])
        ways.append(f'<li>E-post: <a href="mailto:{address}">{address}</a></li>')
    answer = render.p(contact["svarstid"]) if contact.get("svarstid") else ""
    return render.p(contact["text"]) + f"<ul>{''.join(ways)}</ul>" + answer


@view("tillganglighet")
def tillganglighet(s: Strategy) -> str:
    """Organisation and site, compliance status, what is not accessible and why, how it was
    assessed and when, when the statement was last reviewed, how to report, the right to complain."""
    data = s["tillganglighet"]
    if not data:
        return ""
    source = source_of(s, "tillganglighet")
    compliance = data["förenlighet"]
    assessment = data["bedömning"]
    status = STATUS_WORDS.get(str(compliance["status"]), str(compliance["status"]))
    built = periods.describe(s.today.isoformat())
    draft = (
        f'<p class="utkast"><strong>Utkast.</strong> {render.esc(one_line(data["utkast"]))}</p>'
        if data.get("utkast")
        else ""
    )
    return render.block(
        draft,
        render.p(
            f"Den här redogörelsen gäller {one_line(data['webbplats'])}, som {one_line(data['organisation'])} står bakom."
        ),
        render.p(data["åtagande"]),
        render.heading(2, "Hur tillgänglig är webbplatsen?", "forenlighet"),
        f'<p class="tillganglighet-status"><strong>{render.esc(status)}.</strong> '
        f"{render.esc(one_line(compliance['förklaring']))}</p>",
        render.heading(2, "Innehåll som inte är tillgängligt", "otillgangligt"),
        _inaccessible(data.get("otillgängligt") or []),
        render.heading(2, "Så har vi testat webbplatsen", "bedomning"),
        render.p(f"Vi bedömer webbplatsen mot {one_line(assessment['standard'])}.")
        if assessment.get("standard")
        else "",
        render.ul(one_line(m) for m in assessment["metoder"]),
        render.p(f"Testerna kördes senast när den här versionen av webbplatsen byggdes, {built}."),
        render.p(f"Redogörelsen granskades senast {periods.describe(str(data['senast_granskad']))}."),
        render.heading(2, "Rapportera brister", "rapportera"),
        _contact(data["kontakt"]),
        render.heading(2, "Tillsyn", "tillsyn"),
        render.p(data["tillsyn"]["text"]) + f"<p>{_link(data['tillsyn']['länk'])}</p>",
        flags(data.get("flaggor")),
        source,
    )
