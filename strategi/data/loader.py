"""Read one YAML data file into plain Python data that remembers where each value stood.

The rules are stricter than YAML's: duplicate keys, anchors and aliases, explicit tags and tab
indentation are errors; plain values mean what YAML 1.2's core schema says (as editors read
them), and a YAML 1.1 spelling that would mean something else (072, 4:43:20, yes) is an error;
no NaN or infinity, integers within what an editor can hold, a depth limit, a size limit;
text without control or bidi characters, names on one line with something visible in them;
keys compared after Unicode normalisation (NFC); dates stay strings; the text must be UTF-8
(a BOM is allowed). Every problem becomes a :class:`Problem` naming the file and the line,
in Swedish.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from strategi.data.parts import os_reason
from strategi.data.problems import BIDI, Problem, shown

JsonPath = tuple[str | int, ...]

# Per-file limits: far above any real data file (the largest is about 13 kB, 6 levels deep).
MAX_BYTES = 1_000_000
MAX_DEPTH = 32
# Integers an editor (JavaScript) holds exactly.
MAX_INT = 2**53 - 1
# Values under these keys are names and labels: one line, something visible in it.
SINGLE_LINE_KEYS = frozenset({"id", "namn", "titel", "etikett", "rubrik", "kort_namn", "adress"})

# YAML 1.2 core schema for plain scalars (the values editors see), and YAML 1.1 spellings that
# PyYAML or an older tool would read differently: those are refused with a way to write them.
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)")
_YAML11 = [
    (
        re.compile(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)"),
        "oändligt och NaN är inga tal som strategin kan använda; skriv ett tal",
    ),
    (
        re.compile(r"[-+]?0[0-9]+"),
        "ett tal som börjar med 0 läses olika av olika verktyg (072 kan bli 58); skriv talet utan "
        "inledande nollor, eller inom citattecken om det är en text",
    ),
    (
        re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+"),
        "skriv talet i vanlig decimal form, eller inom citattecken om det är en text",
    ),
    (
        re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"),
        "ett värde med kolon mellan siffror läses av vissa verktyg som ett tal i bas 60 (4:43:20 blir "
        "17000); sätt värdet inom citattecken",
    ),
    (
        re.compile(r"[-+]?[0-9._]*_[0-9._]*"),
        "skriv talet utan understreck (17000), eller inom citattecken om det är en text",
    ),
    (
        re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+"),
        "skriv talet utan exponent (1500 i stället för 1.5e3), eller inom citattecken om det är en text",
    ),
    (
        re.compile(r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"),
        "läses som ja/nej av vissa verktyg och som text av andra; skriv true eller false för ja/nej, "
        "eller sätt texten inom citattecken",
    ),
]


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


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_YAML_PROBLEMS = [
    (
        "could not find expected ':'",
        "ett kolon ':' saknas efter ett fältnamn, eller raden fortsätter föregående rad på fel sätt",
    ),
    (
        # PyYAML: "... here"; libyaml: "... in this context".
        "mapping values are not allowed",
        "ett kolon ':' står där det inte får stå; sätt texten inom citattecken om den innehåller ': '",
    ),
    ("while scanning a quoted scalar", "ett citattecken öppnas men stängs aldrig"),
    (
        "found unexpected end of stream",
        "filen tar slut mitt i ett värde; kontrollera citattecken och hakparenteser",
    ),
    ("found undefined tag handle", "okänd tagg ('!'); ta bort den, eller sätt värdet inom citattecken"),
    (
        "while scanning a tag",
        "en tagg ('!') är inte tillåten; ta bort den, eller sätt värdet inom citattecken",
    ),
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


# A tab where YAML wants a space ('-<tab>namn: x'). libyaml says only "found character that cannot
# start any token" (PyYAML names the tab): the character at the error tells.
_TAB_MESSAGE = "YAML-fel: ett tabbtecken står där YAML kräver mellanslag; byt tabben mot ett mellanslag"


# Line ends other than LF and CRLF. YAML ends a line at each of them, editors, git and GitHub do not
# all agree (a lone CR is a line end in one editor and not in git; the separators are shown by
# none), so the lines YAML, the editor and the review count would drift apart: each is refused
# before parsing, at the line and column where it stands. Once they are gone, YAML's lines are
# the text's '\n'-separated lines.
_ODD_LINE_END = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_ODD_LINE_END_NAMES = {
    "\r": "ett ensamt CR-tecken (U+000D, radslutet i gamla Mac-filer)",
    "\x85": "tecknet NEL (U+0085, 'nästa rad', ofta från en kopierad text)",
    "\u2028": "en radavskiljare (U+2028, ofta inklistrad från Word eller en webbsida)",
    "\u2029": "en styckeavskiljare (U+2029, ofta inklistrad från Word eller en webbsida)",
}


def _check_line_ends(text: str, display: str) -> None:
    """Refuse the first line end that is not LF or CRLF, at its line and column as editors count them
    (every line end before it is an LF or a CRLF, so they all agree on the number)."""
    odd = _ODD_LINE_END.search(text)
    if odd is None:
        return
    start = text.rfind("\n", 0, odd.start()) + 1
    raise LoadError(
        Problem(
            display,
            text.count("\n", 0, odd.start()) + 1,
            odd.start() - start + 1,
            f"raden innehåller {_ODD_LINE_END_NAMES[odd.group()]}, som YAML läser som ett radslut; "
            "spara filen med vanliga radslut (LF) och byt tecknet mot ett radslut eller ett mellanslag",
        )
    )


def _char_at(text: str, line: int, col: int) -> str:
    """The character at a 1-based line and column, or '' where there is none."""
    row = "".join(text.split("\n")[line - 1 : line])
    return row[col - 1 : col]


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
    for number, line in enumerate(text.split("\n"), start=1):
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
    _check_line_ends(text, display)
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
        message = _TAB_MESSAGE if _char_at(text, line, col) == "\t" else _yaml_message(exc)
        raise LoadError(Problem(display, line, col, message)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise LoadError(
            Problem(display, line, 1, "YAML-fel: filen innehåller ett otillåtet styrtecken; ta bort det")
        ) from None
    except yaml.YAMLError:
        raise LoadError(Problem(display, 1, 1, "YAML-fel: filen går inte att läsa som YAML")) from None
    return doc


def load(path: Path, display: str | None = None) -> Document:
    """Load one data file from disk (at most MAX_BYTES)."""
    display = display or path.as_posix()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(Problem(display, 1, 1, f"filen går inte att läsa ({os_reason(exc)})")) from None
    if len(raw) > MAX_BYTES:
        raise LoadError(
            Problem(
                display,
                1,
                1,
                f"filen är större än {MAX_BYTES // 1_000_000} MB, mer än någon del av strategin behöver; "
                "dela upp den eller ta bort det som inte hör hemma där",
            )
        )
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
        if len(path) > MAX_DEPTH:
            raise _Refused(
                event.start_mark,
                f"värdena ligger mer än {MAX_DEPTH} nivåer djupt; så djup struktur har ingen del av strategin. "
                "Kontrollera indragen och hakparenteserna",
            )
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
            self._check_tag(event)
            return self._mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            self._check_tag(event)
            items: list[Any] = []
            while not isinstance(self.events[self.at], yaml.SequenceEndEvent):
                items.append(self.node((*path, len(items))))
            self.at += 1
            return items
        return self._scalar(event, path)

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
            self._check_tag(key_event)
            self.at += 1
            key = unicodedata.normalize("NFC", key_event.value)
            _check_text(key_event, key, key=True)
            if key in result:
                first = self.doc.keys[(*path, key)]
                raise _Refused(
                    key_event.start_mark,
                    f"fältet '{shown(key)}' finns redan på rad {first[0]}; ett fält får bara stå en gång. "
                    "Slå ihop dem eller ta bort det ena",
                )
            self.doc.keys[(*path, key)] = key_pos
            result[key] = self.node((*path, key))
        self.at += 1
        return result

    @staticmethod
    def _check_tag(event: Any) -> None:
        if event.tag not in (None, "!"):
            raise _Refused(
                event.start_mark,
                f"taggen '{shown(event.tag.replace('tag:yaml.org,2002:', '!!'))}' är inte tillåten; ta bort den (sätt värdet inom "
                "citattecken om det ska vara en text)",
            )

    def _scalar(self, event: Any, path: JsonPath) -> Any:
        self._check_tag(event)
        if not event.implicit[0]:  # quoted or block text: always a text
            _check_text(event, event.value, single_line=bool(path) and path[-1] in SINGLE_LINE_KEYS)
            return event.value
        return _plain(event, path)


def _plain(event: Any, path: JsonPath) -> Any:
    """A plain (unquoted) value as YAML 1.2's core schema reads it."""
    value: str = event.value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        if len(value) > 17 or abs(int(value)) > MAX_INT:
            raise _Refused(
                event.start_mark,
                f"talet {shown(value, 30)} är för stort; ett heltal får vara högst {MAX_INT} "
                "(sätt det inom citattecken om det är en text)",
            )
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if not math.isfinite(number):  # pragma: no cover - a float without exponent is always finite
            raise _Refused(event.start_mark, "talet är för stort")
        return number
    for pattern, message in _YAML11:
        if pattern.fullmatch(value):
            raise _Refused(event.start_mark, f"'{shown(value, 30)}': {message}")
    _check_text(event, value, single_line=bool(path) and path[-1] in SINGLE_LINE_KEYS)
    return value


