"""Tests for the channel analysis view: the build-time SVG bar chart and its table."""

from __future__ import annotations

import copy
import re

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from strategi.views.kanalanalys import SCALE, chart_svg
from tests._viewtables import table, text, variant

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
NBSP = "\u00a0"


def svg_of(page: str) -> str:
    match = re.search(r"<svg\b.*?</svg>", page, re.S)
    assert match, "the page has an inline SVG chart"
    return match.group(0)


def contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted([luminance(colour), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


# The survey as the seed gives it (lines 51-66; its "TV Linjär" on line 58 is "TV linjär" in the
# data), in data/strategy/kanalanalys.yaml lines 10-56:
# age group, respondents, then each channel with its share in per cent.
SURVEY = [
    ("18-30 år", "237", [("Instagram", 76), ("Facebook", 71), ("Snapchat", 50)]),
    ("31-50 år", "431", [("Facebook", 71), ("Instagram", 50), ("TV linjär", 44)]),
    ("51-64 år", "311", [("TV linjär", 69), ("Facebook", 61), ("Radio linjär", 47)]),
    ("65 år och äldre", "360", [("TV linjär", 78), ("Radio linjär", 59), ("Facebook", 54)]),
]


def test_intro_and_who_did_the_survey(strategy: Strategy) -> None:
    """The intro paragraphs (seed lines 49-50) are shown, and who made the survey is said."""
    page = text(VIEWS["kanalanalys"](strategy))
    assert "Hela kanalanalysen hittar du i arbetsrummet för kommunikatörer på intranätet." in page
    assert (
        "Strateg Agency har kartlagt i vilka kanaler länsborna vill ha information från Region Örebro län. "
        "Här är en översiktsbild av vilka kanaler länsborna använder dagligen indelat i åldersgrupper."
    ) in page
    assert "Kartläggningen är gjord av Strateg Agency." in page


def test_chart_is_accessible_inline_svg(strategy: Strategy) -> None:
    """The chart is inline SVG in a figure with a caption, named by its title and description, no script."""
    page = VIEWS["kanalanalys"](strategy)
    figure = re.search(r'<figure class="stapeldiagram">(.*?)</figure>', page, re.S)
    assert figure
    assert "<figcaption>" in figure.group(1)
    svg = svg_of(page)
    assert 'role="img"' in svg
    ids = re.search(r'aria-labelledby="([^"]+)"', svg)
    assert ids
    for element_id in ids.group(1).split():
        assert re.search(rf'<(title|desc) id="{element_id}">[^<]+</\1>', svg)
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|href)=", svg)


def test_every_value_is_in_the_chart(strategy: Strategy) -> None:
    """Each age group (name, respondents), channel and percentage of the survey is written in the SVG."""
    svg = text(svg_of(VIEWS["kanalanalys"](strategy)))
    for group, respondents, channels in SURVEY:
        assert f"{group} ({respondents} svarande)" in svg
        for channel, percent in channels:
            assert f"{channel} {percent}{NBSP}%" in svg


def test_bar_widths_are_proportional(strategy: Strategy) -> None:
    """Bars come in data order and each is SCALE units long per percentage point (0–100 scale)."""
    svg = svg_of(VIEWS["kanalanalys"](strategy))
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([0-9.]+)"', svg)]
    values = [percent for _, _, channels in SURVEY for _, percent in channels]
    assert len(widths) == len(values) == 12
    for width, value in zip(widths, values, strict=True):
        assert width == pytest.approx(value * SCALE)


def test_chart_colours_have_enough_contrast(strategy: Strategy) -> None:
    """Bars have at least 3:1 contrast against white and text at least 4.5:1."""
    svg = svg_of(VIEWS["kanalanalys"](strategy))
    bars = set(re.findall(r'<rect [^>]*fill="(#[0-9a-fA-F]{6})"', svg))
    texts = set(re.findall(r'<text [^>]*fill="(#[0-9a-fA-F]{6})"', svg))
    assert bars
    assert texts
    assert all(contrast(c) >= 3 for c in bars)
    assert all(contrast(c) >= 4.5 for c in texts)
    assert len(re.findall(r"<text ", svg)) == len(re.findall(r'<text [^>]*fill="#', svg))


def test_table_cell_by_cell(strategy: Strategy) -> None:
    """The table repeats the chart's data: age group, respondents, channel and '76 %' per row."""
    rows = table(VIEWS["kanalanalys"](strategy), "Kanaler som länsborna använder dagligen")
    assert [text(c) for c in rows[0]] == ["Åldersgrupp", "Antal svarande", "Kanal", "Andel"]
    expected = [
        [group, respondents, channel, f"{percent}{NBSP}%"]
        for group, respondents, channels in SURVEY
        for channel, percent in channels
    ]
    assert [[text(c) for c in row] for row in rows[1:]] == expected


def test_flags_and_source(strategy: Strategy) -> None:
    """Both open questions about the survey (kanalanalys.yaml lines 57-68) are shown, and the source
    line names kanalanalys.yaml."""
    page = VIEWS["kanalanalys"](strategy)
    assert "När gjorde Strateg Agency kartläggningen? Strategin anger inget datum." in text(page)
    assert "men siffrorna beskriver vilka kanaler de använder dagligen. Vad mäter procentsatserna?" in text(
        page
    )
    assert "Källa: <code>data/strategy/kanalanalys.yaml</code>" in page


def test_values_are_escaped_in_chart_and_table(strategy: Strategy) -> None:
    """A <script> in a channel or group name comes out escaped in the SVG, the table and the caption."""
    data = copy.deepcopy(strategy["kanalanalys"])
    data["åldersgrupper"][0]["namn"] = SCRIPT
    data["åldersgrupper"][0]["kanaler"][0]["kanal"] = SCRIPT
    data["utförare"] = SCRIPT
    page = VIEWS["kanalanalys"](variant(strategy, kanalanalys=data))
    assert SCRIPT not in page
    assert page.count(ESCAPED) >= 5
    assert ESCAPED in svg_of(page)


def test_decimal_percent_and_swedish_numbers() -> None:
    """A decimal share is shown Swedish style ('2,5 %') and its bar is proportionally long."""
    svg = chart_svg([{"namn": "Alla", "respondenter": 1339, "kanaler": [{"kanal": "Podd", "procent": 2.5}]}])
    assert f"2,5{NBSP}%" in svg
    assert f"1{NBSP}339 svarande" in svg
    assert f'width="{2.5 * SCALE:g}"' in svg


def test_long_names_widen_the_chart() -> None:
    """The label column grows with the longest channel name, so bars never start under a label."""
    short = chart_svg([{"namn": "A", "respondenter": 1, "kanaler": [{"kanal": "TV", "procent": 10}]}])
    long = chart_svg([{"namn": "A", "respondenter": 1, "kanaler": [{"kanal": "X" * 40, "procent": 10}]}])
    start = re.compile(r'<rect x="([0-9.]+)"')
    short_match, long_match = start.search(short), start.search(long)
    assert short_match
    assert long_match
    assert float(long_match.group(1)) > float(short_match.group(1))


def test_optional_keys(strategy: Strategy) -> None:
    """A known date is shown in words; no flags, no upper age or no groups at all does not crash."""
    data = copy.deepcopy(strategy["kanalanalys"])
    data["genomförd"] = "2020-h1"
    data.pop("flaggor", None)
    data["åldersgrupper"][0].pop("ålder_till", None)
    page = VIEWS["kanalanalys"](variant(strategy, kanalanalys=data))
    assert "Den genomfördes våren 2020." in text(page)
    assert "admonition" not in page
    data["åldersgrupper"] = []
    page = VIEWS["kanalanalys"](variant(strategy, kanalanalys=data))
    assert "<svg" not in page
    assert "inga åldersgrupper" in page
