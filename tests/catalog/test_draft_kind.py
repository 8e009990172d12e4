"""When the drafter reads a RUMUS cell as a formula and when as a direct measure.

The fragments are made up (a Kabupaten Contoh, not the seed), laid out as OCR gives an
IKU lampiran: cells side by side, wrapped onto the next lines.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from sakip.catalog import Draft, draft
from sakip.catalog.draft_repair import rejoin_reduplication, unbracket_alternatives

from .drafted import value_in_print_order as _value

_HEADER = """\
LAMPIRAN I
PERATURAN BUPATI CONTOH NOMOR 12 TAHUN 2022
INDIKATOR KINERJA UTAMA
PEMERINTAH KABUPATEN CONTOH

PENANGGUNG SUMBER
SASARAN INDIKATOR RUMUS SATUAN JAWAB DATA
"""

# Rows 1-2: a satuan % and a RUMUS cell that describes how the value is found, over
# two lines, no factor printed. Row 3: satuan %, no factor printed, two counts stacked.
# Row 4: a factor printed beside two lines, the second opening with no count word.
PERCENT_ROWS = (
    _HEADER
    + """\
Meningkatnya 1 Persentase Layanan Dasar Hasil pemantauan layanan dasar % Dinas Kesehatan Laporan
mutu oleh tim penilai puskesmas Tahunan
layanan 2 Indeks Kepuasan Pasien Hasil survei kepuasan pasien yang % RSUD Bidang Survei
lalu diolah dengan skala Likert Pelayanan Semesteran
3 Persentase Desa Mandiri Jumlah desa mandiri % Dinas PMD Laporan
Jumlah seluruh desa Tahunan
4 Rasio Rumah Berlistrik Jumlah rumah tangga berlistrik £ 100% % Dinas ESDM Laporan
rumah tangga terdata Tahunan
"""
)


@pytest.fixture(scope="module")
def percent_rows() -> Draft:
    return draft(PERCENT_ROWS)


@pytest.mark.parametrize("row_id", ["iku.01", "iku.02"])
def test_a_described_percent_without_a_printed_factor_is_a_direct_measure(
    percent_rows: Draft, row_id: str
) -> None:
    # A satuan % says the value is a percent, not that the cell is a fraction: with no
    # factor and no count word to stand for a bar, the lines are one wrapped sentence,
    # and one value 'x 100%' would scale a percent twice.
    row = percent_rows.catalog.get(row_id)
    notes = percent_rows.row(row_id).notes
    assert row.kind == "direct" and row.formula is None
    assert row.rumus_asli.startswith("Hasil ")
    assert "100" not in row.rumus_asli  # no factor was printed, none is shown
    assert not any(n.startswith("stacked fraction") for n in notes)
    assert not any("taken from the satuan" in n for n in notes)
    assert "RUMUS names one value, no factor printed: a direct measure" in notes


def test_two_stacked_counts_under_a_satuan_percent_are_a_fraction(percent_rows: Draft) -> None:
    row = percent_rows.catalog.get("iku.03")
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah desa mandiri", "Jumlah seluruh desa")
    assert _value(row, 12, 48) == 25  # 12 / 48 x 100% = 25 (%)
    assert any("taken from the satuan" in n for n in percent_rows.row("iku.03").notes)


def test_a_printed_factor_still_stands_for_the_bar(percent_rows: Draft) -> None:
    # '£ 100%' beside two lines: the second is the denominator though no count opens it
    row = percent_rows.catalog.get("iku.04")
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah rumah tangga berlistrik", "rumah tangga terdata")
    assert _value(row, 30, 40) == 75  # 30 / 40 x 100% = 75 (%)


# The penanggung jawab glued to its office's name by OCR ('Bid.Kearsipan'), after a
# RUMUS whose words look like a satuan and a source ('Jumlah', 'Data').
GLUED_OFFICE = (
    _HEADER
    + """\
Meningkatnya 1 Persentase Arsip Jumlah Data Arsip yang % Bid.Kearsipan Laporan
tertib arsip Terdigitalisasi terdigitalisasi dibagi Jumlah data Tahunan
daerah arsip yang ada dikali 100%
"""
)


def test_a_glued_office_closes_the_line_not_a_satuan_inside_the_rumus() -> None:
    # Unless 'Bid.Kearsipan' opens the penanggung jawab, the tail is taken at
    # 'Jumlah' (a satuan word) 'Data ...' (a source word): the RUMUS loses its first
    # count and reads as no formula.
    row = draft(GLUED_OFFICE).catalog.get("iku.01")
    assert (row.satuan, row.penanggung_jawab) == ("%", "Bid.Kearsipan")
    assert row.formula is not None
    assert row.formula.variables[0] == "Jumlah Data Arsip yang terdigitalisasi"
    assert _value(row, 45, 60) == 75  # 45 / 60 x 100% = 75 (%)


def test_a_bar_printed_with_ocr_specks_keeps_the_fraction() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Persentase Buku Beredar Jumlah buku yang dipinjam . /. % Dinas Perpustakaan Laporan
minat baca koleksi buku perpustakaan Tahunan
"""
    )
    row = draft(text).catalog.get("iku.01")
    # '/.' is the bar: the numerator on the first line, the denominator below it
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah buku yang dipinjam", "koleksi buku perpustakaan")
    assert _value(row, 30, 120) == 25  # 30 / 120 x 100% = 25 (%)


