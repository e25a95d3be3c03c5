"""Tests for the material type views: legend, type table, channel x type matrix and the channel table."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import small, table, text, variant

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
MISSING_CELL = '<span class="okand">uppgift saknas</span>'


LIGHT = {
    "grön": '<span class="ljus ljus--gron">grön</span>',
    "gul": '<span class="ljus ljus--gul">gul</span>',
    "röd": '<span class="ljus ljus--rod">röd</span>',
}
TYPES = ["Skryt", "Tips & råd", "Kunskap", "Politik", "Platsannons", "Hjälp oss", "Personporträtt", "Nyheter"]
# The lights of each channel section in the seed, in TYPES order: Facebook lines 235-242,
# Instagram 312-319, Linkedin 380-387, the website 440-447 (data/channels/<kanal>.yaml,
# key materialtyper). Twitter and the e-mail newsletter have none.
MISSING = ["uppgift saknas"] * 8
CHANNEL_FILES = ["facebook", "instagram", "linkedin", "twitter", "webbplats", "mejlutskick"]
MATRIX = [
    ["Facebook", "grön", "grön", "grön", "gul", "gul", "grön", "grön", "grön"],
    ["Instagram", "grön", "grön", "grön", "röd", "röd", "gul", "grön", "röd"],
    ["Linkedin", "grön", "gul", "grön", "röd", "röd", "grön", "grön", "gul"],
    ["Twitter", *MISSING],
    ["Webbplats", "grön", "grön", "grön", "grön", "grön", "grön", "grön", "grön"],
    ["Mejlutskick", *MISSING],
]


def test_intro_and_legend(strategy: Strategy) -> None:
    """The intro (seed line 125) is shown, and each traffic light (seed lines 126-129) appears as
    colour-and-word with its meaning."""
    html = VIEWS["materialtyper"](strategy)
    assert (
        "Vissa typer av innehåll fungerar bättre i en kanal än en annan. Besökarna på vår webb har ett "
        "tydligt syfte med sitt besök, men i sociala medier fångas man av något i sitt flöde. Här är en "
        "översikt av våra vanligaste materialtyper."
    ) in text(html)
    assert "I varje kanal kodar vi materialtyper efter trafiksignalens färger" in text(html)
    assert f"<li>{LIGHT['grön']} – vanlig i kanalen</li>" in html
    assert f"<li>{LIGHT['gul']} – förekommer i kanalen</li>" in html
    assert f"<li>{LIGHT['röd']} – förekommer sällan i kanalen</li>" in html


def test_type_table_cell_by_cell(strategy: Strategy) -> None:
    """Each type is a row: its name, its goal ids each linked to the goal, and its examples (seed
    lines 130-148; 'Hälp oss' and 'medarbetarportätt' there are spelt right in the data). The type the
    channel sections call differently shows that name too."""
    rows = table(VIEWS["materialtyper"](strategy), "Materialtyper, målen de stöttar")
    assert [[text(c) for c in row] for row in rows] == [
        ["Materialtyp", "Stöttar mål", "Exempel"],
        [
            "Skryt",
            "A, B, C",
            "Exempel ur verksamheten, förbättringar, projekt som leder till ett bättre liv, resultat från "
            "verksamheten och utmärkelser",
        ],
        [
            "Tips & råd",
            "A, B, C, 1, 2",
            "Nyheter från länets andra aktörer, goda möjligheter för boende, fritidsaktiviteter, hur det är "
            "att bo i länet, pendling/trafik",
        ],
        ["Kunskap", "A, B, C, 1, 2", "Forskningsresultat, hälsoråd, kontaktvägar, ny bussturlista"],
        [
            "Politik",
            "A, B, 1",
            "Politiska beslut i våra nämnder, styrelse och fullmäktige och hur de påverkar länsbons vardag",
        ],
        [
            "Platsannons (i kanalavsnitten: Platsannonser)",
            "A, C, 1",
            "Alla våra platsannonser finns på webben. I sociala medier är vi mycket sparsamma med platsannonser.",
        ],
        ["Hjälp oss", "A, B, 1, 2", "Ge blod! Var med i vår forskningsstudie! Här söker vi volontärer:"],
        [
            "Personporträtt",
            "A, B, C, 1, 2",
            "Vad vi erbjuder, hur det är att jobba hos oss, våra förmåner, medarbetarporträtt – vilka vi är – "
            "människan i fokus",
        ],
        [
            "Nyheter",
            "A, B, C, 1, 2",
            "Kampanjer som influensavaccinering, träffa oss här, utbildningar/seminarier/konferenser/mässor",
        ],
    ]
    assert re.findall(r'href="([^"]+)"', rows[4][1]) == ["../mal/#mal-a", "../mal/#mal-b", "../mal/#mal-1"]


def test_type_flags_are_shown(strategy: Strategy) -> None:
    """Both open questions about a material type (data/strategy/materialtyper.yaml lines 27-35 and
    58-64) are in an 'Att bekräfta' note."""
    html = VIEWS["materialtyper"](strategy)
    assert '<p class="admonition-title">Att bekräfta</p>' in html
    assert "Exemplen för Tips & råd handlar om nyheter från länets andra aktörer" in text(html)
    assert 'Exemplet slutar med kolon. Är "Här söker vi volontärer:" ett exempel på en inläggsrubrik' in text(
        html
    )


def test_matrix_cell_by_cell(strategy: Strategy) -> None:
    """One row per channel file, one column per type; each cell is the channel's light as in the
    seed's channel sections, colour and word, or 'uppgift saknas'."""
    rows = table(VIEWS["materialtyper"](strategy), "Trafikljus per kanal och materialtyp")
    assert [text(c) for c in rows[0]] == ["Kanal", *TYPES]
    assert [[text(c) for c in row] for row in rows[1:]] == MATRIX
    assert rows[2][4] == LIGHT["röd"]
    assert rows[2][6] == LIGHT["gul"]
    assert rows[4][1:] == [MISSING_CELL] * 8


