"""When the strategy's content last changed: the day of the last commit the change list would report.

A commit that touches data/ without changing what the strategy says (a reformatting, a comment, a
derived field removed) does not count: each commit since the previous version is compared with its
parent by the same semantic comparison as the change list (strategi.diff.compare), newest first,
and the walk stops at the first that changes something. A commit whose data/ and schemas/ trees
equal its parent's is passed over without loading anything, and each tree pair is loaded once.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from . import diff, git, gitref, model


def _attempt(root: Path, *args: str) -> str | None:
    try:
        return git.attempt(root, *args)
    except git.GitError:
        return None


def _trees(root: Path, commit: str) -> tuple[str, str] | None:
    """The ids of a commit's data/ and schemas/ trees, or None when it has no data/."""
    data = _attempt(root, "rev-parse", "--verify", "--quiet", f"{commit}:data")
    if data is None:
        return None
    schemas = _attempt(root, "rev-parse", "--verify", "--quiet", f"{commit}:schemas") or ""
    return data.strip(), schemas.strip()


def commits_since(root: Path, since: str) -> list[tuple[str, str]]:
    """(commit, committer day) of the mainline commits after ``since`` that touch data/, newest first."""
    found = _attempt(root, "log", "--first-parent", "--format=%H %cs", f"{since}..HEAD", "--", "data")
    return [tuple(line.split(" ", 1)) for line in (found or "").splitlines() if " " in line]  # type: ignore[misc]


def last_change_day(root: Path, since: str, today: dt.date) -> str:
    """The day (ÅÅÅÅ-MM-DD) of the newest commit after ``since`` whose data the change list reports
    as changed, or '' when there is none (or no git, or no such ref). Worked out once per commit."""
    head = (_attempt(root, "rev-parse", "--verify", "--quiet", "HEAD") or "").strip()
    return _last_change_day(str(Path(root).resolve()), head, since, today) if head else ""


@functools.lru_cache(maxsize=8)
def _last_change_day(root_text: str, head: str, since: str, today: dt.date) -> str:
    root = Path(root_text)
    loaded: dict[tuple[str, str], model.Strategy | None] = {}

    def load(commit: str, trees: tuple[str, str]) -> model.Strategy | None:
        if trees not in loaded:
            try:
                loaded[trees] = gitref.load_at(root, commit, today)
            except gitref.RefError:
                loaded[trees] = None
        return loaded[trees]

    for commit, day in commits_since(root, since):
        after, before = _trees(root, commit), _trees(root, f"{commit}^")
        if after is None:
            continue  # data/ removed: nothing the site shows
        if before is None:
            return ""  # data/ begins here: the source's own content, dated by the source
        if after == before:
            continue
        new, old = load(commit, after), load(f"{commit}^", before)
        if new is None or old is None or diff.compare(old, new):
            return day  # an unreadable side counts as a change: it is not the same strategy
    return ""
