"""One half-year revision played through in a throwaway git repository (no network).

Start 2021-h1 from 2020-h1, enter figures for three months, change a goal sentence, adopt and
tag it; the statuses, charts, Ändringar (with the changed words), the start page and the print
page all show it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_project, run_cli
from tests.conftest import git as _git

TODAY = {"STRATEGI_IDAG": "2021-04-20"}
OLD_GOAL = "Våra inlägg ska ha en interaktionsfrekvens på minst 7 procent."
NEW_GOAL = "Våra inlägg ska ha en interaktionsfrekvens på minst 8 procent."


def _cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, "--rot", str(repo), env=TODAY)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The repository after the revision, with its built site and every command's output."""
    repo = copy_project(tmp_path_factory.mktemp("revision") / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "2020-h1")
    _git(repo, "tag", "strategi-2020-h1")
    out: dict[str, object] = {"repo": repo}
    out["ny-version"] = _cli(repo, "ny-version", "2021-h1")
    strategy = repo / "data/strategy/strategi.yaml"
    _replace(strategy, "status: förslag", "status: antagen")
    out["adopt-unconfirmed"] = _cli(repo, "validera")
    _replace(strategy, "status: antagen", "status: förslag")
    for month, rate, followers in (("01", "5,0", "17100"), ("02", "5,5", "17250"), ("03", "6", "17400")):
        out[f"rate-{month}"] = _cli(repo, "mätvärde", "facebook-interaktionsfrekvens", f"2021-{month}", rate)
        out[f"followers-{month}"] = _cli(repo, "mätvärde", "facebook-foljare", f"2021-{month}", followers)
        _cli(repo, "mätvärde", "linkedin-aktivitetsfrekvens", f"2021-{month}", str(4 + int(month)))
    out["impossible"] = _cli(repo, "mätvärde", "facebook-interaktionsfrekvens", "2021-04", "140")
    for channel in (repo / "data/channels").glob("*.yaml"):
        text = channel.read_text(encoding="utf-8")
        channel.write_text(text.replace("    obekräftad: true\n", ""), encoding="utf-8")
    _replace(repo / "data/channels/facebook.yaml", OLD_GOAL, NEW_GOAL)
    out["stale-source"] = _cli(repo, "validera")
    indicators = repo / "data/strategy/indikatorer.yaml"
    _replace(indicators, f"mening: {OLD_GOAL}", f"mening: {NEW_GOAL}")
    _replace(indicators, "      värde: 7\n", "      värde: 8\n")
    _replace(strategy, "status: förslag", "status: antagen")
    out["validera"] = _cli(repo, "validera")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "2021-h1")
    _git(repo, "tag", "strategi-2021-h1")
    out["skillnader"] = _cli(repo, "skillnader", "strategi-2020-h1", "strategi-2021-h1")
    site = repo / "site"
    result = build_site(repo, site, env=TODAY)
    assert result.returncode == 0, result.stderr
    out["site"] = site
    return out


