"""The reading view in Chromium (issue 11): phones first, compact questions, a start page that shows
the strategy, the accessibility statement, and search that forgives missing å, ä, ö (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from strategi.data import parts
from tests.browser._site import Record, guarded_page, visit
from tests.conftest import FROZEN

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}

# The work lists keep every question in full; every other page is a reading page.
WORK_LISTS = {"oppna-fragor/", "andringar/"}
# mkdocs-print-site-plugin's page, and the print documents (the board edition and the review
# document, strategi.site.print_document): made for paper, not read on a phone.
PRINT_PAGES = {"print_page/", "utskrift/", "utskrift/granskning/"}

# The page's first content heading: the first h2 of the article (the page title if it has none),
# its top edge measured from the top of the document.
_FIRST_HEADING = """() => {
  const article = document.querySelector("article.md-content__inner") || document.body;
  const heading = article.querySelector("h2") || article.querySelector("h1");
  return heading ? heading.getBoundingClientRect().top + window.scrollY : null;
}"""

# Table cells whose content is wider or taller than the cell shows (text cut off), and captions that
# reach past the right edge of their scrolling box (a caption is as wide as its table). Cells that
# are there for screen readers only (a card's column headers, a caption that repeats the heading
# above, both one pixel wide) are not shown and so not cut.
_CLIPPED_CELLS = """() => [
  ...[...document.querySelectorAll(".tabell th, .tabell td, .tabell caption")]
    .filter(cell => cell.getBoundingClientRect().width > 1 && cell.closest("thead, caption, .tabell")
      .getBoundingClientRect().width > 1)
    .filter(cell => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1),
  ...[...document.querySelectorAll(".tabell caption")]
    .filter(c => c.getBoundingClientRect().right > c.closest(".tabell").getBoundingClientRect().right + 1),
].map(cell => cell.textContent.trim().slice(0, 40))"""

# Per section, a section ending at the next heading of any level (an indicator, an activity, a
# snapshot; the part before the first heading counts as one): how many question markers.
_MARKERS_PER_SECTION = """() => {
  const article = document.querySelector("article.md-content__inner") || document.body;
  const counts = {};
  let section = "(före första rubriken)";
  for (const el of article.querySelectorAll("h2, h3, h4, h5, h6, details.fragor, .admonition")) {
    if (/^H[2-6]$/.test(el.tagName)) { section = el.textContent.replace("¶", "").trim(); continue; }
    const title = el.querySelector(".admonition-title");
    const unfolded = title && title.textContent.trim() === "Att bekräfta";
    if (el.matches("details.fragor") || unfolded) counts[section] = (counts[section] || 0) + 1 + (unfolded ? 100 : 0);
  }
  return counts;
}"""


def _open(page: Any, record: Record, base: str, path: str) -> None:
    """Load one page up to its load event (quicker than visit(), which waits for the search index)."""
    record.current = path or "/"
    response = page.goto(base + path, wait_until="load")
    assert response is not None, f"{path or '/'} gav inget svar"
    assert response.ok, f"{path or '/'} gav HTTP {response.status}"


_BANNER_HEIGHT = """() => { const b = document.querySelector('.strategi-banner--forslag');
  return b ? b.getBoundingClientRect().height : 0 }"""


@pytest.fixture(scope="module")
def phone_survey(browser: Any, server: str, pages: list[str]) -> dict[str, dict[str, Any]]:
    """Every page (but the print page) loaded once at 375 x 800: where its first content heading
    starts, which table cells cut their text, how high the draft banner is, and how many question
    markers each section holds."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    survey: dict[str, dict[str, Any]] = {}
    try:
        for path in pages:
            if path in PRINT_PAGES:
                continue
            record.current = path or "/"
            _open(page, record, server, path)
            survey[path] = {
                "heading": page.evaluate(_FIRST_HEADING),
                "clipped": page.evaluate(_CLIPPED_CELLS),
                "banner": page.evaluate(_BANNER_HEIGHT),
                "markers": page.evaluate(_MARKERS_PER_SECTION),
            }
    finally:
        context.close()
    assert not record.outside, record.outside
    return survey


def test_first_content_heading_on_the_first_phone_screen(phone_survey: dict[str, dict[str, Any]]) -> None:
    """At 375 x 800 every page's first content heading starts within 800 px of the top."""
    low = [
        f"{path or '/'}: {found['heading']}"
        for path, found in phone_survey.items()
        if found["heading"] is None or found["heading"] > PHONE["height"]
    ]
    assert not low, "första rubriken under första skärmen: " + ", ".join(low)


