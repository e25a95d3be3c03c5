"""Rules beyond the schema: references resolve, totals add up, ids are unique, dates are real.

Each rule reads the loaded documents and returns problems pointing at the exact line. A rule
whose source file failed to load is skipped: that file's own problems are already reported.

Every module of this folder may hold rules: a function ``(Context) -> Iterable[Problem]``
decorated with ``@rule`` (strategi.data.rules.context). A new rule is that function; a new
module of rules is that file. Nothing here lists them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

from strategi.data.loader import Document
from strategi.data.problems import Problem
from strategi.data.rules import context


def _load_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}")


def check(
    documents: dict[str, Document], today: dt.date, channel_files: list[str] | None = None
) -> list[Problem]:
    """Every rule over every document that loaded and passed its schema."""
    ctx = context.Context(documents, today, channel_files)
    return [problem for each in context.RULES for problem in each(ctx)]


_load_all()
