"""Tests for the Swedish tidpunkt helpers in strategi.views._time."""

from __future__ import annotations

import datetime as dt

import pytest

from strategi.views._time import tidpunkt, tidpunkt_html, tidpunkt_slut


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2020", "2020"),
        ("2020-h1", "våren 2020"),
        ("2020-h2", "hösten 2020"),
        ("2020-11", "november 2020"),
        ("2020-01", "januari 2020"),
        ("2021-01-19", "19 januari 2021"),
        ("2020-05-01", "1 maj 2020"),
        ("2020-12-31", "31 december 2020"),
    ],
)
def test_tidpunkt_in_swedish_words(value: str, words: str) -> None:
    """Every precision the schema allows (year, half-year, month, date) reads as Swedish words."""
    assert tidpunkt(value) == words


@pytest.mark.parametrize("value", ["", "hösten", "2020-13", "2020-h3", "20-11"])
def test_tidpunkt_leaves_unknown_values_unchanged(value: str) -> None:
    """A value that is not a tidpunkt is shown as it stands rather than guessed at or crashing."""
    assert tidpunkt(value) == value


@pytest.mark.parametrize(
    ("value", "last_day"),
    [
        ("2020", dt.date(2020, 12, 31)),
        ("2020-h1", dt.date(2020, 6, 30)),
        ("2020-h2", dt.date(2020, 12, 31)),
        ("2020-11", dt.date(2020, 11, 30)),
        ("2020-02", dt.date(2020, 2, 29)),
        ("2021-01-19", dt.date(2021, 1, 19)),
    ],
)
def test_tidpunkt_slut_is_last_day_covered(value: str, last_day: dt.date) -> None:
    """The end of a tidpunkt is the last day of its year, half-year or month (leap years included)."""
    assert tidpunkt_slut(value) == last_day


@pytest.mark.parametrize("value", ["soon", "2021-02-30"])
def test_tidpunkt_slut_none_for_invalid(value: str) -> None:
    """A value that is not a real point in time has no end date."""
    assert tidpunkt_slut(value) is None


def test_tidpunkt_html_time_element() -> None:
    """Months and dates get a machine-readable <time>; half-years have no HTML form and are plain text."""
    assert tidpunkt_html("2020-11") == '<time datetime="2020-11">november 2020</time>'
    assert tidpunkt_html("2021-01-19") == '<time datetime="2021-01-19">19 januari 2021</time>'
    assert tidpunkt_html("2020-h2") == "hösten 2020"


def test_tidpunkt_html_escapes_unknown_value() -> None:
    """An unexpected value is escaped, never passed through as HTML."""
    assert tidpunkt_html("<script>") == "&lt;script&gt;"
