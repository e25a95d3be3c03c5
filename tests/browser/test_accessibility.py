"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1, 2.2 A and AA) on every page, the two
checks Material's defaults fail, and reading the matrix and a channel page with the keyboard alone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser._site import WCAG_TAGS, Record, guarded_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

KEYBOARD_PAGES = ["materialtyper/", "kanaler/facebook/"]
MAX_TABS = 400


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _violations(axe: Axe, page: Any, path: str, options: dict[str, Any]) -> list[str]:
    result = axe.run(page, options={**options, "resultTypes": ["violations"]})
    lines = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(
                f"{violation['id']} ({violation['impact']}) på {path or '/'}: {target}\n    {summary}"
            )
    return lines


def test_axe_finds_no_wcag_violations_on_any_page(
    browser: Any, server: str, pages: list[str], axe: Axe
) -> None:
    """axe-core with the WCAG 2.0/2.1/2.2 A and AA rules finds 0 violations on every page of the site."""
    record = Record()
    context, page = guarded_page(browser, record)
    found: list[str] = []
    try:
        for path in pages:
            visit(page, record, server, path)
            found += _violations(axe, page, path, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    finally:
        context.close()
    assert not found, f"{len(found)} brister enligt axe ({', '.join(WCAG_TAGS)}):\n" + "\n".join(found)


def test_search_dialog_has_a_swedish_accessible_name(browser: Any, server: str, axe: Axe) -> None:
    """Material's search dialog (role=dialog) has an accessible name, in Swedish (overrides/partials/search.html)."""
    record = Record()
    context, page = guarded_page(browser, record)
    try:
        visit(page, record, server, "")
        found = _violations(axe, page, "", {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
        name = page.get_attribute('.md-search[role="dialog"]', "aria-label")
    finally:
        context.close()
    assert not found, "\n".join(found)
    assert name == "Sök i strategin"


# Effective colour of the footer's text and of what lies behind it, each background layer
# (with its alpha) from the element outwards; the page behind everything is white.
_FOOTER_COLOURS = """
() => [...document.querySelectorAll('footer.md-footer *')]
  .filter(el => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
  .filter(el => el.getClientRects().length > 0)
  .map(el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
    return {text: el.textContent.trim().slice(0, 40), colour: getComputedStyle(el).color, layers};
  })
"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb"), f"okänt färgformat: {css}"
    assert len(numbers) in {3, 4}, f"okänt färgformat: {css}"
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0)


def _over(
    top: tuple[float, float, float, float], below: tuple[float, float, float]
) -> tuple[float, float, float]:
    """Alpha-blend one colour over another, rounded to 8 bits a channel as the browser paints it."""
    r, g, b, a = top
    return (
        float(round(r * a + below[0] * (1 - a))),
        float(round(g * a + below[1] * (1 - a))),
        float(round(b * a + below[2] * (1 - a))),
    )


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, layers: list[str]) -> float:
    """WCAG contrast ratio of text colour over its stacked (possibly translucent) backgrounds."""
    behind: tuple[float, float, float] = (255.0, 255.0, 255.0)
    for layer in reversed(layers):
        behind = _over(_rgba(layer), behind)
    text = _over(_rgba(foreground), behind)
    light, dark = sorted((_luminance(text), _luminance(behind)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_gives_wcag_ratios() -> None:
    """The contrast helper gives WCAG's ratios: 21:1 black on white, 4.54:1 for #767676 on white,
    and blends translucent text and backgrounds (Material's code comments: 4.47:1)."""
    assert contrast("rgb(0, 0, 0)", ["rgba(0, 0, 0, 0)"]) == pytest.approx(21.0)
    assert contrast("rgb(118, 118, 118)", ["rgb(255, 255, 255)"]) == pytest.approx(4.54, abs=0.01)
    assert contrast("rgba(0, 0, 0, 0.54)", ["rgb(245, 245, 245)"]) == pytest.approx(4.47, abs=0.01)


def test_footer_text_contrast_is_at_least_4_5(browser: Any, server: str) -> None:
    """Every text in the page footer reaches 4.5:1 against its real background (docs/assets/strategi.css)."""
    record = Record()
    context, page = guarded_page(browser, record)
    try:
        visit(page, record, server, "")
        texts = page.evaluate(_FOOTER_COLOURS)
    finally:
        context.close()
    assert texts, "sidfoten har ingen text"
    low = [
        f"{t['text']!r}: {contrast(t['colour'], t['layers']):.2f}:1"
        for t in texts
        if contrast(t["colour"], t["layers"]) < 4.5
    ]
    assert not low, "för låg kontrast i sidfoten: " + "; ".join(low)


# What the keyboard focus is on, and whether it can be seen: an outline or a box shadow.
_FOCUS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none';
  return {
    region: el.matches('.tabell[tabindex="0"]') ? el.getAttribute('aria-label') : null,
    describe: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
      + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '"',
    visible: outline || shadow,
  };
}
"""


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_tab_reaches_every_table_region_with_visible_focus(browser: Any, server: str, path: str) -> None:
    """Pressing Tab alone reaches every scrollable table region (.tabell[tabindex=0]) of the page that
    is not folded away in a closed <details> (it is reached once opened), and every element the focus
    lands on shows it (an outline or a box shadow)."""
    record = Record()
    context, page = guarded_page(browser, record)
    try:
        visit(page, record, server, path)
        regions = page.eval_on_selector_all(
            '.tabell[tabindex="0"]',
            "els => els.filter(e => !e.closest('details:not([open])')).map(e => e.getAttribute('aria-label'))",
        )
        reached: list[str] = []
        invisible: list[str] = []
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            focus = page.evaluate(_FOCUS)
            if focus is None:
                break
            if focus["region"] is not None:
                reached.append(focus["region"])
            if not focus["visible"]:
                invisible.append(focus["describe"])
    finally:
        context.close()
    assert regions, f"{path} har inga tabellområden att nå"
    missing = [r for r in regions if r not in reached]
    assert not missing, f"Tab når inte tabellerna {missing} på {path}"
    assert not invisible, f"fokus syns inte på {path}: {invisible}"


def test_wide_matrix_scrolls_with_arrow_keys_on_a_phone(browser: Any, server: str) -> None:
    """On a 375 px wide screen the channel x type matrix is wider than its box, and once Tab has
    put the focus on it the arrow keys scroll it sideways: it can be read with the keyboard alone."""
    record = Record()
    context, page = guarded_page(browser, record, viewport={"width": 375, "height": 740})
    try:
        visit(page, record, server, "materialtyper/")
        matrix = page.locator('.tabell.matris[tabindex="0"]')
        assert matrix.count() == 1, "materialtyper/ ska ha en matris"
        assert matrix.evaluate("e => e.scrollWidth > e.clientWidth"), "matrisen är inte bredare än sin ruta"
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if matrix.evaluate("e => e === document.activeElement"):
                break
        else:
            pytest.fail("Tab når inte matrisen")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        # Chromium scrolls smoothly: wait (up to 5 s) for the box to move.
        try:
            scrolled = page.wait_for_function(
                "() => document.querySelector('.tabell.matris').scrollLeft", timeout=5000
            ).json_value()
        except PlaywrightTimeoutError:
            scrolled = 0
    finally:
        context.close()
    assert scrolled > 0, "piltangenterna flyttar inte matrisen i sidled"
