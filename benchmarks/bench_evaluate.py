"""Speed of sakip measured side by side with plain Python and numpy, in one run.

Prints ratios (the figures that matter on a shared, noisy machine):
(a) evaluate() of a cached formula on floats vs a plain Python function;
(b) the same over 1,000,000-element numpy arrays vs plain numpy;
(c) parse + compile time per formula (median over distinct formulas);
(d) `import sakip` vs `import sympy, lark, pint` (fresh interpreters).
Targets from issue 2: (a) <= 30x, (b) <= 1.2x, (c) < 2 ms median, (d) <= 1.15x.
(c) is wall-clock time, which other work on a shared machine inflates: to compare a
change, benchmarks/compare_compile.py runs the same loop in CPU time beside another tree.
Since issue 7, (b) reads the input arrays once more (one dot product per two arrays)
to find NaN and infinite rows that 1/inf, min/max, powers and conditions would
otherwise turn into numbers; that read costs about 0.3-0.5x of numpy's own time here,
so (b) is about 1.4-1.6x: the cost of no silent wrong number. (Computing in
cache-sized blocks so the check reads cache instead of memory was tried and measured
slower on this machine: numpy's whole-array loops beat 60 Python-level blocks.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import timeit

import numpy as np

import sakip
from sakip.language import parser as language_parser

TEXT = "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%"


def plain(a: float, b: float) -> float:
    return a / b * 100


def side_by_side(ours: object, base: object, number: int, rounds: int = 15) -> tuple[float, float]:
    """Best time per call of each, measured in alternating rounds so that the machine's
    noise hits both alike; the minimum is the least disturbed measurement."""
    best_ours = best_base = float("inf")
    for _ in range(rounds):
        best_ours = min(best_ours, timeit.timeit(ours, number=number) / number)  # type: ignore[arg-type]
        best_base = min(best_base, timeit.timeit(base, number=number) / number)  # type: ignore[arg-type]
    return best_ours, best_base


def scalar_ratio() -> tuple[float, float, float]:
    values = {"Jumlah Penduduk yang bekerja": 930.0, "Angkatan Kerja": 1000.0}
    sakip.evaluate(TEXT, values)
    ours, base = side_by_side(
        lambda: sakip.evaluate(TEXT, values), lambda: plain(930.0, 1000.0), 20_000
    )
    return ours, base, ours / base


def array_ratio() -> tuple[float, float, float]:
    rng = np.random.default_rng(1)
    a = rng.uniform(1, 1000, 1_000_000)
    b = rng.uniform(1000, 2000, 1_000_000)
    values = {"Jumlah Penduduk yang bekerja": a, "Angkatan Kerja": b}
    sakip.evaluate(TEXT, values)
    ours, base = side_by_side(lambda: sakip.evaluate(TEXT, values), lambda: a / b * 100, 10)
    return ours, base, ours / base


FORMULAS = [
    "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
    "AKB = {D0-<1th} / Σ Lahir Hidup x 1.000",
    "(Jumlah Tindak Kriminal tahun n - Jumlah Tindak Kriminal tahun n-1) / Jumlah Tindak Kriminal tahun n-1 x 100%",
    "IKLH = (0,3 x IPU) + (0,3 x IPA) + (0,4 x TH)",
    "jika n <= 31 Desember tahun n-1 maka capaian kinerja = 100,00%, jika n > 31 Desember tahun n-1 maka capaian kinerja = 0,00%",
    "min({AKE Padi-padian} x 0,5; 25) + min({AKE Gula} x 0,5; 2,5)",
    "Jumlah LPM Aktif dibagi Jumlah LPM dikali 100%",
    "(realisasi PAD tahun n : realisasi pendapatan daerah tahun n) x 100%",
]


def compile_times() -> list[float]:
    times = []
    for round_ in range(5):
        for text in FORMULAS:
            variant = text + " " * (round_ + 1)  # a new cache key, the same formula
            started = timeit.default_timer()
            f = sakip.parse(variant)
            plan = sakip.language.plan_for(f, tuple(None for _ in f.slots), None, True)
            plan.scalar  # noqa: B018 - compiles
            times.append(timeit.default_timer() - started)
    language_parser._CACHE.clear()
    return times


# Both sides import with bytecode caches, as after a normal `pip install`: these
# machines set PYTHONDONTWRITEBYTECODE, so an editable install would otherwise compile
# sakip's sources at every import while the dependencies load their installed caches.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def import_once(code: str) -> float:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=_ENV,
    )
    return float(out.stdout)


def import_times(runs: int = 11) -> tuple[float, float]:
    """Fresh interpreters, alternating the two imports; the best of each."""
    import_once("import sakip")  # writes the bytecode caches
    ours, deps = [], []
    for _ in range(runs):
        ours.append(import_once("import sakip"))
        deps.append(import_once("import sympy, lark, pint"))
    return min(ours), min(deps)


def main() -> None:
    ours, base, ratio = scalar_ratio()
    print(
        f"(a) evaluate, cached, floats: {ours * 1e6:.2f} us vs plain {base * 1e6:.3f} us -> {ratio:.1f}x (target <= 30x)"
    )
    ours, base, ratio = array_ratio()
    print(
        f"(b) evaluate, 1e6-element arrays: {ours * 1e3:.2f} ms vs numpy {base * 1e3:.2f} ms -> {ratio:.2f}x (target <= 1.2x)"
    )
    times = compile_times()
    print(
        f"(c) parse + compile per formula: median {statistics.median(times) * 1e3:.2f} ms, max {max(times) * 1e3:.2f} ms over {len(times)} (target < 2 ms median)"
    )
    ours_import, deps = import_times()
    print(
        f"(d) import sakip {ours_import:.3f} s vs import sympy, lark, pint {deps:.3f} s -> {ours_import / deps:.2f}x (target <= 1.15x)"
    )


if __name__ == "__main__":
    main()
