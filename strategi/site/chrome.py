"""The page chrome that is not a view: the draft banner on every page and the printed cover.

Both are Jinja partials under overrides/partials/ (autoescaped), fed with plain data: the theme
includes the banner with the facts the build puts into ``config.extra`` (strategi.site.generated.configure),
and the print document renders the cover with ``render_partial``. No HTML is built here.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from strategi.content import versions
from strategi.data.model import Strategy

if TYPE_CHECKING:  # a view is handed what git knows; it never runs git itself
    from strategi.data.history import History

PARTIALS = Path(__file__).resolve().parents[2] / "overrides" / "partials"
# The key in config.extra under which the theme's templates find the version facts.
EXTRA_KEY = "strategi_version_facts"


@dataclasses.dataclass(frozen=True)
class VersionFacts:
    """What the banner and the cover say about this version, as plain text (not escaped)."""

    version_id: str
    label: str
    draft: bool
    status: str
    title: str
    organisation: str
    # 'för strategigruppen för kommunikation i november 2020', or '' when not given.
    presented: str
    # Whether the planned presentation lies in the past.
    presented_past: bool
    # (label, value) rows every page agrees on (strategi.content.versions.facts), empty ones left out.
    facts: tuple[tuple[str, str], ...]

    def as_extra(self) -> dict[str, Any]:
        """The facts as plain values for config.extra (lists, not tuples, so YAML can write them)."""
        plain = dataclasses.asdict(self)
        plain["facts"] = [list(row) for row in self.facts]
        return plain


def version_facts(strategy: Strategy, history: History) -> VersionFacts:
    data = strategy["strategi"]
    rows = tuple(versions.facts(strategy, history.updated))
    return VersionFacts(
        version_id=strategy.version_id,
        label=versions.label(strategy),
        draft=strategy.is_draft,
        status=dict(rows).get("Status", ""),
        title=str(data.get("titel", "")),
        organisation=str(data.get("organisation", "")),
        presented=versions.presentation_words(strategy),
        presented_past=versions.presentation_past(strategy),
        facts=rows,
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(PARTIALS), autoescape=True, undefined=jinja2.StrictUndefined
    )


def render_partial(name: str, **data: Any) -> str:
    """One partial from overrides/partials/ rendered with these values (escaped by the template)."""
    return _environment().get_template(name).render(**data)
