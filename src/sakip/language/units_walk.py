"""Unit inference: one walk over a formula for a given set of input units.

The walk returns the expression rewritten with the conversion factors that make every
sum, comparison and min/max add like with like (``C - 80%`` with a plain C becomes
``C - 0.8``), and the unit of the result. It runs once per (formula, input units),
never per evaluation, so units cost nothing on the hot path.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import pint
import sympy

from ..errors import UnitError
from ..units import is_scaled_ratio, ureg
from .formula import PERCENT

__all__ = ["convert_factor", "infer_units", "top_coefficient"]

# Looked up once: each ``ureg.<name>`` builds a new Unit by parsing its name.
_DIMENSIONLESS = ureg.dimensionless
_PERCENT = ureg.percent
# percent is the very object the walk hands on, so that convert_factor finds it at once
_SCALED = {
    "percent": _PERCENT,
    **{
        name: ureg.Unit(name)
        for name in ("per_mille", "per_1000_kelahiran_hidup", "per_100000_kelahiran_hidup")
    },
}


def convert_factor(source: Any, target: Any, what: str = "") -> sympy.Expr:
    """Exact factor that converts a magnitude in ``source`` to ``target``."""
    if source is target or source == target:
        return sympy.Integer(1)
    try:
        factor = ureg.Quantity(1, source).to(target).magnitude
    except pint.errors.DimensionalityError:
        detail = f" in {what}" if what else ""
        raise UnitError(f"cannot combine {_show(source)} with {_show(target)}{detail}") from None
    exact = Fraction(factor).limit_denominator(10**12)
    if abs(float(exact) - factor) <= 1e-15 * abs(factor):
        return sympy.Rational(exact.numerator, exact.denominator)
    return sympy.Float(factor)


def _show(unit: Any) -> str:
    return "a plain number" if unit == _DIMENSIONLESS else f"'{unit}'"


def _plain(unit: Any) -> bool:
    """``unit == dimensionless``; the walk hands on the one object it looked up, and
    pint's ``==`` costs ten microseconds, several times per node."""
    return unit is _DIMENSIONLESS or bool(unit == _DIMENSIONLESS)


def _scaled(new: list[Any], factors: list[Any]) -> list[Any]:
    return [
        arg if f == 1 else sympy.Mul(f, arg, evaluate=False)
        for arg, f in zip(new, factors, strict=True)
    ]


