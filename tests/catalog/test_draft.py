"""sakip.catalog.draft on small regulation fragments written for these tests.

The fragments are made up (a Kota Contoh, not the seed), laid out the way OCR gives such
lampiran: the cells of a row side by side, wrapped onto the next lines in fixed-width
columns, stacked fractions with the factor off to the side, and OCR damage.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

import sakip
from sakip.catalog import Catalog, Draft, draft

from .drafted import value_in_print_order as _value

LAMPIRAN_I = """\
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021
Pasal 1
Dalam Peraturan Walikota ini yang dimaksud dengan Laporan Dinas adalah laporan.

LAMPIRAN I
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021
INDIKATOR KINERJA UTAMA
PEMERINTAH KOTA CONTOH

MISI Mewujudkan warga kota yang sehat
dan cerdas
TUJUAN Meningkatkan derajat kesehatan
PENANGGUNG SUMBER
SASARAN INDIKATOR RUMUS CARA MENGUKUR SATUAN JAWAB DATA
Meningkatnya 1 Persentase Balita Gizi Jumlah balita gizi buruk % Dinas Laporan
kesehatan Buruk Jumlah seluruh balita x 100% Kesehatan Tahunan
masyarakat 2 Cakupan Air Bersih Jumlah rumah tangga berakses £ 100% % Dinas PUPR Laporan
Jumlah rumah tangga Bulanan
3 Indeks Pembangunan Manusia Nilai IPM menurut BPS Indeks Bappeda Laporan
Tahunan
"""

LAMPIRAN_II = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021

1. DINAS SOSIAL

A. Tugas Pokok :
1. Melaksanakan urusan pemerintahan bidang sosial.
B. Fungsi Utama :
1. Perumusan kebijakan bidang sosial;
2. Pelaksanaan tugas lain dari Walikota.

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
Meningkatnya Persentase PMKS yang Jumlah PMKS yang ditangani © 100% % Dinas Sosial Laporan
pelayanan mendapat bantuan Jumlah PMKS yang ada Tahunan
sosial
Persentase lansia terlantar Jumlah lansia terlantar yang dibina % Bidang Rehsos Laporan
yang dibina dengan pendampingan rutin / jumlah Triwulan
seluruh lansia terlantar x 100%
Angka Kemiskinan AK = [umlah penduduk miskin : jumlah % Bappeda BPS
penduduk x 100%
"""


@pytest.fixture(scope="module")
def first() -> Draft:
    return draft(LAMPIRAN_I, region="Pemerintah Kota Contoh")


@pytest.fixture(scope="module")
def second() -> Draft:
    return draft(LAMPIRAN_II)


def test_the_draft_is_a_catalog_with_a_review_record_per_row(first: Draft) -> None:
    assert isinstance(first.catalog, Catalog)
    assert [s.code for s in first.catalog.sections] == ["iku"]
    assert first.catalog.sections[0].name == "Pemerintah Kota Contoh"
    assert [i.id for i in first.catalog] == ["iku.01", "iku.02", "iku.03"]
    assert [r.id for r in first.rows] == ["iku.01", "iku.02", "iku.03"]
    # the body of the regulation (before LAMPIRAN I) holds no table rows
    assert first.row("iku.01").first_line == 15


def test_lampiran_i_rows_keep_misi_tujuan_and_the_wrapped_name(first: Draft) -> None:
    row = first.catalog.get("iku.01")
    assert row.misi == "Mewujudkan warga kota yang sehat dan cerdas"
    assert row.tujuan == "Meningkatkan derajat kesehatan"
    assert row.sasaran == "Meningkatnya kesehatan"
    # "Buruk" wraps onto the second line, between the sasaran and the RUMUS
    assert row.name == "Persentase Balita Gizi Buruk"
    assert row.penanggung_jawab == "Dinas Kesehatan"
    assert (row.satuan, row.unit_name, row.period) == ("%", "percent", "tahunan")


def test_a_stacked_fraction_is_rebuilt_and_evaluates(first: Draft) -> None:
    row = first.catalog.get("iku.01")
    assert row.kind == "formula"
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah balita gizi buruk", "Jumlah seluruh balita")
    # 30 / 600 x 100% = 5%
    assert _value(row, 30, 600) == 5
    notes = " ".join(first.row("iku.01").notes)
    assert "stacked fraction reconstructed: numerator line(s) 15, denominator line(s) 16" in notes


