"""evaluate(): bind values to a formula's variables, run its compiled plan, wrap the result."""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import AmbiguousFormulaWarning, ValueTypeError
from ..units import parse_unit
from .bind import bind, frame_columns
from .execute import run_array, run_scalar
from .formula import Formula
from .numberlike import series_type
from .parser import _CACHE, parse_quietly
from .plan import plan_for
from .result import Result

__all__ = ["Result", "evaluate", "evaluate_fast"]


def evaluate(
    formula: str | Formula,
    values: Mapping[str, Any] | None = None,
    /,
    *,
    period: int | str | None = None,
    unit: Any = None,
    decimal_point: bool = False,
    **more_values: Any,
) -> Result:
    """Compute a formula for the given values.

    ``formula`` is formula text (parsed once and cached) or a :class:`Formula`. A
    variable is bound by its name as written (case-insensitive, whitespace collapsed),
    its slug (``angkatan_kerja``) or a glossary alias. ``values`` may be a DataFrame
    (its columns). Values may be numbers, numpy arrays or pandas Series (element-wise;
    a Series' index is kept on the result), pint Quantities (``sakip.ureg``'s, or
    another registry's read by unit name; units are checked), Results, str for
    categories, dates, and mappings ``{period: value}`` (with ``period=``) or
    ``{index: value}`` for indexed names. ``unit`` declares the unit of the result.
    """
    if not isinstance(formula, str | Formula):
        raise ValueTypeError(f"a formula must be text or a Formula, not {type(formula).__name__}")
    values = frame_columns(values)  # a DataFrame: its columns
    parsed = formula if type(formula) is Formula else _CACHE.get((formula, decimal_point))  # type: ignore[arg-type]
    if parsed is None:
        parsed = formula if isinstance(formula, Formula) else parse_quietly(formula, decimal_point)
    elif not more_values and period is None and unit is None and type(values) is dict:
        fast = evaluate_fast(parsed, values)
        if fast is not None:
            return fast
    if more_values:
        values = {**(values or {}), **more_values}
    args, units, is_array, index = bind(parsed, values or {}, period, decimal_point)
    declared = None if unit is None else parse_unit(unit)
    plain = all(u is None for u in units)
    plan = plan_for(parsed, units, declared, plain)
    if plain and declared is None and parsed.cache.fast is None:
        _enable_fast_path(parsed, plan)
    if parsed.ambiguities:
        for message in parsed.ambiguities:
            warnings.warn(message, AmbiguousFormulaWarning, stacklevel=3)  # the user's call
    magnitude = run_array(plan, args) if is_array else run_scalar(plan, args)
    if parsed.result_is_category:
        magnitude = _decode(parsed, magnitude)
    if index is not None and np.ndim(magnitude) == 1 and len(magnitude) == len(index):
        magnitude = series_type()(magnitude, index=index, name=parsed.name)  # rows as given
    return Result(magnitude, plan.unit, parsed.name)


def _enable_fast_path(formula: Formula, plan: Any) -> None:
    """Remember the compiled function of a formula whose slots are all plain values."""
    slots = formula.plain_slots
    eligible = not (formula.ambiguities or formula.result_is_category or plan.sums)
    if slots is not None and eligible:
        identity = slots == tuple(range(len(formula.variables)))
        formula.cache.fast = (plan.scalar, plan.unit, None if identity else slots)


def evaluate_fast(formula: Formula, values: dict[str, Any]) -> Result | None:
    """The common case in few steps: plain numbers for plain variables, a compiled plan.

    Returns None to fall back to the general path, which also raises the errors.
    """
    fast = formula.cache.fast
    if fast is None:
        return None
    function, units, slots = fast
    memo = formula.cache.key_memo
    bound: list[Any] = [None] * len(formula.variables)
    for key, value in values.items():
        index = memo.get(key, -1)
        if index == -1:
            if key.__class__ is not str:
                return None  # the general path says what is wrong
            index = formula.lookup(key)
        if index is None:
            continue
        if bound[index] is not None:
            return None  # two spellings of one variable: the general path says so
        kind = value.__class__
        if kind is float:
            if value - value != 0.0:  # NaN or infinity
                return None
            bound[index] = value
        elif kind is int and -(2**53) <= value <= 2**53:
            bound[index] = float(value)
        else:
            return None
    args = bound if slots is None else [bound[i] for i in slots]
    if None in args:
        return None
    try:
        result = function(*args)
    except ArithmeticError:
        return None  # the general path raises the right error
    if result.__class__ is float and result - result == 0.0:
        return Result(result, units, formula.name)
    return None


def _decode(formula: Formula, codes: Any) -> Any:
    """Category codes back to the texts as written; "" for rows without a result."""
    names = formula.category_names

    def decode(code: Any) -> str:
        return names.get(int(code), "") if math.isfinite(code) else ""

    if isinstance(codes, np.ndarray):
        return np.array([decode(c) for c in codes.ravel()], dtype=object)
    return decode(codes)
