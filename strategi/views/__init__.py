"""One function per view: Strategy (+ arguments) -> Markdown with HTML blocks.

Each module registers its views with @view; macros.py exposes them all to the pages.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from strategi.views import render

if TYPE_CHECKING:
    from strategi.data.model import Strategy

View = Callable[..., str]
VIEWS: dict[str, View] = {}


def view(name: str) -> Callable[[View], View]:
    """Register a view under the macro name the pages call."""

    def register(fn: View) -> View:
        if name in VIEWS:
            raise ValueError(f"view {name!r} registered twice")
        VIEWS[name] = fn
        return fn

    return register


def source_of(s: Strategy, name: str) -> str:
    """The 'Källa' line of a part ('mal', 'kanal:facebook', 'plan:2027-01'), an edit link when the
    repository is known."""
    return render.source(s.source(name), s.edit_base)


def _load_all() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_all()

__all__: list[Any] = ["VIEWS", "source_of", "view"]
