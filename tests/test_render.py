"""The HTML building blocks: exact markup, every data value escaped, Swedish number style."""

from __future__ import annotations

import pytest

from strategi.views import render

NB = "\u00a0"


def test_ul_items_class_and_empty() -> None:
    """A list has one escaped <li> per item, an optional class, and is left out entirely when empty."""
    assert render.ul(["a", "<b>"]) == "<ul><li>a</li><li>&lt;b&gt;</li></ul>"
    assert render.ul(["a"], cls="kort") == '<ul class="kort"><li>a</li></ul>'
    assert render.ul([]) == ""
    assert render.ul([], cls="kort") == ""


def test_dl_leaves_out_empty_values() -> None:
    """A definition list shows label/value pairs, skips empty ones, and is left out when nothing remains."""
    assert render.dl([("Publik", "Alla"), ("Tom", ""), ("Inget", None), ("Tal", 0)]) == (
        '<dl class="profil"><dt>Publik</dt><dd>Alla</dd><dt>Tal</dt><dd>0</dd></dl>'
    )
    assert render.dl([("Tom", "")]) == ""


def test_dl_class_and_raw_values() -> None:
    """A definition list takes a class; a Raw value is HTML kept as it is, an empty Raw is left out."""
    pairs = [("Adress", render.Raw('<a href="x">x</a>')), ("Tom", render.Raw("")), ("Text", "<i>")]
    assert render.dl(pairs, cls="kanal-fakta") == (
        '<dl class="kanal-fakta"><dt>Adress</dt><dd><a href="x">x</a></dd><dt>Text</dt><dd>&lt;i&gt;</dd></dl>'
    )
    assert render.dl([("Tom", render.Raw(""))], cls="kanal-fakta") == ""


def test_admonition_and_flag_box() -> None:
    """An admonition is Material's markup with the kind, an optional extra class and an escaped
    title around the body; the flag box is the 'Att bekräfta' warning, absent without questions."""
    assert render.admonition("note", "A <b>", "<p>x</p>") == (
        '<div class="admonition note"><p class="admonition-title">A &lt;b&gt;</p><p>x</p></div>'
    )
    assert render.admonition("info", "T", "", cls="strategi-status") == (
        '<div class="admonition info strategi-status"><p class="admonition-title">T</p></div>'
    )
    assert render.flag_box("<p>Q?</p>") == (
        '<div class="admonition warning"><p class="admonition-title">Att bekräfta</p><p>Q?</p></div>'
    )
    assert render.flag_box("") == ""


def test_every_line_break_starts_a_paragraph() -> None:
    """A line break starts a new paragraph (a folded YAML block's empty line is one line break),
    runs of them count as one, white space inside is folded; a class goes on each paragraph;
    lists give each item's paragraphs in order; None and empty texts give nothing."""
    assert render.p("Ett.\n\n  Två  \t ord\nTre <b>.\n\n") == (
        "<p>Ett.</p>\n<p>Två ord</p>\n<p>Tre &lt;b&gt;.</p>"
    )
    assert render.p("Ett.", cls="kalla") == '<p class="kalla">Ett.</p>'
    assert render.p("") == ""
    assert render.p(None) == ""
    assert render.p(["Ett.\nTvå.", None, "", "Tre."]) == "<p>Ett.</p>\n<p>Två.</p>\n<p>Tre.</p>"


def test_table_markup() -> None:
    """A table: labelled scroll box, caption, column headers, first cell a row header, Raw kept, None empty."""
    html = render.table("Rubrik <x>", ["A", "B"], [["r1", None], [render.Raw("<i>x</i>"), 2]], cls="matris")
    assert html == (
        '<div class="tabell matris" role="region" tabindex="0" aria-label="Rubrik &lt;x&gt;">'
        "<table><caption>Rubrik &lt;x&gt;</caption>"
        '<thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>'
        '<tbody><tr><th scope="row">r1</th><td></td></tr>'
        '<tr><th scope="row"><i>x</i></th><td>2</td></tr></tbody></table></div>'
    )


