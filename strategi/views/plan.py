"""The publishing-plan pages: one lane per channel per month, the channels' rules, the coverage."""

from __future__ import annotations

from collections import Counter
from typing import Any

from strategi.content import plan
from strategi.data import periods
from strategi.data.model import Strategy
from strategi.data.parts import PLANS
from strategi.views import pages, render
from strategi.views._org_helpers import channel_name, flags, goal_name, joined, person_name

from . import source_of, view

PER_WORDS = {"vardag": "per vardag", "vecka": "per vecka", "vid behov": "vid behov"}


def _month_title(month: str) -> str:
    return f"Plan för {periods.describe(month)}"


@view("plan_rubrik")
def plan_rubrik(s: Strategy, month: str) -> str:
    return render.md(_month_title(month))


def _post(s: Strategy, post: plan.Post, names: dict[str, str]) -> str:
    day = post.day
    when = f"{periods.WEEKDAYS_SHORT[day.weekday()]} {day.day} {periods.MONTHS[day.month - 1]}"
    stamp = day.isoformat()
    if post.time:
        when += f" kl. {post.time}"
        stamp += f"T{post.time}"
    kind = str(post.data["materialtyp"])
    light = (s.channel(post.channel).get("materialtyper") or {}).get(kind)
    status = str(post.data["status"])
    facts = [
        ("Materialtyp", names.get(kind, kind)),
        ("Mål", joined(goal_name(s, str(g)) for g in post.data.get("mål") or [])),
        ("Personas", joined(_persona(s, str(p)) for p in post.data.get("personas") or [])),
        ("Ansvarig", person_name(s, str(post.data["ansvarig"]))),
        ("Status", plan.STATUS_WORDS.get(status, status)),
    ]
    return (
        f'<li class="plan-post plan-post--{status.replace("ä", "a")}">'
        f'<p class="plan-post__nar"><time datetime="{render.esc(stamp)}">{render.esc(when)}</time>'
        f"{' ' + render.light(light).html if light else ''}</p>"
        f'<p class="plan-post__titel">{render.esc(post.data["titel"])}</p>'
        f"{_facts(facts)}</li>"
    )


def _facts(pairs: list[tuple[str, str]]) -> str:
    """A compact label/value list (one line each on a phone); empty values are left out."""
    inner = "".join(
        f"<dt>{render.esc(k)}</dt><dd>{render.esc(v)}</dd>" for k, v in pairs if v not in ("", "–")
    )
    return f'<dl class="plan-post__fakta">{inner}</dl>'


def _persona(s: Strategy, persona_id: str) -> str:
    for persona in s["personas"].get("personas") or []:
        if str(persona.get("id")) == persona_id:
            return str(persona.get("namn", persona_id))
    return persona_id


@view("plan_manad")
def plan_manad(s: Strategy, month: str) -> str:
    """One month: the warnings against the strategy, then one lane per channel."""
    first, last = periods.bounds(month)
    month_posts = [p for p in plan.posts(s) if p.month == month]
    names = plan.type_names(s)
    warnings = plan.warnings_between(s, first, last)
    warning_html = ""
    if warnings:
        items = "".join(
            f"<li><code>{render.esc(w.file)}:{w.line}</code> {render.esc(w.message)}</li>" for w in warnings
        )
        warning_html = render.admonition("warning", "Varningar mot strategin", f"<ul>{items}</ul>")
    lanes = []
    for channel in s.channels:
        own = [p for p in month_posts if p.channel == channel["id"]]
        body = (
            f'<ol class="plan-bana__poster">{"".join(_post(s, p, names) for p in own)}</ol>'
            if own
            else '<p class="plan-bana__tom">Inget planerat.</p>'
        )
        rules = (channel.get(plan_rules_key()) or {}).get("frekvens") or {}
        rule = f'<p class="plan-bana__regel">{render.esc(rules["text"])}</p>' if rules.get("text") else ""
        lanes.append(
            f'<section class="plan-bana" aria-labelledby="bana-{render.esc(channel["id"])}">'
            f'<h2 id="bana-{render.esc(channel["id"])}">{render.esc(channel_name(s, channel["id"]))}</h2>'
            f"{rule}{body}</section>"
        )
    return render.block(
        warning_html,
        f'<div class="plan-banor">{"".join(lanes)}</div>',
        source_of(s, f"plan:{month}"),
    )


def plan_rules_key() -> str:
    return "publiceringsregler"


def _rules_table(s: Strategy) -> str:
    rows = []
    notes: list[str] = []
    questions = ""
    for channel in s.channels:
        rules = channel.get(plan_rules_key())
        if not rules:
            continue
        freq = rules.get("frekvens") or {}
        times = rules.get("tider") or {}
        windows = "; ".join(f"{w['text']}: {w['från']}–{w['till']}" for w in times.get("fönster") or [])
        counts = ", ".join(
            f"{label} {freq[key]}"
            for key, label in (("minst", "minst"), ("högst", "högst"), ("högst_per_dag", "högst per dag"))
            if key in freq
        )
        rows.append(
            [
                channel_name(s, channel["id"]),
                freq.get("text", "–"),
                " ".join(x for x in (PER_WORDS.get(str(freq.get("per")), ""), counts) if x) or "–",
                times.get("text", "–"),
                windows or "–",
            ]
        )
        if freq.get("källa"):
            notes.append(
                f"{channel_name(s, channel['id'])}, källa till siffran: {render.one_line(freq['källa'])}"
            )
        if rules.get("tolkning"):
            notes.append(f"{channel_name(s, channel['id'])}, tolkning: {render.one_line(rules['tolkning'])}")
        questions += flags(rules.get("flaggor"))
    if not rows:
        return ""
    sources = ", ".join(s.channel_file(c["id"]) for c in s.channels if c.get(plan_rules_key()))
    return render.block(
        render.heading(2, "Kanalernas regler för planen"),
        render.table(
            "Frekvens och tider per kanal",
            ["Kanal", "Frekvens", "Som tal", "När", "Tidsfönster"],
            rows,
        ),
        render.ul(notes),
        questions,
        f'<p class="kalla">Källa: <code>{render.esc(sources)}</code></p>',
    )


