"""Pengukuran kinerja: capaian policies, predikat, IKM surveys, tables and roll-up."""

from __future__ import annotations

import math
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.measure import POLICIES, TableError, achievement, ikm, measure, predikat, rollup

# -- achievement ---------------------------------------------------------------------------


def cap(actual: object, target: object, **kw: object) -> float:
    return float(achievement(actual, target, **kw).magnitude)  # type: ignore[arg-type]


def test_the_guidance_worked_examples() -> None:
    # lower is better, (2T - R) / T: (14 - 6,5) / 7 = 107,142857%; (16 - 9) / 8 = 87,5%
    assert cap(6.5, 7, polarity="lower") == pytest.approx(107.142857142857)
    assert cap(9, 8, polarity="lower") == pytest.approx(87.5)
    assert cap(9, 8, polarity="negatif", policy="2T-R") == pytest.approx(87.5)


def test_every_policy_by_hand() -> None:
    assert cap(45, 50) == 90  # R/T
    assert cap(45, 50, polarity="positif", policy="R/T") == 90
    assert cap(6.5, 7, polarity="lower", policy="T/R") == pytest.approx(107.692307692)  # 7 / 6,5
    assert cap(9, 8, polarity="lower", policy="T/R") == pytest.approx(88.888888889)  # 8 / 9
    r = achievement(45, 50)
    assert r.units == sakip.ureg.percent


def test_policies_are_data_with_sources() -> None:
    assert {"R/T", "2T-R", "T/R"} <= set(POLICIES)
    assert all(p.source for p in POLICIES.values())
    with pytest.raises(sakip.SakipError, match="lower-is-better"):
        achievement(1, 2, polarity="higher", policy="T/R")
    with pytest.raises(sakip.SakipError, match="unknown policy"):
        achievement(1, 2, policy="nope")
    with pytest.raises(sakip.SakipError, match="polarity"):
        achievement(1, 2, polarity="sideways")


def test_zero_target_and_zero_realisasi() -> None:
    with pytest.raises(sakip.ZeroDenominatorError, match="Target"):
        achievement(5, 0)
    with pytest.raises(sakip.ZeroDenominatorError, match="Target"):
        achievement(5, 0, polarity="lower")
    with pytest.raises(sakip.ZeroDenominatorError, match="Realisasi"):
        achievement(0, 5, polarity="lower", policy="T/R")
    assert cap(0, 5) == 0  # nothing achieved of a positive target
    assert cap(0, 5, polarity="lower") == 200  # (10 - 0) / 5
    with pytest.warns(sakip.ZeroDenominatorWarning, match="1 of 2"):
        r = achievement(np.array([5.0, 5.0]), np.array([0.0, 10.0]))
    assert math.isnan(r.magnitude[0]) and r.magnitude[1] == 50


def test_range_targets() -> None:
    assert cap(85, (80, 90)) == 100  # inside
    assert cap(99, (80, 90)) == pytest.approx(110)  # above: 99 / 90
    assert cap(60, (80, 90)) == pytest.approx(75)  # below: 60 / 80
    assert cap(95, (80, 90), polarity="lower") == pytest.approx(94.444444444)  # (180 - 95) / 90
    values = achievement(np.array([85.0, 99.0, 60.0]), (80, 90)).magnitude
    assert values == pytest.approx([100, 110, 75])
    with pytest.raises(sakip.SakipError, match="low, high"):
        achievement(1, (9, 1))


def test_categorical_targets() -> None:
    assert cap("WTP", "WTP") == 100
    assert cap("wtp", "WTP") == 100
    assert cap("WDP", "WTP") == 0
    assert cap("Ada", "Ada") == 100
    r = achievement(np.array(["WTP", "TMP"], dtype=object), "WTP").magnitude
    assert r.tolist() == [100.0, 0.0]


def test_cap_and_floor() -> None:
    assert cap(300, 100, cap=120) == 120
    assert cap(30, 10, polarity="lower", floor=0) == 0  # (20 - 30) / 10 = -100%, floored
    r = achievement(np.array([50.0, 300.0]), 100, cap=150).magnitude
    assert r.tolist() == [50.0, 150.0]


