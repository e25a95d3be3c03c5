"""Tests for the channel pages and the channel overview (strategi/views/kanal.py)."""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest

from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import minimal_channel, shown, small, variant
from tests.conftest import TODAY

CHANNEL_IDS = ["facebook", "instagram", "linkedin", "twitter", "webbplats", "mejlutskick"]


@pytest.fixture(scope="module")
def pages(strategy: Strategy) -> dict[str, str]:
    return {c["id"]: VIEWS["kanal_sida"](strategy, c["id"]) for c in strategy.channels}


def test_every_channel_file_has_a_page(strategy: Strategy, pages: dict[str, str]) -> None:
    """Every channel file renders a page that ends with the Källa line naming its own file."""
    assert sorted(pages) == sorted(CHANNEL_IDS)
    for channel in strategy.channels:
        out = pages[channel["id"]]
        assert out.rstrip().endswith("</p>")
        assert f"<code>data/channels/{channel['id']}.yaml</code>" in out.rsplit("Källa:", 1)[1]


@pytest.mark.parametrize("channel_id", CHANNEL_IDS)
def test_every_snapshot_text_and_profile_value_is_shown(
    strategy: Strategy, pages: dict[str, str], channel_id: str
) -> None:
    """Each snapshot's texts (paragraph by paragraph), avser and källa, and every profile value appear."""
    channel = strategy.channel(channel_id)
    out = pages[channel_id]
    for snapshot in channel["nuläge"]:
        for key in ("övergripande", "nischad"):
            for line in [part for part in str(snapshot.get(key, "")).split("\n") if part.strip()]:
                assert f"<p>{shown(line)}</p>" in out
        # 'avser' is derived from the date unless the strategy's own words differ ('odaterat').
        derived = {"2020-h1": "våren 2020", "2020-05": "maj 2020"}
        assert f"<dd>{shown(snapshot.get('avser') or derived[snapshot['datum']])}</dd>" in out
        assert shown(snapshot["källa"]) in out
        anchor = f"nulage-{snapshot['id']}"
        assert f"{{#{anchor}}}" in out or f'<details class="nulage-tidigare" id="{anchor}">' in out
    for value in (channel.get("profil") or {}).values():
        assert f"<dd>{shown(value)}</dd>" in out


def test_latest_snapshot_in_full_earlier_ones_folded(pages: dict[str, str]) -> None:
    """Digitalt nuläge is said once: Instagram's latest snapshot (the section, dated 2021-01-19) in
    full under its heading, the spring-2020 table snapshot after it, folded under one line."""
    out = pages["instagram"]
    assert out.count("## Digitalt nuläge") == 1
    assert "### Kanalavsnittet, senast 19 januari 2021 {#nulage-kanalavsnitt}" in out
    folded = '<details class="nulage-tidigare" id="nulage-tabell-2020-h1"><summary>Tidigare nuläge: '
    assert out.index("{#nulage-kanalavsnitt}") < out.index(folded)


@pytest.mark.parametrize(
    ("channel_id", "cells"),
    [
        ("facebook", ["<td>lite drygt\u00a017\u00a0000</td>", "<td>72\u00a0%</td>", "<td>10\u00a0000</td>"]),
        (
            "webbplats",
            [
                "<td>2,59</td>",
                "<td>2:09</td>",
                "<td>ca\u00a0500\u00a0000</td>",
                '<th scope="row">Via mobil</th><td>49\u00a0%</td>',
            ],
        ),
    ],
)
def test_figures_in_swedish_style(pages: dict[str, str], channel_id: str, cells: list[str]) -> None:
    """Figures are written Swedish style with no-break spaces: Facebook's 17000 followers as
    'ca 17 000', 72 as '72 %', 10000 as '10 000'; the website's 2,59 pages per visit, 2:09 visit
    time, ca 500 000 visitors and 49 % on mobile."""
    for cell in cells:
        assert cell in pages[channel_id]


def test_facebook_goal_tables_show_every_row(strategy: Strategy, pages: dict[str, str]) -> None:
    """Every goal group has its heading, anchor, goal links and a table with each row's two cells."""
    out = pages["facebook"]
    assert '<th scope="col">Vart vill vi nå?</th><th scope="col">Hur tar vi oss dit?</th>' in out
    for group in strategy.channel("facebook")["mål"]:
        assert f"{{#{group['id']}}}" in out
        for goal in group["mål"]:
            assert f'href="../../mal/#mal-{str(goal).lower()}"' in out
        for row in group["rader"]:
            assert (
                f"<tr><td>{shown(row['vart_vill_vi_nå'])}</td><td>{shown(row['hur_tar_vi_oss_dit'])}</td></tr>"
                in out
            )
        if group.get("beskrivning"):
            assert shown(group["beskrivning"]) in out


