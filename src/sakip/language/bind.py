"""Binding values to a formula's slots: names, spellings, periods, categories, dates,
arrays and quantities, each checked so that nothing becomes a silent wrong number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import (
    ConflictingValuesError,
    MissingValueError,
    UnitError,
    ValueTypeError,
)
from .convert import Call, number, shown
from .formula import Formula, Slot, normalize_name
from .limits import MAX_SUGGESTION_KEYS
from .numberlike import series_type
from .periods import Period, read_period, shifted, show_period

__all__ = ["bind", "frame_columns"]

_MISSING = object()
_SUGGEST_NAMES = 10
_SUGGEST_CANDIDATES = 200
_SUGGEST_NAME_LENGTH = 100


def bind(
    formula: Formula, values: Mapping[str, Any], period: Any, decimal_point: bool = False
) -> tuple[list[Any], tuple[Any, ...], bool, Any]:
    """The arguments of the formula's slots, their units, whether any holds rows, and
    the index of the pandas Series among the values (None if there is none)."""
    if type(values) is not dict and not isinstance(values, Mapping):
        raise ValueTypeError(
            f"values must be a mapping of names to values, not {type(values).__name__}"
        )
    when = None if period is None else read_period(period)
    if period is not None and when is None:
        raise ValueTypeError(
            f"period must be a year (1-9999, int or text) or a month ('2024-02'),"
            f" not {shown(period)}"
        )
    by_variable: dict[int, Any] = {}
    by_slot: dict[int, Any] = {}
    spelled: dict[tuple[str, int], str] = {}
    dates = 0
    codes = Call(formula)
    codes.decimal_point = decimal_point
    for key, value in values.items():
        if key.__class__ is not str and not isinstance(key, str):
            raise ValueTypeError(f"value names must be text, not {shown(key)}")
        index = formula.lookup(key)
        if _is_series(value) and (index is not None or normalize_name(key) in formula.slot_keys):
            # rows by position from here on; the index is kept aside for the result
            value = codes.rows_of(key, value)
        if index is not None:
            _once(spelled, ("variable", index), key, formula.variables[index])
            by_variable[index] = value
            dates += isinstance(value, dt.date)
        elif formula.slot_keys:
            slot_index = formula.slot_keys.get(normalize_name(key))
            if slot_index is not None:
                _once(spelled, ("slot", slot_index), key, formula.slots[slot_index].written)
                by_slot[slot_index] = value
                dates += isinstance(value, dt.date)
    if dates and not codes.uses_dates:
        # with no date written, dates are day numbers only when every value is a date
        # (selesai - mulai); Realisasi / Target with a date divides day numbers
        codes.uses_dates = dates == len(by_variable) + len(by_slot)
    args: list[Any] = []
    units: list[Any] = []
    missing: list[str] = []
    is_array = False
    # ΣX totals a list of the units' values only when no other input holds rows: beside
    # row arrays (D0 / ΣLahir Hidup per region), Σ of a row is that row's own value
    totals = any(slot.kind == "total" for slot in formula.slots) and not any(
        slot.kind != "total" and _is_sequence(by_variable.get(slot.variable))
        for slot in formula.slots
        if slot.variable is not None
    )
    for k, slot in enumerate(formula.slots):
        raw = by_slot.get(k, _MISSING)
        direct = raw is not _MISSING
        if (
            direct
            and slot.variable is not None
            and isinstance(by_variable.get(slot.variable), Mapping)
        ):
            # "A tahun n-1": 5 beside A: {2019: ...}: two values for one slot (beside a
            # plain A, the written form is the only value of the previous period)
            raise ConflictingValuesError(
                slot.written, (spelled[("variable", slot.variable)], spelled[("slot", k)])
            )
        if direct and slot.kind == "base" and slot.variable in by_variable:
            # "Produksi Tahun Dasar": 15400 beside "Tahun Dasar": 2020
            raise ConflictingValuesError(
                slot.written, (spelled[("variable", slot.variable)], spelled[("slot", k)])
            )
        if not direct and slot.variable is not None:
            raw = by_variable.get(slot.variable, _MISSING)
        if raw is None:
            raw = _MISSING
        try:
            if slot.kind == "base" and not direct:
                series = _MISSING if slot.series is None else by_variable.get(slot.series, _MISSING)
                raw = _in_base_year(formula, slot, raw, series)
            if direct:  # bound by its written form, e.g. "A tahun n-1"
                arg, unit = number(codes, slot, slot.written, raw)
            else:
                arg, unit = _slot_value(codes, formula, slot, raw, when, totals)
        except _Missing as exc:
            missing.append(exc.args[0])
            continue
        if isinstance(arg, np.ndarray) or (
            isinstance(arg, dict) and any(isinstance(v, np.ndarray) for v in arg.values())
        ):
            is_array = True
        args.append(arg)
        units.append(unit)
    if missing:
        raise MissingValueError(missing, _suggest(missing, values))
    return args, tuple(units), is_array, codes.index


def frame_columns(values: Any) -> Any:
    """A pandas DataFrame given as the values: its columns by name, each a Series."""
    if type(values).__name__ == "DataFrame" and hasattr(values, "items"):
        return dict(values.items())
    return values


class _Missing(Exception):
    pass


def _once(
    spelled: dict[tuple[str, int], str], target: tuple[str, int], key: str, name: str
) -> None:
    """Refuse a second spelling of one variable: which value is meant is not ours to pick."""
    first = spelled.setdefault(target, key)
    if first != key:
        raise ConflictingValuesError(name, (first, key))


def _index(name: str, key: Any) -> int:
    """An index of an indexed name: a whole number (7, "7", 7.0), nothing else."""
    try:
        number = float(key) if not isinstance(key, bool) else float("nan")
    except (TypeError, ValueError, OverflowError):
        number = float("nan")
    if not number.is_integer():
        raise ValueTypeError(f"the indexes of '{name}' must be whole numbers, not {shown(key)}")
    return int(number)


def _slot_value(
    codes: Call,
    formula: Formula,
    slot: Slot,
    raw: Any,
    period: Period | None,
    totals: bool = True,
) -> tuple[Any, Any]:
    name = (
        formula.variables[slot.variable]
        if slot.variable is not None and slot.kind != "base"
        else slot.written
    )
    if slot.kind == "date":
        if period is None:
            raise ValueTypeError(f"the date '{slot.written}' depends on the year: pass period=")
        try:
            return dt.date(period[0] + slot.offset, slot.month, slot.day).toordinal(), None
        except (ValueError, OverflowError):
            raise ValueTypeError(
                f"the date '{slot.written}' does not exist for period {show_period(period)}"
            ) from None
    if raw is _MISSING:
        if slot.fallback_code is not None:
            return slot.fallback_code, None
        raise _Missing(slot.written or name)
    if slot.kind == "indexed":
        if not isinstance(raw, Mapping):
            raise ValueTypeError(f"'{name}' is indexed ({name}_i): give a mapping {{index: value}}")
        converted: dict[int, tuple[Any, Any]] = {}
        for key, value in raw.items():
            index = _index(name, key)
            if index in converted:  # 1 and "1": which value is meant is not ours to pick
                raise ConflictingValuesError(f"{name}_{index}", (repr(index), repr(key)))
            converted[index] = number(codes, slot, name, value)
        unit_set = {u for _, u in converted.values()}
        if len(unit_set) > 1:
            raise UnitError(
                f"the values of '{name}' have different units: {sorted(map(str, unit_set))}"
            )
        return {k: m for k, (m, _) in converted.items()}, next(iter(unit_set), None)
    total = slot.kind == "total"
    if total and isinstance(raw, Mapping) and period is not None and _by_period(raw):
        # with period=, a mapping by period is read at that period (then summed if it
        # is itself a series); a mapping by anything else is the series to total
        raw = _at_period(raw, period, name)
    if total and totals and _is_sequence(raw):
        # "ΣTenaga Kerja" with the units' values in a list or array: their total (to sum
        # row by row over many rows, give a mapping {unit: array})
        if any(_is_sequence(part) for part in raw):
            raise ValueTypeError(f"the values of '{name}' to total must be numbers, not lists")
        raw = dict(enumerate(raw))
    if isinstance(raw, Mapping):
        if slot.kind == "total":
            parts = [number(codes, slot, name, v) for v in raw.values()]
            if not parts:
                raise _Missing(f"{name} (the series is empty)")
            if len({u for _, u in parts}) > 1:
                raise UnitError(f"the values of '{name}' have different units")
            try:
                return sum(m for m, _ in parts), parts[0][1]
            except ValueError:
                raise ValueTypeError(
                    f"the values of '{name}' are arrays of different lengths"
                ) from None
        if period is None:
            raise ValueTypeError(f"'{name}' is a series by period: pass period= to choose the year")
        wanted = shifted(period, slot.offset, slot.step)
        if wanted is None:
            raise ValueTypeError(
                f"'{slot.written}' is a month before or after: pass period= as a month"
                f" ('{period[0]}-01'), not the year {period[0]}"
            )
        raw = _at_period(raw, wanted, name)
    elif slot.kind == "shift":
        raise ValueTypeError(
            f"'{slot.written}' needs the value of another period: give '{name}' as a mapping"
            f" {{period: value}} with period=, or bind '{slot.written}' itself"
        )
    return number(codes, slot, name, raw)


def _is_series(value: Any) -> bool:
    series = series_type()
    return series is not None and isinstance(value, series)


def _is_sequence(raw: Any) -> bool:
    """A list, tuple or one-dimensional array of values (not text, not a quantity)."""
    if isinstance(raw, list | tuple):
        return True
    return isinstance(raw, np.ndarray) and raw.ndim == 1


def _by_period(series: Mapping[Any, Any]) -> bool:
    """Keys that are years: ints, or whole-number text as JSON gives them."""
    return bool(series) and all(_period_key(k) is not None for k in series)


def _period_key(key: Any) -> Period | None:
    return read_period(key)


def _in_base_year(formula: Formula, slot: Slot, year: Any, series: Any) -> Any:
    """ "Produksi Tahun Dasar": Produksi's value in the year "Tahun Dasar" holds. The
    base year is always a year: its value in that year is bound by the written form."""
    year_name = formula.variables[slot.variable or 0]
    name = formula.variables[slot.series or 0]
    if year is _MISSING or series is _MISSING:
        raise _Missing(year_name if year is _MISSING else name)
    if not isinstance(series, Mapping):
        raise ValueTypeError(
            f"'{year_name}' is the base year of '{name}': give '{name}' as a mapping"
            f" {{year: value}}, or bind '{slot.written}' to its value"
        )
    if isinstance(year, float | np.floating) and float(year).is_integer():
        year = int(year)  # a year from a numeric column with gaps comes as 2020.0
    when = read_period(year)
    if when is None or when[1] is not None:
        raise ValueTypeError(f"'{year_name}' must be a year (int or text), not {shown(year)}")
    return _at_period(series, when, name)


def _at_period(series: Mapping[Any, Any], wanted: Period, name: str) -> Any:
    """The value of a series for one period, its key given as int or as text."""
    found = [v for k, v in series.items() if _period_key(k) == wanted]
    shown = show_period(wanted)
    if not found:
        raise _Missing(f"{name} (period {shown})")
    if len(found) > 1:
        raise ConflictingValuesError(f"{name} (period {shown})", (shown, repr(shown)))
    return found[0]


def _suggest(missing: list[str], values: Mapping[str, Any]) -> dict[str, list[str]]:
    """Names among the given ones for "did you mean", at a bounded cost: difflib is
    quadratic in the length of names, and value dicts can come from whole tables."""
    import difflib  # only on the error path
    import heapq

    by_norm: dict[str, str] = {}
    if len(values) > MAX_SUGGESTION_KEYS:
        return {}
    for key in values:
        if isinstance(key, str) and len(key) <= _SUGGEST_NAME_LENGTH:
            by_norm.setdefault(normalize_name(key), key)
    suggestions = {}
    for name in missing[:_SUGGEST_NAMES]:
        wanted = normalize_name(name)[:_SUGGEST_NAME_LENGTH]
        words = set(wanted.split())
        # difflib only over the names sharing the most words with the missing one
        shared = {k: len(words & set(k.split())) for k in by_norm}
        candidates = heapq.nlargest(_SUGGEST_CANDIDATES, by_norm, key=shared.__getitem__)
        close = difflib.get_close_matches(wanted, candidates, n=3, cutoff=0.6)
        if close:
            suggestions[name] = [by_norm[c] for c in close]
    return suggestions
