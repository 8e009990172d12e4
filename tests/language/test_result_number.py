"""A Result behaves like the number it is (issue 11 item 2): format specs, float, int,
round, numpy, comparisons and arithmetic in its own unit; pandas Series as values."""

from __future__ import annotations

import math
import pickle
from fractions import Fraction

import numpy as np
import pandas as pd
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.language import Result

Q = sakip.ureg.Quantity
GRADE = 'jika skor >= 80 maka "A", jika skor >= 60 maka "B" selain itu "C"'


def capaian(a: float, b: float) -> Result:
    return sakip.evaluate("A / B x 100%", {"A": a, "B": b})


def test_a_bare_number_is_a_magnitude_in_the_results_own_unit() -> None:
    r = capaian(93, 100)  # 93 / 100 x 100 % = 93 %
    assert (r == 93) is True and (r != 93) is False
    assert r > 90 and r >= 93 and r <= 93 and not r < 93
    assert 93 == r and 90 < r  # reflected: Python swaps the operands  # noqa: SIM300
    assert r == Fraction(93) and r == np.float64(93.0)
    assert (r == 0.93) is False  # 0,93 is 0,93 %, not 93 %


def test_quantities_and_results_are_converted_before_comparing() -> None:
    r = capaian(93, 100)
    assert r == Q(0.93, "dimensionless")  # 0,93 as a ratio is 93 %
    assert r == Q(930, "per_mille")  # 930 ‰ = 0,93 = 93 %
    assert r > Q(0.9, "dimensionless") and r < Q(95, "percent")
    assert r == sakip.evaluate("A / B", {"A": 93, "B": 100})  # a plain 0,93
    with pytest.raises(sakip.UnitError):
        _ = r < Q(5, "meter")
    # two Results of different kinds are not the same value (no error for ==)
    assert (r == sakip.evaluate("A", {"A": Q(93, "meter")})) is False


def test_text_and_categories_never_compare_silently() -> None:
    r = capaian(93, 100)
    with pytest.raises(sakip.ValueTypeError, match="not compared with text"):
        _ = r == "93"
    opini = sakip.evaluate(GRADE, {"skor": 70})
    assert opini == "B" and opini != "A"
    with pytest.raises(sakip.ValueTypeError, match="not a number"):
        _ = opini == 1
    with pytest.raises(sakip.ValueTypeError, match="no order"):
        _ = opini < "WTP"
    with pytest.raises(sakip.ValueTypeError, match="category"):
        float(opini)
    with pytest.raises(sakip.ValueTypeError, match="category"):
        _ = opini + 1


def test_arithmetic_follows_the_unit() -> None:
    r = capaian(93, 100)
    assert (r + 1).magnitude == 94 and str(r + 1) == "94,00 %"  # 93 % + 1 % = 94 %
    assert (1 + r).magnitude == 94 and (100 - r).magnitude == 7  # 100 % - 93 % = 7 %
    assert str(r * 2) == "186,00 %" and str(2 * r) == "186,00 %"
    assert str(r / 3) == "31,00 %"  # 93 / 3 = 31
    assert (r / r).units == sakip.ureg.dimensionless and (r / r).magnitude == 1
    assert str(-r) == "-93,00 %" and str(abs(-r)) == "93,00 %" and str(+r) == "93,00 %"
    half = r + Q(0.5, "dimensionless")  # 0,5 is 50 %: 93 % + 50 % = 143 %
    assert half.magnitude == pytest.approx(143) and half.units == sakip.ureg.percent
    people = sakip.evaluate("A", {"A": Q(10, "orang")})
    per_person = sakip.evaluate("A", {"A": Q(50, "rupiah")}) / people  # 50 Rp / 10 orang
    assert per_person.magnitude == 5 and str(per_person.units) == "rupiah / orang"
    assert (r**2).magnitude == 8649 and r**2 == Q(8649, "percent**2")  # 93² = 8.649
    assert (r + 1).name is None  # arithmetic makes a new, unnamed value
    with pytest.raises(sakip.UnitError):
        _ = r + Q(1, "meter")


