"""What changed between two versions of the strategy, told in plain Swedish.

Two Strategy objects -> a list of Change, grouped by section. Keys are named by their schema
titles, list items by their name or id, so a line reads like
'Facebook › Digitalt nuläge › våren 2020 › Följare: lite drygt 17 000 → lite drygt 18 250'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from strategi.content import figures, worddiff
from strategi.data import history, labels, periods
from strategi.data.model import Strategy
from strategi.data.parts import CHANNELS
from strategi.data.text import Raw, esc, number, one_line

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
    "tillganglighet": "Tillgänglighet",
    "arshjul": "Årshjul",
}
LONG_TEXT = 90
# Fields that are derived, not typed (strategi.content.versions): older versions still carry them, and their
# removal is no change to the strategy.
DERIVED = {("version", "etikett"), ("nuläge_avser",), ("senast_uppdaterad",)}
# The characters GitHub Markdown could read as markup mid-line (emphasis, code, links, HTML, tables,
# strike-through, math); CommonMark lets a backslash escape each of them.
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]<>&|~^$])")
WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class Change:
    section: str
    where: tuple[str, ...]
    kind: Kind
    old: Any = None
    new: Any = None
    detail: str = ""
    file: str = ""  # the data file the change is in (of the newer version; of the older if removed)


@dataclass(frozen=True)
class Comparison:
    """The change list against the previous version: its git ref (None when there is no previous
    version), the changes, or a Swedish sentence saying why git could not give them."""

    ref: str | None
    changes: list[Change] = field(default_factory=list)
    error: str | None = None


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return number(value)
    if value is None:
        return "(tomt)"
    if isinstance(value, str) and periods.valid(value):
        return periods.describe(value)  # a code in words: '2020-h1' -> 'våren 2020'
    if isinstance(value, str):
        text = one_line(value)
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
            gone = [item for item in old if item not in new]
            added = [item for item in new if item not in old]
            if len(gone) == len(added):  # the same number out and in: items rewritten in place
                for a, b in zip(gone, added, strict=True):
                    yield path, "ändrat", a, b
                return
            for item in gone:
                yield path, "borttaget", item, None
            for item in added:
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
    return tuple(s.labels(schema, data, path))


def _derived(stem: str, path: tuple[Any, ...], kind: Kind) -> bool:
    """A derived field appearing or disappearing (a migration), not a change to the strategy."""
    if kind == "ändrat":
        return False
    if stem == "strategi":
        return tuple(path) in DERIVED
    return len(path) == 3 and path[0] == "nuläge" and path[2] == "avser"


def _figures(s: Strategy, snapshot: dict[str, Any], before: dict[str, Any] | None) -> str:
    """A snapshot's figures, 'före → efter' where the earlier snapshot has the same measure."""
    earlier = (before or {}).get("mätvärden") or {}
    parts = []
    for key, value in (snapshot.get("mätvärden") or {}).items():
        name = _labels(s, CHANNELS.schema, None, ("nuläge", 0, "mätvärden", key))[-1]
        shown = _figure(snapshot, key, value)
        if key in earlier and earlier[key] != value:
            shown = f"{_figure(before, key, earlier[key])} → {shown}"
        elif key in earlier:
            shown = f"{shown} (oförändrat)"
        parts.append(f"{name}: {shown}")
    return "; ".join(parts)


def _figure(snapshot: dict[str, Any] | None, key: str, value: Any) -> str:
    """A snapshot's figure with the strategy's word for a rounded one ('lite drygt 17 000')."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return figures.shown(value, "", figures.qualifier(snapshot, key))
    return _show(value)


def _figure_change(old: dict[str, Any], new: dict[str, Any], path: tuple[Any, ...], kind: Kind) -> str:
    """'lite drygt 17 000 → 18 250' for a changed or added figure of a snapshot, '' for anything else."""
    if len(path) != 4 or path[0] != "nuläge" or path[2] != "mätvärden" or kind == "borttaget":
        return ""
    after = (new.get("nuläge") or [])[path[1]]
    key = path[3]
    shown = _figure(after, key, (after.get("mätvärden") or {}).get(key))
    if kind == "nytt":
        return shown
    before = next((x for x in old.get("nuläge") or [] if _key_of(x) == _key_of(after)), None)
    return f"{_figure(before, key, ((before or {}).get('mätvärden') or {}).get(key))} → {shown}"


def _previous_snapshot(channel: dict[str, Any], snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """The latest of the channel's other snapshots that starts no later than ``snapshot`` (None for the first)."""
    start = periods.bounds(str(snapshot["datum"]))[0]
    earlier = [
        x
        for x in channel.get("nuläge") or []
        if x is not snapshot
        and periods.valid(str(x.get("datum", "")))
        and periods.bounds(str(x["datum"]))[0] <= start
    ]
    return periods.latest_snapshot({"nuläge": earlier})


def _channel_facts(s: Strategy, channel: dict[str, Any]) -> str:
    """A new channel's key facts: address, audience, frequency and its latest figures with their date."""
    profile = channel.get("profil") or {}
    parts = [str(channel["adress"])] if channel.get("adress") else []
    for key in ("målgrupp", "frekvens"):
        if profile.get(key):
            title = _labels(s, CHANNELS.schema, None, ("profil", key))[-1]
            parts.append(f"{title}: {one_line(profile[key])}")
    latest = periods.latest_snapshot(channel)
    if latest is not None and latest.get("mätvärden"):
        parts.append(f"{periods.describe(str(latest['datum']))}: {_figures(s, latest, None)}")
    return "; ".join(parts)


