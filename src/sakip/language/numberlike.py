"""What makes a Result behave like the number it is: format specs, ``float``, ``int``,
``round``, numpy's ``__array__``, comparisons and arithmetic that follow its unit.

The rule for a bare number (docs/language.md, "A Result is a number"): it is a
magnitude in the result's own unit. For ``r`` = 93 %, ``r == 93`` is True, ``r > 90``
compares 93 with 90, ``r + 1`` is 94 % and ``r * 2`` is 186 %. Quantities and other
Results are converted to the result's unit first (UnitError when they cannot be).
Rounding (``round``, ``f"{r:.1f}"``) is the report rule of ``str()``: half away from
zero on the decimal Python prints (2,675 -> 2,68).
"""

from __future__ import annotations

import math
import numbers
import operator
import re
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from ..errors import (
    EvaluationError,
    SakipError,
    UnitError,
    ValueTypeError,
    ZeroDenominatorError,
)
from ..numbers import exact_value, round_number
from ..units import from_other_registry, ureg

__all__ = ["Conversions", "NumberLike", "is_rows", "series_type"]

# The end of a format spec: ".2f", ",.1%", ">10.3e" (Python's format-spec mini-language).
_SPEC_END = re.compile(r"(?:\.(?P<precision>[0-9]+))?(?P<kind>[a-zA-Z%]?)$")
#: Relative difference within which two values are equal after a unit conversion
#: (0.93 converted to percent is 93.00000000000001).
_CONVERSION_TOLERANCE = 1e-12


def series_type() -> Any:
    """pandas' Series class if pandas is imported (a Series cannot exist otherwise), so
    that ``import sakip`` never pays for importing pandas."""
    pandas = sys.modules.get("pandas")
    return None if pandas is None else pandas.Series


def is_rows(value: Any) -> bool:
    """A numpy array or a pandas Series: one value per row."""
    if isinstance(value, np.ndarray):
        return True
    series = series_type()
    return series is not None and isinstance(value, series)


def _is_text(magnitude: Any) -> bool:
    if isinstance(magnitude, str):
        return True
    return is_rows(magnitude) and np.asarray(magnitude).dtype.kind in "OUS"


class Conversions:
    """float, int, round, numpy and format specs over ``magnitude`` (a mixin)."""

    __slots__ = ()
    magnitude: Any
    units: Any

    def _make(self, magnitude: Any, units: Any) -> Any:
        raise NotImplementedError

    def _number(self, what: str) -> Any:
        if _is_text(self.magnitude):
            raise ValueTypeError(f"a category ({self.magnitude!r}) has no {what}")
        return self.magnitude

    def __float__(self) -> float:
        magnitude = self._number("float value")
        if is_rows(magnitude) and np.size(magnitude) != 1:
            raise ValueTypeError("an array result has no single float value")
        return float(np.asarray(magnitude).ravel()[0]) if is_rows(magnitude) else float(magnitude)

    def __int__(self) -> int:
        return int(float(self))

    def __round__(self, ndigits: int | None = None) -> Any:
        magnitude = self._number("rounding")
        places = 0 if ndigits is None else ndigits
        if is_rows(magnitude):
            return self._make(
                _on_rows(magnitude, lambda v: float(round_number(v, places))), self.units
            )
        rounded = round_number(magnitude, places)
        return int(rounded) if ndigits is None else self._make(float(rounded), self.units)

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> Any:
        if copy:
            return np.array(self.magnitude, dtype=dtype, copy=True)
        return np.asarray(self.magnitude, dtype=dtype)

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        if _is_text(self.magnitude):
            values = (
                np.asarray(self.magnitude).ravel() if is_rows(self.magnitude) else [self.magnitude]
            )
            return ", ".join(format(str(v), spec) for v in values)
        end = _SPEC_END.search(spec)
        precision = None if end is None or end["precision"] is None else int(end["precision"])
        kind = "" if end is None else end["kind"]
        factor = 1.0
        if kind == "%":  # 93 % formats as "93.0%" with ".1%", as 0.93 does
            try:
                factor = float(ureg.Quantity(1, self.units).to("dimensionless").magnitude)
            except Exception as exc:
                raise ValueTypeError(
                    f"a value in {self.units} is not a fraction to show as %"
                ) from exc
        magnitude = self.magnitude
        values = np.asarray(magnitude).ravel() if is_rows(magnitude) else [magnitude]
        return ", ".join(_format_one(v, spec, kind, precision, factor) for v in values)


