"""Fixtures for the tests of the built site: the site built once per worker, served on 127.0.0.1,
and Debian's Chromium driven by Playwright (one browser per worker).

Under CI=true a missing Chromium fails the tests; on a developer's machine they are skipped with a
Swedish line saying how to install it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser._site import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MISSING_CHROMIUM,
    chromium_available,
    page_paths,
    serve,
)
from tests.conftest import IN_CI


@pytest.fixture(scope="session")
def every_page(request: pytest.FixtureRequest) -> bool:
    """True unless --andrade-sidor-mot narrows the checks to the pages a data change alters."""
    return request.config.getoption("andrade_sidor_mot") is None


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest, every_page: bool) -> Path:
    """The site the browser checks look at, built once per worker with `mkdocs build --strict`
    (STRATEGI_IDAG fixed, see tests/conftest.py). By default the site of the frozen 2020 data,
    where what each check must find is known (wide tables, flags, the draft banner); with
    --andrade-sidor-mot the site of the live data/, whose changed pages a data-only pull request
    checks."""
    return request.getfixturevalue("frozen_site" if every_page else "built_site")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test here that takes ``pages`` is a per-page check: marked ``per_page``, so a data-only pull
    request can run just these (``-m per_page --andrade-sidor-mot REF``)."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here) and "pages" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.per_page)


@pytest.fixture(scope="session")
def pages(
    site_dir: Path, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> list[str]:
    """Every page of the built site as a path relative to the server's root; with
    ``--andrade-sidor-mot REF`` only the pages the data's changes since REF alter."""
    found = page_paths(site_dir)
    assert len(found) >= 20, f"för få sidor i den byggda sajten: {found}"
    ref = request.config.getoption("andrade_sidor_mot")
    if ref is None:
        return found
    from tests.browser.changed_pages import changed_since

    return changed_since(ref, site_dir, tmp_path_factory.mktemp("andrade-sidor"))


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """The built site served by a threaded http.server on 127.0.0.1; the base URL ends in '/'."""
    with serve(site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, started once per worker."""
    if not chromium_available():
        if IN_CI:
            pytest.fail(MISSING_CHROMIUM)
        pytest.skip(MISSING_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()
