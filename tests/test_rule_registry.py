"""One way to add a rule and a part (strategi/data/rules/context.py, strategi/data/parts.py).

A rule is a function ``(Context) -> Iterable[Problem]`` marked ``@rule`` in any module of
strategi/data/rules/: `rules.check` runs every one without a list to update. A part's path is
written once, in `parts.PARTS`: no other module of the package types it again.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path, PurePosixPath

import pytest

from strategi.data import parts, rules
from strategi.data.loader import parse
from strategi.data.problems import Problem
from strategi.data.rules import context
from strategi.data.rules.context import Context, at, rule
from tests.conftest import ROOT, TODAY

PACKAGE = ROOT / "strategi"
RULES_DIR = PACKAGE / "data" / "rules"


def test_every_rule_takes_one_context() -> None:
    """Every registered rule has the one signature: a single parameter, the Context."""
    assert context.RULES
    for check in context.RULES:
        params = list(inspect.signature(check).parameters.values())
        assert len(params) == 1, f"{check.__module__}.{check.__name__}"
        assert params[0].annotation in {"Context", Context}, f"{check.__module__}.{check.__name__}"


def test_every_rule_module_registers_its_rules() -> None:
    """Each module of strategi/data/rules/ (but the registry itself) registers at least one rule,
    so a module whose rules would never run cannot be added by mistake."""
    registered = {check.__module__ for check in context.RULES}
    modules = {
        f"strategi.data.rules.{p.stem}"
        for p in RULES_DIR.glob("*.py")
        if p.stem not in {"__init__", "context"}
    }
    assert modules <= registered, sorted(modules - registered)


def test_a_registered_rule_runs_without_being_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A function marked @rule is run by rules.check with the documents, the day and the channel
    files: registering is all it takes."""
    monkeypatch.setattr(context, "RULES", list(context.RULES))
    seen: list[Context] = []
    doc = parse("namn: x\n", parts.path_of("mal"))

    @rule
    def everything_is_wrong(ctx: Context) -> list[Problem]:
        seen.append(ctx)
        return [at(doc, ("namn",), "allt är fel", rule="prov")]

    found = rules.check({doc.path: doc}, TODAY, ["data/channels/x.yaml"])
    assert [(p.file, p.line, p.message, p.rule) for p in found if p.rule == "prov"] == [
        (parts.path_of("mal"), 1, "allt är fel", "prov")
    ]
    assert seen == [Context({doc.path: doc}, TODAY, ["data/channels/x.yaml"])]


def test_context_finds_parts_by_name() -> None:
    """Context hands a rule a single-file part by its name and a folder part's files by the folder's
    name, from the paths in PARTS."""
    goals = parse("mål: []\n", parts.path_of("mal"))
    channel = parse("id: x\n", f"{parts.CHANNELS.path}/x.yaml")
    plan = parse("månad: '2026-01'\n", f"{parts.PLANS.path}/2026-01.yaml")
    ctx = Context({d.path: d for d in (goals, channel, plan)}, TODAY)
    assert ctx.part("mal") is goals
    assert ctx.part("budget") is None
    assert ctx.folder("channels") == {channel.path: channel}
    assert ctx.folder("plan") == {plan.path: plan}
    assert ctx.known_channels() == {"x"}
    assert Context({}, TODAY, [f"{parts.CHANNELS.path}/trasig.yaml"]).known_channels() == {"trasig"}


def _typed_paths(path: Path) -> list[str]:
    """String literals (not docstrings) that type a part's place again: a part's path or folder, or
    the data and schema folders themselves."""
    places = {p.path for p in parts.PARTS} | {
        str(PurePosixPath(p.path).parent) for p in parts.PARTS if not p.many
    }
    places.discard(parts.DATA_DIR)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    # tarfile's extraction filter is called "data" too; it is no path.
    keywords = {
        id(k.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "filter"
    }
    found = []
    for node in ast.walk(tree):
        if (
            not isinstance(node, ast.Constant)
            or not isinstance(node.value, str)
            or id(node) in docstrings | keywords
        ):
            continue
        text = node.value
        if text in {parts.DATA_DIR, parts.SCHEMA_DIR} or any(place in text for place in places):
            found.append(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{node.lineno}: {text[:60]!r}"
            )
    return found


def test_paths_are_typed_only_in_parts() -> None:
    """No module but strategi/data/parts.py writes where a part lives (code or message): a part
    moved or added is one line in PARTS."""
    modules = [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if "vendor" not in p.parts and p != PACKAGE / "data" / "parts.py"
    ]
    assert [hit for p in modules for hit in _typed_paths(p)] == []


def test_the_path_scan_sees_a_typed_path(tmp_path: Path) -> None:
    """The scan finds a part's path in code and inside a message, and passes a docstring and the
    tar filter."""
    sample = tmp_path / "x.py"
    sample.write_text(
        '"""Reads data/strategy/mal.yaml."""\n'
        'A = "data/channels"\n'
        'B = f"saknas i data/strategy/mal.yaml: {x}"\n'
        'tar.extractall(d, filter="data")\n'
        'C = root / "schemas"\n',
        encoding="utf-8",
    )
    assert [hit.split(": ", 1)[0] for hit in _typed_paths(sample)] == ["x.py:2", "x.py:3", "x.py:5"]
