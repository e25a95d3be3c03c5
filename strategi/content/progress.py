"""Progress of each indicator: its values over time, baseline, target and a status in words.

Values come from two places and no figure is typed twice: the figures in each channel's
digital status (``nuläge`` snapshots, via the indicator's ``nuläge_mätvärde``) and the rows
in data/matvarden/. The status rule is written out in STATUS_RULE, which the site shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from strategi.content import figures
from strategi.data import periods

# Status codes, their words, and a sign that carries the status without colour. Only a measured
# value can miss a target: an indicator nobody has measured is "Ingen mätning", never a verdict.
STATUSES: dict[str, tuple[str, str]] = {
    "achieved": ("Målet nått", "✓"),
    "on_track": ("I fas", "↗"),
    "behind": ("Efter plan", "!"),
    "too_early": ("För tidigt att säga", "?"),
    "stale": ("Gammalt mätvärde", "–"),
    "unmeasured": ("Ingen mätning", "∅"),
    "passed": ("Måldatum passerat", "✕"),
    "no_target": ("Följs utan mål", "○"),
}
# The statuses that say a measured value missed the way to its target (shown in red); every other
# status is a fact about the measuring, not a verdict.
MISSED = frozenset({"behind", "passed"})
# What the start page, Uppföljning and the ny-version checklist call the indicators still followed
# whose latest value is missing or old (awaiting_value), in the same words everywhere.
AWAITING_WORDS = "väntar på ett färskt mätvärde"

STATUS_RULE = [
    "Utgångsvärdet är indikatorns första mätvärde; nulägets siffror i kanalerna räknas som mätvärden.",
    "Målnivån är antingen ett värde eller en förändring i procent från utgångsvärdet.",
    "Ingen mätning: det finns inget mätvärde att jämföra med målet, varken något alls eller, när "
    "måldatumet har gått ut, något efter utgångsvärdet. Det är ingen bedömning: måldatumet står "
    "som ett faktum bredvid.",
    "Måldatum passerat: måldatumet har gått ut, det finns mätvärden efter utgångsvärdet, och inget "
    "mätvärde fram till måldatumet når målnivån. Bara den här statusen och Efter plan visas i rött, "
    "för ett uppmätt värde som inte nådde målet. Når ett värde fram till måldatumet målnivån är "
    "statusen Målet nått.",
    "Gammalt mätvärde: det senaste mätvärdet gäller en period som slutade mer än ett "
    "uppföljningsintervall plus en månad före i dag (en månad för att föra in statistiken). "
    "Gamla värden visas aldrig som I fas.",
    "För tidigt att säga: bara utgångsvärdet finns.",
    "Målet nått: det senaste färska mätvärdet når målnivån.",
    "Saknar målet måldatum gäller det varje månad: ett färskt värde som inte når målnivån är Efter plan.",
    "I fas eller Efter plan: med måldatum jämförs det senaste värdet med en rak linje från "
    "utgångsvärdet till målnivån vid måldatumet.",
    "Följs utan mål: mätetal som strategin följer upp men inte har satt något mål för.",
    "Ett ungefärligt värde visas med strategins ord (”ca”, ”lite drygt”), ett värde med en "
    "motsägelse i källan med frågan bredvid, och två värden som motsäger varandra aldrig som en "
    "utveckling.",
]

INTERVAL_MONTHS = {"vecka": 1, "månad": 1, "år": 12}


@dataclass(frozen=True)
class Point:
    """One value of an indicator for one period."""

    period: str
    value: float
    source: str
    note: str = ""
    derived: bool = False
    word: str = ""  # the strategy's word before a rounded figure ('ca', 'lite drygt')
    dating: str = ""  # how a snapshot's time was found ('härledd', 'senast'), '' when the strategy gives it
    # The snapshot's questions saying this figure contradicts another one: never part of a trend.
    disputed: tuple[dict[str, Any], ...] = ()

    def text(self, unit: str) -> str:
        """The value with its words and unit: 'lite drygt 17 000', '6 s'."""
        return figures.shown(self.value, unit, self.word)

    @property
    def when(self) -> str:
        """The period in words, saying how it was dated: 'senast 19 januari 2021'."""
        return figures.when_dated(self.period, self.dating)

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
    def disputed(self) -> list[dict[str, Any]]:
        """The questions saying some of the values contradict each other (then no trend is shown)."""
        return [flag for p in self.points for flag in p.disputed]

    @property
    def words(self) -> str:
        return STATUSES[self.status][0]

    @property
    def sign(self) -> str:
        return STATUSES[self.status][1]


def value_text(value: float | None, unit: str) -> str:
    """A computed value (a target, a pace) in its unit, Swedish style: '10 000', '7 %', '6 s'.
    A measured value is shown by Point.text, which keeps the strategy's words."""
    return figures.shown(None if value is None else figures.rounded(value), unit)


