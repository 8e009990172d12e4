"""sympy expression -> Python source of a plan's function, with every grouping explicit.

sympy's own printers decide brackets from operator precedence, and on the unevaluated
trees sakip builds (``Mul(x, Pow(Rational(5, 2), -1))``) they drop brackets that
matter: ``x/(5/2)`` came out as ``x/5/2``. These printers never rely on precedence:
every operand that is not a single name or a non-negative number is bracketed, powers
are function calls (so ``-2^2`` cannot be read as ``(-2)^2``), and only a chain's own
left operand is printed without brackets, which is exactly how Python groups
``a / b * c``. Long chains therefore stay flat, and the depth of the code follows the
depth of the formula.

Three modes:

* scalar: Python floats and the math module. Places where an overflowed infinity could
  silently disappear (a denominator, the arguments of min/max, the sides of a
  comparison, a power's base and exponent) are guarded, and raise instead.
* strict array: numpy under ``errstate(all="raise")``: the fast array path.
* careful array: run only when the strict path raised. Every undefined row (a zero
  denominator, an overflow, the root of a negative number) becomes NaN at the place it
  happens and stays NaN: through min/max, and through conditions, which use
  three-valued logic, so a NaN condition makes its row NaN instead of choosing a branch.
"""

from __future__ import annotations

import math
from functools import reduce
from typing import Any

import numpy as np
import sympy
from sympy.printing.lambdarepr import LambdaPrinter
from sympy.printing.numpy import NumPyPrinter

from ..errors import LimitError
from .limits import MAX_CODE_NESTING

__all__ = [
    "array_namespace",
    "check_nesting",
    "code_printer",
    "scalar_namespace",
]

_SETTINGS = {
    "fully_qualified_modules": False,
    "inline": True,
    "allow_unknown_functions": True,
    "user_functions": {},
    # Sorting terms is a fifth of the compile time and would reorder what is written.
    "order": "none",
}

_COMPARISONS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}


def _is_plain(expr: Any) -> bool:
    """Operands that need no brackets and cannot be an overflowed infinity."""
    if isinstance(expr, sympy.Symbol | sympy.Indexed):
        return True
    # the integer's own int: sympy's ``>=`` would build and sympify a relation
    return bool(expr.is_Integer and expr.p >= 0)


# Exact types and the method sympy's dispatch finds for them in every printer here (a
# subclass such as Dummy or Zero may print otherwise: those take sympy's dispatch).
_DIRECT = {
    cls: f"_print_{cls.__name__}"
    for cls in (sympy.Add, sympy.Mul, sympy.Pow, sympy.Symbol, sympy.Integer, sympy.Rational)
}
_DIRECT |= {type(sympy.S.One): "_print_Integer", type(sympy.S.NegativeOne): "_print_Integer"}


class _Grouping:
    """Printing of sums, products, quotients, powers and numbers shared by all modes."""

    _print_level: int
    guard_name = "_fin"

    def _print(self, expr: Any, **kwargs: Any) -> str:
        # sympy's dispatch (an attribute test and scans of the class's bases per node)
        # was a third of printing: the node types sakip builds most go straight to
        # their method, the rest through sympy's dispatch
        name = _DIRECT.get(type(expr))
        if name is None or kwargs:
            return super()._print(expr, **kwargs)  # type: ignore[misc,no-any-return]
        self._print_level += 1
        try:
            return getattr(self, name)(expr)  # type: ignore[no-any-return]
        finally:
            self._print_level -= 1

    def _handle_UnevaluatedExpr(self, expr: Any) -> Any:
        # sympy walks the whole tree to strip re() around UnevaluatedExpr (a third of
        # printing); the builder makes neither (functions.py lists every function)
        return expr

    def operand(self, expr: Any) -> str:
        text = self._print(expr)
        return text if _is_plain(expr) else f"({text})"

    def guarded(self, expr: Any) -> str:
        """An operand where an infinity would vanish (1/inf = 0, min(inf, 1) = 1)."""
        if _is_plain(expr) or expr.is_Number:
            return self.operand(expr)
        return f"{self.guard_name}({self._print(expr)})"

    def _print_Integer(self, expr: Any) -> str:
        return str(expr.p)

    def _print_Rational(self, expr: Any) -> str:
        # int / int in Python is the correctly rounded float of the fraction
        return f"{expr.p}/{expr.q}"

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        first, *rest = expr.args
        parts = [self._print(first) if first.is_Add else self.operand(first)]
        parts.extend(self.operand(term) for term in rest)
        return " + ".join(parts)

    def _print_Mul(self, expr: Any) -> str:
        first, *rest = expr.args
        if first.is_Mul:
            text = self._print(first)
        elif _is_reciprocal(first):
            text = f"1.0 / {self.guarded(first.base)}"
        else:
            text = self.operand(first)
        for factor in rest:
            if _is_reciprocal(factor):
                text += f" / {self.guarded(factor.base)}"
            else:
                text += f" * {self.operand(factor)}"
        return text

    def _print_Pow(self, expr: Any, rational: bool = False) -> str:
        base, exponent = expr.args
        if _is_reciprocal(expr):
            return f"1.0 / {self.guarded(base)}"
        if exponent == sympy.Rational(1, 2):
            return f"sqrt({self.guarded(base)})"
        return f"_pow({self.guarded(base)}, {self.guarded(exponent)})"


