"""Time from saving a YAML file to the changed value in the page `make serve` serves.

Starts `mkdocs serve` as `make serve` does (strategi.site.local.SERVE_FLAGS) on a copy of the project (6 channels, or --kanaler N), then edits
data/channels/facebook.yaml EDITS times. After each save it polls the served Facebook page every
20 ms until the new value is there, and reports the median and the worst of those times. Each
edit waits for the previous rebuild to settle first, as an editor typing and saving would.

Run: .venv/bin/python bench/serve.py [--redigeringar 7] [--kanaler 6]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ENV, make_project

from strategi.site.local import SERVE_FLAGS

FIELD = "  målgrupp: Länsinvånare 18 år och uppåt."
PAGE = "kanaler/facebook/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - http://127.0.0.1 only
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float:
    """Seconds until the page at url contains needle (polling every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"'{needle}' kom aldrig fram till {url} inom {timeout:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--redigeringar", type=int, default=7, help="number of edits (at least 5)")
    parser.add_argument("--kanaler", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = make_project(Path(tmp) / "p", args.kanaler)
        data = project / "data/channels/facebook.yaml"
        original = data.read_text(encoding="utf-8")
        assert FIELD in original, f"{FIELD!r} saknas i {data}"
        port = free_port()
        url = f"http://127.0.0.1:{port}/{PAGE}"
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**ENV, "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            first = wait_for(url, "Länsinvånare 18 år", 300)
            print(f"första bygget klart efter {first:.1f} s", flush=True)
            times = []
            for n in range(args.redigeringar):
                time.sleep(1.5)
                token = f"Mätpunkt {n} {os.getpid()}"
                data.write_text(original.replace(FIELD, f"{FIELD} {token}."), encoding="utf-8")
                times.append(wait_for(url, token, 60))
                print(f"redigering {n + 1}: {times[-1]:.2f} s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"{args.kanaler} kanaler, {len(times)} redigeringar: median {statistics.median(times):.2f} s, "
        f"sämsta {max(times):.2f} s (maskinens last: {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor)"
    )


if __name__ == "__main__":
    main()
