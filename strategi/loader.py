"""Read one YAML data file into plain Python data that remembers where each value stood.

The rules are stricter than YAML's: duplicate keys, anchors and aliases, tags and tab
indentation are errors; dates stay strings; the text must be UTF-8 (a BOM is allowed).
Every problem becomes a :class:`Problem` naming the file and the line, in Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from .problems import Problem

JsonPath = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class Document:
    """A loaded data file: its data and the line and column of every key and value."""

    path: str
    data: Any
    values: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    first_line: str = ""

    def where(self, path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path`` (or of its key), else of its nearest parent."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))


class LoadError(Exception):
    """The file cannot be read as data; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = replace(problem, rule="yaml")


# libyaml's parser when available (several times faster); the events are the same.
_Parser: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.SafeLoader("")  # resolves plain scalars to their tags, constructs int/float/bool/null


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_YAML_PROBLEMS = [
    ("found character '\\t'", "tabbtecken går inte att använda här; använd mellanslag"),
    (
        "could not find expected ':'",
        "ett kolon ':' saknas efter ett fältnamn, eller raden fortsätter föregående rad på fel sätt",
    ),
    (
        "mapping values are not allowed here",
        "ett kolon ':' står där det inte får stå; sätt texten inom citattecken om den innehåller ': '",
    ),
    ("while scanning a quoted scalar", "ett citattecken öppnas men stängs aldrig"),
    (
        "found unexpected end of stream",
        "filen tar slut mitt i ett värde; kontrollera citattecken och hakparenteser",
    ),
    ("found undefined tag handle", "okänd tagg ('!'); ta bort den"),
    (
        "did not find expected key",
        "indraget stämmer inte; kontrollera att raden har lika många mellanslag som raderna bredvid",
    ),
    (
        "did not find expected '-' indicator",
        "indraget i listan stämmer inte; varje punkt ska börja med '- ' på samma indrag",
    ),
    (
        "found unknown escape character",
        "okänt escape-tecken efter '\\' inom dubbla citattecken; använd enkla citattecken",
    ),
    ("expected <block end>, but found", "indraget stämmer inte med raderna ovanför"),
    (
        "found character that cannot start any token",
        "ett tecken som inte kan inleda ett värde; sätt värdet inom citattecken",
    ),
    (
        "while scanning an alias",
        "'*' i början av ett värde betyder alias i YAML; sätt värdet inom citattecken",
    ),
    (
        "while scanning an anchor",
        "'&' i början av ett värde betyder ankare i YAML; sätt värdet inom citattecken",
    ),
]


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    raw = f"{exc.context or ''} {exc.problem or ''}"
    for needle, swedish in _YAML_PROBLEMS:
        if needle in raw:
            return f"YAML-fel: {swedish}"
    return "YAML-fel: filen går inte att läsa som YAML; kontrollera indrag, kolon och citattecken på raden"


