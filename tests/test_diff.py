"""The change list between two versions: every addition, removal and change is reported, in Swedish."""

from __future__ import annotations

import copy
from typing import Any

from strategi.content import diff, figures
from strategi.content.diff import Change
from strategi.data import periods
from strategi.data.model import Strategy
from tests._viewtables import variant
from tests.conftest import ROOT, TODAY


def small(files: dict[str, Any] | None = None, channels: list[dict[str, Any]] | None = None) -> Strategy:
    """A tiny strategy: only the files and channels given, labelled by the real schemas."""
    channels = channels or []
    sources = {f"kanal:{c['id']}": f"data/channels/{c['id']}.yaml" for c in channels}
    sources.update({stem: f"data/strategy/{stem}.yaml" for stem in files or {}})
    return Strategy(ROOT, dict(files or {}), channels, sources, TODAY)


def lines(old: Strategy, new: Strategy) -> list[str]:
    return [diff.describe(c) for c in diff.compare(old, new)]


def _word(snapshot: dict) -> str:
    """The strategy's word before a snapshot's follower count and a no-break space ('' when exact)."""
    word = figures.qualifier(snapshot, "följare")
    return f"{word}\u00a0" if word else ""


def test_same_strategy_has_no_changes(strategy: Strategy) -> None:
    """Comparing the strategy with itself gives no change, and the text says so in Swedish."""
    assert diff.compare(strategy, strategy) == []
    assert diff.as_text([], "Ändringar sedan 1.0") == "Ändringar sedan 1.0\n\nInga ändringar i strategin."
    assert diff.as_markdown([], "Ändringar") == "### Ändringar\n\nInga ändringar i strategin.\n"


def test_new_snapshot_is_reported(strategy: Strategy) -> None:
    """A new nuläge snapshot appended to a channel is one 'Nytt' line named by its period."""
    channels = copy.deepcopy(strategy.channels)
    channels[0]["nuläge"].append({"id": "ny", "datum": "2026-h2", "avser": "hösten 2026"})
    assert lines(strategy, variant(strategy, channels=channels)) == [
        "Nytt: Facebook › Digitalt nuläge › hösten 2026"
    ]


def test_removed_snapshot_is_reported(strategy: Strategy) -> None:
    """A snapshot taken away from a channel is one 'Borttaget' line named by its period."""
    channels = copy.deepcopy(strategy.channels)
    del channels[0]["nuläge"][0]
    assert lines(strategy, variant(strategy, channels=channels)) == [
        "Borttaget: Facebook › Digitalt nuläge › våren 2020"
    ]


def test_changed_figure_inside_a_snapshot(strategy: Strategy) -> None:
    """A changed follower count names channel, section, period and field, with both figures in Swedish
    style, each with the strategy's word when the snapshot marks it rounded ('lite drygt 17 000')."""
    channels = copy.deepcopy(strategy.channels)
    channels[0]["nuläge"][0]["mätvärden"]["följare"] = 18250
    word = _word(channels[0]["nuläge"][0])
    assert lines(strategy, variant(strategy, channels=channels)) == [
        f"Facebook › Digitalt nuläge › våren 2020 › Mätvärden › Följare: {word}17\u00a0000 → {word}18\u00a0250"
    ]


def test_added_and_removed_channels(strategy: Strategy) -> None:
    """A new channel and a removed channel each get their own line under 'Kanaler'."""
    channels = [c for c in copy.deepcopy(strategy.channels) if c["id"] != "twitter"]
    channels.append({"id": "tiktok", "namn": "Tiktok"})
    changes = diff.compare(strategy, variant(strategy, channels=channels))
    assert [(c.section, c.where, c.kind) for c in changes] == [
        ("Kanaler", (), "nytt"),
        ("Kanaler", (), "borttaget"),
    ]
    assert [diff.describe(c) for c in changes] == ["Ny kanal: Tiktok", "Borttagen kanal: Twitter"]
    assert changes[1].old["id"] == "twitter"
    assert changes[0].new == {"id": "tiktok", "namn": "Tiktok"}


