"""The ``sakip`` command line (the face layer: nothing imports it).

``sakip demo`` evaluates a few formulas of Perbup Banyuasin 45/2019 and prints them;
``sakip eval FORMULA name=value ...`` evaluates one formula.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import SakipError, evaluate, parse
from ._numbers import NumberTextError, parse_number

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


def _demo() -> int:
    print("sakip demo: formulas of Perbup Banyuasin 45/2019 (values are illustrative)\n")
    for title, text, values, unit in _DEMO:
        result = evaluate(text, values, period=2020, unit=unit)
        print(f"{title}\n  RUMUS  {text}\n  nilai  {result}\n")
    return 0


def _value(text: str) -> object:
    try:
        return float(parse_number(text))
    except NumberTextError:
        return text


def _eval(formula: str, pairs: Sequence[str], period: int | None, unit: str | None) -> int:
    values: dict[str, object] = {}
    for pair in pairs:
        name, eq, raw = pair.partition("=")
        if not eq:
            raise SystemExit(f"sakip: expected name=value, got {pair!r}")
        values[name.strip()] = _value(raw.strip())
    parse(formula)
    print(evaluate(formula, values, period=period, unit=unit))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failed evaluation, 2 usage)."""
    parser = argparse.ArgumentParser(prog="sakip", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="evaluate a few formulas of the seed regulation")
    run = commands.add_parser("eval", help="evaluate a formula: sakip eval 'A / B x 100%%' A=1 B=4")
    run.add_argument("formula")
    run.add_argument("values", nargs="*", help="name=value pairs (Indonesian number notation)")
    run.add_argument("--period", type=int)
    run.add_argument("--unit")
    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            return _demo()
        return _eval(args.formula, args.values, args.period, args.unit)
    except SakipError as exc:
        print(f"sakip: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
