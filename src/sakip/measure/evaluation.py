"""One indicator over all its rows of a long table: inputs, values and their reasons.

Reasons are found per call, from the results themselves, never through the process's
warning state (which threads share): rows the array evaluation leaves NaN, or all rows
when it fails as a whole, are evaluated again one at a time, and the error of each
such row is its reason. Rows with the same inputs are evaluated once, and at most
MAX_ROWS_ALONE of them may fail per indicator, so undefined rows cost about what
defined ones do.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from ..errors import SakipError, UnitError, ZeroDenominatorError
from ..language import evaluate_formula as evaluate
from ..language import normalize_name
from .cells import BadCell, as_categories, as_dates, as_numbers, not_a
from .types import Cells, Groups, When

__all__ = ["Cells", "Groups", "direct_values", "formula_values", "lookup", "spellings_of", "why"]

_INDEXED = re.compile(r"(?P<base>.+?)_\{?(?P<index>\d+)\}?")


def why(exc: BaseException) -> str:
    """A row's reason from the error that stopped it: one line."""
    if isinstance(exc, ZeroDenominatorError):
        return f"zero denominator: '{exc.denominator}' is 0" if exc.denominator else str(exc)
    lines = str(exc).splitlines()
    text = lines[0] if lines else ""
    if isinstance(exc, SakipError):
        return text
    return f"could not be computed ({type(exc).__name__}: {text})"


def spellings_of(variables: set[str], same: Any) -> list[str]:
    """The table's spellings of one variable, sorted so no set order decides anything."""
    return sorted(v for v in variables if same(v))


def _shifted(when: When, offset: int) -> When:
    """The period ``offset`` years away (rows without a year are never evaluated)."""
    year, sub = when
    return (None if year is None else year + offset, sub)


def lookup(cells: Cells, spellings: list[str], groups: Groups, offset: int = 0) -> list[Any]:
    """The cell of one variable for each group at period + offset (None if absent).

    Two spellings of one variable in one row ("Angkatan Kerja" and "angkatan_kerja") are
    a BadCell naming both: which one was meant is the user's to say.
    """
    if len(spellings) == 1:  # the usual case, kept to one dictionary look-up per row
        (only,) = spellings
        if offset:
            return [cells.get((e, _shifted((y, s), offset), only)) for e, (y, s) in groups]
        return [cells.get((e, w, only)) for e, w in groups]
    out: list[Any] = []
    for entity, (year, sub) in groups:
        when = _shifted((year, sub), offset)
        found = [(s, cells[(entity, when, s)]) for s in spellings if (entity, when, s) in cells]
        if len(found) > 1:
            names = " and ".join(repr(s) for s, _ in found)
            out.append(BadCell(f"given as {names}, two spellings of one variable; give one"))
        else:
            out.append(found[0][1] if found else None)
    return out


def _variable_index(formula: Any, variables: set[str]) -> dict[tuple[str, str], Any]:
    """Which table spellings feed which formula variable (by name, slug or alias)."""
    found: dict[tuple[str, str], Any] = {}
    for variable in sorted(variables):
        index = formula.lookup(variable)
        if index is not None:
            key = ("plain", normalize_name(formula.variables[index]))
            found.setdefault(key, []).append(variable)
            continue
        match = _INDEXED.fullmatch(variable)
        if match:
            base = formula.lookup(match.group("base"))
            if base is not None:
                key = ("indexed", normalize_name(formula.variables[base]))
                found.setdefault(key, {}).setdefault(int(match.group("index")), []).append(variable)
    return found


def _inputs(
    formula: Any, cells: Cells, variables: set[str], groups: Groups
) -> tuple[dict[str, Any], list[list[tuple[str, str]]]]:
    by_variable = _variable_index(formula, variables)
    inputs: dict[str, Any] = {}
    problems: list[list[tuple[str, str]]] = [[] for _ in groups]
    for slot in formula.slots:
        if slot.kind == "date" or slot.variable is None:
            continue
        name = formula.variables[slot.variable]
        if slot.kind == "indexed":
            inputs[name] = {
                index: as_numbers(lookup(cells, spellings, groups), problems, f"{name}_{index}")
                for index, spellings in by_variable.get(
                    ("indexed", normalize_name(name)), {}
                ).items()
            }
            continue
        spellings = by_variable.get(("plain", normalize_name(name)), [])
        offset = slot.offset if slot.kind == "shift" else 0
        label = slot.written if slot.kind == "shift" else name
        found = lookup(cells, spellings, groups, offset)
        if slot.categorical:
            inputs[label] = as_categories(found, problems, label)
        elif slot.date_typed:
            inputs[label] = as_dates(found, problems, label)
        else:
            inputs[label] = as_numbers(found, problems, label)
    return inputs, problems


