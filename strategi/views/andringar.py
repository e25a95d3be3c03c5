"""The 'Ändringar' page: what changed since the previous published version."""

from __future__ import annotations

from .. import diff, gitref, render, versions
from ..model import Strategy
from . import view


def _compare(s: Strategy, ref: str) -> list[diff.Change] | str:
    try:
        old = gitref.load_at(s.root, ref, s.today)
    except gitref.RefError as exc:
        return f"Kunde inte jämföra med {diff.ref_words(ref)}: {exc}."
    return diff.compare(old, s)


@view("andringar")
def andringar(s: Strategy) -> str:
    """Every change since the previous version, grouped by section, or a sentence saying there is none."""
    ref = versions.previous_ref(s)
    current = render.esc(versions.label(s))
    if ref is None:
        return render.p(
            f"Det finns ingen tidigare antagen version att jämföra {current} med, så listan över ändringar är tom."
        )
    changes = _compare(s, ref)
    if isinstance(changes, str):
        return render.p(changes)
    intro = render.Raw(f"Ändringar i {current} jämfört med {render.esc(diff.ref_words(ref))}.")
    why = s["strategi"].get("jämför_med_motivering")
    if why:
        intro = render.Raw(f"{intro} {render.esc(why)}")
    problem = versions.compare_problem(s)
    if problem:
        intro = render.Raw(f"{intro} <strong>Obs:</strong> {render.esc(problem)}")
    if not changes:
        return render.block(f"<p>{intro}</p>", render.p("Inga ändringar i strategin sedan dess."))
    parts = [f"<p>{intro} {render.esc(len(changes))} ändringar.</p>"]
    for section, items in diff.grouped(changes).items():
        parts.append(render.heading(2, section))
        parts.append(render.ul(diff.describe(c) for c in items))
        path = diff.source_path(s, section)
        if path:
            parts.append(render.source(path, s.edit_base))
    return render.block(*parts)
