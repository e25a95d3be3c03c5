"""Helpers for a channel's digital status (nuläge): labels, texts, metrics and dated snapshots.

Shared by the channel pages (strategi/views/kanal.py) and the 'Digitalt nuläge' page (nulage.py).
Labels are the Swedish titles of schemas/kanal.schema.json, so a renamed title shows everywhere.
"""

from __future__ import annotations

from typing import Any

from strategi.content import figures
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.data.parts import CHANNELS
from strategi.views import render
from strategi.views._org_helpers import flags, one_line

PERCENT_SUFFIX = " (%)"
# The class of a channel page's definition lists.
FACTS = "kanal-fakta"
DATING = {
    "härledd": "härledd: strategin anger ingen tidpunkt, den är härledd ur sammanhanget",
    "senast": "senast möjliga: strategin anger ingen tidpunkt, så den är satt till sidans senaste uppdatering",
}


def title(s: Strategy, *path: str | int) -> str:
    """The schema title of a field in a channel file, e.g. ('profil', 'funkar_bra') -> 'Funkar bra'."""
    try:
        found = s.labels(CHANNELS.schema, None, tuple(path))
    except (LookupError, OSError, ValueError):  # no schema beside the data (a test's Strategy): use the key
        found = []
    fallback = str(path[-1]).replace("_", " ").capitalize()
    return found[-1] if found else fallback


def labelled(label: str, value: Any, word: str = "") -> tuple[str, str]:
    """A label and a value shown Swedish style (strategi.figures.shown): '(%)' in the label becomes
    ' %' after the number, and a rounded figure keeps the strategy's word ('lite drygt 17 000')."""
    unit = ""
    if label.endswith(PERCENT_SUFFIX):
        label, unit = label[: -len(PERCENT_SUFFIX)], "procent"
    return label, figures.shown(value, unit, word)


when = figures.when


def metric_rows(s: Strategy, snapshot: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) for every metric of a snapshot, in the file's order, rounded ones with their word."""
    return [
        labelled(title(s, "nuläge", 0, "mätvärden", key), value, figures.qualifier(snapshot, key))
        for key, value in (snapshot.get("mätvärden") or {}).items()
    ]


def followers(snapshot: dict[str, Any] | None) -> str:
    """The follower count of a snapshot ('lite drygt 17 000'), or '' when it gives none."""
    value = ((snapshot or {}).get("mätvärden") or {}).get("följare")
    if value is None or snapshot is None:
        return ""
    return labelled("", value, figures.qualifier(snapshot, "följare"))[1]


def ordered(channel: dict[str, Any]) -> list[dict[str, Any]]:
    """The channel's snapshots oldest first (by the start, then the end of their period); ties keep file order."""
    snapshots = [x for x in channel.get("nuläge") or [] if isinstance(x, dict)]
    valid = [x for x in snapshots if periods.valid(str(x.get("datum", "")))]
    return sorted(valid, key=lambda x: periods.bounds(str(x["datum"]))) + [
        x for x in snapshots if x not in valid
    ]


def table_snapshot(channel: dict[str, Any]) -> dict[str, Any] | None:
    """The snapshot that is 'the' nuläge of a channel: its latest (periods.latest_snapshot)."""
    return periods.latest_snapshot(channel)


def anchor(snapshot: dict[str, Any]) -> str:
    """The snapshot's anchor on the channel page: its id, or its date when it has no id."""
    return f"nulage-{snapshot.get('id') or snapshot.get('datum', '')}"


def snapshot_heading(snapshot: dict[str, Any]) -> str:
    """The snapshot's title: where it comes from and when, 'Tabellen Digitalt nuläge, våren 2020'."""
    return f"{one_line(snapshot.get('källa', ''))}, {when(snapshot)}"


def snapshot_body(s: Strategy, channel: dict[str, Any], snapshot: dict[str, Any]) -> str:
    """One dated snapshot's content as one HTML block: when and where, texts, metrics."""
    source = one_line(snapshot.get("källa", ""))
    dating = DATING.get(str(snapshot.get("datering", "")), "angiven i strategin")
    meta = [
        (title(s, "nuläge", 0, "datum"), f"{periods.describe(str(snapshot.get('datum', '')))} ({dating})"),
        (title(s, "nuläge", 0, "avser"), one_line(snapshot.get("avser") or when(snapshot))),
        (title(s, "nuläge", 0, "källa"), source),
    ]
    texts = [
        (title(s, "nuläge", 0, key), render.Raw(render.p(snapshot.get(key)).replace("\n", "")))
        for key in ("övergripande", "nischad")
    ]
    rows = metric_rows(s, snapshot)
    name = one_line(channel.get("namn", channel.get("id", "")))
    table = ""
    if rows:
        caption = f"Mätvärden för {name}: {source}, {when(snapshot)}"
        table = render.table(caption, ["Mätvärde", "Värde"], rows)
    return render.dl(meta, cls=FACTS) + render.dl(texts, cls=f"{FACTS} nulage-text") + table


def snapshot_block(s: Strategy, channel: dict[str, Any], snapshot: dict[str, Any]) -> str:
    """One dated snapshot on the channel page: heading, when and where, texts, metrics, questions."""
    return render.block(
        render.heading(3, snapshot_heading(snapshot), anchor(snapshot)),
        snapshot_body(s, channel, snapshot),
        flags(snapshot.get("flaggor")),
    )
