"""Tests for the 'Digitalt nuläge' page (strategi/views/nulage.py)."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import minimal_channel, shown, small, snapshot, variant


def main_table(out: str) -> str:
    return out.split('aria-label="Digitalt nuläge per kanal"', 1)[1].split("</table>", 1)[0]


def history_table(out: str) -> str:
    return out.split('aria-label="Tidigare nulägen per kanal"', 1)[1].split("</table>", 1)[0]


def row_of(table: str, channel_id: str) -> str:
    return table.split(f'href="../kanaler/{channel_id}/', 1)[1].split("</tr>", 1)[0]


@pytest.fixture(scope="module")
def out(strategy: Strategy) -> str:
    return VIEWS["nulage"](strategy)


def test_intro_texts_from_the_strategy(strategy: Strategy, out: str) -> None:
    """The page starts with the strategy's nuläge text and scope, with their source file."""
    assert out.index(shown(strategy["strategi"]["nuläge_text"])) < out.index(
        shown(strategy["strategi"]["omfattning"])
    )
    assert "<code>data/strategy/strategi.yaml</code>" in out


def test_one_row_per_channel_in_order(strategy: Strategy, out: str) -> None:
    """The main table has one row per channel file, in the channels' order, linked to the channel page."""
    table = main_table(out)
    positions = [
        table.index(f'<a href="../kanaler/{c["id"]}/">{shown(c["namn"])}</a>') for c in strategy.channels
    ]
    assert positions == sorted(positions)
    assert table.count("<tr>") == len(strategy.channels) + 1
    assert '<th scope="col">Kanal</th><th scope="col">Övergripande</th><th scope="col">Nischad</th>' in table


def test_cells_show_the_latest_snapshot(strategy: Strategy, out: str) -> None:
    """Each row shows the channel's latest snapshot with its date: the status table's spring 2020 row,
    except Instagram (its section, dated at latest 19 January 2021) and Linkedin (its section, May 2020)."""
    table = main_table(out)
    for channel_id in ("facebook", "twitter", "webbplats", "mejlutskick"):
        snap = next(x for x in strategy.channel(channel_id)["nuläge"] if x["id"].startswith("tabell"))
        row = row_of(table, channel_id)
        assert f"<p>{shown(snap['övergripande'])}</p>" in row
        assert "<td>våren 2020</td>" in row
    assert "<td>lite drygt\u00a017\u00a0000</td>" in row_of(table, "facebook")
    instagram = row_of(table, "instagram")
    assert "<td>senast 19 januari 2021</td>" in instagram
    assert "<td>cirka\u00a011\u00a0600</td>" in instagram
    assert "10\u00a0500" not in instagram
    assert "<td>maj 2020</td>" in row_of(table, "linkedin")
    assert row_of(table, "mejlutskick").endswith("<td>–</td>")


def test_history_lists_earlier_snapshots(out: str) -> None:
    """The history table lists the snapshots that are not the latest: Instagram's spring 2020 table row
    (10 500 followers), Linkedin's spring 2020 row, Facebook's section dated to spring 2020."""
    table = history_table(out)
    instagram = row_of(table, "instagram")
    assert instagram.startswith("#nulage-tabell-2020-h1")
    assert "<td>våren 2020</td>" in instagram
    assert "Följare: 10\u00a0500" in instagram
    assert "<td>våren 2020</td>" in row_of(table, "linkedin")
    assert "../kanaler/twitter/" not in table


def test_flags_on_shown_snapshots_as_compact_notes(strategy: Strategy, out: str) -> None:
    """The flags of every shown snapshot appear once as a compact note, with the channel name and quote."""
    instagram = strategy.channel("instagram")
    for snap in instagram["nuläge"]:
        for flag in snap["flaggor"]:
            assert out.count(shown(flag["fråga"])) == 1
            assert f"<q>{shown(flag['citat'])}</q>" in out
    assert "<li><strong>Twitter</strong> (oläsligt): " in out
    assert "<li><strong>Facebook</strong>" in out


def test_sources_name_each_channel_file(strategy: Strategy, out: str) -> None:
    """The Källa line under the tables names every channel file."""
    line = out.split("Källa: <code>data/channels/*.yaml</code>", 1)[1].split("</p>", 1)[0]
    for channel in strategy.channels:
        assert f"{channel['id']}.yaml" in line


def test_new_channel_adds_a_row(strategy: Strategy) -> None:
    """A new channel file adds a row showing its latest snapshot (October, though it comes first in the
    file); the earlier one (September) is in the history table."""
    new = minimal_channel(
        "tiktok",
        "Tiktok",
        [
            snapshot("senare", "2026-10", "oktober 2026", "Senare text.", följare=2500),
            snapshot("forsta", "2026-09", "september 2026", "Första text.", följare=1200),
        ],
    )
    s = variant(strategy, channels=[*strategy.channels, new])
    out = VIEWS["nulage"](s)
    row = row_of(main_table(out), "tiktok")
    assert "<p>Senare text.</p>" in row
    assert "<td>oktober 2026</td>" in row
    assert "<td>2\u00a0500</td>" in row
    earlier = row_of(history_table(out), "tiktok")
    assert "Följare: 1\u00a0200" in earlier
    assert "<td>september 2026</td>" in earlier
    assert "tiktok.yaml" in out


def test_no_history_says_so() -> None:
    """When no channel has more than one snapshot, the page says so instead of an empty history table."""
    channel = minimal_channel("a", "A", [snapshot("tabell", "2020-h1", "v", "T.")])
    s = small([channel])
    out = VIEWS["nulage"](s)
    assert "Ingen kanal har något äldre nuläge än det i tabellen ovan." in out
    assert "<td>–</td>" in out


def test_script_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in a channel name, a snapshot text or a flag comes out escaped."""
    evil = "<script>alert(1)</script>"
    channels = copy.deepcopy(strategy.channels)
    channels[0]["namn"] = evil
    channels[0]["nuläge"][0]["nischad"] = evil
    channels[1]["nuläge"][1]["flaggor"][0]["citat"] = evil
    out = VIEWS["nulage"](dataclasses.replace(strategy, channels=channels))
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") >= 3
