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
from functools import lru_cache
from typing import Any

import numpy as np

from ..errors import SakipError, UnitError, ZeroDenominatorError
from ..language import evaluate_formula as evaluate
from ..language import normalize_name
from .cells import BadCell, not_a
from .places import Problems, Source

__all__ = ["Source", "direct_values", "formula_values", "spellings_of", "why"]

_INDEXED = re.compile(r"(?P<base>.+?)_\{?(?P<index>\d+)\}?")


@lru_cache(maxsize=1024)
def unit_of(indicator: Any) -> Any:
    """The declared unit of an indicator, parsed once (pint parses a name each time)."""
    return indicator.unit


@lru_cache(maxsize=1024)
def unit_text(unit: Any) -> str:
    """A unit as the report writes it (pint formats it anew each time)."""
    return str(unit)


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


def _inputs(formula: Any, source: Source) -> tuple[dict[str, Any], Problems]:
    by_variable = _variable_index(formula, source.variables)
    inputs: dict[str, Any] = {}
    problems: Problems = {}
    columns = source.columns
    for slot in formula.slots:
        if slot.kind == "date" or slot.variable is None:
            continue
        name = formula.variables[slot.variable]
        if slot.kind == "indexed":
            inputs[name] = {
                index: source.find(spellings).numbers(columns, problems, f"{name}_{index}")
                for index, spellings in by_variable.get(
                    ("indexed", normalize_name(name)), {}
                ).items()
            }
            continue
        spellings = by_variable.get(("plain", normalize_name(name)), [])
        offset = slot.offset if slot.kind == "shift" else 0
        label = slot.written if slot.kind == "shift" else name
        found = source.find(spellings, offset)
        if slot.categorical:
            inputs[label] = found.texts(columns, problems, label, "category")
        elif slot.date_typed:
            inputs[label] = found.texts(columns, problems, label, "date")
        else:
            inputs[label] = found.numbers(columns, problems, label)
    return inputs, problems


def formula_values(indicator: Any, source: Source) -> tuple[list[Any], Any, list[str]]:
    """Values, unit and reasons of a formula indicator for every output row."""
    inputs, problems = _inputs(indicator.formula, source)
    dated = any(s.kind == "date" for s in indicator.formula.slots)
    n = source.size
    # Only complete rows are evaluated: a missing input is already its row's reason
    # and would only add a warning about NaN rows.
    complete = np.ones(n, dtype=bool)
    complete[list(problems)] = False
    inputs = {name: _take(value, complete) for name, value in inputs.items()}
    magnitudes, unit, note, failures = _complete_rows(
        indicator, inputs, source.years[complete], dated
    )
    values: list[Any] = [None] * n
    reasons = [""] * n
    rows = np.flatnonzero(complete).tolist()
    computed = failures.count(None) == len(failures)
    if len(rows) == n and computed:  # every row computed
        values = list(magnitudes)
        if note:
            reasons = [f"note: {note}"] * n
    elif computed:
        for k, value in zip(rows, magnitudes, strict=True):
            values[k] = value
        if note:
            for k in rows:
                reasons[k] = f"note: {note}"
    else:
        for k, value, failure in zip(rows, magnitudes, failures, strict=True):
            values[k] = value if failure is None else None
            reasons[k] = failure or (f"note: {note}" if note else "")
    for k, row_problems in problems.items():
        reasons[k] = _input_reason(row_problems)
    if unit is None:  # no row could be computed: the unit is still the indicator's
        declared = unit_of(indicator)
        unit = declared if declared is not None else ""
    return values, unit, reasons


#: How many distinct input rows may be evaluated alone and fail, per indicator: a
#: failing scalar evaluation costs about a millisecond (naming the zero denominator
#: compiles it), so 100.000 undefined rows would take minutes. Rows beyond this get a
#: reason that says they were not checked one by one.
MAX_ROWS_ALONE = 1000


