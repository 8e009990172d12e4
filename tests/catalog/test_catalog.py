"""The IKU catalog of Perbup Banyuasin 45/2019: structure, lookups, formulas, lint."""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
from sakip.catalog import AmbiguousKeyError, CatalogError, Indicator, Section, UnknownIndicatorError
from sakip.catalog._load import _section
from sakip.catalog.evaluate import GradedResult

DATA = Path(__file__).parent.parent / "data"
CAT = sakip.catalog.load()


# -- structure ------------------------------------------------------------------------------


def test_counts() -> None:
    assert len(CAT.lampiran_1) == 43
    assert list(CAT.lampiran_1) == list(range(1, 44))
    assert len(CAT.sections[0].indicators) == 46  # numbers 3, 4 and 21 have two parts
    assert len(CAT.perangkat_daerah) == 51
    agencies = [s for s in CAT.perangkat_daerah if not s.is_kecamatan]
    kecamatan = [s for s in CAT.perangkat_daerah if s.is_kecamatan]
    assert (len(agencies), len(kecamatan)) == (30, 21)
    assert agencies[0].name == "Sekretariat Daerah"
    assert agencies[-1].name == "Dinas Kepemudaan, Olahraga dan Pariwisata"
    assert kecamatan[0].name == "Kecamatan Banyuasin I"
    assert kecamatan[-1].name == "Kecamatan Karang Agung Ilir"
    assert [s.number for s in CAT.perangkat_daerah] == list(range(1, 52))
    assert len(CAT) == 477
    assert sum(1 for s in CAT.perangkat_daerah for _ in s.indicators) == 431


def test_every_section_has_tugas_and_fungsi() -> None:
    for section in CAT.perangkat_daerah:
        assert section.tugas_pokok.strip(), section.code
        assert section.fungsi, section.code
        assert section.indicators, section.code


