"""The loader turns every kind of bad YAML into one Swedish problem with file and line."""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from strategi.data import loader
from strategi.data.loader import LoadError, load, parse
from strategi.data.problems import BIDI


def _problem(text: str) -> tuple[int, int, str]:
    with pytest.raises(LoadError) as info:
        parse(text, "data/x.yaml")
    p = info.value.problem
    assert (p.file, p.rule, str(info.value)) == ("data/x.yaml", "yaml", p.message)
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


def test_unknown_path_falls_back_to_the_deepest_existing_parent() -> None:
    """Several missing levels under an existing path fall back to its deepest existing part."""
    doc = parse("a:\n  b:\n    c: 1\n", "f.yaml")
    assert doc.where(("a", "b", "saknas", "djupare")) == (3, 5)
    assert doc.where(("a", "b", "saknas"), key=True) == (3, 5)


def test_a_document_without_positions_points_at_the_start() -> None:
    """A Document made in code rather than read from a file knows no positions: every path,
    value or key, points at line 1, column 1."""
    doc = loader.Document("f.yaml", {"a": 1})
    assert doc.where(("a",)) == (1, 1)
    assert doc.where(("a",), key=True) == (1, 1)
    assert doc.where(()) == (1, 1)


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


@pytest.mark.parametrize("parser", ["libyaml", "PyYAML"])
@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a:\n  -\tb: 1\n", (2, 4)),
        ("-\tx\n", (1, 2)),
        ("a:\r\n  -\tb: 1\r\n", (2, 4)),
    ],
    ids=[
        "after-a-dash-in-a-list",
        "after-a-dash-at-the-start",
        "windows-line-ends",
    ],
)
def test_a_tab_where_yaml_wants_a_space_is_named(
    monkeypatch: pytest.MonkeyPatch, parser: str, text: str, where: tuple[int, int]
) -> None:
    """A tab after a list's '-' is named as a tab at that place, with the fix, whichever YAML
    parser reads the file (libyaml does not name the character; PyYAML does), with LF or CRLF line
    ends (the other line ends are refused before the tab is looked for)."""
    if parser == "PyYAML":
        monkeypatch.setattr(loader, "_Parser", yaml.SafeLoader)
    else:
        monkeypatch.setattr(loader, "_Parser", yaml.CSafeLoader)
    assert _problem(text) == (
        *where,
        "YAML-fel: ett tabbtecken står där YAML kräver mellanslag; byt tabben mot ett mellanslag",
    )


ODD_LINE_ENDS = {
    "\r": "ett ensamt CR-tecken (U+000D, radslutet i gamla Mac-filer)",
    "\x85": "tecknet NEL (U+0085, 'nästa rad', ofta från en kopierad text)",
    "\u2028": "en radavskiljare (U+2028, ofta inklistrad från Word eller en webbsida)",
    "\u2029": "en styckeavskiljare (U+2029, ofta inklistrad från Word eller en webbsida)",
}
MODELINE = "# yaml-language-server: $schema=../../schemas/tonalitet.schema.json"


def _line_end_message(char: str) -> str:
    return (
        f"raden innehåller {ODD_LINE_ENDS[char]}, som YAML läser som ett radslut; "
        "spara filen med vanliga radslut (LF) och byt tecknet mot ett radslut eller ett mellanslag"
    )


@pytest.mark.parametrize("char", list(ODD_LINE_ENDS), ids=["CR", "NEL", "LS", "PS"])
def test_a_file_whose_lines_end_in_another_line_end_is_named_at_its_first_line(char: str) -> None:
    """A file saved with lone CR, NEL, line-separator or paragraph-separator line ends is refused for
    that reason at the end of its first line (not blamed on the schema line, which YAML reads whole)."""
    text = char.join([MODELINE, "rubrik: Tonalitet", "text:", "  - Skriv enkelt.", ""])
    assert _problem(text) == (1, len(MODELINE) + 1, _line_end_message(char))


