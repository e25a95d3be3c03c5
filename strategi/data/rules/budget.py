"""Rules for the budget: the totals are the sums of the rows, and no row's lowest amount exceeds its highest."""

from __future__ import annotations

from collections.abc import Iterator

from strategi.data.problems import Problem
from strategi.data.rules.context import Context, at, rule


@rule
def check_budget(ctx: Context) -> Iterator[Problem]:
    """The web budget's stated totals match its rows."""
    doc = ctx.part("budget")
    if doc is None:
        return
    web = doc.data.get("webb") or {}
    rows = web.get("rader") or []
    total = web.get("totalt") or {}
    for key, name in (("min", "lägsta"), ("max", "högsta")):
        if key not in total:
            continue
        computed = sum(int(r.get(key, 0)) for r in rows)
        if computed != total[key]:
            yield at(
                doc,
                ("webb", "totalt", key),
                f"angivet totalt {name} belopp {total[key]} kr stämmer inte med summan av raderna, {computed} kr",
                rule="summa",
            )
    for i, row in enumerate(rows):
        if "min" in row and "max" in row and row["min"] > row["max"]:
            yield at(
                doc, ("webb", "rader", i, "min"), "lägsta beloppet är större än högsta beloppet", rule="summa"
            )
