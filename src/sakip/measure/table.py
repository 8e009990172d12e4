"""measure(): realisasi and targets in a long table -> values, capaian and predikat.

The long format (one value per row) is documented in docs/measure.md:

    indicator, [entity,] period, variable, value

``indicator`` is a catalog id or abbreviation, ``entity`` an optional unit of
measurement (a kecamatan, a desa), ``variable`` a variable of the indicator's formula
(``nilai`` for a direct measure, ``E_7`` for an indexed name, ``target`` for the target).
Each indicator is evaluated once, over all its entities and periods as numpy arrays.
Every failure of a cell or an indicator becomes the reason of its rows: the report
always completes. Reading cells is in cells.py, files in io.py, evaluation in
evaluation.py, roll-up in rollup.py.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from ..errors import SakipError
from ..language import normalize_name
from .achievement import achievement, normalize_polarity, policy_for
from .cells import BadCell, key_texts, label, periods, read_values
from .evaluation import direct_values, formula_values, lookup, spellings_of, why
from .io import TableError, read_frame
from .keterangan import POLARITY_WORDS, describe
from .predikat import resolve_scale
from .types import Cells, Groups, Notes, Rows, When
from .written import Noted, target_note

if TYPE_CHECKING:
    from ..catalog import Catalog, Indicator

#: measure()'s policy argument: one policy name, or a policy name by polarity.
Policies = str | Mapping[str, str] | None

__all__ = ["PLAN", "TableError", "measure", "read_table"]

#: The RPJMD period of the seed regulation.
PLAN = (2018, 2023)
COLUMNS = ("indicator", "period", "variable", "value")
#: The report's columns, in order: the fields of the rows but ``when``.
OUTPUT = tuple(f.name for f in attrs.fields(Rows) if f.name != "when")
#: The columns that hold one value for all the rows of an indicator.
_ONCE = ("indicator", "unit")


def read_table(table: Any, *, decimal_point: bool = False) -> Any:
    """The long table as a pandas DataFrame with parsed cells (``cell``), periods
    (``when``) and per-row notes (``note``: a cell that was cut, ...).

    ``table`` is a DataFrame, a local CSV path or an open file (see io.py)."""
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
    notes = [""] * len(frame)
    for column in ("entity", "indicator", "variable"):
        frame[column], cut = key_texts(frame[column])
        notes = [a or b for a, b in zip(notes, cut, strict=True)]
    # an object column: a list of floats and None would become floats with NaN for None
    cells = np.empty(len(frame), dtype=object)
    cells[:] = read_values(frame["value"].tolist(), decimal_point)
    frame["cell"] = cells
    frame["when"] = periods(frame["period"].tolist())
    frame["note"] = notes
    return frame


def _in_plan(when: When, plan: tuple[int, int]) -> bool:
    return when[0] is not None and plan[0] <= when[0] <= plan[1]


def measure(
    table: Any,
    catalog: Catalog | None = None,
    *,
    policy: Policies = None,
    scale: Any = "capaian_lkjip_5",
    plan: tuple[int, int] = PLAN,
    decimal_point: bool = False,
    language: str = "id",
) -> Any:
    """Compute every indicator of a long table: value, unit, target, capaian, predikat.

    Returns a pandas DataFrame with one row per (indicator, entity, period) and a
    ``reason`` column that says why a value or capaian is missing (missing input,
    zero denominator, category outside the allowed set, unknown indicator, period
    outside the plan, no target, a cell that cannot be read). No row is dropped
    silently, and no cell or indicator stops the report. ``policy`` is one policy
    name or a mapping polarity -> policy; ``scale`` names the predikat scale. Safe to
    call from several threads at once.

    ``catalog`` is the :class:`sakip.catalog.Catalog` whose indicators the table names:
    the shipped Banyuasin catalog by default, or your own (``sakip.catalog.load(path)``).
    The report also names each row's indicator (``name``, ``satuan``, ``polarity``) and
    gives its ``reason`` in Indonesian as ``keterangan`` (``language="en"``: in English,
    as ``reason``; the polarity words follow the language too).
    """
    import pandas as pd

    catalog = chosen_catalog(catalog)
    grading = resolve_scale(scale, catalog)
    for side in ("higher", "lower"):
        policy_for(side, policy)  # a bad policy is the caller's error, not a row's
    _check_plan(plan)
    if language not in POLARITY_WORDS:
        raise TableError(f"language is 'id' or 'en', not {language!r}")
    frame = read_table(table, decimal_point=decimal_point)
    tables, notes = _file_cells(frame)
    blocks: list[Rows] = []
    for key, cells in tables.items():
        try:
            found = _measure_indicator(catalog, key, cells, policy, plan)
        except Exception as exc:  # the report always completes: the failure is the reason
            found = [_rows(key, _groups(cells), reason=why(exc))]
        blocks.extend(_with_notes(rows, notes.get(key, {})) for rows in found)
    result = pd.DataFrame(_columns(blocks), columns=list(OUTPUT))
    capaian = pd.to_numeric(result["capaian"], errors="coerce").to_numpy(dtype=float)
    result["predikat"] = grading.grades(capaian)[1]
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


def _file_cells(frame: Any) -> tuple[dict[str, Cells], dict[str, Notes]]:
    """One pass over the rows files every cell under its indicator; the per-indicator
    work is then dictionary look-ups and one vectorized evaluation."""
    tables: dict[str, Cells] = {}
    notes: dict[str, Notes] = {}
    columns = ("indicator", "entity", "when", "variable", "cell", "note")
    for indicator, entity, when, variable, cell, note in zip(
        *(frame[c].tolist() for c in columns), strict=True
    ):
        cells = tables.setdefault(indicator, {})
        place = (entity, when, variable)
        if place in cells:
            note = note or f"'{variable}' is given more than once; the first row is used"
        else:
            cells[place] = cell
        if note:
            row_notes = notes.setdefault(indicator, {}).setdefault((entity, when), [])
            if note not in row_notes:
                row_notes.append(note)
    return tables, notes


def _with_notes(rows: Rows, notes: Notes) -> Rows:
    """The rows with the notes of their input rows added to their reasons."""
    if not notes:
        return rows
    found = [notes.get(group) for group in zip(rows.entity, rows.when, strict=True)]
    if not any(found):
        return rows
    reasons = tuple(
        "; ".join([reason, *more] if reason else more) if more else reason
        for reason, more in zip(rows.reason, found, strict=True)
    )
    return attrs.evolve(rows, reason=reasons)


def _columns(blocks: list[Rows]) -> dict[str, list[Any]]:
    """The report's columns, every indicator's rows after the previous one's, as lists:
    the frame gets the dtypes pandas infers from them (object where a column mixes
    numbers, text and None)."""
    columns: dict[str, list[Any]] = {name: [] for name in OUTPUT}
    for rows in blocks:
        for name in OUTPUT:
            column = getattr(rows, name)
            columns[name].extend([column] * len(rows) if name in _ONCE else column)
    return columns


def _groups(cells: Cells) -> Groups:
    return sorted({(e, p) for e, p, _ in cells}, key=lambda g: (g[0], g[1][0] or 0, g[1][1]))


def _each(column: Any, n: int) -> tuple[Any, ...]:
    """A column given for every row (a list) or once for all of them."""
    return tuple(column) if isinstance(column, list) else (column,) * n


def _rows(
    indicator: str,
    groups: Groups,
    *,
    value: list[Any] | None = None,
    unit: str = "",
    target: list[Any] | None = None,
    capaian: list[Any] | None = None,
    reason: list[str] | str = "",
) -> Rows:
    """The report rows of one indicator, one per group; a column not given is empty."""
    n = len(groups)
    return Rows(
        indicator,
        tuple(entity for entity, _ in groups),
        tuple(label(when) for _, when in groups),
        _each(value, n),
        unit,
        _each(target, n),
        _each(capaian, n),
        _each(reason, n),
        tuple(when for _, when in groups),
    )


def _measure_indicator(
    catalog: Catalog, key: str, cells: Cells, policy: Policies, plan: tuple[int, int]
) -> list[Rows]:
    groups = _groups(cells)
    try:
        indicator = catalog.get(key)
    except Exception as exc:  # SakipError, or a fault of the catalog on odd text
        unknown = f"no indicator {key!r} in the catalog"
        return [_rows(key, groups, reason=why(exc) if isinstance(exc, SakipError) else unknown)]
    inside = [g for g in groups if _in_plan(g[1], plan)]
    outside = [g for g in groups if not _in_plan(g[1], plan)]
    blocks = [_rows(indicator.id, outside, reason=[_outside(p, plan) for _, p in outside])]
    if inside:
        blocks.append(_computed(indicator, cells, policy, inside))
    return blocks


def _outside(when: When, plan: tuple[int, int]) -> str:
    if when[0] is None:
        return f"period {when[1]!r} names no year"
    return f"period {label(when)!r} is outside the plan {plan[0]}-{plan[1]}"


def _computed(indicator: Indicator, cells: Cells, policy: Policies, inside: Groups) -> Rows:
    """The rows of an indicator's periods inside the plan: value, target, capaian."""
    variables = {v for _, _, v in cells}
    evaluate = direct_values if indicator.formula is None else formula_values
    values, unit, reasons = evaluate(indicator, cells, variables, inside)
    targets = lookup(
        cells, spellings_of(variables, lambda v: normalize_name(v) == "target"), inside
    )
    capaian, capaian_reasons = _capaian(indicator, values, targets, policy)
    return _rows(
        indicator.id,
        inside,
        value=values,
        unit=str(unit),
        target=[
            None if isinstance(t, BadCell) else t.value if isinstance(t, Noted) else t
            for t in targets
        ],
        capaian=capaian,
        reason=[r or c for r, c in zip(reasons, capaian_reasons, strict=True)],
    )


