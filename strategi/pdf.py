"""Print the built site's print page to strategi.pdf with headless Chromium (no outside host)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# Headless Chromium on this kind of machine: no sandbox as root, no calls home (the network is closed).
BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CHROMIUM_FLAGS = [
    *BROWSER_FLAGS,
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=15000",
]


class PdfError(Exception):
    """The PDF could not be made; the message says why in Swedish."""


def chromium() -> str | None:
    """Path of Chromium: $CHROMIUM, else /usr/bin/chromium or chromium on PATH."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def make_pdf(site_dir: Path, out: Path) -> Path:
    """Print site_dir/print_page/index.html to ``out``."""
    page = (site_dir / "print_page" / "index.html").resolve()
    if not page.exists():
        raise PdfError(f"utskriftssidan {page} finns inte; bygg sajten först med 'make build'")
    browser = chromium()
    if browser is None:
        raise PdfError("Chromium saknas; installera det med 'apt-get install chromium'")
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="strategi-chromium-") as profile:
        result = subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    if result.returncode != 0 or not out.exists() or out.stat().st_size == 0:
        raise PdfError(
            f"Chromium kunde inte skriva ut sidan (kod {result.returncode}): {result.stderr.strip()[-500:]}"
        )
    return out
