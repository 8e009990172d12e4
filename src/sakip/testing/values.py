"""``values_for``: bindings that make a formula defined, and ``check_invariants``: what
the catalog's indicators promise about their results."""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import sympy
from hypothesis import assume
from hypothesis import strategies as st

from ..catalog import Indicator, load
from ..errors import EvaluationError, ValueTypeError
from ..language import PERCENT, Formula, evaluate_formula, normalize_name, parse_quietly

__all__ = ["part_of_whole", "values_for"]

#: The largest value drawn: large enough for rupiah budgets, small enough that products
#: and powers of a few values stay far from float overflow.
MAX_VALUE = 10**9
#: Entries of an indexed name whose Σ bound is a value (Σ_{i=1}^{n}): n is drawn up to this.
MAX_INDEX = 6
#: Parts of a total (ΣX given as a list of the units' values).
MAX_PARTS = 4

# Indicator names that speak of a share of a whole ("Persentase penduduk miskin"), and
# words that make it a change or a comparison instead ("Persentase peningkatan PAD").
_SHARE = re.compile(r"^\s*(?:persentase|proporsi|cakupan|prosentase)\b", re.IGNORECASE)
_NOT_A_SHARE = re.compile(
    r"\b(?:peningkatan|pertumbuhan|kenaikan|penurunan|capaian|realisasi|perubahan|laju|"
    r"deviasi|selisih|rasio)\b",
    re.IGNORECASE,
)


def part_of_whole(target: Formula | Indicator) -> tuple[str, str] | None:
    """(part, whole) when the formula is ``part / whole x 100%`` of two names and, for an
    indicator, its name says a share ("Persentase ...", "Cakupan ...", not "Persentase
    peningkatan ..."): such a percentage lies in 0-100 when the part is not above the
    whole. None otherwise. The catalog has no field for this: it is read from the
    formula's shape and the indicator's name."""
    formula = _formula(target)
    if formula is None:
        return None
    if isinstance(target, Indicator) and (
        not _SHARE.search(target.name) or _NOT_A_SHARE.search(target.name)
    ):
        return None
    expr = formula.expr
    factors = sympy.Mul.make_args(expr)
    scale = [f for f in factors if f.has(PERCENT) or f.is_Number]
    rest = [f for f in factors if f not in scale]
    if sympy.Mul(*scale) != 100 * PERCENT:
        return None
    ratio = sympy.Mul(*rest)
    numerator, denominator = sympy.fraction(ratio)
    slots = {slot.symbol: slot for slot in formula.slots}
    part, whole = slots.get(numerator), slots.get(denominator)
    if part is None or whole is None or part.variable is None or whole.variable is None:
        return None
    if part.kind != "value" or whole.kind != "value" or part.variable == whole.variable:
        return None
    return formula.variables[part.variable], formula.variables[whole.variable]


def _formula(target: Any) -> Formula | None:
    if isinstance(target, Formula):
        return target
    if isinstance(target, Indicator):
        return target.formula
    if isinstance(target, str):
        return parse_quietly(target)
    raise ValueTypeError(
        f"values_for takes formula text, a Formula or a catalog Indicator, not {target!r}"
    )


def _number(
    positive: bool, rows: int | None, span: tuple[float, float] | None = None
) -> st.SearchStrategy[Any]:
    low = 1 if positive else 0
    if span is not None:  # a range the caller declared (NRR 1-4)
        lo, hi = float(span[0]), float(span[1])
        scalar: st.SearchStrategy[Any] = st.one_of(
            st.integers(math.ceil(lo), math.floor(hi)) if math.ceil(lo) <= hi else st.nothing(),
            st.floats(lo, hi, allow_nan=False).map(lambda v: min(max(round(v, 3), lo), hi)),
        )
    else:
        scalar = st.one_of(
            st.integers(low, 1000),
            st.integers(low, MAX_VALUE),
            st.floats(low or 0.001, 1000, allow_nan=False).map(lambda v: round(v, 3)),
        )
    if rows is None:
        return scalar
    return st.lists(scalar, min_size=rows, max_size=rows).map(lambda v: np.array(v, dtype=float))


