"""The same sources build with Zensical (`make zensical`), and differ from the MkDocs build only
where KNOWN says so, for the reason it gives."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, require, run_build
from tests.test_site import article_text

pytestmark = pytest.mark.slow

ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"

EVERY_PAGE = "*"  # every page both builds have

# Every difference between the two builds, as (what, page) -> why. "what" is "page" (the page
# exists in one build only), "text" (the article's text), "banner" (the draft banner),
# "footer" (where the footer's accessibility link leads), "edit" (the edit button's target) or
# "links" (where the article's links lead).
# The test fails for a difference not listed here and for a listed one that is gone.
KNOWN: dict[tuple[str, str], str] = {
    # The print page's content is gathered from every rendered page by the hooks' on_page_context
    # and rendered with strategi/templates/utskrift.html, added to the theme by on_env: Zensical
    # runs no MkDocs hooks, so strategi.site.zensical leaves the page out (and the PDF with it).
    ("page", "utskrift/index.html"): "the print page is built by MkDocs hooks",
    # The hooks' on_page_context points each page's edit button at its YAML file. Zensical would
    # point it at the generated docs/ copy, a path not in the repository, so strategi.site.zensical
    # turns the button off. The edit links inside the pages (the views' "föreslå ändring") stay.
    ("edit", EVERY_PAGE): "the edit button is set by MkDocs hooks",
}


def _link(page_html: str, pattern: str, page: str) -> str | None:
    """A link's target as a site path (relative links resolved against the page)."""
    found = re.search(pattern, page_html)
    if not found:
        return None
    href = found.group(1)
    if "://" in href:
        return href
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def _article_links(page_html: str, page: str) -> str:
    """Where the article's links lead, as site paths (relative links resolved against the page):
    an engine that reads a view's links relative to another folder sends readers elsewhere."""
    article = re.search(r"<article\b.*?</article>", page_html, flags=re.DOTALL)
    # The edit and view buttons are the "edit" fact, not the article's own links.
    body = re.sub(r'<a [^>]*class="md-content__button[^>]*>', "", article.group(0) if article else "")
    hrefs = re.findall(r'href="([^"]*)"', body)
    resolved = {
        href if "://" in href or href.startswith(("mailto:", "tel:")) else _resolve(page, href)
        for href in hrefs
    }
    return " ".join(sorted(resolved))


def _resolve(page: str, href: str) -> str:
    path, _, anchor = html.unescape(href).partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    return f"{target.removesuffix('/index.html')}#{anchor}" if anchor else target.removesuffix("/index.html")


def facts(site: Path, page: str) -> dict[str, str | None]:
    page_html = (site / page).read_text(encoding="utf-8")
    banner = re.search(r"<p [^>]*data-strategi-forslag[^>]*>(.*?)</p>", page_html, flags=re.DOTALL)
    return {
        "text": article_text(page_html),
        "banner": article_text(f"<article>{banner.group(1)}</article>") if banner else None,
        "footer": _link(page_html, r'class="md-copyright__tillganglighet" href="([^"]*)"', page),
        "edit": _link(page_html, r'<a href="([^"]*)"[^>]*rel="edit"', page),
        "links": _article_links(page_html, page),
    }


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html") if "search" not in p.parts}


def differences(ours: Path, theirs: Path) -> set[tuple[str, str]]:
    """(what, page) for every page only one build has and every fact that differs."""
    mine, other = pages(ours), pages(theirs)
    found = {("page", page) for page in mine ^ other}
    for page in sorted(mine & other):
        a, b = facts(ours, page), facts(theirs, page)
        found |= {(what, page) for what in a if a[what] != b[what]}
    return found


