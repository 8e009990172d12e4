"""measure(): realisasi and targets in a long table -> values, capaian and predikat.

The long format (one value per row) is documented in docs/measure.md:

    indicator, [entity,] period, variable, value

``indicator`` is a catalog id or abbreviation, ``entity`` an optional unit of
measurement (a kecamatan, a desa), ``variable`` a variable of the indicator's formula
(``nilai`` for a direct measure, ``E_7`` for an indexed name, ``target`` for the target).
Work is vectorized per indicator: all entities and periods of one indicator go through
its compiled formula as numpy arrays, in one call.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .._numbers import NumberTextError, parse_number
from ..errors import CatalogWarning, SakipError, ZeroDenominatorWarning
from ..formula import normalize_name
from .achievement import _policy, achievement, normalize_polarity

__all__ = ["PLAN", "TableError", "measure", "read_table", "rollup"]

#: The RPJMD period of the seed regulation.
PLAN = (2018, 2023)
COLUMNS = ("indicator", "period", "variable", "value")
_INDEXED = re.compile(r"(?P<base>.+?)_\{?(?P<index>\d+)\}?$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class TableError(SakipError):
    """The table cannot be measured as a whole (a required column is missing, ...)."""


def _cell(value: Any, decimal_point: bool) -> Any:
    """A table cell: a number (Indonesian notation unless decimal_point), a date, or text."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return float(parse_number(text, decimal_point=decimal_point))
    except NumberTextError:
        pass
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text)
    return text


