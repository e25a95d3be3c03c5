"""Points in time for the views: words, the last day covered, and a `<time>` element.

The logic lives in strategi.data.periods (shared with the rules and the open questions); this
module gives the views short names for it.
"""

from __future__ import annotations

import datetime as dt
import re

from strategi.data import periods
from strategi.data.periods import describe as tidpunkt
from strategi.views import render

__all__ = ["tidpunkt", "tidpunkt_html", "tidpunkt_slut"]

_MACHINE_FORM = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def tidpunkt_slut(value: str) -> dt.date | None:
    """The last day the tidpunkt covers: '2020-11' -> 2020-11-30; None if it is not a tidpunkt."""
    return periods.bounds(value)[1] if periods.valid(value) else None


def tidpunkt_html(value: str) -> str:
    """The tidpunkt in words, as a `<time>` element when HTML has a machine form for it (not half-years)."""
    words = render.esc(tidpunkt(value))
    if not periods.valid(value) or not _MACHINE_FORM.match(value):
        return words
    return f'<time datetime="{render.esc(value)}">{words}</time>'
