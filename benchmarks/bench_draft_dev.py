"""sakip.catalog.draft on a second, non-seed text: 40 rows of dev-rumus.tsv laid out as an
OCR-style lampiran (issue 12, item 5, the fallback: no other region's lampiran text was
usable). Each row of dev-rumus.tsv with two variables whose expected value is
first / second x k (k = 1, 100, 1.000 or 100.000) is printed as a table row in fixed-width
columns (SASARAN 16, INDIKATOR 28, RUMUS 44 characters): cells side by side on each
line, the name and the RUMUS wrapped, the fraction stacked (numerator lines, then
denominator lines, no bar), the factor beside the last numerator line and garbled
('£ 100%') on every third row, the satuan, penanggung jawab and sumber data at the end.

For each row: is it found (name similarity), does the drafted formula give the expected
value on the row's sample values (variables paired by name similarity), is the unit
right? The text is kept in tests/data/regulations/dev_rumus_lampiran.txt; the script
says when its layout differs from the kept file, and ``--write`` rewrites the file.

Usage: python benchmarks/bench_draft_dev.py [--show N] [--write]
"""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from fractions import Fraction
from pathlib import Path
from typing import Any

from draft_accuracy import match_variables, similarity

import sakip
from sakip.catalog import draft

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT.parent / "shared" / "reference" / "dev-rumus.tsv"
OUT = ROOT / "tests" / "data" / "regulations" / "dev_rumus_lampiran.txt"
WIDTHS = (16, 28, 44)
FACTORS = (1, 100, 1000, 100000)
SASARAN = (
    "Meningkatnya kualitas pelayanan dasar",
    "Meningkatnya kesejahteraan masyarakat",
    "Meningkatnya tata kelola pemerintahan",
)


def rows() -> list[dict[str, Any]]:
    """The dev-rumus rows that are first / second x k, with k."""
    found = []
    with TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names = [v.strip() for v in row["variables"].split("|")]
            try:
                values = json.loads(row["sample_values"])
                expected = float(row["expected"])
            except ValueError:
                continue
            if len(names) != 2:
                continue
            a, b = values.get(names[0]), values.get(names[1])
            if not all(isinstance(v, int | float) for v in (a, b)) or not b:
                continue
            k = [k for k in FACTORS if abs(a / b * k - expected) <= 1e-4 * max(1, abs(expected))]
            if k:
                found.append({**row, "names": names, "values": values, "k": k[0]})
    return found


def _satuan(unit: str, k: int) -> str:
    return "%" if k == 100 else "Rasio"


def layout(items: list[dict[str, Any]]) -> str:
    lines = [
        f"Second text for issue 12, laid out from {TSV.name} by benchmarks/bench_draft_dev.py",
        "",
        "LAMPIRAN II",
        "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024",
        "",
        "1. DINAS CONTOH",
        "",
        "A. Tugas Pokok :",
        "1. Melaksanakan urusan pemerintahan yang menjadi kewenangan daerah.",
        "",
        "SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA",
        "1 2 3 4 5 6",
    ]
    for n, item in enumerate(items):
        sas = textwrap.wrap(SASARAN[n // 14], WIDTHS[0]) if n % 14 == 0 else []
        name = textwrap.wrap(item["indicator"], WIDTHS[1])
        top = textwrap.wrap(item["names"][0], WIDTHS[2])
        bottom = textwrap.wrap(item["names"][1], WIDTHS[2])
        if item["k"] != 1:
            sign = "£" if n % 3 == 2 else "x"
            top[-1] += f" {sign} {sakip.format_number(item['k'], 0)}"
            top[-1] += "%" if item["k"] == 100 else ""
        rumus = top + bottom
        tail = [f"{_satuan(item['unit'], item['k'])} Dinas Laporan", "Contoh Tahunan"]
        for i in range(max(len(sas), len(name), len(rumus), len(tail))):
            cells = [c[i] if i < len(c) else "" for c in (sas, name, rumus, tail)]
            lines.append(" ".join(c for c in cells if c))
    return "\n".join(lines) + "\n"


def _value(indicator: Any, item: dict[str, Any]) -> Fraction | None:
    formula = indicator.formula
    if formula is None:
        return None
    paired = match_variables(tuple(item["names"]), formula.variables)
    if paired is None or len(formula.variables) != 2:
        return None
    values = {paired[name]: item["values"][name] for name in item["names"]}
    try:
        return Fraction(sakip.evaluate(formula, values).magnitude)
    except sakip.SakipError:
        return None


def main(argv: list[str]) -> int:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 10
    items = rows()
    text = layout(items)
    kept = OUT.read_text(encoding="utf-8") if OUT.exists() else None
    if "--write" in argv:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(text, encoding="utf-8")
    elif text != kept:
        print(f"note: the layout differs from {OUT.relative_to(ROOT)}; --write keeps it")
    result = draft(text)
    drafted = list(result.catalog)
    counts = dict.fromkeys(("found", "formula", "unit", "full"), 0)
    misses = []
    for item in items:
        best = max(drafted, key=lambda d: similarity(item["indicator"], d.name))
        if similarity(item["indicator"], best.name) < 0.6:
            misses.append(f"{item['id']}: not found")
            continue
        counts["found"] += 1
        value = _value(best, item)
        expected = Fraction(item["expected"])
        ok_formula = value is not None and abs(value - expected) <= abs(expected) * 1e-6
        ok_unit = best.unit_name == ("percent" if item["k"] == 100 else "dimensionless")
        counts["formula"] += ok_formula
        counts["unit"] += ok_unit
        counts["full"] += ok_formula and ok_unit
        if not (ok_formula and ok_unit):
            misses.append(f"{item['id']} -> {best.id}: {best.formula_text!r} {best.unit_name}")
    print(f"{len(items)} rows laid out ({OUT.relative_to(ROOT)}); draft: {len(drafted)} rows")
    for field, count in counts.items():
        print(f"  {field:8s} {count:3d}/{len(items)} = {100 * count / len(items):5.1f}%")
    for miss in misses[:show]:
        print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
