"""measure() on tables whose rows are mostly undefined (zero denominators), and on a
tahun n-1 table, against the same number of well-defined rows.

Usage: python benchmarks/bench_undefined.py [ROWS]   (default 100000)
Prints seconds per case; the undefined rows should cost about what the defined ones do.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from typing import Any

import pandas as pd

from sakip.measure import measure


def ratio_table(n: int, denominator: int, distinct: bool = False) -> pd.DataFrame:
    """iku.26 (Penduduk yang bekerja / Angkatan Kerja x 100%) over n (entity, year) rows;
    ``distinct``: every row has another numerator (no two rows alike)."""
    rows: list[tuple[str, str, int, str, Any]] = []
    for k in range(n):
        entity, year = f"Desa {k // 6}", 2018 + k % 6
        rows.append(("iku.26", entity, year, "Penduduk yang bekerja", k if distinct else k % 97))
        rows.append(("iku.26", entity, year, "Angkatan Kerja", denominator))
        rows.append(("iku.26", entity, year, "target", 90))
    return pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])


def shift_table(n: int) -> pd.DataFrame:
    """iku.10 ((X tahun n - X tahun n-1) / X tahun n-1) over n (entity, year) rows."""
    rows: list[tuple[str, str, int, str, Any]] = []
    for k in range(n):
        entity, year = f"Desa {k // 6}", 2018 + k % 6
        rows.append(("iku.10", entity, year, "Jumlah Tindak Kriminal", k % 13))
        rows.append(("iku.10", entity, year, "target", 5))
    return pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])


def timed(name: str, make: Callable[[], Any]) -> None:
    table = make()
    start = time.perf_counter()
    result = measure(table)
    seconds = time.perf_counter() - start
    undefined = int(result["value"].isna().sum())
    print(f"{name:40} {seconds:7.2f} s  ({len(result):,} rows, {undefined:,} without value)")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    timed(f"{n:,} rows, denominators 50", lambda: ratio_table(n, 50))
    timed(f"{n:,} rows, denominators 0", lambda: ratio_table(n, 0))
    timed(f"{n:,} rows, denominators 0, all distinct", lambda: ratio_table(n, 0, True))

    def csv() -> io.StringIO:
        return io.StringIO(ratio_table(n, 0).to_csv(index=False))

    timed(f"{n:,} rows, denominators 0, CSV", csv)
    timed(f"{n:,} rows, tahun n-1", lambda: shift_table(n))


if __name__ == "__main__":
    main()
