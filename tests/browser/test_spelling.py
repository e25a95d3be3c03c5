"""Swedish spelling of everything the site shows: hunspell with Debian's sv_SE dictionary over the
visible text of every page, plus the project's word list (tests/ordlista.txt) of names and terms.

Text in another language that the page marks as such (lang="de", lang="en") is not checked, nor
are code, scripts, styles and the titles of cited works (<cite>). The search index is not a page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser._site import page_paths
from tests.conftest import ROOT, require

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("sajt")]

WORD_LIST = ROOT / "tests/ordlista.txt"
DICTIONARY = "sv_SE"
MISSING_HUNSPELL = "hunspell saknas: installera med 'apt-get install hunspell hunspell-sv'"

# The seed's typos (DESIGN.md: plain typos are fixed): none may reach the site.
SEED_TYPOS = [
    "trafiklsignalens",
    "Hälp oss",
    "kommuniktaionen",
    "stragetin",
    "Instragram",
    "villl",
    "egenligen",
]

SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "kbd", "samp", "template", "cite"}
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Endings Swedish puts after a colon on abbreviations and numbers: "USÖ:s", "css:er".
COLON_ENDINGS = {"s", "n", "en", "et", "er", "ar", "na", "ns", "erna", "arna"}


class _Visible(HTMLParser):
    """The Swedish text of a page: data and text attributes outside skipped or foreign-language elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped from here down)
        self.parts: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        lang = values.get("lang")
        skip = (
            self._skipping()
            or tag in SKIPPED_ELEMENTS
            or (lang is not None and lang != "" and not lang.lower().startswith("sv"))
        )
        if not skip:
            self.parts += [values[name] for name in TEXT_ATTRIBUTES if values.get(name)]
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(data)


def visible_text(html_text: str) -> str:
    parser = _Visible()
    parser.feed(html_text)
    parser.close()
    return "\n".join(parser.parts)


_NOT_WORDS = [
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE),  # web addresses
    re.compile(r"\S+@\S+\.\w+"),  # e-mail addresses
    re.compile(r"\b(?:[\w-]+\.)+(?:se|com|nu|org|net|eu)\b(?:/\S*)?", re.IGNORECASE),  # domain names
    re.compile(r"\b(?:data|schemas|docs|overrides|strategi)/\S*"),  # paths in the repository
    re.compile(r"\b[\w.-]+\.(?:ya?ml|json|md|html|css|js|py)\b"),  # file names
    re.compile(r"[^\W\d_]+…"),  # a word cut short with an ellipsis (a shortened label)
    re.compile(r"[^\W\d_]+-(?=\s+(?:och|eller|samt|respektive|till)\b)"),  # "hälso- och sjukvård"
    re.compile(r"(?<=\d)[-–][^\W\d_]+"),  # the ending of "25-34-åringarna"
]
_WORD = re.compile(r"[^\W\d_]+(?::[^\W\d_]+)?")


def words(text: str, names: Sequence[str] = ()) -> list[str]:
    """The words of a text: letters only; compounds split at hyphens; 'USÖ:s' checked as 'USÖ'.
    Names of several words (from the word list) are taken out whole first."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ").replace(name[0].upper() + name[1:], " ")
    for pattern in _NOT_WORDS:
        text = pattern.sub(" ", text)
    found = []
    for token in _WORD.findall(text.replace("-", " ")):
        base, _, ending = token.partition(":")
        if ending and ending.lower() not in COLON_ENDINGS:
            found.append(ending)
        if len(base) > 1:
            found.append(base)
    return found


def is_name(entry: str) -> bool:
    """A word-list entry of several words ('Strateg Agency', 'Plan-Do-Check-Act')."""
    return " " in entry or "-" in entry


def load_word_list(path: Path = WORD_LIST) -> list[str]:
    """The project's words and names: one a line; '#' starts a comment line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def accepted_by_list(word: str, listed: set[str]) -> bool:
    """Listed as is, or listed in lower case and written with a capital (at a sentence's start)."""
    return word in listed or (
        word.lower() in listed and word != word.lower() and word[1:] == word[1:].lower()
    )


