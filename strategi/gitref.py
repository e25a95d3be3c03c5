"""Load the strategy as it stood at a git ref, into a temporary folder."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import model


class RefError(Exception):
    """The ref does not exist, or git cannot be asked (a Swedish message for the user)."""


class RefDataError(RefError):
    """The strategy at another ref cannot be used: a symlink or other odd file in its tree, data
    with errors, or a broken schema. The message says the problem is in that version."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise RefError("git finns inte på datorn; installera git för att jämföra versioner") from None


def resolve(root: Path, ref: str) -> str:
    """The commit a ref names, or RefError in Swedish."""
    if ref.startswith("-"):
        raise RefError(f"'{ref}' är ingen git-referens")
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if result.returncode != 0:
        if _git(root, "rev-parse", "--git-dir").returncode != 0:
            raise RefError(f"mappen {root} är inget git-arkiv, så '{ref}' kan inte jämföras")
        raise RefError(f"'{ref}' finns inte i git-historiken (varken som gren, tagg eller commit)")
    return result.stdout.decode().strip()


@contextmanager
def checkout(root: Path, ref: str) -> Iterator[Path]:
    """A temporary folder holding data/ and schemas/ as they were at ``ref``."""
    commit = resolve(root, ref)
    archive = _git(root, "archive", "--format=tar", commit, "--", "data", "schemas")
    if archive.returncode != 0:
        raise RefError(f"'{ref}' innehåller ingen strategi (mapparna data/ och schemas/ saknas)")
    folder = Path(tempfile.mkdtemp(prefix="strategi-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
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
        shutil.rmtree(folder, ignore_errors=True)


def load_at(root: Path, ref: str, today: dt.date) -> model.Strategy:
    """The strategy at ``ref``, treated as untrusted: RefDataError (Swedish, naming the version) when
    its data has errors or its schemas or files are broken; never a traceback."""
    with checkout(root, ref) as folder:
        try:
            return model.load(folder, today)
        except model.InvalidData as exc:
            first = [p for p in exc.problems if p.is_error][:3]
            shown = "; ".join(f"{p.file}:{p.line}:{p.column}: {p.message}" for p in first)
            raise RefDataError(
                f"versionen '{ref}' har fel i sina data och kan inte jämföras ({shown}); "
                "felet finns i den versionen, inte i dina filer"
            ) from None
        except Exception as exc:  # another version's tree is untrusted input: no traceback, ever
            raise RefDataError(
                f"versionen '{ref}' kan inte läsas ({type(exc).__name__}): troligen är ett schema eller "
                "en fil trasig i den versionen; felet finns i den versionen, inte i dina filer"
            ) from None
