"""Band and classification tables written as text: read_bands and BandTable.formula_text.

Every expected bound below is the number as printed in the text; the boundaries were
worked out by hand from the inclusivity rule (a plain range a - b holds both ends,
``>`` leaves its number out, ``s.d. <85`` leaves 85 out).
"""

from __future__ import annotations

import time
from fractions import Fraction as F
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.language import BandTable, read_bands

DATA = Path(__file__).parent.parent / "data"

IKM_LIST = (
    "IKM terbagi menjadi 4 kategori yaitu: 1) Nilai 25-64,99 dengan mutu pelayanan D (Tidak"
    " Baik). 2) Nilai 65-76,6 dengan mutu pelayanan C (Kurang Baik). 3) Nilai 76,61-88,3"
    " dengan mutu pelayanan B (Baik). 4) Nilai 88,31-100 dengan mutu pelayanan A (Sangat Baik)"
)
KASUS = "Berdasarkan jumlah kasus (misal: 0 kasus, 1–2 kasus, >2 kasus)"
KEMATIAN = (
    "Berdasarkan jenis kematian: Neonatal dini (0–6 hari); Neonatal lanjut (7–28 hari);"
    " Pasca-neonatal (29 hari–11 bulan)"
)
PRODUKSI = "Nilai > 0 (atau Indeks > 100) menunjukkan peningkatan produksi."

# (label, lower, upper, lower inclusive, upper inclusive), from the lowest band up
Row = tuple[str, F | None, F | None, bool, bool]

