"""The calendar files of the site: the annual-cycle feed, the plan feeds and the plan month pages.

Added to MkDocs' file list by the hooks (so `make serve` serves them and strict link checks see
them); nothing here touches the network, and every feed is a pure function of the data and the
build date.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from strategi.content import annual_cycle, plan
from strategi.data import model
from strategi.site import generated
from strategi.views import pages


def generated_files(strategy: model.Strategy, domain: str) -> list[tuple[str, str | bytes]]:
    """arshjul/arshjul.ics, plan/<kanal>.ics, plan/alla.ics and plan/<månad>.md, as (path, content)."""
    result: list[tuple[str, str | bytes]] = [(pages.ANNUAL_CYCLE_FEED, annual_cycle.feed(strategy, domain))]
    result += [
        (pages.plan_feed(name), plan.feed(strategy, name, domain)) for name in plan.feed_names(strategy)
    ]
    result += [
        (pages.month(month), generated.month_markdown(month, strategy.source(f"plan:{month}")))
        for month in plan.months(strategy)
    ]
    return result


def add_files(files: Files, config: Any, strategy: model.Strategy) -> None:
    """Add the calendar files and the plan month pages to MkDocs' file list."""
    for path, content in generated_files(strategy, generated.feed_domain(config)):
        files.append(File.generated(config, path, content=content))
