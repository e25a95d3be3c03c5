"""The print document (site/utskrift/) as a tagged, Swedish PDF with WeasyPrint, offline.

WeasyPrint lays out CSS paged media: page counters for "Sida N av M", ``target-counter`` for the
page numbers in the contents, and a bookmark for every heading. With the PDF/UA-1 variant the
PDF is tagged (structure follows the document's reading order) and carries its language and title.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from strategi.data.problems import UserError

# Headless Chromium on this kind of machine (used by the browser tests): no sandbox as root,
# no calls home (the network is closed).
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

PRINT_PAGE = Path("utskrift") / "index.html"


class PdfError(UserError):
    """The PDF could not be made; the message says why in Swedish."""


def chromium() -> str | None:
    """Path of Chromium: $CHROMIUM, else /usr/bin/chromium or chromium on PATH."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def make_pdf(site_dir: Path, out: Path) -> Path:
    """Lay out site_dir/utskrift/index.html as an A4 PDF in ``out``."""
    page = (site_dir / PRINT_PAGE).resolve()
    if not page.exists():
        raise PdfError(f"utskriftssidan {page} finns inte; bygg sajten först med 'make build'")
    try:
        import weasyprint  # noqa: PLC0415 - it loads Pango: the other commands must not need it
    except OSError as exc:  # Pango missing: WeasyPrint cannot load its libraries
        raise PdfError(
            f"WeasyPrint saknar systembibliotek ({exc}); installera dem med "
            "'apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'"
        ) from None
    out = out.resolve()
    try:
        # Only files of the built site (the style sheet); any other address stops the PDF.
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
        document = weasyprint.HTML(filename=str(page), url_fetcher=fetcher)
        document.write_pdf(out, pdf_variant="pdf/ua-1", pdf_tags=True)
    except weasyprint.urls.FatalURLFetchingError as exc:  # a BaseException in WeasyPrint
        raise PdfError(
            f"WeasyPrint kunde inte göra PDF:en: {exc}; bara filer från den byggda sajten får användas"
        ) from None
    except Exception as exc:  # any layout failure becomes one Swedish message
        raise PdfError(f"WeasyPrint kunde inte göra PDF:en: {exc}") from None
    return out
