"""The closed set of data files: every part of the strategy, where it lives and which schema it follows.

Registering a new part is one line in ``PARTS``:

- a single file: ``Part("data/strategy/arshjul.yaml", "arshjul.schema.json")``;
- a folder of many files, one per thing, each named ``<id>.yaml``:
  ``Part("data/plan", "plan.schema.json", many=True, required=False)``.

Anything else under ``data/`` is refused by :func:`scan`, by path: a missing required part,
a twin (``mal.yml`` beside ``mal.yaml``, ``Mal.yaml``), an unknown file or folder, a symbolic
link, anything that is not a regular file, and a file or folder that cannot be read.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from strategi.data.problems import Problem

DATA_DIR = "data"
SCHEMA_DIR = "schemas"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID = 40
# Names Windows cannot check out, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
# Files an operating system leaves in any folder it shows; never read, never published.
OS_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def id_problem(ident: str, reserved: tuple[str, ...] = ()) -> str | None:
    """Why ``ident`` cannot name a file of a folder part (in Swedish), or None if it can."""
    if len(ident) > MAX_ID:
        return f"id:t är {len(ident)} tecken långt; det får vara högst {MAX_ID} tecken"
    if not SLUG.fullmatch(ident):
        return (
            "id:t får bara innehålla små bokstäver a-z, siffror och bindestreck (inte å, ä, ö, "
            "mellanslag eller andra tecken), till exempel 'youtube' eller 'tiktok-region'"
        )
    if ident in WINDOWS_RESERVED:
        return f"'{ident}' är ett namn som Windows reserverar, så filen går inte att hämta där; välj ett annat id"
    if ident in reserved:
        return (
            f"id:t '{ident}' är upptaget av sajten (en sida med samma adress finns redan); välj ett annat id"
        )
    return None


def _id_file(name: str, part: Part) -> bool:
    return name.endswith(".yaml") and id_problem(name.removesuffix(".yaml"), part.reserved) is None


@dataclass(frozen=True)
class Part:
    """One part of the strategy: a file, or (``many``) a folder of ``<id>.yaml`` files."""

    path: str
    schema: str
    many: bool = False
    required: bool = True
    # Ids a folder part cannot use (a channel 'index' would replace the channel overview page).
    reserved: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """What the model calls it: the file's stem ('mal'), or the folder's name ('channels')."""
        return PurePosixPath(self.path).name if self.many else PurePosixPath(self.path).stem

    @property
    def glob(self) -> str:
        """The files of this part as a glob relative to the project root (for editor settings)."""
        return f"{self.path}/*.yaml" if self.many else self.path


STRATEGY_FILE = "data/strategy/strategi.yaml"
CHANNELS = Part("data/channels", "kanal.schema.json", many=True, reserved=("index",))
MEASUREMENTS = Part("data/matvarden", "matvarden.schema.json", many=True, required=False)
PLANS = Part("data/plan", "plan.schema.json", many=True, required=False)
PARTS: tuple[Part, ...] = (
    Part(STRATEGY_FILE, "strategi.schema.json"),
    Part("data/strategy/mal.yaml", "mal.schema.json"),
    Part("data/strategy/personas.yaml", "personas.schema.json"),
    Part("data/strategy/materialtyper.yaml", "materialtyper.schema.json"),
    Part("data/strategy/tonalitet.yaml", "tonalitet.schema.json"),
    Part("data/strategy/kanalanalys.yaml", "kanalanalys.schema.json"),
    Part("data/strategy/uppfoljning.yaml", "uppfoljning.schema.json"),
    Part("data/strategy/organisation.yaml", "organisation.schema.json"),
    Part("data/strategy/budget.yaml", "budget.schema.json"),
    Part("data/strategy/process.yaml", "process.schema.json"),
    Part("data/strategy/tillganglighet.yaml", "tillganglighet.schema.json"),
    CHANNELS,
    # Optional: versions from before the follow-up indicators have no such file.
    Part("data/strategy/indikatorer.yaml", "indikatorer.schema.json", required=False),
    MEASUREMENTS,
    Part("data/strategy/arshjul.yaml", "arshjul.schema.json"),
    PLANS,
)
BY_NAME = {part.name: part for part in PARTS}


def path_of(name: str) -> str:
    """Where a part lives, by the name the model uses: 'indikatorer' -> 'data/strategy/indikatorer.yaml',
    'channels' -> 'data/channels'. A name that is no part is a programming error (KeyError)."""
    return BY_NAME[name].path


def in_folder(relpath: str, part: Part) -> bool:
    """Whether a path (relative to the project root) is a file of the folder part ``part``."""
    return part.many and PurePosixPath(relpath).parent.as_posix() == part.path


def part_of(relpath: str, parts: tuple[Part, ...] = PARTS) -> Part | None:
    """The part a path (relative to the project root) belongs to, or None if it has no place."""
    path = PurePosixPath(relpath)
    for part in parts:
        if part.many and path.parent.as_posix() == part.path and _id_file(path.name, part):
            return part
        if not part.many and relpath == part.path:
            return part
    return None


@dataclass
class Scan:
    """What lies under data/: the files that have a place, and every problem with the rest."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def refuse(self, relpath: str, message: str) -> None:
        self.problems.append(Problem(relpath, 1, 1, message, rule="fil"))


