"""Open questions: everything the data flags for confirmation, plus what is missing or overdue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strategi.data import labels, parts, periods, schemas
from strategi.data.check import schema_for
from strategi.data.loader import Document, JsonPath
from strategi.data.model import Strategy
from strategi.data.parts import CHANNELS, SCHEMA_DIR
from strategi.data.rules.context import walk


@dataclass(frozen=True)
class Question:
    """One open question, with the file and line it comes from."""

    kind: str
    where: str
    text: str
    quote: str | None
    file: str
    line: int


def _place(s: Strategy, relpath: str, path: JsonPath) -> str:
    doc = s.documents[relpath]
    schema = schema_for(relpath) or CHANNELS.schema
    steps = s.labels(schema, doc.data, path)
    head = doc.data.get("namn") if parts.in_folder(relpath, CHANNELS) else None
    head = (
        head
        or doc.data.get("titel")
        or schemas.validator((s.root / SCHEMA_DIR).resolve(), schema).schema.get("title")
    )
    head = head or Path(relpath).stem.capitalize()
    return labels.SEPARATOR.join([str(head), *steps]) if steps else str(head)


def _flag_entries(s: Strategy) -> Iterator[tuple[str, Document, JsonPath, int, dict[str, Any]]]:
    """Every `flaggor` entry: its file, document, the path of its list, its index and the flag."""
    for relpath, doc in sorted(s.documents.items()):
        for path, value in walk(doc.data):
            if path and path[-1] == "flaggor" and isinstance(value, list):
                for i, flag in enumerate(value):
                    yield relpath, doc, path, i, flag


def flags(s: Strategy) -> list[Question]:
    """Every `flaggor` entry in every file, where it stands."""
    return [
        Question(
            str(flag.get("typ", "osäkert")),
            _place(s, relpath, path[:-1]),
            str(flag.get("fråga", "")),
            flag.get("citat"),
            relpath,
            doc.where((*path, i))[0],
        )
        for relpath, doc, path, i, flag in _flag_entries(s)
    ]


def flag_count(s: Strategy) -> int:
    """How many `flaggor` entries there are (without working out where each stands)."""
    return sum(1 for _ in _flag_entries(s))


def links_without_address(s: Strategy) -> list[Question]:
    """Links the strategy names without saying where they lead."""
    found = []
    for relpath, doc in sorted(s.documents.items()):
        for path, value in walk(doc.data):
            is_link = (
                isinstance(value, dict)
                and "titel" in value
                and set(value) <= {"titel", "adress", "beskrivning"}
            )
            if is_link and not value.get("adress") and path and path[-1] != "flaggor":
                found.append(
                    Question(
                        "länk",
                        _place(s, relpath, path),
                        f"Vart leder länken ”{value['titel']}”?",
                        None,
                        relpath,
                        doc.where(path)[0],
                    )
                )
    return found


def incomplete_channels(s: Strategy) -> list[Question]:
    """Channels whose strategy is not complete, and why."""
    found = []
    for channel in s.channels:
        state = channel.get("fullständighet") or {}
        if state.get("status", "komplett") != "komplett":
            relpath = s.channel_file(channel["id"])
            text = state.get("kommentar") or f"Strategin för {channel['namn']} är inte komplett."
            found.append(
                Question(
                    "ofullständig kanal",
                    channel["namn"],
                    str(text),
                    None,
                    relpath,
                    s.line_of(relpath, ("fullständighet",)),
                )
            )
    return found


def open_assignments(s: Strategy) -> list[dict[str, Any]]:
    """Assignments not done, with whether their deadline has passed."""
    result = []
    for item in s["process"].get("uppdrag", []):
        if item.get("status") == "klar":
            continue
        deadline = item.get("deadline")
        overdue = bool(deadline and periods.valid(deadline) and periods.bounds(deadline)[1] < s.today)
        result.append({**item, "försenat": overdue})
    return result


def stale_channels(s: Strategy) -> list[dict[str, Any]]:
    """Channels whose digital status is older than the revision cadence."""
    cadence = s.revision_months
    return [c for c in s.channels if periods.is_stale(c, cadence, s.today)]


@dataclass(frozen=True)
class Part:
    """One part of what is open: its section's anchor on Öppna frågor, its name (one, many), a count."""

    anchor: str
    one: str
    many: str
    count: int

    @property
    def words(self) -> str:
        """'68 oklarheter i källtexten', '1 kanal utan fullständig strategi'."""
        return f"{self.count} {self.one if self.count == 1 else self.many}"


def open_parts(s: Strategy) -> list[Part]:
    """What is open, part by part, in the order and with the names of the sections of Öppna frågor.
    The start page, Öppna frågor, the PDF summary and the ny-version checklist all count with this."""
    return [
        Part("oklarheter", "oklarhet i källtexten", "oklarheter i källtexten", flag_count(s)),
        Part(
            "ofullstandiga-kanaler",
            "kanal utan fullständig strategi",
            "kanaler utan fullständig strategi",
            len(incomplete_channels(s)),
        ),
        Part("oppna-uppdrag", "öppet uppdrag", "öppna uppdrag", len(open_assignments(s))),
        Part(
            "behover-uppdateras",
            "nuläge som behöver uppdateras",
            "nulägen som behöver uppdateras",
            len(stale_channels(s)),
        ),
        Part("lankar-utan-adress", "länk utan adress", "länkar utan adress", len(links_without_address(s))),
    ]


def open_line(s: Strategy) -> str:
    """'99 öppna frågor: 68 oklarheter i källtexten, 1 kanal utan fullständig strategi, …' (parts
    with nothing open left out), or 'Inga öppna frågor.'"""
    parts = open_parts(s)
    total = sum(p.count for p in parts)
    if not total:
        return "Inga öppna frågor."
    head = "1 öppen fråga" if total == 1 else f"{total} öppna frågor"
    return f"{head}: " + ", ".join(p.words for p in parts if p.count) + "."
