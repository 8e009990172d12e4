"""Formula + input units -> a compiled plan: plain Python/numpy functions and a unit.

Compiling uses sympy's ``lambdify`` over the internal symbols only (``x0``, ``x1``,
...), after checking that nothing else is free in the expression: user text never
reaches generated code. A plan is built once per (formula, input units, declared unit)
and cached on the formula; evaluating it is one call of a plain function.
"""

from __future__ import annotations

import math
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy
from sympy.utilities.lambdify import implemented_function, lambdify

from ..errors import (
    ConditionError,
    EvaluationError,
    LimitError,
    UnitError,
    ZeroDenominatorError,
    ZeroDenominatorWarning,
)
from ..units import is_scaled_ratio, ureg
from .build import sum_terms
from .codegen import array_namespace, check_nesting, code_printer, scalar_namespace
from .formula import PERCENT, Formula
from .limits import MAX_PLANS_PER_FORMULA, MAX_SUM_TERMS
from .units_walk import convert_factor, infer_units, simplify_unit, top_coefficient

__all__ = ["Plan", "plan_for"]

_DIMENSIONLESS = ureg.dimensionless


def _bound(value: Any) -> int:
    """A Σ bound as the int range() needs; with array inputs it must be one number."""
    if isinstance(value, np.ndarray):
        first = value.flat[0] if value.size else 0
        if not bool((value == first).all()):
            raise EvaluationError("the bounds of Σ must be the same number in every row")
        value = first
    return int(value)


# Σ bounds reach range() as ints; the bounds are checked to be whole before the call.
_as_int = implemented_function("sakip_int", _bound)
_PLAN_LOCK = threading.Lock()


def _lambdify(args: Sequence[Any], expr: Any, mode: str, text: str) -> Callable[..., Any]:
    """Compile ``expr`` in ``mode`` ("scalar", "array", "careful"); see _codegen."""
    printer = code_printer(mode)
    check_nesting(printer.doprint(expr), text)
    if mode == "scalar":
        modules: list[Any] = [scalar_namespace(), "math"]
    else:
        modules = [array_namespace(careful=mode == "careful"), "numpy"]
    return lambdify(args, expr, modules=modules, docstring_limit=0, printer=printer)  # type: ignore[no-any-return]


