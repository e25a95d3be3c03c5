"""Command line: python -m strategi <kommando>. Everything a user reads is Swedish."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from strategi.commands import measure, publish, scaffold
from strategi.content import diff, plan, revision, versions
from strategi.data import check, history, model, parts, periods
from strategi.data.problems import FORMATS, UserError
from strategi.site import local, pdf

_ARGPARSE_SV = [
    ("the following arguments are required", "dessa argument saknas"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("expected one argument", "väntade ett värde"),
    ("argument", "argumentet"),
]


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that speaks Swedish and exits 2 on usage errors."""

    def error(self, message: str) -> NoReturn:
        for english, swedish in _ARGPARSE_SV:
            message = message.replace(english, swedish)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "användning:")

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "användning:")
        return (
            text.replace("options:", "flaggor:")
            .replace("positional arguments:", "argument:")
            .replace("show this help message and exit", "visa den här hjälpen och avsluta")
        )


def _cmd_validera(args: argparse.Namespace) -> int:
    result = check.run(Path(args.rot), periods.today())
    print(FORMATS[args.format](result.problems, result.files))
    return 0 if result.ok else 1


def _cmd_skillnader(args: argparse.Namespace) -> int:
    root = Path(args.rot)
    when = periods.today()
    old = model.load_at(root, args.fran, when)
    new = model.load_at(root, args.till, when) if args.till else model.load(root, when)
    title = diff.title_for(args.fran, args.till)
    render_fn = diff.as_markdown if args.format == "markdown" else diff.as_text
    print(render_fn(diff.compare(old, new), title), end="")
    return 0


def _cmd_publicera(args: argparse.Namespace) -> int:
    root = Path(args.rot).resolve()
    try:
        summary = publish.publish(root, model.load(root, periods.today()))
    except publish.NothingToPublish as exc:
        if not args.bara_ny:
            raise
        # In the publish workflow (--bara-ny) this is the ordinary case: say why, succeed.
        print(exc)
        return 0
    print(summary)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    return local.serve(Path(args.rot), args.adress)


def _cmd_bygg(args: argparse.Namespace) -> int:
    return local.build(Path(args.rot), args.ut, offline=args.offline)


def _cmd_pdf(args: argparse.Namespace) -> int:
    if args.sajt is None:  # no site given: build it first, as `make pdf` does
        code = local.build(Path())
        if code:
            return code
        args.sajt = "site"
    out = pdf.make_pdf(Path(args.sajt), Path(args.ut))
    print(f"Skrev {out}")
    return 0


def _scaffolded(make: Callable[[], Path], next_step: str) -> int:
    """Run a scaffold; print the file it wrote and what to do next (a refusal is a ScaffoldError)."""
    path = make()
    print(f"Skrev {path.as_posix()}. {next_step}")
    return 0


def _cmd_matvarde(args: argparse.Namespace) -> int:
    relpath, problems = measure.append(
        Path(args.rot),
        args.indikator,
        args.period,
        args.varde,
        source=args.kalla,
        note=args.not_,
        today=periods.today(),
    )
    if problems:
        print(f"Raden lades inte till i {relpath}:", file=sys.stderr)
        print(FORMATS["text"](problems, 1), file=sys.stderr)
        return 1
    print(f"La till {args.indikator} {args.period}: {args.varde} i {relpath}.")
    return 0


def _cmd_ny_version(args: argparse.Namespace) -> int:
    root = Path(args.rot)
    written = revision.start(model.load(root, periods.today()), args.id)
    draft = model.load(root, periods.today())
    print(f"Började {versions.label_of(args.id)} ({args.id}) som förslag. Ändrade filer:")
    print("".join(f"  {path}\n" for path in written), end="")
    ref = history.previous_ref(draft)
    print(
        f"Sidan Ändringar jämför med {ref}."
        if ref
        else "Det finns ingen tidigare antagen version, så sidan Ändringar har inget att jämföra med."
    )
    print(revision.checklist_text(draft), end="")
    return 0


