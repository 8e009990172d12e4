"""measure(): realisasi and targets in a long table -> values, capaian and predikat.

The long format (one value per row) is documented in docs/measure.md:

    indicator, [entity,] period, variable, value

``indicator`` is a catalog id or abbreviation, ``entity`` an optional unit of
measurement (a kecamatan, a desa), ``variable`` a variable of the indicator's formula
(``nilai`` for a direct measure, ``E_7`` for an indexed name, ``target`` for the target).
The table is reshaped with pandas (one wide table per indicator) and each indicator is
evaluated once, over all its entities and periods as numpy arrays.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import warnings
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from .._numbers import NumberTextError, parse_number
from ..errors import CatalogWarning, SakipError, ZeroDenominatorWarning
from ..formula import normalize_name
from .achievement import POLICIES, _policy, achievement, normalize_polarity

__all__ = ["PLAN", "TableError", "measure", "read_table", "resolve_scale", "rollup"]

#: The RPJMD period of the seed regulation.
PLAN = (2018, 2023)
COLUMNS = ("indicator", "period", "variable", "value")
OUTPUT = ("indicator", "entity", "period", "value", "unit", "target", "capaian", "reason")
_INDEXED = re.compile(r"(?P<base>.+?)_\{?(?P<index>\d+)\}?$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE = re.compile(r"([\d.,]+\s*%?)\s*[-–—]\s*([\d.,]+\s*%?)")
_PLAIN_NUMBER = r"\d+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_POINT_NUMBER = r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"


class TableError(SakipError):
    """The table cannot be measured as a whole (a required column is missing, ...)."""


def resolve_scale(scale: Any) -> Any:
    """A Scale object as given, or the scale of that name in the catalog's scales.toml."""
    from ..catalog import load
    from ..catalog.scales import Scale

    if isinstance(scale, Scale):
        return scale
    if isinstance(scale, Mapping):
        return Scale.from_data(dict(scale))
    scales = load().scales
    if not isinstance(scale, str):
        raise TableError(f"a scale is a name, a Scale or its data, not {type(scale).__name__}")
    if scale not in scales:
        raise TableError(f"unknown scale {scale!r}; known: {', '.join(scales)}")
    return scales[scale]


def _real(value: Any) -> Any:
    return float(value) if isinstance(value, numbers.Real | Decimal) else value


def _cell(value: Any, decimal_point: bool) -> Any:
    """A text cell: a number (Indonesian notation unless decimal_point), a date, or text."""
    text = str(value).strip()
    if not text:
        return None
    for candidate in (text, text.rstrip("%").strip()):
        try:
            return float(parse_number(candidate, decimal_point=decimal_point))
        except NumberTextError:
            pass
    bounds = _RANGE.fullmatch(text)
    if bounds:  # a range target "80 - 90"
        low = _cell(bounds.group(1), decimal_point)
        high = _cell(bounds.group(2), decimal_point)
        if isinstance(low, float) and isinstance(high, float):
            return (low, high)
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text)
    return text


def _cells(values: Any, decimal_point: bool) -> Any:
    """Parse a value column: numbers stay, number text is read in bulk, the rest per cell."""
    import pandas as pd

    series = pd.Series(values, dtype=object)
    is_number = series.map(
        lambda v: isinstance(v, numbers.Real | Decimal) and not isinstance(v, bool)
    )
    out = pd.to_numeric(series.where(is_number).map(_real), errors="coerce").astype(object)
    text = series[out.isna() & series.notna()].astype(str).str.strip()
    pattern = _POINT_NUMBER if decimal_point else _PLAIN_NUMBER
    numeric = text.str.fullmatch(pattern) & text.str.len().gt(0)
    group, decimal = (",", ".") if decimal_point else (".", ",")
    converted = pd.to_numeric(
        text[numeric].str.replace(group, "", regex=False).str.replace(decimal, ".", regex=False)
    )
    out[converted.index] = converted.astype(object)
    rest = text[~numeric]
    out[rest.index] = [_cell(v, decimal_point) for v in rest]
    out[out.map(lambda v: isinstance(v, float) and v != v)] = None
    return out


