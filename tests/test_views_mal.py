"""Tests for the goals page view (strategi/views/mal.py)."""

from __future__ import annotations

import copy

import pytest

from strategi.data import model
from strategi.views import VIEWS
from strategi.views.pages import goal_anchor
from tests._viewtables import table, variant


def test_goal_tables_cell_by_cell(strategy: model.Strategy) -> None:
    """Overall goals (seed lines 68-72) and sub-goals (seed lines 74-76) each get a table: label
    linked to its anchor, name, wording (data/strategy/mal.yaml lines 7-97)."""
    out = VIEWS["mal"](strategy)
    same = "Region Örebro läns kommunikation ska stärka vårt varumärke och visa på vår breda verksamhet"
    assert table(out, "Övergripande kommunikationsmål")[1:] == [
        ['<a href="#mal-a">Mål A</a>', "Stärka varumärket", same],
        ['<a href="#mal-b">Mål B</a>', "Visa på vår bredd", same],
        [
            '<a href="#mal-c">Mål C</a>',
            "Attraktiv arbetsgivare",
            "Region Örebro län ska uppfattas som en attraktiv arbetsgivare som erbjuder förutsättningar för "
            "ett långsiktigt spännande, utvecklande och hållbart arbetsliv.",
        ],
    ]
    assert table(out, "Delmål för strategins period")[1:] == [
        [
            '<a href="#mal-1">Mål 1</a>',
            "Öka antalet dialoger med medborgarna",
            "Öka antalet dialoger med medborgarna",
        ],
        [
            '<a href="#mal-2">Mål 2</a>',
            "Öka engagemanget i våra digitala kanaler",
            "Öka engagemanget i våra digitala kanaler",
        ],
    ]
    assert "<p>De övergripande kommunikationsmålen i den digitala strategin är:</p>" in out
    assert (
        "<p>Redaktörsgruppen för sociala medier har två delmål för den period som digitala strategin omfattar:</p>"
        in out
    )


SUB_GOAL_SOURCE = (
    "Redaktörsgruppen för sociala medier (delmål för den period som digitala strategin omfattar)"
)


@pytest.mark.parametrize(
    ("heading", "source", "called", "paragraphs"),
    [
        (
            "### Mål A: Stärka varumärket {#mal-a}",
            "Den digitala strategins övergripande kommunikationsmål",
            "Stärka varumärket (Mål A)",
            3,
        ),
        (
            "### Mål B: Visa på vår bredd {#mal-b}",
            "Den digitala strategins övergripande kommunikationsmål",
            "Visa på vår bredd (Mål B)",
            1,
        ),
        (
            "### Mål C: Attraktiv arbetsgivare {#mal-c}",
            "Verksamhetsplanen 2020",
            "Attraktiv arbetsgivare (Mål C)",
            2,
        ),
        ("### Mål 1: Öka antalet dialoger med medborgarna {#mal-1}", SUB_GOAL_SOURCE, "Mål 1", 1),
        ("### Mål 2: Öka engagemanget i våra digitala kanaler {#mal-2}", SUB_GOAL_SOURCE, "Mål 2", 0),
    ],
)
def test_each_goal_has_anchored_section_with_reasoning(
    strategy: model.Strategy, heading: str, source: str, called: str, paragraphs: int
) -> None:
    """Every goal has a level-3 heading with anchor mal-<id>, where it comes from, what the running
    text calls it, and its reasoning paragraphs (mal.yaml lines 7-97: three for A, one for B, two
    for C, one for 1, none for 2)."""
    out = VIEWS["mal"](strategy)
    section = out.split(f"\n{heading}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert (
        f'<p class="referens">Målet kommer från: {source}. I strategins text kallas det: {called}.</p>'
        in section
    )
    assert section.count("<p>") == paragraphs


def test_breadth_web_engagement_and_focus(strategy: model.Strategy) -> None:
    """The breadth problem and chosen path, web, engagement, focus areas with the McQuivey source,
    flags (data/strategy/mal.yaml lines 98-158)."""
    out = VIEWS["mal"](strategy)
    for start in [
        "Våra sociala kanaler attraherar främst kvinnor som är intresserade av hälso- och sjukvård.",
        "I denna digitala strategi har vi därför gjort vägvalet att det räcker att varje individ ser det som angår hen.",
        "Vår webbplats bjuder inte in till dialog, men används av många besökare",
        "De flesta av våra övergripande digitala kanaler har bra besöksstatistik",
        "För den närmsta tiden har vi valt att fokusera på att bli bättre på att låta kanalerna samspela",
        "Det andra delmålet handlar om att bli bättre på att använda video i våra kanaler.",
    ]:
        assert start in out
    assert "### Problem med att visa på bredden" in out
    assert "#### Vägvalet" in out
    assert "\n## Delmål\n" in out
    assert "Källa: James McQuivey, <cite>How Video Will Take Over the World</cite> (rapport)" in out
    assert "Att bekräfta" in out
    assert "Fokus den närmsta tiden" in out  # inside the flag's question


def test_anchor_is_stable_and_url_safe() -> None:
    """Goal anchors are lower-case and contain only letters, digits and hyphens."""
    assert goal_anchor("A") == "mal-a"
    assert goal_anchor("1") == "mal-1"
    assert goal_anchor("B 2") == "mal-b-2"


def test_values_are_escaped(strategy: model.Strategy) -> None:
    """A <script> in a goal's name, wording, reasoning or a focus source is shown as text."""
    data = copy.deepcopy(strategy["mal"])
    data["mål"][0]["formulering"] = "<script>a</script>"
    data["mål"][0]["motivering"] = ["<script>b</script>"]
    data["mål"][1]["namn"] = "<script>c</script> | x"
    data["fokus"][1]["källa"]["titel"] = "<script>d</script>"
    out = VIEWS["mal"](variant(strategy, mal=data))
    assert "<script>" not in out
    assert "&lt;script&gt;c&lt;/script&gt; &#124; x" in out  # table cell: pipe made inert
    assert "### Mål B: &#60;script&#62;c&#60;/script&#62; &#124; x {#mal-b}" in out


def test_optional_keys_absent(strategy: model.Strategy) -> None:
    """Without reasoning, focus heading, sources, flags or sub-goals the page renders and leaves them out."""
    data = copy.deepcopy(strategy["mal"])
    data.pop("flaggor")
    data.pop("fokus_rubrik")
    data["fokus"] = [{"id": "video", "text": "Mer video."}]
    data["mål"] = [{"id": "A", "typ": "övergripande", "namn": "N", "formulering": "F", "källa": "K"}]
    out = VIEWS["mal"](variant(strategy, mal=data))
    assert "## Fokus den närmsta tiden" in out
    assert "Mål på vägen dit" not in out
    assert "Att bekräfta" not in out
    assert "### Mål A: N {#mal-a}" in out
    assert VIEWS["mal"](variant(strategy, mal={})) == "\n"
