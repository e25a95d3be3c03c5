"""Static SVG line charts for indicators, written at build time: no JavaScript, readable without colour.

Every chart is inline SVG with role="img", a <title> and a <desc> stating the trend and the
target; the line is dark on a white ground (far above 3:1), the baseline is a labelled square,
the target a labelled dashed line, and the same numbers stand in an HTML table beside it.
"""

from __future__ import annotations

import datetime as dt
import math

from strategi.content.progress import Progress, value_text
from strategi.data import periods
from strategi.views import render

WIDTH, HEIGHT = 560, 240
LEFT, RIGHT, TOP, BOTTOM = 80, 24, 24, 44
LINE = "#1a4f8b"  # 8.6:1 on white
TARGET = "#3d3d3d"  # 11:1 on white
TEXT = "#1f1f1f"


# Round steps for an axis: 1, 2, 2.5 or 5 times a power of ten.
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
MAX_INTERVALS = 4
# Room above the highest value (and the target) for the target's label.
HEADROOM = 1.1


def axis_ticks(top: float, intervals: int = MAX_INTERVALS) -> list[float]:
    """The value axis from 0: the smallest round step (1, 2, 2.5 or 5 x 10^n) that reaches ``top``
    in at most ``intervals`` steps, and every multiple of it up to the first at or above ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    power = 10.0 ** math.floor(math.log10(top / intervals))
    step = next(m * power for m in NICE_STEPS if m * power * intervals >= top * (1 - 1e-12))
    count = math.ceil(top / step - 1e-9)
    # Rounded to the step's own precision, so 3 x 0.1 is 0.3 and not 0.30000000000000004.
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return [round(i * step, digits) for i in range(count + 1)]


def _trend(p: Progress) -> str:
    unit = p.indicator["enhet"]
    first, last = p.points[0], p.points[-1]
    if last.value > first.value:
        move = f"ökade från {first.text(unit)} till {last.text(unit)}"
    elif last.value < first.value:
        move = f"minskade från {first.text(unit)} till {last.text(unit)}"
    else:
        move = f"låg kvar på {first.text(unit)}"
    text = f"Värdet {move} mellan {first.when} och {last.when}."
    if p.target is not None:
        deadline = p.indicator.get("senast")
        when = f" till {periods.describe(deadline)}" if deadline else " varje månad"
        text += f" Målet är {value_text(p.target, unit)}{when}."
    else:
        text += " Strategin har inget mål för värdet."
    return f"{text} Status: {p.words}."


def description(p: Progress) -> str:
    """The chart's text alternative: trend, target and status in one or two sentences."""
    return _trend(p)


def svg(p: Progress, id_prefix: str = "") -> str:
    """The chart for an indicator with at least two values, or '' when it has fewer or when some of
    them contradict each other (two figures the source disagrees on are no trend).

    ``id_prefix`` keeps element ids unique where the same chart stands twice in one document
    (the print page joins the follow-up page and the channel pages).
    """
    if len(p.points) < 2 or p.disputed:
        return ""
    unit = p.indicator["enhet"]
    ident = render.esc(id_prefix + p.indicator["id"])
    dates = [pt.middle for pt in p.points]
    deadline = p.indicator.get("senast")
    x_max = max([*dates, periods.bounds(deadline)[1]]) if deadline and p.target is not None else max(dates)
    x_min = min(dates)
    values = [pt.value for pt in p.points] + ([p.target] if p.target is not None else [])
    ticks = axis_ticks(max(values) * HEADROOM)
    y_max = ticks[-1]
    span_days = max((x_max - x_min).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + plot_w * (day - x_min).days / span_days

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / y_max)

    parts = [
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="{TEXT}"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="{TEXT}"/>',
    ]
    for value in ticks:
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="15" fill="{TEXT}">'
            f"{render.esc(value_text(value, unit))}</text>"
        )
    right = deadline if x_max not in dates and deadline else p.points[-1].period
    for label, pos, anchor in ((p.points[0].period, LEFT, "start"), (right, WIDTH - RIGHT, "end")):
        parts.append(
            f'<text x="{pos}" y="{HEIGHT - 14}" text-anchor="{anchor}" font-size="15" fill="{TEXT}">'
            f"{render.esc(periods.describe(label))}</text>"
        )
    if p.target is not None:
        ty = y(p.target)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="{TARGET}" '
            'stroke-width="2" stroke-dasharray="8 5"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{ty - 6:.1f}" text-anchor="end" font-size="15" fill="{TEXT}">'
            f"Mål: {render.esc(value_text(p.target, unit))}</text>"
        )
    path = " ".join(f"{x(d):.1f},{y(pt.value):.1f}" for pt, d in zip(p.points, dates, strict=True))
    parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    for pt, d in list(zip(p.points, dates, strict=True))[1:]:
        parts.append(f'<circle cx="{x(d):.1f}" cy="{y(pt.value):.1f}" r="4.5" fill="{LINE}"/>')
    bx, by = x(dates[0]), y(p.points[0].value)
    parts.append(
        f'<rect x="{bx - 6:.1f}" y="{by - 6:.1f}" width="12" height="12" fill="#ffffff" stroke="{LINE}" stroke-width="3"/>'
    )
    parts.append(
        f'<text x="{bx + 10:.1f}" y="{by + 18:.1f}" font-size="15" fill="{TEXT}">Utgångsvärde</text>'
    )
    title = f"{p.indicator['namn']}: värden över tid"
    return (
        f'<svg class="diagram" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="diagram-{ident}-titel" aria-describedby="diagram-{ident}-beskrivning" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="diagram-{ident}-titel">{render.esc(title)}</title>'
        f'<desc id="diagram-{ident}-beskrivning">{render.esc(description(p))}</desc>'
        f'<g aria-hidden="true">{"".join(parts)}</g></svg>'
    )