class _Options(NamedTuple):
    rows: int | None
    period: Any
    ranges: dict[str, tuple[float, float]]
    #: The range of the indicator's scale: a result outside it is no value it can have.
    result_range: tuple[Any, Any] | None

    def span(self, name: str) -> tuple[float, float] | None:
        return self.ranges.get(normalize_name(name))


def _in_denominators(formula: Formula) -> set[Any]:
    """Symbols (slot symbols and indexed bases) inside any denominator."""
    found: set[Any] = set()
    for node in sympy.preorder_traversal(formula.expr):
        if isinstance(node, sympy.Pow) and node.exp.is_Number and node.exp < 0:
            found |= node.base.free_symbols
            found |= {i.base for i in node.base.atoms(sympy.Indexed)}
    return found


def _indexes(formula: Formula) -> tuple[dict[Any, list[int]], dict[Any, Any]]:
    """For each indexed name, the indexes it is read at (explicit E_2 and Σ ranges with
    number bounds), and for Σ ranges whose upper bound is a value, that bound's symbol."""
    fixed: dict[Any, list[int]] = {}
    bounded: dict[Any, Any] = {}
    for total in formula.expr.atoms(sympy.Sum):
        (_, low, high), *_ = total.limits
        for item in total.function.atoms(sympy.Indexed):
            if high.is_Integer and low.is_Integer:
                fixed.setdefault(item.base, []).extend(range(int(low), int(high) + 1))
            elif high.is_Symbol:
                bounded[item.base] = high
    for item in formula.expr.atoms(sympy.Indexed):
        fixed.setdefault(item.base, []).extend(int(i) for i in item.indices if i.is_Integer)
    return fixed, bounded


@st.composite
def _values(draw: st.DrawFn, formula: Formula, share: Any, options: _Options) -> dict[str, Any]:
    rows = options.rows
    positive = _in_denominators(formula)
    fixed, bounded = _indexes(formula)
    bound_symbols = set(bounded.values())
    values: dict[str, Any] = {}
    sizes: dict[Any, int] = {}
    for symbol in bound_symbols:
        sizes[symbol] = draw(st.integers(1, MAX_INDEX))
    done: set[int] = set()
    for slot in formula.slots:
        name = formula.variables[slot.variable] if slot.variable is not None else slot.written
        denominator = slot.symbol in positive
        if slot.fallback_code is not None:  # a category literal ("WTP"): not a value
            continue
        if slot.kind == "date":  # "31 Desember tahun n-1": a date the period gives
            continue
        span = options.span(name)
        if slot.kind in ("shift", "base"):  # "A tahun n-1", "Produksi Tahun Dasar"
            values[slot.written] = draw(_number(denominator, rows, options.span(slot.written)))
            continue
        if slot.variable in done:
            continue
        done.add(slot.variable if slot.variable is not None else -1)
        if slot.symbol in bound_symbols:
            values[name] = sizes[slot.symbol]
        elif slot.categorical:
            values[name] = draw(_category(formula, rows))
        elif slot.date_typed:
            values[name] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
        elif slot.kind == "indexed":
            indexes = set(fixed.get(slot.symbol, []))
            if slot.symbol in bounded:
                indexes |= set(range(1, sizes[bounded[slot.symbol]] + 1))
            number = _number(denominator, rows, span)
            values[name] = {i: draw(number) for i in sorted(indexes or {1})}
        elif slot.kind == "total":  # keyed by unit, not by 1, 2, ...: those read as years
            parts = draw(st.lists(_number(denominator, rows, span), min_size=1, max_size=MAX_PARTS))
            values[name] = {f"unit {k}": part for k, part in enumerate(parts, start=1)}
        else:
            values[name] = draw(_number(denominator, rows, span))
    if share is not None:
        part, whole = share
        whole_value = draw(_number(True, rows))
        fraction = draw(st.fractions(0, 1, max_denominator=1000))
        values[part] = whole_value * float(fraction)
        values[whole] = whole_value
    assume(_defined(formula, values, options))
    return values