def _is_reciprocal(expr: Any) -> bool:
    return bool(expr.is_Pow and expr.exp == -1)


class _ScalarPrinter(_Grouping, LambdaPrinter):  # type: ignore[misc]
    def _print_Relational(self, expr: Any) -> str:
        op = expr.rel_op
        return f"({self.guarded(expr.lhs)} {op} {self.guarded(expr.rhs)})"

    def _print_Min(self, expr: Any) -> str:
        return f"min({', '.join(self.guarded(a) for a in expr.args)})"

    def _print_Max(self, expr: Any) -> str:
        return f"max({', '.join(self.guarded(a) for a in expr.args)})"


class _StrictArrayPrinter(_Grouping, NumPyPrinter):  # type: ignore[misc]
    def _print_Min(self, expr: Any) -> str:
        return f"_min({', '.join(self.operand(a) for a in expr.args)})"

    def _print_Max(self, expr: Any) -> str:
        return f"_max({', '.join(self.operand(a) for a in expr.args)})"


class _CarefulArrayPrinter(_StrictArrayPrinter):
    def _print_Min(self, expr: Any) -> str:
        return f"_min({', '.join(self.guarded(a) for a in expr.args)})"

    def _print_Max(self, expr: Any) -> str:
        return f"_max({', '.join(self.guarded(a) for a in expr.args)})"

    def _print_Relational(self, expr: Any) -> str:
        op = _COMPARISONS[expr.rel_op]
        return f'_cmp("{op}", {self.guarded(expr.lhs)}, {self.guarded(expr.rhs)})'

    def _print_And(self, expr: Any) -> str:
        return f"_and({', '.join(self._print(a) for a in expr.args)})"

    def _print_Or(self, expr: Any) -> str:
        return f"_or({', '.join(self._print(a) for a in expr.args)})"

    def _print_Not(self, expr: Any) -> str:
        return f"(1.0 - {self._print(expr.args[0])})"

    def _print_BooleanTrue(self, expr: Any) -> str:
        return "1.0"

    def _print_BooleanFalse(self, expr: Any) -> str:
        return "0.0"

    def _print_Piecewise(self, expr: Any) -> str:
        pairs = ", ".join(f"({self._print(c)}, {self.guarded(v)})" for v, c in expr.args)
        return f"_piecewise({pairs})"


def code_printer(mode: str) -> Any:
    """A fresh printer for ``mode``: "scalar", "array" or "careful"."""
    cls = {"scalar": _ScalarPrinter, "array": _StrictArrayPrinter}.get(mode, _CarefulArrayPrinter)
    return cls(_SETTINGS)


def check_nesting(code: str, text: str) -> None:
    """Refuse code nested deeper than Python's parser takes, before compiling it."""
    depth = deepest = 0
    for char in code:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_CODE_NESTING:
        raise LimitError(
            f"the formula is nested too deeply to compute ({deepest} levels,"
            f" at most {MAX_CODE_NESTING})",
            text,
            1,
            1,
        )


