"""An editor's ordinary half-year revision of the live data keeps every check green.

On a throwaway copy of the live data/ (whatever it holds today) an editor turns a traffic light to
another colour, enters a new figure in a nuläge, rewords a goal's sentence and adds a new nuläge
snapshot. The copy must then pass the checks that every pull request of data runs: it validates,
builds with --strict, every value in it reaches a page, and each changed value shows on its page.
Every edit is worked out from the data it edits (which channel, which light, which figure), so the
test holds for any valid strategy, not only for the 2020 one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from strategi.data.loader import Document, load
from strategi.views import render
from tests._viewtables import table
from tests.conftest import ROOT, build_site, copy_project, run_cli
from tests.test_site import page_text, values_missing_from

pytestmark = pytest.mark.slow

OTHER_LIGHT = {"röd": "gul", "gul": "grön", "grön": "gul"}
NEW_WORD = "halvårsreviderad"
SNAPSHOT_ID = "redaktorens-matning"
SNAPSHOT_TEXT = "Redaktörsgruppens egen mätning i slutet av halvåret."
SNAPSHOT_FIGURE = 12_345


def _offset(text: str, line: int, column: int) -> int:
    """The index in ``text`` of a 1-based line and column."""
    return sum(len(row) for row in text.splitlines(keepends=True)[: line - 1]) + column - 1


@dataclass
class Edit:
    """One data file of the copy, read with its positions, changed in place as an editor would."""

    path: Path
    relpath: str

    def doc(self) -> Document:
        return load(self.path, self.relpath)

    def replace_at(self, where: tuple[int, int], old: str, new: str) -> None:
        text = self.path.read_text(encoding="utf-8")
        start = _offset(text, *where)
        assert text[start : start + len(old)] == old, (self.relpath, where, old)
        self.path.write_text(text[:start] + new + text[start + len(old) :], encoding="utf-8")


def _channels(root: Path) -> list[Edit]:
    return [Edit(p, p.relative_to(root).as_posix()) for p in sorted((root / "data/channels").glob("*.yaml"))]


def _turn_a_light(root: Path) -> dict[str, Any]:
    """The first channel's first material type gets another colour."""
    for channel in _channels(root):
        data = channel.doc().data
        if data.get("materialtyper"):
            kind, old = next(iter(data["materialtyper"].items()))
            channel.replace_at(channel.doc().where(("materialtyper", kind)), old, OTHER_LIGHT[old])
            return {"channel": data["id"], "name": data["namn"], "kind": kind, "light": OTHER_LIGHT[old]}
    raise AssertionError("no channel rates a material type")


def _new_figure(root: Path) -> dict[str, Any]:
    """The first whole-number figure in a channel's nuläge goes up by 400."""
    for channel in _channels(root):
        data = channel.doc().data
        for i, snapshot in enumerate(data["nuläge"]):
            for key, value in (snapshot.get("mätvärden") or {}).items():
                if isinstance(value, int) and not isinstance(value, bool):
                    path = ("nuläge", i, "mätvärden", key)
                    channel.replace_at(channel.doc().where(path), str(value), str(value + 400))
                    return {"channel": data["id"], "shown": render.number(value + 400).replace("\u00a0", " ")}
    raise AssertionError("no channel has a figure in its nuläge")


def _reword_a_goal(root: Path) -> dict[str, Any]:
    """The last word of the first goal's sentence is replaced."""
    goals = Edit(root / "data/strategy/mal.yaml", "data/strategy/mal.yaml")
    sentence = goals.doc().data["mål"][0]["formulering"]
    words = sentence.split()
    text = goals.path.read_text(encoding="utf-8")
    at = _offset(text, *goals.doc().where(("mål", 0, "formulering")))
    for word in words:
        at = text.index(word, at) + len(word)
    goals.path.write_text(text[: at - len(words[-1])] + NEW_WORD + text[at:], encoding="utf-8")
    return {"new": " ".join([*words[:-1], NEW_WORD])}


