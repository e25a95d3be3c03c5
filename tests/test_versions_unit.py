"""Version facts without building a site: draft or adopted, selector label, tags, what to compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from strategi.content import changed, versions
from strategi.data import history, model
from strategi.data.model import Strategy
from tests.conftest import ROOT, TODAY


def small(root: Path, **strategi: Any) -> Strategy:
    data = {"version": {"id": "2020-h1", "etikett": "Våren 2020"}, "status": "antagen", **strategi}
    return Strategy(root, {"strategi": data}, [], {}, TODAY)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository with one commit."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start")
    return tmp_path


def test_draft_label_says_forslag(tmp_path: Path) -> None:
    """A draft (status 'förslag') is labelled '… (förslag)' in the selector; an adopted one by its label alone."""
    assert versions.selector_title(small(tmp_path, status="förslag")) == "Våren 2020 (förslag)"
    assert small(tmp_path, status="förslag").is_draft
    assert versions.selector_title(small(tmp_path)) == "Våren 2020"
    assert not small(tmp_path).is_draft
    assert small(tmp_path).version_id == "2020-h1"


def test_published_tags_oldest_first(repo: Path) -> None:
    """Only 'strategi-' tags count, as version ids, oldest first."""
    for tag in ["strategi-2021-h1", "strategi-2020-h1", "annat-2019", "strategi-2020-h2"]:
        git(repo, "tag", tag)
    assert history.published_tags(repo) == ["2020-h1", "2020-h2", "2021-h1"]


def test_published_tags_outside_git_is_empty(tmp_path: Path) -> None:
    """A folder that is not a git repository has no published versions (no error)."""
    assert history.published_tags(tmp_path / "inget") == []


def test_previous_ref_is_the_latest_earlier_version(repo: Path) -> None:
    """The change list compares with the newest version before this one, never a later one or itself."""
    for tag in ["strategi-2019-h2", "strategi-2020-h1", "strategi-2020-h2", "strategi-2021-h1"]:
        git(repo, "tag", tag)
    s = small(repo, version={"id": "2021-h1", "etikett": "Våren 2021"})
    assert history.previous_ref(s) == "strategi-2020-h2"
    first = small(repo, version={"id": "2019-h2", "etikett": "Hösten 2019"})
    assert history.previous_ref(first) is None


def test_configured_compare_ref_wins(repo: Path) -> None:
    """A 'jämför_med' ref in the strategy is used as given."""
    git(repo, "tag", "strategi-2020-h1")
    s = small(repo, version={"id": "2021-h1", "etikett": "Våren 2021"}, jämför_med="v1")
    assert history.previous_ref(s) == "v1"


def test_history_gathers_what_git_knows(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """history.history: the previous adopted version, the problem with a 'jämför_med' that names
    another one without a reason (none with a reason), and the update day the publish sets."""
    git(repo, "tag", "strategi-2020-h1")
    git(repo, "tag", "strategi-2020-h2")
    monkeypatch.setenv(history.UPDATED_ENV, "2021-02-03")
    plain = changed.history_of(small(repo, version={"id": "2021-h1", "etikett": "Våren 2021"}))
    assert plain == history.History("strategi-2020-h2", None, "2021-02-03")
    other = small(repo, version={"id": "2021-h1", "etikett": "Våren 2021"}, jämför_med="strategi-2020-h1")
    assert changed.history_of(other) == history.History(
        "strategi-2020-h1",
        "jämför_med i data/strategy/strategi.yaml är 'strategi-2020-h1', men föregående antagna version är "
        "'strategi-2020-h2'. Ta bort jämför_med, eller skriv varför i jämför_med_motivering.",
        "2021-02-03",
    )
    reasoned = small(
        repo,
        version={"id": "2021-h1", "etikett": "Våren 2021"},
        jämför_med="strategi-2020-h1",
        jämför_med_motivering="Hösten 2020 antogs aldrig i sin helhet.",
    )
    assert changed.history_of(reasoned).problem is None


def test_version_facts_in_words(tmp_path: Path) -> None:
    """The facts every page shows, in order and in Swedish: a draft presented later (or today) says
    'Presenteras', a draft whose presentation has passed 'Skulle presenteras', an adopted version
    'Presenterades'; an unknown status is shown as written; empty facts are left out."""
    pres = {"för": "strategigruppen", "när": "2026-11-29"}  # TODAY: not yet past
    draft = small(tmp_path, status="förslag", presentation=pres)
    assert versions.facts(draft, "2021-01-19") == [
        ("Version", "Våren 2020"),
        ("Status", "Förslag – inte antaget"),
        ("Senast ändrad", "19 januari 2021"),
        ("Presenteras", "för strategigruppen i 29 november 2026"),
    ]
    late = small(tmp_path, status="förslag", presentation={**pres, "när": "2026-11-28"})
    assert versions.facts(late, "")[-1] == ("Skulle presenteras", "för strategigruppen i 28 november 2026")
    adopted = small(tmp_path, presentation={**pres, "när": "2020-11"})
    assert versions.facts(adopted, "") == [
        ("Version", "Våren 2020"),
        ("Status", "Antagen"),
        ("Presenterades", "för strategigruppen i november 2020"),
    ]
    odd = small(tmp_path, status="okänd")
    assert versions.facts(odd, "") == [("Version", "Våren 2020"), ("Status", "okänd")]
    assert not versions.presentation_past(small(tmp_path))


def test_last_updated_falls_back_to_the_source_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside git and without a valid publish date, 'senast uppdaterad' is the date the source web
    page was last updated; a valid $STRATEGI_SENAST_UPPDATERAD wins; nothing known gives ''."""
    monkeypatch.delenv(history.UPDATED_ENV, raising=False)
    s = small(tmp_path / "utan-git", källa={"webbsida_senast_uppdaterad": "2021-01-19"})
    assert changed.last_updated(s) == "2021-01-19"
    monkeypatch.setenv(history.UPDATED_ENV, "igår")
    assert changed.last_updated(s) == "2021-01-19"
    monkeypatch.setenv(history.UPDATED_ENV, "2026-06-30")
    assert changed.last_updated(s) == "2026-06-30"
    monkeypatch.delenv(history.UPDATED_ENV)
    assert changed.last_updated(small(tmp_path / "ingenting")) == ""


