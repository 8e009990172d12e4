"""The factor of a RUMUS and the percent it gives, whatever the SATUAN column prints.

The rows are made up (a Kecamatan Contoh and a Dinas Contoh, not the seed), laid out as
OCR gives an IKU lampiran: cells side by side, wrapped onto the next lines.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import sakip
from sakip.catalog import Draft, draft
from sakip.catalog.draft_repair import COUNT_BAR, at_count_bar

from .drafted import value_in_print_order as _value

_HEADER = """\
LAMPIRAN I
PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2021
INDIKATOR KINERJA UTAMA
PEMERINTAH KABUPATEN CONTOH

PENANGGUNG SUMBER
SASARAN INDIKATOR RUMUS SATUAN JAWAB DATA
"""

# Row 1: a share stacked over two lines, its factor 'X 100 %' printed on a third line
# (OCR split the '%' from the '100'), under a satuan that names what is counted
# ('Dokumen'). Row 2: a share printed 'x 100%' on one line under a satuan 'Rasio'.
# Row 3: a rate 'x 1.000' under a satuan 'Kasus': no percent sign printed.
SATUAN_APART = (
    _HEADER
    + """\
Meningkatnya 1 Tingkat penyampaian Surat Keluar Terkirim Tepat Waktu Dokumen Kasi Umum Laporan
layanan surat Jumlah surat keluar yang dibuat X Tahunan
100 %
2 Rasio Guru Penggerak Jumlah guru penggerak / Jumlah guru x 100% Rasio Dinas Pendidikan Laporan
Tahunan
3 Angka Kesakitan DBD Jumlah kasus DBD / Jumlah penduduk x 1.000 Kasus Dinas Kesehatan Laporan
Tahunan
"""
)


@pytest.fixture(scope="module")
def apart() -> Draft:
    return draft(SATUAN_APART)


def _unit_of(row: sakip.catalog.Indicator, *values: int) -> str:
    formula = row.formula
    assert formula is not None
    result = sakip.evaluate(formula, dict(zip(formula.variables, values, strict=True)))
    return str(result.units)


def test_a_factor_printed_with_its_percent_sign_gives_a_percent(apart: Draft) -> None:
    # 'X 100 %' printed under a satuan 'Dokumen': the '%' is the factor's (OCR split it
    # off), the share is a percent: 9 / 12 x 100% = 75 %
    row = apart.catalog.get("iku.01")
    assert row.formula is not None
    assert row.formula.variables == (
        "Surat Keluar Terkirim Tepat Waktu",
        "Jumlah surat keluar yang dibuat",
    )
    assert row.formula_text is not None and row.formula_text.endswith("x 100%")
    assert _value(row, 9, 12) == 75
    assert _unit_of(row, 9, 12) == "percent"


def test_a_share_x_100_percent_under_a_satuan_rasio_is_a_percent(apart: Draft) -> None:
    # 'x 100%' printed: 3 / 60 x 100% = 5 %, though the satuan says 'Rasio'
    row = apart.catalog.get("iku.02")
    assert row.formula_text is not None and row.formula_text.endswith("x 100%")
    assert _value(row, 3, 60) == 5
    assert _unit_of(row, 3, 60) == "percent"


def test_a_factor_printed_without_a_percent_sign_gives_no_percent(apart: Draft) -> None:
    # 'x 1.000' and a satuan 'Kasus': 30 / 12.000 x 1.000 = 5/2, no percent
    row = apart.catalog.get("iku.03")
    assert row.formula_text is not None and not row.formula_text.endswith("%")
    assert _value(row, 30, 12_000) == Fraction(5, 2)
    assert _unit_of(row, 30, 12_000) != "percent"


# Row 1: a 'Persentase ...' row whose satuan cell OCR lost: two counts stacked, no
# factor printed. Row 2: a 'Prosentase ...' row under a satuan that names what is
# counted ('Dokumen'), two counts stacked, no factor printed. Row 3: a 'Rasio ...'
# row, no satuan, two counts stacked: the name says no percent.
PERCENT_NAMED = (
    _HEADER
    + """\
