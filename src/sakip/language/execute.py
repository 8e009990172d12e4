"""Running a compiled plan: scalars through Python floats, arrays through numpy, with
every undefined row found and named (see codegen for the three modes)."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy

from ..errors import (
    ConditionError,
    EvaluationError,
    LimitError,
    ZeroDenominatorError,
    ZeroDenominatorWarning,
)
from .build import sum_terms
from .formula import PERCENT, Formula
from .limits import MAX_SUM_TERMS
from .plan import Plan, bound_value

__all__ = ["run_array", "run_scalar", "zero_denominator"]


def check_sums(plan: Plan, args: Sequence[Any]) -> None:
    ranges: dict[Any, int] = {}
    for node, bounds in plan.sums:
        lower, upper = (bound_value(b) if isinstance(b, np.ndarray) else b for b in bounds(*args))
        if not (float(lower).is_integer() and float(upper).is_integer()):
            raise EvaluationError(f"the bounds of Σ must be whole numbers, got {lower} and {upper}")
        ranges[node] = ranges.get(node, 1) * max(int(upper) - int(lower) + 1, 0)
    terms = sum_terms(plan.expr, ranges.get)
    if terms > MAX_SUM_TERMS:
        raise LimitError(
            f"Σ over {terms} terms (nested sums multiply) is more than {MAX_SUM_TERMS}",
            plan.formula.text,
            1,
            1,
        )


def run_scalar(plan: Plan, args: Sequence[Any]) -> Any:
    if plan.sums:
        check_sums(plan, args)
    try:
        value = (plan._scalar or plan.scalar)(*args)
        if value.__class__ is float and value - value == 0.0:
            return value  # the common case: a finite float
    except ZeroDivisionError:
        raise ZeroDenominatorError(zero_denominator(plan, args)) from None
    except OverflowError:
        raise EvaluationError("the result is too large to compute") from None
    except KeyError as exc:
        raise EvaluationError(f"an indexed value has no entry for index {exc.args[0]}") from None
    except ValueError as exc:  # math domain errors: akar of a negative number
        raise EvaluationError(
            f"the formula is undefined for these values ({exc}: the root of a negative number?)"
        ) from None
    if isinstance(value, complex):
        raise EvaluationError("the formula is undefined for these values (not a real number)")
    if value is None or value != value:
        if plan.formula.has_default:  # no clause can be missing: an overflow made it
            raise EvaluationError(
                "the formula is undefined for these values (an overflow: infinity"
                " minus infinity, or infinity times 0)"
            )
        uncovered = plan.formula.uncovered
        raise ConditionError(
            "no 'jika' clause applies to these values and there is no 'selain itu'"
            + ("; not covered: " + "; ".join(uncovered) if uncovered else "")
        )
    if isinstance(value, float) and math.isinf(value):
        raise EvaluationError("the result is too large to compute")
    return value


def run_array(plan: Plan, args: Sequence[Any]) -> Any:
    if plan.sums:
        check_sums(plan, args)
    # Scalars beside arrays become numpy floats, so a zero denominator among them
    # follows numpy's rules (NaN rows and a warning), not Python's ZeroDivisionError.
    args = [np.float64(a) if isinstance(a, float | int) else a for a in args]
    missing = _missing_inputs(args)
    try:
        if missing is None:
            with np.errstate(all="raise"):
                result = plan.array(*args)
                if plan.formula.has_default:
                    # every input finite and no flag raised: every row is defined
                    return result
                _check_finite(result)
                return result
        result = _run_careful(plan, args)
    except (FloatingPointError, ZeroDivisionError, OverflowError):
        # Some row is undefined somewhere: compute again with undefined rows as NaN
        # from the place they arise (see codegen.py), so min/max or a condition cannot
        # hide them.
        result = _run_careful(plan, args)
    except KeyError as exc:
        raise EvaluationError(f"an indexed value has no entry for index {exc.args[0]}") from None
    except ValueError as exc:
        raise EvaluationError(f"the arrays do not fit together: {exc}") from None
    return _mark_undefined(result, missing)


def _mark_undefined(result: Any, missing: Any) -> Any:
    """NaN for every row without a result, with a warning saying why."""
    result = np.asarray(result, dtype=float)
    bad = ~np.isfinite(result)
    if missing is not None:
        missing = _broadcast(missing, np.shape(result))
    if missing is not None:
        # a missing (NaN or infinite) input row is missing in the result, whatever
        # branch or min/max it would pick
        result = np.where(missing, np.nan, result)
        bad &= ~missing
        warnings.warn(
            f"{int(missing.sum())} of {result.size} rows have a missing (NaN) or"
            " infinite input; they are NaN",
            ZeroDenominatorWarning,
            stacklevel=5,
        )
    count = int(bad.sum())
    if count:
        result = np.where(bad, np.nan, result)
        warnings.warn(
            f"{count} of {result.size} rows have a zero denominator, no applicable"
            " condition, an overflow or an undefined value; they are NaN",
            ZeroDenominatorWarning,
            stacklevel=5,
        )
    return result


def _run_careful(plan: Plan, args: Sequence[Any]) -> Any:
    try:
        with np.errstate(all="ignore"):
            return np.asarray(plan.careful(*args), dtype=float)
    except (OverflowError, ZeroDivisionError):
        # a constant part of the formula (9^9^91) overflows whatever the rows hold
        raise EvaluationError("the result is too large to compute") from None
    except ValueError as exc:
        raise EvaluationError(f"the arrays do not fit together: {exc}") from None


def _check_finite(result: Any) -> None:
    if not np.all(np.isfinite(result)):
        raise FloatingPointError


def zero_denominator(plan: Plan, args: Sequence[Any]) -> str:
    """Name the first denominator that is zero for these values (error path only)."""
    for name, function in _denominators(plan):
        try:
            value = function(*args)
        except (ArithmeticError, ValueError, TypeError):
            continue  # this is only naming the culprit: an error here is not it
        if value == 0:
            return name
    return ""


def _denominators(plan: Plan) -> list[tuple[str, Callable[..., Any]]]:
    """Each denominator as written and compiled, once per plan: measure() names the
    zero denominator of many rows."""
    if plan._denominator_list is None:
        names = {
            slot.symbol: sympy.Symbol(_written(plan.formula, k))
            for k, slot in enumerate(plan.formula.slots)
        }
        bound = {limit[0] for s in plan.expr.atoms(sympy.Sum) for limit in s.limits}
        found = []
        for power in sympy.preorder_traversal(plan.expr):
            if not (isinstance(power, sympy.Pow) and power.exp.is_Number and power.exp < 0):
                continue
            if power.base.has(sympy.Indexed) or power.base.atoms(sympy.Symbol) & bound:
                continue
            try:
                function = plan._compile_scalar(power.base)
            except LimitError:
                continue
            shown = power.base.xreplace(names).xreplace({PERCENT: sympy.Symbol("%")})
            found.append((str(shown), function))
        plan._denominator_list = found
    return plan._denominator_list


def _missing_inputs(args: Sequence[Any]) -> Any:
    """Rows where some input array is NaN (missing) or infinite, or None if there are none.

    The common case costs one dot product per two arrays (BLAS, the cheapest full read
    numpy has): ``a . b`` is finite exactly when every element of both is (an infinity
    times anything is infinite or NaN, and NaN stays NaN), unless a product overflows,
    which only costs the exact check.
    """
    arrays = [
        value
        for arg in args
        for value in (arg.values() if isinstance(arg, dict) else (arg,))
        if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size
    ]
    missing = None
    while arrays:
        first = arrays.pop()
        partner = next((i for i, a in enumerate(arrays) if a.size == first.size), None)
        second = first if partner is None else arrays.pop(partner)
        with np.errstate(all="ignore"):  # an overflowing product is no error here
            if math.isfinite(np.dot(first.ravel(), second.ravel())):
                continue
        for value in (first, second):
            bad = ~np.isfinite(value)
            if bad.any():
                missing = bad if missing is None else _either(missing, bad)
    return missing


def _either(first: Any, second: Any) -> Any:
    try:
        return first | second
    except ValueError:  # arrays of different lengths (a Σ over a mapping): keep one
        return first


def _broadcast(mask: Any, shape: tuple[int, ...]) -> Any:
    try:
        return np.broadcast_to(mask, shape)
    except ValueError:  # a Σ over arrays of another length: its NaN rows stay NaN anyway
        return None


def _written(formula: Formula, k: int) -> str:
    slot = formula.slots[k]
    if slot.variable is None or slot.kind == "base":  # "Produksi Tahun Dasar", not the year
        return slot.written
    name = formula.variables[slot.variable]
    if slot.kind == "shift":
        return slot.written or f"{name} (n{slot.offset:+d})"
    if slot.kind == "total":
        return f"Σ {name}"
    return name
