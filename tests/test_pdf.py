"""`python -m strategi pdf`: the whole strategy on paper, version, status and date first."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from strategi import pdf
from tests.conftest import IN_CI, run_cli

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def pdf_text(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The PDF's text, page by page (pdftotext)."""
    missing = [
        tool
        for tool, found in (("Chromium", pdf.chromium()), ("pdftotext", shutil.which("pdftotext")))
        if not found
    ]
    if missing:
        message = f"{' och '.join(missing)} saknas: installera med 'apt-get install chromium poppler-utils'"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path_factory.mktemp("pdf") / "strategi.pdf"
    result = run_cli("pdf", "--sajt", str(built_site), "--ut", str(out))
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def test_first_page_states_version_status_and_date(pdf_text: list[str]) -> None:
    """The first page names the strategy, its version, that it is a proposal, and when it was updated."""
    first = " ".join(pdf_text[0].split())
    for needle in (
        "Digital strategi",
        "Region Örebro län",
        "Våren 2020",
        "Förslag – inte antaget",
        "19 januari 2021",
    ):
        assert needle in first, f"{needle!r} not on the first page"


def test_pdf_holds_the_whole_strategy(pdf_text: list[str]) -> None:
    """The PDF holds every main section, every channel and the change list."""
    text = " ".join(" ".join(pdf_text).split())
    headings = [
        "Bakgrund",
        "Digitalt nuläge",
        "Kanalanalys",
        "Mål",
        "Målgrupper och personas",
        "Tonalitet och skrivregler",
        "Materialtyper",
        "Uppföljning",
        "Organisation och budget",
        "Process och uppdrag",
        "Ändringar",
        "Öppna frågor",
        "Facebook",
        "Instagram",
        "Linkedin",
        "Twitter",
        "Webbplats",
        "Mejlutskick",
    ]
    missing = [h for h in headings if h not in text]
    assert not missing, f"missing from the PDF: {missing}"
    assert "Tillsammans skapar vi ett bättre liv" in text
    assert len(pdf_text) > 10, "the whole strategy spans many pages"


def test_pdf_without_site_is_a_swedish_error(tmp_path: Path) -> None:
    """Asking for a PDF before the site is built gives a Swedish error and exit 1."""
    result = run_cli("pdf", "--sajt", str(tmp_path / "saknas"), "--ut", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "bygg sajten först" in result.stderr
