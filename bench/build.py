"""Build time of the real site (with its print document) against plain Material, side by side.

For each size (6 channels today, then 60 and 600 synthetic ones) the script
1. builds a copy of the project once with bench/dump_hook.py added to its hooks, which writes
   every page's Markdown as the macros rendered it;
2. makes a plain project from those files: same theme, same plugins, no macros, no hooks and
   no print document (the page a plain Material site would have);
3. makes a copy of the real project without the print page, to price the print document alone;
4. makes the plain project with mkdocs-macros added (an empty module, every page still rendered
   as a template): the floor a site built with mkdocs-macros cannot go below;
5. builds the real project as `make build` does (`python -m strategi bygg`: the check, then the
   strict build, one process) and the others with `mkdocs build --strict`;
6. builds each once untimed (Python writes its bytecode caches, and the real project its compiled
   templates in .cache/jinja/, as on an editor's machine after the first build), then times the
   builds alternately and prints the ratio to plain Material, the ratio to the same build without
   the print page and the print document's share, and the cost per channel (per channel, and per
   added channel).

Run: .venv/bin/python bench/build.py [--sizes 6 60 600] [--rounds 3]
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strategi.data import history, model  # noqa: E402
from strategi.site import chrome, generated  # noqa: E402
from strategi.site.zensical import read_config, write_config  # noqa: E402

ENV = {**os.environ, "STRATEGI_IDAG": "2026-11-29", "NO_MKDOCS_2_WARNING": "1"}
# Measure what a second `make build` costs anywhere: with Python's bytecode caches written. With
# PYTHONDONTWRITEBYTECODE (set on some machines) the project's own modules, copied here without
# their caches, would be compiled from source at every build, and plain Material has none to compile.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


PRINT_PAGE = "utskrift.md"


def drop_print_page(project: Path) -> None:
    """Leave the print page (and so the print document) out of a project: its file and nav entry."""
    (project / "docs" / PRINT_PAGE).unlink(missing_ok=True)
    config_path = project / "mkdocs.yml"
    config = read_config(config_path)
    config["nav"] = [e for e in config["nav"] if not (isinstance(e, dict) and PRINT_PAGE in e.values())]
    write_config(config_path, config)


def make_project(dest: Path, channels: int) -> Path:
    for name in ["data", "schemas", "docs", "overrides", "strategi"]:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "macros.py", "hooks.py"]:
        shutil.copy2(ROOT / name, dest / name)
    template = (ROOT / "data/channels/facebook.yaml").read_text(encoding="utf-8")
    for n in range(7, channels + 1):
        text = re.sub(r"^id: facebook$", f"id: kanal-{n:04d}", template, flags=re.MULTILINE)
        text = re.sub(r"^namn: Facebook$", f"namn: Kanal {n}", text, flags=re.MULTILINE)
        text = re.sub(r"^ordning: \d+$", f"ordning: {n}", text, flags=re.MULTILINE)
        (dest / "data/channels" / f"kanal-{n:04d}.yaml").write_text(text, encoding="utf-8")
    return dest


# Wall time, or with --cpu the build's CPU time (user + system of the child process): on a
# machine shared with other jobs the CPU time is the steadier measure of the work a build does.
CLOCK = {"cpu": False}


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# What `make build` runs (check the data, then the strict build, in one process), and what a
# plain MkDocs site runs. No --quiet: with it MkDocs would not count warnings under --strict.
MAKE_BUILD = [sys.executable, "-m", "strategi", "bygg", "--ut"]
MKDOCS_BUILD = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d"]


def build(
    project: Path, out: Path, extra_env: dict[str, str] | None = None, command: list[str] = MKDOCS_BUILD
) -> float:
    start = _cpu_of_children() if CLOCK["cpu"] else time.perf_counter()
    result = subprocess.run(
        [*command, str(out)],
        cwd=project,
        env={**ENV, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = (_cpu_of_children() if CLOCK["cpu"] else time.perf_counter()) - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    return elapsed


def make_plain(project: Path, dest: Path) -> Path:
    """The same pages as plain Markdown files, built without macros or hooks."""
    docs = dest / "docs"
    dumping = dest / "dump-project"
    shutil.copytree(project, dumping, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(Path(__file__).with_name("dump_hook.py"), dumping / "dump_hook.py")
    config = read_config(dumping / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), "dump_hook.py"]
    write_config(dumping / "mkdocs.yml", config)
    build(dumping, dest / "dump-site", {"STRATEGI_DUMP_MD": str(docs)})
    shutil.copytree(project / "docs/assets", docs / "assets")
    # The calendar files the hooks generate: the pages link to them.
    for calendar in (dest / "dump-site").rglob("*.ics"):
        target = docs / calendar.relative_to(dest / "dump-site")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(calendar, target)
    shutil.copytree(project / "overrides", dest / "overrides")
    config = read_config(project / "mkdocs.yml")
    strategy = model.load(project)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config.pop("hooks", None)
    config.pop("watch", None)
    config["nav"] = generated.insert_channels(config["nav"], strategy)
    generated.configure(config, chrome.version_facts(strategy, history.history(strategy)))
    write_config(dest / "mkdocs.yml", config)
    drop_print_page(dest)
    return dest


def make_macros_floor(plain: Path, dest: Path) -> Path:
    """The plain project with mkdocs-macros on and an empty module: what the plugin itself costs."""
    shutil.copytree(plain, dest)
    (dest / "tom_modul.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    config = read_config(dest / "mkdocs.yml")
    # The rendered pages hold `{#anchor}` attribute lists, which Jinja would read as comments.
    markers = {"j2_comment_start_string": "[#[", "j2_comment_end_string": "]#]"}
    macros = {"module_name": "tom_modul", "on_error_fail": True, "on_undefined": "strict", **markers}
    config["plugins"] = [*config["plugins"], {"macros": macros}]
    write_config(dest / "mkdocs.yml", config)
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 60, 600])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpu", action="store_true", help="time CPU seconds, not wall seconds")
    args = parser.parse_args()
    CLOCK["cpu"] = args.cpu
    print("klocka: CPU-sekunder" if args.cpu else "klocka: väggtid", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for size in args.sizes:
            project = make_project(Path(tmp) / f"p{size}", size)
            plain = make_plain(project, Path(tmp) / f"plain{size}")
            no_print = make_project(Path(tmp) / f"np{size}", size)
            drop_print_page(no_print)
            floor = make_macros_floor(plain, Path(tmp) / f"macros{size}")
            projects = {"ours": project, "plain": plain, "without": no_print, "floor": floor}
            commands = {
                "ours": MAKE_BUILD,
                "plain": MKDOCS_BUILD,
                "without": MAKE_BUILD,
                "floor": MKDOCS_BUILD,
            }
            for name, path in projects.items():
                build(path, Path(tmp) / f"warm-{name}{size}", command=commands[name])
            times: dict[str, list[float]] = {name: [] for name in projects}
            rounds = args.rounds if size <= 60 else max(1, args.rounds // 3)
            for r in range(rounds):
                for name, path in projects.items():
                    times[name].append(build(path, Path(tmp) / f"{name}{size}-{r}", command=commands[name]))
            ours, plain_s, without, floor_s = (statistics.median(times[n]) for n in projects)
            row = (size, ours, plain_s, without)
            rows.append(row)
            print(
                f"{size:>4} kanaler: sajt + utskrift {ours:.2f} s, ren Material {plain_s:.2f} s, "
                f"kvot {ours / plain_s:.2f}; utan utskrift {without:.2f} s "
                f"(kvot {ours / without:.2f}, utskriften {100 * (ours - without) / ours:.0f} %); "
                f"Material + tom mkdocs-macros {floor_s:.2f} s (kvot {floor_s / plain_s:.2f}); "
                f"per kanal {ours / size * 1000:.0f} ms (ren {plain_s / size * 1000:.0f} ms)",
                flush=True,
            )
    for (size_a, ours_a, plain_a, _), (size_b, ours_b, plain_b, _) in itertools.pairwise(rows):
        per_ours = (ours_b - ours_a) / (size_b - size_a)
        per_plain = (plain_b - plain_a) / (size_b - size_a)
        print(
            f"kostnad per tillagd kanal, {size_a}->{size_b}: sajt + utskrift {per_ours * 1000:.0f} ms, "
            f"ren Material {per_plain * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
