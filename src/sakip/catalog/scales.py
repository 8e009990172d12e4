"""Scales (predikat bands) as validated data: a number -> grade and label."""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ..errors import ScaleError
from ..numbers import parse_number

__all__ = ["Band", "Scale", "ScaleError"]

_UNBOUNDED = {"inf", "+inf", "-inf", ""}


def _bound(text: Any) -> Fraction | None:
    """A bound: a number, or text in Indonesian notation; ``"-inf"``/``"inf"`` (None) for
    an open end."""
    if isinstance(text, int | float | Fraction) and not isinstance(text, bool):
        if isinstance(text, float) and not np.isfinite(text):
            return None
        return Fraction(text)
    if not isinstance(text, str):
        raise ScaleError(f"a bound must be a number or text, not {text!r}")
    return None if text.strip() in _UNBOUNDED else parse_number(text)


@attrs.frozen
class Band:
    """One band: ``lower``..``upper`` with explicit inclusion of each bound.

    A bound of None is unbounded (capaian can exceed 100%, or fall below 0).
    """

    grade: str
    label: str
    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool
    upper_inclusive: bool

    def contains(self, value: Fraction) -> bool:
        above = (
            self.lower is None
            or value > self.lower
            or (self.lower_inclusive and value == self.lower)
        )
        below = (
            self.upper is None
            or value < self.upper
            or (self.upper_inclusive and value == self.upper)
        )
        return above and below

    def mask(self, values: Any) -> Any:
        """The same test on a numpy array."""
        above = np.ones(values.shape, dtype=bool)
        below = np.ones(values.shape, dtype=bool)
        if self.lower is not None:
            lower = float(self.lower)
            above = (values > lower) | ((values == lower) if self.lower_inclusive else False)
        if self.upper is not None:
            upper = float(self.upper)
            below = (values < upper) | ((values == upper) if self.upper_inclusive else False)
        return above & below


@attrs.frozen
class Scale:
    """Bands from the lowest up, covering ``lower``..``upper`` with no gap or overlap."""

    name: str
    title: str
    bands: tuple[Band, ...]
    lower: Fraction | None
    upper: Fraction | None
    source: str = ""
    catatan: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        problem = _check(self)
        if problem:
            raise ScaleError(f"scale {self.name!r}: {problem}")

    def band(self, value: float | Fraction) -> Band:
        """The band holding ``value``; a ScaleError when it is outside the scale.

        A float is first rounded to 9 decimals, so float noise cannot move a value
        across a boundary: 81.25000000000001 (3,25 x 14 / 14 x 25 in floating point) is
        81,25, inside B, while 43,7500001 stays above 43,75.
        """
        if isinstance(value, str):
            value = parse_number(value)
        if isinstance(value, bool) or not isinstance(value, int | float | Fraction | np.number):
            raise ScaleError(f"a grade needs a number, not {value!r}")
        if not np.isfinite(float(value)):
            raise ScaleError(f"{value!r} has no grade: not a finite number")
        exact = value if isinstance(value, Fraction) else Fraction(repr(round(float(value), 9)))
        for band in self.bands:
            if band.contains(exact):
                return band
        raise ScaleError(f"{float(value):g} is outside the scale {self.name!r} ({_range(self)})")

    def grades(self, values: Any) -> tuple[Any, Any]:
        """(grade, label) arrays for a numpy array; "" where a value is NaN or outside."""
        rounded = np.round(np.asarray(values, dtype=float), 9)
        masks = [band.mask(rounded) for band in self.bands]
        grade = np.select(masks, [b.grade for b in self.bands], default="")
        label = np.select(masks, [b.label for b in self.bands], default="")
        return grade.astype(object), label.astype(object)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Scale:
        """Build from one ``[[scale]]`` table of ``scales.toml`` (or the same as a dict)."""
        try:
            return cls._from_data(data)
        except (KeyError, TypeError) as exc:
            raise ScaleError(
                "a scale needs name, lower, upper and bands (grade, label, lower, upper,"
                f" lower_inclusive, upper_inclusive): {exc!r}"
            ) from None

    @classmethod
    def _from_data(cls, data: dict[str, Any]) -> Scale:
        bands = tuple(
            Band(
                grade=b["grade"],
                label=b["label"],
                lower=_bound(b["lower"]),
                upper=_bound(b["upper"]),
                lower_inclusive=bool(b["lower_inclusive"]),
                upper_inclusive=bool(b["upper_inclusive"]),
            )
            for b in data["band"]
        )
        return cls(
            name=data["name"],
            title=data.get("title", ""),
            bands=bands,
            lower=_bound(data["lower"]),
            upper=_bound(data["upper"]),
            source=data.get("source", ""),
            catatan=tuple(data.get("catatan", ())),
        )


def _range(scale: Scale) -> str:
    low = "-inf" if scale.lower is None else str(scale.lower)
    high = "inf" if scale.upper is None else str(scale.upper)
    return f"{low}..{high}"


def _check(scale: Scale) -> str | None:
    bands = scale.bands
    if not bands:
        return "no bands"
    first, last = bands[0], bands[-1]
    if first.lower != scale.lower or (first.lower is not None and not first.lower_inclusive):
        return "the lowest band must start at the scale's lower bound, inclusive"
    if last.upper != scale.upper or (last.upper is not None and not last.upper_inclusive):
        return "the highest band must end at the scale's upper bound, inclusive"
    for below, above in itertools.pairwise(bands):
        if below.upper is None or above.lower is None:
            return f"only the outer ends may be unbounded ({below.grade}, {above.grade})"
        if below.lower is not None and below.lower > below.upper:
            return f"band {below.grade} is empty"
        if below.upper != above.lower:
            kind = "a gap" if below.upper < above.lower else "an overlap"
            return f"{kind} between {below.grade} and {above.grade}"
        if below.upper_inclusive == above.lower_inclusive:
            kind = "an overlap" if below.upper_inclusive else "a gap"
            return (
                f"{kind} at {below.upper}: exactly one of {below.grade}, {above.grade}"
                " must include it"
            )
    return None