def _complete_rows(
    indicator: Any, inputs: dict[str, Any], years: Any, dated: bool
) -> tuple[list[Any], Any, str, list[str | None]]:
    """(values, unit, note, failure of each row or None) of rows with every input;
    ``years[k]`` is row k's year (read only by formulas with dates)."""
    failures: list[str | None] = [None] * len(years)
    if not len(years):
        return [], None, "", failures
    unit: Any
    whole: str | None = None
    try:
        magnitudes, unit, note = _all_rows(indicator, inputs, years, dated)
        redo = _undefined(magnitudes)
    except Exception as exc:
        # The whole array failed (a SakipError, a warning the caller's filters turned
        # into an error, or a fault below): each row is tried alone, so the other rows
        # still get their value and each failed row its own reason.
        magnitudes, unit, note = [None] * len(years), None, ""
        redo = list(range(len(years)))
        whole = why(exc)
    # Rows with the same inputs (and period, for a formula with dates) have the same
    # value and reason: each distinct row is evaluated once.
    keys = _row_keys(inputs, years, dated, redo)
    done: dict[Any, tuple[Any, Any, str | None]] = {}
    failed = 0
    for k, key in zip(redo, keys, strict=True):
        found = done.get(key)
        if found is None:
            if failed >= MAX_ROWS_ALONE:
                found = (None, None, _unchecked(inputs, k, whole))
            else:
                found = _one_row(indicator, inputs, years, dated, k)
                failed += found[2] is not None
            done[key] = found
        magnitudes[k], row_unit, failures[k] = found
        unit = row_unit if unit is None else unit
    return magnitudes, unit, note, failures


def _row_keys(inputs: dict[str, Any], years: Any, dated: bool, rows: list[int]) -> list[Any]:
    """A hashable key of each row's inputs: equal keys, equal values and reasons.

    0.0 and -0.0 share a key; they give the same value or error in every operation of
    the language that can leave a row undefined (x / -0.0 raises as x / 0.0 does).
    """
    columns: list[list[Any]] = []
    for value in inputs.values():
        arrays = [value[i] for i in sorted(value)] if isinstance(value, dict) else [value]
        columns.extend(a[rows].tolist() for a in arrays if isinstance(a, np.ndarray))
    if dated:
        columns.append([years[k] for k in rows])
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


def _undefined(magnitudes: list[Any]) -> list[int]:
    """The rows whose value is not a finite number or a category."""
    try:  # None reads as NaN: undefined either way
        numbers = np.array(magnitudes, dtype=float)
    except (TypeError, ValueError, OverflowError):  # categories, dates: one at a time
        return [k for k, value in enumerate(magnitudes) if not _finite(value)]
    return np.flatnonzero(~np.isfinite(numbers)).tolist()


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
    formula, declared = indicator.formula, unit_of(indicator)
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
    indicator: Any, inputs: dict[str, Any], years: Any, dated: bool
) -> tuple[list[Any], Any, str]:
    n = len(years)
    if not dated:
        magnitude, unit, note = _evaluate(indicator, inputs, None)
        return np.broadcast_to(magnitude, (n,)).tolist(), unit, note
    # dates relative to the period: one evaluation per year
    out: list[Any] = [None] * n
    years = np.asarray(years)
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
    indicator: Any, inputs: dict[str, Any], years: Any, dated: bool, k: int
) -> tuple[Any, Any, str | None]:
    """(value, unit, reason) of row k alone: a scalar evaluation raises what arrays
    only mark as NaN, so the error names the zero denominator or the failed condition."""
    values = {name: _item(value, k) for name, value in inputs.items()}
    period = int(years[k]) if dated else None
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


def direct_values(indicator: Any, source: Source) -> tuple[list[Any], Any, list[str]]:
    """A direct measure: the reported value, checked against the allowed values."""
    found = source.find(spellings_of(source.variables, indicator.is_value_key))
    declared = unit_of(indicator)
    unit = declared if declared is not None else ""
    if not indicator.allowed_values:  # numbers: one array operation for the usual rows
        values = found.number_values(source.columns)
        out: list[Any] = values.tolist()
        reasons = [""] * len(out)
        for k in np.flatnonzero(np.isnan(values)).tolist():
            out[k], reasons[k] = _direct(indicator, found.bad.get(k) or source.cell(found, k))
        return out, unit, reasons
    pairs = [_direct(indicator, cell) for cell in found.cells(source.columns)]
    return [v for v, _ in pairs], unit, [r for _, r in pairs]


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
