"""Result: the value of a formula, immutable, number-like (numberlike.py), shown in
Indonesian notation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import ValueTypeError
from ..numbers import HALF_UP, format_number
from ..units import display_unit, ureg
from .numberlike import NumberLike, is_rows

__all__ = ["Result"]

_set = object.__setattr__


class Result(NumberLike):
    """The value of a formula: ``magnitude`` in ``units`` (immutable).

    ``magnitude`` is a number, a numpy array (array inputs), a pandas Series (Series
    inputs: their index is kept), or a str for a formula whose branches are categories.
    ``quantity`` is the same as a ``sakip.ureg`` Quantity; ``name`` is the result name of
    ``NAME = ...`` formulas. A Result is a number: ``float(r)``, ``round(r, 1)``,
    ``f"{r:.1f}"``, ``r > 90``, ``r + 1`` and ``np.asarray(r)`` work, with a bare number
    read in the result's own unit (see :mod:`sakip.language.numberlike`).
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
        if is_rows(magnitude):
            magnitude = np.asarray(magnitude)
            magnitude = [None if isinstance(v, float) and v != v else v for v in magnitude.tolist()]
        return {
            "magnitude": magnitude,
            "unit": str(self.units),
            "text": self.format(),
            "name": self.name,
        }

    def __repr__(self) -> str:
        unit = display_unit(self.units)
        if is_rows(self.magnitude):
            kind = "array" if isinstance(self.magnitude, np.ndarray) else "Series"
            shown = f"{kind} of {np.size(self.magnitude)}"
        else:
            shown = repr(self.magnitude)
        name = f", name={self.name!r}" if self.name else ""
        return f"Result({shown}{' ' + unit if unit else ''}{name})"

    def _repr_html_(self) -> str:  # Jupyter: the value, or a table of the first rows
        from .display import result_html

        return result_html(self)

    def _make(self, magnitude: Any, units: Any) -> Result:
        return Result(magnitude, units)

    @property
    def quantity(self) -> Any:
        """The result as a pint Quantity in ``sakip.ureg``."""
        return ureg.Quantity(self.magnitude, self.units)

    def format(
        self, decimals: int = 2, *, decimal_point: bool = False, rounding: str = HALF_UP
    ) -> str:
        """Indonesian notation, rounded once here: ``"93,00 %"``. ``rounding`` is
        ``"half_up"`` (2,675 -> 2,68, as reports and Excel round) or ``"half_even"``;
        ``decimal_point=True`` writes English notation (``"1,234.50 %"``)."""
        return self._text(decimals, decimal_point, rounding)

    def _text(self, decimals: int, decimal_point: bool = False, rounding: str = HALF_UP) -> str:
        if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
            raise ValueTypeError(f"decimals must be a whole number >= 0, not {decimals!r}")
        magnitude = self.magnitude
        if isinstance(magnitude, str):
            return magnitude
        if is_rows(magnitude):
            values = np.asarray(magnitude)
            if values.dtype.kind in "OUS":
                return ", ".join(str(v) for v in values.ravel())
            return ", ".join(
                "NaN"
                if not math.isfinite(v)
                else format_number(
                    float(v), decimals, decimal_point=decimal_point, rounding=rounding
                )
                for v in values.ravel()
            )
        shown = format_number(magnitude, decimals, decimal_point=decimal_point, rounding=rounding)
        return f"{shown} {display_unit(self.units)}".strip()

    def __str__(self) -> str:
        return self.format()


def _restore_result(cls: type[Result], state: dict[str, Any]) -> Result:
    result = object.__new__(cls)
    for key, value in state.items():
        _set(result, key, ureg.Unit(value) if key == "units" else value)
    return result
