"""Local work without `make`: `python -m strategi serve | bygg | pdf` check the data first and work the
same on every platform, the first run sets the project up by itself, and VS Code's tasks turn
`validera`'s messages into clickable problems."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from strategi import bootstrap
from strategi.data import check
from strategi.site import build, local, serving
from tests.conftest import FIXED_TODAY, ROOT, run, run_cli

pytestmark = pytest.mark.xdist_group("lokalt")

TASKS = ROOT / ".vscode" / "tasks.json"


def _tasks() -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = json.loads(TASKS.read_text(encoding="utf-8"))["tasks"]
    return tasks


def _break_facebook(project: Path) -> None:
    """The guide's example mistake, plus a stale snapshot warning the data already has."""
    path = project / "data/channels/facebook.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  frekvens:", "  frekvns:", 1), encoding="utf-8"
    )


# --- VS Code tasks ---------------------------------------------------------------------------------


def test_every_task_runs_a_command_the_cli_has() -> None:
    """Each task runs `python -m strategi <kommando>` (the `py` launcher on Windows) with a subcommand
    that exists: validera, serve, bygg (also --offline) and pdf are all there."""
    commands = {" ".join(task["args"][2:]) for task in _tasks()}
    assert commands == {"validera", "serve", "bygg", "bygg --offline", "pdf"}
    for task in _tasks():
        assert task["command"] == "python"
        assert task["windows"]["command"] == "py"
        assert task["args"][:2] == ["-m", "strategi"]
        result = run_cli(*task["args"][2:3], "--help")
        assert result.returncode == 0, result.stderr


def test_problem_matchers_read_validera_output(project: Path) -> None:
    """On validera's real output for a misspelt field, the error matcher of every task finds exactly the
    error (file, line, column, message) and the warning matcher exactly the warnings; neither matches
    the summary line."""
    _break_facebook(project)
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    error_line = "data/channels/facebook.yaml:19:3: okänt fält 'frekvns' – menade du 'frekvens'?"
    assert error_line in lines
    warnings = [line for line in lines if ": varning: " in line]
    assert any("digitalt nuläge för Instagram" in line for line in warnings)  # a stale snapshot
    for task in _tasks():
        by_severity = {m["severity"]: m for m in task["problemMatcher"]}
        assert set(by_severity) == {"error", "warning"}, task["label"]
        for matcher in by_severity.values():
            assert matcher["fileLocation"] == ["relative", "${workspaceFolder}"]
        error = re.compile(by_severity["error"]["pattern"]["regexp"])
        warning = re.compile(by_severity["warning"]["pattern"]["regexp"])
        assert [line for line in lines if error.match(line)] == [error_line], task["label"]
        assert [line for line in lines if warning.match(line)] == warnings, task["label"]
        found = error.match(error_line)
        assert found is not None
        groups = by_severity["error"]["pattern"]
        assert found.group(groups["file"]) == "data/channels/facebook.yaml"
        assert found.group(groups["line"]) == "19"
        assert found.group(groups["column"]) == "3"
        assert found.group(groups["message"]) == "okänt fält 'frekvns' – menade du 'frekvens'?"
        instagram = next(warning.match(line) for line in warnings if "instagram.yaml" in line)
        assert instagram is not None
        assert instagram.group(4).startswith("digitalt nuläge för Instagram")


def test_serve_task_knows_when_the_preview_is_up() -> None:
    """The background task for the preview begins at the line `serve` prints before checking and ends
    at the line it prints when the site is shown (both printed by strategi/site/local.py)."""
    serve = next(task for task in _tasks() if task["args"][2:] == ["serve"])
    assert serve["isBackground"] is True
    source = (ROOT / "strategi" / "site" / "local.py").read_text(encoding="utf-8")
    for matcher in serve["problemMatcher"]:
        assert re.match(matcher["background"]["beginsPattern"], "Kontrollerar datafilerna …")
        assert re.match(matcher["background"]["endsPattern"], "Visar sajten på http://127.0.0.1:8000/ och")
    assert 'print("Kontrollerar datafilerna …"' in source
    assert 'f"Visar sajten på http://{address}/' in source


# --- the first run sets itself up -------------------------------------------------------------------


def test_cksum_matches_posix_cksum() -> None:
    """bootstrap.cksum gives the number POSIX cksum prints (the Makefile's stamp), for a known text and
    for requirements.txt."""
    assert bootstrap.cksum(b"abc\n") == 1112837078
    assert bootstrap.cksum(b"") == 4294967295
    if shutil.which("cksum"):
        data = (ROOT / "requirements.txt").read_bytes()
        out = subprocess.run(["cksum"], input=data, capture_output=True, check=True).stdout.split()[0]
        assert bootstrap.cksum(data) == int(out)


