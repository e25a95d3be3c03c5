"""`mätvärde`: append one measurement row to data/matvarden/ÅÅÅÅ.yaml, validated, or change nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from strategi.data import check, parts
from strategi.data.problems import Problem, UserError

_PERIOD = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
_NUMBER = re.compile(r"^-?[0-9]+([.,][0-9]+)?$")
HEADER = "# yaml-language-server: $schema=../../schemas/matvarden.schema.json\nmätvärden:\n"


class MeasureError(UserError, ValueError):
    """The row cannot be added; the message says why, in Swedish."""


def parse_value(text: str) -> int | float:
    """'17 250', '17250', '6,5' or '6.5' as a number; MeasureError otherwise."""
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").removesuffix("%")
    if not _NUMBER.match(cleaned):
        raise MeasureError(f"värdet '{text}' är inget tal; skriv till exempel 17250 eller 6,5")
    number = float(cleaned.replace(",", "."))
    return int(number) if number.is_integer() and "," not in cleaned and "." not in cleaned else number


def _row(indicator: str, period: str, value: int | float, source: str, note: str | None) -> str:
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        f"  - indikator: {indicator}",
        f"    period: {q(period)}",
        f"    värde: {value}",
        f"    källa: {q(source)}",
    ]
    if note:
        lines.append(f"    not: {q(note)}")
    return "\n".join(lines) + "\n"


def append(
    root: Path, indicator: str, period: str, value_text: str, *, source: str, note: str | None, today: dt.date
) -> tuple[str, list[Problem]]:
    """Add the row; return the file and the problems it caused (the file is left unchanged if any)."""
    if not _PERIOD.match(period):
        raise MeasureError(f"perioden '{period}' ska vara en månad, ÅÅÅÅ-MM, till exempel 2021-02")
    value = parse_value(value_text)
    relpath = f"{parts.MEASUREMENTS.path}/{period[:4]}.yaml"
    path = root / relpath
    before_text = path.read_text(encoding="utf-8") if path.exists() else None
    before = {(p.file, p.line, p.message) for p in check.run(root, today).errors}
    text = before_text if before_text is not None else HEADER
    if re.search(r"^mätvärden:\s*\[\]\s*$", text, flags=re.M):
        text = re.sub(r"^mätvärden:\s*\[\]\s*$", "mätvärden:", text, flags=re.M)
    if not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + _row(indicator, period, value, source, note), encoding="utf-8")
    after = check.run(root, today).errors
    new = [p for p in after if (p.file, p.line, p.message) not in before]
    if new:
        if before_text is None:
            path.unlink()
        else:
            path.write_text(before_text, encoding="utf-8")
    return relpath, new
