"""Hostile catalog folders: N mutated copies of a small real catalog, each loaded and used.

The base is a trimmed copy of shipped files (a Lampiran I section, a kecamatan section
with its template, two scales). Each case changes one to three fields (a wrong type, a
hostile text, a formula bomb, a missing or an unknown field, a duplicate row, a band
out of order), writes the folder, and runs `catalog.load` then every use of the result
(get, search, lint, to_json, to_toml and reload, to_table, to_dhis2, evaluate of each
formula row, predikat on each scale). A `SakipError` (or a `CatalogWarning`) is the
answer we want; any other exception, or a load slower than TIMEOUT seconds, is an escape.

Usage: python benchmarks/fuzz_catalog.py [N] [SEED]   (default 300 cases, seed 0)
Prints counts per outcome every 50 cases, and each escape (with the mutation that made
it) when it happens.
Exits 1 if any case escapes.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import json
import math
import random
import signal
import sys
import tempfile
import time
import tomllib
import traceback
import warnings
from collections import Counter
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

import sakip
from sakip import catalog

TIMEOUT = 20.0

HOSTILE: list[Any] = [
    "",
    " ",
    "\x00",
    "a" * 5000,
    "9^9^9^9",
    "(" * 600 + "a" + ")" * 600,
    "__import__('os').system('true')",
    "Σ_{i=1}^{1.000.000.000} E_i",
    "A / 0",
    "A / B x 100%",
    "jika A > 1 maka",
    "١٢٣",
    "\u202eevil",
    "\ud800",
    "nan",
    "inf",
    "-1",
    "percent",
    "meter / second ** 9999",
    "1e400",
    "kec.t01",
    "iku.01",
    "higher",
    "formula",
    "direct",
    "capaian_lkjip_5",
    "[category]",
    "x" * 200 + ".01",
    0,
    -1,
    2**63 - 1,
    -(2**63),
    1.5,
    float("nan"),
    float("inf"),
    True,
    False,
    [],
    ["a", 1],
    [[]],
    {},
    {"a": 1},
    dt.date(2020, 1, 1),
    dt.datetime(2020, 1, 1, 12, 0),
]


class Overtime(Exception):
    """Raised by the alarm when a case runs over TIMEOUT."""


def _alarm(_sig: int, _frame: FrameType | None) -> None:
    raise Overtime


def base_data() -> dict[str, dict[str, Any]]:
    """Small real files: five IKU rows, one kecamatan with its templates, two scales."""
    data = resources.files("sakip.catalog") / "data"

    def read(name: str) -> dict[str, Any]:
        return tomllib.loads((data / name).read_text("utf-8"))

    iku = read("lampiran1.toml")
    iku["indicator"] = iku["indicator"][:5]
    kec = read("pd31_kec_banyuasin_1.toml")
    kec["indicator"] = kec["indicator"][:4]
    used = {row.get("template") for row in kec["indicator"]}
    templates = read("template_kecamatan.toml")
    templates["template"] = [t for t in templates["template"] if t["template_id"] in used]
    scales = read("scales.toml")
    scales["scale"] = scales["scale"][:2]
    return {"iku.toml": iku, "kec.toml": kec, "templates.toml": templates, "scales.toml": scales}


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)  # a TOML basic string
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_text(document: dict[str, Any]) -> str:
    def is_table(value: Any) -> bool:
        return isinstance(value, dict) or (
            isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
        )

    # plain keys first: after a [table] header they would belong to that table
    lines = [f"{json.dumps(k)} = {toml_value(v)}" for k, v in document.items() if not is_table(v)]
    for key, value in document.items():
        if isinstance(value, dict):
            lines.append(f"[{key}]")
            lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for row in value:
                lines.append(f"[[{key}]]")
                nested = {k: v for k, v in row.items() if k == "band"}
                lines += [
                    f"{json.dumps(k)} = {toml_value(v)}" for k, v in row.items() if k != "band"
                ]
                for band in nested.get("band", []):
                    lines.append(f"[[{key}.band]]")
                    lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in band.items()]
    return "\n".join(lines) + "\n"


def places(files: dict[str, dict[str, Any]]) -> list[tuple[dict[str, Any], str]]:
    """Every (table, key) a mutation can change."""
    out: list[tuple[dict[str, Any], str]] = []
    for document in files.values():
        for value in document.values():
            tables = value if isinstance(value, list) else [value]
            for table in tables:
                if not isinstance(table, dict):
                    continue
                out += [(table, key) for key in table if key != "band"]
                for band in table.get("band", []):
                    out += [(band, key) for key in band]
    return out


def mutate(files: dict[str, dict[str, Any]], rng: random.Random) -> list[str]:
    done = []
    for _ in range(rng.randint(1, 3)):
        table, key = rng.choice(places(files))
        move = rng.random()
        if move < 0.05:
            document = rng.choice(list(files.values()))
            top = rng.choice(list(document))
            document[top] = copy.deepcopy(rng.choice(HOSTILE))
            done.append(f"[{top}] = {document[top]!r:.60}")
        elif move < 0.6:
            value = rng.choice(HOSTILE)
            table[key] = copy.deepcopy(value)
            done.append(f"{key} = {value!r:.60}")
        elif move < 0.7:
            del table[key]
            done.append(f"del {key}")
        elif move < 0.8:
            table["unknown_" + key] = table[key]
            done.append(f"unknown_{key}")
        elif move < 0.9:
            rows = files["iku.toml"]["indicator"]
            if isinstance(rows, list) and rows:
                rows.append(copy.deepcopy(rng.choice(rows)))
                done.append("duplicate iku row")
        else:
            _, other_key = rng.choice(places(files))
            if other_key in table:
                table[key], table[other_key] = table[other_key], table[key]
            done.append(f"swap {key} <-> {other_key}")
    return done


def use(cat: Any, folder: Path) -> None:
    """Every use of a loaded catalog; a SakipError from one use does not stop the others."""
    steps = [
        lambda: [cat.get(ind.id) for ind in cat],
        lambda: cat.search("Persentase"),
        lambda: sakip.lint(cat),
        lambda: json.loads(cat.to_json()),
        lambda: cat.to_table(),
        lambda: cat.to_dhis2(),
        lambda: catalog.load(cat.to_toml(folder / "again")),
    ]
    for ind in cat:
        if ind.kind == "formula":
            steps.append(lambda ind=ind: sakip.evaluate(ind, dict.fromkeys(ind.variables, 3)))
    for name in ("ikm_kepmenpan_25_2004", "ikm_permenpanrb_14_2017"):
        for value in (25, 50, 100, 100.5, float("nan")):
            steps.append(lambda n=name, v=value: sakip.predikat(v, cat.scales.get(n, n)))
    for step in steps:
        with contextlib.suppress(sakip.SakipError):
            step()


def one_case(base: dict[str, dict[str, Any]], rng: random.Random) -> tuple[str, list[str]]:
    files = copy.deepcopy(base)
    done = mutate(files, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cat"
        folder.mkdir()
        for name, document in files.items():
            (folder / name).write_text(toml_text(document), encoding="utf-8", errors="replace")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                cat = catalog.load(folder)
            except sakip.SakipError:
                return "refused", done
            use(cat, Path(tmp))
    return "loaded", done


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=300, help="number of cases")
    parser.add_argument("seed", nargs="?", type=int, default=0, help="random seed")
    arguments = parser.parse_args(argv[1:])
    rng = random.Random(arguments.seed)
    signal.signal(signal.SIGALRM, _alarm)
    base = base_data()
    outcomes: Counter[str] = Counter()
    escapes: list[tuple[int, list[str], str]] = []
    start = time.perf_counter()
    for i in range(arguments.n):
        state = rng.getstate()
        signal.alarm(int(TIMEOUT))
        try:
            outcome, done = one_case(base, rng)
        except Overtime:
            rng.setstate(state)
            done = mutate(copy.deepcopy(base), rng)
            outcome = "escape"
            escapes.append((i, done, f"over {TIMEOUT:.0f} s"))
            print(f"--- escape, case {i}: {done}: over {TIMEOUT:.0f} s", flush=True)
        except Exception as exc:
            rng.setstate(state)
            done = mutate(copy.deepcopy(base), rng)
            outcome = "escape"
            tail = traceback.format_exception(exc)[-3:]
            escapes.append((i, done, "".join(tail).strip()))
            print(f"--- escape, case {i}: {done}\n{escapes[-1][2]}", flush=True)
        finally:
            signal.alarm(0)
        outcomes[outcome] += 1
        if (i + 1) % 50 == 0:
            print(
                f"{i + 1} cases, {time.perf_counter() - start:.0f} s: {dict(outcomes)}", flush=True
            )
    seconds = time.perf_counter() - start
    print(f"{arguments.n} cases, seed {arguments.seed}, {seconds:.1f} s: {dict(outcomes)}")
    return 1 if escapes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