def test_lower_is_better_is_read_from_the_name(first: Draft) -> None:
    assert first.catalog.get("iku.01").polarity == "lower"  # gizi buruk
    assert first.catalog.get("iku.01").polarity_reason
    assert first.catalog.get("iku.02").polarity == "higher"


def test_a_garbled_factor_is_read_and_noted(first: Draft) -> None:
    row = first.catalog.get("iku.02")
    assert row.name == "Cakupan Air Bersih"
    # 450 / 600 x 100% = 75%
    assert _value(row, 450, 600) == 75
    assert row.period == "bulanan"
    assert any("'£'" in n for n in first.row("iku.02").notes)


def test_a_rumus_that_names_one_value_is_a_direct_measure(first: Draft) -> None:
    row = first.catalog.get("iku.03")
    assert row.kind == "direct" and row.formula is None
    assert row.name == "Indeks Pembangunan Manusia"
    assert (row.satuan, row.unit_name) == ("Indeks", "dimensionless")
    assert row.rumus_asli == "Nilai IPM menurut BPS"


def test_lampiran_ii_section_heading_tugas_and_fungsi(second: Draft) -> None:
    (section,) = second.catalog.sections
    assert section.name == "Dinas Sosial"
    assert section.tugas_pokok == "Melaksanakan urusan pemerintahan bidang sosial."
    assert section.fungsi == (
        "Perumusan kebijakan bidang sosial;",
        "Pelaksanaan tugas lain dari Walikota.",
    )
    assert len(section.indicators) == 3


def test_interleaved_cells_are_separated(second: Draft) -> None:
    row = second.catalog.section("Dinas Sosial").indicators[0]
    assert row.sasaran == "Meningkatnya pelayanan sosial"
    assert row.name == "Persentase PMKS yang mendapat bantuan"
    assert row.penanggung_jawab == "Dinas Sosial"
    # 80 / 320 x 100% = 25%
    assert _value(row, 80, 320) == 25


def test_a_wrapped_rumus_with_its_bar_is_read_as_written(second: Draft) -> None:
    row = second.catalog.section("Dinas Sosial").indicators[1]
    assert row.name == "Persentase lansia terlantar yang dibina"
    assert row.formula is not None
    assert row.formula.variables == (
        "Jumlah lansia terlantar yang dibina dengan pendampingan rutin",
        "jumlah seluruh lansia terlantar",
    )
    # 45 / 300 x 100% = 15%
    assert _value(row, 45, 300) == 15
    assert row.period == "triwulan"


def test_an_ocr_bracket_is_repaired_and_a_colon_divides(second: Draft) -> None:
    row = second.catalog.section("Dinas Sosial").indicators[2]
    assert row.name == "Angka Kemiskinan"
    assert row.sumber_data == "BPS"
    # 20 / 400 x 100% = 5%
    assert _value(row, 20, 400) == 5
    assert row.polarity == "lower"  # kemiskinan


def _kemiskinan_printed_as(rumus: str) -> tuple[Draft, Any]:
    """The draft of LAMPIRAN_II with Angka Kemiskinan's RUMUS printed otherwise, and
    that row."""
    text = LAMPIRAN_II.replace(
        "Angka Kemiskinan AK = [umlah penduduk miskin : jumlah", f"Angka Kemiskinan AK = {rumus}"
    )
    result = draft(text)
    return result, result.catalog.section("Dinas Sosial").indicators[2]


def test_an_unreadable_rumus_becomes_a_flagged_direct_measure() -> None:
    result, row = _kemiskinan_printed_as("Jumlah penduduk miskin : : jumlah")
    assert row.kind == "direct"
    record = result.row(row.id)
    assert record.flagged
    assert any(n.startswith("RUMUS not read as a formula") for n in record.notes)
    assert row.rumus_asli  # what was printed is kept for the reviewer


def test_round_brackets_without_a_partner_are_dropped_and_noted() -> None:
    result, row = _kemiskinan_printed_as("Jumlah penduduk miskin ) : ( jumlah")
    # read as Jumlah penduduk miskin : jumlah penduduk x 100%: 20 / 400 x 100% = 5%
    assert _value(row, 20, 400) == 5
    assert any("round brackets without a partner" in n for n in result.row(row.id).notes)


