"""Formula + input units -> a compiled plan: plain Python/numpy functions and a unit.

Compiling prints the expression with codegen's printers over the internal symbols only
(``x0``, ``x1``, ...), after checking that nothing else is free in the expression: user
text never reaches generated code. A plan is built once per (formula, input units,
declared unit) and cached on the formula; evaluating it is one call of a plain function.
"""

from __future__ import annotations

import functools
import threading
import types
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import sympy
from sympy.utilities.lambdify import implemented_function, lambdify

from ..errors import (
    EvaluationError,
    UnitError,
)
from ..units import is_scaled_ratio, ureg
from .codegen import array_namespace, check_nesting, code_printer, scalar_namespace
from .formula import PERCENT, Formula
from .limits import MAX_PLANS_PER_FORMULA
from .symbols import names_and_sums
from .units_walk import convert_factor, infer_units, simplify_unit, top_coefficient

__all__ = ["Plan", "bound_value", "plan_for"]

_DIMENSIONLESS = ureg.dimensionless


def bound_value(value: Any) -> int:
    """A Σ bound as the int range() needs; with array inputs it must be one number."""
    if isinstance(value, np.ndarray):
        first = value.flat[0] if value.size else 0
        if not bool((value == first).all()):
            raise EvaluationError("the bounds of Σ must be the same number in every row")
        value = first
    return int(value)


# Σ bounds reach range() as ints; the bounds are checked to be whole before the call.
_INT_NAME = "sakip_int"
_as_int = implemented_function(_INT_NAME, bound_value)
_PLAN_LOCK = threading.Lock()


@functools.lru_cache(maxsize=3)
def _namespace(mode: str) -> dict[str, Any]:
    """The globals of the compiled functions of ``mode``: lambdify's own namespace for
    these modules (taken once from a constant it compiles), with the Σ bound reader."""
    if mode == "scalar":
        modules: list[Any] = [scalar_namespace(), "math"]
    else:
        modules = [array_namespace(careful=mode == "careful"), "numpy"]
    namespace: dict[str, Any] = lambdify((), sympy.Integer(0), modules=modules).__globals__
    namespace[_INT_NAME] = bound_value
    return namespace


def _compile(args: Sequence[Any], expr: Any, mode: str, text: str) -> Callable[..., Any]:
    """Compile ``expr`` in ``mode`` ("scalar", "array", "careful"); see codegen.py.

    The function lambdify would write (``lambda x0, x1: CODE``), made directly:
    lambdify's per-call work (sorting and walking the expression again, building the
    namespace, a docstring) was half of compiling. The function is made from the
    compiled code object, so nothing runs while it is made.
    """
    printer = code_printer(mode)
    code = printer.doprint(expr)
    check_nesting(code, text)
    names = [arg.name for arg in args]
    if not all(name.isidentifier() and name.startswith("x") for name in names):
        raise EvaluationError(f"internal error: unexpected arguments {names}")
    if "\n" in code:
        code = f"({code})"
    source = f"lambda {', '.join(names)}: {code}"
    (body,) = (
        const
        for const in compile(source, "<sakip plan>", "eval").co_consts
        if isinstance(const, types.CodeType)
    )
    return types.FunctionType(body, _namespace(mode))


class Plan:
    """A formula compiled for one set of input units."""

    def __init__(self, formula: Formula, expr: Any, unit: Any) -> None:
        self.formula = formula
        self.expr = expr
        self.unit = unit
        self.args = [slot.symbol for slot in formula.slots]
        allowed = {s for s in self.args if isinstance(s, sympy.Symbol)}
        allowed |= {s.label for s in self.args if isinstance(s, sympy.IndexedBase)}
        names, sums = names_and_sums(expr)
        bound = {limit[0] for s in sums for limit in s.limits}
        stray = names - allowed - bound - set(self.args)
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
        return _compile(self.args, expr, "scalar", self.formula.text)

    @property
    def scalar(self) -> Callable[..., Any]:
        if self._scalar is None:
            self._scalar = self._compile_scalar(self.code_expr)
        return self._scalar

    @property
    def array(self) -> Callable[..., Any]:
        if self._array is None:
            self._array = _compile(self.args, self.code_expr, "array", self.formula.text)
        return self._array

    @property
    def careful(self) -> Callable[..., Any]:
        if self._careful is None:
            self._careful = _compile(self.args, self.code_expr, "careful", self.formula.text)
        return self._careful

    # -- running ---------------------------------------------------------------


def plan_for(formula: Formula, units: tuple[Any, ...], declared: Any, plain: bool) -> Plan:
    """The cached plan of ``formula`` for slot ``units`` and a ``declared`` result unit."""
    key = (units, declared)
    plans = formula.cache.plans
    plan: Plan | None = plans.pop(key, None)
    if plan is not None:
        plans[key] = plan  # least recently used first: the next to be dropped
    else:
        with _PLAN_LOCK:
            plan = plans.get(key) or _build(formula, units, declared, plain)
            while len(plans) >= MAX_PLANS_PER_FORMULA:
                # bounded: input units can come from user data, one plan per combination
                del plans[next(iter(plans))]
            plans[key] = plan
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
        expr, unit = formula.expr, _DIMENSIONLESS
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
