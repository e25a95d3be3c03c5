"""Helpers shared by the organisation, budget and process views: flags, links, names from ids.

Everything returns escaped HTML (or plain text for render helpers that escape themselves).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strategi.data.model import Strategy, channel_name, goal_name, group_name, person_name, role_name
from strategi.views import pages, render
from strategi.views.render import one_line

# Re-exported for the views that import them from here: the name look-ups live in the model
# (strategi.data.model), so that content (plan, annual cycle) can use them without importing a view.
__all__ = [
    "FLAG_TYPES",
    "channel_name",
    "flags",
    "goal_name",
    "group_name",
    "links",
    "one_line",
    "person_name",
    "role_name",
]

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


def goal_link(s: Strategy, goal_id: Any, page: str, text: str) -> str:
    """``text`` linked to the goal's section on Mål from ``page``, the goal named in a tooltip."""
    target = pages.href(page, pages.GOALS, pages.goal_anchor(goal_id))
    return f'<a href="{render.esc(target)}" title="{render.esc(goal_name(s, str(goal_id)))}">{render.esc(text)}</a>'


def joined(names: Iterable[str], empty: str = "–") -> str:
    """Names as one comma-separated text, or a dash when there are none."""
    text = ", ".join(names)
    return text or empty
