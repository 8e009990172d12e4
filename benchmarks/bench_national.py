"""measure() on a generated national-size table: regions x indicators x years x triwulan.

The default is the size issue 10 names: 548 regions (kabupaten and kota) x 50 catalog
indicators x 5 years x 4 triwulan = 548.000 report rows, from a long table of one row
per input variable and one per target (several million rows). Values are generated
(uniform, reproducible), the value column is float64 as a database export gives it.

Prints the table's size, the time of measure(), rows per second (long-table rows and
report rows) and the peak memory of the process (its maximum resident set size).
Usage: python benchmarks/bench_national.py [REGIONS] [INDICATORS]
"""

from __future__ import annotations

import random
import resource
import sys
import time
from typing import Any

import numpy as np
import pandas as pd

import sakip
from sakip.measure import measure
from sakip.numbers import format_number

YEARS = range(2019, 2024)
TRIWULAN = ("T1", "T2", "T3", "T4")


def indicators(count: int) -> list[Any]:
    """The first ``count`` catalog indicators whose formula takes plain numbers."""
    chosen = []
    for indicator in sakip.catalog.load():
        formula = indicator.formula
        if formula is None or any(
            s.kind in ("date", "indexed") or s.categorical or s.date_typed for s in formula.slots
        ):
            continue
        chosen.append(indicator)
        if len(chosen) == count:
            break
    return chosen


def long_table(regions: int, count: int, rng: random.Random) -> pd.DataFrame:
    """One row per (indicator, region, period, variable), built column by column."""
    columns: dict[str, list[Any]] = {k: [] for k in ("indicator", "entity", "period", "variable")}
    for indicator in indicators(count):
        formula = indicator.formula
        # a shifted variable (tahun n-1) is the same variable a year earlier: give the
        # variable itself for every period, and one year more before the first
        plain = sorted(
            {formula.variables[s.variable] for s in formula.slots if s.variable is not None}
        )
        shifted = any(s.kind == "shift" for s in formula.slots)
        years = [YEARS[0] - 1, *YEARS] if shifted else list(YEARS)
        for region in range(regions):
            entity = f"Kab/Kota {region + 1:03d}"
            for year in years:
                for sub in TRIWULAN:
                    period = f"{year}-{sub}"
                    for name in plain:
                        columns["indicator"].append(indicator.id)
                        columns["entity"].append(entity)
                        columns["period"].append(period)
                        columns["variable"].append(name)
                    if year in YEARS:
                        columns["indicator"].append(indicator.id)
                        columns["entity"].append(entity)
                        columns["period"].append(period)
                        columns["variable"].append("target")
    frame = pd.DataFrame(columns)
    generator = np.random.default_rng(rng.randrange(2**32))
    frame["value"] = generator.uniform(100.0, 1000.0, len(frame))
    return frame


def main() -> None:
    regions = int(sys.argv[1]) if len(sys.argv) > 1 else 548
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    started = time.perf_counter()
    frame = long_table(regions, count, random.Random(2026))
    built = time.perf_counter() - started
    print(f"{regions} regions x {count} indicators x {len(YEARS)} years x {len(TRIWULAN)} triwulan")
    print(f"long table: {_n(len(frame))} rows, built in {built:.1f} s")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    report = measure(frame, plan=(2018, 2023))
    took = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    computed = int(report["capaian"].notna().sum())
    print(f"report: {_n(len(report))} rows, {_n(computed)} with a capaian")
    print(f"measure(): {took:.1f} s")
    print(f"  {_n(len(frame) / took)} long-table rows per second")
    print(f"  {_n(len(report) / took)} report rows per second")
    print(f"peak memory (max RSS): {_n(peak / 1024)} MB (before measure(): {_n(before / 1024)} MB)")


def _n(value: float) -> str:
    return format_number(value, 0)


if __name__ == "__main__":
    main()