def _cmd_ny_kanal(args: argparse.Namespace) -> int:
    return _scaffolded(
        lambda: scaffold.new_channel(Path(args.rot), args.id),
        "Fyll i varje värde under en rad märkt 'FYLL I' och kör sedan 'make validera'.",
    )


def _cmd_plan(args: argparse.Namespace) -> int:
    today = periods.today()
    week = args.vecka or plan.week_of(today)
    plan.parse_week(week)
    strategy = model.load(Path(args.rot), today)
    print(plan.week_text(strategy, week), end="")
    return 0


def _cmd_ny_plan(args: argparse.Namespace) -> int:
    return _scaffolded(
        lambda: scaffold.new_plan(Path(args.rot), args.manad),
        "Fyll i posten under raderna märkta 'FYLL I' och kör sedan 'make validera'.",
    )


def _add_plan_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    plan_cmd = sub.add_parser(
        "plan",
        parents=[common],
        help="visa veckans publiceringsplan per kanal och varningarna mot strategin",
        description="Visar vad som är planerat per kanal en vecka och varje varning mot strategin.",
    )
    plan_cmd.add_argument(
        "--vecka",
        metavar="ÅÅÅÅ-Vnn",
        default=None,
        help="veckan, till exempel 2026-V49 (standard: denna vecka)",
    )
    plan_cmd.set_defaults(func=_cmd_plan)
    ny_plan = sub.add_parser(
        "ny-plan",
        parents=[common],
        help="skapa en månads publiceringsplan att fylla i",
        description=f"Skriver {parts.PLANS.path}/ÅÅÅÅ-MM.yaml med månaden och en post att fylla i.",
    )
    ny_plan.add_argument("manad", metavar="ÅÅÅÅ-MM", help="månaden, till exempel 2026-12")
    ny_plan.set_defaults(func=_cmd_ny_plan)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m strategi",
        description="Verktyg för den digitala strategin som data.",
    )
    common = _Parser(add_help=False)
    common.add_argument("--rot", default=".", help="projektets rotmapp (standard: aktuell mapp)")
    sub = parser.add_subparsers(dest="kommando", metavar="KOMMANDO", parser_class=_Parser)
    sub.required = True
    validera = sub.add_parser(
        "validera",
        parents=[common],
        help="kontrollera alla datafiler mot scheman och regler",
        description="Kontrollerar alla filer i data/ och visar alla fel på en gång, ett per rad.",
    )
    validera.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="utdata: text (standard), json eller github (anteckningar i en pull request)",
    )
    validera.set_defaults(func=_cmd_validera)
    skillnader = sub.add_parser(
        "skillnader",
        parents=[common],
        help="visa vad som ändrats i strategin mellan två git-versioner",
        description="Visar på vanlig svenska vad som ändrats i strategin, grupperat per avsnitt.",
    )
    skillnader.add_argument(
        "fran", metavar="FRÅN", help="git-referens att jämföra från (gren, tagg eller commit)"
    )
    skillnader.add_argument(
        "till",
        metavar="TILL",
        nargs="?",
        default=None,
        help="git-referens att jämföra till (standard: filerna som de ligger nu)",
    )
    skillnader.add_argument(
        "--format",
        choices=["text", "markdown"],
        default="text",
        help="utdata: text (standard) eller markdown",
    )
    skillnader.set_defaults(func=_cmd_skillnader)
    publicera = sub.add_parser(
        "publicera",
        parents=[common],
        help="publicera versionen lokalt med mike (grenen gh-pages, ingen push)",
        description="Bygger strikt och publicerar strategins version (id från data) med mike. En antagen version ändras aldrig.",
    )
    publicera.add_argument(
        "--bara-ny",
        action="store_true",
        help="publicera bara en ny version eller ett förslag; annars inget, med exit 0 (för arbetsflödet)",
    )
    publicera.set_defaults(func=_cmd_publicera)
    pdf_cmd = sub.add_parser(
        "pdf",
        help="skriv ut hela strategin till en PDF (bygger sajten först)",
        description="Gör en tillgänglig PDF (A4, svensk, taggad) av sajtens utskriftssida med WeasyPrint, utan att nå någon server.",
    )
    pdf_cmd.add_argument(
        "--sajt",
        default=None,
        help="mappen med en redan byggd sajt (utan flaggan byggs sajten först till site/)",
    )
    pdf_cmd.add_argument("--ut", default="strategi.pdf", help="PDF-filens namn (standard: strategi.pdf)")
    pdf_cmd.set_defaults(func=_cmd_pdf)
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="kontrollera datafilerna och visa sajten i webbläsaren (uppdateras när du sparar)",
        description="Som 'make serve': kontrollerar datafilerna och visar sajten lokalt tills du trycker Ctrl+C.",
    )
    serve.add_argument(
        "--adress", default=local.DEFAULT_ADDRESS, help=f"värd:port (standard: {local.DEFAULT_ADDRESS})"
    )
    serve.set_defaults(func=_cmd_serve)
    bygg = sub.add_parser(
        "bygg",
        parents=[common],
        help="kontrollera datafilerna och bygg sajten strikt till site/",
        description="Som 'make build': kontrollerar datafilerna och bygger sajten strikt.",
    )
    bygg.add_argument("--ut", default="site", help="mappen att bygga till (standard: site)")
    bygg.add_argument(
        "--offline",
        action="store_true",
        help="bygg så att sajten fungerar öppnad direkt från disken (som förhandsvisningen i en pull request)",
    )
    bygg.set_defaults(func=_cmd_bygg)
    ny_kanal = sub.add_parser(
        "ny-kanal",
        parents=[common],
        help="skapa en ny kanalfil med alla obligatoriska fält att fylla i",
        description=(
            f"Skriver {parts.CHANNELS.path}/ID.yaml från kanalschemat: varje obligatoriskt fält, "
            "med en kommentar om vad som ska stå där."
        ),
    )
    ny_kanal.add_argument(
        "id",
        metavar="ID",
        help="kanalens id: små bokstäver a-z, siffror och bindestreck, till exempel 'youtube'",
    )
    ny_kanal.set_defaults(func=_cmd_ny_kanal)
    matvarde = sub.add_parser(
        "mätvärde",
        parents=[common],
        help=f"för in ett mätvärde för en indikator (en rad i {parts.MEASUREMENTS.path}/ÅÅÅÅ.yaml)",
        description=f"Lägger till en rad i {parts.MEASUREMENTS.path}/ÅÅÅÅ.yaml och kontrollerar den; blir det fel ändras inget.",
    )
    matvarde.add_argument(
        "indikator", metavar="INDIKATOR", help=f"indikatorns id i {parts.path_of('indikatorer')}"
    )
    matvarde.add_argument(
        "period", metavar="PERIOD", help="månaden värdet gäller, ÅÅÅÅ-MM, till exempel 2021-02"
    )
    matvarde.add_argument("varde", metavar="VÄRDE", help="värdet, till exempel 17250 eller 6,5")
    matvarde.add_argument(
        "--källa", dest="kalla", default="Kanalens månadsstatistik", help="var värdet kommer från"
    )
    matvarde.add_argument("--not", dest="not_", default=None, help="en frivillig kommentar")
    matvarde.set_defaults(func=_cmd_matvarde)
    ny_version = sub.add_parser(
        "ny-version",
        parents=[common],
        help="börja nästa halvårs förslag (version, status, jämför_med, nya nulägen att bekräfta)",
        description=(
            "Sätter version och status förslag, jämför med förra antagna versionen, "
            "lägger ett nytt nuläge per kanal med förra siffrorna att bekräfta och skriver en checklista."
        ),
    )
    ny_version.add_argument("id", metavar="ID", help="halvåret, till exempel 2021-h1")
    ny_version.set_defaults(func=_cmd_ny_version)
    _add_plan_commands(sub, common)
    return parser


def _tolerant_output() -> None:
    """Print on any console: a character the console's encoding lacks is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UserError as exc:
        # The one place an error reaches the user: its Swedish message once, and its exit status.
        print(f"fel: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`validera | head`): stop quietly, as other command-line tools do.
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
