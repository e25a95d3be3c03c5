"""The views of the annual cycle and the publishing plan (strategi/views/arshjul.py, views/plan.py)."""

from __future__ import annotations

from pathlib import Path

from strategi.data import model
from strategi.views import VIEWS
from tests.conftest import TODAY, add_plan
from tests.test_plan import BROKEN


def _planned(project: Path, extra: str = "") -> model.Strategy:
    add_plan(project, extra)
    return model.load(project, TODAY)


def test_annual_cycle_shows_the_last_year_of_the_period(strategy: model.Strategy) -> None:
    """Built in 2026, after the period (to 2022), the page says so and shows 2022: January has the
    yearly media analysis on Monday 3 January and the news meeting on every Monday."""
    html = VIEWS["arshjul"](strategy)
    assert "Strategin gäller 2020–2022, så årshjulet visar 2022." in html
    january = html.split("<h3>Januari 2022</h3>", 1)[1].split("</section>", 1)[0]
    assert (
        '<span class="arshjul__namn">Medieanalys helår</span> <span class="arshjul__dagar">mån 3</span>'
        in january
    )
    assert (
        '<span class="arshjul__namn">Nyhetsmöte</span> <span class="arshjul__dagar">mån 3, mån 10, mån 17, mån 24, mån 31</span>'
        in january
    )
    assert "Det står i strategin: ”Varje vecka finns ett nyhetsmöte" in html


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


def test_overview_without_a_plan_says_how_to_start(strategy: model.Strategy) -> None:
    """With no month planned, the overview says so and names the command that starts one."""
    html = VIEWS["plan_oversikt"](strategy)
    assert "Inget är planerat ännu." in html
    assert "<code>python -m strategi ny-plan ÅÅÅÅ-MM</code>" in html
