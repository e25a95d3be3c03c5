"""One way to show a figure: the number, its unit and the strategy's own words around it.

The data marks a rounded figure (``ungefärliga_mätvärden``, with the words in ``ungefärligt_ord``
when it is not "ca") and a time the strategy does not give (``datering``). Every page, card, chart
text, the PDF and the change list show a figure through ``shown`` and its time through ``when``,
so "lite drygt 17 000" never becomes a bare "17 000" and "senast 19 januari 2021" never a plain date.
"""

from __future__ import annotations

from typing import Any

from strategi.data import periods, text

DEFAULT_WORD = "ca"
UNIT_WORDS = {"antal": "", "procent": "\u00a0%", "sekunder": "\u00a0s"}
# The flag kind that says two figures contradict each other: such a figure is never part of a trend.
CONTRADICTION = "motsägelse"


def qualifier(snapshot: dict[str, Any] | None, key: str) -> str:
    """The strategy's word before a figure of a snapshot ('ca', 'lite drygt'), or '' for an exact one."""
    snap = snapshot or {}
    for entry in snap.get("ungefärligt_ord") or []:
        if entry.get("mätvärde") == key:
            return str(entry.get("ord", DEFAULT_WORD))
    return DEFAULT_WORD if key in (snap.get("ungefärliga_mätvärden") or []) else ""


def contradictions(snapshot: dict[str, Any] | None) -> tuple[dict[str, Any], ...]:
    """The snapshot's questions saying its figures contradict another source (none: ())."""
    return tuple(f for f in (snapshot or {}).get("flaggor") or [] if f.get("typ") == CONTRADICTION)


def rounded(value: float) -> float | int:
    """A computed value (a target, a pace) to one decimal, whole numbers without one."""
    near = round(value, 1)
    return int(near) if float(near).is_integer() else near


def shown(value: Any, unit: str = "", word: str = "") -> str:
    """A figure with its words and unit: 'lite drygt 17 000', 'ca 500 000', '7 %', '–' for none.
    ``unit`` is an indicator's unit ('antal', 'procent', 'sekunder') or a suffix of its own."""
    if value is None:
        return "–"
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    said = text.number(value) if numeric else str(value)
    if said:
        said += UNIT_WORDS.get(unit, unit)
    return f"{word}\u00a0{said}" if word and said else said


def when(snapshot: dict[str, Any] | None) -> str:
    """A snapshot's time in words, saying so when the strategy gives none: 'senast 19 januari 2021'."""
    snap = snapshot or {}
    return when_dated(str(snap.get("datum", "")), str(snap.get("datering", "")))


def when_dated(period: str, dating: str = "") -> str:
    """A period in words with how it was dated: 'härlett till våren 2020', 'senast 19 januari 2021'."""
    words = periods.describe(period)
    if dating == "härledd":
        return f"härlett till {words}"
    if dating == "senast":
        return f"senast {words}"
    return words
