"""The publishing plan checked against the channel cards: frequency, time windows, traffic lights.

Unknown channels, material types, goals, personas and owners are errors found by the reference
table in strategi.data.rules.references. This module adds the rules only a plan has: the file is named after its
month and every item lies in it (errors), and the warnings that say which rule of the strategy a
plan breaks and where that rule stands (file:line of the channel card).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategi.data import parts
from strategi.data.loader import Document, JsonPath
from strategi.data.problems import Problem
from strategi.data.rules.context import Context, at, rule

RULES = "publiceringsregler"


@dataclass(frozen=True)
class Item:
    """One planned item and where it stands."""

    doc: Document
    index: int
    data: dict[str, Any]

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(str(self.data["datum"]))

    @property
    def channel(self) -> str:
        return str(self.data.get("kanal", ""))

    @property
    def counts(self) -> bool:
        """A cancelled item does not count towards a channel's frequency."""
        return self.data.get("status") != "inställd"

    def path(self, key: str | None = None) -> JsonPath:
        return ("poster", self.index, key) if key else ("poster", self.index)


def _warn(doc: Document, path: JsonPath, message: str) -> Problem:
    return at(doc, path, message, "varning", "plan")


def rule_place(doc: Document, path: JsonPath) -> str:
    """'data/channels/facebook.yaml:19' for a value in a channel card."""
    return f"{doc.path}:{doc.where(path, key=True)[0]}"


def week_label(day: dt.date) -> str:
    """ISO week as the CLI writes it: '2026-V49'."""
    year, week, _ = day.isocalendar()
    return f"{year}-V{week:02d}"


def plan_documents(documents: dict[str, Document]) -> dict[str, Document]:
    return {p: d for p, d in sorted(documents.items()) if parts.in_folder(p, parts.PLANS)}


def items(documents: dict[str, Document]) -> list[Item]:
    """Every planned item with a real date, in date and time order."""
    found = []
    for doc in plan_documents(documents).values():
        for i, data in enumerate(doc.data.get("poster") or []):
            try:
                dt.date.fromisoformat(str(data.get("datum")))
            except ValueError:
                continue  # reported by rules.check_dates
            found.append(Item(doc, i, data))
    return sorted(found, key=lambda it: (it.day, str(it.data.get("tid", "")), it.doc.path, it.index))


def _channels(documents: dict[str, Document]) -> dict[str, Document]:
    return {Path(p).stem: d for p, d in documents.items() if parts.in_folder(p, parts.CHANNELS)}


def _type_names(documents: dict[str, Document]) -> dict[str, str]:
    doc = documents.get(parts.path_of("materialtyper"))
    if doc is None:
        return {}
    return {str(t["id"]): str(t.get("namn", t["id"])) for t in doc.data.get("typer") or []}


Dated = tuple[Problem, dt.date, dt.date]


@rule
def check(ctx: Context) -> Iterator[Problem]:
    """Every plan problem: month errors first, then the warnings against the channel cards."""
    documents = ctx.documents
    for doc in plan_documents(documents).values():
        yield from _check_month(doc)
    for channel in _channels(documents).values():
        yield from _check_rule_text(channel)
    for problem, _first, _last in warnings(documents):
        yield problem


def warnings(documents: dict[str, Document]) -> Iterator[Dated]:
    """The warnings against the channel cards, each with the days it concerns."""
    planned = items(documents)
    channels = _channels(documents)
    names = _type_names(documents)
    yield from _check_lights(planned, channels, names)
    yield from _check_days(planned, channels)
    yield from _check_times(planned, channels)
    yield from _check_weeks(documents, planned, channels)


def _check_month(doc: Document) -> Iterator[Problem]:
    month = str(doc.data.get("månad", ""))
    if Path(doc.path).stem != month:
        yield at(
            doc,
            ("månad",),
            f"månaden '{month}' stämmer inte med filens namn; filen ska heta {parts.PLANS.path}/{month}.yaml",
            "fel",
            "plan",
        )
    for i, data in enumerate(doc.data.get("poster") or []):
        if not str(data.get("datum", "")).startswith(month + "-"):
            yield at(
                doc,
                ("poster", i, "datum"),
                f"datumet '{data.get('datum')}' ligger inte i planens månad {month}; flytta posten till "
                f"rätt månadsfil",
                "fel",
                "plan",
            )


# The rule's text must stay the card's line it was parsed from: (rule key, profile key, line name).
_CARD_LINES = (("frekvens", "frekvens", "Frekvens:"), ("tider", "när", "När:"))


def _check_rule_text(channel: Document) -> Iterator[Problem]:
    """publiceringsregler keeps the card's own words; if the card changes, the numbers need a look
    (a warning: the card's prose may change without the plan's numbers being wrong)."""
    rules = channel.data.get(RULES) or {}
    profile = channel.data.get("profil") or {}
    for key, card_key, line in _CARD_LINES:
        text = (rules.get(key) or {}).get("text")
        if (
            text is None
            or card_key not in profile
            or str(text).split() == str(profile[card_key]).split()  # the same words
        ):
            continue
        yield at(
            channel,
            (RULES, key, "text"),
            f"texten '{text}' är inte kanalkortets rad '{line} {profile[card_key]}' "
            f"(profil.{card_key}, rad {channel.where(('profil', card_key))[0]}); skriv samma text och "
            f"kontrollera att talen under {RULES}.{key} fortfarande stämmer",
            "varning",
            "plan",
        )


