"""The reading view's HTML steps (strategi/site/reading.py) and what they make of the built site: folded
question markers, edit links that open files, search entries with words typed without å, ä, ö."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from strategi.site import reading

NOTE = '<div class="admonition warning"><p class="admonition-title">Att bekräfta</p>{}</div>'
REPO = "https://github.com/region-orebro-lan/digital-strategi/"


def test_notes_in_one_section_become_one_collapsed_marker() -> None:
    """Two notes in one section (three questions, quotes not counted) become one closed <details>
    where the first stood, holding all three questions and a link to Öppna frågor; the next
    section gets its own marker."""
    first = NOTE.format("<p><strong>Osäkert:</strong> A?</p><blockquote><p>Det står: ”a”</p></blockquote>")
    second = NOTE.format("<p>B?</p><p>C?</p>")
    third = NOTE.format("<ul><li>D?</li></ul>")
    page = f"<p>Intro</p>{first}<p>Text</p>{second}<h2 id='x'>X</h2>{third}"
    out = reading.fold_questions(page, "mal/")
    assert out.count("<details") == 2
    assert "admonition-title" not in out
    head, tail = out.split("<h2", 1)
    assert head.startswith('<p>Intro</p><details class="warning fragor" data-search-exclude>')
    assert "<summary>3 frågor att bekräfta</summary>" in head
    assert all(q in head for q in ("A?", "B?", "C?", "Det står: ”a”"))
    assert head.index("</details>") < head.index("<p>Text</p>")
    assert '<a href="../oppna-fragor/#oklarheter">Alla frågor på sidan Öppna frågor</a>' in head
    assert "<summary>1 fråga att bekräfta</summary>" in tail


def test_a_marker_stands_with_the_item_it_questions() -> None:
    """Notes under two h3 items of one h2 section (two indicators, two activities) each stay under
    their own item: one marker per item, never all gathered under the first."""
    first, second = NOTE.format("<p>A?</p>"), NOTE.format("<p>B?</p>")
    page = f"<h2 id='s'>S</h2><h3 id='a'>A</h3>{first}<h3 id='b'>B</h3><p>Text</p>{second}"
    out = reading.fold_questions(page, "uppfoljning/")
    item_a, item_b = out.split("<h3 id='b'>")
    assert out.count("<details") == 2
    assert "A?" in item_a
    assert "B?" not in item_a
    assert "B?" in item_b
    assert item_b.index("<p>Text</p>") < item_b.index("<details")


def test_work_lists_are_not_folded() -> None:
    """Öppna frågor and Ändringar keep their notes as they are."""
    page = NOTE.format("<p>A?</p>")
    assert reading.fold_questions(page, "oppna-fragor/") == page
    assert reading.fold_questions(page, "andringar/") == page


def test_loosen_keeps_table_cells_apart() -> None:
    """A line break follows every cell, row, list item, term, description and paragraph that another
    tag follows, nothing else (inline elements stay as they are)."""
    html = "<table><tr><th>Var</th><td>Typ</td></tr></table><dl><dt>A</dt><dd>B</dd></dl><p>C</p><em>x</em><b>y</b>"
    assert reading.loosen(html) == (
        "<table><tr><th>Var</th>\n<td>Typ</td>\n</tr>\n</table><dl><dt>A</dt>\n<dd>B</dd>\n</dl><p>C</p>\n"
        "<em>x</em><b>y</b>"
    )


def test_folded_words_are_the_words_that_lose_diacritics() -> None:
    """Only words that change without their diacritics are listed, once each, lower case, tags ignored."""
    text = "<p>Följare och <strong>målgrupp</strong>, Följare, kanal, Örebro län, café</p>"
    assert reading.folded_words(text) == "foljare malgrupp orebro lan cafe"


@pytest.fixture(scope="module")
def site(frozen_site: Path) -> Path:
    return frozen_site


def _edit_links(html: str) -> list[str]:
    page = re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"', html)
    sections = re.findall(r'<p class="kalla"[^>]*>.*?</p>', html, flags=re.DOTALL)
    return page + [href for s in sections for href in re.findall(r'href="([^"]+)"', s)]


@pytest.mark.slow
def test_no_edit_link_leads_to_a_folder(site: Path) -> None:
    """Every page's pencil and every section's source link open one file in the repository's editor
    (a path ending in .yaml or .md), never a folder listing; the pencil says 'Föreslå ändring'."""
    bad = []
    pages = [p for p in sorted(site.rglob("index.html")) if "print_page" not in p.parts]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        links = _edit_links(html)
        if not links:
            bad.append(f"{path.relative_to(site)}: ingen ändringslänk")
        for link in links:
            if not re.fullmatch(re.escape(REPO) + r"edit/main/[\w./-]+\.(yaml|md)", link):
                bad.append(f"{path.relative_to(site)}: {link}")
        # The print document (issue 12) has no pencil of its own.
        if 'title="Föreslå ändring"' not in html and "utskrift" not in path.parts:
            bad.append(f"{path.relative_to(site)}: pennan heter inte 'Föreslå ändring'")
    assert len(pages) > 20
    assert not bad, "\n".join(bad)


@pytest.mark.slow
def test_pages_from_many_files_edit_their_own_page(site: Path) -> None:
    """Pages built from several files open their own Markdown file with the pencil, and name each
    data file in their sections."""
    for page, own in {
        "nulage": "docs/nulage.md",
        "kanaler": "docs/kanaler/index.md",
        "oppna-fragor": "docs/oppna-fragor.md",
        "andringar": "docs/andringar.md",
    }.items():
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert _edit_links(html)[0] == f"{REPO}edit/main/{own}", page
    nulage = (site / "nulage" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}edit/main/data/channels/facebook.yaml"' in nulage


@pytest.mark.slow
def test_search_index_knows_words_without_diacritics(site: Path) -> None:
    """The built search index has fields of words without å, ä, ö that Material indexes (the title's
    twin weighs what the title weighs), and the entry for Mål has the title 'mål'; each section knows
    its page title and the labels of its tables and lists; the Swedish stemmer is on; the work lists
    rank lower."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    fields = index["config"]["fields"]
    assert fields[reading.FOLDED_FIELD] == {"boost": 1.0}
    assert fields[reading.FOLDED_TITLE] == fields["title"]
    assert fields[reading.CONTEXT_FIELD] == fields[reading.FOLDED_CONTEXT] == {"boost": reading.CONTEXT_BOOST}
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    mal = next(d for d in index["docs"] if d["location"] == "mal/")
    assert mal[reading.FOLDED_TITLE] == "mal"
    profile = next(d for d in index["docs"] if d["location"] == "kanaler/facebook/#profil")
    assert profile[reading.CONTEXT_FIELD].startswith("Facebook ")
    assert "Tonalitet" in profile[reading.CONTEXT_FIELD].split()
    work = [d for d in index["docs"] if d["location"].startswith(("oppna-fragor/", "andringar/"))]
    assert work
    assert all(d.get("boost") == 0.2 for d in work)
    mal_source = "Källa: <code>data/strategy/mal.yaml</code>"
    assert not any(mal_source in d["text"] for d in index["docs"]), "källraderna ska inte sökas"