targets = st.floats(min_value=0.5, max_value=1e6)
actuals = st.floats(min_value=0.5, max_value=1e6)


@given(targets, actuals, actuals)
def test_higher_is_better_is_monotone(target: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert cap(low, target) <= cap(high, target) + 1e-9


@given(targets, actuals, actuals, st.sampled_from(["2T-R", "T/R"]))
def test_lower_is_better_is_antitone(target: float, a: float, b: float, policy: str) -> None:
    low, high = sorted((a, b))
    assert (
        cap(low, target, polarity="lower", policy=policy)
        >= cap(high, target, polarity="lower", policy=policy) - 1e-9
    )


@given(targets, st.sampled_from([("higher", "R/T"), ("lower", "2T-R"), ("lower", "T/R")]))
def test_every_policy_gives_100_at_the_target(target: float, choice: tuple[str, str]) -> None:
    polarity, policy = choice
    assert cap(target, target, polarity=polarity, policy=policy) == pytest.approx(100)


# -- predikat ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "label"),
    [(107.14, "Sangat Baik"), (91, "Sangat Baik"), (90, "Baik"), (76, "Baik"), (75, "Cukup"),
     (65.5, "Cukup"), (65, "Kurang"), (50.5, "Kurang"), (50, "Sangat Kurang"), (-20, "Sangat Kurang")],
)  # fmt: skip
def test_default_predikat_bands(capaian: float, label: str) -> None:
    assert predikat(capaian)[1] == label


def test_sakip_evaluation_grades() -> None:
    assert predikat(90.5, "sakip_evaluasi")[0] == "AA"
    assert predikat(90, "sakip_evaluasi")[0] == "A"
    assert predikat(30, "sakip_evaluasi")[0] == "D"
    assert predikat(30.01, "sakip_evaluasi")[0] == "C"


# -- IKM from a survey ---------------------------------------------------------------------


def test_ikm_exact_fractions_and_blanks() -> None:
    # unsur 1-13: (4 + 3 + 4) / 3 = 11/3; unsur 14: (4 + 3) / 2 = 7/2 (the blank left out)
    # IKM = (13 x 11/3 + 7/2) / 14 = 307/84; converted = 307/84 x 25 = 7675/84 = 91,37 -> A
    r = ikm([[4] * 14, [3] * 14, [4] * 13 + [None]])
    assert r.per_unsur[0] == Fraction(11, 3) and r.per_unsur[13] == Fraction(7, 2)
    assert r.index == Fraction(307, 84)
    assert r.converted == Fraction(7675, 84)
    assert (r.grade, r.label) == ("A", "Sangat Baik")


def test_ikm_all_fours_is_exactly_100() -> None:
    # a rounded weight of 0,071 would give 99,4; the exact 1/14 gives 100
    r = ikm(np.full((50, 14), 4))
    assert r.converted == 100 and r.grade == "A"


def test_ikm_from_a_dataframe_and_the_nine_unsur_method() -> None:
    frame = pd.DataFrame([[3] * 9, [4] * 9, [3] * 8 + [float("nan")]])
    r = ikm(frame, method="permenpanrb_14_2017")
    # unsur 1-8: 10/3, unsur 9: 7/2 -> (8 x 10/3 + 7/2) / 9 = (80/3 + 7/2) / 9 = 181/54
    assert r.index == Fraction(181, 54)
    assert r.converted == Fraction(181 * 25, 54)  # 83,80 -> B on the 2017 bands
    assert r.grade == "B"


@pytest.mark.parametrize(
    ("rows", "words"),
    [([[5] * 14], "answers are 1, 2, 3 or 4"), ([[4] * 13], "13 answers"), ([], "no respondents"),
     ([["x"] * 14], "not an answer"), ([[None] * 14], "no answers")],
)  # fmt: skip
def test_ikm_bad_input(rows: list[list[object]], words: str) -> None:
    with pytest.raises(sakip.SakipError, match=words):
        ikm(rows)


# -- measure() over a long table -----------------------------------------------------------

KEC = "kec_betung.01"
DONE, WANTED = (
    "Jumlah Jasa Administrasi Perkantoran yang dipenuhi",
    "Jumlah Jasa Administrasi yang ditargetkan",
)