def test_instagram_shows_both_follower_counts_and_both_flags(
    strategy: Strategy, pages: dict[str, str]
) -> None:
    """Instagram shows 10 500 (table, spring 2020) and ca 11 600 (section), with the flags on each."""
    out = pages["instagram"]
    assert "<td>10\u00a0500</td>" in out
    assert "<td>cirka\u00a011\u00a0600</td>" in out
    for snapshot in strategy.channel("instagram")["nuläge"]:
        for flag in snapshot["flaggor"]:
            assert shown(flag["fråga"]) in out
            assert shown(flag["citat"]) in out
    assert out.count('<p class="admonition-title">Att bekräfta</p>') >= 3


def test_audience_numbers_ages_and_places(strategy: Strategy, pages: dict[str, str]) -> None:
    """Instagram's audience: gender shares, every age group with its note, and the places in order."""
    out = pages["instagram"]
    assert "<dt>Kvinnor</dt><dd>82\u00a0%</dd>" in out
    assert "<dt>Män</dt><dd>18\u00a0%</dd>" in out
    for group in strategy.channel("instagram")["publik"]["åldersfördelning"]:
        assert f'<th scope="row">{shown(group["ålder"])}</th><td>{group["procent"]}\u00a0%</td>' in out
    assert "<td>mindre än 1 procent</td>" in out
    assert '<th scope="row">1</th><td>Örebro</td><td>49\u00a0%</td>' in out
    assert '<th scope="row">3</th><td>Lindesberg</td><td>–</td>' in out
    facebook = pages["facebook"]
    assert "<dt>Vilka inläggen når</dt><dd>Kvinnor: 60\u00a0%; Män: 39\u00a0%</dd>" in facebook
    assert "<dt>Flest följare i åldern</dt><dd>25-54</dd>" in facebook


def test_address_is_a_link_only_when_it_is_a_url(pages: dict[str, str]) -> None:
    """A full URL becomes a link showing itself; 'instagram.com/…' stays plain text."""
    assert (
        '<dd><a href="https://www.facebook.com/regionorebrolan/">https://www.facebook.com/regionorebrolan/</a></dd>'
        in pages["facebook"]
    )
    assert "<dt>Adress</dt><dd>instagram.com/regionorebrolan</dd>" in pages["instagram"]


def test_incomplete_channel_states_why_and_its_assignment(strategy: Strategy, pages: dict[str, str]) -> None:
    """Twitter's page says its strategy is missing, with the comment and the assignment's text."""
    out = pages["twitter"]
    state = strategy.channel("twitter")["fullständighet"]
    assert "<strong>Endast nuläge: strategin för kanalen saknas</strong>" in out
    assert shown(state["kommentar"]) in out
    task = next(t for t in strategy["process"]["uppdrag"] if t["id"] == state["uppdrag"])
    assert f'<a href="../../process/#uppdrag">{shown(task["vad"])}</a>' in out
    assert "<strong>Komplett kanalstrategi</strong> · Senast granskad: våren 2020" in pages["facebook"]


def test_stale_notice_in_words_with_link(pages: dict[str, str]) -> None:
    """A channel whose latest status is older than the cadence shows 'Behöver uppdateras' with a link."""
    out = pages["linkedin"]
    assert '<p class="kanal-gammal"><strong>Behöver uppdateras:</strong> ' in out
    assert 'href="../../oppna-fragor/#behover-uppdateras"' in out
    assert "Kanalens senaste nuläge: maj 2020." in out


def test_no_stale_notice_when_status_is_recent() -> None:
    """A status from last month is within the cadence: no 'Behöver uppdateras' notice."""
    s = small([minimal_channel()], today=TODAY)
    assert not periods.is_stale(s.channel("ny"), 6, s.today)
    assert "Behöver uppdateras" not in VIEWS["kanal_sida"](s, "ny")


def test_organisation_resolves_people_and_roles(pages: dict[str, str]) -> None:
    """People and roles are shown by name, and the common-part sentences are quoted."""
    out = pages["facebook"]
    assert "<dt>Personer</dt><dd>Victoria Rydergård, Oscar Schriever-Abeln</dd>" in out
    assert "<dt>Kanalansvariga</dt><dd>Victoria Rydergård, Oscar Schriever-Abeln</dd>" in out
    assert "<dt>Roller</dt><dd>Kanalansvarig, Redaktör, Huvudredaktör" in out
    assert "<p>Ur strategins gemensamma delar:</p><blockquote>" in out
    assert "<li>huvudredaktör sidowebbplats</li>" in pages["webbplats"]


def test_links_without_address_say_so(pages: dict[str, str]) -> None:
    """A link the strategy names without an address is text marked '(adressen saknas i strategin)', with its description."""
    out = pages["facebook"]
    assert 'Kontakt till kanalansvarig <span class="okand">(adressen saknas i strategin)</span>' in out
    assert (
        'Lokalt tillägg <span class="okand">(adressen saknas i strategin)</span> – Aktuell förvaltnings huvudredaktör'
        in out
    )