def _page(revised: dict[str, object], name: str) -> str:
    site = revised["site"]
    assert isinstance(site, Path)
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_new_version_writes_draft_and_prints_checklist(revised: dict[str, object]) -> None:
    """ny-version sets id and status (the label and the comparison are derived) and prints a checklist."""
    result = revised["ny-version"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, result.stderr
    assert "Började Våren 2021 (2021-h1) som förslag." in result.stdout
    assert "Kanaler som behöver ett färskt nuläge (6)" in result.stdout
    assert "Indikatorer som väntar på ett färskt mätvärde" in result.stdout
    repo = revised["repo"]
    assert isinstance(repo, Path)
    text = (repo / "data/strategy/strategi.yaml").read_text(encoding="utf-8")
    assert 'id: "2021-h1"' in text
    assert "etikett" not in text  # the label is derived from the id
    assert "Sidan Ändringar jämför med strategi-2020-h1." in result.stdout


def test_adopting_with_unconfirmed_status_is_refused(revised: dict[str, object]) -> None:
    """validera refuses an adopted version while a copied digital status is unconfirmed."""
    result = revised["adopt-unconfirmed"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 1
    assert (
        "versionen är antagen, men nuläget 'revision-2021-h1' är kopierat och inte bekräftat" in result.stdout
    )


def test_measurements_are_appended_and_impossible_values_refused(revised: dict[str, object]) -> None:
    """mätvärde appends valid rows and refuses a percentage above 100 without changing the file."""
    ok = revised["rate-03"]
    bad = revised["impossible"]
    assert isinstance(ok, subprocess.CompletedProcess)
    assert isinstance(bad, subprocess.CompletedProcess)
    assert ok.returncode == 0, ok.stderr
    assert bad.returncode == 1
    assert "värdet 140 kan ingen plattform ge" in bad.stderr
    repo = revised["repo"]
    assert isinstance(repo, Path)
    rows = (repo / "data/matvarden/2021.yaml").read_text(encoding="utf-8")
    assert rows.count("indikator: facebook-interaktionsfrekvens") == 3
    assert "2021-04" not in rows


def test_changed_goal_needs_its_indicator_updated(revised: dict[str, object]) -> None:
    """A goal sentence changed in a channel but not in its indicator is an error naming the sentence."""
    result = revised["stale-source"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 1
    assert f"meningen '{OLD_GOAL}' står inte ordagrant" in result.stdout
    final = revised["validera"]
    assert isinstance(final, subprocess.CompletedProcess)
    assert final.returncode == 0, final.stdout


def test_skillnader_shows_changed_words(revised: dict[str, object]) -> None:
    """The terminal change list marks the removed and added words of the goal sentence."""
    result = revised["skillnader"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, result.stderr
    assert "interaktionsfrekvens på minst [-7-] {+8+} procent." in result.stdout


def test_followup_page_shows_statuses_and_charts(revised: dict[str, object]) -> None:
    """Uppföljning: the behind, achieved and untargeted indicators, each chart with title and description."""
    page = _page(revised, "uppfoljning")
    # Each indicator's heading is followed by its status line (strategi/views/indikatorer.py).
    status_after = r'Interaktionsfrekvens på Facebook<a class="headerlink"(?:(?!<h[1-6]).)*?indikator-lage">(?:(?!</p>).)*?'
    assert re.search(status_after + "Efter plan", page, re.S)
    status_after = r'Aktivitetsfrekvens på Linkedin<a class="headerlink"(?:(?!<h[1-6]).)*?indikator-lage">(?:(?!</p>).)*?'
    assert re.search(status_after + "Målet nått", page, re.S)
    assert (
        '<svg class="diagram" role="img" viewBox="0 0 560 240" width="560" height="240" '
        'aria-labelledby="diagram-facebook-interaktionsfrekvens-titel" '
        'aria-describedby="diagram-facebook-interaktionsfrekvens-beskrivning"'
    ) in page
    assert "Målet är 8\u00a0% varje månad." in page
    assert "Värdet ökade från 5\u00a0% till 6\u00a0% mellan januari 2021 och mars 2021." in page
    assert 'stroke-dasharray="8 5"' in page


def test_andringar_shows_changed_words(revised: dict[str, object]) -> None:
    """Ändringar marks the changed words with <del> and <ins>, with hidden words for screen readers."""
    page = _page(revised, "andringar")
    assert (
        'minst <del><span class="sr-endast">borttaget: </span>7</del> '
        '<ins><span class="sr-endast">tillagt: </span>8</ins> procent.'
    ) in page


def test_start_page_counts_statuses(revised: dict[str, object]) -> None:
    """The start page has one line counting the indicators by status."""
    site = revised["site"]
    assert isinstance(site, Path)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "17 indikatorer:" in page
    assert "1 efter plan" in page


def test_print_page_carries_the_charts(revised: dict[str, object]) -> None:
    """The review print document (which granskning.pdf is made from), where every indicator is shown in
    detail, has the charts as inline SVG."""
    page = _page(revised, "utskrift/granskning")
    assert '<svg class="diagram" role="img"' in page
    assert "Interaktionsfrekvens på Facebook: värden över tid</title>" in page