def table(rows: list[tuple[object, ...]], entity: bool = True) -> pd.DataFrame:
    columns = (
        ["indicator", "entity", "period", "variable", "value"]
        if entity
        else ["indicator", "period", "variable", "value"]
    )
    return pd.DataFrame(rows, columns=columns)


def test_measure_hand_computed() -> None:
    rows = [
        (KEC, "Betung", 2020, DONE, 45), (KEC, "Betung", 2020, WANTED, 50), (KEC, "Betung", 2020, "target", 90),
        (KEC, "Sembawa", 2020, DONE, "36"), (KEC, "Sembawa", 2020, WANTED, "1.234,5"),
        (KEC, "Sembawa", 2020, "target", "80"),
    ]  # fmt: skip
    m = measure(table(rows))
    betung = m[m.entity == "Betung"].iloc[0]
    # 45 / 50 x 100 = 90%; capaian 90 / 90 = 100% -> Sangat Baik
    assert (betung.value, betung.unit, betung.target, betung.capaian, betung.predikat) == (
        90.0, "percent", 90.0, 100.0, "Sangat Baik"
    )  # fmt: skip
    sembawa = m[m.entity == "Sembawa"].iloc[0]
    # "1.234,5" is 1234,5: 36 / 1234,5 x 100 = 2,9162%; capaian 2,9162 / 80 = 3,6452%
    assert sembawa.value == pytest.approx(2.916160389)
    assert sembawa.capaian == pytest.approx(3.645200486)
    assert sembawa.predikat == "Sangat Kurang"


def test_measure_reasons_and_no_row_dropped() -> None:
    rows = [
        ("XYZ", "", 2020, "a", 1),
        (KEC, "A", 2020, DONE, 45),  # the denominator is missing
        (KEC, "B", 2020, DONE, 1), (KEC, "B", 2020, WANTED, 0), (KEC, "B", 2020, "target", 90),
        (KEC, "C", 2020, DONE, "banyak"), (KEC, "C", 2020, WANTED, 10),
        (KEC, "D", 2030, DONE, 1), (KEC, "D", 2030, WANTED, 2),
        (KEC, "E", 2020, DONE, 5), (KEC, "E", 2020, WANTED, 10),  # no target
        ("iku.43", "", 2020, "nilai", "Baik"),
    ]  # fmt: skip
    m = measure(table(rows)).set_index(["indicator", "entity"])
    reasons = m["reason"].to_dict()
    assert "no indicator 'XYZ'" in reasons[("XYZ", "")]
    assert reasons[(KEC, "A")] == f"missing input: {WANTED}"
    assert "zero denominator" in reasons[(KEC, "B")]
    assert "not a number: 'banyak'" in reasons[(KEC, "C")]
    assert "outside the plan 2018-2023" in reasons[(KEC, "D")]
    assert reasons[(KEC, "E")] == "no target"
    assert m.loc[(KEC, "E"), "value"] == 50
    assert "not one of WTP, WDP, TW, TMP" in reasons[("iku.43", "")]
    assert len(m) == 7  # one row per (indicator, entity, period): nothing dropped


def test_measure_missing_column_and_option_for_decimal_point() -> None:
    with pytest.raises(TableError, match="'variable'"):
        measure(pd.DataFrame({"indicator": [KEC], "period": [2020], "value": [1]}))
    rows = [(KEC, 2020, DONE, "2.5"), (KEC, 2020, WANTED, "10"), (KEC, 2020, "target", "50")]
    m = measure(table(rows, entity=False), decimal_point=True)
    assert m.iloc[0].value == 25  # 2,5 / 10 x 100


