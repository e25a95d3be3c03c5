"""The site works on a closed intranet: no page fetches anything from another host, and no page
logs an error in the browser's console."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser._site import Record, guarded_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_pages_load_nothing_from_outside_and_log_no_errors(
    browser: Any, server: str, pages: list[str]
) -> None:
    """Loading every page until the network is idle makes no request to a host other than 127.0.0.1
    (each is aborted and counted), and gives no console error and no uncaught script error."""
    record = Record()
    context, page = guarded_page(browser, record)
    local: list[str] = []
    page.on("request", lambda request: local.append(request.url))
    try:
        for path in pages:
            visit(page, record, server, path)
    finally:
        context.close()
    assert not record.outside, f"{len(record.outside)} förfrågningar till andra värdar:\n" + "\n".join(
        record.outside
    )
    assert not record.errors, f"{len(record.errors)} fel i konsolen:\n" + "\n".join(record.errors)
    assert any(url.endswith("/search/search_index.json") for url in local), (
        "sökindexet hämtades aldrig lokalt"
    )
