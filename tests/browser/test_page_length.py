"""Pages a reader finishes (issue 25), measured in Chromium on the live build: every reading page at
most 15 phone screens at 375 x 812 and the median at most 6; no table wider than its box at 1280 px;
a table that scrolls on a phone says so and keeps its row labels; reviewers' chrome behind one
switch; one long word never makes a page scroll sideways. The budgets hold for any strategy of
about this size: the pages are measured, not their texts."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from tests.browser._site import Record, guarded_page, serve
from tests.browser.test_reading import DESKTOP, PRINT_PAGES, _open
from tests.conftest import build_site, copy_project, edit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 375, "height": 812}
MAX_SCREENS = 15
MAX_MEDIAN = 6
# Not reading pages: the editors' guide, the work lists and the print page (issue 25).
NOT_READING = {"guide/", "oppna-fragor/", "andringar/", "404.html", *PRINT_PAGES}

_SCREENS = f"() => document.documentElement.scrollHeight / {PHONE['height']}"
_WIDE_TABLES = """() => [...document.querySelectorAll('article .tabell')]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => box.getAttribute('aria-label'))"""


def _reading(pages: list[str]) -> list[str]:
    return [p for p in pages if p not in NOT_READING]


@pytest.fixture(scope="module")
def screens(browser: Any, server: str, pages: list[str]) -> dict[str, float]:
    """Every reading page's height in phone screens (document height / 812) at 375 x 812."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    found = {}
    try:
        for path in _reading(pages):
            _open(page, record, server, path)
            found[path] = page.evaluate(_SCREENS)
    finally:
        context.close()
    assert len(found) >= 15, f"för få läsesidor: {sorted(found)}"
    return found


def test_every_reading_page_within_fifteen_phone_screens(screens: dict[str, float]) -> None:
    """At 375 x 812 no reading page is longer than 15 screens."""
    long = {p or "/": round(n, 1) for p, n in screens.items() if n > MAX_SCREENS}
    assert not long, f"läsesidor längre än {MAX_SCREENS} mobilskärmar: {long}"


def test_median_reading_page_within_six_phone_screens(screens: dict[str, float]) -> None:
    """At 375 x 812 the median reading page is at most 6 screens long."""
    median = statistics.median(screens.values())
    assert median <= MAX_MEDIAN, f"mediansidan är {median:.1f} mobilskärmar: {screens}"


def test_no_table_wider_than_its_box_on_a_desktop(browser: Any, server: str, pages: list[str]) -> None:
    """At 1280 x 900 no table on a reading page is wider than its box (nothing to scroll, nothing cut)."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    wide: dict[str, list[str]] = {}
    tables = 0
    try:
        for path in _reading(pages):
            _open(page, record, server, path)
            tables += page.locator("article .tabell").count()
            if found := page.evaluate(_WIDE_TABLES):
                wide[path or "/"] = found
    finally:
        context.close()
    assert tables > 20, f"bara {tables} tabeller: testet prövar inget"
    assert not wide, f"tabeller bredare än sin ruta på 1280 px: {wide}"


def test_a_table_that_scrolls_on_a_phone_says_so(browser: Any, server: str) -> None:
    """At 375 px the year at a glance on Årshjul is wider than the screen: a line above it says it
    scrolls sideways, and its row labels stay inside the box when it is scrolled to the end."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        _open(page, record, server, "arshjul/")
        found = page.evaluate(
            """() => {
              const box = document.querySelector('.tabell.arshjul-tabell');
              const hint = box.previousElementSibling;
              box.scrollLeft = box.scrollWidth;
              const edge = box.getBoundingClientRect();
              const labels = [...box.querySelectorAll('th[scope="row"]')].map(th => th.getBoundingClientRect());
              return {wide: box.scrollWidth > box.clientWidth + 1,
                      hint: hint && hint.classList.contains('tabell-rulla') ? hint.innerText : '',
                      inside: labels.length > 0 && labels.every(r => r.left >= edge.left - 1 && r.right <= edge.right + 1)};
            }"""
        )
    finally:
        context.close()
    assert found["wide"], "årshjulstabellen rullar inte på 375 px: testet prövar inget"
    assert "dra i sidled" in found["hint"]
    assert found["inside"], "radrubrikerna följer inte med när tabellen rullas"