def test_measure_growth_rates_use_earlier_periods_and_lower_polarity() -> None:
    rows = [("AK", "", 2019, "Jumlah Tindak Kriminal", 120), ("AK", "", 2020, "Jumlah Tindak Kriminal", 96),
            ("AK", "", 2020, "target", -20), ("TPT", "", 2020, "Jumlah Penganggur Terbuka Usia Angkatan Kerja", 6),
            ("TPT", "", 2020, "Jumlah Penduduk Angkatan Kerja", 120), ("TPT", "", 2020, "target", 6.5)]  # fmt: skip
    m = measure(table(rows)).set_index(["indicator", "period"])
    # AK 2020 = (96 - 120) / 96 x 100 = -25; 2019 has no 2018 value
    assert m.loc[("iku.10", 2020), "value"] == pytest.approx(-25)
    assert "tahun n-1" in m.loc[("iku.10", 2019), "reason"]
    # TPT 6 / 120 = 5% against 6,5% (lower is better): (13 - 5) / 6,5 = 123,08%
    assert m.loc[("iku.27", 2020), "capaian"] == pytest.approx(123.076923077)
    m2 = measure(table(rows), policy={"lower": "T/R"}).set_index(["indicator", "period"])
    assert m2.loc[("iku.27", 2020), "capaian"] == pytest.approx(130)  # 6,5 / 5


def test_measure_indexed_and_dates() -> None:
    rows = [("IKM", "", 2020, f"NRR_{u}", 3.25) for u in range(1, 15)] + [
        ("IKM", "", 2020, "target", 80)
    ]
    rows += [("bpkad.01", "", 2021, "n", "2021-01-06"), ("bpkad.01", "", 2021, "target", 100)]
    m = measure(table(rows)).set_index("indicator")
    assert m.loc["iku.41", "value"] == pytest.approx(81.25)  # 3,25 x 25
    assert m.loc["iku.41", "capaian"] == pytest.approx(101.5625)  # 81,25 / 80
    assert m.loc["bpkad.01", "value"] == 0  # adopted after 31 Desember 2020


def test_measure_the_example_dataset() -> None:
    from importlib import resources

    m = measure(resources.files("sakip.measure") / "data" / "example.csv")
    assert set(m.period) == set(range(2018, 2024))
    assert m["capaian"].notna().sum() >= 100
    wdp = m[(m.indicator == "iku.43") & (m.period == 2018)].iloc[0]
    assert (wdp.value, wdp.capaian) == ("WDP", 0.0)


def test_rollup_by_hand() -> None:
    measured = pd.DataFrame(
        {"indicator": ["iku.26", "iku.27", "iku.28", "iku.06"], "entity": [""] * 4, "period": [2020] * 4,
         "capaian": [100.0, 80.0, None, 90.0]}
    )  # fmt: skip
    r = rollup(measured, level="sasaran").set_index("group")
    tenaga = r.loc[
        "Bangkit Tenaga Kerja Lokal (Meningkatnya kesempatan berusaha dan kesempatan kerja)"
    ]
    assert tenaga.capaian == 90  # (100 + 80) / 2
    assert (tenaga.n_indicators, tenaga.n_missing) == (2, 0)
    # iku.26-28 sit under misi 3, iku.06 under misi 1; weight 3 on iku.26:
    # (3 x 100 + 1 x 80) / 4 = 95, iku.28 has no capaian and is left out
    w = rollup(measured, level="misi", weights={"iku.26": 3})
    assert sorted(w.capaian.tolist()) == [90.0, 95.0]
    assert w["n_missing"].sum() == 1
    # medians: tenaga kerja median(100, 80) = 90, kesehatan 90; iku.28's sasaran has none
    m = rollup(measured, level="sasaran", method="median")
    assert sorted(m.capaian.dropna().tolist()) == [90.0, 90.0]
    assert m.capaian.isna().sum() == 1


def test_sub_periods_and_periods_without_a_year() -> None:
    rows = [(KEC, "A", "2020-T1", DONE, 9), (KEC, "A", "2020-T1", WANTED, 10), (KEC, "A", "2020-T1", "target", 90),
            (KEC, "A", "2020 TW2", DONE, 8), (KEC, "A", "2020 TW2", WANTED, 10),
            (KEC, "A", "semester satu", DONE, 1)]  # fmt: skip
    m = measure(table(rows)).set_index("period")
    assert m.loc["2020-T1", "value"] == 90 and m.loc["2020-T1", "capaian"] == 100
    assert m.loc["2020-T2", "value"] == 80  # "TW2" is the second triwulan
    assert m.loc["semester satu", "reason"] == "period 'semester satu' names no year"


