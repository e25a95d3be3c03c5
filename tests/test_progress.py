"""The status rule for indicators, one case each, on small hand-made strategies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from strategi.content import progress
from strategi.data import model


@dataclass
class _Strategy:
    """Just what progress reads: channels, measurements, the follow-up interval and 'today'."""

    today: dt.date
    measurements: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)

    def __getitem__(self, name: str) -> dict[str, Any]:
        return {"uppfoljning": {"frekvens": {"intervall": "månad"}}}.get(name, {})


def _indicator(**extra: Any) -> dict[str, Any]:
    base = {"id": "x", "namn": "X", "kanaler": ["facebook"], "enhet": "procent", "riktning": "öka"}
    return {**base, **extra}


def _rows(*pairs: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"indikator": "x", "period": p, "värde": v, "källa": "test"} for p, v in pairs]


def _status(today: str, indicator: dict[str, Any], *pairs: tuple[str, float]) -> progress.Progress:
    s = _Strategy(dt.date.fromisoformat(today), _rows(*pairs))
    return progress.assess(s, indicator)


def test_on_track_when_latest_is_above_the_straight_line() -> None:
    """10 → 15 by June against 20 in December is on track (the line says 14,3); 5 more in 6 months."""
    p = _status(
        "2021-07-10", _indicator(målnivå={"värde": 20}, senast="2021-12"), ("2021-01", 10), ("2021-06", 15)
    )
    assert (p.status, p.words) == ("on_track", "I fas")
    assert p.needed == "Behöver öka med 0,8\u00a0% per månad till december 2021."


def test_behind_when_latest_is_below_the_straight_line() -> None:
    """10 → 11 by June against 20 in December is behind; the line gives 10 + 10 · 150/349 days = 14,3."""
    p = _status(
        "2021-07-10", _indicator(målnivå={"värde": 20}, senast="2021-12"), ("2021-01", 10), ("2021-06", 11)
    )
    assert p.words == "Efter plan"
    assert "väntat 14,3\u00a0% juni 2021" in p.reason


def test_stale_data_is_never_on_track() -> None:
    """A value from four months ago is 'Gammalt mätvärde', even if it met the target."""
    p = _status(
        "2021-07-10", _indicator(målnivå={"värde": 5}, senast="2021-12"), ("2021-01", 1), ("2021-03", 9)
    )
    assert p.words == "Gammalt mätvärde"


def test_fresh_means_at_most_one_interval_plus_a_month_old() -> None:
    """On 10 July, May's figure is fresh and April's is not (monthly follow-up)."""
    ind = _indicator(målnivå={"värde": 5})
    assert _status("2021-07-10", ind, ("2021-05", 9)).words == "Målet nått"
    assert _status("2021-07-10", ind, ("2021-04", 9)).words == "Gammalt mätvärde"


def test_deadline_passed_without_reaching_the_target() -> None:
    """After the deadline, with no value up to it reaching the target: 'Måldatum passerat'."""
    p = _status(
        "2022-02-01", _indicator(målnivå={"värde": 20}, senast="2021-12"), ("2021-01", 10), ("2021-12", 19)
    )
    assert p.words == "Måldatum passerat"


def test_deadline_passed_after_reaching_the_target() -> None:
    """After the deadline, a value up to it that reached the target makes it 'Målet nått', saying when."""
    p = _status(
        "2022-05-01", _indicator(målnivå={"värde": 20}, senast="2021-12"), ("2021-01", 10), ("2021-11", 21)
    )
    assert (p.words, p.reason) == ("Målet nått", "Målnivån nåddes november 2021.")


def test_too_early_with_only_the_baseline() -> None:
    """A single fresh value is only the baseline: 'För tidigt att säga'."""
    p = _status("2021-02-10", _indicator(målnivå={"värde": 20}, senast="2021-12"), ("2021-01", 10))
    assert p.words == "För tidigt att säga"


def test_relative_target_without_any_value_has_no_target() -> None:
    """'+100 %' with no value at all has no target to show, and no data is 'Ingen mätning': no verdict."""
    s = _Strategy(dt.date(2021, 2, 10), [])
    p = progress.assess(s, _indicator(målnivå={"förändring_procent": 100}, senast="2022-h1"))
    assert p.target is None
    assert (p.status, p.words) == ("unmeasured", "Ingen mätning")


def test_relative_target_from_the_first_value() -> None:
    """+50 % on a baseline of 6 seconds is a target of 9 seconds."""
    p = _status(
        "2021-02-10", _indicator(enhet="sekunder", målnivå={"förändring_procent": 50}), ("2021-01", 6)
    )
    assert p.target == 9.0


def test_no_deadline_means_every_month() -> None:
    """Without a deadline the target applies to each month: a fresh value below it is behind."""
    p = _status("2021-02-10", _indicator(målnivå={"värde": 7}), ("2020-12", 5), ("2021-01", 6))
    assert (p.words, p.needed) == ("Efter plan", "Behöver nå 7\u00a0%.")


def test_decreasing_direction() -> None:
    """For 'minska', a value at or below the target reaches it."""
    p = _status("2021-02-10", _indicator(riktning="minska", målnivå={"värde": 3}), ("2021-01", 2))
    assert p.words == "Målet nått"


def test_entered_row_wins_over_status_figure_for_same_period() -> None:
    """An entered measurement replaces a status figure of the same period; unconfirmed copies are skipped."""
    channel = {
        "id": "facebook",
        "namn": "Facebook",
        "nuläge": [
            {"id": "a", "datum": "2021-01", "källa": "Tabellen", "mätvärden": {"följare": 100}},
            {
                "id": "b",
                "datum": "2021-02",
                "källa": "Kopia",
                "obekräftad": True,
                "mätvärden": {"följare": 100},
            },
        ],
    }
    s = _Strategy(dt.date(2021, 3, 10), _rows(("2021-01", 120)), [channel])
    pts = progress.points(s, _indicator(nuläge_mätvärde="följare"))
    assert [(p.period, p.value, p.derived) for p in pts] == [("2021-01", 120, False)]


def test_status_figures_are_the_first_measurements(strategy: model.Strategy) -> None:
    """Instagram's two follower figures in the digital status become its two values, typed nowhere else."""
    ind = next(i for i in strategy["indikatorer"]["indikatorer"] if i["id"] == "instagram-foljare")
    assert [(p.period, p.value) for p in progress.points(strategy, ind)] == [
        ("2020-h1", 10500),
        ("2021-01-19", 11600),
    ]


