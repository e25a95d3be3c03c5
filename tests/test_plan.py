"""The publishing plan: data/plan/ÅÅÅÅ-MM.yaml checked against the channel cards, its feeds,
the month scaffold and the `plan` command.

tests/fixtures/plan/2026-06.yaml is a clean June 2026 (every week covered in every channel with a
frequency, every time inside its windows); the tests copy it into a throwaway project and break it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from strategi.content import plan
from strategi.data import model
from tests.conftest import TODAY, add_plan, run_cli

DOMAIN = "strategi.intranat.regionorebrolan.se"

# Four items that break four rules: a red type (politics on Instagram), a fourth Facebook post on
# one weekday, an unknown persona, and a post at 03:00.
BROKEN = """\
  - id: politik-pa-instagram
    datum: "2026-06-03"
    kanal: instagram
    materialtyp: politik
    ansvarig: maja-blom
    titel: "Regionfullmäktige i bild"
    status: planerad
  - id: fb-morgon
    datum: "2026-06-03"
    tid: "07:00"
    kanal: facebook
    materialtyp: kunskap
    ansvarig: victoria-rydergard
    titel: "Pollenprognos"
    status: planerad
  - id: fb-lunch
    datum: "2026-06-03"
    tid: "12:00"
    kanal: facebook
    materialtyp: skryt
    personas: [pensionarer]
    ansvarig: victoria-rydergard
    titel: "Nytt sjukhus invigt"
    status: planerad
  - id: fb-kvall
    datum: "2026-06-03"
    tid: "21:15"
    kanal: facebook
    materialtyp: tips-och-rad
    ansvarig: oscar-schriever-abeln
    titel: "Sov gott i värmen"
    status: planerad
  - id: fb-natt
    datum: "2026-06-03"
    tid: "03:00"
    kanal: facebook
    materialtyp: nyheter
    ansvarig: oscar-schriever-abeln
    titel: "Nattöppet på akuten"
    status: planerad
"""


def _line(path: Path, pattern: str, after: str | None = None) -> int:
    """The number of the first line matching ``pattern`` (after the line matching ``after``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if re.search(after, line)) + 1
    return next(i for i, line in enumerate(lines[start:], start) if re.search(pattern, line)) + 1


def _plan_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("data/plan/")]


def test_clean_plan_passes_validera(project: Path) -> None:
    """The fixture month passes `validera` with no plan problem at all (only the channels' own
    stale-status warnings remain)."""
    add_plan(project)
    result = run_cli("validera", cwd=project)
    assert result.returncode == 0, result.stdout
    assert _plan_lines(result.stdout) == []


def test_broken_plan_gets_exactly_the_described_messages(project: Path) -> None:
    """A red material type, four Facebook posts on a weekday, an unknown persona and a post at 03:00
    give exactly four lines: one error and three warnings, each naming the rule and where it stands."""
    target = add_plan(project, BROKEN)
    facebook = project / "data/channels/facebook.yaml"
    instagram = project / "data/channels/instagram.yaml"
    red_line = _line(instagram, r"^  politik: röd", after=r"^materialtyper:")
    freq_line = _line(facebook, r"^  frekvens:", after=r"^publiceringsregler:")
    times_line = _line(facebook, r"^  tider:", after=r"^publiceringsregler:")
    result = run_cli("validera", cwd=project)
    assert result.returncode == 1
    politik = _line(target, r"materialtyp: politik")
    persona = _line(target, r"personas: \[pensionarer\]")
    fourth = _line(target, r'datum: "2026-06-03"', after=r"id: fb-kvall")
    night = _line(target, r'tid: "03:00"')
    assert _plan_lines(result.stdout) == [
        f"data/plan/2026-06.yaml:{politik}:18: varning: materialtypen Politik är röd för Instagram: "
        f"strategins trafikljus säger att den förekommer sällan i kanalen "
        f"(trafikljuset står i data/channels/instagram.yaml:{red_line})",
        f"data/plan/2026-06.yaml:{persona}:16: 'pensionarer' finns inte som persona i "
        f"data/strategy/personas.yaml. Kända: behovande, engagerade, obundne, stodjande, upptackande.",
        f"data/plan/2026-06.yaml:{fourth}:12: varning: Facebook har 4 poster 2026-06-03, men strategin "
        f"säger '1-3 inlägg/vardag', högst 3 per vardag "
        f"(kanalkortets frekvens står i data/channels/facebook.yaml:{freq_line})",
        f"data/plan/2026-06.yaml:{night}:10: varning: kl. 03:00 ligger utanför Facebooks tider: strategin "
        f"säger 'Tidigt på morgonen, på lunchen eller efter kl. 21.' (06:00–09:00, 11:00–13:00, "
        f"21:00–24:00; kanalkortets tider står i data/channels/facebook.yaml:{times_line})",
    ]


