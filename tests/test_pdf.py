"""`make pdf`: the strategy as a board-ready, accessible A4 PDF (WeasyPrint, tagged, Swedish)."""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from strategi.content import progress, questions
from strategi.data import model
from tests.conftest import TODAY, require, run_cli

pytestmark = pytest.mark.slow

# The board edition's chapters in order (the page titles of docs/ and the edition's own titles):
# the strategy itself, follow-up in brief, nothing of the review.
CHAPTERS = [
    "Innehåll",
    "Sammanfattning",
    "Vision och mål",
    "Kanaler",
    "Tonalitet och skrivregler",
    "Materialtyper",
    "Målgrupper och personas",
    "Budget",
    "Organisation",
    "Uppföljning",
]
# The review document's chapters: all the review material, and the pages the board edition leaves out.
REVIEW_CHAPTERS = [
    "Innehåll",
    "Öppna frågor",
    "Ändringar",
    "Indikatorerna en och en",
    "Digitalt nuläge",
    "Bakgrund",
    "Kanalanalys",
    "Årshjul",
    "Process och uppdrag",
]
MAX_BOARD_PAGES = 40
# Fewer words than this on a page is "a sentence or two" (the footer not counted).
MIN_WORDS = 40
# A4 portrait in points, and the 18 mm side margins of the print style sheet.
A4_WIDTH = 595.28
SIDE_MARGIN = 18 / 25.4 * 72
YAML_PLACE = re.compile(r"[\w./-]+\.yaml(?::\d+)?")


@dataclass
class Pdf:
    path: Path
    pages: list[str]  # pdftotext -layout, one string a page
    reader: pypdf.PdfReader
    html: str  # the print page it was made from


def _tools_or_fail() -> None:
    require(
        shutil.which("pdftotext") is not None,
        "pdftotext saknas: installera med 'apt-get install poppler-utils'",
    )


