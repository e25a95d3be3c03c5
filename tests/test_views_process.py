"""Tests for the process view and the per-channel assignment list (strategi/views/process.py)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import shown, small, table, text
from tests.conftest import TODAY

GROUPS = {
    "grupper": [
        {"id": "webb", "namn": "Webbgruppen", "beskrivning": "W."},
        {"id": "sociala", "namn": "Sociala gruppen", "beskrivning": "S."},
    ]
}


@pytest.fixture(scope="module")
def out(strategy: Strategy) -> str:
    return VIEWS["process"](strategy)


def minimal(tasks: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "inledning": "Inledning.",
        "framtagande": ["Så blev det."],
        "slutsatser": {"inledning": "Vi kom fram till:", "punkter": ["en sak"]},
        "beslut": {"text": "Beslutet.", "antas_inte": False},
        "uppdrag": tasks,
        **extra,
    }


def with_groups(process: dict[str, Any], today: dt.date = TODAY) -> Strategy:
    """A hand-made strategy of this process part and two editorial groups."""
    return small(today=today, process=process, organisation=copy.deepcopy(GROUPS))


def test_making_conclusions_decision_and_closing(strategy: Strategy, out: str) -> None:
    """How it was made, each conclusion as a list item, the decision, 'not adopted, instead' and the closing."""
    data = strategy["process"]
    assert f"<p>{shown(data['inledning'])}</p>" in out
    for paragraph in data["framtagande"]:
        assert f"<p>{shown(paragraph)}</p>" in out
    assert f"<p>{shown(data['slutsatser']['inledning'])}</p>" in out
    for point in data["slutsatser"]["punkter"]:
        assert f"<li>{shown(point)}</li>" in out
    assert f"<p>{shown(data['beslut']['text'])}</p>" in out
    assert '<p class="admonition-title">Förslaget antas inte</p>' in out
    assert f"<p>{shown(data['beslut']['i_stället'])}</p>" in out
    assert "Beslutet gäller: Victoria Rydergård, Oscar Schriever-Abeln." in out
    assert f"<p>{shown(data['avslutning'])}</p>" in out
    assert out.index("## Uppdrag") < out.index("## Avslutning")


def test_assignments_grouped_by_recipients(out: str) -> None:
    """One level-3 heading and table per set of recipients, group names resolved, each task under
    its own: five for the two editorial groups (seed lines 480-485), two for the communication
    strategy group (seed lines 486-488)."""
    assert out.count("<table>") == 2
    both = table(out, "Uppdrag till Redaktörsgruppen för sociala medier och Redaktörsgruppen för webben")
    strategy_group = table(out, "Uppdrag till Strategigruppen för kommunikation")
    assert [text(row[0])[:40] for row in both[1:]] == [
        "att i november presentera ett reviderat ",
        "Då Linkedins algoritm ändrats så att upp",
        "Digitala strategin behöver kompletteras ",
        "att presentera ett gemensamt digitalt ve",
        "att hitta mötesformer och arbetssätt i r",
    ]
    assert [text(row[0])[:40] for row in strategy_group[1:]] == [
        "Reda ut frågor om bevakning utanför ordi",
        "Överväga om våra sociala mediekanaler sk",
    ]
    first = out.index(
        "\n### Uppdrag till Redaktörsgruppen för sociala medier och Redaktörsgruppen för webben\n"
    )
    second = out.index("\n### Uppdrag till Strategigruppen för kommunikation\n")
    assert first < out.index("<caption>Uppdrag till Redaktörsgruppen") < second
    assert second < out.index("<caption>Uppdrag till Strategigruppen")


def test_assignment_cells(strategy: Strategy, out: str) -> None:
    """Deadline in Swedish words, status with a passed-deadline note, channel names, today's state, recipient."""
    assert '<td><time datetime="2020-11">november 2020</time></td><td>Öppen (deadline passerad)</td>' in out
    assert '<td><span class="okand">Ingen angiven</span></td><td>Öppen</td><td>Linkedin</td>' in out
    assert '<br><span class="uppdrag-detalj">Nuläge: I dag används mediekalendern i Outlook.</span>' in out
    assert '<br><span class="uppdrag-detalj">Redovisas för: Strategigruppen för kommunikation</span>' in out
    for flag in [f for t in strategy["process"]["uppdrag"] for f in t.get("flaggor") or []]:
        assert shown(flag["fråga"]) in out
        assert shown(flag["citat"]) in out
    assert "Källa: <code>data/strategy/process.yaml</code>" in out


