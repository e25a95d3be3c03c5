"""The browser the site's tests use: Debian's Chromium at /usr/bin/chromium."""

from __future__ import annotations

import subprocess

import pytest

from tests.browser._site import CHROMIUM, MISSING_CHROMIUM, chromium_available
from tests.conftest import require

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_chromium_is_installed() -> None:
    """Chromium is installed where the tests look for it; under CI=true its absence is a failure,
    on a developer's machine a skip that says how to install it."""
    require(chromium_available(), MISSING_CHROMIUM)
    version = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    assert "Chromium" in version, f"{CHROMIUM} --version svarade {version!r}"
