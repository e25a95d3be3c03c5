"""`ny-version`: start the next half-year's draft, and the checklist of what is left to do.

Only what an editor would otherwise type is written: the version id, status förslag, and per
channel a new digital-status snapshot with the previous figures copied and marked
`obekräftad: true` (plus an open question saying so). The label, what the digital status refers
to, 'last updated' and the version the change list compares with (the last adopted one, unless
`jämför_med` says otherwise) are derived (strategi.content.versions); which channels, indicators and
reviews are due is computed by `checklist`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from strategi.content import progress, questions, versions
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.data.parts import STRATEGY_FILE
from strategi.data.problems import UserError

_ID = re.compile(r"^([0-9]{4})-(h1|h2)$")


class RevisionError(UserError, ValueError):
    """The draft cannot be started; the message says why, in Swedish."""

    code = 2


def snapshot_id(version_id: str) -> str:
    return f"revision-{version_id}"


def _q(text: Any) -> str:
    return json.dumps(str(text), ensure_ascii=False)


def _set_top(lines: list[str], key: str, value: str, after: str) -> None:
    """Set a top-level 'key: value' line, inserting it after the line of ``after`` if missing."""
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            lines[i] = f"{key}: {value}"
            return
    for i, line in enumerate(lines):
        if line.startswith(f"{after}:"):
            lines.insert(i + 1, f"{key}: {value}")
            return
    lines.append(f"{key}: {value}")


def _set_version(lines: list[str], version_id: str) -> None:
    start = lines.index("version:")
    for i in range(start + 1, len(lines)):
        if not lines[i].startswith("  "):
            break
        if lines[i].startswith("  id:"):
            lines[i] = f"  id: {_q(version_id)}"


def _snapshot_text(previous: dict[str, Any], version_id: str) -> list[str]:
    when = periods.describe(version_id)
    lines = [
        f"  - id: {snapshot_id(version_id)}",
        f"    datum: {_q(version_id)}",
        f"    avser: {when}",
        f"    källa: Halvårsrevisionen {version_id}",
        "    obekräftad: true",
        f"    övergripande: {_q(previous['övergripande'])}",
    ]
    if previous.get("nischad"):
        lines.append(f"    nischad: {_q(previous['nischad'])}")
    figures = previous.get("mätvärden") or {}
    if figures:
        lines.append("    mätvärden:")
        lines.extend(f"      {k}: {_q(v) if isinstance(v, str) else v}" for k, v in figures.items())
    if previous.get("ungefärliga_mätvärden"):
        lines.append("    ungefärliga_mätvärden:")
        lines.extend(f"      - {k}" for k in previous["ungefärliga_mätvärden"])
    if previous.get("ungefärligt_ord"):
        lines.append("    ungefärligt_ord:")
        for entry in previous["ungefärligt_ord"]:
            lines.extend([f"      - mätvärde: {entry['mätvärde']}", f"        ord: {_q(entry['ord'])}"])
    question = (
        f"Texten och siffrorna är kopierade från nuläget för {previous.get('avser', previous['datum'])}. "
        f"Stämmer de för {when}? Skriv in de nya siffrorna och ta sedan bort raden "
        "'obekräftad: true' och den här frågan."
    )
    lines += ["    flaggor:", "      - typ: osäkert", f"        fråga: {_q(question)}"]
    return lines


def _add_snapshot(text: str, previous: dict[str, Any], version_id: str) -> str:
    lines = text.split("\n")
    start = lines.index("nuläge:")
    end = start + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = _snapshot_text(previous, version_id)
    return "\n".join(lines)


def start(s: Strategy, new_id: str) -> list[str]:
    """Write the new draft into the data files; return the files changed."""
    if not _ID.match(new_id):
        raise RevisionError(f"'{new_id}' är inget halvår; skriv till exempel 2021-h1 eller 2021-h2")
    current = s.version_id
    if new_id <= current:
        raise RevisionError(f"den nya versionen måste komma efter den nuvarande, {current}")
    if periods.bounds(new_id)[0] > s.today:
        raise RevisionError(f"halvåret {new_id} har inte börjat; nulägen kan inte dateras i framtiden")
    root = s.root
    lines = (root / STRATEGY_FILE).read_text(encoding="utf-8").split("\n")
    _set_version(lines, new_id)
    _set_top(lines, "status", "förslag", "version")
    (root / STRATEGY_FILE).write_text("\n".join(lines), encoding="utf-8")
    written = [STRATEGY_FILE]
    for channel in s.channels:
        previous = periods.latest_snapshot(channel)
        if previous is None:
            continue
        # Figures of every snapshot of the same date (a table and a channel section, say) carry over.
        figures: dict[str, Any] = {}
        for snap in channel.get("nuläge") or []:
            if snap.get("datum") == previous["datum"]:
                figures.update(snap.get("mätvärden") or {})
        previous = {**previous, "mätvärden": figures}
        relpath = s.channel_file(channel["id"])
        path = root / relpath
        path.write_text(_add_snapshot(path.read_text(encoding="utf-8"), previous, new_id), encoding="utf-8")
        written.append(relpath)
    return written


def unconfirmed(s: Strategy) -> list[dict[str, Any]]:
    """Channels whose latest digital status is a copy still to confirm, or older than the cadence."""
    cadence = s.revision_months
    found = []
    for channel in s.channels:
        copied = any(snap.get("obekräftad") for snap in channel.get("nuläge") or [])
        if copied or periods.is_stale(channel, cadence, s.today):
            found.append(channel)
    return found


def reviews_due(s: Strategy) -> list[dict[str, Any]]:
    """Channels last reviewed longer ago than the revision interval."""
    cadence = s.revision_months
    limit = periods.months_before(s.today, cadence)
    return [c for c in s.channels if not c.get("granskad") or periods.bounds(str(c["granskad"]))[1] < limit]


def checklist(s: Strategy) -> list[tuple[str, list[str]]]:
    """What is left before the version can be adopted: (heading, items) in Swedish."""
    return [
        ("Kanaler som behöver ett färskt nuläge", [c["namn"] for c in unconfirmed(s)]),
        (
            f"Indikatorer som {progress.AWAITING_WORDS}",
            [p.indicator["namn"] for p in progress.awaiting_value(s)],
        ),
        (
            "Kanaler vars granskning har gått ut",
            [
                f"{c['namn']} (granskad {periods.describe(str(c.get('granskad', '')))})"
                for c in reviews_due(s)
            ],
        ),
        ("Öppna frågor", [questions.open_line(s)]),
    ]


def checklist_text(s: Strategy) -> str:
    """The checklist as plain lines for the terminal."""
    lines = [f"Checklista för {versions.label(s)} ({s.version_id}):"]
    for heading, items in checklist(s):
        lines.append(f"- {heading} ({len(items)})" if heading != "Öppna frågor" else f"- {heading}")
        lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"
