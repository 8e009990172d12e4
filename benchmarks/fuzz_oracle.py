"""The differential oracle, long run: N random formulas with a known exact value.

Each case is built by tests/oracle.py (the generator the CI tests use, here driven by a
seeded random.Random) and evaluated on the general scalar path, the plain-dict fast
path and on numpy arrays; every result is compared with the exact Fraction value.

Usage: python benchmarks/fuzz_oracle.py [N] [SEED]   (default 100000 cases, seed 0)
Prints progress, counts per outcome and failure kind, and the first 20 failures.
Exits 1 if any case fails.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.oracle import Case, Failure, RandomSource, check, random_case  # noqa: E402

SHOWN = 20


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="number of cases")
    parser.add_argument("seed", nargs="?", type=int, default=0, help="random seed")
    arguments = parser.parse_args(argv[1:])
    n, seed = arguments.n, arguments.seed
    rng = random.Random(seed)
    source = RandomSource(rng)
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    shown: list[tuple[int, Case, list[Failure], list[str]]] = []
    shortest: dict[str, tuple[int, Case, list[Failure], list[str]]] = {}
    start = last = time.perf_counter()
    for i in range(n):
        case = random_case(source)
        try:
            failures, expects = check(case)
        except Exception as exc:  # the oracle itself broke: report it as a failure
            failures, expects = [Failure("oracle error", "oracle", repr(exc))], []
        e0 = expects[0] if expects else None
        if failures:
            outcomes["failed"] += 1
            exp = ["undefined" if e.value is None else repr(float(e.value)) for e in expects]
            entry = (i, case, failures, exp)
            for kind in {f.kind for f in failures}:
                kinds[kind] += 1
                if kind not in shortest or len(case.text) < len(shortest[kind][1].text):
                    shortest[kind] = entry
            if len(shown) < SHOWN:
                shown.append(entry)
        elif e0 is not None and e0.value is None:
            outcomes["ok (expected error)"] += 1
        elif e0 is not None and (e0.unstable or e0.extreme):
            outcomes["ok (ill-conditioned, value not checked)"] += 1
        else:
            outcomes["ok"] += 1
        now = time.perf_counter()
        if now - last > 10:
            last = now
            print(
                f"  {i + 1}/{n} cases, {outcomes['failed']} failed, {now - start:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    elapsed = time.perf_counter() - start
    print(
        f"fuzz_oracle: {n} cases, seed {seed}, {elapsed:.1f} s ({1000 * elapsed / n:.2f} ms/case)"
    )
    for key in ("ok", "ok (expected error)", "ok (ill-conditioned, value not checked)", "failed"):
        print(f"  {key:42} {outcomes[key]}")
    print("failed cases by kind (a case may have several):")
    for kind in (
        "wrong value",
        "scalar/array disagree",
        "paths disagree",
        "missed zero denominator",
        "missing warning",
        "spurious warning",
        "refused",
        "wrong error",
        "crash",
        "wrong unit",
        "wrong shape",
        "oracle error",
    ):
        print(f"  {kind:42} {kinds[kind]}")
    for title, entries in (
        (f"first {SHOWN} failures", shown),
        ("shortest failure of each kind", list(shortest.items())),
    ):
        if entries:
            print(f"\n===== {title}")
        for entry in entries:
            if isinstance(entry[0], str):
                print(f"\n[{entry[0]}]", end="")
                entry = entry[1]  # type: ignore[assignment]
            index, case, failures, exp = entry  # type: ignore[misc]
            print(f"\n#{index}\n{case.describe()}\nexpected: {', '.join(exp)}")
            for failure in failures:
                print(f"  {failure}")
    return 1 if outcomes["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
