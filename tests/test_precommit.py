"""The pre-commit hooks: local only, offline, and each one answers for what it checks.

Each test builds a throwaway git repository holding copies of the hooks' inputs: data/,
schemas/, the pre-commit configuration and a small Python file for the ruff hooks (the
project's own code is linted by `make lint`). The package and the tools come from the
project's .venv, linked in untracked, exactly as the hooks' entries name them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXED_TODAY, FROZEN_DATA, ROOT, run

HOOKS = ["validera", "schemas-metaschema", "ruff", "ruff-format"]
DEAD_PROXY = "http://127.0.0.1:9"
CLEAN_PYTHON = (
    '"""A small module for the ruff hooks."""\n\n\ndef greet(name: str) -> str:\n    return f"Hej {name}"\n'
)

pytestmark = pytest.mark.slow


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(FROZEN_DATA, repo / "data")
    shutil.copytree(ROOT / "schemas", repo / "schemas")
    for name in [".pre-commit-config.yaml", "pyproject.toml"]:
        shutil.copy2(ROOT / name, repo / name)
    (repo / "exempel.py").write_text(CLEAN_PYTHON, encoding="utf-8")
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    (repo / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    return repo


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def _run_hooks(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PYTHONPATH": str(ROOT),  # the strategi package, for `python -m strategi`
        "STRATEGI_IDAG": FIXED_TODAY,
        "HTTP_PROXY": DEAD_PROXY,
        "HTTPS_PROXY": DEAD_PROXY,
        "NO_PROXY": "",
        "NO_COLOR": "1",
        "SKIP": "",
    }
    git_env = [key for key in env if key.startswith("GIT_")]
    for key in git_env:  # a surrounding git hook must not point us at another repository
        del env[key]
    return run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
    )


def _status(output: str) -> dict[str, str]:
    """Hook id -> 'Passed' / 'Failed' / 'Skipped', from pre-commit's summary lines."""
    statuses = {}
    for line in output.splitlines():
        match = re.match(r"^([a-z-]+) \(.*\.{3,}.*?(Passed|Failed|Skipped)$", line.rstrip())
        if match and match.group(1) in HOOKS:
            statuses[match.group(1)] = match.group(2)
    return statuses


def test_every_hook_passes_offline_on_clean_files(tmp_path: Path) -> None:
    """On the real data and schemas and a clean Python file, `pre-commit run --all-files` exits 0 with
    no network, and each of the four hooks ran and passed (none skipped for lack of files)."""
    repo = _repo(tmp_path)
    result = _run_hooks(repo, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert _status(output) == dict.fromkeys(HOOKS, "Passed"), output


def test_validera_hook_fails_on_a_broken_data_file(tmp_path: Path) -> None:
    """A data file with a wrong value makes the validera hook fail and print the Swedish problem with
    file and line; the other hooks still pass."""
    repo = _repo(tmp_path)
    path = repo / "data" / "channels" / "facebook.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("ordning:"))
    lines[number] = "ordning: första\n"
    path.write_text("".join(lines), encoding="utf-8")
    _git(repo, "add", "-A")
    result = _run_hooks(repo, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert _status(output) == {**dict.fromkeys(HOOKS, "Passed"), "validera": "Failed"}, output
    assert f"data/channels/facebook.yaml:{number + 1}:" in output


def test_schema_and_python_hooks_fail_on_broken_files(tmp_path: Path) -> None:
    """A schema that breaks the draft-07 metaschema fails schemas-metaschema; a lint error fails ruff
    and badly formatted code fails ruff-format."""
    repo = _repo(tmp_path)
    schema = repo / "schemas" / "kanal.schema.json"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('"type": "integer"', '"type": "heltal"', 1),
        encoding="utf-8",
    )
    (repo / "exempel.py").write_text("import os\nx = {  'a':1 }\n", encoding="utf-8")
    _git(repo, "add", "-A")
    result = _run_hooks(repo, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    statuses = _status(output)
    for hook in ["schemas-metaschema", "ruff", "ruff-format"]:
        assert statuses.get(hook) == "Failed", output
