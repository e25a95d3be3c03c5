"""Half-year versions: what is derived from the version id and the data, which published version
came before, and the facts every page shows about this version (banner, start page, cover).

Derived, never typed (one fact in one place):
- the label, from ``version.id``: '2020-h2' -> 'Hösten 2020';
- what the digital status refers to, from the channels' dated snapshots.

Pure: what git knows about a version (the previous one, 'last updated') is strategi.data.history,
worked out once per build and handed to the views.
"""

from __future__ import annotations

from typing import Any

from strategi.content import figures
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.data.rules import version as version_rules
from strategi.data.text import one_line

DEFAULT_ALIAS = "senaste"
DRAFT_SUFFIX = " (förslag)"
STATUS_WORDS = {"förslag": "Förslag – inte antaget", "antagen": "Antagen"}


def label_of(version: str) -> str:
    """'2020-h2' -> 'Hösten 2020' (any other text is returned as it stands)."""
    words = periods.describe(version)
    return words[:1].upper() + words[1:]


def label(s: Strategy) -> str:
    return label_of(s.version_id)


def selector_title(s: Strategy) -> str:
    """The label in Material's version selector: 'Våren 2020 (förslag)' for a draft."""
    return f"{label(s)}{DRAFT_SUFFIX}" if s.is_draft else label(s)


def status_refers_to(s: Strategy) -> str:
    """The tidpunkt the digital status describes, derived from the channels' stated snapshots."""
    return version_rules.refers_to(s.channels)


def presentation_past(s: Strategy) -> bool:
    """True when the planned presentation lies wholly before today."""
    when = str((s["strategi"].get("presentation") or {}).get("när", ""))
    return periods.valid(when) and periods.bounds(when)[1] < s.today


def presentation_words(s: Strategy) -> str:
    """'för strategigruppen för kommunikation i november 2020', or '' when either part is missing."""
    pres = s["strategi"].get("presentation") or {}
    if not pres.get("när") or not pres.get("för"):
        return ""
    return f"för {one_line(pres['för'])} i {periods.describe(str(pres['när']))}"


def facts(s: Strategy, updated: str) -> list[tuple[str, str]]:
    """The facts about this version that every page agrees on, in order (empty values left out);
    ``updated`` is when the data last changed (History.updated)."""
    data = s["strategi"]
    status = str(data.get("status", ""))
    rows = [
        ("Version", label(s)),
        ("Status", STATUS_WORDS.get(status, status)),
        ("Senast ändrad", periods.describe(updated)),
        ("Digitalt nuläge avser", periods.describe(status_refers_to(s))),
    ]
    if presentation_words(s):
        verb = "Skulle presenteras" if presentation_past(s) else "Presenteras"
        rows.append((verb if s.is_draft else "Presenterades", presentation_words(s)))
    return [(k, v) for k, v in rows if v]


def _genitive(name: str) -> str:
    return name if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def newest_snapshot(s: Strategy) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The channel whose latest digital status ends last, with that snapshot (None when none is dated)."""
    dated = [(c, snap) for c in s.channels if (snap := periods.latest_snapshot(c)) and snap.get("datum")]
    if not dated:
        return None
    return max(dated, key=lambda pair: periods.bounds(str(pair[1]["datum"]))[::-1])


def sentence(s: Strategy, updated: str) -> str:
    """One sentence on what this version is, when its content last changed, what time its figures
    describe and whose are newest, saying so when the strategy gives that time no date: 'Våren 2020
    är ett förslag, senast ändrat 19 januari 2021; nulägets siffror avser våren 2020, nyast är
    Instagrams (senast 19 januari 2021, en tidpunkt som strategin inte anger).'"""
    text = f"{label(s)} är {'ett förslag' if s.is_draft else 'den antagna versionen'}"
    if updated:
        text += f", senast ändrat {periods.describe(updated)}"
    refers = status_refers_to(s)
    if refers:
        text += f"; nulägets siffror avser {periods.describe(refers)}"
    newest = newest_snapshot(s)
    if newest:
        channel, snap = newest
        if not refers or periods.bounds(str(snap["datum"]))[1] > periods.bounds(refers)[1]:
            undated = ", en tidpunkt som strategin inte anger" if snap.get("datering") else ""
            joiner = ", nyast är" if refers else "; nyast är"
            name = _genitive(one_line(channel.get("namn", channel["id"])))
            text += f"{joiner} {name} ({figures.when(snap)}{undated})"
    return text + "."