def test_unknown_channel_type_goal_and_owner_are_errors(project: Path) -> None:
    """An unknown channel, material type, goal and owner each give an error on its own line."""
    target = add_plan(
        project,
        """\
  - id: okand
    datum: "2026-06-04"
    kanal: tiktok
    materialtyp: reklam
    mål: [D]
    ansvarig: nisse
    titel: "Okänt"
    status: planerad
""",
    )
    result = run_cli("validera", "--format", "json", cwd=project)
    assert result.returncode == 1
    lines = {
        p["line"]: p["message"]
        for p in json.loads(result.stdout)["problem"]
        if p["file"] == "data/plan/2026-06.yaml" and p["severity"] == "fel"
    }
    assert "'tiktok' finns inte som kanal i data/channels/." in lines[_line(target, "kanal: tiktok")]
    assert "'reklam' finns inte som materialtyp" in lines[_line(target, "materialtyp: reklam")]
    assert "'D'" in lines[_line(target, r"mål: \[D\]")]
    assert "'nisse' finns inte som person" in lines[_line(target, "ansvarig: nisse")]


def test_a_week_without_posts_and_linkedins_one_a_day(project: Path) -> None:
    """Removing Linkedin's post of week 24 warns that the week has none ('5 inlägg/vecka'); a second
    Linkedin post on one day warns 'helst inte två inlägg på samma dag'."""
    target = add_plan(
        project,
        """\
  - id: li-extra
    datum: "2026-06-02"
    tid: "15:00"
    kanal: linkedin
    materialtyp: skryt
    ansvarig: victoria-rydergard
    titel: "Andra inlägget i dag"
    status: planerad
""",
    )
    text = re.sub(r"  - id: li-2\n(    .*\n)+?    status: planerad\n", "", target.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    messages = [
        line.split(": varning: ", 1)[1] for line in _plan_lines(run_cli("validera", cwd=project).stdout)
    ]
    assert any(
        m.startswith(
            "Linkedin har ingen post vecka 2026-V24 (2026-06-08–2026-06-14), men strategin säger "
            "'5 inlägg/vecka, helst inte två inlägg på samma dag'"
        )
        for m in messages
    ), messages
    assert any(
        m.startswith(
            "Linkedin har 2 poster 2026-06-02, men strategin säger '5 inlägg/vecka, helst inte två "
            "inlägg på samma dag', högst 1 per dag"
        )
        for m in messages
    ), messages
    assert len(messages) == 2, messages


def test_plan_file_must_be_named_after_its_month(project: Path) -> None:
    """A plan for June stored as 2026-07.yaml is an error on its 'månad' line, and so is every item
    outside its month."""
    target = add_plan(project)
    target.rename(target.with_name("2026-07.yaml"))
    result = run_cli("validera", cwd=project)
    assert result.returncode == 1
    assert (
        "data/plan/2026-07.yaml:2:8: månaden '2026-06' stämmer inte med filens namn; filen ska heta data/plan/2026-06.yaml"
        in result.stdout
    )


def test_plan_command_prints_the_week_per_channel(project: Path) -> None:
    """`plan --vecka 2026-V23` lists each channel's posts of the week, then its warnings (exit 0)."""
    add_plan(project)
    result = run_cli("plan", "--vecka", "2026-V23", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:8] == [
        "Publiceringsplan vecka 2026-V23 (1 juni–7 juni 2026)",
        "",
        "Facebook (1-3 inlägg/vardag)",
        "  mån 1/6 kl. 07:30: Möt en barnmorska – Personporträtt, Victoria Rydergård, publicerad",
        "Instagram (Dagligen under vardagar)",
        "  mån 1/6: Veckans instagrammare: ambulansen – Personporträtt, Maja Blom, planerad",
        "Linkedin (5 inlägg/vecka, helst inte två inlägg på samma dag)",
        "  tis 2/6 kl. 09:00: Sjuksköterska i bristyrke – Personporträtt, Victoria Rydergård, planerad",
    ]
    assert result.stdout.endswith("Inga varningar mot strategin den här veckan.\n")


def test_plan_command_lists_the_weeks_warnings(project: Path) -> None:
    """With the broken items, week 23 ends with its three warnings (the unknown persona is an error:
    the command refuses, exit 1, like the build)."""
    add_plan(project, BROKEN.replace("    personas: [pensionarer]\n", ""))
    result = run_cli("plan", "--vecka", "2026-V23", cwd=project)
    assert result.returncode == 0, result.stderr
    tail = result.stdout.split("Varningar mot strategin (3):\n", 1)
    assert len(tail) == 2, result.stdout
    assert all(line.startswith("  data/plan/2026-06.yaml:") for line in tail[1].splitlines())
    assert "materialtypen Politik är röd för Instagram" in tail[1]
    assert "Facebook har 4 poster 2026-06-03" in tail[1]
    assert "kl. 03:00 ligger utanför Facebooks tider" in tail[1]
    broken = add_plan(project, BROKEN)
    assert broken.exists()
    refused = run_cli("plan", "--vecka", "2026-V23", cwd=project)
    assert refused.returncode == 1
    assert "pensionarer" in refused.stderr


def test_plan_command_refuses_a_week_that_does_not_exist() -> None:
    """`--vecka 2026-V60` and `--vecka juni` are usage errors in Swedish (exit 2)."""
    for bad, message in (("2026-V60", "vecka 60 finns inte år 2026"), ("juni", "ÅÅÅÅ-Vnn")):
        result = run_cli("plan", "--vecka", bad)
        assert result.returncode == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr


def test_ny_plan_writes_a_month_that_validera_names_line_by_line(project: Path) -> None:
    """`ny-plan 2026-07` writes data/plan/2026-07.yaml with the schema line and one item whose
    placeholders each give an error until they are filled in; a second run refuses (exit 2)."""
    result = run_cli("ny-plan", "2026-07", cwd=project)
    assert result.returncode == 0, result.stderr
    written = project / "data/plan/2026-07.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/plan.schema.json\n")
    assert "månad: 2026-07\n" in text
    check = run_cli("validera", cwd=project)
    assert check.returncode == 1
    fields = {re.search(r"'([^']+)'", line).group(1) for line in _plan_lines(check.stdout)}  # type: ignore[union-attr]
    assert fields == {"id", "datum", "kanal", "materialtyp", "ansvarig", "titel", "status"}
    again = run_cli("ny-plan", "2026-07", cwd=project)
    assert again.returncode == 2
    assert "finns redan" in again.stderr
    bad = run_cli("ny-plan", "2026-13", cwd=project)
    assert bad.returncode == 2
    assert "ÅÅÅÅ-MM" in bad.stderr


