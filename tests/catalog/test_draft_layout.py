"""The drafter's reading of a row's tail and of table rows, on lines written for these
tests (a made-up Kabupaten Contoh, not the seed)."""

from __future__ import annotations

from fractions import Fraction

import pytest

import sakip
from sakip.catalog import draft
from sakip.catalog.draft_tail import Tail, find_tail
from sakip.catalog.draft_words import SASARAN_START, is_pj_start


def _tail(line: str) -> Tail | None:
    return find_tail(line.split())


@pytest.mark.parametrize(
    "word",
    [
        "Dinas",
        "Kabid",
        "Kasi",
        "Kasubbag",
        "Sekcam",
        "Sekdis",
        "Disdik",
        "Dinsos",
        "Bappeda",
        "Bapelitbangda",
        "BPKAD",
        "DISPUPR",
        "Setwan",
        "Seluruh",
        "sekcam",  # a title, whatever its case
        "Bid.Kearsipan",  # OCR lost the space after an abbreviated office
        "Subbid.Statistik",
    ],
)
def test_offices_and_officials_open_a_penanggung_jawab(word: str) -> None:
    assert is_pj_start(word)


@pytest.mark.parametrize(
    "word",
    [
        "Distribusi",
        "Disiplin",
        "Disabilitas",
        "Jumlah",
        "SKPD",
        "OPD",
        "dinasnya",
        "seluruh",
        "Jml.Desa",  # a count word glued to a name, not an office
        "Bid.lain",  # no cell's word after the dot
    ],
)
def test_ordinary_words_do_not(word: str) -> None:
    assert not is_pj_start(word)


def test_a_lower_case_office_word_inside_a_rumus_opens_no_tail() -> None:
    # a wrapped line: the name's last word, the denominator 'Jumlah seluruh pegawai', the
    # sumber data's second line; 'seluruh' in lower case is the RUMUS's, no office
    assert find_tail(["Terlatih", "Jumlah", "seluruh", "pegawai", "Renstra"]) is None
    tail = find_tail(
        ["Pegawai", "Jumlah", "pegawai", "terlatih", "%", "Seluruh", "Bidang", "Laporan"]
    )
    assert tail == Tail(4, "%", "Seluruh Bidang", "Laporan")


def test_a_tail_without_a_source_word_is_found_by_its_satuan_and_office() -> None:
    tail = _tail("Jumlah jembatan baik Jumlah jembatan % Dinas Bidang Jalan")
    assert tail is not None
    assert (tail.start, tail.satuan, tail.penanggung_jawab, tail.sumber_data) == (
        5,  # the '%' is the sixth word
        "%",
        "Dinas Bidang Jalan",
        "",
    )


def test_such_a_tail_splits_penanggung_jawab_from_a_source_word_after_it() -> None:
    tail = _tail("Jumlah pasar aktif Unit | Kasi Pasar Data Pasar")
    assert tail is not None
    assert (tail.satuan, tail.penanggung_jawab, tail.sumber_data) == (
        "Unit",
        "Kasi Pasar",
        "Data Pasar",
    )


def test_a_percent_after_a_number_is_a_factor_not_a_satuan() -> None:
    assert _tail("Jumlah A Jumlah B x 100 % Dinas") is None
    assert _tail("Jumlah A Jumlah B x % Dinas") is None


UNSOURCED = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS PEKERJAAN UMUM

A. Tugas Pokok :
1. Melaksanakan urusan pekerjaan umum.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatnya Persentase jalan Panjang jalan mantap % DISPUPR
kualitas jalan mantap Panjang jalan seluruhnya x 100%
Persentase jembatan Jumlah jembatan baik % Dinas Bidang
baik Jumlah jembatan x 100% PUPR Jembatan
Jumlah sumur bor Jumlah sumur bor dibangun Unit | Kabid Data Air
Air Minum
"""


def test_rows_whose_tails_have_no_source_word_stay_apart() -> None:
    rows = list(draft(UNSOURCED).catalog)
    assert [r.name for r in rows] == [
        "Persentase jalan mantap",
        "Persentase jembatan baik",
        "Jumlah sumur bor",
    ]
    assert [r.satuan for r in rows] == ["%", "%", "Unit"]
    assert rows[0].penanggung_jawab == "DISPUPR"


OPENERS = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS KEPEGAWAIAN

A. Tugas Pokok :
1. Melaksanakan urusan kepegawaian.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatkan mutu Persentase Tingkat Kepatuhan Jumlah Pegawai yang patuh % Sekdis Laporan
layanan / Jumlah Pegawai x 100% Tahunan
Tingkat Ketersediaan Data Jumlah data yang tersedia % Sekdis Laporan
Capaian Program /jumlah data yang Tahunan
dibutuhkan x 100%
"""


