"""The 'Ändringar' page: what changed since the previous published version.

Pure: the build (strategi.site.build) runs git and compares; this view only shows the result.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from strategi.content import diff, versions
from strategi.data.model import Strategy
from strategi.views import render

from . import view

if TYPE_CHECKING:  # a view is handed what git knows; it never runs git itself
    from strategi.data.history import History


def _source_line(s: Strategy, items: list[diff.Change]) -> str:
    """The file a section's changes are in; the common folder (not editable) when they are in several."""
    files = sorted({c.file for c in items if c.file})
    if not files:
        return ""
    if len(files) == 1:
        return render.source(files[0], s.edit_base)
    return render.source(posixpath.commonpath(files))


@view("andringar")
def andringar(s: Strategy, comparison: diff.Comparison, history: History) -> str:
    """Every change since the previous version, grouped by section, or a sentence saying there is none."""
    current = render.esc(versions.label(s))
    if comparison.ref is None:
        return render.p(
            f"Det finns ingen tidigare antagen version att jämföra {current} med, så listan över ändringar är tom."
        )
    if comparison.error is not None:
        return render.p(comparison.error)
    changes = comparison.changes
    intro = render.Raw(f"Ändringar i {current} jämfört med {render.esc(diff.ref_words(comparison.ref))}.")
    why = s["strategi"].get("jämför_med_motivering")
    if why:
        intro = render.Raw(f"{intro} {render.esc(why)}")
    problem = history.problem
    if problem:
        intro = render.Raw(f"{intro} <strong>Obs:</strong> {render.esc(problem)}")
    if not changes:
        return render.block(f"<p>{intro}</p>", render.p("Inga ändringar i strategin sedan dess."))
    parts = [f"<p>{intro} {render.esc(len(changes))} ändringar.</p>"]
    for section, items in diff.grouped(changes).items():
        parts.append(render.heading(2, section))
        parts.append("<ul>" + "".join(f"<li>{diff.describe_html(c)}</li>" for c in items) + "</ul>")
        parts.append(_source_line(s, items))
    return render.block(*parts)
