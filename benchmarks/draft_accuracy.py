"""How close sakip.catalog.draft() comes to the curated catalog, on the seed text.

For each curated row: is there a drafted row that answers to it, in the same section, with an equivalent formula (same value on random positive inputs,
variables matched by name similarity; two direct measures count as equal), the same unit
and the same polarity? Prints the share per field,
overall, and the misses grouped by cause, largest class first.

The benchmark reads the curated catalog; the drafter never does.

A drafted row answers a curated row when it was read from the printed lines where the
curated row starts (its ``seed_line``, within the drafted row's first and last line): it
is that row of the table, found, however well its words were read; the fields below say
how well. Curated rows no drafted row was read from that way (sub-rows a/b/c, which start
inside their parent's lines) are paired by similar name and RUMUS (0.6 x name + 0.4 x
RUMUS similarity, at least 0.45). The count found by that text similarity alone, without
line numbers (the only measure before), is printed beside it.

Rows are paired one to one (a drafted row answers one curated row), best pairs first;
``--shared`` lets several curated rows (sub-rows a/b/c) take the same drafted row.

Usage: python benchmarks/draft_accuracy.py [SEED_TEXT] [--misses N] [--shared]

--misses N lists N rows per cause (default 5).
"""

from __future__ import annotations

import random
import sys
import time
from difflib import SequenceMatcher
from itertools import permutations
from pathlib import Path
from typing import Any

import sympy

from sakip import catalog
from sakip.catalog import Indicator, draft
from sakip.units import parse_unit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_805685bd0c01af1f.txt"
FOUND_AT = 0.45  # similarity below which a curated row counts as not found
TRIALS = 3


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _words(a), _words(b)).ratio()


def _score(curated: Indicator, drafted: Indicator) -> float:
    return 0.6 * similarity(curated.name, drafted.name) + 0.4 * similarity(
        curated.rumus_asli, drafted.rumus_asli
    )


def _values(formula: Any, names: list[str], rng: random.Random) -> dict[Any, Any] | None:
    """Random positive values per (variable name, period offset); None if a slot is of a
    kind this comparison does not cover (indexed sums, dates, categories)."""
    out = {}
    for slot in formula.slots:
        if slot.kind not in ("value", "shift") or slot.variable is None:
            return None
        out[slot.symbol] = (names[slot.variable], slot.offset)
    return out


def match_variables(ours: tuple[str, ...], theirs: tuple[str, ...]) -> dict[str, str] | None:
    """Each curated variable paired with a distinct drafted one, the pairing of highest
    total name similarity (all pairings for up to 7 variables, else greedily)."""
    if len(theirs) < len(ours):
        return None
    if len(theirs) <= 7:
        best = max(
            permutations(theirs, len(ours)),
            key=lambda p: sum(similarity(a, b) for a, b in zip(ours, p, strict=True)),
        )
        return dict(zip(ours, best, strict=True))
    left = list(theirs)
    taken = {}
    for name in ours:
        pick = max(left, key=lambda v: similarity(name, v))
        taken[name] = pick
        left.remove(pick)
    return taken


def equivalent(curated: Indicator, drafted: Indicator, rng: random.Random) -> bool:
    if curated.kind == "direct" or drafted.kind == "direct":
        return curated.kind == drafted.kind
    a, b = curated.formula, drafted.formula
    if a is None or b is None:
        return False
    taken = match_variables(a.variables, b.variables)
    if taken is None:
        return False
    keys_a = _values(a, [taken[n] for n in a.variables], rng)
    keys_b = _values(b, list(b.variables), rng)
    if keys_a is None or keys_b is None:
        return _words(curated.formula_text or "") == _words(drafted.formula_text or "")
    if set(keys_b.values()) - set(keys_a.values()):
        return False  # the draft needs a value the curated formula does not have
    percent = sympy.Symbol("percent_")
    for _ in range(TRIALS):
        draw = {
            key: sympy.Rational(rng.randint(1, 10_000), rng.randint(1, 97))
            for key in set(keys_a.values())
        }
        try:
            va = a.expr.subs({s: draw[k] for s, k in keys_a.items()}).subs(percent, 1)
            vb = b.expr.subs({s: draw[k] for s, k in keys_b.items()}).subs(percent, 1)
            if va != vb:
                return False
        except (TypeError, ValueError, ZeroDivisionError):
            return False
    return True