def test_sources_and_pencils_only_when_switched_on(browser: Any, server: str) -> None:
    """A reader sees no 'Källa: data/…' line and no edit pencil; the switch at the end of the page
    shows them, and the choice holds on the next page."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    try:
        _open(page, record, server, "mal/")
        sources = page.locator("article .kalla")
        assert sources.count() > 0, "inga källrader på Mål: testet prövar inget"
        assert not sources.first.is_visible()
        assert not page.locator('.md-content__button[rel="edit"]').is_visible()
        switch = page.locator("button[data-granska]")
        assert switch.get_attribute("aria-pressed") == "false"
        switch.click()
        assert switch.get_attribute("aria-pressed") == "true"
        assert sources.first.is_visible()
        assert page.locator('.md-content__button[rel="edit"]').is_visible()
        _open(page, record, server, "kanaler/facebook/")
        assert page.locator("article .kalla").first.is_visible()
    finally:
        context.close()
    assert not record.errors, record.errors


def test_a_folded_indicator_opens_when_linked(browser: Any, server: str) -> None:
    """A link from a channel page to an indicator on Uppföljning lands on it with its details open."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        _open(page, record, server, "kanaler/facebook/")
        link = page.locator('article a[href*="uppfoljning/#indikator-"]').first
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        page.wait_for_load_state("load")
        opened = page.evaluate(
            f"""() => {{
              const heading = document.getElementById({target!r});
              let node = heading.nextElementSibling;
              while (node && node.tagName !== 'DETAILS') node = node.nextElementSibling;
              return node ? node.open : null;
            }}"""
        )
    finally:
        context.close()
    assert opened is not None, "ingen utfällbar del efter indikatorns rubrik"
    assert opened, "indikatorns utfällbara del är stängd när en länk leder dit"


LONG = "Överlångtordutanmellanrumsomintekanbrytasnågonstans" * 3
ADDRESS = "https://www.example.se/" + "mycket-lang-adress-utan-mellanrum" * 4


@pytest.fixture(scope="module")
def long_word_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The site built from a copy whose Facebook file has one long word in its profile and goals and
    a long address."""
    project = copy_project(tmp_path_factory.mktemp("langtord") / "projekt")
    facebook = project / "data" / "channels" / "facebook.yaml"
    edit(facebook, r"^  innehåll: .*$", f"  innehåll: {LONG}")
    edit(facebook, r"^adress: .*$", f"adress: {ADDRESS}")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("path", ["", "kanaler/facebook/"])
def test_one_long_word_never_widens_a_phone_page(browser: Any, long_word_site: str, path: str) -> None:
    """At 375 px a page showing Facebook's profile with a 150-letter word and a long address (the
    start page's channel cards, the channel page) does not scroll sideways: the word wraps where
    it must (on the layout before issue 25 the channel page grew to 1 412 px)."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        _open(page, record, long_word_site, path)
        text = page.locator("article").inner_text()
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert LONG[:40] in text or "mycket-lang-adress" in text, "det långa ordet syns inte: testet prövar inget"
    assert width <= PHONE["width"], f"{path or '/'} är {width} px bred på en 375 px skärm"


def test_reading_pages_are_every_page_but_the_work_lists(pages: list[str]) -> None:
    """The pages measured are all but the guide, the work lists and the print page."""
    assert {"uppfoljning/", "arshjul/", "plan/", "kanaler/facebook/"} <= set(_reading(pages))
    assert not set(_reading(pages)) & NOT_READING
