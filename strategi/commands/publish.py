"""Publish the current version with mike into the local gh-pages branch (no push).

An adopted version is final: once published as adopted (tag 'strategi-<id>', or a title without
'(förslag)' in versions.json), it is never rewritten and its tag never moves. A draft can be
republished until it is adopted. The default alias 'senaste' is a copy (not a symlink), the root
redirect page is Swedish, and the root has a Swedish 404 page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from strategi.content import changed, versions
from strategi.data import git, gitref, history, model, parts
from strategi.data.problems import UserError
from strategi.site import generated
from strategi.views import render

BRANCH = "gh-pages"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
REDIRECT_TEMPLATE = TEMPLATES / "omdirigering.html"
ROOT_404 = "404.html"


class PublishError(UserError):
    """Publishing is refused or failed; the message is Swedish and says what to do."""


class NothingToPublish(UserError):
    """The data names a version that is already adopted and published: nothing to do (Swedish why)."""


def _mike(root: Path, args: list[str], env: dict[str, str], failed: str) -> None:
    """Run mike (it runs git and mkdocs itself); PublishError saying ``failed`` when it fails."""
    try:
        result = subprocess.run(
            args, cwd=root, env=env, capture_output=True, text=True, check=False, timeout=600
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PublishError(f"{failed}: mike kunde inte köras ({exc})") from None
    if result.returncode != 0:
        raise PublishError(f"{failed}:\n{result.stderr.strip()}")


def _git_env(root: Path) -> dict[str, str]:
    # mike runs `mkdocs` from PATH: make it this environment's. Without PATH, programs are looked
    # for where the system looks by default (os.defpath), as they would be without this folder.
    bindir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "STRATEGI_VERSIONER": "mike",
        "PATH": bindir + os.pathsep + os.environ.get("PATH", os.defpath),
    }
    # `git config` exits 1 for a setting that is not there.
    if not (git.attempt(root, "config", "user.name", env=env) or "").strip():
        env.setdefault("GIT_AUTHOR_NAME", "Strategi som kod")
        env.setdefault("GIT_COMMITTER_NAME", "Strategi som kod")
    if not (git.attempt(root, "config", "user.email", env=env) or "").strip():
        env.setdefault("GIT_AUTHOR_EMAIL", "strategi@localhost")
        env.setdefault("GIT_COMMITTER_EMAIL", "strategi@localhost")
    return env


def published(root: Path, env: dict[str, str]) -> list[dict[str, object]]:
    """mike's versions.json on gh-pages, or [] when nothing is published (or it is unreadable)."""
    shown = git.attempt(root, "show", f"{BRANCH}:versions.json", env=env)
    if shown is None:  # no gh-pages branch, or no versions.json on it yet
        return []
    try:
        listed = json.loads(shown)
    except ValueError:
        raise PublishError(
            f"grenen {BRANCH} har en trasig versions.json; rätta den innan något publiceras"
        ) from None
    return [v for v in listed if isinstance(v, dict)] if isinstance(listed, list) else []


def adopted_ids(root: Path, env: dict[str, str]) -> set[str]:
    """Versions that are adopted: they have a tag, or are published without '(förslag)'."""
    tagged = set(history.published_tags(root))
    listed = {
        str(v.get("version"))
        for v in published(root, env)
        if not str(v.get("title", "")).endswith(versions.DRAFT_SUFFIX)
    }
    return tagged | listed


def next_id(version: str) -> str:
    """'2020-h2' -> '2021-h1'; the id an editor should type for the next half-year."""
    year, half = version.split("-h")
    return f"{int(year) + 1}-h1" if half == "2" else f"{year}-h2"


def check_allowed(root: Path, strategy: model.Strategy, env: dict[str, str]) -> None:
    """Refuse to touch an adopted version (PublishError for a mistake, NothingToPublish otherwise)."""
    version = strategy.version_id
    label = versions.label(strategy)
    adopted = adopted_ids(root, env)
    if version in adopted:
        if strategy.is_draft:
            raise PublishError(
                f"{label} ({version}) är redan antagen och publicerad, och en antagen version ändras aldrig. "
                f"Data säger 'status: förslag' med samma id: ändra version.id i {parts.STRATEGY_FILE} "
                f"till nästa halvår, '{next_id(version)}', för att publicera ett nytt förslag."
            )
        raise NothingToPublish(
            f"Inget publicerat: {label} ({version}) är redan antagen och publicerad, och en antagen version "
            f"ändras aldrig. Ändringar i data sedan dess kommer med i nästa version ('{next_id(version)}')."
        )
    later = sorted(v for v in adopted if v > version)
    if later:
        raise PublishError(
            f"{label} ({version}) är äldre än den senast antagna versionen, "
            f"{versions.label_of(later[-1])} ({later[-1]}); en ny version ska ha ett senare id, "
            f"till exempel '{next_id(later[-1])}'."
        )
    problem = history.compare_problem(strategy)
    if problem:
        raise PublishError(problem)
    previous = history.previous_ref(strategy)
    if previous:
        try:  # the change list reads that version: refuse here rather than publish a broken page
            model.load_at(root, previous, strategy.today)
        except gitref.RefError as exc:
            raise PublishError(f"ändringslistan kan inte jämföra med föregående version: {exc}") from None


