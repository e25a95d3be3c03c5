"""Half-year versions in a throwaway git repository: change list, publishing with mike, banners."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import copy_project, run, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("versions")]

GIT = ["git", "-c", "user.name=Testare", "-c", "user.email=test@localhost", "-c", "commit.gpgsign=false"]


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run([*GIT, "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return result.stdout


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def make_repo(dest: Path) -> Path:
    """A git repository holding a copy of the project, with one commit of today's data."""
    copy_project(dest)
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-qm", "Våren 2020")
    return dest


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the project, with one commit of today's data."""
    return make_repo(tmp_path_factory.mktemp("versioner") / "repo")


def _second_version(repo: Path) -> None:
    strategi = repo / "data/strategy/strategi.yaml"
    _replace(strategi, r'^  id: "2020-h1"', '  id: "2020-h2"')
    _replace(strategi, r"^status: förslag", "status: antagen")
    _replace(repo / "data/channels/facebook.yaml", r"^(\s+)följare: 17000", r"\g<1>följare: 18250")
    _replace(repo / "data/channels/instagram.yaml", r"^  politik: röd", "  politik: gul")
    _git(repo, "commit", "-qam", "Hösten 2020")


def test_versions_end_to_end(repo: Path) -> None:
    """Two commits give a Swedish change list; two publishes give two folders, the older untouched."""
    first = run_cli("publicera", "--rot", str(repo))
    assert first.returncode == 0, first.stderr
    assert "Våren 2020 (förslag)" in first.stdout
    old_tree = _git(repo, "rev-parse", "gh-pages:2020-h1").strip()
    old_page = _git(repo, "show", "gh-pages:2020-h1/index.html")
    assert "Förslag – inte antaget" in old_page, "a draft shows its draft banner"
    assert "data-strategi-nyare" in old_page, "every page carries the newer-version banner slot"
    assert _git(repo, "tag", "--list", "strategi-*").strip() == "", "only an adopted version gets a tag"

    _second_version(repo)
    changes = run_cli("skillnader", "HEAD~1", "HEAD", "--rot", str(repo))
    assert changes.returncode == 0, changes.stderr
    # A figure the data marks as rounded keeps the strategy's words on both sides ('lite drygt').
    assert re.search(
        r"Facebook › Digitalt nuläge › våren 2020 › Mätvärden › Följare: (?:[a-zåäö ]+ )?17 000 → "
        r"(?:[a-zåäö ]+ )?18 250",
        changes.stdout.replace("\u00a0", " "),
    )
    assert "Instagram › Materialtyper › Politik: röd → gul" in changes.stdout
    assert "Strategin › Status: förslag → antagen" in changes.stdout

    second = run_cli("publicera", "--rot", str(repo))
    assert second.returncode == 0, second.stderr
    assert _git(repo, "rev-parse", "gh-pages:2020-h1").strip() == old_tree, (
        "publishing a new version changed an older one"
    )
    versions = json.loads(_git(repo, "show", "gh-pages:versions.json"))
    by_id = {v["version"]: v for v in versions}
    assert by_id["2020-h1"]["title"] == "Våren 2020 (förslag)"
    assert by_id["2020-h2"]["title"] == "Hösten 2020"
    assert "senaste" in by_id["2020-h2"]["aliases"]
    assert "senaste" in _git(repo, "show", "gh-pages:index.html"), "the adopted version is the default"
    new_page = _git(repo, "show", "gh-pages:2020-h2/index.html")
    assert "Förslag – inte antaget" not in new_page, "an adopted version shows no draft banner"
    andringar = _git(repo, "show", "gh-pages:2020-h2/andringar/index.html").replace("\u00a0", " ")
    assert "Det finns ingen tidigare antagen version att jämföra Hösten 2020 med" in andringar, (
        "a draft that was never adopted is no version to compare with"
    )
    assert _git(repo, "tag", "--list", "strategi-*").split() == ["strategi-2020-h2"]


