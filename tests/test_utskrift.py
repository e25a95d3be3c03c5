"""The print document (site/utskrift/): the whole strategy in one HTML page, from the site's pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from strategi.site import print_document

CHAPTER_IDS = [
    "omslag",
    "sammanfattning",
    "bakgrund",
    "nulage",
    "kanalanalys",
    "mal",
    "personas",
    "tonalitet",
    "materialtyper",
    "kanaler",
    "kanaler-facebook",
    "kanaler-instagram",
    "kanaler-linkedin",
    "kanaler-twitter",
    "kanaler-webbplats",
    "kanaler-mejlutskick",
    "uppfoljning",
    "arshjul",
    "organisation",
    "process",
    "andringar",
    "oppna-fragor",
]


@pytest.fixture(scope="module")
def document(frozen_site: Path) -> str:
    return (frozen_site / "utskrift" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_chapters_follow_the_navigation_with_appendices_last(document: str) -> None:
    """Cover, summary, the pages in navigation order (channels after Kanaler), then Ändringar and
    Öppna frågor; the guide, the start page, the publication plan (a working calendar, not strategy)
    and the print page itself are not chapters."""
    found = re.findall(r'<section class="[^"]*" id="([^"]+)">', document)
    assert found == CHAPTER_IDS


@pytest.mark.slow
def test_ids_are_unique_and_every_internal_link_has_a_target(document: str) -> None:
    """Pages' ids are prefixed per page so none repeats, and every '#' link lands on an id."""
    ids = re.findall(r'\sid="([^"]+)"', document)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    targets = set(re.findall(r'\shref="#([^"]*)"', document))
    assert targets, "the contents link into the document"
    assert not targets - set(ids), sorted(targets - set(ids))


@pytest.mark.slow
def test_links_between_included_pages_stay_inside_the_document(document: str) -> None:
    """A link from one printed page to another (Start -> Kanaler, Öppna frågor -> a channel) is an
    anchor in the document, never a link back to the site page."""
    relative = re.findall(r'\shref="(\.\./[^"#]*)', document)
    printed = {"bakgrund/", "mal/", "kanaler/", "oppna-fragor/", "kanaler/facebook/", "andringar/"}
    assert not [r for r in relative if r.removeprefix("../") in printed]
    assert 'href="#kanaler-facebook"' in document


@pytest.mark.slow
def test_print_page_is_reachable_from_the_site_but_not_searched(frozen_site: Path) -> None:
    """Every page's navigation offers 'Skriv ut / PDF'; search does not return the whole document."""
    start = (frozen_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="utskrift/"[^>]*>\s*<span class="md-ellipsis">\s*Skriv ut / PDF', start)
    index = json.loads((frozen_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("utskrift/")]


@pytest.mark.slow
def test_document_is_swedish_titled_and_without_site_chrome(document: str) -> None:
    """The document says it is Swedish, is titled with strategy and version, and carries none of the
    theme's navigation, search or version selector."""
    assert document.startswith('<!doctype html>\n<html lang="sv">')
    assert "<title>Digital strategi – Region Örebro län, Våren 2020</title>" in document
    for chrome in ("md-header", "md-sidebar", "md-search", "md-footer", "version-selector"):
        assert chrome not in document


def test_links_are_rewritten_to_document_anchors() -> None:
    """Same-page, other-page, parent-relative, left-out and outside links, each as it must become."""
    slugs = {"oppna-fragor/": "oppna-fragor", "kanaler/facebook/": "kanaler-facebook", "": "start"}
    page = "oppna-fragor/"
    cases = {
        "#oklarheter": "#oppna-fragor--oklarheter",
        "": "#oppna-fragor",
        "../kanaler/facebook/": "#kanaler-facebook",
        "../kanaler/facebook/#mal": "#kanaler-facebook--mal",
        "../kanaler/facebook/index.html": "#kanaler-facebook",
        "../guide/": "../guide/",
        "../assets/bild.svg": "../assets/bild.svg",
        "https://example.org/a#b": "https://example.org/a#b",
        "mailto:a@example.org": "mailto:a@example.org",
    }
    for target, expected in cases.items():
        assert print_document._link(target, page, "oppna-fragor", slugs) == expected, target


def test_file_links_follow_the_print_page_into_the_offline_layout() -> None:
    """In the offline preview the print page is 'utskrift.html' at the root: a calendar file is linked
    from there ('arshjul/arshjul.ics'), while a left-out page keeps its folder link for the offline
    hooks to re-point."""
    slugs = {"arshjul/": "arshjul"}
    link = print_document._link
    assert link("arshjul.ics", "arshjul/", "arshjul", slugs, print_dir="") == "arshjul/arshjul.ics"
    assert link("arshjul.ics", "arshjul/", "arshjul", slugs) == "../arshjul/arshjul.ics"
    assert link("../guide/", "arshjul/", "arshjul", slugs, print_dir="") == "../guide/"


def test_headings_of_nested_pages_move_one_level_down() -> None:
    """A channel page (inside Kanaler) gets h2 for its title and h3 for its sections."""
    html_text = '<h1 id="x">Facebook</h1><h2 id="mal">Mål</h2><a href="#mal">m</a>'
    out = print_document._rewrite(
        html_text, "kanaler/facebook/", {"kanaler/facebook/": "kanaler-facebook"}, 1
    )
    assert out == (
        '<h2 id="kanaler-facebook--x">Facebook</h2><h3 id="kanaler-facebook--mal">Mål</h3>'
        '<a href="#kanaler-facebook--mal">m</a>'
    )


def test_page_slugs_are_readable_and_unique_per_url() -> None:
    """Slugs come from the page URL: folders joined with '-', the start page called 'start'."""
    assert print_document.slug_of("kanaler/facebook/") == "kanaler-facebook"
    assert print_document.slug_of("mal/") == "mal"
    assert print_document.slug_of("") == "start"