def unknown_to_hunspell(candidates: set[str]) -> set[str]:
    """The words hunspell's Swedish dictionary does not know."""
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARY, "-i", "utf-8", "-l"],
        input="\n".join(sorted(candidates)) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def _need_hunspell() -> None:
    available = shutil.which("hunspell") and any(
        Path(d, f"{DICTIONARY}.dic").exists() for d in ("/usr/share/hunspell", "/usr/share/myspell")
    )
    require(available, MISSING_HUNSPELL)


def _page_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


def test_text_extraction_and_tokens() -> None:
    """Visible text leaves out code, scripts and foreign-language parts but keeps titles and labels;
    words drop addresses, files and cut-off words, split compounds at hyphens and colon endings."""
    page = (
        '<p title="Rubrikens text">Hej <code>kod</code><span lang="de">Ihnen</span>'
        '<script>alert()</script><span lang="sv">svenska</span><cite>How Video</cite></p>'
    )
    text = visible_text(page)
    for shown in ["Rubrikens text", "Hej", "svenska"]:
        assert shown in text
    for hidden in ["kod", "Ihnen", "alert", "Video"]:
        assert hidden not in text
    assert words(
        "Läs på 1177.se och data/channels/facebook.yaml, USÖ:s Linkedin-konto digi… x hälso- och "
        "25-34-åringarna, Strateg Agency",
        ["Strateg Agency"],
    ) == ["Läs", "på", "och", "USÖ", "Linkedin", "konto", "och"]


def test_word_list_is_honest() -> None:
    """tests/ordlista.txt starts with a comment saying what it is, lists each word once, and only
    words that hunspell's Swedish dictionary does not already know."""
    _need_hunspell()
    text = WORD_LIST.read_text(encoding="utf-8")
    assert text.startswith("#"), "ordlistan ska börja med en kommentar som förklarar den"
    listed = load_word_list()
    duplicates = sorted({w for w in listed if listed.count(w) > 1})
    assert not duplicates, f"ord som står två gånger: {duplicates}"
    single = {w for w in listed if not is_name(w)}
    parts = {name: set(re.split(r"[\s-]+", name)) for name in listed if is_name(name)}
    unknown = unknown_to_hunspell(single | {p for ps in parts.values() for p in ps})
    known = sorted(single - unknown) + sorted(name for name, ps in parts.items() if not ps & unknown)
    assert not known, f"hunspell känner redan till {known}: ta bort dem ur ordlistan"


def test_no_unknown_words_on_any_page(frozen_site: Path) -> None:
    """Every word of every page's visible Swedish text, on the site built from the 2020 data, is known to
    hunspell (sv_SE) or listed in tests/ordlista.txt (an editor's new word is not an error of the code)."""
    _need_hunspell()
    entries = load_word_list()
    listed = {w for w in entries if not is_name(w)}
    names = [w for w in entries if is_name(w)]
    where: dict[str, set[str]] = defaultdict(set)
    for path in page_paths(frozen_site):
        for word in words(visible_text(_page_file(frozen_site, path).read_text(encoding="utf-8")), names):
            if not accepted_by_list(word, listed):
                where[word].add(path or "/")
    unknown = sorted(unknown_to_hunspell(set(where)), key=str.lower)
    report = [
        f"{word}  ({', '.join(sorted(where[word])[:4])}{' …' if len(where[word]) > 4 else ''})"
        for word in unknown
    ]
    assert not unknown, (
        f"{len(unknown)} ord som varken hunspell ({DICTIONARY}) eller tests/ordlista.txt känner till:\n"
        + "\n".join(report)
    )


def test_seed_typos_do_not_reach_the_site(frozen_site: Path) -> None:
    """None of the seed's known typos appears anywhere in the 2020 site's pages or its search index."""
    found = []
    files = [*frozen_site.rglob("*.html"), frozen_site / "search/search_index.json"]
    for file in files:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".json":  # the index escapes å, ä, ö as \u00e5 ...: read it as text
            text = json.dumps(json.loads(text), ensure_ascii=False)
        text = text.casefold()
        found += [
            f"{file.relative_to(frozen_site)}: {typo}" for typo in SEED_TYPOS if typo.casefold() in text
        ]
    assert not found, "stavfel ur källtexten finns kvar:\n" + "\n".join(found)
