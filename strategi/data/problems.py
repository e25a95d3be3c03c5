"""Problems found in the data, and the reporters that print them."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["fel", "varning"]


class UserError(Exception):
    """A failure the user can act on. Its message is Swedish and whole; ``code`` is the exit status
    the command line returns for it: 1 when the data or the world is wrong, 2 when the command was
    asked for something it cannot do. `python -m strategi` prints it once, as 'fel: …'."""

    code = 1


# At most this many problems are printed; the summary counts the rest.
MAX_SHOWN = 200
# An echoed value longer than this is cut, and a whole line too.
VALUE_LIMIT = 80
LINE_LIMIT = 1000
# Characters that change how text is shown rather than what it says: bidi controls and friends.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def invisible(char: str) -> bool:
    """True for a control, format (bidi, zero-width) or unpaired surrogate character."""
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"} or char in BIDI


def visible(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` with every invisible character written out (\\n, \\u202e) and cut to ``limit``."""
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif invisible(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
        if len(out) > limit:
            break
    result = "".join(out)
    return result if len(result) <= limit else result[: limit - 1] + "…"


def shown(value: Any, limit: int = VALUE_LIMIT) -> str:
    """A data value as a message may echo it: invisible characters written out, cut to ``limit``."""
    return visible(str(value), limit)


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
    rest = len(problems) - MAX_SHOWN
    more = f" De första {MAX_SHOWN} visas; {rest} till visas inte." if rest > 0 else ""
    return f"{' och '.join(parts)} i {files} kontrollerade filer.{more}"


def _safe(p: Problem) -> Problem:
    """The problem as it may be printed: file and message with invisible characters written out."""
    return Problem(visible(p.file, 300), p.line, p.column, visible(p.message), p.severity, p.rule)


def _first(problems: list[Problem]) -> list[Problem]:
    return [_safe(p) for p in problems[:MAX_SHOWN]]


def format_text(problems: list[Problem], files: int) -> str:
    lines = []
    for p in _first(problems):
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
            "visas_inte": max(0, len(problems) - MAX_SHOWN),
            "problem": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "message": p.message,
                    "severity": p.severity,
                    "rule": p.rule,
                }
                for p in _first(problems)
            ],
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
    for p in _first(problems):
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
