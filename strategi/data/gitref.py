"""Load the strategy as it stood at a git ref, into a temporary folder."""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from strategi.data import git, parts
from strategi.data.problems import UserError


class RefError(UserError):
    """The ref does not exist, or git cannot be asked (a Swedish message for the user)."""

    code = 2


class RefDataError(RefError):
    """The strategy at another ref cannot be used: a symlink or other odd file in its tree, data
    with errors, or a broken schema. The message says the problem is in that version."""

    code = 1


def _attempt(root: Path, *args: str) -> str | None:
    """git's output, None when git says no; RefError (Swedish) when git cannot be run."""
    try:
        return git.attempt(root, *args)
    except git.GitError as exc:
        raise RefError(f"{exc}; git behövs för att jämföra versioner") from None


def resolve(root: Path, ref: str) -> str:
    """The commit a ref names, or RefError in Swedish."""
    if ref.startswith("-"):
        raise RefError(f"'{ref}' är ingen git-referens")
    found = _attempt(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found is None:
        if _attempt(root, "rev-parse", "--git-dir") is None:
            raise RefError(f"mappen {root} är inget git-arkiv, så '{ref}' kan inte jämföras")
        raise RefError(f"'{ref}' finns inte i git-historiken (varken som gren, tagg eller commit)")
    return found.strip()


@contextmanager
def checkout(root: Path, ref: str) -> Iterator[Path]:
    """A temporary folder holding data/ and schemas/ as they were at ``ref``."""
    commit = resolve(root, ref)
    work = Path(tempfile.mkdtemp(prefix="strategi-"))
    try:
        archive = work / "arkiv.tar"
        if (
            _attempt(
                root,
                "archive",
                "--format=tar",
                "-o",
                str(archive),
                commit,
                "--",
                parts.DATA_DIR,
                parts.SCHEMA_DIR,
            )
            is None
        ):
            raise RefError(f"'{ref}' innehåller ingen strategi (mapparna data/ och schemas/ saknas)")
        folder = work / "version"
        folder.mkdir()
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
            odd = [m.name for m in members if not (m.isfile() or m.isdir())]
            if odd:
                raise RefDataError(
                    f"versionen '{ref}' kan inte jämföras: {odd[0]} är ingen vanlig fil "
                    "(till exempel en symbolisk länk); felet finns i den versionen, inte i dina filer"
                )
            try:
                tar.extractall(folder, members=members, filter="data")
            except (tarfile.TarError, OSError) as exc:
                raise RefDataError(
                    f"versionen '{ref}' kan inte packas upp ({exc}); felet finns i den versionen, inte i dina filer"
                ) from None
        yield folder
    finally:
        shutil.rmtree(work, ignore_errors=True)
