"""measure() over every catalog indicator x 21 kecamatan x 6 years, against the same
work done by looping sakip.evaluate() + achievement() per (indicator, kecamatan, year).

Prints both times (best of a few rounds, measured alternately) and the ratio.
Usage: python benchmarks/bench_measure.py [ROUNDS]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import warnings
from typing import Any

import pandas as pd

import sakip
from sakip.measure import achievement, measure

ENTITIES = [f"Kecamatan {k}" for k in range(1, 22)]
YEARS = range(2018, 2024)


def long_table(
    rng: random.Random,
) -> tuple[pd.DataFrame, dict[tuple[str, str, int], dict[str, Any]]]:
    """A long table for every indicator, and the same inputs per row for the loop."""
    rows: list[tuple[str, str, int, str, Any]] = []
    per_row: dict[tuple[str, str, int], dict[str, Any]] = {}
    for indicator in sakip.catalog.load():
        formula = indicator.formula
        for entity in ENTITIES:
            series: dict[str, dict[int, float]] = {}
            for year in YEARS:
                values: dict[str, Any] = {}
                if formula is None:
                    value: Any = (
                        indicator.allowed_values[0]
                        if indicator.allowed_values
                        else rng.uniform(10, 90)
                    )
                    rows.append((indicator.id, entity, year, "nilai", value))
                    values["nilai"] = value
                else:
                    for slot in formula.slots:
                        if slot.variable is None:
                            continue
                        name = formula.variables[slot.variable]
                        if slot.kind == "indexed":
                            indexed = {
                                i: rng.uniform(1, 4) if indicator.scale else rng.uniform(50, 100)
                                for i in range(1, 15)
                            }
                            for i, v in indexed.items():
                                rows.append((indicator.id, entity, year, f"{name}_{i}", v))
                            values[name] = indexed
                        elif slot.categorical:
                            values[name] = "WTP"
                            rows.append((indicator.id, entity, year, name, "WTP"))
                        elif slot.date_typed:
                            values[name] = dt.date(year - 1, 12, rng.randint(1, 31))
                            rows.append(
                                (indicator.id, entity, year, name, values[name].isoformat())
                            )
                        elif name in ("a", "n"):
                            values[name] = 7 if name == "a" else 12
                            rows.append((indicator.id, entity, year, name, values[name]))
                        else:
                            history = series.setdefault(name, {year - 1: rng.uniform(100, 1000)})
                            history[year] = rng.uniform(100, 1000)
                            values[name] = dict(history)
                    for name, history in series.items():
                        if year == YEARS[0]:
                            rows.append((indicator.id, entity, year - 1, name, history[year - 1]))
                        rows.append((indicator.id, entity, year, name, history[year]))
                categorical = indicator.allowed_values and not indicator.allowed_values[0].isdigit()
                target: Any = indicator.allowed_values[0] if categorical else rng.uniform(50, 100)
                rows.append((indicator.id, entity, year, "target", target))
                per_row[(indicator.id, entity, year)] = {"values": values, "target": target}
    frame = pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])
    return frame, per_row


def loop(per_row: dict[tuple[str, str, int], dict[str, Any]]) -> int:
    catalog = sakip.catalog.load()
    done = 0
    for (key, _entity, year), row in per_row.items():
        indicator = catalog.get(key)
        try:
            result = sakip.evaluate(indicator, row["values"], period=year)
            achievement(result.magnitude, row["target"], polarity=indicator.polarity)
            done += 1
        except sakip.SakipError:
            pass
    return done


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    frame, per_row = long_table(random.Random(2026))
    print(f"{len(per_row)} (indicator, kecamatan, year) rows; long table of {len(frame)} rows")
    warnings.simplefilter("ignore")
    best_measure = best_loop = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        result = measure(frame)
        best_measure = min(best_measure, time.perf_counter() - started)
        started = time.perf_counter()
        done = loop(per_row)
        best_loop = min(best_loop, time.perf_counter() - started)
    computed = int(result["capaian"].notna().sum())
    print(f"measure(): {best_measure:.2f} s, {computed} capaian computed")
    print(f"loop of evaluate() + achievement() per row: {best_loop:.2f} s, {done} rows computed")
    print(f"ratio: measure is {best_loop / best_measure:.1f}x faster")


if __name__ == "__main__":
    main()
