"""Hostile IKU tables into ``sakip.catalog.from_table``: N random tables, each read and used.

Each case is a DataFrame (or the same written as CSV, with ',' or ';', or TSV) whose
headers are drawn from the known ones (catalog.table.HEADERS) and a few unknown ones,
and whose cells are drawn from hostile values (huge numbers, NaN, dates, text of
thousands of characters or digits, formula bombs, units pint cannot read). A
catalog read is then used: to_json, to_toml and load back, evaluate of each formula
row. A ``SakipError`` is an answer; any other exception, or a case over TIMEOUT
seconds, is an escape.

Usage: python benchmarks/fuzz_table.py [N] [SEED]   (default 500 cases, seed 0)
Prints counts every 100 cases and each escape with the table that made it. Exits 1
if any case escapes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

import pandas as pd

import sakip
from sakip import catalog
from sakip.catalog.table import HEADERS

TIMEOUT = 20

CELLS: list[Any] = [
    None, float("nan"), float("inf"), -1e308, 0, -1, 1, 2, 10**30, 2**63, 1.5, True,
    dt.date(2020, 1, 1), dt.datetime(2020, 1, 1, 12), pd.NaT, "", " ", "-", "0", "1.", "7",
    "0" * 5000 + "1", "9" * 400, "a" * 20_000, "\x00", "\ud800", "=HYPERLINK(\"x\")",
    "Jumlah A / Jumlah B x 100%", "A / 0", "9^9^9^9", "(" * 300 + "A" + ")" * 300,
    "Σ_{i=1}^{1.000.000.000} E_i", "jika A > 1 maka", "Dihitung oleh BPS", "%", "Persen",
    "Orang", "meter ** 99999999", "1e400 meter", "nan", "Rasio/1.000 kelahiran hidup",
    "Ada/Tidak Ada", "Positif", "Negatif", "Maksimal", "Minimal", "lower", "Triwulan",
    "Bulanan", "a; b; ", ";;;;", "Dinas Sosial", "kategori", "__import__('os')",
]  # fmt: skip
UNKNOWN = ["Target 2024", "Keterangan", "x", "", "Unnamed: 3", "Indikator Kinerja"]


class Overtime(Exception):
    """Raised by the alarm when a case runs over TIMEOUT."""


def _alarm(_sig: int, _frame: FrameType | None) -> None:
    raise Overtime


def random_table(rng: random.Random) -> pd.DataFrame:
    known = [h for headers in HEADERS.values() for h in headers]
    headers = ["Indikator Kinerja", *rng.sample(known, rng.randint(0, 8))]
    headers += rng.sample(UNKNOWN, rng.randint(0, 2))
    rows = rng.randint(0, 6)
    columns = {}
    for k, header in enumerate(headers):
        # a header repeated is a column of its own (pandas would refuse the same key)
        columns[header if header not in columns else f"{header} {k}"] = [
            rng.choice(CELLS) for _ in range(rows)
        ]
    return pd.DataFrame(columns, dtype=object)  # object: pandas' own strings refuse '\ud800'


def as_source(table: pd.DataFrame, rng: random.Random, folder: Path) -> Any:
    kind = rng.choice(["frame", "frame", "csv", "semicolon", "tsv"])
    if kind == "frame":
        return table
    path = folder / ("iku.tsv" if kind == "tsv" else "iku.csv")
    sep = {"csv": ",", "semicolon": ";", "tsv": "\t"}[kind]
    text = table.to_csv(sep=sep, index=False)
    path.write_text(text, encoding="utf-8", errors="replace")
    return path


def use(cat: Any, folder: Path) -> None:
    steps = [
        lambda: json.loads(cat.to_json()),
        lambda: catalog.load(cat.to_toml(folder / "again")),
        lambda: cat.to_table(),
        lambda: sakip.lint(cat),
    ]
    for ind in cat:
        if ind.kind == "formula":
            steps.append(lambda ind=ind: sakip.evaluate(ind, dict.fromkeys(ind.variables, 3)))
    for step in steps:
        with contextlib.suppress(sakip.SakipError):
            step()


def one_case(rng: random.Random) -> tuple[str, pd.DataFrame]:
    table = random_table(rng)
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = as_source(table, rng, Path(tmp))
        try:
            cat = catalog.from_table(source)
        except sakip.SakipError:
            return "refused", table
        use(cat, Path(tmp))
    return "read", table


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=500, help="number of cases")
    parser.add_argument("seed", nargs="?", type=int, default=0, help="random seed")
    arguments = parser.parse_args(argv[1:])
    rng = random.Random(arguments.seed)
    signal.signal(signal.SIGALRM, _alarm)
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    for i in range(arguments.n):
        state = rng.getstate()
        signal.alarm(TIMEOUT)
        try:
            outcome, _ = one_case(rng)
        except Exception as exc:
            signal.alarm(0)
            outcome = "escape"
            rng.setstate(state)
            table = random_table(rng)
            said = "over the time" if isinstance(exc, Overtime) else traceback.format_exception(exc)
            print(f"--- escape, case {i}:\n{table.to_dict('list')!r:.600}\n{''.join(said[-3:])}")
            rng.setstate(state)
            one_case_state_skip(rng)
        finally:
            signal.alarm(0)
        outcomes[outcome] += 1
        if (i + 1) % 100 == 0:
            print(
                f"{i + 1} cases, {time.perf_counter() - start:.0f} s: {dict(outcomes)}", flush=True
            )
    seconds = time.perf_counter() - start
    print(f"{arguments.n} cases, seed {arguments.seed}, {seconds:.1f} s: {dict(outcomes)}")
    return 1 if outcomes["escape"] else 0


def one_case_state_skip(rng: random.Random) -> None:
    """Draw what one case draws, so the cases after an escape stay those of the seed."""
    random_table(rng)
    rng.choice(["frame", "frame", "csv", "semicolon", "tsv"])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
