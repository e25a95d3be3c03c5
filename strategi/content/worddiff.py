"""Word-level differences between two texts: the removed and added words with a little context.

Long texts are shortened around the changes ('…'). Three ways to show the same segments:
plain markers for the terminal ([-bort-] {+till+}), <del>/<ins> for the site (struck through
and underlined, plus hidden words for screen readers, so never colour alone), and Markdown
for a pull-request comment.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from strategi.data.text import esc, md, one_line

Kind = Literal["same", "del", "ins", "gap"]
CONTEXT = 4  # words kept on each side of a change
MIN_WORDS = 8  # a shorter text (on both sides) reads best whole: before → after


@dataclass(frozen=True)
class Segment:
    kind: Kind
    text: str = ""


def is_prose(old: Any, new: Any) -> bool:
    """True when a change is between two texts long enough to show word by word, that still share
    words (a text rewritten from scratch has no context to show: it keeps the short summary)."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return False
    if max(len(old.split()), len(new.split())) < MIN_WORDS:
        return False
    return any(s.kind in {"same", "gap"} for s in segments(old, new))


def segments(old: str, new: str, context: int = CONTEXT) -> list[Segment]:
    """The words of ``new`` against ``old``: unchanged context, removed, added, and gaps."""
    a, b = one_line(old).split(" "), one_line(new).split(" ")
    found: list[Segment] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            words = a[i1:i2]
            first, last = n == 0, n == len(opcodes) - 1
            keep_head = [] if first else words[:context]
            keep_tail = [] if last else words[-context:]
            if len(words) <= len(keep_head) + len(keep_tail) + 1:
                found.append(Segment("same", " ".join(words)))
                continue
            if keep_head:
                found.append(Segment("same", " ".join(keep_head)))
            found.append(Segment("gap"))
            if keep_tail:
                found.append(Segment("same", " ".join(keep_tail)))
            continue
        if i2 > i1:
            found.append(Segment("del", " ".join(a[i1:i2])))
        if j2 > j1:
            found.append(Segment("ins", " ".join(b[j1:j2])))
    return found


def _join(parts: list[str]) -> str:
    return re.sub(r" {2,}", " ", " ".join(p for p in parts if p)).strip()


def _show(old: str, new: str, escape: Callable[[str], str], marks: dict[str, tuple[str, str]]) -> str:
    parts = []
    for s in segments(old, new):
        before, after = marks.get(s.kind, ("", ""))
        parts.append("…" if s.kind == "gap" else before + escape(s.text) + after)
    return _join(parts)


def as_text(old: str, new: str) -> str:
    """Plain markers for the terminal: '… våra [-inlägg-] {+filmer+} når …'."""
    return _show(old, new, str, {"del": ("[-", "-]"), "ins": ("{+", "+}")})


def as_html(old: str, new: str) -> str:
    """<del>/<ins> with hidden words for screen readers; every word escaped."""
    marks = {
        "del": ('<del><span class="sr-endast">borttaget: </span>', "</del>"),
        "ins": ('<ins><span class="sr-endast">tillagt: </span>', "</ins>"),
    }
    return f'<span class="ordandring">{_show(old, new, esc, marks)}</span>'


def as_markdown(old: str, new: str, escape: Callable[[str], str] = md) -> str:
    """Markdown for a pull-request comment: removed words struck through, added words in <ins>."""
    return _show(old, new, escape, {"del": ("~~", "~~"), "ins": ("<ins>", "</ins>")})
