"""The start page: the strategy at a glance (vision, goals, channels with their latest figures, where
things stand), then what this document is (status box), the region and how to use the site."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strategi.content import questions, versions
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.views import pages, render
from strategi.views._channel_matrix import completeness
from strategi.views._kanal_nulage import followers, when
from strategi.views._org_helpers import flags, one_line
from strategi.views._time import tidpunkt
from strategi.views.indikatorer import uppfoljning_i_korthet
from strategi.views.mal import label as goal_label

from . import source_of, view

if TYPE_CHECKING:  # a view is handed what git knows; it never runs git itself
    from strategi.data.history import History


def _how_to_use(page: str) -> str:
    """Site text, not data: the links are Markdown so the strict build checks that every page exists."""

    def link(target: str) -> str:
        return pages.md_href(page, target)

    return (
        "Sidan är strategin byggd direkt ur data: varje text och tabell kommer från en fil i mappen "
        "`data/`, och pennan vid varje avsnitt öppnar den filen för ett ändringsförslag. "
        f"Börja gärna med [Bakgrund]({link(pages.BACKGROUND)}) och [Mål]({link(pages.GOALS)}), "
        f"läs sedan om varje kanal under [Kanaler]({link(pages.CHANNELS)}). Det som ännu behöver "
        f"bekräftas samlas under [Öppna frågor]({link(pages.QUESTIONS)}). Vill du ändra något läser du "
        f"[Så föreslår du en ändring]({link(pages.GUIDE)})."
    )


def _words(value: Any) -> str:
    """A tidpunkt in words; an absent value stays empty so the row is left out."""
    return tidpunkt(str(value)) if value else ""


def _period(period: dict[str, Any]) -> str:
    start, end = _words(period.get("från")), _words(period.get("till"))
    if start and end:
        return f"Från {start} till {end}"
    return start or end


def _status_box(s: Strategy, history: History) -> str:
    """An admonition saying what this document is: the version facts every page shares
    (strategi.content.versions.facts), then period, revision interval and who presents it."""
    st = s["strategi"]
    pres = st.get("presentation") or {}
    months = st.get("revideringsintervall_månader")
    facts: list[tuple[str, Any]] = [
        *versions.facts(s, history.updated),
        ("Period", _period(st.get("period") or {})),
        ("Nuläget revideras", f"var {render.number(months)}:e månad" if months else ""),
        ("Presenteras av", one_line(pres.get("av", ""))),
    ]
    text = render.p(one_line(pres["text"])) if pres.get("text") else ""
    return render.admonition("info", "Om det här dokumentet", render.dl(facts) + text, cls="strategi-status")


def _adopted(vision: dict[str, Any]) -> str:
    """When the vision was set, unless the introduction already says so in the same words."""
    when = _words(vision.get("antagen"))
    if not when or when in str(vision.get("inledning", "")):
        return ""
    return render.p(f"Visionen sattes {when}.")


def _vision(vision: dict[str, Any]) -> str:
    if not vision:
        return ""
    words = [(w.get("ord", ""), one_line(w.get("betydelse", ""))) for w in vision.get("ord") or []]
    return render.block(
        render.heading(2, "Vision"),
        render.p(vision.get("text", ""), cls="vision") if vision.get("text") else "",
        render.p(vision["inledning"]) if vision.get("inledning") else "",
        _adopted(vision),
        render.dl(words),
    )


def _region(st: dict[str, Any]) -> str:
    texts = [st.get("beskrivning_organisation"), st.get("varumärke")]
    if not any(texts):
        return ""
    return render.block(
        render.heading(2, f"Om {st.get('organisation') or 'organisationen'}"),
        render.p([t for t in texts if t]),
    )


def _goals(s: Strategy, page: str) -> str:
    """The goals and sub-goals by name, each linked to its section on Mål (the strict build checks
    every anchor)."""
    goals = s["mal"].get("mål") or []
    if not goals:
        return ""
    lines = [
        f"- [{render.md(goal_label(g))}: {render.md(one_line(g.get('namn', '')))}]"
        f"({pages.md_href(page, pages.GOALS, pages.goal_anchor(g.get('id')))})"
        for g in goals
    ]
    return render.block(render.heading(2, "Målen", "malen"), "\n".join(lines))


def _channel_card(channel: dict[str, Any], page: str) -> str:
    """One channel: its name linked to its page, its target group and content, its latest figure."""
    profile = channel.get("profil") or {}
    latest = periods.latest_snapshot(channel)
    count = followers(latest)
    facts = [
        ("Målgrupp", one_line(profile.get("målgrupp", ""))),
        ("Innehåll", one_line(profile.get("innehåll", ""))),
        ("Följare", f"{count} ({when(latest)})" if count and latest else ""),
    ]
    if not any(value for _, value in facts):
        facts.append(("Kanalstrategi", completeness(channel)))
    name = render.esc(one_line(channel.get("namn", channel["id"])))
    return (
        f'<li class="kanalkort"><a class="kanalkort__namn" '
        f'href="{render.esc(pages.href(page, pages.channel(channel["id"])))}">{name}</a>'
        f"{render.dl(facts)}</li>"
    )


def _channels(s: Strategy, page: str) -> str:
    if not s.channels:
        return ""
    cards = "".join(_channel_card(c, page) for c in s.channels)
    return render.block(
        render.heading(2, "Kanalerna", "kanalerna"),
        f'<ul class="kanalkort-lista">{cards}</ul>',
    )


def _where_things_stand(s: Strategy, history: History, page: str) -> str:
    """Where things stand: the latest status, what changed in this version, what is still open."""
    stale = len(questions.stale_channels(s))
    status = (
        f"{stale} av {len(s.channels)} kanaler behöver ett nytt nuläge."
        if stale
        else "Alla kanalers nuläge är aktuellt."
    )
    if versions.newest_snapshot(s) is None:
        status = "Inget digitalt nuläge är daterat."
    ref = history.previous
    label = versions.label(s)
    changed = (
        f"Vad som ändrats i {label} jämfört med {ref}."
        if ref
        else f"{label} är den första versionen; det finns ingen tidigare att jämföra med."
    )
    open_text = questions.open_line(s)
    lines = [
        f"- **Digitalt nuläge:** {render.md(status)} [Se nuläget i alla kanaler]({pages.md_href(page, pages.STATUS)})",
        f"- **Ändringar:** {render.md(changed)} [Se ändringarna]({pages.md_href(page, pages.CHANGES)})",
        f"- **Öppna frågor:** {render.md(open_text)} [Se Öppna frågor]({pages.md_href(page, pages.QUESTIONS)})",
    ]
    return render.block(
        render.heading(2, "Läget just nu", "laget"),
        render.p(versions.sentence(s, history.updated), cls="version-mening"),
        "\n".join(lines),
    )


@view("start")
def start(s: Strategy, history: History, page: str = pages.START) -> str:
    """The strategy at a glance (vision, goals, channels, where things stand), then the status box,
    the region and its brand, how to use the site."""
    st = s["strategi"]
    source = source_of(s, "strategi")
    return render.block(
        _vision(st.get("vision") or {}),
        _goals(s, page),
        _channels(s, page),
        _where_things_stand(s, history, page),
        uppfoljning_i_korthet(s, page),
        render.heading(2, "Om det här dokumentet", "om-dokumentet"),
        _status_box(s, history),
        flags((st.get("presentation") or {}).get("flaggor")),
        _region(st),
        source,
        render.heading(2, "Så använder du sidan"),
        _how_to_use(page),
    )


@view("titel")
def titel(s: Strategy) -> str:
    """The strategy's title and organisation, safe for the page's Markdown heading."""
    data = s["strategi"]
    return render.md(f"{data.get('titel', '')} – {data.get('organisation', '')}")
