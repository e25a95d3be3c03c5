"""The strategy as one object, built once per build from data that passed every check."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strategi.data import check, gitref, labels, parts, periods
from strategi.data.loader import Document
from strategi.data.problems import Problem, UserError, format_text

# The names of the single-file parts ('strategi', 'mal', ...), which Strategy[name] accepts.
SINGLE_PARTS = frozenset(part.name for part in parts.PARTS if not part.many)


class InvalidData(UserError):
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
    def version_id(self) -> str:
        """The half-year this version is ('2020-h1'), from strategi.yaml."""
        return str(self["strategi"]["version"]["id"])

    @property
    def is_draft(self) -> bool:
        """Whether this version is a proposal not yet adopted."""
        return self["strategi"].get("status") == "förslag"

    def labels(self, schema_name: str, data: Any, path: tuple[Any, ...]) -> list[str]:
        """Swedish labels for a place in the data, from the titles in this strategy's schemas
        (strategi.data.labels): ('nuläge', 0, 'mätvärden', 'följare') -> ['Digitalt nuläge', …]."""
        return labels.labels(self._schema_dir, schema_name, data, path)

    @functools.cached_property
    def _schema_dir(self) -> Path:
        # Resolved once: the views ask for labels thousands of times in a large build.
        return (self.root / parts.SCHEMA_DIR).resolve()

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


# Names from ids, as plain text (the views escape them); an unknown id is shown as it stands.


def _name_in(items: Iterable[dict[str, Any]] | None, item_id: str) -> str:
    for item in items or []:
        if item.get("id") == item_id:
            return str(item.get("namn", item_id))
    return item_id


def channel_name(s: Strategy, channel_id: str) -> str:
    """The channel's name from data/channels/, or its id when there is no such file yet."""
    return _name_in(s.channels, channel_id)


def group_name(s: Strategy, group_id: str) -> str:
    return _name_in(s["organisation"].get("grupper"), group_id)


def role_name(s: Strategy, role_id: str) -> str:
    return _name_in(s["organisation"].get("roller"), role_id)


def person_name(s: Strategy, person_id: str) -> str:
    return _name_in(s["organisation"].get("personer"), person_id)


def goal_name(s: Strategy, goal_id: str) -> str:
    """'Delmål 1: Öka antalet dialoger …' or 'Mål A: Stärka varumärket'; the id if unknown."""
    for goal in s["mal"].get("mål") or []:
        if str(goal.get("id")) == str(goal_id):
            kind = "Delmål" if goal.get("typ") == "delmål" else "Mål"
            return f"{kind} {goal_id}: {goal.get('namn', '')}".rstrip(": ")
    return str(goal_id)


def from_result(result: check.Result, today: dt.date) -> Strategy:
    files: dict[str, dict[str, Any]] = {}
    channels: list[dict[str, Any]] = []
    sources: dict[str, str] = {}
    collections: dict[str, list[dict[str, Any]]] = {}
    for relpath, doc in sorted(result.documents.items()):
        stem = Path(relpath).stem
        part = parts.part_of(relpath)
        if parts.in_folder(relpath, parts.CHANNELS):
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


def load(root: Path, today: dt.date | None = None, *, compare: bool = True) -> Strategy:
    """Load and check the strategy under ``root``; raise InvalidData if anything is wrong.
    ``compare=False`` leaves out the check of `jämför_med` (see check.run)."""
    today = today or periods.today()
    result = check.run(root, today, compare=compare)
    if not result.ok:
        raise InvalidData(result.problems, result.files)
    return from_result(result, today)


def load_at(root: Path, ref: str, today: dt.date) -> Strategy:
    """The strategy at ``ref``, treated as untrusted: RefDataError (Swedish, naming the version) when
    its data has errors or its schemas or files are broken; never a traceback. Its own `jämför_med`
    is not followed: the folder it is read from is not a git repository."""
    with gitref.checkout(root, ref) as folder:
        try:
            return load(folder, today, compare=False)
        except InvalidData as exc:
            first = [p for p in exc.problems if p.is_error][:3]
            shown = "; ".join(f"{p.file}:{p.line}:{p.column}: {p.message}" for p in first)
            raise gitref.RefDataError(
                f"versionen '{ref}' har fel i sina data och kan inte jämföras ({shown}); "
                "felet finns i den versionen, inte i dina filer"
            ) from None
        except Exception as exc:  # another version's tree is untrusted input: no traceback, ever
            raise gitref.RefDataError(
                f"versionen '{ref}' kan inte läsas ({type(exc).__name__}): troligen är ett schema eller "
                "en fil trasig i den versionen; felet finns i den versionen, inte i dina filer"
            ) from None
