"""The Öppna frågor page: every flag with its quote, incomplete channels, overdue deadlines, stale status, links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path
from typing import Any

import pytest

from strategi.content import diff, questions, revision
from strategi.data.loader import load
from strategi.data.model import Strategy
from strategi.views import VIEWS
from tests._viewtables import HISTORY, table, tables, text, variant
from tests.conftest import FROZEN, TODAY

FLAG_WORDS = {
    "osäkert": "Osäkert",
    "motsägelse": "Motsägelse",
    "oläsligt": "Oläsligt",
    "ofullständigt": "Ofullständigt",
}


# The flags in the repository's data, counted with `grep -c '^ *- typ: (osäkert|ofullständigt|
# motsägelse|oläsligt)$'` per file; the files not named have none.
FLAGS_PER_FILE = {
    "data/channels/facebook.yaml": 8,
    "data/channels/instagram.yaml": 6,
    "data/channels/linkedin.yaml": 3,
    "data/channels/mejlutskick.yaml": 1,
    "data/channels/twitter.yaml": 1,
    "data/channels/webbplats.yaml": 5,
    "data/strategy/arshjul.yaml": 4,
    "data/strategy/budget.yaml": 3,
    "data/strategy/indikatorer.yaml": 14,
    "data/strategy/kanalanalys.yaml": 2,
    "data/strategy/mal.yaml": 1,
    "data/strategy/materialtyper.yaml": 2,
    "data/strategy/organisation.yaml": 5,
    "data/strategy/personas.yaml": 4,
    "data/strategy/process.yaml": 2,
    "data/strategy/strategi.yaml": 4,
    "data/strategy/tillganglighet.yaml": 1,
    "data/strategy/uppfoljning.yaml": 2,
}


def _raw_flags(data: Any) -> list[dict[str, Any]]:
    """Every entry of every `flaggor:` list, found by a plain walk of the YAML (independent of questions.py)."""
    found: list[dict[str, Any]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "flaggor" and isinstance(value, list):
                found.extend(value)
            else:
                found.extend(_raw_flags(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_raw_flags(item))
    return found


def _folded(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture
def page(strategy: Strategy) -> str:
    """The page, rendered for each test (so mutation testing sees which test reads which code)."""
    return VIEWS["oppna_fragor"](strategy)


def _section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}")
    end = page.find("\n## ", start + 1)
    return page[start : end if end != -1 else len(page)]


def test_every_flag_in_every_file_is_listed_with_its_quote(page: str) -> None:
    """Each data file's flags form one table 'Att bekräfta i FILE' with one row per flag, question and
    quote: as many rows as the file has flags (FLAGS_PER_FILE, counted with grep), and none for a file
    without."""
    shown = tables(page)
    files = sorted((FROZEN / "data").rglob("*.yaml"))
    flagged = 0
    for path in files:
        relpath = path.relative_to(FROZEN).as_posix()
        flags = _raw_flags(load(path).data)
        caption = f"Att bekräfta i {relpath}"
        if not flags:
            assert caption not in shown
            continue
        flagged += 1
        rows = shown[caption][1:]
        assert len(rows) == len(flags), relpath
        for row, flag in zip(rows, flags, strict=True):
            assert text(row[1]) == FLAG_WORDS[flag["typ"]]
            assert text(row[2]).startswith(_folded(flag["fråga"]))
            if flag.get("citat"):
                assert (
                    f"<blockquote>{html.escape(_folded(flag['citat'])).replace('|', '&#124;')}</blockquote>"
                    in row[2]
                )
            else:
                assert "<blockquote>" not in row[2]
    counted = {
        caption.removeprefix("Att bekräfta i "): len(rows) - 1
        for caption, rows in shown.items()
        if caption.startswith("Att bekräfta i ")
    }
    assert counted == FLAGS_PER_FILE
    assert flagged == len(FLAGS_PER_FILE)


def test_the_start_page_counts_every_flag_once(strategy: Strategy) -> None:
    """The start page's 'Läget just nu' counts each flag in the data once: 68, the sum of the
    grep counts in FLAGS_PER_FILE."""
    assert sum(FLAGS_PER_FILE.values()) == 68
    assert questions.flag_count(strategy) == 68
    assert ": 68 oklarheter i källtexten, " in VIEWS["start"](strategy, HISTORY)


def test_one_count_of_what_is_open_everywhere(strategy: Strategy, page: str) -> None:
    """The start page, Öppna frågor, the PDF summary and the ny-version checklist give the same total
    and name its parts alike, and the parts add up to the rows listed on Öppna frågor's sections."""
    line = questions.open_line(strategy)
    parts = questions.open_parts(strategy)
    total = sum(p.count for p in parts)
    assert line.startswith(f"{total} öppna frågor: ")
    assert f"**Öppna frågor:** {line}" in VIEWS["start"](strategy, HISTORY)
    assert f"<p>{line}</p>" in page
    summary = VIEWS["sammanfattning"](strategy, diff.Comparison(None))
    assert f"<p>{total} öppna frågor behöver lösas" in summary
    assert all(f"<li>{p.words}</li>" in summary for p in parts if p.count)
    assert [line] == dict(revision.checklist(strategy))["Öppna frågor"]
    for part in parts:
        assert f"## {part.many.capitalize()} {{#{part.anchor}}}" in page