FORMS: list[tuple[str, str, list[Row]]] = [
    (
        "Sangat Baik : IKU > 80; Baik : 70 < IKU ≤ 80; Cukup : 60 < IKU ≤ 70; Kurang : IKU ≤ 60",
        "IKU",
        [("Kurang", None, F(60), False, True), ("Cukup", F(60), F(70), False, True),
         ("Baik", F(70), F(80), False, True), ("Sangat Baik", F(80), None, False, False)],
    ),
    (
        "91 % ≤ 100 % Sangat Baik; 76 % ≤ 90% Baik; 66 % ≤ 75 % Cukup; ...",
        "nilai",
        [("Cukup", F(66), F(75), True, True), ("Baik", F(76), F(90), True, True),
         ("Sangat Baik", F(91), F(100), True, True)],
    ),
    (
        "A (Sangat Baik) = 88,31 - 100,00; B (Baik) = 76,61 - 88,30; C (Kurang Baik) = 65,00 -"
        " 76,60; D (Tidak Baik) = 25,00 - 64,99",
        "nilai",
        [("D (Tidak Baik)", F(25), F("64.99"), True, True),
         ("C (Kurang Baik)", F(65), F("76.6"), True, True),
         ("B (Baik)", F("76.61"), F("88.3"), True, True),
         ("A (Sangat Baik)", F("88.31"), F(100), True, True)],
    ),
    (
        "> 85 s.d. 100 = Memuaskan; > 70 s.d. 85 = Baik; ...",
        "nilai",
        [("Baik", F(70), F(85), False, True), ("Memuaskan", F(85), F(100), False, True)],
    ),
    (
        "Rendah: < 70 per 100.000 kelahiran hidup; Sedang: 70 – 199 per 100.000 kelahiran"
        " hidup; Tinggi: ≥ 200 ...",
        "nilai",
        [("Rendah", None, F(70), False, False), ("Sedang", F(70), F(199), True, True),
         ("Tinggi", F(200), None, True, False)],
    ),
    (
        "rentang nilai 0-30 kategori D, 30-50 kategori CC, 50-60 kategori C, 60-70 kategori B, ...",
        "nilai",
        [("kategori D", F(0), F(30), True, True), ("kategori CC", F(30), F(50), True, True),
         ("kategori C", F(50), F(60), True, True), ("kategori B", F(60), F(70), True, True)],
    ),
    (
        IKM_LIST,
        "IKM",
        [("D (Tidak Baik)", F(25), F("64.99"), True, True),
         ("C (Kurang Baik)", F(65), F("76.6"), True, True),
         ("B (Baik)", F("76.61"), F("88.3"), True, True),
         ("A (Sangat Baik)", F("88.31"), F(100), True, True)],
    ),
    (
        KASUS,
        "jumlah kasus",
        [("0 kasus", F(0), F(0), True, True), ("1–2 kasus", F(1), F(2), True, True),
         (">2 kasus", F(2), None, False, False)],
    ),
    (
        KEMATIAN,
        "umur saat kematian (hari)",
        # 11 bulan x 30 hari = 330 hari
        [("Neonatal dini", F(0), F(6), True, True), ("Neonatal lanjut", F(7), F(28), True, True),
         ("Pasca-neonatal", F(29), F(330), True, True)],
    ),
    (PRODUKSI, "Nilai", [("peningkatan produksi", F(0), None, False, False)]),
    (
        "Status gizi baik apabila Z-score berada dalam rentang -2 SD s.d. + 1 SD",
        "Z-score",
        [("Status gizi baik", F(-2), F(1), True, True)],
    ),
    # variations in the same patterns
    (
        "Sangat Baik: 91 - 100\nBaik: 76 - 90\nCukup: 66 - 75\nKurang: 0 - 65",
        "nilai",
        [("Kurang", F(0), F(65), True, True), ("Cukup", F(66), F(75), True, True),
         ("Baik", F(76), F(90), True, True), ("Sangat Baik", F(91), F(100), True, True)],
    ),
    (
        "a. 91-100 = Sangat Baik b. 76-90 = Baik c. 66-75 = Cukup d. <= 65 = Kurang",
        "nilai",
        [("Kurang", None, F(65), False, True), ("Cukup", F(66), F(75), True, True),
         ("Baik", F(76), F(90), True, True), ("Sangat Baik", F(91), F(100), True, True)],
    ),
    (
        "1. Skor ≥ 91% : Sangat Baik\n2. Skor 76% - 90% : Baik\n3. Skor < 76% : Kurang",
        "Skor",
        [("Kurang", None, F(76), False, False), ("Baik", F(76), F(90), True, True),
         ("Sangat Baik", F(91), None, True, False)],
    ),
    (
        "kurang dari 60 : Kurang; 60 sampai dengan 80 : Baik; lebih dari 80 : Sangat Baik",
        "nilai",
        [("Kurang", None, F(60), False, False), ("Baik", F(60), F(80), True, True),
         ("Sangat Baik", F(80), None, False, False)],
    ),
    (
        ">85 s.d. 100 Memuaskan; >75 s.d. <85 Sangat Baik; 0 s.d. 75 Baik",
        "nilai",
        [("Baik", F(0), F(75), True, True), ("Sangat Baik", F(75), F(85), False, False),
         ("Memuaskan", F(85), F(100), False, True)],
    ),
    (
        "AA >90-100, A >80-90, BB >70-80, B 0-70",
        "nilai",
        [("B", F(0), F(70), True, True), ("BB", F(70), F(80), False, True),
         ("A", F(80), F(90), False, True), ("AA", F(90), F(100), False, True)],
    ),
    (
        "IKU dibagi menjadi tiga kategori:\n- IKU > 80 : Baik\n- 60 < IKU <= 80 : Sedang\n"
        "- IKU <= 60 : Kurang",
        "IKU",
        [("Kurang", None, F(60), False, True), ("Sedang", F(60), F(80), False, True),
         ("Baik", F(80), None, False, False)],
    ),
    (
        "Kategori IKM:\nA = 88,31-100\nB = 76,61-88,30",
        "IKM",
        [("B", F("76.61"), F("88.3"), True, True), ("A", F("88.31"), F(100), True, True)],
    ),
    (
        "Berdasarkan umur: Bayi (0-11 bulan); Balita (1 tahun–5 tahun)",
        "umur",
        # 1 tahun = 12 bulan, 5 tahun = 60 bulan
        [("Bayi", F(0), F(11), True, True), ("Balita", F(12), F(60), True, True)],
    ),
    (
        "70 ke atas = Lulus; di bawah 70 = Tidak Lulus",
        "nilai",
        [("Tidak Lulus", None, F(70), False, False), ("Lulus", F(70), None, True, False)],
    ),
    (
        "Sangat Tinggi : > 1.000 kasus; Tinggi : 501 - 1.000 kasus; Rendah : 0 - 500 kasus",
        "nilai",
        [("Rendah", F(0), F(500), True, True), ("Tinggi", F(501), F(1000), True, True),
         ("Sangat Tinggi", F(1000), None, False, False)],
    ),
]  # fmt: skip


