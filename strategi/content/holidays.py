"""Swedish public holidays (allmänna helgdagar, lag 1989:253) and the eves treated as holidays.

Fixed dates and the ones that follow Easter (Gregorian Easter, dateutil's algorithm); Midsummer
and All Saints' Day are the Saturday in their week of dates. The eves (midsommarafton, julafton,
nyårsafton) are not public holidays by law but days off in practice (semesterlagen counts them
as Sundays), so an activity that falls on one is flagged as well.
"""

from __future__ import annotations

import datetime as dt
import functools

from dateutil.easter import easter  # type: ignore[import-untyped]

SATURDAY = 5


def _saturday_from(day: dt.date) -> dt.date:
    """The first Saturday on or after ``day``."""
    return day + dt.timedelta(days=(SATURDAY - day.weekday()) % 7)


@functools.lru_cache(maxsize=64)
def holidays(year: int) -> dict[dt.date, str]:
    """Every public holiday and holiday eve of a year, date -> Swedish name."""
    sunday = easter(year)
    midsummer = _saturday_from(dt.date(year, 6, 20))
    days = {
        dt.date(year, 1, 1): "nyårsdagen",
        dt.date(year, 1, 6): "trettondedag jul",
        sunday - dt.timedelta(days=2): "långfredagen",
        sunday: "påskdagen",
        sunday + dt.timedelta(days=1): "annandag påsk",
        dt.date(year, 5, 1): "första maj",
        sunday + dt.timedelta(days=39): "Kristi himmelsfärdsdag",
        sunday + dt.timedelta(days=49): "pingstdagen",
        dt.date(year, 6, 6): "Sveriges nationaldag",
        midsummer - dt.timedelta(days=1): "midsommarafton",
        midsummer: "midsommardagen",
        _saturday_from(dt.date(year, 10, 31)): "alla helgons dag",
        dt.date(year, 12, 24): "julafton",
        dt.date(year, 12, 25): "juldagen",
        dt.date(year, 12, 26): "annandag jul",
        dt.date(year, 12, 31): "nyårsafton",
    }
    return dict(sorted(days.items()))


WEEKEND = {5: "lördag", 6: "söndag"}


def day_off(day: dt.date) -> str:
    """Why a day is not a working day ('lördag', 'nyårsdagen', 'söndag, pingstdagen'), or ''."""
    reasons = [WEEKEND.get(day.weekday(), ""), holidays(day.year).get(day, "")]
    return ", ".join(r for r in reasons if r)
