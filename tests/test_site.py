"""The built site: edit links, one data file per channel, named sources, escaping and fidelity."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from strategi.data import periods
from strategi.data.loader import load
from strategi.views import render
from tests.conftest import ROOT, build_site, copy_project

pytestmark = pytest.mark.slow

REPO_EDIT = "https://github.com/region-orebro-lan/digital-strategi/edit/main/"


class _Text(HTMLParser):
    """Visible text of a page's article (no scripts, styles or navigation)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        if tag == "article" or self.depth:
            self.depth += 1 if tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"} else 0

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip -= 1
        if self.depth and tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html_text: str) -> str:
    """The visible text of a page's <article>, whitespace-normalized."""
    parser = _Text()
    parser.feed(html_text)
    return " ".join(" ".join(parser.parts).replace("\u00a0", " ").replace("\u202f", " ").split())


def page_text(path: Path) -> str:
    return article_text(path.read_text(encoding="utf-8"))


def _pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("index.html") if "utskrift" not in p.parts and p.parent != site / "search"
    )


@pytest.mark.live_data
def test_every_channel_page_edits_its_yaml_file(built_site: Path) -> None:
    """Each channel page's edit button opens its channel file, not a Markdown file."""
    for data_file in sorted((ROOT / "data/channels").glob("*.yaml")):
        page = (built_site / "kanaler" / data_file.stem / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"', page)
        assert links, f"no edit button on {data_file.stem}"
        assert links[0] == f"{REPO_EDIT}data/channels/{data_file.name}"


def test_data_pages_edit_their_yaml_file(built_site: Path) -> None:
    """A page built from one strategy file edits that file; the guide edits its Markdown."""
    expected = {
        "mal": "data/strategy/mal.yaml",
        "personas": "data/strategy/personas.yaml",
        "organisation": "data/strategy/organisation.yaml",
        "guide": "docs/guide.md",
    }
    for page, target in expected.items():
        text = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert f'href="{REPO_EDIT}{target}"' in text, page


@pytest.mark.live_data
def test_every_table_names_its_source(built_site: Path) -> None:
    """Every page with a generated table names the data file behind it ('Källa: data/...')."""
    missing = []
    for path in _pages(built_site):
        text = path.read_text(encoding="utf-8")
        tables = text.count('class="tabell')
        if tables and not re.search(r"Källa: <code>data/", text):
            missing.append(path.relative_to(built_site).as_posix())
    assert not missing, f"tables without a source line: {missing}"


def test_a_channel_is_one_data_file(tmp_path: Path) -> None:
    """Adding data/channels/<id>.yaml adds its page, nav entry and row in every cross-channel view."""
    project = copy_project(tmp_path / "p")
    source = (project / "data/channels/twitter.yaml").read_text(encoding="utf-8")
    new = re.sub(r"^id: twitter$", "id: youtube", source, flags=re.MULTILINE)
    new = re.sub(r"^namn: Twitter$", "namn: Youtube", new, flags=re.MULTILINE)
    new = re.sub(r"^ordning: \d+$", "ordning: 7", new, flags=re.MULTILINE)
    (project / "data/channels/youtube.yaml").write_text(new, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "kanaler/youtube/index.html").exists(), "the channel got its page"
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="kanaler/youtube/"' in start, "the channel is in the navigation"
    for page in ["nulage", "materialtyper", "personas", "kanaler"]:
        assert "Youtube" in page_text(site / page / "index.html"), f"no Youtube row on {page}"


def test_build_refuses_invalid_data(tmp_path: Path) -> None:
    """The site is not built from data that fails validation: Swedish message, no traceback."""
    project = copy_project(tmp_path / "p")
    path = project / "data/strategy/mal.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nmål:", "\nmåll:", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode != 0
    assert "okänt fält 'måll'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "jinja": "{{ config }}",
    "pipe": "a | b",
}


