"""Swedish public holidays, worked out in code: fixed dates, Easter-based ones, Midsummer and All Saints."""

from __future__ import annotations

import datetime as dt

import pytest

from strategi.content import holidays


@pytest.mark.parametrize(
    ("year", "easter_sunday"),
    [
        (2020, dt.date(2020, 4, 12)),
        (2021, dt.date(2021, 4, 4)),
        (2022, dt.date(2022, 4, 17)),
        (2025, dt.date(2025, 4, 20)),
        (2026, dt.date(2026, 4, 5)),
    ],
)
def test_easter_based_holidays_follow_easter_sunday(year: int, easter_sunday: dt.date) -> None:
    """Långfredagen is two days before Easter Sunday, annandag påsk the day after, Kristi
    himmelsfärd 39 days after and pingstdagen 49 days after (Easter dates from the almanac)."""
    days = {name: day for day, name in holidays.holidays(year).items()}
    assert days["påskdagen"] == easter_sunday
    assert days["långfredagen"] == easter_sunday - dt.timedelta(days=2)
    assert days["annandag påsk"] == easter_sunday + dt.timedelta(days=1)
    assert days["Kristi himmelsfärdsdag"] == easter_sunday + dt.timedelta(days=39)
    assert days["Kristi himmelsfärdsdag"].weekday() == 3
    assert days["pingstdagen"] == easter_sunday + dt.timedelta(days=49)


def test_the_holidays_of_2022_as_the_almanac_lists_them() -> None:
    """2022: the thirteen public holidays and the three eves, on the almanac's dates."""
    assert holidays.holidays(2022) == {
        dt.date(2022, 1, 1): "nyårsdagen",
        dt.date(2022, 1, 6): "trettondedag jul",
        dt.date(2022, 4, 15): "långfredagen",
        dt.date(2022, 4, 17): "påskdagen",
        dt.date(2022, 4, 18): "annandag påsk",
        dt.date(2022, 5, 1): "första maj",
        dt.date(2022, 5, 26): "Kristi himmelsfärdsdag",
        dt.date(2022, 6, 5): "pingstdagen",
        dt.date(2022, 6, 6): "Sveriges nationaldag",
        dt.date(2022, 6, 24): "midsommarafton",
        dt.date(2022, 6, 25): "midsommardagen",
        dt.date(2022, 11, 5): "alla helgons dag",
        dt.date(2022, 12, 24): "julafton",
        dt.date(2022, 12, 25): "juldagen",
        dt.date(2022, 12, 26): "annandag jul",
        dt.date(2022, 12, 31): "nyårsafton",
    }


@pytest.mark.parametrize("year", range(2019, 2031))
def test_midsummer_and_all_saints_are_saturdays_in_their_weeks(year: int) -> None:
    """Midsommardagen is the Saturday 20–26 June (its eve the Friday before), alla helgons dag the
    Saturday 31 October – 6 November."""
    days = {name: day for day, name in holidays.holidays(year).items()}
    assert days["midsommardagen"].weekday() == 5
    assert dt.date(year, 6, 20) <= days["midsommardagen"] <= dt.date(year, 6, 26)
    assert days["midsommarafton"] == days["midsommardagen"] - dt.timedelta(days=1)
    assert days["alla helgons dag"].weekday() == 5
    assert dt.date(year, 10, 31) <= days["alla helgons dag"] <= dt.date(year, 11, 6)


def test_day_off_names_weekends_and_holidays_and_nothing_else() -> None:
    """A Saturday says 'lördag', a holiday its name, a Sunday holiday both; a plain Tuesday nothing."""
    assert holidays.day_off(dt.date(2022, 1, 1)) == "lördag, nyårsdagen"
    assert holidays.day_off(dt.date(2022, 1, 6)) == "trettondedag jul"
    assert holidays.day_off(dt.date(2022, 1, 9)) == "söndag"
    assert holidays.day_off(dt.date(2022, 1, 11)) == ""
