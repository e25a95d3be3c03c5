"""Scaffold a new channel file from the channel schema.

The file holds every required field of ``schemas/kanal.schema.json`` (recursively: the
required fields of a required group, and one item of a required list), each under a
comment with the field's Swedish description from the schema. Only ``id`` and
``ordning`` are known in advance; every other value is a placeholder that the schema
refuses on purpose (an empty text, or an empty value), so that ``validera`` names each
one with its line until the editor has filled it in, and the site will not build with a
half-written channel. A placeholder that passed validation would be published as is.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from strategi.data import schemas
from strategi.data.loader import LoadError, load
from strategi.data.parts import CHANNELS, PLANS, SCHEMA_DIR, id_problem
from strategi.data.problems import UserError, shown


class ScaffoldError(UserError, ValueError):
    """The file cannot be written: a bad id or month, or it exists already (Swedish, exit 2)."""

    code = 2


TO_FILL = "FYLL I"
_PLAIN_KEY = re.compile(r"^[^\W\d][\w-]*$")
_WIDTH = 100

Schema = dict[str, Any]


def _key(name: str) -> str:
    return name if _PLAIN_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _comment(indent: str, text: str) -> list[str]:
    lines = textwrap.wrap(
        text, width=_WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False
    )
    return [f"{indent}# {lines[0]}", *(f"{indent}#   {line}" for line in lines[1:])]


def _describe(own: Schema, resolved: Schema) -> str:
    """The field's Swedish description: its own, else the one of the schema it refers to."""
    title = own.get("title") or resolved.get("title") or ""
    description = own.get("description") or resolved.get("description") or title
    choices = [str(option["const"]) for option in resolved.get("oneOf", []) if "const" in option]
    choices += [str(value) for value in resolved.get("enum", [])]
    if choices:
        description = f"{description} Tillåtna värden: {', '.join(choices)}."
    return str(description)