def test_arithmetic_never_gives_an_infinity() -> None:
    r = capaian(93, 100)
    with pytest.raises(sakip.ZeroDenominatorError):
        _ = r / 0
    with pytest.raises(sakip.ZeroDenominatorError):
        _ = r / (r - 93)
    rows = capaian(np.array([1.0, 2.0]), 4)
    with pytest.raises(sakip.ZeroDenominatorError):
        _ = rows / np.array([1.0, 0.0])
    with pytest.raises(sakip.EvaluationError, match="too large"):
        _ = sakip.evaluate("A", {"A": 1e300}) * 1e300
    # a whole-number magnitude (a categorical percent) is powered as a float, at once
    with pytest.raises(sakip.EvaluationError, match="too large"):
        _ = Result(100, sakip.ureg.percent) ** 10**9
    with pytest.raises(sakip.ValueTypeError, match="at most 400"):
        round(r, 10**9)
    with pytest.raises(sakip.ValueTypeError, match="at most 400"):
        f"{r:.1000000f}"


def test_float_int_round_and_numpy() -> None:
    r = capaian(2, 3)  # 2/3 x 100 = 66,666...
    assert float(r) == pytest.approx(66.6666666667)
    assert int(r) == 66  # truncated, as int(66.67)
    assert round(r) == 67 and isinstance(round(r), int)
    assert round(r, 1) == pytest.approx(66.7) and isinstance(round(r, 1), Result)
    assert np.asarray(r).dtype == np.float64 and np.asarray(r).shape == ()
    assert np.asarray(r, dtype=np.float32).dtype == np.float32
    assert math.isclose(np.sqrt(np.asarray(r)), 8.164965809)  # √66,67 by hand ≈ 8,1650
    # numpy numbers and arrays on the left keep the unit: 2 x 66,67 % = 133,33 %
    assert str(np.float64(2) * r) == "133,33 %" and str(np.array([1.0, 2.0]) * r) == "66,67, 133,33"
    assert (np.array([1.0, 2.0]) * r).units == sakip.ureg.percent
    rows = capaian(np.array([1.0, 3.0]), 4)  # 25 %, 75 %
    assert np.asarray(rows).tolist() == [25.0, 75.0]
    assert (rows > 50).tolist() == [False, True] and (rows == 25).tolist() == [True, False]
    assert str(round(rows + 0.5)) == "26,00, 76,00"  # 25,5 and 75,5 round half up
    with pytest.raises(sakip.ValueTypeError, match="no single float"):
        float(rows)


def test_round_is_half_up_like_the_report() -> None:
    # 2.675 as a float is 2.67499999999999982236431605997495353221893310546875;
    # the report rule rounds the decimal the user sees, 2,675, half up
    r = sakip.evaluate("A", {"A": 2.675})
    assert round(r, 2).magnitude == 2.68 and r.format(2) == "2,68" and f"{r:.2f}" == "2.68"
    assert round(sakip.evaluate("A", {"A": 2.5})) == 3  # Python's round(2.5) is 2
    assert round(sakip.evaluate("A", {"A": -2.5})) == -3  # away from zero, as Excel


def test_format_specs() -> None:
    r = capaian(1234567, 1000)  # 1.234.567 / 1.000 x 100 = 123.456,7 %
    assert f"{r}" == str(r) == "123.456,70 %"
    assert f"{r:.1f}" == "123456.7" and f"{r:,.2f}" == "123,456.70"
    assert f"{r:>12.0f}" == "      123457"
    assert f"{r:.3e}" == "1.235e+05"
    assert f"{capaian(1, 8):.1%}" == "12.5%"  # 12,5 % shown as a percent
    assert f"{sakip.evaluate('A', {'A': 0.125}):.0%}" == "13%"  # 12,5 half up
    with pytest.raises(sakip.ValueTypeError, match="not a fraction"):
        f"{sakip.evaluate('A', {'A': Q(3, 'meter')}):.1%}"
    with pytest.raises(sakip.ValueTypeError, match="format spec"):
        f"{r:d}"
    rows = capaian(np.array([1.0, 3.0]), 4)
    assert f"{rows:.1f}" == "25.0, 75.0"
    assert f"{sakip.evaluate(GRADE, {'skor': 50}):>4}" == "   C"


def test_english_notation_and_half_even_are_options() -> None:
    r = capaian(1234567, 1000)
    assert r.format(1, decimal_point=True) == "123,456.7 %"
    assert sakip.evaluate("A", {"A": 0.125}).format(2, rounding="half_even") == "0,12"
    with pytest.raises(sakip.ValueTypeError, match="rounding"):
        r.format(2, rounding="up")