def _defined(formula: Formula, values: dict[str, Any], options: _Options) -> bool:
    """Whether the formula has a value for these values: a denominator such as A - B
    can still be 0, and a root of a difference negative (hypothesis draws again)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # array rows: undefined rows warn; counted below
        try:
            result = evaluate_formula(formula, values, period=options.period)
        except EvaluationError:  # a zero denominator, no condition applies, an overflow
            return False
    magnitude = result.magnitude
    if isinstance(magnitude, str) or (
        isinstance(magnitude, np.ndarray) and magnitude.dtype.kind in "OUS"
    ):
        return True
    numbers = np.asarray(magnitude, dtype=float)
    if not np.all(np.isfinite(numbers)):
        return False
    if options.result_range is not None:
        low, high = options.result_range
        inside = (low is None or bool(np.all(numbers >= low))) and (
            high is None or bool(np.all(numbers <= high))
        )
        return inside
    return True


def _category(formula: Formula, rows: int | None) -> st.SearchStrategy[Any]:
    texts = [*sorted(set(formula.category_names.values())), "(lainnya)"]
    one = st.sampled_from(texts)
    if rows is None:
        return one
    return st.lists(one, min_size=rows, max_size=rows).map(lambda v: np.array(v, dtype=object))


def values_for(
    target: str | Formula | Indicator,
    *,
    rows: int | None = None,
    period: int | str | None = None,
    ranges: Mapping[str, tuple[float, float]] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """A hypothesis strategy of values that make the formula defined.

    ``target`` is formula text, a :class:`sakip.Formula` or a catalog indicator. Names
    in a denominator get values of at least 1; others at least 0; a part-of-whole
    percentage (:func:`part_of_whole`) gets a part not above its whole; a name compared
    with categories gets one of them (or another text); an indexed name gets every
    index its Σ or subscripts read (a Σ bound that is a value is drawn, 1 to
    ``MAX_INDEX``); ``ΣX`` gets the values of 1 to ``MAX_PARTS`` units; ``A tahun n-1``
    and ``Produksi Tahun Dasar`` are bound by their written form. ``rows=n`` draws
    numpy arrays of n rows instead of numbers. ``ranges`` gives a name's values a range
    of their own (``{"NRR": (1, 4)}``: survey scores). A direct measure (an indicator
    without a formula) gets ``{"nilai": value}``.

    Values for which the formula is still undefined (``A / (B - C)`` with B = C, the
    root of a negative difference) are drawn again, so every draw evaluates to a finite
    number; so are values that put an indicator's result outside its scale (an IKM
    outside 25-100). A formula with a date relative to the period (``31 Desember tahun
    n-1``) needs ``period=``, the period you evaluate at.
    """
    spans = {normalize_name(k): v for k, v in (ranges or {}).items()}
    result_range = _scale_range(target)
    if isinstance(target, Indicator) and target.formula_text is None:
        if target.allowed_values:
            return st.sampled_from(target.allowed_values).map(lambda v: {"nilai": v})
        span = spans.get("nilai") or _finite(result_range)
        return _number(False, rows, span).map(lambda v: {"nilai": v})
    formula = _formula(target)
    assert formula is not None  # only a direct measure has none
    if period is None and any(slot.kind == "date" for slot in formula.slots):
        raise ValueTypeError(
            "values_for: the formula writes a date relative to the period: pass period="
        )
    share = part_of_whole(target if isinstance(target, Indicator) else formula)
    return _values(formula, share, _Options(rows, period, spans, result_range))


def _scale_range(target: Any) -> tuple[Any, Any] | None:
    if not isinstance(target, Indicator) or not target.scale:
        return None
    scale = load().scales.get(target.scale)
    return None if scale is None else (scale.lower, scale.upper)


def _finite(span: tuple[Any, Any] | None) -> tuple[float, float] | None:
    if span is None or span[0] is None or span[1] is None:
        return None
    return float(span[0]), float(span[1])
