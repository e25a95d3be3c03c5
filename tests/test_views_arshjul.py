"""The annual-cycle page (strategi/views/arshjul.py): the year shown, the year at a glance, each
activity once, and every day off said in words."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from strategi.content import annual_cycle as arshjul
from strategi.content import holidays as helgdagar
from strategi.data import model
from strategi.views import VIEWS
from strategi.views.arshjul import shown_year


def _row(html: str, activity_id: str) -> list[str]:
    """The cells of an activity's row in the year-at-a-glance table (January first)."""
    row = html.split(f'<a href="#{activity_id}">', 1)[1].split("</tr>", 1)[0]
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def test_after_the_period_it_says_so_and_shows_the_last_year(strategy: model.Strategy) -> None:
    """Built in 2026, after the period (to 2022), the page says the period is over and shows 2022:
    the yearly media analysis on Monday 3 January, the weekly news meeting five times in January."""
    html = VIEWS["arshjul"](strategy)
    assert "Strategins period, 2020–2022, är slut" in html
    assert "Här visas periodens sista år, 2022." in html
    assert '## Året 2022 i korthet {#aret data-skarm=""}' in html
    assert _row(html, "medieanalys-helar")[0] == "3"
    assert _row(html, "nyhetsmote")[0].startswith("5\u00a0ggr")
    assert "Det står i strategin: ”Varje vecka finns ett nyhetsmöte" in html


def test_inside_the_period_it_opens_on_this_month(strategy: model.Strategy) -> None:
    """On 10 March 2021 the page shows 2021, lists March's activities with their days first, and marks
    March in the overview as now."""
    inside = dataclasses.replace(strategy, today=dt.date(2021, 3, 10))
    html = VIEWS["arshjul"](inside)
    assert shown_year(inside) == 2021
    this_month = html.split("## Den här månaden, mars 2021", 1)[1].split("## Året 2021", 1)[0]
    assert "<li>Nyhetsmöte: mån 1 mars, mån 8 mars, mån 15 mars, mån 22 mars, mån 29 mars</li>" in this_month
    assert '<span class="arshjul__nu">mar<span class="sr-endast"> (nu)</span></span>' in html
    assert html.index("Den här månaden") < html.index("i korthet")


def test_every_day_off_is_said_in_words(strategy: model.Strategy) -> None:
    """Every day an activity falls on in the year shown that is a weekend day or a public holiday is
    named, with its reason, in that activity's section; the overview marks it too. Holds for any data."""
    html = VIEWS["arshjul"](strategy)
    year = shown_year(strategy)
    checked = 0
    for activity in arshjul.activities(strategy):
        days = arshjul.occurrences(activity, dt.date(year, 1, 1), dt.date(year, 12, 31))
        section = html.split(f"{{#{activity.id}}}", 1)[-1].split("\n### ", 1)[0]
        for day in days:
            off = helgdagar.day_off(day)
            if off:
                checked += 1
                assert f"({off})" in section, f"{activity.name}: {day} ({off}) sägs inte"
                assert f'<span class="sr-endast"> ({off})</span>' in html
    assert checked > 0, "ingen aktivitet faller på en helg eller helgdag: testet prövar inget"


def test_each_activity_is_described_once(strategy: model.Strategy) -> None:
    """Every activity has one place on the page (a heading or a row with its anchor), never two."""
    html = VIEWS["arshjul"](strategy)
    for activity in arshjul.activities(strategy):
        places = html.count(f"{{#{activity.id}}}") + html.count(f'<span id="{activity.id}">')
        assert places == 1, activity.id


def test_new_years_day_on_a_saturday_is_named(strategy: model.Strategy) -> None:
    """In 2022 the digital status update falls on Saturday 1 January, New Year's Day: said in words."""
    html = VIEWS["arshjul"](strategy)
    assert "lör 1 januari (lördag, nyårsdagen)" in html
