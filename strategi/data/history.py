"""What git knows about a version: the published versions (tags), the one the change list
compares with. Worked out once per build (strategi.site.build, with 'Senast ändrad' from
strategi.content.changed) and handed to the views as a ``History``, so no view runs git.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strategi.data import git, parts, periods
from strategi.data.model import Strategy

TAG_PREFIX = "strategi-"
UPDATED_ENV = "STRATEGI_SENAST_UPPDATERAD"  # the publish's 'Senast ändrad' (strategi.content.changed)


@dataclass(frozen=True)
class History:
    """What git knows about a version, worked out once per build (strategi.site.build) so the views that
    show it never run git: the ref the change list compares with, a problem with that choice, and
    when the data last changed (ÅÅÅÅ-MM-DD, or '')."""

    previous: str | None = None
    problem: str | None = None
    updated: str = ""


def _git_lines(root: Path, *args: str) -> list[str]:
    """The words git answers, or none when it says no (not a git repository, no such ref) or
    cannot be run: the site also builds from a folder without git."""
    try:
        found = git.attempt(root, *args)
    except git.GitError:
        return []
    return found.split() if found is not None else []


def published_tags(root: Path) -> list[str]:
    """Version ids that have a 'strategi-<id>' tag (adopted versions), oldest first."""
    found = _git_lines(root, "tag", "--list", f"{TAG_PREFIX}*")
    return sorted(t.removeprefix(TAG_PREFIX) for t in found if periods.valid(t.removeprefix(TAG_PREFIX)))


def previous_adopted(s: Strategy) -> str | None:
    """The tag of the latest adopted version before this one, or None."""
    current = s.version_id
    earlier = [v for v in published_tags(s.root) if v < current]
    return f"{TAG_PREFIX}{earlier[-1]}" if earlier else None


def previous_ref(s: Strategy) -> str | None:
    """The git ref the change list compares with: a configured ref, else the previous adopted version's tag."""
    configured = s["strategi"].get("jämför_med")
    if configured:
        return str(configured)
    return previous_adopted(s)


def compare_problem(s: Strategy) -> str | None:
    """A Swedish message when ``jämför_med`` names something other than the previous adopted version
    without saying why ('jämför_med_motivering'); None when all is well."""
    configured = s["strategi"].get("jämför_med")
    expected = previous_adopted(s)
    if not configured or configured == expected or s["strategi"].get("jämför_med_motivering"):
        return None
    wanted = f"'{expected}'" if expected else "ingenting (det finns ingen tidigare antagen version)"
    return (
        f"jämför_med i {parts.STRATEGY_FILE} är '{configured}', men föregående antagna version är "
        f"{wanted}. Ta bort jämför_med, eller skriv varför i jämför_med_motivering."
    )
