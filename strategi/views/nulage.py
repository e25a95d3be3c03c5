"""'Digitalt nuläge': one table over all channels, dated, as the strategy's status table reads.

A row per channel file (in s.channels order), so a new channel file adds a row. The cells show each
channel's latest snapshot with its date (periods.latest_snapshot); a second, compact table lists
the earlier snapshots, newest first.
"""

from __future__ import annotations

from typing import Any

from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._channel_matrix import channel_link, channel_sources
from strategi.views._kanal_nulage import anchor, followers, metric_rows, ordered, table_snapshot, title, when
from strategi.views._org_helpers import FLAG_TYPES, one_line

from . import source_of, view

EMPTY = "–"


def _cell(value: Any) -> Any:
    html = render.p(value)
    return render.Raw(html) if html else EMPTY


def _notes(entries: list[tuple[dict[str, Any], dict[str, Any]]]) -> str:
    """The questions on the shown snapshots, one compact line each: channel, kind, question, quote."""
    items = []
    for channel, snapshot in entries:
        for flag in snapshot.get("flaggor") or []:
            kind = FLAG_TYPES.get(str(flag.get("typ", "")), "")
            item = f"<strong>{render.esc(one_line(channel.get('namn', channel['id'])))}</strong>"
            item += f" ({render.esc(kind.lower())}): " if kind else ": "
            item += render.esc(one_line(flag.get("fråga", "")))
            if flag.get("citat"):
                item += f" <q>{render.esc(one_line(flag['citat']))}</q>"
            items.append(f"<li>{item}</li>")
    return render.flag_box(f"<ul>{''.join(items)}</ul>" if items else "")


def _status_table(s: Strategy, page: str) -> str:
    shown = [(c, snap) for c in s.channels if (snap := table_snapshot(c)) is not None]
    rows = [
        [
            channel_link(c, page),
            _cell(snap.get("övergripande")),
            _cell(snap.get("nischad")),
            when(snap),
            followers(snap) or EMPTY,
        ]
        for c, snap in shown
    ]
    headers = [
        title(s, "namn"),
        title(s, "nuläge", 0, "övergripande"),
        title(s, "nuläge", 0, "nischad"),
        "Nuläget avser",
        title(s, "nuläge", 0, "mätvärden", "följare"),
    ]
    missing = [one_line(c.get("namn", c["id"])) for c in s.channels if table_snapshot(c) is None]
    return render.block(
        render.table("Digitalt nuläge per kanal", headers, rows),
        render.p(f"Utan nuläge: {', '.join(missing)}.") if missing else "",
        _notes(shown),
        channel_sources(s),
    )


def _history(s: Strategy, page: str) -> str:
    """Every earlier snapshot (not the latest), newest first per channel: history where it is asked for."""
    rows = []
    earlier_all = []
    for channel in s.channels:
        latest = periods.latest_snapshot(channel)
        earlier = [x for x in reversed(ordered(channel)) if x is not latest]
        name = render.esc(one_line(channel.get("namn", channel["id"])))
        for snap in earlier:
            target = render.esc(pages.href(page, pages.channel(channel["id"]), anchor(snap)))
            figures = "; ".join(f"{label}: {value}" for label, value in metric_rows(s, snap))
            rows.append(
                [
                    render.Raw(f'<a href="{target}">{name}</a>'),
                    when(snap),
                    one_line(snap.get("källa", "")),
                    figures or EMPTY,
                ]
            )
            earlier_all.append((channel, snap))
    heading = render.heading(2, "Tidigare nulägen", "tidigare-nulagen")
    if not rows:
        return render.block(heading, render.p("Ingen kanal har något äldre nuläge än det i tabellen ovan."))
    return render.block(
        heading,
        render.p("Äldre ögonblicksbilder, nyast först per kanal. Hela texten står på kanalens sida."),
        render.table("Tidigare nulägen per kanal", ["Kanal", "Nuläget avser", "Källa", "Mätvärden"], rows),
        _notes(earlier_all),
        channel_sources(s),
    )


@view("nulage")
def nulage(s: Strategy, page: str = pages.STATUS) -> str:
    """The digital status page: the strategy's words, the latest nuläge of every channel, then history."""
    data = s["strategi"]
    return render.block(
        render.p(data.get("nuläge_text")),
        render.p(data.get("omfattning")),
        source_of(s, "strategi") if "strategi" in s.sources else "",
        render.heading(2, "Alla kanaler", "alla-kanaler"),
        _status_table(s, page),
        _history(s, page),
    )
