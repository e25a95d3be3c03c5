"""The site map (strategi/views/pages.py): links computed from the page being rendered, one goal anchor,
and no relative URL typed into a view."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import PluginError

from strategi.data import model
from strategi.site import build
from strategi.views import VIEWS, pages
from tests._viewtables import HISTORY
from tests.conftest import ROOT, build_site

SITE = "https://strategi.example/2026-h2/"

# Source path -> the URL MkDocs gives it with directory URLs, written out.
URLS = {
    "index.md": "",
    "mal.md": "mal/",
    "materialtyper.md": "materialtyper/",
    "kanaler/index.md": "kanaler/",
    "kanaler/facebook.md": "kanaler/facebook/",
    "kanaler/instagram.md": "kanaler/instagram/",
    "plan/index.md": "plan/",
    "plan/2027-01.md": "plan/2027-01/",
    "plan/alla.ics": "plan/alla.ics",
}


@pytest.mark.parametrize(
    ("here", "target", "anchor", "expected"),
    [
        ("index.md", "mal.md", "mal-a", "mal/#mal-a"),
        ("materialtyper.md", "mal.md", "mal-a", "../mal/#mal-a"),
        ("kanaler/facebook.md", "mal.md", "mal-1", "../../mal/#mal-1"),
        ("kanaler/facebook.md", "kanaler/instagram.md", "", "../instagram/"),
        ("kanaler/index.md", "kanaler/facebook.md", "", "facebook/"),
        ("kanaler/facebook.md", "index.md", "", "../../"),
        ("index.md", "index.md", "", "./"),
        ("plan/index.md", "plan/2027-01.md", "", "2027-01/"),
        ("plan/index.md", "plan/alla.ics", "", "alla.ics"),
        ("plan/2027-01.md", "kanaler/facebook.md", "uppfoljning", "../../kanaler/facebook/#uppfoljning"),
    ],
)
def test_href_from_pages_at_every_depth(here: str, target: str, anchor: str, expected: str) -> None:
    """The link from the start page (root), a page one level down, a channel page and a plan month
    (two levels down) to another page or file is the relative URL written out here."""
    assert pages.href(here, target, anchor) == expected


@pytest.mark.parametrize("here", sorted(URLS))
@pytest.mark.parametrize("target", sorted(URLS))
def test_every_link_resolves_to_its_target(here: str, target: str) -> None:
    """Followed from the page it is written on (as a browser joins it with the page's address), every
    link lands on the target's own address, with the anchor kept."""
    link = pages.href(here, target, "ankare")
    assert urljoin(SITE + URLS[here], link) == SITE + URLS[target] + "#ankare"


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("index.md", "mal.md", "mal.md#mal-a"),
        ("kanaler/facebook.md", "mal.md", "../mal.md#mal-a"),
        ("plan/2027-01.md", "kanaler/index.md", "../kanaler/index.md#mal-a"),
    ],
)
def test_markdown_links_go_between_source_files(here: str, target: str, expected: str) -> None:
    """A Markdown link is the path from the page's source file to the target's (MkDocs checks it and
    turns it into the target's URL), and it resolves to the target from the page's folder."""
    link = pages.md_href(here, target, "mal-a")
    assert link == expected
    path = link.split("#")[0]
    assert posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) == target


def test_relative_url_between_built_urls() -> None:
    """Between built URLs, with directory URLs or the offline preview's files: start page, a page,
    a channel page, a channel file."""
    assert pages.relative_url("", "oppna-fragor/") == "oppna-fragor/"
    assert pages.relative_url("mal/", "oppna-fragor/") == "../oppna-fragor/"
    assert pages.relative_url("kanaler/facebook/", "oppna-fragor/") == "../../oppna-fragor/"
    assert pages.relative_url("kanaler/facebook.html", "oppna-fragor.html") == "../oppna-fragor.html"