def rows(table: BandTable) -> list[Row]:
    return [(b.label, b.lower, b.upper, b.lower_inclusive, b.upper_inclusive) for b in table.bands]


@pytest.mark.parametrize(("text", "variable", "expected"), FORMS, ids=range(len(FORMS)))
def test_forms(text: str, variable: str, expected: list[Row]) -> None:
    table = read_bands(text)
    assert table is not None
    assert table.variable == variable
    assert rows(table) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (IKM_LIST, {"82,47": "B (Baik)", "25": "D (Tidak Baik)", "64,99": "D (Tidak Baik)",
                    "65": "C (Kurang Baik)", "76,6": "C (Kurang Baik)", "76,61": "B (Baik)",
                    "88,3": "B (Baik)", "88,31": "A (Sangat Baik)", "100": "A (Sangat Baik)"}),
        (KASUS, {"0": "0 kasus", "1": "1–2 kasus", "2": "1–2 kasus", "3": ">2 kasus"}),
        (PRODUKSI, {"12,01": "peningkatan produksi", "0,001": "peningkatan produksi"}),
        (KEMATIAN, {"6": "Neonatal dini", "7": "Neonatal lanjut", "28": "Neonatal lanjut",
                    "29": "Pasca-neonatal", "330": "Pasca-neonatal"}),
        # 85 < x <= 100 and 70 < x <= 85: 85 is Baik, 85,01 Memuaskan
        ("> 85 s.d. 100 = Memuaskan; > 70 s.d. 85 = Baik",
         {"85": "Baik", "85,01": "Memuaskan", "70,5": "Baik", "100": "Memuaskan"}),
        ("Sangat Baik : IKU > 80; Baik : 70 < IKU ≤ 80; Kurang : IKU ≤ 70",
         {"80": "Baik", "80,5": "Sangat Baik", "70": "Kurang", "-5": "Kurang"}),
    ],
)  # fmt: skip
def test_formula_text_gives_the_label(text: str, values: dict[str, str]) -> None:
    table = read_bands(text)
    assert table is not None
    formula = table.formula_text()
    for value, label in values.items():
        result = sakip.evaluate(formula, {table.variable: sakip.parse_number(value)})
        assert result.magnitude == label, value


def test_formula_text_is_the_formula_language() -> None:
    table = read_bands(IKM_LIST)
    assert table is not None
    assert table.formula_text() == (
        'jika {IKM} >= 25 dan {IKM} <= 64,99 maka "D (Tidak Baik)"; '
        'jika {IKM} >= 65 dan {IKM} <= 76,6 maka "C (Kurang Baik)"; '
        'jika {IKM} >= 76,61 dan {IKM} <= 88,3 maka "B (Baik)"; '
        'jika {IKM} >= 88,31 dan {IKM} <= 100 maka "A (Sangat Baik)"'
    )
    assert "'25-64,99' read as 25 <= IKM <= 64,99" in table.notes


@pytest.mark.parametrize(
    ("text", "value"),
    [(IKM_LIST, "64,995"), (IKM_LIST, "24,99"), (IKM_LIST, "100,01"), (KASUS, "0,5"),
     (PRODUKSI, "0"), (PRODUKSI, "-3")],
)  # fmt: skip
def test_a_value_in_a_gap_or_outside_raises(text: str, value: str) -> None:
    table = read_bands(text)
    assert table is not None
    with pytest.raises(sakip.ConditionError, match="no 'jika' clause applies"):
        sakip.evaluate(table.formula_text(), {table.variable: sakip.parse_number(value)})


def test_gaps_are_reported() -> None:
    table = read_bands(IKM_LIST)
    assert table is not None
    assert len(table.gaps) == 3
    assert table.gaps[0].startswith("no band holds values above 64,99 and below 65")
    assert "D (Tidak Baik)" in table.gaps[0] and "C (Kurang Baik)" in table.gaps[0]
    assert table.overlaps == ()