def test_trend_follows_polarity() -> None:
    from sakip.measure import trend

    rows = [
        ("TPT", "", year, "Jumlah Penganggur Terbuka Usia Angkatan Kerja", u)
        for year, u in ((2019, 6), (2020, 5), (2021, 5))
    ]
    rows += [
        ("TPT", "", year, "Jumlah Penduduk Angkatan Kerja", 100) for year in (2019, 2020, 2021)
    ]
    rows += [
        ("iku.26", "", year, v, x)
        for year in (2019, 2020)
        for v, x in (("Penduduk yang bekerja", 90 + year - 2019), ("Angkatan Kerja", 100))
    ]
    t = trend(measure(table(rows))).set_index(["indicator", "period"])
    # TPT 6% -> 5%: change -1, lower is better: membaik; 5% -> 5%: tetap
    assert t.loc[("iku.27", 2020), "change"] == pytest.approx(-1)
    assert t.loc[("iku.27", 2020), "direction"] == "membaik"
    assert t.loc[("iku.27", 2021), "direction"] == "tetap"
    assert t.loc[("iku.27", 2019), "direction"] == ""
    # employment 90% -> 91%: membaik
    assert t.loc[("iku.26", 2020), "direction"] == "membaik"


def test_your_own_scale() -> None:
    from sakip.catalog import Scale

    two = Scale.from_data(
        {"name": "lulus", "lower": "-inf", "upper": "inf",
         "band": [{"grade": "T", "label": "Tidak Tercapai", "lower": "-inf", "upper": "100",
                   "lower_inclusive": False, "upper_inclusive": False},
                  {"grade": "Y", "label": "Tercapai", "lower": "100", "upper": "inf",
                   "lower_inclusive": True, "upper_inclusive": False}]}
    )  # fmt: skip
    assert predikat(99.99, two) == ("T", "Tidak Tercapai")
    assert predikat(100, two) == ("Y", "Tercapai")
    rows = [(KEC, "", 2020, DONE, 9), (KEC, "", 2020, WANTED, 10), (KEC, "", 2020, "target", 90)]
    assert measure(table(rows), scale=two).iloc[0].predikat == "Tercapai"
    with pytest.raises(TableError, match="unknown scale"):
        measure(table(rows), scale="nope")


# Found by a QA pass over the public API -------------------------------------------------


def test_ordered_levels_meet_their_target() -> None:
    # SPIP level 3 against target 3: 100%, whatever other cells hold decimals
    rows = [("iku.40", "", 2020, "nilai", "3"), ("iku.40", "", 2020, "target", 3.0),
            ("iku.06", "", 2020, "target", "3,60")]  # fmt: skip
    m = measure(table(rows)).set_index("indicator")
    assert (m.loc["iku.40", "value"], m.loc["iku.40", "capaian"]) == (3.0, 100.0)


def test_target_cells_with_percent_ranges_and_text() -> None:
    base = [
        ("dinkes.03", "", 2020, "Jumlah rumah tangga sehat", 80),
        ("dinkes.03", "", 2020, "Jumlah rumah tangga total", 100),
    ]
    # 80% against "90%": 80 / 90 = 88,89%; against 85 - 95 (below it): 80 / 85 = 94,12%
    assert measure(table([*base, ("dinkes.03", "", 2020, "target", "90%")])).iloc[
        0
    ].capaian == pytest.approx(88.888888889)
    assert measure(table([*base, ("dinkes.03", "", 2020, "target", "85 - 95")])).iloc[
        0
    ].capaian == pytest.approx(94.117647059)
    m = measure(table([*base, ("dinkes.03", "", 2020, "target", "banyak")])).iloc[0]
    assert m.capaian is None and m.reason == "the target is not a number: 'banyak'"


def test_decimal_cells_and_repeated_cells() -> None:
    from decimal import Decimal

    rows = [("dinkes.03", "", 2020, "Jumlah rumah tangga sehat", Decimal("3.125")),
            ("dinkes.03", "", 2020, "Jumlah rumah tangga total", 100),
            ("dinkes.03", "", 2020, "target", 90),
            ("dinkes.03", "", 2020, "Jumlah rumah tangga sehat", 10)]  # fmt: skip
    m = measure(table(rows)).iloc[0]
    assert m.value == pytest.approx(3.125)  # a Decimal is a number, not Indonesian text
    assert "given more than once; the first row is used" in m.reason