def _capaian(
    indicator: Indicator, values: list[Any], targets: list[Any], policy: Policies
) -> tuple[list[Any], list[str]]:
    """Capaian for one indicator's rows (numbers in one vectorized call); a reason where
    there is none."""
    polarity = normalize_polarity(indicator.polarity)
    chosen = policy_for(polarity, policy)
    targets = list(targets)
    n = len(values)
    capaian: list[Any] = [None] * n
    reasons = [""] * n
    numeric: list[int] = []
    notes = [""] * n
    for k in range(n):
        value, target = values[k], targets[k]
        if value is None:
            continue
        if isinstance(target, Noted):
            notes[k], target = target_note(target, polarity), target.value
            targets[k] = target
        if target is None:
            reasons[k] = "no target"
        elif isinstance(target, BadCell):
            reasons[k] = f"target: {target.reason}"
        elif isinstance(value, str):  # a category: the target must be one too
            expected = indicator.allowed(target) if indicator.allowed_values else target
            if not isinstance(expected, str):
                reasons[k] = f"the target {target!r} is not a category of this indicator"
            else:
                capaian[k] = achievement(value, expected, polarity=polarity).magnitude
        elif not isinstance(target, float | int | tuple) or isinstance(target, bool):
            reasons[k] = f"the target is not a number: {target!r}"
        elif isinstance(target, tuple) or target == 0 or value == 0 or not math.isfinite(value):
            # ranges, and zeros (where a policy may divide by zero), one at a time: a
            # scalar raises and names what is 0, where arrays would only warn
            capaian[k], reasons[k] = _single(value, target, polarity, chosen)
        else:
            numeric.append(k)
    if numeric:
        actual = np.array([values[k] for k in numeric], dtype=float)
        target = np.array([targets[k] for k in numeric], dtype=float)
        result = achievement(actual, target, polarity=polarity, policy=chosen).magnitude
        for k, value in zip(numeric, np.atleast_1d(result), strict=True):
            if np.isfinite(value):
                capaian[k] = float(value)
            else:
                reasons[k] = "capaian undefined"
    reasons = ["; ".join(filter(None, pair)) for pair in zip(reasons, notes, strict=True)]
    return capaian, reasons


def _single(value: Any, target: Any, polarity: str, policy: Any) -> tuple[Any, str]:
    try:
        return float(achievement(value, target, polarity=polarity, policy=policy).magnitude), ""
    except SakipError as exc:
        return None, f"capaian undefined: {why(exc)}"