def _add_a_snapshot(root: Path) -> dict[str, Any]:
    """The first channel gets one more nuläge snapshot, dated the version's own half-year."""
    version = load(root / "data/strategy/strategi.yaml").data["version"]["id"]
    channel = _channels(root)[0]
    doc = channel.doc()
    keys = list(doc.data)
    indent = " " * (doc.where(("nuläge", 0))[1] - 3)
    snapshot = (
        f"{indent}- id: {SNAPSHOT_ID}\n"
        f'{indent}  datum: "{version}"\n'
        f"{indent}  källa: Redaktörsgruppen\n"
        f"{indent}  övergripande: {SNAPSHOT_TEXT}\n"
        f"{indent}  mätvärden:\n"
        f"{indent}    följare: {SNAPSHOT_FIGURE}\n"
    )
    text = channel.path.read_text(encoding="utf-8")
    after = keys.index("nuläge") + 1
    at = _offset(text, doc.where((keys[after],), key=True)[0], 1) if after < len(keys) else len(text)
    channel.path.write_text(text[:at] + snapshot + text[at:], encoding="utf-8")
    return {"channel": doc.data["id"]}


@pytest.fixture(scope="module")
def revision(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the live project after the editor's revision, its `validera` run and its site."""
    root = copy_project(tmp_path_factory.mktemp("redaktor") / "projekt", ROOT / "data")
    out: dict[str, Any] = {
        "root": root,
        "light": _turn_a_light(root),
        "figure": _new_figure(root),
        "goal": _reword_a_goal(root),
        "snapshot": _add_a_snapshot(root),
    }
    out["validera"] = run_cli("validera", "--rot", str(root))
    out["site"] = root / "site"
    out["build"] = build_site(root, out["site"])
    return out


def _page(revision: dict[str, Any], path: str) -> str:
    return (revision["site"] / path / "index.html").read_text(encoding="utf-8")


def test_the_revised_data_validates(revision: dict[str, Any]) -> None:
    """`validera` finds no errors in the revised copy (warnings, such as an old nuläge, may stand)."""
    result = revision["validera"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Inga fel" in result.stdout


def test_the_revised_site_builds_strictly(revision: dict[str, Any]) -> None:
    """`mkdocs build --strict` of the revised copy succeeds."""
    assert revision["build"].returncode == 0, revision["build"].stderr


def test_every_revised_value_reaches_a_page(revision: dict[str, Any]) -> None:
    """Every text and number of the revised data appears on the revised site."""
    assert revision["build"].returncode == 0, revision["build"].stderr
    assert values_missing_from(revision["site"], revision["root"]) == []


def test_the_new_light_shows_in_the_matrix_and_on_the_channel_page(revision: dict[str, Any]) -> None:
    """The changed light is the one the matrix shows in the channel's row, in its own colour's class,
    and on the channel's own page the type's row carries it too."""
    light = revision["light"]
    span = render.light(light["light"]).html
    rows = table(_page(revision, "materialtyper"), "Trafikljus per kanal och materialtyp")
    kinds = load(revision["root"] / "data/strategy/materialtyper.yaml").data["typer"]
    name = next(k["namn"] for k in kinds if k["id"] == light["kind"])
    column = next(i for i, cell in enumerate(rows[0]) if re.sub(r"<[^>]+>", "", cell).strip() == name)
    row = next(r for r in rows[1:] if re.sub(r"<[^>]+>", "", r[0]).strip() == light["name"])
    assert row[column] == span
    own = table(_page(revision, f"kanaler/{light['channel']}"), "Trafikljus per materialtyp för")
    assert [r[1] for r in own[1:] if re.sub(r"<[^>]+>", "", r[0]).strip() == name] == [span]


def test_the_new_figure_shows_on_the_channel_page(revision: dict[str, Any]) -> None:
    """The raised figure is shown, as the site writes numbers, on the channel's page."""
    figure = revision["figure"]
    assert figure["shown"] in page_text(revision["site"] / "kanaler" / figure["channel"] / "index.html")


def test_the_reworded_goal_shows_on_the_goals_page(revision: dict[str, Any]) -> None:
    """The goals page shows the new sentence (the old one may stand on as another goal's, as goals
    A and B share one in 2020)."""
    assert revision["goal"]["new"] in page_text(revision["site"] / "mal" / "index.html")


def test_the_new_snapshot_shows_on_the_channel_page(revision: dict[str, Any]) -> None:
    """The added nuläge snapshot's text and figure are on the channel's page."""
    text = page_text(revision["site"] / "kanaler" / revision["snapshot"]["channel"] / "index.html")
    assert SNAPSHOT_TEXT in text
    assert render.number(SNAPSHOT_FIGURE).replace("\u00a0", " ") in text
