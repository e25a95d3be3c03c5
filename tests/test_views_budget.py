"""Tests for the budget view (strategi/views/budget.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import small, table, text

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def out(strategy: Strategy) -> str:
    return VIEWS["budget"](strategy)


def minimal(rows: list[dict[str, Any]], total: dict[str, int], stated: int = 100) -> dict[str, Any]:
    return {
        "sociala_medier": {"budget": True, "text": "Det finns pengar."},
        "webb": {
            "förvaltningsobjekt": "Objektet.",
            "text": ["Om webben."],
            "angiven_budget": {"kronor": stated, "text": "hundra kronor"},
            "avser": "ny webb",
            "rader": rows,
            "totalt": total,
        },
    }


def kr(amount: str) -> str:
    """An amount as written in the seed ('1 600 000 kr') with the no-break spaces the page uses."""
    return amount.replace(" ", NBSP)


def test_every_row_shows_post_min_and_max(out: str) -> None:
    """Each budget line is a table row: post, lowest and highest amount in kronor, its basis as
    written (seed lines 464-467, data/strategy/budget.yaml lines 22-61); then the computed sum
    and the stated total (seed line 468, budget.yaml lines 62-64)."""
    rows = table(out, "Fördelning: ny webbfamilj hösten 2020")
    assert [[text(cell) for cell in row[:3]] for row in rows] == [
        ["Post", "Lägst", "Högst"],
        ["Systemutveckling i EPiServer samt integrationer", kr("1 600 000 kr"), kr("2 400 000 kr")],
        ["Redaktörsstöd, tillgänglighetsgranskning, UX granskning", kr("1 188 000 kr"), kr("2 276 000 kr")],
        [
            "Design (responsiv och tillgänglig) för samtliga mallar samt html och css:er",
            kr("300 000 kr"),
            kr("500 000 kr"),
        ],
        ["Övriga kostnader", kr("300 000 kr"), kr("300 000 kr")],
        ["Summa", kr("3 388 000 kr"), kr("5 476 000 kr")],
        ["Angivet totalt", kr("3 388 000 kr"), kr("5 476 000 kr")],
    ]
    assert text(rows[1][3]).startswith("1000 kr/tim x 10 - 15 månader")
    assert text(rows[2][3]).startswith(
        "Redaktörsstöd (850 kr/tim x 1280 tim = 8 mån Tillgänglighet och UX 100 000 kr"
    )
    assert [text(row[3]) for row in rows[3:5]] == ["", ""]


def test_sum_row_agrees_with_the_stated_total(out: str) -> None:
    """The rows add up to the stated total 3 388 000 – 5 476 000 kr (seed lines 464-468), so the
    total row says it is as stated, and not that it differs."""
    rows = table(out, "Fördelning: ny webbfamilj hösten 2020")
    assert text(rows[-2][3]) == "Beräknad ur raderna ovan."
    assert text(rows[-1][3]) == "Som det står i strategin."


def test_sum_is_not_copied_from_the_stated_total() -> None:
    """When the stated total disagrees with the rows, the Summa row still shows the rows' sum and says so."""
    rows = [{"id": "a", "post": "A", "min": 10, "max": 20}, {"id": "b", "post": "B", "min": 5, "max": 5}]
    out = VIEWS["budget"](small(budget=minimal(rows, {"min": 99, "max": 999})))
    assert "<td><strong>15\u00a0kr</strong></td><td><strong>25\u00a0kr</strong></td>" in out
    assert "<td><strong>99\u00a0kr</strong></td><td><strong>999\u00a0kr</strong></td>" in out
    assert "Avviker från summan av raderna." in out


def test_stated_budget_compared_with_the_sum(out: str) -> None:
    """The stated 5,5 miljoner kronor (seed line 463) is shown in words and kronor, and is 24 000 kr
    more than the rows' highest sum 5 476 000 kr (5 500 000 - 5 476 000)."""
    assert text(out).count(f"5,5 miljoner kronor ({kr('5 500 000 kr')})") == 2
    assert (
        f"Den angivna budgeten, 5,5 miljoner kronor ({kr('5 500 000 kr')}), är {kr('24 000 kr')} mer än "
        f"summan av radernas högsta belopp ({kr('3 388 000 kr')} – {kr('5 476 000 kr')})."
    ) in text(out)


