"""The one way the package runs git: every exit status is looked at.

``run`` is for commands that must succeed: a non-zero exit status raises GitError, whose Swedish
message names the command and repeats what git wrote on stderr. ``attempt`` is for commands whose
failure is an ordinary answer (no such tag, no such branch, not a git repository): it returns None
then, and raises GitError only when git cannot be run at all.
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path

TIMEOUT_SECONDS = 60


class GitError(Exception):
    """git failed or could not be run; the message is Swedish and names the command."""

    def __init__(self, message: str, *, command: tuple[str, ...], returncode: int | None) -> None:
        super().__init__(message)
        self.command = command
        self.returncode = returncode


def _call(
    root: Path, args: tuple[str, ...], input: str | None, env: Mapping[str, str] | None
) -> subprocess.CompletedProcess[str]:
    shown = shlex.join(["git", *args])
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            input=input,
            env=None if env is None else dict(env),
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        raise GitError(
            f"git finns inte på datorn, så '{shown}' kunde inte köras; installera git",
            command=args,
            returncode=None,
        ) from None
    except subprocess.TimeoutExpired:
        raise GitError(
            f"'{shown}' svarade inte på {TIMEOUT_SECONDS} sekunder och avbröts",
            command=args,
            returncode=None,
        ) from None


def run(root: Path, *args: str, input: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """git's standard output for ``git -C root <args>``; GitError (Swedish) when git exits non-zero."""
    result = _call(root, args, input, env)
    if result.returncode != 0:
        said = result.stderr.strip() or "git skrev inget felmeddelande"
        raise GitError(
            f"git-kommandot '{shlex.join(['git', *args])}' misslyckades (slutstatus {result.returncode}): {said}",
            command=args,
            returncode=result.returncode,
        )
    return result.stdout


def attempt(root: Path, *args: str, env: Mapping[str, str] | None = None) -> str | None:
    """git's standard output, or None when git exits non-zero (an expected answer such as 'no such
    ref'); GitError only when git cannot be run."""
    result = _call(root, args, None, env)
    return result.stdout if result.returncode == 0 else None
