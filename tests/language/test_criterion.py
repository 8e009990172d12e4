"""A criterion in a percentage's or a count's definition: the test for one unit.

Each expected label is worked out by hand from the bounds as written (a range said to
be one holds both ends; ``<`` leaves its number out; a coverage threshold is "at least").
"""

from __future__ import annotations

import pytest

import sakip
from sakip.language.criterion import read_criterion

ZSCORE = (
    "Persentase anak berusia 0-59 bulan dengan z-score hasil pengukuran BB/PB atau BB/TB"
    " berada dalam rentang -2 SD s.d. + 1 SD"
)
AIR = (
    "Jumlah Kabupaten/Kota yang melaksanakan pengawasan air minum baik secara internal"
    " maupun eksternal yang dilakukan secara rutin. Kabupaten/kota dengan kualitas air minum"
    " memenuhi syarat (E-Coli dan 4 parameter kimia tertentu) di 70% Sarana Air Minum dan"
    " 30% air minum rumah tangga"
)
IN, OUT = "dihitung dalam pembilang", "tidak dihitung dalam pembilang"


@pytest.mark.parametrize(
    ("value", "label"),
    [(-1.4, IN), (-2, IN), (1, IN), (-2.01, OUT), (1.5, OUT)],  # -2 <= z <= 1
)
def test_a_range_says_which_units_a_percentage_counts(value: float, label: str) -> None:
    f = sakip.parse(ZSCORE)
    # "hasil pengukuran" says how the z-score is got; "0-59 bulan" qualifies the children
    assert f.variables == ("z-score BB/PB atau BB/TB",)
    assert sakip.evaluate(f, {"z-score BB/PB atau BB/TB": value}).magnitude == label
    assert any("hasil pengukuran" in note for note in f.notes)
    assert any("in SD" in note for note in f.notes)


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # a count: counted or not; 0,7 itself is not "lebih dari 0,7"
        ("Jumlah desa dengan IDM lebih dari 0,7", "IDM",
         {0.7: "tidak dihitung", 0.71: "dihitung"}),
        # "antara a dan b" holds both ends
        ("Cakupan desa dengan IDM antara 0,5 dan 0,7", "IDM",
         {0.5: IN, 0.7: IN, 0.71: OUT}),
        # a unit after a one-sided bound: 11 is not < 11
        ("Persentase ibu hamil dengan kadar Hb < 11 g/dL", "kadar Hb",
         {10.9: IN, 11: OUT}),
        # "minimal" is >=; the subject after "yang"
        ("Persentase desa yang IDM minimal 0,7073", "IDM", {0.7073: IN, 0.7: OUT}),
    ],
)  # fmt: skip
def test_criterion_forms(text: str, variable: str, cases: dict[float, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        assert sakip.evaluate(f, {variable: value}).magnitude == label


@pytest.mark.parametrize(
    ("sarana", "rumah_tangga", "label"),
    [
        (74, 28, "tidak memenuhi syarat"),  # 74 >= 70 but 28 < 30
        (74, 30, "memenuhi syarat"),  # both at least their thresholds
        (69.9, 90, "tidak memenuhi syarat"),
        ("74%", "31%", "memenuhi syarat"),  # values in percent compare the same
    ],
)
def test_coverage_thresholds_are_minimum_shares(
    sarana: float | str, rumah_tangga: float | str, label: str
) -> None:
    f = sakip.parse(AIR)
    names = ("% Sarana Air Minum memenuhi syarat", "% air minum rumah tangga memenuhi syarat")
    assert f.variables == names
    values = dict(zip(names, (sarana, rumah_tangga), strict=True))
    assert sakip.evaluate(f, values).magnitude == label
    assert any("describes what is counted" in note for note in f.notes)
    assert any("E-Coli" in note for note in f.notes)


@pytest.mark.parametrize(
    "text",
    [
        "Persentase penduduk usia 15-64 tahun",  # a range in a name: no range word
        "Persentase penduduk dengan usia 15-64 tahun",
        "Persentase Puskesmas yang minimal memiliki 5 jenis tenaga kesehatan",
        "Persentase desa dengan IDM berada dalam rentang 0,5 s.d. 0,7 per tahun lalu",
        "Persentase desa = desa dengan IDM > 0,7 / jumlah desa x 100%",
        "Jumlah desa dengan IDM > 0,7 dibagi jumlah desa",
        "Jumlah desa tahun 2019. Desa dengan IDM lebih dari 0,7",  # a number before
        "Persentase desa dengan 70% penduduk",
        "Angka desa dengan IDM > 0,7",  # not a share nor a count
    ],
)
def test_not_a_criterion(text: str) -> None:
    assert read_criterion(text) is None


def test_a_range_that_holds_no_value_is_refused() -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match=r"'0,8 s\.d\. 0,7' holds no value"):
        sakip.parse("Persentase desa dengan IDM berada dalam rentang 0,8 s.d. 0,7")


def test_no_catalog_or_golden_formula_is_a_criterion() -> None:
    texts = [t for i in sakip.catalog.load() for t in (i.formula_text, i.rumus_asli) if t]
    assert len(texts) > 400
    assert [t for t in texts if read_criterion(t) is not None] == []


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # the criterion alone in a bracket that ends the text; 0,8155 is not > 0,8155
        ("Persentase desa berstatus mandiri (IDM > 0,8155)", "IDM",
         {0.9: IN, 0.8155: OUT}),
        ("Jumlah balita stunting (TB/U < -2 SD)", "TB/U",
         {-2.5: "dihitung", -2: "tidak dihitung"}),
    ],
)  # fmt: skip
def test_a_criterion_in_a_bracket(text: str, variable: str, cases: dict[float, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        assert sakip.evaluate(f, {variable: value}).magnitude == label


@pytest.mark.parametrize(
    "text",
    ["Persentase desa (2019)", "Jumlah penduduk (usia 15-64 tahun)", "Persentase desa (IDM)"],
)
def test_a_bracket_without_a_comparison_is_no_criterion(text: str) -> None:
    assert read_criterion(text) is None


@pytest.mark.parametrize(
    ("value", "label"),
    [(100, "ODF"), (99.5, "tidak ODF")],  # 100% is needed: 99,5 is not at least 100
)
def test_a_declared_label_needs_its_share(value: float, label: str) -> None:
    f = sakip.parse("Kab/Kota dinyatakan ODF apabila 100% desa/kelurahan telah ODF")
    assert f.variables == ("% desa/kelurahan telah ODF",)
    assert sakip.evaluate(f, {"% desa/kelurahan telah ODF": value}).magnitude == label


@pytest.mark.parametrize(
    "text",
    [
        "Kab/Kota dinyatakan ODF apabila seluruh desa telah ODF",  # no threshold
        "Kab/Kota dinyatakan ODF apabila 100 desa telah ODF",  # a count, not a share
        "Kab/Kota dinyatakan ODF apabila 100% desa / jumlah desa",  # arithmetic
    ],
)
def test_a_declared_label_without_a_share_is_no_criterion(text: str) -> None:
    assert read_criterion(text) is None


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # "yaitu": the words before it name the units, after it the value; both ends held
        ("Persentase balita dengan status gizi normal yaitu z-score BB/TB berada pada -2 SD"
         " sampai dengan +2 SD", "z-score BB/TB", {2: IN, 2.1: OUT, -2: IN}),
        # a unit with "per": 2.100 is not below 2.100
        ("Persentase rumah tangga yang konsumsi kalorinya di bawah 2.100 kkal per kapita per"
         " hari", "konsumsi kalorinya", {2099: IN, 2100: OUT}),
        # "memiliki" is no part of the name; 80 is "minimal 80"
        ("Persentase sekolah yang memiliki nilai akreditasi minimal 80", "nilai akreditasi",
         {80: IN, 79.9: OUT}),
    ],
)  # fmt: skip
def test_criterion_names_as_written(text: str, variable: str, cases: dict[float, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        assert sakip.evaluate(f, {variable: value}).magnitude == label
