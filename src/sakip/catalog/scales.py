"""Scales (predikat bands) as validated data: a number -> grade and label."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ..errors import FormulaSyntaxError, ScaleError
from ..language import BandTable, read_bands
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


def _of_type(kind: type) -> Any:
    """An attrs validator: a field of ``kind`` or a ScaleError naming the field (a TOML
    file can give any type; ``bool("false")`` would be True, a text of catatan its letters)."""
    noun = {str: "text", bool: "true or false", tuple: "a list of texts"}[kind]

    def check(_instance: Any, attribute: Any, value: Any) -> None:
        wrong = not isinstance(value, kind) or (
            isinstance(value, tuple) and not all(isinstance(item, str) for item in value)
        )
        if wrong:
            raise ScaleError(f"{attribute.name} must be {noun}, not {value!r:.60}")

    return check


_TEXT, _FLAG, _TEXTS = _of_type(str), _of_type(bool), _of_type(tuple)


@attrs.frozen
class Band:
    """One band: ``lower``..``upper`` with explicit inclusion of each bound.

    A bound of None is unbounded (capaian can exceed 100%, or fall below 0).
    """

    grade: str = attrs.field(validator=_TEXT)
    label: str = attrs.field(validator=_TEXT)
    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool = attrs.field(validator=_FLAG)
    upper_inclusive: bool = attrs.field(validator=_FLAG)

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
    """Bands from the lowest up, covering ``lower``..``upper`` with no gap or overlap.

    A scale read from text (:meth:`parse`) is not ``exact``: it keeps the gaps its
    text leaves between bands, each listed in ``gaps`` (a value there is an error that
    names the gap, never a silent label), and its outer ends may be exclusive. Curated
    scales are exact. Overlaps are refused in both.
    """

    name: str = attrs.field(validator=_TEXT)
    title: str = attrs.field(validator=_TEXT)
    bands: tuple[Band, ...]
    lower: Fraction | None
    upper: Fraction | None
    source: str = attrs.field(default="", validator=_TEXT)
    catatan: tuple[str, ...] = attrs.field(default=(), validator=_TEXTS)
    exact: bool = True
    #: The gaps between bands, "between D (25-64,99) and C (65-76,6)"; only when not exact.
    gaps: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        problem = _check(self)
        if problem:
            raise ScaleError(f"scale {self.name!r}: {problem}")

    def __repr__(self) -> str:  # a summary (catalog/display.py)
        from .display import scale_repr

        return scale_repr(self)

    def _repr_html_(self) -> str:  # Jupyter: the bands as a table
        from .display import scale_html

        return scale_html(self)

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
        for below, above in itertools.pairwise(self.bands):
            if _above(exact, below) and _below(exact, above):
                shown = BandTable.show_number(exact)
                raise ScaleError(f"{shown} falls in the gap {_gap(below, above)}")
        raise ScaleError(f"{float(value):g} is outside the scale {self.name!r} ({_range(self)})")

    def grades(self, values: Any) -> tuple[Any, Any]:
        """(grade, label) arrays for a numpy array; "" where a value is NaN or outside."""
        rounded = np.round(np.asarray(values, dtype=float), 9)
        masks = [band.mask(rounded) for band in self.bands]
        grade = np.select(masks, [b.grade for b in self.bands], default="")
        label = np.select(masks, [b.label for b in self.bands], default="")
        return grade.astype(object), label.astype(object)

    @classmethod
    def parse(cls, text: str, name: str = "") -> Scale:
        """A scale from a band table written as text (see ``sakip.language.read_bands``):
        bands from the lowest up whatever the order written, each label as written;
        a label that starts with a letter grade (``A (Sangat Baik)``, ``kategori CC``)
        gives the grade, any other label is its own grade. Gaps are kept (a value in
        one raises ScaleError naming it); overlapping bands are a ScaleError here.

            >>> scale = Scale.parse("D = 25-64,99; C = 65-76,6")
            >>> scale.band(70).grade
            'C'
            >>> scale.band(64.995)
            Traceback (most recent call last):
            ...
            sakip.errors.ScaleError: 64,995 falls in the gap between D (25-64,99) and C (65-76,6)
        """
        try:
            table = read_bands(text)
        except FormulaSyntaxError as exc:
            raise ScaleError(f"cannot read the scale: {exc.reason}") from None
        if table is None:
            raise ScaleError(f"not a band table: {' '.join(str(text).split())[:80]!r}")
        if table.overlaps:
            raise ScaleError("the bands overlap: " + "; ".join(table.overlaps))
        bands = tuple(
            Band(_grade(b.label), b.label, b.lower, b.upper, b.lower_inclusive, b.upper_inclusive)
            for b in table.bands
        )
        gaps = tuple(_gap(below, above) for below, above in _holes(bands))
        return cls(
            name=name or table.variable,
            title=" ".join(text.split()),
            bands=bands,
            lower=bands[0].lower,
            upper=bands[-1].upper,
            source="read from text",
            catatan=table.notes,
            exact=False,
            gaps=gaps,
        )

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
                lower_inclusive=b["lower_inclusive"],
                upper_inclusive=b["upper_inclusive"],
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
            catatan=_texts(data.get("catatan", [])),
        )


def _texts(value: Any) -> Any:
    """A TOML list as a tuple; anything else as it is, for the field's validator to refuse."""
    return tuple(value) if isinstance(value, list) else value


