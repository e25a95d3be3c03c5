"""Time of `make pdf`'s PDF step (WeasyPrint) on the built site, with the page count.

For each size (6 channels today, or synthetic ones as in bench/build.py) the script builds the
site once, then makes the PDF ROUNDS times and prints the median time, the pages and the time
per page. The site build itself is timed by bench/build.py.

Run: .venv/bin/python bench/pdf.py [--sizes 6 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ENV, ROOT, build, make_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        for size in args.sizes:
            project = make_project(Path(tmp) / f"p{size}", size)
            site = Path(tmp) / f"site{size}"
            build(project, site)
            out = Path(tmp) / f"strategi{size}.pdf"
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "strategi", "pdf", "--sajt", str(site), "--ut", str(out)],
                    cwd=ROOT,
                    env={**ENV, "PYTHONPATH": str(ROOT)},
                    check=True,
                    capture_output=True,
                )
                times.append(time.perf_counter() - start)
            info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
            pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
            median = statistics.median(times)
            print(
                f"{size:>4} kanaler: PDF {median:.1f} s (median av {len(times)}), {pages} sidor, "
                f"{median / pages * 1000:.0f} ms per sida",
                flush=True,
            )


if __name__ == "__main__":
    main()
