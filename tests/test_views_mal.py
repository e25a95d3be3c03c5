"""Tests for the goals page view (strategi/views/mal.py)."""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any

from strategi import model
from strategi.pages import goal_anchor
from strategi.views import VIEWS

ROOT = Path(__file__).resolve().parent.parent


def _with(s: model.Strategy, data: dict[str, Any]) -> model.Strategy:
    return dataclasses.replace(s, files={**s.files, "mal": data})


def _flat(text: str) -> str:
    return " ".join(text.split())


def _rows(out: str, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, each as a list of cell HTML."""
    table = out[out.index(f"<caption>{caption}</caption>") :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_goal_tables_cell_by_cell(strategy: model.Strategy) -> None:
    """Overall goals and sub-goals each get a table: label linked to its anchor, name, wording."""
    out = VIEWS["mal"](strategy)
    goals = strategy["mal"]["mål"]
    tables = {
        "Övergripande kommunikationsmål": [g for g in goals if g["typ"] == "övergripande"],
        "Delmål för strategins period": [g for g in goals if g["typ"] == "delmål"],
    }
    for caption, expected in tables.items():
        rows = _rows(out, caption)
        assert len(rows) == len(expected)
        for row, goal in zip(rows, expected, strict=True):
            assert row == [
                f'<a href="#mal-{goal["id"].lower()}">Mål {goal["id"]}</a>',
                goal["namn"],
                _flat(goal["formulering"]),
            ]
    assert strategy["mal"]["inledning"]["övergripande"] in out
    assert _flat(strategy["mal"]["inledning"]["mål_på_vägen_dit"]) in out


def test_each_goal_has_anchored_section_with_reasoning(strategy: model.Strategy) -> None:
    """Every goal has a level-3 heading with anchor mal-<id>, where it comes from, what the running
    text calls it, and every reasoning paragraph."""
    out = VIEWS["mal"](strategy)
    for goal in strategy["mal"]["mål"]:
        assert f"### Mål {goal['id']}: {goal['namn']} {{#mal-{goal['id'].lower()}}}" in out
        assert f"Målet kommer från: {_flat(goal['källa'])}." in out
        assert f"I strategins text kallas det: {goal['kallas_i_löpande_text']}." in out
        for paragraph in goal.get("motivering") or []:
            assert _flat(paragraph) in out


def test_breadth_web_engagement_and_focus(strategy: model.Strategy) -> None:
    """The breadth problem and chosen path, web, engagement, focus areas with the McQuivey source, flags."""
    out = VIEWS["mal"](strategy)
    data = strategy["mal"]
    for text in [*data["bredden"]["problem"], *data["bredden"]["vägval"], data["webben"], data["engagemang"]]:
        assert _flat(text) in out
    assert "### Problem med att visa på bredden" in out
    assert "#### Vägvalet" in out
    assert f"\n## {data['fokus_rubrik']}\n" in out
    for area in data["fokus"]:
        assert _flat(area["text"]) in out
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
    out = VIEWS["mal"](_with(strategy, data))
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
    out = VIEWS["mal"](_with(strategy, data))
    assert "## Fokus den närmsta tiden" in out
    assert "Mål på vägen dit" not in out
    assert "Att bekräfta" not in out
    assert "### Mål A: N {#mal-a}" in out
    assert VIEWS["mal"](_with(strategy, {})) == "\n"
