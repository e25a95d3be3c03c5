"""Tests for the start page view (strategi/views/start.py)."""

from __future__ import annotations

import copy

import pytest

from strategi.content import figures, versions
from strategi.data import model, periods
from strategi.views import VIEWS, render
from tests._viewtables import HISTORY, variant


def test_status_box_states_what_the_document_is(
    strategy: model.Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status box is an admonition with status, version, status date, update date, period, presentation
    (a presentation date already past is said in the past tense)."""
    out = VIEWS["start"](strategy, HISTORY)
    box = out.split("</div>")[0]
    assert 'class="admonition info strategi-status"' in box
    assert "Förslag – inte antaget" in box
    assert "Våren 2020" in box
    assert "<dt>Digitalt nuläge avser</dt><dd>våren 2020</dd>" in box
    assert "<dt>Senast ändrad</dt><dd>19 januari 2021</dd>" in box
    assert "Från våren 2020 till 2022" in box
    assert "var 6:e månad" in box
    assert "<dt>Skulle presenteras</dt><dd>för strategigruppen för kommunikation i november 2020</dd>" in box
    assert "Redaktörsgruppen för sociala medier och för webben" in box
    assert "får i uppdrag att i november presentera" in box


def test_adopted_status_reads_antagen(strategy: model.Strategy) -> None:
    """An adopted strategy says 'Antagen' and never 'Förslag'."""
    data = copy.deepcopy(strategy["strategi"])
    data["status"] = "antagen"
    out = VIEWS["start"](variant(strategy, strategi=data), HISTORY)
    assert "<dt>Status</dt><dd>Antagen</dd>" in out
    assert "Förslag" not in out


def test_vision_prominent_with_every_word_defined(strategy: model.Strategy) -> None:
    """The vision text stands out and each of its words is a term in a definition list with its meaning."""
    out = VIEWS["start"](strategy, HISTORY)
    vision = strategy["strategi"]["vision"]
    assert f'<p class="vision">{vision["text"]}</p>' in out
    assert vision["inledning"] in out
    for word in vision["ord"]:
        assert f"<dt>{word['ord']}</dt><dd>{' '.join(word['betydelse'].split())}</dd>" in out


def test_region_brand_flags_and_how_to_use(strategy: model.Strategy) -> None:
    """The region description, the brand text, the presentation question and the how-to paragraph appear."""
    out = VIEWS["start"](strategy, HISTORY)
    st = strategy["strategi"]
    assert "## Om Region Örebro län" in out
    assert " ".join(st["beskrivning_organisation"].split()) in out
    assert " ".join(st["varumärke"].split()) in out
    assert "Att bekräfta" in out
    assert "Avses november 2020?" in out
    assert "## Så använder du sidan" in out
    assert "[Öppna frågor](oppna-fragor.md)" in out
    assert "Källa: <code>data/strategy/strategi.yaml</code>" in out


def test_vision_year_shown_when_introduction_lacks_it(strategy: model.Strategy) -> None:
    """When the introduction does not name the year the vision was set, the year is stated on its own."""
    data = copy.deepcopy(strategy["strategi"])
    data["vision"]["inledning"] = "Visionen gäller hela regionen."
    out = VIEWS["start"](variant(strategy, strategi=data), HISTORY)
    assert "Visionen sattes 2018." in out


def test_values_are_escaped(strategy: model.Strategy) -> None:
    """A <script> in any shown value comes out as text, never as markup."""
    data = copy.deepcopy(strategy["strategi"])
    data["varumärke"] = "<script>alert(1)</script>"
    data["vision"]["ord"][0]["ord"] = "<script>w</script>"
    data["presentation"]["för"] = "<script>f</script>"
    out = VIEWS["start"](variant(strategy, strategi=data), HISTORY)
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") == 3


def test_optional_keys_absent(strategy: model.Strategy) -> None:
    """Without presentation questions, vision or brand the page still renders, with no empty rows."""
    data = copy.deepcopy(strategy["strategi"])
    del data["presentation"]["flaggor"]
    for key in ("vision", "varumärke", "presentation", "period", "revideringsintervall_månader"):
        del data[key]
    out = VIEWS["start"](variant(strategy, strategi=data), HISTORY)
    assert "Att bekräfta" not in out
    assert "## Vision" not in out
    assert "Nästa presentation" not in out
    assert "<dd></dd>" not in out
    assert "Förslag – inte antaget" in out


def test_at_a_glance_goals_channels_and_where_things_stand(strategy: model.Strategy) -> None:
    """Before the status box the start page shows the vision, every goal linked to its section on
    Mål, one card per channel (target group, content, latest follower count with its time) and
    where things stand, each linked on; the status box follows under 'Om det här dokumentet'."""
    out = VIEWS["start"](strategy, HISTORY)
    glance, about = out.split("## Om det här dokumentet", 1)
    assert "## Vision" in glance
    assert 'class="admonition info strategi-status"' in about
    for line in [
        "- [Mål A: Stärka varumärket](mal.md#mal-a)",
        "- [Mål 1: Öka antalet dialoger med medborgarna](mal.md#mal-1)",
    ]:
        assert line in glance
    assert glance.count('<li class="kanalkort">') == len(strategy.channels)
    assert '<a class="kanalkort__namn" href="kanaler/facebook/">Facebook</a>' in glance
    assert "<dt>Målgrupp</dt><dd>Länsinvånare 18 år och uppåt.</dd>" in glance
    assert "<dt>Följare</dt><dd>lite drygt\u00a017\u00a0000 (våren 2020)</dd>" in glance
    assert "[Se nuläget i alla kanaler](nulage.md)" in glance
    assert "[Se ändringarna](andringar.md)" in glance
    assert "[Se Öppna frågor](oppna-fragor.md)" in glance
    assert "6 av 6 kanaler behöver ett nytt nuläge" in glance


def test_one_sentence_says_version_change_day_period_and_newest_figures(strategy: model.Strategy) -> None:
    """'Läget just nu' opens with one sentence: the version and its status, 'senast ändrat' with the
    build's date, the period the digital status describes, and the channel whose figures are newest,
    with their time as the data dates it (an undated one says the strategy gives no time)."""
    out = VIEWS["start"](strategy, HISTORY)
    said = versions.sentence(strategy, HISTORY.updated)
    assert f'<p class="version-mening">{render.esc(said)}</p>' in out
    assert said.endswith(".")
    assert ". " not in said
    assert said.startswith(f"{versions.label(strategy)} är ")
    assert f"senast ändrat {periods.describe(HISTORY.updated)}" in said
    assert f"nulägets siffror avser {periods.describe(versions.status_refers_to(strategy))}" in said
    channel, snap = versions.newest_snapshot(strategy)
    if periods.bounds(snap["datum"])[1] > periods.bounds(versions.status_refers_to(strategy))[1]:
        assert figures.when(snap) in said
        assert channel["namn"] in said
        assert ("strategin inte anger" in said) == bool(snap.get("datering"))
