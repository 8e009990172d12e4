"""evaluate(): bind values to a formula's variables, run its compiled plan, wrap the result."""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import (
    AmbiguousFormulaWarning,
    ConflictingValuesError,
    MissingValueError,
    UnitError,
    ValueTypeError,
)
from ..numbers import NumberTextError, format_number, parse_number
from ..units import display_unit, parse_unit, ureg
from .formula import Formula, Slot, normalize_name
from .limits import MAX_SUGGESTION_KEYS
from .parser import _CACHE, parse_quietly
from .plan import plan_for

__all__ = ["Result", "evaluate", "evaluate_fast"]

_MISSING = object()
# One to three digits (not a leading 0), a comma and exactly three: "1,000", "25,500".
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")
_SUGGEST_NAMES = 10
_SUGGEST_CANDIDATES = 200
_SUGGEST_NAME_LENGTH = 100


_set = object.__setattr__


class Result:
    """The value of a formula: ``magnitude`` in ``units`` (immutable).

    ``magnitude`` is a float, a numpy array (array inputs), or a str for a formula whose
    branches are categories. ``quantity`` is the same as a ``sakip.ureg`` Quantity;
    ``name`` is the result name of ``NAME = ...`` formulas.
    """

    # A hand-written slotted class: evaluate() builds one per call, and this is twice
    # as fast to construct as a frozen attrs class.
    __slots__ = ("magnitude", "name", "units")

    magnitude: Any
    units: Any
    name: str | None

    def __init__(self, magnitude: Any, units: Any, name: str | None = None) -> None:
        _set(self, "magnitude", magnitude)
        _set(self, "units", units)
        _set(self, "name", name)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("a Result is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        # units as text: a pint Unit pickles into pint's application registry, which
        # is not sakip.ureg
        state = {
            slot: getattr(self, slot)
            for cls in type(self).__mro__
            for slot in getattr(cls, "__slots__", ())
        }
        state["units"] = str(state["units"])
        return (_restore_result, (type(self), state))

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data: magnitude (a number, text or list), unit, the
        Indonesian text as ``str()`` shows it, and the result name."""
        magnitude = self.magnitude
        if isinstance(magnitude, np.ndarray):
            magnitude = [None if isinstance(v, float) and v != v else v for v in magnitude.tolist()]
        return {
            "magnitude": magnitude,
            "unit": str(self.units),
            "text": self.format(),
            "name": self.name,
        }

    def __repr__(self) -> str:
        unit = display_unit(self.units)
        if isinstance(self.magnitude, np.ndarray):
            shown = f"array of {self.magnitude.size}"
        else:
            shown = repr(self.magnitude)
        name = f", name={self.name!r}" if self.name else ""
        return f"Result({shown}{' ' + unit if unit else ''}{name})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        if isinstance(self.magnitude, np.ndarray) or isinstance(other.magnitude, np.ndarray):
            same = bool(np.array_equal(self.magnitude, other.magnitude))
        else:
            same = bool(self.magnitude == other.magnitude)
        return same and self.units == other.units and self.name == other.name

    __hash__ = None  # type: ignore[assignment]

    @property
    def quantity(self) -> Any:
        """The result as a pint Quantity in ``sakip.ureg``."""
        return ureg.Quantity(self.magnitude, self.units)

    def __float__(self) -> float:
        if isinstance(self.magnitude, np.ndarray) and self.magnitude.size != 1:
            raise ValueTypeError("an array result has no single float value")
        return float(self.magnitude)

    def format(self, decimals: int = 2) -> str:
        """Indonesian notation, rounded once here: ``"93,00 %"``."""
        if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
            raise ValueTypeError(f"decimals must be a whole number >= 0, not {decimals!r}")
        if isinstance(self.magnitude, str):
            return self.magnitude
        if isinstance(self.magnitude, np.ndarray):
            if self.magnitude.dtype.kind in "OUS":
                return ", ".join(str(v) for v in self.magnitude.ravel())
            return ", ".join(
                "NaN" if not math.isfinite(v) else format_number(float(v), decimals)
                for v in self.magnitude.ravel()
            )
        return f"{format_number(self.magnitude, decimals)} {display_unit(self.units)}".strip()

    def __str__(self) -> str:
        return self.format()


def _restore_result(cls: type[Result], state: dict[str, Any]) -> Result:
    result = object.__new__(cls)
    for key, value in state.items():
        _set(result, key, ureg.Unit(value) if key == "units" else value)
    return result


def evaluate(
    formula: str | Formula,
    values: Mapping[str, Any] | None = None,
    /,
    *,
    period: int | None = None,
    unit: Any = None,
    decimal_point: bool = False,
    **more_values: Any,
) -> Result:
    """Compute a formula for the given values.

    ``formula`` is formula text (parsed once and cached) or a :class:`Formula`. A
    variable is bound by its name as written (case-insensitive, whitespace collapsed),
    its slug (``angkatan_kerja``) or a glossary alias. Values may be numbers, numpy
    arrays (element-wise), ``sakip.ureg`` Quantities (units are checked), str for
    categories, dates, and mappings ``{period: value}`` (with ``period=``) or
    ``{index: value}`` for indexed names. ``unit`` declares the unit of the result.
    """
    if not isinstance(formula, str | Formula):
        raise ValueTypeError(f"a formula must be text or a Formula, not {type(formula).__name__}")
    parsed = formula if type(formula) is Formula else _CACHE.get((formula, decimal_point))  # type: ignore[arg-type]
    if parsed is None:
        parsed = formula if isinstance(formula, Formula) else parse_quietly(formula, decimal_point)
    elif not more_values and period is None and unit is None and type(values) is dict:
        fast = evaluate_fast(parsed, values)
        if fast is not None:
            return fast
    if more_values:
        values = {**(values or {}), **more_values}
    args, units, is_array = _bind(parsed, values or {}, period, decimal_point)
    declared = None if unit is None else parse_unit(unit)
    plain = all(u is None for u in units)
    plan = plan_for(parsed, units, declared, plain)
    if plain and declared is None and parsed.cache.fast is None:
        _enable_fast_path(parsed, plan)
    if parsed.ambiguities:
        for message in parsed.ambiguities:
            warnings.warn(message, AmbiguousFormulaWarning, stacklevel=3)  # the user's call
    magnitude = plan.run_array(args) if is_array else plan.run_scalar(args)
    if parsed.result_is_category:
        magnitude = _decode(parsed, magnitude)
    return Result(magnitude, plan.unit, parsed.name)


def _enable_fast_path(formula: Formula, plan: Any) -> None:
    """Remember the compiled function of a formula whose slots are all plain values."""
    slots = formula.plain_slots
    eligible = not (formula.ambiguities or formula.result_is_category or plan.sums)
    if slots is not None and eligible:
        identity = slots == tuple(range(len(formula.variables)))
        formula.cache.fast = (plan.scalar, plan.unit, None if identity else slots)


def evaluate_fast(formula: Formula, values: dict[str, Any]) -> Result | None:
    """The common case in few steps: plain numbers for plain variables, a compiled plan.

    Returns None to fall back to the general path, which also raises the errors.
    """
    fast = formula.cache.fast
    if fast is None:
        return None
    function, units, slots = fast
    memo = formula.cache.key_memo
    bound: list[Any] = [None] * len(formula.variables)
    for key, value in values.items():
        index = memo.get(key, -1)
        if index == -1:
            if key.__class__ is not str:
                return None  # the general path says what is wrong
            index = formula.lookup(key)
        if index is None:
            continue
        if bound[index] is not None:
            return None  # two spellings of one variable: the general path says so
        kind = value.__class__
        if kind is float:
            if value - value != 0.0:  # NaN or infinity
                return None
            bound[index] = value
        elif kind is int and -(2**53) <= value <= 2**53:
            bound[index] = float(value)
        else:
            return None
    args = bound if slots is None else [bound[i] for i in slots]
    if None in args:
        return None
    try:
        result = function(*args)
    except ArithmeticError:
        return None  # the general path raises the right error
    if result.__class__ is float and result - result == 0.0:
        return Result(result, units, formula.name)
    return None


def _decode(formula: Formula, codes: Any) -> Any:
    """Category codes back to the texts as written; "" for rows without a result."""
    names = formula.category_names

    def decode(code: Any) -> str:
        return names.get(int(code), "") if math.isfinite(code) else ""

    if isinstance(codes, np.ndarray):
        return np.array([decode(c) for c in codes.ravel()], dtype=object)
    return decode(codes)


def _bind(
    formula: Formula, values: Mapping[str, Any], period: int | None, decimal_point: bool = False
) -> tuple[list[Any], tuple[Any, ...], bool]:
    if not isinstance(values, Mapping):
        raise ValueTypeError(
            f"values must be a mapping of names to values, not {type(values).__name__}"
        )
    if period is not None and (
        isinstance(period, bool)
        or not isinstance(period, int | np.integer)
        or not 1 <= period <= 9999
    ):
        raise ValueTypeError(f"period must be a year (1-9999) as an int, not {_shown(period)}")
    by_variable: dict[int, Any] = {}
    by_slot: dict[int, Any] = {}
    spelled: dict[tuple[str, int], str] = {}
    for key, value in values.items():
        if not isinstance(key, str):
            raise ValueTypeError(f"value names must be text, not {_shown(key)}")
        index = formula.lookup(key)
        if index is not None:
            _once(spelled, ("variable", index), key, formula.variables[index])
            by_variable[index] = value
        elif formula.slot_keys:
            slot_index = formula.slot_keys.get(normalize_name(key))
            if slot_index is not None:
                _once(spelled, ("slot", slot_index), key, formula.slots[slot_index].written)
                by_slot[slot_index] = value
    codes = _Codes(formula)
    codes.decimal_point = decimal_point
    if not codes.uses_dates:
        # with no date written, dates are day numbers only when every value is a date
        # (selesai - mulai); Realisasi / Target with a date divides day numbers
        given = [*by_variable.values(), *by_slot.values()]
        codes.uses_dates = all(isinstance(v, dt.date) for v in given)
    args: list[Any] = []
    units: list[Any] = []
    missing: list[str] = []
    is_array = False
    for k, slot in enumerate(formula.slots):
        raw = by_slot.get(k, _MISSING)
        direct = raw is not _MISSING
        series = by_variable.get(slot.variable) if slot.variable is not None else None
        if direct and slot.variable is not None and isinstance(series, Mapping):
            # "A tahun n-1": 5 beside A: {2019: ...}: two values for one slot (beside a
            # plain A, the written form is the only value of the previous period)
            raise ConflictingValuesError(
                slot.written, (spelled[("variable", slot.variable)], spelled[("slot", k)])
            )
        if not direct and slot.variable is not None:
            raw = by_variable.get(slot.variable, _MISSING)
        if raw is None:
            raw = _MISSING
        try:
            if direct:  # bound by its written form, e.g. "A tahun n-1"
                arg, unit = _number(codes, slot, slot.written, raw)
            else:
                arg, unit = _slot_value(codes, formula, slot, raw, period)
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
    return args, tuple(units), is_array


class _Missing(Exception):
    pass


def _shown(value: Any) -> str:
    """A value for an error message: short, and never an error itself (an int over
    4,300 digits cannot be turned into text)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    try:
        text = repr(value)
    except Exception:  # a user object whose repr fails
        return f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."


def _once(
    spelled: dict[tuple[str, int], str], target: tuple[str, int], key: str, name: str
) -> None:
    """Refuse a second spelling of one variable: which value is meant is not ours to pick."""
    first = spelled.setdefault(target, key)
    if first != key:
        raise ConflictingValuesError(name, (first, key))


def ambiguous_thousands(text: str) -> bool:
    """``1,000``: one in Indonesian notation, one thousand in English."""
    return bool(_AMBIGUOUS.fullmatch(text.strip().lstrip("-–—−").strip()))


class _Codes:
    """Category codes for one evaluation: the formula's own categories, and a fresh
    negative code for any other text, so two texts the formula does not name (OPINI =
    "WDP", TARGET = "WTP") never compare equal. Also whether dates may be day numbers."""

    def __init__(self, formula: Formula) -> None:
        self.known = formula.categories
        self.names = tuple(formula.category_names.values())
        self.others: dict[str, int] = {}
        self.uses_dates = formula.uses_dates
        self.decimal_point = False

    def __call__(self, text: Any) -> int:
        key = " ".join(str(text).split()).casefold()
        code = self.known.get(key)
        if code is None:
            code = self.others.setdefault(key, -1 - len(self.others))
        return code


def _index(name: str, key: Any) -> int:
    """An index of an indexed name: a whole number (7, "7", 7.0), nothing else."""
    try:
        number = float(key) if not isinstance(key, bool) else float("nan")
    except (TypeError, ValueError, OverflowError):
        number = float("nan")
    if not number.is_integer():
        raise ValueTypeError(f"the indexes of '{name}' must be whole numbers, not {_shown(key)}")
    return int(number)


def _slot_value(
    codes: _Codes, formula: Formula, slot: Slot, raw: Any, period: int | None
) -> tuple[Any, Any]:
    name = formula.variables[slot.variable] if slot.variable is not None else slot.written
    if slot.kind == "date":
        if period is None:
            raise ValueTypeError(f"the date '{slot.written}' depends on the year: pass period=")
        try:
            return dt.date(period + slot.offset, slot.month, slot.day).toordinal(), None
        except (ValueError, OverflowError):
            raise ValueTypeError(
                f"the date '{slot.written}' does not exist for period {period}"
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
            converted[index] = _number(codes, slot, name, value)
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
    if isinstance(raw, Mapping):
        if slot.kind == "total":
            parts = [_number(codes, slot, name, v) for v in raw.values()]
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
        raw = _at_period(raw, period + slot.offset, name)
    elif slot.kind == "shift":
        raise ValueTypeError(
            f"'{slot.written}' needs the value of another period: give '{name}' as a mapping"
            f" {{period: value}} with period=, or bind '{slot.written}' itself"
        )
    return _number(codes, slot, name, raw)


def _by_period(series: Mapping[Any, Any]) -> bool:
    """Keys that are years: ints, or whole-number text as JSON gives them."""
    return bool(series) and all(_period_key(k) is not None for k in series)


def _period_key(key: Any) -> int | None:
    if isinstance(key, int | np.integer) and not isinstance(key, bool):
        return int(key)
    if isinstance(key, str) and key.strip().isascii() and key.strip().isdigit():
        return int(key.strip())
    return None


def _at_period(series: Mapping[Any, Any], wanted: int, name: str) -> Any:
    """The value of a series for one period, its key given as int or as text."""
    found = [v for k, v in series.items() if _period_key(k) == wanted]
    if not found:
        raise _Missing(f"{name} (period {wanted})")
    if len(found) > 1:
        raise ConflictingValuesError(f"{name} (period {wanted})", (str(wanted), repr(str(wanted))))
    return found[0]


def _number(codes: _Codes, slot: Slot, name: str, value: Any) -> tuple[Any, Any]:
    """(magnitude, unit or None) for one user value; rejects what would be a silent error."""
    kind = type(value)
    if slot.date_typed:
        return _date(name, value), None
    if slot.categorical and not isinstance(value, str | np.ndarray | list | tuple):
        raise ValueTypeError(
            f"'{name}' is compared with categories ({', '.join(codes.names)}):"
            f" give it as text, not {_shown(value)}"
        )
    if kind is float or kind is int:
        try:
            magnitude = float(value)
        except OverflowError:
            raise ValueTypeError(f"'{name}' is too large: {_shown(value)}") from None
        if not math.isfinite(magnitude):
            raise ValueTypeError(f"'{name}' is {value}: values must be finite numbers")
        return magnitude, None
    if isinstance(value, ureg.Quantity):
        magnitude, _ = _number(codes, slot, name, value.magnitude)
        return magnitude, value.units
    if hasattr(value, "units") and hasattr(value, "magnitude"):
        raise UnitError(f"'{name}' is a Quantity of another pint registry: use sakip.ureg")
    if isinstance(value, str):
        if slot.categorical:
            return codes(value), None
        if not codes.decimal_point and ambiguous_thousands(value):
            raise ValueTypeError(
                f"'{name}' is {_shown(value)}: one thing in Indonesian notation (1,500 is"
                " 1,5), another with a decimal point (one thousand five hundred); write"
                " thousands with a dot (1.500), or pass decimal_point=True"
            )
        try:
            return float(parse_number(value, decimal_point=codes.decimal_point)), None
        except NumberTextError:
            raise ValueTypeError(f"'{name}' needs a number, got the text {_shown(value)}") from None
    if isinstance(value, bool | np.bool_):
        return float(value), None
    if isinstance(value, np.timedelta64 | np.datetime64):  # timedelta64 is an np.integer
        raise ValueTypeError(f"'{name}' is a numpy time value; give a number or a date")
    if isinstance(value, int | float | Fraction | Decimal | np.integer | np.floating):
        try:
            magnitude = float(value)
        except (OverflowError, ValueError):
            raise ValueTypeError(f"'{name}' is too large: {_shown(value)}") from None
        if not math.isfinite(magnitude):
            raise ValueTypeError(f"'{name}' is {value}: values must be finite numbers")
        return magnitude, None
    if isinstance(value, dt.date):
        if _is_missing(value):
            raise ValueTypeError(f"'{name}' is a missing date (NaT)")
        if not codes.uses_dates:
            # Realisasi / Target with a date would divide day numbers: meaningless
            raise ValueTypeError(
                f"'{name}' is a date among numbers; this formula writes no date to compare it with"
            )
        return float(value.toordinal()), None
    if isinstance(value, np.ndarray | list | tuple):
        return _array(codes, slot, name, value), None
    raise ValueTypeError(
        f"'{name}' has a value of type {type(value).__name__}, which sakip cannot use"
    )


def _date(name: str, value: Any) -> Any:
    """A value compared with a date: a date (or ISO text), as a day number; arrays too,
    with None for missing rows."""
    if isinstance(value, np.ndarray) and value.ndim != 1:
        raise ValueTypeError(f"'{name}' is compared with dates: give a list of dates")
    if isinstance(value, np.ndarray | list | tuple):
        return np.array([np.nan if _is_missing(v) else _date(name, v) for v in value], dtype=float)
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueTypeError(
                f"'{name}' is compared with dates: {_shown(value)} is not a date"
            ) from None
    if _is_missing(value):
        raise ValueTypeError(f"'{name}' is a missing date (NaT)")
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValueTypeError(f"'{name}' is compared with dates: give a date, not {_shown(value)}")
    return float(value.toordinal())


def _is_missing(value: Any) -> bool:
    """None, NaN or pandas' NaT (a datetime that has no date)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return isinstance(value, dt.datetime) and str(value) == "NaT"


def _array(codes: _Codes, slot: Slot, name: str, value: Any) -> Any:
    if isinstance(value, np.ma.MaskedArray):  # masked rows are missing, not their data
        value = np.ma.filled(value.astype(float), np.nan) if value.dtype.kind in "iufb" else value
    try:
        array = np.asarray(value)
    except ValueError:  # ragged lists
        raise ValueTypeError(f"'{name}' is a list of rows of different lengths") from None
    if type(array) is not np.ndarray:  # np.matrix and other subclasses change arithmetic
        array = array.view(np.ndarray)
    if slot.categorical and array.dtype.kind not in "OUS":
        # a number is no category: 1 would be the internal code of the first one
        raise ValueTypeError(f"'{name}' is compared with categories: give an array of text")
    if array.dtype.kind in "iufb":
        return array.astype(float, copy=False)
    if array.dtype.kind in "OUS" and slot.categorical:
        return np.array([_code_or_missing(codes, v) for v in array.ravel()], dtype=float)
    raise ValueTypeError(f"'{name}' is an array of {array.dtype}, not numbers")


def _code_or_missing(codes: _Codes, value: Any) -> float:
    """A row's category code; NaN (a missing row) for None or NaN, never a category."""
    if value is None or (isinstance(value, float) and value != value):
        return math.nan
    return float(codes(value))


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
