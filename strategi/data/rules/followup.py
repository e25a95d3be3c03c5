"""Rules for indicators and measurements: source sentences, known indicators, units, periods, duplicates."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strategi.data import parts, periods
from strategi.data.loader import Document
from strategi.data.problems import Problem
from strategi.data.rules.context import Context, at, rule
from strategi.data.text import number, one_line

INDICATORS = parts.path_of("indikatorer")
_YEAR_FILE = re.compile(r"^[0-9]{4}$")
UNIT_NAMES = {
    "antal": "antal (ett heltal)",
    "procent": "procent (0–100)",
    "sekunder": "sekunder (0 eller mer)",
}


def _texts(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield one_line(data)
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def check_sources(
    documents: dict[str, Document], channel_files: list[str] | None = None
) -> Iterator[Problem]:
    """Each indicator's source sentence stands, word for word, somewhere else in the data.

    An indicator whose channel file failed to load is skipped: that file's problems are reported.
    """
    doc = documents.get(INDICATORS)
    if doc is None:
        return
    failed = {Path(p).stem for p in channel_files or [] if p not in documents}
    corpus = "\n".join(
        text
        for path, other in documents.items()
        if path != INDICATORS and not parts.in_folder(path, parts.MEASUREMENTS)
        for text in _texts(other.data)
    )
    for i, ind in enumerate(doc.data.get("indikatorer") or []):
        sentence = one_line(ind["källa"]["mening"])
        if sentence not in corpus and not failed.intersection(ind["kanaler"]):
            yield at(
                doc,
                ("indikatorer", i, "källa", "mening"),
                f"meningen '{sentence}' står inte ordagrant någon annanstans i strategin; "
                "kopiera den från kanalfilen eller strategifilen där målet står",
                rule="källa",
            )


def value_fits(unit: str, value: Any) -> bool:
    """True when a platform could report ``value`` in ``unit``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if unit == "antal":
        return float(value).is_integer() and value >= 0
    if unit == "procent":
        return 0 <= value <= 100
    return bool(value >= 0)


def strategy_span(documents: dict[str, Document]) -> tuple[dt.date, dt.date] | None:
    doc = documents.get(parts.STRATEGY_FILE)
    span = (doc.data.get("period") or {}) if doc else {}
    first, last = span.get("från"), span.get("till")
    if not (
        isinstance(first, str) and isinstance(last, str) and periods.valid(first) and periods.valid(last)
    ):
        return None
    return periods.bounds(first)[0], periods.bounds(last)[1]


def check_rows(
    doc: Document,
    indicators: dict[str, dict[str, Any]] | None,
    span: tuple[dt.date, dt.date] | None,
    today: dt.date,
    seen: dict[tuple[str, str], str],
) -> Iterator[Problem]:
    """One measurement file: every row names a known indicator, fits its unit and period, once."""
    stem = Path(doc.path).stem
    if not _YEAR_FILE.match(stem):
        yield at(
            doc,
            (),
            f"filen ska heta efter året den gäller, till exempel '2021.yaml', inte '{stem}.yaml'",
            rule="mätvärde",
        )
    for i, row in enumerate(doc.data.get("mätvärden") or []):
        ident, period, value = row["indikator"], row["period"], row["värde"]
        where = f"{doc.path}:{doc.where(('mätvärden', i))[0]}"
        if indicators is not None and ident not in indicators:
            hint = difflib.get_close_matches(ident, sorted(indicators), n=1, cutoff=0.6)
            fix = f" Menade du '{hint[0]}'?" if hint else ""
            yield at(
                doc,
                ("mätvärden", i, "indikator"),
                f"indikatorn '{ident}' finns inte i {INDICATORS}.{fix}",
                rule="mätvärde",
            )
        elif indicators is not None:
            unit = indicators[ident]["enhet"]
            if "enhet" in row and row["enhet"] != unit:
                yield at(
                    doc,
                    ("mätvärden", i, "enhet"),
                    f"indikatorn '{ident}' mäts i {unit}, inte i {row['enhet']}",
                    rule="mätvärde",
                )
            elif not value_fits(unit, value):
                yield at(
                    doc,
                    ("mätvärden", i, "värde"),
                    f"värdet {number(value) if isinstance(value, int | float) else value} kan ingen plattform ge för '{ident}', som mäts i {UNIT_NAMES[unit]}",
                    rule="mätvärde",
                )
        if periods.valid(period):
            first, last = periods.bounds(period)
            if _YEAR_FILE.match(stem) and period[:4] != stem:
                yield at(
                    doc,
                    ("mätvärden", i, "period"),
                    f"perioden {period} hör till {period[:4]}.yaml, inte {stem}.yaml",
                    rule="mätvärde",
                )
            if span is not None and (last < span[0] or first > span[1]):
                yield at(
                    doc,
                    ("mätvärden", i, "period"),
                    f"perioden {period} ligger utanför strategins period "
                    f"({span[0].isoformat()[:7]} till {span[1].isoformat()[:7]})",
                    rule="mätvärde",
                )
            elif first > today:
                yield at(
                    doc, ("mätvärden", i, "period"), f"perioden {period} har inte börjat än", rule="mätvärde"
                )
        key = (ident, period)
        if key in seen:
            yield at(
                doc,
                ("mätvärden", i),
                f"'{ident}' har redan ett värde för {period} ({seen[key]}); en rad per indikator och månad",
                rule="mätvärde",
            )
        seen.setdefault(key, where)


def name(snap: dict[str, Any]) -> str:
    """A snapshot as a message names it: its id, else its date in words."""
    return f"'{snap['id']}'" if snap.get("id") else periods.describe(str(snap.get("datum", "")))


def check_confirmed(documents: dict[str, Document]) -> Iterator[Problem]:
    """An adopted version has no digital status left to confirm."""
    doc = documents.get(parts.STRATEGY_FILE)
    if doc is None or doc.data.get("status") != "antagen":
        return
    for path, channel in sorted(documents.items()):
        if not parts.in_folder(path, parts.CHANNELS):
            continue
        for i, snap in enumerate(channel.data.get("nuläge") or []):
            if snap.get("obekräftad"):
                yield at(
                    channel,
                    ("nuläge", i, "obekräftad"),
                    f"versionen är antagen, men nuläget {name(snap)} är kopierat och inte bekräftat; "
                    "uppdatera siffrorna och ta bort 'obekräftad: true'",
                    rule="bekräfta",
                )


@rule
def check(ctx: Context) -> list[Problem]:
    """Every follow-up rule over the documents that loaded."""
    documents, today = ctx.documents, ctx.today
    found = [*check_sources(documents, ctx.channel_files), *check_confirmed(documents)]
    ind_doc = documents.get(INDICATORS)
    indicators = (
        {str(ind["id"]): ind for ind in ind_doc.data.get("indikatorer") or []}
        if ind_doc is not None
        else None
    )
    span = strategy_span(documents)
    seen: dict[tuple[str, str], str] = {}
    for path in sorted(p for p in documents if parts.in_folder(p, parts.MEASUREMENTS)):
        found.extend(check_rows(documents[path], indicators, span, today, seen))
    return found