def test_rows_are_pinned_with_their_seed_lines() -> None:
    pinned = {}
    for line in (DATA / "catalog_rows.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, count, *rows = line.split()
            pinned[code] = (int(count), rows)
    assert list(pinned) == [s.code for s in CAT.sections]
    for section in CAT.sections:
        count, rows = pinned[section.code]
        assert len(section.indicators) == count == len(rows)
        assert [f"{i.id.split('.', 1)[1]}@{i.seed_line}" for i in section.indicators] == rows


def test_seed_lines_point_into_their_section() -> None:
    starts = [s.seed_line for s in CAT.perangkat_daerah] + [5416]
    for section, end in zip(CAT.perangkat_daerah, starts[1:], strict=True):
        for indicator in section.indicators:
            assert section.seed_line < indicator.seed_line < end, indicator.id
    for indicator in CAT.sections[0].indicators:
        assert 483 < indicator.seed_line < 769


def test_every_row_is_well_formed() -> None:
    for indicator in CAT:
        assert indicator.kind in ("formula", "direct")
        assert (indicator.kind == "formula") == (indicator.formula_text is not None)
        assert indicator.polarity in ("higher", "lower")
        if indicator.polarity == "lower":
            assert indicator.polarity_reason
        assert isinstance(indicator.catatan, tuple)


def test_direct_measures_with_closed_sets() -> None:
    assert CAT.get("iku.43").allowed_values == ("WTP", "WDP", "TW", "TMP")
    assert CAT.get("SPIP").allowed_values == ("1", "2", "3", "4", "5")
    assert CAT.get("iku.05").kind == "direct"


def test_kecamatan_templates_share_definitions() -> None:
    a, b = CAT.get("kec_betung.01"), CAT.get("kec_tanjung_lago.01")
    assert a.template == b.template is not None
    assert (a.name, a.formula_text, a.sasaran) == (b.name, b.formula_text, b.sasaran)
    assert a.seed_line != b.seed_line
    assert sum(1 for i in CAT if i.template) == 178


# -- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [("iku.06", "iku.06"), ("IKU.06", "iku.06"), (6, "iku.06"), ("6", "iku.06"), ("AKB", "iku.06"),
     ("akb", "iku.06"), ("AKI", "iku.07"), ("HLS", "iku.02"), ("RLS", "iku.01"), ("IKLH", "iku.37"),
     ("IKM", "iku.41"), ("NTP", "iku.18"), ("NTN", "iku.19"), ("NTPi", "iku.20"), ("PPH", "iku.09"),
     ("TPT", "iku.27"), ("dinkes.03", "dinkes.03"), ("APM", None)],
)  # fmt: skip
def test_get(key: Any, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(AmbiguousKeyError, match=r"disdik\.05.*disdik\.12"):
            CAT.get(key)
    else:
        assert CAT.get(key).id == expected


@pytest.mark.parametrize("key", ["APS", 3, "PMA", 21])
def test_ambiguous_keys_list_the_candidates(key: Any) -> None:
    with pytest.raises(AmbiguousKeyError) as info:
        CAT.get(key)
    assert len(info.value.candidates) == 2
    assert isinstance(info.value, sakip.SakipError)


def test_unknown_key() -> None:
    with pytest.raises(UnknownIndicatorError, match="no indicator 'XYZ'"):
        CAT.get("XYZ")
    with pytest.raises(sakip.SakipError):
        CAT.get(99)


def test_search_and_sections() -> None:
    assert [i.id for i in CAT.search("kematian bayi")] == ["iku.06"]
    dinkes = CAT.section("dinkes")
    assert dinkes.name == "Dinas Kesehatan"
    assert {i.section for i in CAT.search("Dinas Kesehatan")} >= {"dinkes"}
    assert CAT.section(10) is dinkes


def test_formulas_are_parsed_lazily_and_cached() -> None:
    indicator = CAT.get("iku.26")
    assert indicator.formula is indicator.formula
    assert indicator.variables == ("Penduduk yang bekerja", "Angkatan Kerja")


# -- every formula --------------------------------------------------------------------------

FORMULAS = [i for i in CAT if i.formula_text is not None]


def test_every_formula_parses() -> None:
    assert len(FORMULAS) == 426
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for indicator in FORMULAS:
            assert isinstance(indicator.formula, sakip.Formula), indicator.id


def inputs(indicator: sakip.catalog.Indicator, draw: Any = None) -> dict[str, Any]:
    """Valid values for every variable of an indicator's formula."""
    formula = indicator.formula
    assert formula is not None
    number = (lambda: draw(st.floats(min_value=1, max_value=1e6))) if draw else (lambda: 37.0)
    values: dict[str, Any] = {}
    for slot in formula.slots:
        if slot.variable is None:
            continue
        name = formula.variables[slot.variable]
        if slot.kind == "indexed" and indicator.scale:  # IKM: answers 1..4 per unsur
            values[name] = {i: 1 + (number() % 3) for i in range(0, 30)}
        elif slot.kind == "indexed":
            values[name] = {i: number() for i in range(0, 30)}
        elif slot.kind == "shift" or (name in values and isinstance(values[name], dict)):
            series = values.get(name) if isinstance(values.get(name), dict) else {}
            values[name] = {**series, 2020: number(), 2020 + slot.offset: number()}
        elif slot.categorical:
            values[name] = next(iter(formula.categories), "x")
        elif slot.date_typed:
            values[name] = dt.date(2019, 12, 20) if draw is None else draw(st.dates())
        else:
            values.setdefault(name, number())
    has_sum = any(slot.kind == "indexed" for slot in formula.slots)
    for name in ("a", "n"):  # bounds of Σ (HLS: ages a..n)
        if has_sum and name in values and not isinstance(values[name], dict):
            values[name] = 7 if name == "a" else 12
    return values


def check_result(
    indicator: sakip.catalog.Indicator, result: sakip.Result, caught: list[warnings.WarningMessage]
) -> None:
    if isinstance(result.magnitude, str):
        return
    assert math.isfinite(result.magnitude), indicator.id
    contradiction = any(issubclass(w.category, sakip.CatalogWarning) for w in caught)
    if indicator.unit is not None and not contradiction:
        # in its declared unit, unless lint reports the satuan contradicts the formula
        assert result.units == indicator.unit, indicator.id


def test_every_formula_indicator_evaluates() -> None:
    contradicting = set()
    for indicator in FORMULAS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = sakip.evaluate(indicator, inputs(indicator), period=2020)
            except sakip.ZeroDenominatorError:
                continue  # documented: e.g. (B - C) in a denominator with B = C
        check_result(indicator, result, caught)
        if any(issubclass(w.category, sakip.CatalogWarning) for w in caught):
            contradicting.add(indicator.id)
    # the satuan contradictions are exactly lint's unit findings
    assert contradicting == {f.id for f in sakip.lint() if f.kind == "unit"}


@settings(max_examples=300)
@given(st.sampled_from(FORMULAS), st.data())
def test_catalog_formulas_on_generated_inputs(
    indicator: sakip.catalog.Indicator, data: st.DataObject
) -> None:
    values = inputs(indicator, data.draw)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = sakip.evaluate(indicator, values, period=2020)
        except (sakip.ZeroDenominatorError, sakip.ConditionError):
            return  # the documented errors for these inputs
    check_result(indicator, result, caught)


# -- hand-computed checks (each figure worked out in the comment) ------------------------------


def ev(key: str, values: dict[str, Any], **kw: Any) -> sakip.Result:
    return sakip.evaluate(key, values, **kw)


def test_akb_per_1000_with_glossary_aliases() -> None:
    # 41 deaths / 15.000 live births x 1.000 = 2,7333 per 1.000 kelahiran hidup
    r = ev("AKB", {"Jumlah Kematian Bayi (berumur kurang 1 tahun) pada satu tahun tertentu": 41,
                   "Jumlah Kelahiran Hidup pada satu tahun tertentu": 15000})  # fmt: skip
    assert r.magnitude == pytest.approx(2.733333333333)
    assert r.units == sakip.ureg.per_1000_kelahiran_hidup
    # by the symbols, with live births as a series summed by Σ: 41 / (7.000 + 8.000) x 1.000
    r2 = ev("iku.06", {"D0-<1th": 41, "Lahir Hidup": {1: 7000, 2: 8000}})
    assert r2.magnitude == pytest.approx(r.magnitude)


def test_aki_per_100000() -> None:
    # 3 / 14.500 x 100.000 = 20,6897
    indicator = CAT.get("AKI")
    a, b = indicator.variables
    r = ev("AKI", {a: 3, b: 14500})
    assert r.magnitude == pytest.approx(20.689655172)
    assert str(r) == "20,69 per 100.000 kelahiran hidup"


def test_hls_bounded_sum_with_correction_factor() -> None:
    # 1,1 x (90/100 + 80/100 + 50/100) = 1,1 x 2,2 = 2,42 tahun
    r = ev("HLS", {"Faktor Koreksi Pesantren": 1.1, "a": 7, "n": 9,
                   "E": {7: 90, 8: 80, 9: 50}, "P": {7: 100, 8: 100, 9: 100}})  # fmt: skip
    assert (r.magnitude, r.units) == (pytest.approx(2.42), sakip.ureg.tahun)


def test_iklh_both_ways() -> None:
    # Lampiran I: (60 + 90 + 30) / 3 = 60; Dinas LH: 0,3 x 90 + 0,3 x 60 + 0,4 x 30 = 57
    assert ev("iku.37", {"IPA": 60, "IPU": 90, "ITH": 30}).magnitude == pytest.approx(60)
    assert ev("dlh.01", {"IPU": 90, "IPA": 60, "TH": 30}).magnitude == pytest.approx(57)
    assert CAT.get("IKLH").id == "iku.37"  # the regency's own IKU answers to the abbreviation


@pytest.mark.parametrize(
    ("nrr", "converted", "grade", "label"),
    [
        ([4] * 14, 100, "A", "Sangat Baik"),  # 4 x 25
        ([3] * 7 + [4] * 7, 87.5, "A", "Sangat Baik"),  # 3,5 x 25
        ([3.25] * 14, 81.25, "B", "Baik"),  # the B/A boundary belongs to B
        ([2.5] * 14, 62.5, "C", "Kurang Baik"),
        ([1.75] * 14, 43.75, "D", "Tidak Baik"),
        ([1] * 14, 25, "D", "Tidak Baik"),
    ],
)
def test_ikm_converted_value_and_grade(
    nrr: list[float], converted: float, grade: str, label: str
) -> None:
    for key in ("IKM", "setda.06"):
        r = ev(key, {"NRR": dict(enumerate(nrr, start=1))})
        assert isinstance(r, GradedResult)
        assert r.magnitude == pytest.approx(converted, abs=1e-12)
        assert (r.grade, r.label) == (grade, label)


def test_ikm_weight_is_exactly_one_fourteenth() -> None:
    import sympy

    formula = CAT.get("IKM").formula
    assert formula is not None and not formula.expr.atoms(sympy.Float)
    assert any("1/12" in c for c in CAT.get("setda.06").catatan)


def test_pph() -> None:
    # 25 + 2 + 20 + 5 + 1 + 8 + 2,5 + 25 = 88,5 (see tests/data/valid/seed_pph.txt)
    values = {"AKE Padi-padian": 60, "AKE Umbi-umbian": 4, "AKE Pangan Hewani": 10,
              "AKE Minyak dan Lemak": 12, "AKE Buah/Biji Berminyak": 3, "AKE Kacang-kacangan": 4,
              "AKE Gula": 5, "AKE Sayur dan Buah": 5}  # fmt: skip
    assert ev("PPH", values).magnitude == pytest.approx(88.5)
    assert ev("dkp.01", values).magnitude == pytest.approx(88.5)


def test_irb_ntp_ntn() -> None:
    assert ev("IRB", {"Komponen Pengungkit": 70, "Komponen Hasil": 80}).magnitude == pytest.approx(
        74
    )
    assert ev("NTP", {"It": 112, "Ib": 105}).magnitude == pytest.approx(106.666666667)
    assert ev(
        "NTP", {"Indeks yang diterima petani": 112, "Indeks yang dibayar": 105}
    ).magnitude == pytest.approx(106.666666667)
    ntn = CAT.get("NTN")
    assert ev("NTN", dict(zip(ntn.variables, (98, 100), strict=True))).magnitude == pytest.approx(
        98
    )


def test_crime_and_perda_change_rates() -> None:
    # AK as catalogued (denominator tahun n): (96 - 120) / 96 x 100 = -25
    assert ev(
        "AK", {"Jumlah Tindak Kriminal": {2019: 120, 2020: 96}}, period=2020
    ).magnitude == pytest.approx(-25)
    # (64 - 52) / 64 x 100 = 18,75
    assert ev(
        "iku.11", {"Jumlah Pelanggaran Perda": {2019: 64, 2020: 52}}, period=2020
    ).magnitude == pytest.approx(18.75)


def test_bpkad_conditional_rules() -> None:
    assert ev("bpkad.01", {"n": dt.date(2019, 12, 31)}, period=2020).magnitude == 100
    assert ev("bpkad.01", {"n": dt.date(2020, 1, 2)}, period=2020).magnitude == 0
    assert ev("bpkad.02", {"n": "WTP"}).magnitude == 100
    assert ev("bpkad.02", {"n": "WDP"}).magnitude == 0


def test_direct_measures() -> None:
    assert ev("iku.43", {"nilai": "wtp"}).magnitude == "WTP"
    with pytest.raises(sakip.ValueTypeError, match="WTP, WDP, TW, TMP"):
        ev("iku.43", {"nilai": "baik"})
    assert ev("SPIP", {"SPIP": 3}).magnitude == 3.0
    with pytest.raises(sakip.ValueTypeError):
        ev("SPIP", {"nilai": 6})
    r = ev("iku.05", {"nilai": 69.5})
    assert (r.magnitude, r.units) == (69.5, sakip.ureg.tahun)
    assert ev("iku.15", {"Jumlah hafiz": 27}).units == sakip.ureg.orang
    assert ev("setwan.01", {"nilai": "ada"}).magnitude == "Ada"
    with pytest.raises(sakip.ValueTypeError, match="measured directly"):
        ev("iku.05", {"a": 1, "b": 2})


@pytest.mark.parametrize(
    ("key", "values", "period", "expected"),
    [
        ("TPT", {"Jumlah Penganggur Terbuka Usia Angkatan Kerja": 6, "Jumlah Penduduk Angkatan Kerja": 120}, None, 5),
        ("iku.26", {"Penduduk yang bekerja": 930, "Angkatan Kerja": 1000}, None, 93),
        ("iku.12", {"Jumlah Pemilih": 800, "Jumlah Pemilih yang terdaftar": 1000}, None, 80),
        # a kecamatan template row, in two kecamatan: 45 / 50 x 100 = 90
        ("kec_betung.01", {"Jumlah Jasa Administrasi Perkantoran yang dipenuhi": 45,
                           "Jumlah Jasa Administrasi yang ditargetkan": 50}, None, 90),
        ("kec_tanjung_lago.01", {"Jumlah Jasa Administrasi Perkantoran yang dipenuhi": 45,
                                 "Jumlah Jasa Administrasi yang ditargetkan": 50}, None, 90),
        # growth rates that the seed prints as precedence traps: (460 - 400) / 400 = 15%
        ("disdagkop.04", {"Jumlah UMKM": {2019: 400, 2020: 460}}, 2020, 15),
        ("rsud.03", {"Pendapatan": {2019: 200, 2020: 250}}, 2020, 25),
        ("bapenda.01", {"realisasi PAD": 150, "realisasi pendapatan daerah": 1200}, None, 12.5),
        ("diskan.01", {"Jumlah produksi perikanan budidaya": 550, "Jumlah produksi pada kondisi awal": 500}, None, 10),
    ],
)  # fmt: skip
def test_hand_computed_percentages(
    key: str, values: dict[str, Any], period: int | None, expected: float
) -> None:
    r = ev(key, values, period=period)
    assert r.magnitude == pytest.approx(expected)
    assert r.units == sakip.ureg.percent


def test_contradicting_satuan_warns_and_uses_the_formula_unit() -> None:
    # perkim.10: drainage length / road length x 100% declared in M: 5 / 20 = 25%
    indicator = CAT.get("perkim.10")
    with pytest.warns(sakip.CatalogWarning, match="satuan 'M'"):
        r = ev("perkim.10", dict(zip(indicator.variables, (5, 20), strict=True)))
    assert (r.magnitude, r.units) == (25, sakip.ureg.percent)


def test_polarity_of_lower_is_better_indicators() -> None:
    for key in ("AKB", "AKI", "TPT", "AK"):
        assert CAT.get(key).polarity == "lower"


# -- lint ------------------------------------------------------------------------------------


def test_lint_matches_the_golden_file() -> None:
    expected = [
        line
        for line in (DATA / "lint.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert [str(f) for f in sakip.lint()] == expected


def test_lint_reports_the_regulations_contradictions() -> None:
    findings = sakip.lint()
    kinds = {f.kind for f in findings}
    # (the one same-ratio finding, dkp.14, was the slash of "pelaku usaha/masyarakat" read
    # as a division; beside the formula's own " / " it is a name)
    assert {"unit", "missing-percent", "precedence", "duplicate"} <= kinds
    units = {f.id for f in findings if f.kind == "unit"}
    # ratios x 100% declared in M, Unit, Lembar and Ha
    assert {"perkim.10", "perkim.04", "perkim.07", "perkim.05"} <= units
    assert all(f.seed_line > 0 for f in findings)


# -- the loader rejects malformed data -------------------------------------------------------


GOOD = {
    "section": {"number": 99, "code": "test", "name": "Test", "seed_line": 1},
    "indicator": [
        {"id": "test.01", "number": 1, "name": "A", "sasaran": "S", "rumus_asli": "a / b",
         "formula": "a / b", "kind": "formula", "satuan": "%", "unit": "percent",
         "polarity": "higher", "period": "tahunan", "penanggung_jawab": "", "sumber_data": "",
         "seed_line": 2, "catatan": []},
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"polarity": "up"}, "polarity"),
        ({"seed_line": "2"}, "seed_line"),
        ({"colour": "red"}, "colour"),
        ({"kind": "direct"}, "formula"),
        ({"id": "other.01"}, "id"),
        ({"polarity": "lower"}, "polarity_reason"),
        ({"catatan": [1]}, "catatan"),
    ],
)
def test_malformed_rows_name_file_id_and_field(change: dict[str, Any], field: str) -> None:
    row = {**GOOD["indicator"][0], **change}  # type: ignore[index, dict-item]
    with pytest.raises(CatalogError) as info:
        _section("pd99_test.toml", {"section": GOOD["section"], "indicator": [row]}, {})
    message = str(info.value)
    assert message.startswith(f"pd99_test.toml: {row['id']}: field '{field}'")


def test_missing_required_field() -> None:
    row = dict(GOOD["indicator"][0])  # type: ignore[index]
    del row["satuan"]
    with pytest.raises(CatalogError, match="field 'satuan': missing"):
        _section("pd99_test.toml", {"section": GOOD["section"], "indicator": [row]}, {})
    assert _section("pd99_test.toml", GOOD, {}).indicators[0].id == "test.01"


# Found by a QA pass over the public API -------------------------------------------------


def test_unit_asks_for_the_indicator_in_another_unit() -> None:
    # 41 / 15.000 x 1.000 = 2,7333 per 1.000 = 273,33 per 100.000 = 0,27333 %
    values = {"D0-<1th": 41, "Lahir Hidup": 15000}
    assert sakip.evaluate(
        "AKB", values, unit="per 100.000 kelahiran hidup"
    ).magnitude == pytest.approx(273.333333)
    assert sakip.evaluate("AKB", values, unit="%").magnitude == pytest.approx(0.273333333)
    with pytest.raises(sakip.UnitError):
        sakip.evaluate("AKB", values, unit="orang")


def test_lookups_by_odd_keys() -> None:
    import numpy as np

    assert CAT.get(np.int64(6)).id == CAT.get(6.0).id == "iku.06"
    for key in (None, True, 6.5):
        with pytest.raises(UnknownIndicatorError):
            CAT.get(key)  # type: ignore[arg-type]
    with pytest.raises(UnknownIndicatorError, match=r"no indicator 'iku\.99'"):
        sakip.evaluate("iku.99", {})
    assert sakip.evaluate(26, {"Penduduk yang bekerja": 9, "Angkatan Kerja": 10}).magnitude == 90


def test_a_percent_formula_with_a_plain_satuan_keeps_its_percent() -> None:
    # Nilai Tukar Nelayan: 110,05 / 100 x 100 % = 110,05 %, in Lampiran I and in the
    # Dinas Perikanan table alike; the table's satuan "Indeks" once made it 1,1005
    values = {"Indeks yang diterima nelayan": 110.05, "Indeks yang dibayar nelayan": 100}
    assert sakip.evaluate("iku.19", values).magnitude == pytest.approx(110.05)
    with pytest.warns(sakip.CatalogWarning, match="satuan 'Indeks'"):
        r = sakip.evaluate("diskan.03", values)
    assert r.magnitude == pytest.approx(110.05) and r.units == sakip.ureg.percent
    kinds = {(f.id, f.kind) for f in sakip.lint()}
    assert {("diskan.03", "unit"), ("diskan.04", "unit"), ("satpolpp.04", "unit")} <= kinds


@pytest.mark.parametrize("values", ["WTP", ["WTP"], 5, ""])
def test_values_that_are_not_a_mapping_are_a_value_type_error(values: object) -> None:
    # "WTP" reached values.items() in a direct measure: AttributeError, no SakipError
    for key in ("iku.43", "iku.26"):
        with pytest.raises(sakip.ValueTypeError, match="values must be a mapping"):
            sakip.evaluate(key, values)  # type: ignore[arg-type]


def test_two_value_keys_of_a_direct_measure_are_named() -> None:
    with pytest.raises(sakip.ValueTypeError) as caught:
        sakip.evaluate("iku.01", {"nilai": 3, "value": 4})
    assert "takes one value, but got 2: 'nilai', 'value'; give only one" in str(caught.value)
    assert sakip.evaluate("iku.01", {"nilai": 3}).magnitude == 3


def test_the_format_doc_follows_the_model() -> None:
    from sakip.catalog.model import format_fields

    doc = (Path(__file__).parents[2] / "docs" / "catalog-format.md").read_text(encoding="utf-8")
    table = doc[doc.index("## `[[indicator]]`") : doc.index("## Units")]
    rows = [line.split("|") for line in table.splitlines() if line.startswith("| `")]
    documented: dict[str, bool] = {}
    for row in rows:
        for name in re.findall(r"`(\w+)`", row[1]):
            documented[name] = row[2].strip().startswith("yes")
    fields = format_fields(Indicator)
    assert set(documented) == set(fields)
    for name, attribute in fields.items():
        assert documented[name] == (attribute.metadata["required"] is True), name
    section_block = doc[doc.index("## `[section]`") : doc.index("## `[[indicator]]`")]
    for name in format_fields(Section):
        assert f"\n{name} = " in section_block, name
    # every data file names the format in one line instead of repeating it
    data = Path(sakip.__file__).parent / "catalog" / "data"
    for path in data.glob("pd*.toml"):
        assert path.read_text(encoding="utf-8").splitlines()[1].startswith("# Format:"), path