def formula_values(
    indicator: Any, cells: Cells, variables: set[str], groups: Groups
) -> tuple[list[Any], Any, list[str]]:
    """Values, unit and reasons of a formula indicator for every (entity, period)."""
    inputs, problems = _inputs(indicator.formula, cells, variables, groups)
    dated = any(s.kind == "date" for s in indicator.formula.slots)
    # Only complete rows are evaluated: a missing input is already its row's reason
    # and would only add a warning about NaN rows.
    complete = np.array([not p for p in problems], dtype=bool)
    inputs = {name: _take(value, complete) for name, value in inputs.items()}
    groups = [g for g, ok in zip(groups, complete, strict=True) if ok]
    magnitudes, unit, note, failures = _complete_rows(indicator, inputs, groups, dated)
    done = iter(zip(magnitudes, failures, strict=True))
    values: list[Any] = []
    reasons: list[str] = []
    for row_problems in problems:
        if row_problems:
            values.append(None)
            reasons.append(_input_reason(row_problems))
            continue
        value, failure = next(done)
        values.append(value if failure is None else None)
        reasons.append(failure or (f"note: {note}" if note else ""))
    if unit is None:  # no row could be computed: the unit is still the indicator's
        unit = indicator.unit if indicator.unit is not None else ""
    return values, unit, reasons


#: How many distinct input rows may be evaluated alone and fail, per indicator: a
#: failing scalar evaluation costs about a millisecond (naming the zero denominator
#: compiles it), so 100.000 undefined rows would take minutes. Rows beyond this get a
#: reason that says they were not checked one by one.
MAX_ROWS_ALONE = 1000


def _complete_rows(
    indicator: Any, inputs: dict[str, Any], groups: Groups, dated: bool
) -> tuple[list[Any], Any, str, list[str | None]]:
    """(values, unit, note, failure of each row or None) of rows with every input."""
    failures: list[str | None] = [None] * len(groups)
    if not groups:
        return [], None, "", failures
    unit: Any
    whole: str | None = None
    try:
        magnitudes, unit, note = _all_rows(indicator, inputs, groups, dated)
        redo = [k for k, value in enumerate(magnitudes) if not _finite(value)]
    except Exception as exc:
        # The whole array failed (a SakipError, a warning the caller's filters turned
        # into an error, or a fault below): each row is tried alone, so the other rows
        # still get their value and each failed row its own reason.
        magnitudes, unit, note = [None] * len(groups), None, ""
        redo = list(range(len(groups)))
        whole = why(exc)
    # Rows with the same inputs (and period, for a formula with dates) have the same
    # value and reason: each distinct row is evaluated once.
    keys = _row_keys(inputs, groups, dated, redo)
    done: dict[Any, tuple[Any, Any, str | None]] = {}
    failed = 0
    for k, key in zip(redo, keys, strict=True):
        found = done.get(key)
        if found is None:
            if failed >= MAX_ROWS_ALONE:
                found = (None, None, _unchecked(inputs, k, whole))
            else:
                found = _one_row(indicator, inputs, groups, dated, k)
                failed += found[2] is not None
            done[key] = found
        magnitudes[k], row_unit, failures[k] = found
        unit = row_unit if unit is None else unit
    return magnitudes, unit, note, failures


def _row_keys(inputs: dict[str, Any], groups: Groups, dated: bool, rows: list[int]) -> list[Any]:
    """A hashable key of each row's inputs: equal keys, equal values and reasons.

    0.0 and -0.0 share a key; they give the same value or error in every operation of
    the language that can leave a row undefined (x / -0.0 raises as x / 0.0 does).
    """
    columns: list[list[Any]] = []
    for value in inputs.values():
        arrays = [value[i] for i in sorted(value)] if isinstance(value, dict) else [value]
        columns.extend(a[rows].tolist() for a in arrays if isinstance(a, np.ndarray))
    if dated:
        columns.append([groups[k][1][0] for k in rows])
    keys: list[Any] = list(zip(*columns, strict=True)) if columns else [()] * len(rows)
    try:
        hash(tuple(keys))
    except TypeError:  # an input that cannot be a key: every row is its own
        return list(rows)
    return keys


def _unchecked(inputs: dict[str, Any], k: int, whole: str | None) -> str:
    """The reason of a row past MAX_ROWS_ALONE: what is known without evaluating it."""
    limit = f"{MAX_ROWS_ALONE:,}".replace(",", ".")
    if whole is None:
        reason = (
            "undefined for these values (zero denominator, no applicable condition or"
            f" overflow; {limit} rows already failed alone, so this one was not checked)"
        )
    else:
        reason = (
            f"{whole} (the rows were then evaluated alone, and after {limit} failed"
            " this one was not tried)"
        )
    zeros = [name for name, value in _numbers_of(inputs, k) if value == 0]
    return reason + (f"; inputs that are 0: {', '.join(zeros)}" if zeros else "")


