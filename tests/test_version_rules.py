"""The consistency checks of a half-year version (strategi/data/rules/version.py) and the fields that are
derived instead of typed (strategi/content/versions.py)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from strategi.content import changed, diff, figures, versions
from strategi.data import check, history, model, periods
from tests.conftest import TODAY


def _edit(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def _problems(root: Path, today: dt.date = TODAY) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.line, p.severity, p.message) for p in check.run(root, today).problems]


def test_seed_data_passes_with_only_warnings(project: Path) -> None:
    """The migrated seed data has no errors; the one version warning is the draft's past presentation
    date (November 2020), on line 13 of strategi.yaml."""
    problems = _problems(project)
    assert [p for p in problems if p[2] == "fel"] == []
    assert (
        "data/strategy/strategi.yaml",
        13,
        "varning",
        "förslaget skulle presenteras november 2020, som redan har varit; skriv det nya datumet",
    ) in problems


def test_snapshot_later_than_the_version_is_an_error(project: Path) -> None:
    """A stated snapshot dated after the version (autumn 2020 in the spring 2020 version) is an error
    naming the snapshot's date line."""
    _edit(project / "data/channels/twitter.yaml", r'^    datum: "2020-h1"', '    datum: "2020-h2"')
    errors = [p for p in _problems(project) if p[2] == "fel"]
    assert errors == [
        (
            "data/channels/twitter.yaml",
            15,
            "fel",
            "nuläget '2020-h2' (hösten 2020) ligger efter versionen 2020-h1 (våren 2020); "
            "höj version.id i data/strategy/strategi.yaml eller rätta datumet",
        )
    ]


def test_review_date_older_than_latest_snapshot_warns(project: Path) -> None:
    """A channel reviewed in spring 2020 whose latest snapshot is from autumn 2020 gets a warning."""
    _edit(project / "data/strategy/strategi.yaml", r'^  id: "2020-h1"', '  id: "2020-h2"')
    _edit(project / "data/channels/twitter.yaml", r'^    datum: "2020-h1"', '    datum: "2020-h2"')
    problems = _problems(project)
    assert (
        "data/channels/twitter.yaml",
        12,
        "varning",
        "kanalen granskades senast våren 2020, före sitt senaste nuläge (juli 2020); "
        "skriv när avsnittet granskades",
    ) in problems


def test_expired_period_needs_a_flag(project: Path) -> None:
    """A version after the period's end (2022) is an error until the period carries a flag."""
    strategi = project / "data/strategy/strategi.yaml"
    _edit(strategi, r'^  id: "2020-h1"', '  id: "2023-h1"')
    errors = [p for p in _problems(project) if p[2] == "fel"]
    assert errors == [
        (
            "data/strategy/strategi.yaml",
            31,
            "fel",
            "strategins period slutar 2022, före versionen våren 2023; förläng perioden eller lägg en "
            "flagga under period: som säger vad som gäller",
        )
    ]
    _edit(
        strategi,
        r"^(  text: Den digitala strategin togs fram.*)$",
        "\\1\n  flaggor:\n    - typ: osäkert\n      fråga: Gäller strategin efter 2022?\n"
        "      citat: sträcker sig till 2022",
    )
    assert [p for p in _problems(project) if p[2] == "fel"] == []


def test_nulage_text_naming_another_season_warns(project: Path) -> None:
    """When every channel has an autumn 2020 snapshot but nuläge_text still says 'våren 2020', a
    warning says so (the season in the text is the one thing left typed about the date)."""
    _edit(project / "data/strategy/strategi.yaml", r'^  id: "2020-h1"', '  id: "2020-h2"')
    for path in sorted((project / "data/channels").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'^    datum: "2020-h1"', '    datum: "2020-h2"', text, flags=re.M), "utf-8")
    problems = _problems(project)
    assert (
        "data/strategy/strategi.yaml",
        33,
        "varning",
        "nuläge_text säger 'våren 2020', men kanalernas senaste nulägen avser hösten 2020",
    ) in problems