def read_table(table: Any, *, decimal_point: bool = False) -> Any:
    """The long table as a pandas DataFrame with parsed cells; CSV paths are read as text."""
    import pandas as pd

    if isinstance(table, str | Path) or hasattr(table, "read_text"):
        try:
            frame = pd.read_csv(str(table), dtype=str, comment="#", keep_default_na=False)
        except (
            OSError,
            UnicodeDecodeError,
            pd.errors.ParserError,
            pd.errors.EmptyDataError,
        ) as exc:
            raise TableError(f"cannot read {str(table)!r}: {exc}") from None
    elif isinstance(table, pd.DataFrame):
        frame = table.copy()
    else:
        raise TableError(
            f"measure() takes a pandas DataFrame or a CSV path, not {type(table).__name__}"
        )
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
    for column in ("entity", "indicator", "variable"):
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    frame["cell"] = _cells(frame["value"].to_numpy(dtype=object), decimal_point).to_numpy()
    labels = {p: _period(p) for p in pd.unique(frame["period"])}
    frame["when"] = frame["period"].map(labels)
    return frame


_SUB_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:\s*[-/ ]\s*(?P<sub>(?:T|Q|TW)\s*[1-4]|S\s*[12]|B\s*(?:0?[1-9]|1[0-2])))?",
    re.I,
)


def _period(value: Any) -> tuple[int | None, str]:
    """(year, sub-period) of a period cell: 2020 -> (2020, ""); "2020-T1" -> (2020, "T1");
    text that names no year -> (None, text). Offsets such as tahun n-1 move the year."""
    if isinstance(value, int | np.integer):
        return int(value), ""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return int(value), ""
    text = str(value).strip()
    match = _SUB_PERIOD.fullmatch(text)
    if not match:
        return None, text
    sub = (match.group("sub") or "").upper().replace(" ", "")
    sub = "T" + sub[2:] if sub.startswith("TW") else "T" + sub[1:] if sub.startswith("Q") else sub
    return int(match.group("year")), sub


def _label(when: tuple[int | None, str]) -> Any:
    year, sub = when
    if year is None:
        return sub
    return f"{year}-{sub}" if sub else year


def _in_plan(when: tuple[int | None, str], plan: tuple[int, int]) -> bool:
    return when[0] is not None and plan[0] <= when[0] <= plan[1]