# Row 1: a count qualified by a bracketed list of alternatives. Row 2: a satuan that
# names the value of an investment.
QUALIFIED = (
    _HEADER
    + """\
Meningkatnya 1 Jumlah Koperasi Aktif Jumlah koperasi aktif (KUD/KSP) Unit Dinas Koperasi Laporan
ekonomi di seluruh kecamatan Tahunan
rakyat 2 Nilai Investasi Swasta Jumlah nilai investasi swasta Nilai Investasi Dinas PMPTSP Laporan
di kawasan industri Tahunan
"""
)


@pytest.fixture(scope="module")
def qualified() -> Draft:
    return draft(QUALIFIED)


def test_a_bracketed_list_of_alternatives_is_part_of_the_name(qualified: Draft) -> None:
    # '(KUD/KSP)' says which koperasi are counted; read as a bar it would give the
    # names 'Jumlah koperasi aktif (KUD' and 'KSP) seluruh kecamatan'
    row = qualified.catalog.get("iku.01")
    assert row.kind == "direct" and row.formula is None
    assert "RUMUS names one value: a direct measure" in qualified.row("iku.01").notes
    assert row.rumus_asli.startswith("Jumlah koperasi aktif (KUD/KSP)")  # as printed


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Jumlah sekolah (SMA/MA/ SMK) dibagi B", "Jumlah sekolah SMA/MA/SMK dibagi B"),
        ("Jumlah siswa (SD/MI) / Jumlah anak", "Jumlah siswa SD/MI / Jumlah anak"),
        ("(PAD/PDRB) x 100%", "(PAD/PDRB) x 100%"),  # at the start: a fraction
        ("R = (PAD/PDRB) x 100%", "R = (PAD/PDRB) x 100%"),  # after an operator
        ("Jumlah (a/b) x 100%", "Jumlah (a/b) x 100%"),  # letters, not short names
    ],
)
def test_only_a_list_of_short_names_after_a_word_is_unbracketed(text: str, read: str) -> None:
    assert unbracket_alternatives(text) == read


def test_the_value_of_an_investment_is_in_rupiah(qualified: Draft) -> None:
    row = qualified.catalog.get("iku.02")
    assert (row.satuan, row.unit_name, row.kind) == ("Nilai Investasi", "rupiah", "direct")


# Row 1: a RUMUS that describes an assessment, its second line opening like a RUMUS
# ('Hasil'). Row 2: the count word alone on the first line, what it counts below.
DESCRIBED = (
    _HEADER
    + """\
Meningkatnya 1 Indeks Kepatuhan Pelayanan Penilaian kepatuhan standar pelayanan Nilai Inspektorat Laporan
kualitas Publik Hasil survei lembaga pengawas Tahunan
layanan 2 Peningkatan Jumlah Orang Dinas Pariwisata Laporan
Wisatawan Jumlah wisatawan nusantara tahun n Tahunan
"""
)


@pytest.fixture(scope="module")
def described() -> Draft:
    return draft(DESCRIBED)


def test_a_rumus_that_describes_a_method_is_one_cell(described: Draft) -> None:
    # 'Penilaian ...' says how the value is found: the line below goes on with the
    # description, it is no denominator
    row = described.catalog.get("iku.01")
    notes = described.row("iku.01").notes
    assert row.kind == "direct" and row.formula is None
    assert row.rumus_asli == ("Penilaian kepatuhan standar pelayanan Hasil survei lembaga pengawas")
    assert any(n.startswith("RUMUS describes a method ('Penilaian')") for n in notes)
    assert not any(n.startswith("stacked fraction") for n in notes)


def test_a_count_word_alone_is_no_numerator(described: Draft) -> None:
    # 'Jumlah' over 'Jumlah wisatawan ...' would be the fraction Jumlah / Jumlah wisatawan,
    # a count of nothing: the word goes on in the line below, and the row says so
    row = described.catalog.get("iku.02")
    notes = described.row("iku.02").notes
    assert row.kind == "direct" and row.formula is None
    assert not any(n.startswith("stacked fraction") for n in notes)
    assert any("count word 'Jumlah' alone" in n for n in notes)
    assert described.row("iku.02").confidence < 1


# Two lines of a RUMUS, no factor: below a count, a line that opens with a lower-case
# RUMUS word ('tingkat') and one that opens with a count in lower case ('jumlah').
LOWER_CASE = (
    _HEADER
    + """\
Meningkatnya 1 Jumlah Atlet Juara Jumlah atlet yang meraih medali Orang Dinas Olahraga Laporan
prestasi tingkat provinsi dan nasional Tahunan
olahraga 2 Rasio Guru Murid Jumlah guru sekolah dasar Rasio Dinas Pendidikan Laporan
jumlah murid sekolah dasar Tahunan
"""
)


