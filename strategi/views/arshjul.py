"""The annual-cycle page: where today stands, the year at a glance (one row per activity, one
column per month), then every activity once with its rule, its source sentence and the days that
fall on a weekend or a public holiday."""

from __future__ import annotations

import datetime as dt

from strategi.content import annual_cycle as arshjul
from strategi.content import holidays as helgdagar
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import render
from strategi.views._kanal_nulage import FACTS
from strategi.views._org_helpers import flags, joined

from . import source_of, view

Days = list[tuple["arshjul.Activity", list[dt.date]]]


def shown_year(s: Strategy) -> int:
    """The build year, kept inside the strategy's period (after it ends: its last year)."""
    start, end = arshjul.strategy_period(s)
    return min(max(s.today.year, start.year), end.year)


def _where_today(s: Strategy, year: int, year_days: Days) -> str:
    """One plain sentence on today and the year shown; inside the year, this month's activities."""
    start, end = arshjul.strategy_period(s)
    today = periods.describe(s.today.isoformat())
    if s.today > end:
        return render.p(
            f"I dag är det {today}. Strategins period, {start.year}–{end.year}, är slut, och inget i "
            f"årshjulet gäller längre. Här visas periodens sista år, {year}.",
            cls="arshjul__not",
        )
    if s.today < start:
        return render.p(
            f"I dag är det {today}. Strategins period börjar {periods.describe(start.isoformat())}; "
            f"här visas periodens första år, {year}.",
            cls="arshjul__not",
        )
    month = s.today.month
    now = [
        f"{activity.name}: {', '.join(_day_words(d) for d in days if d.month == month)}"
        for activity, days in year_days
        if any(d.month == month for d in days)
    ]
    title = f"Den här månaden, {periods.MONTHS[month - 1]} {year}"
    return render.block(
        render.p(f"I dag är det {today}.", cls="arshjul__not"),
        render.heading(2, title, "den-har-manaden"),
        render.ul(now) if now else render.p("Inget i årshjulet den här månaden."),
    )


def _day_words(day: dt.date) -> str:
    """'tor 1 december', with why it is a day off when it is one: 'lör 1 januari (lördag, nyårsdagen)'."""
    words = f"{periods.WEEKDAYS_SHORT[day.weekday()]} {day.day} {periods.MONTHS[day.month - 1]}"
    off = helgdagar.day_off(day)
    return f"{words} ({off})" if off else words


# More days than this in one month (a weekly activity) are counted, not listed, in the overview.
LISTED_DAYS = 2


def _day_off_mark(day: dt.date, off: str) -> str:
    short = periods.WEEKDAYS_SHORT[day.weekday()] if day.weekday() >= 5 else "helgdag"
    return (
        f'<span class="arshjul__ledig">{day.day}\u00a0{short}'
        f'<span class="sr-endast"> ({render.esc(off)})</span></span>'
    )


def _cell(days: list[dt.date]) -> render.Raw:
    """The days of one month ('3', '1 lör', '6 helgdag'); a weekly activity as a count ('4 ggr')
    followed by the days among them that are days off."""
    if not days:
        return render.Raw("–")
    marks = [(day, helgdagar.day_off(day)) for day in days]
    if len(days) > LISTED_DAYS:
        shown = [f"{len(days)}\u00a0ggr", *(_day_off_mark(d, off) for d, off in marks if off)]
    else:
        shown = [_day_off_mark(d, off) if off else str(d.day) for d, off in marks]
    return render.Raw(" ".join(shown))