@pytest.mark.parametrize("char", list(ODD_LINE_ENDS), ids=["CR", "NEL", "LS", "PS"])
@pytest.mark.parametrize("ends", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_one_odd_line_end_in_a_file_is_named_at_its_own_line(char: str, ends: str) -> None:
    """One such character inside a long text of an LF or CRLF file (pasted from elsewhere) is named at
    the line and column where it stands, not at the start of the text it sits in, lines above."""
    lines = [MODELINE, "beskrivning: >-", *(f"  Rad {n} av texten." for n in range(3, 9)), "namn: x", ""]
    lines[5] = f"  Rad 6 av{char}texten."
    assert _problem(ends.join(lines)) == (6, 11, _line_end_message(char))


def test_the_first_of_several_odd_line_ends_is_named() -> None:
    """With several of them the first one in the file is named, counted in LF lines."""
    assert _problem("a: 1\nb: 2\u2029\nc: 3\rd: 4\n")[:2] == (2, 5)


def test_an_error_at_the_end_of_the_file_is_not_taken_for_a_tab() -> None:
    """An error whose place is past the last character (a quote never closed) gets its own
    message, not the tab's."""
    assert _problem("a: 'x\tb")[2] == "YAML-fel: ett citattecken öppnas men stängs aldrig"


def test_tab_inside_a_value_is_allowed() -> None:
    """A tab inside a quoted value is text, not indentation."""
    assert parse('a: "x\ty"\n', "f.yaml").data == {"a": "x\ty"}


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    """A Latin-1 file is refused at the line and column of the first bad byte, saying how to fix it."""
    path = tmp_path / "x.yaml"
    path.write_bytes("namn: a\nort: Örebro\n".encode("latin-1"))
    with pytest.raises(LoadError) as info:
        load(path, "data/x.yaml")
    assert (info.value.problem.line, info.value.problem.column) == (2, 6)
    assert info.value.problem.message == (
        "filen är inte sparad som UTF-8 (till exempel å, ä eller ö i en annan teckenkodning); "
        "spara om den som UTF-8 i din editor"
    )


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


YAML11_NUMBER = "eller inom citattecken om det är en text"
YAML11_BOOL = (
    "läses som ja/nej av vissa verktyg och som text av andra; skriv true eller false för ja/nej, "
    "eller sätt texten inom citattecken"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".inf", "'.inf': oändligt och NaN är inga tal som strategin kan använda; skriv ett tal"),
        ("-.NaN", "'-.NaN': oändligt och NaN är inga tal som strategin kan använda; skriv ett tal"),
        (
            "072",
            "'072': ett tal som börjar med 0 läses olika av olika verktyg (072 kan bli 58); skriv talet "
            f"utan inledande nollor, {YAML11_NUMBER}",
        ),
        ("0x1F", f"'0x1F': skriv talet i vanlig decimal form, {YAML11_NUMBER}"),
        ("0o17", f"'0o17': skriv talet i vanlig decimal form, {YAML11_NUMBER}"),
        (
            "4:43:20",
            "'4:43:20': ett värde med kolon mellan siffror läses av vissa verktyg som ett tal i bas 60 "
            "(4:43:20 blir 17000); sätt värdet inom citattecken",
        ),
        ("17_000", f"'17_000': skriv talet utan understreck (17000), {YAML11_NUMBER}"),
        (
            "1_000_000_000_000_000_000_000_000_000",
            f"'1_000_000_000_000_000_000_000…': skriv talet utan understreck (17000), {YAML11_NUMBER}",
        ),
        ("1.5e3", f"'1.5e3': skriv talet utan exponent (1500 i stället för 1.5e3), {YAML11_NUMBER}"),
        ("yes", f"'yes': {YAML11_BOOL}"),
        ("Off", f"'Off': {YAML11_BOOL}"),
        ("y", f"'y': {YAML11_BOOL}"),
        (
            "9007199254740992",
            "talet 9007199254740992 är för stort; ett heltal får vara högst 9007199254740991 "
            "(sätt det inom citattecken om det är en text)",
        ),
        (
            "-9007199254740992",
            "talet -9007199254740992 är för stort; ett heltal får vara högst 9007199254740991 "
            "(sätt det inom citattecken om det är en text)",
        ),
        (
            "1" * 40,
            f"talet {'1' * 29}… är för stort; ett heltal får vara högst 9007199254740991 "
            "(sätt det inom citattecken om det är en text)",
        ),
        ("9" * 400 + ".0", "talet är för stort"),
        (
            "123456789012345678",
            "talet 123456789012345678 är för stort; ett heltal får vara högst 9007199254740991 "
            "(sätt det inom citattecken om det är en text)",
        ),
    ],
)
def test_plain_values_other_tools_read_differently(value: str, message: str) -> None:
    """A plain value that YAML 1.1 tools, or an editor's numbers, would read differently is refused at
    the value, saying how to write it."""
    assert _problem(f"namn: x\nvärde: {value}\n") == (2, 8, message)