def test_a_gap_of_one_value() -> None:
    # >75 s.d. <85 and >85 s.d. 100: exactly 85 has no band
    table = read_bands(">85 s.d. 100 Memuaskan; >75 s.d. <85 Sangat Baik")
    assert table is not None
    assert table.gaps == (
        "no band holds 85 (between '>75 s.d. <85' (Sangat Baik) and '>85 s.d. 100' (Memuaskan))",
    )
    with pytest.raises(sakip.ConditionError):
        sakip.evaluate(table.formula_text(), {"nilai": 85})


def test_overlaps_are_reported_and_get_no_label() -> None:
    table = read_bands("rentang nilai 0-30 kategori D, 30-50 kategori CC, 50-60 kategori C")
    assert table is not None
    assert table.overlaps == (
        "'0-30' (kategori D) and '30-50' (kategori CC) both hold 30",
        "'30-50' (kategori CC) and '50-60' (kategori C) both hold 50",
    )
    formula = table.formula_text()
    assert sakip.evaluate(formula, {"nilai": 29}).magnitude == "kategori D"
    assert sakip.evaluate(formula, {"nilai": 31}).magnitude == "kategori CC"
    with pytest.raises(sakip.ConditionError):  # both bands hold 30: the text does not say
        sakip.evaluate(formula, {"nilai": 30})


def test_an_overlapping_range_is_cut_from_both() -> None:
    table = read_bands("Rendah: 0 - 60; Sedang: 50 - 80")
    assert table is not None
    assert table.overlaps == (
        "'0 - 60' (Rendah) and '50 - 80' (Sedang) both hold values from 50 up to 60",
    )
    assert table.formula_text() == (
        'jika {nilai} >= 0 dan {nilai} < 50 maka "Rendah"; '
        'jika {nilai} > 60 dan {nilai} <= 80 maka "Sedang"'
    )


def test_notes_say_how_the_text_was_read() -> None:
    table = read_bands(KEMATIAN)
    assert table is not None
    assert table.unit == "hari"
    assert "'29 hari–11 bulan': 11 bulan read as 330 hari (30 hari per bulan)" in table.notes
    produksi = read_bands(PRODUKSI)
    assert produksi is not None
    assert produksi.variable == "Nilai"  # the bracket is a note, not a second variable
    assert any("(atau Indeks > 100)" in note for note in produksi.notes)
    aki = read_bands(
        "Rendah: < 70 per 100.000 kelahiran hidup; Sedang: ≥ 70 per 100.000 kelahiran hidup"
    )
    assert aki is not None
    assert aki.unit == "per 100.000 kelahiran hidup"  # 100.000 is the unit's, not a bound


def test_bands_are_ordered_from_the_lowest_up() -> None:
    table = read_bands("Tinggi: 80 - 100; Rendah: 0 - 59; Sedang: 60 - 79")
    assert table is not None
    assert [b.label for b in table.bands] == ["Rendah", "Sedang", "Tinggi"]


def test_decimal_point_text() -> None:
    table = read_bands("Baik: 76.61 - 88.3; Sangat Baik: 88.31 - 100", decimal_point=True)
    assert table is not None
    assert rows(table)[0] == ("Baik", F("76.61"), F("88.3"), True, True)
    assert "88,3" in table.formula_text()  # the formula language writes a decimal comma


NOT_TABLES = [
    "A / B x 100%",
    'jika A > 80 maka "Baik" selain itu "Kurang"',
    "jika A > 80 maka Baik selain itu Kurang",
    "Jumlah A - Jumlah B",
    "a < 3",
    "Capaian = 80",
    "Target: 80",
    "A x 100",
    "Jumlah penduduk usia 15-64 tahun",
    "Perbandingan antara jumlah siswa dengan jumlah penduduk usia 7-12 tahun",
    "Persentase Puskesmas yang minimal memiliki 5 jenis tenaga kesehatan",
    "Angka Putus (DO + 1)",
    "min(A; 25) + maks(B; 10)",
    "Luas Wilayah yang tercover di bagi dengan luas wilayah di kali 100 persen",
    "catatan: baris 511, baris 512",
    "Jumlah desa tahun 2019; jumlah desa tahun 2020",
    "1-2, 3-4, 5-6",
    "",
    "tanpa angka sama sekali",
]