def _visible_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNPS"


# Every character the loop in _check_text may refuse (tab, line breaks, the categories Cc, Cs, Zl
# and Zp, bidi controls): a text without any of them skips the loop, as nearly every text does.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(BIDI)) + "]")


def _check_text(event: Any, text: str, *, key: bool = False, single_line: bool = False) -> None:
    """Refuse control and bidi characters everywhere, line breaks in names and keys, invisible names."""
    what = "fältnamnet" if key else "texten"
    for char in text if _SUSPECT.search(text) else ():
        if char in "\n\t":
            if key or single_line:
                raise _Refused(
                    event.start_mark,
                    f"{what} får bara vara en rad, men innehåller "
                    f"{'en radbrytning' if char == chr(10) else 'ett tabbtecken'}; skriv den på en rad med mellanslag",
                )
            continue
        if char in BIDI:
            raise _Refused(
                event.start_mark,
                f"{what} innehåller ett osynligt tecken som vänder skrivriktningen (U+{ord(char):04X}); ta bort det",
            )
        category = unicodedata.category(char)
        if category in {"Cc", "Cs", "Zl", "Zp"}:
            raise _Refused(
                event.start_mark,
                f"{what} innehåller ett styrtecken (U+{ord(char):04X}); ta bort det eller byt det mot mellanslag",
            )
    if text and not any(_visible_char(c) for c in text):
        raise _Refused(
            event.start_mark,
            f"{what} innehåller inga synliga tecken (bara mellanslag eller osynliga tecken); skriv ut den",
        )