def test_plain_values_as_yaml_12_reads_them() -> None:
    """Unquoted null, booleans, integers up to 2^53-1 and decimals mean what YAML 1.2 says; a quoted
    value is a text, and the empty tag '!' is allowed."""
    doc = parse(
        "a: 1.5\nb: .5\nc: -2.\nd: +3\ne: ~\nf: null\ng: NULL\nh: True\ni: FALSE\nj:\nk: '072'\n"
        "l: ! x\nm: 9007199254740991\nn: -0\no: Null\np: -9007199254740991\n",
        "f.yaml",
    )
    assert doc.data == {
        "a": 1.5,
        "b": 0.5,
        "c": -2.0,
        "d": 3,
        "e": None,
        "f": None,
        "g": None,
        "h": True,
        "i": False,
        "j": None,
        "k": "072",
        "l": "x",
        "m": 9007199254740991,
        "n": 0,
        "o": None,
        "p": -9007199254740991,
    }


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            'namn: "a\\nb"\n',
            (1, 7),
            "texten får bara vara en rad, men innehåller en radbrytning; skriv den på en rad med mellanslag",
        ),
        (
            'titel: "a\\tb"\n',
            (1, 8),
            "texten får bara vara en rad, men innehåller ett tabbtecken; skriv den på en rad med mellanslag",
        ),
        (
            "id: a\tb\n",
            (1, 5),
            "texten får bara vara en rad, men innehåller ett tabbtecken; skriv den på en rad med mellanslag",
        ),
        (
            'namn: "XML\\nfil"\n',
            (1, 7),
            "texten får bara vara en rad, men innehåller en radbrytning; skriv den på en rad med mellanslag",
        ),
        (
            '"a\\nb": 1\n',
            (1, 1),
            "fältnamnet får bara vara en rad, men innehåller en radbrytning; skriv den på en rad med mellanslag",
        ),
        (
            'a: "x\\u202Ey"\n',
            (1, 4),
            "texten innehåller ett osynligt tecken som vänder skrivriktningen (U+202E); ta bort det",
        ),
        (
            '"x\\u2067y": 1\n',
            (1, 1),
            "fältnamnet innehåller ett osynligt tecken som vänder skrivriktningen (U+2067); ta bort det",
        ),
        (
            'a: "x\\u0007y"\n',
            (1, 4),
            "texten innehåller ett styrtecken (U+0007); ta bort det eller byt det mot mellanslag",
        ),
        (
            'beskrivning: "a\\nb\\u0007"\n',
            (1, 14),
            "texten innehåller ett styrtecken (U+0007); ta bort det eller byt det mot mellanslag",
        ),
        (
            'a: "x\\u2029y"\n',
            (1, 4),
            "texten innehåller ett styrtecken (U+2029); ta bort det eller byt det mot mellanslag",
        ),
        (
            'a: "x\\u2028y"\n',
            (1, 4),
            "texten innehåller ett styrtecken (U+2028); ta bort det eller byt det mot mellanslag",
        ),
        (
            'a: "\\u200B"\n',
            (1, 4),
            "texten innehåller inga synliga tecken (bara mellanslag eller osynliga tecken); skriv ut den",
        ),
        (
            '"  ": 1\n',
            (1, 1),
            "fältnamnet innehåller inga synliga tecken (bara mellanslag eller osynliga tecken); skriv ut den",
        ),
        ("a: 1\n---\nb: 2\n", (2, 1), "filen får bara innehålla ett YAML-dokument; ta bort '---'"),
        ("? [a]\n: 1\n", (1, 3), "ett fältnamn måste vara en enkel text"),
        ("a:\n  <<: {b: 1}\n", (2, 3), "ett fältnamn måste vara en enkel text"),
        (
            "a: 1\nb: *x\n",
            (2, 4),
            "alias '*x' är inte tillåtet; skriv ut värdet i stället för att hänvisa till ett ankare",
        ),
        (
            "a: !foo x\n",
            (1, 4),
            "taggen '!foo' är inte tillåten; ta bort den (sätt värdet inom citattecken om det ska vara en text)",
        ),
        (
            "a: !!str 5\n",
            (1, 4),
            "taggen '!!str' är inte tillåten; ta bort den (sätt värdet inom citattecken om det ska vara en text)",
        ),
        (
            "&k a: 1\n",
            (1, 1),
            "ankare '&k' är inte tillåtet; ta bort '&k' och skriv ut värdena där de behövs",
        ),
        (
            "profil:\n  publik: a\n  publik: b\n",
            (3, 3),
            "fältet 'publik' finns redan på rad 2; ett fält får bara stå en gång. Slå ihop dem eller ta bort det ena",
        ),
        (
            "Å: 1\nA\u030a: 2\n",
            (2, 1),
            "fältet 'Å' finns redan på rad 1; ett fält får bara stå en gång. Slå ihop dem eller ta bort det ena",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            (3, 2),
            "YAML-fel: indraget stämmer inte; kontrollera att raden har lika många mellanslag som raderna bredvid",
        ),
        (
            "- a\nb: 1\n",
            (2, 1),
            "YAML-fel: indraget i listan stämmer inte; varje punkt ska börja med '- ' på samma indrag",
        ),
        (
            "a: *\n",
            (1, 5),
            "YAML-fel: '*' i början av ett värde betyder alias i YAML; sätt värdet inom citattecken",
        ),
        (
            "a: &\n",
            (1, 5),
            "YAML-fel: '&' i början av ett värde betyder ankare i YAML; sätt värdet inom citattecken",
        ),
        (
            'a: "\\q"\n',
            (1, 5),
            "YAML-fel: okänt escape-tecken efter '\\' inom dubbla citattecken; använd enkla citattecken",
        ),
        (
            "a: @x\n",
            (1, 4),
            "YAML-fel: ett tecken som inte kan inleda ett värde; sätt värdet inom citattecken",
        ),
        ("a: 'x\n", (2, 1), "YAML-fel: ett citattecken öppnas men stängs aldrig"),
        (
            "tid: kl. 12: lunch\n",
            (1, 12),
            "YAML-fel: ett kolon ':' står där det inte får stå; sätt texten inom citattecken om den innehåller ': '",
        ),
        (
            "a: 1\nb: 2\nc: x\x07y\n",
            (3, 1),
            "YAML-fel: filen innehåller ett otillåtet styrtecken; ta bort det",
        ),
        ("# tom\n", (1, 1), "filen är tom; den ska innehålla strategins data"),
        (
            "a:\n  b: 1\n \t\tc: 2\n",
            (3, 2),
            "raden är indragen med tabbtecken; YAML kräver mellanslag (byt varje tabb mot två mellanslag)",
        ),
        (
            "a: [1, 2\n",
            (2, 1),
            "YAML-fel: filen går inte att läsa som YAML; kontrollera indrag, kolon och citattecken på raden",
        ),
    ],
)
def test_refused_text_and_structure(text: str, where: tuple[int, int], message: str) -> None:
    """Names and keys are one line; no text holds control or bidi characters or only invisible ones;
    each way a file's structure can be wrong gives its own Swedish message at the exact place."""
    assert _problem(text) == (*where, message)