def test_no_text_clipped_in_any_table(phone_survey: dict[str, dict[str, Any]]) -> None:
    """At 375 px no table cell or caption on any page is narrower or lower than its text."""
    clipped = [
        f"{path or '/'}: {text!r}" for path, found in phone_survey.items() for text in found["clipped"]
    ]
    assert not clipped, "avklippt text i tabeller: " + "; ".join(clipped[:20])


def test_draft_banner_is_one_short_line_on_phones(
    phone_survey: dict[str, dict[str, Any]], every_page: bool
) -> None:
    """At 375 px the draft banner is one line (at most 40 px high) on every page that has one (the
    2020 site, a draft, has one; an adopted strategy's changed pages need not)."""
    heights = [found["banner"] for found in phone_survey.values()]
    assert any(h > 0 for h in heights) or not every_page, "ingen förslagsbanderoll: testet prövar inget"
    tall = [
        f"{path or '/'}: {found['banner']:.0f} px"
        for path, found in phone_survey.items()
        if found["banner"] > 40
    ]
    assert not tall, "förslagsbanderollen är mer än en rad: " + ", ".join(tall)


@pytest.mark.parametrize("path", ["materialtyper/", "nulage/", "kanaler/"])
def test_matrix_row_labels_stay_visible_when_scrolled_sideways(browser: Any, server: str, path: str) -> None:
    """On a phone, a matrix wider than its box keeps every row label (th scope=row) fully inside the
    box when the box is scrolled all the way to the right."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        _open(page, record, server, path)
        result = page.evaluate(
            """() => {
              const boxes = [...document.querySelectorAll(".tabell:not(.kort)")]
                .filter(box => box.scrollWidth > box.clientWidth + 1);
              const hidden = [];
              for (const box of boxes) {
                box.scrollLeft = box.scrollWidth;
                const edge = box.getBoundingClientRect();
                for (const label of box.querySelectorAll('th[scope="row"]')) {
                  const r = label.getBoundingClientRect();
                  if (r.left < edge.left - 1 || r.right > edge.right + 1) hidden.push(label.textContent.trim());
                }
              }
              return {scrolled: boxes.length, hidden};
            }"""
        )
    finally:
        context.close()
    assert result["scrolled"] > 0, f"{path}: ingen tabell rullar i sidled på 375 px, testet prövar inget"
    assert not result["hidden"], f"{path}: radrubriker utanför rutan: {result['hidden']}"


def test_one_collapsed_question_marker_per_section(
    phone_survey: dict[str, dict[str, Any]], every_page: bool
) -> None:
    """On reading pages every section (down to the nearest heading, so a marker stands beside the
    item it questions) holds at most one collapsed 'N frågor att bekräfta' marker and no unfolded
    'Att bekräfta' box (the 2020 site has more than five markers; a data change's
    pages need have none). The work lists (Öppna frågor, Ändringar) are not folded."""
    too_many: list[str] = []
    markers = 0
    for path, found in phone_survey.items():
        if path in WORK_LISTS or path == "404.html":
            continue
        for section, count in found["markers"].items():
            markers += 1
            if count > 1:
                too_many.append(f"{path or '/'} › {section}: {count}")
    assert markers > 5 or not every_page, f"bara {markers} frågemarkörer på läsesidorna: testet prövar inget"
    assert not too_many, "mer än en frågemarkör (eller en utfälld ruta) i ett avsnitt: " + ", ".join(too_many)


def test_a_question_marker_opens_to_its_questions(browser: Any, server: str) -> None:
    """On Facebook's page (2020 site) the first marker is folded, says '… att bekräfta', and opens
    to a link to Öppna frågor."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    try:
        _open(page, record, server, "kanaler/facebook/")
        marker = page.locator("details.fragor").first
        summary = marker.locator("summary")
        assert summary.inner_text().strip().endswith("att bekräfta")
        assert not marker.locator(".fragor__lank").is_visible(), "markören är inte hopfälld"
        summary.click()
        link = marker.locator(".fragor__lank a")
        assert link.is_visible()
        assert link.get_attribute("href") == "../../oppna-fragor/#oklarheter"
    finally:
        context.close()


