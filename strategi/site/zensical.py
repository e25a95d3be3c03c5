"""The Zensical build: the same sources built by Zensical, the successor of Material for MkDocs.

Zensical reads mkdocs.yml and runs macros.py's ``define_env`` (its macros extension), but not
MkDocs' hooks (strategi/site/mkdocs_hooks.py). What the hooks add before rendering is written out here
instead, into a folder of its own: a configuration (mkdocs.yml without hooks, the channel and month
pages in the navigation, the banner and the footer link in ``extra``, the project folder named for
strategi.site.build) and a docs/ folder with the generated channel pages, month pages and calendar
feeds. What the hooks' on_page_content does to a page (its title escaped, one folded question box
per section, line breaks for the search index) this module does as a Markdown extension
(``makeExtension``, named in the written configuration). What has no counterpart here is listed, with the reason, in
tests/test_zensical.py.

    python -m strategi.site.zensical [UT]    (make zensical: build/zensical/site)
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from strategi.content import changed
from strategi.data import history, model, periods
from strategi.site import build, calendars, generated, print_document
from strategi.views import pages
from strategi.site import chrome, reading

DEFAULT_OUT = Path("build") / "zensical"


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV [NAME, default]``: the first variable that is set, else the last item."""
    items = (
        [loader.construct_scalar(node)]
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)  # type: ignore[arg-type]
    )
    for name in items[:-1] if len(items) > 1 else items:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name])
    return items[-1] if len(items) > 1 else None


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", _env_tag)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as data, each ``!ENV`` tag read as MkDocs reads it (for tools that rewrite it)."""
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a SafeLoader)
    return config


def write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def without_print_page(nav: list[Any]) -> list[Any]:
    """The navigation without the print page: its content and template come from the hooks."""
    result: list[Any] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if value == print_document.PRINT_PAGE:
            continue
        if isinstance(entry, dict) and isinstance(value, list):
            result.append({next(iter(entry)): without_print_page(value)})
        else:
            result.append(entry)
    return result


def configuration(root: Path, strategy: model.Strategy) -> dict[str, Any]:
    """mkdocs.yml as Zensical should read it: what the hooks' on_config adds, written in."""
    config = read_config(root / "mkdocs.yml")
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["theme"]["custom_dir"] = str((root / config["theme"]["custom_dir"]).resolve())
    # No edit button: the hooks point it at a page's YAML file; Zensical would point it at the
    # generated docs/ copy, a path that does not exist in the repository.
    config["theme"]["features"] = [f for f in config["theme"]["features"] if f != "content.action.edit"]
    config["nav"] = without_print_page(generated.insert_channels(config["nav"], strategy))
    config.setdefault("extra", {})[build.PROJECT_KEY] = str(root.resolve())
    config["extra"]["strategi_tillganglighet"] = generated.footer_link(config)
    config["markdown_extensions"].append("strategi.site.zensical")  # makeExtension below
    generated.configure(config, chrome.version_facts(strategy, changed.history_of(strategy)))
    return config


class _Fold(Postprocessor):  # type: ignore[misc]  # Python-Markdown ships no type hints
    """The page as the hooks' on_page_content leaves it (strategi.site.reading)."""

    def run(self, text: str) -> str:
        # Only Zensical's environment has it; the module is imported in the main one too (lint).
        from zensical.extensions.context import ContextPreprocessor  # noqa: PLC0415

        context = ContextPreprocessor.from_markdown(self.md)
        if context is None:
            return reading.loosen(reading.fold_questions(text, ""))
        page = context.page
        if page.title:  # as the hooks do: a title from data (a channel's name) is printed unescaped
            page.meta["title"] = html.escape(html.unescape(str(page.title)), quote=False)
        link_from = pages.directory_url(pages.folder_index(page.path))
        return reading.loosen(reading.fold_questions(text, page.url, link_from=link_from))


class FoldExtension(Extension):  # type: ignore[misc]  # (as above)
    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_Fold(md), "strategi_fold", 0)


def makeExtension(**kwargs: Any) -> FoldExtension:  # Python-Markdown's entry point
    return FoldExtension(**kwargs)


def prepare(root: Path, out: Path, strategy: model.Strategy) -> Path:
    """Write the configuration and docs/ into ``out``; return the configuration's path."""
    for old in ("docs", "site", ".cache"):
        shutil.rmtree(out / old, ignore_errors=True)
    docs = out / "docs"
    shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns(print_document.PRINT_PAGE))
    config = configuration(root, strategy)
    calendar_files = calendars.generated_files(strategy, generated.feed_domain(config))
    for path, content in [*generated.channel_files(strategy), *calendar_files]:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    config_path = out / "mkdocs.yml"
    write_config(config_path, config)
    return config_path


def run(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Prepare ``out`` and build it with Zensical (strict) into ``out``/site."""
    config_path = prepare(root, out, model.load(root, periods.today()))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_path)],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def main(argv: list[str]) -> int:
    root = Path.cwd()
    out = (root / (argv[0] if argv else DEFAULT_OUT)).resolve()
    out.mkdir(parents=True, exist_ok=True)
    try:
        result = run(root, out)
    except (model.InvalidData, periods.BadToday) as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print("Zensical kunde inte bygga sajten (se ovan).", file=sys.stderr)
        return result.returncode
    print(f"Sajten byggd med Zensical: {out / 'site'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
