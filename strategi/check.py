"""Find the data files, load them, and collect every problem: YAML, schema and rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import rules, schemas
from .loader import Document, LoadError, load
from .problems import Problem, sort_problems

STRATEGY_DIR = "data/strategy"
CHANNEL_DIR = "data/channels"
SCHEMA_DIR = "schemas"
CHANNEL_SCHEMA = "kanal.schema.json"
PLAN_DIR = "data/plan"
PLAN_SCHEMA = "plan.schema.json"
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


@dataclass
class Result:
    """What a check found: the documents that loaded, and every problem."""

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def schema_for(relpath: str) -> str | None:
    """The schema file name a data file must follow, or None for a file that has no place."""
    path = Path(relpath)
    if path.parent.as_posix() == CHANNEL_DIR:
        return CHANNEL_SCHEMA
    if path.parent.as_posix() == STRATEGY_DIR:
        return f"{path.stem}.schema.json"
    if path.parent.as_posix() == PLAN_DIR:
        return PLAN_SCHEMA
    return None


def data_files(root: Path) -> list[str]:
    """Every YAML file under data/, as paths relative to root."""
    found = []
    for path in sorted((root / "data").rglob("*")):
        if path.is_file() and path.suffix in {".yaml", ".yml"}:
            found.append(path.relative_to(root).as_posix())
    return found


def _modeline_problem(doc: Document, schema_name: str) -> Problem | None:
    expected = Path("../" * (doc.path.count("/")) + f"{SCHEMA_DIR}/{schema_name}").as_posix()
    match = _MODELINE.match(doc.first_line.lstrip("\ufeff"))
    if match is None:
        return Problem(
            doc.path,
            1,
            1,
            f"första raden ska peka ut schemat så att editorn kan hjälpa till: "
            f"'# yaml-language-server: $schema={expected}'",
            rule="modeline",
        )
    if match.group(1) != expected:
        return Problem(
            doc.path,
            1,
            1,
            f"första raden pekar på schemat '{match.group(1)}', men filen ska följa '{expected}'",
            rule="modeline",
        )
    return None


def run(root: Path, today: dt.date | None = None) -> Result:
    """Check every data file under ``root``; never raises for bad data."""
    today = today or dt.date.today()
    result = Result(root=root)
    schema_dir = (root / SCHEMA_DIR).resolve()
    known_schemas = {p.name for p in schema_dir.glob("*.schema.json")}
    for relpath in data_files(root):
        result.files += 1
        schema_name = schema_for(relpath)
        if schema_name is None or schema_name not in known_schemas:
            result.problems.append(
                Problem(
                    relpath,
                    1,
                    1,
                    "filen har ingen plats i strategin: strategidata ligger i data/strategy/ "
                    "(med ett schema med samma namn i schemas/), kanaler i data/channels/ och "
                    "publiceringsplaner i data/plan/",
                    rule="fil",
                )
            )
            continue
        try:
            doc = load(root / relpath, relpath)
        except LoadError as exc:
            result.problems.append(exc.problem)
            continue
        modeline = _modeline_problem(doc, schema_name)
        if modeline:
            result.problems.append(modeline)
        schema_problems = schemas.check(doc, schema_dir, schema_name)
        result.problems.extend(schema_problems)
        if not schema_problems:
            result.documents[relpath] = doc
    if result.files == 0:
        result.problems.append(
            Problem(
                "data",
                1,
                1,
                "hittade inga datafiler under data/; kör kommandot i projektets rotmapp",
                rule="fil",
            )
        )
    # Rules check what they can: a reference into a file that failed is skipped, since
    # that file's own problems are already reported.
    channel_files = [p for p in data_files(root) if p.startswith(CHANNEL_DIR + "/")]
    result.problems.extend(rules.check(result.documents, today, channel_files))
    result.problems = sort_problems(result.problems)
    return result
