"""The one git runner (strategi.data.git): every exit status checked, every failure told in Swedish."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from strategi.commands import publish
from strategi.data import git, gitref
from tests.conftest import run_cli

# git's own words in English, whatever the machine's language.
ENGLISH = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with one empty commit."""
    folder = tmp_path / "arkiv"
    folder.mkdir()
    for args in (
        ["init", "-q"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start"],
    ):
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, timeout=30)
    return folder


@pytest.fixture
def no_git(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH holds no git."""
    empty = tmp_path / "tom"
    empty.mkdir()
    return {**os.environ, "PATH": str(empty)}


def test_a_failing_command_raises_a_swedish_error_naming_the_command_and_gits_words(repo: Path) -> None:
    """A non-zero exit status is never ignored: GitError says in Swedish which command failed,
    with which status, and repeats what git wrote on stderr."""
    with pytest.raises(git.GitError) as caught:
        git.run(repo, "rev-parse", "--verify", "finns-inte", env=ENGLISH)
    message = str(caught.value)
    assert "git-kommandot 'git rev-parse --verify finns-inte' misslyckades (slutstatus 128)" in message
    assert "fatal: Needed a single revision" in message
    assert caught.value.returncode == 128


def test_a_failing_forced_tag_is_reported(repo: Path) -> None:
    """`git tag -f` with a name git refuses fails loudly, with git's reason, and makes no tag."""
    with pytest.raises(git.GitError) as caught:
        git.run(repo, "tag", "-f", "inte..giltig", env=ENGLISH)
    assert "'git tag -f inte..giltig' misslyckades" in str(caught.value)
    assert "'inte..giltig' is not a valid tag name" in str(caught.value)
    assert git.run(repo, "tag", "--list") == ""


def test_run_returns_the_output_of_a_command_that_succeeds(repo: Path) -> None:
    """On success run gives git's standard output as text, including non-ASCII."""
    git.run(repo, "tag", "-f", "första")
    assert git.run(repo, "tag", "--list") == "första\n"


def test_attempt_answers_none_for_an_expected_failure(repo: Path) -> None:
    """attempt is for questions git may answer no to (no such tag): None, not an exception."""
    assert git.attempt(repo, "rev-parse", "--verify", "-q", "refs/tags/saknas") is None
    git.run(repo, "tag", "finns")
    assert git.attempt(repo, "rev-parse", "--verify", "-q", "refs/tags/finns") == git.run(
        repo, "rev-parse", "HEAD"
    )


def test_missing_git_is_a_swedish_error_for_run_and_attempt(repo: Path, no_git: dict[str, str]) -> None:
    """Without git on the machine both run and attempt raise GitError saying so in Swedish."""
    for call in (git.run, git.attempt):
        with pytest.raises(git.GitError, match="git finns inte på datorn, så 'git status' kunde inte köras"):
            call(repo, "status", env=no_git)


def test_a_refused_tag_stops_publishing_with_gits_reason(repo: Path) -> None:
    """When `git tag` fails while publishing, publishing says which tag and why; it is not ignored."""
    with pytest.raises(publish.PublishError) as caught:
        publish._tag(repo, "2020..h1", ENGLISH)
    message = str(caught.value)
    assert message.startswith(
        "kunde inte sätta taggen strategi-2020..h1: git-kommandot 'git tag strategi-2020..h1"
    )
    assert "is not a valid tag name" in message


def test_comparing_without_git_is_a_ref_error(
    repo: Path, no_git: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change list's loader turns a missing git into its own Swedish RefError, which every
    caller (build, check, CLI) already reports."""
    monkeypatch.setenv("PATH", no_git["PATH"])
    with pytest.raises(gitref.RefError, match="git finns inte på datorn"):
        gitref.resolve(repo, "HEAD")


def test_cli_publish_without_git_says_so_and_exits_1(project: Path, no_git: dict[str, str]) -> None:
    """`publicera` on a machine without git prints a Swedish error and exits 1, no traceback."""
    result = run_cli("publicera", "--rot", str(project), env={"PATH": no_git["PATH"]})
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("fel: git finns inte på datorn"), result.stderr
    assert "Traceback" not in result.stderr