Meningkatnya 1 Persentase Koperasi Aktif Jumlah koperasi aktif Dinas Koperasi Laporan
ekonomi Jumlah koperasi terdaftar Tahunan
rakyat 2 Prosentase Izin Usaha Terbit Jumlah izin usaha terbit Dokumen Dinas Perizinan Laporan
Jumlah permohonan izin usaha Tahunan
3 Rasio Pasar Rakyat Jumlah pasar rakyat Dinas Perdagangan Laporan
Jumlah kecamatan Tahunan
"""
)


@pytest.fixture(scope="module")
def named() -> Draft:
    return draft(PERCENT_NAMED)


def test_a_persentase_row_whose_satuan_was_lost_is_a_percent(named: Draft) -> None:
    # satuan lost, name 'Persentase ...': unit percent, and the stacked counts are a
    # share x 100%: 45 / 60 x 100% = 75 %
    row = named.catalog.get("iku.01")
    assert row.unit_name == "percent"
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah koperasi aktif", "Jumlah koperasi terdaftar")
    assert _value(row, 45, 60) == 75
    assert _unit_of(row, 45, 60) == "percent"
    assert any("the name is a Persentase" in n for n in named.row("iku.01").notes)


def test_a_prosentase_row_under_a_counting_satuan_is_a_share_in_percent(named: Draft) -> None:
    # satuan 'Dokumen' kept as printed; the name says a share: 18 / 24 x 100% = 75 %
    row = named.catalog.get("iku.02")
    assert row.satuan == "Dokumen"
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah izin usaha terbit", "Jumlah permohonan izin usaha")
    assert _value(row, 18, 24) == 75
    assert _unit_of(row, 18, 24) == "percent"


def test_a_rasio_row_without_satuan_stays_a_plain_ratio(named: Draft) -> None:
    # no percent word in the name, no factor: 12 / 8 = 3/2, a plain number
    row = named.catalog.get("iku.03")
    assert row.unit_name == "dimensionless"
    assert row.formula is not None
    assert _value(row, 12, 8) == Fraction(3, 2)


# A table with a KET column. Row 1: the RUMUS printed whole on its first line, a bar
# and the factor 'x 100%'; the KET cell wraps on over the lines below, where the RUMUS
# column is empty. Row 2: a fraction stacked with its factor beside the bar, the
# denominator below: not complete on its first line.
_KET_HEADER = _HEADER.replace("SUMBER DATA\n", "SUMBER DATA KET\n")
KET_WRAPPED = (
    _KET_HEADER
    + """\
Meningkatnya 1 Rasio Kepatuhan Wajib Pajak (Realisasi)/(Target) x 100% % Bidang Pajak Laporan Mengacu Perda Nomor 3
kemandirian Daerah Tahunan Tahun 2020 tentang pajak
fiskal daerah dan retribusi yang
dipungut oleh daerah
2 Persentase Wajib Pajak Terdaftar Jumlah wajib pajak terdaftar x 100% % Bidang Pajak Laporan Data wajib pajak
Jumlah wajib pajak potensial Tahunan
"""
)


def test_words_below_a_complete_rumus_are_another_cells() -> None:
    drafted = draft(KET_WRAPPED)
    row = drafted.catalog.get("iku.01")
    # the KET's words ('Tahun 2020 tentang pajak ...') are not the RUMUS's:
    # 90 / 120 x 100% = 75 %
    assert row.formula is not None
    assert row.formula.variables == ("Realisasi", "Target")
    assert _value(row, 90, 120) == 75
    assert "pajak" not in row.rumus_asli and "retribusi" not in row.rumus_asli
    assert any("below the complete RUMUS" in n for n in drafted.row("iku.01").notes)
    # the stacked fraction is no complete RUMUS on its first line: 30 / 40 x 100% = 75 %
    stacked = drafted.catalog.get("iku.02")
    assert stacked.formula is not None
    assert stacked.formula.variables == (
        "Jumlah wajib pajak terdaftar",
        "Jumlah wajib pajak potensial",
    )
    assert _value(stacked, 30, 40) == 75


# Row 1: a name with alternatives joined by a slash ('petani/nelayan') on both sides of
# the bar that opens the count word ('/Jumlah'). Row 2: the count word abbreviated
# with a dot ('Jml.'), the bar glued to the words on both sides.
COUNT_BAR_ROWS = (
    _HEADER
    + """\
