"""Publishing's decisions without building the site: a fake mike (tests/fake_mike.py) stands where
publishing looks for mike and writes on gh-pages what mike writes there. What is checked is what a
user sees: the published branch's files and versions.json, the tags, the Swedish message and, through
the command line, the exit status. tests/test_versions.py publishes with the real mike end to end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from strategi.commands import cli, publish
from strategi.data import history
from strategi.data.model import Strategy
from strategi.site import generated
from tests.conftest import FIXED_TODAY, ROOT, TODAY, copy_data, edit
from tests.fake_mike import commit as commit_on

REAL_PYTHON = sys.executable
FAKE_MIKE = Path(__file__).with_name("fake_mike.py")
SITE = "https://strategi.example/intranat/"
DATA_DAY = "2024-03-05"
IDENTITY = ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")


def git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, timeout=30, env=env
    )
    return result.stdout


def commit_all(root: Path, message: str) -> None:
    """Commit everything, dated DATA_DAY (the day 'senast uppdaterad' is taken from)."""
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{DATA_DAY}T12:00:00",
        "GIT_COMMITTER_DATE": f"{DATA_DAY}T12:00:00",
    }
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, env=dated)


def show(root: Path, name: str) -> str:
    return git(root, "show", f"gh-pages:{name}")


def published(root: Path) -> Any:
    return json.loads(show(root, "versions.json"))


def pages_log(root: Path) -> list[str]:
    """The subjects of gh-pages' commits, newest first."""
    return git(root, "log", "--format=%s", "gh-pages").splitlines()


def tags(root: Path) -> list[str]:
    return git(root, "tag", "--list").split()


def version(root: Path, vid: str, status: str = "antagen", **extra: Any) -> Strategy:
    """A strategy holding only what publishing reads: the version id, the status and compare settings."""
    return Strategy(root, {"strategi": {"version": {"id": vid}, "status": status, **extra}}, [], {}, TODAY)


def calls(log: Path) -> list[dict[str, Any]]:
    """The fake mike's calls, oldest first."""
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def argv(log: Path) -> list[list[str]]:
    return [c["argv"] for c in calls(log)]


def refusal(root: Path, strategy: Strategy, log: Path) -> str:
    """Publishing ``strategy`` is refused before mike runs: the Swedish message."""
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(root, strategy)
    assert calls(log) == []
    return str(caught.value)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No git settings of the machine, no identity and no publish date from outside the test."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in (
        *IDENTITY,
        history.UPDATED_ENV,
        "FAKE_MIKE_FAIL",
        "GIT_DIR",
        "GIT_INDEX_FILE",
        "GIT_WORK_TREE",
    ):
        monkeypatch.delenv(name, raising=False)