def test_a_page_url_with_and_without_directory_urls() -> None:
    """'mal.md' is 'mal/' with directory URLs and 'mal.html' without; an index page is its folder."""
    assert pages.built_url("mal.md", True) == "mal/"
    assert pages.built_url("mal.md", False) == "mal.html"
    assert pages.built_url("kanaler/index.md", True) == "kanaler/"
    assert pages.built_url("index.md", True) == ""


def test_every_page_of_the_map_is_in_docs() -> None:
    """Each page the site map names is a file under docs/, and a channel's page and a plan month's
    page sit in the folders of the channel and plan overviews."""
    missing = [p for p in pages.SITE_PAGES if not (ROOT / "docs" / p).is_file()]
    assert not missing
    assert pages.channel("facebook") == "kanaler/facebook.md"
    assert pages.month("2027-01") == "plan/2027-01.md"
    assert pages.plan_feed("alla") == "plan/alla.ics"


# A relative URL typed into a view: '../' anywhere in a string, an href / Markdown link whose value
# starts with a literal path (an expression in braces, an in-page '#anchor', and absolute addresses
# with a scheme are fine), or a folder typed after an expression ('{channel_id}/').
_TYPED = re.compile(
    r"""(?P<up>["'(]\.\./)"""
    r"""|href=(?P<q>["'])(?!\{|\#|(?P=q)|[a-z][a-z0-9+.-]*:)"""
    r"""|\]\((?!\{|\#|[a-z][a-z0-9+.-]*:)"""
    r"""|\}/["#]"""
)


def _typed_urls(text: str) -> list[str]:
    return [text[m.start() : m.start() + 30] for m in _TYPED.finditer(text)]


def test_the_scan_finds_typed_links() -> None:
    """The scan catches '../' paths and literal hrefs and Markdown links, and lets pass links built
    from an expression, in-page anchors and addresses with a scheme."""
    assert _typed_urls("f'<a href=\"../mal/#mal-a\">'")
    assert _typed_urls("f'<a href=\"kanaler/{x}/\">'")
    assert _typed_urls('"se [Mål](mal.md#mal-a)"')
    assert _typed_urls('prefix: str = "../../"')
    assert _typed_urls("f'<a href=\"{month}/\">'")
    assert not _typed_urls("f'<a href=\"{target}\">' f'<a href=\"#{anchor}\">'")
    assert not _typed_urls('f\'<a href="mailto:{a}">\' "[Mål]({link})" f"[x](https://example.org)"')


@pytest.mark.parametrize(
    "path",
    # pages.py itself is where the URLs are worked out; every other module of views/ uses it.
    sorted(p for p in (ROOT / "strategi" / "views").glob("*.py") if p.name != "pages.py"),
    ids=lambda p: p.name,
)
def test_no_view_types_a_relative_url(path: Path) -> None:
    """No view writes a relative URL by hand: every link to another page comes from strategi.views.pages."""
    assert not _typed_urls(path.read_text(encoding="utf-8"))


def _anchors(markdown: str) -> set[str]:
    """The ids a view's output sets: '{#id}' on headings and id="…" in HTML."""
    return set(re.findall(r"\{#([^}\s]+)\}", markdown)) | set(re.findall(r'\sid="([^"]+)"', markdown))


def _goal_links(output: str, here: str) -> list[str]:
    """The anchors of every link in a view's output that lands on the Mål page, followed from the
    page ``here``: HTML links from its URL, Markdown links from its source file."""
    found = []
    for link in re.findall(r'href="([^"]+)"', output):
        resolved = urljoin(SITE + URLS[here], link)
        if resolved.startswith(SITE + "mal/#"):
            found.append(resolved.split("#", 1)[1])
    for link in re.findall(r"\]\(([^)]+)\)", output):
        path, _, anchor = link.partition("#")
        if posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) == "mal.md" and anchor:
            found.append(anchor)
    return found