# -- scalar helpers ------------------------------------------------------------------
def _scalar_fin(value: float) -> float:
    if value - value == 0.0:
        return value
    raise OverflowError("an intermediate value is not finite")


def _scalar_pow(base: float, exponent: float) -> float:
    if base == 0 and exponent < 0:
        raise ZeroDivisionError("0 to a negative power")
    # math.pow refuses a negative base with a fractional exponent (ValueError) where
    # ``**`` would quietly give a complex number.
    return math.pow(base, exponent)


def scalar_namespace() -> dict[str, Any]:
    return {"_fin": _scalar_fin, "_pow": _scalar_pow}


# -- array helpers -------------------------------------------------------------------
def _array_pow(base: Any, exponent: Any) -> Any:
    return np.power(np.asarray(base, dtype=float), exponent)


def _array_min(*args: Any) -> Any:
    return reduce(np.minimum, args)


def _array_max(*args: Any) -> Any:
    return reduce(np.maximum, args)


def _strict_fin(value: Any) -> Any:
    return value


def _careful_fin(value: Any) -> Any:
    value = np.asarray(value, dtype=float)
    return np.where(np.isfinite(value), value, np.nan)


def _careful_pow(base: Any, exponent: Any) -> Any:
    base = np.asarray(base, dtype=float)
    exponent = np.asarray(exponent, dtype=float)
    result = np.power(base, exponent)
    # IEEE says NaN^0 = 1 and 1^NaN = 1: an undefined row would come back defined
    undefined = np.isnan(base) | np.isnan(exponent) | ((base == 0) & (exponent < 0))
    return np.where(undefined, np.nan, result)


_COMPARE_UFUNCS = {
    "eq": np.equal,
    "ne": np.not_equal,
    "lt": np.less,
    "le": np.less_equal,
    "gt": np.greater,
    "ge": np.greater_equal,
}


def _careful_cmp(op: str, left: Any, right: Any) -> Any:
    """A comparison as 1.0 / 0.0, or NaN where either side is undefined."""
    left = np.asarray(left, dtype=float)
    right = np.asarray(right, dtype=float)
    truth = _COMPARE_UFUNCS[op](left, right).astype(float)
    return np.where(np.isnan(left) | np.isnan(right), np.nan, truth)


def _careful_and(*conditions: Any) -> Any:
    # Kleene logic: one false side makes the whole false, as Python's `and` would
    # short-circuit; otherwise an undefined side makes it undefined.
    values = [np.asarray(c, dtype=float) for c in conditions]
    false = reduce(np.logical_or, [v == 0 for v in values])
    unknown = reduce(np.logical_or, [np.isnan(v) for v in values])
    return np.where(false, 0.0, np.where(unknown, np.nan, 1.0))


def _careful_or(*conditions: Any) -> Any:
    values = [np.asarray(c, dtype=float) for c in conditions]
    true = reduce(np.logical_or, [v == 1 for v in values])
    unknown = reduce(np.logical_or, [np.isnan(v) for v in values])
    return np.where(true, 1.0, np.where(unknown, np.nan, 0.0))


def _careful_piecewise(*pairs: tuple[Any, Any]) -> Any:
    """The first clause whose condition holds; NaN where an undefined condition is met
    before any that holds, or where none holds."""
    shape = np.broadcast_shapes(*(np.shape(p) for pair in pairs for p in pair))
    result = np.full(shape, np.nan)
    decided = np.zeros(shape, dtype=bool)
    for condition, value in pairs:
        condition = np.broadcast_to(np.asarray(condition, dtype=float), shape)
        take = ~decided & (condition == 1)
        result = np.where(take, value, result)
        decided |= take | np.isnan(condition)
    return result


def array_namespace(careful: bool) -> dict[str, Any]:
    if careful:
        return {
            "_fin": _careful_fin,
            "_pow": _careful_pow,
            "_min": _array_min,
            "_max": _array_max,
            "_cmp": _careful_cmp,
            "_and": _careful_and,
            "_or": _careful_or,
            "_piecewise": _careful_piecewise,
        }
    # The strict mode runs on finite inputs with every floating-point flag raising, so
    # no infinity can arise to be guarded: its guard is the identity, not an extra pass.
    return {"_fin": _strict_fin, "_pow": _array_pow, "_min": _array_min, "_max": _array_max}
