"""measure(): realisasi and targets in a long table -> values, capaian and predikat.

The long format (one value per row) is documented in docs/measure.md:

    indicator, [entity,] period, variable, value

``indicator`` is a catalog id or abbreviation, ``entity`` an optional unit of
measurement (a kecamatan, a desa), ``variable`` a variable of the indicator's formula
(``nilai`` for a direct measure, ``E_7`` for an indexed name, ``target`` for the target).
The table is read into arrays once (columns.py); each indicator is then evaluated once,
over all its entities and periods as numpy arrays, its cells found by binary search
(places.py); the capaian of all indicators of one policy is one array operation at the
end (capaian.py). Every failure of a cell or an indicator becomes the reason of its
rows: the report always completes.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import SakipError
from ..language import normalize_name
from .achievement import policy_for
from .capaian import Capaian
from .columns import Columns, read_columns
from .evaluation import direct_values, formula_values, spellings_of, unit_text, why
from .io import TableError, read_frame
from .keterangan import POLARITY_WORDS, describe
from .partitions import is_dask, measure_partitions
from .places import Places, Source
from .predikat import resolve_scale

if TYPE_CHECKING:
    from ..catalog import Catalog

#: measure()'s policy argument: one policy name, or a policy name by polarity.
Policies = str | Mapping[str, str] | None
#: measure()'s progress argument: called with (rows done, rows in all).
Progress = Callable[[int, int], object] | None

__all__ = ["OUTPUT", "PLAN", "TableError", "chosen_catalog", "measure", "read_table"]

#: The RPJMD period of the seed regulation.
PLAN = (2018, 2023)
COLUMNS = ("indicator", "period", "variable", "value")
#: The report's columns, in order, before predikat and the columns for officials.
OUTPUT = ("indicator", "entity", "period", "value", "unit", "target", "capaian", "reason")


def _frame(table: Any) -> Any:
    """The table as a DataFrame with the long format's columns (names folded)."""
    frame = read_frame(table)
    frame.columns = [str(c).strip().casefold() for c in frame.columns]
    if len(set(frame.columns)) != len(frame.columns):
        raise TableError(f"the table has repeated columns: {list(frame.columns)}")
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(
            f"the table has no column {', '.join(map(repr, missing))};"
            f" required: {', '.join(COLUMNS)}"
        )
    if "entity" not in frame.columns:
        frame["entity"] = ""
    return frame


def read_table(table: Any, *, decimal_point: bool = False) -> Any:
    """The long table as a pandas DataFrame with parsed cells (``cell``), periods
    (``when``) and per-row notes (``note``: a cell that was cut, ...).

    ``table`` is a DataFrame, a local CSV or .xlsx path or an open file (see io.py)."""
    frame = _frame(table)
    columns = read_columns(frame, decimal_point)
    n = len(frame)
    cells = np.empty(n, dtype=object)
    cells[:] = [columns.cell(r) for r in range(n)]
    whens = np.empty(len(columns.whens), dtype=object)
    whens[:] = columns.whens
    for name, codes, texts in (
        ("indicator", columns.indicator, columns.indicator_names),
        ("entity", columns.entity, columns.entity_names),
        ("variable", columns.variable, columns.variable_names),
    ):
        frame[name] = np.array(texts, dtype=object)[codes] if n else []
    frame["cell"] = cells
    frame["when"] = whens[columns.when] if n else []
    frame["note"] = [columns.notes.get(r, "") for r in range(n)]
    return frame


