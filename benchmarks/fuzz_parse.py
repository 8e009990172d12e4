"""Fuzz parse() and evaluate() with random and mutated formulas.

Seeds are the golden formulas (tests/data/valid) and the catalog formulas; mutations
insert, delete, duplicate and swap characters and tokens, and splice formulas together.
Every input must either work or raise a sakip.SakipError subclass; anything else
(a crash, RecursionError, a non-Sakip exception, a hang over the per-input budget)
is reported. Usage: python benchmarks/fuzz_parse.py [SECONDS] [SEED]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

import sakip

ROOT = Path(__file__).resolve().parent.parent
ALPHABET = [
    *"abcxXnΣ∑_^{}()[]/:*×+-–—%,.;=<>≤≥≠#\"0123456789 \n",
    " tahun n-1", " jika ", " maka ", " selain itu ", " dan ", " atau ", " dibagi ",
    " x 100%", "min(", "akar(", "rata-rata(", " Dimana: ", "31 Desember ", "Σ_{i=1}^{3} ",
    "E_i", "{D0-<1th}", " persen", "9^9^9",
]  # fmt: skip


def seeds() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests" / "data" / "valid").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("formula: "):
                found.append(line[len("formula: ") :])
    found.extend(i.formula_text for i in sakip.catalog.load() if i.formula_text)
    return found


def mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        pos = rng.randint(0, len(text))
        if choice < 0.3:
            text = text[:pos] + rng.choice(ALPHABET) + text[pos:]
        elif choice < 0.5 and text:
            end = min(len(text), pos + rng.randint(1, 6))
            text = text[:pos] + text[end:]
        elif choice < 0.65:
            other = rng.choice(pool)
            cut = rng.randint(0, len(other))
            text = text[:pos] + other[cut:]
        elif choice < 0.8 and text:
            end = min(len(text), pos + rng.randint(1, 10))
            text = text[:pos] + text[pos:end] * rng.randint(2, 5) + text[end:]
        else:
            text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    return text


def random_value(rng: random.Random) -> object:
    kind = rng.random()
    if kind < 0.5:
        return rng.choice([0, 1, -1, 2.5, 1e300, 1e-300, 7, 100, 3])
    if kind < 0.65:
        return np.array([rng.uniform(-5, 5) for _ in range(3)])
    if kind < 0.75:
        return {2019: rng.uniform(0, 10), 2020: rng.uniform(0, 10)}
    if kind < 0.85:
        return {i: rng.uniform(0, 10) for i in range(0, 15)}
    return rng.choice(["WTP", "WDP", "1.234,5", "abc"])


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("seconds", nargs="?", type=float, default=60.0, help="time budget")
    parser.add_argument("seed", nargs="?", type=int, default=2026, help="random seed")
    return parser.parse_args()


def main() -> int:
    arguments = _arguments()
    budget = arguments.seconds
    rng = random.Random(arguments.seed)
    pool = seeds()
    outcomes: Counter[str] = Counter()
    failures: list[tuple[str, str]] = []
    slowest = 0.0
    started = time.perf_counter()
    count = 0
    while time.perf_counter() - started < budget:
        text = mutate(rng, rng.choice(pool), pool)
        count += 1
        t0 = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                formula = sakip.parse(text)
                values = {name: random_value(rng) for name in formula.variables}
                sakip.evaluate(formula, values, period=2020)
            outcomes["ok"] += 1
        except sakip.SakipError as exc:
            outcomes[type(exc).__name__] += 1
        except Exception as exc:  # the point is to catch everything else
            outcomes["NOT A SakipError"] += 1
            failures.append((text, f"{type(exc).__name__}: {exc}"))
        slowest = max(slowest, time.perf_counter() - t0)
    print(f"fuzz: {count} inputs in {budget:.0f} s from {len(pool)} seed formulas")
    for name, n in outcomes.most_common():
        print(f"  {name}: {n}")
    print(f"  slowest input: {slowest * 1e3:.1f} ms")
    for text, error in failures[:20]:
        print(f"  FAILURE {error!r} on {text!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
