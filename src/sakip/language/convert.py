"""One user value -> a magnitude and a unit: numbers, text in Indonesian notation,
categories, dates and arrays, each checked so that nothing becomes a silent wrong
number. The call context (Call) holds what one evaluation reads values with."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from ..errors import AmbiguousFormulaWarning, UnitError, ValueTypeError
from ..numbers import NumberTextError, read_number_text
from ..units import from_other_registry, ureg
from .formula import Formula, Slot
from .numberlike import NumberLike, series_type

__all__ = ["Call", "number", "shown"]

#: The units a value text can write (sakip.numbers.read_number_text).
_TEXT_UNITS = {"percent": ureg.percent, "rupiah": ureg.rupiah}


def shown(value: Any) -> str:
    """A value for an error message: short, and never an error itself (an int over
    4,300 digits cannot be turned into text)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    try:
        text = repr(value)
    except Exception:  # a user object whose repr fails
        return f"a {type(value).__name__}"
    return text if len(text) <= 80 else text[:77] + "..."


class Call:
    """What one evaluation's values are read with: category codes (the formula's own,
    and a fresh negative code for any other text, so two texts the formula does not
    name, OPINI = "WDP" and TARGET = "WTP", never compare equal), whether dates may be
    day numbers, and the decimal mark of text values."""

    def __init__(self, formula: Formula) -> None:
        self.known = formula.categories
        self.names = tuple(formula.category_names.values())
        self.others: dict[str, int] = {}
        self.uses_dates = formula.uses_dates
        self.decimal_point = False
        #: The index of the pandas Series among the values, kept for the result.
        self.index: Any = None

    def rows_of(self, name: str, series: Any) -> Any:
        """A pandas Series as a numpy array; its index is remembered for the result, and
        every Series of one call must share it (rows are matched by position)."""
        if self.index is None:
            self.index = series.index
        elif not series.index.equals(self.index):
            raise ValueTypeError(
                f"'{name}' is a Series with another index than the other Series: align"
                " them first (DataFrame columns share one)"
            )
        if series.dtype.kind in "iufb":  # nullable Int64/boolean: pd.NA is a missing row
            return series.to_numpy(dtype=float, na_value=np.nan)
        return series.to_numpy(dtype=object)

    def __call__(self, text: Any) -> int:
        key = " ".join(str(text).split()).casefold()
        code = self.known.get(key)
        if code is None:
            code = self.others.setdefault(key, -1 - len(self.others))
        return code


def number(codes: Call, slot: Slot, name: str, value: Any) -> tuple[Any, Any]:
    """(magnitude, unit or None) for one user value; rejects what would be a silent error."""
    kind = type(value)
    if slot.date_typed:
        return _date(name, value), None
    if slot.categorical and not isinstance(value, str | np.ndarray | list | tuple):
        raise ValueTypeError(
            f"'{name}' is compared with categories ({', '.join(codes.names)}):"
            f" give it as text, not {shown(value)}"
        )
    if kind is float or kind is int:
        try:
            magnitude = float(value)
        except OverflowError:
            raise ValueTypeError(f"'{name}' is too large: {shown(value)}") from None
        if not math.isfinite(magnitude):
            raise ValueTypeError(f"'{name}' is {value}: values must be finite numbers")
        return magnitude, None
    if isinstance(value, ureg.Quantity):
        magnitude, _ = number(codes, slot, name, value.magnitude)
        return magnitude, value.units
    if isinstance(value, NumberLike):  # a Result of another formula: its number and unit
        if isinstance(value.magnitude, str):
            return number(codes, slot, name, value.magnitude)
        magnitude, _ = number(codes, slot, name, value.magnitude)
        return magnitude, value.units
    if hasattr(value, "units") and hasattr(value, "magnitude"):
        if not type(value).__module__.startswith("pint"):
            raise UnitError(f"'{name}' has units but is not a pint Quantity: {shown(value)}")
        return number(codes, slot, name, from_other_registry(value))
    series = series_type()
    if series is not None and isinstance(value, series):
        return number(codes, slot, name, codes.rows_of(name, value))
    if type(value).__name__ == "DataFrame":
        raise ValueTypeError(f"'{name}' is a whole DataFrame: give one column, df[{name!r}]")
    if isinstance(value, str):
        if slot.categorical:
            return codes(value), None
        return _text_number(name, value, codes.decimal_point)
    if isinstance(value, bool | np.bool_):
        return float(value), None
    if isinstance(value, np.timedelta64 | np.datetime64):  # timedelta64 is an np.integer
        raise ValueTypeError(f"'{name}' is a numpy time value; give a number or a date")
    if isinstance(value, int | float | Fraction | Decimal | np.integer | np.floating):
        try:
            magnitude = float(value)
        except (OverflowError, ValueError):
            raise ValueTypeError(f"'{name}' is too large: {shown(value)}") from None
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


def _text_number(name: str, text: str, decimal_point: bool) -> tuple[float, Any]:
    """A number given as text ("1.234,5", "Rp 1.000.000", "93,5%", "1 000"): its
    magnitude, and the unit the text writes, as a Quantity in that unit would give it
    (93,5% is 93,5 percent, as 93,5% in a formula; a plain number stays plain)."""
    try:
        read = read_number_text(text, decimal_point=decimal_point)
        magnitude = float(read.value)
    except NumberTextError as exc:
        raise ValueTypeError(f"'{name}' needs a number: {exc}") from None
    except OverflowError:
        raise ValueTypeError(f"'{name}' is too large: {shown(text)}") from None
    if read.note:
        # the user's call of sakip.evaluate: past _number, _slot_value, bind, two evaluates
        warnings.warn(f"'{name}': {read.note}", AmbiguousFormulaWarning, stacklevel=7)
    return magnitude, None if read.unit is None else _TEXT_UNITS[read.unit]


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
                f"'{name}' is compared with dates: {shown(value)} is not a date"
            ) from None
    if _is_missing(value):
        raise ValueTypeError(f"'{name}' is a missing date (NaT)")
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValueTypeError(f"'{name}' is compared with dates: give a date, not {shown(value)}")
    return float(value.toordinal())


def _is_missing(value: Any) -> bool:
    """None, NaN or pandas' NaT (a datetime that has no date)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return isinstance(value, dt.datetime) and str(value) == "NaT"


def _array(codes: Call, slot: Slot, name: str, value: Any) -> Any:
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


def _code_or_missing(codes: Call, value: Any) -> float:
    """A row's category code; NaN (a missing row) for None or NaN, never a category."""
    if value is None or (isinstance(value, float) and value != value):
        return math.nan
    return float(codes(value))