def test_channel_without_name_is_called_by_its_id() -> None:
    """A removed channel that has no name is named by its id."""
    change = Change("Kanaler", (), "borttaget", {"id": "tiktok"}, None)
    assert diff.describe(change) == "Borttagen kanal: tiktok"


def test_removed_and_added_keys() -> None:
    """A key that disappears and one that appears are reported with their values."""
    old = small({"mal": {"webben": "Webben är viktig.", "engagemang": "Mer."}})
    new = small({"mal": {"webben": "Webben är viktig.", "fokus_rubrik": "Fokus"}})
    assert lines(old, new) == ["Borttaget: Mål › Engagemang: Mer.", "Nytt: Mål › Rubrik för fokus: Fokus"]


def test_changed_text_is_quoted_and_long_text_summarised() -> None:
    """Short texts with spaces are quoted with ”…”; texts over 180 characters together say only that they changed."""
    assert lines(small({"mal": {"webben": "Gammal text."}}), small({"mal": {"webben": "Ny text."}})) == [
        "Mål › Webben: ”Gammal text.” → ”Ny text.”"
    ]
    long_old, long_new = "a " * 45, "b " * 46
    assert lines(small({"mal": {"webben": long_old}}), small({"mal": {"webben": long_new}})) == [
        "Mål › Webben: texten har ändrats"
    ]
    at_limit_old, at_limit_new = "x" * 89, "y" * 89
    assert lines(small({"mal": {"webben": at_limit_old}}), small({"mal": {"webben": at_limit_new}})) == [
        f"Mål › Webben: {at_limit_old} → {at_limit_new}"
    ]


def test_keyed_list_items_are_matched_by_id_not_position() -> None:
    """Reordering goals is no change; a changed goal is named by its name, a new one reported once."""
    a = {"id": "A", "namn": "Stärka varumärket", "formulering": "Gammal."}
    b = {"id": "B", "namn": "Visa bredd", "formulering": "B."}
    c = {"id": "C", "namn": "Nytt mål", "formulering": "C."}
    old = small({"mal": {"mål": [a, b]}})
    assert lines(old, small({"mal": {"mål": [b, a]}})) == []
    changed = {**a, "formulering": "Ny."}
    assert lines(old, small({"mal": {"mål": [b, changed, c]}})) == [
        "Mål › Mål › Stärka varumärket › Målet: Gammal. → Ny.",
        "Nytt: Mål › Mål › Nytt mål",
    ]
    assert lines(old, small({"mal": {"mål": [b]}})) == ["Borttaget: Mål › Mål › Stärka varumärket"]


def test_plain_lists_report_added_and_removed_values() -> None:
    """In a list of plain values, a value taken away and one added are reported by value; as many taken
    away as added read as rewritten lines, one change each (not a removal plus an addition)."""
    old = small({"mal": {"bredden": {"problem": ["Ett.", "Två."]}}})
    new = small({"mal": {"bredden": {"problem": ["Två.", "Tre."]}}})
    assert lines(old, new) == ["Mål › Problem med att visa på bredden › Problemet: Ett. → Tre."]
    longer = small({"mal": {"bredden": {"problem": ["Två.", "Tre.", "Fyra."]}}})
    assert lines(old, longer) == [
        "Borttaget: Mål › Problem med att visa på bredden › Problemet: Ett.",
        "Nytt: Mål › Problem med att visa på bredden › Problemet: Tre.",
        "Nytt: Mål › Problem med att visa på bredden › Problemet: Fyra.",
    ]


