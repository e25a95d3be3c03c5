"""Published versions in a real browser: an older version says a newer one exists, with a link,
and the version selector marks a draft as a draft."""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser._site import serve
from tests.conftest import run_cli
from tests.test_versions import GIT, _second_version, make_repo

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("versions")]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """gh-pages with three versions (a draft, an adopted one, then a draft of the next), on 127.0.0.1."""
    repo = make_repo(tmp_path_factory.mktemp("banner") / "repo")
    assert run_cli("publicera", "--rot", str(repo)).returncode == 0
    _second_version(repo)
    assert run_cli("publicera", "--rot", str(repo)).returncode == 0
    strategi = repo / "data/strategy/strategi.yaml"
    text = strategi.read_text(encoding="utf-8").replace('  id: "2020-h2"', '  id: "2021-h1"')
    strategi.write_text(text.replace("status: antagen", "status: förslag"), encoding="utf-8")
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qam", "Våren 2021"], check=True)
    third = run_cli("publicera", "--rot", str(repo))
    assert third.returncode == 0, third.stderr
    archive = subprocess.run(
        [*GIT, "-C", str(repo), "archive", "--format=tar", "gh-pages"], capture_output=True, check=True
    )
    pages = repo.parent / "gh-pages"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(pages, filter="data")
    with serve(pages) as base:
        yield base


def _open(browser: Any, url: str) -> tuple[Any, Any]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page


def test_older_version_points_to_the_newer(browser: Any, published: str) -> None:
    """Every page of the older version shows that a newer version exists and links to it."""
    for path in ["2020-h1/", "2020-h1/kanaler/facebook/", "2020-h1/materialtyper/"]:
        context, page = _open(browser, published + path)
        try:
            banner = page.locator("[data-strategi-nyare]")
            banner.wait_for(state="visible", timeout=5000)
            assert "Det finns en nyare antagen version: Hösten 2020" in banner.inner_text()
            assert banner.locator("a").get_attribute("href").endswith("2020-h2/")
            assert page.locator("[data-strategi-forslag]").is_visible(), (
                "the old draft still says it is a draft"
            )
        finally:
            context.close()


def test_adopted_version_offers_the_draft_as_next(browser: Any, published: str) -> None:
    """The newest adopted version never calls a draft 'newer': it offers it as 'Förslag till nästa
    version', and shows no draft banner of its own."""
    context, page = _open(browser, published + "2020-h2/")
    try:
        banner = page.locator("[data-strategi-nyare]")
        banner.wait_for(state="visible", timeout=5000)
        assert banner.inner_text() == "Förslag till nästa version: Våren 2021 (inte antaget)."
        assert banner.locator("a").get_attribute("href").endswith("2021-h1/")
        assert "äldre version" not in banner.inner_text()
        assert page.locator("[data-strategi-forslag]").count() == 0
    finally:
        context.close()


def test_selector_marks_the_draft(browser: Any, published: str) -> None:
    """Material's version selector lists both versions, the draft with '(förslag)'."""
    context, page = _open(browser, published + "2020-h2/")
    try:
        selector = page.locator(".md-version")
        selector.wait_for(state="attached", timeout=5000)
        text = page.locator(".md-version__list").inner_text()
        assert "Våren 2020 (förslag)" in text
        assert "Hösten 2020" in text
    finally:
        context.close()


def test_root_opens_the_adopted_version(browser: Any, published: str) -> None:
    """The site's root leads to the adopted (default) version."""
    context, page = _open(browser, published)
    try:
        page.wait_for_url("**/senaste/**", timeout=5000)
        assert "Förslag – inte antaget" not in page.content()
    finally:
        context.close()