def _read(path: Path, html_path: Path) -> Pdf:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Pdf(path, text.split("\f")[:-1], pypdf.PdfReader(path), html_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def both(frozen_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Pdf, Pdf]:
    """The two PDFs one `python -m strategi pdf` makes from the site built from the frozen 2020 data:
    the board edition and, beside it, granskning.pdf."""
    _tools_or_fail()
    out = tmp_path_factory.mktemp("pdf") / "strategi.pdf"
    # WeasyPrint lays out some 100 pages: allow for a machine busy with other tests.
    result = run_cli("pdf", "--sajt", str(frozen_site), "--ut", str(out), timeout=900)
    assert result.returncode == 0, result.stderr
    review = out.with_name("granskning.pdf")
    assert review.exists(), "granskning.pdf is written beside the board edition"
    return (
        _read(out, frozen_site / "utskrift" / "index.html"),
        _read(review, frozen_site / "utskrift" / "granskning" / "index.html"),
    )


@pytest.fixture(scope="module")
def pdf(both: tuple[Pdf, Pdf]) -> Pdf:
    """The board edition (strategi.pdf)."""
    return both[0]


@pytest.fixture(scope="module")
def review(both: tuple[Pdf, Pdf]) -> Pdf:
    """The review document (granskning.pdf)."""
    return both[1]


@pytest.fixture(params=["styrelse", "granskning"], scope="module")
def document(request: pytest.FixtureRequest, both: tuple[Pdf, Pdf]) -> Pdf:
    """Each of the two PDFs in turn."""
    return both[0] if request.param == "styrelse" else both[1]


def _text_of(html_text: str) -> str:
    """The words of a print page as a reader sees them (tags dropped, entities read)."""
    main = html_text.partition("<main>")[2] or html_text
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def _outline(reader: pypdf.PdfReader) -> list[tuple[str, int, int]]:
    """Every bookmark as (title, depth, page index), in order."""
    found: list[tuple[str, int, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, pypdf.generic.Destination)
                found.append((str(item.title), depth, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def _flat(text: str) -> str:
    return " ".join(text.split())


def _content_lines(page: str) -> list[str]:
    """A page's non-empty lines without its footer."""
    return [line.strip() for line in page.splitlines() if line.strip() and "Sida " not in line]


@pytest.fixture(scope="module")
def live(frozen_root: Path) -> model.Strategy:
    """The strategy the site was built from (the expectations are worked out from it, so they hold
    for any valid strategy)."""
    return model.load(frozen_root, TODAY)


def _channel_names(s: model.Strategy) -> list[str]:
    return [" ".join(str(c.get("namn", c["id"])).split()) for c in s.channels]


def test_cover_names_the_document_and_its_status(both: tuple[Pdf, Pdf]) -> None:
    """Page 1 of each PDF is the cover: organisation, title and status line as the print page has
    them, and the review document says that it is the review material."""
    for document in both:
        cover = _flat(document.pages[0])
        for cls in ("omslag__org", "omslag__titel", "omslag__status"):
            found = re.search(rf'class="{cls}">(.*?)</', document.html, re.DOTALL)
            assert found, cls
            assert _flat(html.unescape(found.group(1))) in cover, (
                f"{cls} not on the cover of {document.path.name}"
            )
    assert "Granskningsunderlag" in _flat(both[1].pages[0])
    assert "Granskningsunderlag" not in _flat(both[0].pages[0])


def test_every_page_has_a_swedish_footer_with_version_and_status(document: Pdf) -> None:
    """Each page ends with the cover's status line and 'Sida N av M' (M the page count)."""
    status = re.search(r'class="omslag__status">(.*?)</', document.html, re.DOTALL)
    assert status
    total = len(document.pages)
    assert total == len(document.reader.pages)
    for number, page in enumerate(document.pages, start=1):
        footer = _flat(page.rstrip().splitlines()[-1])
        expected = f"{_flat(html.unescape(status.group(1)))} Sida {number} av {total}"
        assert footer == expected, f"page {number}: {footer!r}"


def test_board_edition_has_at_most_40_pages(pdf: Pdf, review: Pdf) -> None:
    """The board gets the strategy in at most 40 A4 pages; the review document is a separate file."""
    assert len(pdf.pages) <= MAX_BOARD_PAGES, f"{len(pdf.pages)} pages"
    assert len(review.pages) > 0


def test_text_is_at_least_10_pt(document: Pdf) -> None:
    """No word is smaller than 10 pt: DejaVu Sans's word box is 1.164 em tall, 11.64 pt at 10 pt."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(document.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights = [
        (float(m.group(2)) - float(m.group(1)), m.group(3))
        for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', boxes)
    ]
    assert len(heights) > 1000
    small = [word for height, word in heights if height < 11.6]
    assert not small, f"words smaller than 10 pt: {small[:20]}"


def test_tables_and_text_fit_the_page_width(document: Pdf) -> None:
    """No word reaches into the right margin of its page (tables wrap instead of overflowing)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(document.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for number, page in enumerate(re.findall(r"<page .*?</page>", boxes, re.DOTALL), start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        right = max([float(x) for x in re.findall(r'xMax="([\d.]+)"', page)] or [0.0])
        assert right <= width - SIDE_MARGIN + 1, f"page {number}: text reaches x={right:.0f} of {width:.0f}"


def test_bookmarks_name_every_chapter_in_order(pdf: Pdf, live: model.Strategy) -> None:
    """The board edition's bookmarks: the title, then the chapters in the edition's order, with
    every channel of data/channels/ under Kanaler in the navigation's order."""
    outline = _outline(pdf.reader)
    top = [title for title, depth, _ in outline if depth == 0]
    assert top[1:] == CHAPTERS
    kanaler = next(i for i, (title, depth, _) in enumerate(outline) if depth == 0 and title == "Kanaler")
    following = next(i for i in range(kanaler + 1, len(outline)) if outline[i][1] == 0)
    channels = [title for title, depth, _ in outline[kanaler + 1 : following] if depth == 1]
    names = _channel_names(live)
    assert [t for t in channels if t in names] == names


def test_review_bookmarks_name_its_chapters_in_order(review: Pdf) -> None:
    """granskning.pdf opens on its contents and holds the review material, chapter by chapter."""
    top = [title for title, depth, _ in _outline(review.reader) if depth == 0]
    assert top[1:] == REVIEW_CHAPTERS


def _contents_entries(document: Pdf, chapters: list[str]) -> None:
    contents = "\n".join(document.pages[1:3])
    assert document.pages[1].lstrip().startswith("Innehåll")
    for chapter in chapters:
        entries = re.findall(rf"^\s*{re.escape(chapter)} ?\.{{3,}} ?(\d+)\s*$", contents, re.MULTILINE)
        assert entries, f"{chapter!r} has no page number in the contents"
        # A section of the same name may come earlier: one of the pages named must start with it.
        starts = [n for n in entries if chapter in _content_lines(document.pages[int(n) - 1])]
        assert starts, f"{chapter!r}: none of pages {entries} holds it"
        first = _content_lines(document.pages[int(entries[0]) - 1])
        assert chapter in first, f"{chapter!r} is not on page {entries[0]}"


def test_contents_give_the_page_each_chapter_starts_on(pdf: Pdf, review: Pdf, live: model.Strategy) -> None:
    """Each contents lists its chapters (and the board edition every channel) with the page it is on;
    a top-level chapter begins its page."""
    _contents_entries(pdf, [*CHAPTERS[1:], *_channel_names(live)])
    _contents_entries(review, REVIEW_CHAPTERS[1:])
    for document, chapters in ((pdf, CHAPTERS[1:]), (review, REVIEW_CHAPTERS[1:])):
        for title, depth, index in _outline(document.reader):
            if depth == 0 and title in chapters:
                assert _content_lines(document.pages[index])[0] == title, f"{title!r} does not open its page"


def test_summary_gives_vision_goals_changes_and_open_questions(pdf: Pdf, live: model.Strategy) -> None:
    """Right after the contents a summary gives the vision, every goal, the changes and the number
    of open questions, and says where the full lists are: in the review document."""
    summary_at = next(n for n, p in enumerate(pdf.pages) if _content_lines(p)[0] == "Sammanfattning")
    assert summary_at == 2
    starts = sorted({index for _, depth, index in _outline(pdf.reader) if depth == 0})
    following = next(index for index in starts if index > summary_at)
    assert following - summary_at in (1, 2), "the summary is one or two pages"
    summary = _flat(" ".join(pdf.pages[summary_at:following]))
    vision = (live["strategi"].get("vision") or {}).get("text")
    if vision:
        assert _flat(vision) in summary
        # The words of the vision are explained once, in the chapter Vision och mål.
        chapter_at = next(i for t, d, i in _outline(pdf.reader) if d == 0 and t == "Vision och mål")
        chapter = _flat(" ".join(pdf.pages[chapter_at : chapter_at + 2]))
        for word in (live["strategi"].get("vision") or {}).get("ord") or []:
            assert _flat(word["betydelse"])[:40] in chapter
            assert _flat(word["betydelse"])[:40] not in summary
    for goal in live["mal"].get("mål") or []:
        assert _flat(f"{goal['id']}. {goal['namn']}") in summary
    assert "Ändringar sedan förra versionen" in summary
    assert re.search(r"\d+ öppna frågor", summary)
    assert "granskningsunderlaget (granskning.pdf)" in summary


def test_board_edition_holds_no_review_material(pdf: Pdf, review: Pdf, live: model.Strategy) -> None:
    """No file names or line numbers, no 'Att bekräfta' question, no indicator in detail, no full
    change list in the board edition; granskning.pdf has each of them."""
    board, full = _flat(" ".join(pdf.pages)), _flat(" ".join(review.pages))
    assert not YAML_PLACE.findall(board), YAML_PLACE.findall(board)[:5]
    assert YAML_PLACE.search(full), "the review document names the source files"
    board_html, review_html = _text_of(pdf.html), _text_of(review.html)
    asked = [_flat(html.unescape(q.text)) for q in questions.flags(live) if q.text.strip()]
    in_board = [q for q in asked if q in board_html or q in board]
    assert not in_board, f"open questions in the board edition: {in_board[:3]}"
    missing = [q for q in asked if q not in review_html]
    assert not missing, f"open questions not in granskning.pdf: {missing[:3]}"
    # An indicator in detail states its measure ("Mätetal"); the board edition lists indicators by goal.
    assert "<dt>Mätetal</dt>" not in pdf.html
    assert review.html.count("<dt>Mätetal</dt>") >= len(progress.all_progress(live))
    for chapter in ("Öppna frågor", "Ändringar", "Indikatorerna en och en"):
        assert chapter not in [t for t, depth, _ in _outline(pdf.reader) if depth == 0]


def test_no_screen_chrome_guide_or_accessibility_statement(document: Pdf) -> None:
    """Edit pencils, permalinks and site navigation stay off paper, as do the guide and the
    accessibility statement (its text; an open question about it may stay in the review). The review
    document names each section's source file (a line that may say which files to change); the
    board edition names none."""
    text = _flat(" ".join(document.pages))
    board_only = ("Föreslå ändring", "Källa: data/") if document.path.name != "granskning.pdf" else ()
    for chrome in (
        *board_only,
        "föreslå ändring",
        "adressen saknas i strategin",
        "Länk till det här avsnittet",
        "Tillbaka till webbplatsen",
        "Så föreslår du en ändring",
        "Myndigheten för digital förvaltning",
        "Page ",
        "Skriv ut / PDF",
    ):
        assert chrome not in text, f"{chrome!r} is in {document.path.name}"


def test_headings_are_never_last_on_a_page(document: Pdf) -> None:
    """No bookmarked heading is the last line of its page: text always follows on the same page."""
    for title, _, index in _outline(document.reader):
        last = _content_lines(document.pages[index])[-1]
        assert last != _flat(title), f"{title!r} is alone at the bottom of page {index + 1}"


def test_no_page_holds_only_a_sentence_or_two(document: Pdf) -> None:
    """Every page but the cover and a chapter's first page carries at least 40 words: no page is
    left over for the last lines of a chapter."""
    openers = {0} | {index for _, depth, index in _outline(document.reader) if depth == 0}
    short = {
        n + 1: len(" ".join(_content_lines(page)).split())
        for n, page in enumerate(document.pages)
        if n not in openers and len(" ".join(_content_lines(page)).split()) < MIN_WORDS
    }
    assert not short, f"pages with fewer than {MIN_WORDS} words: {short}"


def test_no_word_is_hyphenated_at_a_line_end(document: Pdf) -> None:
    """No word in a table cell, heading or paragraph is split with a hyphen at the end of a line:
    where a line ends in 'x-' and the next begins 'y', 'xy' is not a word of the document."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", _text_of(document.html))}
    boxes = subprocess.run(
        ["pdftotext", "-bbox-layout", str(document.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    split = []
    for block in re.findall(r"<block.*?</block>", boxes, re.DOTALL):
        lines = [
            re.findall(r">([^<]*)</word>", line) for line in re.findall(r"<line.*?</line>", block, re.DOTALL)
        ]
        for above, below in itertools.pairwise(lines):
            if not above or not below:
                continue
            end, start = html.unescape(above[-1]), html.unescape(below[0])
            hyphen = end.endswith(("-", "\u00ad")) and end[:-1].isalpha() and start.isalpha()
            if hyphen and (end[:-1] + start).lower() in words:
                split.append(f"{end}{start}")
    assert not split, f"words hyphenated at a line end: {split[:10]}"


def test_pdf_is_tagged_swedish_and_titled(both: tuple[Pdf, Pdf]) -> None:
    """PDF/UA basics: tagged structure, language sv, a title shown instead of the file name (the
    print page's title; the review document's says so)."""
    for document in both:
        root = document.reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "sv"
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True)
        title = re.search(r"<title>(.*?)</title>", document.html)
        assert title
        assert document.reader.metadata is not None
        assert document.reader.metadata.title == html.unescape(title.group(1))
        info = subprocess.run(
            ["pdfinfo", str(document.path)], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
        assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$", info, re.MULTILINE)
    assert both[1].reader.metadata.title.startswith("Granskningsunderlag: ")  # type: ignore[union-attr]


def test_contents_links_lead_into_the_document(document: Pdf) -> None:
    """Every entry of the contents is a working link to a page of the PDF."""
    annotations = document.reader.pages[1].get("/Annots") or []
    links = [a.get_object() for a in annotations if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 5
    named = document.reader.named_destinations
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
