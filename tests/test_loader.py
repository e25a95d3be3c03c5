"""The loader turns every kind of bad YAML into one Swedish problem with file and line."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from strategi import loader
from strategi.loader import LoadError, load, parse
from strategi.problems import BIDI


def _problem(text: str) -> tuple[int, int, str]:
    with pytest.raises(LoadError) as info:
        parse(text, "data/x.yaml")
    p = info.value.problem
    assert p.file == "data/x.yaml"
    return p.line, p.column, p.message


def test_values_keep_their_line_and_column() -> None:
    """Every key and value remembers its 1-based line and column."""
    doc = parse("namn: Facebook\nnuläge:\n  - följare: 17000\n", "f.yaml")
    assert doc.data == {"namn": "Facebook", "nuläge": [{"följare": 17000}]}
    assert doc.where(("nuläge", 0, "följare")) == (3, 14)
    assert doc.where(("nuläge", 0, "följare"), key=True) == (3, 5)
    assert doc.where(("namn",)) == (1, 7)


def test_unknown_path_falls_back_to_nearest_parent() -> None:
    """A path that is not in the file points at its closest existing parent."""
    doc = parse("a:\n  b: 1\n", "f.yaml")
    assert doc.where(("a", "saknas", "djupare")) == (2, 3)


def test_dates_stay_strings() -> None:
    """A bare YAML date is kept as the string the editor wrote, not a date object."""
    doc = parse("datum: 2021-01-19\ntid: 2020-05-01 10:00:00\n", "f.yaml")
    assert doc.data == {"datum": "2021-01-19", "tid": "2020-05-01 10:00:00"}


def test_duplicate_key_is_an_error_naming_both_lines() -> None:
    """A key given twice is an error on the second line, naming the first."""
    line, _col, message = _problem("namn: a\nadress: b\nnamn: c\n")
    assert line == 3
    assert "'namn'" in message
    assert "rad 1" in message


def test_duplicate_key_in_nested_mapping() -> None:
    """Duplicate keys are found at any depth."""
    line, _col, message = _problem("profil:\n  publik: a\n  publik: b\n")
    assert line == 3
    assert "finns redan" in message


def test_anchor_is_an_error() -> None:
    """Anchors are refused: an editor should see every value where it applies."""
    line, _col, message = _problem("a: &x 1\nb: 2\n")
    assert line == 1
    assert "ankare" in message


def test_alias_is_an_error() -> None:
    """Aliases are refused with a message saying to write the value out."""
    line, _col, message = _problem("a: 1\nb: *x\n")
    assert line == 2
    assert "alias" in message


def test_tab_indentation_is_an_error() -> None:
    """A tab in a line's indentation is an error on that line, with the fix."""
    line, col, message = _problem("a:\n  b: 1\n\tc: 2\n")
    assert (line, col) == (3, 1)
    assert "tabb" in message
    assert "mellanslag" in message


def test_tab_inside_a_value_is_allowed() -> None:
    """A tab inside a quoted value is text, not indentation."""
    assert parse('a: "x\ty"\n', "f.yaml").data == {"a": "x\ty"}


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    """A Latin-1 file is refused with the line of the first bad byte and how to fix it."""
    path = tmp_path / "x.yaml"
    path.write_bytes("namn: a\nort: Örebro\n".encode("latin-1"))
    with pytest.raises(LoadError) as info:
        load(path, "data/x.yaml")
    assert info.value.problem.line == 2
    assert "UTF-8" in info.value.problem.message


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    """A UTF-8 file with a byte-order mark loads normally."""
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffort: Örebro\n".encode())
    assert load(path).data == {"ort": "Örebro"}


def test_python_tags_are_refused() -> None:
    """No tag may construct anything but plain data."""
    _line, _col, message = _problem("a: !!python/object:os.system x\n")
    assert "taggen" in message


def test_broken_yaml_is_swedish_with_line() -> None:
    """A syntax error names its line and speaks Swedish."""
    line, _col, message = _problem("a: b: c\n")
    assert line == 1
    assert message.startswith("YAML-fel:")


def test_unclosed_quote() -> None:
    """An unclosed quote is reported as such."""
    _line, _col, message = _problem('a: "öppen\nb: 1\n')
    assert "citattecken" in message


def test_empty_file_is_an_error() -> None:
    """An empty data file is an error, not silently nothing."""
    line, _col, message = _problem("# bara en kommentar\n")
    assert line == 1
    assert "tom" in message


def test_merge_keys_are_refused() -> None:
    """YAML merge keys ('<<') are refused (they need anchors anyway)."""
    with pytest.raises(LoadError):
        parse("a:\n  <<: {b: 1}\n", "f.yaml")


def test_the_fast_path_sees_every_character_the_text_check_refuses() -> None:
    """The text check skips its character loop when its pattern finds nothing suspect: every code
    point the loop refuses (tab, line breaks, Cc, Cs, Zl, Zp, bidi controls) matches the pattern."""
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if (
            chr(code) in "\n\t"
            or chr(code) in BIDI
            or unicodedata.category(chr(code)) in {"Cc", "Cs", "Zl", "Zp"}
        )
        and not loader._SUSPECT.search(chr(code))
    ]
    assert missed == []
