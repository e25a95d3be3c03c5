"""Publish the current version with mike into the local gh-pages branch (no push)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from . import model, versions

BRANCH = "gh-pages"


class PublishError(Exception):
    """Publishing is refused or failed; the message is Swedish and says what to do."""


def _run(root: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, check=False, timeout=600)


def _git_env(root: Path) -> dict[str, str]:
    # mike runs `mkdocs` from PATH: make it this environment's.
    bindir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "STRATEGI_VERSIONER": "mike",
        "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
    }
    name = _run(root, ["git", "config", "user.name"], env).stdout.strip()
    if not name:
        env.setdefault("GIT_AUTHOR_NAME", "Strategi som kod")
        env.setdefault("GIT_COMMITTER_NAME", "Strategi som kod")
    email = _run(root, ["git", "config", "user.email"], env).stdout.strip()
    if not email:
        env.setdefault("GIT_AUTHOR_EMAIL", "strategi@localhost")
        env.setdefault("GIT_COMMITTER_EMAIL", "strategi@localhost")
    return env


def _published(root: Path, env: dict[str, str]) -> list[dict[str, object]]:
    shown = _run(root, ["git", "show", f"{BRANCH}:versions.json"], env)
    if shown.returncode != 0:
        return []
    return list(json.loads(shown.stdout))


def _has_default(root: Path, env: dict[str, str]) -> bool:
    return _run(root, ["git", "cat-file", "-e", f"{BRANCH}:index.html"], env).returncode == 0


def publish(root: Path, strategy: model.Strategy) -> str:
    """Deploy this version; return a Swedish summary. Raises PublishError."""
    env = _git_env(root)
    dirty = _run(root, ["git", "status", "--porcelain", "--", "data", "schemas", "docs", "mkdocs.yml"], env)
    if dirty.returncode != 0:
        raise PublishError("mappen är inget git-arkiv; publicering kräver git")
    if dirty.stdout.strip():
        raise PublishError(
            "det finns ändringar i data/, schemas/ eller docs/ som inte är committade; "
            "committa dem först så att den publicerade versionen går att spåra"
        )
    version = versions.version_id(strategy)
    title = versions.selector_title(strategy)
    mike = [str(Path(sys.executable).with_name("mike"))]
    deploy = [*mike, "deploy", "--branch", BRANCH, "--title", title]
    if versions.is_draft(strategy):
        deploy.append(version)
    else:
        deploy += ["--update-aliases", version, versions.DEFAULT_ALIAS]
    result = _run(root, deploy, env)
    if result.returncode != 0:
        raise PublishError(f"mike kunde inte publicera versionen:\n{result.stderr.strip()}")
    if not versions.is_draft(strategy):
        default = versions.DEFAULT_ALIAS
    elif not _has_default(root, env):
        default = version
    else:
        default = None
    if default:
        result = _run(root, [*mike, "set-default", "--branch", BRANCH, default], env)
        if result.returncode != 0:
            raise PublishError(f"mike kunde inte sätta standardversionen:\n{result.stderr.strip()}")
    _run(root, ["git", "tag", "-f", f"{versions.TAG_PREFIX}{version}", "HEAD"], env)
    known = ", ".join(str(v.get("title", v.get("version"))) for v in _published(root, env))
    status = "förslag" if versions.is_draft(strategy) else "antagen, standardversion"
    return (
        f"Publicerade {title} ({version}, {status}) i grenen {BRANCH}. "
        f"Publicerade versioner: {known}. Inget har skickats (push) någonstans."
    )
