"""Half-year versions: which published version came before, and publishing with mike."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .model import Strategy

TAG_PREFIX = "strategi-"
DEFAULT_ALIAS = "senaste"


def version_id(s: Strategy) -> str:
    return str(s["strategi"]["version"]["id"])


def is_draft(s: Strategy) -> bool:
    return s["strategi"].get("status") == "förslag"


def selector_title(s: Strategy) -> str:
    """The label in Material's version selector: 'Våren 2020 (förslag)' for a draft."""
    label = str(s["strategi"]["version"]["etikett"])
    return f"{label} (förslag)" if is_draft(s) else label


def published_tags(root: Path) -> list[str]:
    """Version ids that have a 'strategi-<id>' tag, oldest first."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "tag", "--list", f"{TAG_PREFIX}*"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except FileNotFoundError:
        return []
    if result.returncode != 0:
        return []
    return sorted(line.removeprefix(TAG_PREFIX) for line in result.stdout.split() if line.strip())


def previous_ref(s: Strategy) -> str | None:
    """The git ref the change list compares with: a configured ref, else the last earlier version's tag."""
    configured = s["strategi"].get("jämför_med")
    if configured:
        return str(configured)
    current = version_id(s)
    earlier = [v for v in published_tags(s.root) if v < current]
    return f"{TAG_PREFIX}{earlier[-1]}" if earlier else None