def test_publish_refuses_invalid_data(repo: Path, tmp_path: Path) -> None:
    """Nothing is published from invalid data: exit 1, a Swedish error, gh-pages untouched."""
    broken = tmp_path / "trasig"
    shutil.copytree(repo, broken)
    before = run([*GIT, "-C", str(broken), "rev-parse", "--verify", "-q", "gh-pages"]).stdout
    _replace(broken / "data/strategy/strategi.yaml", r"^titel:", "titell:")
    _git(broken, "commit", "-qam", "trasig")
    result = run_cli("publicera", "--rot", str(broken))
    assert result.returncode == 1
    assert "okänt fält 'titell'" in result.stderr
    after = run([*GIT, "-C", str(broken), "rev-parse", "--verify", "-q", "gh-pages"]).stdout
    assert before == after


def test_skillnader_bad_ref_is_swedish(repo: Path) -> None:
    """A ref that does not exist gets a Swedish error and exit 2, no traceback."""
    result = run_cli("skillnader", "finns-inte", "--rot", str(repo))
    assert result.returncode == 2
    assert "finns inte i git-historiken" in result.stderr
    assert "Traceback" not in result.stderr


def test_skillnader_invalid_ref_data(repo: Path, tmp_path: Path) -> None:
    """A ref whose data is invalid gets a Swedish error naming the problem, exit 1."""
    broken = tmp_path / "trasig2"
    shutil.copytree(repo, broken)
    _replace(broken / "data/strategy/mal.yaml", r"^mål:", "måll:")
    _git(broken, "commit", "-qam", "trasig")
    result = run_cli("skillnader", "HEAD", "--rot", str(broken))
    assert result.returncode == 1
    assert "data/strategy/mal.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_skillnader_markdown_escapes(repo: Path, tmp_path: Path) -> None:
    """The Markdown change list escapes data with backslashes (no HTML entities) so a value cannot inject
    markup into a PR comment."""
    work = tmp_path / "md"
    shutil.copytree(repo, work)
    _replace(
        work / "data/channels/facebook.yaml",
        r"^(\s+)när: .*$",
        r"\g<1>när: <script>alert(1)</script> **fet**",
    )
    result = run_cli("skillnader", "HEAD", "--format", "markdown", "--rot", str(work))
    assert result.returncode == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "\\<script\\>alert(1)\\</script\\> \\*\\*fet\\*\\*" in result.stdout
    assert "&#" not in result.stdout, "no HTML entities in the comment"


def test_skillnader_refuses_a_symlink_in_another_version(repo: Path, tmp_path: Path) -> None:
    """A ref whose tree holds a symlink (pointing out of the repository) is refused in Swedish, exit 1,
    saying the problem is in that version; no traceback."""
    work = tmp_path / "lank"
    shutil.copytree(repo, work, symlinks=True)
    link = work / "data" / "channels" / "tiktok.yaml"
    link.symlink_to("/etc/passwd")
    _git(work, "add", "-A")
    _git(work, "commit", "-qm", "länk")
    link.unlink()
    _git(work, "commit", "-qam", "bort med länken")
    result = run_cli("skillnader", "HEAD~1", "--rot", str(work))
    assert result.returncode == 1
    assert "data/channels/tiktok.yaml är ingen vanlig fil" in result.stderr
    assert "felet finns i den versionen, inte i dina filer" in result.stderr
    assert "Traceback" not in result.stderr


def test_skillnader_refuses_a_broken_schema_in_another_version(repo: Path, tmp_path: Path) -> None:
    """A ref whose schema file is not JSON gives a Swedish message naming that version, exit 1."""
    work = tmp_path / "schema"
    shutil.copytree(repo, work)
    schema = work / "schemas" / "mal.schema.json"
    good = schema.read_text(encoding="utf-8")
    schema.write_text("{ trasig", encoding="utf-8")
    _git(work, "commit", "-qam", "trasigt schema")
    schema.write_text(good, encoding="utf-8")
    _git(work, "commit", "-qam", "lagat schema")
    result = run_cli("skillnader", "HEAD~1", "--rot", str(work))
    assert result.returncode == 1
    assert "versionen 'HEAD~1'" in result.stderr
    assert "felet finns i den versionen, inte i dina filer" in result.stderr
    assert "Traceback" not in result.stderr
