"""Ten half-years played through as editors would: 2020-h1 to 2024-h2, some published first as a
draft, all adopted, with one forgotten id bump and one early merge, in a throwaway git
repository with mike (no network). The site is trimmed to a few pages so the whole play stays
around a minute; everything else about a publish is the real thing.

Per half-year the editor types only the real changes plus the id and the status: a new Facebook
snapshot (its date, source, text and figures; no id needed), `version.id`, `status`. Everything else (label,
what the nuläge refers to, last updated) is derived.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FROZEN_DATA, ROOT, run_cli
from tests.test_versions import _replace

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("versions")]

GIT = ["git", "-c", "user.name=Redaktör", "-c", "user.email=red@localhost", "-c", "commit.gpgsign=false"]
HALF_YEARS = [f"{year}-h{half}" for year in range(2020, 2025) for half in (1, 2)]
WORDS = {"h1": "våren", "h2": "hösten"}
# Half-years published first as a draft, then adopted (the others are adopted at once, to keep the
# play near a minute: each publish is a full mike deploy).
DRAFTED = {"2020-h1", "2020-h2", "2022-h2", "2024-h2"}
FORGOTTEN_BUMP_BEFORE = "2021-h2"  # the editor starts this draft but forgets to change the id
EARLY_MERGE_AFTER = "2022-h1"  # a content change is merged while this adopted id is still in the data


def _words(version: str) -> str:
    year, half = version.split("-")
    return f"{WORDS[half]} {year}"


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = None
    if date:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        [*GIT, "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def _trimmed_project(dest: Path) -> Path:
    """The project with the site cut to start, nuläge, channels and Ändringar (no print page, no search)."""
    shutil.copytree(FROZEN_DATA, dest / "data")
    for name in ["schemas", "overrides", "strategi"]:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["macros.py", "hooks.py"]:
        shutil.copy2(ROOT / name, dest / name)
    (dest / "docs" / "kanaler").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    for page in ["index.md", "nulage.md", "andringar.md", "kanaler/index.md"]:
        shutil.copy2(ROOT / "docs" / page, dest / "docs" / page)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  # The whole strategy on one page.*?(?=\nhooks:)", "\n", config, flags=re.S)
    config = re.sub(r"  - search:\n(?:      .*\n)+", "", config)
    # The start page links to pages cut here: do not fail the build for those links.
    config = config.replace("  links:\n    not_found: warn", "  links:\n    not_found: info")
    config = config[: config.index("\nnav:\n")] + (
        "\nnav:\n  - Start: index.md\n  - Digitalt nuläge: nulage.md\n"
        "  - Kanaler:\n      - kanaler/index.md\n  - Ändringar: andringar.md\n"
    )
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def _publish(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("publicera", "--rot", str(repo), *extra)


def _show(repo: Path, path: str) -> str:
    return _git(repo, "show", f"gh-pages:{path}").replace("\u00a0", " ").replace("\u202f", " ")


def _tree(repo: Path, path: str) -> str:
    return _git(repo, "rev-parse", f"gh-pages:{path}").strip()


def _tags(repo: Path) -> dict[str, str]:
    lines = _git(repo, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/tags").split("\n")
    return dict(line.split(" ", 1) for line in lines if line.strip())


def _add_snapshot(repo: Path, version: str, followers: int) -> None:
    """The editor's one real change per half-year: a new Facebook snapshot with its figures."""
    snapshot = (
        f'nuläge:\n  - datum: "{version}"\n    källa: Tabellen Digitalt nuläge\n'
        f"    övergripande: Facebooksidan {_words(version)}.\n    mätvärden:\n      följare: {followers}\n"
    )
    _replace(repo / "data/channels/facebook.yaml", r"^nuläge:\n", snapshot)


def _start_draft(repo: Path, version: str, followers: int, date: str) -> None:
    strategi = repo / "data/strategy/strategi.yaml"
    _replace(strategi, r'^  id: "[0-9]{4}-h[12]"', f'  id: "{version}"')
    _replace(strategi, r"^status: antagen", "status: förslag")
    _add_snapshot(repo, version, followers)
    if version == "2023-h1":  # the period (to 2022) has ended: the editor flags it, as validera asks
        _replace(
            strategi,
            r"^(  text: Den digitala strategin togs fram.*)$",
            "\\1\n  flaggor:\n    - typ: osäkert\n      fråga: Gäller strategin efter 2022?\n"
            "      citat: sträcker sig till 2022",
        )
    _git(repo, "commit", "-qam", f"Förslag {version}", date=date)


