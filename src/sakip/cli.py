"""The ``sakip`` command line (the face layer: nothing imports it).

Exit codes: 0 ok, 1 findings or a failed evaluation, 2 usage. Errors go to stderr as
one readable line (plus the formula and a caret for syntax errors); no input ends in a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from . import SakipError, ValueTypeError, evaluate
from .cli_tables import Usage as _Usage
from .cli_tables import add_table_commands
from .numbers import NumberTextError, parse_number

__all__ = ["main"]

# (what it is, formula as written in the seed, values, declared unit)
_DEMO: tuple[tuple[str, str, dict[str, object], str | None], ...] = (
    (
        "Rasio penduduk yang bekerja (IKU 26)",
        "Penduduk yang bekerja / Angkatan Kerja x 100%",
        {"Penduduk yang bekerja": 412_530, "Angkatan Kerja": 437_112},
        None,
    ),
    (
        "Angka Kematian Bayi (IKU 6)",
        "AKB = {D0-<1th} / Σ Lahir Hidup x 1.000 Dimana: D0-<1th = Jumlah Kematian Bayi;"
        " ΣLahir Hidup = Jumlah Kelahiran Hidup",
        {"Jumlah Kematian Bayi": 41, "Jumlah Kelahiran Hidup": 15_380},
        "per 1000 kelahiran hidup",
    ),
    (
        "Indeks Kualitas Lingkungan Hidup (IKU 37)",
        "IKLH = (IPA + IPU + ITH) / 3",
        {"IPA": 52.5, "IPU": 84.1, "ITH": 61.0},
        None,
    ),
    (
        "Persentase Penurunan Pelanggaran Perda (IKU 11)",
        "(Jumlah Pelanggaran Perda tahun n-1 - Jumlah Pelanggaran Perda tahun n)"
        " / Jumlah Pelanggaran Perda tahun n-1 x 100%",
        {"Jumlah Pelanggaran Perda": {2019: 64, 2020: 52}},
        None,
    ),
    (
        "Opini BPK (BPKAD)",
        'jika n = "WTP" maka capaian kinerja = 100,00%,'
        ' jika n ≠ "WTP" maka capaian kinerja = 0,00%',
        {"n": "WTP"},
        None,
    ),
)


def _demo(_: argparse.Namespace) -> int:
    print("sakip demo: formulas of Perbup Banyuasin 45/2019 (values are illustrative)\n")
    for title, text, values, unit in _DEMO:
        result = evaluate(text, values, period=2020, unit=unit)
        print(f"{title}\n  RUMUS  {text}\n  nilai  {result}\n")
    return 0


def _value(text: str) -> object:
    try:
        number = float(parse_number(text))
    except NumberTextError:
        return text
    except (OverflowError, ValueError):  # beyond a float, or beyond int()'s digit limit
        raise ValueTypeError(f"the number {text[:40]!r}... is too large") from None
    return number


def _eval(args: argparse.Namespace) -> int:
    values: dict[str, object] = {}
    for pair in args.values:
        name, eq, raw = pair.partition("=")
        if not eq:
            raise _Usage(f"expected name=value, got {pair!r}")
        name = name.strip()
        if name in values:
            # the last value would silently win: which one was meant is the user's to say
            raise _Usage(f"{name!r} is given more than once; give each name one value")
        values[name] = _value(raw.strip())
    print(evaluate(args.formula, values, period=args.period, unit=args.unit))
    return 0


def _show(args: argparse.Namespace) -> int:
    from . import catalog

    cat = catalog.load()
    indicator = cat.get(args.indicator)
    section = cat.section(indicator.section)
    lines = [
        f"{indicator.id}  {indicator.name}" + (f" ({indicator.part})" if indicator.part else ""),
        f"  perangkat daerah  {section.name}",
        f"  sasaran           {indicator.sasaran}",
        f"  RUMUS (printed)   {indicator.rumus_asli}",
    ]
    if indicator.formula is not None:
        lines.append(f"  formula           {indicator.formula_text}")
        lines.append(f"  variables         {'; '.join(indicator.variables)}")
    else:
        allowed = f" ({', '.join(indicator.allowed_values)})" if indicator.allowed_values else ""
        lines.append(f"  measured directly{allowed}")
    lines += [
        f"  satuan            {indicator.satuan} -> {indicator.unit_name}",
        f"  polarity          {indicator.polarity}"
        + (f" ({indicator.polarity_reason})" if indicator.polarity_reason else ""),
        f"  penanggung jawab  {indicator.penanggung_jawab}",
        f"  sumber data       {indicator.sumber_data}",
        f"  seed line         {indicator.seed_line} ({indicator.source_file})",
    ]
    lines += [f"  catatan           {c}" for c in indicator.catatan]
    print("\n".join(lines))
    return 0


def _list(args: argparse.Namespace) -> int:
    from . import catalog

    cat = catalog.load()
    found = cat.search(args.text) if args.text else list(cat)
    if args.pd:
        section = cat.section(int(args.pd) if args.pd.isdigit() else args.pd)
        found = [i for i in found if i.section == section.code]
    for indicator in found:
        print(f"{indicator.id:<28} {indicator.name}")
    if not found:
        print(f"sakip: no indicator matches {args.text!r}", file=sys.stderr)
    return 0 if found else 1


def _lint(_: argparse.Namespace) -> int:
    from .catalog.lint import lint

    findings = lint()
    for finding in findings:
        print(finding)
    print(f"{len(findings)} findings", file=sys.stderr)
    return 1 if findings else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sakip", description="Evaluate Indonesian IKU formulas (SAKIP)."
    )
    parser.add_argument("--version", action="version", version=f"sakip {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="evaluate a few formulas of the seed regulation").set_defaults(
        run=_demo
    )
    run = commands.add_parser(
        "eval", help="evaluate a formula or indicator: sakip eval 'A / B x 100%%' A=1 B=4"
    )
    run.add_argument(
        "formula", help="formula text, or an indicator id / abbreviation (AKB, iku.06)"
    )
    run.add_argument("values", nargs="*", help="name=value pairs (Indonesian number notation)")
    run.add_argument("--period", type=int)
    run.add_argument("--unit")
    run.set_defaults(run=_eval)
    show = commands.add_parser("show", help="show an indicator of the catalog")
    show.add_argument("indicator")
    show.set_defaults(run=_show)
    listing = commands.add_parser(
        "list", help="list indicators, filtered by text or perangkat daerah"
    )
    listing.add_argument("text", nargs="?", default="")
    listing.add_argument("--pd", help="perangkat daerah code, number or name")
    listing.set_defaults(run=_list)
    commands.add_parser("lint", help="report the catalog's contradictions").set_defaults(run=_lint)
    add_table_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failed evaluation, 2 usage)."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's exit handler
        return code
    except SystemExit as exc:  # argparse: 2 for a usage error, 0 for --help
        return exc.code if isinstance(exc.code, int) else 2
    except BrokenPipeError:
        # the reader went away (sakip ... | head): stop quietly, and point stdout at
        # devnull so that Python's final flush does not complain either
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except _Usage as exc:
        print(f"sakip: {exc}", file=sys.stderr)
        return 2
    except (SakipError, OSError) as exc:
        print(f"sakip: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a fault of sakip itself: still one line, no traceback
        print(
            f"sakip: internal error ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        return 1


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sakip")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # a console that cannot print Σ or ≤ (cp1252) shows '?' instead of failing
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # name=value pairs after an option: sakip eval F --unit % A=1
        if args.command != "eval" or not all("=" in item for item in extra):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.values = [*args.values, *extra]
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
