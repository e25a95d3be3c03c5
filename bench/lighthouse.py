"""Lighthouse 12 on the start page, a channel page and the material-type matrix, as a phone sees them.

The script builds the site (or takes a built one), serves it on 127.0.0.1 and runs Lighthouse in
its default mobile mode (simulated slow 4G and a mid-range phone) in Debian's Chromium. It prints
the performance, accessibility and best-practices scores, the main timings and the bytes a first
view transfers, and lists every audit that keeps a score below its target.

Targets: performance >= 0.98, accessibility 1.0, best practices 1.0. The exit code is 1 when a
target is missed.

Setup once:  npm install --prefix bench      (Lighthouse 12 from bench/package.json)
Run:         .venv/bin/python bench/lighthouse.py [--sajt site/] [--rundor 3]

Reports (JSON) are written to bench/results/ (not in git).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench/node_modules/.bin/lighthouse"
RESULTS = ROOT / "bench/results"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage"
)
PAGES = {
    "Start": "",
    "Kanal (Facebook)": "kanaler/facebook/",
    "Materialtyper (matris)": "materialtyper/",
}
CATEGORIES = ["performance", "accessibility", "best-practices"]
TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0}
TIMINGS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for a browser that accepts it (as an intranet web server does)."""

    gzip = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.is_file() and ctype.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        if Path(self.translate_path(self.path)).is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the address with '/'
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, *, compress: bool = True) -> Iterator[str]:
    """The folder on http://127.0.0.1:<free port>/ in a background thread."""
    handler = type("Handler", (_Quiet,), {"gzip": compress})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, the default) of one URL; the report as a dict."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
        timeout=300,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def transferred(report: dict[str, Any]) -> tuple[int, int, list[tuple[str, int]]]:
    """Bytes and number of requests of a first view (empty cache), and the biggest requests."""
    items = report["audits"]["network-requests"]["details"]["items"]
    total = int(report["audits"]["total-byte-weight"]["numericValue"])
    biggest = sorted(((i["url"], int(i.get("transferSize", 0))) for i in items), key=lambda x: -x[1])[:5]
    return total, len(items), biggest


def below_target(report: dict[str, Any]) -> list[str]:
    """The audits that keep a category below its target, with what Lighthouse says about them."""
    lines = []
    for category in CATEGORIES:
        score = report["categories"][category]["score"] or 0.0
        if score >= TARGETS[category]:
            continue
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(
                    f"{category}: {ref['id']} ({audit['score']:.2f}) {audit['title']} {shown}".rstrip()
                )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sajt", type=Path, help="en redan byggd sajt (annars byggs den nu)")
    parser.add_argument(
        "--rundor", type=int, default=3, help="körningar per sida; medianen visas (standard 3)"
    )
    parser.add_argument(
        "--utan-gzip", action="store_true", help="skicka filerna okomprimerade (som python -m http.server)"
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse saknas: kör 'npm install --prefix bench' först.", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    missed = False
    with tempfile.TemporaryDirectory() as tmp:
        site = args.sajt or Path(tmp) / "site"
        if not args.sajt:
            build(site)
        with serve(site, compress=not args.utan_gzip) as base:
            for name, path in PAGES.items():
                runs = []
                for n in range(args.rundor):
                    out = RESULTS / f"{(path.strip('/') or 'start').replace('/', '-')}-{n + 1}.json"
                    runs.append(lighthouse(base + path, out))
                # The median run by performance score (ties: the first).
                runs.sort(key=lambda r: r["categories"]["performance"]["score"])
                report = runs[len(runs) // 2]
                scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
                perf_all = [r["categories"]["performance"]["score"] for r in runs]
                total, count, biggest = transferred(report)
                timings = ", ".join(
                    f"{label} {report['audits'][audit]['displayValue']}" for audit, label in TIMINGS.items()
                )
                print(f"\n{name}  ({base}{path})")
                print(
                    f"  prestanda {scores['performance']:.2f} (alla körningar: "
                    f"{', '.join(f'{p:.2f}' for p in perf_all)}, median {statistics.median(perf_all):.2f})"
                    f"  tillgänglighet {scores['accessibility']:.2f}"
                    f"  bästa praxis {scores['best-practices']:.2f}"
                )
                print(f"  {timings}")
                print(f"  första visningen: {total / 1024:.1f} KiB överfört i {count} förfrågningar; störst:")
                for url, size in biggest:
                    print(f"    {size / 1024:7.1f} KiB  {url.replace(base, '/')}")
                problems = below_target(report)
                for line in problems:
                    print(f"  UNDER MÅL  {line}")
                missed = missed or bool(problems)
    print(
        "\nMål: prestanda >= 0,98, tillgänglighet 1,0, bästa praxis 1,0:",
        "MISSADE" if missed else "uppfyllda",
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
