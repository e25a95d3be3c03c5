"""The annual cycle: every recurring activity the strategy names, as occurrences and as a feed.

Activities come from data/strategy/arshjul.yaml. Three kinds follow from other data instead of
being written twice: the digital status updated every revideringsintervall_månader (strategi.yaml,
counted from what the channels' snapshots refer to),
the revised draft's presentation (strategi.yaml: presentation) and each channel section's next
review (the channel's `granskad` plus the revision interval). Each repeats within the strategy's
period (strategi.yaml: period), which also ends every recurrence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateutil import rrule as du  # type: ignore[import-untyped]

from strategi.content import ical, versions
from strategi.data import periods
from strategi.data.model import Strategy, channel_name, group_name, person_name, role_name
from strategi.data.text import one_line

WEEKDAY_NAMES = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
SOURCE = "arshjul"


@dataclass(frozen=True)
class Activity:
    """One recurring (or one-off) activity, with the rule that places it in the calendar."""

    id: str
    name: str
    source: str
    start: dt.date
    until: dt.date
    rule: dict[str, Any] | None = None  # iCalendar RRULE parts; None for a one-off
    last_day: dt.date | None = None  # a one-off that spans days (a whole month) ends here
    description: str = ""
    interpretation: str = ""
    who: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    derived_from: str = ""  # the data file an activity computed from other data comes from
    # The strategy gives no start: the rule is counted from the strategy period's first day, which
    # is the project's reading, not the strategy's words.
    start_interpreted: bool = False


def strategy_period(s: Strategy) -> tuple[dt.date, dt.date]:
    period = s["strategi"].get("period") or {}
    start = periods.bounds(str(period.get("från", s.today.year)))[0]
    end = periods.bounds(str(period.get("till", s.today.year)))[1]
    return start, end


def _rule(repeat: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = {"freq": repeat["frekvens_ical"]}
    if repeat.get("intervall"):
        rule["interval"] = int(repeat["intervall"])
    if repeat.get("veckodag"):
        rule["byday"] = [ical.WEEKDAYS[WEEKDAY_NAMES.index(repeat["veckodag"])]]
    if repeat.get("månader"):
        rule["bymonth"] = [int(m) for m in repeat["månader"]]
    if "vardag_i_månaden" in repeat:
        rule["byday"] = ical.WEEKDAYS[:5]
        rule["bysetpos"] = int(repeat["vardag_i_månaden"])
    return rule


_ICAL_FREQ = {"daglig": "DAILY", "veckovis": "WEEKLY", "månadsvis": "MONTHLY", "årlig": "YEARLY"}


def _dateutil(rule: dict[str, Any], start: dt.date, until: dt.date) -> du.rrule:
    freq = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}[rule["freq"]]
    days = [getattr(du, d) for d in rule.get("byday", [])] or None
    return du.rrule(
        freq,
        dtstart=dt.datetime.combine(start, dt.time()),
        until=dt.datetime.combine(until, dt.time()),
        interval=int(rule.get("interval", 1)),
        byweekday=days,
        bymonth=rule.get("bymonth"),
        bysetpos=rule.get("bysetpos"),
        bymonthday=rule.get("bymonthday"),
    )


def _first(rule: dict[str, Any], start: dt.date, until: dt.date) -> dt.date:
    """The first day on or after ``start`` that the rule gives (DTSTART must be an occurrence)."""
    first = _dateutil(rule, start, until).after(dt.datetime.combine(start, dt.time()), inc=True)
    return first.date() if first else start


def _names(s: Strategy, who: dict[str, Any]) -> list[str]:
    return [
        *(role_name(s, r) for r in who.get("roller") or []),
        *(group_name(s, g) for g in who.get("grupper") or []),
        *(person_name(s, p) for p in who.get("personer") or []),
    ]


def from_data(s: Strategy) -> list[Activity]:
    """The activities written in data/strategy/arshjul.yaml."""
    period_start, period_end = strategy_period(s)
    found = []
    for item in s[SOURCE].get("aktiviteter") or []:
        repeat = dict(item["upprepning"])
        repeat["frekvens_ical"] = _ICAL_FREQ[repeat["frekvens"]]
        start = periods.bounds(str(repeat["från"]))[0] if repeat.get("från") else period_start
        until = periods.bounds(str(repeat["till"]))[1] if repeat.get("till") else period_end
        rule = _rule(repeat)
        found.append(
            Activity(
                id=str(item["id"]),
                name=str(item["namn"]),
                source=str(item["källa"]),
                start=_first(rule, start, until),
                until=until,
                rule=rule,
                description=str(item.get("beskrivning", "")),
                interpretation=str(item.get("tolkning", "")),
                who=_names(s, item.get("ansvar") or {}),
                channels=[channel_name(s, c) for c in item.get("kanaler") or []],
                start_interpreted=not repeat.get("från"),
            )
        )
    return found


def derived(s: Strategy) -> list[Activity]:
    """Activities that follow from strategi.yaml and the channel files."""
    data = s["strategi"]
    _, period_end = strategy_period(s)
    months = s.revision_months
    found = []
    refers_to = versions.status_refers_to(s)
    if periods.valid(refers_to):
        start = periods.bounds(refers_to)[1] + dt.timedelta(days=1)
        found.append(
            Activity(
                id="nulage-uppdateras",
                name="Digitalt nuläge uppdateras",
                source=str(data.get("nuläge_text", "")),
                start=start,
                until=period_end,
                rule={"freq": "MONTHLY", "interval": months, "bymonthday": [start.day]},
                description=(
                    f"Var {months}:e månad, räknat från nuläget ({periods.describe(refers_to)}, "
                    "enligt kanalernas daterade nulägen)."
                ),
                derived_from=s.source("strategi"),
            )
        )
    presentation = data.get("presentation") or {}
    if presentation.get("när"):
        first, last = periods.bounds(str(presentation["när"]))
        found.append(
            Activity(
                id="reviderat-forslag",
                name=f"Reviderat förslag presenteras för {presentation.get('för', '')}".strip(),
                source=str(presentation.get("text", "")),
                start=first,
                until=last,
                last_day=last,
                who=[str(presentation["av"])] if presentation.get("av") else [],
                description="Strategin säger bara månaden; händelsen täcker hela månaden.",
                derived_from=s.source("strategi"),
            )
        )
    for channel in s.channels:
        if not channel.get("granskad") or not periods.valid(str(channel["granskad"])):
            continue
        reviewed_end = periods.bounds(str(channel["granskad"]))[1]
        due = periods.months_before(reviewed_end + dt.timedelta(days=1), -months) - dt.timedelta(days=1)
        found.append(
            Activity(
                id=f"granskning-{channel['id']}",
                name=f"Kanalavsnittet {channel.get('namn', channel['id'])} ska vara granskat",
                source=str(data.get("nuläge_text", "")),
                start=due,
                until=due,
                description=(
                    f"Senast granskat {periods.describe(str(channel['granskad']))}; nästa granskning "
                    f"{months} månader senare."
                ),
                channels=[str(channel.get("namn", channel["id"]))],
                derived_from=s.channel_file(channel["id"]),
            )
        )
    return found


def activities(s: Strategy) -> list[Activity]:
    return [*from_data(s), *derived(s)]


def occurrences(activity: Activity, first: dt.date, last: dt.date) -> list[dt.date]:
    """The days in [first, last] on which the activity starts (a spanning one-off: its first day)."""
    if activity.rule is None:
        return [activity.start] if first <= activity.start <= last else []
    dates = _dateutil(activity.rule, activity.start, activity.until).between(
        dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True
    )
    return [d.date() for d in dates]


def describe_rule(activity: Activity) -> str:
    """How often, in Swedish words: 'varje månad, första vardagen', 'var 28:e dag'."""
    rule = activity.rule
    if rule is None:
        if activity.last_day and activity.last_day != activity.start:
            return f"en gång, {periods.describe(activity.start.isoformat()[:7])}"
        return f"en gång, {periods.describe(activity.start.isoformat())}"
    interval = int(rule.get("interval", 1))
    position = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte", -1: "sista"}
    if rule["freq"] == "DAILY":
        return f"var {interval}:e dag" if interval > 1 else "varje dag"
    if rule["freq"] == "WEEKLY":
        day = WEEKDAY_NAMES[ical.WEEKDAYS.index(rule["byday"][0])]
        return f"varje vecka, {day}"
    if rule["freq"] == "MONTHLY":
        if "bysetpos" in rule:
            return f"varje månad, {position[int(rule['bysetpos'])]} vardagen"
        return f"var {interval}:e månad, den {rule['bymonthday'][0]}:a"
    months = ", ".join(periods.MONTHS[m - 1] for m in rule.get("bymonth", []))
    return f"varje år i {months}, {position[int(rule.get('bysetpos', 1))]} vardagen"


def _ical_rule(activity: Activity) -> dict[str, Any] | None:
    if activity.rule is None:
        return None
    rule = dict(activity.rule)
    rule["until"] = activity.until
    return rule


def event_text(activity: Activity) -> str:
    """The event's description in the calendar: what, who, where, the strategy's words."""
    lines = [activity.description] if activity.description else []
    lines.append(f"Hur ofta: {describe_rule(activity)}.")
    if activity.who:
        lines.append(f"Vem: {', '.join(activity.who)}.")
    if activity.channels:
        lines.append(f"Kanaler: {', '.join(activity.channels)}.")
    lines.append(f"Det står i strategin: ”{one_line(activity.source)}”")
    if activity.interpretation:
        lines.append(f"Tolkning: {one_line(activity.interpretation)}")
    if activity.derived_from:
        lines.append(f"Framräknat ur {activity.derived_from}.")
    return "\n".join(lines)


def feed(s: Strategy, domain: str) -> bytes:
    """arshjul.ics: one all-day event per activity, recurring by its rule until the period ends."""
    title = s["strategi"].get("titel", "Digital strategi")
    cal = ical.calendar(
        f"Årshjul – {title}",
        f"Återkommande aktiviteter enligt {title}, {s['strategi'].get('organisation', '')}.",
    )
    for activity in activities(s):
        cal.add_component(
            ical.all_day(
                ical.uid(SOURCE, activity.id, domain),
                activity.name,
                event_text(activity),
                today=s.today,
                start=activity.start,
                end=activity.last_day,
                rrule=_ical_rule(activity),
            )
        )
    return ical.to_bytes(cal)
