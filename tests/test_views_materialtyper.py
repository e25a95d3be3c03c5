"""Tests for the material type views: legend, type table, channel x type matrix and the channel table."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

from strategi import render
from strategi.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import table, text, variant
from tests.conftest import ROOT

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
MISSING_CELL = '<span class="okand">uppgift saknas</span>'


def test_intro_and_legend(strategy: Strategy) -> None:
    """The intro is shown, and each traffic light appears as colour-and-word with its meaning."""
    html = VIEWS["materialtyper"](strategy)
    data = strategy["materialtyper"]
    assert " ".join(data["inledning"].split()) in text(html)
    assert data["trafikljus_inledning"] in text(html)
    for entry in data["trafikljus"]:
        assert f"<li>{render.light(entry['färg']).html} – {entry['betydelse']}</li>" in html


def test_type_table_cell_by_cell(strategy: Strategy) -> None:
    """Each type is a row: its name, its goal ids each linked to the goal, and its examples."""
    rows = table(VIEWS["materialtyper"](strategy), "Materialtyper, målen de stöttar")
    assert [text(c) for c in rows[0]] == ["Materialtyp", "Stöttar mål", "Exempel"]
    types = strategy["materialtyper"]["typer"]
    assert len(rows) == 1 + len(types)
    for row, kind in zip(rows[1:], types, strict=True):
        assert text(row[0]).startswith(kind["namn"])
        assert text(row[1]) == ", ".join(kind["stöttar_mål"])
        for goal in kind["stöttar_mål"]:
            assert f'href="../mal/#mal-{goal.lower()}"' in row[1]
        assert text(row[2]) == " ".join(kind["exempel"].split())


def test_name_used_in_channel_sections_is_shown(strategy: Strategy) -> None:
    """A type the channel sections call differently ('Platsannonser') shows that name too."""
    rows = table(VIEWS["materialtyper"](strategy), "Materialtyper, målen de stöttar")
    for row, kind in zip(rows[1:], strategy["materialtyper"]["typer"], strict=True):
        if kind.get("namn_i_kanaler"):
            assert kind["namn_i_kanaler"] in text(row[0])


def test_type_flags_are_shown(strategy: Strategy) -> None:
    """Every open question about a material type is in an 'Att bekräfta' note."""
    html = VIEWS["materialtyper"](strategy)
    questions = [f for t in strategy["materialtyper"]["typer"] for f in t.get("flaggor") or []]
    assert questions, "the real data has flagged material types"
    assert '<p class="admonition-title">Att bekräfta</p>' in html
    for flag in questions:
        assert " ".join(flag["fråga"].split()) in text(html)


def test_matrix_cell_by_cell(strategy: Strategy) -> None:
    """One row per channel file, one column per type; each cell is the channel's light, colour and word."""
    rows = table(VIEWS["materialtyper"](strategy), "Trafikljus per kanal och materialtyp")
    types = strategy["materialtyper"]["typer"]
    assert [text(c) for c in rows[0]] == ["Kanal", *(t["namn"] for t in types)]
    assert len(rows) == 1 + len(strategy.channels)
    for row, channel in zip(rows[1:], strategy.channels, strict=True):
        assert text(row[0]) == channel["namn"]
        ratings = channel.get("materialtyper")
        for kind, cell in zip(types, row[1:], strict=True):
            expected = render.light(ratings[kind["id"]]).html if ratings else MISSING_CELL
            assert cell == expected


def test_channel_without_ratings_says_why(strategy: Strategy) -> None:
    """A channel without traffic lights is named in a note giving its completeness status."""
    html = VIEWS["materialtyper"](strategy)
    without = [c for c in strategy.channels if not c.get("materialtyper")]
    assert without, "the real data has channels that are only a digital status"
    for channel in without:
        assert f"{channel['namn']}: uppgift saknas, strategin har bara ett digitalt nuläge" in text(html)


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
    assert rows[-2][1:] == [render.light("röd").html] * 8
    assert rows[-1][1:] == [MISSING_CELL] * 8
    assert "Tiktok: uppgift saknas, kanalfilen anger inga trafikljus." in text(html)
    assert "tiktok.yaml" in html


def test_sources(strategy: Strategy) -> None:
    """The type table names materialtyper.yaml; the matrix lists every channel file it was built from."""
    html = VIEWS["materialtyper"](strategy)
    assert "Källa: <code>data/strategy/materialtyper.yaml</code>" in html
    assert "Källa: <code>data/channels/*.yaml</code>" in html
    for channel in strategy.channels:
        assert strategy.channel_file(channel["id"]).rsplit("/", 1)[-1] in html


def test_edit_links_when_repository_is_known(strategy: Strategy) -> None:
    """With an edit base, each channel file in the source line links to its edit page."""
    s = dataclasses.replace(strategy, edit_base="https://example.org/edit/main/")
    html = VIEWS["materialtyper"](s)
    for channel in strategy.channels:
        assert f'href="https://example.org/edit/main/{strategy.source("kanal:" + channel["id"])}"' in html


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
    s = Strategy(
        ROOT,
        {"materialtyper": data},
        [{"id": "ny", "namn": "Ny", "ordning": 1}],
        {"materialtyper": "data/strategy/materialtyper.yaml", "kanal:ny": "data/channels/ny.yaml"},
        dt.date(2021, 1, 1),
    )
    rows = table(VIEWS["materialtyper"](s), "Trafikljus per kanal och materialtyp")
    assert rows[1] == ['<a href="../kanaler/ny/">Ny</a>', MISSING_CELL]
    assert "uppgift saknas" in VIEWS["kanal_materialtyper"](s, "ny")


def test_kanal_materialtyper_table(strategy: Strategy) -> None:
    """The channel page table lists all eight types with the channel's light, or says the data is missing."""
    types = strategy["materialtyper"]["typer"]
    for channel in strategy.channels:
        html = VIEWS["kanal_materialtyper"](strategy, channel["id"])
        ratings = channel.get("materialtyper")
        if not ratings:
            assert html.startswith('<p class="okand">')
            assert "uppgift saknas" in html
            continue
        rows = table(html, f"Trafikljus per materialtyp för {channel['namn']}")
        assert [text(c) for c in rows[0]] == ["Materialtyp", "Trafikljus"]
        for row, kind in zip(rows[1:], types, strict=True):
            assert text(row[0]) == kind.get("namn_i_kanaler", kind["namn"])
            assert row[1] == render.light(ratings[kind["id"]]).html
        assert f"Källa: <code>{strategy.source('kanal:' + channel['id'])}</code>" in html
