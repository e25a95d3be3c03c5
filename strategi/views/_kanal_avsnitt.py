"""The sections of a channel page after its digital status: profile, goals, audience, do/don't,
follow-up, organisation, budget and links. Each returns '' when the channel file lacks the part.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._kanal_nulage import FACTS, labelled, title
from strategi.views._org_helpers import flags, goal_link, href, one_line, person_name, role_name
from strategi.views._org_helpers import links as link_list

EMPTY = "–"


def _address(address: str) -> str:
    """The address as text, and as a link too when it is a full web address (http:// or https://)."""
    text = render.esc(one_line(address))
    if address.strip().lower().startswith(("http://", "https://")):
        return f'<a href="{href(address)}">{text}</a>'
    return text


def profile(s: Strategy, channel: dict[str, Any], intro: str = "") -> str:
    """The channel's introduction (``intro``) and its profile: address, audience, content, tone, how often, when."""
    data = channel.get("profil") or {}
    pairs: list[tuple[str, Any]] = (
        [(title(s, "adress"), render.Raw(_address(str(channel["adress"]))))] if channel.get("adress") else []
    )
    pairs += [(title(s, "profil", key), one_line(value)) for key, value in data.items()]
    if not pairs and not intro.strip():
        return ""
    return render.block(render.heading(2, "Profil", "profil"), intro, render.dl(pairs, cls=FACTS))


def _goal_links(s: Strategy, goal_ids: list[Any], page: str) -> str:
    links = [goal_link(s, g, page, f"Mål {g}") for g in goal_ids]
    return f'<p class="referens">Gäller: {", ".join(links)}</p>' if links else ""


def goals(s: Strategy, channel: dict[str, Any], page: str) -> str:
    groups = channel.get("mål") or []
    if not groups:
        return ""
    headers = [
        title(s, "mål", 0, "rader", 0, "vart_vill_vi_nå"),
        title(s, "mål", 0, "rader", 0, "hur_tar_vi_oss_dit"),
    ]
    parts = [render.heading(2, "Mål", "mal")]
    name = one_line(channel.get("namn", channel.get("id", "")))
    for group in groups:
        rows = [
            [one_line(row.get("vart_vill_vi_nå") or EMPTY), one_line(row.get("hur_tar_vi_oss_dit") or EMPTY)]
            for row in group.get("rader") or []
        ]
        heading = one_line(group.get("rubrik", ""))
        parts += [
            render.heading(3, heading, pages.goal_group_anchor(group.get("id", ""))),
            _goal_links(s, list(group.get("mål") or []), page),
            render.p(group["beskrivning"]) if group.get("beskrivning") else "",
            render.table(f"{name}, {heading}", headers, rows, row_headers=False, cls="dold-rubrik")
            if rows
            else "",
            flags(group.get("flaggor")),
        ]
    return render.block(*parts)


def _ages(s: Strategy, data: dict[str, Any], name: str) -> str:
    groups = data.get("åldersfördelning") or []
    if not groups:
        return ""
    label = title(s, "publik", "åldersfördelning", 0, "procent")
    rows = [
        [g.get("ålder", ""), labelled(label, g.get("procent", ""))[1], one_line(g.get("anmärkning") or EMPTY)]
        for g in groups
    ]
    head = [
        title(s, "publik", "åldersfördelning", 0, "ålder"),
        labelled(label, "")[0],
        title(s, "publik", "åldersfördelning", 0, "anmärkning"),
    ]
    return render.table(f"Åldersfördelning bland följarna av {name}", head, rows)


def _places(s: Strategy, data: dict[str, Any], name: str) -> str:
    places = data.get("orter") or []
    if not places:
        return ""
    label = title(s, "publik", "orter", 0, "procent")
    rows = [
        [
            o.get("placering", ""),
            o.get("ort", ""),
            labelled(label, o["procent"])[1] if "procent" in o else EMPTY,
        ]
        for o in places
    ]
    head = [
        title(s, "publik", "orter", 0, "placering"),
        title(s, "publik", "orter", 0, "ort"),
        labelled(label, "")[0],
    ]
    return render.table(f"Orter där följarna av {name} bor", head, rows)


def audience(s: Strategy, channel: dict[str, Any]) -> str:
    data = channel.get("publik") or {}
    if not data:
        return ""
    name = one_line(channel.get("namn", channel.get("id", "")))
    keys = ("andel_kvinnor", "andel_män", "huvudsaklig_åldersgrupp", "andel_av_internetanvändarna")
    facts = [labelled(title(s, "publik", k), data[k]) for k in keys if k in data]
    reach = data.get("inläggens_räckvidd") or {}
    if reach:
        shares = "; ".join(
            ": ".join(labelled(title(s, "publik", "inläggens_räckvidd", k), v)) for k, v in reach.items()
        )
        facts.append((title(s, "publik", "inläggens_räckvidd"), shares))
    return render.block(
        render.heading(2, data.get("rubrik") or "Publik", "publik"),
        render.p(data.get("text")),
        render.dl(facts, cls=FACTS),
        _ages(s, data, name),
        _places(s, data, name),
        flags(data.get("flaggor")),
    )


def target(channel: dict[str, Any]) -> str:
    data = channel.get("målgrupp") or {}
    if not data:
        return ""
    return render.block(
        render.heading(2, data.get("rubrik") or "Målgrupp", "malgrupp"),
        render.p(data.get("text")),
        flags(data.get("flaggor")),
    )


def do_list(s: Strategy, channel: dict[str, Any], key: str, anchor: str) -> str:
    data = channel.get(key) or {}
    if not data:
        return ""
    return render.block(
        render.heading(2, data.get("rubrik") or title(s, key), anchor),
        render.p(data["inledning"]) if data.get("inledning") else "",
        render.ul(data.get("punkter") or []),
    )


def follow_up(channel: dict[str, Any]) -> str:
    data = channel.get("uppföljning") or {}
    if not data:
        return ""
    return render.block(
        render.heading(2, "Uppföljning", pages.FOLLOW_UP_ANCHOR),
        render.p(data["inledning"]) if data.get("inledning") else "",
        render.ul(data.get("mätpunkter") or []),
        render.p(data.get("text")),
    )


def organisation(s: Strategy, channel: dict[str, Any]) -> str:
    data = channel.get("organisation") or {}
    if not data:
        return ""
    common = render.p(data.get("ur_gemensamma_delar"))
    names = [
        (title(s, "organisation", "personer"), [person_name(s, p) for p in data.get("personer") or []]),
        (
            title(s, "organisation", "kanalansvariga"),
            [person_name(s, p) for p in data.get("kanalansvariga") or []],
        ),
        (title(s, "organisation", "roller"), [role_name(s, r) for r in data.get("roller") or []]),
    ]
    return render.block(
        render.heading(2, "Organisation", "organisation"),
        render.p(data.get("text")),
        render.ul(data.get("punkter") or []),
        f"<p>{render.esc(title(s, 'organisation', 'ur_gemensamma_delar'))}:</p><blockquote>{common}</blockquote>"
        if common
        else "",
        render.dl(((label, ", ".join(found)) for label, found in names), cls=FACTS),
    )


def budget(channel: dict[str, Any], page: str) -> str:
    data = channel.get("budget") or {}
    if not data:
        return ""
    target = pages.href(page, pages.ORGANISATION, pages.BUDGET_ANCHOR)
    return render.block(
        render.heading(2, "Budget", pages.BUDGET_ANCHOR),
        render.p(data.get("text")),
        '<p class="referens">Strategins budget i tabellform, med summor, står under '
        f'<a href="{render.esc(target)}">Organisation och budget</a>.</p>',
        flags(data.get("flaggor")),
    )


def links(channel: dict[str, Any]) -> str:
    """The links the section names; one without an address says so."""
    listed = link_list(channel.get("länkar"))
    return render.block(render.heading(2, "Länkar", "lankar"), listed) if listed else ""
