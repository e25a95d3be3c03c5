"""Cross-reference rules beyond the schema (filled in once the data model settles)."""

from __future__ import annotations

import datetime as dt

from .loader import Document
from .problems import Problem


def check(documents: dict[str, Document], today: dt.date) -> list[Problem]:
    return []