def build_with_zensical(project: Path, out: Path) -> Path:
    """`python -m strategi.site.zensical OUT` in .venv-zensical for a project folder; the site's folder."""
    require(ZENSICAL_PYTHON.exists(), "Zensical saknas: kör 'make test' (som skapar .venv-zensical)")
    result = run_build([str(ZENSICAL_PYTHON), "-m", "strategi.site.zensical", str(out)], project)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built with Zensical."""
    return build_with_zensical(ROOT, tmp_path_factory.mktemp("zensical"))


def test_zensical_differs_only_where_known(built_site: Path, zensical_site: Path) -> None:
    """Zensical builds the site strictly; each page has the MkDocs build's article text, banner,
    footer link and edit button, except for the differences KNOWN lists (no more, no fewer)."""
    found = differences(built_site, zensical_site)
    common = pages(built_site) & pages(zensical_site)
    known = {(what, page) for what, page in KNOWN if page != EVERY_PAGE}
    known |= {(what, page) for what, every in KNOWN if every == EVERY_PAGE for page in common}
    unexpected = sorted(found - known)
    gone = sorted(known - found)
    assert not unexpected, f"new differences (fix them or add them to KNOWN with a reason): {unexpected}"
    assert not gone, f"listed differences that are gone (remove them from KNOWN): {gone}"


def test_zensical_site_loads_nothing_from_outside(zensical_site: Path) -> None:
    """No page of the Zensical build loads a font, script, style or image from another host."""
    loads = re.compile(
        r'<(?:script|img|iframe)[^>]* src="(?:https?:)?//|<link[^>]* rel="(?:stylesheet|preconnect|preload)"[^>]* href="(?:https?:)?//'
    )
    offenders = [
        p.relative_to(zensical_site).as_posix()
        for p in zensical_site.rglob("*.html")
        if loads.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"pages that load from another host: {offenders}"


def test_differences_sees_a_changed_page(built_site: Path, tmp_path: Path) -> None:
    """The comparison itself can fail: a word changed in one page's article, a page removed
    and the banner removed are each reported for the page they happen on."""
    copy = tmp_path / "kopia"
    shutil.copytree(built_site, copy)
    mal = copy / "mal" / "index.html"
    html = mal.read_text(encoding="utf-8")
    article_start = html.index("<article")
    heading = html.index("</h1>", article_start)
    mal.write_text(html[:heading] + " extra" + html[heading:], encoding="utf-8")
    (copy / "guide" / "index.html").unlink()
    start = copy / "index.html"
    start.write_text(
        re.sub(
            r"<p [^>]*data-strategi-forslag[^>]*>.*?</p>",
            "",
            start.read_text(encoding="utf-8"),
            flags=re.DOTALL,
        ),
        encoding="utf-8",
    )
    assert differences(built_site, copy) == {
        ("text", "mal/index.html"),
        ("page", "guide/index.html"),
        ("banner", "index.html"),
    }


def test_developer_doc_lists_what_zensical_lacks() -> None:
    """The developer document's engine section names the reason of every known difference, so its
    list of what Zensical lacks today is the test's."""
    doc = (ROOT / "DEVELOPING.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Engines") :].split("\n## ", 1)[0]
    missing = [reason for reason in KNOWN.values() if f"**{reason}**" not in section]
    assert not missing, f"reasons not in DEVELOPING.md's Engines section: {missing}"


def test_zensical_escapes_a_title_from_data(project: Path, tmp_path: Path) -> None:
    """A channel name with markup is text in the Zensical build too: in the page's <title>, its
    heading and the navigation of every page (the hooks escape titles in the MkDocs build)."""
    channel = project / "data/channels/twitter.yaml"
    hostile = "Twitter </title><b>x</b>"
    channel.write_text(
        re.sub(r"^namn: Twitter$", f"namn: '{hostile}'", channel.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    site = build_with_zensical(project, tmp_path / "zensical")
    raw = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "<b>x</b>" in p.read_text(encoding="utf-8")
    ]
    assert not raw, f"pages with the name's markup unescaped: {raw}"
    page = (site / "kanaler/twitter/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, flags=re.DOTALL)
    assert title
    assert html.unescape(title.group(1)).startswith(hostile)