def test_sections_lead_with_what_a_communicator_needs(pages: dict[str, str]) -> None:
    """A channel page leads with the profile (what, how often, when, tone), material types and do's and
    don'ts, then goals, audience, digital status, follow-up and who decides; a menu before the first
    section links to every section, Organisation included."""
    out = pages["facebook"]
    anchors = [
        "{#profil}",
        "{#materialtyper}",
        "{#gor}",
        "{#gor-inte}",
        "{#mal}",
        "{#publik}",
        "{#malgrupp}",
        "{#nulage}",
        "{#uppfoljning}",
        "{#indikatorer}",
        "{#organisation}",
        "{#budget}",
        "{#lankar}",
    ]
    positions = [out.index(a) for a in anchors]
    assert positions == sorted(positions)
    menu = out[out.index('<nav class="sidmeny"') : out.index("</nav>")]
    assert out.index("</nav>") < positions[0]
    for anchor in anchors:
        assert f'href="#{anchor[2:-1]}"' in menu, anchor
    assert "{#personas}" in pages["webbplats"]
    assert "{#uppdrag}" in pages["linkedin"]


def test_channel_own_assignment_not_listed_by_process_is_shown() -> None:
    """An assignment id in the channel's own 'uppdrag' that the process list does not tie to it is shown."""
    channel = {**minimal_channel(), "uppdrag": ["eget"]}
    process = {"uppdrag": [{"id": "eget", "vad": "Se över kanalen.", "status": "öppen", "till": []}]}
    out = VIEWS["kanal_sida"](small([channel], process=process), "ny")
    assert "{#uppdrag}" in out
    assert "<li>Se över kanalen.</li>" in out


def test_minimal_channel_renders() -> None:
    """A channel with only the required fields renders: status, its one snapshot and its source line."""
    s = small([minimal_channel()])
    out = VIEWS["kanal_sida"](s, "ny")
    assert "<strong>Komplett kanalstrategi</strong> · Senast granskad: hösten 2026" in out
    assert "<p>Kanalen startade i oktober.</p>" in out
    assert "{#profil}" not in out
    assert "{#mal}" not in out
    assert "<code>data/channels/ny.yaml</code>" in out
    assert VIEWS["kanal_rubrik"](s, "ny") == "Ny kanal"


def test_empty_goal_cells_show_a_dash() -> None:
    """A goal row with only one column filled shows '–' in the other."""
    channel = {
        **minimal_channel(),
        "mål": [
            {
                "id": "mal-a",
                "mål": ["A"],
                "rubrik": "Mål A",
                "rader": [{"vart_vill_vi_nå": "Fler följare."}, {"hur_tar_vi_oss_dit": "Fler inlägg."}],
            }
        ],
    }
    out = VIEWS["kanal_sida"](small([channel]), "ny")
    assert "<tr><td>Fler följare.</td><td>–</td></tr>" in out
    assert "<tr><td>–</td><td>Fler inlägg.</td></tr>" in out


def test_script_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in a name, a profile value, a goal, a link and a flag comes out as text, never as a tag."""
    evil = "<script>alert(1)</script>"
    channel = copy.deepcopy(strategy.channel("facebook"))
    channel["namn"] = evil
    channel["profil"]["publik"] = evil
    channel["mål"][0]["rader"][0]["vart_vill_vi_nå"] = evil
    channel["länkar"][0]["titel"] = evil
    channel["flaggor"][0]["fråga"] = evil
    channel["nuläge"][0]["övergripande"] = f"{evil}\n{evil}"
    s = dataclasses.replace(strategy, channels=[channel])
    out = VIEWS["kanal_sida"](s, "facebook")
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") >= 6
    heading = VIEWS["kanal_rubrik"](s, "facebook")
    assert "<" not in heading
    assert re.fullmatch(r"[^<>]*", heading)


def test_overview_has_a_row_per_channel(strategy: Strategy) -> None:
    """The overview lists each channel, linked relative to kanaler/, with its completeness and followers."""
    out = VIEWS["kanaler"](strategy)
    for channel in strategy.channels:
        assert f'<a href="{channel["id"]}/">{shown(channel["namn"])}</a>' in out
    assert "<td>cirka\u00a011\u00a0600</td>" in out
    assert "<td>lite drygt\u00a017\u00a0000</td>" in out
    assert "<td>Endast nuläge: strategin för kanalen saknas</td>" in out
    assert "behöver uppdateras</a>" in out
    intro = strategy["strategi"]["kanaler_inledning"]
    assert shown(intro["struktur"]) in out
    assert shown(intro["lokala_tillägg"]) in out


def test_new_channel_appears_in_overview(strategy: Strategy) -> None:
    """A channel file added to the strategy gets its row in the overview, marked up to date when recent."""
    s = variant(strategy, channels=[*strategy.channels, minimal_channel("tiktok", "Tiktok")])
    out = VIEWS["kanaler"](s)
    assert '<a href="tiktok/">Tiktok</a>' in out
    row = out.split('<a href="tiktok/">Tiktok</a>', 1)[1].split("</tr>", 1)[0]
    assert "<td>oktober 2026</td>" in row
    assert "<td>aktuellt</td>" in row
    assert "tiktok.yaml" in out
