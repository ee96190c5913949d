"""Command-line entry points: `grade` (grade notebooks) and `bank` (check, stubs, new, site).

Only argument parsing and dispatch live here; the work is in the modules named for it.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .sandbox import LEVELS, Limits


def _notebooks(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        elif p.exists():
            found.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")
    return found


def grade_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="grade", description="Grade notebooks against the hidden suites.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a notebook or a folder of notebooks")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write results as JSON")
    parser.add_argument("--junit", type=Path, metavar="FILE", help="write results as JUnit XML")
    parser.add_argument("--timeout", type=float, metavar="S", help="wall time per notebook (default: the card's)")
    parser.add_argument("--cell-timeout", type=float, metavar="S", help="wall time per cell")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="notebooks graded at once")
    parser.add_argument("--sandbox", choices=LEVELS, default="auto",
                        help="bwrap isolation: auto (use when available), required, off")
    parser.add_argument("--memory", type=int, default=Limits.memory_mb, metavar="MB")
    parser.add_argument("--cpu-time", type=int, default=Limits.cpu_s, metavar="S")
    parser.add_argument("--max-processes", type=int, default=Limits.processes, metavar="N")
    parser.add_argument("--max-file-size", type=int, default=Limits.file_size_mb, metavar="MB")
    parser.add_argument("--max-output", type=int, default=Limits.output_chars, metavar="CHARS")
    parser.add_argument("--bank", metavar="DIR", help="the question bank (default: found from here)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")

    from . import batch, report
    from .bank import Bank, BankNotFound
    from .grade import Options
    from .sandbox import SandboxUnavailable, bwrap_works, resolve_level

    try:
        notebooks = _notebooks(args.paths)
        bank = Bank.locate(args.bank)
        level = resolve_level(args.sandbox)
        if args.device == "cuda":
            from .grade import cuda_available

            if not cuda_available():
                raise SandboxUnavailable("--device cuda: no CUDA device is available on this machine")
    except (FileNotFoundError, BankNotFound, SandboxUnavailable) as exc:
        print(f"grade: error: {exc}", file=sys.stderr)
        return 2
    if not notebooks:
        print(f"grade: error: no notebooks in {' '.join(args.paths)}", file=sys.stderr)
        return 2
    if level != "bwrap" and args.sandbox == "auto":
        print(f"grade: note: running without a sandbox (resource limits only): {bwrap_works()}",
              file=sys.stderr)
    limits = Limits(args.memory, args.cpu_time, args.max_processes, args.max_file_size, args.max_output)
    options = Options(timeout=args.timeout, cell_timeout=args.cell_timeout, device=args.device,
                      sandbox=args.sandbox, limits=limits)
    results = batch.grade_all(notebooks, bank, options, jobs=args.jobs)
    report.terminal(results, sys.stdout, color=sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    if args.json:
        report.write_json(results, args.json)
    if args.junit:
        report.write_junit(results, args.junit)
    report.append_github_summary(results)
    for r in results:
        if r.status == "error":
            print(f"grade: error: {r.notes[0] if r.notes else r.notebook}", file=sys.stderr)
    from .results import exit_code

    return exit_code(results)


def exit_fast(code: int) -> None:
    """Leave without the interpreter's teardown (~0.6 s once torch is loaded): everything the
    command writes is closed by now, and its kernels are shut down."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def grade_entry() -> None:
    """Console script `grade`."""
    exit_fast(grade_main())


def bank_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bank", description="Maintain the question bank.")
    parser.add_argument("--bank", metavar="DIR", help="the question bank (default: found from here)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every card and prove every coding question")
    check.add_argument("questions", nargs="*", metavar="ID", help="only these questions")
    check.add_argument("--jobs", type=int, default=2, metavar="N")
    check.add_argument("--cards-only", action="store_true", help="validate cards and stubs, run no notebooks")
    stubs = sub.add_parser("stubs", help="regenerate notebooks/ from the solutions")
    stubs.add_argument("questions", nargs="*", metavar="ID", help="only these questions")
    stubs.add_argument("--check", action="store_true", help="only report stubs that are out of date")
    new = sub.add_parser("new", help="scaffold a new coding question")
    new.add_argument("qid", metavar="qNN")
    site = sub.add_parser("site", help="build the static study site")
    site.add_argument("--out", type=Path, default=Path("_site"), metavar="DIR")
    site.add_argument("--results", type=Path, nargs="*", default=[], metavar="FILE")
    args = parser.parse_args(argv)

    from .bank import Bank, BankNotFound

    try:
        bank = Bank.locate(args.bank)
    except BankNotFound as exc:
        print(f"bank: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "check":
        from .check import check_bank

        return check_bank(bank, args.questions, jobs=args.jobs, cards_only=args.cards_only)
    if args.command == "stubs":
        from .stubs import write_stubs

        return write_stubs(bank, args.questions, check_only=args.check)
    if args.command == "new":
        from .scaffold import new_question

        return new_question(bank, args.qid)
    from .cards import BankError
    from .site import build_site

    try:
        stats = build_site(bank.root, args.out, list(args.results))
    except (BankError, ValueError) as exc:
        print(f"bank site: error: {exc}", file=sys.stderr)
        return 1
    print(f"bank site: {stats['pages']} pages for {stats['cards']} cards written to {args.out}")
    return 0
