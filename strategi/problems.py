"""Problems found in the data, and the reporters that print them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["fel", "varning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one data file."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "fel"
    rule: str = "schema"

    @property
    def is_error(self) -> bool:
        return self.severity == "fel"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))


def _summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"Allt stämmer: {files} filer kontrollerade, inga fel."
    parts = [f"{errors} fel" if errors else "Inga fel"]
    if warnings:
        parts.append(f"{warnings} {'varning' if warnings == 1 else 'varningar'}")
    return f"{' och '.join(parts)} i {files} kontrollerade filer."


def format_text(problems: list[Problem], files: int) -> str:
    lines = []
    for p in problems:
        prefix = "" if p.is_error else "varning: "
        lines.append(f"{p.file}:{p.line}:{p.column}: {prefix}{p.message}")
    lines.append(_summary(problems, files))
    return "\n".join(lines)


def format_json(problems: list[Problem], files: int) -> str:
    return json.dumps(
        {
            "filer": files,
            "fel": sum(p.is_error for p in problems),
            "varningar": sum(not p.is_error for p in problems),
            "problem": [asdict(p) for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem], files: int) -> str:
    lines = []
    for p in problems:
        kind = "error" if p.is_error else "warning"
        lines.append(
            f"::{kind} file={_github_escape(p.file, prop=True)},line={p.line},"
            f"col={p.column}::{_github_escape(p.message)}"
        )
    lines.append(_summary(problems, files))
    return "\n".join(lines)


FORMATS: dict[str, Callable[[list[Problem], int], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
