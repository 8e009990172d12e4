"""The rules of conditions: comparisons, categories, ``dan``/``atau``, ``jika`` clauses
and ``NAME = ...`` definitions."""

from __future__ import annotations

import re
from typing import Any

import sympy
from lark import Token

from .rules import Category, Date, RuleBase
from .words import QUANTITY_WORDS

__all__ = ["ConditionRules"]

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


class ConditionRules(RuleBase):
    def comparison(self, children: list[Any]) -> Any:
        left, tok, right = children
        relation = _COMPARE[str(tok)]
        if isinstance(left, Date) or isinstance(right, Date):
            # what is compared with a date must be given as a date, not as a number
            for side in (left, right):
                slot = self.symbols.value_slot(side)
                if slot is not None:
                    slot["date_typed"] = True
            left, right = self.number_value(left, tok), self.number_value(right, tok)
        if relation in (sympy.Eq, sympy.Ne):
            left, right = self.categorical_operands(left, right, tok)
        else:
            left, right = self.arith(tok, left, right)
        return relation(left, right, evaluate=False)

    def categorical_operands(self, left: Any, right: Any, tok: Token) -> tuple[Any, Any]:
        is_cat = isinstance(left, Category) or isinstance(right, Category)
        left_slot = self.symbols.value_slot(left)
        right_slot = self.symbols.value_slot(right)
        looks_like_code = right_slot is not None and _CATEGORY_CODE.fullmatch(
            self.symbols.var_names[right_slot["variable"]]
        )
        if right_slot is not None and left_slot is not None and looks_like_code:
            # The seed's bare "n = WTP": a right-hand code word is a category when unbound.
            name = self.symbols.var_names[right_slot["variable"]]
            right_slot["fallback_code"] = self.symbols.category_code(name)
            is_cat = True
        if is_cat:
            for slot in (left_slot, right_slot):
                if slot is not None:
                    slot["categorical"] = True
        return self.as_code(left), self.as_code(right)

    @staticmethod
    def as_code(value: Any) -> Any:
        return sympy.Integer(value.code) if isinstance(value, Category) else value

    def and_(self, children: list[Any]) -> Any:
        return sympy.And(children[0], children[2])

    def or_(self, children: list[Any]) -> Any:
        return sympy.Or(children[0], children[2])

    def branch(self, children: list[Any]) -> Any:
        value = children[-1]
        if len(children) == 3 and self.result_name is None:
            self.result_name = " ".join(str(children[0]).split())
        return value.expr if isinstance(value, Date) else value

    def clause(self, children: list[Any]) -> tuple[Any, Any]:
        _, condition, _, value = children
        return value, condition

    def otherwise(self, children: list[Any]) -> tuple[Any, Any]:
        return children[1], sympy.true

    def conditional(self, children: list[tuple[Any, Any]]) -> Any:
        values = [value for value, _ in children]
        categories = [isinstance(v, Category) for v in values]
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
        body = body.expr if isinstance(body, Date) else body
        written = self.text[name.start_pos or 0 : name.end_pos or 0]
        first_line = written.strip().split("\n")[0].split()
        if (
            "\n" in written.strip()
            and len(first_line) > 1
            and first_line[0].casefold() in QUANTITY_WORDS
        ):
            # "jumlah kematian bayi\nAngka kematian neonatal = jumlah lahir hidup x 1000":
            # a quantity on the line above the label is a numerator whose fraction bar
            # was lost (a label that wraps, "Angka\nKematian Bayi = ...", is one name)
            raise self.fail(
                name,
                f"the name before '=' runs over two lines ('{written.strip().splitlines()[0]}'"
                " above it): a fraction whose bar was lost in copying? write the formula on"
                " one line, as A / B",
            )
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
        if isinstance(value, Category):
            raise self.fail(value.pos, "a formula cannot be only a category")
        return value.expr if isinstance(value, Date) else value

    def bound(self, children: list[Any]) -> Any:
        value = children[0]
        return value.expr if isinstance(value, Date) else value
