"""Tests for the personas page views: the persona table, the recorded matrix and the channel matrix."""

from __future__ import annotations

import copy
import datetime as dt
import re

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import small, table, text, variant

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_intro_and_role_note(strategy: Strategy) -> None:
    """The page opens with the strategy's intro and the note that a persona is a role, not a resident."""
    page = text(VIEWS["personas"](strategy))
    data = strategy["personas"]
    assert " ".join(data["inledning"].split()) in page
    assert " ".join(data["anmärkning"].split()) in page


PERSONAS = [
    "1 – Den behövande medborgaren",
    "2 – Den stödjande medborgaren",
    "3 – Den engagerade medborgaren",
    "4 – Den obundne medborgaren",
    "5 – Den upptäckande medborgaren",
]
LOST = "Okänd kanal Kanalnamnet har fallit bort i strategins text; se Att bekräfta."
UNKNOWN = ["okänd"] * 4


def test_persona_table_cell_by_cell(strategy: Strategy) -> None:
    """Each persona (seed lines 95-99) is a row: number, name, need and driver; its full description
    is on the page too."""
    html = VIEWS["personas"](strategy)
    rows = table(html, "De fem personas")
    assert [[text(c) for c in row] for row in rows] == [
        ["Nr", "Persona", "Behov", "Drivkraft"],
        ["1", "Den behövande medborgaren", "anpassad och tillgänglig information", "att någon ser henne"],
        ["2", "Den stödjande medborgaren", "fakta", "att hjälpa"],
        ["3", "Den engagerade medborgaren", "dialog", "att göra skillnad"],
        [
            "4",
            "Den obundne medborgaren",
            "kommunikation oberoende av tid eller annan person",
            "självförsörjning",
        ],
        ["5", "Den upptäckande medborgaren", "puls och njutning", "nästa grej på listan"],
    ]
    assert (
        "en invånare som är engagerad i orättvisor och behöver dialog och drivs av att göra skillnad"
        in text(html)
    )


def test_recorded_matrix_headers_name_the_personas(strategy: Strategy) -> None:
    """The recorded matrix keeps the strategy's channel heading 'Kanal/Målgrupp' (seed line 101) and
    heads columns 1..5 with persona names."""
    rows = table(VIEWS["personas_matris"](strategy), "Var personas i huvudsak följer oss")
    assert [text(c) for c in rows[0]] == ["Kanal/Målgrupp", *PERSONAS]


def test_recorded_matrix_rows_as_recorded(strategy: Strategy) -> None:
    """The five recorded rows (seed lines 101-116, data/strategy/personas.yaml lines 60-75): four
    whose channel name was lost read 'Okänd kanal' with why, the last is 'Webb' (the website); each
    has an 'x' for persona 1 and 'okänd' elsewhere, as the matrix has open questions."""
    rows = table(VIEWS["personas_matris"](strategy), "Var personas i huvudsak följer oss")
    assert [[text(c) for c in row] for row in rows[1:]] == [
        *([LOST, "x", *UNKNOWN] for _ in range(4)),
        ["Webb (Webbplats)", "x", *UNKNOWN],
    ]
    assert rows[-1][2] == '<span class="okand">okänd</span>'


def test_recorded_matrix_never_has_an_empty_cell(strategy: Strategy) -> None:
    """No cell of the recorded matrix is blank, since a blank would read as 'no'."""
    rows = table(VIEWS["personas_matris"](strategy), "Var personas i huvudsak följer oss")
    assert all(text(cell) for row in rows for cell in row)


def test_recorded_matrix_without_questions_says_no(strategy: Strategy) -> None:
    """Once the matrix has no open questions, an unmarked cell reads 'nej' instead of 'okänd'."""
    data = copy.deepcopy(strategy["personas"])
    data["matris"].pop("flaggor")
    rows = table(
        VIEWS["personas_matris"](variant(strategy, personas=data)), "Var personas i huvudsak följer oss"
    )
    assert {text(c) for row in rows[1:] for c in row[1:]} == {"x", "nej"}


def test_matrix_flags_are_shown(strategy: Strategy) -> None:
    """Every open question about the matrix is with it, in an 'Att bekräfta' note the rows link to."""
    html = VIEWS["personas_matris"](strategy)
    assert "{#personas-matris-att-bekrafta}" in html
    assert '<p class="admonition-title">Att bekräfta</p>' in html
    for flag in strategy["personas"]["matris"]["flaggor"]:
        assert " ".join(flag["fråga"].split()) in text(html)


