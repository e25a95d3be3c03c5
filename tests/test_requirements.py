"""Every Python dependency is installed as the lock says: each requirements*.txt pins every package
with == and the sha256 of its files (written by `make krav` from the .in file beside it), and the one
installer (`strategi.bootstrap`, run by every Makefile environment and by the first run of
`python -m strategi`) installs it with --require-hashes --no-deps, then `pip check`: it refuses a
package without a hash or a file whose hash differs, and resolves nothing again. The install
tests use a wheel built here and `--no-index`, so they need no network."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from strategi import bootstrap
from tests.conftest import ROOT

REQUIREMENT_FILES = sorted(ROOT.glob("requirements*.txt"))
# Installed by the Makefile: the main environment, ProperDocs', Zensical's and pip-tools' (make krav).
MAKEFILE_INSTALLS = {
    "requirements.txt",
    "requirements-properdocs.txt",
    "requirements-zensical.txt",
    "requirements-krav.txt",
}
PINNED = re.compile(
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)"
    r"(?:\s*;[^\\]*?)?(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64})+)"
)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _logical_lines(path: Path) -> list[str]:
    """The lines of a requirements file as pip reads them: continuations joined, comments dropped."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (re.sub(r"(^|\s)#.*", "", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _pins(path: Path) -> dict[str, str]:
    """Package → version for every `name==version` line of a requirements file."""
    pins = {}
    for line in _logical_lines(path):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if match:
            pins[_canonical(match.group(1))] = match.group(2)
    return pins


def _in_file_pins(path: Path) -> dict[str, str]:
    """The pins an .in file asks for, with the files it includes by -r (constraints, -c, are not asked for)."""
    pins: dict[str, str] = {}
    for line in _logical_lines(path):
        if line.startswith("-r "):
            pins |= _in_file_pins(path.parent / line.split(maxsplit=1)[1])
        elif not line.startswith("-"):
            assert "==" in line, f"{path.name}: '{line}' is not pinned with =="
    return pins | _pins(path)


def test_the_requirement_files_are_found() -> None:
    """The glob the other tests use finds every requirements file the Makefile installs, so they cannot
    pass by checking nothing."""
    assert {path.name for path in REQUIREMENT_FILES} >= MAKEFILE_INSTALLS


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda path: path.name)
def test_every_requirement_is_pinned_with_hashes(path: Path) -> None:
    """Every line of a requirements*.txt is one package pinned with == and at least one sha256 hash; no
    include (-r, -c), editable, URL or index option, which would let an unhashed package in or tie the
    file to one machine."""
    lines = _logical_lines(path)
    assert lines
    for line in lines:
        assert PINNED.fullmatch(line), f"{path.name}: not pinned with == and --hash=sha256: {line[:120]}"


@pytest.mark.parametrize("path", REQUIREMENT_FILES, ids=lambda path: path.name)
def test_every_hashed_file_keeps_the_pins_of_its_in_file(path: Path) -> None:
    """Each requirements*.txt has its .in file beside it (what `make krav` compiles) and holds every version
    the .in file pins: an edited .in without `make krav` is caught."""
    source = path.with_suffix(".in")
    assert source.is_file(), f"{source.name} is missing: make krav writes {path.name} from it"
    wanted = _in_file_pins(source)
    assert wanted
    pinned = _pins(path)
    assert {name: pinned.get(name) for name in wanted} == wanted


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_other_engines_have_the_main_versions(engine: str) -> None:
    """ProperDocs' and Zensical's environments hold every package of the main one at the same
    version (they build the same site), plus the engine itself."""
    main = _pins(ROOT / "requirements.txt")
    other = _pins(ROOT / f"requirements-{engine}.txt")
    assert {name: other.get(name) for name in main} == main
    assert engine in other
    assert engine not in main


