"""Phones: at 375 x 740 nothing makes a page wider than the screen; wide tables scroll inside their box."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser._site import Record, guarded_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 375, "height": 740}


def test_no_page_is_wider_than_a_phone(browser: Any, server: str, pages: list[str], every_page: bool) -> None:
    """On every page document.documentElement.scrollWidth <= 375 at a 375 x 740 viewport, and (over
    the whole 2020 site) at least one table is wider than its box, so the tables really do scroll
    inside it; a data change's few pages need hold no such table."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    too_wide: list[str] = []
    scrolling_tables = 0
    try:
        for path in pages:
            visit(page, record, server, path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append(f"{path or '/'}: {width} px")
            scrolling_tables += page.eval_on_selector_all(
                ".tabell", "els => els.filter(e => e.scrollWidth > e.clientWidth).length"
            )
    finally:
        context.close()
    assert not too_wide, "sidor bredare än 375 px: " + ", ".join(too_wide)
    assert scrolling_tables > 0 or not every_page, (
        "ingen tabell är bredare än sin ruta på 375 px: testet prövar inget"
    )
