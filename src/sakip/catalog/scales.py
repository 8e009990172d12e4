"""Scales (predikat bands) as validated data: a number -> grade and label."""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any

import attrs

from .._numbers import parse_number
from ..errors import SakipError

__all__ = ["Band", "Scale", "ScaleError"]


class ScaleError(SakipError):
    """A scale is malformed, or a value lies outside it."""


@attrs.frozen
class Band:
    """One band: ``lower``..``upper`` with explicit inclusion of each bound."""

    grade: str
    label: str
    lower: Fraction
    upper: Fraction
    lower_inclusive: bool
    upper_inclusive: bool

    def contains(self, value: Fraction) -> bool:
        above = value > self.lower or (self.lower_inclusive and value == self.lower)
        below = value < self.upper or (self.upper_inclusive and value == self.upper)
        return above and below


@attrs.frozen
class Scale:
    """Bands from the lowest up, covering ``lower``..``upper`` with no gap or overlap."""

    name: str
    title: str
    bands: tuple[Band, ...]
    lower: Fraction
    upper: Fraction
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
        exact = value if isinstance(value, Fraction) else Fraction(repr(round(float(value), 9)))
        for band in self.bands:
            if band.contains(exact):
                return band
        raise ScaleError(
            f"{float(value):g} is outside the scale {self.name!r} ({self.lower}..{self.upper})"
        )

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Scale:
        """Build from one ``[[scale]]`` table of ``scales.toml``."""
        bands = tuple(
            Band(
                grade=b["grade"],
                label=b["label"],
                lower=parse_number(b["lower"]),
                upper=parse_number(b["upper"]),
                lower_inclusive=bool(b["lower_inclusive"]),
                upper_inclusive=bool(b["upper_inclusive"]),
            )
            for b in data["band"]
        )
        return cls(
            name=data["name"],
            title=data.get("title", ""),
            bands=bands,
            lower=parse_number(data["lower"]),
            upper=parse_number(data["upper"]),
            source=data.get("source", ""),
            catatan=tuple(data.get("catatan", ())),
        )


def _check(scale: Scale) -> str | None:
    bands = scale.bands
    if not bands:
        return "no bands"
    if bands[0].lower != scale.lower or not bands[0].lower_inclusive:
        return "the lowest band must start at the scale's lower bound, inclusive"
    if bands[-1].upper != scale.upper or not bands[-1].upper_inclusive:
        return "the highest band must end at the scale's upper bound, inclusive"
    for below, above in itertools.pairwise(bands):
        if below.lower > below.upper:
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