class Plan:
    """A formula compiled for one set of input units."""

    def __init__(self, formula: Formula, expr: Any, unit: Any) -> None:
        self.formula = formula
        self.expr = expr
        self.unit = unit
        self.args = [slot.symbol for slot in formula.slots]
        allowed = {s for s in self.args if isinstance(s, sympy.Symbol)}
        allowed |= {s.label for s in self.args if isinstance(s, sympy.IndexedBase)}
        sums = expr.atoms(sympy.Sum)
        bound = {limit[0] for s in sums for limit in s.limits}
        stray = expr.free_symbols - allowed - bound - {s for s in self.args}
        stray = {s for s in stray if not isinstance(s, sympy.Indexed)}
        if stray:  # never compile anything but sakip's own internal symbols
            raise EvaluationError(f"internal error: unexpected symbols {sorted(map(str, stray))}")
        self.sums = [
            (s, self._compile_scalar(sympy.Tuple(lower, upper)))
            for s in sums
            for _, lower, upper in s.limits
        ]
        self.code_expr = expr
        if sums:
            self.code_expr = expr.replace(
                lambda e: isinstance(e, sympy.Sum),
                lambda e: sympy.Sum(
                    e.function, *[(i, _as_int(lo), _as_int(hi)) for i, lo, hi in e.limits]
                ),
            )
        self._scalar: Callable[..., Any] | None = None
        self._array: Callable[..., Any] | None = None
        self._careful: Callable[..., Any] | None = None
        self._denominator_list: list[tuple[str, Callable[..., Any]]] | None = None

    def _compile_scalar(self, expr: Any) -> Callable[..., Any]:
        return _lambdify(self.args, expr, "scalar", self.formula.text)

    @property
    def scalar(self) -> Callable[..., Any]:
        if self._scalar is None:
            self._scalar = self._compile_scalar(self.code_expr)
        return self._scalar

    @property
    def array(self) -> Callable[..., Any]:
        if self._array is None:
            self._array = _lambdify(self.args, self.code_expr, "array", self.formula.text)
        return self._array

    @property
    def careful(self) -> Callable[..., Any]:
        if self._careful is None:
            self._careful = _lambdify(self.args, self.code_expr, "careful", self.formula.text)
        return self._careful

    # -- running ---------------------------------------------------------------
    def check_sums(self, args: Sequence[Any]) -> None:
        ranges: dict[Any, int] = {}
        for node, bounds in self.sums:
            lower, upper = (_bound(b) if isinstance(b, np.ndarray) else b for b in bounds(*args))
            if not (float(lower).is_integer() and float(upper).is_integer()):
                raise EvaluationError(
                    f"the bounds of Σ must be whole numbers, got {lower} and {upper}"
                )
            ranges[node] = ranges.get(node, 1) * max(int(upper) - int(lower) + 1, 0)
        terms = sum_terms(self.expr, ranges.get)
        if terms > MAX_SUM_TERMS:
            raise LimitError(
                f"Σ over {terms} terms (nested sums multiply) is more than {MAX_SUM_TERMS}",
                self.formula.text,
                1,
                1,
            )

    def run_scalar(self, args: Sequence[Any]) -> Any:
        if self.sums:
            self.check_sums(args)
        try:
            value = (self._scalar or self.scalar)(*args)
            if value.__class__ is float and value - value == 0.0:
                return value  # the common case: a finite float
        except ZeroDivisionError:
            raise ZeroDenominatorError(self.zero_denominator(args)) from None
        except OverflowError:
            raise EvaluationError("the result is too large to compute") from None
        except KeyError as exc:
            raise EvaluationError(
                f"an indexed value has no entry for index {exc.args[0]}"
            ) from None
        except ValueError as exc:  # math domain errors: akar of a negative number
            raise EvaluationError(
                f"the formula is undefined for these values ({exc}: the root of a negative number?)"
            ) from None
        if isinstance(value, complex):
            raise EvaluationError("the formula is undefined for these values (not a real number)")
        if value is None or value != value:
            if self.formula.has_default:  # no clause can be missing: an overflow made it
                raise EvaluationError(
                    "the formula is undefined for these values (an overflow: infinity"
                    " minus infinity, or infinity times 0)"
                )
            raise ConditionError(
                "no 'jika' clause applies to these values and there is no 'selain itu'"
            )
        if isinstance(value, float) and math.isinf(value):
            raise EvaluationError("the result is too large to compute")
        return value

    def run_array(self, args: Sequence[Any]) -> Any:
        if self.sums:
            self.check_sums(args)
        # Scalars beside arrays become numpy floats, so a zero denominator among them
        # follows numpy's rules (NaN rows and a warning), not Python's ZeroDivisionError.
        args = [np.float64(a) if isinstance(a, float | int) else a for a in args]
        missing = _missing_inputs(args)
        try:
            if missing is None:
                with np.errstate(all="raise"):
                    result = self.array(*args)
                    if self.formula.has_default:
                        # every input finite and no flag raised: every row is defined
                        return result
                    self._check_finite(result)
                    return result
            result = self._run_careful(args)
        except (FloatingPointError, ZeroDivisionError, OverflowError):
            # Some row is undefined somewhere: compute again with undefined rows as NaN
            # from the place they arise (see _codegen), so min/max or a condition cannot
            # hide them.
            result = self._run_careful(args)
        except KeyError as exc:
            raise EvaluationError(
                f"an indexed value has no entry for index {exc.args[0]}"
            ) from None
        except ValueError as exc:
            raise EvaluationError(f"the arrays do not fit together: {exc}") from None
        return self._mark_undefined(result, missing)

    @staticmethod
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

    def _run_careful(self, args: Sequence[Any]) -> Any:
        try:
            with np.errstate(all="ignore"):
                return np.asarray(self.careful(*args), dtype=float)
        except (OverflowError, ZeroDivisionError):
            # a constant part of the formula (9^9^91) overflows whatever the rows hold
            raise EvaluationError("the result is too large to compute") from None
        except ValueError as exc:
            raise EvaluationError(f"the arrays do not fit together: {exc}") from None

    @staticmethod
    def _check_finite(result: Any) -> None:
        if not np.all(np.isfinite(result)):
            raise FloatingPointError

    def zero_denominator(self, args: Sequence[Any]) -> str:
        """Name the first denominator that is zero for these values (error path only)."""
        for name, function in self._denominators():
            try:
                value = function(*args)
            except (ArithmeticError, ValueError, TypeError):
                continue  # this is only naming the culprit: an error here is not it
            if value == 0:
                return name
        return ""

    def _denominators(self) -> list[tuple[str, Callable[..., Any]]]:
        """Each denominator as written and compiled, once per plan: measure() names the
        zero denominator of many rows."""
        if self._denominator_list is None:
            names = {
                slot.symbol: sympy.Symbol(_written(self.formula, k))
                for k, slot in enumerate(self.formula.slots)
            }
            bound = {limit[0] for s in self.expr.atoms(sympy.Sum) for limit in s.limits}
            found = []
            for power in sympy.preorder_traversal(self.expr):
                if not (isinstance(power, sympy.Pow) and power.exp.is_Number and power.exp < 0):
                    continue
                if power.base.has(sympy.Indexed) or power.base.atoms(sympy.Symbol) & bound:
                    continue
                try:
                    function = self._compile_scalar(power.base)
                except LimitError:
                    continue
                shown = power.base.xreplace(names).xreplace({PERCENT: sympy.Symbol("%")})
                found.append((str(shown), function))
            self._denominator_list = found
        return self._denominator_list


