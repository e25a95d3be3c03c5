"""The strategy as one object, built once per build from data that passed every check."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import check, labels, parts, periods
from .loader import Document
from .problems import Problem, format_text

# The names of the single-file parts ('strategi', 'mal', ...), which Strategy[name] accepts.
SINGLE_PARTS = frozenset(part.name for part in parts.PARTS if not part.many)


class InvalidData(Exception):
    """The data has errors; nothing may be built or published from it."""

    def __init__(self, problems: list[Problem], files: int) -> None:
        self.problems = problems
        self.files = files
        super().__init__(
            "Datafilerna har fel, så inget byggs eller publiceras förrän de är rättade:\n"
            + format_text([p for p in problems if p.is_error], files)
        )


@dataclass
class Strategy:
    """Every data file of the strategy, by name, plus the channels in their order."""

    root: Path
    files: dict[str, dict[str, Any]]
    channels: list[dict[str, Any]]
    sources: dict[str, str]
    today: dt.date
    warnings: list[Problem] = field(default_factory=list)
    edit_base: str | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    # Every other folder part (parts.Part with many=True), by folder name: its files in name order.
    collections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # How many files the check read (validera's "N kontrollerade filer").
    checked_files: int = 0

    def __getitem__(self, name: str) -> dict[str, Any]:
        """A single-file part by name ('mal'); an empty dict for an optional part this version lacks.
        A name that is no part of the strategy is a programming error and fails loudly."""
        if name in self.files:
            return self.files[name]
        if name in SINGLE_PARTS:
            return {}
        raise KeyError(f"'{name}' är ingen del av strategin (delar: {', '.join(sorted(SINGLE_PARTS))})")

    @property
    def revision_months(self) -> int:
        """How often the channels' current state is revised, in months (strategi.yaml)."""
        return periods.revision_months(self["strategi"])

    @property
    def is_draft(self) -> bool:
        """Whether this version is a proposal not yet adopted."""
        return self["strategi"].get("status") == "förslag"

    def labels(self, schema_name: str, data: Any, path: tuple[Any, ...]) -> list[str]:
        """Swedish labels for a place in the data, from the titles in this strategy's schemas
        (strategi.labels): ('nuläge', 0, 'mätvärden', 'följare') -> ['Digitalt nuläge', …]."""
        return labels.labels(self._schema_dir, schema_name, data, path)

    @functools.cached_property
    def _schema_dir(self) -> Path:
        # Resolved once: the views ask for labels thousands of times in a large build.
        return (self.root / check.SCHEMA_DIR).resolve()

    def line_of(self, relpath: str, path: tuple[Any, ...]) -> int:
        """The line in a data file where a place in its data is written ('fullständighet' of a
        channel), for messages and open questions that point the editor at it."""
        return self.documents[relpath].where(path)[0]

    def channel_file(self, channel_id: str) -> str:
        """The data file of a channel, relative to the project root (where it belongs if absent)."""
        return self.sources.get(f"kanal:{channel_id}", f"{parts.CHANNELS.path}/{channel_id}.yaml")

    @property
    def measurements(self) -> list[dict[str, Any]]:
        """Every row of data/matvarden/*.yaml, oldest file first."""
        return [row for doc in self.collections.get("matvarden", []) for row in doc.get("mätvärden") or []]

    @property
    def plans(self) -> list[dict[str, Any]]:
        """The publishing plan's months (data/plan/ÅÅÅÅ-MM.yaml), earliest first."""
        return self.collections.get("plan", [])

    def channel(self, channel_id: str) -> dict[str, Any]:
        for channel in self.channels:
            if channel["id"] == channel_id:
                return channel
        known = ", ".join(c["id"] for c in self.channels)
        raise KeyError(f"kanalen '{channel_id}' finns inte (kända kanaler: {known})")

    def source(self, name: str) -> str:
        """Path of the file behind a name: 'mal' or 'kanal:facebook'."""
        return self.sources[name]


def from_result(result: check.Result, today: dt.date) -> Strategy:
    files: dict[str, dict[str, Any]] = {}
    channels: list[dict[str, Any]] = []
    sources: dict[str, str] = {}
    collections: dict[str, list[dict[str, Any]]] = {}
    for relpath, doc in sorted(result.documents.items()):
        stem = Path(relpath).stem
        part = parts.part_of(relpath)
        if relpath.startswith(check.CHANNEL_DIR + "/"):
            channels.append(doc.data)
            sources[f"kanal:{doc.data['id']}"] = relpath
        elif part is not None and part.many:
            collections.setdefault(part.name, []).append(doc.data)
            sources[f"{part.name}:{stem}"] = relpath
        else:
            files[stem] = doc.data
            sources[stem] = relpath
    channels.sort(key=lambda c: (c.get("ordning", 999), c["id"]))
    warnings = [p for p in result.problems if not p.is_error]
    return Strategy(
        result.root,
        files,
        channels,
        sources,
        today,
        warnings,
        documents=dict(result.documents),
        collections=collections,
        checked_files=result.files,
    )


def load(root: Path, today: dt.date | None = None) -> Strategy:
    """Load and check the strategy under ``root``; raise InvalidData if anything is wrong."""
    today = today or periods.today()
    result = check.run(root, today)
    if not result.ok:
        raise InvalidData(result.problems, result.files)
    return from_result(result, today)