def test_a_lower_case_rumus_word_goes_on_a_sentence_a_count_opens_a_denominator() -> None:
    result = draft(LOWER_CASE)
    counted = result.catalog.get("iku.01")
    # 'tingkat provinsi ...' says where the medals were won: no denominator
    assert counted.kind == "direct" and counted.formula is None
    assert counted.rumus_asli == "Jumlah atlet yang meraih medali tingkat provinsi dan nasional"
    ratio = result.catalog.get("iku.02")
    assert ratio.formula is not None
    assert ratio.formula.variables == ("Jumlah guru sekolah dasar", "jumlah murid sekolah dasar")
    assert _value(ratio, 300, 6000) == Fraction(1, 20)  # 300 / 6000 = 1/20


def test_a_growth_rate_printed_without_brackets_is_grouped_as_meant() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Pertumbuhan Wisatawan Jumlah wisatawan tahun n - jumlah wisatawan tahun n-1 / % Dinas Pariwisata Laporan
pariwisata jumlah wisatawan tahun n-1 x 100% Tahunan
"""
    )
    result = draft(text)
    row = result.catalog.get("iku.01")
    printed = (
        "Jumlah wisatawan tahun n - jumlah wisatawan tahun n-1 / jumlah wisatawan tahun n-1 x 100%"
    )
    assert row.rumus_asli == printed  # the RUMUS as printed is kept for the reviewer
    # read as written, A - B / B x 100% subtracts a ratio from a count; the language
    # says (A - B) / B x 100% was likely meant, and the draft takes that reading
    assert row.formula_text == (
        "(Jumlah wisatawan tahun n - jumlah wisatawan tahun n-1) / jumlah wisatawan tahun n-1"
        " x 100%"
    )
    notes = result.row("iku.01").notes
    assert any(n.startswith("grouped as the language says it was likely meant") for n in notes)
    assert not any(n.startswith("the language warns") for n in notes)


def test_one_value_times_its_printed_factor_is_kept_and_flagged() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Persentase Sekolah Sehat Jumlah sekolah sehat x 100% % Dinas Kesehatan Laporan
kesehatan Tahunan
"""
    )
    result = draft(text)
    row = result.catalog.get("iku.01")
    # 'x 100%' printed beside one value: a percent of what? kept as read, for a person
    assert row.formula is not None and row.formula.variables == ("Jumlah sekolah sehat",)
    record = result.row("iku.01")
    assert record.flagged
    assert "the RUMUS scales one value by its factor: part of it was lost?" in record.notes


def test_a_glued_count_word_opens_the_rumus() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Cakupan imunisasi dasar JumlahbalitaIDL % Dinas Kesehatan Laporan
kesehatan lengkap Jumlah seluruh balita Tahunan
"""
    )
    row = draft(text).catalog.get("iku.01")
    # 'JumlahbalitaIDL' is 'Jumlah balita IDL' without its spaces: the numerator, not a
    # word of the name
    assert row.name == "Cakupan imunisasi dasar lengkap"
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah balita IDL", "Jumlah seluruh balita")
    assert _value(row, 90, 120) == 75  # 90 / 120 x 100% = 75 (%)


def test_a_symbol_with_an_underscore_opens_the_rumus() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Persentase Desa Berinternet Desa_Terhubung x 100% % Dinas Kominfo Laporan
akses digital Desa_Total Tahunan
"""
    )
    row = draft(text).catalog.get("iku.01")
    # a name is made of words, never of 'Desa_Terhubung': the RUMUS opens there, its
    # denominator the symbol below
    assert row.name == "Persentase Desa Berinternet"
    assert row.formula is not None
    assert row.formula.variables == ("Desa_Terhubung", "Desa_Total")
    assert _value(row, 45, 180) == 25  # 45 / 180 x 100% = 25 (%)


def test_a_column_rule_read_as_ones_is_dropped_where_no_number_can_stand() -> None:
    text = (
        _HEADER
        + """\
Meningkatnya 1 Persentase Kegiatan Jumlah kegiatan terlaksana / jumlah % Kecamatan Laporan
kinerja Terlaksana kegiatan yang direncanakan 111 x 100% Tahunan
"""
    )
    result = draft(text)
    row = result.catalog.get("iku.01")
    # "111" after a name word is the table's rule as OCR read it, not a number
    assert row.formula is not None
    assert row.formula.variables == (
        "Jumlah kegiatan terlaksana",
        "jumlah kegiatan yang direncanakan",
    )
    assert _value(row, 18, 24) == 75  # 18 / 24 x 100% = 75 (%)
    assert any("column rule" in n for n in result.row("iku.01").notes)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Jumlah Skor Rata — rata Kelas", "Jumlah Skor Rata-rata Kelas"),
        ("Bobot masing - masing unsur", "Bobot masing-masing unsur"),
        ("Jumlah A - Jumlah B", "Jumlah A - Jumlah B"),  # two names: a subtraction
        ("Stok tahun n - stok tahun n-1", "Stok tahun n - stok tahun n-1"),
    ],
)
def test_a_reduplicated_word_split_by_ocr_is_one_word(text: str, read: str) -> None:
    assert rejoin_reduplication(text) == read
