"""The compiled-template cache (strategi.site.jinja_cache): kept on disk between builds, never stale,
never a reason for a build to fail."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from strategi.site import jinja_cache


def _environment(templates: Path, cache: jinja_cache.BuildBytecodeCache) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache, autoescape=True
    )


def _fresh_cache(folder: Path | None) -> jinja_cache.BuildBytecodeCache:
    """A cache as a new build process starts with: nothing in memory, the folder on disk."""
    cache = jinja_cache.BuildBytecodeCache()
    cache.use_folder(folder)
    return cache


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "sida.html").write_text("<p>{{ namn }} v1</p>", encoding="utf-8")
    return folder


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source (not loaded from the cache)."""
    names: list[str] = []
    real = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: object, name: str | None = None, *args: object, **kwargs: object
    ) -> object:
        names.append(str(name))
        return real(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_new_build_loads_the_compiled_template_from_disk(
    templates: Path, tmp_path: Path, compiled: list[str]
) -> None:
    """The first build compiles the template and writes it to the folder; a second build (a new
    process, nothing in memory) renders the same page without compiling it again."""
    folder = tmp_path / ".cache" / "jinja"
    first = _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="Facebook")
    assert compiled == ["sida.html"]
    assert len(list(folder.glob("*.cache"))) == 1
    second = _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="Facebook")
    assert second == first == "<p>Facebook v1</p>"
    assert compiled == ["sida.html"]


def test_an_edited_template_is_compiled_again(templates: Path, tmp_path: Path, compiled: list[str]) -> None:
    """A template changed since the cached build is compiled from its new source: the page shows
    the edit, never the cached version."""
    folder = tmp_path / "cache"
    _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="X")
    (templates / "sida.html").write_text("<p>{{ namn }} v2</p>", encoding="utf-8")
    shown = _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="X")
    assert shown == "<p>X v2</p>"
    assert compiled == ["sida.html", "sida.html"]


def test_the_memory_copy_follows_an_edit_too(templates: Path, compiled: list[str]) -> None:
    """Under `make serve` the same process rebuilds after a save: an edited template is compiled
    again there as well, an unchanged one is not."""
    cache = _fresh_cache(None)
    _environment(templates, cache).get_template("sida.html").render(namn="X")
    _environment(templates, cache).get_template("sida.html").render(namn="X")
    assert compiled == ["sida.html"]
    (templates / "sida.html").write_text("<p>{{ namn }} v3</p>", encoding="utf-8")
    assert _environment(templates, cache).get_template("sida.html").render(namn="X") == "<p>X v3</p>"
    assert compiled == ["sida.html", "sida.html"]


@pytest.mark.parametrize("damage", [b"", b"not jinja", jinja2.bccache.bc_magic + b"\x80\x04trasig"])
def test_a_damaged_cache_file_is_compiled_again(
    templates: Path, tmp_path: Path, compiled: list[str], damage: bytes
) -> None:
    """A cache file that is empty, not Jinja's, or cut short mid-way is passed over: the template is
    compiled from source and the page comes out right."""
    folder = tmp_path / "cache"
    _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="X")
    (cached,) = folder.glob("*.cache")
    cached.write_bytes(damage)
    shown = _environment(templates, _fresh_cache(folder)).get_template("sida.html").render(namn="Y")
    assert shown == "<p>Y v1</p>"
    assert compiled == ["sida.html", "sida.html"]


def test_a_folder_that_cannot_be_written_costs_only_the_compiling(
    templates: Path, tmp_path: Path, compiled: list[str]
) -> None:
    """Where the cache folder cannot be made (a file stands in its place), templates are compiled
    and kept in memory as before, and nothing is left behind."""
    blocked = tmp_path / ".cache"
    blocked.write_text("en fil, ingen mapp", encoding="utf-8")
    cache = _fresh_cache(blocked / "jinja")
    assert _environment(templates, cache).get_template("sida.html").render(namn="X") == "<p>X v1</p>"
    assert _environment(templates, cache).get_template("sida.html").render(namn="X") == "<p>X v1</p>"
    assert compiled == ["sida.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "mallar"]


def test_another_project_in_the_same_process_gets_its_own_folder(templates: Path, tmp_path: Path) -> None:
    """One process that builds two projects (as the tests do) writes the compiled template into
    each project's folder, not only the first one's: the memory copy is kept per folder."""
    cache = _fresh_cache(tmp_path / "a")
    _environment(templates, cache).get_template("sida.html").render(namn="X")
    cache.use_folder(tmp_path / "b")
    assert _environment(templates, cache).get_template("sida.html").render(namn="X") == "<p>X v1</p>"
    assert len(list((tmp_path / "a").glob("*.cache"))) == 1
    assert len(list((tmp_path / "b").glob("*.cache"))) == 1