def test_all_four_flag_kinds_appear_in_swedish(page: str) -> None:
    """The real data uses every kind of flag, and the page names each in Swedish."""
    kinds = {
        text(row[1])
        for caption, rows in tables(page).items()
        if caption.startswith("Att bekräfta")
        for row in rows[1:]
    }
    assert kinds == {"Osäkert", "Motsägelse", "Oläsligt", "Ofullständigt"}


def test_a_flag_row_exactly(tmp_path: Path, strategy: Strategy) -> None:
    """A flag on an assignment: place in words, Swedish kind, question, quote as blockquote, line of the flag."""
    relpath = "data/strategy/process.yaml"
    file = tmp_path / "process.yaml"
    file.write_text(
        "# modeline\n"
        "inledning: x\n"
        "uppdrag:\n"
        "  - id: a\n"
        "    vad: Skriv planen.\n"
        "    status: öppen\n"
        "    flaggor:\n"
        "      - typ: motsägelse\n"
        "        fråga: Vilket år <avses>?\n"
        "        citat: i  november\n"
        "      - typ: ofullständigt\n"
        "        fråga: Vem?\n",
        encoding="utf-8",
    )
    doc = load(file, relpath)
    s = dataclasses.replace(strategy, documents={**strategy.documents, relpath: doc})
    rows = table(VIEWS["oppna_fragor"](s), "Att bekräfta i data/strategy/process.yaml")
    assert rows == [
        ["Var", "Typ", "Fråga", "Rad"],
        [
            "Process och uppdrag › Uppdrag › Skriv planen.",
            "Motsägelse",
            "Vilket år &lt;avses&gt;?<blockquote>i november</blockquote>",
            "8",
        ],
        ["Process och uppdrag › Uppdrag › Skriv planen.", "Ofullständigt", "Vem?", "11"],
    ]


def _strip(data: Any, key: str) -> Any:
    if isinstance(data, dict):
        return {k: _strip(v, key) for k, v in data.items() if k != key}
    if isinstance(data, list):
        return [_strip(v, key) for v in data]
    return data


def _without(strategy: Strategy, key: str) -> Strategy:
    """The strategy with every `key:` entry removed from the loaded documents."""
    documents = {p: dataclasses.replace(d, data=_strip(d.data, key)) for p, d in strategy.documents.items()}
    return dataclasses.replace(strategy, documents=documents)


