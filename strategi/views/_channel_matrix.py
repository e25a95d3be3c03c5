"""Helpers for the tables that have one row per channel file (personas and material types).

A channel file added under data/channels/ gets its row in these tables without any code change;
a value the channel file does not give is shown as unknown ("uppgift saknas"), never as "no".
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.data.parts import CHANNELS
from strategi.views import pages, render

MISSING = "uppgift saknas"

COMPLETENESS = {
    "komplett": "kanalen har en hel kanalstrategi",
    "endast-nuläge": "strategin har bara ett digitalt nuläge för kanalen, inget eget kanalavsnitt",
}


def unknown(text: str = MISSING) -> render.Raw:
    """A cell whose value is not known: marked as such in words, styled apart from real values."""
    return render.Raw(f'<span class="okand">{render.esc(text)}</span>')


def channel_link(channel: dict[str, Any], page: str) -> render.Raw:
    """The channel's name linked to its generated page, from the page being rendered."""
    name = render.esc(channel.get("namn", channel.get("id", "")))
    return render.Raw(f'<a href="{render.esc(pages.href(page, pages.channel(channel["id"])))}">{name}</a>')


def completeness(channel: dict[str, Any]) -> str:
    """Why a channel may lack a part: its fullständighet status in words, or '' if none is given."""
    status = str((channel.get("fullständighet") or {}).get("status", ""))
    return COMPLETENESS.get(status, status)


def channel_sources(s: Strategy) -> str:
    """The 'Källa' line for a table built from every channel file, each file linked for editing."""
    entries = []
    for channel in s.channels:
        path = s.channel_file(channel["id"])
        name = render.esc(path.rsplit("/", 1)[-1])
        entries.append(f'<a href="{render.esc(s.edit_base + path)}">{name}</a>' if s.edit_base else name)
    listing = ", ".join(entries)
    if listing:
        listing = f" · Föreslå ändring i {listing}" if s.edit_base else f" ({listing})"
    return (
        f'<p class="kalla" data-search-exclude>Källa: <code>{render.esc(CHANNELS.glob)}</code>{listing}</p>'
    )