def test_one_policy_name_applies_to_its_own_polarity() -> None:
    rows = [("TPT", "", 2020, "Jumlah Penganggur Terbuka Usia Angkatan Kerja", 6), ("TPT", "", 2020, "Jumlah Penduduk Angkatan Kerja", 120),
            ("TPT", "", 2020, "target", 6.5), (KEC, "", 2020, DONE, 45), (KEC, "", 2020, WANTED, 50), (KEC, "", 2020, "target", 90)]  # fmt: skip
    m = measure(table(rows), policy="T/R").set_index("indicator")
    assert m.loc["iku.27", "capaian"] == pytest.approx(130)  # 6,5 / 5
    assert m.loc[KEC, "capaian"] == 100  # higher is better keeps R/T


def test_unreadable_tables_are_table_errors(tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(TableError, match="cannot read"):
        measure(Path(str(tmp_path)) / "nope.csv")
    empty = Path(str(tmp_path)) / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(TableError):
        measure(empty)
    with pytest.raises(TableError, match="repeated columns"):
        measure(
            pd.DataFrame(
                [[KEC, 2020, DONE, 1, 2]],
                columns=["indicator", "period", "variable", "value", "Value"],
            )
        )


def test_rollup_after_a_csv_round_trip_and_weights_by_abbreviation(tmp_path: object) -> None:
    from pathlib import Path

    rows = [("AKB", "", 2020, "D0-<1th", 30), ("AKB", "", 2020, "Lahir Hidup", 10000), ("AKB", "", 2020, "target", 3),
            ("AKI", "", 2020, "Jumlah Ibu Hamil yang meninggal karena hamil, bersalin dan nifas di suatu wilayah tertentu selama 1 tahun", 3),
            ("AKI", "", 2020, "Jumlah Kelahiran Hidup di wilayah tersebut dan pada kurun waktu yang sama", 10000), ("AKI", "", 2020, "target", 30)]  # fmt: skip
    m = measure(table(rows))
    path = Path(str(tmp_path)) / "m.csv"
    m.to_csv(path, index=False)
    back = pd.read_csv(path)
    # AKB 3 per 1.000 against 3: 100%; AKI 30 per 100.000 against 30: 100%
    assert rollup(back).capaian.tolist() == pytest.approx([100.0])
    w = rollup(m, weights={"AKB": 3})
    assert w.capaian.tolist() == pytest.approx([100.0])
    with pytest.raises(TableError, match="weight"):
        rollup(m, weights={"AKB": -1})
    with pytest.raises(TableError, match="measure\\(\\) result"):
        rollup(pd.DataFrame({"x": [1]}))


def test_achievement_ranges_with_text_units_and_zero() -> None:
    u = sakip.ureg
    assert cap("1.500", (1000, 2000)) == 100  # Indonesian text inside the range
    assert cap(3000 * u.m, (2 * u.km, 5 * u.km)) == 100  # units compared, not stripped
    assert cap(3, (0, 5)) == 100  # a range from 0 has no zero denominator inside it
    with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
        r = achievement(np.array([np.nan, 3.0]), (2, 5)).magnitude
    assert math.isnan(r[0]) and r[1] == 100
    with pytest.raises(sakip.SakipError, match="cap must be a number"):
        achievement(50, 100, cap="100")  # type: ignore[arg-type]
    with pytest.raises(sakip.SakipError, match="below floor"):
        achievement(50, 100, cap=50, floor=60)


def test_predikat_odd_values_and_arrays() -> None:
    grades, labels = predikat(np.array([50.0, 95.0, np.nan]))
    assert grades.tolist() == ["SK", "SB", ""]
    assert labels.tolist() == ["Sangat Kurang", "Sangat Baik", ""]
    assert predikat("80,5")[1] == "Baik"
    for bad in (float("nan"), None, float("inf")):
        with pytest.raises(sakip.SakipError):
            predikat(bad)


def test_ikm_odd_shapes() -> None:
    with pytest.raises(sakip.SakipError, match="one row per respondent"):
        ikm(5)
    with pytest.raises(sakip.SakipError, match="not an answer"):
        ikm([[float("inf")] * 14])
    frame = pd.DataFrame([[4] * 14, [3] * 13 + [None]], dtype="Int64")
    assert ikm(frame).per_unsur[13] == 4  # pd.NA is a blank answer


def test_sub_periods_that_do_not_exist_name_no_year() -> None:
    rows = [(KEC, "", "2020-T5", DONE, 1), (KEC, "", "2020-S3", DONE, 1)]
    reasons = measure(table(rows))["reason"].tolist()
    assert reasons == ["period '2020-S3' names no year", "period '2020-T5' names no year"]


# -- issue 7: a list target is one target per realisasi ----------------------------------


def test_a_list_target_is_per_row_not_a_range() -> None:
    # 80 / 100 = 80%; 90 / 120 = 75% (read as the range 100-120, the second was 90%)
    got = achievement(np.array([80, 90]), [100, 120]).magnitude
    assert got.tolist() == pytest.approx([80.0, 75.0])
    # a tuple is the explicit range: below 100: 80 / 100; inside: 100%; above: 130 / 120
    ranged = achievement(np.array([80.0, 110.0, 130.0]), (100, 120)).magnitude
    assert ranged.tolist() == pytest.approx([80.0, 100.0, 108.333333333])


@pytest.mark.parametrize(
    ("actual", "target"),
    [(85, [100, 120]), (np.array([80.0, 90.0, 130.0]), [100, 120]), (85, (1, 2, 3))],
)
def test_a_list_that_does_not_line_up_is_refused(actual: object, target: object) -> None:
    with pytest.raises(sakip.ValueTypeError, match="tuple"):
        achievement(actual, target)


# -- issue 7: cap, floor and a zero target ------------------------------------------------


@pytest.mark.parametrize(
    "limits", [{"cap": math.nan}, {"floor": math.inf}, {"cap": -math.inf}, {"cap": True}]
)
def test_cap_and_floor_must_be_finite_numbers(limits: dict[str, float]) -> None:
    with pytest.raises(sakip.ValueTypeError):
        achievement(5, 4, **limits)  # type: ignore[arg-type]


def test_a_zero_target_raises_under_every_policy() -> None:
    for polarity, policy in (("higher", "R/T"), ("lower", "2T-R"), ("lower", "T/R")):
        with pytest.raises(sakip.ZeroDenominatorError) as caught:
            achievement(5, 0, polarity=polarity, policy=policy)
        assert caught.value.denominator == "Target"
    # T/R on arrays: the zero-target row is NaN with a warning; 5 / 4 x 100 = 125%
    with pytest.warns(sakip.ZeroDenominatorWarning, match="target of 0"):
        got = achievement(
            np.array([5.0, 4.0]), np.array([0.0, 5.0]), polarity="lower", policy="T/R"
        ).magnitude
    assert math.isnan(got[0]) and got[1] == pytest.approx(125)


def test_a_range_from_zero_warns_of_nothing_when_no_row_is_below_it() -> None:
    # inside: 100%; above: 6 / 5 = 120% (pytest turns a ZeroDenominatorWarning into an error)
    assert achievement(np.array([3.0, 6.0]), (0, 5)).magnitude.tolist() == [100.0, 120.0]


def test_a_date_is_not_a_realisasi_or_target() -> None:
    import datetime as dt

    with pytest.raises(sakip.ValueTypeError, match="date"):
        achievement(5, dt.date(2020, 1, 1))  # arithmetic would use its day number


# -- issue 7: ikm answers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "words"),
    [
        ([["8/2"] * 14], "'8/2' is not an answer"),
        ([[True] * 14], "yes/no"),
        (["44444444444444"], "a row is a list of answers, not a str"),
        ("44444444444444", "not a str"),
        ([{"u1": 4}], "not a dict"),
        ([[1 + 0j] * 14], "not an answer"),
    ],
)
def test_ikm_refuses_what_is_not_an_answer(responses: object, words: str) -> None:
    with pytest.raises(sakip.ValueTypeError, match=words):
        ikm(responses)