def test_no_flags_says_so(strategy: Strategy) -> None:
    """Without any flag the section says in Swedish that nothing is flagged."""
    s = _without(strategy, "flaggor")
    section = _section(VIEWS["oppna_fragor"](s), "Oklarheter i källtexten")
    assert text(section.split("\n", 1)[1]) == "Inget i data är flaggat för bekräftelse."


def test_incomplete_channels_listed_with_their_comment(page: str, strategy: Strategy) -> None:
    """Twitter and Mejlutskick have only a nuläge: each is listed by name with the file's own comment."""
    section = _section(page, "Kanaler utan fullständig strategi")
    items = [text(i) for i in section.split("<li>")[1:]]
    assert [i.split(":")[0] for i in items] == ["Twitter", "Mejlutskick"]
    twitter = strategy.channel("twitter")["fullständighet"]["kommentar"]
    assert items[0] == f"Twitter: {_folded(twitter)}"


def test_incomplete_channel_without_comment_gets_a_default_sentence(strategy: Strategy) -> None:
    """A channel marked incomplete without a comment is still listed, with a Swedish default sentence."""
    channels = [dict(c) for c in strategy.channels]
    for c in channels:
        c["fullständighet"] = {"status": "komplett"}
    channels[0]["fullständighet"] = {"status": "endast-nuläge"}
    found = questions.incomplete_channels(dataclasses.replace(strategy, channels=channels))
    assert [(q.where, q.text, q.file, q.kind) for q in found] == [
        (
            "Facebook",
            "Strategin för Facebook är inte komplett.",
            "data/channels/facebook.yaml",
            "ofullständig kanal",
        )
    ]
    assert found[0].line > 1


def test_all_channels_complete_says_so(strategy: Strategy) -> None:
    """When every channel is complete, the section says so instead of listing nothing."""
    channels = [{**c, "fullständighet": {"status": "komplett"}} for c in strategy.channels]
    section = _section(
        VIEWS["oppna_fragor"](dataclasses.replace(strategy, channels=channels)), "Kanaler utan"
    )
    assert "<p>Alla kanaler har en komplett strategi.</p>" in section


def _assignment_rows(strategy: Strategy, today: dt.date, *tasks: dict[str, Any]) -> list[list[str]]:
    process = {**strategy["process"], "uppdrag": list(tasks)}
    s = dataclasses.replace(variant(strategy, process=process), today=today)
    return table(VIEWS["oppna_fragor"](s), "Öppna uppdrag")[1:]


@pytest.mark.parametrize(
    ("deadline", "today", "shown"),
    [
        ("2020-11", dt.date(2020, 11, 1), "november 2020"),
        ("2020-11", dt.date(2020, 11, 30), "november 2020"),
        ("2020-11", dt.date(2020, 12, 1), "november 2020 (passerad)"),
        ("2020-h2", dt.date(2020, 12, 31), "hösten 2020"),
        ("2020-h2", dt.date(2021, 1, 1), "hösten 2020 (passerad)"),
        ("2020-11-15", dt.date(2020, 11, 15), "15 november 2020"),
        ("2020-11-15", dt.date(2020, 11, 16), "15 november 2020 (passerad)"),
        ("2020", dt.date(2020, 12, 31), "2020"),
    ],
    ids=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v).replace(" ", "_").replace("ö", "o"),
)
def test_deadline_is_passed_only_after_its_last_day(
    strategy: Strategy, deadline: str, today: dt.date, shown: str
) -> None:
    """A deadline counts as passed from the day after the last day of its period, not earlier."""
    rows = _assignment_rows(
        strategy, today, {"id": "a", "vad": "Gör  det.", "deadline": deadline, "status": "öppen"}
    )
    assert rows == [["Gör det.", shown, "öppen"]]


def test_done_assignments_are_left_out_and_missing_deadline_named(strategy: Strategy) -> None:
    """Finished assignments are not listed; an open one without deadline says 'ingen angiven'."""
    rows = _assignment_rows(
        strategy,
        TODAY,
        {"id": "a", "vad": "Klart.", "deadline": "2020-01", "status": "klar"},
        {"id": "b", "vad": "Öppet.", "status": "öppen"},
    )
    assert rows == [["Öppet.", "ingen angiven", "öppen"]]


