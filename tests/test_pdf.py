"""`make pdf`: the strategy as a board-ready, accessible A4 PDF (WeasyPrint, tagged, Swedish)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from tests.conftest import require, run_cli

pytestmark = pytest.mark.slow

FOOTER_STATUS = "Förslag – inte antaget · Våren 2020"
# The chapters in the order the PDF has them: summary first, change list and open questions last.
CHAPTERS = [
    "Digital strategi",
    "Innehåll",
    "Sammanfattning",
    "Bakgrund",
    "Digitalt nuläge",
    "Kanalanalys",
    "Mål",
    "Målgrupper och personas",
    "Tonalitet och skrivregler",
    "Materialtyper",
    "Kanaler",
    "Uppföljning",
    "Årshjul",
    "Organisation och budget",
    "Process och uppdrag",
    "Bilaga A: Ändringar",
    "Bilaga B: Öppna frågor",
]
CHANNELS = ["Facebook", "Instagram", "Linkedin", "Twitter", "Webbplats", "Mejlutskick"]
# A4 portrait in points, and the 18 mm side margins of the print style sheet.
A4_WIDTH = 595.28
SIDE_MARGIN = 18 / 25.4 * 72


@dataclass
class Pdf:
    path: Path
    pages: list[str]  # pdftotext -layout, one string a page
    reader: pypdf.PdfReader


def _tools_or_fail() -> None:
    require(
        shutil.which("pdftotext") is not None,
        "pdftotext saknas: installera med 'apt-get install poppler-utils'",
    )


@pytest.fixture(scope="module")
def pdf(frozen_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    """The PDF `python -m strategi pdf` makes from the built site."""
    _tools_or_fail()
    out = tmp_path_factory.mktemp("pdf") / "strategi.pdf"
    # WeasyPrint lays out some 80 pages: allow for a machine busy with other tests.
    result = run_cli("pdf", "--sajt", str(frozen_site), "--ut", str(out), timeout=900)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Pdf(out, text.split("\f")[:-1], pypdf.PdfReader(out))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _content_lines(page: str) -> list[str]:
    """A page's non-empty lines without its footer."""
    return [line.strip() for line in page.splitlines() if line.strip() and "Sida " not in line]


def test_cover_names_the_document_its_status_and_presentation(pdf: Pdf) -> None:
    """Page 1 names title, organisation, version, status, date, and to whom and when it is presented."""
    first = _flat(pdf.pages[0])
    for needle in (
        "Digital strategi",
        "Region Örebro län",
        "Våren 2020",
        "Förslag – inte antaget",
        "19 januari 2021",
        "presenteras för strategigruppen för kommunikation i november 2020",
    ):
        assert needle in first, f"{needle!r} not on the cover"


def test_every_page_has_a_swedish_footer_with_version_and_status(pdf: Pdf) -> None:
    """Each page ends with 'Sida N av M' (M the page count) next to the status and version."""
    total = len(pdf.pages)
    assert total == len(pdf.reader.pages)
    for number, page in enumerate(pdf.pages, start=1):
        footer = _flat(page.rstrip().splitlines()[-1])
        assert footer == f"{FOOTER_STATUS} Sida {number} av {total}", f"page {number}: {footer!r}"


def test_text_is_at_least_10_pt(pdf: Pdf) -> None:
    """No word is smaller than 10 pt: DejaVu Sans's word box is 1.164 em tall, 11.64 pt at 10 pt."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights = [
        (float(m.group(2)) - float(m.group(1)), m.group(3))
        for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', boxes)
    ]
    assert len(heights) > 5000
    small = [word for height, word in heights if height < 11.6]
    assert not small, f"words smaller than 10 pt: {small[:20]}"


def test_tables_and_text_fit_the_page_width(pdf: Pdf) -> None:
    """No word reaches into the right margin of its page (tables wrap instead of overflowing)."""
    for number, page in enumerate(pdf.reader.pages, start=1):
        width = float(page.mediabox.width)
        boxes = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf.path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
        assert right <= width - SIDE_MARGIN + 1, f"page {number}: text reaches x={right:.0f} of {width:.0f}"


def test_no_page_is_empty(pdf: Pdf) -> None:
    """Every page carries content besides its footer (no blank page before a chapter)."""
    empty = [n for n, page in enumerate(pdf.pages, start=1) if not _content_lines(page)]
    assert not empty, f"pages with nothing but the footer: {empty}"


def test_bookmarks_name_every_chapter_in_order(pdf: Pdf) -> None:
    """The PDF's bookmarks list the chapters in order, each channel under Kanaler."""
    outline = pdf.reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == CHAPTERS
    kanaler = outline[[i for i, item in enumerate(outline) if not isinstance(item, list)][10] + 1]
    assert isinstance(kanaler, list)
    titles = [item.title for item in kanaler if not isinstance(item, list)]
    assert [t for t in titles if t in CHANNELS] == CHANNELS


