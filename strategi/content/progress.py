"""Progress of each indicator: its values over time, baseline, target and a status in words.

Values come from two places and no figure is typed twice: the figures in each channel's
digital status (``nuläge`` snapshots, via the indicator's ``nuläge_mätvärde``) and the rows
in data/matvarden/. The status rule is written out in STATUS_RULE, which the site shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from strategi.data import periods
from strategi.data.text import number

# Status codes, their words, and a sign that carries the status without colour.
STATUSES: dict[str, tuple[str, str]] = {
    "achieved": ("Målet nått", "✓"),
    "on_track": ("I fas", "↗"),
    "behind": ("Efter plan", "!"),
    "too_early": ("För tidigt att säga", "?"),
    "stale": ("Inga färska mätvärden", "–"),
    "passed": ("Måldatum passerat", "✕"),
    "no_target": ("Följs utan mål", "○"),
}

STATUS_RULE = [
    "Utgångsvärdet är indikatorns första mätvärde; nulägets siffror i kanalerna räknas som mätvärden.",
    "Målnivån är antingen ett värde eller en förändring i procent från utgångsvärdet.",
    "Måldatum passerat: måldatumet har gått ut och inget mätvärde fram till dess når målnivån. "
    "Når ett sådant värde målnivån är statusen Målet nått.",
    "Inga färska mätvärden: det senaste mätvärdet gäller en period som slutade mer än ett "
    "uppföljningsintervall plus en månad före i dag (en månad för att föra in statistiken). "
    "Gamla värden visas aldrig som I fas.",
    "För tidigt att säga: bara utgångsvärdet finns.",
    "Målet nått: det senaste färska mätvärdet når målnivån.",
    "Saknar målet måldatum gäller det varje månad: ett färskt värde som inte når målnivån är Efter plan.",
    "I fas eller Efter plan: med måldatum jämförs det senaste värdet med en rak linje från "
    "utgångsvärdet till målnivån vid måldatumet.",
    "Följs utan mål: mätetal som strategin följer upp men inte har satt något mål för.",
]

UNIT_WORDS = {"antal": "", "procent": " %", "sekunder": " s"}
INTERVAL_MONTHS = {"vecka": 1, "månad": 1, "år": 12}


@dataclass(frozen=True)
class Point:
    """One value of an indicator for one period."""

    period: str
    value: float
    source: str
    note: str = ""
    derived: bool = False

    @property
    def middle(self) -> dt.date:
        first, last = periods.bounds(self.period)
        return first + (last - first) / 2

    @property
    def end(self) -> dt.date:
        return periods.bounds(self.period)[1]


@dataclass(frozen=True)
class Progress:
    """What the follow-up page says about one indicator."""

    indicator: dict[str, Any]
    points: list[Point]
    target: float | None
    status: str
    reason: str
    needed: str

    @property
    def baseline(self) -> Point | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def words(self) -> str:
        return STATUSES[self.status][0]

    @property
    def sign(self) -> str:
        return STATUSES[self.status][1]


def value_text(value: float | None, unit: str) -> str:
    """A value in its unit, Swedish style: '10 000', '7 %', '6 s'."""
    if value is None:
        return "–"
    rounded = round(value, 1)
    shown = int(rounded) if float(rounded).is_integer() else rounded
    return f"{number(shown)}{UNIT_WORDS.get(unit, '')}"


def points(s: Any, indicator: dict[str, Any]) -> list[Point]:
    """Every value of an indicator, oldest first; one per period (an entered row wins over nuläge)."""
    by_period: dict[str, Point] = {}
    key = indicator.get("nuläge_mätvärde")
    if key:
        for channel in s.channels:
            if channel["id"] not in indicator["kanaler"]:
                continue
            for snap in channel.get("nuläge") or []:
                figures = snap.get("mätvärden") or {}
                if snap.get("obekräftad") or not isinstance(figures.get(key), int | float):
                    continue
                source = f"{channel['namn']}, digitalt nuläge: {snap.get('källa') or periods.describe(snap['datum'])}"
                by_period.setdefault(snap["datum"], Point(snap["datum"], figures[key], source, derived=True))
    for row in s.measurements:
        if row["indikator"] == indicator["id"]:
            by_period[row["period"]] = Point(row["period"], row["värde"], row["källa"], row.get("not", ""))
    return sorted(by_period.values(), key=lambda p: (p.middle, p.end))


def target_value(indicator: dict[str, Any], baseline: Point | None) -> float | None:
    level = indicator.get("målnivå") or {}
    if "värde" in level:
        return float(level["värde"])
    if "förändring_procent" in level and baseline is not None:
        sign = 1 if indicator["riktning"] == "öka" else -1
        return float(baseline.value * (1 + sign * float(level["förändring_procent"]) / 100))
    return None


def _meets(indicator: dict[str, Any], value: float, target: float) -> bool:
    return value >= target if indicator["riktning"] == "öka" else value <= target


def _months_between(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def interval_months(s: Any) -> int:
    """The follow-up interval in months (from uppfoljning.yaml; monthly if it says nothing)."""
    freq = (s["uppfoljning"] or {}).get("frekvens") or {}
    return INTERVAL_MONTHS.get(str(freq.get("intervall")), 1)


def is_fresh(point: Point, today: dt.date, interval: int) -> bool:
    """A value is fresh when its period ended at most one interval plus one month before today."""
    return point.end >= periods.months_before(today, interval + 1)


def assess(s: Any, indicator: dict[str, Any]) -> Progress:
    """The progress of one indicator on the strategy's 'today'."""
    pts = points(s, indicator)
    unit = indicator["enhet"]
    baseline = pts[0] if pts else None
    target = target_value(indicator, baseline)
    deadline = indicator.get("senast")

    def done(status: str, reason: str, needed: str = "") -> Progress:
        return Progress(indicator, pts, target, status, reason, needed)

    if not indicator.get("målnivå"):
        latest = pts[-1] if pts else None
        said = (
            f"Senaste värdet: {value_text(latest.value, unit)} ({periods.describe(latest.period)})."
            if latest
            else "Inga mätvärden ännu."
        )
        return done("no_target", said)
    if deadline and periods.bounds(deadline)[1] < s.today:
        until = [p for p in pts if p.end <= periods.bounds(deadline)[1]]
        hit = [p for p in until if target is not None and _meets(indicator, p.value, target)]
        if hit:
            return done("achieved", f"Målnivån nåddes {periods.describe(hit[0].period)}.")
        return done(
            "passed",
            f"Måldatumet, {periods.describe(deadline)}, har gått ut och inget mätvärde fram till dess når målnivån.",
        )
    if not pts:
        return done("stale", "Inga mätvärden har förts in ännu.")
    latest = pts[-1]
    if not is_fresh(latest, s.today, interval_months(s)):
        return done(
            "stale",
            f"Senaste mätvärdet gäller {periods.describe(latest.period)}, äldre än uppföljningsintervallet.",
        )
    if target is None:  # only a malformed target level gets here; the schema allows none
        return done("too_early", "Målnivån kan inte räknas ut.")
    if _meets(indicator, latest.value, target):
        return done("achieved", f"Senaste värdet, {value_text(latest.value, unit)}, når målnivån.")
    if not deadline:
        return done(
            "behind",
            "Målet gäller varje månad, och senaste värdet når inte målnivån.",
            f"Behöver nå {value_text(target, unit)}.",
        )
    end = periods.bounds(deadline)[1]
    months = max(_months_between(latest.end, end), 1)
    per_month = (target - latest.value) / months
    verb = "öka" if per_month > 0 else "minska"
    needed = (
        f"Behöver {verb} med {value_text(abs(per_month), unit)} per månad till {periods.describe(deadline)}."
    )
    if len(pts) == 1:
        return done("too_early", "Bara utgångsvärdet finns.", needed)
    first = pts[0]
    span = (end - first.middle).days or 1
    expected = first.value + (target - first.value) * (latest.middle - first.middle).days / span
    if _meets(indicator, latest.value, expected):
        return done(
            "on_track", f"Senaste värdet ligger i linje med vägen mot {value_text(target, unit)}.", needed
        )
    return done(
        "behind",
        f"Senaste värdet ligger under vägen mot {value_text(target, unit)}: "
        f"väntat {value_text(expected, unit)} {periods.describe(latest.period)}.",
        needed,
    )


def all_progress(s: Any) -> list[Progress]:
    """Every indicator's progress, in the order of indikatorer.yaml."""
    return [assess(s, ind) for ind in (s["indikatorer"] or {}).get("indikatorer") or []]


def counts(progress: list[Progress]) -> dict[str, int]:
    """How many indicators have each status, in the order of STATUSES (zeros left out)."""
    found = {code: sum(1 for p in progress if p.status == code) for code in STATUSES}
    return {code: n for code, n in found.items() if n}
