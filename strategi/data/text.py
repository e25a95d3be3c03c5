"""The one escaping point and the plain forms of values: every layer that writes a data value
for a reader (a message, a change list, a page) writes it through these.

``esc`` makes a value inert HTML, ``md`` inert Markdown; ``one_line`` folds white space; ``number``
writes Swedish numbers; ``Raw`` marks HTML that a helper built and already escaped.
strategi.views.render builds the views' HTML blocks on top of these.
"""

from __future__ import annotations

import html
import re
from typing import Any

# Characters that Markdown, attr_list or Jinja could read as syntax inside a heading.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|<>&~^$-]")
_BLANKS = re.compile(r"[ \t\r\n]+")


def esc(value: Any) -> str:
    """HTML-escape one data value, shown as text (numbers in Swedish style)."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return html.escape(number(value))
    text = html.escape(one_line(value), quote=True)
    # Braces and pipes are harmless in HTML but could be read as Jinja or table syntax
    # if a value were ever pasted where Markdown is parsed: make them inert entities.
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("|", "&#124;")


def one_line(text: Any) -> str:
    """Fold line breaks and runs of ordinary white space; keep no-break spaces (they are meant)."""
    return _BLANKS.sub(" ", str(text)).strip()


def md(value: Any) -> str:
    """A data value made safe for a Markdown line such as a heading: every special char as an entity."""
    text = one_line(value) if not isinstance(value, int | float) else number(value)
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def number(value: float | int) -> str:
    """Swedish number style: 17 000, 2,59, 1 600 000 (narrow no-break space as the thousands separator)."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value}".partition(".")
        return f"{_group(int(whole))},{frac}"
    return _group(int(value))


def _group(value: int) -> str:
    sign = "−" if value < 0 else ""
    digits = f"{abs(value)}"
    if len(digits) <= 3:
        return sign + digits
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + "\u00a0".join(groups)


def kronor(value: int) -> str:
    return f"{number(value)}\u00a0kr"


class Raw:
    """HTML already built by a helper (and so already escaped): passed through as is."""

    def __init__(self, html_text: str) -> None:
        self.html = html_text

    def __str__(self) -> str:
        return self.html