def test_pickled_results_keep_comparing() -> None:
    r = capaian(93, 100)
    again = pickle.loads(pickle.dumps(r))
    assert again == r and again == 93


@given(st.integers(-(10**6), 10**6), st.integers(1, 10**4), st.integers(-1000, 1000))
def test_comparison_and_sum_agree_with_the_magnitude(a: int, b: int, n: int) -> None:
    # the oracle: the plain float the result holds, compared and added in Python
    r = sakip.evaluate("A / B", {"A": a, "B": b})
    m = a / b
    assert (r == n) is (m == n) and (r < n) is (m < n) and (r >= n) is (m >= n)
    assert (r + n).magnitude == m + n and (r * n).magnitude == m * n


# ---------------------------------------------------------------- pandas and other registries


def test_series_values_keep_their_index() -> None:
    table = pd.DataFrame(
        {"Realisasi": [45, 80, 30], "Target": [50, 80, 0]}, index=["Betung", "Sembawa", "Rambutan"]
    )
    with pytest.warns(sakip.ZeroDenominatorWarning):
        r = sakip.evaluate("Realisasi / Target x 100%", table)  # Rambutan: 30 / 0
    assert isinstance(r.magnitude, pd.Series)
    assert list(r.magnitude.index) == ["Betung", "Sembawa", "Rambutan"]
    assert r.magnitude["Betung"] == 90 and r.magnitude["Sembawa"] == 100  # 45/50, 80/80
    assert math.isnan(r.magnitude["Rambutan"])
    assert repr(r) == "Result(Series of 3 %)" and str(r) == "90,00, 100,00, NaN"
    # the same with the columns one by one, and back into the table
    r = sakip.evaluate("A / B x 100%", {"A": table.Realisasi[:2], "B": table.Target[:2]})
    table2 = table[:2].assign(capaian=r.magnitude)
    assert table2.capaian.tolist() == [90.0, 100.0]
    # comparisons and arithmetic keep the index too
    assert (r > 95).tolist() == [False, True] and list((r + 1).magnitude.index) == [
        "Betung",
        "Sembawa",
    ]


def test_series_with_other_indexes_are_refused() -> None:
    a = pd.Series([1.0, 2.0], index=[0, 1])
    b = pd.Series([1.0, 2.0], index=[1, 0])  # aligned by label would swap the rows
    with pytest.raises(sakip.ValueTypeError, match="another index"):
        sakip.evaluate("A / B", {"A": a, "B": b})
    # a Series the formula does not read is not compared (a table with more columns)
    values = {"A": a, "A tahun n-1": a / 2, "Z": b}  # A - A/2 = [0,5; 1]
    assert sakip.evaluate("A - A tahun n-1", values).magnitude.tolist() == [0.5, 1.0]
    with pytest.raises(sakip.ValueTypeError, match="whole DataFrame"):
        sakip.evaluate("A / B", {"A": pd.DataFrame({"x": [1]}), "B": 1})


def test_series_of_every_kind() -> None:
    nullable = pd.Series([1, None, 3], dtype="Int64")  # pd.NA is a missing row
    with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
        r = sakip.evaluate("A x 2", {"A": nullable})
    assert r.magnitude.iloc[0] == 2 and math.isnan(r.magnitude.iloc[1]) and r.magnitude.iloc[2] == 6
    opini = pd.Series(["WTP", "WDP"], index=[2020, 2021])
    r = sakip.evaluate("jika Opini = WTP maka 100% selain itu 0%", {"Opini": opini})
    assert r.magnitude.to_dict() == {2020: 100.0, 2021: 0.0}
    # ΣX over a Series of the units' values is their total: 10 + 5 = 15
    assert sakip.evaluate("ΣX", {"X": pd.Series([10, 5])}).magnitude == 15


def test_a_quantity_of_the_users_registry_is_converted() -> None:
    mine = pint.UnitRegistry()
    r = sakip.evaluate("A / B x 100%", {"A": mine.Quantity(3, "km"), "B": mine.Quantity(4000, "m")})
    assert r.magnitude == pytest.approx(75)  # 3.000 m / 4.000 m = 75 %
    assert capaian(93, 100) == mine.Quantity(0.93, "dimensionless")
    assert (capaian(93, 100) + mine.Quantity(7, "percent")).magnitude == 100  # 93 % + 7 %
    # a Result is a value too: its number and its unit
    assert sakip.evaluate("A x 2", {"A": capaian(93, 100)}).format() == "186,00 %"
