"""Indicator charts: static inline SVG with a text alternative, a dashed target and a marked baseline."""

from __future__ import annotations

import itertools
import math
import re

from hypothesis import given
from hypothesis import strategies as st

from strategi.content import progress
from strategi.views import charts


def _progress(values: list[tuple[str, float]], target: float | None = 9.0) -> progress.Progress:
    indicator = {
        "id": "film",
        "namn": "Visningstid",
        "enhet": "sekunder",
        "riktning": "öka",
        "senast": "2021-03",
    }
    points = [progress.Point(p, v, "test") for p, v in values]
    return progress.Progress(indicator, points, target, "on_track", "", "")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_no_chart_for_fewer_than_two_values() -> None:
    """One value is no trend: no chart, only the table."""
    assert charts.svg(_progress([("2020-03", 6)])) == ""


def test_chart_is_an_image_with_title_and_description() -> None:
    """role="img", labelled by its title and described by a sentence with trend, target and status."""
    svg = charts.svg(_progress([("2020-03", 6), ("2020-09", 7.5)]))
    assert svg.startswith('<svg class="diagram" role="img"')
    assert 'aria-labelledby="diagram-film-titel" aria-describedby="diagram-film-beskrivning"' in svg
    assert '<title id="diagram-film-titel">Visningstid: värden över tid</title>' in svg
    assert (
        '<desc id="diagram-film-beskrivning">Värdet ökade från 6\u00a0s till 7,5\u00a0s mellan mars 2020 och '
        "september 2020. Målet är 9\u00a0s till mars 2021. Status: I fas.</desc>"
    ) in svg
    assert "<script" not in svg


def test_target_is_dashed_and_baseline_is_marked() -> None:
    """The target is a dashed line with a label; the baseline a square with the word Utgångsvärde."""
    svg = charts.svg(_progress([("2020-03", 6), ("2020-09", 7.5)]))
    assert 'stroke-dasharray="8 5"' in svg
    assert ">Mål: 9\u00a0s</text>" in svg
    assert ">Utgångsvärde</text>" in svg
    assert len(re.findall(r"<circle ", svg)) == 1  # the later value; the baseline is the square


def test_lines_have_at_least_3_to_1_contrast_on_white() -> None:
    """The value line and the target line each reach WCAG's 3:1 against the white ground."""
    for colour in (charts.LINE, charts.TARGET):
        ratio = (1.05) / (_luminance(colour) + 0.05)
        assert ratio >= 3, f"{colour}: {ratio:.2f}"


def test_falling_trend_is_said_in_words() -> None:
    """A falling series is described as 'minskade', and an untargeted one says there is no goal."""
    p = _progress([("2020-03", 8), ("2020-09", 7)], target=None)
    assert "Värdet minskade från 8\u00a0s till 7\u00a0s" in charts.description(p)
    assert "Strategin har inget mål för värdet." in charts.description(p)


def test_dates_are_ordered_left_to_right() -> None:
    """Points are placed by date: the earlier value is further left."""
    svg = charts.svg(_progress([("2020-03", 6), ("2020-09", 7.5), ("2020-12", 8)]))
    xs = [float(x) for x in re.findall(r'<circle cx="([0-9.]+)"', svg)]
    assert xs == sorted(xs)


def _is_round_step(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5))


@given(st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_axis_ticks_are_round_steps_from_zero_past_the_top(top: float) -> None:
    """The value axis starts at 0, steps evenly by 1, 2, 2.5 or 5 x 10^n, reaches the top in at most
    four steps, and the next smaller round step would need more than four."""
    ticks = charts.axis_ticks(top)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0
    assert _is_round_step(step), ticks
    assert all(math.isclose(b - a, step, rel_tol=1e-9) for a, b in itertools.pairwise(ticks))
    assert ticks[-1] >= top * (1 - 1e-9)
    assert ticks[-2] < top
    assert len(ticks) - 1 <= charts.MAX_INTERVALS
    power = 10 ** math.floor(math.log10(step))
    smaller = max(m * p for m in (1, 2, 2.5, 5) for p in (power / 10, power) if m * p < step * (1 - 1e-9))
    assert smaller * charts.MAX_INTERVALS < top * (1 - 1e-9), (top, ticks)


def test_chart_axis_is_labelled_at_round_numbers() -> None:
    """A chart whose values reach 11 600 labels its axis 0, 5 000, 10 000 and 15 000 (not thirds of
    an arbitrary top such as 6 670 and 13 340)."""
    svg = charts.svg(_progress([("2020-03", 10500), ("2021-01", 11600)], target=None))
    labels = re.findall(r'text-anchor="end" font-size="15" fill="#1f1f1f">([^<]*?)\s+s</text>', svg)
    assert labels == ["0", "5\u00a0000", "10\u00a0000", "15\u00a0000"]


def test_axis_ticks_of_small_and_empty_ranges() -> None:
    """Fractions get round decimal steps without float noise; an all-zero series still has an axis."""
    assert charts.axis_ticks(0.9) == [0, 0.25, 0.5, 0.75, 1.0]
    assert charts.axis_ticks(0.3) == [0, 0.1, 0.2, 0.3]
    assert charts.axis_ticks(0) == [0.0, 1.0]
