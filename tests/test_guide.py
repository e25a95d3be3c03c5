"""The editor guide (docs/guide.md) stays true and followable: three paths, each numbered 1, 2, 3 … from
opening to the pull request and pointing at the checks, the preview, the change comment and the
approval; its quoted error (and the README's) is what `validera` prints; and every command in it exists and runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from strategi.commands.cli import build_parser
from tests.conftest import ROOT, edit, run_cli

GUIDE = ROOT / "docs" / "guide.md"
PATHS = (
    "## Sätt 1: i webbläsaren på GitHub",
    "## Sätt 2: i en utvecklingsmiljö i webbläsaren",
    "## Sätt 3: i VS Code på din egen dator",
)
COMMAND = re.compile(r"^(?:python|py) -m strategi\b")


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _section(heading: str) -> str:
    """The text under a `## ` heading, up to the next `## ` heading."""
    text = _text()
    start = text.index(heading + "\n")
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def _guide_commands() -> list[str]:
    """Every command the guide asks an editor to type: the lines of its powershell blocks and every
    inline `python -m strategi …` / `py -m strategi …`."""
    text = _text()
    blocks = re.findall(r"```powershell\n(.*?)\n\s*```", text, flags=re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    inline = re.findall(r"`((?:python|py) -m strategi[^`]*)`", text)
    return list(dict.fromkeys(lines + inline))


@pytest.mark.parametrize("doc", [GUIDE, ROOT / "README.md"], ids=["guide", "readme"])
def test_quoted_error_example_is_real(project: Path, doc: Path) -> None:
    """The error line quoted in the guide and in the README is exactly what validera prints for the
    mistake they describe: 'frekvns' typed instead of 'frekvens' in facebook.yaml."""
    quoted = re.search(
        r"```text\n\s*(data/channels/facebook\.yaml:\d+:\d+: [^\n]+)\n\s*```", doc.read_text(encoding="utf-8")
    )
    assert quoted, f"{doc.name} quotes no error line"
    edit(project / "data/channels/facebook.yaml", r"^  frekvens:", "  frekvns:")
    result = run_cli("validera", "--rot", str(project))
    assert result.returncode == 1
    assert quoted.group(1) in result.stdout.splitlines()


def test_guide_covers_the_whole_path() -> None:
    """The guide offers the three paths, says which fits when, and explains every step an editor meets:
    YAML, the checks, the preview, the change comment, who approves, and publishing."""
    text = _text()
    for heading in (
        "## Välj ett av tre sätt",
        *PATHS,
        "## Så skriver du YAML",
        "## Vad kontrollerna svarar",
        "## Förhandsvisningen",
        "## Ändringskommentaren",
        "## Vem godkänner",
        "## Så publiceras en halvårsversion",
    ):
        assert heading in text.splitlines(), heading


@pytest.mark.parametrize("heading", PATHS)
def test_each_path_is_numbered_from_open_to_merged(heading: str) -> None:
    """In each path every numbered list counts 1, 2, 3 … without a gap or a repeat, each step starts
    on its own line, the path ends with the pull request and refers to the checks, the preview, the
    change comment and the approval."""
    section = _section(heading)
    lists = [re.findall(r"^(\d+)\. ", part, flags=re.MULTILINE) for part in re.split(r"\n### ", section)]
    assert sum(map(len, lists)) >= 7, f"{heading}: för få numrerade steg"
    for part, found in zip(re.split(r"\n### ", section), lists, strict=True):
        numbers = [int(n) for n in found]
        assert numbers == list(range(1, len(numbers) + 1)), f"{heading}: {numbers}"
        assert not re.search(r"\S \d+\. [A-ZÅÄÖ]", part), f"{heading}: ett steg börjar mitt på en rad"
    assert "**Create pull request**" in section
    for anchor in (
        "#vad-kontrollerna-svarar",
        "#forhandsvisningen",
        "#andringskommentaren",
        "#vem-godkanner",
    ):
        assert f"(#{anchor[1:]})" in section, f"{heading}: {anchor}"


def test_code_blocks_are_closed() -> None:
    """Every code block is closed before the next heading: no block runs on and swallows the text."""
    for chunk in re.split(r"\n#{2,3} ", _text()):
        assert chunk.count("```") % 2 == 0, chunk[:80]


def test_guide_commands_work_in_powershell_as_written() -> None:
    """The guide asks for no `make`, no `.venv/bin/…` path and no shell syntax PowerShell lacks: every
    command is `python -m strategi …` (or `py -m strategi …`) and names a subcommand the CLI has."""
    commands = _guide_commands()
    assert len(commands) >= 5, commands
    text = _text()
    assert "make " not in text
    assert ".venv/bin" not in text
    subcommands = set(build_parser()._subparsers._group_actions[0].choices)
    for command in commands:
        assert COMMAND.match(command), command
        assert not re.search(r"[|&;<>$]|&&", command), command
        assert shlex.split(command)[3] in subcommands, command


def test_every_guide_command_runs(project: Path) -> None:
    """Each command in the guide runs on this machine and succeeds, in a copy of the project (`py` is
    Windows' launcher for the same Python). `serve` runs until stopped: here its --help is run, and
    tests/test_local_commands.py starts it and fetches the start page. `skillnader main` compares
    with this repository's main branch."""
    ran = []
    # ny-kanal and ny-plan last: the files they create are to be filled in, so the data is invalid after.
    for command in sorted(_guide_commands(), key=lambda c: " ny-kanal " in c or " ny-plan " in c):
        words = shlex.split(command)[3:]
        if words[0] == "serve":
            words = [*words, "--help"]
        cwd = ROOT if words[0] == "skillnader" else project
        result = run_cli(*words, cwd=cwd)
        assert result.returncode == 0, f"{command}\n{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
        assert "Traceback" not in result.stderr
        ran.append(words[0])
    assert {"validera", "serve", "bygg", "skillnader", "ny-kanal"} <= set(ran), ran
    assert (project / "site" / "index.html").is_file()
    assert (project / "data" / "channels" / "youtube.yaml").is_file()


def test_guide_has_no_jinja() -> None:
    """The guide is prose: nothing in it may be read as a macro by mkdocs-macros."""
    text = _text()
    assert "{{" not in text
    assert "{%" not in text