def make_repo(root: Path) -> Path:
    """Make ``root`` a git repository with a mkdocs.yml with a site_url and a configured author
    (Redaktör), everything committed on DATA_DAY."""
    (root / "mkdocs.yml").write_text(f"site_name: Strategi\nsite_url: {SITE}\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Redaktör")
    git(root, "config", "user.email", "redaktor@example.org")
    commit_all(root, "start")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (make_repo) whose data/ holds one small file: publishing reads the version
    from the Strategy it is given, so the tests that need no real data stay fast."""
    strategi = tmp_path / "arkiv" / "data" / "strategy" / "strategi.yaml"
    strategi.parent.mkdir(parents=True)
    strategi.write_text('version:\n  id: "2020-h1"\nstatus: förslag\n', encoding="utf-8")
    return make_repo(tmp_path / "arkiv")


@pytest.fixture
def project_repo(tmp_path: Path) -> Path:
    """A repository (make_repo) holding the project's data and schemas, for the tests that load
    the strategy (the command line, the change list's previous version)."""
    return make_repo(copy_data(tmp_path / "arkiv"))


@pytest.fixture
def mike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fake mike beside the Python that publishing believes it runs in (where it looks for
    mike), working in the test's repository (tmp_path/arkiv) only; returns the file its calls are
    logged to."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    script = bindir / "mike"
    script.write_text(f"#!{REAL_PYTHON}\n" + FAKE_MIKE.read_text(encoding="utf-8"), encoding="utf-8")
    script.chmod(0o755)
    (bindir / "arkiv.txt").write_text(str(tmp_path / "arkiv"), encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(bindir / "python"))
    return bindir / "mike-anrop.jsonl"


def template() -> str:
    """The Swedish redirect page mike is handed (strategi/templates/, shared by the package)."""
    return str(ROOT / "strategi" / "templates" / "omdirigering.html")


def deploy(title: str, *rest: str) -> list[str]:
    """mike's arguments for deploying a version with this title (the Swedish redirect template,
    aliases as copies), then ``rest``."""
    return [
        "deploy",
        "--branch",
        "gh-pages",
        "--title",
        title,
        "--alias-type",
        "copy",
        "--template",
        template(),
        *rest,
    ]


def set_default(target: str) -> list[str]:
    return ["set-default", "--branch", "gh-pages", "--template", template(), target]


def test_next_id_is_the_following_half_year() -> None:
    """The id suggested for the next version: spring is followed by autumn of the same year,
    autumn by spring of the next."""
    assert publish.next_id("2020-h1") == "2020-h2"
    assert publish.next_id("2020-h2") == "2021-h1"
    assert publish.next_id("2029-h2") == "2030-h1"


def test_a_first_draft_is_published_under_its_id_and_becomes_the_default(repo: Path, mike: Path) -> None:
    """The first publish of a draft: mike deploys it under its id with the '(förslag)' title, the
    alias type 'copy' and the Swedish redirect template, without the alias 'senaste'; as nothing
    was the default, the draft becomes it. No tag. The summary says what was published."""
    summary = publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert summary == (
        "Publicerade Våren 2020 (förslag) (2020-h1, förslag) i grenen gh-pages. "
        "Publicerade versioner: Våren 2020 (förslag). Inget har skickats (push) någonstans."
    )
    assert argv(mike) == [
        deploy("Våren 2020 (förslag)", "2020-h1"),
        set_default("2020-h1"),
    ]
    assert published(repo) == [{"version": "2020-h1", "title": "Våren 2020 (förslag)", "aliases": []}]
    index = show(repo, "index.html")
    assert '<html lang="sv">' in index
    assert '<meta http-equiv="refresh" content="0; url=2020-h1/">' in index
    assert "Du skickas vidare till strategin" in index
    assert tags(repo) == []


def test_mike_runs_in_the_repository_with_the_publish_environment(repo: Path, mike: Path) -> None:
    """mike runs in the repository, finds `mkdocs` of the running Python first on PATH, builds
    for mike (STRATEGI_VERSIONER=mike) and gets the day the content last changed as 'senast ändrad'
    (a first version has nothing to compare with: the source page's own date, not the commit's);
    a configured git author is left alone (no identity variables)."""
    path_before = os.environ["PATH"]
    source = {"webbsida_senast_uppdaterad": "2021-01-19"}
    publish.publish(repo, version(repo, "2020-h1", "förslag", källa=source))
    bindir = str(mike.parent)
    for call in calls(mike):
        assert call["cwd"] == str(repo)
        assert call["env"] == {
            "STRATEGI_VERSIONER": "mike",
            "STRATEGI_SENAST_UPPDATERAD": "2021-01-19",
            "PATH": bindir + os.pathsep + path_before,
        }
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages") == (
        "Redaktör <redaktor@example.org>|Redaktör <redaktor@example.org>\n"
    )


def test_without_data_in_git_no_update_day_is_given(repo: Path, mike: Path) -> None:
    """When neither git nor the source gives a day, mike gets no 'senast ändrad' (the site shows none)."""
    git(repo, "rm", "-r", "-q", "data")
    git(repo, "commit", "-q", "-m", "utan data")
    git(repo, "checkout", "-q", "--orphan", "ny")
    git(repo, "commit", "-q", "-m", "ny början")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert [history.UPDATED_ENV in c["env"] for c in calls(mike)] == [False, False]


