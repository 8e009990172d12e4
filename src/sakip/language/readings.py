"""The readers of rules written in prose that the parser asks before a formula: each
returns its reading in sakip's own language, or None (criterion.py, case_rules.py,
conversion_rule.py).

Each exits on a cheap test of the text first, so ordinary formulas pay a few
substring and regex matches.
"""

from __future__ import annotations

from typing import NamedTuple

from .case_rules import read_case_rules
from .conversion_rule import read_conversion_rule
from .criterion import read_criterion

__all__ = ["Reading", "read_rules"]


class Reading(NamedTuple):
    """Formula text in sakip's language (decimal commas), notes on how the prose was
    read, and what its rules do not cover (quoted when no rule applies)."""

    formula_text: str
    notes: tuple[str, ...]
    uncovered: tuple[str, ...] = ()


def read_rules(text: str, decimal_point: bool = False) -> Reading | None:
    """A per-unit criterion, a conversion table with case rules, or a conversion rule
    in words; else None."""
    criterion = read_criterion(text, decimal_point)
    if criterion is not None:
        return Reading(criterion.formula_text, criterion.notes)
    rules = read_case_rules(text, decimal_point)
    if rules is not None:
        return Reading(rules.formula_text, rules.notes, rules.uncovered)
    conversion = read_conversion_rule(text, decimal_point)
    if conversion is not None:
        return Reading(conversion.formula_text, conversion.notes)
    return None
