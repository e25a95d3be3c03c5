"""'Materialtyper': the eight material types, the traffic-light legend and the channel x type matrix.

The matrix has one row per channel file, so a new channel file adds its row. A channel whose file
gives no traffic lights (its strategy is only a digital status) shows "uppgift saknas", not a colour.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._channel_matrix import MISSING, channel_link, channel_sources, completeness, unknown
from strategi.views._org_helpers import flags, goal_link, one_line

from . import source_of, view


def _types(s: Strategy) -> list[dict[str, Any]]:
    return list(s["materialtyper"].get("typer") or [])


def _goal_links(s: Strategy, goal_ids: list[Any], page: str) -> render.Raw:
    """Each goal id linked to its goal on the Mål page, named in a tooltip."""
    return render.Raw(", ".join(goal_link(s, g, page, str(g)) for g in goal_ids))


def _type_name(kind: dict[str, Any]) -> render.Raw:
    name = render.esc(one_line(kind.get("namn", kind.get("id", ""))))
    if kind.get("namn_i_kanaler"):
        name += f" <small>(i kanalavsnitten: {render.esc(one_line(kind['namn_i_kanaler']))})</small>"
    return render.Raw(name)


def _legend(data: dict[str, Any]) -> str:
    items = "".join(
        f"<li>{render.light(str(entry.get('färg', ''))).html} – {render.esc(one_line(entry.get('betydelse', '')))}</li>"
        for entry in data.get("trafikljus") or []
    )
    return f'<ul class="trafikljus">{items}</ul>' if items else ""


def _light_cell(ratings: dict[str, Any] | None, type_id: str) -> Any:
    colour = (ratings or {}).get(type_id)
    return render.light(str(colour)) if colour else unknown()


def _matrix(s: Strategy, page: str) -> str:
    types = _types(s)
    headers = ["Kanal", *(one_line(t.get("namn", t.get("id", ""))) for t in types)]
    rows = []
    notes = []
    for channel in s.channels:
        ratings = channel.get("materialtyper")
        rows.append([channel_link(channel, page), *(_light_cell(ratings, str(t.get("id"))) for t in types)])
        if not ratings:
            why = completeness(channel) or "kanalfilen anger inga trafikljus"
            notes.append(f"{one_line(channel.get('namn', channel['id']))}: {MISSING}, {why}.")
    note = ""
    if notes:
        note = render.p("Kanaler utan trafikljus:") + render.ul(notes)
    return render.block(
        render.heading(2, "Materialtyper i kanalerna"),
        render.p("Hur vanlig varje materialtyp är i varje kanal, enligt kanalernas egna avsnitt."),
        render.table("Trafikljus per kanal och materialtyp", headers, rows, cls="matris"),
        note,
        channel_sources(s),
    )


@view("materialtyper")
def materialtyper(s: Strategy, page: str = pages.MATERIAL_TYPES) -> str:
    """The material types page: intro, legend, the type table and the channel x type matrix."""
    data = s["materialtyper"]
    types = _types(s)
    rows = [
        [
            _type_name(t),
            _goal_links(s, list(t.get("stöttar_mål") or []), page),
            one_line(t.get("exempel", "")),
        ]
        for t in types
    ]
    return render.block(
        render.p(data.get("inledning", "")),
        render.heading(2, "Trafikljusen"),
        render.p(data.get("trafikljus_inledning", "")),
        _legend(data),
        render.heading(2, "Materialtyperna"),
        render.table(
            "Materialtyper, målen de stöttar och exempel", ["Materialtyp", "Stöttar mål", "Exempel"], rows
        ),
        flags([*(f for t in types for f in t.get("flaggor") or []), *(data.get("flaggor") or [])]),
        source_of(s, "materialtyper"),
        _matrix(s, page),
    )


@view("kanal_materialtyper")
def kanal_materialtyper(s: Strategy, channel_id: str) -> str:
    """One channel's traffic light for each material type, or why it has none."""
    channel = s.channel(channel_id)
    ratings = channel.get("materialtyper")
    if not ratings:
        why = completeness(channel) or "kanalfilen anger inga trafikljus"
        return render.p(f"Trafikljus för materialtyperna: {MISSING} ({why}).", cls="okand")
    rows = [
        [
            one_line(t.get("namn_i_kanaler") or t.get("namn", t.get("id", ""))),
            _light_cell(ratings, str(t.get("id"))),
        ]
        for t in _types(s)
    ]
    name = one_line(channel.get("namn", channel_id))
    return render.block(
        render.table(f"Trafikljus per materialtyp för {name}", ["Materialtyp", "Trafikljus"], rows),
        source_of(s, f"kanal:{channel_id}"),
    )
