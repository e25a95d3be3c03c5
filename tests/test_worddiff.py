"""Word-level differences: removed and added words in a little context, three ways to show them."""

from __future__ import annotations

from strategi.content import diff, worddiff

OLD = "Öka visningstiden för våra filmer på Facebook med 50 procent det kommande året"
NEW = "Öka visningstiden för våra filmer på Facebook med 75 procent de kommande två åren"


def test_terminal_markers_with_context() -> None:
    """The terminal shows [-removed-] {+added+} with four words of context, the rest shortened to '…'."""
    assert worddiff.as_text(OLD, NEW) == (
        "… filmer på Facebook med [-50-] {+75+} procent [-det-] {+de+} kommande [-året-] {+två åren+}"
    )


def test_html_uses_del_and_ins_with_hidden_words_and_escapes() -> None:
    """The site marks words with <del>/<ins> plus hidden words, and escapes markup in the text."""
    html = worddiff.as_html(
        "Skriv <b>inte</b> till oss i dag om saken", "Skriv <b>gärna</b> till oss i dag om saken"
    )
    assert '<del><span class="sr-endast">borttaget: </span>&lt;b&gt;inte&lt;/b&gt;</del>' in html
    assert '<ins><span class="sr-endast">tillagt: </span>&lt;b&gt;gärna&lt;/b&gt;</ins>' in html
    assert "<b>" not in html


def test_markdown_strikes_removed_and_marks_added_words() -> None:
    """A pull-request comment strikes removed words through and wraps added ones in <ins>."""
    assert (
        worddiff.as_markdown("ett två tre fyra", "ett två fem fyra") == "ett två ~~tre~~ <ins>fem</ins> fyra"
    )


def test_braces_in_text_do_not_break_the_markers() -> None:
    """Text with braces is shown as it is (no format-string accident)."""
    assert worddiff.as_text("a {x} b c d", "a {y} b c d") == "a [-{x}-] {+{y}+} b c d"


def test_short_texts_and_numbers_are_not_prose() -> None:
    """Numbers and texts of fewer than eight words keep the 'före → efter' form."""
    assert not worddiff.is_prose(17000, 18000)
    assert not worddiff.is_prose(
        "Hat Ihnen dieser Inhalt weitergeholfen?", "Hat Ihnen dieser Inhalt geholfen?"
    )
    assert worddiff.is_prose(
        "Våra inlägg ska ha minst 7 procent interaktion.", "Våra inlägg ska ha minst 8 procent."
    )


def test_change_list_line_shows_words_not_an_announcement() -> None:
    """A changed goal sentence in the change list names the words, not 'texten har ändrats'."""
    change = diff.Change("Facebook", ("Mål", "Vart vill vi nå?"), "ändrat", OLD, NEW)
    line = diff.describe(change)
    assert line.startswith("Facebook › Mål › Vart vill vi nå?: … filmer på Facebook med [-50-] {+75+}")
    assert "texten har ändrats" not in line
    assert str(diff.describe_html(change)).count("<del>") == 3
    assert diff.describe_markdown(change).count("~~") == 6


def test_text_rewritten_from_scratch_is_not_shown_word_by_word() -> None:
    """Two long texts without a word in common have no context to show: no word diff."""
    assert not worddiff.is_prose("a " * 45, "b " * 46)


def test_numbers_stay_before_after() -> None:
    """A changed number is still shown as 'före → efter'."""
    change = diff.Change("Facebook", ("Följare",), "ändrat", 17000, 18250)
    assert diff.describe(change) == "Facebook › Följare: 17\u00a0000 → 18\u00a0250"
