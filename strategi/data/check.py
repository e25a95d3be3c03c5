"""Find the data files, load them, and collect every problem: YAML, schema and rules."""

from __future__ import annotations

import datetime as dt
import re
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from strategi.data import gitref, parts, periods, rules, schemas
from strategi.data.loader import Document, LoadError, load
from strategi.data.problems import Problem, shown, sort_problems

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
    part = parts.part_of(relpath)
    return part.schema if part else None


def data_files(root: Path) -> list[str]:
    """Every data file under data/ that has a place in the strategy, as paths relative to root."""
    return parts.scan(root).files


def _modeline_problem(doc: Document, schema_name: str) -> Problem | None:
    expected = Path("../" * (doc.path.count("/")) + f"{parts.SCHEMA_DIR}/{schema_name}").as_posix()
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


def run(root: Path, today: dt.date | None = None, *, compare: bool = True) -> Result:
    """Check every data file under ``root``; never raises for bad data.

    With ``compare`` (the default) a `jämför_med` ref must name a version whose data loads; that
    version is checked with ``compare=False``: its own `jämför_med` points into the history of the
    repository it came from, and the folder it is unpacked into is not one.

    The order cannot crash: the file set, then YAML (with text rules), then the schema, then the
    rules, which see only documents that passed every earlier step.
    """
    today = today or periods.today()
    result = Result(root=root)
    schema_dir = (root / parts.SCHEMA_DIR).resolve()
    scan = parts.scan(root)
    result.problems.extend(scan.problems)
    broken_schemas: dict[str, Problem] = {}
    for relpath in scan.files:
        result.files += 1
        schema_name = schema_for(relpath)
        assert schema_name is not None  # noqa: S101 (scan only returns files that have a part)
        try:
            doc = load(root / relpath, relpath)
        except LoadError as exc:
            result.problems.append(exc.problem)
            continue
        modeline = _modeline_problem(doc, schema_name)
        if modeline:
            result.problems.append(modeline)
        try:
            schema_problems = schemas.check(doc, schema_dir, schema_name)
        except schemas.SchemaFileError as exc:
            broken_schemas.setdefault(schema_name, exc.problem)
            continue
        result.problems.extend(schema_problems)
        if not schema_problems:
            result.documents[relpath] = doc
    result.problems.extend(broken_schemas.values())
    if broken_schemas:
        # Rules over a partial strategy would only echo what is already said.
        result.problems = sort_problems(result.problems)
        return result
    # Rules check what they can: a reference into a file that failed is skipped, since
    # that file's own problems are already reported.
    channel_files = [p for p in scan.files if parts.in_folder(p, parts.CHANNELS)]
    result.problems.extend(rules.check(result.documents, today, channel_files))
    if result.ok and compare:
        result.problems.extend(_compare_ref(result, today))
    result.problems = sort_problems(result.problems)
    return result


def _compare_ref(result: Result, today: dt.date) -> list[Problem]:
    """`jämför_med` names a git ref whose strategy loads without errors (the Ändringar page needs it)."""

    doc = result.documents.get(parts.STRATEGY_FILE)
    ref = doc.data.get("jämför_med") if doc is not None else None
    if not isinstance(ref, str):
        return []
    line, col = doc.where(("jämför_med",)) if doc else (1, 1)

    def problem(message: str) -> list[Problem]:
        return [Problem(parts.STRATEGY_FILE, line, col, message, rule="jämför_med")]

    try:
        with gitref.checkout(result.root, ref) as folder:
            old = run(folder, today, compare=False)
    except gitref.RefError as exc:
        return problem(f"'jämför_med' går inte att använda: {exc}")
    except (OSError, tarfile.TarError, ValueError):  # another version's tree is untrusted
        return problem(f"'jämför_med': versionen '{shown(ref)}' går inte att packa upp och läsa")
    if not old.ok:
        return problem(
            f"'jämför_med': versionen '{shown(ref)}' har {len(old.errors)} fel i sina data, så ändringarna "
            "kan inte räknas fram; välj en annan version eller ta bort 'jämför_med'"
        )
    return []
