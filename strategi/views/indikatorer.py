"""Indicator views: the overview table by goal, one section per indicator with chart and table,
each channel's indicators, and the one-line count per status for the start page."""

from __future__ import annotations

from typing import Any

from strategi.content.progress import (
    AWAITING_WORDS,
    STATUS_RULE,
    STATUSES,
    Progress,
    all_progress,
    awaiting_value,
    counts,
    value_text,
)
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import charts, pages, render
from strategi.views._org_helpers import channel_name, flags

from . import source_of, view

NO_GOAL = "Följs utan mål"
HEADERS = ["Indikator", "Utgångsvärde", "Senaste", "Mål", "Måldatum", "Status"]


def status_badge(p: Progress) -> render.Raw:
    """The status as sign and words together, never colour alone."""
    return render.Raw(
        f'<span class="status status--{render.esc(p.status.replace("_", "-"))}">'
        f'<span aria-hidden="true">{render.esc(p.sign)}</span> {render.esc(p.words)}</span>'
    )


def _point(p: Progress, which: str) -> str:
    point = p.baseline if which == "baseline" else p.latest
    if point is None:
        return "saknas"
    said = f"{point.text(p.indicator['enhet'])} ({point.when})"
    return f"{said}, motsägelse i källan" if point.disputed else said


def _target(p: Progress) -> str:
    level = p.indicator.get("målnivå") or {}
    unit = p.indicator["enhet"]
    if not level:
        return "inget mål"
    direction = p.indicator.get("riktning")
    if "förändring_procent" in level:
        change = f"{'−' if direction == 'minska' else '+'}{render.number(level['förändring_procent'])}\u00a0%"
        return (
            f"{change} = {value_text(p.target, unit)}"
            if p.target is not None
            else f"{change} (utgångsvärde saknas)"
        )
    word = {"öka": "minst ", "minska": "högst "}.get(str(direction), "")
    return f"{word}{value_text(p.target, unit)}"


def _deadline(p: Progress) -> str:
    deadline = p.indicator.get("senast")
    if deadline:
        return periods.describe(deadline)
    return "varje månad" if p.indicator.get("målnivå") else "–"


def _anchor(p: Progress) -> str:
    return f"indikator-{p.indicator['id']}"


def _row(p: Progress) -> list[Any]:
    name = render.esc(p.indicator["namn"])
    return [
        render.Raw(f'<a href="#{render.esc(_anchor(p))}">{name}</a>'),
        _point(p, "baseline"),
        _point(p, "latest"),
        _target(p),
        _deadline(p),
        status_badge(p),
    ]


def _goal_groups(s: Strategy, progress: list[Progress]) -> list[tuple[str, list[Progress]]]:
    groups = []
    for goal in s["mal"].get("mål") or []:
        members = [p for p in progress if str(goal["id"]) in [str(g) for g in p.indicator["mål"]]]
        if members:
            groups.append((f"Mål {goal['id']}: {goal.get('namn', '')}", members))
    rest = [p for p in progress if not p.indicator["mål"]]
    if rest:
        groups.append((NO_GOAL, rest))
    return groups


def count_line(s: Strategy, progress: list[Progress]) -> str:
    """'17 indikatorer: 2 i fas, 1 efter plan, …; 11 väntar på ett färskt mätvärde.' in plain words,
    the last part counted as the ny-version checklist counts it (progress.awaiting_value)."""
    found = counts(progress)
    parts = [f"{n} {STATUSES[code][0].lower()}" for code, n in found.items()]
    waiting = len(awaiting_value(s, progress))
    return f"{len(progress)} indikatorer: " + ", ".join(parts) + f"; {waiting} {AWAITING_WORDS}."


def points_table(p: Progress) -> str:
    unit = p.indicator["enhet"]
    rows = [
        [
            pt.when,
            pt.text(unit) + (", motsägelse i källan" if pt.disputed else ""),
            pt.source + (f" ({pt.note})" if pt.note else ""),
        ]
        for pt in p.points
    ]
    return render.table(f"Mätvärden: {p.indicator['namn']}", ["Period", "Värde", "Källa"], rows)


def detail(s: Strategy, p: Progress, id_prefix: str = "") -> str:
    """One indicator: what is measured, where the goal comes from, status with reason, chart and table."""
    ind = p.indicator
    facts = [
        ("Mätetal", ind["mätetal"]),
        ("Enhet", ind["enhet"]),
        ("Riktning", f"värdet ska {ind['riktning']}" if ind.get("riktning") else ""),
        ("Första mätvärden", "ur kanalens digitala nuläge" if ind.get("nuläge_mätvärde") else ""),
        ("Mål", f"{_target(p)}, {_deadline(p)}" if ind.get("målnivå") else "inget mål"),
        ("Utgångsvärde", _point(p, "baseline")),
        ("Senaste värde", _point(p, "latest")),
        ("Vad som behövs", p.needed),
    ]
    quote = (
        f"<blockquote><p>”{render.esc(ind['källa']['mening'])}”</p>"
        f'<p class="kalla">{render.esc(ind["källa"]["var"])}</p></blockquote>'
    )
    status = f"<p><strong>Status:</strong> {status_badge(p)}. {render.esc(p.reason)}</p>"
    chart = charts.svg(p, id_prefix)
    body = (
        f'<div class="indikator-diagram"><figure>{chart}</figure>{points_table(p)}</div>'
        if chart
        else (points_table(p) if p.points else render.p("Inga mätvärden ännu."))
    )
    return render.block(
        render.heading(3, ind["namn"], _anchor(p)),
        quote,
        render.dl(facts),
        status,
        body,
        flags([*p.disputed, *(ind.get("flaggor") or [])]),
    )


@view("indikatorer")
def indikatorer(s: Strategy) -> str:
    """All indicators by goal (baseline, latest, target, deadline, status), the status rule, then each one."""
    data = s["indikatorer"]
    progress = all_progress(s)
    if not progress:
        return ""
    source = source_of(s, "indikatorer")
    tables = [
        render.block(
            render.heading(3, title), render.table(title, HEADERS, [_row(p) for p in members], cls="kort")
        )
        for title, members in _goal_groups(s, progress)
    ]
    return render.block(
        render.heading(2, "Indikatorer", pages.INDICATORS_ANCHOR),
        render.p(data.get("inledning", "")),
        render.p(count_line(s, progress)),
        *tables,
        source,
        render.heading(2, "Så räknas status", "sa-raknas-status"),
        render.ul(STATUS_RULE),
        render.heading(2, "Indikatorerna en och en", "indikatorerna-en-och-en"),
        *(detail(s, p) for p in progress),
        source,
    )


@view("kanal_indikatorer")
def kanal_indikatorer(s: Strategy, channel_id: str) -> str:
    """A channel's indicators: the overview table and each one with chart and table."""
    progress = [p for p in all_progress(s) if channel_id in p.indicator["kanaler"]]
    if not progress:
        return ""
    title = f"Indikatorer för {channel_name(s, channel_id)}"
    return render.block(
        render.table(title, HEADERS, [_row(p) for p in progress], cls="kort"),
        *(detail(s, p, f"{channel_id}-") for p in progress),
        source_of(s, "indikatorer"),
    )


@view("uppfoljning_i_korthet")
def uppfoljning_i_korthet(s: Strategy, page: str = pages.START) -> str:
    """The start page's one line: how many indicators have each status."""
    progress = all_progress(s)
    if not progress:
        return ""
    link = pages.md_href(page, pages.FOLLOW_UP, pages.INDICATORS_ANCHOR)
    return f"**Uppföljning:** {render.md(count_line(s, progress))} [Se alla indikatorer]({link}).\n"
