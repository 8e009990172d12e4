"""The functions of the formula language, one table for the lexer (which words are
functions before a bracket) and the builder (how many arguments, and the sympy form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import sympy

__all__ = ["FUNCTIONS", "Function"]


@attrs.frozen
class Function:
    name: str
    least: int
    most: int | None
    build: Callable[[list[Any]], Any]

    def arity_problem(self, word: str, count: int) -> str | None:
        """Why ``count`` arguments do not fit, or None."""
        if self.most == self.least and count != self.least:
            return f"{word} takes one argument, got {count}"
        if count < self.least:
            return f"{word} takes at least {self.least} arguments"
        return None


def _mean(args: list[Any]) -> Any:
    return sympy.Mul(sympy.Rational(1, len(args)), sympy.Add(*args, evaluate=False), evaluate=False)


_SQRT = Function(
    "sqrt", 1, 1, lambda args: sympy.Pow(args[0], sympy.Rational(1, 2), evaluate=False)
)
_MEAN = Function("mean", 1, None, _mean)
_MIN = Function("min", 2, None, lambda args: sympy.Min(*args, evaluate=False))
_MAX = Function("max", 2, None, lambda args: sympy.Max(*args, evaluate=False))

#: The words written before a bracket that call a function.
FUNCTIONS: dict[str, Function] = {
    "rata-rata": _MEAN,
    "min": _MIN,
    "minimum": _MIN,
    "maks": _MAX,
    "max": _MAX,
    "maksimum": _MAX,
    "akar": _SQRT,
    "sqrt": _SQRT,
    "√": _SQRT,
}
