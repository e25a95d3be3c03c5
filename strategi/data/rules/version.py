"""Checks that keep a half-year version consistent: what an editor still types is checked against
the rest (the version id, the snapshots' dates, today).

- a snapshot without an id has a date no other snapshot of the channel has (error);
- no stated snapshot later than the version (error);
- the strategy period not ended before the version unless the period carries a flag (error);
- a draft's presentation date not in the past (warning);
- a channel's review date ('granskad') not older than its latest stated snapshot (warning);
- the season and year named in 'nuläge_text' agree with the derived 'nuläget avser' (warning).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from strategi.data import parts, periods
from strategi.data.loader import Document, JsonPath
from strategi.data.problems import Problem, Severity
from strategi.data.rules import context
from strategi.data.rules.context import Context, rule

_SEASON = re.compile(r"\b(våren|hösten)\s+([0-9]{4})\b")


def _at(doc: Document, path: JsonPath, message: str, severity: Severity = "fel") -> Problem:
    return context.at(doc, path, message, severity, "version")


def _stated(channel: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, snapshot) for snapshots whose date the strategy states (no 'datering')."""
    for i, snap in enumerate(channel.get("nuläge") or []):
        if isinstance(snap, dict) and not snap.get("datering") and periods.valid(str(snap.get("datum", ""))):
            yield i, snap


def refers_to(channels: list[dict[str, Any]]) -> str:
    """The tidpunkt the digital status describes: the latest stated snapshot date over all channels,
    widened to its half-year when it is a month or a day ('2020-05' -> '2020-h1'); '' without any.
    Snapshots dated by inference or as an upper bound ('datering') do not count."""
    dates = [str(x["datum"]) for c in channels for _i, x in _stated(c)]
    if not dates:
        return ""
    latest = max(dates, key=lambda d: (periods.bounds(d)[1], periods.bounds(d)[0]))
    start, end = periods.bounds(latest)
    if (start.month, end.month) in {(1, 12), (1, 6), (7, 12)}:
        return latest
    return f"{end.year}-h{1 if end.month <= 6 else 2}"


def _unnamed_twins(doc: Document) -> Iterator[Problem]:
    """A snapshot without an id is known by its date: no other snapshot of the channel may share it."""
    snapshots = [x for x in doc.data.get("nuläge") or [] if isinstance(x, dict)]
    dates = [str(x.get("datum", "")) for x in snapshots]
    for i, snap in enumerate(snapshots):
        if not snap.get("id") and dates.count(dates[i]) > 1:
            yield _at(
                doc,
                ("nuläge", i, "datum"),
                f"två nulägen har tidpunkten '{dates[i]}'; ge det här ett eget id så att de går att skilja åt",
            )


@rule
def check(ctx: Context) -> Iterator[Problem]:
    """The version against its channels' snapshots and the day the check runs."""
    today = ctx.today
    main = ctx.part("strategi")
    if main is None:
        return
    data = main.data
    version = str((data.get("version") or {}).get("id", ""))
    if not periods.valid(version):
        return
    v_start, v_end = periods.bounds(version)
    channels = ctx.folder("channels")
    for doc in channels.values():
        yield from _unnamed_twins(doc)
        latest_start: dt.date | None = None
        for i, snap in _stated(doc.data):
            start = periods.bounds(str(snap["datum"]))[0]
            if start > v_end:
                yield _at(
                    doc,
                    ("nuläge", i, "datum"),
                    f"nuläget '{snap['datum']}' ({periods.describe(str(snap['datum']))}) ligger efter versionen "
                    f"{version} ({periods.describe(version)}); höj version.id i {parts.STRATEGY_FILE} eller rätta datumet",
                )
            latest_start = start if latest_start is None else max(latest_start, start)
        granskad = str(doc.data.get("granskad", ""))
        if (
            latest_start is not None
            and periods.valid(granskad)
            and periods.bounds(granskad)[1] < latest_start
        ):
            yield _at(
                doc,
                ("granskad",),
                f"kanalen granskades senast {periods.describe(granskad)}, före sitt senaste nuläge "
                f"({periods.describe(latest_start.isoformat()[:7])}); skriv när avsnittet granskades",
                severity="varning",
            )
    period = data.get("period") or {}
    until = str(period.get("till", ""))
    if periods.valid(until) and periods.bounds(until)[1] < v_start and not period.get("flaggor"):
        yield _at(
            main,
            ("period", "till"),
            f"strategins period slutar {periods.describe(until)}, före versionen {periods.describe(version)}; "
            "förläng perioden eller lägg en flagga under period: som säger vad som gäller",
        )
    when = str((data.get("presentation") or {}).get("när", ""))
    if data.get("status") == "förslag" and periods.valid(when) and periods.bounds(when)[1] < today:
        yield _at(
            main,
            ("presentation", "när"),
            f"förslaget skulle presenteras {periods.describe(when)}, som redan har varit; skriv det nya datumet",
            severity="varning",
        )
    refers = refers_to([d.data for d in channels.values()])
    text = str(data.get("nuläge_text", ""))
    if refers:
        expected = periods.describe(refers)
        for found in _SEASON.finditer(text):
            said = f"{found.group(1)} {found.group(2)}"
            if said != expected:
                yield _at(
                    main,
                    ("nuläge_text",),
                    f"nuläge_text säger '{said}', men kanalernas senaste nulägen avser {expected}",
                    severity="varning",
                )
