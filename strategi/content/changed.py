"""When the strategy's content last changed ('Senast ändrad'): the day of the last commit the change
list would report, and the History a build hands its views (strategi.data.history asks git the rest).

A commit that touches data/ without changing what the strategy says (a reformatting, a comment, a
derived field removed) does not count: each commit since the previous version is compared with its
parent by the same semantic comparison as the change list (strategi.diff.compare), newest first,
and the walk stops at the first that changes something. A commit whose data/ and schemas/ trees
equal its parent's is passed over without loading anything, and each tree pair is loaded once.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

from strategi.content import diff
from strategi.data import git, gitref, history, model, parts, periods
from strategi.data.model import Strategy


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
    found = _attempt(root, "log", "--first-parent", "--format=%H %cs", f"{since}..HEAD", "--", parts.DATA_DIR)
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
                loaded[trees] = model.load_at(root, commit, today)
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


def content_updated(s: Strategy) -> str:
    """When the strategy's content last changed, as ÅÅÅÅ-MM-DD: the day of the last commit since the
    previous version that the change list would report, else the date the source web page was last
    updated (a first version, or nothing changed since the previous one)."""
    since = history.previous_ref(s)
    day = last_change_day(s.root, since, s.today) if since else ""
    return day or str((s["strategi"].get("källa") or {}).get("webbsida_senast_uppdaterad", ""))


def last_updated(s: Strategy) -> str:
    """'Senast ändrad' as ÅÅÅÅ-MM-DD: the publish's date when it gives one, else content_updated."""
    given = os.environ.get(history.UPDATED_ENV, "")
    if periods.valid(given):
        return given
    return content_updated(s)


def history_of(s: Strategy) -> history.History:
    """What a build hands its views about this version: the previous version, a problem with that
    choice, and 'Senast ändrad' by the content rule."""
    return history.History(history.previous_ref(s), history.compare_problem(s), last_updated(s))
