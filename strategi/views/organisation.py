"""The organisation part of 'Organisation och budget': editor groups, roles, people, groups, meetings."""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import (
    channel_name,
    flags,
    goal_name,
    group_name,
    joined,
    links,
    one_line,
    role_name,
)
from strategi.views._time import tidpunkt

from . import source_of, view


def _frequency(code: Any) -> str:
    """The schema's frequency word ('månadsvis'), which already reads as Swedish."""
    return str(code or "")


def _intro(s: Strategy, org: dict[str, Any]) -> str:
    intro = org.get("inledning") or []
    said = " ".join(one_line(t) for t in intro)
    facts: list[tuple[str, Any]] = []
    count = org.get("antal_kommunikatörer")
    if count:
        facts.append(("Antal kommunikatörer", f"cirka {render.number(count['ungefär'])} ({count['text']})"))
    without = org.get("kanaler_utan_huvudredaktörer")
    if without:
        names = joined(channel_name(s, c) for c in without.get("kanaler", []))
        reason = one_line(without.get("text", ""))
        # The reason is usually a sentence of the intro: say it once, not twice.
        facts.append(("Kanaler utan huvudredaktörer", names if reason in said else f"{names}. {reason}"))
    return render.block(render.heading(2, "Redaktörsgrupper"), render.p(intro), render.dl(facts))


def _roles(org: dict[str, Any]) -> str:
    roles = org.get("roller") or []
    if not roles:
        return ""
    rows = [
        [
            r.get("namn", r.get("id", "")),
            one_line(r["beskrivning"])
            if r.get("beskrivning")
            else render.Raw('<span class="okand">Nämns utan beskrivning.</span>'),
        ]
        for r in roles
    ]
    return render.block(
        render.heading(2, "Roller"),
        render.table("Roller i redaktörsorganisationen", ["Roll", "Beskrivning"], rows),
        *(flags(r.get("flaggor")) for r in roles),
    )


def _people(s: Strategy, org: dict[str, Any]) -> str:
    people = org.get("personer") or []
    if not people:
        return ""
    rows = [
        [
            p.get("namn", p.get("id", "")),
            joined(role_name(s, r) for r in p.get("roller") or []),
            joined(channel_name(s, c) for c in p.get("kanaler") or []),
            one_line(p.get("beskrivning", "")),
        ]
        for p in people
    ]
    return render.block(
        render.heading(2, "Personer"),
        render.table("Personer som strategin nämner", ["Namn", "Roller", "Kanaler", "Beskrivning"], rows),
        *(flags(p.get("flaggor")) for p in people),
    )


def _group(s: Strategy, group: dict[str, Any]) -> str:
    meetings = group.get("möten")
    facts: list[tuple[str, Any]] = [
        ("Ingår i", group_name(s, group["ingår_i"]) if group.get("ingår_i") else None),
        ("Består av", one_line(group.get("medlemmar", ""))),
        ("Roller i gruppen", ", ".join(role_name(s, r) for r in group.get("medlemsroller") or [])),
        (
            "Möten",
            f"{_frequency(meetings['frekvens']).capitalize()}: {one_line(meetings['text'])}"
            if meetings
            else None,
        ),
        ("Startar", tidpunkt(group["start"]) if group.get("start") else None),
        ("Kanaler", ", ".join(channel_name(s, c) for c in group.get("kanaler") or [])),
        ("Mål", "; ".join(goal_name(s, g) for g in group.get("mål") or [])),
    ]
    return render.block(
        render.heading(3, group.get("namn", group.get("id", ""))),
        render.p(group.get("beskrivning", "")),
        render.dl(facts),
        flags(group.get("flaggor")),
    )


def _groups(s: Strategy, org: dict[str, Any]) -> str:
    groups = org.get("grupper") or []
    if not groups:
        return ""
    return render.block(render.heading(2, "Grupper"), *(_group(s, g) for g in groups))


def _meetings(org: dict[str, Any]) -> str:
    meetings = org.get("möten") or []
    if not meetings:
        return ""
    pairs = [
        (f"{m.get('namn', m.get('id', ''))} ({_frequency(m.get('frekvens'))})", one_line(m.get("text", "")))
        for m in meetings
    ]
    return render.block(
        render.heading(2, "Möten"),
        render.dl(pairs),
        *(flags(m.get("flaggor")) for m in meetings),
    )


@view("organisation")
def organisation(s: Strategy) -> str:
    """Editor groups, roles, the people named, groups and units, meetings, links and open questions."""
    org = s["organisation"]
    source = source_of(s, "organisation")
    link_list = links(org.get("länkar"))
    sections = [
        _intro(s, org),
        _roles(org),
        _people(s, org),
        _groups(s, org),
        _meetings(org),
        render.block(render.heading(2, "Länkar"), link_list) if link_list else "",
    ]
    # Each section names its source, so the editor of any table finds the file behind it.
    return render.block(*(render.block(part, source) for part in sections if part), flags(org.get("flaggor")))
