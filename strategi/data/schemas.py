"""JSON Schema validation of loaded documents, with every error told in Swedish."""

from __future__ import annotations

import ast
import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import regress
from jsonschema import Draft7Validator, FormatChecker, validators
from jsonschema.exceptions import SchemaError, ValidationError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT7

from strategi.data import periods
from strategi.data.loader import Document
from strategi.data.problems import Problem, shown

_TYPE_NAMES = {
    "string": "en text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "ja eller nej (true/false)",
    "array": "en lista",
    "object": "en grupp av fält",
    "null": "tomt",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "ett heltal"
    if isinstance(value, float):
        return "ett decimaltal"
    if isinstance(value, str):
        return "en text"
    if isinstance(value, list):
        return "en lista"
    return "en grupp av fält"


class SchemaFileError(Exception):
    """A schema file cannot be used; ``problem`` names the schema file in Swedish."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _schema_problem(
    schema_dir: Path, name: str, message: str, line: int = 1, col: int = 1
) -> SchemaFileError:
    return SchemaFileError(Problem(f"{schema_dir.name}/{name}", line, col, message, rule="schemafil"))


def _read_schema(schema_dir: Path, name: str) -> Any:
    path = schema_dir / name
    try:
        if path.is_symlink() or not path.is_file():
            raise _schema_problem(schema_dir, name, "schemafilen saknas eller är ingen vanlig fil")
        text = path.read_text(encoding="utf-8")
        contents = json.loads(text)
    except UnicodeDecodeError:
        raise _schema_problem(schema_dir, name, "schemafilen är inte sparad som UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _schema_problem(
            schema_dir, name, f"schemafilen går inte att läsa som JSON ({exc.msg})", exc.lineno, exc.colno
        ) from None
    except (OSError, RecursionError):
        raise _schema_problem(schema_dir, name, "schemafilen går inte att läsa") from None
    if not isinstance(contents, dict):
        raise _schema_problem(schema_dir, name, "schemafilen ska vara ett JSON-objekt")
    try:
        Draft7Validator.check_schema(contents)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "roten"
        raise _schema_problem(
            schema_dir, name, f"schemafilen är inget giltigt JSON Schema (draft-07) vid {shown(where)}"
        ) from None
    return contents


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = _read_schema(schema_dir, path.name)
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT7)))
    return Registry().with_resources(resources)


@cache
def _ecma(pattern: str) -> regress.Regex:
    return regress.Regex(pattern, flags="u")


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """`pattern` as JSON Schema means it, an ECMA-262 regular expression, as editors read it.

    Python's `re` lets `$` match before a final newline, so 'abc\\n' would pass '^[a-z]+$';
    ECMA-262 (here the `regress` engine, as in check-jsonschema) does not.
    """
    if validator.is_type(instance, "string") and not _ecma(pattern).find(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_integer(_checker: Any, instance: Any) -> bool:
    # draft-07 counts 3.0 as an integer; the data means a whole number, written without a decimal point.
    return isinstance(instance, int) and not isinstance(instance, bool)


_FORMATS = FormatChecker(formats=())
_FORMATS.checks("tidpunkt")(periods.valid)
_FORMATS.checks("datum")(lambda value: not isinstance(value, str) or periods.valid(value))

_Validator = validators.extend(
    Draft7Validator,
    validators={"pattern": _pattern},
    type_checker=Draft7Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


# A number outside its bounds: an exclusive bound is itself not allowed.
_BOUNDS = {
    "minimum": "får inte vara mindre än",
    "exclusiveMinimum": "måste vara större än",
    "maximum": "får inte vara större än",
    "exclusiveMaximum": "måste vara mindre än",
}

_ANNOTATIONS = ("title", "description", "examples", "default")

# What `Registry.resolver()` returns: referencing does not export the class under a public name.
Resolver = Any


def _inline(node: Any, registry: Registry, base: str, seen: tuple[str, ...] = ()) -> Any:
    """The schema with every $ref replaced by what it names, except where a schema refers back
    to itself (a recursive definition): that $ref stays, made absolute, for the registry.

    Resolving references once, up front, makes validation several times faster than letting
    jsonschema look them up at every step. Annotations written beside a $ref (title,
    description) are kept, as editors show them; draft-07 ignores other siblings, and so do we.
    ``base`` is the URI relative references are read against, as in the referencing library:
    the document a reference led to, or the nearest enclosing ``$id``.
    """
    if isinstance(node, dict):
        if "$ref" in node:
            ref = str(node["$ref"])
            uri = urljoin(base, ref)
            kept = {k: node[k] for k in _ANNOTATIONS if k in node}
            if uri in seen:
                return {"$ref": uri, **kept}
            target = registry.resolver(base_uri=base).lookup(ref).contents
            return {**_inline(target, registry, urldefrag(uri).url, (*seen, uri)), **kept}
        if isinstance(node.get("$id"), str):
            base = urljoin(base, node["$id"])
        return {k: v if k in ("const", "enum") else _inline(v, registry, base, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, registry, base, seen) for v in node]
    return node


@cache
def validator(schema_dir: Path, name: str) -> Draft7Validator:
    """The draft-07 validator for ``schemas/<name>``, its references to the other schemas inlined.

    Raises SchemaFileError (in Swedish) for a schema file that is missing, not JSON, not a
    valid draft-07 schema, or that refers to something that does not exist.
    """
    registry = _registry(schema_dir)
    if not (schema_dir / name).is_file():
        raise _schema_problem(
            schema_dir, name, "schemafilen saknas; den behövs för att kontrollera datafilerna"
        )
    try:
        schema = _inline(registry.contents(name), registry, name)
    except (Unresolvable, LookupError, RecursionError):
        raise _schema_problem(
            schema_dir, name, "schemat hänvisar ($ref) till något som inte finns, eller i en ring"
        ) from None
    return _Validator(schema, registry=registry, format_checker=_FORMATS)


def root(schema_dir: Path, name: str) -> tuple[dict[str, Any], Resolver]:
    """The schema ``schemas/<name>`` with its references inlined, and a resolver for the recursive
    references left in it (see ``resolve``). SchemaFileError as for ``validator``."""
    return dict(validator(schema_dir, name).schema), _registry(schema_dir).resolver(base_uri=name)


def _as_written(value: Any) -> Any:
    """A YAML true/false as the editor wrote it, not as Python spells it (True)."""
    return json.dumps(value) if isinstance(value, bool) else value


def _label(path: tuple[Any, ...]) -> str:
    keys = [p for p in path if isinstance(p, str)]
    return f"'{shown(keys[-1], 40)}'" if keys else "filen"


def _closest(word: str, options: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not matches:
        lowered = {o.casefold(): o for o in options}
        return lowered.get(word.casefold())
    return matches[0]


def _allowed_consts(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema:
        return list(schema["enum"])
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches and all(isinstance(b, dict) and "const" in b for b in branches):
        return [b["const"] for b in branches]
    return None


def _among(value: Any, allowed: list[Any]) -> bool:
    """Whether ``value`` is one of ``allowed`` as JSON Schema compares (true is not 1)."""
    return any(a == value and isinstance(a, bool) == isinstance(value, bool) for a in allowed)


def _listed_instead(value: Any, allowed: list[Any] | None) -> bool:
    """Whether a value of the wrong type is better told by the allowed values, listed at the same
    place, alone: it is empty, a list or a group, or a number or true/false that would not be one
    of them within quotes either (the type message's advice, "quote it", would be wrong)."""
    if allowed is None or _among(value, allowed) or isinstance(value, str):
        return False
    if isinstance(value, int | float):
        return not _among(json.dumps(value), allowed)
    return True


def resolve(resolver: Resolver, node: Any) -> tuple[dict[str, Any], Resolver]:
    """Follow $ref to the node it names, with the resolver for references inside that node.

    After inlining only recursive references are left; the walks over a schema (labels, scaffold)
    follow them with this.
    """
    for _ in range(20):
        if not (isinstance(node, dict) and "$ref" in node):
            break
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return (node if isinstance(node, dict) else {}), resolver


def _messages(err: ValidationError, doc: Document) -> Iterator[Problem]:
    path = tuple(err.absolute_path)
    label = _label(path)
    value = err.instance
    kind = err.validator

    def at(p: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        line, col = doc.where(p, key=key)
        return Problem(doc.path, line, col, message)

    if kind == "additionalProperties":
        # Draft-07 ignores every keyword beside a $ref, so this schema holds no $ref.
        known = sorted(err.schema.get("properties", {}))
        extra = [k for k in value if k not in known]
        for key in extra:
            hint = _closest(key[:100], known)
            fix = (
                f" – menade du '{hint}'?"
                if hint
                else (f"; tillåtna fält här: {', '.join(known)}." if known else "")
            )
            yield at((*path, key), f"okänt fält '{shown(key, 40)}'{fix}", key=True)
        return
    if kind == "required":
        # jsonschema names the missing key as Python writes a string: 'namn', or "it's".
        name = ast.literal_eval(err.message.removesuffix(" is a required property"))
        yield at(
            path, f"obligatoriskt fält '{name}' saknas i {label}; lägg till '{name}:' med ett värde", key=True
        )
        return
    allowed = _allowed_consts(err.schema) if kind in {"enum", "oneOf", "anyOf"} else None
    if allowed is not None:
        options = ", ".join(str(a) for a in allowed)
        if value is None:
            yield at(path, f"{label} är tomt; fyll i ett av de tillåtna värdena: {options}.")
            return
        if isinstance(value, list | dict):
            yield at(
                path, f"{label} ska vara ett av de tillåtna värdena ({options}), men är {_type_of(value)}"
            )
            return
        hint = _closest(str(_as_written(value))[:100], [str(a) for a in allowed])
        fix = f" Menade du '{hint}'?" if hint else ""
        yield at(
            path,
            f"{label} har värdet '{shown(_as_written(value))}', som inte är tillåtet. "
            f"Tillåtna värden: {options}.{fix}",
        )
        return
    if kind == "type":
        if _listed_instead(value, _allowed_consts(err.schema)):
            return
        expected = err.validator_value
        wanted = " eller ".join(
            _TYPE_NAMES[t] for t in (expected if isinstance(expected, list) else [expected])
        )
        message = f"{label} ska vara {wanted}, men är {_type_of(value)}"
        if isinstance(value, str) and re.fullmatch(r"[0-9][0-9 \u00a0]*([.,][0-9]+)?", value.strip()):
            number = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
            message += f" ('{shown(value)}'). Skriv talet utan mellanslag och utan citattecken: {number}"
        elif value is None:
            message += "; fyll i ett värde efter kolonet eller ta bort raden"
        elif isinstance(value, int | float) and "string" in str(expected):
            # As the editor wrote it: true, not Python's True.
            message += f"; sätt värdet inom citattecken: '{shown(json.dumps(value))}'"
        yield at(path, message)
        return
    if kind == "pattern":
        description = err.schema.get("description") or f"mönstret {err.validator_value}"
        yield at(path, f"{label} har fel form ('{shown(value)}'). {description}")
        return
    if kind == "format" and isinstance(value, str):
        year = value[:4]
        if year.isdigit() and int(year) not in periods.YEARS:
            yield at(
                path,
                f"{label} har året {year}; ett år i strategin ska ligga mellan "
                f"{periods.YEARS[0]} och {periods.YEARS[-1]}",
            )
        else:
            yield at(path, f"{label}: '{shown(value)}' finns inte i kalendern")
        return
    if kind in _BOUNDS:
        yield at(path, f"{label} är {shown(value)}, men {_BOUNDS[kind]} {err.validator_value}")
        return
    if kind == "minLength":
        yield at(path, f"{label} får inte vara tom; skriv en text eller ta bort fältet")
        return
    if kind == "maxLength":
        yield at(path, f"{label} är för lång; den får ha högst {err.validator_value} tecken")
        return
    if kind == "minProperties":
        yield at(path, f"{label} ska ha minst {err.validator_value} fält ifyllda")
        return
    if kind == "dependencies":
        needed = re.findall(r"'([^']+)' is a dependency of '([^']+)'", err.message)
        if needed:
            other, field_name = needed[0]
            yield at(
                (*path, field_name),
                f"när '{field_name}' är ifyllt ska också '{other}' vara det; lägg till '{other}:'",
                key=True,
            )
            return
    if kind == "not":
        yield at(path, f"{label} har ett värde som inte är tillåtet här ('{shown(value)}')")
        return
    if kind == "minItems":
        yield at(path, f"{label} ska ha minst {err.validator_value} punkter")
        return
    if kind == "maxItems":
        yield at(path, f"{label} får ha högst {err.validator_value} punkter")
        return
    if kind == "uniqueItems":
        yield at(path, f"{label} har samma värde två gånger; ta bort dubbletten")
        return
    if kind == "const":
        yield at(path, f"{label} ska vara '{err.validator_value}', men är '{shown(value)}'")
        return
    if kind in {"oneOf", "anyOf"} and err.context:
        best = max(err.context, key=lambda e: len(e.absolute_path))
        yield from _messages(best, doc)
        return
    yield at(path, f"{label} stämmer inte med schemat (regeln '{kind}')")


# Schema problems worked out per file: enough to act on, and a bound on the time a broken file takes.
MAX_PER_FILE = 500


def check(doc: Document, schema_dir: Path, schema_name: str) -> list[Problem]:
    """The schema problems of one document (at most MAX_PER_FILE, then one line saying there are more)."""
    v = validator(schema_dir, schema_name)
    problems: list[Problem] = []
    try:
        for err in v.iter_errors(doc.data):
            if len(problems) >= MAX_PER_FILE:
                problems.append(
                    Problem(
                        doc.path,
                        1,
                        1,
                        f"filen har fler än {MAX_PER_FILE} fel mot schemat; rätta dem som visas och kör igen",
                    )
                )
                break
            problems.extend(_messages(err, doc))
    except (Unresolvable, LookupError, RecursionError):
        raise _schema_problem(
            schema_dir, schema_name, "schemat hänvisar ($ref) till något som inte finns, eller i en ring"
        ) from None
    return problems
