"""A stand-in for mike 2.2 in tests/test_publish_unit.py: it writes on the gh-pages branch what
mike writes there (versions.json, a folder per version and per copied alias, the root redirect
page from --template) without building the site, so a publish takes milliseconds.

It only works in the repository named in arkiv.txt beside this script, and refuses (exit 1)
when started in any other folder, so it can never write a gh-pages branch elsewhere. Each call is
appended to mike-anrop.jsonl beside this script: the arguments, the working folder and the
environment variables that publishing sets. FAKE_MIKE_FAIL=<command> makes that command fail as
mike does: a message on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

LOG = Path(__file__).with_name("mike-anrop.jsonl")
REPO = Path(__file__).with_name("arkiv.txt")
SEEN = (
    "STRATEGI_VERSIONER",
    "STRATEGI_SENAST_UPPDATERAD",
    "PATH",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
)


def git(root: Path, *args: str, env: dict[str, str] | None = None, text: str | None = None) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=env, input=text
    ).stdout


def listed(root: Path, branch: str) -> list[dict[str, Any]]:
    shown = subprocess.run(
        ["git", "-C", str(root), "show", f"{branch}:versions.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    found: list[dict[str, Any]] = json.loads(shown.stdout) if shown.returncode == 0 else []
    return found


def commit(root: Path, branch: str, files: dict[str, str], message: str) -> None:
    """One commit on ``branch`` adding or replacing ``files`` (no checkout), as mike does."""
    head = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--verify", "-q", f"refs/heads/{branch}"],
        capture_output=True,
        check=False,
    )
    exists = head.returncode == 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        if exists:
            git(root, "read-tree", branch, env=env)
        for name, content in files.items():
            blob = git(root, "hash-object", "-w", "--stdin", text=content).strip()
            git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
        tree = git(root, "write-tree", env=env).strip()
    parent = ["-p", branch] if exists else []
    new = git(root, "commit-tree", tree, *parent, "-m", message).strip()
    git(root, "update-ref", f"refs/heads/{branch}", new)


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def deploy(root: Path, args: argparse.Namespace) -> None:
    entries = listed(root, args.branch)
    for entry in entries:
        taken = [a for a in args.aliases if a in entry["aliases"]]
        if taken and entry["version"] != args.version:
            if not args.update_aliases:
                fail(f"alias '{taken[0]}' already exists for version '{entry['version']}'")
            entry["aliases"] = [a for a in entry["aliases"] if a not in taken]
    mine = next((e for e in entries if e["version"] == args.version), None)
    if mine is None:
        mine = {"version": args.version, "title": args.version, "aliases": []}
        entries.append(mine)
    mine["title"] = args.title or args.version
    mine["aliases"] = [*mine["aliases"], *(a for a in args.aliases if a not in mine["aliases"])]
    entries.sort(key=lambda e: str(e["version"]), reverse=True)
    page = f"<title>{mine['title']}</title>\n"
    files = {f"{name}/index.html": page for name in [args.version, *args.aliases]}
    files["versions.json"] = json.dumps(entries, ensure_ascii=False)
    commit(root, args.branch, files, f"Deployed {args.version}")


def set_default(root: Path, args: argparse.Namespace) -> None:
    entries = listed(root, args.branch)
    known = {str(e["version"]) for e in entries} | {str(a) for e in entries for a in e["aliases"]}
    if args.identifier not in known:
        fail(f"identifier '{args.identifier}' does not exist")
    page = Path(args.template).read_text(encoding="utf-8").replace("{{href}}", f"{args.identifier}/")
    commit(root, args.branch, {"index.html": page}, f"Set default version to {args.identifier}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="mike")
    commands = parser.add_subparsers(dest="command", required=True)
    dep = commands.add_parser("deploy")
    dep.add_argument("--branch", required=True)
    dep.add_argument("--title")
    dep.add_argument("--alias-type", choices=["copy"], required=True)
    dep.add_argument("--template", required=True)
    dep.add_argument("--update-aliases", action="store_true")
    dep.add_argument("version")
    dep.add_argument("aliases", nargs="*")
    default = commands.add_parser("set-default")
    default.add_argument("--branch", required=True)
    default.add_argument("--template", required=True)
    default.add_argument("identifier")
    args = parser.parse_args()
    with LOG.open("a", encoding="utf-8") as log:
        seen = {k: os.environ[k] for k in SEEN if k in os.environ}
        log.write(json.dumps({"argv": sys.argv[1:], "cwd": str(Path.cwd()), "env": seen}) + "\n")
    root = Path(REPO.read_text(encoding="utf-8"))
    if Path.cwd() != root:
        fail(f"started in {Path.cwd()}, not in the repository {root}")
    if os.environ.get("FAKE_MIKE_FAIL") == args.command:
        fail(f"{args.command} failed on purpose")
    {"deploy": deploy, "set-default": set_default}[args.command](root, args)


if __name__ == "__main__":
    main()
