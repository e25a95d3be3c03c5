"""JSON Schema validation of loaded documents, with every error told in Swedish."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from .loader import Document
from .problems import Problem

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


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT7)))
    return Registry().with_resources(resources)


_ANNOTATIONS = ("title", "description", "examples", "default")


def _inline(node: Any, resolver: Any, seen: tuple[str, ...] = ()) -> Any:
    """The schema with every $ref replaced by what it names, except where a schema refers back
    to itself (a recursive definition): that $ref stays, made absolute, for the registry.

    Resolving references once, up front, makes validation several times faster than letting
    jsonschema look them up at every step. Annotations written beside a $ref (title,
    description) are kept, as editors show them; draft-07 ignores other siblings, and so do we.
    """
    if isinstance(node, dict):
        if "$ref" in node:
            uri = urljoin(resolver._base_uri, node["$ref"])  # noqa: SLF001
            if uri in seen:
                return {"$ref": uri, **{k: node[k] for k in _ANNOTATIONS if k in node}}
            resolved = resolver.lookup(node["$ref"])
            target = _inline(resolved.contents, resolved.resolver, (*seen, uri))
            return {**target, **{k: node[k] for k in _ANNOTATIONS if k in node}}
        return {k: v if k in ("const", "enum") else _inline(v, resolver, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, resolver, seen) for v in node]
    return node


@cache
def validator(schema_dir: Path, name: str) -> Draft7Validator:
    """The draft-07 validator for ``schemas/<name>``, its references to the other schemas inlined."""
    registry = _registry(schema_dir)
    resolver = registry.resolver(base_uri=name)
    schema = _inline(registry.contents(name), resolver)
    return Draft7Validator(schema, registry=registry)


def _label(path: tuple[Any, ...]) -> str:
    keys = [p for p in path if isinstance(p, str)]
    return f"'{keys[-1]}'" if keys else "filen"


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


def resolve(resolver: Any, node: Any) -> tuple[dict[str, Any], Any]:
    """Follow $ref to the node it names, with the resolver for references inside that node.

    After inlining only recursive references are left, but the labels walk also reads them.
    """
    for _ in range(20):
        if not (isinstance(node, dict) and "$ref" in node):
            break
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return (node if isinstance(node, dict) else {}), resolver


def _messages(err: ValidationError, doc: Document, v: Draft7Validator) -> Iterator[Problem]:
    path = tuple(err.absolute_path)
    label = _label(path)
    value = err.instance
    kind = err.validator

    def at(p: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        line, col = doc.where(p, key=key)
        return Problem(doc.path, line, col, message)

    if kind == "additionalProperties":
        known = sorted(
            resolve(v._resolver, err.schema)[0].get(  # noqa: SLF001
                "properties", {}
            )
        )
        extra = [k for k in value if k not in known]
        for key in extra:
            hint = _closest(key, known)
            fix = (
                f" – menade du '{hint}'?"
                if hint
                else (f" Tillåtna fält här: {', '.join(known)}." if known else "")
            )
            yield at((*path, key), f"okänt fält '{key}'{fix}", key=True)
        return
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        name = missing[0] if missing else str(err.validator_value)
        where = "filen" if not path else label
        yield at(
            path, f"obligatoriskt fält '{name}' saknas i {where}; lägg till '{name}:' med ett värde", key=True
        )
        return
    allowed = _allowed_consts(err.schema) if kind in {"enum", "oneOf", "anyOf"} else None
    if allowed is not None:
        shown = ", ".join(str(a) for a in allowed)
        hint = _closest(str(value), [str(a) for a in allowed]) if isinstance(value, str | int) else None
        fix = f" Menade du '{hint}'?" if hint else ""
        yield at(path, f"{label} har värdet '{value}', som inte är tillåtet. Tillåtna värden: {shown}.{fix}")
        return
    if kind == "type":
        expected = err.validator_value
        wanted = " eller ".join(
            str(_TYPE_NAMES.get(t, t)) for t in (expected if isinstance(expected, list) else [expected])
        )
        message = f"{label} ska vara {wanted}, men är {_type_of(value)}"
        if isinstance(value, str) and re.fullmatch(r"[0-9][0-9  ]*([.,][0-9]+)?", value.strip()):
            number = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
            message += f" ('{value}'). Skriv talet utan mellanslag och utan citattecken: {number}"
        elif value is None:
            message += "; fyll i ett värde efter kolonet eller ta bort raden"
        elif isinstance(value, int | float) and "string" in str(expected):
            message += f"; sätt värdet inom citattecken: '{value}'"
        yield at(path, message)
        return
    if kind == "pattern":
        description = err.schema.get("description") or f"mönstret {err.validator_value}"
        yield at(path, f"{label} har fel form ('{value}'). {description}")
        return
    if kind in {"minimum", "exclusiveMinimum"}:
        yield at(path, f"{label} är {value}, men får inte vara mindre än {err.validator_value}")
        return
    if kind in {"maximum", "exclusiveMaximum"}:
        yield at(path, f"{label} är {value}, men får inte vara större än {err.validator_value}")
        return
    if kind == "minLength":
        yield at(path, f"{label} får inte vara tom; skriv en text eller ta bort fältet")
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
        yield at(path, f"{label} ska vara '{err.validator_value}', men är '{value}'")
        return
    if kind in {"oneOf", "anyOf"} and err.context:
        best = min(err.context, key=lambda e: len(list(e.absolute_path)) * -1)
        yield from _messages(best, doc, v)
        return
    yield at(path, f"{label} stämmer inte med schemat (regeln '{kind}')")


def check(doc: Document, schema_dir: Path, schema_name: str) -> list[Problem]:
    """All schema problems of one document."""
    v = validator(schema_dir, schema_name)
    problems: list[Problem] = []
    for err in v.iter_errors(doc.data):
        problems.extend(_messages(err, doc, v))
    return problems
