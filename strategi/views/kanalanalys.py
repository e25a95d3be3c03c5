"""'Kanalanalys': the survey of which channels residents use daily, per age group.

The bar chart is inline SVG drawn here at build time (no script, no outside asset). Bar lengths
are proportional to the percentages on a fixed 0–100 scale; the table below it is its text form.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import flags, one_line
from strategi.views._time import tidpunkt

from . import source_of, view

CHART_ID = "kanalanalys-diagram"
SCALE = 3  # SVG units per percentage point: 100 % is 300 units long
BAR_COLOUR = "#00546b"  # 8.9:1 against white (at least 3:1 is needed for graphics)
TEXT_COLOUR = "#1a1a1a"  # 17.4:1 against white (at least 4.5:1 is needed for text)
FONT = 14
CHAR_WIDTH = 8  # rough width of one character at FONT, for the label column
GROUP_ROW = 28
BAR_ROW = 24
BAR_HEIGHT = 16
GROUP_GAP = 12
VALUE_WIDTH = 60


def percent(value: float | int) -> str:
    """'76 %' with a no-break space, Swedish decimals."""
    return f"{render.number(value)}\u00a0%"


def _group_label(group: dict[str, Any]) -> str:
    return f"{one_line(group.get('namn', ''))} ({render.number(group.get('respondenter', 0))} svarande)"


def _num(value: float) -> str:
    return f"{value:g}"


def _text(x: float, y: float, content: str, extra: str = "") -> str:
    return f'<text x="{_num(x)}" y="{_num(y)}" fill="{TEXT_COLOUR}"{extra}>{render.esc(content)}</text>'


def chart_svg(groups: list[dict[str, Any]]) -> str:
    """Horizontal bars, one group per age group, each bar labelled with its channel and percentage."""
    names = [one_line(c.get("kanal", "")) for g in groups for c in g.get("kanaler") or []]
    label_width = max([8, *(len(n) for n in names)]) * CHAR_WIDTH + 16
    headings = [len(_group_label(g)) * CHAR_WIDTH for g in groups]
    width = max([label_width + 100 * SCALE + VALUE_WIDTH, *headings])
    parts: list[str] = []
    y = 0
    for group in groups:
        y += GROUP_ROW
        parts.append(_text(0, y - 8, _group_label(group), ' font-weight="700"'))
        for entry in group.get("kanaler") or []:
            value = float(entry.get("procent", 0))
            bar = value * SCALE
            top = y + (BAR_ROW - BAR_HEIGHT) / 2
            baseline = top + BAR_HEIGHT - 3
            parts.append(
                _text(label_width - 8, baseline, one_line(entry.get("kanal", "")), ' text-anchor="end"')
            )
            parts.append(
                f'<rect x="{_num(label_width)}" y="{_num(top)}" width="{_num(bar)}" '
                f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            )
            parts.append(_text(label_width + bar + 6, baseline, percent(entry.get("procent", 0))))
            y += BAR_ROW
        y += GROUP_GAP
    title = "Kanaler som länsborna använder dagligen, per åldersgrupp"
    desc = (
        f"Liggande stapeldiagram: {len(groups)} åldersgrupper och de kanaler varje grupp använder "
        "dagligen, i procent av de svarande. Samma uppgifter finns i tabellen under diagrammet."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_num(width)} {_num(y)}" '
        f'aria-labelledby="{CHART_ID}-titel {CHART_ID}-beskrivning" font-size="{FONT}">'
        f'<title id="{CHART_ID}-titel">{render.esc(title)}</title>'
        f'<desc id="{CHART_ID}-beskrivning">{render.esc(desc)}</desc>' + "".join(parts) + "</svg>"
    )


def _figure(data: dict[str, Any], groups: list[dict[str, Any]]) -> str:
    caption = "Andel av de svarande i varje åldersgrupp som använder kanalen dagligen."
    if data.get("utförare"):
        caption += f" Kartläggning: {one_line(data['utförare'])}."
    return (
        f'<figure class="stapeldiagram">{chart_svg(groups)}'
        f"<figcaption>{render.esc(caption)}</figcaption></figure>"
    )


def _table(groups: list[dict[str, Any]]) -> str:
    rows = [
        [
            one_line(g.get("namn", "")),
            render.number(g.get("respondenter", 0)),
            one_line(c.get("kanal", "")),
            percent(c.get("procent", 0)),
        ]
        for g in groups
        for c in g.get("kanaler") or []
    ]
    return render.table(
        "Kanaler som länsborna använder dagligen, per åldersgrupp (diagrammets uppgifter som tabell)",
        ["Åldersgrupp", "Antal svarande", "Kanal", "Andel"],
        rows,
    )


@view("kanalanalys")
def kanalanalys(s: Strategy) -> str:
    """The channel analysis page: intro, who did the survey, the chart, the same data as a table."""
    data = s["kanalanalys"]
    groups = list(data.get("åldersgrupper") or [])
    facts = []
    if data.get("utförare"):
        facts.append(f"Kartläggningen är gjord av {one_line(data['utförare'])}.")
    if data.get("genomförd"):
        facts.append(f"Den genomfördes {tidpunkt(str(data['genomförd']))}.")
    return render.block(
        render.p(data.get("inledning")),
        render.p(" ".join(facts)) if facts else "",
        render.heading(2, "Daglig användning per åldersgrupp"),
        _figure(data, groups) if groups else "",
        _table(groups) if groups else render.p("Kanalanalysen har inga åldersgrupper ännu.", cls="okand"),
        flags(data.get("flaggor")),
        source_of(s, "kanalanalys"),
    )
