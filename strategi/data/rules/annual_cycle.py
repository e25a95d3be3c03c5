"""Rules for data/strategy/arshjul.yaml beyond its schema: each rhythm has the day it needs."""

from __future__ import annotations

from collections.abc import Iterator

from strategi.data.problems import Problem
from strategi.data.rules.context import Context, at, rule

# What each frequency needs to name a day: (field, what to write there).
NEEDS = {
    "veckovis": [("veckodag", "en veckodag, till exempel 'måndag'")],
    "månadsvis": [("vardag_i_månaden", "vilken vardag i månaden, till exempel 1 för den första")],
    "årlig": [
        ("månader", "månaderna, till exempel [1] för januari"),
        ("vardag_i_månaden", "vilken vardag i månaden, till exempel 1 för den första"),
    ],
}


@rule
def check(ctx: Context) -> Iterator[Problem]:
    """A weekly activity names its weekday; a monthly one its weekday of the month; a yearly one both
    its months and its weekday of the month."""
    doc = ctx.part("arshjul")
    if doc is None:
        return
    for i, activity in enumerate(doc.data.get("aktiviteter") or []):
        repeat = activity.get("upprepning") or {}
        frequency = str(repeat.get("frekvens", ""))
        for key, what in NEEDS.get(frequency, []):
            if key not in repeat:
                yield at(
                    doc,
                    ("aktiviteter", i, "upprepning", "frekvens"),
                    f"en aktivitet med frekvens '{frequency}' behöver '{key}': {what}",
                    rule="arshjul",
                )