@pytest.mark.parametrize("text", NOT_TABLES)
def test_not_a_band_table(text: str) -> None:
    assert read_bands(text) is None


def golden_formulas() -> list[str]:
    found = []
    for path in sorted((DATA / "valid").glob("*.txt")) + sorted((DATA / "invalid").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if "reads: bands" in lines:
            continue  # a golden file of the band reader itself
        for line in lines:
            if line.startswith("formula:"):
                found.append(line.partition(":")[2].strip())
    return found


def test_no_golden_formula_is_claimed() -> None:
    formulas = golden_formulas()
    assert len(formulas) >= 50
    assert [f for f in formulas if read_bands(f) is not None] == []


def test_no_catalog_formula_is_claimed() -> None:
    texts = [t for i in sakip.catalog.load() for t in (i.formula_text, i.rumus_asli) if t]
    assert len(texts) > 400
    assert [t for t in texts if read_bands(t) is not None] == []


def test_a_table_with_an_unreadable_class_says_which() -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match="cannot read the class 'lainnya: Kurang'"):
        read_bands("Sangat Baik : IKU > 80; Baik : 70 < IKU ≤ 80; lainnya: Kurang")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Baik: 90 - 80; Kurang: 0 - 79", "'90 - 80' holds no value"),
        ("Baik: IKU > 80; Kurang: IKM <= 80", "different subjects"),
        ("Muda (1 minggu - 2 bulan); Tua (3 bulan - 1 tahun)", "mixes bulan and minggu"),
        ("Rendah: 1 SD - 2 kg; Tinggi: 3 SD - 4 kg", "changes unit"),
    ],
)
def test_clear_errors(text: str, message: str) -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match=message):
        read_bands(text)


def test_too_many_classes() -> None:
    names = [a + b for a in "ABCDEFGHIJKL" for b in "abcdefghijklm"]  # 156 labels
    text = "; ".join(f"Kelas {name}: {i}-{i},5" for i, name in enumerate(names))
    with pytest.raises(sakip.LimitError, match="more than 100 classes"):
        read_bands(text)


@pytest.mark.parametrize(
    "text",
    [
        ("1-2, " * 1000)[:5000],
        "(" * 2000 + "1-2" + ")" * 2000,
        "(" * 4990 + "1",
        ("Baik: 1-2; " * 500)[:5000],
        "1" + "-" * 4998 + "2",
        ("kurang dari " * 500)[:5000],
        ",".join(["1"] * 2500)[:5000],
        "([" * 1250 + "1",
        ">" * 2500 + "1" * 2500,
        "A" * 5001,
    ],
    ids=lambda t: f"{t[:8]}..{len(t)}",
)
def test_adversarial_inputs_finish_fast(text: str) -> None:
    started = time.perf_counter()
    try:
        result = read_bands(text)
    except sakip.SakipError:  # a clear refusal is as good as "not a table"
        result = None
    assert result is None
    assert time.perf_counter() - started < 1


def test_long_digit_runs_raise_a_sakip_error() -> None:
    with pytest.raises(sakip.SakipError, match="400 digits"):
        read_bands("Baik: " + "9" * 4000 + "-1")


# --- property: bands written as a numbered list read back to the same bounds ---------

LABELS = ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik", "Istimewa", "Memuaskan"]


@st.composite
def ordered_bands(draw: st.DrawFn) -> list[tuple[F, F]]:
    """Closed bands from the lowest up: each upper >= its lower, each next lower above
    the previous upper (a gap of at least 0,01)."""
    count = draw(st.integers(2, len(LABELS)))
    cents = draw(
        st.lists(st.integers(0, 100_000), min_size=2 * count, max_size=2 * count, unique=True)
    )
    ends = sorted(cents)
    return [(F(ends[2 * i], 100), F(ends[2 * i + 1], 100)) for i in range(count)]


