"""Wordings other regions write (issue 9): each case's value worked out by hand."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import sakip

CASES: list[tuple[str, dict[str, Any], float]] = [
    # verbal ratios: Persentase/Proporsi scale to percent, Rasio/Perbandingan do not
    (
        "Persentase dari jumlah penganggur terhadap jumlah angkatan kerja.",
        {"jumlah penganggur": 25, "jumlah angkatan kerja": 500},
        5.0,  # 25 / 500 x 100
    ),
    (
        "Proporsi sampel yang memenuhi syarat dibandingkan seluruh sampel",
        {"sampel yang memenuhi syarat": 45, "seluruh sampel": 50},
        90.0,  # 45 / 50 x 100
    ),
    (
        "Perbandingan antara jumlah murid dengan jumlah guru",
        {"jumlah murid": 300, "jumlah guru": 20},
        15.0,  # 300 / 20
    ),
    (
        "Rasio jumlah puskesmas terhadap jumlah penduduk",
        {"jumlah puskesmas": 3, "jumlah penduduk": 60},
        0.05,  # 3 / 60
    ),
    (
        "Jumlah rumah layak dibandingkan dengan jumlah rumah",
        {"Jumlah rumah layak": 30, "jumlah rumah": 40},
        0.75,  # 30 / 40
    ),
    # a second term that names a whole makes a share, in percent (unless a scale is written)
    (
        "Rasio jumlah koperasi sehat terhadap total koperasi",
        {"jumlah koperasi sehat": 20, "total koperasi": 80},
        25.0,  # 20 / 80 x 100
    ),
    (
        "Perbandingan antara jumlah rumah tangga berlistrik dengan jumlah rumah tangga secara"
        " keseluruhan",
        {"jumlah rumah tangga berlistrik": 45, "jumlah rumah tangga secara keseluruhan": 60},
        75.0,  # 45 / 60 x 100
    ),
    (
        "Rasio kasus terhadap seluruh penduduk x 1.000",
        {"kasus": 3, "seluruh penduduk": 600},
        5.0,  # 3 / 600 x 1000: the written scale, no percent on top
    ),
    (
        "Perbandingan antara panjang jalan rusak (dalam satuan m) terhadap panjang jalan total"
        " (dalam satuan km)",
        {
            "panjang jalan rusak (dalam satuan m)": 350,
            "panjang jalan total (dalam satuan km)": 120,
        },
        350 / 120,  # measures in units of their own: a ratio, not a share
    ),
    # a definition whose body is a worded ratio
    (
        "Rasio elektrifikasi didefinisikan sebagai perbandingan antara jumlah rumah tangga"
        " berlistrik dengan jumlah rumah tangga.",
        {"jumlah rumah tangga berlistrik": 30, "jumlah rumah tangga": 40},
        0.75,  # 30 / 40
    ),
    (
        "Rasio elektrifikasi adalah tingkat perbandingan jumlah penduduk berlistrik dengan"
        " jumlah total penduduk di suatu wilayah atau negara.",
        {"jumlah penduduk berlistrik": 93, "jumlah total penduduk": 100},
        93.0,  # 93 / 100 x 100: a share of the total; "di suatu wilayah" is context
    ),
    (
        "Perbandingan jumlah murid dengan jumlah guru",
        {"jumlah murid": 300, "jumlah guru": 20},
        15.0,  # 300 / 20: the only "dengan" after the head divides
    ),
    (
        "Perbandingan penduduk dengan disabilitas terhadap penduduk usia kerja",
        {"penduduk dengan disabilitas": 6, "penduduk usia kerja": 200},
        0.03,  # 6 / 200: "terhadap" divides, so "dengan" stays in the name
    ),
    (
        "Jumlah kematian bayi dari setiap 1000 kelahiran hidup atau dapat dikatakan juga"
        " sebagai probabilitas bayi meninggal",
        {"Jumlah kematian bayi": 38, "kelahiran hidup": 2450},
        38 / 2450 * 1000,  # 15,51...: "dari setiap" is a rate; "atau dapat dikatakan" restates
    ),
    # + and - in words, comparisons and periods as other regions write them
    (
        "Realisasi pendapatan dikurangi dengan target pendapatan",
        {"Realisasi pendapatan": 120, "target pendapatan": 100},
        20.0,  # 120 - 100
    ),
    (
        "Jumlah penduduk laki-laki ditambah jumlah penduduk perempuan",
        {"Jumlah penduduk laki-laki": 40, "jumlah penduduk perempuan": 45},
        85.0,  # 40 + 45
    ),
    (
        "Persentase sampah yang dikurangi / total sampah x 100%",
        {"Persentase sampah yang dikurangi": 3, "total sampah": 12},
        25.0,  # "yang dikurangi" is part of the name: 3 / 12 x 100
    ),
    (
        "Apabila total nilai tertimbang melebihi 10, maka dikonversi menjadi 10.",
        {"total nilai tertimbang": 12.5},
        10.0,  # 12,5 > 10: 10
    ),
    (
        "IKTL=0,23 ITH+0,24 IPH+0,30 IKT+0,15 IKBA+0,08 IKH",
        {"ITH": 62.4, "IPH": 58.1, "IKT": 71.5, "IKBA": 49.8, "IKH": 66.0},
        # 14,352 + 13,944 + 21,45 + 7,47 + 5,28 = 62,496
        0.23 * 62.4 + 0.24 * 58.1 + 0.30 * 71.5 + 0.15 * 49.8 + 0.08 * 66.0,
    ),
    (
        "Bila Produk Domestik Regional Bruto dibagi dengan jumlah penduduk, maka akan"
        " diperoleh suatu Produk Domestik Regional Bruto per Kapita.",
        {"Produk Domestik Regional Bruto": 2_000_000, "jumlah penduduk": 40},
        50_000.0,  # 2.000.000 / 40: the arithmetic yields the named result
    ),
    (
        "Angka Kematian Kasar adalah angka yang menunjukkan berapa besarnya kematian yang"
        " terjadi untuk setiap 1000 penduduk.",
        {"besarnya kematian yang terjadi": 21, "penduduk": 3000},
        7.0,  # 21 / 3000 x 1000
    ),
    (
        "Indeks Variabel = Σ Indikator X / Nilai Maksimum X",
        {"Indikator X": np.array([4, 5, 3, 2]), "Nilai Maksimum X": 20},
        0.7,  # (4 + 5 + 3 + 2) / 20: "X" with no value after it names the variable
    ),
    # "dengan konstanta N" after a ratio is its scale
    (
        "Membagi jumlah tenaga kesehatan dengan jumlah penduduk di suatu desa/kelurahan dengan"
        " konstanta (100)",
        {"jumlah tenaga kesehatan": 42, "jumlah penduduk di suatu desa/kelurahan": 3500},
        1.2,  # 42 / 3500 x 100
    ),
    (
        "Rasio kasus terhadap penduduk dengan konstanta 1.000",
        {"kasus": 3, "penduduk": 600},
        5.0,  # 3 / 600 x 1000
    ),
    # a lettered subscript in braces with no Σ names, as a plain one does
    (
        "$KMJN=\\frac{PJN_{bs}}{TPJN}\\times100\\%$",
        {"PJN_bs": 410, "TPJN": 500},
        82.0,  # 410 / 500 x 100
    ),
    # labels and verbs
    (
        "Nilai Subindikator dihitung dengan menggunakan rumus: NSI = SSI x BSI",
        {"SSI": 4, "BSI": 5},
        20.0,  # a heading, then the formula: 4 x 5
    ),
    (
        "Kontribusi Sektor: KS = NTB Sektor / PDRB x 100%",
        {"NTB Sektor": 30, "PDRB": 240},
        12.5,  # a heading, then the formula: 30 / 240 x 100
    ),
    (
        "Angka Kesakitan DBD : (Jumlah kasus / Jumlah populasi) x 100.000",
        {"Jumlah kasus": 3, "Jumlah populasi": 60000},
        5.0,  # 3 / 60000 x 100000
    ),
    (
        "TPT adalah jumlah penganggur dibagi angkatan kerja",
        {"jumlah penganggur": 4, "angkatan kerja": 80},
        0.05,  # 4 / 80
    ),
    (
        "Skor dihitung dengan cara mengalikan nilai dengan bobot, kemudian hasilnya dikalikan"
        " seratus",
        {"nilai": 0.8, "bobot": 0.5},
        40.0,  # 0,8 x 0,5 x 100
    ),
    (
        "Persentase kelulusan dihitung dengan membagi A dengan B, dikalikan 100.",
        {"A": 3, "B": 4},
        75.0,  # 3 / 4 x 100
    ),
    (
        "A dibagi B dinyatakan dalam persen (%)",
        {"A": 1, "B": 8},
        12.5,  # 1 / 8 x 100%
    ),
    (
        "Banyaknya kasus baru dalam setiap 100.000 penduduk",
        {"Banyaknya kasus baru": 12, "penduduk": 240000},
        5.0,  # 12 / 240000 x 100000
    ),
    (
        "Jumlah kematian / jumlah lahir hidup x 1.000 per 1.000 kelahiran hidup",
        {"Jumlah kematian": 6, "jumlah lahir hidup": 2000},
        3.0,  # 6 / 2000 x 1000; the words after name the unit
    ),
    # names as written
    (
        "Jumlah siswa usia 7 - 12 thn / Jumlah penduduk usia 7-12 tahun x 100%",
        {"Jumlah siswa usia 7 - 12 thn": 90, "Jumlah penduduk usia 7-12 tahun": 100},
        90.0,
    ),
    (
        "Jumlah rumah tangga desil 1 s/d 4 dibandingkan jumlah rumah tangga",
        {"Jumlah rumah tangga desil 1 s/d 4": 10, "jumlah rumah tangga": 40},
        0.25,
    ),
    (
        "Jumlah lansia >=60 tahun yang diperiksa / total lansia >=60 tahun x 100%",
        {"Jumlah lansia >=60 tahun yang diperiksa": 30, "total lansia >=60 tahun": 120},
        25.0,
    ),
    (
        "Jumlah item obat di kabupaten/kota / Jumlah obat",
        {"Jumlah item obat di kabupaten/kota": 9, "Jumlah obat": 10},
        0.9,
    ),
    (
        "jumlah murid / jumlah kelas (rombel)",
        {"jumlah murid": 300, "jumlah kelas (rombel)": 12},
        25.0,
    ),
    ("P = (PL_A / PL_K) * 100%", {"PL_A": 1, "PL_K": 4}, 25.0),
    (
        "OPD_Provinsi_Memanfaatkan_Data / Kabupaten_Kota",
        {"OPD_Provinsi_Memanfaatkan_Data": 3, "Kabupaten_Kota": 12},
        0.25,
    ),
    # products that mathematics allows
    ("1/3 (A + B + C)", {"A": 3, "B": 6, "C": 9}, 6.0),
    ("100 (A / B)", {"A": 1, "B": 4}, 25.0),
    ("Nilai rata-rata x 1/9 (0,11111)", {"Nilai rata-rata": 27}, 3.0),  # 27 / 9
    ("30% IKA + 70% IKU", {"IKA": 50, "IKU": 100}, 85.0),  # 15 + 70
]


@pytest.mark.parametrize(("text", "values", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_wording_evaluates_to_the_value_meant(
    text: str, values: dict[str, Any], expected: float
) -> None:
    assert sakip.evaluate(text, values).magnitude == pytest.approx(expected)


def test_every_reading_chosen_by_context_is_noted() -> None:
    f = sakip.parse("Persentase jumlah A terhadap jumlah B")
    assert any("x 100%" in note for note in f.notes)
    f = sakip.parse("X adalah A dibagi B")
    assert any("'adalah' is read as '='" in note for note in f.notes)


def test_an_elided_period_operand_takes_the_name_before_it() -> None:
    # (120 - 100) / 100 x 100 = 20
    result = sakip.evaluate(
        "(PDRB tahun n - tahun n-1) / tahun n-1 x 100%",
        {"PDRB": {2023: 100, 2024: 120}},
        period=2024,
    )
    assert result.magnitude == pytest.approx(20.0)


def test_a_base_year_operand_is_a_value_of_its_own() -> None:
    # (17250 - 15400) / 15400 x 100 = 12,0129...
    result = sakip.evaluate(
        "((Produksi Tahun Berjalan - Tahun Dasar) / Tahun Dasar) x 100%",
        {"Produksi": {2024: 17250}, "Produksi Tahun Dasar": 15400},
        period=2024,
    )
    assert result.magnitude == pytest.approx(1850 / 15400 * 100)


@pytest.mark.parametrize(
    ("text", "offset"), [("PDRB(t-1)", -1), ("PDRB (t)", 0), ("PDRB t-1", -1), ("PDRB_{t-1}", -1)]
)
def test_periods_in_other_notations(text: str, offset: int) -> None:
    f = sakip.parse(text)
    assert f.variables == ("PDRB",)
    assert [s.offset for s in f.slots] == [offset]


def test_sigma_over_a_list_totals_it() -> None:
    # (12000 + 8500 + 4300) / (30000 + 21000 + 9800) x 100 = 24800 / 60800 x 100
    values = {"Tenaga Kerja Formal": [12000, 8500, 4300], "Tenaga Kerja": [30000, 21000, 9800]}
    result = sakip.evaluate("ΣTenaga Kerja Formal / ΣTenaga Kerja x 100%", values)
    assert result.magnitude == pytest.approx(24800 / 60800 * 100)


def test_sigma_over_a_mapping_of_arrays_sums_row_by_row() -> None:
    values = {
        "A": {"x": np.array([1.0, 2.0]), "y": np.array([1.0, 1.0])},
        "B": np.array([2.0, 4.0]),
    }
    result = sakip.evaluate("ΣA / B", values)
    assert list(result.magnitude) == pytest.approx([1.0, 0.75])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Perbandingan jumlah murid dalam suatu jenjang", "only one term"),
        ("Angka kelulusan adalah jumlah lulusan pada setiap jenjang", "definition"),
        ("Persentase jumlah desa mandiri terhadap", "something is missing"),
        (
            "Perbandingan antara A dengan B, biasanya dinyatakan dalam bentuk rasio atau angka per"
            " 1000 pasangan",
            "scale open",
        ),
    ],
)
def test_what_is_not_a_whole_formula_is_refused(text: str, message: str) -> None:
    with pytest.raises(sakip.SakipError, match=message):
        sakip.parse(text)


def test_a_band_table_parses_to_a_formula_whose_result_is_the_label() -> None:
    text = (
        "IKM terbagi menjadi 4 kategori yaitu: 1) Nilai 25-64,99 dengan mutu pelayanan D"
        " (Tidak Baik). 2) Nilai 65-76,6 dengan mutu pelayanan C (Kurang Baik). 3) Nilai"
        " 76,61-88,3 dengan mutu pelayanan B (Baik). 4) Nilai 88,31-100 dengan mutu"
        " pelayanan A (Sangat Baik)"
    )
    f = sakip.parse(text)
    assert f.variables == ("IKM",)
    assert str(f) == text
    # 82,47 lies in 76,61-88,3
    assert sakip.evaluate(f, {"IKM": 82.47}).magnitude == "B (Baik)"
    assert any("gap" in note or "no band" in note for note in f.notes)
    with pytest.raises(sakip.SakipError):
        sakip.evaluate(f, {"IKM": 64.995})  # in the gap between 64,99 and 65


def test_a_growth_wording_is_the_change_over_the_earlier_value() -> None:
    text = (
        "Persentase tingkat pertumbuhan realisasi pajak pada tahun yang dilaporkan"
        " dibandingkan dengan tahun sebelumnya"
    )
    f = sakip.parse(text)
    assert f.variables == ("realisasi pajak",)
    # (248,3 - 210,5) / 210,5 x 100 = 17,957...
    result = sakip.evaluate(f, {"realisasi pajak": {2014: 210.5, 2015: 248.3}}, period=2015)
    assert result.magnitude == pytest.approx((248.3 - 210.5) / 210.5 * 100)
    # without a percent head it is the plain rate: (110 - 100) / 100
    plain = sakip.evaluate(
        "pertumbuhan PDRB tahun n dibandingkan PDRB tahun n-1",
        {"PDRB": {2014: 100, 2015: 110}},
        period=2015,
    )
    assert plain.magnitude == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        (
            "% Desa Mandiri = Jumlah Desa Mandiri / Total Desa x 100%",
            {"Jumlah Desa Mandiri": 18, "Total Desa": 144},
            12.5,
        ),
        ("%AKE x 2", {"%AKE": 3}, 6.0),
        ("√(A x B)", {"A": 4, "B": 9}, 6.0),
    ],
)
def test_percent_signs_and_roots_as_written(
    text: str, values: dict[str, Any], expected: float
) -> None:
    assert sakip.evaluate(text, values).magnitude == pytest.approx(expected)


def test_a_written_series_stands_for_its_names() -> None:
    f = sakip.parse("Lt = L1 + L2 + ... + L5")
    assert f.variables == ("L1", "L2", "L3", "L4", "L5")
    # 1 + 2 + 3 + 4 + 5
    assert sakip.evaluate(f, {f"L{k}": k for k in range(1, 6)}).magnitude == 15


@pytest.mark.parametrize(
    ("text", "message"),
    [("A + ... + B", "series"), ("L5 + ... + L2", "numbered upwards"), ("... + L2", "series")],
)
def test_a_series_that_cannot_be_filled_in_is_refused(text: str, message: str) -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match=message):
        sakip.parse(text)


def test_sigma_word_with_index_ranges_is_a_bounded_sum() -> None:
    f = sakip.parse("Skor = SIGMA [Dimensi (1-3) x Bobot (1-3)]")
    assert f.variables == ("Dimensi", "Bobot")
    # 60 x 0,5 + 70 x 0,3 + 80 x 0,2 = 30 + 21 + 16 = 67
    values = {"Dimensi": {1: 60, 2: 70, 3: 80}, "Bobot": {1: 0.5, 2: 0.3, 3: 0.2}}
    assert sakip.evaluate(f, values).magnitude == pytest.approx(67)


@pytest.mark.parametrize(
    ("text", "variables"),
    [
        (
            "Jumlah penduduk ber-KTP / Jumlah penduduk",
            ("Jumlah penduduk ber-KTP", "Jumlah penduduk"),
        ),
        (
            "Jumlah penduduk ber- KTP / Jumlah penduduk",
            ("Jumlah penduduk ber-KTP", "Jumlah penduduk"),
        ),
        ("Jumlah E-KTP / Jumlah penduduk", ("Jumlah E-KTP", "Jumlah penduduk")),
        ("Realisasi-Rencana", ("Realisasi", "Rencana")),  # still a subtraction, flagged
    ],
)
def test_hyphens_in_names(text: str, variables: tuple[str, ...]) -> None:
    assert sakip.language.parse_quietly(text).variables == variables


def test_a_percent_word_in_brackets_after_a_number_is_its_unit() -> None:
    # 1 / 4 x 100 (persen) = 25 %
    assert str(sakip.evaluate("A / B x 100 (persen)", {"A": 1, "B": 4})) == "25,00 %"


def test_monthly_periods() -> None:
    values = {"A": {"2024-01": 100, "2024-02": 110}}
    # (110 - 100) / 100 x 100 = 10 %
    text = "(A bulan ini - A bulan sebelumnya) / A bulan sebelumnya x 100%"
    assert sakip.evaluate(text, values, period="2024-02").magnitude == pytest.approx(10)
    # December of the year before: 110 - 100
    across = {"A": {"2023-12": 100, "2024-01": 110}}
    assert sakip.evaluate("A bulan ini - A bulan lalu", across, period="2024-01").magnitude == 10
    # a year back from a month is the same month a year before: 130 - 100
    yearly = {"A": {"2023-02": 100, "2024-02": 130}}
    assert sakip.evaluate("A tahun n - A tahun n-1", yearly, period="2024-02").magnitude == 30
    with pytest.raises(sakip.ValueTypeError, match="month"):
        sakip.evaluate("A bulan ini - A bulan lalu", {"A": {2023: 1, 2024: 2}}, period=2024)
    assert sakip.parse("Jumlah bulan kerja / 12").variables == ("Jumlah bulan kerja",)


@pytest.mark.parametrize("period", ["2024-13", "abc", 0, True, 2024.0])
def test_a_period_that_names_no_year_or_month_is_refused(period: Any) -> None:
    with pytest.raises(sakip.ValueTypeError, match="period must be"):
        sakip.evaluate("A tahun n", {"A": {2024: 1}}, period=period)


def test_context_after_a_verbal_term_leaves_its_name_unless_names_would_merge() -> None:
    # "pada setiap kecamatan" / "pada tiap kabupaten" are all that tell the terms apart:
    # trimmed, both would be 'jumlah desa' and the ratio A / A = 1
    text = "Persentase jumlah desa pada setiap kecamatan terhadap jumlah desa pada tiap kabupaten"
    assert sakip.parse(text).variables == (
        "jumlah desa pada setiap kecamatan",
        "jumlah desa pada tiap kabupaten",
    )
    # trimmed: a note says what was left out and from which name
    f = sakip.parse("Persentase jumlah lulusan pada setiap jenjang terhadap jumlah siswa")
    assert f.variables == ("jumlah lulusan", "jumlah siswa")
    assert any("'pada setiap jenjang'" in note and "'jumlah lulusan'" in note for note in f.notes)
    # with signs, names are as written
    assert sakip.parse("jumlah lulusan pada setiap jenjang / jumlah siswa").variables[0] == (
        "jumlah lulusan pada setiap jenjang"
    )


def test_the_base_year_is_a_year_and_never_a_guess() -> None:
    text = "((Produksi Tahun Berjalan - Tahun Dasar) / Tahun Dasar) x 100%"
    series = {"Produksi": {2020: 15400, "2024": 17250}}
    # (17250 - 15400) / 15400 x 100, the base year as int, text or a whole float
    for year in (2020, "2020", 2020.0):
        got = sakip.evaluate(text, {**series, "Tahun Dasar": year}, period=2024).magnitude
        assert got == pytest.approx(1850 / 15400 * 100)
    # a plain Produksi: is 2020 a year or a production? refused, not computed
    with pytest.raises(sakip.ValueTypeError, match="base year of 'Produksi'"):
        sakip.evaluate(text, {"Produksi": 17250, "Tahun Dasar": 2020})
    with pytest.raises(sakip.ValueTypeError, match="must be a year"):
        sakip.evaluate(text, {**series, "Tahun Dasar": 15400.5}, period=2024)
    with pytest.raises(sakip.ConflictingValuesError):
        values = {**series, "Tahun Dasar": 2020, "Produksi Tahun Dasar": 15400}
        sakip.evaluate(text, values, period=2024)
    with pytest.raises(sakip.MissingValueError, match="period 2020"):
        sakip.evaluate(text, {"Produksi": {2024: 1}, "Tahun Dasar": 2020}, period=2024)
    with pytest.raises(sakip.ValueTypeError, match="must be a year"):  # not a month
        monthly = {"Produksi": {"2020-01": 1, "2024-01": 2}, "Tahun Dasar": "2020-01"}
        sakip.evaluate(text, monthly, period="2024-01")
    # errors name the value in the base year, not the year
    with pytest.raises(sakip.ZeroDenominatorError, match="'Produksi Tahun Dasar' is 0"):
        sakip.evaluate(text, {"Produksi": {2020: 0, 2024: 5}, "Tahun Dasar": 2020}, period=2024)
    with pytest.raises(sakip.FormulaSyntaxError, match="'tahun dasar'"):
        sakip.parse("Produksi tahun dasar tahun n-1")  # the words as written, no token name


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a qualifier that defines the value stays in the name
        (
            "Persentase jumlah keluarga di setiap desa yang memiliki jamban sehat terhadap"
            " total keluarga",
            "jumlah keluarga di setiap desa yang memiliki jamban sehat",
        ),
        (
            "Persentase jumlah penduduk miskin di wilayah perkotaan terhadap jumlah penduduk",
            "jumlah penduduk miskin di wilayah perkotaan",
        ),
        (
            "Persentase laporan yang diselesaikan dalam satu hari kerja terhadap jumlah laporan",
            "laporan yang diselesaikan dalam satu hari kerja",
        ),
        # a name in braces is as written, and beside it the same name keeps its context
        (
            "Persentase jumlah guru pada setiap sekolah terhadap {jumlah guru pada setiap sekolah}",
            "jumlah guru pada setiap sekolah",
        ),
        # names that would share a slug keep their context
        (
            "Persentase Jumlah Guru pada setiap sekolah terhadap jumlah_guru",
            "Jumlah Guru pada setiap sekolah",
        ),
    ],
)
def test_context_that_defines_a_value_stays(text: str, first: str) -> None:
    assert sakip.parse(text).variables[0] == first


def test_a_trimmed_name_binds_by_its_whole_form_and_its_glossary_entry() -> None:
    text = (
        "Persentase jumlah lulusan pada setiap jenjang terhadap jumlah murid,"
        " dimana jumlah lulusan pada setiap jenjang = lulusan tetap"
    )
    # 1 / 4 x 100 = 25, whichever name the value is given by
    for key in ("jumlah lulusan", "jumlah lulusan pada setiap jenjang", "lulusan tetap"):
        assert sakip.evaluate(text, {key: 1, "jumlah murid": 4}).magnitude == 25


@pytest.mark.parametrize(
    "text",
    [
        # two names stacked as a fraction whose bar was lost: never one name x 100.000
        "AKI=\nJumlah kelahiran hidup\nJumlah kematian ibu\n×100.000",
        # a numerator on the line above the label: never the label's words
        "jumlah kematian bayi\nAngka kematian neonatal = jumlah lahir hidup x 1000",
    ],
)
def test_a_lost_fraction_bar_is_refused(text: str) -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match="bar was lost"):
        sakip.parse(text)


def test_names_and_labels_that_wrap_are_one_name() -> None:
    f = sakip.parse("Angka\nKematian Bayi = Jumlah penduduk yang\nbekerja / Angkatan\nKerja")
    assert f.name == "Angka Kematian Bayi"
    assert f.variables == ("Jumlah penduduk yang bekerja", "Angkatan Kerja")


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # 115 % > 110 %: the rule applies; 100 % is not above it
        ("jika capaian lebih besar dari 110% maka 120 selain itu 100", 1.15, 120),
        ("jika capaian lebih besar dari 110% maka 120 selain itu 100", 1.0, 100),
        ("Apabila capaian lebih dari atau sama dengan 80 maka 1 selain itu 0", 80, 1),
        ("Apabila capaian kurang dari 80 maka 1 selain itu 0", 80, 0),
        ("jika capaian minimal 5 maka 1 selain itu 0", 5, 1),
        ("jika capaian paling banyak 5 maka 1 selain itu 0", 6, 0),
    ],
)
def test_comparisons_written_in_words(text: str, value: float, expected: float) -> None:
    assert sakip.evaluate(text, {"capaian": value}).magnitude == expected


def test_comparison_words_outside_a_condition_are_words_of_names() -> None:
    f = sakip.parse("Jumlah desa di atas bukit / Jumlah desa minimal sehat")
    assert f.variables == ("Jumlah desa di atas bukit", "Jumlah desa minimal sehat")


def test_stars_glued_after_a_name_mark_a_footnote() -> None:
    text = "NILAI AKHIR = Nilai Kinerja Utama*** + Nilai Kinerja Tambahan"
    f = sakip.parse(text)
    assert f.variables == ("Nilai Kinerja Utama", "Nilai Kinerja Tambahan")
    # 102,8 + 0 = 102,8: the stars multiply nothing
    values = {"Nilai Kinerja Utama": 102.8, "Nilai Kinerja Tambahan": 0}
    assert sakip.evaluate(f, values).magnitude == pytest.approx(102.8)
    assert sakip.evaluate("A*B", {"A": 2, "B": 3}).magnitude == 6  # glued between names
    # a star glued to a minus multiplies a negated name: 2 x -3 = -6 (found by the
    # oracle fuzzer: read as a footnote it gave 2 - 3)
    assert sakip.evaluate("A*-B", {"A": 2, "B": 3}).magnitude == -6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 4 x 5 = 20; 5 - 3 = 2; 1 / 4 = 0,25; 2 + 3 = 5
        ("NSI merupakan hasil perkalian antara Skor dengan Bobot", 20),
        ("selisih antara Skor dan Bobot", -1),
        ("hasil pembagian antara Skor dengan Bobot", 0.8),
        ("penjumlahan antara Skor dengan Bobot", 9),
    ],
)
def test_operations_named_in_words(text: str, expected: float) -> None:
    assert sakip.evaluate(text, {"Skor": 4, "Bobot": 5}).magnitude == pytest.approx(expected)


def test_an_abbreviation_after_a_name_is_its_alias() -> None:
    text = "Nilai (NSI) merupakan hasil perkalian antara Skor Sub (SSI) dengan Bobot Sub (BSI)"
    f = sakip.parse(text)
    assert f.variables == ("Skor Sub", "Bobot Sub")
    # 4 x 5 = 20, whichever way each value is named
    for values in ({"Skor Sub": 4, "BSI": 5}, {"SSI": 4, "Bobot Sub (BSI)": 5}):
        assert sakip.evaluate(f, values).magnitude == 20
    # a bracket inside a longer name, or after one word, stays in the name
    assert sakip.parse("Jumlah Penduduk (JP) Kota / B").variables[0] == "Jumlah Penduduk (JP) Kota"
    assert sakip.parse("PDRB (ADHK) / B").variables[0] == "PDRB (ADHK)"


def test_beside_a_division_sign_dengan_stays_a_word_of_a_name() -> None:
    # the sign divides; "dengan" after a ratio head divides only when nothing else does
    formula = sakip.parse("Rasio penduduk dengan disabilitas / jumlah penduduk")
    assert formula.variables == ("Rasio penduduk dengan disabilitas", "jumlah penduduk")


def test_found_by_fuzz_oracle_seed_47() -> None:
    # a percent label over one name is a value given in percent, not a lost fraction bar
    assert sakip.evaluate("Persentase Hasil = balita Umbi-umbian", {"balita Umbi-umbian": 12}) == 12
    # an X before a signed number multiplies: 9 x -10 = -90
    assert sakip.evaluate("bekerja X -10", {"bekerja": 9}).magnitude == -90