def _percent(row: sakip.catalog.Indicator, *values: int) -> Fraction:
    formula = row.formula
    assert formula is not None
    result = sakip.evaluate(formula, dict(zip(formula.variables, values, strict=True)))
    return Fraction(result.magnitude).limit_denominator(10_000)


def test_a_name_word_gives_way_to_a_rumus_opener_on_the_first_line() -> None:
    first, second = draft(OPENERS).catalog
    # 'Tingkat' opens names and RUMUS cells alike; 'Jumlah' opens only a RUMUS
    assert first.name == "Persentase Tingkat Kepatuhan"
    assert first.formula is not None
    assert first.formula.variables == ("Jumlah Pegawai yang patuh", "Jumlah Pegawai")
    # 30 / 40 x 100% = 75%
    assert _percent(first, 30, 40) == 75
    assert second.name.startswith("Tingkat Ketersediaan Data")


def test_a_bar_closes_the_sasaran_cell_on_a_wrapped_line() -> None:
    first = next(iter(draft(OPENERS).catalog))
    # 'layanan /': the sasaran cell holds no division bar, the RUMUS does
    assert first.sasaran == "Meningkatkan mutu layanan"


def test_on_a_wrapped_line_the_name_runs_up_to_a_bar_that_opens_a_word() -> None:
    second = list(draft(OPENERS).catalog)[1]
    assert second.name == "Tingkat Ketersediaan Data Capaian Program"
    assert second.formula is not None
    assert second.formula.variables == ("Jumlah data yang tersedia", "jumlah data yang dibutuhkan")
    # 45 / 60 x 100% = 75%
    assert _percent(second, 45, 60) == 75


def test_an_official_of_an_office_is_one_penanggung_jawab_after_the_satuan() -> None:
    tail = _tail("Jumlah murid lulus Persentase Kepala Bidang SD Renstra Dinas")
    assert tail is not None
    # 'Kepala Bidang SD', not 'Bidang SD' with 'Kepala' left to the RUMUS
    assert (tail.start, tail.satuan, tail.penanggung_jawab, tail.sumber_data) == (
        3,
        "Persentase",
        "Kepala Bidang SD",
        "Renstra Dinas",
    )


def test_a_lower_case_unit_word_ends_a_rumus_and_opens_no_tail() -> None:
    # the RUMUS wraps onto a line that ends with the wrapped penanggung jawab
    assert _tail("penduduk usia 7-12 tahun Disdik") is None
    tail = _tail("Usia harapan hidup Tahun Disdik")
    assert tail is not None and (tail.satuan, tail.penanggung_jawab) == ("Tahun", "Disdik")


COMPARISON = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS PENDIDIKAN

A. Tugas Pokok :
1. Melaksanakan urusan pendidikan.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatnya Angka Partisipasi Murni Jumlah murid usia 7-12 % Kabid SD Laporan
mutu / Jumlah anak usia 7-12 x 100% Tahunan
pendidikan
Angka Kelulusan Perbandingan antara jumlah lulusan % Kabid SD Laporan
SD dengan jumlah siswa kelas enam Tahunan
"""


def test_a_comparison_in_words_is_a_printed_division_not_a_stacked_fraction() -> None:
    row = list(draft(COMPARISON).catalog)[1]
    assert row.name == "Angka Kelulusan SD"
    assert row.formula is not None
    # 'dengan' joins the RUMUS's parts: the wrapped name is 'SD' alone
    assert row.formula.variables == ("jumlah lulusan", "jumlah siswa kelas enam")
    # satuan %, no factor printed: 57 / 60 x 100% = 95%
    assert _percent(row, 57, 60) == 95
    assert not any("stacked fraction" in n for n in draft(COMPARISON).rows[1].notes)


RECURRING = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. BADAN PERENCANAAN

A. Tugas Pokok :
1. Melaksanakan urusan perencanaan.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Konsistensi Program Jumlah program selaras % Bid. Renbang, Laporan
/ Jumlah program Bid.Sos Budaya Tahunan
Ketepatan Dokumen Jumlah dokumen tepat waktu % Bid. Renbang, Laporan
/ Jumlah dokumen Bid.Sos Budaya Tahunan
Capaian Kegiatan Jumlah kegiatan tercapai % Bid. Renbang, Laporan
/ Jumlah kegiatan Bid.Sos Budaya Tahunan
"""