@given(ordered_bands(), st.sampled_from(["1) ", "1. ", "a. "]))
def test_numbered_list_round_trip(bands: list[tuple[F, F]], marker: str) -> None:
    def mark(i: int) -> str:
        return marker.replace("1", str(i + 1)).replace("a", "abcdefg"[i])

    items = " ".join(
        f"{mark(i)}Nilai {sakip.format_number(lo, 2)}-{sakip.format_number(hi, 2)}"
        f" dengan predikat {LABELS[i]}."
        for i, (lo, hi) in enumerate(bands)
    )
    table = read_bands(f"Skor dibagi menjadi {len(bands)} kategori yaitu: {items}")
    assert table is not None
    assert table.variable == "Skor"
    assert [(b.lower, b.upper) for b in table.bands] == bands
    assert [b.label for b in table.bands] == LABELS[: len(bands)]
    assert all(b.lower_inclusive and b.upper_inclusive for b in table.bands)
    assert len(table.gaps) == len(bands) - 1  # the generated ends are distinct
    assert table.overlaps == ()


def test_the_name_the_classes_compare_is_the_variable() -> None:
    # the heading names the classification; the classes compare IP: 3,2 is in 1,0 < IP ≤ 5,0
    text = (
        "Kriteria Status Mutu :\n0 ≤ IP ≤ 1,0 : memenuhi baku mutu\n1,0 < IP ≤ 5,0 :"
        " tercemar ringan\n5,0 < IP ≤ 10 : tercemar sedang\nIP > 10,0 : tercemar berat"
    )
    f = sakip.parse(text)
    assert f.variables == ("IP",)
    assert sakip.evaluate(f, {"IP": 3.2}).magnitude == "tercemar ringan"


def test_a_heading_line_above_one_class_per_line() -> None:
    # a sentence ending in ':' on its own line: 0,38 is in 0,3 ≤ G ≤ 0,5
    text = (
        "Nilai gini ratio berkisar antara 0 dan 1, jika:\nG < 0,3 = ketimpangan rendah\n"
        "0,3 ≤ G ≤ 0,5 = ketimpangan sedang\nG > 0,5 = ketimpangan tinggi"
    )
    assert sakip.evaluate(text, {"G": 0.38}).magnitude == "ketimpangan sedang"
    # the columns' titles on the first line: 63 is in 56 – 70
    text = "Nilai PCI\n0 - 10 Gagal\n11 - 55 Sedang\n56 – 70 Baik\n71 - 100 Sempurna"
    f = sakip.parse(text)
    assert f.variables == ("Nilai PCI",)  # a column's title, as written
    assert sakip.evaluate(f, {"Nilai PCI": 63}).magnitude == "Baik"


@pytest.mark.parametrize(
    ("titles", "variable"),
    [
        ("Nilai PCI Kondisi", "Nilai PCI"),  # the label column is titled "Kondisi"
        ("Interval Nilai Predikat", "Nilai"),  # "Interval" says range, not what
        ("Skor Kategori", "Skor"),
        ("Nilai IKM Mutu Pelayanan", "Nilai IKM"),
    ],
)
def test_a_titles_line_names_the_value_column(titles: str, variable: str) -> None:
    # 63 is in 56 – 70 (both ends held): Baik; 10,5 lies between 0 - 10 and 11 - 55
    text = f"{titles}\n0 - 10 Gagal\n11 - 55 Sedang\n56 – 70 Baik\n71 - 100 Sempurna"
    f = sakip.parse(text)
    assert f.variables == (variable,)
    assert sakip.evaluate(f, {variable: 63}).magnitude == "Baik"
    with pytest.raises(sakip.ConditionError):
        sakip.evaluate(f, {variable: 10.5})


@pytest.mark.parametrize(
    ("text", "variable", "value", "label"),
    [
        # the kinds of death by the age at it: 12 hari is in 7–28 hari
        (KEMATIAN, "umur saat kematian (hari)", 12, "Neonatal lanjut"),
        # 11 bulan = 330 hari (30 hari per bulan): 330 is the last day of Pasca-neonatal
        (KEMATIAN, "umur saat kematian (hari)", 330, "Pasca-neonatal"),
        # a kind that is no event (no ke-...-an noun): the time is a duration; 3 in 2-7
        ("Berdasarkan jenis rawat: Singkat (0-1 hari); Panjang (2-7 hari)",
         "lama rawat (hari)", 3, "Panjang"),
        # not a time: the value is named by its unit; -2,5 is in -3 - -2 (both held)
        ("Berdasarkan jenis gizi: Buruk (-4 SD - -3,01 SD); Kurang (-3 SD - -2 SD)",
         "nilai (SD)", -2.5, "Kurang"),
    ],
)  # fmt: skip
def test_a_header_naming_a_kind_names_the_classification(
    text: str, variable: str, value: float, label: str
) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    assert sakip.evaluate(f, {variable: value}).magnitude == label
    assert any("names the classification" in note for note in f.notes)


