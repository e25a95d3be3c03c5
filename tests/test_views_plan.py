"""The views of the annual cycle and the publishing plan (strategi/views/arshjul.py, views/plan.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from strategi.content import plan
from strategi.data import model
from strategi.views import VIEWS
from tests.conftest import TODAY, add_plan
from tests.test_plan import BROKEN


def _planned(project: Path, extra: str = "") -> model.Strategy:
    add_plan(project, extra)
    return model.load(project, TODAY)


def test_month_page_has_a_lane_per_channel_and_the_warnings(project: Path) -> None:
    """With the broken items (the unknown persona left out), the June page lists the three warnings
    first, then one lane per channel in the channels' order, the red type marked röd."""
    s = _planned(project, BROKEN.replace("    personas: [pensionarer]\n", ""))
    html = VIEWS["plan_manad"](s, "2026-06")
    warnings = html.split('<p class="admonition-title">Varningar mot strategin</p>', 1)[1].split("</div>", 1)[
        0
    ]
    assert warnings.count("<li>") == 3
    assert "materialtypen Politik är röd för Instagram" in warnings
    lanes = [part.split("</h2>", 1)[0].rsplit(">", 1)[1] for part in html.split("<h2 ")[1:]]
    assert lanes == ["Facebook", "Instagram", "Linkedin", "Twitter", "Webbplats", "Mejlutskick"]
    instagram = html.split('id="bana-instagram"', 1)[1].split("</section>", 1)[0]
    assert '<span class="ljus ljus--rod">röd</span>' in instagram
    assert "Källa: <code>data/plan/2026-06.yaml</code>" in html


def test_plan_values_are_escaped(project: Path) -> None:
    """A title with markup reaches the page as text, never as HTML."""
    s = _planned(
        project,
        """\
  - id: elak
    datum: "2026-06-05"
    kanal: webbplats
    materialtyp: kunskap
    ansvarig: victoria-rydergard
    titel: "<script>alert(1)</script> {{ x }}"
    status: planerad
""",
    )
    html = VIEWS["plan_manad"](s, "2026-06")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; x &#125;&#125;" in html


def test_overview_lists_months_feeds_rules_and_coverage(project: Path) -> None:
    """The overview links the June page, offers alla.ics and one feed per channel as downloads,
    shows Facebook's windows and counts Linkedin's five personporträtt and skryt posts by type."""
    html = VIEWS["plan_oversikt"](_planned(project))
    assert '<a href="2026-06/">Plan för juni 2026</a>' in html
    assert '<a href="alla.ics" download="alla.ics">Alla kanaler</a>' in html
    assert '<a href="mejlutskick.ics" download="mejlutskick.ics">Mejlutskick</a>' in html
    assert "Tidigt på morgonen: 06:00–09:00; på lunchen: 11:00–13:00; efter kl. 21: 21:00–24:00" in html
    linkedin = html.split('<th scope="row">Linkedin</th>', 2)[2].split("</tr>", 1)[0]
    assert linkedin.count('<span class="ljus ljus--rod">röd</span>') == 2
    assert linkedin.startswith('<td>1 <span class="ljus ljus--gron">grön</span></td>')  # skryt: li-2


def test_overview_without_a_plan_is_one_sentence_and_a_link(strategy: model.Strategy) -> None:
    """With no month planned, the overview says so in one sentence linking to the guide's section on
    writing a plan; no command line, no table of zeros."""
    html = VIEWS["plan_oversikt"](strategy)
    assert (
        '<p class="plan-tom">Det finns ingen publiceringsplan ännu: '
        '<a href="../guide/#skriv-en-publiceringsplan">så skriver du en</a>.</p>'
    ) in html
    assert "python -m strategi" not in html
    assert "Poster per kanal och materialtyp" not in html


def test_overview_opens_on_this_weeks_posts_per_channel(project: Path) -> None:
    """On Wednesday 10 June 2026 the overview starts with week 24 (8–14 June): the week's posts under
    their channel, none from another week; the months and feeds come after."""
    s = dataclasses.replace(_planned(project), today=dt.date(2026, 6, 10))
    html = VIEWS["plan_oversikt"](s)
    assert html.lstrip().startswith("## Den här veckan: vecka 24, 8 juni – 14 juni {#den-har-veckan}")
    week = html.split("{#den-har-veckan}", 1)[1].split("## Månader", 1)[0]
    days = list(re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)', week))
    assert days, "inga poster den här veckan: testet prövar inget"
    assert all("2026-06-08" <= d <= "2026-06-14" for d in days), days
    posts = [p for p in plan.posts(s) if dt.date(2026, 6, 8) <= p.day <= dt.date(2026, 6, 14)]
    assert len(days) == len(posts)
    assert '<h3 id="vecka-facebook">Facebook</h3>' in week


def test_overview_says_when_nothing_is_planned_this_week(project: Path) -> None:
    """With a plan but nothing in this week (late November 2026, the plan is for June), one line says so."""
    html = VIEWS["plan_oversikt"](_planned(project))
    week = html.split("{#den-har-veckan}", 1)[1].split("## Månader", 1)[0]
    assert "<p>Inget är planerat den här veckan.</p>" in week