class NumberLike(Conversions):
    """Comparisons and arithmetic over ``magnitude`` and ``units`` (a mixin of Result)."""

    __slots__ = ()

    def _in_my_units(self, other: Any) -> tuple[Any, bool]:
        """``other`` as a magnitude in this result's unit, and whether it was converted."""
        if isinstance(other, NumberLike):
            if _is_text(other.magnitude):
                return other.magnitude, False
            other = ureg.Quantity(np.asarray(other.magnitude), other.units)
        elif _is_foreign_quantity(other):
            other = from_other_registry(other)
        if isinstance(other, ureg.Quantity):
            if other.units == self.units:
                return other.magnitude, False
            try:
                return other.to(self.units).magnitude, True
            except Exception as exc:  # pint's DimensionalityError
                raise UnitError(f"cannot compare or add {other.units} with {self.units}") from exc
        if isinstance(other, str):
            if not _is_text(self.magnitude):
                raise ValueTypeError(f"a number ({self}) is not compared with text {other!r}")
            return other, False
        if isinstance(other, numbers.Real | np.ndarray | list | tuple) or is_rows(other):
            if _is_text(self.magnitude):
                raise ValueTypeError(f"a category ({self.magnitude!r}) is not a number")
            return other, False
        return NotImplemented, False

    # comparisons ----------------------------------------------------------------------

    def _compare(self, other: Any, op: Callable[[Any, Any], Any]) -> Any:
        if isinstance(other, NumberLike) and op in (operator.eq, operator.ne):
            same = _same_value(self, other)  # one bool: the same value, not row by row
            return same if op is operator.eq else not same
        theirs, converted = self._in_my_units(other)
        if theirs is NotImplemented:
            return NotImplemented
        mine = self.magnitude
        if _is_text(mine) and op not in (operator.eq, operator.ne):
            raise ValueTypeError(f"categories ({mine!r}) have no order")
        if isinstance(mine, list | tuple):
            mine = np.asarray(mine)
        if isinstance(theirs, list | tuple):
            theirs = np.asarray(theirs)
        if converted and op in (operator.eq, operator.ne):
            close = np.isclose(mine, theirs, rtol=_CONVERSION_TOLERANCE, atol=0.0)
            found = close if op is operator.eq else ~close
        else:
            found = op(mine, theirs)
        return found if is_rows(found) else bool(found)

    def __eq__(self, other: object) -> Any:
        return self._compare(other, operator.eq)

    def __ne__(self, other: object) -> Any:
        return self._compare(other, operator.ne)

    def __lt__(self, other: Any) -> Any:
        return self._compare(other, operator.lt)

    def __le__(self, other: Any) -> Any:
        return self._compare(other, operator.le)

    def __gt__(self, other: Any) -> Any:
        return self._compare(other, operator.gt)

    def __ge__(self, other: Any) -> Any:
        return self._compare(other, operator.ge)

    __hash__ = None  # type: ignore[assignment]
    # numpy defers its operators to ours: np.float64(2) * r is 186 %, not a bare 186
    # (a ufunc such as np.sqrt takes np.asarray(r), the magnitude, explicitly)
    __array_ufunc__ = None

    # arithmetic ------------------------------------------------------------------------

    def _shift(self, other: Any, op: Callable[[Any, Any], Any], reflected: bool) -> Any:
        """+ and -: the other side in this result's unit."""
        mine = self._number("sum")
        theirs, _ = self._in_my_units(other)
        if theirs is NotImplemented:
            return NotImplemented
        pair = (theirs, mine) if reflected else (mine, theirs)
        return self._make(_compute(op, *pair), self.units)

    def _scale(self, other: Any, op: Callable[[Any, Any], Any], reflected: bool) -> Any:
        """* and /: magnitudes and units each combined (93 % x 2 = 186 %)."""
        mine = self._number("product")
        if isinstance(other, NumberLike):
            theirs, unit = other._number("product"), other.units
        elif isinstance(other, ureg.Quantity) or _is_foreign_quantity(other):
            other = from_other_registry(other)
            theirs, unit = other.magnitude, other.units
        elif isinstance(other, numbers.Real | np.ndarray | list | tuple) or is_rows(other):
            theirs, unit = other, ureg.dimensionless
        else:
            return NotImplemented
        if reflected:
            return self._make(_compute(op, theirs, mine), op(unit, self.units))
        return self._make(_compute(op, mine, theirs), op(self.units, unit))

    def __add__(self, other: Any) -> Any:
        return self._shift(other, operator.add, False)

    def __radd__(self, other: Any) -> Any:
        return self._shift(other, operator.add, True)

    def __sub__(self, other: Any) -> Any:
        return self._shift(other, operator.sub, False)

    def __rsub__(self, other: Any) -> Any:
        return self._shift(other, operator.sub, True)

    def __mul__(self, other: Any) -> Any:
        return self._scale(other, operator.mul, False)

    def __rmul__(self, other: Any) -> Any:
        return self._scale(other, operator.mul, True)

    def __truediv__(self, other: Any) -> Any:
        return self._scale(other, operator.truediv, False)

    def __rtruediv__(self, other: Any) -> Any:
        return self._scale(other, operator.truediv, True)

    def __pow__(self, exponent: Any) -> Any:
        mine = self._number("power")
        if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
            raise ValueTypeError(f"a Result is raised to a plain number, not {exponent!r}")
        if isinstance(mine, int):  # 100 ** 10**9 in whole numbers would never end
            mine = float(mine)
        return self._make(_compute(operator.pow, mine, exponent), self.units**exponent)

    def __neg__(self) -> Any:
        return self._make(_compute(operator.neg, self._number("sign")), self.units)

    def __pos__(self) -> Any:
        return self._make(self._number("sign"), self.units)

    def __abs__(self) -> Any:
        return self._make(_compute(abs, self._number("sign")), self.units)


