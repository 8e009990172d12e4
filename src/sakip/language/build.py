"""Parse tree -> sympy objects, with evaluate=False so the formula stays as written.

``B / B`` stays a division that can fail on zero instead of becoming 1; constants are
folded exactly (``1/14`` is a Rational); every variable becomes an internal symbol
(``x0``, ``x1``, ...) and the Formula keeps the names as written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sympy
from lark import Token, Tree

from ..errors import FormulaSyntaxError, LimitError
from ..numbers import DECIMAL_POINT_ONLY, NumberTextError, NumberTooLongError, parse_number
from .arithmetic import ArithmeticRules
from .conditions import ConditionRules
from .formula import Formula
from .functions import FUNCTIONS
from .rules import Category, Date, fail_at, position, sum_terms
from .sums import SumRules
from .symbols import INDEXED
from .words import OFFSET_PERIOD

__all__ = ["Builder", "fail_at", "position", "sum_terms"]


def _apply_rules(rules: Any, tree: Tree[Token]) -> Any:
    """Each node's rule method over its children's results, children first and left to
    right (the order that numbers the slots), tokens passed as they are: what lark's
    Transformer does, as one loop, without its generator, method lookup per token and
    exception wrapping per node (a fifth of building). A node with no rule stays a Tree."""
    top: list[Any] = []
    results: list[list[Any]] = [top, []]
    frames = [(tree, iter(tree.children))]
    while frames:
        node, pending = frames[-1]
        for child in pending:
            if isinstance(child, Tree):
                frames.append((child, iter(child.children)))
                results.append([])
                break
            results[-1].append(child)
        else:
            frames.pop()
            children = results.pop()
            rule = getattr(rules, node.data, None)
            results[-1].append(
                rule(children) if rule is not None else Tree(node.data, children, node.meta)
            )
    return top[0]


class Builder(SumRules, ConditionRules, ArithmeticRules):
    """Parse tree -> sympy, one rule per method: atoms here, operators in
    ArithmeticRules, conditions in ConditionRules, Σ in SumRules; names and slots go to
    a SymbolTable."""

    def transform(self, tree: Tree[Token]) -> Any:
        return _apply_rules(self, tree)

    # -- atoms -----------------------------------------------------------------
    def number(self, children: list[Token]) -> Any:
        (tok,) = children
        text = str(tok)
        try:
            value = parse_number(text, decimal_point=self.decimal_point)
        except NumberTextError as exc:
            if self.decimal_point or not DECIMAL_POINT_ONLY.fullmatch(text):
                cls = LimitError if isinstance(exc, NumberTooLongError) else FormulaSyntaxError
                raise self.fail(tok, str(exc), cls) from None
            # "0.9", "2.5": a dot before other than three digits groups no thousands
            value = parse_number(text, decimal_point=True)
            self.readings.append(
                f"'{text}' is read with a decimal point ({text.replace('.', ',')}): a dot"
                " before other than three digits cannot group thousands"
            )
        return self.exact(sympy.Rational(value.numerator, value.denominator), tok)

    def name(self, children: list[Token]) -> Any:
        (tok,) = children
        return self.symbols.slot("value", self.variable(str(tok), tok.start_pos or 0))

    def shifted_name(self, children: list[Token]) -> Any:
        name_tok, period = children
        variable = self.variable(str(name_tok), name_tok.start_pos or 0)
        if not OFFSET_PERIOD.fullmatch(str(period)):
            # "Produksi Tahun Dasar": Produksi in the year the value "Tahun Dasar" gives
            # (or the value itself when Produksi is not a series; see bind.py)
            words = " ".join(self.text[period.start_pos : period.end_pos].split())
            year = self.variable(words, period.start_pos or 0)
            return self.symbols.slot("base", year, series=variable, written=f"{name_tok} {words}")
        months = str(period).endswith("m")  # "bulan sebelumnya": "-1m"
        offset = int(str(period).rstrip("m"))
        if offset == 0:
            return self.symbols.slot("value", variable)
        written = " ".join(self.text[name_tok.start_pos : period.end_pos].split())
        if months:
            return self.symbols.slot(
                "shift", variable, offset=offset, written=written, step="month"
            )
        return self.symbols.slot("shift", variable, offset=offset, written=written)

    def indexed(self, children: list[Token]) -> Any:
        (tok,) = children
        match = INDEXED.fullmatch(str(tok))
        if not match:
            raise self.fail(tok, f"cannot read the indexed name '{tok}'")
        sup = (match.group("sup") or "t").strip("{}").strip()
        if sup != "t":
            raise self.fail(
                tok, f"only '^t' (the evaluated period) may follow an index, not '^{sup}'"
            )
        base = self.symbols.slot("indexed", self.variable(match.group("base"), tok.start_pos or 0))
        index_text = match.group("index").strip("{}").strip()
        if index_text.isdigit():
            return base[sympy.Integer(int(index_text))]
        if index_text not in self.symbols.index_symbols:
            self.symbols.index_symbols[index_text] = sympy.Symbol(
                f"j{len(self.symbols.index_symbols)}", integer=True
            )
        return base[self.symbols.index_symbols[index_text]]

    def category(self, children: list[Token]) -> Category:
        (tok,) = children
        text = str(tok)[1:-1].strip()
        return Category(self.symbols.category_code(text), text, tok.start_pos or 0)

    def date(self, children: list[Token]) -> Any:
        (tok,) = children
        self.uses_dates = True
        day, month, year = str(tok).split("/")
        if year.startswith("n"):
            offset = int(year[1:])
            written = " ".join(self.text[tok.start_pos : tok.end_pos].split())
            try:
                # 2000 is a leap year: 29 Februari exists in some year n; evaluation checks
                # the year it is computed for
                dt.date(2000, int(month), int(day))
            except ValueError:
                raise self.fail(tok, f"no such date: '{written}'") from None
            return Date(
                self.symbols.slot(
                    "date", None, day=int(day), month=int(month), offset=offset, written=written
                )
            )
        try:
            return Date(sympy.Integer(dt.date(int(year), int(month), int(day)).toordinal()))
        except ValueError:
            raise self.fail(
                tok, f"no such date: '{self.text[tok.start_pos : tok.end_pos]}'"
            ) from None

    def call(self, children: list[Any]) -> Any:
        func, *args = children
        args = self.arith(func, *args)
        word = str(func)
        function = FUNCTIONS[word]
        problem = function.arity_problem(word, len(args))
        if problem is not None:
            raise self.fail(func, problem)
        return function.build(args)

    # -- the result ------------------------------------------------------------

    def finish(
        self,
        expr: Any,
        glossary: list[tuple[str, str]],
        traps: list[str],
        notes: list[str] | None = None,
        aliases: list[tuple[str, str]] | None = None,
    ) -> Formula:
        free = self.symbols.free_index(expr)
        if free is not None:
            raise self.fail(0, f"the index '{free}' is used outside a Σ_{{{free}=...}}^{{...}}")
        return Formula(
            text=self.text,
            expr=expr,
            name=self.result_name,
            glossary=tuple(glossary),
            ambiguities=tuple(traps),
            notes=(*(notes or ()), *self.readings),
            stated=self.stated,
            result_is_category=self.result_is_category,
            has_default=self.has_default,
            uses_dates=self.uses_dates,
            decimal_point=self.decimal_point,
            # a name whose context the lexer left out keeps its whole form as an alias
            # (first, so that the glossary may name it by its whole form too)
            **self.symbols.tables(expr, [*(aliases or ()), *glossary]),
        )