def _coverage(s: Strategy) -> str:
    posts = [p for p in plan.posts(s) if p.data.get("status") != "inställd"]
    names = plan.type_names(s)
    by_type = Counter((p.channel, str(p.data["materialtyp"])) for p in posts)
    rows: list[list[Any]] = []
    for channel in s.channels:
        lights = channel.get("materialtyper") or {}
        row: list[Any] = [channel_name(s, channel["id"])]
        for kind in names:
            count = by_type[(channel["id"], kind)]
            light = lights.get(kind)
            cell = render.esc(count)
            if light:
                cell += " " + render.light(light).html
            row.append(render.Raw(cell))
        rows.append(row)
    by_goal = Counter((p.channel, str(g)) for p in posts for g in p.data.get("mål") or [])
    goals = [str(g["id"]) for g in s["mal"].get("mål") or []]
    goal_rows = [[goal_name(s, g), *(by_goal[(c["id"], g)] for c in s.channels)] for g in goals]
    return render.block(
        render.heading(2, "Hur planen täcker materialtyper och mål"),
        render.p(
            "Antal planerade poster (inställda räknas inte) per kanal och materialtyp, bredvid kanalens "
            "trafikljus: grön är vanlig i kanalen, gul förekommer, röd förekommer sällan."
        ),
        render.table("Poster per kanal och materialtyp", ["Kanal", *names.values()], rows),
        render.table(
            "Poster per mål och kanal", ["Mål", *(channel_name(s, c["id"]) for c in s.channels)], goal_rows
        ),
        f'<p class="kalla">Källa: <code>{render.esc(PLANS.path)}/</code> och <code>{render.esc(s.source("materialtyper"))}</code></p>',
    )


# The guide's section on writing a plan (docs/guide.md: "## Skriv en publiceringsplan").
GUIDE_ANCHOR = "skriv-en-publiceringsplan"


def _this_week(s: Strategy, page: str) -> str:
    """This week's posts per channel (the week of the build's today), or one sentence when there is
    no plan at all, linking to the guide's section on writing one."""
    all_posts = plan.posts(s)
    if not all_posts:
        guide = render.esc(pages.href(page, pages.GUIDE, GUIDE_ANCHOR))
        return f'<p class="plan-tom">Det finns ingen publiceringsplan ännu: <a href="{guide}">så skriver du en</a>.</p>'
    label = plan.week_of(s.today)
    first, last = plan.parse_week(label)
    names = plan.type_names(s)
    week = [p for p in all_posts if first <= p.day <= last]
    number = label.rsplit("V", 1)[1].lstrip("0")
    span = f"{first.day} {periods.MONTHS[first.month - 1]} – {last.day} {periods.MONTHS[last.month - 1]}"
    lanes = []
    for channel in s.channels:
        own = [p for p in week if p.channel == channel["id"]]
        if own:
            lanes.append(
                f'<section class="plan-bana" aria-labelledby="vecka-{render.esc(channel["id"])}">'
                f'<h3 id="vecka-{render.esc(channel["id"])}">{render.esc(channel_name(s, channel["id"]))}</h3>'
                f'<ol class="plan-bana__poster">{"".join(_post(s, p, names) for p in own)}</ol></section>'
            )
    body = (
        f'<div class="plan-banor">{"".join(lanes)}</div>'
        if lanes
        else render.p("Inget är planerat den här veckan.")
    )
    return render.block(render.heading(2, f"Den här veckan: vecka {number}, {span}", "den-har-veckan"), body)


@view("plan_oversikt")
def plan_oversikt(s: Strategy, page: str = pages.PLAN) -> str:
    """This week's posts per channel first (or one sentence when there is no plan), then the months,
    the feeds, the channels' rules and, when anything is planned, the coverage summary."""
    months = plan.months(s)
    month_list = ""
    if months:
        links = "".join(
            f'<li><a href="{render.esc(pages.href(page, pages.month(m)))}">{render.esc(_month_title(m))}</a></li>'
            for m in months
        )
        month_list = render.block(render.heading(2, "Månader"), f'<ul class="plan-manader">{links}</ul>')
    feeds = "".join(
        f'<li><a href="{render.esc(pages.href(page, pages.plan_feed(name)))}" download="{render.esc(name)}.ics">'
        f"{render.esc('Alla kanaler' if name == plan.ALL else channel_name(s, name))}</a> "
        f"<code>{render.esc(name)}.ics</code></li>"
        for name in plan.feed_names(s)
    )
    return render.block(
        _this_week(s, page),
        month_list,
        render.heading(2, "Kalendrar att prenumerera på"),
        render.p(
            "En kalender för alla kanaler och en per kanal. De uppdateras en gång om dagen; "
            "du kan också ladda ner filen och öppna den i Outlook."
        ),
        f'<ul class="plan-kalendrar">{feeds}</ul>',
        _rules_table(s),
        _coverage(s) if plan.posts(s) else "",
    )