def _range(scale: Scale) -> str:
    low = "-inf" if scale.lower is None else str(scale.lower)
    high = "inf" if scale.upper is None else str(scale.upper)
    return f"{low}..{high}"


# A letter grade at the start of a label, after "kategori" or "predikat" if written.
_GRADE = re.compile(r"(?:(?i:kategori|predikat|mutu|grade)\s+)?([A-E]{1,2}[+-]?)(?=$|[\s(])")


def _grade(label: str) -> str:
    match = _GRADE.match(label)
    return match.group(1) if match else label


def _above(value: Fraction, band: Band) -> bool:
    """``value`` lies above all of ``band``."""
    return band.upper is not None and (
        value > band.upper or (value == band.upper and not band.upper_inclusive)
    )


def _below(value: Fraction, band: Band) -> bool:
    return band.lower is not None and (
        value < band.lower or (value == band.lower and not band.lower_inclusive)
    )


def _span(band: Band) -> str:
    """A band's range as tables write it: 25-64,99, >85-100, >75-<85, <70, 0."""
    show = BandTable.show_number
    if band.lower is None or band.upper is None:
        if band.lower is not None:
            return (">=" if band.lower_inclusive else ">") + show(band.lower)
        if band.upper is not None:
            return ("<=" if band.upper_inclusive else "<") + show(band.upper)
        return "all values"
    if band.lower == band.upper:
        return show(band.lower)
    low = ("" if band.lower_inclusive else ">") + show(band.lower)
    return low + "-" + ("" if band.upper_inclusive else "<") + show(band.upper)


def _shown(band: Band) -> str:
    return f"{band.grade} ({_span(band)})"


def _gap(below: Band, above: Band) -> str:
    return f"between {_shown(below)} and {_shown(above)}"


def _holes(bands: tuple[Band, ...]) -> list[tuple[Band, Band]]:
    """Neighbouring bands with values between them that neither holds."""
    return [
        (below, above)
        for below, above in itertools.pairwise(bands)
        if below.upper is not None
        and above.lower is not None
        and (
            below.upper < above.lower
            or (below.upper == above.lower and not (below.upper_inclusive or above.lower_inclusive))
        )
    ]


def _check(scale: Scale) -> str | None:
    bands = scale.bands
    if not bands:
        return "no bands"
    if scale.exact and scale.gaps:
        return "an exact scale lists no gaps"
    problem = _check_ends(scale)
    for pair in itertools.pairwise(bands):
        problem = problem or _check_pair(pair)
    if problem:
        return problem
    holes = [_gap(below, above) for below, above in _holes(bands)]
    if scale.exact and holes:
        below, above = _holes(bands)[0]
        if below.upper == above.lower:
            return (
                f"a gap at {below.upper}: exactly one of {below.grade}, {above.grade}"
                " must include it"
            )
        return f"a gap between {below.grade} and {above.grade}"
    if not scale.exact and tuple(holes) != scale.gaps:
        return f"the gaps {holes} are not the gaps listed {list(scale.gaps)}"
    return None


def _check_ends(scale: Scale) -> str | None:
    first, last = scale.bands[0], scale.bands[-1]
    inclusive = not scale.exact or first.lower is None or first.lower_inclusive
    if first.lower != scale.lower or not inclusive:
        return "the lowest band must start at the scale's lower bound, inclusive"
    inclusive = not scale.exact or last.upper is None or last.upper_inclusive
    if last.upper != scale.upper or not inclusive:
        return "the highest band must end at the scale's upper bound, inclusive"
    return None


def _check_pair(pair: tuple[Band, Band]) -> str | None:
    below, above = pair
    if below.upper is None or above.lower is None:
        return f"only the outer ends may be unbounded ({below.grade}, {above.grade})"
    if below.lower is not None and below.lower > below.upper:
        return f"band {below.grade} is empty"
    if below.upper > above.lower:
        return f"an overlap between {below.grade} and {above.grade}"
    if below.upper == above.lower and below.upper_inclusive and above.lower_inclusive:
        return (
            f"an overlap at {below.upper}: exactly one of {below.grade}, {above.grade}"
            " must include it"
        )
    return None  # a gap is for _check: allowed when listed in a scale read from text