def decode(raw: bytes, display: str) -> str:
    """UTF-8 text of the file (BOM allowed), or a LoadError naming the first bad byte's line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            Problem(
                display,
                line,
                col,
                "filen är inte sparad som UTF-8 (till exempel å, ä eller ö i en annan "
                "teckenkodning); spara om den som UTF-8 i din editor",
            )
        ) from None
    return text


def _check_tabs(text: str, display: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise LoadError(
                Problem(
                    display,
                    number,
                    indent.index("\t") + 1,
                    "raden är indragen med tabbtecken; YAML kräver mellanslag (byt varje tabb mot två mellanslag)",
                )
            )


def parse(text: str, display: str) -> Document:
    """Parse YAML text into a Document; raise LoadError on anything not allowed."""
    _check_tabs(text, display)
    doc = Document(display, None, first_line=text.split("\n", 1)[0])
    try:
        events = list(yaml.parse(text, Loader=_Parser))
        content = [e for e in events if not isinstance(e, _FRAME_EVENTS)]
        if not content:
            raise LoadError(Problem(display, 1, 1, "filen är tom; den ska innehålla strategins data"))
        if sum(isinstance(e, yaml.DocumentStartEvent) for e in events) > 1:
            second = [e for e in events if isinstance(e, yaml.DocumentStartEvent)][1]
            raise _Refused(second.start_mark, "filen får bara innehålla ett YAML-dokument; ta bort '---'")
        builder = _Builder(content, doc)
        doc.data = builder.node(())
    except _Refused as exc:
        raise LoadError(Problem(display, exc.mark.line + 1, exc.mark.column + 1, exc.message)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LoadError(Problem(display, line, col, _yaml_message(exc))) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise LoadError(
            Problem(display, line, 1, "YAML-fel: filen innehåller ett otillåtet styrtecken; ta bort det")
        ) from None
    except yaml.YAMLError:
        raise LoadError(Problem(display, 1, 1, "YAML-fel: filen går inte att läsa som YAML")) from None
    return doc


def load(path: Path, display: str | None = None) -> Document:
    """Load one data file from disk."""
    display = display or path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(Problem(display, 1, 1, f"filen går inte att läsa ({exc.strerror})")) from None
    return parse(decode(raw, display), display)


_FRAME_EVENTS = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent)


class _Builder:
    """Plain data from a flat list of parser events, recording where every key and value stood."""

    def __init__(self, events: list[Any], doc: Document) -> None:
        self.events = events
        self.at = 0
        self.doc = doc

    def _next(self) -> Any:
        event = self.events[self.at]
        self.at += 1
        return event

    def node(self, path: JsonPath) -> Any:
        event = self._next()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                event.start_mark,
                f"alias '*{event.anchor}' är inte tillåtet; skriv ut värdet i stället för att hänvisa till ett ankare",
            )
        if getattr(event, "anchor", None) is not None:
            raise _Refused(
                event.start_mark,
                f"ankare '&{event.anchor}' är inte tillåtet; ta bort '&{event.anchor}' och skriv ut värdena där de behövs",
            )
        self.doc.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.MappingStartEvent):
            self._check_tag(event, "tag:yaml.org,2002:map")
            return self._mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            self._check_tag(event, "tag:yaml.org,2002:seq")
            items: list[Any] = []
            while not isinstance(self.events[self.at], yaml.SequenceEndEvent):
                items.append(self.node((*path, len(items))))
            self.at += 1
            return items
        return self._scalar(event)

    def _mapping(self, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(self.events[self.at], yaml.MappingEndEvent):
            key_event = self.events[self.at]
            key_pos = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            if not isinstance(key_event, yaml.ScalarEvent) or (
                key_event.value == "<<" and key_event.implicit[0]
            ):
                raise _Refused(key_event.start_mark, "ett fältnamn måste vara en enkel text")
            if key_event.anchor is not None:
                self.node(path)  # raises for the anchor
            self.at += 1
            key = key_event.value
            if key in result:
                first = self.doc.keys[(*path, key)]
                raise _Refused(
                    key_event.start_mark,
                    f"fältet '{key}' finns redan på rad {first[0]}; ett fält får bara stå en gång. "
                    "Slå ihop dem eller ta bort det ena",
                )
            self.doc.keys[(*path, key)] = key_pos
            result[key] = self.node((*path, key))
        self.at += 1
        return result

    @staticmethod
    def _check_tag(event: Any, allowed: str) -> None:
        if event.tag not in (None, "!", allowed):
            raise _Refused(event.start_mark, f"taggen '{event.tag}' är inte tillåten; ta bort den")

    @staticmethod
    def _scalar(event: Any) -> Any:
        if event.tag not in (None, "!"):
            tag = event.tag
        else:
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag not in _SCALAR_TAGS:
            raise _Refused(event.start_mark, f"taggen '{tag}' är inte tillåten; ta bort den")
        if tag in {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}:
            return event.value
        return _RESOLVER.construct_object(ScalarNode(tag, event.value), deep=True)
