"""A build's state in one object (strategi.site.state.STATE), no sys.path edits, one patch.

MkDocs imports the hooks through hooks.py in the project folder, so the package is an ordinary
module and nothing of it needs to put itself on the import path. Between events and between the
rebuilds of `make serve` the engine glue keeps its state in STATE alone; mkdocs-macros is patched
in one documented place (its git variable, see strategi.site.build.skip_macros_git_info).
"""

from __future__ import annotations

import ast
from pathlib import Path

from strategi.site import build, state
from tests.conftest import ROOT

PACKAGE = ROOT / "strategi"
# Module-level values that hold state: mutable displays, and the objects that used to be kept.
_MUTABLE = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
_STATEFUL_CALLS = {"list", "dict", "set", "State", "PrintDocument", "BuildBytecodeCache"}


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "vendor" not in p.parts]


def _sys_path_edits(tree: ast.AST) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"insert", "append", "extend"}
        and ast.unparse(node.value) == "sys.path"
    ]


def _module_state(tree: ast.Module) -> list[str]:
    """Names bound at module level to a state-keeping object, or to a mutable value under a name
    that is not a constant's ('_current', '_pages')."""
    found = []
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        value = getattr(node, "value", None)
        if value is None:
            continue
        func = value.func if isinstance(value, ast.Call) else None
        called = (
            func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        )
        names = [ast.unparse(t) for t in targets]
        if called in _STATEFUL_CALLS:
            found += names
        elif isinstance(value, _MUTABLE):
            # An UPPER_CASE table is a constant by the project's convention (written once, only read).
            found += [name for name in names if not name.isupper()]
    return found


def test_no_module_edits_the_import_path() -> None:
    """No module of the package, and not the hooks file, puts anything on sys.path."""
    edits = [
        f"{p.relative_to(ROOT)}:{line}"
        for p in [*_modules(), ROOT / "hooks.py"]
        for line in _sys_path_edits(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert edits == []


def test_the_site_layer_keeps_its_state_in_one_object() -> None:
    """In strategi/site/ the only module-level state is STATE (strategi/site/state.py); the build
    under way, the serving flags, the print document, the template cache and the offline page map
    are its fields. Tables (tuples, frozensets, compiled patterns) are not state."""
    found = {
        f"{p.relative_to(ROOT)}: {name}"
        for p in _modules()
        if p.parent.name == "site"
        for name in _module_state(ast.parse(p.read_text(encoding="utf-8")))
    }
    assert found == {"strategi/site/state.py: STATE"}


def test_the_state_scan_sees_state() -> None:
    """The scan finds a list, a dict and a kept object at module level, and passes a tuple, a
    compiled pattern and an UPPER_CASE table."""
    tree = ast.parse(
        "_a = []\n_b: dict[str, str] = {}\nCACHE = BuildBytecodeCache()\n_print = print_document.PrintDocument()\n"
        "D = ('x',)\nE = re.compile('x')\nF = [1]\n"
    )
    assert _module_state(tree) == ["_a", "_b", "CACHE", "_print"]


def test_mkdocs_macros_is_patched_in_one_place() -> None:
    """Only strategi.site.build assigns into mkdocs-macros (its git variable, which no page uses
    and which costs a dozen git runs a build), and says why in its docstring."""
    assigning = []
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                assigning += [
                    f"{p.relative_to(ROOT)}:{node.lineno}"
                    for t in node.targets
                    if isinstance(t, ast.Attribute) and ast.unparse(t).startswith("mkdocs_macros.")
                ]
    assert len(assigning) == 1
    assert assigning[0].startswith("strategi/site/build.py:")
    assert "no page here uses" in (build.skip_macros_git_info.__doc__ or "")


def test_a_new_build_starts_with_an_empty_print_document() -> None:
    """Starting a build (a new configuration) gives it its own print document and offline page map;
    the serving flags and the template cache of the process stay as they were."""
    kept = state.State(serving=True, announced=True)
    templates = kept.templates
    kept.printed.pages["mal/"] = (None, "<p>förra bygget</p>")
    kept.offline_pages["mal/"] = "mal.html"
    kept.new_build(object(), None)
    assert kept.printed.pages == {}
    assert kept.offline_pages == {}
    assert (kept.serving, kept.announced, kept.templates) == (True, True, templates)