def _makefile_commands() -> list[str]:
    """Every command a Makefile target runs, shown by a dry run that rebuilds everything."""
    targets = re.search(r"^\.PHONY:(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert targets
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "--no-print-directory", *targets.group(1).split()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def test_makefile_installs_every_lock_through_the_one_installer() -> None:
    """Every environment a Makefile target sets up is installed by `python -m strategi.bootstrap VENV
    LOCK` (the installer the first run of `python -m strategi` uses too), the four environments' locks
    among them, and no target runs `pip install` of its own."""
    commands = _makefile_commands()
    installs = [line.split() for line in commands if "-m strategi.bootstrap" in line]
    assert {words[-1] for words in installs} >= MAKEFILE_INSTALLS
    assert all(words[-1].startswith("requirements") for words in installs)
    assert not [line for line in commands if re.search(r"\bpip\s+install\b", line)]


def test_the_installer_takes_the_lock_as_written_and_checks_it() -> None:
    """The one installer installs with --require-hashes and --no-deps (nothing is resolved again, so
    pip < 26 cannot turn a requirement with an extra into an unpinned one: pypa/pip#9644), then runs
    `pip check`, which stops a lock that is not self-consistent."""
    install, check = bootstrap.install_commands(Path("py"), Path("requirements.txt"))
    assert install[1:4] == ["-m", "pip", "install"]
    assert {"--require-hashes", "--no-deps"} <= set(install)
    assert install[-2:] == ["-r", "requirements.txt"]
    assert check[1:4] == ["-m", "pip", "check"]


# Files that set up an environment outside the Makefile, and what they may run to do it.
OTHER_SETUPS = [
    *sorted((ROOT / ".github" / "workflows").glob("*.yml")),
    *sorted((ROOT / ".devcontainer").glob("*.json")),
    ROOT / ".pre-commit-config.yaml",
    ROOT / ".vscode" / "tasks.json",
]


@pytest.mark.parametrize("path", OTHER_SETUPS, ids=lambda path: str(path.relative_to(ROOT)))
def test_other_setups_install_only_through_the_installer(path: Path) -> None:
    """The workflows, the dev container, VS Code's tasks and pre-commit never run `pip install` (or
    uv/pipx) themselves: they set up through `make` or `python -m strategi`, which install the lock as
    written, so no path into the project resolves the requirements again."""
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\bpip3?\s+install\b|\buv\s+pip\b|\bpipx\b", text), path.name


# --- the installers refuse what the hashes do not vouch for (offline) -------------------------------


def _wheel(
    folder: Path,
    value: str,
    name: str = "hashprov",
    *,
    version: str = "1.0",
    requires: tuple[str, ...] = (),
    extras: tuple[str, ...] = (),
) -> Path:
    """A minimal wheel of the package `name` `version` whose module holds VALUE = value, which requires
    `requires` (Requires-Dist lines, extras allowed) and offers the extras `extras`."""
    info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Provides-Extra: {extra}\n" for extra in extras)
    metadata += "".join(f"Requires-Dist: {line}\n" for line in requires)
    files = {
        f"{name}.py": f"VALUE = {value!r}\n",
        f"{info}/METADATA": metadata,
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


class Checkout:
    """A checkout with its .venv and a local wheel folder standing in for the package index."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.wheel = _wheel(root / "wheels", "genuine")
        genuine = self.wheel.read_bytes()
        self.genuine_hash = hashlib.sha256(genuine).hexdigest()
        self.genuine = genuine

    def require(self, line: str, *, tampered: bool = False) -> None:
        """requirements.txt with one requirement, read from the wheel folder only; the wheel is the
        genuine one or one changed after its hash was taken."""
        if tampered:
            _wheel(self.wheel.parent, "tampered")
        else:
            self.wheel.write_bytes(self.genuine)
        (self.root / "requirements.txt").write_text(
            f"--no-index\n--find-links {self.wheel.parent}\n{line}\n", encoding="utf-8"
        )

    def uninstall(self, *packages: str) -> None:
        """Remove `packages` from the checkout's .venv (a test's own wheels may reuse a name and version)."""
        python = bootstrap.venv_python(self.root / ".venv")
        subprocess.run(
            [str(python), "-m", "pip", "uninstall", "-y", "-q", *packages], check=False, timeout=60
        )

    def installed_value(self, module: str = "hashprov") -> str | None:
        """module.VALUE in the checkout's .venv, or None when it is not installed."""
        result = subprocess.run(
            [
                str(bootstrap.venv_python(self.root / ".venv")),
                "-c",
                f"import {module}; print({module}.VALUE)",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return result.stdout.strip() if result.returncode == 0 else None


@pytest.fixture(scope="module")
def offline_pip() -> Iterator[None]:
    """pip reads no configuration of this machine (no index, no find-links): only what the file says."""
    with pytest.MonkeyPatch.context() as patch:
        for key in [key for key in os.environ if key.startswith("PIP_")]:
            patch.delenv(key)
        patch.setenv("PIP_CONFIG_FILE", os.devnull)
        yield


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory, offline_pip: None) -> Checkout:
    root = tmp_path_factory.mktemp("checkout")
    shutil.copy(ROOT / "Makefile", root / "Makefile")
    (root / "strategi").mkdir()
    for name in ("__init__.py", "bootstrap.py"):  # the installer the Makefile runs
        shutil.copy(ROOT / "strategi" / name, root / "strategi" / name)
    for name in MAKEFILE_INSTALLS - {"requirements.txt"}:
        (root / name).write_text("", encoding="utf-8")
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(root / ".venv")], check=True, timeout=180)
    return Checkout(root)


