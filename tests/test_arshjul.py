"""The annual cycle: data/strategy/arshjul.yaml and the feed arshjul.ics built from it.

The feed is parsed with icalendar and its recurrences expanded with recurring-ical-events, and
the dates are compared with dates worked out by hand from the strategy's words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from strategi.content import annual_cycle
from strategi.data import model
from strategi.views import VIEWS
from tests.conftest import run_cli

DOMAIN = "strategi.intranat.regionorebrolan.se"


@pytest.fixture(scope="module")
def feed(strategy: model.Strategy) -> bytes:
    return annual_cycle.feed(strategy, DOMAIN)


@pytest.fixture(scope="module")
def calendar(feed: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(feed)


def _days(cal: icalendar.Calendar, uid: str, first: dt.date, last: dt.date) -> list[dt.date]:
    events = recurring_ical_events.of(cal).between(first, last + dt.timedelta(days=1))
    return sorted(e["DTSTART"].dt for e in events if str(e["UID"]) == uid)


def _uid(ident: str) -> str:
    return f"arshjul-{ident}@{DOMAIN}"


def test_feed_names_its_product_and_asks_for_a_daily_refresh(calendar: icalendar.Calendar) -> None:
    """PRODID names the region and the project; REFRESH-INTERVAL and X-PUBLISHED-TTL are one day."""
    assert str(calendar["PRODID"]) == "-//Region Örebro län//Digital strategi som kod//SV"
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(days=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "P1D"
    assert str(calendar["X-WR-CALNAME"]) == "Årshjul – Digital strategi"


def test_every_uid_is_unique_and_comes_from_a_data_id(calendar: icalendar.Calendar) -> None:
    """Each event's UID is 'arshjul-<id>@<host>' and no two events share one."""
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert _uid("nyhetsmote") in uids
    assert _uid("manadsuppfoljning") in uids
    assert _uid("granskning-facebook") in uids
    assert all(u.startswith("arshjul-") and u.endswith("@" + DOMAIN) for u in uids)


def test_dtstamp_is_the_build_date_and_output_is_reproducible(strategy: model.Strategy, feed: bytes) -> None:
    """Every DTSTAMP is the build date (STRATEGI_IDAG) at 00:00 UTC, and building twice gives the same bytes."""
    assert feed.count(b"DTSTAMP:20261129T000000Z") == feed.count(b"BEGIN:VEVENT")
    assert b"DTSTAMP:" in feed
    assert annual_cycle.feed(strategy, DOMAIN) == feed


def test_lines_end_in_crlf(feed: bytes) -> None:
    """RFC 5545: every line ends in CRLF, and no bare LF is left."""
    assert feed.endswith(b"\r\n")
    assert feed.count(b"\n") == feed.count(b"\r\n")


def test_events_are_all_day_and_swedish(calendar: icalendar.Calendar) -> None:
    """Every event starts on a date (not a time) and carries the strategy's Swedish words."""
    events = list(calendar.walk("VEVENT"))
    assert all(type(e["DTSTART"].dt) is dt.date for e in events)
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Månadsuppföljning av kanalerna" in summaries
    assert "Medieanalys helår" in summaries
    nyhetsmote = next(e for e in events if str(e["UID"]) == _uid("nyhetsmote"))
    assert "Varje vecka finns ett nyhetsmöte" in str(nyhetsmote["DESCRIPTION"])
    assert "Tolkning: Strategin säger varje vecka men ingen veckodag; här måndag." in str(
        nyhetsmote["DESCRIPTION"]
    )


def test_monthly_follow_up_falls_on_the_first_weekday(calendar: icalendar.Calendar) -> None:
    """'Varje månadsskifte' read as the month's first weekday: 2021's twelve dates, worked out by hand."""
    expected = [
        dt.date(2021, 1, 1),  # a Friday
        dt.date(2021, 2, 1),
        dt.date(2021, 3, 1),
        dt.date(2021, 4, 1),
        dt.date(2021, 5, 3),  # 1 May 2021 was a Saturday
        dt.date(2021, 6, 1),
        dt.date(2021, 7, 1),
        dt.date(2021, 8, 2),  # 1 August 2021 was a Sunday
        dt.date(2021, 9, 1),
        dt.date(2021, 10, 1),
        dt.date(2021, 11, 1),
        dt.date(2021, 12, 1),
    ]
    assert _days(calendar, _uid("manadsuppfoljning"), dt.date(2021, 1, 1), dt.date(2021, 12, 31)) == expected