def read_table(table: Any, *, decimal_point: bool = False) -> Any:
    """The long table as a pandas DataFrame with parsed cells; CSV paths are read as text."""
    import pandas as pd

    if isinstance(table, str | Path):
        frame = pd.read_csv(table, dtype=str, comment="#", keep_default_na=False)
    elif isinstance(table, pd.DataFrame):
        frame = table.copy()
    else:
        raise TableError(
            f"measure() takes a pandas DataFrame or a CSV path, not {type(table).__name__}"
        )
    frame.columns = [str(c).strip().casefold() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TableError(
            f"the table has no column {', '.join(map(repr, missing))};"
            f" required: {', '.join(COLUMNS)}"
        )
    if "entity" not in frame.columns:
        frame["entity"] = ""
    frame["entity"] = frame["entity"].fillna("").astype(str).str.strip()
    frame["indicator"] = frame["indicator"].astype(str).str.strip()
    frame["variable"] = frame["variable"].astype(str).str.strip()
    frame["cell"] = [_cell(v, decimal_point) for v in frame["value"]]
    frame["period_number"] = pd.to_numeric(frame["period"], errors="coerce")
    return frame


def measure(
    table: Any,
    *,
    policy: str | Mapping[str, str] | None = None,
    scale: str = "capaian_lkjip_5",
    plan: tuple[int, int] = PLAN,
    decimal_point: bool = False,
) -> Any:
    """Compute every indicator of a long table: value, unit, target, capaian, predikat.

    Returns a pandas DataFrame with one row per (indicator, entity, period) and a
    ``reason`` column that says why a value or capaian is missing (missing input,
    zero denominator, category outside the allowed set, unknown indicator, period
    outside the plan, no target). No row is dropped silently. ``policy`` is one policy
    name or a mapping polarity -> policy; ``scale`` names the predikat scale.
    """
    import pandas as pd

    from ..catalog import load

    catalog = load()
    if scale not in catalog.scales:
        raise TableError(f"unknown scale {scale!r}; known: {', '.join(catalog.scales)}")
    frame = read_table(table, decimal_point=decimal_point)
    out: list[dict[str, Any]] = []
    for key, rows in frame.groupby("indicator", sort=False):
        found = _measure_indicator(catalog, str(key), rows, policy, plan)
        out.extend(sorted(found, key=lambda r: (r["entity"], str(r["period"]))))
    result = pd.DataFrame(
        out,
        columns=["indicator", "entity", "period", "value", "unit", "target", "capaian", "reason"],
    )
    capaian = pd.to_numeric(result["capaian"], errors="coerce").to_numpy(dtype=float)
    result["predikat"] = catalog.scales[scale].grades(capaian)[1]
    return result


def _measure_indicator(
    catalog: Any, key: str, rows: Any, policy: Any, plan: tuple[int, int]
) -> list[dict[str, Any]]:
    cells = _cells(rows)
    groups = sorted({(entity, period) for entity, period, _ in cells})
    try:
        indicator = catalog.get(key)
    except SakipError as exc:
        return [_row(key, e, p, reason=str(exc)) for e, p in groups]
    targets = {(e, p): v for (e, p, var), v in cells.items() if normalize_name(var) == "target"}
    inside = [(e, p) for e, p in groups if isinstance(p, int) and plan[0] <= p <= plan[1]]
    outside = [(e, p) for e, p in groups if (e, p) not in set(inside)]
    result = [
        _row(indicator.id, e, p, reason=f"period {p!r} is outside the plan {plan[0]}-{plan[1]}")
        for e, p in outside
    ]
    if not inside:
        return result
    values, units, reasons = _values(indicator, cells, inside)
    target = [targets.get(g) for g in inside]
    capaian, capaian_reasons = _capaian(indicator, values, target, policy)
    for k, (entity, period) in enumerate(inside):
        reason = reasons[k] or capaian_reasons[k]
        result.append(
            _row(indicator.id, entity, period, values[k], units, target[k], capaian[k], reason)
        )
    return result


def _cells(rows: Any) -> dict[tuple[str, Any, str], Any]:
    cells: dict[tuple[str, Any, str], Any] = {}
    for entity, period, number, variable, cell in zip(
        rows["entity"],
        rows["period"],
        rows["period_number"],
        rows["variable"],
        rows["cell"],
        strict=True,
    ):
        when = int(number) if number == number and float(number).is_integer() else str(period)
        cells[(entity, when, variable)] = cell
    return cells


def _row(
    indicator: str,
    entity: str,
    period: Any,
    value: Any = None,
    unit: Any = "",
    target: Any = None,
    capaian: Any = None,
    reason: str = "",
) -> dict[str, Any]:
    return {
        "indicator": indicator,
        "entity": entity,
        "period": period,
        "value": value,
        "unit": str(unit) if unit is not None else "",
        "target": target,
        "capaian": capaian,
        "reason": reason,
    }


def _values(
    indicator: Any, cells: dict[tuple[str, Any, str], Any], groups: list[tuple[str, int]]
) -> tuple[list[Any], Any, list[str]]:
    """Evaluate the indicator for every (entity, period) in one vectorized call."""
    from .. import evaluate

    n = len(groups)
    reasons = [""] * n
    formula = indicator.formula
    if formula is None:
        raw = [_direct_value(indicator, cells, e, p) for e, p in groups]
        return _direct(indicator, raw, reasons)
    by_variable = _variable_index(formula, cells)
    inputs: dict[str, Any] = {}
    missing = np.zeros(n, dtype=bool)
    missing_names: list[list[str]] = [[] for _ in range(n)]
    for slot in formula.slots:
        if slot.kind == "date" or slot.variable is None:
            continue
        name = formula.variables[slot.variable]
        offset = slot.offset if slot.kind == "shift" else 0
        if slot.kind == "indexed":
            inputs[name] = {
                index: _column(
                    cells, variable, groups, 0, missing, missing_names, f"{name}_{index}"
                )
                for index, variable in by_variable.get(
                    ("indexed", normalize_name(name)), {}
                ).items()
            }
            continue
        variable = by_variable.get(("plain", normalize_name(name)), name)
        label = slot.written if slot.kind == "shift" else name
        column = _column(
            cells, variable, groups, offset, missing, missing_names, label, slot.categorical
        )
        inputs[slot.written if slot.kind == "shift" else name] = column
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if any(s.kind == "date" for s in formula.slots):
                magnitudes = _per_period(indicator, inputs, groups)
                units = indicator.unit
            else:
                result = evaluate(indicator, inputs)
                magnitudes, units = np.broadcast_to(result.magnitude, (n,)), result.units
        except SakipError as exc:
            return [None] * n, "", [str(exc)] * n
    zero = any(issubclass(w.category, ZeroDenominatorWarning) for w in caught)
    contradiction = [str(w.message) for w in caught if issubclass(w.category, CatalogWarning)]
    values: list[Any] = []
    for k in range(n):
        value = magnitudes[k]
        if missing[k]:
            reasons[k] = "missing input: " + ", ".join(missing_names[k])
            values.append(None)
        elif isinstance(value, float | np.floating) and not np.isfinite(value):
            reasons[k] = (
                "zero denominator or no applicable condition" if zero else "undefined value"
            )
            values.append(None)
        else:
            values.append(value.item() if hasattr(value, "item") else value)
            if contradiction:
                reasons[k] = "note: " + contradiction[0]
    return values, units, reasons


def _variable_index(
    formula: Any, cells: dict[tuple[str, Any, str], Any]
) -> dict[tuple[str, str], Any]:
    """Which table variable feeds which formula variable (by name, slug or alias)."""
    found: dict[tuple[str, str], Any] = {}
    for _, _, variable in cells:
        index = formula.lookup(variable)
        if index is not None:
            found.setdefault(("plain", normalize_name(formula.variables[index])), variable)
            continue
        match = _INDEXED.fullmatch(variable)
        if match:
            base = formula.lookup(match.group("base"))
            if base is not None:
                key = ("indexed", normalize_name(formula.variables[base]))
                found.setdefault(key, {})[int(match.group("index"))] = variable
    return found


def _column(
    cells: dict[tuple[str, Any, str], Any],
    variable: str,
    groups: list[tuple[str, int]],
    offset: int,
    missing: Any,
    missing_names: list[list[str]],
    label: str,
    categorical: bool = False,
) -> Any:
    column = []
    for k, (entity, period) in enumerate(groups):
        value = cells.get((entity, period + offset, variable))
        if value is None or (isinstance(value, str) and not categorical):
            missing[k] = True
            missing_names[k].append(
                label if value is None else f"{label} (not a number: {value!r})"
            )
            value = "" if categorical else np.nan
        elif isinstance(value, dt.date):
            value = float(value.toordinal())
        column.append(value)
    return np.array(column, dtype=object if categorical else float)


def _per_period(indicator: Any, inputs: dict[str, Any], groups: list[tuple[str, int]]) -> Any:
    """Formulas with dates relative to the period are evaluated one period at a time."""
    from .. import evaluate

    out = np.full(len(groups), np.nan)
    periods = np.array([p for _, p in groups])
    for period in sorted(set(periods.tolist())):
        rows = periods == period
        chunk = {k: (v[rows] if isinstance(v, np.ndarray) else v) for k, v in inputs.items()}
        out[rows] = evaluate(indicator, chunk, period=period).magnitude
    return out


def _direct_value(
    indicator: Any, cells: dict[tuple[str, Any, str], Any], entity: str, period: int
) -> Any:
    keys = {
        normalize_name(k)
        for k in (indicator.id, indicator.name, "nilai", "value", *indicator.abbreviations)
    }
    for (e, p, variable), value in cells.items():
        if e == entity and p == period and normalize_name(variable) in keys:
            return value
    return None


def _direct(indicator: Any, raw: list[Any], reasons: list[str]) -> tuple[list[Any], Any, list[str]]:
    allowed = {normalize_name(a): a for a in indicator.allowed_values}
    values: list[Any] = []
    for k, value in enumerate(raw):
        if value is None:
            reasons[k] = "missing input: nilai"
            values.append(None)
        elif allowed:
            text = (
                str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
            )
            canonical = allowed.get(normalize_name(text))
            if canonical is None:
                reasons[k] = (
                    f"category {value!r} is not one of {', '.join(indicator.allowed_values)}"
                )
            values.append(canonical)
        elif isinstance(value, str):
            reasons[k] = f"not a number: {value!r}"
            values.append(None)
        else:
            values.append(value)
    unit = indicator.unit if indicator.unit is not None else ""
    return values, unit, reasons


def _capaian(
    indicator: Any, values: list[Any], targets: list[Any], policy: Any
) -> tuple[list[Any], list[str]]:
    """Vectorized capaian for one indicator; a reason where there is none."""
    polarity = normalize_polarity(indicator.polarity)
    chosen = policy.get(polarity) if isinstance(policy, Mapping) else policy
    _policy(polarity, chosen)  # an unknown policy is an error for the whole call
    n = len(values)
    capaian: list[Any] = [None] * n
    reasons = [""] * n
    numeric = [
        k for k in range(n)
        if isinstance(values[k], float | int) and isinstance(targets[k], float | int)
    ]  # fmt: skip
    for k in range(n):
        if values[k] is None:
            continue
        if targets[k] is None:
            reasons[k] = "no target"
        elif isinstance(targets[k], str) or isinstance(values[k], str):
            capaian[k] = achievement(values[k], str(targets[k]), polarity=polarity).magnitude
    if numeric:
        actual = np.array([values[k] for k in numeric], dtype=float)
        target = np.array([targets[k] for k in numeric], dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ZeroDenominatorWarning)
            result = achievement(actual, target, polarity=polarity, policy=chosen).magnitude
        for k, value in zip(numeric, np.atleast_1d(result), strict=True):
            if np.isfinite(value):
                capaian[k] = float(value)
            else:
                reasons[k] = "capaian undefined: the target (or, for T/R, the realisasi) is 0"
    return capaian, reasons


def rollup(
    measured: Any,
    *,
    level: str = "sasaran",
    weights: Mapping[str, float] | None = None,
    method: str = "mean",
    scale: str = "capaian_lkjip_5",
) -> Any:
    """Capaian rolled up the hierarchy: ``level`` is ``"sasaran"``, ``"tujuan"``,
    ``"misi"`` (Lampiran I) or ``"perangkat_daerah"`` (Lampiran II).

    The default method is the arithmetic mean of the capaian of the indicators in each
    group, per entity and period, with optional ``weights`` per indicator id;
    ``"median"`` is the alternative. Indicators without a capaian are left out and
    counted in ``n_missing``.
    """
    import pandas as pd

    from ..catalog import load

    catalog = load()
    if level not in ("sasaran", "tujuan", "misi", "perangkat_daerah"):
        raise TableError(f"unknown level {level!r}")
    if method not in ("mean", "median"):
        raise TableError(f"unknown method {method!r}: 'mean' or 'median'")
    frame = measured.copy()

    def group_of(key: str) -> str | None:
        try:
            indicator = catalog.get(key)
        except SakipError:
            return None
        if level == "perangkat_daerah":
            return str(catalog.section(indicator.section).name)
        group: str | None = getattr(indicator, level)
        return group

    frame["group"] = [group_of(k) for k in frame["indicator"]]
    frame["weight"] = [float((weights or {}).get(k, 1.0)) for k in frame["indicator"]]
    frame = frame[frame["group"].notna()]
    rows = []
    for (group, entity, period), part in frame.groupby(["group", "entity", "period"], sort=False):
        capaian = pd.to_numeric(part["capaian"], errors="coerce")
        known = capaian.notna()
        if method == "median":
            value = float(capaian[known].median()) if known.any() else np.nan
        else:
            w = part["weight"][known]
            value = (
                float((capaian[known] * w).sum() / w.sum()) if known.any() and w.sum() else np.nan
            )
        rows.append(
            {"group": group, "entity": entity, "period": period, "capaian": value,
             "n_indicators": int(known.sum()), "n_missing": int((~known).sum())}
        )  # fmt: skip
    result = pd.DataFrame(
        rows, columns=["group", "entity", "period", "capaian", "n_indicators", "n_missing"]
    )
    result["predikat"] = catalog.scales[scale].grades(result["capaian"].to_numpy(dtype=float))[1]
    return result
