"""Every Python dependency is installed with `pip install --require-hashes`: each requirements*.txt
pins every package with == and the sha256 of its files (written by `make krav` from the .in file
beside it), and every installer (`make setup` and the other environments, the first run of
`python -m strategi`) refuses a package without a hash or a file whose hash differs. The install
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


def test_makefile_installs_only_with_hashes() -> None:
    """Every `pip install` any Makefile target runs (shown by a dry run that rebuilds everything) has
    --require-hashes, and the four environments' requirement files are among those installed."""
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
    installs = [line for line in result.stdout.splitlines() if re.search(r"\bpip\s+install\b", line)]
    assert installs
    for line in installs:
        assert "--require-hashes" in line, line
    installed = {re.sub(r".*\s-r\s+(\S+).*", r"\1", line) for line in installs}
    assert installed >= MAKEFILE_INSTALLS


# --- the installers refuse what the hashes do not vouch for (offline) -------------------------------


def _wheel(path: Path, value: str) -> Path:
    """A minimal wheel of the package `hashprov` 1.0 whose module holds VALUE = value."""
    files = {
        "hashprov.py": f"VALUE = {value!r}\n",
        "hashprov-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: hashprov\nVersion: 1.0\n",
        "hashprov-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    files["hashprov-1.0.dist-info/RECORD"] = "\n".join([*record, "hashprov-1.0.dist-info/RECORD,,"]) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


class Checkout:
    """A checkout with its .venv and a local wheel folder standing in for the package index."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.wheel = root / "wheels" / "hashprov-1.0-py3-none-any.whl"
        genuine = _wheel(self.wheel, "genuine").read_bytes()
        self.genuine_hash = hashlib.sha256(genuine).hexdigest()
        self.genuine = genuine

    def require(self, line: str, *, tampered: bool = False) -> None:
        """requirements.txt with one requirement, read from the wheel folder only; the wheel is the
        genuine one or one changed after its hash was taken."""
        if tampered:
            _wheel(self.wheel, "tampered")
        else:
            self.wheel.write_bytes(self.genuine)
        (self.root / "requirements.txt").write_text(
            f"--no-index\n--find-links {self.wheel.parent}\n{line}\n", encoding="utf-8"
        )

    def installed_value(self) -> str | None:
        """hashprov.VALUE in the checkout's .venv, or None when it is not installed."""
        result = subprocess.run(
            [str(bootstrap.venv_python(self.root / ".venv")), "-c", "import hashprov; print(hashprov.VALUE)"],
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
    subprocess.run(
        [
            str(bootstrap.venv_python(checkout.root / ".venv")),
            "-m",
            "pip",
            "uninstall",
            "-y",
            "-q",
            "hashprov",
        ],
        check=False,
        timeout=60,
    )
    checkout.require("hashprov==1.0")
    assert not _first_run_install(checkout)
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}", tampered=True)
    assert not _first_run_install(checkout)
    assert checkout.installed_value() is None
    checkout.require(f"hashprov==1.0 --hash=sha256:{checkout.genuine_hash}")
    assert _first_run_install(checkout)
    assert checkout.installed_value() == "genuine"
