"""Helpers shared by the organisation, budget and process views: flags, links, names from ids.

Everything returns escaped HTML (or plain text for render helpers that escape themselves).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import pages, render
from ..model import Strategy
from ..render import one_line

# one_line is re-exported for the views that import it from here.
__all__ = ["FLAG_TYPES", "flags", "links", "one_line"]

FLAG_TYPES = {
    "motsägelse": "Motsägelse",
    "oläsligt": "Oläsligt",
    "ofullständigt": "Ofullständigt",
    "osäkert": "Osäkert",
}


def flags(items: Iterable[dict[str, Any]] | None) -> str:
    """The 'Att bekräfta' note for a list of flags: each question, its kind and the quoted source."""
    notes = []
    for flag in items or []:
        kind = FLAG_TYPES.get(str(flag.get("typ", "")), "")
        prefix = f"<strong>{render.esc(kind)}:</strong> " if kind else ""
        note = f"<p>{prefix}{render.esc(one_line(flag.get('fråga', '')))}</p>"
        if flag.get("citat"):
            note += f"<blockquote><p>Det står: ”{render.esc(one_line(flag['citat']))}”</p></blockquote>"
        notes.append(note)
    return render.flag_box("".join(notes))


def href(address: str) -> str:
    """An address as a safe link target: anything without http(s):// is taken as a web address."""
    address = address.strip()
    if not address.lower().startswith(("http://", "https://")):
        address = "https://" + address
    return render.esc(address)


def links(items: Iterable[dict[str, Any]] | None) -> str:
    """A list of the links the strategy names; a link without an address says so."""
    entries = []
    for link in items or []:
        title = render.esc(one_line(link.get("titel", "")))
        if link.get("adress"):
            entry = f'<a href="{href(str(link["adress"]))}">{title}</a>'
        else:
            entry = f'{title} <span class="okand">(adressen saknas i strategin)</span>'
        if link.get("beskrivning"):
            entry += f" – {render.esc(one_line(link['beskrivning']))}"
        entries.append(f"<li>{entry}</li>")
    return f'<ul class="lankar">{"".join(entries)}</ul>' if entries else ""


def _name_in(items: Iterable[dict[str, Any]] | None, item_id: str) -> str:
    for item in items or []:
        if item.get("id") == item_id:
            return str(item.get("namn", item_id))
    return item_id


def channel_name(s: Strategy, channel_id: str) -> str:
    """The channel's name from data/channels/, or its id when there is no such file yet."""
    return _name_in(s.channels, channel_id)


def group_name(s: Strategy, group_id: str) -> str:
    return _name_in(s["organisation"].get("grupper"), group_id)


def role_name(s: Strategy, role_id: str) -> str:
    return _name_in(s["organisation"].get("roller"), role_id)


def person_name(s: Strategy, person_id: str) -> str:
    return _name_in(s["organisation"].get("personer"), person_id)


def goal_name(s: Strategy, goal_id: str) -> str:
    """'Delmål 1: Öka antalet dialoger …' or 'Mål A: Stärka varumärket'; the id if unknown."""
    for goal in s["mal"].get("mål") or []:
        if str(goal.get("id")) == str(goal_id):
            kind = "Delmål" if goal.get("typ") == "delmål" else "Mål"
            return f"{kind} {goal_id}: {goal.get('namn', '')}".rstrip(": ")
    return str(goal_id)


def goal_link(s: Strategy, goal_id: Any, page: str, text: str) -> str:
    """``text`` linked to the goal's section on Mål from ``page``, the goal named in a tooltip."""
    target = pages.href(page, pages.GOALS, pages.goal_anchor(goal_id))
    return f'<a href="{render.esc(target)}" title="{render.esc(goal_name(s, str(goal_id)))}">{render.esc(text)}</a>'


def joined(names: Iterable[str], empty: str = "–") -> str:
    """Names as one comma-separated text, or a dash when there are none."""
    text = ", ".join(names)
    return text or empty
