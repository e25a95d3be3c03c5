"""Traffic lights: each colour is styled as itself, with its word, on every page that shows them."""

from __future__ import annotations

import re

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS, render
from tests._viewtables import table
from tests.conftest import ROOT

CSS = (ROOT / "docs" / "assets" / "strategi.css").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("colour", "html"),
    [
        ("grön", '<span class="ljus ljus--gron">grön</span>'),
        ("gul", '<span class="ljus ljus--gul">gul</span>'),
        ("röd", '<span class="ljus ljus--rod">röd</span>'),
        ("lila", '<span class="ljus ljus--okand">lila</span>'),
        ("<b>", '<span class="ljus ljus--okand">&lt;b&gt;</span>'),
    ],
    ids=["gron", "gul", "rod", "okand", "escaped"],
)
def test_light_has_its_own_class_and_word(colour: str, html: str) -> None:
    """Each light carries the class of its own colour and its word; anything else is 'okand', escaped."""
    assert render.light(colour).html == html


def _rgb(slug: str) -> tuple[int, int, int]:
    match = re.search(rf"\.ljus--{slug}\s*\{{[^}}]*?(?<![-\w])color:\s*#([0-9a-fA-F]{{6}})", CSS)
    assert match, f".ljus--{slug} has no text colour in strategi.css"
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def test_css_colours_match_their_names() -> None:
    """Green is mostly green, red mostly red, yellow red-and-green over blue; no two lights share a colour."""
    r, g, b = _rgb("gron")
    assert g > max(r, b)
    r, g, b = _rgb("rod")
    assert r > 2 * max(g, b)
    r, g, b = _rgb("gul")
    assert min(r, g) > b
    assert r >= g
    assert len({_rgb(s) for s in ("gron", "gul", "rod", "okand")}) == 4


def test_css_lights_show_a_dot_in_their_colour() -> None:
    """The light's dot is drawn in the text colour, so the colour shows beside the word."""
    assert re.search(r"\.ljus::before\s*\{[^}]*background:\s*currentcolor", CSS)


def test_material_type_matrix_styles_each_rating(strategy: Strategy) -> None:
    """On the Materialtyper page, Instagram's red 'politik' is red, Facebook's yellow one yellow."""
    page = VIEWS["materialtyper"](strategy)
    rows = table(page, "Trafikljus per kanal och materialtyp")
    header = rows[0]
    politik = next(i for i, cell in enumerate(header) if "Politik" in cell or "politik" in cell)
    by_channel = {re.sub(r"<[^>]+>", "", row[0]): row for row in rows[1:]}
    assert by_channel["Facebook"][politik] == '<span class="ljus ljus--gul">gul</span>'
    assert by_channel["Instagram"][politik] == '<span class="ljus ljus--rod">röd</span>'


def test_channel_page_styles_each_rating(strategy: Strategy) -> None:
    """On Instagram's own page each of the eight ratings is styled as its own colour, in data order."""
    rows = table(
        VIEWS["kanal_materialtyper"](strategy, "instagram"), "Trafikljus per materialtyp för Instagram"
    )
    span = {
        "grön": '<span class="ljus ljus--gron">grön</span>',
        "gul": '<span class="ljus ljus--gul">gul</span>',
        "röd": '<span class="ljus ljus--rod">röd</span>',
    }
    assert [row[1] for row in rows[1:]] == [
        span[c] for c in ("grön", "grön", "grön", "röd", "röd", "gul", "grön", "röd")
    ]
