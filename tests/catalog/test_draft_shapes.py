"""The drafter on table shapes of other regions' lampiran, on texts written for these
tests (a made-up Kabupaten Contoh and Kota Contoh, other offices and indicators than any
stored text): rows that number the sasaran, tables with no SATUAN column whose rows end
with an agency, RUMUS cells that give no formula, double-spaced and flattened pages,
and cells printed one a line with names run together."""

from __future__ import annotations

from fractions import Fraction

import pytest

from sakip.catalog import Draft, draft
from sakip.catalog.draft_cell import rumus_fragments
from sakip.catalog.draft_direct import name_unit, no_formula, rumus_unit
from sakip.catalog.draft_pages import double_spaced, unflatten
from sakip.catalog.draft_shapes import agency_table

from .drafted import value_in_print_order as _value

# A perangkat daerah table with no SATUAN column: the row numbers number the sasaran,
# each sasaran holds indicators written inline (name, RUMUS in words, agency); the
# agency cell spans the second sasaran's rows, so its last row prints none.
AGENCY = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 9 TAHUN 2023
II. DINAS KESEHATAN
SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD
1 2 3 4
1. Meningkatnya derajat
kesehatan ibu dan anak Persentase persalinan di fasilitas kesehatan
Jumlah persalinan di fasilitas kesehatan dibagi jumlah seluruh persalinan kali 100%
Dinkes
Jumlah Desa Siaga Aktif
Cukup Jelas Dinkes
2. Meningkatnya mutu
layanan puskesmas Angka Kepuasan Pasien Puskesmas (AKPP) nilai survei kepuasan
pasien, dihitung oleh lembaga survei independen Dinkes
Rasio dokter per puskesmas Jumlah dokter dibagi jumlah puskesmas
"""


def _check_agency_rows(result: Draft) -> None:
    (section,) = result.catalog.sections
    assert section.name == "Dinas Kesehatan"  # 'II. DINAS KESEHATAN': a roman-numbered heading
    births, villages, survey, doctors = result.catalog
    assert births.name == "Persentase persalinan di fasilitas kesehatan"
    assert births.sasaran == "Meningkatnya derajat kesehatan ibu dan anak"
    assert (births.kind, births.unit_name, births.penanggung_jawab) == (
        "formula",
        "percent",  # no SATUAN column: 'kali 100%' makes it a percent
        "Dinkes",
    )
    # 45 of 60 births in a facility: 45 / 60 x 100% = 75%
    assert _value(births, 45, 60) == 75
    # 'Cukup Jelas': no formula; the name counts desa, so desa is its unit
    assert villages.name == "Jumlah Desa Siaga Aktif"
    assert (villages.kind, villages.unit_name) == ("direct", "desa")
    assert villages.rumus_asli == "Cukup Jelas"
    assert villages.sasaran == births.sasaran  # the same sasaran's second indicator
    # a RUMUS that says who computes the value is a direct measure; the name ends at
    # its acronym in brackets; a second sasaran opens on its row number
    assert survey.name == "Angka Kepuasan Pasien Puskesmas (AKPP)"
    assert survey.sasaran == "Meningkatnya mutu layanan puskesmas"
    assert (survey.kind, survey.unit_name) == ("direct", "dimensionless")
    # the next indicator of the same sasaran, its agency cell not printed again
    assert doctors.name == "Rasio dokter per puskesmas"
    assert doctors.sasaran == "Meningkatnya mutu layanan puskesmas"
    assert doctors.penanggung_jawab == ""
    # 12 doctors in 4 puskesmas: 12 / 4 = 3 (no factor, no unit: a plain ratio)
    assert _value(doctors, 12, 4) == 3
    assert doctors.unit_name == "dimensionless"


def test_rows_of_a_table_without_a_satuan_column_end_with_their_agency() -> None:
    _check_agency_rows(draft(AGENCY))


def test_a_double_spaced_text_reads_like_a_single_spaced_one() -> None:
    spaced = "\n\n".join(AGENCY.splitlines()) + "\n"
    assert double_spaced(spaced.splitlines())
    assert not double_spaced(AGENCY.splitlines())
    _check_agency_rows(draft(spaced))


def test_a_page_flattened_on_one_line_is_split_at_its_header_and_rows() -> None:
    flat = " ".join(AGENCY.split())
    lines = unflatten(flat).splitlines()
    assert lines[:4] == [
        "LAMPIRAN II PERATURAN BUPATI CONTOH NOMOR 9 TAHUN 2023",
        "II. DINAS KESEHATAN",
        "SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD",
        "1 2 3 4",
    ]
    assert lines[4].startswith("1. Meningkatnya derajat")
    assert lines[5].startswith("2. Meningkatnya mutu")
    assert len(lines) == 6
    _check_agency_rows(draft(flat))


def test_a_short_line_is_never_unflattened() -> None:
    line = "SASARAN INDIKATOR RUMUS SATUAN 1. Meningkatnya mutu"
    assert unflatten(line) == line


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD", True),
        ("No SASARAN STRATEGIS INDIKATOR KINERJA RUMUS SUMBER DATA", True),
        ("SASARAN INDIKATOR RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA", False),
        # OCR breaks the SATUAN header: still a satuan column
        ("INDIKATOR KINERJA SAT PENANGGUNG SASARAN (OUTCOME) RUMUS UAN JAWAB", False),
        ("SATUAN PENANGGUNG JAWAB SUMBER DATA", False),  # no RUMUS column
    ],
)
def test_an_agency_table_has_a_rumus_but_no_satuan_column(header: str, expected: bool) -> None:
    assert agency_table(header) is expected


@pytest.mark.parametrize("cell", ["Cukup Jelas", "cukup jelas.", "Jelas", "-"])
def test_a_self_explanatory_rumus_is_no_formula(cell: str) -> None:
    assert no_formula(cell) is not None


@pytest.mark.parametrize(
    "cell",
    ["Jumlah desa jelas batasnya dibagi jumlah desa", "A - B", "Jumlah kasus yang jelas"],
)
def test_a_rumus_that_mentions_jelas_or_a_minus_is_still_a_formula(cell: str) -> None:
    assert no_formula(cell) is None


def test_the_unit_of_a_direct_measure_from_its_rumus_or_its_name() -> None:
    assert rumus_unit("rata-rata masa tunggu kerja (dalam tahun) lulusan") == "tahun"
    assert rumus_unit("jumlah orang yang dilayani") == "orang"
    assert rumus_unit("jumlah warga yang dilayani") == ""  # 'warga' is no satuan word
    assert name_unit("Jumlah Kelompok Nelayan Mandiri") == "kelompok"
    assert name_unit("Besaran Paket Pekerjaan Tepat Waktu") == "paket"
    assert name_unit("Jumlah Nilai Ekspor") == ""  # a value, not a count of 'nilai'
    assert name_unit("Persentase Desa Mandiri") == ""


# A table without a RUMUS column printed one cell a line: row numbers apart from their
# rows, two names run together on one line with their cells side by side below them.
STACK = """\
LAMPIRAN : PERATURAN WALIKOTA CONTOH NOMOR 4 TAHUN 2018 TENTANG INDIKATOR KINERJA UTAMA
NO.
SASARAN Menurunnya angka kemiskinan
INDIKATOR KINERJA UTAMA (IKU)
SATUAN
PENANGGUNG JAWAB
SUMBER DATA
1.
Persentase Penduduk Miskin
persen
Dinas Sosial
Badan Pusat Statistik
2. 3.
Jumlah Keluarga Penerima Bantuan Pangan Persentase Rumah Tidak Layak Huni
orang persen
Dinas Sosial Dinas Perumahan
Dinas Sosial Dinas Perumahan
4.
Indeks Kepuasan Penerima Layanan
indeks
Dinas Sosial
Dinas Sosial
"""


def test_cells_printed_one_a_line_become_direct_rows_never_formulas() -> None:
    result = draft(STACK)
    poor, families, houses, index = result.catalog
    assert [i.name for i in result.catalog] == [
        "Persentase Penduduk Miskin",
        "Jumlah Keluarga Penerima Bantuan Pangan",
        "Persentase Rumah Tidak Layak Huni",
        "Indeks Kepuasan Penerima Layanan",
    ]
    assert all(i.kind == "direct" and i.formula is None for i in result.catalog)
    # the sasaran printed beside its header cell ('SASARAN Menurunnya ...')
    assert poor.sasaran == families.sasaran == "Menurunnya angka kemiskinan"
    assert (poor.unit_name, poor.penanggung_jawab, poor.sumber_data) == (
        "percent",
        "Dinas Sosial",
        "Badan Pusat Statistik",
    )
    # two rows' cells side by side: the second cell of each line is the second row's
    assert (families.unit_name, families.penanggung_jawab) == ("orang", "Dinas Sosial")
    assert (houses.unit_name, houses.penanggung_jawab) == ("percent", "Dinas Perumahan")
    assert index.unit_name == "dimensionless"
    assert any("run together" in n for n in result.rows[1].notes)


def test_names_run_together_stay_one_when_the_satuan_cells_do_not_agree() -> None:
    # one satuan cell under a line with two name openers: one name, not two
    text = STACK.replace("orang persen\n", "orang\n").replace(
        "Dinas Sosial Dinas Perumahan\nDinas Sosial Dinas Perumahan\n",
        "Dinas Sosial\nDinas Sosial\n",
    )
    names = [i.name for i in draft(text).catalog]
    assert names[1] == ("Jumlah Keluarga Penerima Bantuan Pangan Persentase Rumah Tidak Layak Huni")
    assert len(names) == 3


def test_kali_before_the_factor_is_its_sign() -> None:
    # 'kali 100%' multiplies like 'dikali 100%': the sign goes with the factor
    fragments, factor, _ = rumus_fragments(
        [(1, "Jumlah balita ditimbang dibagi jumlah balita kali 100%")]
    )
    assert factor == 100
    assert fragments == ((1, "Jumlah balita ditimbang dibagi jumlah balita"),)


# The agency written out ('Dinas Pariwisata') at the end of each row's line.
OFFICES = """\
SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD
1. Meningkatnya kunjungan wisata Jumlah kunjungan wisatawan Cukup Jelas Dinas Pariwisata
Persentase objek wisata terkelola Jumlah objek wisata terkelola dibagi jumlah objek
wisata kali 100% Dinas Pariwisata
2. Meningkatnya ekonomi kreatif Rasio pelaku ekonomi kreatif Jumlah pelaku ekonomi
kreatif dibagi jumlah penduduk Dinas Koperasi dan UKM (pelaku terdaftar)
"""


def test_an_agency_written_out_ends_its_row() -> None:
    visits, managed, creative = draft(OFFICES).catalog
    assert (visits.name, visits.kind, visits.penanggung_jawab) == (
        "Jumlah kunjungan wisatawan",
        "direct",
        "Dinas Pariwisata",
    )
    assert managed.name == "Persentase objek wisata terkelola"
    assert managed.penanggung_jawab == "Dinas Pariwisata"
    # 30 of 40 sites managed: 30 / 40 x 100% = 75%
    assert _value(managed, 30, 40) == 75
    assert creative.sasaran == "Meningkatnya ekonomi kreatif"
    # the whole office, and its note in brackets kept out of the RUMUS
    assert creative.penanggung_jawab == "Dinas Koperasi dan UKM"
    # 50 creative workers in 1000 inhabitants: 50 / 1000 = 1/20
    assert _value(creative, 50, 1000) == Fraction(1, 20)


def test_a_row_of_a_table_without_a_rumus_column_is_direct_and_keeps_its_name() -> None:
    text = (
        "NO SASARAN INDIKATOR KINERJA UTAMA SATUAN PENANGGUNG JAWAB SUMBER DATA\n"
        "1 Meningkatnya ketahanan pangan Jumlah Lumbung Pangan Aktif Unit Dinas Pertanian"
        " Laporan Tahunan\n"
        "2 Meningkatnya produksi ikan Produksi Perikanan Budidaya Ton Dinas Perikanan"
        " Laporan Tahunan\n"
    )
    barns, fish = draft(text).catalog
    # 'Jumlah' opens no RUMUS where the table has no RUMUS column: it opens the name
    assert (barns.sasaran, barns.name) == (
        "Meningkatnya ketahanan pangan",
        "Jumlah Lumbung Pangan Aktif",
    )
    assert (barns.kind, barns.unit_name) == ("direct", "unit")
    assert (fish.name, fish.kind, fish.unit_name) == (
        "Produksi Perikanan Budidaya",
        "direct",
        "ton",
    )


def test_a_table_printed_in_capitals_keeps_its_rows() -> None:
    # capitals are a running header only where most lines are not in capitals
    upper = "\n".join(
        [
            "SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD",
            "1. MENINGKATNYA AKSES AIR MINUM PERSENTASE RUMAH TANGGA BERAKSES AIR MINUM",
            "JUMLAH RUMAH TANGGA BERAKSES DIBAGI JUMLAH RUMAH TANGGA KALI 100% DISPERKIM",
        ]
    )
    (row,) = draft(upper).catalog
    assert row.name == "PERSENTASE RUMAH TANGGA BERAKSES AIR MINUM"
    assert row.penanggung_jawab == "DISPERKIM"
    # 80 of 100 households: 80 / 100 x 100% = 80%
    assert _value(row, 80, 100) == 80


# A row number alone on its line, an acronym inside a RUMUS, a sasaran printed without
# its number, a one-word office ending a line.
LOOSE = """\
No SASARAN STRATEGIS INDIKATOR KINERJA RUMUS SUMBER DATA
1
Meningkatnya kualitas hidup Indeks Pembangunan Manusia Nilai IPM menurut
rilis tahunan Bappeda
Rasio desa mandiri Jumlah desa mandiri dibagi jumlah desa
Meningkatnya tata kelola Persentase OPD ber-SAKIP baik Jumlah OPD bernilai baik
dibagi jumlah OPD kali 100% Inspektorat
"""


def test_acronyms_inside_a_rumus_do_not_end_a_row() -> None:
    index, villages, offices = draft(LOOSE).catalog
    assert index.sasaran == villages.sasaran == "Meningkatnya kualitas hidup"
    assert index.name == "Indeks Pembangunan Manusia"
    assert index.rumus_asli == "Nilai IPM menurut rilis tahunan"
    assert (index.kind, index.penanggung_jawab) == ("direct", "Bappeda")
    assert villages.name == "Rasio desa mandiri"
    # a ratio of two counts of desa has no unit: 12 / 48 = 1/4
    assert villages.unit_name == "dimensionless"
    assert _value(villages, 12, 48) == Fraction(1, 4)
    assert offices.sasaran == "Meningkatnya tata kelola"
    assert (offices.name, offices.penanggung_jawab) == (
        "Persentase OPD ber-SAKIP baik",
        "Inspektorat",
    )
    # 6 of 8 offices: 6 / 8 x 100% = 75%
    assert _value(offices, 6, 8) == 75


@pytest.mark.parametrize("opening", ["", "LAMPIRAN II\n"])
def test_a_heading_right_above_the_table_header_names_the_section(opening: str) -> None:
    text = (
        f"{opening}DINAS PERHUBUNGAN\n"
        "SASARAN STRATEGIS INDIKATOR KINERJA UTAMA RUMUS IKU SKPD\n"
        "1. Meningkatnya keselamatan jalan Angka Kecelakaan Lalu Lintas Cukup Jelas Dishub\n"
    )
    result = draft(text)
    (section,) = result.catalog.sections
    assert section.name == "Dinas Perhubungan"
    (row,) = result.catalog
    assert (row.name, row.kind, row.penanggung_jawab) == (
        "Angka Kecelakaan Lalu Lintas",
        "direct",
        "Dishub",
    )


# A table with a RUMUS column printed one cell a line, no blank lines between cells.
DUMP = """\
SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
1.
Persentase jalan kabupaten
kondisi baik
Panjang jalan kondisi baik dibagi panjang jalan kabupaten x 100%
persen
Dinas PUPR
Laporan Dinas PUPR
2.
Jumlah jembatan dibangun
Cukup Jelas
unit
Dinas PUPR
Laporan Dinas PUPR
"""


def test_a_dump_with_a_rumus_column_reads_name_rumus_and_cells_in_order() -> None:
    roads, bridges = draft(DUMP).catalog
    # the name wraps onto a second line; the RUMUS opens at 'Panjang', never taking the
    # satuan and office cells below it into a formula
    assert roads.name == "Persentase jalan kabupaten kondisi baik"
    assert (roads.unit_name, roads.penanggung_jawab) == ("percent", "Dinas PUPR")
    assert roads.formula is not None
    assert roads.formula.variables == (
        "Panjang jalan kondisi baik",
        "panjang jalan kabupaten",
    )
    # 120 of 160 km in good condition: 120 / 160 x 100% = 75%
    assert _value(roads, 120, 160) == 75
    assert (bridges.name, bridges.kind, bridges.unit_name) == (
        "Jumlah jembatan dibangun",
        "direct",
        "unit",
    )


def test_row_numbers_printed_apart_stay_out_of_the_rumus() -> None:
    text = AGENCY.replace("Dinkes\nJumlah Desa", "Dinkes\n2. 3.\nJumlah Desa")
    _check_agency_rows(draft(text))