def test_every_row_is_listed_and_confidence_is_bounded(second: Draft) -> None:
    assert len(second.rows) == len(second.catalog)
    assert all(0 < r.confidence <= 1 for r in second.rows)
    assert all(r.notes[0].startswith("lines ") for r in second.rows)


def test_draft_refuses_what_is_not_text() -> None:
    with pytest.raises(sakip.SakipError):
        draft(b"LAMPIRAN I")  # type: ignore[arg-type]


def test_the_body_of_a_regulation_gives_an_empty_draft() -> None:
    body = (
        "Pasal 1\nDalam Peraturan ini yang dimaksud dengan Indikator Kinerja Utama ...\n"
        "Pasal 2\nLampiran ini merupakan bagian tidak terpisahkan dari Peraturan ini.\n"
        "Jumlah A % Dinas Laporan\n"
    )
    result = draft(body)
    assert len(result.catalog) == 0 and result.rows == ()


_ROWS = """SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
1 2 3 4 5 6
Meningkatnya Persentase desa Jumlah desa berprestasi / % Dinas PMD Laporan
kinerja desa berprestasi jumlah desa x 100% Tahunan
"""


@pytest.mark.parametrize(
    "opening",
    [
        "",  # an extract that starts at the table header: no lampiran heading at all
        "LAMPIRAN : PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2020\n",  # the only lampiran
        "LAMPIRAN\nPERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2020\n",
        "Lampiran\nDEFINISI OPERASIONAL INDIKATOR KINERJA KABUPATEN CONTOH\n",
    ],
)
def test_a_table_without_a_numbered_lampiran_heading_is_read(opening: str) -> None:
    result = draft(opening + _ROWS)
    (row,) = result.catalog
    assert row.name == "Persentase desa berprestasi"
    # 3 of 12 villages: 3 / 12 x 100% = 25%
    assert row.formula is not None
    values = dict(zip(row.formula.variables, (3, 12), strict=True))
    assert sakip.evaluate(row, values).magnitude == 25


def test_a_row_the_draft_does_not_have_is_a_sakip_error() -> None:
    drafted = draft("LAMPIRAN I\nINDIKATOR KINERJA UTAMA\n")
    with pytest.raises(sakip.SakipError, match=r"no row 'iku\.99'"):
        drafted.row("iku.99")


# The opening of a one-table lampiran, before its rows.
_KOTA_HEADER = """\
LAMPIRAN I
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021
INDIKATOR KINERJA UTAMA
PEMERINTAH KOTA CONTOH

PENANGGUNG SUMBER
SASARAN INDIKATOR RUMUS CARA MENGUKUR SATUAN JAWAB DATA
"""

_PROSE_RUMUS = (
    _KOTA_HEADER
    + """\
Meningkatnya 1 Indeks Tata Kelola Nilai tata kelola dari evaluasi mandiri atau Indeks Bappeda Laporan
tata kelola Penilaian oleh tim evaluasi provinsi Tahunan
2 Persentase Pegawai Terlatih Jumlah pegawai yang x 100% % BKD Laporan
Jumlah pegawai Tahunan
"""
)


def test_a_rumus_line_ending_in_mid_phrase_without_a_factor_is_no_numerator() -> None:
    result = draft(_PROSE_RUMUS)
    row = result.catalog.get("iku.01")
    # '... mandiri atau' goes on in 'Penilaian oleh ...': one sentence, not A / B
    assert row.kind == "direct" and row.formula is None
    assert row.rumus_asli == (
        "Nilai tata kelola dari evaluasi mandiri atau Penilaian oleh tim evaluasi provinsi"
    )


def test_a_numerator_ending_in_mid_phrase_beside_a_factor_is_still_stacked() -> None:
    # with 'x 100%' printed beside it, 'Jumlah pegawai yang' is a numerator whose end
    # OCR lost: the fraction is rebuilt over 'Jumlah pegawai'
    row = draft(_PROSE_RUMUS).catalog.get("iku.02")
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah pegawai yang", "Jumlah pegawai")
    # 12 / 48 x 100% = 25%
    assert _value(row, 12, 48) == 25