class _Writer:
    """Walks the schema as validation reads it (schemas.root: references inlined, recursive ones
    followed with schemas.resolve)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def fields(
        self,
        schema: Schema,
        resolver: schemas.Resolver,
        indent: str,
        known: dict[str, Any],
        first_prefix: str = "",
    ) -> None:
        """Every required field of an object schema; ``first_prefix`` ('- ') starts a list item."""
        schema, resolver = schemas.resolve(resolver, schema)
        properties: dict[str, Schema] = schema.get("properties", {})
        required = [name for name in properties if name in schema.get("required", [])]
        for number, name in enumerate(required):
            prefix = first_prefix if number == 0 else " " * len(first_prefix)
            self.field(name, properties[name], resolver, indent=indent, prefix=prefix, known=known)

    def field(
        self,
        name: str,
        own: Schema,
        resolver: schemas.Resolver,
        *,
        indent: str,
        prefix: str,
        known: dict[str, Any],
    ) -> None:
        resolved, resolver = schemas.resolve(resolver, own)
        kind = resolved.get("type")
        description = _describe(own, resolved)
        inner = indent + " " * len(prefix)
        # A comment before a list item's first field stands at the dash, the others at the field.
        note = indent if prefix.startswith("-") else inner
        title = own.get("title") or resolved.get("title") or name
        if name in known:
            self.lines += _comment(note, f"{title}: {description}")
            self.lines.append(f"{indent}{prefix}{_key(name)}: {_scalar(known[name])}")
        elif kind == "object":
            self.lines += _comment(note, f"{title}: {description}")
            self.lines.append(f"{indent}{prefix}{_key(name)}:")
            self.fields(resolved, resolver, inner + "  ", {})
        elif kind == "array":
            self.lines += _comment(note, f"{title}: {description}")
            self.lines.append(f"{indent}{prefix}{_key(name)}:")
            item, item_resolver = schemas.resolve(resolver, resolved.get("items", {}))
            if item.get("type") == "object":
                self.fields(item, item_resolver, inner + "  ", {}, first_prefix="- ")
            else:
                self.lines += _comment(inner + "  ", f"{TO_FILL}: {_describe(item, item)}")
                self.lines.append(f"{inner}  - {_placeholder(item)}")
        else:
            self.lines += _comment(note, f"{TO_FILL}: {description}")
            self.lines.append(f"{indent}{prefix}{_key(name)}:{_placeholder(resolved, lead=' ')}")


def _scalar(value: Any) -> str:
    """A known value in YAML: plain when YAML reads it back unchanged, else quoted."""
    plain = str(value)
    try:
        same = yaml.safe_load(plain) == value
    except yaml.YAMLError:
        same = False
    return plain if same else json.dumps(value, ensure_ascii=False)


def _placeholder(schema: Schema, lead: str = "") -> str:
    """An empty text for a text field, else an empty value: both refused by the schema."""
    return f'{lead}""' if schema.get("type") == "string" else ""


def _next_order(channel_dir: Path) -> int:
    orders = []
    for path in sorted(channel_dir.glob("*.yaml")):
        try:
            data = load(path).data
        except LoadError:
            continue
        if isinstance(data, dict) and isinstance(data.get("ordning"), int):
            orders.append(data["ordning"])
    return max(orders, default=0) + 1


def new_channel(root: Path, channel_id: str) -> Path:
    """Write ``data/channels/<channel_id>.yaml`` with every required field to fill in.

    Raises ValueError (in Swedish) for an id that is not a slug or that already exists.
    """
    reason = id_problem(channel_id, CHANNELS.reserved)
    if reason:
        raise ScaffoldError(f"'{shown(channel_id, 50)}' går inte att använda som id: {reason}")
    channel_dir = root / CHANNELS.path
    schema_path = root / SCHEMA_DIR / CHANNELS.schema
    if not channel_dir.is_dir() or not schema_path.is_file():
        raise ScaffoldError(
            f"hittar inte {CHANNELS.path}/ och {SCHEMA_DIR}/{CHANNELS.schema} under {root}; "
            "kör kommandot i projektets rotmapp"
        )
    target = channel_dir / f"{channel_id}.yaml"
    if target.exists():
        raise ScaffoldError(
            f"kanalen '{channel_id}' finns redan ({CHANNELS.path}/{channel_id}.yaml); välj ett annat id"
        )
    header = [
        f"# Ny kanal. Fyll i varje värde under en rad som börjar med '# {TO_FILL}' och kör sedan",
        "# 'make validera': den visar vad som återstår. Frivilliga fält (profil, mål, publik,",
        "# materialtyper med flera) föreslår editorn när du skriver; se också en befintlig kanal.",
    ]
    known = {"id": channel_id, "ordning": _next_order(channel_dir)}
    return _write(root, target, folder=CHANNELS.path, schema=CHANNELS.schema, header=header, known=known)


def _write(
    root: Path, target: Path, *, folder: str, schema: str, header: list[str], known: dict[str, Any]
) -> Path:
    """Write a data file of every required field of ``schema``, placeholders where not known."""
    try:
        contents, resolver = schemas.root((root / SCHEMA_DIR).resolve(), schema)
    except schemas.SchemaFileError as exc:
        problem = exc.problem
        raise ScaffoldError(f"{problem.file}:{problem.line}: {problem.message}") from None
    writer = _Writer()
    depth = "../" * folder.count("/") + "../"
    writer.lines += [f"# yaml-language-server: $schema={depth}{SCHEMA_DIR}/{schema}", *header]
    writer.fields(contents, resolver, "", known)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(writer.lines) + "\n")
    return target


_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


def new_plan(root: Path, month: str) -> Path:
    """Write ``data/plan/<month>.yaml``: the month and one item to fill in (ValueError in Swedish)."""
    if not _MONTH.match(month):
        raise ScaffoldError(f"'{month}' är ingen månad: skriv ÅÅÅÅ-MM, till exempel 2026-12")
    if not (root / SCHEMA_DIR / PLANS.schema).is_file():
        raise ScaffoldError(
            f"hittar inte {SCHEMA_DIR}/{PLANS.schema} under {root}; kör kommandot i projektets rotmapp"
        )
    target = root / PLANS.path / f"{month}.yaml"
    if target.exists():
        raise ScaffoldError(
            f"planen för {month} finns redan ({PLANS.path}/{month}.yaml); öppna den i stället"
        )
    header = [
        f"# Publiceringsplan för {month}. Fyll i varje värde under en rad som börjar med '# {TO_FILL}',",
        "# kopiera posten för varje ny publicering och kör 'make validera': den kontrollerar planen",
        "# mot kanalernas frekvens, tider och trafikljus. Frivilliga fält: tid, mål, personas.",
    ]
    return _write(root, target, folder=PLANS.path, schema=PLANS.schema, header=header, known={"månad": month})