def _adopt(repo: Path, date: str) -> None:
    _replace(repo / "data/strategy/strategi.yaml", r"^status: förslag", "status: antagen")
    _git(repo, "commit", "-qam", "Antagen", date=date)


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Play the ten half-years; record what each step left on gh-pages and in the tags."""
    repo = _trimmed_project(tmp_path_factory.mktemp("halvar") / "repo")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Våren 2020, förslag", date="2020-03-15T12:00:00")
    seen: dict[str, Any] = {"adopted_trees": {}, "draft_defaults": {}, "mistakes": {}}
    for k, version in enumerate(HALF_YEARS):
        year = int(version[:4])
        draft_date, adopt_date = (f"{year}-03-15T12:00:00", f"{year}-05-15T12:00:00")
        if version.endswith("h2"):
            draft_date, adopt_date = (f"{year}-09-15T12:00:00", f"{year}-11-15T12:00:00")
        if version == FORGOTTEN_BUMP_BEFORE:
            # Mistake 1: a new draft begun with the adopted id still in the data.
            _replace(repo / "data/strategy/strategi.yaml", r"^status: antagen", "status: förslag")
            _git(repo, "commit", "-qam", "Nytt förslag (id glömt)", date=draft_date)
            before = (_git(repo, "rev-parse", "gh-pages").strip(), _tags(repo))
            result = _publish(repo, "--bara-ny")
            after = (_git(repo, "rev-parse", "gh-pages").strip(), _tags(repo))
            seen["mistakes"]["forgotten"] = (result, before, after)
            _replace(repo / "data/strategy/strategi.yaml", r"^status: förslag", "status: antagen")
            _git(repo, "commit", "-qam", "Ångra", date=draft_date)
        if k > 0:
            _start_draft(repo, version, 17000 + 1000 * k, draft_date)
        if version in DRAFTED:
            result = _publish(repo, "--bara-ny")
            assert result.returncode == 0, f"{version} (förslag): {result.stderr}"
            seen["draft_defaults"][version] = _git(repo, "show", "gh-pages:index.html")
            if version != HALF_YEARS[0]:
                draft = json.loads(_show(repo, "versions.json"))
                seen.setdefault("draft_titles", {})[version] = {v["version"]: v["title"] for v in draft}
        _adopt(repo, adopt_date)
        result = _publish(repo, "--bara-ny")
        assert result.returncode == 0, f"{version} (antagen): {result.stderr}"
        seen["adopted_trees"][version] = _tree(repo, version)
        if version == EARLY_MERGE_AFTER:
            # Mistake 2: a content change merged before the next version's id is typed.
            _replace(repo / "data/channels/instagram.yaml", r"^  politik: röd", "  politik: gul")
            _git(repo, "commit", "-qam", "Instagram: politik gul", date=adopt_date)
            before = (_git(repo, "rev-parse", "gh-pages").strip(), _tags(repo))
            result = _publish(repo, "--bara-ny")
            manual = _publish(repo)
            after = (_git(repo, "rev-parse", "gh-pages").strip(), _tags(repo))
            seen["mistakes"]["early"] = (result, manual, before, after)
    seen["repo"] = repo
    return seen


def test_every_version_is_published_and_adopted(played: dict[str, Any]) -> None:
    """versions.json lists the ten half-years, each adopted (no '(förslag)'), labelled in words, newest
    with the alias 'senaste'; every adopted version has its tag."""
    repo = played["repo"]
    listed = json.loads(_show(repo, "versions.json"))
    by_id = {v["version"]: v for v in listed}
    assert sorted(by_id) == HALF_YEARS
    assert by_id["2020-h1"]["title"] == "Våren 2020"
    assert by_id["2024-h2"]["title"] == "Hösten 2024"
    assert all("(förslag)" not in v["title"] for v in listed)
    assert by_id["2024-h2"]["aliases"] == ["senaste"]
    assert sorted(t.removeprefix("strategi-") for t in _tags(repo)) == HALF_YEARS


def test_older_versions_never_change(played: dict[str, Any]) -> None:
    """Each version's folder is byte for byte what its adoption published, after all later publishes
    and both mistakes."""
    repo = played["repo"]
    for version, tree in played["adopted_trees"].items():
        assert _tree(repo, version) == tree, f"{version} was changed after it was adopted"


def test_a_draft_never_becomes_the_default(played: dict[str, Any]) -> None:
    """While each draft is out, the root still sends readers to 'senaste' (the adopted version);
    only the very first draft, with nothing adopted yet, is the default."""
    defaults = played["draft_defaults"]
    assert 'href="2020-h1/"' in defaults["2020-h1"] or "2020-h1/" in defaults["2020-h1"]
    for version in sorted(DRAFTED - {HALF_YEARS[0]}):
        assert "senaste/" in defaults[version], version
        titles = played["draft_titles"][version]
        assert titles[version] == f"{_words(version).capitalize()} (förslag)", "a draft is marked as a draft"


def test_forgotten_id_bump_is_refused(played: dict[str, Any]) -> None:
    """A draft with the adopted id is refused in Swedish, exit 1, with the id to use; gh-pages and the
    tags are untouched."""
    result, before, after = played["mistakes"]["forgotten"]
    assert result.returncode == 1
    assert "Hösten 2021" not in result.stderr
    assert "Våren 2021 (2021-h1) är redan antagen och publicerad" in result.stderr
    assert "'2021-h2'" in result.stderr
    assert "Traceback" not in result.stderr
    assert before == after


def test_early_merge_publishes_nothing(played: dict[str, Any]) -> None:
    """A content change merged while the data still names an adopted version publishes nothing: the
    workflow's run (--bara-ny) says why and succeeds, a manual run refuses with exit 1; nothing moves."""
    result, manual, before, after = played["mistakes"]["early"]
    assert result.returncode == 0
    assert result.stdout.startswith("Inget publicerat: Våren 2022 (2022-h1) är redan antagen och publicerad")
    assert manual.returncode == 1
    assert "en antagen version ändras aldrig" in manual.stderr
    assert before == after


