"""The three report formats print the same problems, each in its exact shape."""

from __future__ import annotations

import json

from strategi.data.problems import FORMATS, Problem, invisible, shown, sort_problems, visible

ERROR = Problem("data/strategy/mal.yaml", 12, 5, "'Q' finns inte som mål", rule="referens")
WARNING = Problem(
    "data/channels/facebook.yaml", 40, 3, "digitalt nuläge är gammalt", severity="varning", rule="granskning"
)


def test_text_format_lines_and_summary() -> None:
    """Text: one `file:line:col: message` line per problem, warnings marked, then a Swedish summary."""
    assert FORMATS["text"]([ERROR, WARNING], 17) == (
        "data/strategy/mal.yaml:12:5: 'Q' finns inte som mål\n"
        "data/channels/facebook.yaml:40:3: varning: digitalt nuläge är gammalt\n"
        "1 fel och 1 varning i 17 kontrollerade filer."
    )


def test_text_summary_counts_and_plurals() -> None:
    """The summary says 'Allt stämmer' when clean, 'Inga fel' with only warnings, and plural warnings."""
    assert FORMATS["text"]([], 17) == "Allt stämmer: 17 filer kontrollerade, inga fel."
    assert (
        FORMATS["text"]([WARNING, WARNING], 3).splitlines()[-1]
        == "Inga fel och 2 varningar i 3 kontrollerade filer."
    )
    assert FORMATS["text"]([ERROR, ERROR], 3).splitlines()[-1] == "2 fel i 3 kontrollerade filer."
    assert FORMATS["text"]([WARNING], 1).splitlines()[-1] == "Inga fel och 1 varning i 1 kontrollerade filer."


def test_json_format_has_every_field() -> None:
    """JSON: counts of files, errors and warnings, and every field of every problem, in Swedish keys."""
    assert json.loads(FORMATS["json"]([ERROR, WARNING], 17)) == {
        "filer": 17,
        "fel": 1,
        "varningar": 1,
        "visas_inte": 0,
        "problem": [
            {
                "file": "data/strategy/mal.yaml",
                "line": 12,
                "column": 5,
                "message": "'Q' finns inte som mål",
                "severity": "fel",
                "rule": "referens",
            },
            {
                "file": "data/channels/facebook.yaml",
                "line": 40,
                "column": 3,
                "message": "digitalt nuläge är gammalt",
                "severity": "varning",
                "rule": "granskning",
            },
        ],
    }


def test_json_counts_errors_and_warnings_apart() -> None:
    """Two errors and one warning are counted as 2 'fel' and 1 'varningar'."""
    out = json.loads(FORMATS["json"]([ERROR, ERROR, WARNING], 3))
    assert (out["fel"], out["varningar"], len(out["problem"])) == (2, 1, 3)


def test_json_keeps_swedish_letters_and_indents() -> None:
    """JSON is written with å, ä, ö as letters (not \\u escapes) and indented by two spaces."""
    out = FORMATS["json"]([ERROR], 1)
    assert '    {\n      "file": "data/strategy/mal.yaml",' in out
    assert "'Q' finns inte som mål" in out
    assert json.loads(FORMATS["json"]([], 4)) == {
        "filer": 4,
        "fel": 0,
        "varningar": 0,
        "visas_inte": 0,
        "problem": [],
    }


def test_github_annotation_exact() -> None:
    """GitHub: `::error file=F,line=L,col=C::message` (and ::warning), then the summary line."""
    assert FORMATS["github"]([ERROR, WARNING], 17) == (
        "::error file=data/strategy/mal.yaml,line=12,col=5::'Q' finns inte som mål\n"
        "::warning file=data/channels/facebook.yaml,line=40,col=3::digitalt nuläge är gammalt\n"
        "1 fel och 1 varning i 17 kontrollerade filer."
    )


