"""`python -m strategi validera` against check-jsonschema on the same files and schemas, side by side.

check-jsonschema checks one schema per run, so validating data/ with it takes one run per
schema (10 strategy schemas + the channel schema): that is what an editor would have to run.
Our run does all of it plus the cross-reference rules. Rounds alternate the two; medians compared.

Run: .venv/bin/python bench/validate.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _runs_for_check_jsonschema() -> list[list[str]]:
    runs = []
    for data in sorted((ROOT / "data/strategy").glob("*.yaml")):
        schema = ROOT / "schemas" / f"{data.stem}.schema.json"
        runs.append(
            [
                str(BIN / "check-jsonschema"),
                "--base-uri",
                schema.as_uri(),
                "--schemafile",
                str(schema),
                str(data),
            ]
        )
    channel_schema = ROOT / "schemas/kanal.schema.json"
    channels = sorted(str(p) for p in (ROOT / "data/channels").glob("*.yaml"))
    runs.append(
        [
            str(BIN / "check-jsonschema"),
            "--base-uri",
            channel_schema.as_uri(),
            "--schemafile",
            str(channel_schema),
            *channels,
        ]
    )
    return runs


def _time(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        result = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "STRATEGI_IDAG": "2026-11-29"},
        )
        if result.returncode != 0:
            raise SystemExit(f"{command[0]} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ours_cmd = [[sys.executable, "-m", "strategi", "validera"]]
    theirs_cmd = _runs_for_check_jsonschema()
    _time(ours_cmd), _time(theirs_cmd)  # warm the disk cache
    ours, theirs, single = [], [], []
    for _ in range(args.rounds):
        ours.append(_time(ours_cmd))
        theirs.append(_time(theirs_cmd))
        single.append(_time(theirs_cmd[-1:]))
    o, t, s = statistics.median(ours), statistics.median(theirs), statistics.median(single)
    print(f"strategi validera (schema + regler, alla {len(theirs_cmd)} scheman): {o * 1000:.0f} ms")
    print(f"check-jsonschema, {len(theirs_cmd)} körningar (bara schema):           {t * 1000:.0f} ms")
    print(f"check-jsonschema, en körning (bara kanalerna):               {s * 1000:.0f} ms")
    print(f"kvot mot alla körningar: {o / t:.2f}   kvot mot en enda körning: {o / s:.2f}")


if __name__ == "__main__":
    main()
