"""Tests for the accessibility statement view (strategi/views/tillganglighet.py)."""

from __future__ import annotations

import copy

from strategi.data import model
from strategi.views import VIEWS
from tests._viewtables import variant


def test_every_required_part_is_there(strategy: model.Strategy) -> None:
    """Organisation and site, status in words, each of the three inaccessible items with why
    (data/strategy/tillganglighet.yaml lines 16-34), the methods, the build date in words, the
    review date in words, the form and Digg's address as links."""
    out = VIEWS["tillganglighet"](strategy)
    assert "Den här redogörelsen gäller Digital strategi – Region Örebro län" in out
    assert "<strong>Delvis förenlig med lagkraven.</strong>" in out
    for why in [
        "Tabellerna har fler kolumner än som får plats. Radrubrikerna står kvar när tabellen rullas, "
        "och tabellen kan rullas med tangentbordets piltangenter.",
        "Den har inte bedömts mot kraven för dokument.",
        "Texten återges som den står så att inget faller bort. Det förvanskade finns samlat på sidan "
        "Öppna frågor och kan vara svårt att förstå.",
    ]:
        assert why in out
    assert "axe-core" in out
    assert "byggdes, 29 november 2026." in out
    assert "Redogörelsen granskades senast 3 december 2026." in out
    assert '<a href="https://github.com/region-orebro-lan/digital-strategi/issues/new">' in out
    assert (
        'Anmäl till Digg: <a href="https://www.digg.se/tdosanmalan">https://www.digg.se/tdosanmalan</a>'
        in out
    )
    assert "Källa: <code>data/strategy/tillganglighet.yaml</code>" in out


def test_phone_and_email_when_given_and_escaped(strategy: model.Strategy) -> None:
    """A phone number and an e-mail address are listed when the data has them; values are escaped."""
    data = copy.deepcopy(strategy["tillganglighet"])
    data["kontakt"]["telefon"] = "019-00 00 00"
    data["kontakt"]["epost"] = "a@example.org"
    data["organisation"] = "<script>x</script>"
    out = VIEWS["tillganglighet"](variant(strategy, tillganglighet=data))
    assert "<li>Telefon: 019-00 00 00</li>" in out
    assert '<a href="mailto:a@example.org">a@example.org</a>' in out
    assert "<script>" not in out
    assert "&lt;script&gt;x&lt;/script&gt;" in out


def test_a_draft_says_who_wrote_it_before_anything_else(strategy: model.Strategy) -> None:
    """While the data says the statement is a draft ('utkast'), the page opens with that sentence (who
    wrote it, who is to adopt it), and every placeholder address is marked as one beside it; without
    'utkast' and 'platshållare' neither mark is shown."""
    data = copy.deepcopy(strategy["tillganglighet"])
    data["utkast"] = "Ett utkast som projektet har skrivit för att regionen ska fastställa det."
    data["kontakt"]["formulär"]["platshållare"] = True
    out = VIEWS["tillganglighet"](variant(strategy, tillganglighet=data))
    assert out.lstrip().startswith(f'<p class="utkast"><strong>Utkast.</strong> {data["utkast"]}</p>')
    assert out.index(data["utkast"]) < out.index("Den här redogörelsen gäller")
    form = data["kontakt"]["formulär"]["adress"]
    assert f'{form}</a> <strong class="platshallare">(platshållare, fastställs av regionen)</strong>' in out
    for key in ("utkast",):
        data.pop(key)
    data["kontakt"]["formulär"].pop("platshållare")
    plain = VIEWS["tillganglighet"](variant(strategy, tillganglighet=data))
    assert "utkast" not in plain
    assert "platshållare" not in plain
