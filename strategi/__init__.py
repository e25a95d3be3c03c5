"""Region Örebro län's digital strategy as data: load, check, render and compare it."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Problem", "Result", "run"]

# Public name -> module that defines it. Imported on first use, so that `python -m strategi` can start
# (and set itself up, see bootstrap.py) before the packages those modules need are installed.
_PUBLIC = {"Result": "data.check", "run": "data.check", "Problem": "data.problems"}


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
