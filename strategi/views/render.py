"""Small HTML and Markdown building blocks for the views. Every data value goes through esc().

Views return Markdown in which headings are Markdown (so they reach the table of contents and
search) and everything else is HTML blocks, so no data value is ever read as Markdown or Jinja.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from strategi.data import text as plain

# The escaping point and the plain forms of values live in strategi.data.text, since every layer
# writes values with them; the views call them from here, beside the blocks built on them.
Raw = plain.Raw
esc = plain.esc
kronor = plain.kronor
md = plain.md
number = plain.number
one_line = plain.one_line


def heading(level: int, text: Any, anchor: str | None = None) -> str:
    suffix = f" {{#{anchor}}}" if anchor else ""
    return f"\n{'#' * level} {md(text)}{suffix}\n"


def p(texts: Iterable[Any] | Any | None, cls: str | None = None) -> str:
    """Paragraphs from one text or a list of texts: every line break starts a new paragraph.

    This is the data's rule: in a folded YAML block (``>-``) the lines of a paragraph join with
    spaces and an empty line between paragraphs becomes one line break in the text. Runs of line
    breaks count as one, white space inside a paragraph is folded, empty texts give nothing.
    """
    items = [texts] if isinstance(texts, str) or not isinstance(texts, Iterable) else list(texts)
    attr = f' class="{cls}"' if cls else ""
    lines = (line for item in items if item is not None for line in str(item).splitlines())
    return "\n".join(f"<p{attr}>{esc(line)}</p>" for line in lines if line.strip())


def ul(items: Iterable[Any], cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    inner = "".join(f"<li>{esc(i)}</li>" for i in items)
    return f"<ul{attr}>{inner}</ul>" if inner else ""


def dl(pairs: Iterable[tuple[str, Any]], cls: str = "profil") -> str:
    """A definition list of label/value pairs: values are data (escaped) or ``Raw`` HTML made by
    another helper; empty values are left out, and the whole list when nothing remains."""
    inner = "".join(
        f"<dt>{esc(k)}</dt><dd>{v.html if isinstance(v, Raw) else esc(v)}</dd>"
        for k, v in pairs
        if v not in (None, "") and not (isinstance(v, Raw) and not v.html)
    )
    return f'<dl class="{cls}">{inner}</dl>' if inner else ""


FLAG_TITLE = "Att bekräfta"


def admonition(kind: str, title: Any, body: str, cls: str | None = None) -> str:
    """A Material admonition (kind: note, info, warning …) with an escaped title; ``body`` is HTML
    made by the other helpers."""
    classes = f"admonition {kind} {cls}" if cls else f"admonition {kind}"
    return f'<div class="{classes}"><p class="admonition-title">{esc(title)}</p>{body}</div>'


def flag_box(body: str) -> str:
    """The 'Att bekräfta' note around the questions of one place (strategi.site.reading folds it on a
    reading page); nothing when there is no question."""
    return admonition("warning", FLAG_TITLE, body) if body else ""


def table(
    caption: str,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    *,
    row_headers: bool = True,
    cls: str = "",
) -> str:
    """An accessible table in a box that scrolls sideways on narrow screens.

    Cells are data values (escaped here) unless they are ``Raw`` HTML made by another helper.
    With ``cls="kort"`` the table becomes one card per row on a phone: each cell carries its
    column's name.
    """
    head = "".join(f'<th scope="col">{h.html if isinstance(h, Raw) else esc(h)}</th>' for h in headers)
    cards = "kort" in cls.split()
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            content = cell.html if isinstance(cell, Raw) else esc(cell if cell is not None else "")
            label = f' data-rubrik="{esc(headers[i])}"' if cards and i < len(headers) else ""
            if i == 0 and row_headers:
                cells.append(f'<th scope="row"{label}>{content}</th>')
            else:
                cells.append(f"<td{label}>{content}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<div class="tabell {cls}" role="region" tabindex="0" aria-label="{esc(caption)}">'
        f"<table><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def light(colour: str) -> Raw:
    """A traffic light: colour and word together, never colour alone."""
    slug = {"grön": "gron", "gul": "gul", "röd": "rod"}.get(colour, "okand")
    return Raw(f'<span class="ljus ljus--{slug}">{esc(colour)}</span>')


# Material's pencil (material/pencil), drawn inline so no icon font or outside asset is needed.
PENCIL = (
    '<svg class="kalla__ikon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M20.71 '
    "7.04c.39-.39.39-1.04 0-1.41l-2.34-2.34c-.37-.39-1.02-.39-1.41 0l-1.84 1.83 3.75 3.75M3 17.25V21h3.75L17.81 "
    '9.93l-3.75-3.75L3 17.25z"/></svg>'
)


def source(path: str, edit_base: str | None = None) -> str:
    """The quiet source note of a section: the file it comes from, a pencil that opens it for editing."""
    text = f"Källa: <code>{esc(path)}</code>"
    if edit_base:
        text = (
            f'<a href="{esc(edit_base + path)}" title="Föreslå ändring i {esc(path)}">'
            f'{PENCIL}{text}<span class="kalla__dolt"> – föreslå ändring</span></a>'
        )
    return f'<p class="kalla" data-search-exclude>{text}</p>'


def block(*parts: str) -> str:
    """Join view parts with blank lines so Markdown sees each HTML block on its own."""
    return "\n\n".join(part for part in parts if part) + "\n"
