"""`make serve`: invalid data shows a Swedish error page in the open browser tab instead of a build
that stops (the tab would keep the old page and a reload would hang), and the terminal stays quiet
but for the problems and MkDocs' warnings.

What must outlive one build (are we serving, have we said where, the invalid data) is kept in
strategi.site.state.STATE.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any

from strategi.views import render
from strategi.data import parts
from strategi.data.problems import Problem, format_text
from strategi.site.state import STATE

TITLE = "Datafilerna har fel"


def start(command: str) -> None:
    """Called once, from MkDocs' startup event: remember whether this process serves the site."""
    STATE.serving = command == "serve"


def quiet_info(logger: logging.Logger) -> None:
    """Leave out MkDocs' INFO lines ("Building documentation...", "Reloading browsers") while
    serving, but not its warnings: a broken link shows in the terminal at once, and the preview
    goes on (it is built without --strict, so a warning does not leave the tab stuck on the old
    page; the pull request's strict build stops on it). --verbose and --quiet are left as asked."""
    if logger.level == logging.INFO:
        logger.setLevel(logging.WARNING)


def failed(problems: list[Problem], files: int) -> None:
    """This build's data is invalid: the pages will show the error page, the terminal the problems
    (once for the same problems: a build loads the data more than once)."""
    if STATE.problems == problems:
        return
    STATE.problems = problems
    STATE.files = files
    say(
        format_text([p for p in problems if p.is_error], files)
        + "\nSidan i webbläsaren visar felen tills de är rättade och laddas om när du sparar."
    )


def succeeded() -> None:
    STATE.problems = None


def in_error() -> bool:
    return STATE.in_error


def say(text: str) -> None:
    """A line for the editor in the terminal (not a log record: in strict mode a warning aborts)."""
    print(text, file=sys.stderr, flush=True)


def error_markdown() -> str:
    """The error page: a heading, what to do, and the same lines as `validera` prints (escaped)."""
    problems = [p for p in STATE.problems or [] if p.is_error]
    lines = format_text(problems, STATE.files).splitlines()
    listing = "".join(f"<li><code>{render.esc(line)}</code></li>" for line in lines[:-1])
    return (
        f"# {TITLE}\n\n"
        "<p>Sajten kan inte byggas förrän felen nedan är rättade. Rätta filen och spara: sidan "
        "laddas om av sig själv. Samma rader skriver <code>make validera</code> ut.</p>\n\n"
        f'<ul class="felsida" data-search-exclude>{listing}</ul>\n\n'
        f"<p>{render.esc(lines[-1] if lines else '')}</p>\n"
    )


def channel_ids(root: Path) -> list[str]:
    """The channel pages to keep while the data is invalid: one per file in data/channels/."""
    return sorted(p.stem for p in (root / parts.CHANNELS.path).glob("*.yaml"))


def built(config: Any, stale: int) -> None:
    """After a successful build while serving: where the site is (once), and one line on stale channels."""
    if not STATE.serving:
        return
    if not STATE.announced:
        STATE.announced = True
        host, port = config["dev_addr"]
        say(f"Sajten visas på http://{host}:{port}/ och byggs om när du sparar en fil. Avsluta med Ctrl+C.")
        if stale:
            say(f"{stale} kanaler har ett digitalt nuläge som behöver uppdateras (se sidan Öppna frågor).")
    else:
        say(f"Sajten är ombyggd {dt.datetime.now():%H:%M:%S}.")
