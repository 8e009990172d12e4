"""How sakip.catalog.draft() reads IKU lampiran of other regions: a held-out test (issue 12,
item 5). The texts are stored public pages kept under tests/data/regulations/ (each
``<region>_<number>_<year>.txt`` with its ``.source.md``); their rows were written by hand
in ``<same>.expected.tsv``, reading the text, never the drafter's output.

Expected rows, one a line, tab-separated: section (the perangkat daerah as printed, or
``iku``), indicator (the name as printed), kind (``formula`` / ``direct``), formula (the
RUMUS in sakip's language, empty for a direct measure), unit (a sakip unit name), polarity
(``higher`` / ``lower``), note (what was judged), rumus (the RUMUS as printed, joined
across lines; used, like the curated ``rumus_asli``, to pair rows).

A text whose ``.source.md`` says "- Held out: yes" was added after the drafter was tuned on
the others: the figures are printed for the tuned and the held-out texts apart, the
held-out ones being the measure of how the drafter reads a region it has never seen.

Rows are compared as benchmarks/draft_accuracy.py compares the seed (its functions are
imported): each expected row is paired with a drafted row by name and RUMUS similarity,
in its section first; then section, formula (same value on random positive inputs,
variables paired by name similarity), unit and polarity are checked. Prints the share per
field for each text and overall, and the misses.

``--with-heading`` is a diagnostic: it puts a ``LAMPIRAN I`` line (a text of the
regency's own IKU) or ``LAMPIRAN II`` line (a perangkat daerah text) before each text
before drafting, to see what the drafter does past a missing or unrecognised lampiran
heading. The texts on disk are not changed and the figures without the flag are the
measure.

Usage: python benchmarks/draft_region.py [--with-heading] [--misses N]
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draft_accuracy import equivalent, pair_rows, same_unit, similarity

import sakip
from sakip.catalog import draft

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "data" / "regulations"
FIELDS = ("found", "section", "formula", "unit", "polarity", "full")
# the regency's own IKU, for pairing a drafted section by name when none is coded "iku"
IKU_NAME = "Indikator Kinerja Utama Pemerintah Daerah"


@dataclass(frozen=True)
class Expected:
    """One hand-checked row, with the attributes of a catalog Indicator that the
    comparison functions of draft_accuracy.py read."""

    id: str
    section: str
    name: str
    kind: str
    formula_text: str | None
    unit_name: str
    polarity: str
    note: str
    rumus_asli: str

    @property
    def formula(self) -> Any:
        return None if self.formula_text is None else sakip.parse(self.formula_text)


def held_out(text: Path) -> bool:
    """Whether a text was added after the drafter was tuned on the others (its
    ``.source.md`` says "- Held out: yes"): its figures measure generalisation."""
    source = text.with_name(f"{text.stem}.source.md").read_text(encoding="utf-8")
    return "\n- Held out: yes" in source


def texts() -> list[Path]:
    """The kept texts that have expected rows."""
    return sorted(p for p in TEXTS.glob("*.txt") if p.with_name(f"{p.stem}.expected.tsv").exists())


def expected_rows(text: Path) -> list[Expected]:
    path = text.with_name(f"{text.stem}.expected.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Expected(
            id=f"{text.stem}.{n:02d}",
            section=row["section"],
            name=row["indicator"],
            kind=row["kind"],
            formula_text=row["formula"] or None,
            unit_name=row["unit"],
            polarity=row["polarity"],
            note=row["note"],
            rumus_asli=row["rumus"],
        )
        for n, row in enumerate(rows, start=1)
    ]


def _sections(rows: list[Expected], drafted: Any) -> dict[str, str | None]:
    """Each expected section's drafted section: ``iku`` to the one coded ``iku``, any
    section to the drafted one with the closest name; None when nothing was drafted."""
    sections = list(drafted.catalog.sections)
    out: dict[str, str | None] = {}
    for name in {r.section for r in rows}:
        if not sections:
            out[name] = None
        elif name == "iku" and any(s.code == "iku" for s in sections):
            out[name] = "iku"
        else:
            key = IKU_NAME if name == "iku" else name
            out[name] = max(sections, key=lambda s: similarity(key, s.name)).code
    return out


def _formula_cause(row: Expected, best: Any) -> str:
    if row.kind != best.kind:
        return f"drafted {best.kind}, expected {row.kind}"
    if best.formula is None:
        return "formula not parsed"
    ours, theirs = len(row.formula.variables), len(best.formula.variables)
    if ours != theirs:
        return f"variables: drafted {theirs}, expected {ours}"
    return "same number of variables, other value"


def measure(text: Path, with_heading: bool) -> tuple[dict[str, int], list[str], str]:
    """Counts per field, the misses, and a line on the draft, for one text."""
    rows = expected_rows(text)
    source = text.read_text(encoding="utf-8")
    if with_heading:
        heading = "LAMPIRAN I" if all(r.section == "iku" for r in rows) else "LAMPIRAN II"
        source = f"{heading}\n{source}"
    result = draft(source)
    drafted = list(result.catalog)
    section_of = _sections(rows, result)
    pairs, _ = pair_rows(rows, drafted, section_of, True)  # type: ignore[arg-type]
    rng = random.Random(0)
    counts = dict.fromkeys(FIELDS, 0)
    misses = []
    for row in rows:
        best = pairs.get(row.id)
        if best is None:
            near = max(drafted, key=lambda d: similarity(row.name, d.name), default=None)
            why = "nothing drafted" if near is None else f"nearest drafted row {near.name!r}"
            misses.append(f"not found: {row.name!r} ({why})")
            continue
        counts["found"] += 1
        checks = {
            "section": best.section == section_of[row.section],
            "formula": equivalent(row, best, rng),  # type: ignore[arg-type]
            "unit": same_unit(row, best),  # type: ignore[arg-type]
            "polarity": row.polarity == best.polarity,
        }
        causes = {
            "section": f"drafted in {best.section}",
            "formula": f"{_formula_cause(row, best)}: {best.formula_text or best.rumus_asli!r}",
            "unit": f"drafted {best.unit_name!r}, expected {row.unit_name!r}",
            "polarity": f"drafted {best.polarity}, expected {row.polarity}",
        }
        for field, ok in checks.items():
            counts[field] += ok
            if not ok:
                misses.append(f"{field}: {row.name!r} as {best.id}: {causes[field]}")
        counts["full"] += all(checks.values())
    summary = (
        f"draft: {len(result.rows)} rows in {len(result.catalog.sections)} sections, "
        f"{sum(i.kind == 'formula' for i in drafted)} formulas, {len(result.flagged)} flagged"
    )
    return counts, misses, summary


def _print_counts(counts: dict[str, int], total: int) -> None:
    for field in FIELDS:
        share = 100 * counts[field] / total if total else 0.0
        print(f"  {field:9s} {counts[field]:3d}/{total} = {share:5.1f}%")


def main(argv: list[str]) -> int:
    with_heading = "--with-heading" in argv
    shown = int(argv[argv.index("--misses") + 1]) if "--misses" in argv else 50
    groups = {False: dict.fromkeys(FIELDS, 0), True: dict.fromkeys(FIELDS, 0)}
    totals = {False: 0, True: 0}
    all_misses: list[tuple[str, str]] = []
    if with_heading:
        print("diagnostic: a LAMPIRAN heading line put before each text (--with-heading)")
    for text in texts():
        counts, misses, summary = measure(text, with_heading)
        n = len(expected_rows(text))
        totals[held_out(text)] += n
        mark = " (held out)" if held_out(text) else ""
        print(f"{text.name}{mark}: {n} expected rows; {summary}")
        _print_counts(counts, n)
        for field in FIELDS:
            groups[held_out(text)][field] += counts[field]
        all_misses.extend((text.name, m) for m in misses)
    for flag, label in ((False, "texts the drafter was tuned on"), (True, "held-out texts")):
        count = sum(held_out(t) == flag for t in texts())
        print(f"overall, {label}: {totals[flag]} expected rows in {count} texts")
        _print_counts(groups[flag], totals[flag])
    overall = {f: groups[False][f] + groups[True][f] for f in FIELDS}
    print(f"overall: {sum(totals.values())} expected rows in {len(texts())} texts")
    _print_counts(overall, sum(totals.values()))
    print(f"misses ({len(all_misses)}):")
    for name, miss in all_misses[:shown]:
        print(f"  {name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
