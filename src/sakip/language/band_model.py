"""What a band table read from text is: :class:`BandTable` and its :class:`TextBand`
classes, the intervals they hold, and the gaps and overlaps between them in words.

Kept apart from the reading (bands.py and the band_* modules it calls) because the
model is what callers use: :meth:`BandTable.formula_text` turns the table into a
conditional of the formula language, leaving gaps and overlaps without a label.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs

from ..errors import FormulaSyntaxError
from ..numbers import format_number

__all__ = ["BandTable", "Key", "TextBand", "gaps", "number_text", "overlaps"]


# An interval end as a sortable key: (value, -1) just below it, (value, 0) at it,
# (value, 1) just above it; so x lies in [start, end] when start <= (x, 0) <= end.
Key = tuple[Fraction | float, int]
_BELOW_ALL: Key = (float("-inf"), 0)
_ABOVE_ALL: Key = (float("inf"), 0)


def number_text(value: Fraction) -> str:
    """``value`` in Indonesian notation, exactly: 64,99; 100.000; -2; 0,333333 (a
    fraction without a finite decimal shows six places)."""
    rest, places = value.denominator, 0
    for factor in (2, 5):
        count = 0
        while rest % factor == 0:
            rest //= factor
            count += 1
        places = max(places, count)
    return format_number(value, places if rest == 1 else 6)


@attrs.frozen
class TextBand:
    """One class: ``label`` as written for values from ``lower`` to ``upper`` (None: no
    bound on that side); ``text`` is the class's range as written."""

    label: str
    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool
    upper_inclusive: bool
    text: str

    @property
    def start(self) -> Key:
        if self.lower is None:
            return _BELOW_ALL
        return (self.lower, 0 if self.lower_inclusive else 1)

    @property
    def end(self) -> Key:
        if self.upper is None:
            return _ABOVE_ALL
        return (self.upper, 0 if self.upper_inclusive else -1)

    def contains(self, value: Fraction | int) -> bool:
        return self.start <= (Fraction(value), 0) <= self.end

    def condition(self, variable: str) -> str:
        """The range as a comparison: ``25 <= IKM <= 64,99``, ``IKU > 80``."""
        return _interval_text(self.start, self.end, variable)


@attrs.frozen
class BandTable:
    """A band table read from text: ``variable`` (the subject as written, ``nilai``
    when the text names none), ``bands`` from the lowest up, ``notes`` on how it was
    read, and the ``gaps`` and ``overlaps`` between the bands, in words."""

    variable: str
    bands: tuple[TextBand, ...]
    notes: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    #: The unit the bounds are in when the text writes one ("hari", "SD"), else "".
    unit: str = ""

    @staticmethod
    def show_number(value: Fraction) -> str:
        """A bound as these tables write it: Indonesian notation, exact (64,99)."""
        return number_text(value)

    def formula_text(self) -> str:
        """The bands as a conditional of sakip's formula language, lowest first:
        ``jika {IKM} >= 25 dan {IKM} <= 64,99 maka "D (Tidak Baik)"; jika ...``.

        There is no ``selain itu``: a value in a gap or outside every band gets no
        label, and evaluating it raises. A value where bands overlap gets none either
        (the table does not say which band holds it).
        """
        name = "{" + self.variable + "}"
        clauses = []
        for band in self.bands:
            others = [b for b in self.bands if b is not band]
            for start, end in _subtract((band.start, band.end), others):
                test = _interval_text(start, end, name, joined=True)
                clauses.append(f'jika {test} maka "{band.label}"')
        if not clauses:
            raise FormulaSyntaxError("every band overlaps another: " + "; ".join(self.overlaps))
        return "; ".join(clauses)


def _after(key: Key) -> Key:
    """The first key past an end: at v -> just above v; just below v -> at v."""
    return (key[0], key[1] + 1)


def _before(key: Key) -> Key:
    return (key[0], key[1] - 1)


def _subtract(interval: tuple[Key, Key], others: list[TextBand]) -> list[tuple[Key, Key]]:
    """``interval`` without every value that one of ``others`` holds."""
    pieces = [interval]
    for other in others:
        cut: list[tuple[Key, Key]] = []
        for start, end in pieces:
            left = (start, min(end, _before(other.start)))
            right = (max(start, _after(other.end)), end)
            cut.extend(p for p in (left, right) if p[0] <= p[1])
        pieces = cut
    return pieces


def _interval_text(start: Key, end: Key, name: str, joined: bool = False) -> str:
    """``start``..``end`` as comparisons of ``name``: ``25 <= IKM <= 64,99``,
    ``IKU > 80``; ``joined``: ``{IKM} >= 25 dan {IKM} <= 64,99`` (the formula form)."""
    if start == end:
        return f"{name} = {number_text(Fraction(start[0]))}"
    low = "" if start == _BELOW_ALL else number_text(Fraction(start[0]))
    high = "" if end == _ABOVE_ALL else number_text(Fraction(end[0]))
    above = ">=" if start[1] == 0 else ">"
    below = "<=" if end[1] == 0 else "<"
    if low and high and not joined:
        return f"{low} {_FLIP[above]} {name} {below} {high}"
    parts = [f"{name} {above} {low}"] if low else []
    parts += [f"{name} {below} {high}"] if high else []
    return " dan ".join(parts)


_FLIP = {">=": "<=", ">": "<"}


def _holds(start: Key, end: Key) -> str:
    """Values from start to end in words: "30", "values above 64,99 and below 65"."""
    if start == end:
        return number_text(Fraction(start[0]))
    parts = []
    if start != _BELOW_ALL:
        parts.append(("above " if start[1] > 0 else "from ") + number_text(Fraction(start[0])))
    if end != _ABOVE_ALL:
        parts.append(("below " if end[1] < 0 else "up to ") + number_text(Fraction(end[0])))
    joined = " ".join(parts) if parts[-1].startswith("up to") else " and ".join(parts)
    return "values " + joined


def gaps(bands: list[TextBand]) -> list[str]:
    """What no band holds between the lowest band and the highest."""
    gaps = []
    reach, reached_by = bands[0].end, bands[0]
    for band in bands[1:]:
        hole = (_after(reach), _before(band.start))
        if hole[0] <= hole[1]:
            between = (
                f"between '{reached_by.text}' ({reached_by.label}) and '{band.text}' ({band.label})"
            )
            gaps.append(f"no band holds {_holds(*hole)} ({between})")
        if band.end > reach:
            reach, reached_by = band.end, band
    return gaps


def overlaps(bands: list[TextBand]) -> list[str]:
    found = []
    for one, other in itertools.combinations(bands, 2):
        common = (max(one.start, other.start), min(one.end, other.end))
        if common[0] <= common[1]:
            found.append(
                f"'{one.text}' ({one.label}) and '{other.text}' ({other.label}) both hold"
                f" {_holds(*common)}"
            )
    return found