def _format_one(value: Any, spec: str, kind: str, precision: int | None, factor: float) -> str:
    if not math.isfinite(value):
        return "NaN"
    try:
        if kind in ("f", "F") and precision is not None:
            return format(round_number(value, precision), spec)
        if kind == "%" and precision is not None:
            percent = round_number(exact_value(value) * exact_value(factor) * 100, precision)
            return format(percent.scaleb(-2), spec)
        return format(float(value) * factor, spec)
    except SakipError:
        raise
    except ValueError as exc:
        raise ValueTypeError(f"format spec {spec!r} is not one for numbers: {exc}") from None


def _same_value(first: NumberLike, second: NumberLike) -> bool:
    """Whether two Results hold the same value (arrays: every row, NaN rows alike)."""
    a, b = first.magnitude, second.magnitude
    if _is_text(a) or _is_text(b):
        return bool(np.array_equal(np.asarray(a), np.asarray(b))) if is_rows(a) else a == b
    try:
        theirs = ureg.Quantity(np.asarray(b, dtype=float), second.units).to(first.units).magnitude
    except Exception:  # pint's DimensionalityError: different kinds of thing
        return False
    mine = np.asarray(a, dtype=float)
    if mine.shape != np.shape(theirs):
        return False
    rtol = 0.0 if first.units == second.units else _CONVERSION_TOLERANCE
    return bool(np.allclose(mine, theirs, rtol=rtol, atol=0.0, equal_nan=True))


def _is_foreign_quantity(value: Any) -> bool:
    """A Quantity of another pint registry (the user's own)."""
    return type(value).__module__.startswith("pint") and hasattr(value, "units")


def _compute(op: Callable[..., Any], *operands: Any) -> Any:
    """``op`` over magnitudes: a pandas Series keeps its index; a zero denominator or an
    overflow raises instead of giving inf or NaN (NaN rows of the operands stay NaN)."""
    index = None
    plain = []
    for operand in operands:
        if is_rows(operand) and not isinstance(operand, np.ndarray):
            if index is not None and not operand.index.equals(index):
                raise ValueTypeError("the Series have different indexes: align them first")
            index = operand.index
            operand = operand.to_numpy(dtype=float)
        elif isinstance(operand, list | tuple):
            operand = np.asarray(operand, dtype=float)
        plain.append(operand)
    try:
        with np.errstate(all="raise"):
            result = op(*plain)
    except (ZeroDivisionError, FloatingPointError) as exc:
        if op is operator.truediv or "divide" in str(exc):
            raise ZeroDenominatorError("") from None
        raise EvaluationError(f"the result cannot be computed: {exc}") from None
    except OverflowError:
        raise EvaluationError("the result is too large to compute") from None
    if isinstance(result, complex):
        raise EvaluationError("the result is not a real number")
    if isinstance(result, float) and math.isinf(result):
        raise EvaluationError("the result is too large to compute")
    if index is not None:
        series = series_type()
        return series(result, index=index)
    return result


def _on_rows(magnitude: Any, function: Callable[[Any], float]) -> Any:
    """``function`` of each finite row (NaN rows stay NaN); a Series keeps its index."""
    values = np.asarray(magnitude, dtype=float)
    done = np.array([function(v) if math.isfinite(v) else math.nan for v in values.ravel()])
    done = done.reshape(values.shape)
    if isinstance(magnitude, np.ndarray):
        return done
    return series_type()(done, index=magnitude.index, name=magnitude.name)