def measure(
    table: Any,
    catalog: Catalog | None = None,
    *,
    policy: Policies = None,
    scale: Any = "capaian_lkjip_5",
    plan: tuple[int, int] | None = None,
    decimal_point: bool = False,
    language: str = "id",
    progress: Progress = None,
) -> Any:
    """Compute every indicator of a long table: value, unit, target, capaian, predikat.

    Returns a pandas DataFrame with one row per (indicator, entity, period) and a
    ``reason`` column that says why a value or capaian is missing (missing input,
    zero denominator, category outside the allowed set, unknown indicator, period
    outside the plan, no target, a cell that cannot be read). No row is dropped
    silently, and no cell or indicator stops the report. ``policy`` is one policy
    name or a mapping polarity -> policy; ``scale`` names the predikat scale. ``plan``
    is the (first, last) year of the plan: by default the seed's RPJMD, 2018-2023, for
    the shipped catalog, and no limit for a catalog of your own. Safe to call from
    several threads at once.

    ``catalog`` is the :class:`sakip.catalog.Catalog` whose indicators the table names:
    the shipped Banyuasin catalog by default, or your own (``sakip.catalog.load(path)``).
    The report also names each row's indicator (``name``, ``satuan``, ``polarity``) and
    gives its ``reason`` in Indonesian as ``keterangan`` (``language="en"``: in English,
    as ``reason``; the polarity words follow the language too). ``progress``, if given,
    is called with (report rows done, report rows in all) after each indicator.

    A Dask DataFrame partitioned by region gives a Dask DataFrame of the partitions'
    reports (``progress`` is then not called; Dask has its own diagnostics).
    """
    import pandas as pd

    if is_dask(table):  # one measure() per partition, run by Dask's scheduler
        options = {"catalog": catalog, "policy": policy, "scale": scale, "plan": plan,
                   "decimal_point": decimal_point, "language": language}  # fmt: skip
        return measure_partitions(table, measure, **options)
    shipped = catalog is None
    catalog = chosen_catalog(catalog)
    if plan is None:
        # the seed's RPJMD years belong to the shipped catalog; another region's
        # catalog says nothing of its plan, so no row is outside it
        from ..catalog import load

        plan = PLAN if shipped or catalog is load() else (1, 9999)
    grading = resolve_scale(scale, catalog)
    for side in ("higher", "lower"):
        policy_for(side, policy)  # a bad policy is the caller's error, not a row's
    _check_plan(plan)
    if language not in POLARITY_WORDS:
        raise TableError(f"language is 'id' or 'en', not {language!r}")
    columns = read_columns(_frame(table), decimal_point)
    report = _Report(columns, plan)
    capaian = Capaian(policy, report.size)
    for code, first, last in report.indicators():
        report.measure(catalog, code, first, last, capaian)
        if progress is not None:
            progress(last, report.size)
    built = report.columns(capaian)
    for name in ("indicator", "entity", "unit", "reason"):  # text: object, as ever
        built[name] = pd.Series(built[name], dtype=object)
    result = pd.DataFrame(built, columns=list(OUTPUT))
    numbers_ = pd.to_numeric(result["capaian"], errors="coerce").to_numpy(dtype=float)
    result["predikat"] = pd.Series(grading.grades(numbers_)[1], dtype=object)
    return describe(result, catalog, language)


def chosen_catalog(catalog: Any) -> Catalog:
    """The catalog to measure against: the shipped one, or a Catalog given."""
    from ..catalog import Catalog, load

    if catalog is None:
        return load()
    if not isinstance(catalog, Catalog):
        raise TableError(
            "catalog is a sakip.catalog.Catalog (sakip.catalog.load() or load(path)),"
            f" not {type(catalog).__name__}"
        )
    return catalog


def _check_plan(plan: Any) -> None:
    ok = (
        isinstance(plan, tuple | list)
        and len(plan) == 2
        and all(isinstance(y, numbers.Integral) and not isinstance(y, bool) for y in plan)
        and plan[0] <= plan[1]
    )
    if not ok:
        raise TableError(f"plan is a (first year, last year) tuple of ints, not {plan!r}")


