"""The page chrome as Jinja partials (overrides/partials/): the draft banner and the printed cover,
fed with plain version facts and escaping every value in the theme's environment and in ours."""

from __future__ import annotations

import dataclasses
from typing import Any

import jinja2
import pytest

from strategi.data import model
from strategi.site import chrome, generated
from tests._viewtables import HISTORY

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _facts(**changes: Any) -> chrome.VersionFacts:
    """Version facts written out by hand (not derived from the data), changed where a test says."""
    facts = chrome.VersionFacts(
        version_id="2020-h1",
        label="Våren 2020",
        draft=True,
        status="Förslag – inte antaget",
        title="Digital strategi",
        organisation="Region Örebro län",
        presented="för strategigruppen i november 2020",
        presented_past=True,
        facts=(("Version", "Våren 2020"), ("Status", "Förslag – inte antaget")),
    )
    return dataclasses.replace(facts, **changes)


def _adopted(strategy: model.Strategy) -> model.Strategy:
    main = {**strategy["strategi"], "status": "antagen"}
    return dataclasses.replace(strategy, files={**strategy.files, "strategi": main})


def _theme_render(name: str, facts: Any) -> str:
    """A partial as the theme includes it: MkDocs' Jinja environment escapes nothing by itself."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(chrome.PARTIALS), autoescape=False)  # noqa: S701 (as MkDocs)
    return env.get_template(name).render(facts=facts)


@pytest.mark.parametrize("name", ["version-banner.html", "cover.html"])
def test_partials_escape_every_value(name: str) -> None:
    """A label, title, organisation, presentation or fact holding markup comes out as text, both
    from strategi.site.chrome's renderer and in the theme's environment that does not autoescape."""
    facts = _facts(
        label=SCRIPT,
        title=SCRIPT,
        organisation=SCRIPT,
        status=SCRIPT,
        presented=SCRIPT,
        facts=((SCRIPT, SCRIPT),),
    )
    for html in (chrome.render_partial(name, facts=facts), _theme_render(name, facts.as_extra())):
        assert "<script>" not in html
        assert ESCAPED in html


def test_draft_banner_says_what_the_version_is() -> None:
    """A draft's banner names the version and the presentation, in the past tense once it is past."""
    past = chrome.render_partial("version-banner.html", facts=_facts())
    assert (
        '<p class="strategi-banner strategi-banner--forslag" data-strategi-forslag>'
        "<strong>Förslag – inte antaget.</strong> Det här är Våren 2020, ett förslag till digital strategi."
        " Det reviderade förslaget skulle presenteras för strategigruppen i november 2020.</p>"
    ) in past
    coming = chrome.render_partial("version-banner.html", facts=_facts(presented_past=False))
    assert " Det reviderade förslaget presenteras för strategigruppen i november 2020.</p>" in coming
    silent = chrome.render_partial("version-banner.html", facts=_facts(presented=""))
    assert "ett förslag till digital strategi.</p>" in silent


def test_banner_for_the_draft_strategy_and_not_for_an_adopted_one(strategy: model.Strategy) -> None:
    """The repository's draft shows the draft banner; the same strategy adopted shows none. Both keep
    the empty slot for the 'newer version' banner that assets/versioner.js fills."""
    draft = chrome.render_partial("version-banner.html", facts=chrome.version_facts(strategy, HISTORY))
    assert "data-strategi-forslag" in draft
    assert "Det här är Våren 2020, ett förslag till digital strategi." in draft
    adopted = chrome.render_partial(
        "version-banner.html", facts=chrome.version_facts(_adopted(strategy), HISTORY)
    )
    assert "data-strategi-forslag" not in adopted
    assert "Förslag" not in adopted
    for html in (draft, adopted):
        assert '<p class="strategi-banner strategi-banner--aldre" data-strategi-nyare hidden></p>' in html


def test_banner_without_facts_is_only_the_slot() -> None:
    """While `make serve` shows the error page the build puts no facts into config.extra: the theme
    still renders, with no draft banner."""
    html = _theme_render("version-banner.html", jinja2.Undefined())
    assert html.strip() == '<p class="strategi-banner strategi-banner--aldre" data-strategi-nyare hidden></p>'


def test_configure_hands_the_theme_plain_facts(strategy: model.Strategy) -> None:
    """site.configure puts the version facts into config.extra as plain values (lists, strings,
    booleans), and the theme's include of the banner renders the draft banner from them."""
    config: dict[str, Any] = {"extra": {}}
    generated.configure(config, chrome.version_facts(strategy, HISTORY))
    extra = config["extra"][chrome.EXTRA_KEY]
    assert extra["version_id"] == "2020-h1"
    assert extra["draft"] is True
    assert ["Version", "Våren 2020"] in extra["facts"]
    assert "Det här är Våren 2020, ett förslag" in _theme_render("version-banner.html", extra)


def test_cover_shows_the_version_facts(strategy: model.Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    """The printed cover names the organisation, the title, status and version, and one table row per
    version fact, with no print date."""
    cover = chrome.render_partial("cover.html", facts=chrome.version_facts(strategy, HISTORY))
    assert '<p class="omslag__org">Region Örebro län</p>' in cover
    assert '<h1 class="omslag__titel">Digital strategi</h1>' in cover
    assert '<p class="omslag__status">Förslag – inte antaget · Våren 2020</p>' in cover
    assert (
        '<table class="omslag__fakta">'
        '<tr><th scope="row">Version</th><td>Våren 2020</td></tr>'
        '<tr><th scope="row">Status</th><td>Förslag – inte antaget</td></tr>'
        '<tr><th scope="row">Senast ändrad</th><td>19 januari 2021</td></tr>'
        '<tr><th scope="row">Digitalt nuläge avser</th><td>våren 2020</td></tr>'
        '<tr><th scope="row">Skulle presenteras</th>'
        "<td>för strategigruppen för kommunikation i november 2020</td></tr>"
        "</table>"
    ) in cover
    assert "Utskriven" not in cover