Meningkatnya 1 Persentase Petani Terlatih Jumlah petani/nelayan yang dilatih/Jumlah petani/nelayan x 100% % Dinas Pertanian Laporan
SDM tani Tahunan
2 Persentase Posyandu Aktif Jml. posyandu aktif/Jml. posyandu terdata x 100% % Dinas Kesehatan Laporan
Tahunan
"""
)


@pytest.fixture(scope="module")
def count_bar() -> Draft:
    return draft(COUNT_BAR_ROWS)


def test_the_bar_before_a_count_word_divides_a_slash_inside_a_name_joins(
    count_bar: Draft,
) -> None:
    # 'petani/nelayan' names one group: 30 / 120 x 100% = 25 %
    row = count_bar.catalog.get("iku.01")
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah petani/nelayan yang dilatih", "Jumlah petani/nelayan")
    assert _value(row, 30, 120) == 25
    assert any(COUNT_BAR in n for n in count_bar.row("iku.01").notes)


def test_an_abbreviated_count_word_after_the_bar_divides(count_bar: Draft) -> None:
    # 'Jml.' with its dot, braced: 45 / 50 x 100% = 90 %
    row = count_bar.catalog.get("iku.02")
    assert row.formula is not None
    assert row.formula.variables == ("Jml. posyandu aktif", "Jml. posyandu terdata")
    assert _value(row, 45, 50) == 90


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah A - Jumlah B/Jumlah B",  # a growth rate: more than one quotient
        "Jumlah A/Jumlah B/Jumlah C",  # two bars open a count word
        "(Jumlah A)/(Jumlah B)",  # bracketed operands: the language reads them
        "Jumlah murid tahun n/Jumlah murid tahun n-1",  # periods the language reads
        "Jumlah A / B",  # no count word after the bar
    ],
)
def test_only_one_plain_quotient_is_split_at_its_count_bar(text: str) -> None:
    assert at_count_bar(text) is None


def test_the_count_bar_split_says_whether_a_name_holds_a_slash() -> None:
    assert at_count_bar("Jumlah SD/MI/Jumlah sekolah") == (
        "{Jumlah SD/MI} / {Jumlah sekolah}",
        True,
    )
    assert at_count_bar("Jml. A/Jml. B") == ("{Jml. A} / {Jml. B}", False)


def test_a_rate_per_10000_is_read_and_is_no_percent_under_a_satuan_percent() -> None:
    # 'x10.000' (per 10.000 inhabitants) printed without a percent sign at the end of a
    # wrapped RUMUS: a rate, no 'x 100%' added though the satuan cell says '%':
    # 3 / 60.000 x 10.000 = 1/2, a plain number
    text = (
        _HEADER
        + "Meningkatnya 1 Rasio Puskesmas per Penduduk Jumlah puskesmas dibagi % Dinas Kesehatan"
        " Laporan\nlayanan Jumlah penduduk x10.000 Tahunan\n"
    )
    row = draft(text).catalog.get("iku.01")
    assert row.formula_text is not None and row.formula_text.endswith("x 10.000")
    assert _value(row, 3, 60_000) == Fraction(1, 2)
    assert _unit_of(row, 3, 60_000) != "percent"


def test_a_cakupan_row_is_a_share_in_percent_under_a_counting_satuan() -> None:
    # 'Cakupan ...' (a coverage) over two stacked counts, satuan 'Unit', no factor
    # printed: a share of the target group, 36 / 48 x 100% = 75 %
    text = (
        _HEADER + "Meningkatnya 1 Cakupan Sekolah Ramah Anak Jumlah sekolah ramah anak Unit Dinas"
        " Pendidikan Laporan\nlayanan Jumlah seluruh sekolah Tahunan\n"
    )
    row = draft(text).catalog.get("iku.01")
    assert row.satuan == "Unit"
    assert row.formula is not None
    assert row.formula.variables == ("Jumlah sekolah ramah anak", "Jumlah seluruh sekolah")
    assert _value(row, 36, 48) == 75
    assert _unit_of(row, 36, 48) == "percent"