def test_breadcrumbs_name_the_page_and_the_headings_above() -> None:
    """Each heading id maps to the page title and the headings above it; a heading of the same level
    closes the one before it; only the article counts."""
    page = (
        '<nav><h2 id="meny">Meny</h2></nav><article><h1 id="org">Organisation och budget</h1>'
        '<h2 id="budget">Budget</h2><h3 id="webb">Webb<a class="headerlink">¶</a></h3>'
        '<h2 id="moten">Möten</h2></article>'
    )
    assert reading.breadcrumbs(page) == {
        "org": "",
        "budget": "Organisation och budget",
        "webb": "Organisation och budget Budget",
        "moten": "Organisation och budget",
    }


def test_labels_are_terms_captions_and_column_headers_of_each_section() -> None:
    """A section's labels are its list terms, table captions and column headers, not its cells or row
    labels, and stop at the next heading."""
    page = (
        '<article><h2 id="profil">Profil</h2><dl><dt>Tonalitet</dt><dd>Personlig</dd></dl>'
        '<h2 id="nulage">Nuläge</h2><table><caption>Per kanal</caption><thead><tr>'
        '<th scope="col">Kanal</th><th scope="col">Följare</th></tr></thead><tbody><tr><th scope="row">'
        "Facebook</th><td>17 000</td></tr></tbody></table></article>"
    )
    assert reading.labels(page) == {"profil": "Tonalitet", "nulage": "Per kanal Kanal Följare"}