# Event id, the span looked at, and the days in it, worked out by hand from the strategy's words.
RECURRENCES = {
    "statistics-every-28-days-from-1-january-2020": (
        "statistikcykel-28-dagar",
        "2020-01-01 2020-04-30",
        "2020-01-01 2020-01-29 2020-02-26 2020-03-25 2020-04-22",
    ),
    "editor-groups-monthly-from-autumn-2020": (
        "mote-redaktorsgrupp-webb",
        "2020-01-01 2020-09-30",
        "2020-07-01 2020-08-03 2020-09-01",
    ),
    "status-each-half-year-until-2022": (
        "nulage-uppdateras",
        "2020-01-01 2024-12-31",
        "2020-07-01 2021-01-01 2021-07-01 2022-01-01 2022-07-01",
    ),
}


@pytest.mark.parametrize(("ident", "span", "expected"), RECURRENCES.values(), ids=RECURRENCES.keys())
def test_recurring_events_fall_on_the_days_worked_out_by_hand(
    calendar: icalendar.Calendar, ident: str, span: str, expected: str
) -> None:
    """The 28-day cycles of Facebook and Linkedin count from the period's first day (1 January 2020);
    the editor groups start in autumn 2020 (no meeting before July 2020), then meet on the first
    weekday of each month; the status is updated 'vid årsskifte och halvårsskifte' (1 July and
    1 January) from the status of spring 2020 to the end of 2022 ('sträcker sig till 2022'), never after."""
    first, last = (dt.date.fromisoformat(day) for day in span.split())
    assert _days(calendar, _uid(ident), first, last) == [
        dt.date.fromisoformat(day) for day in expected.split()
    ]


def test_yearly_media_analysis_and_weekly_meeting(calendar: icalendar.Calendar) -> None:
    """Medieanalys helår once a year (first weekday of January); the news meeting every Monday."""
    yearly = _days(calendar, _uid("medieanalys-helar"), dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert yearly == [dt.date(2020, 1, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 3)]
    weekly = _days(calendar, _uid("nyhetsmote"), dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert weekly == [dt.date(2021, 3, d) for d in (1, 8, 15, 22, 29)]


def test_the_revised_draft_covers_november_2020(calendar: icalendar.Calendar) -> None:
    """'att i november presentera ett reviderat förslag': one event over the whole of November 2020."""
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == _uid("reviderat-forslag"))
    assert event["DTSTART"].dt == dt.date(2020, 11, 1)
    assert event["DTEND"].dt == dt.date(2020, 12, 1)
    assert "RRULE" not in event


def test_channel_reviews_follow_from_granskad(calendar: icalendar.Calendar) -> None:
    """A channel reviewed in spring 2020 is due again six months later, on 31 December 2020."""
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == _uid("granskning-facebook"))
    assert event["DTSTART"].dt == dt.date(2020, 12, 31)


def test_a_weekly_activity_without_its_weekday_is_an_error(project: Path) -> None:
    """Removing the news meeting's 'veckodag' makes `validera` say, on the 'frekvens' line, that a
    weekly activity needs a weekday (exit 1)."""
    target = project / "data/strategy/arshjul.yaml"
    text = target.read_text(encoding="utf-8")
    start = text.index("  - id: nyhetsmote")
    text = text[:start] + text[start:].replace("      veckodag: måndag\n", "", 1)
    target.write_text(text, encoding="utf-8")
    line = text[: text.index("frekvens: veckovis", start)].count("\n") + 1
    result = run_cli("validera", cwd=project)
    assert result.returncode == 1
    assert (
        f"data/strategy/arshjul.yaml:{line}:17: en aktivitet med frekvens 'veckovis' behöver 'veckodag': "
        "en veckodag, till exempel 'måndag'"
    ) in result.stdout.splitlines()


def test_a_start_the_strategy_does_not_give_is_never_stated_as_a_fact(strategy: model.Strategy) -> None:
    """An activity without 'från' starts from the strategy period only by the project's reading
    (start_interpreted); the page never states such a computed first day as a fact, and where it
    states a first day at all it marks the reading."""
    items = {str(i["id"]): i for i in strategy["arshjul"].get("aktiviteter") or []}
    page = VIEWS["arshjul"](strategy)
    for activity in annual_cycle.from_data(strategy):
        assert activity.start_interpreted == (not items[activity.id]["upprepning"].get("från"))
        section = page[page.index(f"{{#{activity.id}}}") :].split("\n### ")[0]
        if activity.start_interpreted and "Första gången" in section:
            assert "(tolkning: strategin anger ingen start" in section, activity.id
