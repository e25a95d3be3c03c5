"""The publishing plan read from the strategy: items by month, week and channel, and its feeds.

The checks against the channel cards live in strategi.data.rules.plan (they run in `validera`); this
module only reads plans that passed them, for the pages, the feeds and the `plan` command.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from strategi.content import ical
from strategi.data import periods
from strategi.data.model import Strategy, channel_name, person_name
from strategi.data.problems import Problem, UserError, sort_problems
from strategi.data.rules import plan as plan_rules
from strategi.data.rules.plan import week_label

STATUS = {"planerad": "CONFIRMED", "publicerad": "CONFIRMED", "inställd": "CANCELLED"}
STATUS_WORDS = {"planerad": "Planerad", "publicerad": "Publicerad", "inställd": "Inställd"}
_WEEK = re.compile(r"^([0-9]{4})-[Vv]([0-9]{2})$")
ALL = "alla"


class BadWeek(UserError, ValueError):
    """A week that is not written ÅÅÅÅ-Vnn or does not exist (Swedish, exit 2)."""

    code = 2


@dataclass(frozen=True)
class Post:
    """One planned item of a plan that passed every check."""

    month: str
    data: dict[str, Any]
    file: str

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(str(self.data["datum"]))

    @property
    def channel(self) -> str:
        return str(self.data["kanal"])

    @property
    def time(self) -> str:
        return str(self.data.get("tid", ""))


def posts(s: Strategy) -> list[Post]:
    """Every planned item, in date and time order."""
    found = [
        Post(str(plan["månad"]), item, s.source(f"plan:{plan['månad']}"))
        for plan in s.plans
        for item in plan.get("poster") or []
    ]
    return sorted(found, key=lambda p: (p.day, p.time, p.channel, str(p.data["id"])))


def months(s: Strategy) -> list[str]:
    return [str(plan["månad"]) for plan in s.plans]


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of 'ÅÅÅÅ-Vnn'; ValueError with a Swedish message if it is no such week."""
    match = _WEEK.match(text.strip())
    if not match:
        raise BadWeek(f"veckan ska skrivas ÅÅÅÅ-Vnn, till exempel 2026-V49, inte '{text}'")
    try:
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise BadWeek(f"vecka {match.group(2)} finns inte år {match.group(1)}") from None
    return monday, monday + dt.timedelta(days=6)


def week_of(day: dt.date) -> str:
    return week_label(day)


def warnings_between(s: Strategy, first: dt.date, last: dt.date) -> list[Problem]:
    """The plan warnings about items or weeks that overlap [first, last], in file order."""
    found = [p for p, a, b in plan_rules.warnings(s.documents) if a <= last and b >= first]
    return sort_problems(found)


def summary(s: Strategy, post: Post) -> str:
    """The calendar title of an item: 'Facebook: Julhälsning'."""
    title = f"{channel_name(s, post.channel)}: {post.data['titel']}"
    return f"INSTÄLLD – {title}" if post.data.get("status") == "inställd" else title


def description(s: Strategy, post: Post, type_names: dict[str, str]) -> str:
    kind = str(post.data["materialtyp"])
    light = (s.channel(post.channel).get("materialtyper") or {}).get(kind, "")
    lines = [
        f"Kanal: {channel_name(s, post.channel)}",
        f"Materialtyp: {type_names.get(kind, kind)}" + (f" ({light})" if light else ""),
        f"Ansvarig: {person_name(s, str(post.data['ansvarig']))}",
        f"Status: {STATUS_WORDS.get(str(post.data['status']), post.data['status'])}",
    ]
    if post.data.get("mål"):
        lines.append(f"Mål: {', '.join(str(g) for g in post.data['mål'])}")
    if post.data.get("personas"):
        lines.append(f"Personas: {', '.join(str(p) for p in post.data['personas'])}")
    lines.append(f"Källa: {post.file}")
    return "\n".join(lines)


def type_names(s: Strategy) -> dict[str, str]:
    return {str(t["id"]): str(t.get("namn", t["id"])) for t in s["materialtyper"].get("typer") or []}


def feed(s: Strategy, channel_id: str, domain: str) -> bytes:
    """The plan as a feed: one channel's items, or every channel's with channel_id 'alla'."""
    name = "alla kanaler" if channel_id == ALL else channel_name(s, channel_id)
    cal = ical.calendar(
        f"Publiceringsplan – {name}",
        f"Planerade publiceringar i {name}, ur {s['strategi'].get('titel', 'strategin')}.",
        with_timezone=True,
    )
    names = type_names(s)
    for post in posts(s):
        if channel_id not in (ALL, post.channel):
            continue
        ident = ical.uid("plan", f"{post.month}-{post.data['id']}", domain)
        text = description(s, post, names)
        if post.time:
            hours, minutes = post.time.split(":")
            start = dt.datetime.combine(post.day, dt.time(int(hours), int(minutes)))
            event = ical.timed(
                ident,
                summary(s, post),
                text,
                today=s.today,
                start=start,
                status=STATUS[str(post.data["status"])],
            )
        else:
            event = ical.all_day(ident, summary(s, post), text, today=s.today, start=post.day)
            event.add("status", STATUS[str(post.data["status"])])
        cal.add_component(event)
    return ical.to_bytes(cal)


def feed_names(s: Strategy) -> list[str]:
    """'alla' and every channel id: the feeds plan/<name>.ics of the site."""
    return [ALL, *(str(c["id"]) for c in s.channels)]


def week_text(s: Strategy, label: str) -> str:
    """What is planned per channel in one week, and every plan warning for it, in Swedish."""
    first, last = parse_week(label)
    names = type_names(s)
    span = f"{first.day} {periods.MONTHS[first.month - 1]}–{last.day} {periods.MONTHS[last.month - 1]} {last.year}"
    lines = [f"Publiceringsplan vecka {week_label(first)} ({span})", ""]
    week_posts = [p for p in posts(s) if first <= p.day <= last]
    for channel in s.channels:
        own = [p for p in week_posts if p.channel == channel["id"]]
        rule = ((channel.get("publiceringsregler") or {}).get("frekvens") or {}).get("text")
        lines.append(f"{channel_name(s, channel['id'])}" + (f" ({rule})" if rule else ""))
        if not own:
            lines.append("  Inget planerat.")
        for post in own:
            day = post.day
            when = f"{periods.WEEKDAYS_SHORT[day.weekday()]} {day.day}/{day.month}" + (
                f" kl. {post.time}" if post.time else ""
            )
            kind = str(post.data["materialtyp"])
            status = STATUS_WORDS.get(str(post.data["status"]), str(post.data["status"])).lower()
            lines.append(
                f"  {when}: {post.data['titel']} – {names.get(kind, kind)}, "
                f"{person_name(s, str(post.data['ansvarig']))}, {status}"
            )
    warnings = warnings_between(s, first, last)
    lines.append("")
    if warnings:
        lines.append(f"Varningar mot strategin ({len(warnings)}):")
        lines += [f"  {w.file}:{w.line}:{w.column}: {w.message}" for w in warnings]
    else:
        lines.append("Inga varningar mot strategin den här veckan.")
    return "\n".join(lines) + "\n"