@pytest.mark.parametrize(
    ("deadline", "today", "status", "shown"),
    [
        ("2020-h2", dt.date(2020, 12, 31), "öppen", "Öppen"),
        ("2020-h2", dt.date(2021, 1, 1), "öppen", "Öppen (deadline passerad)"),
        ("2020-h2", dt.date(2021, 1, 1), "klar", "Klar"),
        ("2021-01-19", dt.date(2021, 1, 20), "pågår", "Pågår (deadline passerad)"),
    ],
)
def test_deadline_passed_only_when_over_and_not_done(
    deadline: str, today: dt.date, status: str, shown: str
) -> None:
    """A task is marked overdue only after the last day its deadline covers, and never when it is done."""
    task = {"id": "t", "till": ["webb"], "vad": "Gör.", "status": status, "deadline": deadline}
    out = VIEWS["process"](with_groups(minimal([task]), today))
    assert f"<td>{shown}</td>" in out


def test_kanal_uppdrag_lists_only_that_channels_tasks(strategy: Strategy) -> None:
    """The channel list has exactly the tasks whose kanaler include the channel, and is empty otherwise."""
    tasks = strategy["process"]["uppdrag"]
    for channel in strategy.channels:
        listed = VIEWS["kanal_uppdrag"](strategy, channel["id"])
        mine = [t for t in tasks if channel["id"] in (t.get("kanaler") or [])]
        if not mine:
            assert listed == ""
            continue
        assert listed.count("<li>") == len(mine)
        for task in tasks:
            assert (shown(task["vad"]) in listed) == (task in mine)
    assert VIEWS["kanal_uppdrag"](strategy, "finns-inte") == ""


def test_kanal_uppdrag_details() -> None:
    """Each listed task names its recipients, deadline in words, status and today's state."""
    task = {
        "id": "t",
        "till": ["sociala", "webb"],
        "vad": "Se över.",
        "status": "öppen",
        "deadline": "2030-h1",
        "nuläge": "Inget görs.",
        "kanaler": ["x"],
    }
    listed = VIEWS["kanal_uppdrag"](with_groups(minimal([task])), "x")
    assert (
        "<li>Se över. (till Sociala gruppen och Webbgruppen; deadline: våren 2030; "
        "status: öppen; nuläge: Inget görs.)</li>"
    ) in listed


def test_data_values_are_escaped(strategy: Strategy) -> None:
    """A <script> in a task, a conclusion or the closing comes out as text."""
    data = copy.deepcopy(strategy["process"])
    bad = "<script>alert(1)</script>"
    data["uppdrag"][0]["vad"] = bad
    data["uppdrag"][0]["kanaler"] = ["x"]
    data["slutsatser"]["punkter"][0] = bad
    data["avslutning"] = bad
    org = copy.deepcopy(strategy["organisation"])
    org["grupper"][0]["namn"] = bad
    s = small(process=data, organisation=org)
    for out in (VIEWS["process"](s), VIEWS["kanal_uppdrag"](s, "x")):
        assert "<script>" not in out
        assert "&lt;script&gt;" in out


def test_minimal_data_without_optional_keys() -> None:
    """Without deadline, channels, flags, closing or people the view renders; an unknown group shows its id."""
    task = {"id": "t", "till": ["okand-grupp"], "vad": "Gör något.", "status": "okänd"}
    out = VIEWS["process"](with_groups(minimal([task])))
    assert '<p class="admonition-title">Förslaget antas</p>' in out
    assert "\n### Uppdrag till okand&#45;grupp\n" in out
    assert '<td><span class="okand">Ingen angiven</span></td><td>Okänd</td><td>–</td>' in out
    assert "## Avslutning" not in out
    assert "Att bekräfta" not in out