def test_the_root_404_page_is_swedish_and_committed_beside_mikes_work(repo: Path, mike: Path) -> None:
    """After mike, a Swedish 404.html (a plain file) is committed at the root of gh-pages, on top
    of mike's commits, linking to 'senaste' under the site_url; the work tree and its index are
    not touched."""
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert show(repo, "404.html") == (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Sidan finns inte – Digital strategi</title>\n</head>\n<body>\n"
        "<h1>Sidan finns inte</h1>\n"
        "<p>Sidan du söker finns inte. Den kan ha flyttats, eller så är adressen felskriven.</p>\n"
        '<p><a href="https://strategi.example/intranat/senaste/">'
        "Till den senaste antagna versionen av strategin</a></p>\n"
        "</body>\n</html>\n"
    )
    assert git(repo, "ls-tree", "gh-pages", "404.html").split()[:2] == ["100644", "blob"]
    assert pages_log(repo) == [
        "Svensk 404.html i roten",
        "Set default version to 2020-h1",
        "Deployed 2020-h1",
    ]
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"


def test_the_404_link_follows_the_site_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 404 page links to '<site_url>/senaste/' with or without a trailing slash, escaped for
    HTML. site_url is read from mkdocs.yml as MkDocs reads it: quoted or not, with a comment, or
    from an environment variable (!ENV); an empty or missing site_url gives a link from the root
    of the host."""
    assert '<a href="https://x.example:8443/a/senaste/">' in publish.root_404_html("https://x.example:8443/a")
    assert '<a href="https://x.example/PROJEKTX/senaste/">' in publish.root_404_html(
        "https://x.example/PROJEKTX/"
    )
    assert '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;/senaste/">' in publish.root_404_html(
        'https://x.example/?a=1&b="2"'
    )
    monkeypatch.setenv("STRATEGI_TEST_URL", "https://miljo.example/")
    cases = {
        "site_name: S\ntheme:\n  site_url: https://fel.example/\nsite_url: https://x.example:8443/a/\n": (
            "https://x.example:8443/a/"
        ),
        "site_url: 'https://x.example/b/'  # intranätet\n": "https://x.example/b/",
        "site_url: !ENV [STRATEGI_TEST_URL, 'https://standard.example/']\n": "https://miljo.example/",
        "site_url:\n": "/",
        "site_name: S\n": "/",
    }
    for text, url in cases.items():
        (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
        assert generated.site_url(tmp_path) == url, text
    assert '<a href="/senaste/">' in publish.root_404_html("/")


def test_a_second_draft_keeps_the_default_and_the_404_page_is_committed_once(repo: Path, mike: Path) -> None:
    """A later draft is deployed beside the first; the default stays where it was (no second
    set-default) and the unchanged 404 page adds no commit."""
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    summary = publish.publish(repo, version(repo, "2020-h2", "förslag"))
    assert argv(mike)[2:] == [
        deploy("Hösten 2020 (förslag)", "2020-h2"),
    ]
    assert '<meta http-equiv="refresh" content="0; url=2020-h1/">' in show(repo, "index.html")
    assert pages_log(repo) == [
        "Deployed 2020-h2",
        "Svensk 404.html i roten",
        "Set default version to 2020-h1",
        "Deployed 2020-h1",
    ]
    assert summary == (
        "Publicerade Hösten 2020 (förslag) (2020-h2, förslag) i grenen gh-pages. "
        "Publicerade versioner: Hösten 2020 (förslag), Våren 2020 (förslag). "
        "Inget har skickats (push) någonstans."
    )


def test_a_draft_can_be_republished(repo: Path, mike: Path) -> None:
    """A draft is not adopted: publishing the same id again deploys it again."""
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert [a[0] for a in argv(mike)] == ["deploy", "set-default", "deploy"]
    assert published(repo) == [{"version": "2020-h1", "title": "Våren 2020 (förslag)", "aliases": []}]


def test_adopting_a_version_tags_it_and_makes_senaste_the_default(repo: Path, mike: Path) -> None:
    """An adopted version is deployed with the alias 'senaste' (moved from any other version),
    'senaste' becomes the default, and HEAD gets the tag 'strategi-<id>'."""
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    summary = publish.publish(repo, version(repo, "2020-h2"))
    assert argv(mike)[2:] == [
        deploy("Hösten 2020", "--update-aliases", "2020-h2", "senaste"),
        set_default("senaste"),
    ]
    assert published(repo) == [
        {"version": "2020-h2", "title": "Hösten 2020", "aliases": ["senaste"]},
        {"version": "2020-h1", "title": "Våren 2020 (förslag)", "aliases": []},
    ]
    assert '<meta http-equiv="refresh" content="0; url=senaste/">' in show(repo, "index.html")
    assert tags(repo) == ["strategi-2020-h2"]
    assert git(repo, "rev-parse", "strategi-2020-h2") == git(repo, "rev-parse", "HEAD")
    assert summary == (
        "Publicerade Hösten 2020 (2020-h2, antagen, standardversion) i grenen gh-pages. "
        "Publicerade versioner: Hösten 2020, Våren 2020 (förslag). Inget har skickats (push) någonstans."
    )


def test_the_next_adopted_version_takes_senaste_and_compares_with_the_last(
    project_repo: Path, mike: Path
) -> None:
    """After an adopted version, the next adopted one (whose change list reads the tagged data)
    is published, takes 'senaste' and gets its own tag; the older keeps its tag and folder."""
    publish.publish(project_repo, version(project_repo, "2020-h2"))
    first_folder = git(project_repo, "rev-parse", "gh-pages:2020-h2")
    edit(project_repo / "data" / "strategy" / "strategi.yaml", r'id: "2020-h1"', 'id: "2021-h1"')
    commit_all(project_repo, "Våren 2021")
    publish.publish(project_repo, version(project_repo, "2021-h1"))
    assert published(project_repo) == [
        {"version": "2021-h1", "title": "Våren 2021", "aliases": ["senaste"]},
        {"version": "2020-h2", "title": "Hösten 2020", "aliases": []},
    ]
    assert git(project_repo, "rev-parse", "gh-pages:2020-h2") == first_folder
    assert tags(project_repo) == ["strategi-2020-h2", "strategi-2021-h1"]
    assert git(project_repo, "rev-parse", "strategi-2020-h2") == git(project_repo, "rev-parse", "HEAD~1")


def test_an_adopted_version_is_never_published_again(repo: Path, mike: Path) -> None:
    """Once adopted (tagged), the same id is refused: as adopted, nothing to publish (why, and
    the next id); as a draft, an error saying to change version.id. mike is not run, gh-pages and
    the tag stay."""
    publish.publish(repo, version(repo, "2020-h2"))
    before = (git(repo, "rev-parse", "gh-pages"), git(repo, "rev-parse", "strategi-2020-h2"), argv(mike))
    with pytest.raises(publish.NothingToPublish) as nothing:
        publish.publish(repo, version(repo, "2020-h2"))
    assert str(nothing.value) == (
        "Inget publicerat: Hösten 2020 (2020-h2) är redan antagen och publicerad, och en antagen version "
        "ändras aldrig. Ändringar i data sedan dess kommer med i nästa version ('2021-h1')."
    )
    with pytest.raises(publish.PublishError) as refused:
        publish.publish(repo, version(repo, "2020-h2", "förslag"))
    assert str(refused.value) == (
        "Hösten 2020 (2020-h2) är redan antagen och publicerad, och en antagen version ändras aldrig. "
        "Data säger 'status: förslag' med samma id: ändra version.id i data/strategy/strategi.yaml "
        "till nästa halvår, '2021-h1', för att publicera ett nytt förslag."
    )
    after = (git(repo, "rev-parse", "gh-pages"), git(repo, "rev-parse", "strategi-2020-h2"), argv(mike))
    assert after == before


def test_a_version_listed_as_adopted_counts_as_adopted_without_its_tag(repo: Path, mike: Path) -> None:
    """versions.json alone also tells: a version whose title lacks '(förslag)' is adopted even if
    its tag is gone; a draft title is not."""
    publish.publish(repo, version(repo, "2020-h1"))
    git(repo, "tag", "-d", "strategi-2020-h1")
    with pytest.raises(publish.NothingToPublish, match=r"^Inget publicerat: Våren 2020 \(2020-h1\)"):
        publish.publish(repo, version(repo, "2020-h1"))
    assert publish.adopted_ids(repo, dict(os.environ)) == {"2020-h1"}


def test_what_counts_as_adopted(repo: Path) -> None:
    """Adopted: every 'strategi-<id>' tag, and every entry of versions.json whose title does not
    end in ' (förslag)' (no title at all counts as adopted); entries that are not objects, and a
    versions.json that is not a list (an object, null), are ignored."""
    git(repo, "tag", "strategi-2019-h1")
    listing = [
        {"version": "2019-h2", "title": "Hösten 2019"},
        {"version": "2020-h1", "title": "Våren 2020 (förslag)"},
        {"version": "2020-h2"},
        {"version": "2021-h1", "title": "Våren 2021 (förslag) ändrad"},
        "2022-h1",
        ["2022-h2"],
    ]
    commit_on(repo, "gh-pages", {"versions.json": json.dumps(listing)}, "versioner")
    env = dict(os.environ)
    assert publish.published(repo, env) == listing[:4]
    assert publish.adopted_ids(repo, env) == {"2019-h1", "2019-h2", "2020-h2", "2021-h1"}
    commit_on(repo, "gh-pages", {"versions.json": '{"version": "2023-h1", "title": "Våren 2023"}'}, "objekt")
    assert publish.published(repo, env) == []
    assert publish.adopted_ids(repo, env) == {"2019-h1"}
    commit_on(repo, "gh-pages", {"versions.json": "null"}, "tom")
    assert publish.published(repo, env) == []


def test_a_broken_versions_json_stops_publishing(repo: Path, mike: Path) -> None:
    """A versions.json on gh-pages that is not JSON is never overwritten blindly: a Swedish error
    asks to fix it, and mike is not run."""
    commit_on(repo, "gh-pages", {"versions.json": "[{trasig"}, "trasig")
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert (
        str(caught.value) == "grenen gh-pages har en trasig versions.json; rätta den innan något publiceras"
    )
    assert calls(mike) == []


def test_a_listed_version_without_title_is_named_by_its_id(repo: Path, mike: Path) -> None:
    """The summary names each published version by its title, or by its id when it has none."""
    commit_on(repo, "gh-pages", {"versions.json": '[{"version": "2019-h2", "aliases": []}]'}, "gammal")
    summary = publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert "Publicerade versioner: Våren 2020 (förslag), 2019-h2." in summary


def test_an_id_older_than_the_latest_adopted_is_refused(repo: Path, mike: Path) -> None:
    """A version older than the newest adopted one is refused, naming that newest version and
    suggesting the id after it; older adopted versions do not matter."""
    for vid in ("2020-h2", "2022-h1", "2021-h2", "2023-h1", "2022-h2"):
        git(repo, "tag", f"strategi-{vid}")
    assert refusal(repo, version(repo, "2021-h1", "förslag"), mike) == (
        "Våren 2021 (2021-h1) är äldre än den senast antagna versionen, Våren 2023 (2023-h1); "
        "en ny version ska ha ett senare id, till exempel '2023-h2'."
    )


def test_comparing_with_another_version_needs_a_reason(repo: Path, mike: Path) -> None:
    """A 'jämför_med' naming something else than the previous adopted version, without a reason,
    stops publishing with the Swedish explanation."""
    git(repo, "tag", "strategi-2020-h1")
    assert refusal(repo, version(repo, "2020-h2", jämför_med="main"), mike) == (
        "jämför_med i data/strategy/strategi.yaml är 'main', men föregående antagna version är "
        "'strategi-2020-h1'. Ta bort jämför_med, eller skriv varför i jämför_med_motivering."
    )


def test_a_compare_ref_that_cannot_be_read_stops_publishing(repo: Path, mike: Path) -> None:
    """If the version the change list compares with cannot be read, nothing is published rather
    than a broken change list: the Swedish error says why."""
    draft = version(repo, "2020-h2", jämför_med="finns-inte", jämför_med_motivering="Ett skäl.")
    assert refusal(repo, draft, mike) == (
        "ändringslistan kan inte jämföra med föregående version: "
        "'finns-inte' finns inte i git-historiken (varken som gren, tagg eller commit)"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("data/strategy/strategi.yaml", "titel: ändrad\n"),
        ("data/ny.yaml", "ny: 1\n"),
        ("schemas/ny.schema.json", "{}\n"),
        ("docs/ny.md", "# Ny\n"),
        ("mkdocs.yml", "site_name: Ändrad\n"),
    ],
)
def test_uncommitted_sources_stop_publishing(repo: Path, mike: Path, name: str, text: str) -> None:
    """A change to data/, schemas/, docs/ or mkdocs.yml that is not committed (changed or new
    file) stops publishing, so a published version can always be traced to a commit."""
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    assert refusal(repo, version(repo, "2020-h1", "förslag"), mike) == (
        "det finns ändringar i data/, schemas/ eller docs/ som inte är committade; "
        "committa dem först så att den publicerade versionen går att spåra"
    )


def test_uncommitted_files_elsewhere_do_not_matter(repo: Path, mike: Path) -> None:
    """A new file outside the published sources (here README.md) does not stop publishing."""
    (repo / "README.md").write_text("# Anteckningar\n", encoding="utf-8")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert published(repo)[0]["version"] == "2020-h1"


def test_a_folder_outside_git_cannot_publish(tmp_path: Path) -> None:
    """Publishing needs git history: a folder that is not a git repository gets a Swedish error."""
    folder = tmp_path / "inget-arkiv"
    folder.mkdir()
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(folder, version(folder, "2020-h1", "förslag"))
    assert str(caught.value) == "mappen är inget git-arkiv; publicering kräver git"


def test_without_path_programs_are_found_where_the_system_looks(
    repo: Path, mike: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no PATH at all, git and mkdocs are looked for in the mike folder and then where the
    system looks by default (/bin:/usr/bin), so publishing still works."""
    monkeypatch.delenv("PATH")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert [c["env"]["PATH"] for c in calls(mike)] == [f"{mike.parent}:/bin:/usr/bin"] * 2
    assert published(repo)[0]["version"] == "2020-h1"


