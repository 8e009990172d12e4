"""What the drafter tests share: a drafted formula's value with its variables given in
the order the RUMUS prints them."""

from __future__ import annotations

from fractions import Fraction

import sakip
from sakip.catalog import Indicator


def value_in_print_order(indicator: Indicator, *values: int) -> Fraction:
    """The formula's value (in percent for a % row), the variables in printed order."""
    formula = indicator.formula
    assert formula is not None
    result = sakip.evaluate(formula, dict(zip(formula.variables, values, strict=True)))
    return Fraction(result.magnitude).limit_denominator(10_000)