def test_goal_links_land_on_the_goal_sections(strategy: model.Strategy) -> None:
    """Every link to a goal, from the material types, a channel page and the start page, names an
    anchor that a goal section on Mål sets, and every goal of the strategy is linked from somewhere."""
    on_goal_page = _anchors(VIEWS["mal"](strategy))
    linked = [
        *_goal_links(VIEWS["materialtyper"](strategy), pages.MATERIAL_TYPES),
        *_goal_links(VIEWS["kanal_sida"](strategy, "facebook"), pages.channel("facebook")),
        *_goal_links(VIEWS["start"](strategy, HISTORY), pages.START),
    ]
    assert linked
    assert set(linked) <= on_goal_page
    assert {f"mal-{str(g['id']).lower()}" for g in strategy["mal"]["mål"]} <= set(linked)


def test_a_view_links_from_the_page_it_is_rendered_on(strategy: model.Strategy) -> None:
    """The same view renders the link to a channel from wherever it is called: from the channel
    overview, from the start page, and from a page one level down."""
    row = VIEWS["kanaler"]
    assert '<a href="facebook/">' in row(strategy)
    assert '<a href="kanaler/facebook/">' in row(strategy, page=pages.START)
    assert '<a href="../kanaler/facebook/">' in row(strategy, page=pages.STATUS)


def test_the_build_hands_a_view_the_page_being_rendered(strategy: model.Strategy) -> None:
    """A bound view gets the page mkdocs-macros is rendering, read when the macro runs; a view that
    does not name ``page`` is called without it."""
    env = SimpleNamespace(page=SimpleNamespace(file=SimpleNamespace(src_uri="index.md")))
    this_build = build.Build(strategy, None)
    overview = this_build.bind(VIEWS["kanaler"], lambda: build.rendered_page(env))
    assert '<a href="kanaler/facebook/">' in overview()
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri="kanaler/index.md"))
    assert '<a href="facebook/">' in overview()
    title: Any = this_build.bind(VIEWS["kanal_rubrik"], lambda: build.rendered_page(env))
    assert title("facebook") == VIEWS["kanal_rubrik"](strategy, "facebook")


def test_a_macro_outside_any_page_stops_the_build() -> None:
    """A view called when no page is being rendered stops the build in Swedish instead of linking
    from a guessed page."""
    with pytest.raises(PluginError, match="utan att någon sida byggs"):
        build.rendered_page(SimpleNamespace())


def test_a_view_on_a_deeper_page_links_from_there(project: Path, tmp_path: Path) -> None:
    """mkdocs-macros tells each view the page it renders: the channel overview and the start page's
    indicator line, placed on a page two levels down, link from there (an HTML link to
    '../../kanaler/facebook/', a Markdown link that MkDocs turns into '../../uppfoljning/#indikatorer'),
    and the strict build finds every link."""
    deep = project / "docs" / "extra" / "djup"
    deep.mkdir(parents=True)
    (deep / "index.md").write_text(
        "# Djup\n\n{{ kanaler() }}\n\n{{ uppfoljning_i_korthet() }}\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  /extra/\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "extra" / "djup" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../kanaler/facebook/">Facebook</a>' in html
    assert '<a href="../../uppfoljning/#indikatorer">Se alla indikatorer</a>' in html


def test_folder_index_is_the_page_a_zensical_link_is_read_from() -> None:
    """Zensical reads links in a page's HTML from the source file's folder: a link computed from
    the folder's index page and read from kanaler/ lands where the same link lands in MkDocs."""
    assert pages.folder_index("kanaler/facebook.md") == "kanaler/index.md"
    assert pages.folder_index("mal.md") == "index.md"
    from_folder = pages.href(pages.folder_index("kanaler/facebook.md"), "mal.md", "mal-a")
    assert from_folder == "../mal/#mal-a"
    # Zensical joins it to the source's folder (kanaler/) and MkDocs' link from the page itself
    # joins to the page's address (kanaler/facebook/): both reach mal/.
    mkdocs_link = pages.href("kanaler/facebook.md", "mal.md", "mal-a")
    assert posixpath.normpath(posixpath.join("kanaler", from_folder)) == "mal/#mal-a"
    assert posixpath.normpath(posixpath.join("kanaler/facebook", mkdocs_link)) == "mal/#mal-a"
