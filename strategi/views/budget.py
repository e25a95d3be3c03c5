"""The budget part of 'Organisation och budget': social media (no budget) and the web's budget lines.

The sum of the lines is computed here, and shown beside the total and the budget the strategy
states, so a disagreement between them is visible instead of hidden.
"""

from __future__ import annotations

from typing import Any

from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._org_helpers import flags, links, one_line, role_name

from . import source_of, view


def _social(s: Strategy, social: dict[str, Any]) -> str:
    if not social:
        return ""
    has_budget = social.get("budget")
    status = "Budget för att sponsra inlägg finns." if has_budget else "Ingen budget för att sponsra inlägg."
    return render.block(
        render.heading(3, "Sociala medier"),
        f"<p><strong>{render.esc(status)}</strong> {render.esc(one_line(social.get('text', '')))}</p>",
        flags(social.get("flaggor")),
    )


def _calculation(calc: dict[str, Any] | None) -> str:
    """The basis of a line in figures, labelled, with the product where the figures allow computing it."""
    if not calc:
        return ""
    parts = []
    if "timpris" in calc:
        parts.append(f"timpris {render.kronor(calc['timpris'])}")
    months = ""
    if "månader" in calc:
        months = f"{render.number(calc['månader'])} månader"
    elif "månader_min" in calc or "månader_max" in calc:
        span = (calc.get("månader_min"), calc.get("månader_max"))
        months = "–".join(render.number(v) for v in span if v is not None) + " månader"
    if "timmar" in calc:
        parts.append(f"{render.number(calc['timmar'])} timmar" + (f" ({months})" if months else ""))
    elif months:
        parts.append(months)
    if "tillägg" in calc or calc.get("tillägg_avser"):
        amount = f" {render.kronor(calc['tillägg'])}" if "tillägg" in calc else ""
        what = f" för {one_line(calc['tillägg_avser'])}" if calc.get("tillägg_avser") else ""
        parts.append(f"tillägg{amount}{what}")
    text = " · ".join(parts)
    if "timpris" in calc and "timmar" in calc:
        hours = calc["timpris"] * calc["timmar"]
        extra = calc.get("tillägg", 0)
        sum_text = f"{render.kronor(hours)} + {render.kronor(extra)} = " if extra else ""
        text += f" · beräknat: {sum_text}{render.kronor(hours + extra)}"
    return f'<br><span class="berakning">I siffror: {render.esc(text)}</span>'


def _basis(row: dict[str, Any]) -> render.Raw:
    basis = render.esc(one_line(row["underlag"])) if row.get("underlag") else ""
    return render.Raw(basis + _calculation(row.get("beräkning")))


def _strong(text: str) -> render.Raw:
    return render.Raw(f"<strong>{render.esc(text)}</strong>")


def _table(web: dict[str, Any]) -> tuple[str, int, int]:
    """The budget table with its computed sum and the stated total; returns the table and the sums."""
    lines = web.get("rader") or []
    low = sum(int(r.get("min", 0)) for r in lines)
    high = sum(int(r.get("max", 0)) for r in lines)
    rows: list[list[Any]] = [
        [one_line(r.get("post", "")), render.kronor(r["min"]), render.kronor(r["max"]), _basis(r)]
        for r in lines
    ]
    rows.append(
        [
            _strong("Summa"),
            _strong(render.kronor(low)),
            _strong(render.kronor(high)),
            "Beräknad ur raderna ovan.",
        ]
    )
    stated = web.get("totalt")
    if stated:
        agrees = stated.get("min") == low and stated.get("max") == high
        note = "Som det står i strategin." + ("" if agrees else " Avviker från summan av raderna.")
        rows.append(
            [
                _strong("Angivet totalt"),
                _strong(render.kronor(stated["min"])),
                _strong(render.kronor(stated["max"])),
                note,
            ]
        )
    caption = f"Fördelning: {one_line(web['avser'])}" if web.get("avser") else "Fördelning"
    table = render.table(caption, ["Post", "Lägst", "Högst", "Underlag"], rows, cls="budget")
    return table, low, high


def _comparison(web: dict[str, Any], low: int, high: int) -> str:
    """How the stated budget relates to the computed sum of the lines."""
    stated = web.get("angiven_budget")
    if not stated or not web.get("rader"):
        return ""
    amount = int(stated["kronor"])
    span = f"{render.kronor(low)} – {render.kronor(high)}"
    if low <= amount <= high:
        where = f"ligger inom summan av raderna ({span})"
    elif amount > high:
        where = f"är {render.kronor(amount - high)} mer än summan av radernas högsta belopp ({span})"
    else:
        where = f"är {render.kronor(low - amount)} mindre än summan av radernas lägsta belopp ({span})"
    # Not render.p: it collapses all whitespace, the no-break spaces inside amounts included.
    sentence = f"Den angivna budgeten, {one_line(stated['text'])} ({render.kronor(amount)}), {where}."
    return f"<p>{render.esc(sentence)}</p>"


def _web(s: Strategy, web: dict[str, Any]) -> str:
    if not web:
        return ""
    facts: list[tuple[str, Any]] = [
        ("Leds av", role_name(s, web["ansvarig_roll"]) if web.get("ansvarig_roll") else None),
        ("Avser", one_line(web.get("avser", ""))),
    ]
    stated = web.get("angiven_budget")
    if stated:
        facts.append(("Angiven budget", f"{one_line(stated['text'])} ({render.kronor(stated['kronor'])})"))
    table, low, high = _table(web) if web.get("rader") else ("", 0, 0)
    link_list = links(web.get("länkar"))
    return render.block(
        render.heading(3, "Webb"),
        render.p(web.get("förvaltningsobjekt", "")),
        render.p(web.get("text")),
        render.dl(facts),
        table,
        _comparison(web, low, high),
        *(flags(r.get("flaggor")) for r in web.get("rader") or []),
        flags(web.get("flaggor")),
        f"<p>Länkar:</p>{link_list}" if link_list else "",
    )


@view("budget")
def budget(s: Strategy) -> str:
    """Budget: social media (no budget for sponsoring) and the web, with computed sums and open questions."""
    data = s["budget"]
    return render.block(
        render.heading(2, "Budget", pages.BUDGET_ANCHOR),
        _social(s, data.get("sociala_medier") or {}),
        _web(s, data.get("webb") or {}),
        source_of(s, "budget"),
    )