class _Report:
    """The report's rows (one per indicator, entity and period) and their columns,
    filled indicator by indicator. Row k of the report is group ``order[k]``."""

    def __init__(self, columns: Columns, plan: tuple[int, int]) -> None:
        import pandas as pd

        self.table, self.plan = columns, plan
        n_entity, n_when = len(columns.entity_names), len(columns.whens)
        pair = pd.factorize(columns.indicator * n_entity + columns.entity)[0].astype(np.int64)
        group = pd.factorize(pair * n_when + columns.when)[0].astype(np.int64)
        place = group * max(len(columns.variable_names), 1) + columns.variable
        first = ~pd.Series(place).duplicated().to_numpy()
        self.places = Places(columns, first, pair)
        # factorize numbers groups by first appearance: the first row of each group,
        # in row order, is the head of groups 0, 1, 2, ...
        heads = np.flatnonzero(~pd.Series(group).duplicated().to_numpy())
        self.g_indicator = columns.indicator[heads]
        self.g_entity, self.g_when, self.g_pair = (
            columns.entity[heads],
            columns.when[heads],
            pair[heads],
        )
        self.size = len(heads)
        self.notes = _notes(columns, group, first)
        self._order(columns)
        self.values: list[Any] = [None] * self.size
        self.targets: list[Any] = [None] * self.size
        self.reasons = [""] * self.size
        self.units = np.full(self.size, "", dtype=object)
        self.labels = np.full(self.size, "", dtype=object)

    def _order(self, columns: Columns) -> None:
        """Rows by indicator (first appearance), then those outside the plan, then by
        entity, year and sub-period (texts sorted)."""
        whens = columns.whens
        low, high = self.plan
        self.w_inside = np.array([w[0] is not None and low <= w[0] <= high for w in whens])
        year = np.array([w[0] or 0 for w in whens], dtype=np.int64)
        subs = sorted({w[1] for w in whens})
        sub_rank = np.array([subs.index(w[1]) for w in whens], dtype=np.int64)
        inside = self.w_inside[self.g_when]
        self.order = np.lexsort(
            (sub_rank[self.g_when], year[self.g_when], self.g_entity, inside, self.g_indicator)
        )
        self.sorted_indicator = self.g_indicator[self.order]

    def indicators(self) -> list[tuple[int, int, int]]:
        """(indicator code, first report row, last report row + 1) in report order."""
        codes = np.arange(len(self.table.indicator_names))
        starts = np.searchsorted(self.sorted_indicator, codes, side="left")
        ends = np.searchsorted(self.sorted_indicator, codes, side="right")
        return [
            (int(c), int(s), int(e)) for c, s, e in zip(codes, starts, ends, strict=True) if e > s
        ]

    def measure(self, catalog: Any, code: int, first: int, last: int, capaian: Capaian) -> None:
        key = self.table.indicator_names[code]
        groups = self.order[first:last]
        try:
            indicator = catalog.get(key)
        except Exception as exc:  # SakipError, or a fault of the catalog on odd text
            unknown = f"no indicator {key!r} in the catalog"
            self._fill(first, last, key, why(exc) if isinstance(exc, SakipError) else unknown)
            return
        inside = self.w_inside[self.g_when[groups]]
        split = first + int((~inside).sum())  # outside rows come first
        self.labels[first:last] = indicator.id
        if split > first:
            whens = self.table.whens
            codes = self.g_when[groups[: split - first]].tolist()
            outside = {w: _outside(whens[w], self.plan) for w in set(codes)}
            self.reasons[first:split] = [outside[w] for w in codes]
        if split == last:
            return
        try:
            self._computed(indicator, code, split, last, capaian)
        except Exception as exc:  # the report always completes: the failure is the reason
            capaian.drop(first, last)
            self._fill(first, last, indicator.id, why(exc))

    def _fill(self, first: int, last: int, label: str, reason: str) -> None:
        """Rows with no value, target or capaian, and one reason."""
        self.labels[first:last] = label
        self.reasons[first:last] = [reason] * (last - first)
        self.values[first:last] = self.targets[first:last] = [None] * (last - first)
        self.units[first:last] = ""

    def _computed(self, indicator: Any, code: int, first: int, last: int, capaian: Capaian) -> None:
        groups = self.order[first:last]
        query = self.places.queries(self.g_pair[groups], self.g_when[groups])
        source = Source(self.places, code, query, self.places.spellings(code))
        evaluate = direct_values if indicator.formula is None else formula_values
        values, unit, reasons = evaluate(indicator, source)
        target = source.find(
            spellings_of(source.variables, lambda v: normalize_name(v) == "target")
        )
        shown, capaian_reasons = capaian.add(indicator, values, target, source, first)
        self.values[first:last] = values
        self.targets[first:last] = shown
        self.units[first:last] = unit_text(unit)
        if any(capaian_reasons):  # the value's reason first, as it caused the other
            reasons = [r or c for r, c in zip(reasons, capaian_reasons, strict=True)]
        self.reasons[first:last] = reasons

    def columns(self, capaian: Capaian) -> dict[str, Any]:
        """The report's columns; the capaian of the policies' batches, their reasons."""
        found = capaian.finish(self.reasons)
        position = np.empty(self.size, dtype=np.int64)
        position[self.order] = np.arange(self.size)
        for group, notes in self.notes.items():
            k = int(position[group])
            reason = self.reasons[k]
            self.reasons[k] = "; ".join([reason, *notes] if reason else notes)
        periods = [self.table.period_label(w) for w in range(len(self.table.whens))]
        entities = np.array(self.table.entity_names, dtype=object)
        when = self.g_when[self.order]
        return {
            "indicator": self.labels,
            "entity": entities[self.g_entity[self.order]] if self.size else [],
            "period": [periods[w] for w in when.tolist()],
            "value": self.values,
            "unit": self.units,
            "target": self.targets,
            # all None: an object column of None, as a list of None has always given
            "capaian": found if np.isfinite(found).any() else [None] * self.size,
            "reason": self.reasons,
        }


def _notes(columns: Columns, group: Any, first: Any) -> dict[int, list[str]]:
    """Notes of the report rows: the cut key cells and repeated places of their rows."""
    by_row = dict(columns.notes)
    for row in np.flatnonzero(~first).tolist():
        variable = columns.variable_names[columns.variable[row]]
        by_row.setdefault(row, f"'{variable}' is given more than once; the first row is used")
    notes: dict[int, list[str]] = {}
    for row in sorted(by_row):
        found = notes.setdefault(int(group[row]), [])
        if by_row[row] not in found:
            found.append(by_row[row])
    return notes


def _outside(when: tuple[int | None, str], plan: tuple[int, int]) -> str:
    from .cells import label

    if when[0] is None:
        return f"period {when[1]!r} names no year"
    return f"period {label(when)!r} is outside the plan {plan[0]}-{plan[1]}"
