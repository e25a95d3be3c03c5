"""The indicator views: overview by goal, one section each, channel pages, start page, checklist."""

from __future__ import annotations

import dataclasses

from strategi.content import progress, revision
from strategi.data import model
from strategi.views import VIEWS
from tests._viewtables import HISTORY


def test_overview_groups_indicators_by_goal(strategy: model.Strategy) -> None:
    """The follow-up page groups the indicators under the goals, in the goals' order, with those
    without a goal last; each indicator has one section (one anchor), however many goals it serves."""
    html = VIEWS["indikatorer"](strategy)
    headings = [
        "### Mål A: Stärka varumärket",
        "### Mål B: Visa på vår bredd",
        "### Mål C: Attraktiv arbetsgivare",
        "### Följs utan mål",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    ids = [i["id"] for i in strategy["indikatorer"]["indikatorer"]]
    for indicator_id in ids:
        assert html.count(f"{{#indikator-{indicator_id}}}") == 1, indicator_id


def test_indicator_status_line_has_status_latest_and_target(strategy: model.Strategy) -> None:
    """The film viewing time: one line under its heading says the status (only the baseline was ever
    measured: the neutral 'Ingen mätning', never a red 'Måldatum passerat'), the latest value (6 s,
    dated by the project to spring 2020, saying so) and the target (+50 % = 9 s by March 2021)."""
    html = VIEWS["indikatorer"](strategy)
    section = html[html.index("{#indikator-facebook-visningstid-film}") :]
    line = section[section.index('<p class="indikator-lage">') :].split("</p>")[0]
    assert '<span class="status status--unmeasured"><span aria-hidden="true">∅</span> Ingen mätning' in line
    assert "Senaste: 6\u00a0s (härlett till våren 2020)" in line
    assert "Mål: +50\u00a0% = 9\u00a0s, mars 2021" in line
    assert section.index('<details class="indikator-mer">') < section.index("Mätvärden: Visningstid")


def test_channel_row_summarises_and_links_to_the_followup_page(strategy: model.Strategy) -> None:
    """On the Facebook page the film viewing time is one row (latest value, target, status) linked to
    its section on Uppföljning; each cell names its column, so on a phone the row reads as a card."""
    html = VIEWS["kanal_sida"](strategy, "facebook")
    link = 'href="../../uppfoljning/#indikator-facebook-visningstid-film"'
    row = html[html.index(link) :].split("</tr>")[0]
    assert (
        '<td data-rubrik="Senaste värde">6\u00a0s (härlett till våren 2020)</td>'
        '<td data-rubrik="Mål">+50\u00a0% = 9\u00a0s, mars 2021</td>'
    ) in row
    assert '<span class="status status--unmeasured"><span aria-hidden="true">∅</span> Ingen mätning' in row
    assert "Måldatum passerat" not in row


def test_status_rule_is_documented_on_the_page(strategy: model.Strategy) -> None:
    """The page explains how the status is computed, including that stale data is never on track."""
    html = VIEWS["indikatorer"](strategy)
    assert "## Så räknas status" in html
    assert "Gamla värden visas aldrig som I fas." in html


def test_each_indicator_quotes_its_source_sentence_and_flags(strategy: model.Strategy) -> None:
    """Each indicator section quotes the strategy's sentence and shows its open questions."""
    html = VIEWS["indikatorer"](strategy)
    assert "<p>”Öka andelen dialoger med medborgarna med 100% de kommande två åren.”</p>" in html
    assert "Mäts antalet dialoger eller andelen (av vad)?" in html


def test_chart_only_with_two_values_that_agree(strategy: model.Strategy) -> None:
    """Linkedin's followers (two values) get a chart; Twitter's (one value) only a table; Instagram's
    two counts, flagged as contradicting each other, get no chart (no trend) but their table, each
    disputed value marked, and the contradiction question beside them."""
    html = VIEWS["indikatorer"](strategy)
    assert 'aria-labelledby="diagram-linkedin-foljare-titel"' in html
    assert 'aria-labelledby="diagram-twitter-foljare-titel"' not in html
    assert "<caption>Mätvärden: Följare på Twitter</caption>" in html
    instagram = html[html.index("{#indikator-instagram-foljare}") :].split("\n### ")[0]
    assert "diagram-instagram-foljare" not in instagram
    assert "<caption>Mätvärden: Följare på Instagram</caption>" in instagram
    assert "cirka\u00a011\u00a0600, motsägelse i källan" in instagram
    assert "<strong>Motsägelse:</strong> Tabellen Digitalt nuläge (våren 2020) säger 10 500" in instagram


def test_channel_page_shows_its_indicators(strategy: model.Strategy) -> None:
    """The Linkedin page lists Linkedin's three indicators and no Facebook one."""
    html = VIEWS["kanal_sida"](strategy, "linkedin")
    assert "## Indikatorer {#indikatorer}" in html
    for name in ("Nya följare på Linkedin", "Aktivitetsfrekvens på Linkedin", "Följare på Linkedin"):
        assert f">{name}</a>" in html
    assert "Följare på Facebook" not in html


def test_start_page_counts_statuses(strategy: model.Strategy) -> None:
    """The start page has one line with the number of indicators per status, and how many await a
    fresh value counted as the ny-version checklist counts them, and a link to them."""
    html = VIEWS["start"](strategy, HISTORY)
    found = progress.counts(progress.all_progress(strategy))
    waiting = revision.checklist(strategy)[1]
    parts = ", ".join(f"{n} {progress.STATUSES[code][0].lower()}" for code, n in found.items())
    assert waiting[0] == f"Indikatorer som {progress.AWAITING_WORDS}"
    assert (
        f"**Uppföljning:** {sum(found.values())} indikatorer: {parts}; "
        f"{len(waiting[1])} {progress.AWAITING_WORDS}. [Se alla indikatorer](uppfoljning.md#indikatorer)."
    ) in html


def test_checklist_only_for_a_draft(strategy: model.Strategy) -> None:
    """The revision checklist shows for a draft and is empty for an adopted version."""
    draft = VIEWS["checklista"](strategy)
    assert "## Checklista för halvårsrevisionen {#checklista}" in draft
    assert "### Kanaler som behöver ett färskt nuläge &#40;6&#41;" in draft
    adopted = dataclasses.replace(
        strategy, files={**strategy.files, "strategi": {**strategy["strategi"], "status": "antagen"}}
    )
    assert VIEWS["checklista"](adopted) == ""


def test_charts_only_on_the_followup_page(strategy: model.Strategy) -> None:
    """An indicator's chart is drawn once, on the follow-up page; a channel page summarises without it."""
    channel = VIEWS["kanal_sida"](strategy, "linkedin")
    followup = VIEWS["indikatorer"](strategy)
    assert 'aria-labelledby="diagram-linkedin-foljare-titel"' in followup
    assert "<svg" not in channel
