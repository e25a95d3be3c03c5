"""Build time of the real site against the same pages as plain Markdown, side by side.

For each size (6 channels today, then 60 and 600 synthetic ones) the script
1. builds the project once with STRATEGI_DUMP_MD set, which writes every page's Markdown as
   the macros rendered it;
2. makes a plain project from those files: same theme, same plugins, no macros, no hooks;
3. times both builds alternately and prints the ratio and the cost per channel.

Run: .venv/bin/python bench/build.py [--sizes 6 60 600] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strategi import model, site  # noqa: E402

ENV = {**os.environ, "STRATEGI_IDAG": "2026-11-29", "NO_MKDOCS_2_WARNING": "1"}


def drop_print_site(config_path: Path) -> None:
    """Leave out mkdocs-print-site-plugin: its link fixing grows with pages x pages in both builds."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "print-site" in p)]
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(dest: Path, channels: int) -> Path:
    for name in ["data", "schemas", "docs", "overrides", "strategi"]:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ["mkdocs.yml", "macros.py"]:
        shutil.copy2(ROOT / name, dest / name)
    template = (ROOT / "data/channels/facebook.yaml").read_text(encoding="utf-8")
    for n in range(7, channels + 1):
        text = re.sub(r"^id: facebook$", f"id: kanal-{n:04d}", template, flags=re.MULTILINE)
        text = re.sub(r"^namn: Facebook$", f"namn: Kanal {n}", text, flags=re.MULTILINE)
        text = re.sub(r"^ordning: \d+$", f"ordning: {n}", text, flags=re.MULTILINE)
        (dest / "data/channels" / f"kanal-{n:04d}.yaml").write_text(text, encoding="utf-8")
    return dest


def build(project: Path, out: Path, extra_env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=project,
        env={**ENV, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    return elapsed


def make_plain(project: Path, dest: Path) -> Path:
    """The same pages as plain Markdown files, built without macros or hooks."""
    docs = dest / "docs"
    build(project, dest / "dump-site", {"STRATEGI_DUMP_MD": str(docs)})
    shutil.copytree(project / "docs/assets", docs / "assets")
    shutil.copytree(project / "overrides", dest / "overrides")
    (dest / "strategi/templates").mkdir(parents=True)
    shutil.copy2(project / "strategi/templates/omslag.tpl", dest / "strategi/templates/omslag.tpl")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    strategy = model.load(project)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config.pop("hooks", None)
    config.pop("watch", None)
    config["nav"] = site.insert_channels(config["nav"], strategy)
    config["extra"]["strategi_banner"] = site.banner_html(strategy)
    config["extra"]["strategi_omslag"] = site.cover_html(strategy)
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 60, 600])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--utan-utskrift", action="store_true", help="leave out the print page in both builds (for scaling)"
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for size in args.sizes:
            project = make_project(Path(tmp) / f"p{size}", size)
            if args.utan_utskrift:
                drop_print_site(project / "mkdocs.yml")
            plain = make_plain(project, Path(tmp) / f"plain{size}")
            ours, theirs = [], []
            rounds = args.rounds if size <= 60 else max(1, args.rounds // 3)
            for r in range(rounds):
                ours.append(build(project, Path(tmp) / f"o{size}-{r}"))
                theirs.append(build(plain, Path(tmp) / f"m{size}-{r}"))
            rows.append((size, statistics.median(ours), statistics.median(theirs)))
            print(
                f"{size:>4} kanaler: makron {rows[-1][1]:.2f} s, ren Markdown {rows[-1][2]:.2f} s, "
                f"kvot {rows[-1][1] / rows[-1][2]:.2f}",
                flush=True,
            )
    base_size, base_ours, base_plain = rows[0]
    for size, ours_t, plain_t in rows[1:]:
        per_ours = (ours_t - base_ours) / (size - base_size)
        per_plain = (plain_t - base_plain) / (size - base_size)
        print(
            f"kostnad per extra kanal, {base_size}->{size}: makron {per_ours * 1000:.0f} ms, "
            f"ren Markdown {per_plain * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