def measure(
    table: Any,
    *,
    policy: str | Mapping[str, str] | None = None,
    scale: Any = "capaian_lkjip_5",
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
    grading = resolve_scale(scale)
    frame = read_table(table, decimal_point=decimal_point)
    # One pass over the rows files every cell under its indicator; the per-indicator
    # work below is then dictionary look-ups and one vectorized evaluation.
    tables: dict[str, dict[tuple[str, Any, str], Any]] = {}
    repeated: dict[str, set[tuple[str, Any, str]]] = {}
    columns = (frame[c].tolist() for c in ("indicator", "entity", "when", "variable", "cell"))
    for indicator, entity, when, variable, cell in zip(*columns, strict=True):
        cells = tables.setdefault(indicator, {})
        place = (entity, when, variable)
        if place in cells:
            repeated.setdefault(indicator, set()).add(place)
        else:
            cells[place] = cell
    out: dict[str, list[Any]] = {name: [] for name in OUTPUT}
    for key, cells in tables.items():
        start = len(out["indicator"])
        _measure_indicator(catalog, key, cells, policy, plan, out)
        _note_repeats(out, start, repeated.get(key, set()))
    result = pd.DataFrame(out, columns=list(OUTPUT))
    capaian = pd.to_numeric(result["capaian"], errors="coerce").to_numpy(dtype=float)
    result["predikat"] = grading.grades(capaian)[1]
    return result


def _note_repeats(
    out: dict[str, list[Any]], start: int, repeated: set[tuple[str, Any, str]]
) -> None:
    """Say where a cell was given twice: the first is used, the later ones are not."""
    for entity, when, variable in repeated:
        label = _label(when)
        for k in range(start, len(out["indicator"])):
            if out["entity"][k] == entity and out["period"][k] == label:
                note = f"'{variable}' is given more than once; the first row is used"
                out["reason"][k] = f"{out['reason'][k]}; {note}" if out["reason"][k] else note


def _emit(
    out: dict[str, list[Any]], indicator: str, groups: list[tuple[str, Any]], **columns: Any
) -> None:
    n = len(groups)
    out["indicator"].extend([indicator] * n)
    out["entity"].extend(e for e, _ in groups)
    out["period"].extend(_label(p) for _, p in groups)
    for name in OUTPUT[3:]:
        value = columns.get(name)
        if isinstance(value, list):
            out[name].extend(value)
        else:
            out[name].extend(
                [value if value is not None else ("" if name in ("unit", "reason") else None)] * n
            )


def _measure_indicator(
    catalog: Any,
    key: str,
    cells: dict[tuple[str, Any, str], Any],
    policy: Any,
    plan: tuple[int, int],
    out: dict[str, list[Any]],
) -> None:
    groups = sorted({(e, p) for e, p, _ in cells}, key=lambda g: (g[0], g[1][0] or 0, g[1][1]))
    try:
        indicator = catalog.get(key)
    except SakipError as exc:
        _emit(out, key, groups, reason=str(exc))
        return
    inside = [g for g in groups if _in_plan(g[1], plan)]
    outside = [g for g in groups if not _in_plan(g[1], plan)]
    if outside:
        reasons = [
            f"period {_label(p)!r} is outside the plan {plan[0]}-{plan[1]}"
            if p[0] is not None
            else f"period {p[1]!r} names no year"
            for _, p in outside
        ]
        _emit(out, indicator.id, outside, reason=reasons)
    if not inside:
        return
    variables = {v for _, _, v in cells}
    values, unit, reasons = _values(indicator, cells, variables, inside)
    target = _lookup(cells, _find(variables, "target"), inside, 0)
    capaian, capaian_reasons = _capaian(indicator, values, target, policy)
    reason = [r or c for r, c in zip(reasons, capaian_reasons, strict=True)]
    _emit(
        out,
        indicator.id,
        inside,
        value=values,
        unit=str(unit),
        target=target,
        capaian=capaian,
        reason=reason,
    )


def _find(variables: set[str], name: str) -> str | None:
    return next((v for v in variables if normalize_name(v) == name), None)


def _lookup(
    cells: dict[tuple[str, Any, str], Any],
    variable: str | None,
    groups: list[tuple[str, Any]],
    offset: int,
) -> list[Any]:
    """The cells of one table variable for the groups, at period + offset (None if absent)."""
    if variable is None:
        return [None] * len(groups)
    if offset == 0:
        return [cells.get((e, p, variable)) for e, p in groups]
    return [cells.get((e, (p[0] + offset, p[1]), variable)) for e, p in groups]


def _values(
    indicator: Any,
    cells: dict[tuple[str, Any, str], Any],
    variables: set[str],
    groups: list[tuple[str, Any]],
) -> tuple[list[Any], Any, list[str]]:
    """Evaluate the indicator for every (entity, period) in one vectorized call."""
    from .. import evaluate

    n = len(groups)
    reasons = [""] * n
    formula = indicator.formula
    if formula is None:
        column = next((v for v in variables if indicator.is_value_key(v)), None)
        return _direct(indicator, _lookup(cells, column, groups, 0), reasons)
    by_variable = _variable_index(formula, variables)
    inputs: dict[str, Any] = {}
    missing: list[list[str]] = [[] for _ in range(n)]
    for slot in formula.slots:
        if slot.kind == "date" or slot.variable is None:
            continue
        name = formula.variables[slot.variable]
        if slot.kind == "indexed":
            inputs[name] = {
                index: _numbers(_lookup(cells, column, groups, 0), missing, f"{name}_{index}")
                for index, column in by_variable.get(("indexed", normalize_name(name)), {}).items()
            }
            continue
        column = by_variable.get(("plain", normalize_name(name)))
        offset = slot.offset if slot.kind == "shift" else 0
        label = slot.written if slot.kind == "shift" else name
        found = _lookup(cells, column, groups, offset)
        if slot.categorical:
            inputs[label] = _categories(found, missing, label)
        elif slot.date_typed:
            inputs[label] = _dates(found, missing, label)
        else:
            inputs[label] = _numbers(found, missing, label)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if any(s.kind == "date" for s in formula.slots):
                magnitudes, unit = _per_period(indicator, inputs, groups), indicator.unit
            else:
                result = evaluate(indicator, inputs)
                magnitudes, unit = np.broadcast_to(result.magnitude, (n,)), result.units
        except SakipError as exc:
            return [None] * n, "", [str(exc)] * n
    zero = any(issubclass(w.category, ZeroDenominatorWarning) for w in caught)
    note = next((str(w.message) for w in caught if issubclass(w.category, CatalogWarning)), "")
    values: list[Any] = []
    for k in range(n):
        value = magnitudes[k]
        if missing[k]:
            reasons[k] = "missing input: " + ", ".join(missing[k])
            values.append(None)
        elif isinstance(value, float | np.floating) and not np.isfinite(value):
            reasons[k] = (
                "zero denominator or no applicable condition" if zero else "undefined value"
            )
            values.append(None)
        else:
            values.append(value.item() if hasattr(value, "item") else value)
            reasons[k] = f"note: {note}" if note else ""
    return values, unit, reasons


def _numbers(cells: list[Any], missing: list[list[str]], label: str) -> Any:
    out = np.empty(len(cells))
    for k, value in enumerate(cells):
        if isinstance(value, float | int):
            out[k] = value
        elif isinstance(value, dt.date):
            out[k] = value.toordinal()
        else:
            out[k] = np.nan
            missing[k].append(label if value is None else f"{label} (not a number: {value!r})")
    return out


def _dates(cells: list[Any], missing: list[list[str]], label: str) -> Any:
    out: list[Any] = []
    for k, value in enumerate(cells):
        if isinstance(value, dt.date):
            out.append(value)
        else:
            out.append(None)
            missing[k].append(label if value is None else f"{label} (not a date: {value!r})")
    return np.array(out, dtype=object)


def _categories(cells: list[Any], missing: list[list[str]], label: str) -> Any:
    for k, value in enumerate(cells):
        if value is None:
            missing[k].append(label)
    return np.array(["" if v is None else str(v) for v in cells], dtype=object)


def _variable_index(formula: Any, columns: set[str]) -> dict[tuple[str, str], Any]:
    """Which table variable feeds which formula variable (by name, slug or alias)."""
    found: dict[tuple[str, str], Any] = {}
    for variable in columns:
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


def _per_period(indicator: Any, inputs: dict[str, Any], groups: list[tuple[str, Any]]) -> Any:
    """Formulas with dates relative to the period are evaluated one period at a time."""
    from .. import evaluate

    out = np.full(len(groups), np.nan)
    years = np.array([p[0] for _, p in groups])
    for year in sorted(set(years.tolist())):
        rows = years == year
        chunk = {k: (v[rows] if isinstance(v, np.ndarray) else v) for k, v in inputs.items()}
        out[rows] = evaluate(indicator, chunk, period=int(year)).magnitude
    return out


def _direct(indicator: Any, raw: list[Any], reasons: list[str]) -> tuple[list[Any], Any, list[str]]:
    values: list[Any] = []
    for k, value in enumerate(raw):
        if value is None:
            reasons[k] = "missing input: nilai"
            values.append(None)
        elif indicator.allowed_values:
            canonical = indicator.allowed(value)
            if canonical is None:
                reasons[k] = (
                    f"category {value!r} is not one of {', '.join(indicator.allowed_values)}"
                )
            # ordered levels (SPIP 1-5) are numbers, compared with their target as numbers
            numeric = canonical is not None and indicator.ordered_levels
            values.append(float(canonical) if numeric else canonical)
        elif not isinstance(value, float | int) or not np.isfinite(value):
            reasons[k] = f"not a finite number: {value!r}"
            values.append(None)
        else:
            values.append(value)
    unit = indicator.unit if indicator.unit is not None else ""
    return values, unit, reasons


def _policy_for(polarity: str, policy: Any) -> Any:
    """The policy for one polarity: a mapping by polarity, or one name that applies to
    the indicators of its own polarity (the others keep their default)."""
    if isinstance(policy, Mapping):
        chosen = policy.get(polarity)
    elif policy is None:
        return None
    else:
        chosen = policy if POLICIES[_known(policy)].polarity == polarity else None
    if chosen is not None:
        _policy(polarity, chosen)  # a policy of the wrong polarity is an error
    return chosen


def _known(name: Any) -> str:
    if name not in POLICIES:
        raise TableError(f"unknown policy {name!r}; known: {', '.join(POLICIES)}")
    return str(name)


def _capaian(
    indicator: Any, values: list[Any], targets: list[Any], policy: Any
) -> tuple[list[Any], list[str]]:
    """Vectorized capaian for one indicator; a reason where there is none."""
    polarity = normalize_polarity(indicator.polarity)
    chosen = _policy_for(polarity, policy)
    n = len(values)
    capaian: list[Any] = [None] * n
    reasons = [""] * n
    numeric: list[int] = []
    for k in range(n):
        value, target = values[k], targets[k]
        if value is None:
            continue
        if target is None:
            reasons[k] = "no target"
        elif isinstance(value, str):  # a category: the target must be one too
            expected = indicator.allowed(target) if indicator.allowed_values else target
            if not isinstance(expected, str):
                reasons[k] = f"the target {target!r} is not a category of this indicator"
            else:
                capaian[k] = achievement(value, expected, polarity=polarity).magnitude
        elif isinstance(target, tuple):  # a range "80 - 90"
            capaian[k] = _single(value, target, polarity, chosen, reasons, k)
        elif not isinstance(target, float | int) or not np.isfinite(target):
            reasons[k] = f"the target is not a number: {target!r}"
        elif not np.isfinite(value):
            reasons[k] = f"the value is not a finite number: {value!r}"
        else:
            numeric.append(k)
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


def _single(value: Any, target: Any, polarity: str, policy: Any, reasons: list[str], k: int) -> Any:
    try:
        return float(achievement(value, target, polarity=polarity, policy=policy).magnitude)
    except SakipError as exc:
        reasons[k] = f"capaian undefined: {exc}"
        return None


def _measured(measured: Any) -> Any:
    """A measure() result, also after a CSV round trip (empty entities read back as NaN)."""
    import pandas as pd

    if not isinstance(measured, pd.DataFrame):
        raise TableError(
            f"give the DataFrame that measure() returned, not {type(measured).__name__}"
        )
    missing = [c for c in ("indicator", "period", "capaian") if c not in measured.columns]
    if missing:
        raise TableError(
            f"the table has no column {', '.join(map(repr, missing))}: is it a measure() result?"
        )
    frame = measured.copy()
    if "entity" not in frame.columns:
        frame["entity"] = ""
    frame["entity"] = frame["entity"].astype(object).where(frame["entity"].notna(), "").astype(str)
    return frame


def _weights(catalog: Any, weights: Any) -> dict[str, float]:
    """Weights by indicator id (ids, numbers and abbreviations are all accepted)."""
    if weights is None:
        return {}
    if not isinstance(weights, Mapping):
        raise TableError(f"weights must map indicators to numbers, not {type(weights).__name__}")
    found = {}
    for key, weight in weights.items():
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not np.isfinite(weight)
            or weight < 0
        ):
            raise TableError(f"the weight of {key!r} must be a finite number >= 0, not {weight!r}")
        found[catalog.get(key).id.casefold()] = float(weight)
    return found


def rollup(
    measured: Any,
    *,
    level: str = "sasaran",
    weights: Mapping[str, float] | None = None,
    method: str = "mean",
    scale: Any = "capaian_lkjip_5",
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
    frame = _measured(measured)
    by_id = _weights(catalog, weights)

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
    frame["weight"] = [by_id.get(str(k).casefold(), 1.0) for k in frame["indicator"]]
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
    result["predikat"] = resolve_scale(scale).grades(result["capaian"].to_numpy(dtype=float))[1]
    return result
