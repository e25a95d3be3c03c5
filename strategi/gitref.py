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
            tar.extractall(folder, filter="data")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load_at(root: Path, ref: str, today: dt.date) -> model.Strategy:
    """The strategy at ``ref``; InvalidData if its data had errors there."""
    with checkout(root, ref) as folder:
        return model.load(folder, today)