def test_no_open_assignments_says_so(strategy: Strategy) -> None:
    """With every assignment done, the section says 'Inga uppdrag är öppna.'."""
    process = {**strategy["process"], "uppdrag": [{"id": "a", "vad": "x", "status": "klar"}]}
    section = _section(VIEWS["oppna_fragor"](variant(strategy, process=process)), "Öppna uppdrag")
    assert "<p>Inga uppdrag är öppna.</p>" in section


def test_real_overdue_assignment(page: str) -> None:
    """On 2026-11-29 the November 2020 assignment is shown as passed, and the source file is named."""
    rows = table(page, "Öppna uppdrag")
    assert rows[1][1:] == ["november 2020 (passerad)", "öppen"]
    assert "Källa: <code>data/strategy/process.yaml</code>" in _section(page, "Öppna uppdrag")


def test_stale_channels_on_the_fixed_date(page: str) -> None:
    """On 2026-11-29 every channel's nuläge is older than six months: each is linked with its latest period."""
    section = _section(page, "Nulägen som behöver uppdateras")
    assert "<p>Nuläget ska uppdateras minst var 6:e månad. Räknat från 29 november 2026:</p>" in section
    rows = table(section, "Nulägen som behöver uppdateras")
    assert rows[1] == ['<a href="../kanaler/facebook/">Facebook</a>', "våren 2020", "behöver uppdateras"]
    assert [text(r[0]) for r in rows[1:]] == [
        "Facebook",
        "Instagram",
        "Linkedin",
        "Twitter",
        "Webbplats",
        "Mejlutskick",
    ]
    assert rows[2][1] == "19 januari 2021"


@pytest.mark.parametrize(
    ("datum", "stale"),
    [("2026-05-28", True), ("2026-05-29", False), ("2026-h1", False), ("2025-h2", True), ("2026-05", False)],
)
def test_stale_means_older_than_the_cadence(strategy: Strategy, datum: str, stale: bool) -> None:
    """Six months before 2026-11-29 is 2026-05-29: a nuläge ending before that day is stale, not one ending on it."""
    channels = [{**c, "nuläge": [{"id": "n", "datum": "2026-11"}]} for c in strategy.channels]
    channels[0] = {**channels[0], "nuläge": [{"id": "n", "datum": datum}]}
    found = questions.stale_channels(variant(strategy, channels=channels))
    assert [c["id"] for c in found] == (["facebook"] if stale else [])


def test_no_stale_channel_says_so(strategy: Strategy) -> None:
    """When every nuläge is recent, the page says they are younger than the cadence."""
    channels = [{**c, "nuläge": [{"id": "n", "datum": "2026-11"}]} for c in strategy.channels]
    strategi = {**strategy["strategi"], "revideringsintervall_månader": 3}
    section = _section(
        VIEWS["oppna_fragor"](variant(strategy, channels=channels, strategi=strategi)), "Nulägen som behöver"
    )
    assert "<p>Alla kanalers nuläge är yngre än 3 månader.</p>" in section


def test_cadence_comes_from_the_strategy(strategy: Strategy) -> None:
    """A 12-month cadence keeps a nuläge from 2026-01 fresh on 2026-11-29, and the text says 12."""
    channels = [{**c, "nuläge": [{"id": "n", "datum": "2025-11-28"}]} for c in strategy.channels]
    channels[0] = {**channels[0], "nuläge": [{"id": "n", "datum": "2026-01"}]}
    strategi = {**strategy["strategi"], "revideringsintervall_månader": 12}
    s = variant(strategy, channels=channels, strategi=strategi)
    assert [c["id"] for c in questions.stale_channels(s)] == [c["id"] for c in strategy.channels][1:]
    assert "minst var 12:e månad" in VIEWS["oppna_fragor"](s)


