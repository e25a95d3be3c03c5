"""The pages of the site that a change to the data alters, for the per-page browser checks.

A data-only pull request needs axe, the phone width and the offline check only on the pages its
files change, not on all of the site. Which pages those are is found by building the site again
with today's code from data/ as it stands at a git ref (the pull request's target), with the same
fixed dates, and comparing the pages' HTML with the site of the working tree's data/: a page
is changed when its HTML differs or it is new (and Ändringar always is). No table of which file
feeds which page can drift from the views that way, and a figure that reaches a page indirectly
(a measurement in a chart, a goal's name in a heading) is found too.

    python -m tests.browser.changed_pages REF

prints the changed pages, one address a line ('/' is the start page). The pytest option
``--andrade-sidor-mot REF`` (tests/conftest.py) narrows the ``pages`` fixture, and so every
per-page check (marker ``per_page``), to the same pages.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from strategi.data import gitref
from tests.browser._site import page_paths
from tests.conftest import ROOT, build_site, copy_project

# Ändringar compares the data with the last adopted version in git, which neither copy has: on the
# real site it changes with every change to the data.
ALWAYS = ("andringar/",)


def page_file(site: Path, path: str) -> Path:
    """The HTML file of a page path as page_paths gives it ('' and 'x/' are folders' index.html)."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def changed_pages(site: Path, base: Path) -> list[str]:
    """The pages of ``site`` whose HTML differs from the same page in ``base``, or that ``base``
    lacks, in page_paths' order."""
    return [
        path
        for path in page_paths(site)
        if not page_file(base, path).is_file()
        or page_file(base, path).read_bytes() != page_file(site, path).read_bytes()
    ]


def _build(project: Path, site: Path) -> None:
    result = build_site(project, site)
    if result.returncode != 0:
        raise SystemExit(f"bygget av {project} misslyckades:\n{result.stderr}")


def changed_since(ref: str, site: Path, work: Path, root: Path = ROOT) -> list[str]:
    """The pages of ``site`` (built from root's data/) that the data's changes since ``ref`` alter:
    compared with a site built in ``work`` from a copy of data/ as it stood at ``ref`` (the copy is
    no git repository, so only Ändringar, which reads git, differs for another reason)."""
    with gitref.checkout(root, ref) as old:
        _build(copy_project(work / "fore", old / "data"), work / "fore-sajt")
    changed = changed_pages(site, work / "fore-sajt")
    return [path for path in page_paths(site) if path in changed or path in ALWAYS]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("användning: python -m tests.browser.changed_pages REF", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="sidor-") as work:
            _build(ROOT, Path(work) / "sajt")
            pages = changed_since(argv[0], Path(work) / "sajt", Path(work))
    except gitref.RefError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    for path in pages:
        print(f"/{path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