@pytest.fixture
def planned(project: Path) -> model.Strategy:
    add_plan(project)
    return model.load(project, TODAY)


def test_all_channels_feed_expands_to_the_planned_days(planned: model.Strategy) -> None:
    """plan/alla.ics holds every planned item once (17), with UIDs plan-<month>-<id>, Stockholm times
    for timed items, all-day dates otherwise, and the cancelled one as CANCELLED."""
    feed = plan.feed(planned, plan.ALL, DOMAIN)
    assert feed.count(b"\n") == feed.count(b"\r\n")
    cal = icalendar.Calendar.from_ical(feed)
    assert str(cal["PRODID"]) == "-//Region Örebro län//Digital strategi som kod//SV"
    assert cal["REFRESH-INTERVAL"].dt == dt.timedelta(days=1)
    events = recurring_ical_events.of(cal).between(dt.date(2026, 6, 1), dt.date(2026, 7, 1))
    assert len(events) == 17
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 17
    first = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == f"plan-2026-06-fb-1@{DOMAIN}")
    assert first["DTSTART"].dt == dt.datetime(2026, 6, 1, 7, 30, tzinfo=first["DTSTART"].dt.tzinfo)
    assert str(first["DTSTART"].params["TZID"]) == "Europe/Stockholm"
    assert first["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)
    assert str(first["SUMMARY"]) == "Facebook: Möt en barnmorska"
    webb = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == f"plan-2026-06-webb-1@{DOMAIN}")
    assert webb["DTSTART"].dt == dt.date(2026, 6, 10)
    cancelled = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == f"plan-2026-06-fb-3@{DOMAIN}")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "INSTÄLLD – Facebook: Fästingtips"
    assert b"DTSTAMP:20261129T000000Z" in feed
    assert plan.feed(planned, plan.ALL, DOMAIN) == feed


def test_channel_feed_holds_only_that_channel(planned: model.Strategy) -> None:
    """plan/linkedin.ics has Linkedin's five posts and nothing else; an empty channel's feed parses."""
    cal = icalendar.Calendar.from_ical(plan.feed(planned, "linkedin", DOMAIN))
    days = sorted(e["DTSTART"].dt.date() for e in cal.walk("VEVENT"))
    assert days == [dt.date(2026, 6, d) for d in (2, 9, 16, 23, 30)]
    assert str(cal["X-WR-CALNAME"]) == "Publiceringsplan – Linkedin"
    empty = icalendar.Calendar.from_ical(plan.feed(planned, "twitter", DOMAIN))
    assert list(empty.walk("VEVENT")) == []


def test_rule_text_must_stay_the_cards_line(project: Path) -> None:
    """Changing the card's 'Frekvens:' line without its parsed rule is a warning on the rule's text,
    naming the card's line, so the numbers are looked at again."""
    card = project / "data/channels/facebook.yaml"
    text = card.read_text(encoding="utf-8").replace(
        "  frekvens: 1-3 inlägg/vardag\n", "  frekvens: 2-4 inlägg/vardag\n", 1
    )
    card.write_text(text, encoding="utf-8")
    profile_line = _line(card, r"^  frekvens: 2-4", after=r"^profil:")
    rule_line = _line(card, r"^    text: 1-3 inlägg/vardag", after=r"^publiceringsregler:")
    result = run_cli("validera", cwd=project)
    assert result.returncode == 0
    assert (
        f"data/channels/facebook.yaml:{rule_line}:11: varning: texten '1-3 inlägg/vardag' är inte kanalkortets rad "
        f"'Frekvens: 2-4 inlägg/vardag' (profil.frekvens, rad {profile_line}); skriv samma text och "
        "kontrollera att talen under publiceringsregler.frekvens fortfarande stämmer"
    ) in result.stdout.splitlines()