def test_unkeyed_lists_of_objects_compare_by_position() -> None:
    """Objects without id are compared place by place: a longer list adds, a shorter one removes."""
    row = {"kanaltext": "Webb", "markeringar": [1]}
    old = small({"personas": {"matris": {"rader": [row]}}})
    longer = small({"personas": {"matris": {"rader": [row, {"kanaltext": "Mejl", "markeringar": [2]}]}}})
    changed = small({"personas": {"matris": {"rader": [{"kanaltext": "Webben", "markeringar": [1]}]}}})
    assert [(c.where, c.kind) for c in diff.compare(old, longer)] == [
        (("Personas i kanalerna", "Rader", "punkt 2"), "nytt")
    ]
    assert [(c.where, c.kind) for c in diff.compare(longer, old)] == [
        (("Personas i kanalerna", "Rader", "punkt 2"), "borttaget")
    ]
    assert [(c.where[-1], c.kind, c.old, c.new) for c in diff.compare(old, changed)] == [
        ("Kanal enligt strategin", "ändrat", "Webb", "Webben")
    ]


def test_values_shown_in_words() -> None:
    """Yes/no as 'ja'/'nej', nothing as '(tomt)', numbers Swedish style, lists by their items' names."""
    old = small({"budget": {"sociala_medier": {"budget": False}}})
    new = small({"budget": {"sociala_medier": {"budget": True}}})
    assert lines(old, new)[0].endswith(": nej → ja")
    assert diff._show(None) == "(tomt)"
    assert diff._show(2.5) == "2,5"
    assert diff._show(1234567) == "1\u00a0234\u00a0567"
    assert diff._show(["a", {"namn": "B"}, {}]) == "a, B, punkt 3"
    assert diff._show({"id": "x"}) == "x"
    assert diff._show("ett") == "ett"


def test_sections_in_site_order_then_channels() -> None:
    """Strategy files come first in the site's order, then each channel, then added/removed channels."""
    old = small(
        {"budget": {"x": 1}, "mal": {"webben": "a"}, "strategi": {"titel": "A"}},
        [{"id": "facebook", "namn": "Facebook", "adress": "a"}, {"id": "twitter", "namn": "Twitter"}],
    )
    new = small(
        {"budget": {"x": 2}, "mal": {"webben": "b"}, "strategi": {"titel": "B"}},
        [{"id": "facebook", "namn": "Facebook", "adress": "b"}, {"id": "tiktok", "namn": "Tiktok"}],
    )
    changes = diff.compare(old, new)
    assert [c.section for c in changes] == ["Strategin", "Mål", "Budget", "Facebook", "Kanaler", "Kanaler"]
    assert list(diff.grouped(changes)) == ["Strategin", "Mål", "Budget", "Facebook", "Kanaler"]


def test_text_and_markdown_lists() -> None:
    """The text list groups by section with counts; the Markdown list escapes every data value."""
    changes = [
        Change("Mål", ("Webben",), "ändrat", "a", "b"),
        Change("Mål", ("Engagemang",), "nytt", None, "*fet*"),
        Change("Kanaler", (), "nytt", None, {"id": "x", "namn": "X_y"}),
    ]
    assert diff.as_text(changes, "Ändringar") == (
        "Ändringar\n\nMål (2)\n  - Mål › Webben: a → b\n  - Nytt: Mål › Engagemang: *fet*\n\n"
        "Kanaler (1)\n  - Ny kanal: X_y\n"
    )
    assert diff.as_markdown(changes, "Ändringar #1") == (
        "### Ändringar #\u20601\n\n**Mål** (2)\n\n- Mål › Webben: a → b\n- Nytt: Mål › Engagemang: \\*fet\\*\n\n"
        "**Kanaler** (1)\n\n- Ny kanal: X\\_y\n"
    )


def test_every_change_carries_its_source_file(strategy: Strategy) -> None:
    """Each change names the data file it is in: a strategy file, a changed or new channel's file in
    the newer version, a removed channel's file in the older one (never looked up by display name)."""
    goals = copy.deepcopy(strategy["mal"])
    goals["mål"][0]["namn"] = "Ett nytt namn"
    channels = [c for c in copy.deepcopy(strategy.channels) if c["id"] != "twitter"]
    channels[0]["nuläge"][0]["mätvärden"]["följare"] = 18250
    channels.append({"id": "tiktok", "namn": "Tiktok"})
    old = variant(strategy)
    new = variant(strategy, channels=channels, mal=goals)
    assert [(c.section, c.file) for c in diff.compare(old, new)] == [
        ("Mål", "data/strategy/mal.yaml"),
        ("Facebook", "data/channels/facebook.yaml"),
        ("Kanaler", "data/channels/tiktok.yaml"),
        ("Kanaler", "data/channels/twitter.yaml"),
    ]