_ABBREVIATED = (
    _KOTA_HEADER
    + """\
Meningkatnya 1 Rasio Pengaduan Jml pengaduan / Jumlah penduduk x % Dinas Sosial Laporan
100 % Tahunan
2 Persentase Rapat Terlaksana Jumlah rapat terlaksana / jumlah rapat % Dinas Sosial Laporan
yang direncanakan x 100% = jml Tahunan
"""
)


def test_jml_opens_a_rumus_like_jumlah() -> None:
    row = draft(_ABBREVIATED).catalog.get("iku.01")
    # 'Jml' is how regulations shorten 'Jumlah': the RUMUS opens there, not in the name
    assert row.name == "Rasio Pengaduan"
    assert row.formula is not None
    assert row.formula.variables == ("Jml pengaduan", "Jumlah penduduk")
    # 30 / 1200 x 100% = 2.5%
    assert _value(row, 30, 1200) == Fraction(5, 2)


def test_a_word_after_an_equals_sign_opens_no_rumus() -> None:
    # '= jml' after the factor is a note on the result: it neither opens a RUMUS cell
    # nor cuts the wrapped RUMUS line before it
    row = draft(_ABBREVIATED).catalog.get("iku.02")
    assert row.rumus_asli == "Jumlah rapat terlaksana / jumlah rapat yang direncanakan x 100%"
    # 9 / 12 x 100% = 75%
    assert _value(row, 9, 12) == 75


NO_NAME_CELL = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021

1. DINAS PENDIDIKAN

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
Meningkatnya Persentase sekolah Jumlah sekolah berakreditasi A % Bidang Dikdas Laporan
mutu sekolah berakreditasi A Jumlah seluruh sekolah x 100% Tahunan
Jumlah guru bersertifikat/Jumlah % Bidang GTK Laporan
seluruh guru x 100 % Tahunan
"""


def test_a_first_line_that_divides_by_a_count_opens_on_the_rumus() -> None:
    # The second row's INDIKATOR cell is empty (as OCR often loses it): its first line
    # opens with 'Jumlah' and divides by another 'Jumlah' after a slash, which a name
    # never does, so the whole line is the RUMUS, not a name 'Jumlah guru bersertifikat/Jumlah'.
    result = draft(NO_NAME_CELL)
    row = result.catalog.section("Dinas Pendidikan").indicators[1]
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah guru bersertifikat", "Jumlah seluruh guru")
    assert _value(row, 3, 4) == 75  # 3 / 4 x 100% = 75 (%)
    assert result.row(row.id).flagged  # a row without a name needs a person's eye


def test_a_variable_of_many_words_is_flagged_as_cells_run_together() -> None:
    # 4 x 8 = 32 words over the bar: longer than any quantity a RUMUS names
    run_on = " ".join(["Jumlah kelompok tani yang menerapkan teknologi Dinas Pertanian"] * 4)
    text = (
        _KOTA_HEADER
        + f"Meningkatnya 1 Persentase Kelompok Maju {run_on} / Jumlah kelompok x 100% % Dinas"
        " Pertanian Laporan\n"
    )
    (row,) = draft(text).rows
    assert row.flagged
    assert any("ran together" in note for note in row.notes)


def test_a_variable_of_ordinary_length_is_not_flagged_for_it() -> None:
    text = (
        _KOTA_HEADER + "Meningkatnya 1 Persentase Kelompok Maju Jumlah kelompok tani maju /"
        " Jumlah kelompok x 100% % Dinas Pertanian Laporan\n"
    )
    (row,) = draft(text).rows
    assert not any("ran together" in note for note in row.notes)


def test_a_bare_row_number_before_a_name_opener_numbers_a_lampiran_ii_row() -> None:
    text = (
        "LAMPIRAN II\n1. DINAS CONTOH\nA. Tugas Pokok :\n"
        "INDIKATOR KINERJA PENANGGUNG SUMBER\nSASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA\n"
        "Meningkatnya 1 Persentase desa Jumlah desa aktif / jumlah desa x 100% % Dinas"
        " Contoh Laporan\n"
        "2 Angka Kematian Bayi Jumlah kematian bayi / jumlah Rasio Dinas Laporan\n"
        "kelahiran hidup x 1.000 Contoh Tahunan\n"
    )
    first, second = draft(text).rows
    assert "row number not printed" not in first.notes
    assert "row number not printed" not in second.notes
