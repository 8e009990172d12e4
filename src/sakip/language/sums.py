"""The rules of Σ: the total of one name (ΣX) and a bounded sum over an index
(Σ_{i=1}^{n} E_i), its size checked before anything is computed."""

from __future__ import annotations

from typing import Any

import sympy

from ..errors import LimitError
from .limits import MAX_SUM_TERMS
from .rules import RuleBase, constant_range, sum_terms

__all__ = ["SumRules"]


class SumRules(RuleBase):
    def total(self, children: list[Any]) -> Any:
        sigma, value = children
        value = self.number_value(value, sigma)
        for key, slot in self.symbols.slots.items():
            if slot["symbol"] == value and slot["kind"] == "value":
                return self.symbols.slot("total", key[1])
        raise self.fail(
            sigma, "Σ without bounds is the total of one name; write Σ_{i=a}^{n} for a sum of terms"
        )

    def bounded_sum(self, children: list[Any]) -> Any:
        tok, lower, _, upper, _, term = children
        term = self.number_value(term, tok)
        lower, upper = self.number_value(lower, tok), self.number_value(upper, tok)
        index_name = str(tok)
        if lower.is_Number and upper.is_Number and not (lower.is_Integer and upper.is_Integer):
            raise self.fail(tok, "the bounds of Σ must be whole numbers")
        index = self.symbols.index_symbols.get(index_name)
        if index is None:
            raise self.fail(
                tok,
                f"the sum over '{index_name}' has no term indexed by {index_name}"
                f" (write E_{index_name})",
            )
        total = sympy.Sum(term, (index, lower, upper))
        if sum_terms(total, constant_range) > MAX_SUM_TERMS:
            raise self.fail(
                tok, f"Σ over more than {MAX_SUM_TERMS} terms (nested sums multiply)", LimitError
            )
        return total
