"""'Målgrupper och personas': the five personas and which personas each channel serves.

The reading page says what the strategy reliably says: the personas each channel file names.
The strategy's persona x channel matrix lost most of its channel names when the page was
flattened to text; it is shown as recorded, with its questions, on the work list Öppna frågor
(view personas_matris), and the reading page links there.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._channel_matrix import channel_link, channel_sources, unknown
from strategi.views._org_helpers import flags, one_line

from . import source_of, view

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
    table = render.table("De fem personas", ["Nr", "Persona", "Behov", "Drivkraft"], rows, cls="kort")
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
        source_of(s, "personas"),
    )


def _recorded_channel(s: Strategy, row: dict[str, Any], page: str) -> render.Raw:
    """The channel cell of a recorded row: its text, or 'Okänd kanal' and why when the name was lost."""
    text = one_line(row.get("kanaltext") or "")
    channel_id = row.get("kanal")
    known = {c["id"]: c for c in s.channels}
    if channel_id in known:
        link = channel_link(known[channel_id], page)
        return render.Raw(f"{render.esc(text)} ({link.html})" if text else link.html)
    if text:
        return render.Raw(f"{render.esc(text)} {unknown('(ingen kanalfil)').html}")
    return render.Raw(
        f"{unknown('Okänd kanal').html}<br><small>Kanalnamnet har fallit bort i strategins text; "
        f'se <a href="#{MATRIX_FLAGS_ID}">Att bekräfta</a>.</small>'
    )


def _recorded_matrix(s: Strategy, data: dict[str, Any], page: str) -> str:
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
        rows.append([_recorded_channel(s, row, page), *("x" if n in marks else empty for n in columns)])
    legend = "x: markerad i strategin."
    if doubtful:
        legend += " okänd: strategins text visar inte säkert om personan är markerad (se Att bekräfta)."
    question_block = flags(matrix.get("flaggor"))
    return render.block(
        render.p(legend),
        render.table("Var personas i huvudsak följer oss, enligt strategins matris", headers, rows),
        # A heading, not a bare id, so the anchor survives the print page's renaming of ids.
        render.heading(4, "Att bekräfta om matrisen", MATRIX_FLAGS_ID) if question_block else "",
        question_block,
        source_of(s, "personas"),
    )


def _served(s: Strategy, data: dict[str, Any], page: str) -> str:
    """Each channel that names its personas, with their names; the channels that name none in one
    sentence, pointing to the garbled matrix on Öppna frågor."""
    by_id = {p.get("id"): p for p in data.get("personas") or []}
    items = []
    silent = []
    for channel in s.channels:
        named = channel.get("personas")
        if not named:
            silent.append(one_line(channel.get("namn", channel["id"])))
            continue
        names = ", ".join(one_line(by_id[pid]["namn"]) if pid in by_id else str(pid) for pid in named)
        items.append(f"<li>{channel_link(channel, page).html}: {render.esc(names)}</li>")
    listing = f'<ul class="personas-kanaler">{"".join(items)}</ul>' if items else ""
    rest = ""
    if silent:
        rest = render.p(
            f"För {', '.join(silent)} anger strategin inte säkert vilka personas kanalen främst "
            "riktar sig till: strategins matris över personas och kanaler har tappat kanalnamnen."
        )
    link = (
        "Matrisen finns som den står, med sina frågor, på "
        f"[Öppna frågor]({pages.md_href(page, pages.QUESTIONS, pages.MATRIX_ANCHOR)})."
        if data.get("matris")
        else ""
    )
    return render.block(
        render.p("Det här säger kanalavsnitten om vilka personas kanalen främst riktar sig till:")
        if items
        else "",
        listing,
        rest,
        link,
        channel_sources(s),
    )


@view("personas_matris")
def personas_matris(s: Strategy, page: str = pages.QUESTIONS) -> str:
    """The strategy's persona x channel matrix as it stands, with its questions (for Öppna frågor)."""
    data = s["personas"]
    matrix = data.get("matris") or {}
    if not matrix:
        return ""
    return render.block(
        render.heading(2, "Matrisen över personas och kanaler som den står i strategin", pages.MATRIX_ANCHOR),
        render.p(matrix.get("inledning", "")),
        _recorded_matrix(s, data, page),
    )


@view("personas")
def personas(s: Strategy, page: str = pages.PERSONAS) -> str:
    """The personas page: intro, the role note, the five personas, and the personas each channel names."""
    data = s["personas"]
    remark = ""
    if data.get("anmärkning"):
        remark = render.admonition("info", "En persona är en roll", render.p(data["anmärkning"]))
    return render.block(
        render.p(data.get("inledning", "")),
        remark,
        _personas(s, data),
        render.heading(2, "Personas i kanalerna"),
        _served(s, data, page),
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
