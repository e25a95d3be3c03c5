"""The open-questions page: flags, incomplete channels, open assignments, stale status, links."""

from __future__ import annotations

from collections import defaultdict

from strategi.content import questions
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._channel_matrix import channel_link
from strategi.views._org_helpers import FLAG_TYPES
from strategi.views.personas import personas_matris

from . import source_of, view


def _quote(text: str | None) -> str:
    return f"<blockquote>{render.esc(render.one_line(text))}</blockquote>" if text else ""


def _flag_section(s: Strategy) -> str:
    by_file: dict[str, list[questions.Question]] = defaultdict(list)
    for q in questions.flags(s):
        by_file[q.file].append(q)
    if not by_file:
        return render.p("Inget i data är flaggat för bekräftelse.")
    parts = []
    for relpath, items in by_file.items():
        rows = [
            [
                q.where,
                FLAG_TYPES.get(q.kind, q.kind),
                render.Raw(render.esc(q.text) + _quote(q.quote)),
                q.line,
            ]
            for q in items
        ]
        parts.append(
            render.table(f"Att bekräfta i {relpath}", ["Var", "Typ", "Fråga", "Rad"], rows, cls="kort")
        )
        parts.append(render.source(relpath, s.edit_base))
    return render.block(*parts)


def _incomplete(s: Strategy) -> str:
    found = questions.incomplete_channels(s)
    if not found:
        return render.p("Alla kanaler har en komplett strategi.")
    return render.ul(f"{q.where}: {q.text}" for q in found)


def _assignments(s: Strategy) -> str:
    items = questions.open_assignments(s)
    if not items:
        return render.p("Inga uppdrag är öppna.")
    rows = []
    for item in items:
        deadline = item.get("deadline")
        when = periods.describe(deadline) if deadline else "ingen angiven"
        if item["försenat"]:
            when += " (passerad)"
        rows.append([render.one_line(item.get("vad", "")), when, item.get("status", "")])
    return render.block(
        render.table("Öppna uppdrag", ["Uppdrag", "Deadline", "Status"], rows, cls="kort"),
        source_of(s, "process"),
    )


def _stale(s: Strategy, page: str) -> str:
    stale = questions.stale_channels(s)
    cadence = s.revision_months
    if not stale:
        return render.p(f"Alla kanalers nuläge är yngre än {cadence} månader.")
    rows = []
    for channel in stale:
        latest = periods.latest_snapshot(channel)
        when = periods.describe(latest["datum"]) if latest else "saknas"
        rows.append(
            [
                channel_link(channel, page),
                when,
                "behöver uppdateras",
            ]
        )
    return render.block(
        render.p(
            f"Nuläget ska uppdateras minst var {cadence}:e månad. Räknat från {periods.describe(s.today.isoformat())}:"
        ),
        render.table(
            "Nulägen som behöver uppdateras", ["Kanal", "Nuläget avser", "Status"], rows, cls="kort"
        ),
    )


def _links(s: Strategy) -> str:
    found = questions.links_without_address(s)
    if not found:
        return render.p("Alla länkar har en adress.")
    rows = [[q.where, q.text, q.file, q.line] for q in found]
    return render.table("Länkar utan adress", ["Var", "Fråga", "Fil", "Rad"], rows, cls="kort")


@view("oppna_fragor")
def oppna_fragor(s: Strategy, page: str = pages.QUESTIONS) -> str:
    """Everything the editor group must settle before the strategy can be adopted, one section per
    part of questions.open_parts (counted and named the same on the start page and in the PDF)."""
    sections = {
        pages.FLAGS_ANCHOR: _flag_section(s),
        "ofullstandiga-kanaler": _incomplete(s),
        "oppna-uppdrag": _assignments(s),
        pages.STALE_ANCHOR: _stale(s, page),
        "lankar-utan-adress": _links(s),
    }
    return render.block(
        render.p(
            "Här samlas allt som behöver bekräftas eller kompletteras: oklarheter i källtexten, "
            "kanaler utan fullständig strategi, öppna uppdrag, nulägen som är för gamla och länkar "
            "utan adress. Listan byggs från datafilerna och försvinner i takt med att frågorna löses."
        ),
        render.p(questions.open_line(s)),
        *(
            render.block(render.heading(2, part.many.capitalize(), part.anchor), sections[part.anchor])
            for part in questions.open_parts(s)
        ),
        personas_matris(s, page),
    )
