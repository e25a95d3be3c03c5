"""iCalendar feeds built with the icalendar library: one calendar shape for every feed.

Output is reproducible: DTSTAMP is the build date (periods.today(), STRATEGI_IDAG in tests) at
midnight UTC, UIDs come from data ids, and events keep the order they are given in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

PRODID = "-//Region Örebro län//Digital strategi som kod//SV"
TIMEZONE = "Europe/Stockholm"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
REFRESH = dt.timedelta(days=1)


def stamp(today: dt.date) -> dt.datetime:
    """DTSTAMP of every event: the build date at 00:00 UTC."""
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)


def uid(kind: str, ident: str, domain: str) -> str:
    """A UID that stays the same as long as the data id does: 'arshjul-nyhetsmote@host'."""
    return f"{kind}-{ident}@{domain}"


def calendar(name: str, description: str, *, with_timezone: bool = False) -> Calendar:
    """An empty calendar that asks subscribers to refresh once a day."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")  # the same day, for Outlook
    if with_timezone:
        cal.add_component(_stockholm())
    return cal


def _stockholm() -> Timezone:
    """Europe/Stockholm with the EU summer-time rule (compact, not a list of every change)."""
    tz = Timezone()
    tz.add("tzid", TIMEZONE)
    summer = TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("tzname", "CEST")
    winter = TimezoneStandard()
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("tzname", "CET")
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def all_day(
    ident: str,
    summary: str,
    description: str,
    *,
    today: dt.date,
    start: dt.date,
    end: dt.date | None = None,
    rrule: dict[str, Any] | None = None,
) -> Event:
    """An all-day event (``end`` is the last day it covers, inclusive) that may recur."""
    event = Event()
    event.add("uid", ident)
    event.add("dtstamp", stamp(today))
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", (end or start) + dt.timedelta(days=1))
    if rrule:
        event.add("rrule", rrule)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def timed(
    ident: str, summary: str, description: str, *, today: dt.date, start: dt.datetime, status: str
) -> Event:
    """A moment in Stockholm time (a planned post): no duration, so it blocks no time."""
    event = Event()
    event.add("uid", ident)
    event.add("dtstamp", stamp(today))
    event.add("summary", summary)
    event.add("dtstart", start.replace(tzinfo=ZoneInfo(TIMEZONE)))
    event.add("description", description)
    event.add("status", status)
    event.add("transp", "TRANSPARENT")
    return event


def to_bytes(cal: Calendar) -> bytes:
    """The feed as RFC 5545 text: UTF-8, CRLF line ends, long lines folded."""
    return bytes(cal.to_ical())