def _missing_inputs(args: Sequence[Any]) -> Any:
    """Rows where some input array is NaN (missing) or infinite, or None if there are none.

    The common case costs one dot product of each array with itself (BLAS, the
    cheapest full read numpy has): it is finite exactly when every element is, unless
    the squares overflow, which only costs the exact check.
    """
    missing = None
    for arg in args:
        values = arg.values() if isinstance(arg, dict) else (arg,)
        for value in values:
            if isinstance(value, np.ndarray) and value.dtype.kind == "f":
                flat = value.ravel()
                with np.errstate(all="ignore"):  # an overflowing square is no error here
                    square = np.dot(flat, flat) if flat.size else math.nan
                if math.isfinite(square):
                    continue
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
    if slot.variable is None:
        return slot.written
    name = formula.variables[slot.variable]
    if slot.kind == "shift":
        return slot.written or f"{name} (n{slot.offset:+d})"
    if slot.kind == "total":
        return f"Σ {name}"
    return name


def plan_for(formula: Formula, units: tuple[Any, ...], declared: Any, plain: bool) -> Plan:
    """The cached plan of ``formula`` for slot ``units`` and a ``declared`` result unit."""
    key = (units, declared)
    plan: Plan | None = formula.cache.plans.get(key)
    if plan is None:
        with _PLAN_LOCK:
            plan = formula.cache.plans.get(key) or _build(formula, units, declared, plain)
            if len(formula.cache.plans) >= MAX_PLANS_PER_FORMULA:
                # bounded: input units can come from user data, one plan per combination
                del formula.cache.plans[next(iter(formula.cache.plans))]
            formula.cache.plans[key] = plan
    return plan


def _build(formula: Formula, units: tuple[Any, ...], declared: Any, plain: bool) -> Plan:
    symbol_units = {
        slot.symbol: unit
        for slot, unit in zip(formula.slots, units, strict=True)
        if unit is not None
    }
    if symbol_units or formula.expr.has(PERCENT):
        expr, unit = infer_units(formula.expr, symbol_units)
    else:  # plain numbers and no percent: nothing to convert, the result is a plain number
        expr, unit = formula.expr, ureg.dimensionless
    factor, unit = simplify_unit(unit)
    if declared is not None:
        factor, unit = _declare(formula, factor, unit, declared, plain)
    if factor != 1:
        expr = sympy.Mul(factor, expr, evaluate=False)
    return Plan(formula, expr, unit)


def _declare(
    formula: Formula, factor: Any, unit: Any, declared: Any, plain: bool
) -> tuple[Any, Any]:
    """Bring the inferred result unit to the declared one.

    A formula over plain numbers computes the number the table reports, so a plain
    result only takes the declared unit as its label: ``(IPA + IPU + ITH) / 3`` declared
    in % stays 60, not 6000. With quantities, a plain ratio scaled by the declared unit's
    own factor is relabelled (``D / LH x 1.000`` in per 1.000 kelahiran hidup); any other
    result is converted, and a result of another dimension is a UnitError.
    """
    if unit == _DIMENSIONLESS:
        if plain:
            return factor, declared
        if is_scaled_ratio(declared):
            # only a scale written in the formula itself: a factor 100 that comes from
            # an input in percent (A / 90 %) is a conversion, not the formula's "x 100"
            scale = 1 / convert_factor(declared, _DIMENSIONLESS)
            if top_coefficient(formula.expr) == scale:
                return factor, declared
    if unit.dimensionality == declared.dimensionality:
        return factor * convert_factor(unit, declared), declared
    raise UnitError(
        f"the formula gives {_describe(unit)}, which cannot be expressed in '{declared}'"
    )


def _describe(unit: Any) -> str:
    return "a plain number" if unit == _DIMENSIONLESS else f"'{unit}'"
