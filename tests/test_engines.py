"""The same sources build with ProperDocs, the maintained MkDocs 1.x fork, and give the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, require, run_build
from tests.test_site import page_text

pytestmark = pytest.mark.slow

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path) -> None:
    """`properdocs build --strict` succeeds and every page has the same text as the MkDocs build."""
    require(PROPERDOCS.exists(), "ProperDocs saknas: kör 'make test' (som skapar .venv-properdocs)")
    site = tmp_path / "properdocs-site"
    result = run_build([str(PROPERDOCS), "build", "--strict", "-d", str(site)], ROOT)
    assert result.returncode == 0, result.stderr
    ours = sorted(
        p.relative_to(built_site) for p in built_site.rglob("index.html") if "utskrift" not in p.parts
    )
    theirs = sorted(p.relative_to(site) for p in site.rglob("index.html") if "utskrift" not in p.parts)
    assert ours == theirs, "the two engines built different page sets"
    different = [str(p) for p in ours if page_text(built_site / p) != page_text(site / p)]
    assert not different, f"pages whose text differs: {different}"
