"""The package reads in the order data flows, one folder a layer (strategi/LAYERS.md):

    data  <-  content  <-  views  <-  site        commands (may use any layer)

A module imports only from its own layer or a layer below it; no module imports `commands` but
`strategi.__main__`; no two modules import each other, directly or round a longer circle; only
`site` knows MkDocs or Zensical; no view imports a module that runs git. Imports are read from the
source (every import statement, also inside functions and under TYPE_CHECKING), so a new import
that breaks the order fails here before it can make a circle at run time.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "strategi"
LAYERS = ("data", "content", "views", "site", "commands")
# Outside the layers: the package's face, `python -m strategi`, and the stdlib-only installer
# that the Makefile runs before anything else is installed.
TOP = {"strategi", "strategi.__main__", "strategi.bootstrap"}
ENGINES = ("mkdocs", "mkdocs_macros", "material", "zensical")
RUNS_GIT = {"strategi.data.git", "strategi.data.gitref", "strategi.data.history"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the module imported (a submodule when a name imported from a package is one)
    line: int
    type_only: bool  # under `if TYPE_CHECKING:`: never runs, so no circle, but still a direction


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "vendor" not in p.parts}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    """Every import in one module's source, resolved to module names (relative ones too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # `from strategi.data import check` imports the module strategi.data.check
            targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names]
        else:
            continue
        found += [Import(name, t, node.lineno, node.lineno in type_only) for t in dict.fromkeys(targets)]
    return found


def layer_of(name: str) -> str:
    if name in TOP:
        return "top"
    return name.split(".")[1]


def all_imports() -> list[Import]:
    found = modules()
    return [i for name, path in found.items() for i in imports_of(name, path, set(found))]


def upward(imports: list[Import]) -> list[str]:
    """The imports that go against the flow, as 'module:line -> target (why)'."""
    wrong = []
    for i in imports:
        if not i.target.startswith("strategi") or i.target == "strategi" or i.module == "strategi.__main__":
            continue
        here, there = layer_of(i.module), layer_of(i.target)
        if there == "commands" and here != "commands":
            wrong.append(f"{i.module}:{i.line} -> {i.target} (only __main__ imports commands)")
        elif there == "top" and i.target != "strategi.bootstrap":
            wrong.append(f"{i.module}:{i.line} -> {i.target} (the package's face is imported by no module)")
        elif here == "top" and i.module == "strategi.bootstrap":
            wrong.append(f"{i.module}:{i.line} -> {i.target} (bootstrap runs before anything is installed)")
        elif (
            here in LAYERS
            and there in LAYERS
            and LAYERS.index(there) > LAYERS.index(here)
            and here != "commands"
        ):
            wrong.append(f"{i.module}:{i.line} -> {i.target} ({here} imports the higher layer {there})")
    return wrong


def cycles(imports: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other at run time (strongly connected, Tarjan)."""
    graph: dict[str, set[str]] = {}
    for i in imports:
        if i.target.startswith("strategi.") and not i.type_only and i.target != i.module:
            graph.setdefault(i.module, set()).add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_lives_in_a_layer() -> None:
    """Every module of the package is in one of the five layer folders, or is one of the three
    that stand outside them (__init__, __main__, bootstrap): a new flat module has no place."""
    stray = [name for name in modules() if name not in TOP and layer_of(name) not in LAYERS]
    assert not stray, f"moduler utanför lagren: {stray}"


def test_nothing_imports_upward() -> None:
    """No module imports from a layer above its own (data <- content <- views <- site), commands
    are imported by __main__ alone, and bootstrap imports nothing of the package."""
    assert upward(all_imports()) == []


def test_no_import_circle() -> None:
    """No two modules import each other at run time, directly or round a longer circle (an import
    inside a function counts: it is how a circle hides)."""
    assert cycles(all_imports()) == []


def test_only_the_site_layer_knows_the_engines() -> None:
    """MkDocs, mkdocs-macros, Material and Zensical are imported only under strategi/site/: the
    views and everything below them are plain Python that any engine could call."""
    wrong = [
        f"{i.module}:{i.line} -> {i.target}"
        for i in all_imports()
        if i.target.split(".")[0] in ENGINES and layer_of(i.module) != "site"
    ]
    assert wrong == []


def test_no_view_imports_a_module_that_runs_git() -> None:
    """A view is handed what git knows (strategi.data.history.History, worked out once per build);
    at run time no view module imports the git runner, the ref checkout or the history module."""
    wrong = [
        f"{i.module}:{i.line} -> {i.target}"
        for i in all_imports()
        if layer_of(i.module) == "views" and i.target in RUNS_GIT and not i.type_only
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "where", "found"),
    [
        ("from strategi.views import render\n", "data/x.py", "data imports the higher layer views"),
        (
            "def f():\n    from strategi.site import build\n",
            "content/x.py",
            "content imports the higher layer site",
        ),
        ("from ..commands import cli\n", "views/x.py", "only __main__ imports commands"),
        ("from strategi.data import model\n", "bootstrap.py", "bootstrap runs before anything is installed"),
    ],
)
def test_the_checks_see_upward_imports(tmp_path: Path, source: str, where: str, found: str) -> None:
    """The reader of imports finds an upward import at module level, inside a function, and written
    relative to the package: the layer test cannot pass by not looking."""
    path = tmp_path / "strategi" / where
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    name = "strategi." + where.removesuffix(".py").replace("/", ".")
    known = {"strategi.views.render", "strategi.site.build", "strategi.commands.cli", "strategi.data.model"}
    (message,) = upward(imports_of(name, path, known))
    assert found in message


def test_the_checks_see_a_circle_through_a_function_level_import() -> None:
    """Two modules where one imports the other inside a function still form a circle, and a
    TYPE_CHECKING import does not (it never runs)."""
    both = [
        Import("strategi.data.check", "strategi.data.gitref", 3, type_only=False),
        Import("strategi.data.gitref", "strategi.data.model", 5, type_only=False),
        Import("strategi.data.model", "strategi.data.check", 9, type_only=False),
    ]
    assert cycles(both) == [["strategi.data.check", "strategi.data.gitref", "strategi.data.model"]]
    assert cycles([*both[:2], Import("strategi.data.model", "strategi.data.check", 9, type_only=True)]) == []
