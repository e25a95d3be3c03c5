"""Indicator charts: static inline SVG with a text alternative, a dashed target and a marked baseline."""

from __future__ import annotations

import re

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
