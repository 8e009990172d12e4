"""Parse + compile time of two source trees side by side, in CPU time, in one run.

bench_evaluate.py's (c) figure is wall-clock time, which other work on a shared
machine inflates by 2-3x from one minute to the next. This script runs the same loop
(parse, plan_for, compile the scalar function; a new cache key per round) in two warm
interpreters, this tree's sources and another's (``git worktree add /tmp/base main``),
taking turns round by round, and reports each one's median ``time.process_time`` per
formula and their ratio: the figure to compare before and after a change.

Usage: python benchmarks/compare_compile.py OTHER_SRC [ROUNDS] [bench|catalog]
(OTHER_SRC is the other tree's ``src`` folder; ROUNDS defaults to 40; ``catalog``
times the shipped catalog's distinct formulas instead of bench_evaluate's eight.)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(kind: str) -> None:
    """After a round to warm up (grammar, units, sympy's caches), time one round per
    line read from stdin and print its per-formula times as JSON."""
    warnings.simplefilter("ignore")
    import sakip
    from sakip import catalog
    from sakip.language import parser, plan_for

    sys.path.insert(0, str(HERE))
    from bench_evaluate import FORMULAS

    texts = FORMULAS
    if kind == "catalog":
        texts = sorted({i.formula_text for i in catalog.load() if i.formula_text})

    def one(text: str) -> float:
        started = time.process_time()
        try:
            formula = sakip.parse(text)
            plan_for(formula, tuple(None for _ in formula.slots), None, True).scalar  # noqa: B018
        except sakip.SakipError:
            pass  # a catalog row may not parse: its time counts all the same
        return time.process_time() - started

    round_ = 0
    while True:
        round_ += 1
        times = [one(text + " " * round_) for text in texts]  # a new cache key
        parser._CACHE.clear()
        print(json.dumps(times) if round_ > 1 else "ready", flush=True)
        if not sys.stdin.readline():
            return


def main(argv: list[str]) -> int:
    other = argv[1]
    rounds = int(argv[2]) if len(argv) > 2 else 40
    kind = argv[3] if len(argv) > 3 else "bench"
    trees = {"other": other, "this": str(HERE.parent / "src")}
    procs = {
        name: subprocess.Popen(
            [sys.executable, __file__, "--worker", kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": src},
        )
        for name, src in trees.items()
    }
    for proc in procs.values():
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    times: dict[str, list[float]] = {name: [] for name in procs}
    for round_ in range(rounds):
        order = list(procs) if round_ % 2 == 0 else list(procs)[::-1]
        for name in order:
            proc = procs[name]
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
            times[name] += json.loads(proc.stdout.readline())
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    before, after = (statistics.median(times[name]) for name in ("other", "this"))
    print(
        f"{kind}: median CPU time per formula, {other}: {before * 1e3:.3f} ms,"
        f" this tree: {after * 1e3:.3f} ms, ratio {after / before:.2f}"
        f" ({len(times['this'])} each)"
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2])
    else:
        sys.exit(main(sys.argv))