def test_removed_object_and_added_object_lines() -> None:
    """An added or removed object is named without its contents; a removed plain value shows the value."""
    assert diff.describe(Change("Mål", ("Mål", "A"), "nytt", None, {"id": "A"})) == "Nytt: Mål › Mål › A"
    assert (
        diff.describe(Change("Mål", ("Mål", "A"), "borttaget", {"id": "A"}, None))
        == "Borttaget: Mål › Mål › A"
    )
    assert diff.describe(Change("Mål", ("Webben",), "borttaget", 3, None)) == "Borttaget: Mål › Webben: 3"


def test_lists_keyed_by_date_word_or_channel_are_matched_by_that_key() -> None:
    """Items without id are matched by 'datum', 'ord' or 'kanal': reordering them is no change."""
    for key in ("datum", "ord", "kanal"):
        a, b = {key: "2020-h1", "text": "A"}, {key: "2020-h2", "text": "B"}
        old = small({"mal": {"webben": [a, b]}})
        assert lines(old, small({"mal": {"webben": [b, a]}})) == [], key
        changed = {key: "2020-h1", "text": "Ny"}
        assert [
            (c.where[-1], c.old, c.new) for c in diff.compare(old, small({"mal": {"webben": [b, changed]}}))
        ] == [("Text", "A", "Ny")], key


def test_a_value_changing_kind_is_one_change() -> None:
    """A group or list replaced by a plain text (or back) is one change from the old to the new value."""
    group, text = small({"mal": {"webben": {"a": "x"}}}), small({"mal": {"webben": "text"}})
    listed = small({"mal": {"webben": ["a", "b"]}})
    assert lines(group, text) == ["Mål › Webben: punkt 1 → text"]
    assert lines(text, group) == ["Mål › Webben: text → punkt 1"]
    assert lines(listed, text) == ["Mål › Webben: a, b → text"]
    assert lines(text, listed) == ["Mål › Webben: text → a, b"]


def test_list_gaining_keys_is_compared_by_position() -> None:
    """When only one side's items have ids, items are compared by position, field by field."""
    old = small({"mal": {"webben": [{"text": "A"}]}})
    new = small({"mal": {"webben": [{"id": "x", "text": "A"}]}})
    assert [(c.where, c.kind, c.new) for c in diff.compare(old, new)] == [
        (("Webben", "x", "Id"), "nytt", "x")
    ]
    assert [(c.where, c.kind, c.old) for c in diff.compare(new, old)] == [
        (("Webben", "x", "Id"), "borttaget", "x")
    ]


def test_channels_after_a_new_channel_are_still_compared() -> None:
    """A new channel placed before a changed one does not hide the change."""
    old = small(channels=[{"id": "twitter", "namn": "Twitter", "adress": "a"}])
    new = small(
        channels=[{"id": "tiktok", "namn": "Tiktok"}, {"id": "twitter", "namn": "Twitter", "adress": "b"}]
    )
    assert lines(old, new) == ["Ny kanal: Tiktok", "Twitter › Adress: a → b"]


def test_exactly_two_long_texts_are_still_shown() -> None:
    """Two texts of 90 characters each (180 together) are still shown; one more character summarises."""
    old, new = "x" * 90, "y" * 90
    assert lines(small({"mal": {"webben": old}}), small({"mal": {"webben": new}})) == [
        f"Mål › Webben: {old} → {new}"
    ]
    assert lines(small({"mal": {"webben": old}}), small({"mal": {"webben": new + "y"}})) == [
        "Mål › Webben: texten har ändrats"
    ]