def test_github_escapes_properties_and_message() -> None:
    """Percent is escaped everywhere, colon and comma only in the file property; line breaks are written out."""
    odd = Problem("data/a,b:c%.yaml", 2, 1, "50 % fel:\nrad två,\r slut")
    assert FORMATS["github"]([odd], 1).splitlines()[0] == (
        "::error file=data/a%2Cb%3Ac%25.yaml,line=2,col=1::50 %25 fel:\\nrad två,\\r slut"
    )


def test_at_most_200_problems_are_printed_and_the_rest_counted() -> None:
    """Of 201 problems, 200 are printed in every format and the summary says one more is not shown."""
    many = [Problem("f.yaml", i, 1, "m") for i in range(1, 202)]
    text = FORMATS["text"](many, 1).splitlines()
    assert len(text) == 201
    assert text[-1] == "201 fel i 1 kontrollerade filer. De första 200 visas; 1 till visas inte."
    assert len(FORMATS["github"](many, 1).splitlines()) == 201
    out = json.loads(FORMATS["json"](many, 1))
    assert (out["fel"], out["visas_inte"], len(out["problem"])) == (201, 1, 200)
    exactly = FORMATS["text"](many[:200], 1).splitlines()
    assert exactly[-1] == "200 fel i 1 kontrollerade filer."


def test_sort_removes_duplicates_and_orders_by_place() -> None:
    """Problems are sorted by file, line, column and message; an identical problem is reported once."""
    a = Problem("b.yaml", 3, 1, "x")
    b = Problem("a.yaml", 9, 2, "y")
    c = Problem("a.yaml", 9, 1, "z")
    d = Problem("a.yaml", 9, 1, "a")
    e = Problem("a.yaml", 10, 1, "a")
    assert sort_problems([a, b, c, a, d, e]) == [d, c, b, e, a]


def test_severity_decides_is_error() -> None:
    """A problem is an error unless its severity is 'varning'; the default rule is 'schema'."""
    plain = Problem("f.yaml", 1, 1, "m")
    assert plain.is_error
    assert plain.rule == "schema"
    assert not WARNING.is_error


def test_invisible_characters_are_written_out_and_long_values_cut() -> None:
    """A message echoes a value with line breaks, tabs, carriage returns, control, bidi, zero-width
    and unpaired surrogate characters written out as escapes, letters and no-break spaces as they
    are, and a value longer than the limit cut with '…' at exactly the limit."""
    value = "a\nb\tc\rd\x00e\u202ef\u200bg\ud800hå\u00a0ö"
    assert visible(value) == "a\\nb\\tc\\rd\\u0000e\\u202ef\\u200bg\\ud800hå\u00a0ö"
    assert [invisible(c) for c in "\x07\u061c\u2028\u2029 aé\u00a0"] == [True, True, True, True] + [False] * 4
    assert visible("x" * 10, limit=10) == "x" * 10
    assert visible("x" * 11, limit=10) == "x" * 9 + "…"
    assert visible("\n" * 6, limit=10) == "\\n" * 4 + "\\…"
    assert shown(12345, 4) == "123…"


def test_a_long_file_name_is_cut_at_300_characters() -> None:
    """A file name of 300 characters is printed whole; one of 301 is cut to 299 characters and '…'
    (the file's own limit, shorter than a message's 1000), in the text and GitHub formats alike."""
    exact, longer = "d" * 295 + ".yaml", "d" * 296 + ".yaml"
    assert FORMATS["text"]([Problem(exact, 1, 2, "m")], 1).splitlines()[0] == f"{exact}:1:2: m"
    assert FORMATS["text"]([Problem(longer, 1, 2, "m")], 1).splitlines()[0] == "d" * 296 + ".ya…:1:2: m"
    assert FORMATS["github"]([Problem(longer, 1, 2, "m")], 1).splitlines()[0] == (
        "::error file=" + "d" * 296 + ".ya…,line=1,col=2::m"
    )