def same_unit(a: Indicator, b: Indicator) -> bool:
    if "category" in (a.unit_name, b.unit_name):
        return a.unit_name == b.unit_name
    return bool(parse_unit(a.unit_name) == parse_unit(b.unit_name))


def _scores(
    curated: list[Indicator], drafted: list[Indicator], pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """The score of the given (curated, drafted) pairs that reach FOUND_AT; a pair whose
    upper bound (SequenceMatcher.quick_ratio) is below it is skipped unscored."""
    ours = [(_words(r.name), _words(r.rumus_asli)) for r in curated]
    theirs = [(_words(r.name), _words(r.rumus_asli)) for r in drafted]
    scores = {}
    by_name, by_rumus = SequenceMatcher(None), SequenceMatcher(None)
    for j in sorted({j for _, j in pairs}):
        by_name.set_seq2(theirs[j][0])  # seq2 is the one SequenceMatcher indexes
        by_rumus.set_seq2(theirs[j][1])
        for i in (i for i, jj in pairs if jj == j):
            by_name.set_seq1(ours[i][0])
            by_rumus.set_seq1(ours[i][1])
            if 0.6 * by_name.quick_ratio() + 0.4 * by_rumus.quick_ratio() < FOUND_AT:
                continue
            score = 0.6 * by_name.ratio() + 0.4 * by_rumus.ratio()
            if score >= FOUND_AT:
                scores[i, j] = score
    return scores


def pair_rows(
    curated: list[Indicator],
    drafted: list[Indicator],
    section_of: dict[str, str],
    one_to_one: bool,
    spans: dict[str, tuple[int, int]] | None = None,
) -> tuple[dict[str, Indicator], dict[tuple[int, int], float]]:
    """Each curated row's drafted row: the best-scoring pairs first, in the same section
    before any other; with ``one_to_one`` a drafted row answers one curated row only.
    Also the scores computed on the way.

    With ``spans`` (each drafted row's first and last line in the text), a drafted row
    read from the lines where a curated row starts (its ``seed_line``), in the same
    section, answers it before any pair matched by text: it is that printed row, however
    badly its words were read. Rows a drafted row merged answer one curated row only.

    A same-section pair (score + 1) outranks every other pair, so the pairs across
    sections are scored only for the curated rows left without one: the same result
    as ranking all pairs at once, in a fraction of the time."""
    home = [
        (i, j)
        for i, c in enumerate(curated)
        for j, d in enumerate(drafted)
        if d.section == section_of[c.section]
    ]
    pairs: dict[str, Indicator] = {}
    taken: set[int] = set()
    if spans is not None:
        for i, j in home:
            first, last = spans[drafted[j].id]
            free = curated[i].id not in pairs and not (one_to_one and j in taken)
            if free and first <= curated[i].seed_line <= last:
                pairs[curated[i].id] = drafted[j]
                taken.add(j)
    scores = _scores(curated, drafted, home)

    def take(found: dict[tuple[int, int], float], bonus: float) -> None:
        for _, i, j in sorted(((s + bonus, i, j) for (i, j), s in found.items()), reverse=True):
            if curated[i].id in pairs or (one_to_one and j in taken):
                continue
            pairs[curated[i].id] = drafted[j]
            taken.add(j)

    take(scores, 1.0)
    left = [i for i, c in enumerate(curated) if c.id not in pairs]
    away = [
        (i, j)
        for i in left
        for j, d in enumerate(drafted)
        if d.section != section_of[curated[i].section]
    ]
    found = _scores(curated, drafted, away)
    take(found, 0.0)
    return pairs, {**scores, **found}


def _formula_cause(row: Indicator, best: Indicator) -> str:
    if row.kind != best.kind:
        return f"drafted {best.kind}, curated {row.kind}"
    a, b = row.formula, best.formula
    if a is None or b is None:
        return "formula not parsed"
    if len(a.variables) != len(b.variables):
        return (
            "variables: drafted more"
            if len(b.variables) > len(a.variables)
            else ("variables: drafted fewer")
        )
    return "same number of variables, other value"


def _lost_cause(
    index: int,
    curated: list[Indicator],
    drafted: list[Indicator],
    pairs: dict[str, Indicator],
    section_of: dict[str, str],
    scores: dict[tuple[int, int], float],
) -> str:
    row = curated[index]
    home = section_of[row.section]
    near = [j for (i, j), _ in scores.items() if i == index]
    if not any(d.section == home for d in drafted):
        return "section not drafted"
    mine = sum(c.section == row.section for c in curated)
    theirs = sum(d.section == home for d in drafted)
    if theirs < mine:
        return "its section has fewer drafted rows than curated ones (rows merged or lost)"
    if near:
        return "its nearest drafted row answers another curated row"
    return "no drafted row near it (name and RUMUS read wrong)"


def _report(title: str, causes: dict[str, list[str]], misses: int) -> None:
    total = sum(len(items) for items in causes.values())
    print(f"{title} ({total}):")
    for cause, items in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):4d}  {cause}")
        for item in items[:misses]:
            print("         ", item)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else SEED
    misses = int(argv[argv.index("--misses") + 1]) if "--misses" in argv else 5
    one_to_one = "--shared" not in argv
    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    drafted = draft(text)
    took = time.perf_counter() - start
    curated = catalog.load()
    # sections: each curated section takes the drafted section with the closest name
    section_of = {
        s.code: max(drafted.catalog.sections, key=lambda d: similarity(s.name, d.name)).code
        for s in curated.sections
    }
    rng = random.Random(0)
    counts = dict.fromkeys(("found", "section", "formula", "unit", "polarity", "full"), 0)
    used: dict[str, int] = {}
    wrong: dict[str, dict[str, list[str]]] = {
        f: {} for f in ("not found", "section", "formula", "unit", "polarity")
    }
    rows, others = list(curated), list(drafted.catalog)
    by_text, _ = pair_rows(rows, others, section_of, one_to_one)
    spans = {r.id: (r.first_line, r.last_line) for r in drafted.rows}
    pairs, scores = pair_rows(rows, others, section_of, one_to_one, spans)
    for index, row in enumerate(rows):
        best = pairs.get(row.id)
        if best is None:
            cause = _lost_cause(index, rows, others, pairs, section_of, scores)
            wrong["not found"].setdefault(cause, []).append(f"{row.id} {row.name!r}")
            continue
        counts["found"] += 1
        used[best.id] = used.get(best.id, 0) + 1
        checks = {
            "section": best.section == section_of[row.section],
            "formula": equivalent(row, best, rng),
            "unit": same_unit(row, best),
            "polarity": row.polarity == best.polarity,
        }
        causes = {
            "section": f"drafted in {best.section}",
            "formula": _formula_cause(row, best),
            "unit": f"drafted {best.unit_name!r}, curated {row.unit_name!r}",
            "polarity": f"drafted {best.polarity}, curated {row.polarity}",
        }
        for field, ok in checks.items():
            counts[field] += ok
            if not ok:
                item = f"{row.id} vs {best.id}: {row.name!r}"
                if field == "formula":
                    item += f" | {best.formula_text or best.rumus_asli!r}"
                wrong[field].setdefault(causes[field], []).append(item)
        counts["full"] += all(checks.values())
    total = len(curated)
    flagged = len(drafted.flagged)
    print(
        f"draft: {len(drafted.rows)} rows in {len(drafted.catalog.sections)} sections, "
        f"{sum(i.kind == 'formula' for i in drafted.catalog)} formulas, {flagged} flagged, "
        f"{took:.1f} s"
    )
    print(f"curated rows: {total}")
    for field, count in counts.items():
        print(f"  {field:9s} {count:4d}/{total} = {100 * count / total:5.1f}%")
    print(
        f"  found by name and RUMUS text alone (no line numbers): {len(by_text)}/{total};"
        f" by the lines they were read from: {sum(r.id in pairs and r.id not in by_text for r in rows)} more"
    )
    shared = sum(n for n in used.values() if n > 1)
    print(
        f"  {len(used)} distinct drafted rows answer the found rows; {shared} curated rows "
        "share their drafted row with another (sub-rows a/b/c, merged rows)"
    )
    for field, causes in wrong.items():
        _report(f"misses: {field}", causes, misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