def _numbers_of(inputs: dict[str, Any], k: int) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, value in inputs.items():
        if isinstance(value, dict):
            out.extend((f"{name}_{i}", v[k]) for i, v in sorted(value.items()))
        elif isinstance(value, np.ndarray) and value.dtype.kind == "f":
            out.append((name, value[k]))
    return out


def _finite(value: Any) -> bool:
    if type(value) is float:
        return math.isfinite(value)
    return value is not None


def _input_reason(problems: list[tuple[str, str]]) -> str:
    bad = [f"{name}: {reason}" for name, reason in problems if reason]
    missing = [name for name, reason in problems if not reason]
    return "; ".join(bad + (["missing input: " + ", ".join(missing)] if missing else []))


def _evaluate(indicator: Any, values: dict[str, Any], period: int | None) -> tuple[Any, Any, str]:
    """(magnitude, unit, note) in the declared unit, or in the formula's own unit with a
    note where the regulation's satuan contradicts its formula (as sakip.evaluate does
    for an indicator, but with the note returned instead of warned)."""
    formula, declared = indicator.formula, indicator.unit
    try:
        result = evaluate(formula, values, period=period, unit=declared)
        return result.magnitude, result.units, ""
    except UnitError:
        if declared is None:
            raise
    result = evaluate(formula, values, period=period)
    note = (
        f"{indicator.id} declares satuan '{indicator.satuan}' but its formula gives"
        f" '{result.units}'; the result is in the formula's unit (seed line"
        f" {indicator.seed_line})"
    )
    return result.magnitude, result.units, note


def _all_rows(
    indicator: Any, inputs: dict[str, Any], groups: Groups, dated: bool
) -> tuple[list[Any], Any, str]:
    n = len(groups)
    if not dated:
        magnitude, unit, note = _evaluate(indicator, inputs, None)
        return np.broadcast_to(magnitude, (n,)).tolist(), unit, note
    # dates relative to the period: one evaluation per year
    out: list[Any] = [None] * n
    years = np.array([p[0] for _, p in groups])
    unit, note = "", ""
    for year in sorted(set(years.tolist())):
        rows = years == year
        chunk = {k: _take(v, rows) for k, v in inputs.items()}
        magnitude, unit, note = _evaluate(indicator, chunk, int(year))
        part = np.broadcast_to(magnitude, (int(rows.sum()),)).tolist()
        for k, value in zip(np.flatnonzero(rows), part, strict=True):
            out[k] = value
    return out, unit, note


def _take(value: Any, rows: Any) -> Any:
    if isinstance(value, dict):
        return {i: _take(v, rows) for i, v in value.items()}
    if isinstance(value, np.ndarray):
        return value[rows]
    return value


def _one_row(
    indicator: Any, inputs: dict[str, Any], groups: Groups, dated: bool, k: int
) -> tuple[Any, Any, str | None]:
    """(value, unit, reason) of row k alone: a scalar evaluation raises what arrays
    only mark as NaN, so the error names the zero denominator or the failed condition."""
    values = {name: _item(value, k) for name, value in inputs.items()}
    period = groups[k][1][0] if dated else None
    try:
        magnitude, unit, _ = _evaluate(indicator, values, period)
    except Exception as exc:  # a SakipError, a warning made an error, or a fault below
        return None, None, why(exc)
    if isinstance(magnitude, np.generic):
        magnitude = magnitude.item()
    return magnitude, unit, None if _finite(magnitude) else "undefined value"


def _item(value: Any, k: int) -> Any:
    if isinstance(value, dict):
        return {i: _item(v, k) for i, v in value.items()}
    if isinstance(value, np.ndarray):
        item = value[k]
        return item.item() if isinstance(item, np.generic) else item
    return value


def direct_values(
    indicator: Any, cells: Cells, variables: set[str], groups: Groups
) -> tuple[list[Any], Any, list[str]]:
    """A direct measure: the reported value, checked against the allowed values."""
    spellings = spellings_of(variables, indicator.is_value_key)
    values: list[Any] = []
    reasons: list[str] = []
    for value in lookup(cells, spellings, groups):
        value, reason = _direct(indicator, value)
        values.append(value)
        reasons.append(reason)
    unit = indicator.unit if indicator.unit is not None else ""
    return values, unit, reasons


def _direct(indicator: Any, value: Any) -> tuple[Any, str]:
    if value is None:
        return None, "missing input: nilai"
    if isinstance(value, BadCell):
        return None, f"nilai: {value.reason}"
    if indicator.allowed_values:
        canonical = indicator.allowed(value)
        if canonical is None:
            allowed = ", ".join(indicator.allowed_values)
            return None, f"category {value!r} is not one of {allowed}"
        # ordered levels (SPIP 1-5) are numbers, compared with their target as numbers
        return (float(canonical) if indicator.ordered_levels else canonical), ""
    if isinstance(value, bool) or not isinstance(value, float | int):
        return None, f"nilai: {not_a(value, 'number')}"
    if not np.isfinite(value):
        return None, f"not a finite number: {value!r}"
    return value, ""