LPP = (
    "Laju Pertumbuhan Penduduk (LPP):\n"
    "a. LPP>0 berarti terjadi penambahan penduduk pada tahun t dibandingkan dengan tahun"
    " sebelumnya.\n"
    "b. LPP=0 berarti tidak terjadi perubahan jumlah penduduk pada tahun t dibandingkan"
    " dengan tahun sebelumnya.\n"
    "c. LPP<0 berarti terjadi pengurangan jumlah penduduk pada tahun t dibandingkan dengan"
    " tahun sebelumnya."
)


@pytest.mark.parametrize(
    ("value", "starts"),
    [
        (1.2, "terjadi penambahan"),  # 1,2 > 0
        (0, "tidak terjadi perubahan"),  # LPP=0: a band of the one value 0
        (-0.01, "terjadi pengurangan"),  # -0,01 < 0
    ],
)
def test_a_meaning_after_berarti_is_the_label(value: float, starts: str) -> None:
    f = sakip.parse(LPP)
    assert f.variables == ("LPP",)
    label = sakip.evaluate(f, {"LPP": value}).magnitude
    assert label.startswith(starts)
    assert label.endswith("dibandingkan dengan tahun sebelumnya")


def test_a_meaning_list_without_the_point_names_its_gap() -> None:
    # no class holds 0 (neither > 0 nor < 0): the error quotes the gap
    f = sakip.parse("LPP: a. LPP>0 berarti naik. b. LPP<0 berarti turun.")
    assert sakip.evaluate(f, {"LPP": 3}).magnitude == "naik"
    with pytest.raises(sakip.ConditionError, match=r"no band holds 0 \(between '<0' \(turun\)"):
        sakip.evaluate(f, {"LPP": 0})


