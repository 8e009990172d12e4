"""The rules of arithmetic: + - x / ^ %, unary signs; numbers folded exactly, within
the limits of what a float can hold."""

from __future__ import annotations

import math
from typing import Any

import sympy
from lark import Token

from ..errors import LimitError
from .formula import PERCENT
from .limits import MAX_DIGITS, MAX_EXPONENT
from .rules import Date, RuleBase, constant

__all__ = ["ArithmeticRules"]

# MAX_DIGITS in bits, so sizes are checked without printing huge integers.
_MAX_BITS = int(MAX_DIGITS * 3.33)


class ArithmeticRules(RuleBase):
    def exact(self, value: Any, tok: Token | int) -> Any:
        """A constant sakip keeps exactly, if it is of a size a formula can mean."""
        if not value.is_Rational:
            return value
        if max(abs(value.p), value.q).bit_length() > _MAX_BITS:
            raise self.fail(
                tok, f"a number with more than {MAX_DIGITS} digits is too large", LimitError
            )
        try:
            as_float = int(value.p) / int(value.q)  # the correctly rounded float
        except OverflowError:
            as_float = math.inf
        if value.p != 0 and (as_float == 0 or math.isinf(as_float)):
            # computed as a float it would be 0 or infinity: 10^-350 x A silently 0
            raise self.fail(
                tok, "a number beyond the range of a float (1e-308 to 1e308)", LimitError
            )
        return value

    def percent(self, children: list[Any]) -> Any:
        value, tok = children
        return sympy.Mul(self.number_value(value, tok), PERCENT, evaluate=False)

    def neg(self, children: list[Any]) -> Any:
        tok, value = children
        (value,) = self.arith(tok, value)
        if value.is_Number:
            return -value
        return sympy.Mul(sympy.Integer(-1), value, evaluate=False)

    def pos(self, children: list[Any]) -> Any:
        tok, value = children
        return self.number_value(value, tok)

    def dated(self, left: Any, right: Any) -> None:
        """A name added to or subtracted from a date is a date too: ``31 Desember 2019 -
        mulai`` counts days, and a plain number for ``mulai`` would be a day number."""
        if isinstance(left, Date) or isinstance(right, Date):
            for side in (left, right):
                slot = self.symbols.value_slot(side)
                if slot is not None:
                    slot["date_typed"] = True

    def add(self, children: list[Any]) -> Any:
        left, tok, right = children
        self.dated(left, right)
        left, right = self.arith(tok, left, right)
        if left.is_Number and right.is_Number:
            return self.exact(left + right, tok)
        return sympy.Add(left, right, evaluate=False)

    def sub(self, children: list[Any]) -> Any:
        left, tok, right = children
        self.dated(left, right)
        left, right = self.arith(tok, left, right)
        if left.is_Number and right.is_Number:
            return self.exact(left - right, tok)
        # a number is negated exactly: Mul(-1, 0) left unevaluated confuses sympy's
        # assumption system (InconsistentAssumptions, found by the oracle fuzzer)
        negated = -right if right.is_Number else sympy.Mul(sympy.Integer(-1), right, evaluate=False)
        return sympy.Add(left, negated, evaluate=False)

    def mul(self, children: list[Any]) -> Any:
        left, tok, right = children
        left, right = self.arith(tok, left, right)
        if left.is_Number and right.is_Number:
            return self.exact(left * right, tok)
        return sympy.Mul(left, right, evaluate=False)

    def div(self, children: list[Any]) -> Any:
        left, tok, right = children
        left, right = self.arith(tok, left, right)
        if constant(right) == 0:  # 0, or 0 persen
            raise self.fail(tok, "division by zero: the denominator is the number 0")
        if right.is_Number and left.is_Number:
            return self.exact(left / right, tok)
        return sympy.Mul(left, sympy.Pow(right, -1, evaluate=False), evaluate=False)

    def pow(self, children: list[Any]) -> Any:
        base, tok, exponent = children
        base, exponent = self.arith(tok, base, exponent)
        fixed = constant(exponent)
        if fixed is not None:
            if abs(fixed) > MAX_EXPONENT:
                raise self.fail(tok, f"the exponent is larger than {MAX_EXPONENT}", LimitError)
            if base.is_Number and exponent.is_Integer:
                # a lower bound of the result's size, so the power is never computed
                # far past the limit that exact() then checks
                bits = max(abs(base.p), base.q).bit_length() - 1
                if abs(int(exponent)) * bits > _MAX_BITS:
                    raise self.fail(tok, "the power is too large to compute", LimitError)
                if base == 0 and exponent < 0:
                    raise self.fail(tok, "division by zero: 0 to a negative power")
                return self.exact(base**exponent, tok)
        return sympy.Pow(base, exponent, evaluate=False)