def compare(old: Strategy, new: Strategy) -> list[Change]:
    """Every change from ``old`` to ``new``, strategy files first, then channels in order."""
    changes: list[Change] = []
    for stem, section in SECTIONS.items():
        before, after = old[stem], new[stem]
        for path, kind, a, b in _walk(before, after, ()):
            if _derived(stem, path, kind):
                continue
            data = after if kind != "borttaget" else before
            where = _labels(new, f"{stem}.schema.json", data, path)
            changes.append(
                Change(section, where, kind, a, b, file=new.sources.get(stem) or old.sources[stem])
            )
    old_channels = {c["id"]: c for c in old.channels}
    new_channels = {c["id"]: c for c in new.channels}
    for cid, channel in new_channels.items():
        if cid not in old_channels:
            file = new.channel_file(cid)
            changes.append(Change("Kanaler", (), "nytt", None, channel, _channel_facts(new, channel), file))
            continue
        for path, kind, a, b in _walk(old_channels[cid], channel, ()):
            if _derived("kanal", path, kind):
                continue
            data = channel if kind != "borttaget" else old_channels[cid]
            detail = _figure_change(old_channels[cid], channel, path, kind)
            if kind == "nytt" and len(path) == 2 and path[0] == "nuläge" and isinstance(b, dict):
                detail = _figures(new, b, _previous_snapshot(channel, b))
            where = _labels(new, CHANNELS.schema, data, path)
            changes.append(Change(channel["namn"], where, kind, a, b, detail, new.channel_file(cid)))
    for cid, channel in old_channels.items():
        if cid not in new_channels:
            changes.append(Change("Kanaler", (), "borttaget", channel, None, file=old.channel_file(cid)))
    return changes


def describe(change: Change) -> str:
    """One change as a line of plain Swedish."""
    where = labels.SEPARATOR.join((change.section, *change.where))
    if change.section == "Kanaler" and not change.where:
        channel = change.new if change.kind == "nytt" else change.old
        verb = "Ny kanal" if change.kind == "nytt" else "Borttagen kanal"
        named = f"{verb}: {channel.get('namn', channel.get('id'))}"
        return f"{named} ({change.detail})" if change.detail else named
    if change.kind == "nytt":
        if not isinstance(change.new, dict):
            return f"Nytt: {where}: {change.detail or _show(change.new)}"
        return f"Nytt: {where}: {change.detail}" if change.detail else f"Nytt: {where}"
    if change.kind == "borttaget":
        return (
            f"Borttaget: {where}: {_show(change.old)}"
            if not isinstance(change.old, dict)
            else f"Borttaget: {where}"
        )
    if change.detail:  # a figure with its words, 'lite drygt 17 000 → 18 250'
        return f"{where}: {change.detail}"
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


def md_text(value: Any) -> str:
    """Text made inert for GitHub Markdown without HTML entities: markup characters backslash-escaped,
    and a word joiner after '@' and '#' so no one is mentioned and no issue or commit is linked."""
    text = _MD_PUNCT.sub(r"\\\1", one_line(value))
    return text.replace("@", "@" + WORD_JOINER).replace("#", "#" + WORD_JOINER)


def as_markdown(changes: list[Change], title: str) -> str:
    """Markdown for a pull-request comment; every data value escaped so nothing renders as markup."""
    if not changes:
        return f"### {md_text(title)}\n\nInga ändringar i strategin.\n"
    parts = [f"### {md_text(title)}", ""]
    for section, items in grouped(changes).items():
        parts.append(f"**{md_text(section)}** ({len(items)})\n")
        parts.extend(f"- {describe_markdown(c)}" for c in items)
        parts.append("")
    return "\n".join(parts)


def _is_prose_change(change: Change) -> bool:
    return change.kind == "ändrat" and worddiff.is_prose(change.old, change.new)


def describe_markdown(change: Change) -> str:
    """One change as a Markdown line; a changed text shows its removed and added words."""
    if _is_prose_change(change):
        where = labels.SEPARATOR.join((change.section, *change.where))
        return f"{md_text(where)}: {worddiff.as_markdown(change.old, change.new, md_text)}"
    return md_text(describe(change))


def describe_html(change: Change) -> Raw:
    """One change as HTML for the site; a changed text shows <del>/<ins> words in context."""
    if _is_prose_change(change):
        where = labels.SEPARATOR.join((change.section, *change.where))
        return Raw(f"{esc(where)}: {worddiff.as_html(change.old, change.new)}")
    return Raw(esc(describe(change)))


def ref_words(ref: str) -> str:
    """A git ref as a reader says it: 'strategi-2020-h1' -> 'våren 2020', 'origin/main' -> 'main'."""
    name = ref.removeprefix("origin/").removeprefix("refs/tags/").removeprefix("refs/heads/")
    version = name.removeprefix(history.TAG_PREFIX)
    if name.startswith(history.TAG_PREFIX) and periods.valid(version):
        return periods.describe(version)
    return name


def title_for(old_ref: str, new_ref: str | None) -> str:
    """'Ändringar jämfört med main', or 'Ändringar från våren 2020 till hösten 2020'."""
    if new_ref is None:
        return f"Ändringar jämfört med {ref_words(old_ref)}"
    return f"Ändringar från {ref_words(old_ref)} till {ref_words(new_ref)}"
