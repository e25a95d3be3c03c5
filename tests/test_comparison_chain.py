"""Three half-years in a throwaway git repository, each naming the one before with `jämför_med`.

The chain of issue 26: tag `base`; the next version with `jämför_med: base` (and why), tagged `b`;
the one after with `jämför_med: b`. Checking a version follows its own `jämför_med` once: the
older tree it names is checked as it stands, without following *its* `jämför_med` (the folder it
is unpacked into is not a repository). Works for any valid strategy: only the version id and the
two comparison keys are rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from strategi.data import check, model, periods
from tests.conftest import copy_data, git, run_cli

STRATEGY = "data/strategy/strategi.yaml"
_VERSION_ID = re.compile(r"^(version:\n(?:[ \t]+.*\n|\n)*?[ \t]+id:[ \t]*)(.*)$", re.MULTILINE)
_COMPARE_KEYS = re.compile(r"^(jämför_med|jämför_med_motivering):.*\n(?:(?:[ \t]+.*)?\n)*", re.MULTILINE)


def _next_half_year(version: str) -> str:
    year, half = version.split("-h")
    return f"{year}-h2" if half == "1" else f"{int(year) + 1}-h1"


def _set_version(repo: Path, version: str, compare_with: str) -> None:
    """The version id and an explicit `jämför_med` with its reason; every other line as it was."""
    path = repo / STRATEGY
    text = _COMPARE_KEYS.sub("", path.read_text(encoding="utf-8"))
    text, found = _VERSION_ID.subn(rf'\g<1>"{version}"', text, count=1)
    assert found == 1, "strategi.yaml names no version id"
    text = text.rstrip("\n") + (
        f'\njämför_med: "{compare_with}"\njämför_med_motivering: Jämförs med versionen före, som inte är taggad.\n'
    )
    path.write_text(text, encoding="utf-8")


def _version_of(repo: Path) -> str:
    match = _VERSION_ID.search((repo / STRATEGY).read_text(encoding="utf-8"))
    assert match, "strategi.yaml names no version id"
    return match.group(2).strip().strip("\"'")


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """base (the data as it is), then b (`jämför_med: base`), then the draft after (`jämför_med: b`)."""
    repo = copy_data(tmp_path_factory.mktemp("kedja"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "tag", "base")
    first = _next_half_year(_version_of(repo))
    second = _next_half_year(first)
    _set_version(repo, first, "base")
    git(repo, "commit", "-qam", first)
    git(repo, "tag", "b")
    _set_version(repo, second, "b")
    git(repo, "commit", "-qam", second)
    today = periods.bounds(second)[0] + dt.timedelta(days=30)
    env = {"STRATEGI_IDAG": today.isoformat()}
    return {
        "repo": repo,
        "today": today,
        "versions": (first, second),
        "validera": run_cli("validera", "--rot", str(repo), env=env),
        "skillnader": run_cli("skillnader", "b", "--rot", str(repo), env=env),
        "hela kedjan": run_cli("skillnader", "base", "HEAD", "--rot", str(repo), env=env),
    }


def test_the_newest_version_validates(chain: dict[str, object]) -> None:
    """`validera` passes on the third half-year: the version its `jämför_med` names (b) loads,
    although b's own `jämför_med` names a ref that only the repository knows."""
    result = chain["validera"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "jämför_med" not in result.stdout + result.stderr


def test_skillnader_compares_with_the_version_before(chain: dict[str, object]) -> None:
    """`skillnader b` lists what changed since b: the version id, in words, and the ref compared with."""
    result = chain["skillnader"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = chain["versions"]  # type: ignore[misc]
    assert f"{periods.describe(first)} → {periods.describe(second)}" in result.stdout
    assert "base → b" in result.stdout


def test_skillnader_over_the_whole_chain(chain: dict[str, object]) -> None:
    """From base to the newest version both steps show as one change list: base's own data has
    no `jämför_med`, the newest names b."""
    result = chain["hela kedjan"]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Jämförs med" in result.stdout


def test_an_older_tree_is_checked_without_following_its_own_comparison(chain: dict[str, object]) -> None:
    """In process: the check follows the newest `jämför_med` to b, and loading b from its git ref
    gives b's strategy (its own `jämför_med: base` is kept as data, not followed)."""
    repo, today = chain["repo"], chain["today"]
    assert isinstance(repo, Path)
    assert isinstance(today, dt.date)
    result = check.run(repo, today)
    assert result.errors == []
    old = model.load_at(repo, "b", today)
    assert old.version_id == chain["versions"][0]  # type: ignore[index]
    assert old["strategi"]["jämför_med"] == "base"


def test_a_missing_ref_is_still_an_error(chain: dict[str, object], tmp_path: Path) -> None:
    """Following the chain did not turn the check off: a `jämför_med` that names no ref fails
    `validera` with a Swedish message on the key's line."""
    repo = chain["repo"]
    assert isinstance(repo, Path)
    subprocess.run(["git", "clone", "-q", str(repo), str(tmp_path / "klon")], check=True, capture_output=True)
    clone = tmp_path / "klon"
    _set_version(clone, chain["versions"][1], "finns-inte")  # type: ignore[index]
    result = run_cli("validera", "--rot", str(clone), env={"STRATEGI_IDAG": str(chain["today"])})
    assert result.returncode == 1
    assert "'jämför_med' går inte att använda: 'finns-inte' finns inte i git-historiken" in result.stdout