@pytest.mark.parametrize(
    "text",
    [
        # a formula word outside a meaning still makes the text a formula
        "a. A dibagi B berarti rasio. b. A>0 berarti naik.",
        # a sentence that is no class: prose
        "IPM berarti indeks pembangunan manusia tahun 2019 dan tahun 2020",
    ],
)
def test_meaning_words_do_not_hide_a_formula(text: str) -> None:
    assert read_bands(text) is None


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # BPS's NTP: a comma before "berarti", classes split at full stops
        ("NTP > 100, berarti petani mengalami surplus. NTP = 100, berarti petani mengalami"
         " impas. NTP < 100, berarti petani mengalami defisit.", "NTP",
         {"100": "petani mengalami impas", "100,5": "petani mengalami surplus",
          "99": "petani mengalami defisit"}),
        # "Jika" opens each condition; no "maka": not the formula language's jika
        ("Jika LPP > 0 berarti terjadi penambahan penduduk, jika LPP = 0 berarti tidak"
         " terjadi perubahan, jika LPP < 0 berarti terjadi pengurangan penduduk", "LPP",
         {"1": "terjadi penambahan penduduk", "0": "tidak terjadi perubahan",
          "-1": "terjadi pengurangan penduduk"}),
        # 0,4 – 0,5 holds both ends; < 0,4 leaves 0,4 out
        ("Jika nilai Gini Ratio < 0,4 berarti ketimpangan rendah; 0,4 – 0,5 berarti"
         " ketimpangan sedang; > 0,5 berarti ketimpangan tinggi", "nilai Gini Ratio",
         {"0,39": "ketimpangan rendah", "0,4": "ketimpangan sedang", "0,5": "ketimpangan sedang",
          "0,51": "ketimpangan tinggi"}),
    ],
)  # fmt: skip
def test_meaning_lists_as_written(text: str, variable: str, cases: dict[str, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        number = float(value.replace(",", "."))
        assert sakip.evaluate(f, {variable: number}).magnitude == label


def test_jika_with_maka_is_still_the_formula_language() -> None:
    assert read_bands('jika A > 80 maka "Baik" berarti') is None


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # a slash in the heading names ("BB/U"); Z-score < -3,0 leaves -3 out
        ("Status gizi berdasarkan BB/U: Gizi buruk (Z-score < -3,0); Gizi kurang (Z-score"
         " ≥ -3,0 s/d < -2,0); Gizi baik (Z-score ≥ -2,0 s/d ≤ 2,0); Gizi lebih (Z-score > 2,0)",
         "Z-score", {"-3": "Gizi kurang", "-3,01": "Gizi buruk", "-2": "Gizi baik",
                     "2": "Gizi baik", "2,01": "Gizi lebih"}),
        # a range right after the colon: the heading names the subject, split at ", "
        ("Nilai Indeks Kualitas Air: 0 - 25 sangat kurang, 26 - 50 kurang, 51 - 70 sedang",
         "Indeks Kualitas Air", {"25": "sangat kurang", "26": "kurang", "60": "sedang"}),
        # "dikategorikan" then label-jika classes; "dan" before the last joins the list
        ("Tingkat kemiskinan dikategorikan rendah jika < 10%, sedang jika 10% - 20%, dan"
         " tinggi jika > 20%", "Tingkat kemiskinan",
         {"9,9": "rendah", "10": "sedang", "20": "sedang", "20,1": "tinggi"}),
    ],
)  # fmt: skip
def test_more_headings_as_written(text: str, variable: str, cases: dict[str, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        number = float(value.replace(",", "."))
        assert sakip.evaluate(f, {variable: number}).magnitude == label


@pytest.mark.parametrize(
    "text",
    [
        "A/B ≥ 80 : Baik; A/B < 80 : Kurang",  # a slash after a number: a division
        "Jumlah desa: 2019, 2020",  # numbers without labels
    ],
)
def test_a_slash_or_numbers_outside_a_heading_are_no_table(text: str) -> None:
    assert read_bands(text) is None


@pytest.mark.parametrize(
    ("text", "variable", "cases"),
    [
        # one class, one bound: a word links it to its label; 85 itself is held (≥)
        ("Kinerja dikatakan baik apabila capaian ≥ 85%", "capaian",
         {"85": "Kinerja dikatakan baik", "99": "Kinerja dikatakan baik"}),
        # an abbreviation in brackets after the name the class compares
        ("Nilai Tukar Petani (NTP) > 100 menunjukkan petani surplus",
         "Nilai Tukar Petani (NTP)", {"100,5": "petani surplus"}),
    ],
)  # fmt: skip
def test_one_class_with_one_bound(text: str, variable: str, cases: dict[str, str]) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    for value, label in cases.items():
        number = float(value.replace(",", "."))
        assert sakip.evaluate(f, {variable: number}).magnitude == label
    with pytest.raises(sakip.ConditionError, match="no 'jika' clause applies"):
        sakip.evaluate(f, {variable: 1})  # outside the one class: no label


@pytest.mark.parametrize("text", ["IPM tahun 2020", "Jumlah desa jika 5", "Target 2024 berarti"])
def test_one_number_without_a_class_is_no_table(text: str) -> None:
    assert read_bands(text) is None


@pytest.mark.parametrize(
    ("text", "variable", "value", "label"),
    [
        # a kind header without "Berdasarkan", and classes split at ", "
        ("Jenis kematian: Neonatal dini (0–6 hari); Neonatal lanjut (7–28 hari)",
         "umur saat kematian (hari)", 7, "Neonatal lanjut"),
        ("Menurut jenis kematian: Neonatal dini (0-6 hari), Neonatal lanjut (7-28 hari),"
         " Pasca-neonatal (29 hari-11 bulan)", "umur saat kematian (hari)", 29, "Pasca-neonatal"),
        # "kelompok umur" groups the value itself: the variable is umur; 65 ke atas holds 65
        ("Berdasarkan kelompok umur: Balita (0-4 tahun); Anak (5-14 tahun); Dewasa (15-64"
         " tahun); Lansia (65 tahun ke atas)", "umur", 65, "Lansia"),
    ],
)  # fmt: skip
def test_kind_and_group_headers(text: str, variable: str, value: int, label: str) -> None:
    f = sakip.parse(text)
    assert f.variables == (variable,)
    assert sakip.evaluate(f, {variable: value}).magnitude == label