def test_describe_a_change_at_the_top_of_a_section() -> None:
    """A change without a place inside its section (not a channel) reads 'Section: old → new'."""
    assert diff.describe(Change("Mål", (), "ändrat", "a", "b")) == "Mål: a → b"
    assert diff._show({}) == "punkt 1"


def test_accessibility_statement_and_annual_cycle_changes_are_reported(strategy: Strategy) -> None:
    """A changed compliance status in the accessibility statement and a removed activity of the
    annual cycle each make one line of the change list, under their own section."""
    statement = copy.deepcopy(strategy["tillganglighet"])
    statement["förenlighet"]["status"] = "full"
    cycle = copy.deepcopy(strategy["arshjul"])
    removed = cycle["aktiviteter"].pop(0)
    changes = diff.compare(strategy, variant(strategy, tillganglighet=statement, arshjul=cycle))
    assert [(c.section, c.kind) for c in changes] == [("Tillgänglighet", "ändrat"), ("Årshjul", "borttaget")]
    assert changes[0].file == "data/strategy/tillganglighet.yaml"
    assert changes[1].file == "data/strategy/arshjul.yaml"
    assert changes[1].old == removed


def test_derived_fields_dropped_or_added_are_no_change(strategy: Strategy) -> None:
    """An older version that still types the fields now derived (version label, 'nuläge avser',
    'senast uppdaterad', a snapshot's 'avser') compares with today's as no change at all, both
    ways; a derived field whose value changes is still reported."""
    old_strategi = copy.deepcopy(strategy["strategi"])
    old_strategi["version"]["etikett"] = "Våren 2020"
    old_strategi["nuläge_avser"] = "2020-h1"
    old_strategi["senast_uppdaterad"] = "2021-01-19"
    channels = copy.deepcopy(strategy.channels)
    channels[0]["nuläge"][0]["avser"] = "våren 2020"
    older = variant(strategy, strategi=old_strategi, channels=channels)
    assert diff.compare(older, strategy) == []
    assert diff.compare(strategy, older) == []
    renamed = copy.deepcopy(old_strategi)
    renamed["version"]["etikett"] = "Hösten 2020"
    assert lines(older, variant(older, strategi=renamed)) == [
        "Strategin › Version › Etikett: ”Våren 2020” → ”Hösten 2020”"
    ]


def test_new_snapshot_and_new_channel_show_their_figures(strategy: Strategy) -> None:
    """A new snapshot lists its figures, 'before → after' where the previous snapshot has the same
    measure; a new channel is one line with its address, target group, frequency and latest figures."""
    channels = copy.deepcopy(strategy.channels)
    channels[0]["nuläge"].append(
        {"id": "ny", "datum": "2026-h2", "mätvärden": {"följare": 18250, "räckvidd_per_inlägg": 12000}}
    )
    tiktok = {**copy.deepcopy(channels[0]), "id": "tiktok", "namn": "Tiktok"}
    before = periods.latest_snapshot(strategy.channels[0])
    assert lines(strategy, variant(strategy, channels=[*channels, tiktok])) == [
        "Nytt: Facebook › Digitalt nuläge › hösten 2026: "
        f"Följare: {_word(before)}17\u00a0000 → 18\u00a0250; Räckvidd per inlägg: 12\u00a0000",
        "Ny kanal: Tiktok (https://www.facebook.com/regionorebrolan/; Målgrupp: Länsinvånare 18 år och "
        "uppåt.; Frekvens: 1-3 inlägg/vardag; hösten 2026: Följare: 18\u00a0250; Räckvidd per inlägg: "
        "12\u00a0000)",
    ]


def test_refs_in_words() -> None:
    """A version tag is named by its half-year, with or without refs/tags/; a branch by its name
    without origin/; anything else as written; the title says from what to what."""
    assert diff.ref_words("strategi-2020-h1") == "våren 2020"
    assert diff.ref_words("refs/tags/strategi-2021-h2") == "hösten 2021"
    assert diff.ref_words("origin/main") == "main"
    assert diff.ref_words("refs/heads/utkast") == "utkast"
    assert diff.ref_words("strategi-nej") == "strategi-nej"
    assert diff.title_for("strategi-2020-h1", "origin/main") == "Ändringar från våren 2020 till main"
    assert diff.title_for("main", None) == "Ändringar jämfört med main"


