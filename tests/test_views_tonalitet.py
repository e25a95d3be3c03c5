"""Tests for the tone and writing-rules view (strategi/views/tonalitet.py)."""

from __future__ import annotations

import copy

from strategi.data import model
from strategi.views import VIEWS
from tests._viewtables import variant


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_sections_rules_and_sources(strategy: model.Strategy) -> None:
    """Writing-rule links, every general paragraph, the law, social media and web tone each appear with a source."""
    out = VIEWS["tonalitet"](strategy)
    data = strategy["tonalitet"]
    for link in data["skrivregler"]:
        assert f'<li>{link["titel"]} <span class="okand">(adressen saknas i strategin)</span>' in out
    for paragraph in data["allmänt"]["stycken"]:
        assert _flat(paragraph) in out
    assert '<p class="lagrum">Lagrum: Språklagen §11</p>' in out
    assert _flat(data["sociala_medier"]) in out
    assert _flat(data["webben"]) in out
    for title in ("Skrivregler", "I alla kanaler", "I sociala medier", "På webben"):
        assert f"\n## {title}\n" in out
    assert out.count("Källa: <code>data/strategy/tonalitet.yaml</code>") == 4


def test_link_with_address_and_flags(strategy: model.Strategy) -> None:
    """A writing rule with an address becomes a link; a flag becomes an 'Att bekräfta' note with its quote."""
    data = copy.deepcopy(strategy["tonalitet"])
    data["skrivregler"][0]["adress"] = "https://example.org/klarsprak"
    data["flaggor"] = [{"typ": "osäkert", "fråga": "Gäller detta?", "citat": "Språket ska vara vårdat"}]
    out = VIEWS["tonalitet"](variant(strategy, tonalitet=data))
    assert '<a href="https://example.org/klarsprak">Lathund' in out
    assert "Att bekräfta" in out
    assert "Gäller detta?" in out
    assert "Språket ska vara vårdat" in out


def test_values_are_escaped(strategy: model.Strategy) -> None:
    """A <script> in the tone texts or a link title is shown as text."""
    data = copy.deepcopy(strategy["tonalitet"])
    data["webben"] = "<script>a</script>"
    data["allmänt"]["lagrum"] = "<script>b</script>"
    data["skrivregler"][0]["titel"] = "<script>c</script>"
    out = VIEWS["tonalitet"](variant(strategy, tonalitet=data))
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") == 3


def test_optional_keys_absent(strategy: model.Strategy) -> None:
    """Without flags, law or rule links the page renders the rest; with no data it renders nothing."""
    data = copy.deepcopy(strategy["tonalitet"])
    data.pop("skrivregler")
    data["allmänt"].pop("lagrum")
    out = VIEWS["tonalitet"](variant(strategy, tonalitet=data))
    assert "## Skrivregler" not in out
    assert "Lagrum" not in out
    assert "## På webben" in out
    assert VIEWS["tonalitet"](variant(strategy, tonalitet={})) == "\n"