def test_ikm_numpy_floats_are_answers() -> None:
    # all 2: NRR 2 per unsur, IKM = 14 x 2 / 14 = 2, converted 50
    result = ikm([[np.float32(2)] * 14])
    assert (result.index, result.converted) == (2, 50)


# -- issue 7: the measurement API at the top level ---------------------------------------


def test_achievement_ikm_and_predikat_at_the_top_level() -> None:
    assert sakip.achievement is sakip.measure.achievement
    assert sakip.ikm is sakip.measure.ikm
    assert sakip.predikat is sakip.measure.predikat
    assert {"achievement", "ikm", "predikat"} <= set(sakip.__all__)
    code = (
        "import sys, sakip; lazy = 'sakip.measure' not in sys.modules;"
        " print(lazy, sakip.achievement(3, 4).magnitude, 'sakip.measure' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout.split() == ["True", "75.0", "True"], done.stderr  # 3 / 4 = 75%


@pytest.mark.parametrize(
    ("actual", "target"),
    [
        ((1, 2, 3), (1, 2)),  # a tuple is a range target, never a realisasi
        ([[1], [1, 2]], 0),  # a ragged list
        (np.array([]), np.array(["WTP", "WDP"])),  # categories that do not line up
    ],
)
def test_odd_shapes_are_value_type_errors(actual: object, target: object) -> None:
    with pytest.raises(sakip.ValueTypeError):
        achievement(actual, target)


@pytest.mark.parametrize("capaian", [10**400, np.array(["a", "b"])])
def test_predikat_of_what_is_no_capaian(capaian: object) -> None:
    with pytest.raises(sakip.ValueTypeError, match="capaian"):
        predikat(capaian)


def test_rollup_and_trend_of_a_hand_made_table_with_odd_cells() -> None:
    from sakip.measure import trend

    odd = pd.DataFrame(
        {"indicator": ["iku.26", "iku.27", "iku.26", "AKB"], "entity": ["", "", None, "b"],
         "period": [2020, 2020, 2021, [2020]], "value": [10**400, 1.0, "a", 2],
         "capaian": [10**400, "80", 90, {}]}
    )  # fmt: skip
    r = rollup(odd).set_index("period")
    # iku.26 in 2020 has no usable capaian (beyond a float): iku.27's 80 alone, 1 missing
    assert (r.loc[2020, "capaian"], r.loc[2020, "n_missing"]) == (80.0, 1)
    assert r.loc[2021, "capaian"] == 90
    assert math.isnan(r.loc["[2020]", "capaian"])  # a list period is grouped as its text
    # 10**400 is no value to compare: no change, no direction (iku.26 2021 'a' neither)
    assert trend(odd)["direction"].tolist() == ["", "", "", ""]


@pytest.mark.parametrize(
    ("actual", "target", "what"), [(None, 90, "realisasi"), (90, None, "target")]
)
def test_a_missing_realisasi_or_target_is_named_plainly(
    actual: object, target: object, what: str
) -> None:
    # "1 variable has no value: 'Realisasi' (did you mean 'Realisasi'?)" before
    with pytest.raises(sakip.ValueTypeError) as caught:
        achievement(actual, target)  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"the {what} is None (missing)")
    assert "did you mean" not in str(caught.value)


def test_measure_and_rollup_leave_the_callers_tables_alone() -> None:
    import pandas as pd

    table = pd.DataFrame(
        {
            "indicator": ["AK", "AK", "AK"],
            "period": [2019, 2020, 2020],
            "variable": ["Jumlah Tindak Kriminal", "Jumlah Tindak Kriminal", "target"],
            "value": ["120", "96", "-20"],
        }
    )
    before = table.copy(deep=True)
    measured = measure(table)
    assert table.equals(before)
    # AK 2020 = (96 - 120) / 96 x 100 = -25 %
    assert measured[measured["period"] == 2020]["value"].iloc[0] == pytest.approx(-25)
    frozen = measured.copy(deep=True)
    rollup(measured)
    assert measured.equals(frozen)


def test_the_unit_is_the_indicators_even_when_no_row_is_computed() -> None:
    import pandas as pd

    # only a target: the realisasi inputs are missing, the unit is still percent
    table = pd.DataFrame(
        [("dinkes.03", "", 2020, "target", "80")],
        columns=["indicator", "entity", "period", "variable", "value"],
    )
    row = measure(table).iloc[0]
    assert str(row["unit"]) == "percent"
    assert "missing input" in row["reason"]
