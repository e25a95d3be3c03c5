"""Which pages a data change alters: pages whose HTML differs between two builds, or are new."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.changed_pages import changed_pages, main


def _site(folder: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        target = folder / path if path.endswith(".html") else folder / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return folder


def test_changed_and_new_pages_are_found_and_unchanged_ones_left_out(tmp_path: Path) -> None:
    """A page whose HTML differs by one character, and a page the old site lacks, are changed; pages
    with the same HTML (the start page, 404.html) are not; the order is page_paths'."""
    same = {"": "<h1>Start</h1>", "404.html": "<h1>Saknas</h1>", "mal/": "<p>Mål A</p>"}
    base = _site(tmp_path / "fore", {**same, "kanaler/facebook/": "<td>17 000</td>"})
    site = _site(
        tmp_path / "efter", {**same, "kanaler/facebook/": "<td>17 400</td>", "kanaler/tiktok/": "<p/>"}
    )
    assert changed_pages(site, base) == ["kanaler/facebook/", "kanaler/tiktok/"]
    assert changed_pages(base, base) == []


def test_the_command_needs_one_ref(capsys: pytest.CaptureFixture[str]) -> None:
    """Without exactly one git ref the command says how to use it, in Swedish, and exits 2."""
    assert main([]) == 2
    assert main(["a", "b"]) == 2
    assert capsys.readouterr().err.count("användning: python -m tests.browser.changed_pages REF") == 2