def test_data_values_are_escaped(tmp_path: Path) -> None:
    """Hostile data is shown as text: no raw tags, Jinja not evaluated, a '|' in a table cell kept whole."""
    project = copy_project(tmp_path / "p")
    fb = project / "data/channels/facebook.yaml"
    text = fb.read_text(encoding="utf-8")
    text = re.sub(
        r"^  frekvens: .*$", f"  frekvens: '{HOSTILE['script']}'", text, count=1, flags=re.MULTILINE
    )
    text = re.sub(r"^  när: .*$", f"  när: '{HOSTILE['img']}'", text, count=1, flags=re.MULTILINE)
    text = re.sub(
        r"^  tonalitet: .*$", f"  tonalitet: '{HOSTILE['jinja']}'", text, count=1, flags=re.MULTILINE
    )
    fb.write_text(text, encoding="utf-8")
    mt = project / "data/strategy/materialtyper.yaml"
    mt.write_text(
        re.sub(
            r"^(    namn: )Skryt$", r"\g<1>a | b", mt.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "kanaler/facebook/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    visible = page_text(site / "kanaler/facebook/index.html")
    for value in (HOSTILE["script"], HOSTILE["img"], HOSTILE["jinja"]):
        assert value in visible, f"{value!r} not shown as text"
    matrix = page_text(site / "materialtyper/index.html")
    assert "a | b" in matrix, "a pipe in a table cell was cut"


def _scalars(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [item for k, v in data.items() for item in _scalars(v, (*path, k))]
    if isinstance(data, list):
        return [item for i, v in enumerate(data) for item in _scalars(v, (*path, i))]
    return [(path, data)]


# Values that are codes for the machine, shown in other words on the site (with the reason).
EXEMPT_KEYS = {
    "id",  # identifiers, shown as the names they stand for
    "ordning",  # sort order
    "status",  # enum codes shown as words ("Förslag – inte antaget", "Öppen")
    "typ",  # flag kinds shown as words ("Motsägelse")
    "datering",  # how a snapshot was dated, shown as words
    "intervall",  # follow-up interval code, shown as words
    "ungefärliga_mätvärden",  # metric codes, shown as "ca" beside the metric
    "mätvärde",  # a metric code in ungefärligt_ord, shown as its words ("lite drygt") beside the metric
    "nuläge_mätvärde",  # metric code; its values are shown as the indicator's first measurements
    "sidfot",  # the source page's German frame: kept in the data with its note, shown to no reader
}
_TIDPUNKT = re.compile(r"^[0-9]{4}(-(h1|h2|[0-9]{2}(-[0-9]{2})?))?$")


def _expected(path: tuple[Any, ...], value: Any) -> str | None:
    keys = [p for p in path if isinstance(p, str)]
    if isinstance(value, bool) or value is None or (keys and keys[-1] in EXEMPT_KEYS):
        return None
    if isinstance(value, int | float):
        return render.number(value).replace("\u00a0", " ")
    text = " ".join(str(value).split())
    if _TIDPUNKT.match(text):
        return periods.describe(text)
    return text


# Where references stand and what they name, written out here (not read from strategi.data.rules), so
# this oracle does not share its table with the code it checks: (file stem or "kanal", path, kind).
# "*" matches any list position or key. tests/test_references.py checks each is validated.
REFERENCE_PLACES: list[tuple[str, tuple[str, ...], str]] = [
    ("organisation", ("personer", "*", "roller", "*"), "roll"),
    ("organisation", ("personer", "*", "kanaler", "*"), "kanal"),
    ("organisation", ("grupper", "*", "medlemsroller", "*"), "roll"),
    ("organisation", ("grupper", "*", "kanaler", "*"), "kanal"),
    ("organisation", ("grupper", "*", "ingår_i"), "grupp"),
    ("organisation", ("kanaler_utan_huvudredaktörer", "kanaler", "*"), "kanal"),
    ("budget", ("webb", "ansvarig_roll"), "roll"),
    ("process", ("uppdrag", "*", "till", "*"), "grupp"),
    ("process", ("uppdrag", "*", "redovisas_till"), "grupp"),
    ("process", ("uppdrag", "*", "kanaler", "*"), "kanal"),
    ("process", ("beslut", "personer", "*"), "person"),
    ("materialtyper", ("typer", "*", "stöttar_mål", "*"), "mål"),
    ("personas", ("matris", "rader", "*", "kanal"), "kanal"),
    ("kanal", ("mål", "*", "mål", "*"), "mål"),
    ("kanal", ("personas", "*"), "persona"),
    ("kanal", ("organisation", "personer", "*"), "person"),
    ("kanal", ("organisation", "kanalansvariga", "*"), "person"),
    ("kanal", ("uppdrag", "*"), "uppdrag"),
    ("kanal", ("organisation", "roller", "*"), "roll"),
    ("kanal", ("fullständighet", "uppdrag"), "uppdrag"),
    ("arshjul", ("aktiviteter", "*", "ansvar", "roller", "*"), "roll"),
    ("arshjul", ("aktiviteter", "*", "ansvar", "grupper", "*"), "grupp"),
    ("arshjul", ("aktiviteter", "*", "ansvar", "personer", "*"), "person"),
    ("arshjul", ("aktiviteter", "*", "kanaler", "*"), "kanal"),
]
# What each kind names: (strategy file stem, list key).
REFERENCE_TARGETS = {
    "mål": ("mal", "mål"),
    "persona": ("personas", "personas"),
    "roll": ("organisation", "roller"),
    "person": ("organisation", "personer"),
    "grupp": ("organisation", "grupper"),
    "uppdrag": ("process", "uppdrag"),
}


def _places(
    data: Any, pattern: tuple[str, ...], path: tuple[Any, ...] = ()
) -> list[tuple[tuple[Any, ...], Any]]:
    if not pattern:
        return [(path, data)]
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        return [hit for i, item in enumerate(data) for hit in _places(item, rest, (*path, i))]
    if head == "*" and isinstance(data, dict):
        return [hit for key, item in data.items() for hit in _places(item, rest, (*path, key))]
    if isinstance(data, dict) and head in data:
        return _places(data[head], rest, (*path, head))
    return []


def _reference_names(root: Path) -> dict[tuple[str, tuple[Any, ...]], str]:
    """Every reference in root's data/ and the name of what it points at (the site shows names, not ids)."""
    docs = {
        p.relative_to(root).as_posix(): load(p, p.relative_to(root).as_posix())
        for p in sorted((root / "data").rglob("*.yaml"))
    }
    names: dict[tuple[str, str], str] = {}
    for relpath, doc in docs.items():
        if relpath.startswith("data/channels/"):
            names[("kanal", doc.data["id"])] = doc.data["namn"]
    for kind, (stem, key) in REFERENCE_TARGETS.items():
        for item in docs[f"data/strategy/{stem}.yaml"].data.get(key, []):
            names[(kind, str(item["id"]))] = str(item.get("namn") or item.get("vad") or item["id"])
    found: dict[tuple[str, tuple[Any, ...]], str] = {}
    for relpath, doc in docs.items():
        stem = "kanal" if relpath.startswith("data/channels/") else Path(relpath).stem
        for owner, pattern, kind in REFERENCE_PLACES:
            if owner == stem:
                for path, value in _places(doc.data, pattern):
                    if value is not None:
                        found[(relpath, path)] = names[(kind, str(value))]
    return found


def values_missing_from(site: Path, root: Path) -> list[str]:
    """Every text and number in root's data/ that the built site's articles do not show (as
    'file:line path = value'); references count by the name of what they point at."""
    corpus_folded = " ".join(page_text(p) for p in _pages(site)).casefold()
    references = _reference_names(root)
    missing = []
    for data_file in sorted((root / "data").rglob("*.yaml")):
        relpath = data_file.relative_to(root).as_posix()
        doc = load(data_file)
        for path, value in _scalars(doc.data):
            expected = references.get((relpath, path)) or _expected(path, value)
            if expected is None:
                continue
            expected = html.unescape(expected)
            if expected.casefold() not in corpus_folded:
                missing.append(
                    f"{relpath}:{doc.where(path)[0]} {'.'.join(map(str, path))} = {expected[:70]!r}"
                )
    return missing


@pytest.mark.live_data
def test_every_data_value_reaches_the_site(built_site: Path) -> None:
    """Nothing is silently dropped: every text and number in the live data/ appears in the rendered
    site (this holds for any valid strategy, so an editor's revision keeps it)."""
    missing = values_missing_from(built_site, ROOT)
    assert not missing, f"{len(missing)} values never shown:\n" + "\n".join(missing)


def test_site_loads_nothing_from_outside() -> None:
    """mkdocs.yml uses no outside fonts, CDN scripts or styles."""
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", "").replace("!ENV ", "")
    )
    assert config["theme"]["font"] is False
    for asset in [*config.get("extra_css", []), *config.get("extra_javascript", [])]:
        assert not re.match(r"^(https?:)?//", asset), asset
