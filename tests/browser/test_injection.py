"""Hostile data in a copy of the strategy: it validates and builds, no script of it runs in the browser,
and every value reads on the page exactly as an editor typed it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser._site import Record, guarded_page, page_paths, serve, visit
from tests.conftest import build_site, copy_project, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ config }}"
PIPE = "a | b"
JS_URL = "javascript:alert(1)"

# (file, key, occurrence of the key in the file, hostile value). Every field is free text in its
# schema (a channel's 'adress' only has to be one word), so the copy still validates.
HOSTILE = [
    ("data/channels/facebook.yaml", "namn", 1, SCRIPT),  # page title, heading, menu on every page
    ("data/channels/facebook.yaml", "adress", 1, JS_URL),  # a link only when it starts with http(s)://
    ("data/channels/facebook.yaml", "innehåll", 1, IMG),
    ("data/channels/facebook.yaml", "funkar_bra", 1, JINJA),
    ("data/channels/facebook.yaml", "tonalitet", 1, PIPE),
    ("data/channels/facebook.yaml", "frekvens", 1, JS_URL),  # a text field
    ("data/strategy/mal.yaml", "namn", 1, SCRIPT),  # goal A: headings, links' titles, channel pages
    ("data/strategy/materialtyper.yaml", "namn", 1, PIPE),  # a type: header cell of the matrix table
    ("data/strategy/materialtyper.yaml", "inledning", 1, f"{JINJA} {IMG}"),
]

# Where each value must be read as text (the page's main content).
SHOWN_ON = {
    SCRIPT: ["kanaler/facebook/", "mal/"],
    IMG: ["kanaler/facebook/", "materialtyper/"],
    JINJA: ["kanaler/facebook/", "materialtyper/"],
    PIPE: ["kanaler/facebook/", "materialtyper/"],
    JS_URL: ["kanaler/facebook/"],
}


def set_value(path: Path, key: str, occurrence: int, value: str) -> None:
    """Replace the value of the n-th `key:` line in a YAML file (and the lines of a block scalar
    under it) with `value` as a double-quoted scalar."""
    lines = path.read_text(encoding="utf-8").split("\n")
    seen = 0
    for i, line in enumerate(lines):
        match = re.match(rf"^(\s*(?:- )?){re.escape(key)}:(\s|$)", line)
        if not match:
            continue
        seen += 1
        if seen < occurrence:
            continue
        indent = len(match.group(1))
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        lines[i:end] = [f"{match.group(1)}{key}: {json.dumps(value, ensure_ascii=False)}"]
        path.write_text("\n".join(lines), encoding="utf-8")
        return
    raise AssertionError(f"{key!r} (gång {occurrence}) finns inte i {path}")


@dataclass
class Hostile:
    project: Path
    site: Path
    validation: Any


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """A copy of the project with the hostile values, validated and built with --strict."""
    project = copy_project(tmp_path_factory.mktemp("injektion") / "projekt")
    for relpath, key, occurrence, value in HOSTILE:
        set_value(project / relpath, key, occurrence, value)
    validation = run_cli("validera", "--rot", str(project))
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, f"bygget av den fientliga kopian misslyckades:\n{result.stderr}"
    return Hostile(project, site, validation)


@pytest.fixture(scope="module")
def hostile_server(hostile: Hostile) -> Any:
    with serve(hostile.site) as base:
        yield base


def test_hostile_values_validate(hostile: Hostile) -> None:
    """`python -m strategi validera --rot <copy>` accepts the hostile copy (exit 0): the values are legal text."""
    assert hostile.validation.returncode == 0, hostile.validation.stdout + hostile.validation.stderr
    assert hostile.site.joinpath("index.html").is_file()


def test_no_javascript_link_in_the_html(hostile: Hostile) -> None:
    """No built page has an `<a href="javascript:...">` or an element with an `onerror` attribute."""
    bad = []
    for page in sorted(hostile.site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if re.search(r"""<a\s[^>]*href\s*=\s*["']?\s*javascript:""", text, re.IGNORECASE):
            bad.append(f'{page.relative_to(hostile.site)}: <a href="javascript:')
        if re.search(r"<[a-z][^>]*\sonerror\s*=", text, re.IGNORECASE):
            bad.append(f"{page.relative_to(hostile.site)}: onerror=")
    assert not bad, "\n".join(bad)


_DOM_CHECK = """
() => ({
  jsLinks: [...document.querySelectorAll('a[href]')]
    .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:'))
    .map(a => a.outerHTML.slice(0, 80)),
  handlers: [...document.querySelectorAll('[onerror]')].map(e => e.outerHTML.slice(0, 80)),
  scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(1)')).length,
  text: (document.querySelector('article') || document.body).innerText,
})
"""


def test_no_dialog_opens_and_values_read_as_text(browser: Any, hostile: Hostile, hostile_server: str) -> None:
    """On every page of the hostile site no dialog opens, the DOM holds no javascript: link, no onerror
    handler and no injected script, and each hostile value is visible, whole, as text where it is rendered."""
    record = Record()
    context, page = guarded_page(browser, record)
    problems: list[str] = []
    shown: dict[str, list[str]] = {value: [] for value in SHOWN_ON}
    try:
        for path in page_paths(hostile.site):
            visit(page, record, hostile_server, path)
            dom = page.evaluate(_DOM_CHECK)
            problems += [f"{path}: javascript:-länk {link}" for link in dom["jsLinks"]]
            problems += [f"{path}: onerror {el}" for el in dom["handlers"]]
            if dom["scripts"]:
                problems.append(f"{path}: {dom['scripts']} inskjutna skript")
            for value in SHOWN_ON:
                if value in dom["text"]:
                    shown[value].append(path)
    finally:
        context.close()
    assert not record.dialogs, "dialogrutor öppnades:\n" + "\n".join(record.dialogs)
    assert not problems, "\n".join(problems)
    missing = [
        f"{value!r} syns inte som text på {path}"
        for value, paths in SHOWN_ON.items()
        for path in paths
        if path not in shown[value]
    ]
    assert not missing, "\n".join(missing)


def test_search_results_show_hostile_values_as_text(browser: Any, hostile_server: str) -> None:
    """Searching the hostile site for 'facebooksida' finds the channel now named <script>alert(1)</script>:
    the results show the name as text, hold no script or onerror handler, and no dialog opens."""
    record = Record()
    context, page = guarded_page(browser, record)
    try:
        visit(page, record, hostile_server, "")
        page.keyboard.press("s")  # Material's shortcut: focus the search box
        page.locator("input.md-search__input").press_sequentially("facebooksida", delay=30)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
            page.wait_for_timeout(300)
        except PlaywrightTimeoutError:
            pass  # no results: the assertions below say what is wrong
        results = page.locator(".md-search-result").inner_text()
        injected = page.evaluate(
            "document.querySelectorAll('.md-search-result script, .md-search-result [onerror]').length"
        )
    finally:
        context.close()
    assert not record.dialogs, "dialogrutor öppnades:\n" + "\n".join(record.dialogs)
    assert injected == 0, "sökträffarna innehåller skript eller onerror"
    assert SCRIPT in results, f"{SCRIPT!r} syns inte som text bland sökträffarna"