def test_without_git_publishing_says_so(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without git on the machine, publishing stops with git's Swedish error, not a crash."""
    (tmp_path / "tom").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "tom"))
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert (
        str(caught.value)
        == "git finns inte på datorn, så 'git config user.name' kunde inte köras; installera git"
    )


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("deploy", "mike kunde inte publicera versionen:\nerror: deploy failed on purpose"),
        ("set-default", "mike kunde inte sätta standardversionen:\nerror: set-default failed on purpose"),
    ],
)
def test_when_mike_fails_its_words_are_shown_and_nothing_is_tagged(
    repo: Path, mike: Path, monkeypatch: pytest.MonkeyPatch, command: str, message: str
) -> None:
    """mike's failure stops publishing with a Swedish line saying what failed and mike's own
    words; no tag is set and no 404 page is added."""
    monkeypatch.setenv("FAKE_MIKE_FAIL", command)
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(repo, version(repo, "2020-h2"))
    assert str(caught.value) == message
    assert tags(repo) == []
    assert "Svensk 404.html i roten" not in git(repo, "log", "--all", "--format=%s")


def test_a_missing_mike_is_a_swedish_error(repo: Path, mike: Path) -> None:
    """When mike cannot be started at all, publishing says so in Swedish, with the reason."""
    (mike.parent / "mike").unlink()
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert str(caught.value) == (
        "mike kunde inte publicera versionen: mike kunde inte köras "
        f"([Errno 2] No such file or directory: '{mike.parent / 'mike'}')"
    )


