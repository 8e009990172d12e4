"""Result: the value of a formula, immutable, number-like in Indonesian notation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import ValueTypeError
from ..numbers import format_number
from ..units import display_unit, ureg

__all__ = ["Result"]

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