def test_line_breaks_and_tabs_are_fine_in_ordinary_text() -> None:
    """Outside names and keys a text may hold line breaks and tabs; punctuation and symbols are visible."""
    doc = parse('beskrivning: "a\\nb\\tc"\nnamn: "–"\nsymbol: "€"\ntext: a\tb\n', "f.yaml")
    assert doc.data == {"beskrivning": "a\nb\tc", "namn": "–", "symbol": "€", "text": "a\tb"}


def test_depth_limit() -> None:
    """Values 32 levels below the top are fine; one level more is refused where it starts."""
    assert parse("a: " + "[" * 32 + "]" * 32 + "\n", "f.yaml").data["a"] is not None
    assert _problem("a: " + "[" * 33 + "]" * 33 + "\n") == (
        1,
        36,
        "värdena ligger mer än 32 nivåer djupt; så djup struktur har ingen del av strategin. "
        "Kontrollera indragen och hakparenteserna",
    )


def test_size_limit_and_unreadable_file(tmp_path: Path) -> None:
    """A file of exactly 1 MB loads; one byte more is refused; a missing file says it does not exist."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * (1_000_000 - 5))
    assert load(path).data == {"a": 1}
    path.write_bytes(b"a: 1\n" + b"#" * (1_000_000 - 4))
    with pytest.raises(LoadError) as info:
        load(path, "data/x.yaml")
    problem = info.value.problem
    assert (problem.file, problem.line, problem.column, problem.message) == (
        "data/x.yaml",
        1,
        1,
        "filen är större än 1 MB, mer än någon del av strategin behöver; dela upp den eller ta bort det "
        "som inte hör hemma där",
    )
    with pytest.raises(LoadError) as info:
        load(tmp_path / "saknas.yaml", "data/saknas.yaml")
    problem = info.value.problem
    assert (problem.file, problem.line, problem.column, problem.message) == (
        "data/saknas.yaml",
        1,
        1,
        "filen går inte att läsa (finns inte)",
    )
    assert info.value.problem.rule == "yaml"


def test_where_a_key_stands() -> None:
    """A key's own place is its line and column; a key not in the file falls back to the nearest value."""
    doc = parse("a:\n  b: 1\n", "f.yaml")
    assert doc.where(("a",), key=True) == (1, 1)
    assert doc.where(("a", "b"), key=True) == (2, 3)
    assert doc.where(("a", "b")) == (2, 6)
    assert doc.where(("a", "c"), key=True) == (2, 3)
    assert parse("- x\n", "f.yaml").first_line == "- x"


