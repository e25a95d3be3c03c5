"""Cross-references: every id a file names exists where it should (a role in the organisation, a
goal in Mål, a channel file), no group is part of itself, and ids are unique within their list.

A new kind of reference is one line in ``REFERENCES`` (and, for a new kind of target, one in
``TARGETS``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from strategi.data import parts
from strategi.data.loader import Document, JsonPath
from strategi.data.problems import Problem, shown
from strategi.data.rules.context import Context, at, match, rule

# "Menade du" hints are worked out for at most this many distinct bad values (each costs a scan
# of the known ids), so a file with thousands of bad references is still checked in linear time.
MAX_HINTS = 50

# What each kind of reference points at: (the part, by name, and the list of its items).
TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "mål": ("mal", ("mål",)),
    "persona": ("personas", ("personas",)),
    "roll": ("organisation", ("roller",)),
    "person": ("organisation", ("personer",)),
    "grupp": ("organisation", ("grupper",)),
    "uppdrag": ("process", ("uppdrag",)),
    "materialtyp": ("materialtyper", ("typer",)),
}

# Where references stand: (the part, by name, path pattern, kind).
# "*" in a pattern matches any list position or key.
REFERENCES: list[tuple[str, tuple[str, ...], str]] = [
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
    ("channels", ("mål", "*", "mål", "*"), "mål"),
    ("channels", ("personas", "*"), "persona"),
    ("channels", ("organisation", "personer", "*"), "person"),
    ("channels", ("organisation", "kanalansvariga", "*"), "person"),
    ("channels", ("uppdrag", "*"), "uppdrag"),
    ("channels", ("organisation", "roller", "*"), "roll"),
    ("channels", ("fullständighet", "uppdrag"), "uppdrag"),
    ("indikatorer", ("indikatorer", "*", "kanaler", "*"), "kanal"),
    ("indikatorer", ("indikatorer", "*", "mål", "*"), "mål"),
    # The annual cycle and the publishing plans (every file of a folder part under its name).
    ("arshjul", ("aktiviteter", "*", "ansvar", "roller", "*"), "roll"),
    ("arshjul", ("aktiviteter", "*", "ansvar", "grupper", "*"), "grupp"),
    ("arshjul", ("aktiviteter", "*", "ansvar", "personer", "*"), "person"),
    ("arshjul", ("aktiviteter", "*", "kanaler", "*"), "kanal"),
    ("plan", ("poster", "*", "kanal"), "kanal"),
    ("plan", ("poster", "*", "materialtyp"), "materialtyp"),
    ("plan", ("poster", "*", "mål", "*"), "mål"),
    ("plan", ("poster", "*", "personas", "*"), "persona"),
    ("plan", ("poster", "*", "ansvarig"), "person"),
]


def _owner(relpath: str) -> str:
    """The part a document belongs to, by name ('organisation', 'channels', 'plan')."""
    part = parts.part_of(relpath)
    return part.name if part is not None else ""


def id_sets(ctx: Context) -> dict[str, set[str]]:
    """The known ids of every kind of thing a reference may name (kinds whose file loaded).

    Channels are known by their file names, also when a channel file itself has errors, so one
    broken channel file does not make every reference to it an error too.
    """
    known: dict[str, set[str]] = {}
    for kind, (name, key) in TARGETS.items():
        doc = ctx.part(name)
        if doc is not None:
            known[kind] = {str(v) for _p, v in match(doc.data, (*key, "*", "id"))}
    known["kanal"] = ctx.known_channels()
    return known


@rule
def check_references(ctx: Context) -> Iterator[Problem]:
    """Every reference names an id that exists; a close known id is suggested ('Menade du …?')."""
    known = id_sets(ctx)
    hints: dict[tuple[str, str], str] = {}
    for relpath, doc in ctx.documents.items():
        stem = _owner(relpath)
        for owner, pattern, kind in REFERENCES:
            if owner != stem or kind not in known:
                continue
            for path, value in match(doc.data, pattern):
                if value is None or str(value) in known[kind]:
                    continue
                name = (
                    f"kanal i {parts.CHANNELS.path}/"
                    if kind == "kanal"
                    else f"{kind} i {parts.path_of(TARGETS[kind][0])}"
                )
                if (kind, str(value)) not in hints:
                    hints[(kind, str(value))] = _hint(str(value), known[kind], len(hints) < MAX_HINTS)
                message = f"'{shown(value)}' finns inte som {name}.{hints[(kind, str(value))]}"
                yield at(doc, path, message, rule="referens")


def _hint(value: str, known: set[str], work: bool) -> str:
    """' Menade du …?' for the closest known id, else the known ids (at most 20 of them)."""
    options = sorted(known)
    if work:
        close = difflib.get_close_matches(value[:100], options, n=1, cutoff=0.6)
        if close:
            return f" Menade du '{close[0]}'?"
    listed = ", ".join(options[:20]) + (f" och {len(options) - 20} till" if len(options) > 20 else "")
    return f" Kända: {listed}." if options else ""


@rule
def check_groups(ctx: Context) -> Iterator[Problem]:
    """A group is not part of itself, directly or through other groups."""
    doc = ctx.part("organisation")
    if doc is None:
        return
    parent = {
        str(g["id"]): str(g["ingår_i"])
        for g in doc.data.get("grupper") or []
        if isinstance(g, dict) and g.get("ingår_i") is not None and "id" in g
    }
    for i, group in enumerate(doc.data.get("grupper") or []):
        if not isinstance(group, dict) or "id" not in group:
            continue
        start, step, seen = str(group["id"]), parent.get(str(group["id"])), set()
        while step is not None and step not in seen and step != start:
            seen.add(step)
            step = parent.get(step)
        if step == start:
            yield at(
                doc,
                ("grupper", i, "ingår_i"),
                f"gruppen '{shown(start)}' ingår i sig själv (via 'ingår_i'); en grupp kan inte vara en del av sig själv",
                rule="referens",
            )


@rule
def check_unique_ids(ctx: Context) -> Iterator[Problem]:
    """Within every list of objects, each id appears once."""
    for doc in ctx.documents.values():
        yield from _unique_in(doc, doc.data, ())


def _unique_in(doc: Document, data: Any, path: JsonPath) -> Iterator[Problem]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _unique_in(doc, value, (*path, key))
    elif isinstance(data, list):
        seen: dict[str, int] = {}
        for i, item in enumerate(data):
            if isinstance(item, dict) and "id" in item:
                ident = str(item["id"])
                if ident in seen:
                    line = doc.where((*path, seen[ident], "id"))[0]
                    yield at(
                        doc,
                        (*path, i, "id"),
                        f"id '{shown(ident)}' finns redan på rad {line}; varje id ska vara unikt",
                        rule="id",
                    )
                seen.setdefault(ident, i)
            yield from _unique_in(doc, item, (*path, i))
