"""Tidpunkter ('2020', '2020-h1', '2020-05', '2020-05-14'): their first and last day, and staleness."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from typing import Any

from strategi.data.problems import UserError, shown

_FORM = re.compile(r"[0-9]{4}(-(h1|h2|[0-9]{2}(-[0-9]{2})?))?")
# The years a strategy can speak of; dates outside would only be typing mistakes.
YEARS = range(1900, 3000)


def bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period a tidpunkt names; ValueError if it names none."""
    if not isinstance(value, str) or not _FORM.fullmatch(value):
        raise ValueError(f"not a tidpunkt: {value!r}")
    parts = value.split("-")
    year = int(parts[0])
    if year not in YEARS:
        raise ValueError(f"year out of range: {value!r}")
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if parts[1] == "h1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if parts[1] == "h2":
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, int(parts[2]))
    return day, day


def valid(value: str) -> bool:
    try:
        bounds(value)
    except (ValueError, IndexError, TypeError):
        return False
    return True


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_snapshot(channel: dict[str, Any]) -> dict[str, Any] | None:
    """The channel's most recent digital-status snapshot: by the start, then the end of its period;
    on a tie the one from the strategy's status table (id 'tabell…'), else the later in the file."""
    snapshots = [
        (i, s)
        for i, s in enumerate(channel.get("nuläge") or [])
        if isinstance(s, dict) and valid(str(s.get("datum", "")))
    ]
    if not snapshots:
        return None

    def rank(pair: tuple[int, dict[str, Any]]) -> tuple[Any, ...]:
        i, s = pair
        return (*bounds(str(s["datum"])), str(s.get("id", "")).startswith("tabell"), i)

    return max(snapshots, key=rank)[1]


def is_stale(channel: dict[str, Any], cadence_months: int, today: dt.date) -> bool:
    """True when the channel's latest status ended more than one cadence before today."""
    snapshot = latest_snapshot(channel)
    if snapshot is None:
        return True
    return bounds(snapshot["datum"])[1] < months_before(today, cadence_months)


WEEKDAYS_SHORT = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def describe(value: str) -> str:
    """A tidpunkt in Swedish words: 'våren 2020', 'november 2020', '19 januari 2021'."""
    if not valid(value):
        return value
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    if parts[1] in {"h1", "h2"}:
        return f"{'våren' if parts[1] == 'h1' else 'hösten'} {parts[0]}"
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


class BadToday(UserError, ValueError):
    """STRATEGI_IDAG is set but is not a date."""

    code = 2


# strategi.yaml's revideringsintervall_månader when it is left out.
DEFAULT_REVISION_MONTHS = 6


def revision_months(strategy_data: dict[str, Any]) -> int:
    """How often the channels' current state is revised, from strategi.yaml's data."""
    return int(strategy_data.get("revideringsintervall_månader", DEFAULT_REVISION_MONTHS))


def today() -> dt.date:
    """The build date; STRATEGI_IDAG=ÅÅÅÅ-MM-DD overrides it so tests are reproducible."""
    override = os.environ.get("STRATEGI_IDAG")
    if not override:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(override) if _FORM.fullmatch(override) else None
    except ValueError:
        day = None
    if day is None or day.year not in YEARS:
        raise BadToday(
            f"STRATEGI_IDAG ska vara ett datum ÅÅÅÅ-MM-DD mellan år {YEARS[0]} och {YEARS[-1]}, "
            f"inte '{shown(override)}'"
        )
    return day
