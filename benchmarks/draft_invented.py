"""sakip.catalog.draft on the dev rows laid out in several OCR-like variants of a
Lampiran II table, to see whether it reads layouts other than the seed's.

The rows are bench_draft_dev's (dev-rumus.tsv rows that are first / second x k). Each
variant prints them with other column widths, row numbers with or without a dot, the
RUMUS stacked (numerator lines, denominator lines) or written on its lines as
'first / second x k', the penanggung jawab / sumber data cells wrapped in other ways
(a penanggung jawab that wraps alone, 'Sekretaris' / 'Dinas'), the sasaran printed once
per group; one variant scales one value ('Jumlah ... x 100%', the value times k).

Per variant: found (name similarity >= 0.6), name (the drafted name is the printed one,
words compared case-blind), formula (same value on the row's sample values), unit, and
pj (the penanggung jawab as printed). Nothing here is kept as a test file: the variants
are measured, the drafter's rules are unit-tested on their own invented examples.

Usage: python benchmarks/draft_invented.py [--show N] [--variant NAME] [--print NAME]
"""

from __future__ import annotations

import sys
import textwrap
from fractions import Fraction
from typing import Any

import attrs
from bench_draft_dev import SASARAN, rows
from draft_accuracy import match_variables, similarity

import sakip
from sakip.catalog import draft


@attrs.frozen
class Variant:
    widths: tuple[int, int, int] = (16, 28, 44)  # SASARAN, INDIKATOR, RUMUS
    number: str = ""  # "" none, "." '1.', "bare" '1'
    inline: bool = False  # 'first / second x k' wrapped in the RUMUS cell
    tail: tuple[str, str] = ("Dinas Laporan", "Contoh Tahunan")  # after the satuan
    pj: str = "Dinas Contoh"  # the penanggung jawab the tail prints
    single: bool = False  # the RUMUS scales one value: 'first x k'
    group: int = 14  # rows per sasaran


_SEKRETARIS = ("Sekretaris Survei", "Dinas")  # the penanggung jawab wraps alone
_BAPPEDA = ("Bappeda Laporan Tahunan", "")
_KABID = ("Kabid Kesmas Laporan", "Tahunan")
VARIANTS = {
    "dev": Variant(),
    "dot-wide": Variant((22, 34, 50), "."),
    "bare-narrow": Variant((14, 22, 36), "bare"),
    "inline": Variant((16, 28, 44), ".", inline=True),
    "inline-wide": Variant((18, 20, 70), "bare", inline=True),
    "pj-wrap": Variant((16, 24, 40), "bare", tail=_SEKRETARIS, pj="Sekretaris Dinas"),
    "pj-wrap-inline": Variant((16, 22, 60), ".", True, _SEKRETARIS, "Sekretaris Dinas"),
    "one-line-tail": Variant((16, 26, 40), ".", tail=_BAPPEDA, pj="Bappeda"),
    "single": Variant((16, 22, 50), "bare", tail=_KABID, pj="Kabid Kesmas", single=True),
    "single-pj": Variant((16, 20, 50), ".", tail=_SEKRETARIS, pj="Sekretaris Dinas", single=True),
    "group4": Variant((20, 26, 42), "bare", group=4),
}


def _factor(item: dict[str, Any]) -> str:
    k = item["k"]
    return f"x {sakip.format_number(k, 0)}{'%' if k == 100 else ''}" if k != 1 else ""


def _rumus(item: dict[str, Any], v: Variant) -> list[str]:
    first, second = item["names"]
    factor = _factor(item)
    if v.single:
        return textwrap.wrap(f"{first} {factor or 'x 1'}", v.widths[2])
    if v.inline:
        return textwrap.wrap(f"{first} / {second} {factor}".strip(), v.widths[2])
    top = textwrap.wrap(first, v.widths[2])
    if factor:
        top[-1] += f" {factor}"
    return top + textwrap.wrap(second, v.widths[2])


def expected(item: dict[str, Any], v: Variant) -> Fraction:
    if v.single:
        return Fraction(str(item["values"][item["names"][0]])) * (item["k"] if item["k"] else 1)
    return Fraction(item["expected"])