def _constants_follow(parts: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A plain number compared with, or in min/max/branches beside, a percent is a
    percent: ``A / B x 100% >= 80`` and ``min(capaian; 120)`` mean 80 % and 120 %, as
    every IKU table writes them (converting would compare with 8.000 %)."""
    scaled = next((u for _, u in parts if u is not _DIMENSIONLESS and is_scaled_ratio(u)), None)
    if scaled is None:
        return parts
    return [(e, scaled) if e.is_Number and _plain(u) else (e, u) for e, u in parts]


def _weights(expr: Any, parts: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A percent written as a name's weight (``30% IKA``, ``Nilai B x 5%``) is that
    fraction of a plain value: the product is a plain number (15, not 1.500 %). Only
    ``x 100%`` says "in percent". The quantity is the same either way; the unit shown
    is what the table means."""
    if len(parts) < 2:
        return parts
    weights = [
        k
        for k, (arg, unit) in enumerate(parts)
        if unit is not _DIMENSIONLESS
        and unit == _PERCENT
        and not arg.free_symbols
        and _percent_literal(expr.args[k]) not in (None, 100)
    ]
    # only a name is weighed: a percent times a ratio (A / B x 90%) stays a percentage
    others_plain = all(
        _plain(u) and isinstance(a, sympy.Symbol | sympy.Indexed)
        for k, (a, u) in enumerate(parts)
        if k not in weights
    )
    if len(weights) != 1 or not others_plain:
        return parts
    (k,) = weights
    arg, _ = parts[k]
    return [
        *parts[:k],
        (sympy.Mul(sympy.Rational(1, 100), arg, evaluate=False), _DIMENSIONLESS),
        *parts[k + 1 :],
    ]


def _percent_literal(expr: Any) -> Any:
    """N of a written ``N%`` (Mul(N, PERCENT)), else None."""
    if isinstance(expr, sympy.Mul) and PERCENT in expr.args and len(expr.args) == 2:
        other = expr.args[0] if expr.args[1] is PERCENT else expr.args[1]
        return other if other.is_Number else None
    return None


def infer_units(expr: Any, units: Mapping[Any, Any]) -> tuple[Any, Any]:
    """Rewrite ``expr`` for the given symbol units; return (expression, unit)."""
    if expr is PERCENT:
        return sympy.Integer(1), _PERCENT
    if expr.is_Number or expr is sympy.nan:
        return expr, _DIMENSIONLESS
    if isinstance(expr, sympy.Symbol):
        return expr, units.get(expr, _DIMENSIONLESS)
    if isinstance(expr, sympy.Indexed):
        return expr, units.get(expr.base, _DIMENSIONLESS)
    if isinstance(expr, sympy.Mul):
        parts = _weights(expr, [infer_units(arg, units) for arg in expr.args])
        unit = _DIMENSIONLESS
        for _, part_unit in parts:
            if part_unit is not _DIMENSIONLESS:  # pint's products are costly: skip x 1
                unit = part_unit if unit is _DIMENSIONLESS else unit * part_unit
        return sympy.Mul(*(p for p, _ in parts), evaluate=False), unit
    if isinstance(expr, sympy.Pow):
        return _power(expr, units)
    if isinstance(expr, sympy.Add | sympy.Min | sympy.Max):
        parts = [infer_units(arg, units) for arg in expr.args]
        if not isinstance(expr, sympy.Add):
            parts = _constants_follow(parts)
        target = parts[0][1]
        what = "a sum" if isinstance(expr, sympy.Add) else "min/max"
        factors = [convert_factor(u, target, what) for _, u in parts]
        new = _scaled([p for p, _ in parts], factors)
        return type(expr)(*new, evaluate=False), target
    if isinstance(expr, sympy.Piecewise):
        return _piecewise(expr, units)
    if isinstance(expr, sympy.Sum):
        summand, unit = infer_units(expr.function, units)
        limits = []
        for index, lower, upper in expr.limits:
            lower, _ = infer_units(lower, units)
            upper, _ = infer_units(upper, units)
            limits.append((index, lower, upper))
        return sympy.Sum(summand, *limits), unit
    raise UnitError(f"cannot work out the unit of {type(expr).__name__}")


def _power(expr: Any, units: Mapping[Any, Any]) -> tuple[Any, Any]:
    base, base_unit = infer_units(expr.base, units)
    exponent, exponent_unit = infer_units(expr.exp, units)
    if not _plain(exponent_unit):
        exponent = sympy.Mul(
            convert_factor(exponent_unit, _DIMENSIONLESS, "an exponent"), exponent, evaluate=False
        )
    if _plain(base_unit):
        unit = _DIMENSIONLESS
    elif exponent.is_Number:
        unit = base_unit ** float(exponent)
    elif base_unit.dimensionless:
        base = sympy.Mul(convert_factor(base_unit, _DIMENSIONLESS), base, evaluate=False)
        unit = _DIMENSIONLESS
    else:
        raise UnitError(f"a quantity in '{base_unit}' can only be raised to a fixed number")
    return sympy.Pow(base, exponent, evaluate=False), unit


def _condition(cond: Any, units: Mapping[Any, Any]) -> Any:
    if isinstance(cond, sympy.logic.boolalg.BooleanAtom):
        return cond
    if isinstance(cond, sympy.And | sympy.Or):
        return type(cond)(*(_condition(arg, units) for arg in cond.args))
    (left, left_unit), (right, right_unit) = _constants_follow(
        [infer_units(cond.lhs, units), infer_units(cond.rhs, units)]
    )
    factor = convert_factor(right_unit, left_unit, "a comparison")
    if factor != 1:
        right = sympy.Mul(factor, right, evaluate=False)
    return type(cond)(left, right, evaluate=False)


def _piecewise(expr: Any, units: Mapping[Any, Any]) -> tuple[Any, Any]:
    pairs = []
    target = None
    values = _constants_follow([infer_units(value, units) for value, _ in expr.args])
    for (value, cond), (new_value, unit) in zip(expr.args, values, strict=True):
        if value is not sympy.nan:
            if target is None:
                target = unit
            factor = convert_factor(unit, target, "the branches of a condition")
            if factor != 1:
                new_value = sympy.Mul(factor, new_value, evaluate=False)
        pairs.append((new_value, _condition(cond, units)))
    return sympy.Piecewise(*pairs, evaluate=False), target if target is not None else _DIMENSIONLESS


def simplify_unit(unit: Any) -> tuple[sympy.Expr, Any]:
    """Clean up an inferred unit: ``km * percent / m`` becomes percent (factor 1000)."""
    if unit.dimensionless:
        # A result "in percent" only when percent multiplies it once: 1/percent is a ratio.
        powers = dict(unit._units.items())
        scaled = [name for name in _SCALED if name in powers]
        single = len(scaled) == 1 and powers[scaled[0]] == 1
        target = _SCALED[scaled[0]] if single else _DIMENSIONLESS
        return convert_factor(unit, target), target
    reduced = ureg.Quantity(1, unit).to_reduced_units()
    return convert_factor(unit, reduced.units), reduced.units


def top_coefficient(expr: Any) -> sympy.Expr:
    """The constant factor of a product as written: 1000 for ``D / LH x 1.000``."""
    if expr.is_Number:
        return expr
    if isinstance(expr, sympy.Mul):
        coefficient = sympy.Integer(1)
        for arg in expr.args:
            coefficient *= top_coefficient(arg)
        return coefficient
    if isinstance(expr, sympy.Pow) and expr.base.is_Number and expr.exp == -1:
        return 1 / expr.base
    return sympy.Integer(1)
