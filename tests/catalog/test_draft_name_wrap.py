"""A name that wraps below its RUMUS, and a penanggung jawab printed as a bare title
(draft_wrap.name_goes_on, office_at, bare_title), and a bare row number after the
sasaran's first word (draft_layout._row_number), on an invented Lampiran II."""

from __future__ import annotations

from fractions import Fraction

import sakip
from sakip.catalog import Indicator, draft
from sakip.catalog.draft_wrap import bare_title, name_goes_on, office_at

_HEADER = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 9 TAHUN 2021

1. DINAS PERIKANAN

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA
1 2 3 4 5 6
"""

_BODY = """\
1 Indeks Kepuasan Nilai rata-rata survei kepuasan Indeks Sekretaris Survei
Nelayan Badan
2 Persentase kapal Jumlah kapal berizin x 100% % Kabid Tangkap Laporan
nelayan berizin Tahunan
3 Persentase tambak Jumlah tambak produktif x 100% % Kabid Budidaya Laporan
produktif Jumlah tambak Tahunan
"""


def _rows() -> list[Indicator]:
    return list(draft(_HEADER + _BODY).catalog.section("Dinas Perikanan").indicators)


def test_a_title_case_name_goes_on_below_a_sentence_rumus() -> None:
    # 'Nelayan' is capitalised like the name 'Indeks Kepuasan', not like the RUMUS
    # 'Nilai rata-rata survei kepuasan'; 'Badan' is the office 'Sekretaris' heads
    row = _rows()[0]
    assert row.name == "Indeks Kepuasan Nelayan"
    assert row.penanggung_jawab == "Sekretaris Badan"
    assert row.formula is None  # one value in words: a direct measure
    assert row.rumus_asli == "Nilai rata-rata survei kepuasan"


def test_a_lower_case_line_below_a_factor_is_no_denominator() -> None:
    # 'Jumlah kapal berizin x 100%' is whole; 'nelayan berizin' opens with no count
    # word in lower case: the name's words
    row = _rows()[1]
    assert row.name == "Persentase kapal nelayan berizin"
    assert row.formula_text == "Jumlah kapal berizin x 100%"
    assert row.formula is not None and len(row.formula.variables) == 1
    assert row.penanggung_jawab == "Kabid Tangkap"


def test_a_denominator_below_a_factor_still_opens_at_its_count_word() -> None:
    row = _rows()[2]
    assert row.name == "Persentase tambak produktif"
    assert row.formula is not None
    values = dict(zip(row.formula.variables, (30, 120), strict=True))
    # 30 / 120 x 100% = 25%
    assert Fraction(sakip.evaluate(row.formula, values).magnitude) == 25


def test_name_goes_on_shapes() -> None:
    title = ["Indeks", "Kepuasan"]
    assert name_goes_on(["Nelayan"], title, "Nilai rata-rata survei kepuasan")
    # beside a one-word penanggung jawab ('Dinas'), 'Nelayan' may be its office's name
    assert not name_goes_on(["Nelayan"], title, "Nilai rata-rata survei kepuasan", True)
    # a title-case RUMUS ('Nilai Survei Kepuasan') says nothing: the RUMUS may go on
    assert not name_goes_on(["Nelayan"], title, "Nilai Survei Kepuasan")
    # a name in sentence case does not claim a capitalised line
    assert not name_goes_on(["Nelayan"], ["Indeks", "kepuasan"], "Nilai rata-rata survei")
    factor = "Jumlah kapal berizin x 100%"
    assert name_goes_on(["nelayan", "berizin"], ["Persentase", "kapal"], factor)
    # below a RUMUS line that has no factor yet, a lower-case line may be the RUMUS's
    assert not name_goes_on(["nelayan", "berizin"], ["Persentase", "kapal"], "Jumlah kapal")
    # the rate base a name states with the RUMUS's factor; another number is no base
    rate = "Jumlah kasus baru TBC x 100.000"
    assert name_goes_on(["per", "100.000", "penduduk"], ["Angka", "Kesakitan", "TBC"], rate)
    assert not name_goes_on(["per", "1.000", "penduduk"], ["Angka", "Kesakitan", "TBC"], rate)
    # under a name in title case, a lower-case line is the denominator still
    assert not name_goes_on(["nelayan", "berizin"], ["Rasio", "Kapal"], factor)
    # a line holding a RUMUS word (a bar, a count word) is never taken for the name
    assert not name_goes_on(["jumlah", "kapal"], ["Persentase", "kapal"], factor)
    assert not name_goes_on(["kapal", "/", "tahun"], ["Persentase", "kapal"], factor)


def test_a_bare_title_takes_the_office_word_on_the_next_line() -> None:
    assert bare_title("Sekretaris") and bare_title("Kepala")
    assert not bare_title("Sekretaris Dinas") and not bare_title("Inspektorat")
    # an office kind goes on with its affairs, not with an office word: no bare title
    assert not bare_title("Dinas") and not bare_title("Bidang")
    assert office_at(["Nelayan", "Badan"], 0) == 1
    assert office_at(["Nelayan", "Badan", "Perikanan"], 0) == 1
    assert office_at(["Nelayan", "Pesisir"], 0) == 2  # no office word: nothing taken


_SASARAN_NUMBERED = """\
Meningkatnya 1 Pendapatan Nelayan Jumlah pendapatan nelayan Rasio Kabid Tangkap Laporan
produksi Jumlah nelayan Tahunan
perikanan
2 Produktivitas Tambak Jumlah produksi tambak Rasio Kabid Budidaya Laporan
Luas tambak Tahunan
3 Angka Konsumsi Ikan Jumlah konsumsi ikan Rasio Kabid Pemasaran Laporan
Jumlah penduduk Tahunan
"""


def test_a_bare_number_after_a_sasaran_word_numbers_the_first_row() -> None:
    # 'Meningkatnya 1 Pendapatan': the number between the sasaran's verb and the name is
    # the row's; the count then runs on, so the bare '2' and '3' that open their
    # lines number rows 2 and 3 and stay out of the names
    result = draft(_HEADER + _SASARAN_NUMBERED)
    rows = list(result.catalog.section("Dinas Perikanan").indicators)
    assert [r.name for r in rows] == [
        "Pendapatan Nelayan",
        "Produktivitas Tambak",
        "Angka Konsumsi Ikan",
    ]
    assert not any("row number not printed" in result.row(r.id).notes for r in rows)


def test_a_rate_base_below_the_factor_is_the_names() -> None:
    # 'per 100.000 penduduk' restates the factor 'x 100.000' the RUMUS line ends in:
    # the name's rate base, not a denominator (100.000 x cases / 'per penduduk')
    body = (
        "1 Angka Kesakitan TBC Jumlah kasus baru TBC x 100.000 Rasio Kabid P2P Laporan\n"
        "per 100.000 penduduk Tahunan\n"
    )
    (row,) = draft(_HEADER + body).catalog.section("Dinas Perikanan").indicators
    assert row.name == "Angka Kesakitan TBC per 100.000 penduduk"
    assert row.formula_text == "Jumlah kasus baru TBC x 100.000"