def layout(items: list[dict[str, Any]], v: Variant) -> str:
    lines = [
        "LAMPIRAN II",
        "PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2023",
        "",
        "1. DINAS CONTOH",
        "",
        "INDIKATOR KINERJA PENANGGUNG SUMBER",
        "SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA",
        "1 2 3 4 5 6",
    ]
    for n, item in enumerate(items):
        head = n % v.group == 0
        sasaran = SASARAN[(n // v.group) % len(SASARAN)]
        sas = textwrap.wrap(sasaran, v.widths[0]) if head else []
        name = textwrap.wrap(item["indicator"], v.widths[1])
        number = {"": "", ".": f"{n + 1}.", "bare": f"{n + 1}"}[v.number]
        if number:
            name[0] = f"{number} {name[0]}"
        rumus = _rumus(item, v)
        satuan = "%" if item["k"] == 100 and not v.single else "Rasio"
        if v.single:
            satuan = "%" if item["k"] == 100 else "Rasio"
        tail = [f"{satuan} {v.tail[0]}", v.tail[1]]
        for i in range(max(len(sas), len(name), len(rumus), len(tail))):
            cells = [c[i] if i < len(c) else "" for c in (sas, name, rumus, tail)]
            lines.append(" ".join(c for c in cells if c))
    return "\n".join(lines) + "\n"


def _value(indicator: Any, item: dict[str, Any], v: Variant) -> Fraction | None:
    formula = indicator.formula
    names = tuple(item["names"][:1] if v.single else item["names"])
    if formula is None or len(formula.variables) != len(names):
        return None
    paired = match_variables(names, formula.variables)
    if paired is None:
        return None
    values = {paired[name]: item["values"][name] for name in names}
    try:
        return Fraction(sakip.evaluate(formula, values).magnitude)
    except sakip.SakipError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def measure(v: Variant, show: int) -> dict[str, int]:
    items = rows()
    result = draft(layout(items, v))
    drafted = list(result.catalog)
    counts = dict.fromkeys(("found", "name", "formula", "unit", "pj", "full"), 0)
    misses = []
    for item in items:
        if not drafted:
            break
        best = max(drafted, key=lambda d: similarity(item["indicator"], d.name))
        if similarity(item["indicator"], best.name) < 0.6:
            misses.append(f"{item['id']}: not found")
            continue
        counts["found"] += 1
        row = result.row(best.id)
        ok_name = _norm(best.name) == _norm(item["indicator"])
        value = _value(best, item, v)
        want = expected(item, v)
        ok_formula = value is not None and abs(value - want) <= abs(want) * Fraction(1, 10**6)
        unit = "percent" if item["k"] == 100 else "dimensionless"
        ok_unit = best.unit_name == unit
        ok_pj = _norm(getattr(best, "penanggung_jawab", "") or "") == _norm(v.pj)
        counts["name"] += ok_name
        counts["formula"] += ok_formula
        counts["unit"] += ok_unit
        counts["pj"] += ok_pj
        counts["full"] += ok_formula and ok_unit and ok_name
        if not (ok_formula and ok_unit and ok_name):
            misses.append(
                f"{item['id']} -> {best.id} ({row.confidence:.2f}): {best.name!r}"
                f" | {best.formula_text!r} {best.unit_name}"
            )
    print(f"{v!r}" if show > 10 else "", end="")
    for miss in misses[:show]:
        print("   ", miss)
    return counts


def main(argv: list[str]) -> int:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    if "--print" in argv:
        print(layout(rows(), VARIANTS[argv[argv.index("--print") + 1]]), end="")
        return 0
    only = argv[argv.index("--variant") + 1] if "--variant" in argv else None
    total = len(rows())
    print(f"{total} rows per variant: found name formula unit pj full")
    for key, variant in VARIANTS.items():
        if only and key != only:
            continue
        counts = measure(variant, show)
        print(f"{key:15s} " + " ".join(f"{c:3d}" for c in counts.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
