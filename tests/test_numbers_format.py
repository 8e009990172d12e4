"""Formatting numbers for reports (issue 11 item 7): Indonesian notation, rounded once,
half away from zero on the decimal Python prints; English notation and half-even as
options."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.numbers import HALF_EVEN, format_number, parse_number, round_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (2.675, 2, "2,68"),  # the float is 2.67499999...: the decimal shown is 2,675
        (-2.675, 2, "-2,68"),  # away from zero, as Excel's ROUND(-2,675; 2)
        (1.005, 2, "1,01"),  # the float is 1.00499999...
        (0.5, 0, "1"),
        (1.5, 0, "2"),
        (2.5, 0, "3"),  # half-even would give 2
        (1234567.891, 2, "1.234.567,89"),
        (999.995, 2, "1.000,00"),  # the carry reaches the thousands
        (-0.004, 2, "0,00"),  # no "-0,00"
        (Fraction(1, 3), 4, "0,3333"),
        (Fraction(-5, 2), 0, "-3"),
        (7, 0, "7"),
        (Decimal("12.345"), 2, "12,35"),
    ],
)
def test_half_up_indonesian(value: object, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected  # type: ignore[arg-type]


def test_options() -> None:
    assert format_number(1234.5, 2, decimal_point=True) == "1,234.50"
    assert format_number(2.5, 0, rounding=HALF_EVEN) == "2"
    assert format_number(3.5, 0, rounding=HALF_EVEN) == "4"
    assert format_number(0.125, 2, rounding="half_even") == "0,12"
    with pytest.raises(sakip.ValueTypeError, match="rounding"):
        format_number(1, 2, rounding="ceiling")
    with pytest.raises(sakip.ValueTypeError, match="decimals"):
        format_number(1, -1)
    with pytest.raises(sakip.SakipError, match="not a finite"):
        format_number(float("nan"))


@given(st.floats(-1e12, 1e12, allow_nan=False), st.integers(0, 6))
def test_rounding_agrees_with_decimal_on_the_printed_value(value: float, decimals: int) -> None:
    # the oracle: Python's decimal module, quantizing the text repr() prints
    exact = Decimal(repr(value))
    step = Decimal(1).scaleb(-decimals)
    assert round_number(value, decimals) == exact.quantize(step, rounding=ROUND_HALF_UP)
    assert round_number(value, decimals, HALF_EVEN) == exact.quantize(step, ROUND_HALF_EVEN)


@given(st.decimals(-(10**9), 10**9, places=3, allow_nan=False, allow_infinity=False))
def test_formatted_text_reads_back(value: Decimal) -> None:
    # three decimals shown with three places: reading the text gives the value back
    assert parse_number(format_number(value, 3)) == Fraction(value)
