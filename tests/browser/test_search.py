"""Search that answers (issue 25): Material's own search (lunr, with the project's Swedish worker and
index) run in Chromium against the built site. A query that names a page and what one of its
sections says leads with that page and shows that section first, instead of folding it under
"N till på denna sida"; snippets keep table cells and list terms apart."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser._site import Record, guarded_page, visit
from tests.browser.test_reading import DESKTOP, _search

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Each group of results: its page link first, then the sections Material shows (not the folded ones).
_GROUPS = """() => [...document.querySelectorAll('.md-search-result__item')].map(li =>
  [...li.querySelectorAll(':scope > a')].map(a => {
    const url = new URL(a.href); return {where: url.pathname.slice(1) + url.hash, text: a.innerText};
  }))"""

# query -> (page, section): the page and the section that answers it. The anchors are the views'
# own (strategi/views/kanal.py, _kanal_avsnitt.py, budget.py), not words of the data.
ANSWERS = {
    "instagram grön": "kanaler/instagram/#materialtyper",  # Instagram's traffic light per material type
    "tonalitet facebook": "kanaler/facebook/#profil",  # Facebook's profile: its tone
    "budget webb": "organisation/#webb",  # the budget lines of the web
}


@pytest.fixture(scope="module")
def results(browser: Any, server: str) -> dict[str, list[list[dict[str, str]]]]:
    """Every query of the tests typed into Material's search on the start page, at 1280 px."""
    record = Record()
    context, page = guarded_page(browser, record, viewport=DESKTOP)
    found = {}
    try:
        visit(page, record, server, "")
        for query in [*ANSWERS, "följare", "foljare"]:
            _search(page, query)
            found[query] = page.evaluate(_GROUPS)
    finally:
        context.close()
    assert not record.errors, record.errors
    return found


@pytest.mark.parametrize("query", list(ANSWERS))
def test_query_leads_with_the_answering_page_and_section(
    results: dict[str, list[list[dict[str, str]]]], query: str
) -> None:
    """The first result is the page that answers, and the first section shown under it is the section
    that answers (not folded away under 'N till på denna sida')."""
    page, _, _ = ANSWERS[query].partition("#")
    first = results[query][0]
    assert urlsplit(first[0]["where"]).path == page, [g[0]["where"] for g in results[query][:3]]
    assert len(first) > 1, f"{query!r}: inget avsnitt visas under {page}, bara sidan"
    assert first[1]["where"] == ANSWERS[query], [item["where"] for item in first]


@pytest.mark.parametrize("query", ["följare", "foljare"])
def test_followers_lead_with_a_section_that_gives_them(
    results: dict[str, list[list[dict[str, str]]]], query: str
) -> None:
    """'följare', also typed without its ä, leads with a section (not a page alone, not the work list
    Öppna frågor) that shows followers with a figure; both spellings lead to the same section."""
    first = results[query][0]
    assert len(first) > 1, f"{query!r}: inget avsnitt visas först, bara sidan {first[0]['where']}"
    section = first[1]
    assert "oppna-fragor" not in section["where"]
    assert "följare" in section["text"].lower()
    assert any(ch.isdigit() for ch in section["text"]), section["text"]
    assert results["följare"][0][1]["where"] == results["foljare"][0][1]["where"]


def test_snippets_keep_cells_and_terms_apart(results: dict[str, list[list[dict[str, str]]]]) -> None:
    """No snippet runs a list term into its description or a header into a cell ('MätetalAntal',
    'TonalitetPersonlig')."""
    texts = " ".join(item["text"] for groups in results.values() for group in groups for item in group)
    assert "följare" in texts.lower()
    for glued in ("MätetalAntal", "TonalitetPersonlig", "EnhetantalRiktning", "KanalKanalstrategi"):
        assert glued not in texts
