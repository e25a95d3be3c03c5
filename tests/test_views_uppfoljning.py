"""Tests for the follow-up page view (strategi/views/uppfoljning.py)."""

from __future__ import annotations

import copy

from strategi.data import model
from strategi.views import VIEWS
from tests._viewtables import variant


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_model_frequency_and_texts(strategy: model.Strategy) -> None:
    """Intro, PDCA (Swedish, English, abbreviation), monthly follow-up, its reasons, the 28-day cycle, texts."""
    out = VIEWS["uppfoljning"](strategy)
    data = strategy["uppfoljning"]
    assert out.index(_flat(data["inledning"])) < out.index("## Modellen PDCA")
    assert "<dt>Modell</dt><dd>Planera-Genomföra-Följa upp-Förbättra</dd>" in out
    assert "<dt>På engelska</dt><dd>Plan-Do-Check-Act</dd>" in out
    assert "<dt>Vi följer upp</dt><dd>varje månad</dd>" in out
    assert f"<dt>Statistikcykel</dt><dd>{data['frekvens']['cykel_dagar']} dagar</dd>" in out
    for reason in data["frekvens"]["anledningar"]:
        assert f"<li>{reason}</li>" in out
    for text in (
        data["modell"]["text"],
        data["frekvens"]["text"],
        data["medieanalys_helår"],
        data["det_här_mäter_vi"],
        data["medieanalys"]["text"],
    ):
        assert _flat(text) in out
    assert "Vilken period gäller för Linkedin?" in out
    assert "Har den sjösatts" in out


def test_media_analysis_channels_resolved_to_names(strategy: model.Strategy) -> None:
    """Channel ids in the media analysis show as the channel files' names, in the data's order."""
    out = VIEWS["uppfoljning"](strategy)
    ids = strategy["uppfoljning"]["medieanalys"]["kanaler"]
    names = {c["id"]: c["namn"] for c in strategy.channels}
    expected = ", ".join(names.get(i, i) for i in ids)
    assert f"<dt>Kanaler i analysen</dt><dd>{expected}</dd>" in out
    coming = strategy["uppfoljning"]["medieanalys"]["tillkommande_kanaler"][0]
    assert f"{names.get(coming['kanal'], coming['kanal'])}: {coming['när']}" in out


def test_unknown_channel_id_shown_as_id(strategy: model.Strategy) -> None:
    """A channel in the analysis without a channel file yet is shown by its id rather than dropped."""
    data = copy.deepcopy(strategy["uppfoljning"])
    data["medieanalys"]["kanaler"] = ["facebook", "pressrum"]
    out = VIEWS["uppfoljning"](variant(strategy, uppfoljning=data))
    assert "<dd>Facebook, pressrum</dd>" in out


def test_links_to_each_channel_follow_up(strategy: model.Strategy) -> None:
    """One link per channel page in directory-URL form; only channels with a follow-up section get the anchor."""
    out = VIEWS["uppfoljning"](strategy)
    section = out[out.index("## Uppföljning per kanal") :]
    for channel in strategy.channels:
        if channel.get("uppföljning"):
            assert f'<a href="../kanaler/{channel["id"]}/#uppfoljning">{channel["namn"]}</a>' in section
        else:
            assert (
                f'<a href="../kanaler/{channel["id"]}/">{channel["namn"]}</a> <span class="okand">' in section
            )
    assert section.count("<li>") == len(strategy.channels)


def test_values_are_escaped(strategy: model.Strategy) -> None:
    """A <script> in the texts, a reason or a channel name is shown as text."""
    data = copy.deepcopy(strategy["uppfoljning"])
    data["inledning"] = "<script>a</script>"
    data["frekvens"]["anledningar"] = ["<script>b</script>"]
    channels = [{"id": "facebook", "namn": "<script>c</script>", "uppföljning": {"text": ["x"]}}]
    out = VIEWS["uppfoljning"](variant(strategy, channels, uppfoljning=data))
    assert "<script>" not in out
    assert out.count("&lt;script&gt;a") == 1
    assert out.count("&lt;script&gt;b") == 1
    assert out.count("&lt;script&gt;c") == 2  # analysis list and channel link


def test_optional_keys_absent(strategy: model.Strategy) -> None:
    """Without cycle days, flags, coming channels or channel files the page renders the rest."""
    data = copy.deepcopy(strategy["uppfoljning"])
    data["frekvens"].pop("cykel_dagar")
    data["frekvens"].pop("flaggor")
    data["medieanalys"].pop("tillkommande_kanaler")
    data["medieanalys"].pop("flaggor")
    out = VIEWS["uppfoljning"](variant(strategy, [], uppfoljning=data))
    assert "Statistikcykel" not in out
    assert "Kanaler som tillkommer" not in out
    assert "Att bekräfta" not in out
    assert "Uppföljning per kanal" not in out
    assert "<dd></dd>" not in out
    assert VIEWS["uppfoljning"](variant(strategy, [], uppfoljning={})) == "\n"
