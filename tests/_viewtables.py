"""Read the tables that strategi.views.render.table writes back into captions and cells, for view tests."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import html
import inspect
import itertools
import re
from typing import Any

from strategi.content import diff, plan
from strategi.data import history
from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests.conftest import ROOT, TODAY

# What git would tell the build about the repository's version (strategi.content.history.History), written
# out so view tests run no git: no earlier adopted version, data last changed on 19 January 2021.
HISTORY = history.History(previous=None, problem=None, updated="2021-01-19")

_TABLE = re.compile(r"<table><caption>(.*?)</caption>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")
_BREAKING = {
    "br",
    "p",
    "li",
    "div",
    "ul",
    "dd",
    "dt",
    "tr",
    "td",
    "th",
    "blockquote",
    "figcaption",
    "text",
    "title",
    "desc",
}
_SPACE = re.compile(r"[ \t\n\r\f\v]+")  # ASCII whitespace only: a no-break space is kept


def text(fragment: str) -> str:
    """The visible text of an HTML fragment: inline tags dropped, block tags a space, entities decoded, no-break spaces kept."""
    spaced = _TAG.sub(lambda m: " " if m.group(2).lower() in _BREAKING else "", fragment)
    return _SPACE.sub(" ", html.unescape(spaced)).strip()


def shown(value: Any) -> str:
    """A data text as a view writes it into HTML, spelt out here rather than taken from render.esc:
    runs of ordinary white space folded to one space (no-break spaces kept), HTML-escaped with
    quotes, and braces and pipes as numeric entities so Markdown and Jinja leave them alone."""
    folded = re.sub(r"[ \t\r\n]+", " ", str(value)).strip()
    escaped = html.escape(folded, quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;").replace("|", "&#124;")


def tables(page: str) -> dict[str, list[list[str]]]:
    """Every table in the page by its caption text: a list of rows (header row first) of cell HTML."""
    found: dict[str, list[list[str]]] = {}
    for caption, body in _TABLE.findall(page):
        found[text(caption)] = [_CELL.findall(row) for row in _ROW.findall(body)]
    return found


def table(page: str, caption_start: str) -> list[list[str]]:
    """The one table whose caption starts with ``caption_start``."""
    matches = [rows for caption, rows in tables(page).items() if caption.startswith(caption_start)]
    assert len(matches) == 1, f"expected one table captioned {caption_start!r}, found {len(matches)}"
    return matches[0]


def variant(s: Strategy, channels: list[dict[str, Any]] | None = None, **files: dict[str, Any]) -> Strategy:
    """A copy of the strategy with some data files and/or the channel list replaced."""
    new_files = copy.deepcopy(s.files)
    new_files.update(files)
    new_channels = copy.deepcopy(s.channels if channels is None else channels)
    sources = dict(s.sources)
    sources.update({f"kanal:{c['id']}": f"data/channels/{c['id']}.yaml" for c in new_channels})
    return dataclasses.replace(s, files=new_files, channels=new_channels, sources=sources)


def snapshot(ident: str, datum: str, avser: str, text: str, **figures: int) -> dict[str, Any]:
    """One digital status entry of a channel, from the channel section, with its figures if any."""
    entry: dict[str, Any] = {
        "id": ident,
        "datum": datum,
        "avser": avser,
        "källa": "Kanalavsnittet",
        "övergripande": text,
    }
    if figures:
        entry["mätvärden"] = figures
    return entry


def minimal_channel(
    channel_id: str = "ny", name: str = "Ny kanal", snapshots: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A channel with only the fields the schema requires; one status of October 2026 unless given."""
    return {
        "id": channel_id,
        "namn": name,
        "ordning": 9,
        "fullständighet": {"status": "komplett"},
        "granskad": "2026-h2",
        "nuläge": snapshots or [snapshot("forsta", "2026-10", "oktober 2026", "Kanalen startade i oktober.")],
    }


def small(channels: list[dict[str, Any]] | None = None, today: dt.date = TODAY, **files: Any) -> Strategy:
    """A hand-made strategy of just these data files (by name) and channels, each with its source path."""
    sources = {name: f"data/strategy/{name}.yaml" for name in files}
    sources.update({f"kanal:{c['id']}": f"data/channels/{c['id']}.yaml" for c in channels or []})
    return Strategy(ROOT, dict(files), list(channels or []), sources, today)


def render_every_view(strategy: Strategy) -> None:
    """Every view, called as the pages call it: once, per channel, per month of the plan, or with
    the change list the build hands it (a view that links to other pages links from its own page)."""
    arguments = {
        "channel_id": [channel["id"] for channel in strategy.channels],
        "month": plan.months(strategy),
        # The change list against a copy of itself, and the state with no previous version.
        "comparison": [
            diff.Comparison("strategi-2020-h1", diff.compare(strategy, strategy)),
            diff.Comparison(None),
        ],
        # What git says: nothing, or an earlier version with a problem in the choice.
        "history": [
            history.History(),
            history.History("strategi-2020-h1", "jämför_med är fel", "2021-01-19"),
        ],
    }
    for fn in VIEWS.values():
        parameters = [
            name for name, p in list(inspect.signature(fn).parameters.items())[1:] if p.default is p.empty
        ]
        for combination in itertools.product(*(arguments[name] for name in parameters)):
            str(fn(strategy, *combination))
