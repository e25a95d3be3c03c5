"""mkdocs-macros entry point: registers the views of strategi.views, nothing else."""

from typing import Any

from strategi.site.build import register


def define_env(env: Any) -> None:
    register(env)
