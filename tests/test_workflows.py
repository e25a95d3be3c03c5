"""The GitHub Actions workflows: valid against GitHub's workflow schema (offline), pinned,
time-limited, serialised, and with no more permissions than each job needs."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, run

WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
PUBLISH = WORKFLOWS / "publicera.yml"
CHECK_JSONSCHEMA = ROOT / ".venv" / "bin" / "check-jsonschema"
DEAD_PROXY = "http://127.0.0.1:9"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
TAG_PIN = re.compile(r"^[\w.-]+/[\w./-]+@v\d+\.\d+\.\d+$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\b")
# The only write permissions: (workflow, job or None for the whole workflow, scope).
ALLOWED_WRITES = {
    ("pr.yml", "kommentar", "pull-requests"),
    ("publicera.yml", "skicka", "contents"),
}


def _load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _on(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = job.get("steps", [])
    return steps


def _workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def _check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HTTP_PROXY": DEAD_PROXY, "HTTPS_PROXY": DEAD_PROXY, "NO_PROXY": ""}
    return run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, files)],
        env=env,
        timeout=120,
    )


def test_both_workflows_exist() -> None:
    """The pull-request workflow and the publishing workflow exist (every workflow file is checked below)."""
    assert {"pr.yml", "publicera.yml"} <= {p.name for p in _workflow_files()}


def test_workflows_match_githubs_schema_offline() -> None:
    """check-jsonschema's bundled GitHub workflow schema accepts both files, with every network request
    sent to a closed port (so the schema really is the bundled one)."""
    result = _check_jsonschema(*_workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The same check fails for a workflow whose job lacks `runs-on`, so a pass above means something."""
    broken = _load(PR)
    del broken["jobs"]["validera"]["runs-on"]
    path = tmp_path / "trasig.yml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    result = _check_jsonschema(path)
    assert result.returncode == 1, result.stdout + result.stderr


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_every_job_has_a_timeout(path: Path) -> None:
    """Every job stops after a set number of minutes instead of GitHub's default six hours."""
    for name, job in _load(path)["jobs"].items():
        timeout = job.get("timeout-minutes")
        assert isinstance(timeout, int), f"{path.name}: jobbet {name} saknar timeout-minutes"
        assert 0 < timeout <= 60, f"{path.name}: jobbet {name}"


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_an_exact_version(path: Path) -> None:
    """Every `uses:` names a full commit SHA with the release in a comment, or an exact vX.Y.Z tag."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)
    ]
    assert lines
    for line in lines:
        ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
        if SHA_PIN.match(ref):
            assert VERSION_COMMENT.search(line), f"{path.name}: SHA utan versionskommentar: {line.strip()}"
        else:
            assert TAG_PIN.match(ref), f"{path.name}: inte låst till en exakt version: {line.strip()}"
    parsed = [step["uses"] for job in _load(path)["jobs"].values() for step in _steps(job) if "uses" in step]
    assert len(parsed) == len(lines)


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_permissions_are_minimal(path: Path) -> None:
    """Permissions are set for the whole workflow; write access exists only where it is needed (the PR
    comment, the gh-pages push), each with a comment saying why; nothing asks for write-all."""
    workflow = _load(path)
    top = workflow.get("permissions")
    assert isinstance(top, dict), f"{path.name}: permissions saknas eller är inte en lista över behörigheter"
    scopes: list[tuple[str | None, dict[str, str]]] = [(None, top)]
    for name, job in workflow["jobs"].items():
        if "permissions" in job:
            assert isinstance(job["permissions"], dict), f"{path.name}: jobbet {name}"
            scopes.append((name, job["permissions"]))
    for job_name, permissions in scopes:
        for scope, level in permissions.items():
            assert level in {"read", "write", "none"}
            if level == "write":
                assert (path.name, job_name, scope) in ALLOWED_WRITES, (
                    f"{path.name}: {job_name}: {scope}: write"
                )
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.search(r":\s*write\b", line):
            assert "#" in line, f"{path.name}: skrivrättighet utan motivering: {line.strip()}"
    assert "write-all" not in path.read_text(encoding="utf-8")


def test_pr_jobs_that_run_pull_request_code_only_read() -> None:
    """In pr.yml only the comment job may write, and it checks out nothing and runs no shell step, so
    code from a pull request never runs with a token that can write."""
    workflow = _load(PR)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        if writes:
            assert name == "kommentar"
            assert all("run" not in step for step in _steps(job))
            assert not any(str(step.get("uses", "")).startswith("actions/checkout@") for step in _steps(job))
        for step in _steps(job):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"jobbet {name}"


def test_concurrency_is_set() -> None:
    """Pull requests run one at a time per PR and a new push cancels the old run; publishing runs one at
    a time and is never cancelled halfway."""
    pr = _load(PR)["concurrency"]
    assert "github.event.pull_request.number" in pr["group"]
    assert pr["cancel-in-progress"] is True
    publish = _load(PUBLISH)["concurrency"]
    assert publish == {"group": "publicera", "cancel-in-progress": False}


def test_pr_workflow_does_what_the_editor_needs() -> None:
    """On a pull request: validate with GitHub notes, run the tests under CI=true, build and upload the
    preview, and compute the change list against the target branch for one marked comment."""
    workflow = _load(PR)
    assert "pull_request" in _on(workflow)
    jobs = workflow["jobs"]
    assert set(jobs) == {"validera", "omfang", "test", "sidor", "forhandsvisning", "skillnader", "kommentar"}

    def runs(job: str) -> str:
        return "\n".join(str(step.get("run", "")) for step in _steps(jobs[job]))

    def uses(job: str) -> list[str]:
        return [str(step.get("uses", "")).split("@")[0] for step in _steps(jobs[job])]

    python = next(
        s for s in _steps(jobs["validera"]) if str(s.get("uses", "")).startswith("actions/setup-python@")
    )
    assert python["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "requirements.txt",
    }
    assert "make setup" in runs("validera")
    assert ".venv/bin/python -m strategi validera --format github" in runs("validera")
    assert str(jobs["test"]["env"]["CI"]) == "true"
    assert "make test" in runs("test")
    for package in ["chromium", "hunspell", "hunspell-sv", "poppler-utils"]:
        assert re.search(rf"\b{package}\b", runs("test")), package
    assert "make build" in runs("forhandsvisning")
    upload = next(s for s in _steps(jobs["forhandsvisning"]) if "upload-artifact" in str(s.get("uses")))
    assert upload["with"]["path"] == "site/"
    checkout = next(s for s in _steps(jobs["skillnader"]) if "checkout" in str(s.get("uses")))
    assert checkout["with"]["fetch-depth"] == 0
    assert 'skillnader "origin/${BASE_REF}" --format markdown > skillnader.md' in runs("skillnader")
    assert "Datan i den här ändringen har fel" in runs("skillnader"), "a broken PR replaces the old comment"
    for job in ("forhandsvisning", "validera"):
        checkout = next(s for s in _steps(jobs[job]) if "checkout" in str(s.get("uses")))
        assert checkout["with"]["fetch-depth"] == 0, f"{job} needs the tags and the target branch"
    assert '"::warning file="*)' in runs("validera"), "warnings only on the files the PR touches"
    assert jobs["skillnader"]["steps"][-1]["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert jobs["kommentar"]["needs"] == ["skillnader", "forhandsvisning"]
    assert uses("kommentar") == ["actions/github-script"]
    script = jobs["kommentar"]["steps"][0]["with"]["script"]
    assert "<!-- strategi-skillnader -->" in script
    assert "updateComment" in script
    assert "createComment" in script
    assert "${{" not in script, "data från pull requesten ska nå skriptet via env, inte klistras in i koden"


def _scope_script() -> str:
    step = next(s for s in _steps(_load(PR)["jobs"]["omfang"]) if s.get("id") == "filer")
    return str(step["run"])


@pytest.mark.parametrize(
    ("changed", "only_data"),
    [
        (["data/channels/facebook.yaml"], "true"),
        (["data/channels/instagram.yaml", "data/strategy/mal.yaml", "data/channels/tiktok.yaml"], "true"),
        (["data/strategy/mal.yaml", "strategi/views/mal.py"], "false"),
        (["schemas/kanal.schema.json"], "false"),
        (["tests/test_site.py"], "false"),
        (["docs/index.md"], "false"),
        (["datamodell.md"], "false"),
        ([], "false"),
    ],
    ids=[
        "one-file",
        "several-files",
        "with-code",
        "schema",
        "test",
        "docs",
        "name-starting-with-data",
        "nothing",
    ],
)
def test_scope_job_says_only_data_for_a_change_to_data_alone(
    tmp_path: Path, changed: list[str], only_data: str
) -> None:
    """The job `omfang` runs its own script with a git that names the changed files: it answers
    bara-data=true only when every changed file lies under data/ (and something changed)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_git = bin_dir / "git"
    fake_git.write_text('#!/bin/sh\ncat "$LISTING"\n', encoding="utf-8")
    fake_git.chmod(0o755)
    listing = tmp_path / "listing.txt"
    listing.write_text("".join(f"{name}\n" for name in changed), encoding="utf-8")
    output = tmp_path / "output.txt"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "LISTING": str(listing),
        "GITHUB_OUTPUT": str(output),
        "BASE_REF": "main",
    }
    result = run(["bash", "-e", "-o", "pipefail", "-c", _scope_script()], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == f"bara-data={only_data}\n"


def test_a_data_only_change_gets_the_fast_path_and_any_other_the_whole_suite() -> None:
    """The whole suite (`make test`) runs unless the change is to data/ alone; then the job `sidor`
    runs instead: the tests of the live data and the per-page browser checks on the changed pages
    (found against the target branch), in Debian with Chromium, under CI=true. Validation, the strict
    build and the change comment do not depend on the scope: they run for every pull request."""
    jobs = _load(PR)["jobs"]
    assert jobs["test"]["needs"] == "omfang"
    assert jobs["test"]["if"] == "needs.omfang.outputs.bara-data != 'true'"
    assert jobs["sidor"]["needs"] == "omfang"
    assert jobs["sidor"]["if"] == "needs.omfang.outputs.bara-data == 'true'"
    assert jobs["omfang"]["outputs"]["bara-data"] == "${{ steps.filer.outputs.bara-data }}"
    sidor = jobs["sidor"]
    assert sidor["container"] == jobs["test"]["container"]
    assert str(sidor["env"]["CI"]) == "true"
    runs = "\n".join(str(step.get("run", "")) for step in _steps(sidor))
    assert re.search(r"\bchromium\b", runs)
    assert "make setup" in runs
    assert (
        '.venv/bin/python -m pytest -m "live_data or per_page" --andrade-sidor-mot "origin/${BASE_REF}" tests'
        in runs
    )
    checkout = next(s for s in _steps(sidor) if "checkout" in str(s.get("uses")))
    assert checkout["with"]["fetch-depth"] == 0, "the target branch's data is built to find the changed pages"
    for job in ("validera", "forhandsvisning", "skillnader"):
        assert "needs" not in jobs[job], job
        assert "if" not in jobs[job], job


def test_publish_workflow_publishes_main() -> None:
    """On a push to main (or a manual run, from main only): a read-only job publishes only a new version
    or a draft (`publicera --bara-ny`) into a git bundle; a separate job, the only one that may write,
    runs no project code and pushes gh-pages and the one tag, atomically and never with --force."""
    workflow = _load(PUBLISH)
    on = _on(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert set(jobs) == {"bygg", "skicka"}
    assert jobs["bygg"]["if"] == "github.ref == 'refs/heads/main'"
    assert "permissions" not in jobs["bygg"]
    build = "\n".join(str(step.get("run", "")) for step in _steps(jobs["bygg"]))
    assert "python -m strategi publicera --bara-ny" in build
    assert "git bundle create" in build
    assert "git push" not in build
    assert jobs["skicka"]["needs"] == "bygg"
    assert jobs["skicka"]["permissions"] == {"contents": "write"}
    push = "\n".join(str(step.get("run", "")) for step in _steps(jobs["skicka"]))
    assert "git -c" in push
    assert "push --atomic origin" in push
    for forbidden in ("make ", ".venv", "python", "pip "):
        assert forbidden not in push, f"the writing job runs no project code ({forbidden!r})"


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_no_credentials_left_behind_and_no_force(path: Path) -> None:
    """Every checkout sets persist-credentials: false (a token is handed to the one command that needs
    it), and nothing is ever force-pushed."""
    workflow = _load(path)
    for name, job in workflow["jobs"].items():
        for step in _steps(job):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {name}"
            script = str(step.get("run", ""))
            assert "--force" not in script, f"{path.name}: {name}"
            assert not re.search(r"push\s[^\n]*\+refs/", script), f"{path.name}: {name}: forced refspec"