def test_stated_budget_within_sum() -> None:
    """A stated budget inside the rows' span is reported as within it."""
    rows = [{"id": "a", "post": "A", "min": 50, "max": 150}]
    out = VIEWS["budget"](small(budget=minimal(rows, {"min": 50, "max": 150}, stated=100)))
    assert "ligger inom summan av raderna" in out
    assert "Avviker" not in out


def test_calculation_figures_and_product(out: str) -> None:
    """The basis in figures (budget.yaml lines 27-30 and 37-42): hourly rate and months for system
    development; rate, hours, months and addition for editorial support, with the product
    850 kr x 1 280 h = 1 088 000 kr, plus 100 000 kr = 1 188 000 kr."""
    rows = table(out, "Fördelning: ny webbfamilj hösten 2020")
    assert text(rows[1][3]).endswith(f"I siffror: timpris {kr('1 000 kr')} · 10–15 månader")
    assert text(rows[2][3]).endswith(
        f"I siffror: timpris {kr('850 kr')} · {kr('1 280')} timmar (8 månader) · tillägg {kr('100 000 kr')} "
        f"för Tillgänglighet och UX · beräknat: {kr('1 088 000 kr')} + {kr('100 000 kr')} = {kr('1 188 000 kr')}"
    )


def test_social_media_web_texts_links_and_flags(out: str) -> None:
    """No-budget statement and text for social media (seed line 166); the web's texts (seed line 167),
    its two links and its three flags (budget.yaml lines 44-53 and 69-84) appear."""
    page = text(out)
    assert (
        "Ingen budget för att sponsra inlägg. Kanalansvarig i sociala medier har ingen budget för att "
        "sponsra inlägg, men ibland har verksamheten som står bakom ett inlägg möjlighet att sponsra."
    ) in page
    assert "<p>Budgeten för webb ligger i Förvaltningsobjekt Informationssystem.</p>" in out
    assert "<p>Budgeten för ny webbfamilj hösten 2020 ligger på 5,5 miljoner kronor, fördelat på:</p>" in out
    assert "<dt>Leds av</dt><dd>Förvaltningsledare</dd>" in out
    assert "Kontaktuppgifter till förvaltningsledare Informationsstöd" in page
    assert "Budget förvaltningsobjekt Informationsstöd" in page
    assert out.count('<p class="admonition-title">Att bekräfta</p>') == 2
    assert page.count("Det står: ”") == 3
    assert "Ofullständigt: Vad bygger det högsta beloppet 2 276 000 kr på?" in page
    assert "Motsägelse: Heter förvaltningsobjektet Informationssystem eller Informationsstöd?" in page
    assert "Motsägelse: Är budgeten för den nya webbfamiljen 5,5 miljoner kronor" in page
    assert "Källa: <code>data/strategy/budget.yaml</code>" in out


def test_data_values_are_escaped(strategy: Strategy) -> None:
    """A <script> or a pipe in a budget value is shown as text and cannot break the table."""
    data = copy.deepcopy(strategy["budget"])
    data["webb"]["rader"][0]["post"] = "<script>alert(1)</script>"
    data["webb"]["rader"][0]["underlag"] = "a | b"
    data["sociala_medier"]["text"] = "<b>fet</b>"
    out = VIEWS["budget"](small(budget=data))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "a &#124; b" in out
    assert "&lt;b&gt;fet&lt;/b&gt;" in out


def test_minimal_data_without_optional_keys() -> None:
    """Without links, flags, basis or responsible role the view still renders the table and sums."""
    rows = [{"id": "a", "post": "A", "min": 100, "max": 100}]
    out = VIEWS["budget"](small(budget=minimal(rows, {"min": 100, "max": 100})))
    assert "<strong>Budget för att sponsra inlägg finns.</strong>" in out
    assert '<th scope="row">A</th><td>100\u00a0kr</td><td>100\u00a0kr</td><td></td>' in out
    assert "Leds av" not in out
    assert "admonition" not in out
    assert "Länkar" not in out


def test_empty_budget_file_does_not_crash() -> None:
    """A budget file with no sections yields only the heading and source line."""
    out = VIEWS["budget"](small(budget={}))
    assert "## Budget" in out
    assert "<table" not in out
