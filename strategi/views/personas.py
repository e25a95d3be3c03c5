"""'Målgrupper och personas': the five personas and where they follow us, channel by channel.

The strategy's persona x channel matrix lost most of its channel names when the page was
flattened to text. It is shown as recorded, with what is unknown said in words; beside it a
second table is built from the channel files' own `personas` lists.
"""

from __future__ import annotations

from typing import Any

from .. import render
from ..model import Strategy
from . import view
from ._channel_matrix import channel_link, channel_sources, unknown
from ._org_helpers import flags, one_line

MATRIX_FLAGS_ID = "personas-matris-att-bekrafta"


def _persona_by_number(data: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(p["nummer"]): p for p in data.get("personas") or [] if "nummer" in p}


def _column_header(number: int, persona: dict[str, Any] | None) -> str:
    return f"{number} – {one_line(persona['namn'])}" if persona else str(number)


def _personas(s: Strategy, data: dict[str, Any]) -> str:
    people = data.get("personas") or []
    rows = [
        [
            p.get("nummer", ""),
            one_line(p.get("namn", "")),
            one_line(p.get("behov", "")),
            one_line(p.get("drivkraft", "")),
        ]
        for p in people
    ]
    table = render.table("De fem personas", ["Nr", "Persona", "Behov", "Drivkraft"], rows)
    descriptions = "".join(
        f"<li><strong>{render.esc(one_line(p.get('namn', '')))}</strong> – "
        f"{render.esc(one_line(p.get('beskrivning', '')))}</li>"
        for p in people
        if p.get("beskrivning")
    )
    return render.block(
        render.heading(2, "De fem personas"),
        table,
        f'<ul class="personas">{descriptions}</ul>' if descriptions else "",
        flags([*(f for p in people for f in p.get("flaggor") or []), *(data.get("flaggor") or [])]),
        render.source(s.source("personas"), s.edit_base),
    )


def _recorded_channel(s: Strategy, row: dict[str, Any]) -> render.Raw:
    """The channel cell of a recorded row: its text, or 'Okänd kanal' and why when the name was lost."""
    text = one_line(row.get("kanaltext") or "")
    channel_id = row.get("kanal")
    known = {c["id"]: c for c in s.channels}
    if channel_id in known:
        link = channel_link(known[channel_id])
        return render.Raw(f"{render.esc(text)} ({link.html})" if text else link.html)
    if text:
        return render.Raw(f"{render.esc(text)} {unknown('(ingen kanalfil)').html}")
    return render.Raw(
        f"{unknown('Okänd kanal').html}<br><small>Kanalnamnet har fallit bort i strategins text; "
        f'se <a href="#{MATRIX_FLAGS_ID}">Att bekräfta</a>.</small>'
    )


def _recorded_matrix(s: Strategy, data: dict[str, Any]) -> str:
    """The matrix as the strategy records it. While it has open questions, an unmarked cell is unknown."""
    matrix = data.get("matris") or {}
    by_number = _persona_by_number(data)
    columns = [int(n) for n in matrix.get("kolumner") or []]
    doubtful = bool(matrix.get("flaggor"))
    empty: Any = unknown("okänd") if doubtful else "nej"
    headers = [one_line(matrix.get("rubrik_kanal") or "Kanal")]
    headers += [_column_header(n, by_number.get(n)) for n in columns]
    rows = []
    for row in matrix.get("rader") or []:
        marks = {int(m) for m in row.get("markeringar") or []}
        rows.append([_recorded_channel(s, row), *("x" if n in marks else empty for n in columns)])
    legend = "x: markerad i strategin."
    if doubtful:
        legend += " okänd: strategins text visar inte säkert om personan är markerad (se Att bekräfta)."
    question_block = flags(matrix.get("flaggor"))
    return render.block(
        render.heading(3, "Matrisen som den står i strategin"),
        render.p(legend),
        render.table("Var personas i huvudsak följer oss, enligt strategins matris", headers, rows),
        # A heading, not a bare id, so the anchor survives the print page's renaming of ids.
        render.heading(4, "Att bekräfta om matrisen", MATRIX_FLAGS_ID) if question_block else "",
        question_block,
        render.source(s.source("personas"), s.edit_base),
    )


def _channel_matrix(s: Strategy, data: dict[str, Any]) -> str:
    """Persona x channel from the channel files: one row per channel file, unknown where it has no list."""
    people = data.get("personas") or []
    headers = ["Kanal", *(_column_header(p.get("nummer", ""), p) for p in people)]
    rows: list[list[Any]] = []
    missing = []
    for channel in s.channels:
        named = channel.get("personas")
        if named is None:
            missing.append(one_line(channel.get("namn", channel["id"])))
            rows.append([channel_link(channel), *(unknown() for _ in people)])
        else:
            rows.append([channel_link(channel), *("ja" if p.get("id") in named else "nej" for p in people)])
    note = ""
    if missing:
        note = render.p(
            "Uppgift saknas: kanalfilen anger inte vilka personas kanalen främst riktar sig till "
            f"({', '.join(missing)})."
        )
    return render.block(
        render.heading(3, "Enligt kanalernas egna avsnitt"),
        render.table("Personas som kanalen främst riktar sig till, enligt kanalfilerna", headers, rows),
        note,
        channel_sources(s),
    )


@view("personas")
def personas(s: Strategy) -> str:
    """The personas page: intro, the role note, the five personas and the two persona x channel tables."""
    data = s["personas"]
    remark = ""
    if data.get("anmärkning"):
        remark = (
            '<div class="admonition info"><p class="admonition-title">En persona är en roll</p>'
            f"{render.p(data['anmärkning'])}</div>"
        )
    matrix = data.get("matris") or {}
    return render.block(
        render.p(data.get("inledning", "")),
        remark,
        _personas(s, data),
        render.heading(2, "Personas i kanalerna"),
        render.p(matrix.get("inledning", "")),
        _recorded_matrix(s, data),
        _channel_matrix(s, data),
    )


@view("kanal_personas")
def kanal_personas(s: Strategy, channel_id: str) -> str:
    """The personas a channel names, as a list of their names; '' when the channel file names none."""
    named = s.channel(channel_id).get("personas")
    if not named:
        return ""
    by_id = {p.get("id"): p for p in s["personas"].get("personas") or []}
    names = render.ul(one_line(by_id[pid]["namn"]) if pid in by_id else pid for pid in named)
    return render.block(render.p("Kanalen riktar sig främst till de här personas:"), names)