def test_a_wrapped_office_recurring_in_the_table_stays_out_of_the_rumus() -> None:
    rows = list(draft(RECURRING).catalog)
    # 'Bid.Sos Budaya Tahunan' ends the second line of all three rows: the penanggung
    # jawab cell wrapped, and its sumber data cell's 'Tahunan'
    assert [r.formula.variables for r in rows if r.formula] == [
        ("Jumlah program selaras", "Jumlah program"),
        ("Jumlah dokumen tepat waktu", "Jumlah dokumen"),
        ("Jumlah kegiatan tercapai", "Jumlah kegiatan"),
    ]
    assert [r.period for r in rows] == ["tahunan"] * 3
    assert rows[0].penanggung_jawab.endswith("Bid.Sos Budaya")


TIMES_IN_WORDS = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS PEMBERDAYAAN DESA

A. Tugas Pokok :
1. Melaksanakan urusan pemberdayaan desa.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Persentase BUMDes Aktif Jumlah BUMDes aktif dibagi % Bidang Ekonomi Laporan
Jumlah BUMDes dikali Tahunan
100%
"""


def test_a_factor_sign_in_words_at_a_line_end_goes_with_the_factor() -> None:
    (row,) = draft(TIMES_IN_WORDS).catalog
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah BUMDes aktif", "Jumlah BUMDes")
    # 'dikali' ends the line, '100%' opens the next: 12 / 48 x 100% = 25%
    assert _percent(row, 12, 48) == 25


POLARITY = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. INSPEKTORAT

A. Tugas Pokok :
1. Melaksanakan pengawasan.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Persentase OPD bebas temuan Jumlah OPD bebas temuan % Inspektur Laporan
/ Jumlah OPD x 100% Tahunan
Angka DO SD Jumlah siswa putus / Jumlah siswa % Kabid SD Laporan
x 100% Tahunan
"""


def test_the_draft_reads_polarity_by_the_catalog_polarity_words() -> None:
    free, dropouts = draft(POLARITY).catalog
    # 'temuan' is lower-is-better, 'bebas' (free of) turns it around
    assert free.polarity == "higher"
    # 'Angka DO': the drop-out rate, fewer is better, with the reason kept
    assert dropouts.polarity == "lower"
    assert "angka do" in dropouts.polarity_reason


CELLS_APART = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. RUMAH SAKIT UMUM DAERAH

A. Tugas Pokok :
1. Melaksanakan pelayanan kesehatan rujukan.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatnya Angka Rujukan Jumlah pasien dirujuk / Jumlah % Bidang Medik Laporan
mutu layanan pasien x 100% Tahunan

Meningkatnya Kepuasan
Pasien

Persentase Pasien
Puas

Jumlah pasien yang puas terhadap
pelayanan/(jumlah pasien yang
disurvei) x 100%

%

Bidang Pelayanan

Survei Kepuasan
Triwulan

Terwujudnya Rumah
Sakit Bersih

Rasio Tempat Tidur
Terpakai

Hari rawat inap terpakai dibagi
hari rawat inap tersedia

Rasio

Bidang Keperawatan

Laporan Bulanan
"""


def test_a_row_printed_cell_by_cell_is_read_by_its_paragraphs() -> None:
    result = draft(CELLS_APART)
    first, second, _third = result.catalog
    assert first.name == "Angka Rujukan"
    assert second.sasaran == "Meningkatnya Kepuasan Pasien"
    assert second.name == "Persentase Pasien Puas"
    assert (second.satuan, second.penanggung_jawab) == ("%", "Bidang Pelayanan")
    assert (second.sumber_data, second.period) == ("Survei Kepuasan Triwulan", "triwulan")
    assert second.formula is not None
    assert second.formula.variables == (
        "Jumlah pasien yang puas terhadap pelayanan",
        "jumlah pasien yang disurvei",
    )
    # 90 / 120 x 100% = 75%
    assert _percent(second, 90, 120) == 75
    assert any(n.startswith("cells printed one under") for n in result.rows[1].notes)


def test_the_next_row_cell_by_cell_opens_after_the_sumber_data() -> None:
    third = list(draft(CELLS_APART).catalog)[2]
    assert third.sasaran == "Terwujudnya Rumah Sakit Bersih"
    assert third.name == "Rasio Tempat Tidur Terpakai"
    assert (third.satuan, third.unit_name, third.period) == ("Rasio", "dimensionless", "bulanan")
    assert third.formula is not None
    # a wrapped paragraph, not a stacked fraction: 'dibagi' divides, 300 / 400 = 3/4
    assert third.formula.variables == ("Hari rawat inap terpakai", "hari rawat inap tersedia")
    assert _percent(third, 300, 400) == Fraction(3, 4)


def test_a_lower_case_verb_opens_no_sasaran() -> None:
    assert SASARAN_START.match("Meningkatkan")
    assert SASARAN_START.match("meningkatnya")
    assert not SASARAN_START.match("mendapatkan")
    # a region's own slogan that heads its sasaran (one regency's 'Bangkit ...') is
    # not a word of IKU regulations: the drafter must not know it
    assert not SASARAN_START.match("Bangkit")


def test_a_percent_alone_at_a_line_end_is_a_satuan_cell() -> None:
    tail = _tail("Persentase jalan baik Panjang jalan baik %")
    assert tail is not None
    # the '%' is the seventh word (index 6)
    assert (tail.start, tail.satuan, tail.penanggung_jawab, tail.sumber_data) == (6, "%", "", "")
    assert _tail("Panjang jalan baik x 100 %") is None  # a factor's percent sign


BARE_PERCENT = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS PEKERJAAN UMUM

A. Tugas Pokok :
1. Melaksanakan urusan pekerjaan umum.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Persentase jalan baik Panjang jalan baik %
/ panjang jalan x 100%
Persentase irigasi baik Luas irigasi baik % Bidang Irigasi Laporan
/ luas irigasi x 100% Tahunan
"""


