"""Rules beyond the schema: references resolve, totals add up, ids are unique, dates are real.

Each rule reads the loaded documents and returns problems pointing at the exact line. A rule
whose source file failed to load is skipped: that file's own problems are already reported.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strategi.data import periods
from strategi.data.loader import Document, JsonPath
from strategi.data.problems import Problem, shown
from strategi.data.rules import annual_cycle, followup, plan, version

# "Menade du" hints are worked out for at most this many distinct bad values (each costs a scan
# of the known ids), so a file with thousands of bad references is still checked in linear time.
MAX_HINTS = 50

CHANNELS = "data/channels/"
STRATEGY = "data/strategy/"
PLANS = "data/plan/"

# What each kind of reference points at: (file stem, list key, human name of the kind).
TARGETS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "mål": ("mal", ("mål",), "mål i data/strategy/mal.yaml"),
    "persona": ("personas", ("personas",), "persona i data/strategy/personas.yaml"),
    "roll": ("organisation", ("roller",), "roll i data/strategy/organisation.yaml"),
    "person": ("organisation", ("personer",), "person i data/strategy/organisation.yaml"),
    "grupp": ("organisation", ("grupper",), "grupp i data/strategy/organisation.yaml"),
    "uppdrag": ("process", ("uppdrag",), "uppdrag i data/strategy/process.yaml"),
    "materialtyp": ("materialtyper", ("typer",), "materialtyp i data/strategy/materialtyper.yaml"),
}

# Where references stand: (file stem or "kanal" for every channel file, path pattern, kind).
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
    ("kanal", ("mål", "*", "mål", "*"), "mål"),
    ("kanal", ("personas", "*"), "persona"),
    ("kanal", ("organisation", "personer", "*"), "person"),
    ("kanal", ("organisation", "kanalansvariga", "*"), "person"),
    ("kanal", ("uppdrag", "*"), "uppdrag"),
    ("kanal", ("organisation", "roller", "*"), "roll"),
    ("kanal", ("fullständighet", "uppdrag"), "uppdrag"),
    ("indikatorer", ("indikatorer", "*", "kanaler", "*"), "kanal"),
    ("indikatorer", ("indikatorer", "*", "mål", "*"), "mål"),
    # The annual cycle and the publishing plans (data/plan/*.yaml, all under the stem "plan").
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

_SNAPSHOT_KEYS = ("nuläge", "*", "datum")


def _stem(relpath: str) -> str:
    if relpath.startswith(PLANS):
        return "plan"
    return "kanal" if relpath.startswith(CHANNELS) else Path(relpath).stem


def _match(data: Any, pattern: tuple[str, ...], path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in ``data`` that the pattern reaches."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from _match(item, rest, (*path, i))
        elif isinstance(data, dict):
            for key, item in data.items():
                yield from _match(item, rest, (*path, key))
    elif isinstance(data, dict) and head in data:
        yield from _match(data[head], rest, (*path, head))


def _at(doc: Document, path: JsonPath, message: str, severity: str = "fel", rule: str = "regel") -> Problem:
    line, col = doc.where(path)
    return Problem(doc.path, line, col, message, severity, rule)  # type: ignore[arg-type]


def _by_stem(documents: dict[str, Document]) -> dict[str, Document]:
    return {Path(p).stem: d for p, d in documents.items() if p.startswith(STRATEGY)}


def _channel_docs(documents: dict[str, Document]) -> dict[str, Document]:
    return {p: d for p, d in documents.items() if p.startswith(CHANNELS)}


def id_sets(documents: dict[str, Document], channel_files: list[str] | None = None) -> dict[str, set[str]]:
    """The known ids of every kind of thing a reference may name (kinds whose file loaded).

    Channels are known by their file names, also when a channel file itself has errors, so one
    broken channel file does not make every reference to it an error too.
    """
    stems = _by_stem(documents)
    known: dict[str, set[str]] = {}
    for kind, (stem, key, _name) in TARGETS.items():
        if stem in stems:
            known[kind] = {str(v) for _p, v in _match(stems[stem].data, (*key, "*", "id"))}
    files = channel_files if channel_files is not None else list(_channel_docs(documents))
    known["kanal"] = {Path(p).stem for p in files}
    return known


def check_references(
    documents: dict[str, Document], channel_files: list[str] | None = None
) -> Iterator[Problem]:
    known = id_sets(documents, channel_files)
    hints: dict[tuple[str, str], str] = {}
    for relpath, doc in documents.items():
        stem = _stem(relpath)
        for owner, pattern, kind in REFERENCES:
            if owner != stem or kind not in known:
                continue
            for path, value in _match(doc.data, pattern):
                if value is None or str(value) in known[kind]:
                    continue
                name = "kanal i data/channels/" if kind == "kanal" else TARGETS[kind][2]
                if (kind, str(value)) not in hints:
                    hints[(kind, str(value))] = _hint(str(value), known[kind], len(hints) < MAX_HINTS)
                message = f"'{shown(value)}' finns inte som {name}.{hints[(kind, str(value))]}"
                yield _at(doc, path, message, rule="referens")


def _hint(value: str, known: set[str], work: bool) -> str:
    """' Menade du …?' for the closest known id, else the known ids (at most 20 of them)."""
    options = sorted(known)
    if work:
        close = difflib.get_close_matches(value[:100], options, n=1, cutoff=0.6)
        if close:
            return f" Menade du '{close[0]}'?"
    listed = ", ".join(options[:20]) + (f" och {len(options) - 20} till" if len(options) > 20 else "")
    return f" Kända: {listed}." if options else ""


def check_groups(documents: dict[str, Document]) -> Iterator[Problem]:
    """A group is not part of itself, directly or through other groups."""
    doc = _by_stem(documents).get("organisation")
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
            yield _at(
                doc,
                ("grupper", i, "ingår_i"),
                f"gruppen '{shown(start)}' ingår i sig själv (via 'ingår_i'); en grupp kan inte vara en del av sig själv",
                rule="referens",
            )


def check_unique_ids(documents: dict[str, Document]) -> Iterator[Problem]:
    """Within every list of objects, each id appears once."""
    for doc in documents.values():
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
                    yield _at(
                        doc,
                        (*path, i, "id"),
                        f"id '{shown(ident)}' finns redan på rad {line}; varje id ska vara unikt",
                        rule="id",
                    )
                seen.setdefault(ident, i)
            yield from _unique_in(doc, item, (*path, i))


def check_channels(documents: dict[str, Document], today: dt.date) -> Iterator[Problem]:
    stems = _by_stem(documents)
    types = None
    if "materialtyper" in stems:
        types = [str(t["id"]) for t in stems["materialtyper"].data.get("typer", [])]
    cadence = periods.revision_months(stems["strategi"].data if "strategi" in stems else {})
    for relpath, doc in _channel_docs(documents).items():
        data = doc.data
        if data.get("id") != Path(relpath).stem:
            yield _at(
                doc, ("id",), f"id ska vara '{Path(relpath).stem}', samma som filens namn", rule="kanal"
            )
        status = (data.get("fullständighet") or {}).get("status")
        ratings = data.get("materialtyper")
        if types is not None and ratings is not None:
            for missing in [t for t in types if t not in ratings]:
                yield _at(
                    doc,
                    ("materialtyper",),
                    f"materialtypen '{shown(missing)}' saknar trafikljus (grön, gul eller röd)",
                    rule="materialtyp",
                )
            for extra in [t for t in ratings if t not in types]:
                yield _at(
                    doc,
                    ("materialtyper", extra),
                    f"'{shown(extra)}' är ingen materialtyp i data/strategy/materialtyper.yaml",
                    rule="materialtyp",
                )
        elif types is not None and status == "komplett":
            yield _at(
                doc,
                ("fullständighet", "status"),
                "en komplett kanal ska ge alla materialtyper ett trafikljus under 'materialtyper:'",
                rule="materialtyp",
            )
        for path, value in _match(data, _SNAPSHOT_KEYS):
            if isinstance(value, str) and periods.valid(value) and periods.bounds(value)[0] > today:
                yield _at(doc, path, f"nulägets datum '{shown(value)}' ligger i framtiden", rule="datum")
        granskad = data.get("granskad")
        if isinstance(granskad, str) and periods.valid(granskad) and periods.bounds(granskad)[0] > today:
            yield _at(
                doc, ("granskad",), f"granskningsdatumet '{shown(granskad)}' ligger i framtiden", rule="datum"
            )
        if data.get("nuläge") is not None and periods.is_stale(data, cadence, today):
            latest = periods.latest_snapshot(data)
            when = latest["datum"] if latest else "okänt datum"
            yield _at(
                doc,
                ("nuläge",),
                f"digitalt nuläge för {shown(data.get('namn', relpath))} är från {periods.describe(when)} och behöver uppdateras "
                f"(äldre än {cadence} månader)",
                severity="varning",
                rule="granskning",
            )


def check_budget(documents: dict[str, Document]) -> Iterator[Problem]:
    doc = _by_stem(documents).get("budget")
    if doc is None:
        return
    web = doc.data.get("webb") or {}
    rows = web.get("rader") or []
    total = web.get("totalt") or {}
    for key, name in (("min", "lägsta"), ("max", "högsta")):
        if key not in total:
            continue
        computed = sum(int(r.get(key, 0)) for r in rows)
        if computed != total[key]:
            yield _at(
                doc,
                ("webb", "totalt", key),
                f"angivet totalt {name} belopp {total[key]} kr stämmer inte med summan av raderna, {computed} kr",
                rule="summa",
            )
    for i, row in enumerate(rows):
        if "min" in row and "max" in row and row["min"] > row["max"]:
            yield _at(
                doc, ("webb", "rader", i, "min"), "lägsta beloppet är större än högsta beloppet", rule="summa"
            )


def walk(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in a data tree, the root first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, (*path, i))


def check(
    documents: dict[str, Document], today: dt.date, channel_files: list[str] | None = None
) -> list[Problem]:
    """Every rule over every document that loaded and passed its schema."""
    return [
        *check_references(documents, channel_files),
        *check_unique_ids(documents),
        *check_groups(documents),
        *check_channels(documents, today),
        *check_budget(documents),
        *version.check(documents, today),
        *followup.check(documents, today, channel_files),
        *plan.check(documents),
        *annual_cycle.check(documents),
    ]