def test_a_mike_that_hangs_is_stopped_after_ten_minutes(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mike is given ten minutes (600 s); one that does not finish by then stops publishing with a
    Swedish error saying what failed and that mike could not run (subprocess's own words)."""

    def hang(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        raise subprocess.TimeoutExpired(args, kwargs["timeout"])  # what subprocess.run does then

    monkeypatch.setattr(publish.subprocess, "run", hang)
    with pytest.raises(publish.PublishError) as caught:
        publish._mike(repo, ["mike", "deploy"], dict(os.environ), "mike kunde inte publicera versionen")
    assert str(caught.value) == (
        "mike kunde inte publicera versionen: mike kunde inte köras "
        "(Command '['mike', 'deploy']' timed out after 600 seconds)"
    )


def test_without_a_configured_identity_publishing_signs_as_strategi_som_kod(repo: Path, mike: Path) -> None:
    """On a machine where git has no user.name or user.email (a fresh CI runner), mike and the
    404 commit sign as 'Strategi som kod <strategi@localhost>' instead of failing."""
    git(repo, "config", "--unset", "user.name")
    git(repo, "config", "--unset", "user.email")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    fallback = {
        "GIT_AUTHOR_NAME": "Strategi som kod",
        "GIT_COMMITTER_NAME": "Strategi som kod",
        "GIT_AUTHOR_EMAIL": "strategi@localhost",
        "GIT_COMMITTER_EMAIL": "strategi@localhost",
    }
    assert [{k: c["env"].get(k) for k in IDENTITY} for c in calls(mike)] == [fallback, fallback]
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages") == (
        "Strategi som kod <strategi@localhost>|Strategi som kod <strategi@localhost>\n"
    )
    assert git(repo, "log", "-g", "-1", "--format=%gn <%ge>", "gh-pages") == (
        "Strategi som kod <strategi@localhost>\n"
    ), "the branch's reflog says who moved it"


def test_each_missing_identity_part_is_filled_alone(
    repo: Path, mike: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A configured name is kept when only the email is missing; a blank configured email counts
    as missing; an author name given in the environment is kept over the fallback."""
    git(repo, "config", "user.email", " ")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Bo")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert {k: calls(mike)[0]["env"].get(k) for k in IDENTITY} == {
        "GIT_AUTHOR_NAME": "Bo",
        "GIT_COMMITTER_NAME": None,
        "GIT_AUTHOR_EMAIL": "strategi@localhost",
        "GIT_COMMITTER_EMAIL": "strategi@localhost",
    }
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages") == (
        "Bo <strategi@localhost>|Redaktör <strategi@localhost>\n"
    )


def test_a_blank_configured_name_counts_as_missing(repo: Path, mike: Path) -> None:
    """A user.name of only spaces is no name: the fallback name signs."""
    git(repo, "config", "user.name", "  ")
    publish.publish(repo, version(repo, "2020-h1", "förslag"))
    assert (
        git(repo, "log", "-1", "--format=%an <%ae>", "gh-pages")
        == "Strategi som kod <redaktor@example.org>\n"
    )


def test_a_tag_is_set_once_and_never_moved(repo: Path) -> None:
    """Tagging HEAD again when the tag (light or annotated) is already there is fine and changes
    nothing; a tag on another commit is never moved: a Swedish error."""
    env = dict(os.environ)
    publish._tag(repo, "2020-h1", env)
    head = git(repo, "rev-parse", "HEAD")
    assert git(repo, "rev-parse", "strategi-2020-h1") == head
    publish._tag(repo, "2020-h1", env)
    git(repo, "tag", "-a", "-m", "antagen", "strategi-2020-h2")
    publish._tag(repo, "2020-h2", env)
    assert git(repo, "cat-file", "-t", "strategi-2020-h2") == "tag\n"
    git(repo, "commit", "-q", "--allow-empty", "-m", "senare")
    with pytest.raises(publish.PublishError) as caught:
        publish._tag(repo, "2020-h1", env)
    assert str(caught.value) == "taggen strategi-2020-h1 finns redan på en annan commit och flyttas aldrig"
    assert git(repo, "rev-parse", "strategi-2020-h1") == head


def test_a_tag_git_refuses_stops_publishing_with_gits_reason(repo: Path) -> None:
    """When git refuses the tag (an id that is no valid tag name), publishing says which tag could
    not be set and repeats git's words."""
    with pytest.raises(publish.PublishError) as caught:
        publish._tag(repo, "2020..h1", {**os.environ, "LC_ALL": "C", "LANGUAGE": ""})
    assert str(caught.value).startswith(
        "kunde inte sätta taggen strategi-2020..h1: git-kommandot 'git tag strategi-2020..h1 "
    )
    assert str(caught.value).endswith("fatal: 'strategi-2020..h1' is not a valid tag name.")
    assert tags(repo) == []


def test_a_root_file_needs_the_published_branch(repo: Path) -> None:
    """Adding the 404 page to a gh-pages branch that does not exist fails in Swedish, naming the
    file, the branch and git's reason."""
    with pytest.raises(publish.PublishError) as caught:
        publish._add_root_file(repo, "404.html", "<p>Sidan finns inte</p>\n", dict(os.environ))
    assert str(caught.value).startswith(
        "kunde inte lägga 404.html i grenen gh-pages: git-kommandot 'git read-tree gh-pages' misslyckades"
    )


def test_cli_publishes_and_prints_the_summary(
    project_repo: Path, mike: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publicera` publishes the data's version (a draft here), prints the summary and exits 0."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    assert cli.main(["publicera", "--rot", str(project_repo)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Publicerade Våren 2020 (förslag) (2020-h1, förslag) i grenen gh-pages.")
    assert err == ""


def test_cli_nothing_to_publish_is_success_only_for_the_workflow(
    project_repo: Path, mike: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """For an adopted version already published, `publicera --bara-ny` says why on standard
    output and exits 0; plain `publicera` calls it an error (exit 1); a draft with an adopted id
    is always an error."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    edit(project_repo / "data" / "strategy" / "strategi.yaml", r"^status: förslag", "status: antagen")
    commit_all(project_repo, "antagen")
    git(project_repo, "tag", "strategi-2020-h1")
    why = (
        "Inget publicerat: Våren 2020 (2020-h1) är redan antagen och publicerad, och en antagen version "
        "ändras aldrig. Ändringar i data sedan dess kommer med i nästa version ('2020-h2').\n"
    )
    assert cli.main(["publicera", "--bara-ny", "--rot", str(project_repo)]) == 0
    assert capsys.readouterr() == (why, "")
    assert cli.main(["publicera", "--rot", str(project_repo)]) == 1
    assert capsys.readouterr() == ("", "fel: " + why)
    edit(project_repo / "data" / "strategy" / "strategi.yaml", r"^status: antagen", "status: förslag")
    commit_all(project_repo, "förslag igen")
    assert cli.main(["publicera", "--bara-ny", "--rot", str(project_repo)]) == 1
    out, err = capsys.readouterr()
    assert (out, err.split(" är redan antagen")[0]) == ("", "fel: Våren 2020 (2020-h1)")
    assert calls(mike) == []