def test_table_without_row_headers() -> None:
    """With row_headers=False every cell is a plain <td>."""
    html = render.table("T", ["A"], [["x"]], row_headers=False)
    assert "<tbody><tr><td>x</td></tr></tbody>" in html
    assert 'class="tabell "' in html


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "0"),
        (999, "999"),
        (1000, f"1{NB}000"),
        (17000, f"17{NB}000"),
        (1600000, f"1{NB}600{NB}000"),
        (-1234, f"−1{NB}234"),
        (2.59, "2,59"),
        (3.0, "3"),
        (12345.5, f"12{NB}345,5"),
    ],
)
def test_swedish_numbers(value: float, shown: str) -> None:
    """Numbers: no-break space between thousands, decimal comma, a true minus sign."""
    assert render.number(value) == shown


def test_kronor_and_esc_of_values() -> None:
    """Amounts end in a no-break space and 'kr'; yes/no read 'ja'/'nej'; braces and pipes are inert."""
    assert render.kronor(300000) == f"300{NB}000{NB}kr"
    assert render.esc(True) == "ja"
    assert render.esc(False) == "nej"
    assert render.esc(1000) == f"1{NB}000"
    assert (
        render.esc('{{ x }} | "y" <z>\n  w') == "&#123;&#123; x &#125;&#125; &#124; &quot;y&quot; &lt;z&gt; w"
    )


def test_one_line_keeps_no_break_spaces() -> None:
    """Line breaks and runs of spaces fold to one space; a no-break space is kept."""
    assert render.one_line(f"  a\t\r\n b{NB}c  ") == f"a b{NB}c"


def test_heading_and_markdown_escaping() -> None:
    """Headings are Markdown with every special character as an entity, and an optional anchor."""
    assert render.heading(2, "Mål #1 *", "mal") == "\n## Mål &#35;1 &#42; {#mal}\n"
    assert render.heading(3, "Rad\nbrytning") == "\n### Rad brytning\n"
    assert render.md(1000) == f"1{NB}000"
    assert render.md("a_b[c](d)") == "a&#95;b&#91;c&#93;&#40;d&#41;"
    assert render.md(" Rad\r\n  brytning ") == "Rad brytning", "md folds lines as one_line does"


def test_source_line_with_and_without_edit_link() -> None:
    """The 'Källa' line names the file, and links to propose a change when an edit base is known; search
    leaves it out (it would otherwise be a hit on every page)."""
    assert (
        render.source("data/x.yaml")
        == '<p class="kalla" data-search-exclude>Källa: <code>data/x.yaml</code></p>'
    )
    linked = render.source("data/x.yaml", "https://e/edit/main/")
    assert linked.startswith(
        '<p class="kalla" data-search-exclude><a href="https://e/edit/main/data/x.yaml" '
        'title="Föreslå ändring i data/x.yaml">'
    )
    assert linked.endswith(
        'Källa: <code>data/x.yaml</code><span class="kalla__dolt"> – föreslå ändring</span></a></p>'
    )


def test_block_joins_non_empty_parts() -> None:
    """Parts are joined by blank lines, empty parts dropped, ending in one newline."""
    assert render.block("a", "", "b") == "a\n\nb\n"
    assert str(render.Raw("<i>x</i>")) == "<i>x</i>"


def test_table_cards_label_each_cell_with_its_column() -> None:
    """With the class 'kort' (among others) each cell carries its column's name for the phone card
    view; a cell beyond the last header gets no label; without 'kort' no cell is labelled."""
    html = render.table("T", ["Kanal", "Ljus <x>"], [["Webb", "grön", "extra"]], cls="matris kort")
    assert html == (
        '<div class="tabell matris kort" role="region" tabindex="0" aria-label="T">'
        "<table><caption>T</caption>"
        '<thead><tr><th scope="col">Kanal</th><th scope="col">Ljus &lt;x&gt;</th></tr></thead>'
        '<tbody><tr><th scope="row" data-rubrik="Kanal">Webb</th>'
        '<td data-rubrik="Ljus &lt;x&gt;">grön</td><td>extra</td></tr></tbody></table></div>'
    )
    assert "data-rubrik" not in render.table("T", ["A"], [["x"]], cls="kortlek")