def test_channel_without_ratings_says_why(strategy: Strategy) -> None:
    """The two channels without traffic lights, Twitter and the e-mail newsletter, are named in a
    note giving their completeness status (the seed has only a digital status for them)."""
    html = VIEWS["materialtyper"](strategy)
    for name in ["Twitter", "Mejlutskick"]:
        assert f"{name}: uppgift saknas, strategin har bara ett digitalt nuläge" in text(html)


def test_new_channel_file_adds_a_row(strategy: Strategy) -> None:
    """A channel added to data/channels/ gets its matrix row, even with no ratings or status at all."""
    rated = {
        "id": "podd",
        "namn": "Podd",
        "ordning": 98,
        "materialtyper": {t["id"]: "röd" for t in strategy["materialtyper"]["typer"]},
    }
    bare = {"id": "tiktok", "namn": "Tiktok", "ordning": 99}
    s = variant(strategy, channels=[*strategy.channels, rated, bare])
    html = VIEWS["materialtyper"](s)
    rows = table(html, "Trafikljus per kanal och materialtyp")
    assert rows[-2][1:] == [LIGHT["röd"]] * 8
    assert rows[-1][1:] == [MISSING_CELL] * 8
    assert "Tiktok: uppgift saknas, kanalfilen anger inga trafikljus." in text(html)
    assert "tiktok.yaml" in html


def test_sources(strategy: Strategy) -> None:
    """The type table names materialtyper.yaml; the matrix lists every channel file it was built from."""
    html = VIEWS["materialtyper"](strategy)
    assert "Källa: <code>data/strategy/materialtyper.yaml</code>" in html
    assert "Källa: <code>data/channels/*.yaml</code>" in html
    for name in CHANNEL_FILES:
        assert f"{name}.yaml" in html


def test_edit_links_when_repository_is_known(strategy: Strategy) -> None:
    """With an edit base, each channel file in the source line links to its edit page."""
    s = dataclasses.replace(strategy, edit_base="https://example.org/edit/main/")
    html = VIEWS["materialtyper"](s)
    for name in CHANNEL_FILES:
        assert f'href="https://example.org/edit/main/data/channels/{name}.yaml"' in html


def test_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in a type name, an example or a channel name comes out as text."""
    data = copy.deepcopy(strategy["materialtyper"])
    data["typer"][0]["namn"] = SCRIPT
    data["typer"][1]["exempel"] = SCRIPT
    data["trafikljus"][0]["betydelse"] = SCRIPT
    channels = copy.deepcopy(strategy.channels)
    channels[0]["namn"] = SCRIPT
    html = VIEWS["materialtyper"](variant(strategy, channels=channels, materialtyper=data))
    assert SCRIPT not in html
    assert ESCAPED in html


def test_minimal_data_does_not_crash(strategy: Strategy) -> None:
    """Without optional keys (legend intro, flags, channel ratings, status) the page still renders."""
    data = {
        "inledning": "In.",
        "trafikljus": [{"färg": "grön", "betydelse": "vanlig"}],
        "typer": [{"id": "skryt", "namn": "Skryt", "stöttar_mål": ["A"], "exempel": "Ex"}],
    }
    s = small([{"id": "ny", "namn": "Ny", "ordning": 1}], dt.date(2021, 1, 1), materialtyper=data)
    rows = table(VIEWS["materialtyper"](s), "Trafikljus per kanal och materialtyp")
    assert rows[1] == ['<a href="../kanaler/ny/">Ny</a>', MISSING_CELL]
    assert "uppgift saknas" in VIEWS["kanal_materialtyper"](s, "ny")


@pytest.mark.parametrize("row", MATRIX, ids=[row[0] for row in MATRIX])
def test_kanal_materialtyper_table(strategy: Strategy, row: list[str]) -> None:
    """The channel page table lists all eight types (Platsannons by its channel name, Platsannonser)
    with the channel's light, or says the data is missing."""
    name, *lights = row
    channel = next(c for c in strategy.channels if c["namn"] == name)
    html = VIEWS["kanal_materialtyper"](strategy, channel["id"])
    if lights == MISSING:
        assert html.startswith('<p class="okand">')
        assert "uppgift saknas" in html
        return
    rows = table(html, f"Trafikljus per materialtyp för {name}")
    names = [t if t != "Platsannons" else "Platsannonser" for t in TYPES]
    assert [[text(c) for c in r] for r in rows] == [
        ["Materialtyp", "Trafikljus"],
        *map(list, zip(names, lights, strict=True)),
    ]
    assert [r[1] for r in rows[1:]] == [LIGHT[light] for light in lights]
    assert f"Källa: <code>data/channels/{channel['id']}.yaml</code>" in html