def _name(channel: Document) -> str:
    return str(channel.data.get("namn", channel.data.get("id", "")))


def _check_lights(
    planned: list[Item], channels: dict[str, Document], names: dict[str, str]
) -> Iterator[Dated]:
    for item in planned:
        channel = channels.get(item.channel)
        kind = str(item.data.get("materialtyp", ""))
        if channel is None or (channel.data.get("materialtyper") or {}).get(kind) != "röd":
            continue
        yield (
            _warn(
                item.doc,
                item.path("materialtyp"),
                f"materialtypen {names.get(kind, kind)} är röd för {_name(channel)}: strategins trafikljus "
                f"säger att den förekommer sällan i kanalen "
                f"(trafikljuset står i {rule_place(channel, ('materialtyper', kind))})",
            ),
            item.day,
            item.day,
        )


def _frequency(channel: Document) -> dict[str, Any]:
    return dict((channel.data.get(RULES) or {}).get("frekvens") or {})


def day_limit(channel: Document, day: dt.date) -> int | None:
    """How many items the channel card allows on one day (None: no limit stated)."""
    freq = _frequency(channel)
    if freq.get("per") == "vardag" and "högst" in freq:
        return int(freq["högst"]) if day.weekday() < 5 else None
    if "högst_per_dag" in freq:
        return int(freq["högst_per_dag"])
    return None


def _check_days(planned: list[Item], channels: dict[str, Document]) -> Iterator[Dated]:
    by_day: dict[tuple[str, dt.date], list[Item]] = defaultdict(list)
    for item in planned:
        if item.counts and item.channel in channels:
            by_day[(item.channel, item.day)].append(item)
    for (channel_id, day), same_day in sorted(by_day.items()):
        channel = channels[channel_id]
        limit = day_limit(channel, day)
        if limit is None or len(same_day) <= limit:
            continue
        freq = _frequency(channel)
        unit = "vardag" if freq.get("per") == "vardag" else "dag"
        yield (
            _warn(
                same_day[limit].doc,
                same_day[limit].path("datum"),
                f"{_name(channel)} har {len(same_day)} poster {day.isoformat()}, men strategin säger "
                f"'{freq.get('text', '')}', högst {limit} per {unit} "
                f"(kanalkortets frekvens står i {rule_place(channel, (RULES, 'frekvens'))})",
            ),
            day,
            day,
        )


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _check_times(planned: list[Item], channels: dict[str, Document]) -> Iterator[Dated]:
    for item in planned:
        channel = channels.get(item.channel)
        clock = item.data.get("tid")
        times = (channel.data.get(RULES) or {}).get("tider") if channel else None
        if channel is None or not clock or not times:
            continue
        at = _minutes(str(clock))
        windows = times.get("fönster") or []
        if any(_minutes(w["från"]) <= at < _minutes(w["till"]) for w in windows):
            continue
        spans = ", ".join(f"{w['från']}–{w['till']}" for w in windows)
        yield (
            _warn(
                item.doc,
                item.path("tid"),
                f"kl. {clock} ligger utanför {_name(channel)}s tider: strategin säger '{times.get('text', '')}' "
                f"({spans}; kanalkortets tider står i {rule_place(channel, (RULES, 'tider'))})",
            ),
            item.day,
            item.day,
        )


def _check_weeks(
    documents: dict[str, Document], planned: list[Item], channels: dict[str, Document]
) -> Iterator[Dated]:
    planned_days: dict[dt.date, Document] = {}
    for doc in plan_documents(documents).values():
        month = str(doc.data.get("månad", ""))
        try:
            first = dt.date.fromisoformat(month + "-01")
        except ValueError:
            continue
        day = first
        while day.month == first.month:
            planned_days.setdefault(day, doc)
            day += dt.timedelta(days=1)
    weeks: dict[str, list[dt.date]] = defaultdict(list)
    for day in sorted(planned_days):
        weeks[week_label(day)].append(day)
    for channel_id, channel in sorted(channels.items()):
        freq = _frequency(channel)
        if freq.get("per") not in {"vardag", "vecka"} or int(freq.get("minst", 0)) < 1:
            continue
        for label, days in weeks.items():
            asked = [d for d in days if freq["per"] == "vecka" or d.weekday() < 5]
            if not asked:
                continue
            if any(it.channel == channel_id and it.counts and it.day in days for it in planned):
                continue
            doc = planned_days[days[0]]
            yield (
                _warn(
                    doc,
                    ("månad",),
                    f"{_name(channel)} har ingen post vecka {label} "
                    f"({days[0].isoformat()}–{days[-1].isoformat()}), men strategin säger "
                    f"'{freq.get('text', '')}' "
                    f"(kanalkortets frekvens står i {rule_place(channel, (RULES, 'frekvens'))})",
                ),
                days[0],
                days[-1],
            )