def test_change_lines_for_the_page_are_escaped_and_mark_changed_words() -> None:
    """On Ändringar a changed prose text shows only the changed words, marked for sight and for
    screen readers, around a little context; other changes are the text line, HTML-escaped."""
    prose = Change(
        "Mål",
        ("Mål A", "Text"),
        "ändrat",
        "Vi vill nå fler <unga> invånare varje dag i hela länet med vår kommunikation och våra kanaler.",
        "Vi vill nå fler <unga> invånare varje vecka i hela länet med vår kommunikation och våra kanaler.",
    )
    assert str(diff.describe_html(prose)) == (
        'Mål › Mål A › Text: <span class="ordandring">… fler &lt;unga&gt; invånare varje '
        '<del><span class="sr-endast">borttaget: </span>dag</del> '
        '<ins><span class="sr-endast">tillagt: </span>vecka</ins> i hela länet med …</span>'
    )
    short = Change("Mål", ("Mål A", "Namn"), "ändrat", "A & B", "C")
    assert str(diff.describe_html(short)) == "Mål › Mål A › Namn: ”A &amp; B” → C"


def test_a_period_value_is_shown_in_words() -> None:
    """A changed deadline written as a period code reads as words: 'november 2020 → våren 2021'."""

    def process(deadline: str) -> Strategy:
        return small({"process": {"uppdrag": [{"id": "a", "vad": "Skriv planen.", "deadline": deadline}]}})

    assert lines(process("2020-11"), process("2021-h1")) == [
        "Process och uppdrag › Uppdrag › Skriv planen. › Klart senast: november 2020 → våren 2021"
    ]


def test_a_rewritten_item_of_a_plain_list_shows_its_changed_words_on_the_page() -> None:
    """A long sentence rewritten in a list of plain texts is one change whose line on Ändringar
    marks only the changed word, like any other changed text."""
    old = small(
        {"mal": {"bredden": {"problem": ["Vi når inte ut till alla invånare i länet idag.", "Två."]}}}
    )
    new = small({"mal": {"bredden": {"problem": ["Vi når inte ut till alla unga i länet idag.", "Två."]}}})
    assert [str(diff.describe_html(c)) for c in diff.compare(old, new)] == [
        'Mål › Problem med att visa på bredden › Problemet: <span class="ordandring">… inte ut till alla '
        '<del><span class="sr-endast">borttaget: </span>invånare</del> '
        '<ins><span class="sr-endast">tillagt: </span>unga</ins> i länet idag.</span>'
    ]


def _channel(*snapshots: dict[str, Any]) -> dict[str, Any]:
    return {"id": "tiktok", "namn": "Tiktok", "nuläge": list(snapshots)}


def test_a_new_snapshot_is_compared_with_the_latest_that_starts_no_later() -> None:
    """A new snapshot for the second half of 2026 is compared with the July 2026 one (the latest
    starting on or before 1 July), not the whole year 2026 (earlier) or October (later); a measure
    is named by its schema title, and one that stayed the same says '(oförändrat)'."""
    year = {"id": "ar", "datum": "2026", "mätvärden": {"följare": 100}}
    july = {"id": "juli", "datum": "2026-07", "mätvärden": {"följare": 200, "andel_mobil": 50}}
    october = {"id": "okt", "datum": "2026-10", "mätvärden": {"följare": 300}}
    half = {"id": "halvar", "datum": "2026-h2", "mätvärden": {"följare": 400, "andel_mobil": 50}}
    old = small(channels=[_channel(year, july, october)])
    new = small(channels=[_channel(year, july, october, half)])
    assert lines(old, new) == [
        "Nytt: Tiktok › Digitalt nuläge › hösten 2026: Följare: 200 → 400; Via mobil (%): 50 (oförändrat)"
    ]


