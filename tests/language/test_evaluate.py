"""evaluate(): values of every kind, units, arrays, caching and threads."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pint
import pytest
import sympy

import sakip

ureg = sakip.ureg


def test_the_readme_example() -> None:
    r = sakip.evaluate(
        "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
        {"Jumlah Penduduk yang bekerja": 930, "angkatan_kerja": 1000},
    )
    assert r.magnitude == 93.0
    assert r.units == ureg.percent
    assert r.quantity == ureg.Quantity(93, "percent")
    assert str(r) == "93,00 %"


@pytest.mark.parametrize("kind", [int, float, Decimal, Fraction, np.float64, np.int32])
def test_number_types(kind: type) -> None:
    assert sakip.evaluate("a / b", {"a": kind(3), "b": kind(4)}).magnitude == 0.75


def test_keyword_values_and_mapping_merge() -> None:
    assert sakip.evaluate("a - b", {"a": 5}, b=2).magnitude == 3


def test_quantities_are_checked_through_the_formula() -> None:
    r = sakip.evaluate(
        "Panjang / Target x 100%", {"Panjang": 12 * ureg.km, "Target": 1500 * ureg.m}
    )
    assert (r.magnitude, r.units) == (pytest.approx(800), ureg.percent)
    with pytest.raises(sakip.UnitError):
        sakip.evaluate("a + b", {"a": 1 * ureg.km, "b": 2 * ureg.hour})
    r = sakip.evaluate("a + b", {"a": 1 * ureg.km, "b": 500 * ureg.m})
    assert (r.magnitude, r.units) == (1.5, ureg.km)


def test_percent_quantities_mix_with_plain_numbers() -> None:
    # 70 + (89 - 70) / (99% - 80%) x (C - 80%) with C = 90%: 70 + 19/19% x 10% = 80
    text = "Nilai Capaian IKI = 70 + (89 - 70)/(99% - 80%) x (Capaian IKI - 80%)"
    assert sakip.evaluate(text, {"Capaian IKI": 90 * ureg.percent}).magnitude == pytest.approx(80)
    # a plain 0,9 means the ratio 90%
    assert sakip.evaluate(text, {"Capaian IKI": 0.9}).magnitude == pytest.approx(80)


def test_quantity_of_another_registry_is_converted_through_its_units() -> None:
    other = pint.UnitRegistry()
    # issue 11: the user's own registry is read by unit name, so units still check
    with pytest.raises(sakip.UnitError, match="plain number with 'meter'"):
        sakip.evaluate("a + 1", {"a": other.Quantity(1, "m")})
    # 5 km / 500 m = 5000 m / 500 m = 10, a plain number
    r = sakip.evaluate("a / b", {"a": other.Quantity(5, "km"), "b": other.Quantity(500, "m")})
    assert r.magnitude == pytest.approx(10) and r.units == sakip.ureg.dimensionless
    # a unit sakip.ureg does not define is refused by name, not guessed
    with pytest.raises(sakip.UnitError, match=r"'furlong'.*another pint registry"):
        sakip.evaluate("a x 2", {"a": other.Quantity(1, "furlong")})


def test_declared_unit_relabels_a_scaled_ratio() -> None:
    r = sakip.evaluate("D / LH x 1000", {"D": 12, "LH": 1500}, unit="per 1000 kelahiran hidup")
    assert r.magnitude == 8.0
    assert r.quantity.to("dimensionless").magnitude == pytest.approx(0.008)
    r = sakip.evaluate(
        "AKI = (JKI/JLH) x 100.000", {"JKI": 3, "JLH": 4500}, unit="Rasio/100.000 kelahiran hidup"
    )
    assert r.magnitude == pytest.approx(66.6666666667)
    assert str(r) == "66,67 per 100.000 kelahiran hidup"


def test_declared_unit_labels_plain_numbers_and_converts_units() -> None:
    # plain numbers compute the number the table reports: the declared unit is a label
    assert sakip.evaluate("a / b x 100", {"a": 1, "b": 4}, unit="%").magnitude == 25.0
    assert sakip.evaluate("(a + b + c) / 3", {"a": 60, "b": 90, "c": 30}, unit="%").magnitude == 60
    # a result that has a unit (here from the % sign) is converted: 25% = 250 per mille
    assert sakip.evaluate("a / b x 100%", {"a": 1, "b": 4}, unit="per_mille").magnitude == 250.0
    # quantities: a plain ratio is converted, unless scaled by the unit's own factor
    km, m = 12 * ureg.km, 1500 * ureg.m
    assert sakip.evaluate("a / b", {"a": km, "b": m}, unit="%").magnitude == pytest.approx(800)
    kh = ureg.kelahiran_hidup
    r = sakip.evaluate(
        "D / LH x 1000", {"D": 12 * kh, "LH": 1500 * kh}, unit="per 1000 kelahiran hidup"
    )
    assert r.magnitude == pytest.approx(8.0)


def test_declared_unit_labels_plain_counts_and_refuses_contradictions() -> None:
    r = sakip.evaluate("Jumlah Hafiz", {"Jumlah Hafiz": 12}, unit="orang")
    assert (r.magnitude, r.units) == (12, ureg.orang)
    with pytest.raises(sakip.UnitError, match="percent"):
        sakip.evaluate("a / b x 100%", {"a": 1, "b": 4}, unit="M")
    with pytest.raises(sakip.UnitError, match="unknown unit"):
        sakip.evaluate("a", {"a": 1}, unit="furlong per fortnight")


def test_units_of_the_seed() -> None:
    for text in [
        "%",
        "Orang",
        "Jiwa",
        "Tahun",
        "Unit",
        "Kali",
        "Dokumen",
        "Perusahaan",
        "Rupiah",
        "Ha",
        "‰",
    ]:
        assert sakip.units.parse_unit(text) is not None
    assert ureg.Quantity(1, "jiwa") == ureg.Quantity(1, "orang")
    assert ureg.Quantity(1, "ha").to("m**2").magnitude == 10_000


def test_adding_units() -> None:
    sakip.units.define_count("bibit")
    r = sakip.evaluate("a + b", {"a": 2 * ureg.bibit, "b": 3 * ureg.bibit})
    assert r.units == ureg.bibit
    with pytest.raises(sakip.UnitError):
        sakip.units.define_count("Not A Name")


def test_arrays_are_element_wise() -> None:
    a = np.array([1.0, 2.0, 3.0])
    r = sakip.evaluate("a / b x 100%", {"a": a, "b": 4})
    assert r.magnitude.tolist() == [25.0, 50.0, 75.0]
    r = sakip.evaluate("min(a; 2) + akar(b)", {"a": a, "b": np.array([4.0, 9.0, 16.0])})
    assert r.magnitude.tolist() == [3.0, 5.0, 6.0]


def test_arrays_with_conditions_and_categories() -> None:
    r = sakip.evaluate(
        'jika n = "WTP" maka 100%, selain itu 0%',
        {"n": np.array(["WTP", "WDP", "wtp"], dtype=object)},
    )
    assert r.magnitude.tolist() == [100.0, 0.0, 100.0]
    r = sakip.evaluate("jika a > 0 maka b / a selain itu 0", {"a": np.array([0.0, 2.0]), "b": 4})
    assert r.magnitude.tolist() == [0.0, 2.0]  # the unselected branch's 4/0 is no error


def test_array_rows_with_no_applicable_clause_warn() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning, match="1 of 2"):
        r = sakip.evaluate("jika a > 0 maka 1", {"a": np.array([1.0, -1.0])})
    assert r.magnitude[0] == 1 and np.isnan(r.magnitude[1])


def test_period_series_of_arrays() -> None:
    r = sakip.evaluate(
        "(Y - Y tahun n-1) / Y tahun n-1 x 100%",
        {"Y": {2019: np.array([10.0, 20.0]), 2020: np.array([11.0, 30.0])}},
        period=2020,
    )
    assert r.magnitude == pytest.approx([10.0, 50.0])


def test_dates_as_values() -> None:
    r = sakip.evaluate(
        "selesai - mulai", {"selesai": dt.date(2020, 3, 1), "mulai": dt.date(2020, 2, 1)}
    )
    assert r.magnitude == 29  # 2020 is a leap year


def test_category_values_need_a_categorical_variable() -> None:
    with pytest.raises(sakip.ValueTypeError):
        sakip.evaluate("a + 1", {"a": "WTP"})


def test_formula_object_is_reused_and_not_reparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Jumlah P / Jumlah Q x 100% + 0 x Jumlah R"
    f = sakip.parse(text)
    assert sakip.parse(text) is f
    sakip.evaluate(text, {"Jumlah P": 1, "Jumlah Q": 2, "Jumlah R": 3})
    sakip.evaluate(text, {"Jumlah P": np.ones(2), "Jumlah Q": 2, "Jumlah R": 3})  # compiles numpy

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("called on the hot path")

    import lark

    monkeypatch.setattr(lark.Lark, "parse", forbidden)
    monkeypatch.setattr(sympy.Basic, "subs", forbidden)
    monkeypatch.setattr(sympy.core.evalf.EvalfMixin, "evalf", forbidden)
    monkeypatch.setattr(sympy.Basic, "xreplace", forbidden)
    for k in range(50):
        r = sakip.evaluate(text, {"Jumlah P": k, "Jumlah Q": 50, "Jumlah R": 3})
        assert r.magnitude == pytest.approx(2 * k)
    r = sakip.evaluate(f, {"Jumlah P": np.arange(3.0), "Jumlah Q": 50, "Jumlah R": 3})
    assert r.magnitude.tolist() == [0.0, 2.0, 4.0]


def test_threads_share_the_cache_safely() -> None:
    text = "(A tahun n - A tahun n-1) / A tahun n-1 + B / C"
    errors: list[BaseException] = []
    results: list[float] = []

    def work(seed: int) -> None:
        try:
            for k in range(200):
                b = seed * 1000 + k
                r = sakip.evaluate(text, {"A": {1: 2, 2: 3}, "B": b, "C": 2}, period=2)
                assert r.magnitude == pytest.approx(0.5 + b / 2)
                results.append(r.magnitude)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 1600


def test_indexed_values_and_missing_index() -> None:
    with pytest.raises(sakip.EvaluationError, match="index 3"):
        sakip.evaluate("Σ_{i=1}^{3} E_i", {"E": {1: 1, 2: 2}})
    with pytest.raises(sakip.ValueTypeError, match="indexed"):
        sakip.evaluate("Σ_{i=1}^{3} E_i", {"E": 5})
    assert sakip.evaluate("E_2 x 3", {"E": {1: 1, 2: 2}}).magnitude == 6


def test_result_format_rounds_once() -> None:
    r = sakip.evaluate("a / b x 100%", {"a": 2, "b": 3})
    assert r.format(2) == "66,67 %"
    assert r.format(0) == "67 %"
    assert r.magnitude == pytest.approx(66.666666666)


def test_formulas_and_results_pickle_and_copy() -> None:
    import copy
    import pickle

    values = {"D0-<1th": 41, "Lahir Hidup": 15000}
    akb = sakip.evaluate("AKB", values)  # 41 / 15.000 x 1.000 = 2,733... per 1.000 KH
    for result in (akb, sakip.evaluate("A / B x 100%", {"A": np.array([1.0, 3.0]), "B": 4})):
        again = pickle.loads(pickle.dumps(result))
        assert again == result and str(again) == str(result)
        assert copy.copy(result) == result
    f = sakip.parse("Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%")
    sakip.evaluate(f, {"Jumlah Penduduk yang bekerja": 1, "Angkatan Kerja": 2})  # caches a plan
    g = pickle.loads(pickle.dumps(f))
    assert g.variables == f.variables and g.text == f.text
    assert (
        sakip.evaluate(g, {"jumlah penduduk yang bekerja": 930, "angkatan_kerja": 1000}).magnitude
        == 93
    )
    assert copy.deepcopy(f).variables == f.variables


def test_result_to_dict() -> None:
    r = sakip.evaluate("A / B x 100%", {"A": 930, "B": 1000})
    assert r.to_dict() == {"magnitude": 93.0, "unit": "percent", "text": "93,00 %", "name": None}
    with pytest.warns(sakip.ZeroDenominatorWarning):
        a = sakip.evaluate("A / B", {"A": np.array([1.0, 1.0]), "B": np.array([0.0, 4.0])})
    assert a.to_dict()["magnitude"] == [None, 0.25]


def test_parse_from_threads_matches_serial() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"(A{k} + B / {k},5) x {k}% - C tahun n-1 / D{k}" for k in range(64)]
    serial = [sakip.parse(t) for t in texts]
    sakip.language.parser._CACHE.clear()
    with ThreadPoolExecutor(16) as pool:
        parallel = list(pool.map(sakip.parse, texts))
    for one, other in zip(serial, parallel, strict=True):
        assert one.variables == other.variables and one.expr == other.expr


def test_short_reprs() -> None:
    assert repr(sakip.parse("A / B x 100%")) == "Formula('A / B x 100%')"
    assert repr(sakip.evaluate("A / B x 100%", {"A": 93, "B": 100})) == "Result(93.0 %)"
    assert repr(sakip.evaluate("A x 2", {"A": np.ones(3)})) == "Result(array of 3)"
    catalog = sakip.catalog.load()
    assert repr(catalog) == "Catalog(477 indicators, 52 sections)"  # Lampiran I and 51 PD
    assert repr(catalog.get("iku.01")) == "Indicator('iku.01', 'Angka Rata-rata Lama Sekolah')"


def test_a_pickled_formula_keeps_its_zero_denominators_and_units() -> None:
    import pickle

    # sympy rebuilds pickled expressions evaluated: A / A became 1, x 0% a plain 0
    f = pickle.loads(pickle.dumps(sakip.parse("A / A x 100%")))
    with pytest.raises(sakip.ZeroDenominatorError):
        sakip.evaluate(f, {"A": 0})
    g = pickle.loads(pickle.dumps(sakip.parse("jika A > 1 maka 0% selain itu 100%")))
    assert sakip.evaluate(g, {"A": 5}).units == sakip.ureg.percent
    h = pickle.loads(pickle.dumps(sakip.parse("A x 2.5", decimal_point=True)))
    assert sakip.evaluate(h, {"A": 2}).magnitude == 5  # read with a decimal point again