def test_start_page_at_a_glance_with_navigation(browser: Any, server: str) -> None:
    """At 1280 px the start page shows the site navigation (Bakgrund, Mål, Kanaler, Öppna frågor …),
    the vision, every goal linked to Mål, one card per channel file linked to its page, and where
    things stand linked to Digitalt nuläge, Ändringar and Öppna frågor."""
    strategy_goals = ["A", "B", "C", "1", "2"]
    channel_files = sorted(p.stem for p in (FROZEN / parts.CHANNELS.path).glob("*.yaml"))
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    try:
        _open(page, record, server, "")
        nav = page.locator(".md-sidebar--primary")
        assert nav.is_visible(), "ingen meny på startsidan"
        for title in ["Bakgrund", "Mål", "Kanaler", "Öppna frågor", "Tillgänglighetsredogörelse"]:
            assert nav.get_by_text(title, exact=True).first.is_visible(), f"{title} saknas i menyn"
        headings = [h.strip().rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
        for title in ["Vision", "Målen", "Kanalerna", "Läget just nu"]:
            assert title in headings, f"{title} saknas på startsidan: {headings}"
        assert page.locator("p.vision").is_visible()
        goal_links = page.eval_on_selector_all("#malen ~ ul a", "els => els.map(e => e.getAttribute('href'))")
        for goal in strategy_goals:
            assert f"mal/#mal-{goal.lower()}" in goal_links, f"mål {goal} länkas inte: {goal_links}"
        cards = page.eval_on_selector_all(
            "li.kanalkort a.kanalkort__namn", "els => els.map(e => e.getAttribute('href'))"
        )
        assert sorted(cards) == sorted(f"kanaler/{c}/" for c in channel_files)
        for target in ["nulage/", "andringar/", "oppna-fragor/"]:
            assert page.locator(f'article a[href="{target}"]').count() >= 1, f"ingen länk till {target}"
    finally:
        context.close()


def test_accessibility_statement_is_complete(browser: Any, server: str, site_dir: Path) -> None:
    """The statement names the organisation and site, a compliance status (helt/delvis/inte förenlig),
    what is not accessible and why, how it was assessed (axe, the keyboard) and when, when it was last
    reviewed, a way to report problems that is not e-mail, and the right to complain to Digg
    (digg.se/tdosanmalan); every page's footer links to it."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    try:
        _open(page, record, server, "tillganglighet/")
        text = " ".join(page.locator("article").inner_text().split())
        form = page.locator("article li", has_text="Webbformulär").locator('a[href^="https://"]')
        digg = page.locator('article a[href="https://www.digg.se/tdosanmalan"]')
        assert form.count() == 1
        assert digg.count() == 1
    finally:
        context.close()
    for part in [
        "Region Örebro län",
        "Digital strategi – Region Örebro län",
        "Delvis förenlig med lagkraven",
        "Innehåll som inte är tillgängligt",
        "Breda tabeller",
        "axe-core",
        "Tangentbordstester",
        "Testerna kördes senast när den här versionen av webbplatsen byggdes",
        "Redogörelsen granskades senast 3 december 2026",
        "Rapportera brister",
        "Myndigheten för digital förvaltning (Digg)",
    ]:
        assert part in text, f"{part!r} saknas i tillgänglighetsredogörelsen"
    missing = [
        str(p.relative_to(site_dir))
        for p in sorted(site_dir.rglob("*.html"))
        if "md-copyright__tillganglighet" not in p.read_text(encoding="utf-8")
        and "search" not in p.parts
        and f"{p.parent.relative_to(site_dir).as_posix()}/" not in PRINT_PAGES
    ]
    assert not missing, f"sidor utan länk till tillgänglighetsredogörelsen: {missing}"


_META = "() => document.querySelector('.md-search-result__meta').textContent.trim()"


def _search(page: Any, query: str) -> list[dict[str, str]]:
    """Put a query into Material's search and return the results: page address and text."""
    # Material reads the query on keyup: fill the field, then release a key that types nothing.
    page.locator(".md-search__input").click()
    page.fill(".md-search__input", "")
    page.keyboard.press("End")
    page.wait_for_function(f"() => ({_META})().startsWith('Skriv')")
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function(f"() => /sökresultat/.test(({_META})())")
    return page.eval_on_selector_all(
        ".md-search-result__item > a",
        "els => els.map(e => ({href: e.getAttribute('href'), text: e.innerText}))",
    )


def test_search_finds_swedish_words_typed_without_diacritics(browser: Any, server: str) -> None:
    """Search finds 'följare' when typed 'foljare' and 'målgrupp' when typed 'malgrupp'; with
    Swedish stemming 'följer' finds 'följare' too; snippets keep table cells apart; content pages
    come before the work list Öppna frågor."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    try:
        visit(page, record, server, "")
        found = {q: _search(page, q) for q in ["foljare", "malgrupp", "följare", "följer"]}
    finally:
        context.close()
    assert any("följare" in r["text"].lower() for r in found["foljare"]), found["foljare"][:3]
    assert any("målgrupp" in r["text"].lower() for r in found["malgrupp"]), found["malgrupp"][:3]
    assert any("följare" in r["text"].lower() for r in found["följer"]), found["följer"][:3]
    first = found["följare"][0]["href"]
    assert "oppna-fragor" not in first, f"Öppna frågor rankas först för 'följare': {first}"
    texts = " ".join(r["text"] for r in found["följare"])
    assert "KanalKanalstrategi" not in texts
    assert "avserFöljare" not in texts
