"""What the parse-tree rules share: the builder's state, its helpers, and the values
rules pass each other (a category or a date literal, before they become numbers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy
from lark import Token

from ..errors import FormulaSyntaxError
from .formula import PERCENT
from .symbols import SymbolTable

__all__ = [
    "Category",
    "Date",
    "RuleBase",
    "constant",
    "constant_range",
    "fail_at",
    "position",
    "sum_terms",
]


def sum_terms(expr: Any, range_of: Callable[[Any], int | None]) -> int:
    """The terms the Σ in ``expr`` compute: a nested Σ once per term of the one around it.

    ``range_of`` gives a Σ's number of terms, or None where it is not known yet.
    """
    if isinstance(expr, sympy.Sum):
        count = range_of(expr)
        inner = sum_terms(expr.function, range_of)
        return 0 if count is None else count * max(inner, 1)
    return sum(sum_terms(arg, range_of) for arg in expr.args if arg.has(sympy.Sum))


def constant(expr: Any) -> Any:
    """The exact value of an expression without variables (``0 persen`` is 0), else None.

    Rebuilding with xreplace evaluates the arithmetic of numbers; sympy's assumption
    queries (``is_zero``) are avoided: on unevaluated trees they can raise
    InconsistentAssumptions, depending on hash order.
    """
    if expr.free_symbols - {PERCENT}:
        return None
    value = expr.xreplace({PERCENT: sympy.Rational(1, 100)})
    return value if value.is_Number else None


def constant_range(expr: Any) -> int | None:
    """The terms of a Σ with number bounds (sympy merges a Σ of a Σ into one Sum with
    several limits: their ranges multiply)."""
    count = 1
    for _, lower, upper in expr.limits:
        if not (lower.is_Integer and upper.is_Integer):
            return None
        count *= max(int(upper - lower + 1), 0)
    return count


def position(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column


def fail_at(
    text: str, pos: int, message: str, cls: type[FormulaSyntaxError] = FormulaSyntaxError
) -> FormulaSyntaxError:
    """A syntax error at character ``pos`` of ``text``."""
    line, column = position(text, pos)
    return cls(message, text, line, column)


class Category:
    """A category literal ("WTP"): usable in comparisons and as a branch result only."""

    def __init__(self, code: int, text: str, pos: int) -> None:
        self.code = code
        self.text = text
        self.pos = pos


class Date:
    """A date literal: a number of days in arithmetic, and a sign in a comparison that
    the other side must be given as a date."""

    def __init__(self, expr: Any) -> None:
        self.expr = expr


class RuleBase:
    """The state of one build and the helpers every rule uses."""

    def __init__(self, text: str, decimal_point: bool) -> None:
        self.text = text
        self.decimal_point = decimal_point
        self.symbols = SymbolTable()
        self.result_name: str | None = None
        self.stated: tuple[Any, ...] = ()
        self.result_is_category = False
        self.has_default = True
        self.uses_dates = False
        #: Readings the build chose ("2.5" read with a decimal point), for Formula.notes.
        self.readings: list[str] = []

    # -- helpers -------------------------------------------------------------
    def fail(
        self, tok: Token | int, message: str, cls: type[FormulaSyntaxError] = FormulaSyntaxError
    ) -> FormulaSyntaxError:
        pos = tok if isinstance(tok, int) else (tok.start_pos or 0)
        return fail_at(self.text, pos, message, cls)

    def variable(self, name: str, pos: int) -> int:
        return self.symbols.variable(name, pos)

    def number_value(self, value: Any, tok: Token | int) -> Any:
        if isinstance(value, Category):
            raise self.fail(value.pos, f'the category "{value.text}" cannot be used in arithmetic')
        return value.expr if isinstance(value, Date) else value

    def arith(self, tok: Token, *values: Any) -> list[Any]:
        return [self.number_value(v, tok) for v in values]
