"""'Process och uppdrag': how the strategy was made, conclusions, the decision and the assignments.

Also the short list of assignments that concern one channel, for the channel pages.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._org_helpers import channel_name, flags, group_name, joined, one_line, person_name
from strategi.views._time import tidpunkt, tidpunkt_html, tidpunkt_slut

from . import source_of, view

STATUS = {"öppen": "Öppen", "pågår": "Pågår", "klar": "Klar", "okänd": "Okänd"}


def _status(s: Strategy, task: dict[str, Any]) -> str:
    """The status word, with a note when the deadline has passed and the task is not done."""
    code = str(task.get("status", "okänd"))
    word = STATUS.get(code, code)
    end = tidpunkt_slut(task["deadline"]) if task.get("deadline") else None
    if end is not None and end < s.today and code != "klar":
        word += " (deadline passerad)"
    return word


def _task_cell(s: Strategy, task: dict[str, Any]) -> render.Raw:
    html = render.esc(one_line(task.get("vad", "")))
    if task.get("nuläge"):
        html += f'<br><span class="uppdrag-detalj">Nuläge: {render.esc(one_line(task["nuläge"]))}</span>'
    if task.get("redovisas_till"):
        who = render.esc(group_name(s, task["redovisas_till"]))
        html += f'<br><span class="uppdrag-detalj">Redovisas för: {who}</span>'
    return render.Raw(html)


def _deadline(task: dict[str, Any]) -> render.Raw:
    if not task.get("deadline"):
        return render.Raw('<span class="okand">Ingen angiven</span>')
    return render.Raw(tidpunkt_html(str(task["deadline"])))


def _recipients(s: Strategy, ids: tuple[str, ...]) -> str:
    names = [group_name(s, i) for i in ids]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def _assignments(s: Strategy, tasks: list[dict[str, Any]]) -> str:
    """One table per set of recipients, in the order the strategy gives them (as the original does)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for task in tasks:
        groups.setdefault(tuple(task.get("till") or []), []).append(task)
    parts = [render.heading(2, "Uppdrag", pages.ASSIGNMENTS_ANCHOR)]
    for ids, members in groups.items():
        title = f"Uppdrag till {_recipients(s, ids)}" if ids else "Uppdrag utan mottagare"
        rows = [
            [
                _task_cell(s, t),
                _deadline(t),
                _status(s, t),
                joined(channel_name(s, c) for c in t.get("kanaler") or []),
            ]
            for t in members
        ]
        parts += [
            render.heading(3, title),
            render.table(title, ["Uppdrag", "Deadline", "Status", "Kanaler"], rows, cls="uppdrag"),
            *(flags(t.get("flaggor")) for t in members),
        ]
    return render.block(*parts, source_of(s, "process"))


def _decision(s: Strategy, decision: dict[str, Any]) -> str:
    if not decision:
        return ""
    people = decision.get("personer") or []
    named = f"Beslutet gäller: {', '.join(person_name(s, p) for p in people)}." if people else ""
    adopted = "Förslaget antas inte" if decision.get("antas_inte") else "Förslaget antas"
    outcome = render.admonition("info", adopted, render.p(decision.get("i_stället")))
    return render.block(
        render.heading(2, "Beslut"),
        render.p(decision.get("text", "")),
        render.p(named) if named else "",
        outcome,
        flags(decision.get("flaggor")),
    )


@view("process")
def process(s: Strategy) -> str:
    """How the strategy was made, conclusions, decision, assignments per recipient and the closing words."""
    data = s["process"]
    conclusions = data.get("slutsatser") or {}
    source = source_of(s, "process")
    return render.block(
        render.p(data.get("inledning", "")),
        render.heading(2, "Så togs strategin fram"),
        render.p(data.get("framtagande")),
        render.heading(2, "Slutsatser") if conclusions else "",
        render.p(conclusions.get("inledning", "")),
        render.ul(conclusions.get("punkter") or []),
        flags(conclusions.get("flaggor")),
        _decision(s, data.get("beslut") or {}),
        source,
        _assignments(s, data.get("uppdrag") or []),
        render.heading(2, "Avslutning") if data.get("avslutning") else "",
        render.p(data.get("avslutning", "")),
        flags(data.get("flaggor")),
        source if data.get("avslutning") or data.get("flaggor") else "",
    )


@view("kanal_uppdrag")
def kanal_uppdrag(s: Strategy, channel_id: str) -> str:
    """The assignments that concern one channel, as a short list; empty when there are none."""
    tasks = [t for t in s["process"].get("uppdrag") or [] if channel_id in (t.get("kanaler") or [])]
    if not tasks:
        return ""
    items = []
    for task in tasks:
        details = [f"till {_recipients(s, tuple(task.get('till') or []))}"]
        if task.get("deadline"):
            details.append(f"deadline: {tidpunkt(str(task['deadline']))}")
        details.append(f"status: {_status(s, task).lower()}")
        if task.get("nuläge"):
            details.append(f"nuläge: {one_line(task['nuläge'])}")
        items.append(f"{one_line(task.get('vad', ''))} ({'; '.join(details)})")
    return render.block(render.ul(items, cls="kanal-uppdrag"), source_of(s, "process"))
