"""Invariants of the language, checked with hypothesis (derandomized on CI)."""

from __future__ import annotations

import contextlib
from fractions import Fraction

import sympy
from hypothesis import assume, given
from hypothesis import strategies as st
from sympy.utilities.lambdify import lambdify

import sakip
from sakip.language import PERCENT
from sakip.language.units_walk import infer_units

from .. import strategies as s


@given(s.name, s.name, s.positive, s.positive, st.floats(min_value=1e-3, max_value=1e3))
def test_scaling_numerator_and_denominator_keeps_the_ratio(
    top: str, bottom: str, a: float, b: float, k: float
) -> None:
    assume(sakip.parse(f"{top} / {bottom} x 100%").variables == (top, bottom))
    text = f"{top} / {bottom} x 100%"
    plain = sakip.evaluate(text, {top: a, bottom: b}).magnitude
    scaled = sakip.evaluate(text, {top: a * k, bottom: b * k}).magnitude
    assert abs(plain - scaled) <= 1e-9 * abs(plain)


@given(s.part_and_whole())
def test_part_of_whole_in_percent_lies_between_0_and_100(pw: tuple[float, float]) -> None:
    part, whole = pw
    r = sakip.evaluate(
        "Jumlah Bagian / Jumlah Seluruh x 100%", {"Jumlah Bagian": part, "Jumlah Seluruh": whole}
    )
    assert 0 <= r.magnitude <= 100
    assert r.units == sakip.ureg.percent


@given(s.decimal_number, st.integers(min_value=0, max_value=6))
def test_indonesian_number_text_round_trips(number: object, decimals: int) -> None:
    exact = Fraction(number)  # type: ignore[arg-type]
    text = sakip.format_number(exact, decimals)
    back = sakip.parse_number(text)
    assert abs(back - exact) <= Fraction(1, 2 * 10**decimals)
    # and the same text inside a formula means the same number
    if back >= 0:
        assert sakip.evaluate(f"{text} x A", {"A": 1}).magnitude == float(back)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_then_parse_float(value: float) -> None:
    text = sakip.format_number(value, 4)
    assert abs(float(sakip.parse_number(text)) - value) <= 0.5e-4 + 1e-15 * abs(value)


FORMULAS = [
    "Jumlah A / Jumlah B x 100%",
    "(A - B) / B x 100%",
    "IKLH = (0,3 x IPU) + (0,3 x IPA) + (0,4 x TH)",
    "min(A x 0,5; 25) + maks(B; 2,5)",
    "rata-rata(A; B; C) - akar(C)",
    "jika A > B maka A / B x 100% selain itu 50%",
    "IRB = 60% x A + 40% x B",
    "(A + B) ^ 2 / C",
]


@given(
    st.sampled_from(FORMULAS),
    st.floats(min_value=0.5, max_value=1e4),
    st.floats(min_value=0.5, max_value=1e4),
    st.floats(min_value=0.5, max_value=1e4),
)
def test_evaluate_equals_the_sympy_expression_substituted(
    text: str, a: float, b: float, c: float
) -> None:
    f = sakip.parse(text)
    given_values = dict(
        zip(
            ("A", "B", "C", "IPU", "IPA", "TH", "Jumlah A", "Jumlah B"),
            (a, b, c, a, b, c, a, b),
            strict=False,
        )
    )
    values = {v: given_values[v] for v in f.variables}
    result = sakip.evaluate(f, values)
    # The reference: sympy's own exact substitution (test code only; never the hot path).
    units = {slot.symbol: sakip.ureg.dimensionless for slot in f.slots}
    expr, unit = infer_units(f.expr, units)
    substitutions = {
        slot.symbol: sympy.Float(values[f.variables[slot.variable]], 30) for slot in f.slots
    }
    expected = float(expr.subs(substitutions).evalf(30))
    assert abs(result.magnitude - expected) <= 1e-9 * max(1.0, abs(expected))
    assert PERCENT not in expr.free_symbols
    assert result.units == unit


@given(st.lists(st.floats(min_value=1, max_value=1e6), min_size=1, max_size=30))
def test_array_evaluation_equals_scalar_evaluation(values: list[float]) -> None:
    import numpy as np

    text = "jika A > 500 maka A / 1.000 x 100% selain itu min(A; 20) x 1%"
    array = sakip.evaluate(text, {"A": np.array(values)}).magnitude
    scalars = [sakip.evaluate(text, {"A": v}).magnitude for v in values]
    assert np.allclose(array, scalars, rtol=1e-12)


@given(st.text(max_size=60))
def test_parse_never_raises_anything_but_sakip_errors(text: str) -> None:
    with contextlib.suppress(sakip.SakipError):
        sakip.parse(text)


def test_lambdify_reference_agrees_on_a_growth_rate() -> None:
    # A hand-checked anchor for the property above: (110 - 100) / 100 x 100% = 10%
    f = sakip.parse("(A - B) / B x 100%")
    expr, _ = infer_units(f.expr, {})
    fn = lambdify([slot.symbol for slot in f.slots], expr)
    assert fn(110, 100) == 10
