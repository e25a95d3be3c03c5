"""What changed between two versions of the strategy, told in plain Swedish.

Two Strategy objects -> a list of Change, grouped by section. Keys are named by their schema
titles, list items by their name or id, so a line reads like
'Facebook › Digitalt nuläge › våren 2020 › Följare: 17 000 → 18 250'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import labels, render, worddiff
from .check import CHANNEL_SCHEMA, SCHEMA_DIR
from .model import Strategy

Kind = Literal["ändrat", "nytt", "borttaget"]

# Section names for the strategy files, in the order of the site.
SECTIONS = {
    "strategi": "Strategin",
    "mal": "Mål",
    "personas": "Målgrupper och personas",
    "tonalitet": "Tonalitet och skrivregler",
    "materialtyper": "Materialtyper",
    "kanalanalys": "Kanalanalys",
    "uppfoljning": "Uppföljning",
    "organisation": "Organisation",
    "budget": "Budget",
    "process": "Process och uppdrag",
    "indikatorer": "Indikatorer",
}
LONG_TEXT = 90


@dataclass(frozen=True)
class Change:
    section: str
    where: tuple[str, ...]
    kind: Kind
    old: Any = None
    new: Any = None


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return render.number(value)
    if value is None:
        return "(tomt)"
    if isinstance(value, str):
        text = render.one_line(value)
        return f"”{text}”" if " " in text else text
    if isinstance(value, list):
        return ", ".join(labels.item_name(v, i) for i, v in enumerate(value))
    return labels.item_name(value, 0)


def _key_of(item: Any) -> Any:
    if isinstance(item, dict):
        for key in ("id", "datum", "ord", "kanal"):
            if key in item:
                return (key, item[key])
    return None


def _walk(old: Any, new: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Kind, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *[k for k in new if k not in old]]:
            if key not in new:
                yield (*path, key), "borttaget", old[key], None
            elif key not in old:
                yield (*path, key), "nytt", None, new[key]
            else:
                yield from _walk(old[key], new[key], (*path, key))
        return
    if isinstance(old, list) and isinstance(new, list):
        old_keys = [_key_of(i) for i in old]
        new_keys = [_key_of(i) for i in new]
        if old and new and None not in old_keys and None not in new_keys:
            for i, item in enumerate(old):
                if old_keys[i] not in new_keys:
                    yield (*path, i), "borttaget", item, None
                else:
                    j = new_keys.index(old_keys[i])
                    yield from _walk(item, new[j], (*path, j))
            for j, item in enumerate(new):
                if new_keys[j] not in old_keys:
                    yield (*path, j), "nytt", None, item
            return
        if all(not isinstance(v, dict | list) for v in [*old, *new]):
            for item in old:
                if item not in new:
                    yield path, "borttaget", item, None
            for item in new:
                if item not in old:
                    yield path, "nytt", None, item
            return
        for i in range(max(len(old), len(new))):
            if i >= len(new):
                yield (*path, i), "borttaget", old[i], None
            elif i >= len(old):
                yield (*path, i), "nytt", None, new[i]
            else:
                yield from _walk(old[i], new[i], (*path, i))
        return
    if old != new:
        yield path, "ändrat", old, new


def _labels(s: Strategy, schema: str, data: Any, path: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(labels.labels((s.root / SCHEMA_DIR).resolve(), schema, data, path))


def compare(old: Strategy, new: Strategy) -> list[Change]:
    """Every change from ``old`` to ``new``, strategy files first, then channels in order."""
    changes: list[Change] = []
    for stem, section in SECTIONS.items():
        before, after = old[stem], new[stem]
        for path, kind, a, b in _walk(before, after, ()):
            data = after if kind != "borttaget" else before
            changes.append(Change(section, _labels(new, f"{stem}.schema.json", data, path), kind, a, b))
    old_channels = {c["id"]: c for c in old.channels}
    new_channels = {c["id"]: c for c in new.channels}
    for cid, channel in new_channels.items():
        if cid not in old_channels:
            changes.append(Change("Kanaler", (), "nytt", None, channel))
            continue
        for path, kind, a, b in _walk(old_channels[cid], channel, ()):
            data = channel if kind != "borttaget" else old_channels[cid]
            changes.append(Change(channel["namn"], _labels(new, CHANNEL_SCHEMA, data, path), kind, a, b))
    for cid, channel in old_channels.items():
        if cid not in new_channels:
            changes.append(Change("Kanaler", (), "borttaget", channel, None))
    return changes


def describe(change: Change) -> str:
    """One change as a line of plain Swedish."""
    where = labels.SEPARATOR.join((change.section, *change.where))
    if change.section == "Kanaler" and not change.where:
        channel = change.new if change.kind == "nytt" else change.old
        verb = "Ny kanal" if change.kind == "nytt" else "Borttagen kanal"
        return f"{verb}: {channel.get('namn', channel.get('id'))}"
    if change.kind == "nytt":
        return f"Nytt: {where}: {_show(change.new)}" if not isinstance(change.new, dict) else f"Nytt: {where}"
    if change.kind == "borttaget":
        return (
            f"Borttaget: {where}: {_show(change.old)}"
            if not isinstance(change.old, dict)
            else f"Borttaget: {where}"
        )
    if worddiff.is_prose(change.old, change.new):
        return f"{where}: {worddiff.as_text(change.old, change.new)}"
    old, new = _show(change.old), _show(change.new)
    if len(old) + len(new) > 2 * LONG_TEXT:
        return f"{where}: texten har ändrats"
    return f"{where}: {old} → {new}"


def grouped(changes: list[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.section, []).append(change)
    return groups


def as_text(changes: list[Change], title: str) -> str:
    if not changes:
        return f"{title}\n\nInga ändringar i strategin."
    lines = [title, ""]
    for section, items in grouped(changes).items():
        lines.append(f"{section} ({len(items)})")
        lines.extend(f"  - {describe(c)}" for c in items)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(changes: list[Change], title: str) -> str:
    """Markdown for a pull-request comment; every data value escaped so nothing renders as markup."""
    if not changes:
        return f"### {render.md(title)}\n\nInga ändringar i strategin.\n"
    parts = [f"### {render.md(title)}", ""]
    for section, items in grouped(changes).items():
        parts.append(f"**{render.md(section)}** ({len(items)})\n")
        parts.extend(f"- {describe_markdown(c)}" for c in items)
        parts.append("")
    return "\n".join(parts)


def _is_prose_change(change: Change) -> bool:
    return change.kind == "ändrat" and worddiff.is_prose(change.old, change.new)


def describe_markdown(change: Change) -> str:
    """One change as a Markdown line; a changed text shows its removed and added words."""
    if _is_prose_change(change):
        where = labels.SEPARATOR.join((change.section, *change.where))
        return f"{render.md(where)}: {worddiff.as_markdown(change.old, change.new)}"
    return render.md(describe(change))


def describe_html(change: Change) -> render.Raw:
    """One change as HTML for the site; a changed text shows <del>/<ins> words in context."""
    if _is_prose_change(change):
        where = labels.SEPARATOR.join((change.section, *change.where))
        return render.Raw(f"{render.esc(where)}: {worddiff.as_html(change.old, change.new)}")
    return render.Raw(render.esc(describe(change)))


def source_path(strategy: Strategy, section: str) -> str | None:
    for stem, name in SECTIONS.items():
        if name == section:
            return strategy.sources.get(stem)
    for channel in strategy.channels:
        if channel["namn"] == section:
            return strategy.sources.get(f"kanal:{channel['id']}")
    return None if section != "Kanaler" else str(Path("data/channels"))