def test_contents_give_the_page_each_chapter_starts_on(pdf: Pdf) -> None:
    """The contents list each chapter with a page number, and that page begins with the chapter."""
    contents = "\n".join(pdf.pages[1:4])
    assert pdf.pages[1].lstrip().startswith("Innehåll")
    for chapter in [*CHAPTERS[2:], *CHANNELS]:
        entries = re.findall(rf"^\s*{re.escape(chapter)} ?\.{{3,}} ?(\d+)\s*$", contents, re.MULTILINE)
        assert entries, f"{chapter!r} has no page number in the contents"
        # A section of the same name may come earlier (Bakgrund has one called Digitalt nuläge).
        starts = [n for n in entries if _content_lines(pdf.pages[int(n) - 1])[0] == chapter]
        assert starts, f"{chapter!r}: none of pages {entries} starts with it"


def test_summary_comes_first_and_appendices_last(pdf: Pdf) -> None:
    """Right after the contents a summary gives vision, goals, changes and the count of open
    questions; the change list and the open questions close the document."""
    summary_at = next(n for n, p in enumerate(pdf.pages) if _content_lines(p)[0] == "Sammanfattning")
    summary = _flat(" ".join(pdf.pages[summary_at : summary_at + 2]))
    for needle in (
        "Vision",
        "Tillsammans skapar vi ett bättre liv",
        "A. Stärka varumärket",
        "Ändringar sedan förra versionen",
    ):
        assert needle in summary
    assert re.search(r"\d+ öppna frågor", summary)
    starts = [_content_lines(p)[0] for p in pdf.pages]
    assert starts.index("Bakgrund") - summary_at in (1, 2), "the summary is one or two pages"
    appendix_a, appendix_b = starts.index("Bilaga A: Ändringar"), starts.index("Bilaga B: Öppna frågor")
    assert appendix_a < appendix_b
    assert starts.index("Process och uppdrag") < appendix_a
    assert "Oklarheter i källtexten" in _flat(" ".join(pdf.pages[appendix_b:]))


def test_no_screen_chrome_guide_or_accessibility_statement(pdf: Pdf) -> None:
    """Edit links, source lines, permalinks and site navigation stay off paper, as do the guide
    and the accessibility statement (its text; an open question about it may stay in Bilaga B)."""
    text = _flat(" ".join(pdf.pages))
    for chrome in (
        "Föreslå ändring",
        "Källa: data/",
        "adressen saknas i strategin",
        "Länk till det här avsnittet",
        "Tillbaka till webbplatsen",
        "Så föreslår du en ändring",
        "Myndigheten för digital förvaltning",
        "Page ",
        "Skriv ut / PDF",
    ):
        assert chrome not in text, f"{chrome!r} is in the PDF"


def test_headings_are_never_last_on_a_page(pdf: Pdf) -> None:
    """No bookmarked heading is the last line of its page: text always follows on the same page."""

    def walk(items: list[object]) -> list[object]:
        flat: list[object] = []
        for item in items:
            flat.extend(walk(item) if isinstance(item, list) else [item])
        return flat

    for item in walk(pdf.reader.outline):
        assert isinstance(item, pypdf.generic.Destination)
        page = pdf.pages[pdf.reader.get_destination_page_number(item)]
        assert _content_lines(page)[-1] != item.title, f"{item.title!r} is alone at the bottom of a page"


def test_pdf_is_tagged_swedish_and_titled(pdf: Pdf) -> None:
    """PDF/UA basics: tagged structure, language sv, a title shown instead of the file name."""
    root = pdf.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "sv"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True)
    assert pdf.reader.metadata is not None
    assert pdf.reader.metadata.title == "Digital strategi – Region Örebro län, Våren 2020"
    info = subprocess.run(["pdfinfo", str(pdf.path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$", info, re.MULTILINE)


def test_contents_links_lead_into_the_document(pdf: Pdf) -> None:
    """Every entry of the contents is a working link to a page of the PDF."""
    annotations = pdf.reader.pages[1].get("/Annots") or []
    links = [a.get_object() for a in annotations if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 20
    named = pdf.reader.named_destinations
    for link in links:
        action = link.get("/A") or {}
        dest = link.get("/Dest") or action.get("/D")
        assert dest is not None, f"contents link without a target: {link}"
        if isinstance(dest, str | pypdf.generic.TextStringObject):
            assert str(dest) in named, f"contents link to an unknown place {dest!r}"


def test_pdf_without_site_is_a_swedish_error(tmp_path: Path) -> None:
    """Asking for a PDF before the site is built gives a Swedish error and exit 1."""
    result = run_cli("pdf", "--sajt", str(tmp_path / "saknas"), "--ut", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "bygg sajten först" in result.stderr
    assert "Traceback" not in result.stderr


def test_pdf_fetches_nothing_from_another_server(tmp_path: Path) -> None:
    """A print page that points at a style sheet on another server gives a Swedish error, no PDF."""
    page = tmp_path / "sajt" / "utskrift" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="sv"><head><title>T</title>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><p>Text</p></body></html>',
        encoding="utf-8",
    )
    result = run_cli("pdf", "--sajt", str(page.parent.parent), "--ut", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "WeasyPrint kunde inte göra PDF:en" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
