"""Tests for the background page view (strategi/views/bakgrund.py)."""

from __future__ import annotations

import copy

from strategi.data import model
from strategi.views import VIEWS, render
from tests._viewtables import variant


def _flat(text: str) -> str:
    return " ".join(text.split()).replace("&", "&amp;").replace('"', "&quot;")


def test_digitalt_vaxer_paragraphs_in_order_and_links(strategy: model.Strategy) -> None:
    """All four Digitalt växer paragraphs appear in the strategy's order, and the link without address says so."""
    out = VIEWS["bakgrund"](strategy)
    growth = strategy["strategi"]["digitalt_växer"]
    keys = ["digitalt_först", "marknadsföring", "det_vi_mäter", "digitaliseringens_möjligheter"]
    positions = [out.index(_flat(growth[k])) for k in keys]
    assert positions == sorted(positions)
    assert 'Svenskarna och internet 2019 <span class="okand">(adressen saknas i strategin)</span>' in out


def test_period_roles_and_scope(strategy: model.Strategy) -> None:
    """The period text and its bounds in words, the four roles, scope, channel intro and status text appear."""
    out = VIEWS["bakgrund"](strategy)
    st = strategy["strategi"]
    assert st["period"]["text"] in out
    assert "<dt>Från</dt><dd>våren 2020</dd><dt>Till</dt><dd>2022</dd>" in out
    assert st["kommunikationsroller_inledning"] in out
    for role in st["kommunikationsroller"]:
        assert f"<li>{role['namn']}</li>" in out
    for text in (
        st["omfattning"],
        st["kanaler_inledning"]["struktur"],
        st["kanaler_inledning"]["lokala_tillägg"],
        st["nuläge_text"],
    ):
        assert _flat(text) in out
    assert "<dt>Nuläget avser</dt><dd>våren 2020</dd>" in out


def test_policy_documents_with_sub_documents_and_flags(strategy: model.Strategy) -> None:
    """Each policy document is a heading with its description and link; sub-documents nest one level deeper."""
    out = VIEWS["bakgrund"](strategy)
    for doc in strategy["strategi"]["styrdokument"]:
        assert f"\n### {doc['titel']}\n" in out
        assert _flat(doc["beskrivning"]) in out
        for sub in doc.get("underdokument") or []:
            assert f"\n#### {sub['titel']}\n" in out
            assert _flat(sub["beskrivning"]) in out
    assert "Ska den lyda" in out  # the graphic manual's question
    assert "Vilket gäller?" in out  # the file-level question about the status


def test_source_note_without_the_german_footer(strategy: model.Strategy) -> None:
    """'Om källan' holds the note and the page's date in words; the source page's German footer is not
    strategy content and leaves the reading page."""
    out = VIEWS["bakgrund"](strategy)
    section = out[out.index("## Om källan") :]
    assert "<dd>19 januari 2021</dd>" in section
    assert "Källa: <code>data/strategy/strategi.yaml</code>" in section
    assert "Hat Ihnen dieser Inhalt weitergeholfen?" not in out
    assert 'lang="de"' not in out


def test_source_page_frame_is_shown_nowhere(strategy: model.Strategy) -> None:
    """The source page's footer is the page's frame, not the strategy: it stays in the data with its
    note, and no view shows a line of it (Bakgrund says in Swedish where the text comes from)."""
    lines = strategy["strategi"]["källa"]["sidfot"]
    assert lines
    for name, view in VIEWS.items():
        try:
            out = view(strategy)
        except TypeError:  # views that need more than the strategy are covered by the site test
            continue
        assert not any(line in out for line in lines), name
    assert render.esc(render.one_line(strategy["strategi"]["källa"]["anmärkning"])) in VIEWS["bakgrund"](
        strategy
    )


def test_values_are_escaped(strategy: model.Strategy) -> None:
    """A <script> in a paragraph, a document title, a role or a footer line is shown as text."""
    data = copy.deepcopy(strategy["strategi"])
    data["digitalt_växer"]["marknadsföring"] = "<script>a</script>"
    data["styrdokument"][0]["titel"] = "<script>b</script>"
    data["kommunikationsroller"][0]["namn"] = "<script>c</script>"
    data["källa"]["sidfot"] = ["<script>d</script>"]
    out = VIEWS["bakgrund"](variant(strategy, strategi=data))
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") == 2
    assert "### &#60;script&#62;b&#60;/script&#62;" in out  # headings are Markdown-escaped


def test_optional_keys_absent(strategy: model.Strategy) -> None:
    """Without links, sub-documents, flags, role intro or footer the page renders and drops those parts."""
    data = copy.deepcopy(strategy["strategi"])
    for key in ("flaggor", "kommunikationsroller_inledning"):
        data.pop(key)
    data["digitalt_växer"].pop("lankar")
    data["källa"].pop("sidfot")
    data["styrdokument"] = [{"id": "x", "titel": "Ett dokument", "beskrivning": "Text."}]
    out = VIEWS["bakgrund"](variant(strategy, strategi=data))
    assert "### Ett dokument" in out
    assert "Att bekräfta" not in out
    assert 'lang="de"' not in out
    assert "<dd></dd>" not in out
    assert VIEWS["bakgrund"](variant(strategy, strategi={})) == "\n"
