"""Parse tree -> sympy objects, with evaluate=False so the formula stays as written.

``B / B`` stays a division that can fail on zero instead of becoming 1; constants are
folded exactly (``1/14`` is a Rational); every variable becomes an internal symbol
(``x0``, ``x1``, ...) and the Formula keeps the names as written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import sympy
from lark import Token, Transformer, Tree
from lark.exceptions import VisitError

from ..errors import FormulaSyntaxError, LimitError
from ..numbers import NumberTextError, NumberTooLongError, parse_number
from .formula import PERCENT, Formula, Slot, normalize_name, slugify
from .limits import MAX_DIGITS, MAX_EXPONENT, MAX_SUM_TERMS

__all__ = ["Builder", "fail_at", "position", "sum_terms"]

# MAX_DIGITS in bits, so sizes are checked without printing huge integers.
_MAX_BITS = int(MAX_DIGITS * 3.33)

_INDEXED = re.compile(r"(?P<base>[^_]+)_(?P<index>\{[^{}]*\}|[^\^]+)(?:\^(?P<sup>\{[^{}]*\}|.+))?")
_SIGMA = re.compile(r"[Σ∑]_(?P<lower>\{[^{}]*\}|[^\^]+)\^(?P<upper>\{[^{}]*\}|.+)")
# Category codes written bare, as in the seed's "n=WTP": capitals and digits.
_CATEGORY_CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_COMPARE = {
    "<": sympy.Lt,
    "<=": sympy.Le,
    "≤": sympy.Le,
    ">": sympy.Gt,
    ">=": sympy.Ge,
    "≥": sympy.Ge,
    "=": sympy.Eq,
    "≠": sympy.Ne,
    "#": sympy.Ne,
    "!=": sympy.Ne,
    "<>": sympy.Ne,
}


def sum_terms(expr: Any, range_of: Callable[[Any], int | None]) -> int:
    """The terms the Σ in ``expr`` compute: a nested Σ once per term of the one around it.

    ``range_of`` gives a Σ's number of terms, or None where it is not known yet.
    """
    if isinstance(expr, sympy.Sum):
        count = range_of(expr)
        inner = sum_terms(expr.function, range_of)
        return 0 if count is None else count * max(inner, 1)
    return sum(sum_terms(arg, range_of) for arg in expr.args if arg.has(sympy.Sum))


def _constant(expr: Any) -> Any:
    """The exact value of an expression without variables (``0 persen`` is 0), else None.

    Rebuilding with xreplace evaluates the arithmetic of numbers; sympy's assumption
    queries (``is_zero``) are avoided: on unevaluated trees they can raise
    InconsistentAssumptions, depending on hash order.
    """
    if expr.free_symbols - {PERCENT}:
        return None
    value = expr.xreplace({PERCENT: sympy.Rational(1, 100)})
    return value if value.is_Number else None


def _constant_range(expr: Any) -> int | None:
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


class _Category:
    """A category literal ("WTP"): usable in comparisons and as a branch result only."""

    def __init__(self, code: int, text: str, pos: int) -> None:
        self.code = code
        self.text = text
        self.pos = pos


class _Date:
    """A date literal: a number of days in arithmetic, and a sign in a comparison that
    the other side must be given as a date."""

    def __init__(self, expr: Any) -> None:
        self.expr = expr


class Builder(Transformer[Token, Any]):
    def __init__(
        self, text: str, decimal_point: bool, parse_bound: Callable[[str], Tree[Any]]
    ) -> None:
        super().__init__()
        self.text = text
        self.decimal_point = decimal_point
        self.parse_bound = parse_bound  # parses the bounds of Σ with the same grammar
        self.var_keys: dict[str, int] = {}
        self.var_names: list[str] = []
        self.var_first: list[int] = []
        self.slots: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.categories: dict[str, int] = {}
        self.category_text: dict[int, str] = {}
        self.index_symbols: dict[str, Any] = {}
        self.result_name: str | None = None
        self.stated: tuple[Any, ...] = ()
        self.result_is_category = False
        self.has_default = True
        self.uses_dates = False
        self.pos_base = 0  # start of the Σ token while its bounds are parsed

    # -- helpers -------------------------------------------------------------
    def fail(
        self, tok: Token | int, message: str, cls: type[FormulaSyntaxError] = FormulaSyntaxError
    ) -> FormulaSyntaxError:
        pos = tok if isinstance(tok, int) else (tok.start_pos or 0)
        return fail_at(self.text, pos, message, cls)

    def variable(self, name: str, pos: int) -> int:
        key = normalize_name(name)
        pos += self.pos_base
        index = self.var_keys.get(key)
        if index is None:
            index = self.var_keys[key] = len(self.var_names)
            self.var_names.append(" ".join(name.split()))
            self.var_first.append(pos)
        else:
            self.var_first[index] = min(self.var_first[index], pos)
        return index

    def slot(self, kind: str, variable: int | None, **extra: Any) -> Any:
        key = (kind, variable, *sorted(extra.items()))
        found = self.slots.get(key)
        if found is None:
            number = len(self.slots)
            symbol = (
                sympy.IndexedBase(f"x{number}")
                if kind == "indexed"
                else sympy.Symbol(f"x{number}", real=True)
            )
            found = self.slots[key] = {
                "symbol": symbol,
                "kind": kind,
                "variable": variable,
                **extra,
            }
        return found["symbol"]

    def category_code(self, text: str) -> int:
        key = text.casefold()
        code = self.categories.get(key)
        if code is None:
            code = self.categories[key] = len(self.categories) + 1
            self.category_text[code] = text
        return code

    def number_value(self, value: Any, tok: Token | int) -> Any:
        if isinstance(value, _Category):
            raise self.fail(value.pos, f'the category "{value.text}" cannot be used in arithmetic')
        return value.expr if isinstance(value, _Date) else value

    def arith(self, tok: Token, *values: Any) -> list[Any]:
        return [self.number_value(v, tok) for v in values]

    # -- atoms -----------------------------------------------------------------
    def number(self, children: list[Token]) -> Any:
        (tok,) = children
        try:
            value = parse_number(str(tok), decimal_point=self.decimal_point)
        except NumberTextError as exc:
            cls = LimitError if isinstance(exc, NumberTooLongError) else FormulaSyntaxError
            raise self.fail(tok, str(exc), cls) from None
        return self.exact(sympy.Rational(value.numerator, value.denominator), tok)

    def exact(self, value: Any, tok: Token | int) -> Any:
        """A constant sakip keeps exactly, if it is of a size a formula can mean."""
        if not value.is_Rational:
            return value
        if max(abs(value.p), value.q).bit_length() > _MAX_BITS:
            raise self.fail(
                tok, f"a number with more than {MAX_DIGITS} digits is too large", LimitError
            )
        try:
            as_float = float(Fraction(int(value.p), int(value.q)))
        except OverflowError:
            as_float = math.inf
        if value != 0 and (as_float == 0 or math.isinf(as_float)):
            # computed as a float it would be 0 or infinity: 10^-350 x A silently 0
            raise self.fail(
                tok, "a number beyond the range of a float (1e-308 to 1e308)", LimitError
            )
        return value

    def name(self, children: list[Token]) -> Any:
        (tok,) = children
        return self.slot("value", self.variable(str(tok), tok.start_pos or 0))

    def shifted_name(self, children: list[Token]) -> Any:
        name_tok, period = children
        variable = self.variable(str(name_tok), name_tok.start_pos or 0)
        offset = int(str(period))
        if offset == 0:
            return self.slot("value", variable)
        written = self.text[name_tok.start_pos : period.end_pos]
        return self.slot("shift", variable, offset=offset, written=" ".join(written.split()))

    def indexed(self, children: list[Token]) -> Any:
        (tok,) = children
        match = _INDEXED.fullmatch(str(tok))
        if not match:
            raise self.fail(tok, f"cannot read the indexed name '{tok}'")
        sup = (match.group("sup") or "t").strip("{}").strip()
        if sup != "t":
            raise self.fail(
                tok, f"only '^t' (the evaluated period) may follow an index, not '^{sup}'"
            )
        base = self.slot("indexed", self.variable(match.group("base"), tok.start_pos or 0))
        index_text = match.group("index").strip("{}").strip()
        if index_text.isdigit():
            return base[sympy.Integer(int(index_text))]
        if index_text not in self.index_symbols:
            self.index_symbols[index_text] = sympy.Symbol(
                f"j{len(self.index_symbols)}", integer=True
            )
        return base[self.index_symbols[index_text]]

    def category(self, children: list[Token]) -> _Category:
        (tok,) = children
        text = str(tok)[1:-1].strip()
        return _Category(self.category_code(text), text, tok.start_pos or 0)

    def date(self, children: list[Token]) -> Any:
        (tok,) = children
        self.uses_dates = True
        day, month, year = str(tok).split("/")
        if year.startswith("n"):
            offset = int(year[1:])
            try:
                dt.date(2000 + (offset % 4), int(month), int(day))  # leap year allows 29 Feb
            except ValueError:
                raise self.fail(tok, f"no such date: '{tok}'") from None
            written = " ".join(self.text[tok.start_pos : tok.end_pos].split())
            return _Date(
                self.slot(
                    "date", None, day=int(day), month=int(month), offset=offset, written=written
                )
            )
        try:
            return _Date(sympy.Integer(dt.date(int(year), int(month), int(day)).toordinal()))
        except ValueError:
            raise self.fail(
                tok, f"no such date: '{self.text[tok.start_pos : tok.end_pos]}'"
            ) from None

    def total(self, children: list[Any]) -> Any:
        sigma, value = children
        value = self.number_value(value, sigma)
        for key, slot in self.slots.items():
            if slot["symbol"] == value and slot["kind"] == "value":
                return self.slot("total", key[1])
        raise self.fail(
            sigma, "Σ without bounds is the total of one name; write Σ_{i=a}^{n} for a sum of terms"
        )

    def call(self, children: list[Any]) -> Any:
        func, *args = children
        args = self.arith(func, *args)
        kind = str(func)
        if kind == "sqrt":
            if len(args) != 1:
                raise self.fail(func, f"akar takes one argument, got {len(args)}")
            return sympy.Pow(args[0], sympy.Rational(1, 2), evaluate=False)
        if kind == "mean":
            return sympy.Mul(
                sympy.Rational(1, len(args)), sympy.Add(*args, evaluate=False), evaluate=False
            )
        if len(args) < 2:
            raise self.fail(func, f"{func.value} takes at least two arguments")
        return (sympy.Min if kind == "min" else sympy.Max)(*args, evaluate=False)

    # -- operators -------------------------------------------------------------
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
        if isinstance(left, _Date) or isinstance(right, _Date):
            for side in (left, right):
                slot = self.value_slot(side)
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
        if _constant(right) == 0:  # 0, or 0 persen
            raise self.fail(tok, "division by zero: the denominator is the number 0")
        if right.is_Number and left.is_Number:
            return self.exact(left / right, tok)
        return sympy.Mul(left, sympy.Pow(right, -1, evaluate=False), evaluate=False)

    def pow(self, children: list[Any]) -> Any:
        base, tok, exponent = children
        base, exponent = self.arith(tok, base, exponent)
        constant = _constant(exponent)
        if constant is not None:
            if abs(constant) > MAX_EXPONENT:
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

    def bounded_sum(self, children: list[Any]) -> Any:
        tok, term = children
        term = self.number_value(term, tok)
        match = _SIGMA.fullmatch(str(tok))
        lower_text = match.group("lower").strip("{}") if match else ""
        index_name, eq, lower_expr = lower_text.partition("=")
        if not (match and eq and index_name.strip()):
            raise self.fail(tok, "write a bounded sum as Σ_{i=a}^{n} term")
        index_name = index_name.strip()
        lower = self.sub_expression(lower_expr, tok)
        upper = self.sub_expression(match.group("upper").strip("{}"), tok)
        if lower.is_Number and upper.is_Number and not (lower.is_Integer and upper.is_Integer):
            raise self.fail(tok, "the bounds of Σ must be whole numbers")
        index = self.index_symbols.get(index_name)
        if index is None:
            raise self.fail(
                tok,
                f"the sum over '{index_name}' has no term indexed by {index_name}"
                f" (write E_{index_name})",
            )
        total = sympy.Sum(term, (index, lower, upper))
        if sum_terms(total, _constant_range) > MAX_SUM_TERMS:
            raise self.fail(
                tok, f"Σ over more than {MAX_SUM_TERMS} terms (nested sums multiply)", LimitError
            )
        return total

    def sub_expression(self, text: str, tok: Token) -> Any:
        try:
            tree = self.parse_bound(text)
        except FormulaSyntaxError as exc:
            raise self.fail(tok, f"cannot read the bound '{text}' of Σ: {exc.reason}") from None
        self.pos_base = tok.start_pos or 0
        try:
            value = self.transform(tree)
        except VisitError as exc:
            raise exc.orig_exc from None
        finally:
            self.pos_base = 0
        return self.number_value(value, tok)

    # -- conditions ------------------------------------------------------------
    def comparison(self, children: list[Any]) -> Any:
        left, tok, right = children
        relation = _COMPARE[str(tok)]
        if isinstance(left, _Date) or isinstance(right, _Date):
            # what is compared with a date must be given as a date, not as a number
            for side in (left, right):
                slot = self.value_slot(side)
                if slot is not None:
                    slot["date_typed"] = True
            left, right = self.number_value(left, tok), self.number_value(right, tok)
        if relation in (sympy.Eq, sympy.Ne):
            left, right = self.categorical_operands(left, right, tok)
        else:
            left, right = self.arith(tok, left, right)
        return relation(left, right, evaluate=False)

    def categorical_operands(self, left: Any, right: Any, tok: Token) -> tuple[Any, Any]:
        is_cat = isinstance(left, _Category) or isinstance(right, _Category)
        left_slot = self.value_slot(left)
        right_slot = self.value_slot(right)
        looks_like_code = right_slot is not None and _CATEGORY_CODE.fullmatch(
            self.var_names[right_slot["variable"]]
        )
        if right_slot is not None and left_slot is not None and looks_like_code:
            # The seed's bare "n = WTP": a right-hand code word is a category when unbound.
            name = self.var_names[right_slot["variable"]]
            right_slot["fallback_code"] = self.category_code(name)
            is_cat = True
        if is_cat:
            for slot in (left_slot, right_slot):
                if slot is not None:
                    slot["categorical"] = True
        return self.as_code(left), self.as_code(right)

    def value_slot(self, value: Any) -> dict[str, Any] | None:
        for slot in self.slots.values():
            if slot["symbol"] == value and slot["kind"] in ("value", "shift"):
                return slot
        return None

    @staticmethod
    def as_code(value: Any) -> Any:
        return sympy.Integer(value.code) if isinstance(value, _Category) else value

    def and_(self, children: list[Any]) -> Any:
        return sympy.And(children[0], children[2])

    def or_(self, children: list[Any]) -> Any:
        return sympy.Or(children[0], children[2])

    def branch(self, children: list[Any]) -> Any:
        value = children[-1]
        if len(children) == 3 and self.result_name is None:
            self.result_name = " ".join(str(children[0]).split())
        return value.expr if isinstance(value, _Date) else value

    def clause(self, children: list[Any]) -> tuple[Any, Any]:
        _, condition, _, value = children
        return value, condition

    def otherwise(self, children: list[Any]) -> tuple[Any, Any]:
        return children[1], sympy.true

    def conditional(self, children: list[tuple[Any, Any]]) -> Any:
        values = [value for value, _ in children]
        categories = [isinstance(v, _Category) for v in values]
        if any(categories) and not all(categories):
            raise self.fail(0, "the branches mix categories and numbers")
        self.result_is_category = all(categories)
        pairs = [(self.as_code(v), c) for v, c in children]
        if children[-1][1] is not sympy.true:
            self.has_default = False
            pairs.append((sympy.nan, sympy.true))
        return sympy.Piecewise(*pairs, evaluate=False)

    def definition(self, children: list[Any]) -> Any:
        name, _, body, *rest = children
        body = body.expr if isinstance(body, _Date) else body
        self.result_name = " ".join(str(name).split())
        stated = []
        for value in rest[1::2]:
            value = self.number_value(value, name)
            if value.free_symbols:
                raise self.fail(name, "after the formula, a chained '=' may only give a number")
            stated.append(value)
        self.stated = tuple(stated)
        return body

    def start(self, children: list[Any]) -> Any:
        (value,) = children
        if isinstance(value, _Category):
            raise self.fail(value.pos, "a formula cannot be only a category")
        return value.expr if isinstance(value, _Date) else value

    def bound(self, children: list[Any]) -> Any:
        value = children[0]
        return value.expr if isinstance(value, _Date) else value

    # -- the result ------------------------------------------------------------
    def finish(self, expr: Any, glossary: list[tuple[str, str]], traps: list[str]) -> Formula:
        free_indices = [
            s for s in self.index_symbols.values() if expr.has(s) and s in expr.free_symbols
        ]
        if free_indices:
            name = next(k for k, v in self.index_symbols.items() if v == free_indices[0])
            raise self.fail(0, f"the index '{name}' is used outside a Σ_{{{name}=...}}^{{...}}")
        used = [s for s in self.slots.values() if expr.has(s["symbol"])]
        variables = sorted(
            {s["variable"] for s in used if s["variable"] is not None},
            key=lambda v: self.var_first[v],
        )
        renumber = {old: new for new, old in enumerate(variables)}
        names = tuple(self.var_names[v] for v in variables)
        slots = tuple(
            Slot(
                **{
                    **s,
                    "variable": renumber.get(s["variable"]) if s["variable"] is not None else None,
                }
            )
            for s in used
        )
        aliases: dict[str, int] = {}
        for index, name in enumerate(names):
            aliases.setdefault(normalize_name(name), index)
            aliases.setdefault(slugify(name), index)
        for symbol, description in glossary:
            key = normalize_name(symbol)
            if key not in aliases:
                key = normalize_name(_glossary_symbol(symbol))
            if key in aliases and description:
                target = aliases[key]
                aliases.setdefault(normalize_name(description), target)
                aliases.setdefault(slugify(description), target)
        slot_keys = {normalize_name(s.written): k for k, s in enumerate(slots) if s.kind == "shift"}
        return Formula(
            text=self.text,
            expr=expr,
            variables=names,
            name=self.result_name,
            glossary=tuple(glossary),
            slots=slots,
            categories=dict(self.categories),
            category_names=dict(self.category_text),
            aliases=aliases,
            slot_keys=slot_keys,
            ambiguities=tuple(traps),
            stated=self.stated,
            result_is_category=self.result_is_category,
            has_default=self.has_default,
            uses_dates=self.uses_dates,
        )


def _glossary_symbol(symbol: str) -> str:
    symbol = symbol.strip().lstrip("Σ∑").strip()
    match = _INDEXED.fullmatch(symbol)
    return match.group("base") if match else symbol