def test_changes_after_a_derived_field_are_still_reported() -> None:
    """A derived field dropped before another change in the same file hides nothing: the title of
    the strategy and a channel's address are still reported, and a snapshot's 'avser' that changes
    value (not only appears or disappears) is a change."""
    snapshot = {"id": "n", "datum": "2020-h1"}
    said = {**snapshot, "avser": "våren 2020"}
    old = small(
        {"strategi": {"nuläge_avser": "2020-h1", "titel": "A"}},
        [{"id": "x", "namn": "X", "nuläge": [said], "adress": "a"}],
    )
    new = small({"strategi": {"titel": "B"}}, [{"id": "x", "namn": "X", "nuläge": [snapshot], "adress": "b"}])
    assert lines(old, new) == ["Strategin › Titel: A → B", "X › Adress: a → b"]
    undated = {"id": "x", "namn": "X", "nuläge": [{"id": "n", "datum": "2020-h1", "avser": "odaterat"}]}
    renamed = copy.deepcopy(undated)
    renamed["nuläge"][0]["avser"] = "ej daterat"
    assert lines(small(channels=[undated]), small(channels=[renamed])) == [
        "X › Digitalt nuläge › ej daterat › Avser: odaterat → ”ej daterat”"
    ]


def test_a_new_link_in_a_channel_is_named_without_figures() -> None:
    """A link added to a channel (a new object, not a snapshot) is one 'Nytt' line named by its
    title, with nothing after it."""
    old = small(channels=[{"id": "x", "namn": "X", "länkar": [{"titel": "A"}]}])
    new = small(channels=[{"id": "x", "namn": "X", "länkar": [{"titel": "A"}, {"titel": "B"}]}])
    assert lines(old, new) == ["Nytt: X › Länkar › B"]


def test_a_part_only_one_version_has_names_that_versions_file() -> None:
    """A part an older version lacks (the annual cycle) is new content in the newer version's file;
    taken away again, it is removed content in the older version's file."""
    cycle = small({"arshjul": {"inledning": "Året runt."}})
    assert [(diff.describe(c), c.file) for c in diff.compare(small(), cycle)] == [
        ("Nytt: Årshjul › Inledning: ”Året runt.”", "data/strategy/arshjul.yaml")
    ]
    assert [(diff.describe(c), c.file) for c in diff.compare(cycle, small())] == [
        ("Borttaget: Årshjul › Inledning: ”Året runt.”", "data/strategy/arshjul.yaml")
    ]


PROSE = Change(
    "Mål",
    ("Mål A", "Text"),
    "ändrat",
    "Vi vill nå fler [unga] invånare varje dag i hela länet med vår kommunikation och våra kanaler.",
    "Vi vill nå fler [unga] invånare varje vecka i hela länet med vår kommunikation och våra kanaler.",
)


def test_a_changed_text_in_the_terminal_marks_its_changed_words() -> None:
    """In the text list a changed prose text shows the removed word as [-…-] and the added one as
    {+…+}, around a little context."""
    assert diff.describe(PROSE) == (
        "Mål › Mål A › Text: … fler [unga] invånare varje [-dag-] {+vecka+} i hela länet med …"
    )


def test_a_changed_text_in_the_pull_request_comment_marks_its_changed_words() -> None:
    """In the Markdown comment a changed prose text strikes the removed word and underlines the
    added one; the place and the words are escaped, and '@' and '#' mention nobody."""
    change = Change("Mål @team", ("#1 mål", "Text"), PROSE.kind, PROSE.old, PROSE.new)
    assert diff.describe_markdown(change) == (
        "Mål @\u2060team › #\u20601 mål › Text: … fler \\[unga\\] invånare varje ~~dag~~ <ins>vecka</ins> "
        "i hela länet med …"
    )
    assert diff.md_text("@alla och #2") == "@\u2060alla och #\u20602"