def test_links_without_address(page: str) -> None:
    """A link with a title but no address is asked about, with its place, file and line."""
    rows = table(page, "Länkar utan adress")
    first = rows[1]
    assert first[0] == "Facebook › Länkar › Kontakt till kanalansvarig"
    assert first[1] == "Vart leder länken ”Kontakt till kanalansvarig”?"
    assert first[2] == "data/channels/facebook.yaml"
    assert int(first[3]) > 1


def test_no_link_without_address_says_so(strategy: Strategy) -> None:
    """Once every link has an address, the section says 'Alla länkar har en adress.'."""

    def addressed(data: Any) -> Any:
        if isinstance(data, dict):
            filled = {k: addressed(v) for k, v in data.items()}
            return {**filled, "adress": "https://example.org/"} if "titel" in data else filled
        return [addressed(v) for v in data] if isinstance(data, list) else data

    documents = {p: dataclasses.replace(d, data=addressed(d.data)) for p, d in strategy.documents.items()}
    s = dataclasses.replace(strategy, documents=documents)
    assert "<p>Alla länkar har en adress.</p>" in _section(VIEWS["oppna_fragor"](s), "Länkar utan adress")


def test_sections_in_order(page: str) -> None:
    """The page has its six sections in a fixed order with fixed anchors: the five work lists, then
    the garbled persona matrix as it stands (the source page's frame is not content: not here)."""
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Oklarheter i källtexten {#oklarheter}",
        "## Kanaler utan fullständig strategi {#ofullstandiga-kanaler}",
        "## Öppna uppdrag {#oppna-uppdrag}",
        "## Nulägen som behöver uppdateras {#behover-uppdateras}",
        "## Länkar utan adress {#lankar-utan-adress}",
        "## Matrisen över personas och kanaler som den står i strategin {#personamatrisen}",
    ]


def _doc_strategy(tmp_path: Path, strategy: Strategy, relpath: str, yaml_text: str) -> Strategy:
    """The real strategy with one data file replaced by the given YAML (loaded with its lines)."""
    file = tmp_path / Path(relpath).name
    file.write_text(yaml_text, encoding="utf-8")
    return dataclasses.replace(strategy, documents={**strategy.documents, relpath: load(file, relpath)})


def test_where_a_flag_stands_is_named_by_file_title_or_channel_name(page: str) -> None:
    """Flags are placed by the channel's name, the strategy's title, or (for a flag on the whole file) that alone."""
    facebook = table(page, "Att bekräfta i data/channels/facebook.yaml")
    assert facebook[1][0] == "Facebook › Digitalt nuläge › våren 2020"
    strategi = [row[0] for row in table(page, "Att bekräfta i data/strategy/strategi.yaml")[1:]]
    assert "Digital strategi" in strategi
    assert all(w == "Digital strategi" or w.startswith("Digital strategi › ") for w in strategi)


def test_flag_without_kind_or_question(tmp_path: Path, strategy: Strategy) -> None:
    """A flag that names no kind counts as 'Osäkert'; one without a question shows an empty question."""
    s = _doc_strategy(
        tmp_path,
        strategy,
        "data/channels/facebook.yaml",
        "# modeline\nid: facebook\nnamn: Fejan\nflaggor:\n  - citat: ord\n",
    )
    rows = table(VIEWS["oppna_fragor"](s), "Att bekräfta i data/channels/facebook.yaml")
    assert rows[1:] == [["Fejan", "Osäkert", "<blockquote>ord</blockquote>", "5"]]


