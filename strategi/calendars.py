"""The calendar files of the site: the annual-cycle feed, the plan feeds and the plan month pages.

Added to MkDocs' file list by the hooks (so `make serve` serves them and strict link checks see
them); nothing here touches the network, and every feed is a pure function of the data and the
build date.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from . import arshjul, model, pages, plan, site


def add_files(files: Files, config: Any, strategy: model.Strategy) -> None:
    """Add arshjul/arshjul.ics, plan/<kanal>.ics, plan/alla.ics and plan/<månad>.md."""
    domain = site.feed_domain(config)
    files.append(File.generated(config, pages.ANNUAL_CYCLE_FEED, content=arshjul.feed(strategy, domain)))
    for name in plan.feed_names(strategy):
        files.append(File.generated(config, pages.plan_feed(name), content=plan.feed(strategy, name, domain)))
    for month in plan.months(strategy):
        source = strategy.source(f"plan:{month}")
        files.append(File.generated(config, pages.month(month), content=site.month_markdown(month, source)))