@pytest.mark.parametrize("space", ["\n  ", "\u00a0"], ids=["radbrytning", "hårt-mellanslag"])
def test_nulage_text_season_across_a_line_break_or_no_break_space_is_read(project: Path, space: str) -> None:
    """The season check reads 'våren 2020' also when a line break or a no-break space stands between
    the words, and quotes it with one ordinary space."""
    _edit(project / "data/strategy/strategi.yaml", r"^nuläge_text: >-", "nuläge_text: |-")
    _edit(project / "data/strategy/strategi.yaml", r"ut våren 2020\.", f"ut våren{space}2020.")
    _edit(project / "data/strategy/strategi.yaml", r'^  id: "2020-h1"', '  id: "2020-h2"')
    for path in sorted((project / "data/channels").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'^    datum: "2020-h1"', '    datum: "2020-h2"', text, flags=re.M), "utf-8")
    warning = "nuläge_text säger 'våren 2020', men kanalernas senaste nulägen avser hösten 2020"
    assert [p for p in _problems(project) if p[3] == warning] == [
        ("data/strategy/strategi.yaml", 33, "varning", warning)
    ]


def test_derived_fields(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Label from the id, 'nuläget avser' from the stated snapshots (Linkedin's May 2020 widens to
    spring), last updated from the source page outside git, presentation words with 'i'."""
    monkeypatch.delenv(history.UPDATED_ENV, raising=False)
    s = model.load(project, TODAY)
    assert versions.label(s) == "Våren 2020"
    assert versions.selector_title(s) == "Våren 2020 (förslag)"
    assert versions.label_of("2024-h2") == "Hösten 2024"
    assert versions.status_refers_to(s) == "2020-h1"
    assert changed.last_updated(s) == "2021-01-19"
    assert versions.presentation_words(s) == "för strategigruppen för kommunikation i november 2020"
    assert versions.facts(s, changed.last_updated(s)) == [
        ("Version", "Våren 2020"),
        ("Status", "Förslag – inte antaget"),
        ("Senast ändrad", "19 januari 2021"),
        ("Digitalt nuläge avser", "våren 2020"),
        ("Skulle presenteras", "för strategigruppen för kommunikation i november 2020"),
    ]
    monkeypatch.setenv(history.UPDATED_ENV, "2026-06-30")
    assert changed.last_updated(s) == "2026-06-30"


def test_old_field_names_are_refused(project: Path) -> None:
    """The derived fields can no longer be typed: 'etikett' is an unknown field."""
    _edit(
        project / "data/strategy/strategi.yaml", r'^  id: "2020-h1"', '  id: "2020-h1"\n  etikett: Våren 2020'
    )
    errors = [p for p in _problems(project) if p[2] == "fel"]
    assert len(errors) == 1
    assert errors[0][:2] == ("data/strategy/strategi.yaml", 11)
    assert "etikett" in errors[0][3]


def _with_channels(s: model.Strategy, channels: list[dict[str, Any]]) -> model.Strategy:
    return dataclasses.replace(s, channels=channels)


def test_new_snapshot_shows_its_figures_before_and_after(strategy: model.Strategy) -> None:
    """A new Facebook snapshot lists its figures, 'före → efter' against the previous snapshot's
    measure, with the date in words, never the code."""
    channels = copy.deepcopy(strategy.channels)
    facebook = next(c for c in channels if c["id"] == "facebook")
    facebook["nuläge"].append(
        {
            "id": "tabell-2020-h2",
            "datum": "2020-h2",
            "källa": "Tabellen Digitalt nuläge",
            "övergripande": "Fler följare.",
            "mätvärden": {"följare": 18250, "andel_kvinnor": 72},
        }
    )
    lines = [diff.describe(c) for c in diff.compare(strategy, _with_channels(strategy, channels))]
    word = figures.qualifier(
        periods.latest_snapshot(next(c for c in strategy.channels if c["id"] == "facebook")), "följare"
    )
    before = f"{word} 17 000" if word else "17 000"  # a rounded figure keeps the strategy's words
    assert [line.replace("\u00a0", " ").replace("\u202f", " ") for line in lines] == [
        f"Nytt: Facebook › Digitalt nuläge › hösten 2020: Följare: {before} → 18 250; Kvinnor (%): 72 (oförändrat)"
    ]


def test_new_channel_shows_its_key_facts(strategy: model.Strategy) -> None:
    """A new channel is listed with its address, audience, frequency and latest figures."""
    channels = copy.deepcopy(strategy.channels)
    tiktok = copy.deepcopy(next(c for c in channels if c["id"] == "twitter"))
    tiktok.update(
        id="tiktok",
        namn="Tiktok",
        adress="https://www.tiktok.com/@regionorebrolan",
        profil={"målgrupp": "Unga vuxna.", "frekvens": "2 filmer/vecka"},
        nuläge=[
            {
                "id": "start",
                "datum": "2021-h1",
                "källa": "Kanalavsnittet",
                "övergripande": "Ny.",
                "mätvärden": {"följare": 1200},
            }
        ],
    )
    lines = [diff.describe(c) for c in diff.compare(strategy, _with_channels(strategy, [*channels, tiktok]))]
    assert [line.replace("\u00a0", " ").replace("\u202f", " ") for line in lines] == [
        "Ny kanal: Tiktok (https://www.tiktok.com/@regionorebrolan; Målgrupp: Unga vuxna.; "
        "Frekvens: 2 filmer/vecka; våren 2021: Följare: 1 200)"
    ]


def test_codes_in_words_and_rewritten_list_items(strategy: model.Strategy) -> None:
    """A version id change reads 'våren 2020 → hösten 2020'; a rewritten line in a text list is one
    change, not a removal plus an addition; derived fields of an older version are no change."""
    old_main = copy.deepcopy(strategy["strategi"])
    old_main["version"]["etikett"] = "Våren 2020"
    old_main["nuläge_avser"] = "2020-h1"
    new_main = copy.deepcopy(strategy["strategi"])
    new_main["version"]["id"] = "2020-h2"
    new_main["källa"]["sidfot"][0] = "Hat Ihnen dieser Inhalt geholfen?"
    old = dataclasses.replace(strategy, files={**strategy.files, "strategi": old_main})
    new = dataclasses.replace(strategy, files={**strategy.files, "strategi": new_main})
    lines = [diff.describe(c) for c in diff.compare(old, new)]
    assert lines == [
        "Strategin › Version › Versions-id: våren 2020 → hösten 2020",
        "Strategin › Källan › Sidans fot: "
        "”Hat Ihnen dieser Inhalt weitergeholfen?” → ”Hat Ihnen dieser Inhalt geholfen?”",
    ]


def test_comment_markdown_and_titles() -> None:
    """The PR comment has no HTML entities, escapes markup with backslashes, never mentions anyone or
    links an issue, and its titles are plain Swedish."""
    assert (
        diff.md_text("<b>x</b> @kalle #12 a|b 25-54") == "\\<b\\>x\\</b\\> @\u2060kalle #\u206012 a\\|b 25-54"
    )
    assert diff.title_for("origin/main", None) == "Ändringar jämfört med main"
    assert (
        diff.title_for("strategi-2020-h1", "strategi-2020-h2") == "Ändringar från våren 2020 till hösten 2020"
    )


def test_banner_start_page_and_cover_agree(strategy: model.Strategy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Version, status, last updated and the presentation read the same on the draft banner, the start
    page and the printed cover; the cover has no print date (it would freeze into each version)."""
    from strategi.site import chrome
    from strategi.views import VIEWS

    monkeypatch.setenv(history.UPDATED_ENV, "2021-01-19")
    known = changed.history_of(strategy)
    start = VIEWS["start"](strategy, known)
    facts = chrome.version_facts(strategy, known)
    cover = chrome.render_partial("cover.html", facts=facts)
    banner = chrome.render_partial("version-banner.html", facts=facts)
    for label, value in [
        ("Version", "Våren 2020"),
        ("Status", "Förslag – inte antaget"),
        ("Senast ändrad", "19 januari 2021"),
        ("Digitalt nuläge avser", "våren 2020"),
        ("Skulle presenteras", "för strategigruppen för kommunikation i november 2020"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in start, label
        assert f'<th scope="row">{label}</th><td>{value}</td>' in cover, label
    assert "Utskriven" not in cover
    assert "Det här är Våren 2020" in banner
    assert "skulle presenteras för strategigruppen för kommunikation i november 2020." in banner


def test_snapshot_without_id_needs_a_unique_date(project: Path) -> None:
    """A snapshot may leave out its id; then its date must be unique in the channel, else an error
    says to give it an id."""
    twitter = project / "data/channels/twitter.yaml"
    _edit(
        twitter,
        r"^nuläge:\n",
        'nuläge:\n  - datum: "2020-h1"\n    källa: Kanalavsnittet\n    övergripande: Ny text.\n',
    )
    errors = [p for p in _problems(project) if p[2] == "fel"]
    assert errors == [
        (
            "data/channels/twitter.yaml",
            14,
            "fel",
            "två nulägen har tidpunkten '2020-h1'; ge det här ett eget id så att de går att skilja åt",
        )
    ]
    _edit(
        twitter,
        r'^  - datum: "2020-h1"\n    källa: Kanalavsnittet',
        '  - datum: "2020-05"\n    källa: Kanalavsnittet',
    )
    assert [p for p in _problems(project) if p[2] == "fel"] == []
