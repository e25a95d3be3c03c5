"""What every rule is handed, how it points at a place, and how it registers itself.

A rule is a function ``(Context) -> Iterable[Problem]`` decorated with ``@rule`` in any module of
strategi/data/rules/; strategi.data.rules runs them all. A rule finds its files by part name
(``ctx.part("mal")``, ``ctx.folder("channels")``), never by a typed path: where a part lives is
said once, in strategi.data.parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from strategi.data import parts
from strategi.data.loader import Document, JsonPath
from strategi.data.problems import Problem, Severity


@dataclass(frozen=True)
class Context:
    """The documents that loaded and passed their schema (by path), the day the check runs, and
    every channel file found (also those with errors, so a reference to a broken channel file
    is not reported again as unknown); None when only ``documents`` are known."""

    documents: dict[str, Document]
    today: dt.date
    channel_files: list[str] | None = None

    def part(self, name: str) -> Document | None:
        """A single-file part by name ('mal', 'strategi'); None when it did not load."""
        return self.documents.get(parts.path_of(name))

    def folder(self, name: str) -> dict[str, Document]:
        """The files of a folder part by name ('channels', 'plan', 'matvarden'), by path, in path order."""
        part = parts.BY_NAME[name]
        return {p: d for p, d in sorted(self.documents.items()) if parts.in_folder(p, part)}

    def stems(self) -> dict[str, Document]:
        """The single-file parts that loaded, by name."""
        return {part.name: doc for part in parts.PARTS if not part.many and (doc := self.part(part.name))}

    def known_channels(self) -> set[str]:
        """The channel ids: every channel file's name, loaded or not."""
        files = self.channel_files if self.channel_files is not None else list(self.folder("channels"))
        return {PurePosixPath(p).stem for p in files}


Rule = Callable[[Context], Iterable[Problem]]
RULES: list[Rule] = []


def rule(check: Rule) -> Rule:
    """Register a rule; strategi.data.rules.check runs every registered rule."""
    RULES.append(check)
    return check


def at(
    doc: Document, path: JsonPath, message: str, severity: Severity = "fel", rule: str = "regel"
) -> Problem:
    """A problem at a place in a document: its line and column, or the nearest that exists."""
    line, col = doc.where(path)
    return Problem(doc.path, line, col, message, severity, rule)


def walk(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in a data tree, the root first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, (*path, i))


def match(data: Any, pattern: tuple[str, ...], path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in ``data`` that the pattern reaches; '*' matches any list position or key."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from match(item, rest, (*path, i))
        elif isinstance(data, dict):
            for key, item in data.items():
                yield from match(item, rest, (*path, key))
    elif isinstance(data, dict) and head in data:
        yield from match(data[head], rest, (*path, head))