def test_every_indicator_of_the_strategy_is_listed(strategy: model.Strategy) -> None:
    """The measurable targets found in the strategy, in file order."""
    assert [i["id"] for i in strategy["indikatorer"]["indikatorer"]] == [
        "facebook-rackvidd-per-inlagg",
        "facebook-dialoger",
        "facebook-visningstid-film",
        "facebook-interaktionsfrekvens",
        "facebook-inlagg-att-kommentera",
        "facebook-forlangd-dialog",
        "facebook-inlagg-fran-1177",
        "facebook-filmer-budskap-10-sekunder",
        "facebook-inlagg-fran-varje-forvaltning",
        "linkedin-nya-foljare",
        "linkedin-aktivitetsfrekvens",
        "webbplats-sidowebb-arbetsgivare",
        "facebook-foljare",
        "instagram-foljare",
        "linkedin-foljare",
        "twitter-foljare",
        "webbplats-besokare",
    ]


def test_every_target_without_deadline_or_baseline_is_flagged(strategy: model.Strategy) -> None:
    """A target lacking a deadline or a baseline carries at least one flag saying what to confirm."""
    unflagged = []
    for ind in strategy["indikatorer"]["indikatorer"]:
        if not ind.get("målnivå"):
            continue
        lacks_deadline = "senast" not in ind
        lacks_baseline = not progress.points(strategy, ind)
        if (lacks_deadline or lacks_baseline) and not ind.get("flaggor"):
            unflagged.append(ind["id"])
    assert unflagged == []