def _tag(root: Path, version: str, env: dict[str, str]) -> None:
    """Tag HEAD as the adopted version's source; never move an existing tag."""
    tag = f"{history.TAG_PREFIX}{version}"
    head = git.run(root, "rev-parse", "HEAD", env=env).strip()
    existing = git.attempt(root, "rev-parse", "--verify", "-q", f"refs/tags/{tag}^{{commit}}", env=env)
    if existing is not None:
        if existing.strip() != head:
            raise PublishError(f"taggen {tag} finns redan på en annan commit och flyttas aldrig")
        return
    try:
        git.run(root, "tag", tag, head, env=env)
    except git.GitError as exc:
        raise PublishError(f"kunde inte sätta taggen {tag}: {exc}") from None


def root_404_html(site_url: str) -> str:
    """The Swedish 404 page at the root of the published site: plain HTML, no assets."""
    home = render.esc(site_url.rstrip("/") + "/" + versions.DEFAULT_ALIAS + "/")
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Sidan finns inte – Digital strategi</title>\n</head>\n<body>\n"
        "<h1>Sidan finns inte</h1>\n"
        "<p>Sidan du söker finns inte. Den kan ha flyttats, eller så är adressen felskriven.</p>\n"
        f'<p><a href="{home}">Till den senaste antagna versionen av strategin</a></p>\n'
        "</body>\n</html>\n"
    )


def _add_root_file(root: Path, name: str, text: str, env: dict[str, str]) -> None:
    """Commit one file at the root of gh-pages without a checkout (a temporary index)."""
    with tempfile.TemporaryDirectory(prefix="strategi-index-") as tmp:
        index_env = {**env, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        try:
            blob = git.run(root, "hash-object", "-w", "--stdin", input=text, env=env).strip()
            git.run(root, "read-tree", BRANCH, env=index_env)
            git.run(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=index_env)
            tree = git.run(root, "write-tree", env=index_env).strip()
            if tree == git.run(root, "rev-parse", f"{BRANCH}^{{tree}}", env=env).strip():
                return
            message = f"Svensk {name} i roten"
            commit = git.run(root, "commit-tree", tree, "-p", BRANCH, "-m", message, env=env).strip()
            git.run(root, "update-ref", f"refs/heads/{BRANCH}", commit, env=env)
        except git.GitError as exc:
            raise PublishError(f"kunde inte lägga {name} i grenen {BRANCH}: {exc}") from None


def publish(root: Path, strategy: model.Strategy) -> str:
    """Deploy this version; return a Swedish summary. Raises PublishError (also when git fails,
    with git's own words) or NothingToPublish."""
    try:
        return _publish(root, strategy)
    except git.GitError as exc:
        raise PublishError(str(exc)) from None


def _publish(root: Path, strategy: model.Strategy) -> str:
    env = _git_env(root)
    dirty = git.attempt(
        root, "status", "--porcelain", "--", parts.DATA_DIR, parts.SCHEMA_DIR, "docs", "mkdocs.yml", env=env
    )
    if dirty is None:
        raise PublishError("mappen är inget git-arkiv; publicering kräver git")
    if dirty.strip():
        raise PublishError(
            "det finns ändringar i data/, schemas/ eller docs/ som inte är committade; "
            "committa dem först så att den publicerade versionen går att spåra"
        )
    check_allowed(root, strategy, env)
    version = strategy.version_id
    title = versions.selector_title(strategy)
    updated = changed.content_updated(strategy)
    if updated:
        env[history.UPDATED_ENV] = updated
    mike = [str(Path(sys.executable).with_name("mike"))]
    deploy = [*mike, "deploy", "--branch", BRANCH, "--title", title, "--alias-type", "copy"]
    deploy += ["--template", str(REDIRECT_TEMPLATE)]
    if strategy.is_draft:
        deploy.append(version)
    else:
        deploy += ["--update-aliases", version, versions.DEFAULT_ALIAS]
    _mike(root, deploy, env, "mike kunde inte publicera versionen")
    has_default = git.attempt(root, "cat-file", "-e", f"{BRANCH}:index.html", env=env) is not None
    default = versions.DEFAULT_ALIAS if not strategy.is_draft else (None if has_default else version)
    if default:
        set_default = [
            *mike,
            "set-default",
            "--branch",
            BRANCH,
            "--template",
            str(REDIRECT_TEMPLATE),
            default,
        ]
        _mike(root, set_default, env, "mike kunde inte sätta standardversionen")
    _add_root_file(root, ROOT_404, root_404_html(generated.site_url(root)), env)
    if not strategy.is_draft:
        _tag(root, version, env)
    known = ", ".join(str(v.get("title", v.get("version"))) for v in published(root, env))
    status = "förslag" if strategy.is_draft else "antagen, standardversion"
    return (
        f"Publicerade {title} ({version}, {status}) i grenen {BRANCH}. "
        f"Publicerade versioner: {known}. Inget har skickats (push) någonstans."
    )