_ERRNO_SV = {
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtkomst nekad",
    errno.ENOENT: "finns inte",
    errno.EISDIR: "är en mapp",
    errno.ENOTDIR: "är ingen mapp",
    errno.ELOOP: "för många symboliska länkar",
    errno.ENAMETOOLONG: "namnet är för långt",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Swedish."""
    return _ERRNO_SV.get(exc.errno or 0, f"fel från operativsystemet, nummer {exc.errno}")


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        yield from sorted(it, key=lambda e: e.name)


def scan(root: Path, parts: tuple[Part, ...] = PARTS) -> Scan:
    """Walk data/ without following links and sort every entry into the closed file set."""
    walker = _Walker(root, parts)
    result = walker.result
    if not (root / DATA_DIR).is_dir() or (root / DATA_DIR).is_symlink():
        result.refuse(DATA_DIR, "hittar ingen mapp data/ här; kör kommandot i projektets rotmapp")
        return result
    walker.walk(DATA_DIR)
    found = set(result.files)
    for path, part in walker.singles.items():
        if part.required and path not in found:
            result.refuse(path, "filen saknas; den här delen av strategin måste finnas")
    for path, part in walker.folders.items():
        if not part.required:
            continue
        if path not in walker.seen_dirs:
            result.refuse(path, "mappen saknas; den här delen av strategin måste finnas")
        elif not any(f.startswith(path + "/") for f in found):
            result.refuse(path, "mappen är tom; den ska innehålla minst en fil <id>.yaml")
    result.files.sort()
    return result


class _Walker:
    def __init__(self, root: Path, parts: tuple[Part, ...]) -> None:
        self.root = root
        self.result = Scan()
        self.singles = {p.path: p for p in parts if not p.many}
        self.folders = {p.path: p for p in parts if p.many}
        self.known_dirs = {DATA_DIR} | set(self.folders)
        for path in [*self.singles, *self.folders]:
            self.known_dirs |= {parent.as_posix() for parent in PurePosixPath(path).parents if parent.parts}
        self.seen_dirs: set[str] = set()

    def walk(self, rel: str) -> None:
        self.seen_dirs.add(rel)
        result = self.result
        try:
            entries = list(_entries(self.root / rel))
        except OSError as exc:
            result.refuse(rel, f"mappen går inte att läsa ({os_reason(exc)})")
            return
        names = {e.name for e in entries}
        for entry in entries:
            path = f"{rel}/{entry.name}"
            if entry.name in OS_FILES:
                continue
            try:
                if entry.is_symlink():
                    result.refuse(
                        path,
                        "är en symbolisk länk; lägg själva filen här i stället (länkar läses inte och publiceras inte)",
                    )
                elif entry.is_dir(follow_symlinks=False):
                    if path in self.known_dirs:
                        self.walk(path)
                    else:
                        result.refuse(
                            path, f"mappen har ingen plats i strategin; {_where_files_go(self.folders)}"
                        )
                elif not entry.is_file(follow_symlinks=False):
                    result.refuse(path, "är ingen vanlig fil; ta bort den")
                elif path in self.singles or (
                    rel in self.folders and _id_file(entry.name, self.folders[rel])
                ):
                    result.files.append(path)
                else:
                    result.refuse(
                        path, _misplaced(path, entry.name, names, self.singles, self.folders.get(rel))
                    )
            except OSError as exc:
                result.refuse(path, f"går inte att läsa ({os_reason(exc)})")


def _where_files_go(folders: dict[str, Part]) -> str:
    many = ", ".join(f"{p}/<id>.yaml" for p in folders)
    return f"strategins delar ligger i data/strategy/ och {many}"


def _twin_of(name: str, names: set[str], canonical: list[str]) -> str | None:
    """The proper file that ``name`` is a twin of (same name but for case or .yml), if any."""
    stem = name.rsplit(".", 1)[0].casefold() if "." in name else name.casefold()
    suffix = name.rsplit(".", 1)[1].casefold() if "." in name else ""
    if suffix not in {"yaml", "yml"}:
        return None
    for other in canonical:
        if other != name and other.removesuffix(".yaml").casefold() == stem:
            return other
    return None


def _misplaced(path: str, name: str, names: set[str], singles: dict[str, Part], folder: Part | None) -> str:
    folder_path = path.rsplit("/", 1)[0]
    yaml_like = name.rsplit(".", 1)[-1].casefold() in {"yaml", "yml"} if "." in name else False
    if folder is not None and not yaml_like:
        return f"filen har ingen plats i strategin; i {folder_path}/ ligger bara filer <id>.yaml"
    if folder is not None:
        proper = [n for n in names if _id_file(n, folder)]
        twin = _twin_of(name, names, proper)
        if twin:
            return f"en tvilling till {folder_path}/{twin}; varje id får bara ha en fil. Slå ihop dem och ta bort den här"
        stem = name.rsplit(".", 1)[0]
        if name.endswith(".yaml") and (reason := id_problem(stem, folder.reserved)):
            return f"filnamnet duger inte: {reason}"
        return (
            f"filnamnet ska vara id:t och sluta på .yaml, till exempel '{_slug_hint(stem.casefold())}.yaml'"
        )
    own = [PurePosixPath(p).name for p in singles if p.startswith(folder_path + "/")]
    twin = _twin_of(name, names, own)
    if twin:
        return f"en tvilling till {folder_path}/{twin}; en del av strategin får bara ha en fil. Slå ihop dem och ta bort den här"
    listed = ", ".join(sorted(own)) if own else "inga filer"
    return (
        f"filen har ingen plats i strategin; här hör bara hemma: {listed} "
        "(en ny del av strategin läggs till med en rad i PARTS i strategi/data/parts.py)"
    )


def _slug_hint(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:MAX_ID].strip("-")
    return slug or "id"
