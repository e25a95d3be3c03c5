"""The publishing-plan and annual-cycle pages in Chromium: axe, a phone's width, nothing from outside.

The repository has no plan yet, so these pages are built from a copy of the project with the test
month tests/fixtures/plan/2026-06.yaml added (one lane per channel, warnings, traffic lights).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser._site import WCAG_TAGS, Record, guarded_page, serve, visit
from tests.browser.test_accessibility import _violations
from tests.conftest import ROOT, build_site, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

PAGES = ["plan/2026-06/", "plan/", "arshjul/"]
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def plan_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site built with the June 2026 test plan, served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("planprojekt") / "projekt")
    (project / "data/plan").mkdir()
    shutil.copy2(ROOT / "tests/fixtures/plan/2026-06.yaml", project / "data/plan/2026-06.yaml")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as base:
        yield base


def test_plan_pages_pass_axe(browser: Any, plan_server: str) -> None:
    """axe-core (WCAG 2.0/2.1/2.2 A and AA) finds nothing on the plan month, the plan overview and
    the annual cycle, and no page asks a host other than 127.0.0.1 for anything."""
    axe = Axe()
    record = Record()
    context, page = guarded_page(browser, record)
    found: list[str] = []
    try:
        for path in PAGES:
            visit(page, record, plan_server, path)
            found += _violations(axe, page, path, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    finally:
        context.close()
    assert not found, "\n".join(found)
    assert record.outside == []
    assert record.errors == []


def test_plan_month_fits_a_phone_with_one_lane_per_channel(browser: Any, plan_server: str) -> None:
    """At 375 x 740 no page is wider than the screen; the month page shows six lanes (one per
    channel file), stacked one under the other, the first holding Facebook's six June items."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        widths = {}
        for path in PAGES:
            visit(page, record, plan_server, path)
            widths[path] = page.evaluate("document.documentElement.scrollWidth")
        visit(page, record, plan_server, "plan/2026-06/")
        lanes = page.eval_on_selector_all(
            ".plan-bana",
            "els => els.map(e => [e.querySelector('h2').textContent, e.querySelectorAll('li.plan-post').length,"
            " Math.round(e.getBoundingClientRect().left)])",
        )
    finally:
        context.close()
    assert widths == dict.fromkeys(PAGES, 375)
    assert [lane[0] for lane in lanes] == [
        "Facebook",
        "Instagram",
        "Linkedin",
        "Twitter",
        "Webbplats",
        "Mejlutskick",
    ]
    assert lanes[0][1] == 6
    assert len({lane[2] for lane in lanes}) == 1, f"banorna står inte under varandra: {lanes}"
    assert record.outside == []


def test_feeds_are_served_as_files(plan_server: str) -> None:
    """arshjul/arshjul.ics and plan/alla.ics are in the built site and start as iCalendar files."""
    from urllib.request import urlopen

    for path in ("arshjul/arshjul.ics", "plan/alla.ics", "plan/facebook.ics"):
        with urlopen(plan_server + path) as response:  # noqa: S310 - the local test server
            body = response.read()
        assert body.startswith(b"BEGIN:VCALENDAR\r\n"), path
        assert b"plan-2026-06-fb-1@" in body or path == "arshjul/arshjul.ics"
