"""The annual-cycle page: the year month by month, then every activity with its source sentence."""

from __future__ import annotations

import datetime as dt

from strategi.content import annual_cycle
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._org_helpers import flags, joined

from . import source_of, view


def shown_year(s: Strategy) -> int:
    """The build year, kept inside the strategy's period (after it ends: its last year)."""
    start, end = annual_cycle.strategy_period(s)
    return min(max(s.today.year, start.year), end.year)


def _month(year_days: list[tuple[annual_cycle.Activity, list[dt.date]]], year: int, month: int) -> str:
    entries = []
    for activity, in_year in year_days:
        days = [d for d in in_year if d.month == month]
        if not days:
            continue
        dates = ", ".join(f"{periods.WEEKDAYS_SHORT[d.weekday()]} {d.day}" for d in days)
        entries.append(
            f'<li><span class="arshjul__namn">{render.esc(activity.name)}</span> '
            f'<span class="arshjul__dagar">{render.esc(dates)}</span></li>'
        )
    body = f'<ul class="arshjul__lista">{"".join(entries)}</ul>' if entries else "<p>Inget återkommande.</p>"
    title = f"{periods.MONTHS[month - 1].capitalize()} {year}"
    return f'<section class="arshjul__manad"><h3>{render.esc(title)}</h3>{body}</section>'


def _first_time(activity: annual_cycle.Activity) -> str:
    """The first day in words; when the strategy gives no start, saying it is counted from the
    strategy period, so a reader never takes the project's start for the strategy's."""
    day = periods.describe(activity.start.isoformat())
    if activity.start_interpreted:
        return f"{day} (tolkning: strategin anger ingen start, så årshjulet räknar från strategiperiodens början)"
    return day


def _facts(activity: annual_cycle.Activity, repeat: dict[str, object]) -> str:
    months = repeat.get("månader")
    pairs = [
        ("Hur ofta", annual_cycle.describe_rule(activity)),
        ("Frekvens", repeat.get("frekvens")),
        ("Veckodag", repeat.get("veckodag")),
        ("Vardag i månaden", repeat.get("vardag_i_månaden")),
        (
            "Månader",
            ", ".join(f"{periods.MONTHS[int(m) - 1]} ({m})" for m in months)
            if isinstance(months, list)
            else None,
        ),
        ("Från", periods.describe(str(repeat["från"])) if repeat.get("från") else None),
        ("Till", periods.describe(str(repeat["till"])) if repeat.get("till") else None),
        ("Första gången", _first_time(activity)),
        ("Vem", joined(activity.who, "strategin säger inte vem")),
        ("Kanaler", joined(activity.channels, "alla")),
    ]
    return render.dl(pairs)


def _activity(s: Strategy, activity: annual_cycle.Activity, item: dict[str, object]) -> str:
    repeat = item.get("upprepning") if isinstance(item.get("upprepning"), dict) else {}
    parts = [
        render.heading(3, activity.name, anchor=activity.id),
        render.p(activity.description) if activity.description else "",
        _facts(activity, repeat if isinstance(repeat, dict) else {}),
        f"<blockquote><p>Det står i strategin: ”{render.esc(activity.source)}”</p></blockquote>",
        render.p(f"Tolkning: {activity.interpretation}", cls="tolkning") if activity.interpretation else "",
        render.p(f"Framräknat ur {activity.derived_from}.") if activity.derived_from else "",
        flags(item.get("flaggor")),  # type: ignore[arg-type]
    ]
    return render.block(*parts)


@view("arshjul")
def arshjul_page(s: Strategy) -> str:
    """The year month by month, then each activity: how often, who, the strategy's words."""
    data = s[annual_cycle.SOURCE]
    activities = annual_cycle.activities(s)
    items = {str(i["id"]): i for i in data.get("aktiviteter") or []}
    year = shown_year(s)
    start, end = annual_cycle.strategy_period(s)
    note = ""
    if s.today.year != year:
        note = render.p(
            f"Strategin gäller {start.year}–{end.year}, så årshjulet visar {year}.", cls="arshjul__not"
        )
    # One pass over each rule for the whole year: a rule is walked from its first day, so asking
    # month by month would walk it twelve times.
    year_days = [
        (a, annual_cycle.occurrences(a, dt.date(year, 1, 1), dt.date(year, 12, 31))) for a in activities
    ]
    months = "".join(_month(year_days, year, m) for m in range(1, 13))
    written = [a for a in activities if a.id in items]
    computed = [a for a in activities if a.id not in items]
    return render.block(
        render.p(data.get("inledning", "")),
        render.heading(2, f"Året {year} månad för månad"),
        note,
        f'<div class="arshjul">{months}</div>',
        render.heading(2, "Aktiviteterna och var de står i strategin"),
        *(_activity(s, a, items[a.id]) for a in written),
        source_of(s, annual_cycle.SOURCE),
        render.heading(2, "Framräknat ur strategin och kanalerna"),
        *(_activity(s, a, {}) for a in computed),
    )
