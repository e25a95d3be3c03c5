"""Mutation testing, one module at a time, and the share of mutants the fast tests kill per module.

    python scripts/mutation.py                 # every module in [tool.mutmut] only_mutate
    python scripts/mutation.py problems diff   # only these modules
    python scripts/mutation.py --rapport       # only print the figures of the last run

mutmut puts one small bug at a time into a copy of the code under mutants/ and runs the tests
that reach it; a mutant that no test notices "survives". Modules run one after the other with
one worker (the machine is shared), so a whole run takes a while: it is not part of `make test`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.90
# mutmut's exit codes: the tests failed (1, 3), a timeout (24, 36, ...) or mypy refused it (37): killed.
KILLED = {1, 3, 24, 36, 37, 152, 255, -24}
SURVIVED = {0, 5, 33}


def modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    # 'strategi/data/loader.py' -> 'data/loader' (what a user names on the command line)
    return [str(Path(p).relative_to("strategi").with_suffix("")) for p in config["only_mutate"]]


def counts(module: str) -> tuple[int, int, int]:
    """(killed, survived, not yet run) for one module, from mutmut's result file."""
    meta = ROOT / "mutants" / "strategi" / f"{module}.py.meta"
    if not meta.exists():
        return 0, 0, 0
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
    killed = sum(c in KILLED for c in codes)
    survived = sum(c in SURVIVED for c in codes)
    return killed, survived, len(codes) - killed - survived


def report(names: list[str]) -> bool:
    """Print the kill rate per module; True when every module that ran reaches the target."""
    ok = True
    print(f"{'modul':<22} {'dödade':>7} {'överlevde':>10} {'ej körda':>9} {'andel':>7}")
    for name in names:
        killed, survived, unrun = counts(name)
        done = killed + survived
        rate = killed / done if done else 0.0
        ok = ok and (rate >= TARGET or not done)
        share = f"{rate:.0%}" if done else "-"
        print(f"{name:<22} {killed:>7} {survived:>10} {unrun:>9} {share:>7}")
    print(f"Mål: minst {TARGET:.0%} dödade per modul. Se överlevande med: .venv/bin/mutmut results")
    return ok


def main(argv: list[str]) -> int:
    only_report = "--rapport" in argv
    names = [a for a in argv if not a.startswith("-")] or modules()
    unknown = sorted(set(names) - set(modules()))
    if unknown:
        print(f"okänd modul: {', '.join(unknown)} (välj bland {', '.join(modules())})", file=sys.stderr)
        return 2
    if not only_report:
        # mutmut maps each function to the tests that reach it once, and does not notice tests
        # added since: start every run from a fresh map (one pass of the selected tests).
        (ROOT / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        mutmut = str(Path(sys.executable).with_name("mutmut"))
        for name in names:
            print(f"== strategi/{name}.py", flush=True)
            subprocess.run(
                [
                    mutmut,
                    "run",
                    "--max-children",
                    "1",
                    f"strategi.{name.replace('/', '.').removesuffix('.__init__')}.*",
                ],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                check=False,
            )
    return 0 if report(names) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