def _glance(s: Strategy, year: int, year_days: Days) -> str:
    """The whole year in one table: a row per activity, a column per month, the days in each cell."""
    current = s.today.month if s.today.year == year else None
    headers: list[object] = ["Aktivitet"]
    for month in range(1, 13):
        name = periods.MONTHS[month - 1][:3]
        if month == current:
            headers.append(
                render.Raw(
                    f'<span class="arshjul__nu">{render.esc(name)}<span class="sr-endast"> (nu)</span></span>'
                )
            )
        else:
            headers.append(name)
    rows = [
        [
            render.Raw(f'<a href="#{render.esc(activity.id)}">{render.esc(activity.name)}</a>'),
            *(_cell([d for d in days if d.month == m]) for m in range(1, 13)),
        ]
        for activity, days in year_days
        if days
    ]
    # An overview for the screen (data-skarm: not printed, where thirteen columns do not fit a page);
    # every activity's section below says the same days.
    table = render.table(f"Årshjulet {year}: dagarna i varje månad", headers, rows, cls="arshjul-tabell")
    note = render.p(
        "Siffrorna är dagar i månaden; ”4 ggr” är fyra gånger (varje vecka). En dag som är en "
        "lördag, söndag eller helgdag står med veckodagen eller ordet helgdag efter datumet; "
        "aktiviteten nedan säger vilken dag det är.",
        cls="arshjul__forklaring",
    )
    return render.block(
        f'\n## {render.md(f"Året {year} i korthet")} {{#aret data-skarm=""}}\n',
        f'<div class="arshjul-oversikt" data-skarm="">{table}{note}</div>',
    )


def _days_off(days: list[dt.date], year: int) -> str:
    off = [_day_words(d) for d in days if helgdagar.day_off(d)]
    if not off:
        return ""
    return f"Faller {year} på en helg eller helgdag: {'; '.join(off)}."


def _activity(
    s: Strategy, activity: arshjul.Activity, item: dict[str, object], days: list[dt.date], year: int
) -> str:
    pairs = [
        ("Hur ofta", arshjul.describe_rule(activity)),
        ("Vem", joined(activity.who, "strategin säger inte vem")),
        ("Kanaler", joined(activity.channels, "alla")),
        ("Helg", _days_off(days, year)),
    ]
    source = (
        f"<blockquote><p>Det står i strategin: ”{render.esc(activity.source)}”</p></blockquote>"
        if activity.source
        else ""
    )
    return render.block(
        render.heading(3, activity.name, anchor=activity.id),
        render.p(activity.description) if activity.description else "",
        render.dl(pairs, cls=FACTS),
        source,
        render.p(f"Tolkning: {activity.interpretation}", cls="tolkning") if activity.interpretation else "",
        render.p(f"Framräknat ur {activity.derived_from}.", cls="referens") if activity.derived_from else "",
        flags(item.get("flaggor")),  # type: ignore[arg-type]
    )


def _outside(year: int, activities: list[arshjul.Activity]) -> str:
    """Activities with no day in the year shown (one-offs before or after it), one row each."""
    if not activities:
        return ""
    rows = [
        [
            render.Raw(f'<span id="{render.esc(a.id)}">{render.esc(a.name)}</span>'),
            arshjul.describe_rule(a),
            a.description or "–",
            a.derived_from or "–",
        ]
        for a in activities
    ]
    return render.block(
        render.heading(3, f"Inte under {year}", "utanfor-aret"),
        render.table(
            f"Aktiviteter utan någon dag under {year}",
            ["Aktivitet", "När", "Varför", "Framräknat ur"],
            rows,
            cls="kort",
        ),
    )


@view("arshjul")
def arshjul_page(s: Strategy) -> str:
    """Today and the year shown, the year at a glance, then each activity once: its rule, who, the
    strategy's words and the days that fall on a weekend or a holiday."""
    data = s[arshjul.SOURCE]
    activities = arshjul.activities(s)
    items = {str(i["id"]): i for i in data.get("aktiviteter") or []}
    year = shown_year(s)
    # One pass over each rule for the whole year: a rule is walked from its first day.
    year_days = [(a, arshjul.occurrences(a, dt.date(year, 1, 1), dt.date(year, 12, 31))) for a in activities]
    days_of = {a.id: days for a, days in year_days}
    written = [a for a in activities if a.id in items]
    computed = [a for a in activities if a.id not in items and days_of[a.id]]
    outside = [a for a in activities if a.id not in items and not days_of[a.id]]
    return render.block(
        render.p(data.get("inledning", "")),
        _where_today(s, year, year_days),
        _glance(s, year, year_days),
        render.heading(2, "Aktiviteterna och var de står i strategin", "aktiviteterna"),
        *(_activity(s, a, items[a.id], days_of[a.id], year) for a in written),
        source_of(s, arshjul.SOURCE),
        render.heading(2, "Framräknat ur strategin och kanalerna", "framraknat"),
        *(_activity(s, a, {}, days_of[a.id], year) for a in computed),
        _outside(year, outside),
    )
