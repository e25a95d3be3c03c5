"""`make serve` (issue 11): invalid data shows a Swedish error page in the open tab, which recovers
by itself when the file is fixed, and the terminal stays quiet and Swedish."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.browser._site import Record, guarded_page
from tests.conftest import FIXED_TODAY, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HEADING = "() => (document.querySelector('article h1') || {textContent: ''}).textContent"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(page: Any, text: str, seconds: float = 90) -> None:
    page.wait_for_function(f"() => ({HEADING})().includes({text!r})", timeout=seconds * 1000)


def test_invalid_data_shows_an_error_page_that_recovers(browser: Any, tmp_path: Path) -> None:
    """While serving, a misspelt key in facebook.yaml turns the open tab into 'Datafilerna har fel'
    with validera's line for it (file:line:col and message); fixing the file brings the channel page
    back by itself. The terminal says where the site is and sums up the stale channels in one line
    each, prints the problem as validera does, and has no INFO lines or English notices."""
    project = copy_project(tmp_path / "p")
    port = _free_port()
    env = {**os.environ, "STRATEGI_IDAG": FIXED_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--no-strict",  # as `make serve` (tests/test_local_commands.py checks the Makefile)
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    channel = project / "data/channels/facebook.yaml"
    original = channel.read_text(encoding="utf-8")
    record = Record()
    context, page = guarded_page(browser, record, viewport={"width": 1280, "height": 800})
    try:
        deadline = time.monotonic() + 120
        while "Sajten visas på" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "make serve startade inte: " + log.read_text(encoding="utf-8")
            time.sleep(0.5)
        page.goto(f"http://127.0.0.1:{port}/kanaler/facebook/")
        _wait_for(page, "Facebook")
        channel.write_text(original.replace("\n  frekvens:", "\n  frekvns:", 1), encoding="utf-8")
        _wait_for(page, "Datafilerna har fel")
        article = page.locator("article").inner_text()
        assert "data/channels/facebook.yaml:19:3: okänt fält 'frekvns' – menade du 'frekvens'?" in article
        channel.write_text(original, encoding="utf-8")
        _wait_for(page, "Facebook")
    finally:
        context.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    terminal = log.read_text(encoding="utf-8")
    assert re.search(r"^Sajten visas på http://127\.0\.0\.1:\d+/ ", terminal, flags=re.MULTILINE)
    assert terminal.count("behöver uppdateras") == 1, terminal
    assert "data/channels/facebook.yaml:19:3: okänt fält 'frekvns'" in terminal
    for noise in ["INFO", "WARNING", "Traceback", "Material for MkDocs", "Serving on"]:
        assert noise not in terminal, f"{noise!r} i terminalen:\n{terminal}"