def test_stamp_is_the_makefiles_stamp() -> None:
    """`python -m strategi` and `make setup` use the same stamp file, so neither installs again after
    the other."""
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", "stamp-path: ; @echo $(STAMP)", "stamp-path"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ROOT / result.stdout.strip() == bootstrap.stamp(ROOT)


def _fake_checkout(tmp_path: Path, requirements: str) -> Path:
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "strategi", root / "strategi", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "requirements.txt").write_text(requirements, encoding="utf-8")
    return root


def _bare_python(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -S -m strategi ARGS` in `root` with the base Python: -S hides every installed package,
    as on a computer where only Python is installed."""
    base = getattr(sys, "_base_executable", sys.executable)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", bootstrap.RERUN}}
    env["STRATEGI_IDAG"] = FIXED_TODAY
    return run([base, "-S", "-m", "strategi", *args], cwd=root, env=env)


@pytest.mark.slow
def test_first_run_creates_the_environment(tmp_path: Path) -> None:
    """In a checkout without .venv, `python -m strategi` creates .venv, installs requirements.txt into it
    (here a file with no packages, so nothing is downloaded), writes the Makefile's stamp and runs the
    command there; as the packages are then still missing, it says so in Swedish instead of crashing."""
    root = _fake_checkout(tmp_path, "# inga paket i det här testet\n")
    result = _bare_python(root, "validera")
    assert (root / ".venv").is_dir()
    assert bootstrap.stamp(root).exists()
    assert "Första gången" in result.stderr
    assert "Klart. Kör kommandot i .venv/" in result.stderr
    assert "saknas i .venv/" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_later_runs_use_the_environment(tmp_path: Path) -> None:
    """With .venv set up (its packages are this test run's), `python -m strategi validera` started from a
    Python without the packages runs in .venv and checks the real data, without a word about setting up."""
    root = _fake_checkout(tmp_path, (ROOT / "requirements.txt").read_text(encoding="utf-8"))
    venv = root / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = next(venv.glob("lib/python3*/site-packages"), venv / "Lib" / "site-packages")
    (site / "projektets_paket.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8"
    )
    bootstrap.stamp(root).touch()
    result = _bare_python(root, "validera", "--rot", str(ROOT))
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"^Inga fel och \d+ varningar? i \d+ kontrollerade filer\.$", result.stdout, re.MULTILINE
    )
    assert "Installerar" not in result.stderr
    assert result.stderr == ""


# --- serve, bygg, pdf -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["bygg"], ["bygg", "--offline"], ["serve"], ["pdf"]])
def test_nothing_is_built_from_invalid_data(project: Path, command: list[str]) -> None:
    """serve, bygg and pdf check the data first: with an error they print it as validera does, exit 1
    and build nothing."""
    _break_facebook(project)
    rot = [] if command == ["pdf"] else ["--rot", str(project)]
    result = run_cli(*command, *rot, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "data/channels/facebook.yaml:19:3: okänt fält 'frekvns' – menade du 'frekvens'?" in result.stdout
    assert not (project / "site").exists()
    assert not (project / "strategi.pdf").exists()


def test_bygg_checks_once_and_builds(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bygg` prints validera's report, builds the site in the same process from the strategy it just
    checked (loaded and checked once, not again by the build) and says where the site is. The
    compiled theme templates are kept in the project's .cache/jinja/ for the next build."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("OFFLINE", raising=False)
    build._load_cached.cache_clear()
    checks: list[Path] = []
    real_check = check.run

    def counting_check(root: Path, *args: Any, **kwargs: Any) -> check.Result:
        checks.append(Path(root))
        return real_check(root, *args, **kwargs)

    monkeypatch.setattr(check, "run", counting_check)
    site = tmp_path / "sajt"
    assert local.build(project, str(site)) == 0
    out = capsys.readouterr().out
    assert "Inga fel och 7 varningar i 20 kontrollerade filer." in out
    assert f"Klart: sajten finns i {site.as_posix()}/." in out
    assert "<title>Start - Digital strategi" in (site / "index.html").read_text(encoding="utf-8")
    assert checks == [project.resolve()]
    assert len(list((project / ".cache" / "jinja").glob("*.cache"))) > 30  # Material's and ours


def test_bygg_leaves_mkdocs_logging_as_it_found_it(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A build in this process shows MkDocs' warnings through its own handler, and afterwards the
    `mkdocs` logger has its level, propagation and handlers back as they were."""
    monkeypatch.setenv("STRATEGI_IDAG", FIXED_TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    monkeypatch.setattr(logger, "propagate", True)
    handlers = list(logger.handlers)
    local.build_site(project, str(tmp_path / "sajt"))
    capsys.readouterr()
    assert (logger.level, logger.propagate, logger.handlers) == (logging.DEBUG, True, handlers)


def test_bygg_is_strict_a_warning_stops_it(project: Path) -> None:
    """A page with a link to a page that does not exist: `bygg` shows MkDocs' warning, says in
    Swedish that the build stopped, exits 1 and says nothing of a finished site."""
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[trasig](finns-inte.md)\n", encoding="utf-8")
    result = run_cli("bygg", "--rot", str(project), "--ut", "sajt", cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "WARNING - Doc file 'guide.md' contains a link 'finns-inte.md'" in result.stderr
    assert "fel: bygget avbröts (se meddelandet ovan); inget publiceras." in result.stderr
    assert "Klart" not in result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve_and_fetch(command: list[str], cwd: Path, env: dict[str, str], url: str) -> tuple[str, str]:
    """Start a serving command, fetch ``url`` once it answers (at most 4 minutes), stop it; the
    page ('' if it never answered, or the server stopped by itself) and everything it printed."""
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: stopping it stops MkDocs too
    ) as server:
        try:
            page = ""
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (only http://127.0.0.1)
                        page = response.read().decode("utf-8")
                    break
                except OSError:
                    time.sleep(1)
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
            output = server.communicate(timeout=30)[0]
    return page, output


@pytest.mark.slow
def test_serve_shows_the_site(project: Path) -> None:
    """`python -m strategi serve --adress 127.0.0.1:PORT` checks the data, says where the site is, and
    answers there with the start page until stopped."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STRATEGI_IDAG": FIXED_TODAY}
    command = [sys.executable, "-m", "strategi", "serve", "--adress", f"127.0.0.1:{port}"]
    page, output = _serve_and_fetch(command, project, env, f"http://127.0.0.1:{port}/")
    assert "<title>Start - Digital strategi" in page, output[-2000:]
    assert f"Visar sajten på http://127.0.0.1:{port}/" in output


def _makefile_serve_flags() -> list[str]:
    """The flags `make serve` gives `mkdocs serve`, as written in the Makefile (without the address)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(
        r"^\tNO_MKDOCS_2_WARNING=1 \$\(PY\) -m mkdocs serve (.*) --dev-addr \$\(ADDR\)$", makefile, re.M
    )
    assert match, "make serve runs mkdocs serve ... --dev-addr $(ADDR)"
    return match.group(1).split()


def test_make_serve_and_strategi_serve_serve_alike() -> None:
    """`make serve` and `python -m strategi serve` start MkDocs with the same flags: not strict
    (a warning must not leave the open tab on the old page) and not --quiet (it hides warnings)."""
    assert _makefile_serve_flags() == list(local.SERVE_FLAGS) == ["--no-strict"]


@pytest.mark.parametrize(
    ("asked", "shown"),
    [(logging.INFO, logging.WARNING), (logging.DEBUG, logging.DEBUG), (logging.ERROR, logging.ERROR)],
    ids=["default", "verbose", "quiet"],
)
def test_serving_leaves_out_info_lines_unless_asked_otherwise(asked: int, shown: int) -> None:
    """While serving, MkDocs' log goes from INFO (its default) to WARNING: warnings shown, INFO
    lines not. --verbose (DEBUG) and --quiet (ERROR) stay as the editor asked."""
    logger = logging.getLogger("tests.serving.quiet_info")
    logger.setLevel(asked)
    serving.quiet_info(logger)
    assert logger.level == shown


@pytest.mark.slow
def test_serve_shows_a_warning_and_goes_on(project: Path) -> None:
    """`make serve` on a project whose guide links to a page that does not exist: the terminal shows
    MkDocs' warning (not hidden as --quiet would) and none of its INFO lines, and the site is still
    served, the guide with it (a strict serve would stop on the warning)."""
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[trasig](finns-inte.md)\n", encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STRATEGI_IDAG": FIXED_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        *_makefile_serve_flags(),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    page, output = _serve_and_fetch(command, project, env, f"http://127.0.0.1:{port}/guide/")
    assert 'href="finns-inte.md"' in page, output[-2000:]
    assert "WARNING -  Doc file 'guide.md' contains a link 'finns-inte.md'" in output, output[-2000:]
    assert f"Sajten visas på http://127.0.0.1:{port}/" in output
    assert "INFO" not in output, output[-2000:]
