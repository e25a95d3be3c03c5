"""Rules for the channel files: the id is the file's name, every material type has a traffic light,
no date lies in the future, and the digital status is revised in time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from strategi.data import parts, periods
from strategi.data.problems import Problem, shown
from strategi.data.rules.context import Context, at, match, rule

_SNAPSHOT_KEYS = ("nuläge", "*", "datum")


@rule
def check_channels(ctx: Context) -> Iterator[Problem]:
    """Each channel file against the strategy's material types and revision interval."""
    material_types, strategy = ctx.part("materialtyper"), ctx.part("strategi")
    types = None
    if material_types is not None:
        types = [str(t["id"]) for t in material_types.data.get("typer", [])]
    cadence = periods.revision_months(strategy.data if strategy is not None else {})
    today = ctx.today
    for relpath, doc in ctx.folder("channels").items():
        data = doc.data
        stem = PurePosixPath(relpath).stem
        if data.get("id") != stem:
            yield at(doc, ("id",), f"id ska vara '{stem}', samma som filens namn", rule="kanal")
        status = (data.get("fullständighet") or {}).get("status")
        ratings = data.get("materialtyper")
        if types is not None and ratings is not None:
            for missing in [t for t in types if t not in ratings]:
                yield at(
                    doc,
                    ("materialtyper",),
                    f"materialtypen '{shown(missing)}' saknar trafikljus (grön, gul eller röd)",
                    rule="materialtyp",
                )
            for extra in [t for t in ratings if t not in types]:
                yield at(
                    doc,
                    ("materialtyper", extra),
                    f"'{shown(extra)}' är ingen materialtyp i {parts.path_of('materialtyper')}",
                    rule="materialtyp",
                )
        elif types is not None and status == "komplett":
            yield at(
                doc,
                ("fullständighet", "status"),
                "en komplett kanal ska ge alla materialtyper ett trafikljus under 'materialtyper:'",
                rule="materialtyp",
            )
        for path, value in match(data, _SNAPSHOT_KEYS):
            if isinstance(value, str) and periods.valid(value) and periods.bounds(value)[0] > today:
                yield at(doc, path, f"nulägets datum '{shown(value)}' ligger i framtiden", rule="datum")
        granskad = data.get("granskad")
        if isinstance(granskad, str) and periods.valid(granskad) and periods.bounds(granskad)[0] > today:
            yield at(
                doc, ("granskad",), f"granskningsdatumet '{shown(granskad)}' ligger i framtiden", rule="datum"
            )
        if data.get("nuläge") is not None and periods.is_stale(data, cadence, today):
            latest = periods.latest_snapshot(data)
            when = latest["datum"] if latest else "okänt datum"
            yield at(
                doc,
                ("nuläge",),
                f"digitalt nuläge för {shown(data.get('namn', relpath))} är från {periods.describe(when)} och behöver uppdateras "
                f"(äldre än {cadence} månader)",
                severity="varning",
                rule="granskning",
            )