def _make_setup(checkout: Checkout) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "setup"],
        cwd=checkout.root,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _first_run_install(checkout: Checkout) -> bool:
    """What `python -m strategi` does the first time: install requirements.txt into .venv; True if it worked."""
    try:
        bootstrap._install(checkout.root)
    except subprocess.CalledProcessError:
        return False
    return True


@pytest.mark.slow
def test_make_setup_refuses_what_the_hashes_do_not_vouch_for(checkout: Checkout) -> None:
    """`make setup` stops on a package without a hash and on a file changed after its hash was taken,
    installing nothing and writing no stamp; the genuine file with its hash installs."""
    checkout.require("hashprov==1.0")
    result = _make_setup(checkout)
    assert result.returncode != 0
    assert "--hash" in result.stderr
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}", tampered=True)
    result = _make_setup(checkout)
    assert result.returncode != 0
    assert "DO NOT MATCH THE HASHES" in result.stderr
    assert checkout.installed_value() is None
    assert not bootstrap.stamp(checkout.root).exists()
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}")
    result = _make_setup(checkout)
    assert result.returncode == 0, result.stderr
    assert checkout.installed_value() == "genuine"
    assert bootstrap.stamp(checkout.root).exists()


@pytest.mark.slow
def test_first_run_refuses_what_the_hashes_do_not_vouch_for(checkout: Checkout) -> None:
    """The first run of `python -m strategi` installs as `make setup` does: a package without a hash or a
    changed file stops it with nothing installed; the genuine file with its hash installs."""
    checkout.uninstall("hashprov")
    checkout.require("hashprov==1.0")
    assert not _first_run_install(checkout)
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}", tampered=True)
    assert not _first_run_install(checkout)
    assert checkout.installed_value() is None
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}")
    assert _first_run_install(checkout)
    assert checkout.installed_value() == "genuine"


def _hashed(wheel: Path) -> str:
    name, version = wheel.name.split("-")[:2]
    return f"{name}=={version} --hash=sha256:{hashlib.sha256(wheel.read_bytes()).hexdigest()}"


@pytest.mark.slow
@pytest.mark.parametrize("installer", ["make setup", "first run"])
def test_a_newer_release_of_a_package_required_with_an_extra_is_not_taken(
    checkout: Checkout, installer: str
) -> None:
    """The lock pins `lockdep==1.0`, which `lockapp` requires with an extra (`lockdep[woff]>=1.0`, as
    WeasyPrint requires `fonttools[woff]`); the package folder also holds lockdep 2.0, released after the
    lock was written. With the interpreter's own pip (the venv is made without upgrading it), both
    installers take exactly the locked 1.0: pip < 26 in hash mode would otherwise turn the extra into a
    second, unpinned requirement and stop ("must have their versions pinned") or take 2.0."""
    folder = checkout.root / "wheels"
    app = _wheel(folder, "app", "lockapp", version="1.0", requires=("lockdep[woff]>=1.0",))
    locked = _wheel(folder, "locked", "lockdep", version="1.0", extras=("woff",))
    _wheel(folder, "newer", "lockdep", version="2.0", extras=("woff",))
    (checkout.root / "requirements.txt").write_text(
        f"--no-index\n--find-links {folder}\n{_hashed(app)}\n{_hashed(locked)}\n", encoding="utf-8"
    )
    checkout.uninstall("lockapp", "lockdep")
    if installer == "make setup":
        result = _make_setup(checkout)
        assert result.returncode == 0, result.stderr
    else:
        assert _first_run_install(checkout)
    assert checkout.installed_value("lockdep") == "locked"
    assert checkout.installed_value("lockapp") == "app"


@pytest.mark.slow
def test_a_lock_that_is_not_self_consistent_stops_the_setup(checkout: Checkout) -> None:
    """A lock that leaves out a package another one requires installs nothing resolved behind its back:
    `pip check` after the install stops `make setup` with the missing requirement named, and no stamp
    is written, so the next `make` tries again."""
    folder = checkout.root / "wheels"
    app = _wheel(folder, "app", "lockapp", version="1.0", requires=("lockgone>=1.0",))
    (checkout.root / "requirements.txt").write_text(
        f"--no-index\n--find-links {folder}\n{_hashed(app)}\n", encoding="utf-8"
    )
    checkout.uninstall("lockapp", "lockdep")
    result = _make_setup(checkout)
    assert result.returncode != 0
    assert "lockgone" in result.stdout + result.stderr
    assert not bootstrap.stamp(checkout.root).exists()