def test_channels_list_the_personas_they_name(strategy: Strategy) -> None:
    """The reading page lists each channel whose file names personas, with the personas' names, and
    says in one sentence which channels name none; no 'uppgift saknas' cells."""
    html = VIEWS["personas"](strategy)
    assert (
        '<li><a href="../kanaler/webbplats/">Webbplats</a>: Den behövande medborgaren, Den stödjande medborgaren, '
        "Den obundne medborgaren, Den engagerade medborgaren</li>"
    ) in html
    assert "För Facebook, Instagram, Linkedin, Twitter, Mejlutskick anger strategin inte säkert" in text(html)
    assert "uppgift saknas" not in html
    assert "okänd" not in html


def test_garbled_matrix_leaves_the_reading_page(strategy: Strategy) -> None:
    """The recorded matrix (with 'Okänd kanal' rows) is not on the personas page, which links to it on
    Öppna frågor; the work list shows it with its questions."""
    html = VIEWS["personas"](strategy)
    assert "Okänd kanal" not in html
    assert "Var personas i huvudsak följer oss" not in html
    assert "[Öppna frågor](oppna-fragor.md#personamatrisen)" in html
    work_list = VIEWS["oppna_fragor"](strategy)
    assert "{#personamatrisen}" in work_list
    assert "Okänd kanal" in work_list
    assert strategy["personas"]["matris"]["inledning"].split()[0] in work_list


def test_new_channel_file_adds_a_line(strategy: Strategy) -> None:
    """A channel added to data/channels/ with a personas list appears on the page without any code change."""
    extra = {
        "id": "podd",
        "namn": "Podd",
        "ordning": 99,
        "personas": ["obundne"],
        "fullständighet": {"status": "komplett"},
    }
    s = variant(strategy, channels=[*strategy.channels, extra])
    html = VIEWS["personas"](s)
    assert '<li><a href="../kanaler/podd/">Podd</a>: Den obundne medborgaren</li>' in html
    assert "podd.yaml" in html


def test_sources_name_every_file(strategy: Strategy) -> None:
    """The persona sections name personas.yaml; the channel list names every channel file."""
    html = VIEWS["personas"](strategy)
    assert "Källa: <code>data/strategy/personas.yaml</code>" in html
    assert "Källa: <code>data/channels/*.yaml</code>" in html
    for channel in strategy.channels:
        assert strategy.channel_file(channel["id"]).rsplit("/", 1)[-1] in html


def test_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in a persona, a recorded channel text or a channel name comes out as text."""
    data = copy.deepcopy(strategy["personas"])
    data["personas"][0]["namn"] = SCRIPT
    data["personas"][1]["beskrivning"] = SCRIPT
    data["matris"]["rader"][0]["kanaltext"] = SCRIPT
    channels = copy.deepcopy(strategy.channels)
    channels[0]["namn"] = SCRIPT
    html = VIEWS["personas"](variant(strategy, channels=channels, personas=data))
    html += VIEWS["personas_matris"](variant(strategy, channels=channels, personas=data))
    assert SCRIPT not in html
    assert ESCAPED in html


def test_minimal_data_does_not_crash(strategy: Strategy) -> None:
    """Only the required keys, and channels with only id, name and order: the page still renders."""
    data = {
        "inledning": "In.",
        "anmärkning": "Roll.",
        "personas": [
            {"id": "behovande", "nummer": 1, "namn": "P1", "beskrivning": "b", "behov": "x", "drivkraft": "y"}
        ],
        "matris": {
            "inledning": "M.",
            "kolumner": [1],
            "rader": [{"kanal": None, "kanaltext": "", "markeringar": []}],
        },
    }
    s = small([{"id": "ny", "namn": "Ny", "ordning": 1}], dt.date(2021, 1, 1), personas=data)
    assert "Personas i kanalerna" in VIEWS["personas"](s)
    html = VIEWS["personas_matris"](s)
    rows = table(html, "Var personas i huvudsak följer oss")
    assert [text(c) for c in rows[0]] == ["Kanal", "1 – P1"]
    assert text(rows[1][1]) == "nej"
    assert VIEWS["kanal_personas"](s, "ny") == ""


def test_kanal_personas_lists_names(strategy: Strategy) -> None:
    """kanal_personas gives the names of the personas a channel names: the website's four (seed line
    426: the needing, supporting, unbound and engaged citizen), and '' for the channels naming none."""
    web = VIEWS["kanal_personas"](strategy, "webbplats")
    assert "riktar sig främst till" in text(web)
    assert re.findall(r"<li>(.*?)</li>", web) == [
        "Den behövande medborgaren",
        "Den stödjande medborgaren",
        "Den obundne medborgaren",
        "Den engagerade medborgaren",
    ]
    for channel_id in ["facebook", "instagram", "linkedin", "twitter", "mejlutskick"]:
        assert VIEWS["kanal_personas"](strategy, channel_id) == ""
