"""Tidpunkter map to their first and last day, and staleness follows the half-year cadence."""

from __future__ import annotations

import datetime as dt

import pytest

from strategi.data import periods


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2020-h1", dt.date(2020, 1, 1), dt.date(2020, 6, 30)),
        ("2020-h2", dt.date(2020, 7, 1), dt.date(2020, 12, 31)),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2021-01-19", dt.date(2021, 1, 19), dt.date(2021, 1, 19)),
    ],
)
def test_bounds(value: str, first: dt.date, last: dt.date) -> None:
    """Each form of tidpunkt covers exactly its year, half-year, month or day."""
    assert periods.bounds(value) == (first, last)


def test_invalid_day_is_not_valid() -> None:
    """A date that does not exist (30 February) is not a valid tidpunkt."""
    assert not periods.valid("2020-02-30")
    assert periods.valid("2020-02-29")


def test_months_before_clamps_to_month_end() -> None:
    """Six months before 31 August is the last day of February."""
    assert periods.months_before(dt.date(2021, 8, 31), 6) == dt.date(2021, 2, 28)


def test_staleness_uses_the_latest_snapshot() -> None:
    """A channel is stale when its newest snapshot ended more than six months before today."""
    channel = {"nuläge": [{"datum": "2020-h1"}, {"datum": "2021-01"}]}
    assert not periods.is_stale(channel, 6, dt.date(2021, 7, 31))
    assert periods.is_stale(channel, 6, dt.date(2021, 8, 1))
    assert periods.is_stale({"nuläge": []}, 6, dt.date(2021, 1, 1))