def test_which_groups_count_as_links(tmp_path: Path, strategy: Strategy) -> None:
    """A group of titel (with adress and/or beskrivning, nothing else) and no address is asked about."""
    s = _doc_strategy(
        tmp_path,
        strategy,
        "data/channels/facebook.yaml",
        "# modeline\n"
        "id: facebook\n"
        "namn: Fejan\n"
        "länkar:\n"
        "  - titel: Bara titel\n"
        "  - titel: Tom adress\n"
        '    adress: ""\n'
        "  - titel: Alla tre\n"
        '    adress: ""\n'
        "    beskrivning: Text\n"
        "  - titel: Med adress\n"
        "    adress: https://example.org/\n"
        "  - titel: Inte en länk\n"
        "    text: Annat fält\n"
        "  - namn: Ingen titel\n",
    )
    rows = table(VIEWS["oppna_fragor"](s), "Länkar utan adress")
    mine = [row for row in rows[1:] if row[2] == "data/channels/facebook.yaml"]
    assert mine == [
        [
            "Fejan › Länkar › Bara titel",
            "Vart leder länken ”Bara titel”?",
            "data/channels/facebook.yaml",
            "5",
        ],
        [
            "Fejan › Länkar › Tom adress",
            "Vart leder länken ”Tom adress”?",
            "data/channels/facebook.yaml",
            "6",
        ],
        ["Fejan › Länkar › Alla tre", "Vart leder länken ”Alla tre”?", "data/channels/facebook.yaml", "8"],
    ]


def test_channel_without_completeness_counts_as_complete(strategy: Strategy) -> None:
    """A channel that says nothing about completeness is taken as complete; no assignments means none open."""
    channels = [{k: v for k, v in c.items() if k != "fullständighet"} for c in strategy.channels]
    process = {k: v for k, v in strategy["process"].items() if k != "uppdrag"}
    page = VIEWS["oppna_fragor"](variant(strategy, channels=channels, process=process))
    assert "<p>Alla kanaler har en komplett strategi.</p>" in _section(page, "Kanaler utan")
    assert "<p>Inga uppdrag är öppna.</p>" in _section(page, "Öppna uppdrag")


def test_file_title_names_the_place_and_only_channels_use_namn(tmp_path: Path, strategy: Strategy) -> None:
    """A strategy file is named by its own 'titel' (not a 'namn' field); links are questions of kind 'länk'."""
    s = _doc_strategy(
        tmp_path,
        strategy,
        "data/strategy/mal.yaml",
        "# modeline\nnamn: Inte så här\ntitel: Våra mål\nflaggor:\n  - typ: osäkert\n    fråga: Ja?\n"
        "länkar:\n  - titel: L\n",
    )
    assert [q.where for q in questions.flags(s) if q.file == "data/strategy/mal.yaml"] == ["Våra mål"]
    links = [q for q in questions.links_without_address(s) if q.file == "data/strategy/mal.yaml"]
    assert [(q.kind, q.where, q.line) for q in links] == [("länk", "Våra mål › Länkar › L", 8)]


def test_incomplete_channel_points_at_its_completeness_lines(strategy: Strategy) -> None:
    """The question about an incomplete channel points at the first line under 'fullständighet:'."""
    lines = (FROZEN / "data/channels/twitter.yaml").read_text(encoding="utf-8").splitlines()
    key_line = lines.index("fullständighet:") + 1
    found = [q for q in questions.incomplete_channels(strategy) if q.file == "data/channels/twitter.yaml"]
    assert [q.line for q in found] == [key_line + 1]


def test_default_cadence_is_six_months(strategy: Strategy) -> None:
    """Without 'revideringsintervall_månader' the cadence is six months: 2026-05-28 is stale on 2026-11-29."""
    channels = [{**c, "nuläge": [{"id": "n", "datum": "2026-11"}]} for c in strategy.channels]
    channels[0] = {**channels[0], "nuläge": [{"id": "n", "datum": "2026-05-28"}]}
    strategi = {k: v for k, v in strategy["strategi"].items() if k != "revideringsintervall_månader"}
    assert [
        c["id"] for c in questions.stale_channels(variant(strategy, channels=channels, strategi=strategi))
    ] == ["facebook"]
