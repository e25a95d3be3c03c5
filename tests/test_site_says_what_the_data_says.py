"""The built site and the PDF hold to the data: every page and the PDF text are read back and checked
against what the content layer works out from data/, for any valid strategy.

- a status shown for an indicator (table badge, section, chart text alternative) is the one the
  documented rule gives, and a red verdict never stands on an indicator without a measured value
  after its baseline;
- a figure the data marks as rounded is never shown bare: its word ('ca', 'lite drygt') stands
  before it, in every place it appears;
- 'Senast ändrad' is the day the content last changed (strategi.content.changed.content_updated), the
  site built without a publish date so the rule itself is what shows;
- no line of the source page's frame (its German footer) reaches a reader.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strategi.content import changed, figures, progress
from strategi.data import history, model, periods
from strategi.views import render
from tests.conftest import ROOT, TODAY, build_site, require, run_cli

RED = progress.MISSED
GUIDE = "guide/index.html"
SPACES = re.compile(r"[\s\u00a0\u202f]+")


@pytest.fixture(scope="module")
def strategy() -> model.Strategy:
    return model.load(ROOT, TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site built with no publish date, so 'Senast ändrad' comes from the rule."""
    out = tmp_path_factory.mktemp("sanning") / "site"
    result = build_site(ROOT, out, env={history.UPDATED_ENV: ""})
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, str]:
    """Every built page's HTML by its path in the site."""
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def pdf_text(site: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PDF's text in reading order, whitespace made single spaces."""
    require(
        subprocess.run(["which", "pdftotext"], capture_output=True, check=False).returncode == 0,
        "pdftotext saknas: installera med 'apt-get install poppler-utils'",
    )
    out = tmp_path_factory.mktemp("sanning-pdf") / "strategi.pdf"
    result = run_cli("pdf", "--sajt", str(site), "--ut", str(out), timeout=900)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return SPACES.sub(" ", text)


def _text(html: str) -> str:
    """A page's visible words: no scripts, styles or tags, entities decoded, whitespace single."""
    bare = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return SPACES.sub(" ", html_lib.unescape(re.sub(r"<[^>]+>", " ", bare)))


def _expected(strategy: model.Strategy) -> dict[str, progress.Progress]:
    return {p.indicator["id"]: p for p in progress.all_progress(strategy)}


_SHOWN = re.compile(
    r'indikator-(?P<near>[a-z0-9-]+)"|<span class="status status--(?P<code>[a-z-]+)">'
    r'|<desc id="diagram-(?P<chart>[a-z0-9-]+)-beskrivning">(?P<desc>[^<]*)</desc>'
)


def _statuses(html: str, known: set[str]) -> Iterator[tuple[str, str, str]]:
    """(indicator id, where, status code or chart text) for every status a page shows, each tied to
    the indicator named last before it (its row link, or its section's anchor)."""
    near = ""
    for match in _SHOWN.finditer(html):
        if match["near"] in known:
            near = match["near"]
        elif match["code"] and near:
            yield near, "badge", match["code"].replace("-", "_")
        elif match["chart"]:
            chart = next((i for i in known if match["chart"].endswith(i)), "")
            yield chart, "chart", match["desc"]


def test_every_status_shown_is_the_rules_and_no_red_without_a_measurement(
    strategy: model.Strategy, pages: dict[str, str]
) -> None:
    """On every page, each indicator's status badge and chart text say the status the rule gives;
    a red status (Efter plan, Måldatum passerat) only ever stands on an indicator measured after its
    baseline, and one with no value at all is 'Ingen mätning' or 'Följs utan mål'."""
    expected = _expected(strategy)
    for p in expected.values():
        if len(p.points) < 2:
            assert p.status not in RED, p.indicator["id"]
        if not p.points:
            assert p.status in {"unmeasured", "no_target"}, p.indicator["id"]
    seen = 0
    for name, html in pages.items():
        for ident, where, said in _statuses(html, set(expected)):
            seen += 1
            if where == "badge":
                assert said == expected[ident].status, (name, ident)
            else:
                assert f"Status: {expected[ident].words}." in said, (name, ident)
    assert seen >= len(expected)


def _rounded(strategy: model.Strategy) -> dict[str, str]:
    """Each figure the data marks as rounded, as render.number writes it, with the word to keep;
    a figure that also stands exact elsewhere (another metric, a measurement, a target) is left out,
    since its bare form may be that other one."""
    rounded: dict[str, str] = {}
    exact: set[float] = set()
    for channel in strategy.channels:
        for snap in channel.get("nuläge") or []:
            for key, value in (snap.get("mätvärden") or {}).items():
                if not isinstance(value, int | float) or isinstance(value, bool):
                    continue
                word = figures.qualifier(snap, key)
                if word:
                    rounded[render.number(value)] = word
                else:
                    exact.add(float(value))
    exact |= {float(row["värde"]) for row in strategy.measurements}
    for ind in (strategy["indikatorer"] or {}).get("indikatorer") or []:
        exact |= {float(v) for v in (ind.get("målnivå") or {}).values()}
    return {
        shown: word
        for shown, word in rounded.items()
        if float(SPACES.sub("", shown).replace(",", ".")) not in exact
    }


def _bare(text: str, shown: str, word: str) -> list[str]:
    """Places where the figure stands without its word right before it (money, 'kr', is not a count)."""
    number = SPACES.sub(" ", shown).replace(" ", r"[\s\u00a0\u202f]")
    found = []
    for match in re.finditer(rf"(?<![\d,])(?<!\d[\s\u00a0\u202f]){number}(?![\d,]|[\s\u00a0\u202f]\d)", text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 4]
        if re.match(r"[\s\u00a0\u202f]*kr", after):
            continue
        if not re.search(rf"{re.escape(word)}[\s\u00a0\u202f]*[(”\"]?$", before, re.IGNORECASE):
            found.append(before[-30:] + text[match.start() : match.end()])
    return found


def test_every_rounded_figure_keeps_its_words(
    strategy: model.Strategy, pages: dict[str, str], pdf_text: str
) -> None:
    """A figure the data marks as rounded ('lite drygt 17 000', 'cirka 11 600') carries its word
    wherever it appears: tables, cards, chart texts and the change list on every page, and the PDF."""
    rounded = _rounded(strategy)
    for name, html in pages.items():
        if name == GUIDE:  # the editor guide quotes typed YAML values and messages, not the strategy
            continue
        text = _text(html)
        for shown, word in rounded.items():
            assert not _bare(text, shown, word), (name, shown, _bare(text, shown, word)[:3])
    for shown, word in rounded.items():
        assert not _bare(pdf_text, shown, word), ("PDF", shown, _bare(pdf_text, shown, word)[:3])


def test_senast_andrad_follows_the_content_rule(
    strategy: model.Strategy, pages: dict[str, str], pdf_text: str
) -> None:
    """'Senast ändrad' on the start page, on every page that states it and in the PDF is the day the
    content last changed by the rule (changed.content_updated), never another day."""
    day = periods.describe(changed.content_updated(strategy))
    assert day
    stated = [
        (name, found)
        for name, html in pages.items()
        for found in re.findall(r"Senast ändrad ((?:\d+ )?[a-zåäö]+ \d{4})", _text(html))
    ]
    assert any(name == "index.html" for name, _ in stated)
    assert all(found == day for _, found in stated), stated
    in_pdf = re.findall(r"Senast ändrad ((?:\d+ )?[a-zåäö]+ \d{4})", pdf_text)
    assert in_pdf
    assert set(in_pdf) == {day}


def _frame(strategy: model.Strategy) -> list[str]:
    lines: list[Any] = (strategy["strategi"].get("källa") or {}).get("sidfot") or []
    return [SPACES.sub(" ", str(line)).strip() for line in lines if str(line).strip()]


def test_the_source_pages_frame_reaches_no_reader(
    strategy: model.Strategy, site: Path, pages: dict[str, str], pdf_text: str
) -> None:
    """No line of the source page's own frame (its German footer, kept in the data) is on any page,
    in the search index or in the PDF."""
    frame = _frame(strategy)
    for name, html in pages.items():
        text = _text(html)
        assert not [line for line in frame if line in text], name
    index = SPACES.sub(" ", (site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [line for line in frame if line in index]
    assert not [line for line in frame if line in pdf_text]
