"""The indicator views: overview by goal, one section each, channel pages, start page, checklist."""

from __future__ import annotations

import dataclasses

from strategi.content import progress, revision
from strategi.data import model
from strategi.views import VIEWS
from tests._viewtables import HISTORY


def test_overview_groups_indicators_by_goal(strategy: model.Strategy) -> None:
    """The overview has a table per goal, in the goals' order, and one for measures without a goal."""
    html = VIEWS["indikatorer"](strategy)
    headings = [
        "### Mål A: Stärka varumärket",
        "### Mål B: Visa på vår bredd",
        "### Mål C: Attraktiv arbetsgivare",
        "### Följs utan mål",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)


def test_overview_row_has_baseline_latest_target_deadline_status(strategy: model.Strategy) -> None:
    """The film viewing time row: 6 s in spring 2020 (dated by the project, and saying so), target
    +50 % = 9 s by March 2021. Only the baseline was ever measured, so the status is the neutral
    'Ingen mätning' with the deadline beside it, never a red 'Måldatum passerat'; each cell names its
    column, so on a phone the row reads as a card."""
    html = VIEWS["indikatorer"](strategy)
    row = html[html.index('href="#indikator-facebook-visningstid-film"') :].split("</tr>")[0]
    assert (
        '<td data-rubrik="Utgångsvärde">6\u00a0s (härlett till våren 2020)</td>'
        '<td data-rubrik="Senaste">6\u00a0s (härlett till våren 2020)</td>'
        '<td data-rubrik="Mål">+50\u00a0% = 9\u00a0s</td><td data-rubrik="Måldatum">mars 2021</td>'
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


def test_channel_page_chart_ids_differ_from_the_followup_page(strategy: model.Strategy) -> None:
    """The same chart on a channel page has its own ids, so the joined print page has no duplicates."""
    channel = VIEWS["kanal_sida"](strategy, "linkedin")
    followup = VIEWS["indikatorer"](strategy)
    assert 'aria-labelledby="diagram-linkedin-linkedin-foljare-titel"' in channel
    assert 'aria-labelledby="diagram-linkedin-foljare-titel"' in followup
    assert 'id="diagram-linkedin-foljare-titel"' not in channel
