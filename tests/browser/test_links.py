"""Links: every internal link, script, style sheet and image of the built site points at a file that
exists, and every #anchor at an id on the page it names. A crawler of our own over the HTML files
(html.parser), no browser needed."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.xdist_group("sajt")

SITE_URL = "https://strategi.intranat.regionorebrolan.se/"  # mkdocs.yml site_url: links to it are internal
URL_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "video": "src",
    "audio": "src",
}


class _Page(HTMLParser):
    """The ids (and <a name>) of one page, and every URL it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        attribute = URL_ATTRIBUTES.get(tag)
        if attribute and attribute in values:
            self.urls.append(values[attribute])


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target_file(site: Path, url_path: str) -> Path | None:
    """The file a site-relative URL path is served from ('x/' and 'x' folders serve x/index.html)."""
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """Every broken internal reference in the site, as 'page: url (reason)'."""
    pages = {path: _parse(path) for path in sorted(site.rglob("*.html"))}
    ids = {path.resolve(): page.ids for path, page in pages.items()}
    broken: dict[str, list[str]] = defaultdict(list)
    for path, page in pages.items():
        here = "/" + path.relative_to(site).as_posix()
        for raw in page.urls:
            url = raw.strip()
            if url.startswith(SITE_URL):
                url = "/" + url[len(SITE_URL) :]
            parts = urlsplit(url)
            if parts.scheme.lower() == "javascript":
                broken[here].append(f"{url} (javascript:-länk)")
                continue
            if parts.scheme or parts.netloc:
                continue  # outside the site (https://..., mailto:, data:): not ours to check here
            target_path = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(parts.path)))
            if parts.path.endswith("/") and not target_path.endswith("/"):
                target_path += "/"
            target = path if not parts.path else _target_file(site, target_path)
            if target is None:
                broken[here].append(f"{url} (filen finns inte)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids.get(target.resolve(), set()):
                broken[here].append(f"{url} (ankaret #{fragment} finns inte)")
    return [f"{page}: {item}" for page, items in sorted(broken.items()) for item in items]


def test_crawler_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    """The crawler reports a link to a missing page and an anchor missing from an existing page,
    and accepts a good link, a good anchor and links that leave the site."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<p id="topp"><a href="a/">a</a> <a href="a/#finns">ok</a> <a href="#topp">topp</a>'
        '<a href="saknas/">x</a> <a href="a/#saknas">y</a> <a href="https://example.org/">z</a></p>',
        encoding="utf-8",
    )
    (tmp_path / "a/index.html").write_text('<h2 id="finns">A</h2><a href="../">upp</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "/index.html: saknas/ (filen finns inte)",
        "/index.html: a/#saknas (ankaret #saknas finns inte)",
    ]


@pytest.mark.live_data
def test_no_broken_internal_links_or_anchors(site_dir: Path) -> None:
    """Every internal href/src of every built HTML page resolves to an existing file, and every
    #fragment exists as an id on the target page: 0 broken."""
    found = broken_links(site_dir)
    assert not found, f"{len(found)} trasiga länkar:\n" + "\n".join(found)