def dated_commit(repo: Path, day: str, message: str) -> None:
    """Commit everything in the work tree with the committer and author day ``day``."""
    git(repo, "add", "-A")
    dated = {"GIT_COMMITTER_DATE": f"{day}T12:00:00", "GIT_AUTHOR_DATE": f"{day}T12:00:00"}
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message],
        check=True,
        env={**os.environ, **dated},
        capture_output=True,
        timeout=30,
    )


@pytest.fixture
def strategy_repo(tmp_path: Path) -> Path:
    """A git repository holding the strategy's data/ and schemas/, landed on 2024-01-10 and tagged as
    the previous adopted version 'strategi-2019-h2' (every version after it compares with it)."""
    for name in ("data", "schemas"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    git(tmp_path, "init", "-q")
    dated_commit(tmp_path, "2024-01-10", "landed")
    git(tmp_path, "tag", "strategi-2019-h2")
    return tmp_path


def _edit(repo: Path, relpath: str, old: str, new: str) -> None:
    path = repo / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_senast_andrad_is_the_last_content_change_not_the_last_commit(
    strategy_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two dated commits after the previous version: a content edit (a vision word's meaning) on
    2024-03-05, then a comment-only edit on 2024-04-20. The site takes 2024-03-05: the change list
    reports the first and nothing for the second, and 'Senast ändrad' follows the change list."""
    monkeypatch.delenv(history.UPDATED_ENV, raising=False)
    vision = model.load(strategy_repo, TODAY)["strategi"]["vision"]["text"]
    _edit(strategy_repo, "data/strategy/strategi.yaml", vision, vision + " i hela länet")
    dated_commit(strategy_repo, "2024-03-05", "content")
    path = strategy_repo / "data" / "strategy" / "mal.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "# En kommentar som inte ändrar innehållet.\n", encoding="utf-8"
    )
    dated_commit(strategy_repo, "2024-04-20", "comment")
    s = model.load(strategy_repo, TODAY)
    assert history.previous_ref(s) == "strategi-2019-h2"
    assert changed.commits_since(strategy_repo, "strategi-2019-h2")[0][1] == "2024-04-20"
    assert changed.last_updated(s) == "2024-03-05"
    assert changed.history_of(s).updated == "2024-03-05"
    assert ("Senast ändrad", "5 mars 2024") in versions.facts(s, changed.history_of(s).updated)


def test_without_a_content_change_the_date_is_the_sources(
    strategy_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commits after the previous version that only add a comment or reformat (other quotes) leave
    'Senast ändrad' at the source page's own date; so does a first version with nothing to compare."""
    monkeypatch.delenv(history.UPDATED_ENV, raising=False)
    path = strategy_repo / "data" / "strategy" / "mal.yaml"
    first, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(f"{first}\n# Bara en kommentar.\n{rest}", encoding="utf-8")
    dated_commit(strategy_repo, "2024-05-01", "comment")
    _edit(
        strategy_repo,
        "data/strategy/strategi.yaml",
        'webbsida_senast_uppdaterad: "',
        "webbsida_senast_uppdaterad: '",
    )
    _edit(strategy_repo, "data/strategy/strategi.yaml", '-19"\n', "-19'\n")
    dated_commit(strategy_repo, "2024-05-02", "quotes")
    s = model.load(strategy_repo, TODAY)
    source_day = s["strategi"]["källa"]["webbsida_senast_uppdaterad"]
    assert changed.last_updated(s) == source_day
    git(strategy_repo, "tag", "-d", "strategi-2019-h2")
    assert history.previous_ref(s) is None
    assert changed.content_updated(model.load(strategy_repo, TODAY)) == source_day


def test_presentation_needs_both_when_and_for_whom(tmp_path: Path) -> None:
    """The presentation is described only when both 'när' and 'för' are given; half of it is left
    out of the facts rather than shown as a broken sentence."""
    assert versions.presentation_words(small(tmp_path, presentation={"när": "2020-11"})) == ""
    assert versions.presentation_words(small(tmp_path, presentation={"för": "strategigruppen"})) == ""
    assert versions.facts(small(tmp_path, presentation={"när": "2020-11"}), "") == [
        ("Version", "Våren 2020"),
        ("Status", "Antagen"),
    ]


def test_facts_without_a_status_leave_the_status_out(tmp_path: Path) -> None:
    """A strategy without 'status' shows no Status fact (not 'None' or a placeholder)."""
    s = Strategy(tmp_path, {"strategi": {"version": {"id": "2020-h1"}}}, [], {}, TODAY)
    assert versions.facts(s, "") == [("Version", "Våren 2020")]


def test_only_prefixed_tags_are_versions(repo: Path) -> None:
    """A tag that looks like a version id without the 'strategi-' prefix is not an adopted version."""
    git(repo, "tag", "2019-h1")
    git(repo, "tag", "strategi-2020-h1")
    assert history.published_tags(repo) == ["2020-h1"]


def test_compare_problem_when_nothing_was_adopted_before(repo: Path) -> None:
    """A 'jämför_med' without a reason, when no earlier version is adopted, says in Swedish that
    the previous adopted version is nothing."""
    s = small(repo, jämför_med="main")
    assert history.compare_problem(s) == (
        "jämför_med i data/strategy/strategi.yaml är 'main', men föregående antagna version är "
        "ingenting (det finns ingen tidigare antagen version). Ta bort jämför_med, eller skriv varför "
        "i jämför_med_motivering."
    )
