"""Tests for the organisation view (strategi/views/organisation.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import shown, small


def all_flags(node: Any) -> list[dict[str, Any]]:
    """Every flag anywhere in a data structure."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.extend(node.get("flaggor") or [])
        for key, value in node.items():
            if key != "flaggor":
                found.extend(all_flags(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(all_flags(item))
    return found


@pytest.fixture(scope="module")
def out(strategy: Strategy) -> str:
    return VIEWS["organisation"](strategy)


def test_intro_paragraphs_and_count(strategy: Strategy, out: str) -> None:
    """Every intro paragraph is shown, and the number of communicators both as a number and in words
    ("ett femtiotal", seed line 160)."""
    org = strategy["organisation"]
    for paragraph in org["inledning"]:
        assert f"<p>{shown(paragraph)}</p>" in out
    assert "cirka 50 (ett femtiotal)" in out


def test_roles_table_cell_by_cell(strategy: Strategy, out: str) -> None:
    """Each role is a table row: its name as row header and its description (or a note that it has none)."""
    for role in strategy["organisation"]["roller"]:
        described = (
            shown(role["beskrivning"])
            if role.get("beskrivning")
            else ('<span class="okand">Nämns utan beskrivning.</span>')
        )
        assert f'<th scope="row">{shown(role["namn"])}</th><td>{described}</td>' in out


def test_people_table_resolves_roles_and_channels(strategy: Strategy, out: str) -> None:
    """Each person row shows role names (not ids), channel names from data/channels/ and the description."""
    org = strategy["organisation"]
    roles = {r["id"]: r["namn"] for r in org["roller"]}
    channels = {c["id"]: c["namn"] for c in strategy.channels}
    for person in org["personer"]:
        role_cell = ", ".join(roles[r] for r in person["roller"]) or "–"
        channel_cell = ", ".join(channels.get(c, c) for c in person.get("kanaler") or []) or "–"
        row = (
            f'<th scope="row">{shown(person["namn"])}</th><td>{shown(role_cell)}</td>'
            f"<td>{shown(channel_cell)}</td><td>{shown(person['beskrivning'])}</td>"
        )
        assert row in out


def test_groups_are_level_three_headings_with_details(strategy: Strategy, out: str) -> None:
    """Each of the seven groups (data/strategy/organisation.yaml, key grupper) is a level-3 heading,
    in file order, followed by its description, members and (if any) start in words."""
    headings = [line for line in out.splitlines() if line.startswith("### ")]
    assert headings == [
        "### Redaktörsgruppen för webben",
        "### Redaktörsgruppen för sociala medier",
        "### Strategigruppen för kommunikation",
        "### Kommunikationsstaben",
        "### Regionkansliet",
        "### Pressgruppen",
        "### Projektgruppen för Facebook och Linkedin",
    ]
    for group in strategy["organisation"]["grupper"]:
        assert f"<p>{shown(group['beskrivning'])}</p>" in out
        if group.get("medlemmar"):
            assert f"<dt>Består av</dt><dd>{shown(group['medlemmar'])}</dd>" in out
        if group.get("möten"):
            assert shown(group["möten"]["text"]) in out
    assert "<dt>Startar</dt><dd>hösten 2020</dd>" in out
    assert "Delmål 1: Öka antalet dialoger med medborgarna" in out


def test_weekly_meeting_links_and_flags(strategy: Strategy, out: str) -> None:
    """The weekly meeting, every link title and every flag's question and quote appear in the page part."""
    org = strategy["organisation"]
    for meeting in org.get("möten") or []:
        assert (
            f"<dt>{shown(meeting['namn'])} ({meeting['frekvens']})</dt><dd>{shown(meeting['text'])}</dd>"
            in out
        )
    for link in org.get("länkar") or []:
        assert shown(link["titel"]) in out
    flags = all_flags(org)
    assert flags, "the real data has flags to render"
    for flag in flags:
        assert shown(flag["fråga"]) in out
        assert shown(flag["citat"]) in out
    assert out.count('<p class="admonition-title">Att bekräfta</p>') >= 1


def test_every_section_names_its_source(out: str) -> None:
    """Each generated section ends with the 'Källa' line naming organisation.yaml."""
    line = "Källa: <code>data/strategy/organisation.yaml</code>"
    assert out.count(line) >= 5


def test_data_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in any rendered value comes out as text, never as HTML."""
    org = copy.deepcopy(strategy["organisation"])
    bad = "<script>alert(1)</script> a | b {{ x }}"
    org["inledning"][0] = bad
    org["roller"][0]["namn"] = bad
    org["personer"][0]["beskrivning"] = bad
    org["grupper"][0]["namn"] = bad
    org["grupper"][0]["medlemmar"] = bad
    org.setdefault("länkar", []).append({"titel": bad, "adress": 'javascript:alert("x")'})
    org.setdefault("flaggor", []).append({"typ": "osäkert", "fråga": bad, "citat": bad})
    out = VIEWS["organisation"](small(strategy.channels, organisation=org))
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "{{" not in out
    assert 'href="https://javascript:alert(&quot;x&quot;)"' in out


def test_minimal_data_without_optional_keys() -> None:
    """Only the required keys: the view still renders, with no empty sections or crashes."""
    org = {
        "inledning": ["Kort inledning."],
        "roller": [{"id": "r", "namn": "Roll"}],
        "personer": [{"id": "p", "namn": "Person", "roller": [], "beskrivning": "Text."}],
        "grupper": [{"id": "g", "namn": "Grupp", "beskrivning": "Om gruppen."}],
    }
    out = VIEWS["organisation"](small(organisation=org))
    assert "<p>Kort inledning.</p>" in out
    assert "\n### Grupp\n" in out
    assert "## Möten" not in out
    assert "## Länkar" not in out
    assert "admonition" not in out


def test_unknown_channel_id_is_shown_as_is() -> None:
    """A channel id with no file in data/channels/ yet is shown by its id rather than dropped."""
    org = {
        "inledning": ["I."],
        "roller": [{"id": "r", "namn": "Roll"}],
        "personer": [
            {
                "id": "p",
                "namn": "P",
                "roller": ["r"],
                "kanaler": ["facebook", "webbplats"],
                "beskrivning": "B.",
            }
        ],
        "grupper": [{"id": "g", "namn": "G", "beskrivning": "B.", "kanaler": ["webbplats"]}],
    }
    out = VIEWS["organisation"](small([{"id": "facebook", "namn": "Facebook"}], organisation=org))
    assert "<td>Roll</td><td>Facebook, webbplats</td>" in out
    assert "<dt>Kanaler</dt><dd>webbplats</dd>" in out


def test_link_with_address_is_a_link() -> None:
    """A link that has an address becomes an <a>; one without says the address is missing."""
    org = {
        "inledning": ["I."],
        "roller": [{"id": "r", "namn": "R"}],
        "personer": [],
        "grupper": [{"id": "g", "namn": "G", "beskrivning": "B."}],
        "länkar": [{"titel": "Med", "adress": "https://example.se/a"}, {"titel": "Utan"}],
    }
    out = VIEWS["organisation"](small(organisation=org))
    assert '<a href="https://example.se/a">Med</a>' in out
    assert 'Utan <span class="okand">(adressen saknas i strategin)</span>' in out
