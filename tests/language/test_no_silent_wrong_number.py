"""Regressions for values that came out silently wrong (issue 7); figures by hand."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

import sakip


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        # 41 - 1 / 2,5 = 41 - 0,4 = 40,6 (the code once read x1/(5/2) as x1/5/2 = 40,9)
        ("A - B / 2,5", {"A": 41, "B": 1}, 40.6),
        # 100 - 90 / 1,5 = 100 - 60 = 40
        ("Realisasi - Target / 1,5", {"Realisasi": 100, "Target": 90}, 40.0),
        # 10 - 1 : 0,25 = 10 - 4 = 6
        ("A - B : 0,25", {"A": 10, "B": 1}, 6.0),
        # 2 / 3^-1 = 2 x 3 = 6
        ("A / B ^ -1", {"A": 2, "B": 3}, 6.0),
        # 12 / (2 / 3) = 18
        ("A / (B / C)", {"A": 12, "B": 2, "C": 3}, 18.0),
        # -(2^2) = -4, not (-2)^2
        ("-A ^ 2", {"A": 2}, -4.0),
        # 8 / 2 / 2 = 2 (left to right)
        ("A / B / C", {"A": 8, "B": 2, "C": 2}, 2.0),
        # 3 - (1 - 1/4) = 2,25
        ("A - (B - 1/4)", {"A": 3, "B": 1}, 2.25),
    ],
)
def test_grouping_survives_code_generation(text: str, values: dict, expected: float) -> None:
    assert sakip.evaluate(text, values).magnitude == pytest.approx(expected, rel=1e-12)
    # the general path (not a plain dict) and arrays give the same
    general = sakip.evaluate(text, {k: np.float64(v) for k, v in values.items()})
    assert general.magnitude == pytest.approx(expected, rel=1e-12)
    arrays = sakip.evaluate(text, {k: np.array([v, v], dtype=float) for k, v in values.items()})
    assert arrays.magnitude.tolist() == pytest.approx([expected, expected], rel=1e-12)


def test_zero_denominator_inside_min_is_not_hidden() -> None:
    text = "min(A / B x 100%; 120%)"
    with pytest.raises(sakip.ZeroDenominatorError):
        sakip.evaluate(text, {"A": 2, "B": 0})
    with pytest.warns(sakip.ZeroDenominatorWarning, match="zero denominator"):
        r = sakip.evaluate(text, {"A": np.array([2.0, 3.0]), "B": np.array([0.0, 3.0])})
    # row 2: min(3/3 x 100 %, 120 %) = 100 %
    assert math.isnan(r.magnitude[0]) and r.magnitude[1] == 100


def test_zero_constant_denominator_is_refused_when_parsed() -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match="division by zero"):
        sakip.parse("maks(-5 dibagi 0 persen + 1; 2)")


def test_undefined_condition_gives_no_branch() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning):
        r = sakip.evaluate(
            "jika A / B > 0 maka 1 selain itu 0",
            {"A": np.array([2.0, 3.0]), "B": np.array([0.0, 3.0])},
        )
    assert math.isnan(r.magnitude[0]) and r.magnitude[1] == 1


def test_zero_in_a_branch_not_taken_is_fine() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = sakip.evaluate(
            "jika B > 0 maka A / B selain itu 0",
            {"A": np.array([2.0, 3.0]), "B": np.array([0.0, 3.0])},
        )
        # "dan" short-circuits on its false side, as Python's `and` does on scalars
        s = sakip.evaluate(
            "jika B > 0 dan A / B > 0,5 maka 1 selain itu 0",
            {"A": np.array([2.0, 3.0]), "B": np.array([0.0, 3.0])},
        )
    assert r.magnitude.tolist() == [0.0, 1.0]
    assert s.magnitude.tolist() == [0.0, 1.0]
    assert sakip.evaluate("jika B > 0 maka A / B selain itu 0", {"A": 2, "B": 0}).magnitude == 0


def test_root_of_a_negative_is_undefined_not_complex() -> None:
    with pytest.raises(sakip.EvaluationError, match="undefined"):
        sakip.evaluate("min(A ^ (1/3); 1)", {"A": -8})
    with pytest.warns(sakip.ZeroDenominatorWarning):
        r = sakip.evaluate("min(A ^ (1/3); 1)", {"A": np.array([-8.0, 8.0])})
    # row 2: min(8^(1/3), 1) = min(2, 1) = 1
    assert math.isnan(r.magnitude[0]) and r.magnitude[1] == 1
    with pytest.raises(sakip.EvaluationError):
        sakip.evaluate("-1,5 / akar(-4) + A / A", {"A": 0})


def test_overflow_cannot_vanish_behind_min_or_a_denominator() -> None:
    # 1e200 x 1e200 overflows; min(inf, 5) = 5 and 1 / inf = 0 would hide it
    with pytest.raises(sakip.EvaluationError, match="too large"):
        sakip.evaluate("min(A x B; 5)", {"A": 1e200, "B": 1e200})
    with pytest.raises(sakip.EvaluationError, match="too large"):
        sakip.evaluate("A / (B x C)", {"A": 1, "B": 1e200, "C": 1e200})
    with pytest.warns(sakip.ZeroDenominatorWarning, match="overflow"):
        r = sakip.evaluate("min(A x B; 5)", {"A": np.array([1e200, 1.0]), "B": 1e200})
    assert math.isnan(r.magnitude[0]) and r.magnitude[1] == 5


@pytest.mark.parametrize(
    "text",
    [
        "1" + "0" * 4301,  # beyond Python's int-to-text limit
        "A + " + "9" * 401,
        "1000000000^999",
        "10^300 x 10^300",
        "A x 9^9^9100%",
    ],
)
def test_numbers_too_large_are_a_limit(text: str) -> None:
    with pytest.raises(sakip.LimitError):
        sakip.parse(text)


def test_long_chains_compute_and_deep_code_is_a_limit() -> None:
    # 254 operands of 1: the longest chain the tree-depth limit allows
    assert sakip.evaluate("A" + " + A" * 253, {"A": 1}).magnitude == 254
    assert sakip.evaluate("A" + " x A" * 253, {"A": 1}).magnitude == 1
    with pytest.raises(sakip.LimitError, match="nested too deeply"):
        sakip.evaluate("A" + "^A" * 200, {"A": 1})


def test_one_operand_past_the_longest_chain_is_a_limit() -> None:
    # 255 operands: one more than the tree-depth limit allows (see above)
    with pytest.raises(sakip.LimitError, match="nested too deeply"):
        sakip.parse("A" + " + A" * 254)


def test_compiled_plans_per_formula_are_bounded() -> None:
    from sakip.language.limits import MAX_PLANS_PER_FORMULA

    f = sakip.parse("A / B")
    for k in range(1, MAX_PLANS_PER_FORMULA + 20):
        b = sakip.ureg.Quantity(2.0, f"m ** {k}")
        r = sakip.evaluate(f, {"A": sakip.ureg.Quantity(4.0, f"m ** {k}"), "B": b})
        assert r.magnitude == 2.0
    assert len(f.cache.plans) == MAX_PLANS_PER_FORMULA


def test_di_mana_inside_a_name_is_not_a_glossary() -> None:
    # 5 / 10 x 100 % = 50 %; splitting at "di mana" once gave "Jumlah desa" = 10
    r = sakip.evaluate(
        "Jumlah desa di mana tersedia air bersih / Jumlah desa x 100%",
        {"Jumlah desa di mana tersedia air bersih": 5, "Jumlah desa": 10},
    )
    assert r.magnitude == 50
    f = sakip.parse("NTP = It / Ib x 100% Dimana: It = Indeks diterima; Ib = Indeks dibayar")
    assert f.variables == ("It", "Ib")
    assert f.glossary == (("It", "Indeks diterima"), ("Ib", "Indeks dibayar"))


def test_texts_the_formula_does_not_name_are_not_equal() -> None:
    text = "jika OPINI = TARGET maka 100% selain itu 0%"
    assert sakip.evaluate(text, {"OPINI": "WDP", "TARGET": "WTP"}).magnitude == 0
    assert sakip.evaluate(text, {"OPINI": "wtp", "TARGET": " WTP"}).magnitude == 100
    r = sakip.evaluate(text, {"OPINI": np.array(["WDP", "WTP", "TMP"]), "TARGET": "WTP"})
    assert r.magnitude.tolist() == [0, 100, 0]


def test_a_missing_category_row_is_missing_not_a_branch() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
        r = sakip.evaluate(
            'jika n = "WTP" maka 100% selain itu 0%', {"n": np.array(["WTP", None], dtype=object)}
        )
    assert r.magnitude[0] == 100 and math.isnan(r.magnitude[1])


def test_two_spellings_of_one_variable_are_an_error() -> None:
    text = "Angkatan Kerja x 2"
    for values in (
        {"Angkatan Kerja": 1000, "angkatan_kerja": 500},
        {"Angkatan Kerja": 1000.0, "angkatan kerja": 500.0},
        {"Angkatan Kerja": np.float64(1000), "ANGKATAN KERJA": np.float64(1000)},
    ):
        for _ in range(2):  # the second call takes the cached fast path
            with pytest.raises(sakip.ConflictingValuesError) as info:
                sakip.evaluate(text, values)
            assert set(info.value.keys) == set(values)


def test_sigma_over_a_period_mapping_reads_the_period() -> None:
    # AKB 2020 = 41 / 15.000 x 1.000 = 2,7333...; summing both years gave 1,37
    values = {"D0-<1th": 41, "Lahir Hidup": {2019: 12000, 2020: 15000}}
    r = sakip.evaluate("AKB", values, period=2020)
    assert r.magnitude == pytest.approx(41 / 15000 * 1000)
    # keys as text, as JSON gives them
    text_keys = {"D0-<1th": 41, "Lahir Hidup": {"2019": 12000, "2020": 15000}}
    assert sakip.evaluate("AKB", text_keys, period=2020).magnitude == r.magnitude
    # a mapping by something else than periods is still the series to total:
    # 41 / (10.000 + 5.000) x 1.000
    by_kecamatan = {"D0-<1th": 41, "Lahir Hidup": {"Betung": 10000, "Sembawa": 5000}}
    r = sakip.evaluate("AKB", by_kecamatan, period=2020)
    assert r.magnitude == pytest.approx(41 / 15000 * 1000)
    assert sakip.evaluate("A tahun n-1 x 2", {"A": {"2019": 5}}, period=2020).magnitude == 10


def test_odd_inputs_are_sakip_errors() -> None:
    with pytest.raises(sakip.ValueTypeError, match="different lengths"):
        sakip.evaluate("A + B", {"A": [[1, 2], [3]], "B": 1})
    with pytest.raises(sakip.SakipError):
        sakip.catalog.load().get("²")
    with pytest.raises(sakip.ValueTypeError, match="period"):
        sakip.evaluate("A", {"A": 1}, period=True)


def test_suggestions_among_many_names_stay_useful() -> None:
    values = {f"Jumlah penduduk desa {i}": i for i in range(5000)}
    values["Jumlah penduduk miskin"] = 5
    with pytest.raises(sakip.MissingValueError) as info:
        sakip.evaluate("Jumlah penduduk miskin kota x 2", values)
    assert "Jumlah penduduk miskin" in info.value.suggestions["Jumlah penduduk miskin kota"]


@pytest.mark.parametrize("text", ["A / B", "min(A; B)", "B ^ 0", "jika B > 1 maka A selain itu 0"])
def test_infinite_or_missing_array_inputs_never_become_numbers(text: str) -> None:
    # 1 / inf = 0, min(inf, 5) = 5, inf^0 = 1 and inf > 1 would each give a number
    for bad in (np.inf, -np.inf, np.nan):
        with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
            r = sakip.evaluate(text, {"A": np.array([5.0, 5.0]), "B": np.array([bad, 2.0])})
        assert math.isnan(r.magnitude[0]) and math.isfinite(r.magnitude[1])


@pytest.mark.parametrize("where", range(3))
def test_the_input_check_finds_a_bad_row_in_any_array_of_an_odd_count(where: int) -> None:
    # arrays are checked two at a time (one dot product each): the one left over, an
    # infinity against a zero, and a 2-D input must all still be found
    values = {name: np.array([[2.0, 4.0], [3.0, 5.0]]) for name in "ABC"}
    values["A"][1, 0] = 0.0  # C's infinity meets this zero in the check
    values["ABC"[where]][1, 0] = np.inf
    with pytest.warns(sakip.ZeroDenominatorWarning, match="1 of 4 rows have a missing"):
        r = sakip.evaluate("A / B + C", values)
    expected = np.array([[3.0, 5.0], [np.nan, 6.0]])  # 2/2 + 2, 4/4 + 4, -, 5/5 + 5
    np.testing.assert_array_equal(r.magnitude, expected)


def test_a_date_among_numbers_is_refused() -> None:
    import datetime as dt

    with pytest.raises(sakip.ValueTypeError, match="date among numbers"):
        sakip.evaluate("Realisasi / Target", {"Realisasi": 5, "Target": dt.date(2020, 1, 1)})
    # all dates: days between them; 31 Desember 2019 - 1 Desember 2019 = 30 days
    both = {"selesai": dt.date(2019, 12, 31), "mulai": dt.date(2019, 12, 1)}
    assert sakip.evaluate("selesai - mulai", both).magnitude == 30
    r = sakip.evaluate("31 Desember 2019 - mulai", {"mulai": dt.date(2019, 12, 1)})
    assert r.magnitude == 30


def test_error_messages_survive_huge_values() -> None:
    # repr() of an int over 4.300 digits is itself a ValueError
    with pytest.raises(sakip.ValueTypeError, match="about 5000 digits"):
        sakip.evaluate("A + 1", {"A": 10**5000})
    with pytest.raises(sakip.ValueTypeError, match="period"):
        sakip.evaluate("A tahun n-1", {"A": {2019: 1}}, period=10**5000)
    with pytest.raises(sakip.ValueTypeError) as info:
        sakip.evaluate("A + 1", {"A": "x" * 5000})
    assert len(str(info.value)) < 200


# -- found by the attacker's pass after the first fixes ---------------------------------


def test_text_values_follow_decimal_point() -> None:
    # 1.500 x 2 is 3.000 in Indonesian notation and 3 with decimal_point=True
    assert sakip.evaluate("A x 2", {"A": "1.500"}).magnitude == 3000
    assert sakip.evaluate("A x 2", {"A": "1.500"}, decimal_point=True).magnitude == 3
    assert sakip.evaluate("A x 2", {"A": "1,500"}, decimal_point=True).magnitude == 3000
    with pytest.raises(sakip.ValueTypeError, match="Indonesian notation"):
        sakip.evaluate("A x 2", {"A": "1,500"})  # one thing or the other: never guessed
    assert sakip.evaluate("A x 2", {"A": "0,500"}).magnitude == 1  # no thousands group


def test_an_input_in_percent_is_converted_not_relabelled() -> None:
    u = sakip.ureg
    # 93 / 90 % = 93 / 0,9 = 103,33... = 10.333,33 % = 103.333,3 per mille
    in_percent = sakip.evaluate("A / B", {"A": 93, "B": 90 * u.percent}, unit="%")
    in_mille = sakip.evaluate("A / B", {"A": 93, "B": 90 * u.percent}, unit="per mille")
    assert in_percent.magnitude == pytest.approx(10333.333333)
    assert in_mille.magnitude == pytest.approx(103333.33333)
    # a scale written in the formula is still the declared unit's own
    akb = sakip.evaluate("AKB", {"D0-<1th": 41 * u.orang, "Lahir Hidup": 15000 * u.orang})
    assert akb.magnitude == pytest.approx(41 / 15000 * 1000)


def test_numbers_are_no_categories_in_arrays_either() -> None:
    text = "jika n = WTP maka 100% selain itu 0%"
    for numbers in ([0, 1], np.array([1.0])):
        with pytest.raises(sakip.ValueTypeError, match="categories"):
            sakip.evaluate(text, {"n": numbers})


def test_two_spellings_of_one_index_or_period_source() -> None:
    with pytest.raises(sakip.ConflictingValuesError):
        sakip.evaluate("Σ_{i=1}^{3} E_i", {"E": {1: 1, "1": 5, 2: 2, 3: 3}})
    with pytest.raises(sakip.ConflictingValuesError):
        sakip.evaluate("A tahun n-1", {"A": {2019: 100, 2020: 110}, "A tahun n-1": 5}, period=2020)
    # beside a plain A, the written form is the one value of the previous period: 110 - 5
    assert sakip.evaluate("A - A tahun n-1", {"A": 110, "A tahun n-1": 5}).magnitude == 105


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # np.matrix, on purpose
def test_odd_values_are_value_type_errors() -> None:
    import pandas as pd

    cases = [
        ("Σ_{i=1}^{2} E_i", {"E": {10**400: 1, 1: 1, 2: 2}}),
        ("A + 1", {"A": pd.NaT}),
        ("A + 1", {"A": np.timedelta64(5, "D")}),
        ("jika A > 31 Desember 2019 maka 1 selain itu 0", {"A": np.array(0, dtype=object)}),
        ("jika A > 31 Desember 2019 maka 1 selain itu 0", {"A": np.matrix([[1]])}),
    ]
    for text, values in cases:
        with pytest.raises(sakip.ValueTypeError):
            sakip.evaluate(text, values)


def test_masked_rows_are_missing() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
        r = sakip.evaluate("A + 1", {"A": np.ma.array([1.0, 2.0], mask=[0, 1])})
    assert r.magnitude[0] == 2 and math.isnan(r.magnitude[1])


def test_constants_beyond_a_float_are_refused_not_zero() -> None:
    for text in ("A x 10^-350", "0," + "0" * 349 + "1 x A", "A / 10^350"):
        with pytest.raises(sakip.LimitError, match="range of a float"):
            sakip.parse(text)
    # 1e300 x 10^-300 = 1
    assert sakip.evaluate("A x 10^-300", {"A": 1e300}).magnitude == pytest.approx(1)


def test_a_number_subtracted_from_a_date_must_be_a_date() -> None:
    import datetime as dt

    with pytest.raises(sakip.ValueTypeError, match="date"):
        sakip.evaluate("31 Desember 2019 - mulai", {"mulai": 5})
    # 31 Desember 2019 - 1 Desember 2019 = 30 days, from a date or ISO text
    for start in (dt.date(2019, 12, 1), "2019-12-01"):
        assert sakip.evaluate("31 Desember 2019 - mulai", {"mulai": start}).magnitude == 30


def test_an_overflow_is_not_called_a_missing_clause() -> None:
    with pytest.raises(sakip.EvaluationError, match="overflow") as info:
        sakip.evaluate("A x B - A x B", {"A": 1e200, "B": 1e200})
    assert not isinstance(info.value, sakip.ConditionError)


def test_a_plain_number_beside_a_percent_is_a_percent() -> None:
    # 85 / 100 x 100 % = 85 % >= 80 (%): true; converting 80 would compare with 8.000 %
    assert (
        sakip.evaluate("jika A / B x 100% >= 80 maka 1 selain itu 0", {"A": 85, "B": 100}).magnitude
        == 1
    )
    assert (
        sakip.evaluate("jika A / B x 100% >= 80 maka 1 selain itu 0", {"A": 75, "B": 100}).magnitude
        == 0
    )
    # min(130 %, 120) = 120 %
    r = sakip.evaluate("min(A / B x 100%; 120)", {"A": 130, "B": 100})
    assert r.magnitude == 120 and r.units == sakip.ureg.percent
    # a branch written 50 beside 100 % is 50 %
    assert sakip.evaluate("jika A >= 80 maka 100% selain itu 50", {"A": 70}).magnitude == 50


def test_29_februari_of_a_relative_year() -> None:
    text = "jika A > 29 Februari tahun n-1 maka 1 selain itu 0"
    # 2021: 29 Februari 2020 exists, and 1 Maret 2020 is after it
    assert sakip.evaluate(text, {"A": "2020-03-01"}, period=2021).magnitude == 1
    with pytest.raises(sakip.ValueTypeError, match="does not exist"):
        sakip.evaluate(text, {"A": "2020-03-01"}, period=2022)  # 2021 has no 29 Februari
    with pytest.raises(sakip.FormulaSyntaxError, match="'30 Februari tahun n-1'"):
        sakip.parse("jika A > 30 Februari tahun n-1 maka 1 selain itu 0")


def test_the_plan_used_last_is_kept() -> None:
    from sakip.language.limits import MAX_PLANS_PER_FORMULA

    f = sakip.parse("A x B")
    first = (sakip.ureg.Quantity(1.0, "m"),)
    sakip.evaluate(f, {"A": first[0], "B": 2})
    first_key = next(iter(f.cache.plans))
    for k in range(2, MAX_PLANS_PER_FORMULA + 5):
        sakip.evaluate(f, {"A": sakip.ureg.Quantity(1.0, f"m ** {k}"), "B": 2})
        sakip.evaluate(f, {"A": first[0], "B": 2})  # used again: never the oldest
    assert first_key in f.cache.plans and len(f.cache.plans) == MAX_PLANS_PER_FORMULA


def test_an_empty_glossary_at_the_end_is_dropped() -> None:
    # OCR often keeps "dimana:" and loses what followed it
    assert sakip.parse("TPT = PP / PAK x 100% dimana: ").variables == ("PP", "PAK")