def test_a_row_whose_line_ends_in_its_satuan_stands_apart_from_the_next() -> None:
    rows = list(draft(BARE_PERCENT).catalog)
    assert [r.name for r in rows] == ["Persentase jalan baik", "Persentase irigasi baik"]
    assert rows[0].formula is not None
    # 45 / 60 x 100% = 75%
    assert _percent(rows[0], 45, 60) == 75


def test_a_name_word_before_an_office_is_no_satuan() -> None:
    # 'Sekolah' is a satuan word, but here the name's last word, 'Dinas' its wrapped office
    assert _tail("3 Angka Partisipasi Sekolah Dinas") is None
    tail = _tail("Jumlah kasus selesai Kasus Dinas")
    assert tail is not None and (tail.satuan, tail.penanggung_jawab) == ("Kasus", "Dinas")


PARTS = """\
LAMPIRAN I
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021

MISI Mewujudkan warga kota yang cerdas
TUJUAN Meningkatkan mutu pendidikan
SASARAN INDIKATOR RUMUS CARA MENGUKUR SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatnya 1 Angka Kelulusan Dinas Laporan
mutu Pendidikan Dasar Pendidikan Tahunan
SD / MI Jumlah lulusan SD x 100% %
Jumlah siswa kelas enam
SMP / MTs Jumlah lulusan SMP x 100% %
Jumlah siswa kelas sembilan
2 Angka Melek Huruf Jumlah penduduk melek huruf x 100% % Dinas Laporan
Jumlah penduduk Pendidikan Tahunan
"""


def test_the_parts_of_a_numbered_row_become_rows_under_its_name() -> None:
    catalog = draft(PARTS).catalog
    assert [i.id for i in catalog] == ["iku.01a", "iku.01b", "iku.02"]
    sd, smp, _literacy = catalog
    assert (sd.part, smp.part) == ("SD / MI", "SMP / MTs")
    assert sd.name == smp.name
    assert sd.name.startswith("Angka Kelulusan")
    assert (sd.number, smp.number, sd.satuan) == (1, 1, "%")
    assert sd.formula is not None and smp.formula is not None
    assert sd.formula.variables == ("Jumlah lulusan SD", "Jumlah siswa kelas enam")
    assert smp.formula.variables == ("Jumlah lulusan SMP", "Jumlah siswa kelas sembilan")
    # 54 / 60 x 100% = 90%; 45 / 50 x 100% = 90%
    assert _percent(sd, 54, 60) == 90
    assert _percent(smp, 45, 50) == 90


LOST_NUMBERS = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. SEKRETARIAT DAERAH

A. Tugas Pokok :
1. Melaksanakan urusan umum.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
Meningkatnya . Nilai Reformasi Nilai hasil evaluasi Nilai Bagian Organisasi Laporan
tata kelola Birokrasi Tahunan
. Nilai Pelayanan Publik Nilai hasil survei Nilai Bagian Organisasi Laporan
Tahunan
3. Nilai Akuntabilitas Nilai hasil evaluasi SAKIP
Kinerja
4. Indeks Inovasi Daerah Nilai indeks dari kementerian Indeks Bagian Organisasi Laporan
Tahunan
"""


def test_a_row_number_ahead_of_the_count_resumes_it() -> None:
    # the numbers 1 and 2 were read as bullets; '3.' and '4.' still open rows
    rows = list(draft(LOST_NUMBERS).catalog)
    assert [r.number for r in rows] == [1, 2, 3, 4]
    assert rows[2].name.startswith("Nilai Akuntabilitas")
    assert rows[3].name == "Indeks Inovasi Daerah"
