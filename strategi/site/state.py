"""What the engine glue keeps between the events of a build and between builds: one object, STATE.

For the process: whether it serves the site (`make serve`), what it has told the editor, the
invalid data the error page shows, and the compiled theme templates (strategi.site.jinja_cache).
For the build under way: its configuration and its Build (None while `make serve` shows invalid
data), its print document, and, in an offline build, where each page lands.

MkDocs imports the hooks through hooks.py in the project folder, so this module is imported once
per process and STATE outlives the rebuilds of `make serve`. The hooks, the macros (macros.py,
through strategi.site.build) and the Zensical build all reach the same object; no other module
of the package keeps state between events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from strategi.data.problems import Problem
from strategi.site.jinja_cache import BuildBytecodeCache
from strategi.site.print_document import PrintDocument

if TYPE_CHECKING:
    from strategi.site.build import Build


@dataclass
class State:
    """One process's site state (see the module)."""

    # The process: set once by MkDocs' startup event, and what the editor has been told.
    serving: bool = False
    announced: bool = False
    # Invalid data while serving: its problems and how many files were checked (None: the data is valid).
    problems: list[Problem] | None = None
    files: int = 0
    templates: BuildBytecodeCache = field(default_factory=BuildBytecodeCache)
    # The build under way: its configuration (held, so its identity cannot be reused) and its Build.
    config: Any = None
    build: Build | None = None
    printed: PrintDocument = field(default_factory=PrintDocument)
    # Offline build: directory-style URL ('mal/') -> the page's file in this build ('mal.html').
    offline_pages: dict[str, str] = field(default_factory=dict)

    def new_build(self, config: Any, build: Build | None) -> None:
        """Forget the previous build's pages; remember this build's configuration and Build."""
        self.config, self.build = config, build
        self.printed = PrintDocument()
        self.offline_pages = {}

    @property
    def in_error(self) -> bool:
        return self.problems is not None


STATE = State()