def test_every_change_page_compares_with_the_previous_adopted_version(played: dict[str, Any]) -> None:
    """Each version's Ändringar page compares with the half-year before, in words, and shows the new
    Facebook figures as 'före → efter'; the early-merged change appears in the next version's list."""
    repo = played["repo"]
    first = _show(repo, "2020-h1/andringar/index.html")
    assert "Det finns ingen tidigare antagen version att jämföra Våren 2020 med" in first
    for k, version in enumerate(HALF_YEARS[1:], start=1):
        page = _show(repo, f"{version}/andringar/index.html")
        label = _words(version)
        assert f"jämfört med {_words(HALF_YEARS[k - 1])}." in page, version
        before = 17000 + 1000 * (k - 1)
        after = 17000 + 1000 * k
        # A figure the data marks rounded keeps the strategy's words ('lite drygt 18 000').
        word = r"(?:[a-zåäö ]+ )?"
        figure = [f"{n:,}".replace(",", " ") for n in (before, after)]
        line = f"Nytt: Facebook › Digitalt nuläge › {label}: Följare: {word}{figure[0]} → {word}{figure[1]}"
        assert re.search(line, page), version
        assert "strategi-20" not in page, "codes, not words"
    assert "Instagram › Materialtyper › Politik: röd → gul" in _show(repo, "2022-h2/andringar/index.html")
    assert "Politik: röd → gul" not in _show(repo, "2022-h1/andringar/index.html")


def test_latest_version_shows_latest_figures_and_derived_facts(played: dict[str, Any]) -> None:
    """The newest version's nuläge table shows Facebook's autumn 2024 figure (26 000), not 2020's; its
    start page says Hösten 2024, adopted, last updated on the adoption commit's day, nuläge autumn 2024."""
    repo = played["repo"]
    nulage = _show(repo, "senaste/nulage/index.html")
    table = nulage.split('aria-label="Digitalt nuläge per kanal"', 1)[1]
    facebook = table.split('href="../kanaler/facebook/"', 1)[1].split("</tr>", 1)[0]
    assert "<td>hösten 2024</td>" in facebook
    assert "26 000" in facebook
    assert "17 000" not in facebook
    # The search's line breaks between a term and its description (strategi.reading.loosen) aside.
    start = re.sub(r"</dt>\s+<dd>", "</dt><dd>", _show(repo, "senaste/index.html"))
    assert "<dt>Version</dt><dd>Hösten 2024</dd>" in start
    assert "<dt>Status</dt><dd>Antagen</dd>" in start
    assert "<dt>Senast ändrad</dt><dd>15 november 2024</dd>" in start
    assert "<dt>Digitalt nuläge avser</dt><dd>hösten 2024</dd>" in start
    assert "Förslag – inte antaget" not in start


def test_aliases_and_root_pages_work_without_symlinks(played: dict[str, Any]) -> None:
    """'senaste' is a real folder (no symlink anywhere on gh-pages); the root redirect page and the
    root 404 page are Swedish."""
    repo = played["repo"]
    modes = {line.split()[0] for line in _git(repo, "ls-tree", "-r", "gh-pages").splitlines()}
    assert "120000" not in modes, "a symlink on gh-pages"
    assert _git(repo, "cat-file", "-t", "gh-pages:senaste").strip() == "tree"
    root = _show(repo, "index.html")
    assert '<html lang="sv">' in root
    assert "Du skickas vidare till strategin" in root
    assert "Redirecting" not in root
    missing = _show(repo, "404.html")
    assert '<html lang="sv">' in missing
    assert "Sidan finns inte" in missing
    assert "senaste/" in missing