def points(s: Any, indicator: dict[str, Any]) -> list[Point]:
    """Every value of an indicator, oldest first; one per period (an entered row wins over nuläge)."""
    by_period: dict[str, Point] = {}
    key = indicator.get("nuläge_mätvärde")
    if key:
        for channel in s.channels:
            if channel["id"] not in indicator["kanaler"]:
                continue
            for snap in channel.get("nuläge") or []:
                values = snap.get("mätvärden") or {}
                if snap.get("obekräftad") or not isinstance(values.get(key), int | float):
                    continue
                source = f"{channel['namn']}, digitalt nuläge: {snap.get('källa') or periods.describe(snap['datum'])}"
                point = Point(
                    snap["datum"],
                    values[key],
                    source,
                    derived=True,
                    word=figures.qualifier(snap, key),
                    dating=str(snap.get("datering") or ""),
                    disputed=figures.contradictions(snap),
                )
                by_period.setdefault(snap["datum"], point)
    for row in s.measurements:
        if row["indikator"] == indicator["id"]:
            by_period[row["period"]] = Point(row["period"], row["värde"], row["källa"], row.get("not", ""))
    return sorted(by_period.values(), key=lambda p: (p.middle, p.end))


def target_value(indicator: dict[str, Any], baseline: Point | None) -> float | None:
    level = indicator.get("målnivå") or {}
    if "värde" in level:
        return float(level["värde"])
    if "förändring_procent" in level and baseline is not None:
        sign = -1 if indicator.get("riktning") == "minska" else 1
        return float(baseline.value * (1 + sign * float(level["förändring_procent"]) / 100))
    return None


def _meets(indicator: dict[str, Any], value: float, target: float) -> bool:
    return value <= target if indicator.get("riktning") == "minska" else value >= target


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
        said = f"Senaste värdet: {latest.text(unit)} ({latest.when})." if latest else "Inga mätvärden ännu."
        return done("no_target", said)
    if deadline and periods.bounds(deadline)[1] < s.today:
        until = [p for p in pts if p.end <= periods.bounds(deadline)[1]]
        hit = [p for p in until if target is not None and _meets(indicator, p.value, target)]
        if hit:
            return done("achieved", f"Målnivån nåddes {periods.describe(hit[0].period)}.")
        if len(pts) < 2:
            measured = (
                "Bara utgångsvärdet finns, inget mätvärde efter det" if pts else "Inget mätvärde har förts in"
            )
            return done("unmeasured", f"{measured}. Måldatumet var {periods.describe(deadline)}.")
        return done(
            "passed",
            f"Måldatumet, {periods.describe(deadline)}, har gått ut och inget mätvärde fram till dess når målnivån.",
        )
    if not pts:
        when = f" Måldatumet är {periods.describe(deadline)}." if deadline else ""
        return done("unmeasured", f"Inget mätvärde har förts in ännu.{when}")
    latest = pts[-1]
    if not is_fresh(latest, s.today, interval_months(s)):
        return done(
            "stale",
            f"Senaste mätvärdet gäller {latest.when}, äldre än uppföljningsintervallet.",
        )
    if target is None:  # only a malformed target level gets here; the schema allows none
        return done("too_early", "Målnivån kan inte räknas ut.")
    if _meets(indicator, latest.value, target):
        return done("achieved", f"Senaste värdet, {latest.text(unit)}, når målnivån.")
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


def awaiting_value(s: Any, progress: list[Progress] | None = None) -> list[Progress]:
    """Indicators still followed (no deadline, or one not yet passed) whose latest value is missing
    or not fresh: what the start page, Uppföljning and the ny-version checklist count alike."""
    interval = interval_months(s)
    found = []
    for p in all_progress(s) if progress is None else progress:
        deadline = p.indicator.get("senast")
        if deadline and periods.bounds(deadline)[1] < s.today:
            continue
        if p.latest is None or not is_fresh(p.latest, s.today, interval):
            found.append(p)
    return found


def counts(progress: list[Progress]) -> dict[str, int]:
    """How many indicators have each status, in the order of STATUSES (zeros left out)."""
    found = {code: sum(1 for p in progress if p.status == code) for code in STATUSES}
    return {code: n for code, n in found.items() if n}
