"""The ``sakip`` commands over tables: measure, rollup, trend (capaian reports of a
long table of realisasi and targets) and draft (a catalog from a regulation's text).

Part of the face layer with :mod:`sakip.cli`, which registers them.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import sys
from importlib import resources
from typing import Any

from .measure.achievement import POLICIES

__all__ = ["Usage", "add_table_commands"]


class Usage(Exception):
    """A usage error of the command line: exit code 2."""


def add_table_commands(commands: Any) -> None:
    meas = commands.add_parser(
        "measure", help="capaian report from a long-format table (CSV or .xlsx)"
    )
    meas.add_argument("table", nargs="?", help="realisasi and targets: a CSV or .xlsx file")
    meas.add_argument("--example", action="store_true", help="use the shipped illustrative dataset")
    meas.add_argument("--format", choices=("text", "csv", "json", "xlsx"), default="text")
    meas.add_argument("--output", "-o", help="write to this file instead of the terminal")
    meas.add_argument("--catalog", help="your own catalog: a TOML folder or file, or an IKU table")
    meas.add_argument(
        "--by",
        choices=("sasaran", "perangkat_daerah", "table"),
        help="group the text report (default sasaran) or the workbook's sheets (default"
        " perangkat_daerah); 'table' for one table",
    )
    meas.add_argument(
        "--lang", choices=("id", "en"), default="id", help="keterangan in Indonesian or English"
    )
    meas.add_argument("--policy", choices=tuple(POLICIES), help="capaian policy")
    meas.add_argument("--decimal-point", action="store_true", help="numbers use the decimal point")
    meas.set_defaults(run=_measure)
    for name, run, what in (
        ("rollup", _rollup, "capaian rolled up by sasaran, misi or perangkat daerah"),
        ("trend", _trend, "each row's change from the previous period, membaik/memburuk"),
    ):
        sub = commands.add_parser(name, help=what)
        sub.add_argument("table", nargs="?", help="realisasi and targets: a CSV or .xlsx file")
        sub.add_argument("--example", action="store_true", help="the shipped dataset")
        sub.add_argument("--catalog", help="your own catalog (as for measure)")
        sub.add_argument("--decimal-point", action="store_true", help="decimal point numbers")
        if name == "rollup":
            levels = ("sasaran", "misi", "perangkat_daerah")
            sub.add_argument("--level", choices=levels, default="sasaran")
        sub.set_defaults(run=run, policy=None, lang="id")
    draft = commands.add_parser("draft", help="draft a catalog from a regulation's text")
    draft.add_argument("text", help="the regulation as plain text (OCR or PDF text)")
    draft.add_argument("--out", required=True, help="folder for the drafted TOML files")
    draft.set_defaults(run=_draft)


def _measure(args: argparse.Namespace) -> int:
    from . import catalog
    from .measure import measure
    from .measure.report import text_report, write_xlsx

    if args.example:
        source: Any = resources.files("sakip.measure") / "data" / "example.csv"
        if args.format == "text":
            print("Contoh (ILLUSTRATIVE, MADE-UP VALUES): capaian kinerja 2018-2023\n")
    elif args.table:
        source = args.table
    else:
        raise Usage("give a CSV or .xlsx file, or --example")
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise Usage("--format xlsx writes a workbook: give --output FILE.xlsx")
    cat = _catalog_at(args.catalog) if args.catalog else catalog.load()
    with _progress_bar() as progress:
        table = measure(
            source,
            cat,
            policy=args.policy,
            decimal_point=args.decimal_point,
            language=args.lang,
            progress=progress,
        )
    _hint_decimal_point(table, args.decimal_point)
    if args.format == "xlsx":
        write_xlsx(table, args.output or sys.stdout.buffer, cat, by=args.by or "perangkat_daerah")
        return 0
    with _output(args.output) as out:
        if args.format == "csv":
            from .measure.io import write_csv

            write_csv(table, out)
        elif args.format == "json":
            records = json.loads(table.to_json(orient="records"))
            print(json.dumps(records, ensure_ascii=False, indent=1), file=out)
        else:
            print(text_report(table, cat, by=args.by or "sasaran"), file=out)
    return 0


@contextlib.contextmanager
def _progress_bar(stream: Any = None, delay: float = 2.0) -> Any:
    """A progress callback for measure(): a tqdm bar on the terminal's stderr once a
    table takes more than ``delay`` seconds (none without tqdm, ``pip install
    sakip[progress]``, or when stderr is not a terminal)."""
    try:
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        yield None
        return
    disable = None if stream is None else False  # None: only on a terminal
    with tqdm(
        total=0, unit=" baris", desc="mengukur", delay=delay, file=stream, disable=disable
    ) as bar:

        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        yield update


def _catalog_at(path: str) -> Any:
    """The catalog in a TOML folder or file (sakip.catalog.load(path)), or in an IKU
    table, a .csv or .xlsx file (sakip.catalog.from_table(path))."""
    from . import catalog

    table = path.casefold().endswith((".csv", ".xlsx"))
    reader: Any = getattr(catalog, "from_table", None) if table else catalog.load
    if reader is None or not inspect.signature(reader).parameters:
        raise Usage(
            "--catalog needs a sakip whose catalog.load() reads a path (and"
            " catalog.from_table() an IKU table); this one ships only its own catalog"
        )
    return reader(path)


@contextlib.contextmanager
def _output(path: str | None) -> Any:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _hint_decimal_point(table: Any, decimal_point: bool) -> None:
    """Most rows held numbers in English notation (1,234.5): say how to read them."""
    reasons = table["reason"].astype(str)
    english = int(reasons.str.contains("decimal_point=True", regex=False).sum())
    if not decimal_point and english and english * 2 > len(reasons):
        print(
            f"sakip: {english} of {len(reasons)} rows hold numbers in English notation"
            " (1,234.5); if the whole table is written so, run again with --decimal-point",
            file=sys.stderr,
        )


def _measured(args: argparse.Namespace) -> tuple[Any, Any]:
    """measure() of the table the arguments name, and the catalog it used."""
    from . import catalog
    from .measure import measure

    if args.example:
        source: Any = resources.files("sakip.measure") / "data" / "example.csv"
    elif args.table:
        source = args.table
    else:
        raise Usage("give a CSV or .xlsx file, or --example")
    cat = _catalog_at(args.catalog) if args.catalog else catalog.load()
    table = measure(source, cat, policy=args.policy, decimal_point=args.decimal_point)
    return table, cat


def _rollup(args: argparse.Namespace) -> int:
    from .measure import rollup

    table, cat = _measured(args)
    print(rollup(table, level=args.level, catalog=cat).to_string(index=False))
    return 0


def _trend(args: argparse.Namespace) -> int:
    from .measure import trend

    table, cat = _measured(args)
    print(trend(table, cat).to_string(index=False))
    return 0


def _draft(args: argparse.Namespace) -> int:
    from .catalog import draft
    from .catalog.draft_limits import MAX_TEXT_CHARS
    from .errors import CatalogError

    try:
        with open(args.text, encoding="utf-8") as handle:
            # one character over the limit is enough for draft to refuse the text
            text = handle.read(MAX_TEXT_CHARS + 1)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"{args.text}: byte {exc.start} is not UTF-8; save the text as UTF-8"
        ) from None
    drafted = draft(text)
    drafted.to_toml(args.out)
    indicators = [i for s in drafted.catalog.sections for i in s.indicators]
    formulas = sum(1 for i in indicators if i.formula_text)
    print(
        f"{len(drafted.rows)} rows found, {formulas} formulas read,"
        f" {len(drafted.flagged)} flagged for review; written to {args.out}"
    )
    return 0
