"""The parsed form of a formula: a sympy expression over internal symbols, plus names.

User text never becomes a sympy or Python identifier: every variable is an internal
symbol ``x0``, ``x1``, ... and the :class:`Formula` keeps the mapping back to the
names as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs
import sympy

__all__ = ["PERCENT", "Formula", "Slot", "normalize_name", "slugify"]

#: Stands for the unit percent inside expressions; compiled as 1 and tracked as a unit.
PERCENT = sympy.Symbol("percent_", positive=True)


def normalize_name(name: str) -> str:
    """The matching key of a name: case-folded, whitespace collapsed, braces dropped."""
    name = name.strip()
    if name.startswith("{") and name.endswith("}"):
        name = name[1:-1]
    return " ".join(name.split()).casefold()


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Lowercase ASCII with runs of other characters as ``_``: ``angkatan_kerja``."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("_", ascii_text.lower()).strip("_")


@attrs.frozen
class Slot:
    """One argument of the compiled formula and how a user value fills it.

    ``kind`` is ``"value"`` (a variable at the evaluated period), ``"shift"`` (a
    variable at period + ``offset`` years, or months when ``step`` is ``"month"``),
    ``"total"`` (Σ X: the sum of a series),
    ``"indexed"`` (``E_i``: a mapping index -> value), ``"date"`` (a date literal
    relative to the evaluated period, ``day``/``month`` + ``offset``) or ``"base"``
    (``Produksi Tahun Dasar``: the variable ``series`` in the year that ``variable``,
    the base year, holds).
    """

    symbol: Any
    kind: str
    variable: int | None = None
    offset: int = 0
    day: int = 0
    month: int = 0
    written: str = ""
    categorical: bool = False
    fallback_code: int | None = None
    date_typed: bool = False
    step: str = "year"
    series: int | None = None


class FormulaCache:
    """Per-formula caches: compiled plans by input units (bounded by their user), name
    lookups, and the fast path's (function, unit, slot map) once a plain call set it."""

    __slots__ = ("fast", "key_memo", "plans")

    def __init__(self) -> None:
        self.plans: dict[Any, Any] = {}
        self.key_memo: dict[str, int | None] = {}
        self.fast: tuple[Any, Any, tuple[int, ...] | None] | None = None


@attrs.frozen(eq=False)
class Formula:
    """A parsed formula. Build one with :func:`sakip.parse`.

    ``expr`` is a sympy expression over internal symbols; ``variables`` the names as
    written (whitespace collapsed, first-appearance order); ``name`` the result name of
    ``NAME = ...`` (or None); ``glossary`` the ``Dimana:`` entries as (symbol,
    description) pairs.
    """

    text: str
    expr: Any
    variables: tuple[str, ...]
    name: str | None
    glossary: tuple[tuple[str, str], ...]
    slots: tuple[Slot, ...]
    categories: Mapping[str, int]
    aliases: Mapping[str, int]
    slot_keys: Mapping[str, int] = attrs.field(factory=dict)
    category_names: Mapping[int, str] = attrs.field(factory=dict)
    ambiguities: tuple[str, ...] = ()
    #: How the text was read where a reading was chosen: a list marker dropped, a
    #: sentence that only comments left out, "terhadap" read as a division.
    notes: tuple[str, ...] = ()
    #: What no ``jika`` clause covers, in words (a band table's gaps and overlaps): a
    #: value there is a ConditionError that quotes them.
    uncovered: tuple[str, ...] = ()
    stated: tuple[Any, ...] = ()
    result_is_category: bool = False
    has_default: bool = True
    #: Numbers were read with a decimal point (``decimal_point=True``), not Indonesian.
    decimal_point: bool = False
    #: The formula writes a date (``31 Desember 2019``): date values may be day numbers.
    uses_dates: bool = False
    #: For the fast path: the variable of each slot when every slot is a plain value.
    plain_slots: tuple[int, ...] | None = attrs.field(init=False, repr=False)
    #: What this process learns about the formula (compiled plans, name lookups): the
    #: one mutable part, a cache object of its own, so the Formula itself stays frozen.
    cache: FormulaCache = attrs.field(factory=lambda: FormulaCache(), init=False, repr=False)

    def __repr__(self) -> str:  # the formula as written; the slot tables are internal
        return f"Formula({self.text!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Parsed again from its text: sympy rebuilds a pickled expression *evaluated*,
        # so A / A would come back as 1 (no zero denominator) and x 0% as a plain 0.
        return (_reparse, (self.text, self.decimal_point))

    @plain_slots.default
    def _plain_slots(self) -> tuple[int, ...] | None:
        if all(
            s.kind == "value"
            and s.variable is not None
            and not s.categorical
            and not s.date_typed
            and s.fallback_code is None
            for s in self.slots
        ):
            return tuple(s.variable for s in self.slots if s.variable is not None)
        return None

    @property
    def slugs(self) -> tuple[str, ...]:
        """The slug of each variable, in the order of ``variables``."""
        return tuple(slugify(v) for v in self.variables)

    def lookup(self, key: str) -> int | None:
        """Index in ``variables`` of a name, slug or glossary alias; None if unknown."""
        memo = self.cache.key_memo
        try:
            return memo[key]
        except KeyError:
            pass
        norm = normalize_name(key)
        found = self.aliases.get(norm)
        if found is None:
            found = self.aliases.get(slugify(key))
        if len(memo) < 4096:  # bound memory when keys come from user data
            memo[key] = found
        return found

    def to_latex(self) -> str:
        """The formula in LaTeX as the user wrote it: user names, Indonesian numbers,
        categories as text, a bounded Σ over its own index (language/display.py)."""
        from .display import formula_latex  # display imports this module

        return formula_latex(self)

    def _repr_latex_(self) -> str:  # Jupyter shows this instead of the repr
        return f"$\\displaystyle {self.to_latex()}$"

    def __str__(self) -> str:
        return self.text


def _reparse(text: str, decimal_point: bool) -> Formula:
    from .parser import parse_quietly  # the parser builds Formulas: imported on use

    return parse_quietly(text, decimal_point)
