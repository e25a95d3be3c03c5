"""CPU time of one `make serve` rebuild after a saved YAML file, steady on a busy machine.

Runs in one process what `mkdocs serve` does on each save: load the configuration again and build,
after touching data/channels/facebook.yaml (so the strategy is loaded and checked again). Prints
the CPU seconds of the first (cold) build and the median and worst of the rebuilds. Wall time from
save to page is bench/serve.py; this is the work part of it, without the machine's other load.

Run: .venv/bin/python bench/rebuild.py [--gånger 8] [--kanaler 6]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ENV, make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gånger", type=int, default=8, dest="times")
    parser.add_argument("--kanaler", type=int, default=6)
    args = parser.parse_args()
    os.environ.update(ENV)
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as tmp:
        project = make_project(Path(tmp) / "p", args.kanaler)
        os.chdir(project)
        data = project / "data/channels/facebook.yaml"
        cpu = []
        for n in range(args.times):
            if n:
                data.write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
            start = time.process_time()
            config = load_config(str(project / "mkdocs.yml"), strict=True)
            config["site_dir"] = str(Path(tmp) / "site")
            config.plugins.on_startup(command="serve", dirty=False)
            build(config)
            cpu.append(time.process_time() - start)
    print(
        f"{args.kanaler} kanaler: första bygget {cpu[0]:.2f} CPU-s; ombygge efter sparad fil: "
        f"median {statistics.median(cpu[1:]):.2f} CPU-s, sämsta {max(cpu[1:]):.2f} CPU-s"
    )


if __name__ == "__main__":
    main()
