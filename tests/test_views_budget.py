"""Tests for the budget view (strategi/views/budget.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from strategi import render
from strategi.model import Strategy
from strategi.views import VIEWS
from tests.conftest import ROOT, TODAY

SOURCES = {"budget": "data/strategy/budget.yaml", "organisation": "data/strategy/organisation.yaml"}


def text(value: Any) -> str:
    """A data text as the view shows it: on one line, escaped."""
    return render.esc(" ".join(str(value).split()))


def money(value: int) -> str:
    return render.esc(render.kronor(value))


@pytest.fixture(scope="module")
def out(strategy: Strategy) -> str:
    return VIEWS["budget"](strategy)


def small(budget: dict[str, Any]) -> Strategy:
    return Strategy(ROOT, {"budget": budget}, [], dict(SOURCES), TODAY)


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


def test_every_row_shows_post_min_and_max(strategy: Strategy, out: str) -> None:
    """Each budget line is a table row: post as row header, then its min and max in kronor."""
    for row in strategy["budget"]["webb"]["rader"]:
        cells = f'<th scope="row">{text(row["post"])}</th><td>{money(row["min"])}</td><td>{money(row["max"])}</td>'
        assert cells in out
        if row.get("underlag"):
            assert text(row["underlag"]) in out


def test_sum_row_is_computed_from_rows(strategy: Strategy, out: str) -> None:
    """The 'Summa' row shows the sums of the rows' min and max, and the stated total is shown beside it."""
    web = strategy["budget"]["webb"]
    low = sum(r["min"] for r in web["rader"])
    high = sum(r["max"] for r in web["rader"])
    assert (
        f'<th scope="row"><strong>Summa</strong></th><td><strong>{money(low)}</strong></td>'
        f"<td><strong>{money(high)}</strong></td>"
    ) in out
    total = web["totalt"]
    assert (
        f'<th scope="row"><strong>Angivet totalt</strong></th><td><strong>{money(total["min"])}</strong></td>'
        f"<td><strong>{money(total['max'])}</strong></td>"
    ) in out


def test_sum_is_not_copied_from_the_stated_total() -> None:
    """When the stated total disagrees with the rows, the Summa row still shows the rows' sum and says so."""
    rows = [{"id": "a", "post": "A", "min": 10, "max": 20}, {"id": "b", "post": "B", "min": 5, "max": 5}]
    out = VIEWS["budget"](small(minimal(rows, {"min": 99, "max": 999})))
    assert "<td><strong>15\u00a0kr</strong></td><td><strong>25\u00a0kr</strong></td>" in out
    assert "<td><strong>99\u00a0kr</strong></td><td><strong>999\u00a0kr</strong></td>" in out
    assert "Avviker från summan av raderna." in out


def test_stated_budget_compared_with_the_sum(strategy: Strategy, out: str) -> None:
    """The stated 5,5 miljoner kronor is shown in words and kronor, with its computed distance to the sum."""
    web = strategy["budget"]["webb"]
    stated = web["angiven_budget"]
    assert text(stated["text"]) in out
    assert money(stated["kronor"]) in out
    high = sum(r["max"] for r in web["rader"])
    assert f"är {money(stated['kronor'] - high)} mer än summan av radernas högsta belopp" in out


def test_stated_budget_within_sum() -> None:
    """A stated budget inside the rows' span is reported as within it."""
    rows = [{"id": "a", "post": "A", "min": 50, "max": 150}]
    out = VIEWS["budget"](small(minimal(rows, {"min": 50, "max": 150}, stated=100)))
    assert "ligger inom summan av raderna" in out
    assert "Avviker" not in out


def test_calculation_figures_and_product(strategy: Strategy, out: str) -> None:
    """The basis in figures (hourly rate, hours, months, addition) is shown, with the product computed."""
    for row in strategy["budget"]["webb"]["rader"]:
        calc = row.get("beräkning") or {}
        if "timpris" in calc:
            assert f"timpris {money(calc['timpris'])}" in out
        if "timmar" in calc:
            assert f"{render.number(calc['timmar'])} timmar" in out
            product = calc["timpris"] * calc["timmar"] + calc.get("tillägg", 0)
            assert f"= {money(product)}" in out
        if "tillägg" in calc:
            assert f"tillägg {money(calc['tillägg'])} för {text(calc['tillägg_avser'])}" in out


def test_social_media_web_texts_links_and_flags(strategy: Strategy, out: str) -> None:
    """No-budget statement and text for social media; the web's texts, links and every flag appear."""
    data = strategy["budget"]
    assert "<strong>Ingen budget för att sponsra inlägg.</strong>" in out
    assert text(data["sociala_medier"]["text"]) in out
    web = data["webb"]
    assert text(web["förvaltningsobjekt"]) in out
    for paragraph in web["text"]:
        assert f"<p>{text(paragraph)}</p>" in out
    assert "<dt>Leds av</dt><dd>Förvaltningsledare</dd>" in out
    for link in web.get("länkar") or []:
        assert text(link["titel"]) in out
    flags = list(web.get("flaggor") or []) + [f for r in web["rader"] for f in r.get("flaggor") or []]
    assert flags
    for flag in flags:
        assert text(flag["fråga"]) in out
        assert text(flag["citat"]) in out
    assert "Källa: <code>data/strategy/budget.yaml</code>" in out


def test_data_values_are_escaped(strategy: Strategy) -> None:
    """A <script> or a pipe in a budget value is shown as text and cannot break the table."""
    data = copy.deepcopy(strategy["budget"])
    data["webb"]["rader"][0]["post"] = "<script>alert(1)</script>"
    data["webb"]["rader"][0]["underlag"] = "a | b"
    data["sociala_medier"]["text"] = "<b>fet</b>"
    out = VIEWS["budget"](Strategy(ROOT, {"budget": data}, [], dict(SOURCES), TODAY))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "a &#124; b" in out
    assert "&lt;b&gt;fet&lt;/b&gt;" in out


def test_minimal_data_without_optional_keys() -> None:
    """Without links, flags, basis or responsible role the view still renders the table and sums."""
    rows = [{"id": "a", "post": "A", "min": 100, "max": 100}]
    out = VIEWS["budget"](small(minimal(rows, {"min": 100, "max": 100})))
    assert "<strong>Budget för att sponsra inlägg finns.</strong>" in out
    assert '<th scope="row">A</th><td>100\u00a0kr</td><td>100\u00a0kr</td><td></td>' in out
    assert "Leds av" not in out
    assert "admonition" not in out
    assert "Länkar" not in out


def test_empty_budget_file_does_not_crash() -> None:
    """A budget file with no sections yields only the heading and source line."""
    out = VIEWS["budget"](small({}))
    assert "## Budget" in out
    assert "<table" not in out
