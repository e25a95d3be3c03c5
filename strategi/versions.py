"""Half-year versions: what is derived from the version id and the data, which published version
came before, and the facts every page shows about this version (banner, start page, cover).

Derived, never typed (one fact in one place):
- the label, from ``version.id``: '2020-h2' -> 'Hösten 2020';
- what the digital status refers to, from the channels' dated snapshots;
- 'senast ändrad', from the publish (STRATEGI_SENAST_UPPDATERAD), else the day of the last commit
  since the previous version whose data the change list reports as changed (strategi.changed: a
  commit that only reformats or adds a comment does not count), else the source page's own date
  in ``källa.webbsida_senast_uppdaterad`` (the data as it came from the source).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import changed, figures, git, periods, render, version_rules
from .model import Strategy

TAG_PREFIX = version_rules.TAG_PREFIX
DEFAULT_ALIAS = "senaste"
DRAFT_SUFFIX = " (förslag)"
UPDATED_ENV = "STRATEGI_SENAST_UPPDATERAD"
STATUS_WORDS = {"förslag": "Förslag – inte antaget", "antagen": "Antagen"}


def version_id(s: Strategy) -> str:
    return str(s["strategi"]["version"]["id"])


def label_of(version: str) -> str:
    """'2020-h2' -> 'Hösten 2020' (any other text is returned as it stands)."""
    words = periods.describe(version)
    return words[:1].upper() + words[1:]


def label(s: Strategy) -> str:
    return label_of(version_id(s))


def selector_title(s: Strategy) -> str:
    """The label in Material's version selector: 'Våren 2020 (förslag)' for a draft."""
    return f"{label(s)}{DRAFT_SUFFIX}" if s.is_draft else label(s)


def status_refers_to(s: Strategy) -> str:
    """The tidpunkt the digital status describes, derived from the channels' stated snapshots."""
    return version_rules.refers_to(s.channels)


def content_updated(s: Strategy) -> str:
    """When the strategy's content last changed, as ÅÅÅÅ-MM-DD: the day of the last commit since the
    previous version that the change list would report (strategi.changed), else the date the source
    web page was last updated (the first version, or nothing changed since the previous one)."""
    since = previous_ref(s)
    day = changed.last_change_day(s.root, since, s.today) if since else ""
    return day or str((s["strategi"].get("källa") or {}).get("webbsida_senast_uppdaterad", ""))


def last_updated(s: Strategy) -> str:
    """'Senast ändrad' as ÅÅÅÅ-MM-DD: the publish's date when it gives one, else content_updated."""
    given = os.environ.get(UPDATED_ENV, "")
    if periods.valid(given):
        return given
    return content_updated(s)


def presentation_past(s: Strategy) -> bool:
    """True when the planned presentation lies wholly before today."""
    when = str((s["strategi"].get("presentation") or {}).get("när", ""))
    return periods.valid(when) and periods.bounds(when)[1] < s.today


def presentation_words(s: Strategy) -> str:
    """'för strategigruppen för kommunikation i november 2020', or '' when either part is missing."""
    pres = s["strategi"].get("presentation") or {}
    if not pres.get("när") or not pres.get("för"):
        return ""
    return f"för {render.one_line(pres['för'])} i {periods.describe(str(pres['när']))}"


@dataclass(frozen=True)
class History:
    """What git knows about a version, worked out once per build (strategi.build) so the views that
    show it never run git: the ref the change list compares with, a problem with that choice, and
    when the data last changed (ÅÅÅÅ-MM-DD, or '')."""

    previous: str | None = None
    problem: str | None = None
    updated: str = ""


def history(s: Strategy) -> History:
    """Ask git (tags and log) what it knows about this version."""
    return History(previous_ref(s), compare_problem(s), last_updated(s))


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
            text += f"{joiner} {_genitive(render.one_line(channel.get('namn', channel['id'])))} ({figures.when(snap)}{undated})"
    return text + "."


def _git_lines(root: Path, *args: str) -> list[str]:
    """The words git answers, or none when it says no (not a git repository, no such ref) or
    cannot be run: the site also builds from a folder without git."""
    try:
        found = git.attempt(root, *args)
    except git.GitError:
        return []
    return found.split() if found is not None else []


def published_tags(root: Path) -> list[str]:
    """Version ids that have a 'strategi-<id>' tag (adopted versions), oldest first."""
    found = _git_lines(root, "tag", "--list", f"{TAG_PREFIX}*")
    return sorted(t.removeprefix(TAG_PREFIX) for t in found if periods.valid(t.removeprefix(TAG_PREFIX)))


def previous_adopted(s: Strategy) -> str | None:
    """The tag of the latest adopted version before this one, or None."""
    current = version_id(s)
    earlier = [v for v in published_tags(s.root) if v < current]
    return f"{TAG_PREFIX}{earlier[-1]}" if earlier else None


def previous_ref(s: Strategy) -> str | None:
    """The git ref the change list compares with: a configured ref, else the previous adopted version's tag."""
    configured = s["strategi"].get("jämför_med")
    if configured:
        return str(configured)
    return previous_adopted(s)


def compare_problem(s: Strategy) -> str | None:
    """A Swedish message when ``jämför_med`` names something other than the previous adopted version
    without saying why ('jämför_med_motivering'); None when all is well."""
    configured = s["strategi"].get("jämför_med")
    expected = previous_adopted(s)
    if not configured or configured == expected or s["strategi"].get("jämför_med_motivering"):
        return None
    wanted = f"'{expected}'" if expected else "ingenting (det finns ingen tidigare antagen version)"
    return (
        f"jämför_med i data/strategy/strategi.yaml är '{configured}', men föregående antagna version är "
        f"{wanted}. Ta bort jämför_med, eller skriv varför i jämför_med_motivering."
    )