@pytest.mark.parametrize(
    ("raw", "where"),
    [(b"a: 1\nb: 2\nc: \xd6\n", (3, 4)), (b"\n\xd6: 1\n", (2, 1))],
)
def test_not_utf8_points_at_the_bad_byte(tmp_path: Path, raw: bytes, where: tuple[int, int]) -> None:
    """The column of a byte that is not UTF-8 counts from the start of its own line."""
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as info:
        load(path, "data/x.yaml")
    assert (info.value.problem.file, info.value.problem.line, info.value.problem.column) == (
        "data/x.yaml",
        *where,
    )


def test_a_symbolic_link_is_not_followed(tmp_path: Path) -> None:
    """A data file that is a symbolic link is refused, not read from wherever it points."""
    (tmp_path / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    with pytest.raises(LoadError) as info:
        load(tmp_path / "link.yaml", "data/link.yaml")
    assert (info.value.problem.line, info.value.problem.message) == (
        1,
        "filen går inte att läsa (för många symboliska länkar)",
    )


def test_a_file_loads_where_links_cannot_be_refused_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a system without O_NOFOLLOW (Windows) a data file is still opened for reading and loads."""
    monkeypatch.delattr(os, "O_NOFOLLOW")
    path = tmp_path / "x.yaml"
    path.write_text("ort: Örebro\n", encoding="utf-8")
    assert load(path).data == {"ort": "Örebro"}


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            yaml.MarkedYAMLError(),
            "YAML-fel: filen går inte att läsa som YAML; kontrollera indrag, kolon och citattecken på raden",
        ),
        (yaml.YAMLError("oväntat"), "YAML-fel: filen går inte att läsa som YAML"),
    ],
)
def test_a_yaml_error_without_a_place_points_at_the_start(
    monkeypatch: pytest.MonkeyPatch, error: yaml.YAMLError, message: str
) -> None:
    """Should the YAML library fail without saying where, or with a kind of error not known here,
    the file is still refused with one Swedish problem at line 1, column 1, never an exception."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(yaml, "parse", fail)
    assert _problem("a: 1\n") == (1, 1, message)
