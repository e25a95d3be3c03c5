"""The first run of `python -m strategi` sets the project up by itself (standard library only).

`python -m strategi …` works with any Python 3.11 on Windows, macOS or Linux: when the packages the
project needs are missing, it creates `.venv/` with exactly the versions in requirements.txt and runs
the command again with that environment's Python. It shares the "installed" stamp with the Makefile
(`.venv/.installed-<POSIX cksum of requirements.txt>`), so `make` and `python -m strategi` never
install twice.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a command needs besides the standard library (import names).
NEEDED = ("yaml", "jsonschema", "mkdocs", "material", "mkdocs_macros")
# Set in the re-run inside .venv, so a broken installation cannot loop.
RERUN = "STRATEGI_FORBEREDD"

_CRC_TABLE: list[int] = []


def _crc_table() -> list[int]:
    if not _CRC_TABLE:
        for i in range(256):
            crc = i << 24
            for _ in range(8):
                crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else (crc << 1)
            _CRC_TABLE.append(crc & 0xFFFFFFFF)
    return _CRC_TABLE


def cksum(data: bytes) -> int:
    """The checksum POSIX `cksum` prints for `data` (CRC-32/CKSUM, the length appended)."""
    table = _crc_table()
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[(crc >> 24) ^ byte]
    length = len(data)
    while length:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[(crc >> 24) ^ (length & 0xFF)]
        length >>= 8
    return ~crc & 0xFFFFFFFF


def stamp(root: Path, venv: str = ".venv", lock: str = "requirements.txt") -> Path:
    """The file that says `venv` holds exactly the current `lock` (the Makefile's stamps)."""
    return root / venv / f".installed-{cksum((root / lock).read_bytes())}"


def venv_python(venv: Path) -> Path:
    """The Python of a virtual environment, on Windows and elsewhere."""
    windows = venv / "Scripts" / "python.exe"
    return windows if os.name == "nt" or windows.exists() else venv / "bin" / "python"


def missing_modules() -> list[str]:
    """The needed packages this Python cannot import."""
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def install_commands(python: Path, lock: Path) -> list[list[str]]:
    """How a hashed lock is installed: as written, then checked. `--no-deps`, because pip-compile wrote
    every package into the lock and resolving again lets pip before 26 turn a requirement with an extra
    (`fonttools[woff]>=…`) into an unpinned one and take the index's newest release (pypa/pip#9644);
    `pip check` then stops a lock that is not self-consistent at install time."""
    quiet = ["--disable-pip-version-check", "--quiet"]
    return [
        [str(python), "-m", "pip", "install", *quiet, "--require-hashes", "--no-deps", "-r", str(lock)],
        [str(python), "-m", "pip", "check", "--disable-pip-version-check"],
    ]


def install(root: Path, venv: str = ".venv", lock: str = "requirements.txt") -> None:
    """Create `venv` when missing, install `lock` into it, each file checked against its hash, and write
    the stamp (removing older stamps). Every environment of the project is installed by this function:
    the Makefile's targets call it (`python -m strategi.bootstrap VENV LOCK`), and so does the first
    run of `python -m strategi`."""
    folder = root / venv
    if not venv_python(folder).exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    for command in install_commands(venv_python(folder), root / lock):
        subprocess.run(command, check=True)
    for old in folder.glob(".installed-*"):
        old.unlink()
    stamp(root, venv, lock).touch()


def _install(root: Path) -> None:
    _say(
        "Installerar de versioner som står i requirements.txt i .venv/ (första gången tar det några minuter) …"
    )
    install(root)


def ensure(argv: list[str], root: Path = ROOT) -> int | None:
    """Make sure the command can run: None to go on in this Python, or the exit code of the command
    run again with .venv's Python after setting it up."""
    if not (root / "requirements.txt").is_file():
        return None  # not a checkout of the project: nothing to set up
    venv = root / ".venv"
    try:
        if Path(sys.prefix).resolve() == venv.resolve():
            if not stamp(root).exists():
                _install(root)  # requirements.txt changed since the last installation
            if missing_modules():
                _say(
                    f"fel: {', '.join(missing_modules())} saknas i .venv/; ta bort mappen .venv och försök igen"
                )
                return 1
            return None
        if not missing_modules():
            return None
        if os.environ.get(RERUN):
            _say("fel: .venv/ används inte fast den är installerad; ta bort mappen .venv och försök igen")
            return 1
        prepared = False
        if not venv_python(venv).exists():
            _say("Första gången: skapar en egen Python-miljö för projektet i .venv/ …")
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            prepared = True
        if not stamp(root).exists():
            _install(root)
            prepared = True
    except (OSError, subprocess.CalledProcessError) as exc:
        _say(f"fel: kunde inte förbereda .venv/ ({exc}); kontrollera nätverket och försök igen")
        return 1
    if prepared:  # said once, after setting up; every later run goes to .venv/ without a word
        _say("Klart. Kör kommandot i .venv/ …")
    env = {
        **os.environ,
        RERUN: "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    command = [str(venv_python(venv)), "-m", "strategi", *argv]
    return run_instead(command, env)


def run_instead(command: list[str], env: dict[str, str]) -> int:
    """Run `command` in place of this process: exec where the system has it, so signals such as
    Ctrl+C and a stop from VS Code reach it directly; on Windows as a child whose exit code we return
    (Ctrl+C reaches every process in the console there)."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name != "nt":
        os.execve(command[0], command, env)  # noqa: S606  (an argument list we build ourselves)
    try:
        return subprocess.run(command, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # python -m strategi.bootstrap VENV LOCK: the Makefile's installs
    try:
        install(Path.cwd(), *sys.argv[1:3])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode or 1)
