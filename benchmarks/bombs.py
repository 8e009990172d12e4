"""Resource bombs: each input must end in under 2 s, refused or computed.

Prints a table (input, seconds, outcome) of the hostile inputs that once hung sakip,
exhausted memory or escaped as a non-SakipError (issue 7), and exits 1 if any took
2 s or more or raised something else. Usage: python benchmarks/bombs.py
"""

from __future__ import annotations

import io
import resource
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

import sakip

BUDGET = 2.0


def _units_sweep() -> str:
    """20,000 different input units for one formula: the plan cache must stay bounded.
    The budget is per evaluation here (each new unit compiles a plan, about 2 ms)."""
    f = sakip.parse("A / B")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    slowest = 0.0
    for k in range(1, 20_001):
        unit = f"m ** {k % 97 + 1} * s ** {k // 97 + 1}"
        q = sakip.ureg.Quantity(2.0, unit)
        started = time.perf_counter()
        sakip.evaluate(f, {"A": q, "B": q})
        slowest = max(slowest, time.perf_counter() - started)
    if slowest >= BUDGET:
        raise RuntimeError(f"one evaluation took {slowest:.2f} s")
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return f"{len(f.cache.plans)} plans kept, max RSS +{grown:.0f} MB, slowest call {slowest:.3f} s"


def _measure_cell(cell: str) -> str:
    csv = f"indicator,period,variable,value\niku.01,2020,nilai,{cell}\niku.01,2020,target,90\n"
    report = sakip.measure.measure(io.StringIO(csv))
    row = report.iloc[0] if hasattr(report, "iloc") else report[0]
    return f"reason: {str(row['reason'])[:60]}"


BOMBS: list[tuple[str, Callable[[], Any]]] = [
    (
        "nested Σ 1.000 x 1.000, number bounds",
        lambda: sakip.parse("Σ_{i=1}^{1000} Σ_{j=1}^{1000} E_i x F_j"),
    ),
    (
        "nested Σ n x n, n = 1.000 given as a value",
        lambda: sakip.evaluate(
            "Σ_{i=1}^{n} Σ_{j=1}^{n} E_i x F_j", {"n": 1000, "E": {1: 1}, "F": {1: 1}}
        ),
    ),
    (
        "Σ over 10^9 terms, bounds as values",
        lambda: sakip.evaluate("Σ_{i=a}^{b} E_i", {"a": 1, "b": 10**9, "E": {1: 1}}),
    ),
    ("1000000000^999", lambda: sakip.parse("1000000000^999")),
    ("a 4.301-digit literal", lambda: sakip.parse("1" * 4301)),
    ("a 4.301-digit value text", lambda: sakip.evaluate("A + 1", {"A": "1" * 4301})),
    ("10^400 as a Python int value", lambda: sakip.evaluate("A + 1", {"A": 10**400})),
    (
        "a 4.000-digit constant ^ (1/3) beside a Σ",
        lambda: sakip.parse("(" + "9" * 4000 + ") ^ (1/3) + Σ_{i=1}^{3} E_i"),
    ),
    ("9^9^9^9", lambda: sakip.parse("9^9^9^9")),
    ("A x 9^9^91%", lambda: sakip.parse("A x 9^9^9100%")),
    ("chain of 203 operands A + A + ...", lambda: sakip.evaluate("A" + " + A" * 202, {"A": 1})),
    ("chain of 254 operands A / A / ...", lambda: sakip.evaluate("A" + " / A" * 253, {"A": 1})),
    ("chain of 254 operands A ^ A ^ ...", lambda: sakip.evaluate("A" + " ^ A" * 253, {"A": 1})),
    ("chain of 300 operands", lambda: sakip.evaluate("A" + " - A" * 299, {"A": 1})),
    ("5.000 unary minus signs", lambda: sakip.parse("-" * 5000 + "A")),
    ("brackets 65 deep", lambda: sakip.parse("(" * 65 + "A" + ")" * 65)),
    ("a formula of 5.001 characters", lambda: sakip.parse("A" * 5001)),
    (
        "'did you mean' among 100.000 names",
        lambda: sakip.evaluate(
            "Angkatan kerja produktif x 2", {f"Angkatan kerja desa {i}": i for i in range(100_000)}
        ),
    ),
    (
        "'did you mean' among 20.000 long names",
        lambda: sakip.evaluate(
            "Angkatan kerja produktif x 2",
            {"Angkatan kerja " * 6 + str(i): i for i in range(20_000)},
        ),
    ),
    ("measure() cell of 40 KB of spaces", lambda: _measure_cell(" " * 40_000 + "1")),
    ("measure() cell of 40 KB of digits", lambda: _measure_cell("1" * 40_000)),
    ("20.000 input units for one formula (time is the whole sweep)", _units_sweep),
    (
        "1.000.000-row arrays with a zero denominator in min()",
        lambda: sakip.evaluate(
            "min(A / B x 100%; 120%)",
            {"A": np.ones(1_000_000), "B": np.where(np.arange(1_000_000) % 2, 1.0, 0.0)},
        ),
    ),
]


def run(bomb: Callable[[], Any]) -> tuple[float, str, bool]:
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = bomb()
        shown = getattr(value, "magnitude", value)
        if isinstance(shown, np.ndarray):
            shown = f"{shown.size} rows, {int(np.isnan(shown).sum())} NaN"
        outcome, good = f"ok: {str(shown)[:70]}", True
    except sakip.SakipError as exc:
        outcome, good = f"{type(exc).__name__}: {str(exc).splitlines()[0][:70]}", True
    except Exception as exc:  # the point is to find anything else
        outcome, good = f"NOT A SakipError {type(exc).__name__}: {exc}", False
    return time.perf_counter() - started, outcome, good


def main() -> int:
    failures = 0
    print("| input | seconds | outcome |\n|---|---|---|")
    for label, bomb in BOMBS:
        seconds, outcome, good = run(bomb)
        whole_sweep = "whole sweep" in label
        if (seconds >= BUDGET and not whole_sweep) or not good:
            failures += 1
            outcome = f"**FAIL** {outcome}"
        print(f"| {label} | {seconds:.3f} | {outcome.replace('|', '/')} |")
    print(f"\n{len(BOMBS)} bombs, {failures} over {BUDGET} s or not a SakipError")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
