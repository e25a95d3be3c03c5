"""Indicator views: every indicator once in full on the follow-up page (grouped by its first goal),
each channel's indicators in brief with links there, and the one-line count per status for the start page."""

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
from strategi.views._kanal_nulage import FACTS
from strategi.views._org_helpers import channel_name, flags

from . import source_of, view

NO_GOAL = "Följs utan mål"
HEADERS = ["Indikator", "Senaste värde", "Mål", "Status"]


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


def _row(p: Progress, link: str = "") -> list[Any]:
    """A summary row: the name linked to the indicator in full (``link``: the follow-up page as seen
    from where the row stands, '' on that page), latest value, target, status."""
    name = render.esc(p.indicator["namn"])
    return [
        render.Raw(f'<a href="{render.esc(link)}#{render.esc(_anchor(p))}">{name}</a>'),
        _point(p, "latest"),
        f"{_target(p)}, {_deadline(p)}" if p.indicator.get("målnivå") else _target(p),
        status_badge(p),
    ]


def _goal_groups(s: Strategy, progress: list[Progress]) -> list[tuple[str, list[Progress]]]:
    """Each indicator once, under the first of its goals (in the goals' order); those without a goal last."""
    order = [str(goal["id"]) for goal in s["mal"].get("mål") or []]
    names = {str(goal["id"]): goal.get("namn", "") for goal in s["mal"].get("mål") or []}

    def first_goal(p: Progress) -> str | None:
        own = [str(g) for g in p.indicator["mål"]]
        return next((g for g in order if g in own), None)

    groups = []
    for goal in order:
        members = [p for p in progress if first_goal(p) == goal]
        if members:
            groups.append((f"Mål {goal}: {names[goal]}", members))
    rest = [p for p in progress if first_goal(p) is None]
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


def _goals_text(p: Progress) -> str:
    goals = [str(g) for g in p.indicator["mål"]]
    return ("Mål " + ", ".join(goals)) if goals else "inget mål"


def detail(s: Strategy, p: Progress, id_prefix: str = "") -> str:
    """One indicator in full: its heading and status line (status, latest value, target), then what is
    measured, where the goal comes from, chart and table, folded under one line a reader opens."""
    ind = p.indicator
    facts = [
        ("Mätetal", ind["mätetal"]),
        ("Enhet", ind["enhet"]),
        ("Riktning", f"värdet ska {ind['riktning']}" if ind.get("riktning") else ""),
        ("Gäller", _goals_text(p)),
        ("Första mätvärden", "ur kanalens digitala nuläge" if ind.get("nuläge_mätvärde") else ""),
        ("Utgångsvärde", _point(p, "baseline")),
        ("Vad som behövs", p.needed),
    ]
    quote = (
        f"<blockquote><p>”{render.esc(ind['källa']['mening'])}”</p>"
        f'<p class="kalla-mening">{render.esc(ind["källa"]["var"])}</p></blockquote>'
    )
    target = f"{_target(p)}, {_deadline(p)}" if ind.get("målnivå") else _target(p)
    summary = (
        f'<p class="indikator-lage">{status_badge(p)} · Senaste: {render.esc(_point(p, "latest"))}'
        f" · Mål: {render.esc(target)}</p>"
    )
    chart = charts.svg(p, id_prefix)
    body = (
        f'<div class="indikator-diagram"><figure>{chart}</figure>{points_table(p)}</div>'
        if chart
        else (points_table(p) if p.points else render.p("Inga mätvärden ännu."))
    )
    more = (
        '<details class="indikator-mer"><summary>Mätetal, källa och mätvärden</summary>'
        f"{quote}{render.dl(facts, cls=FACTS)}{render.p(p.reason)}{body}</details>"
    )
    return render.block(
        render.heading(4, ind["namn"], _anchor(p)),
        summary,
        more,
        flags([*p.disputed, *(ind.get("flaggor") or [])]),
    )


@view("indikatorer")
def indikatorer(s: Strategy) -> str:
    """Every indicator once, in full, under its first goal (status, latest value and target on one
    line, the rest folded), then the status rule."""
    data = s["indikatorer"]
    progress = all_progress(s)
    if not progress:
        return ""
    groups = [
        render.block(render.heading(3, title), *(detail(s, p) for p in members))
        for title, members in _goal_groups(s, progress)
    ]
    return render.block(
        render.heading(2, "Indikatorer", pages.INDICATORS_ANCHOR),
        render.p(data.get("inledning", "")),
        render.p(count_line(s, progress)),
        *groups,
        source_of(s, "indikatorer"),
        render.heading(2, "Så räknas status", "sa-raknas-status"),
        render.ul(STATUS_RULE),
    )


@view("kanal_indikatorer")
def kanal_indikatorer(s: Strategy, channel_id: str, page: str | None = None) -> str:
    """A channel's indicators in brief (latest value, target, status), each linked to its full
    section on the follow-up page."""
    progress = [p for p in all_progress(s) if channel_id in p.indicator["kanaler"]]
    if not progress:
        return ""
    here = page or pages.channel(channel_id)
    link = pages.href(here, pages.FOLLOW_UP)
    title = f"Indikatorer för {channel_name(s, channel_id)}"
    return render.block(
        render.table(title, HEADERS, [_row(p, link) for p in progress], cls="kort tat"),
        render.p("Mätetal, källa och alla mätvärden står under Uppföljning; länkarna leder dit."),
    )


@view("uppfoljning_i_korthet")
def uppfoljning_i_korthet(s: Strategy, page: str = pages.START) -> str:
    """The start page's one line: how many indicators have each status."""
    progress = all_progress(s)
    if not progress:
        return ""
    link = pages.md_href(page, pages.FOLLOW_UP, pages.INDICATORS_ANCHOR)
    return f"**Uppföljning:** {render.md(count_line(s, progress))} [Se alla indikatorer]({link}).\n"
