"""A wrapped cell goes on to its next line only with a word too long for its line
above (draft_fit), on an invented Lampiran II of a fisheries office: cells of about
26 (INDIKATOR) and 40 (RUMUS) characters."""

from __future__ import annotations

from sakip.catalog import Indicator, draft
from sakip.catalog.draft_fit import held_above

_HEADER = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 9 TAHUN 2021

1. DINAS PERIKANAN

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA
1 2 3 4 5 6
"""

# first-line RUMUS cells of 34, 46 (with its factor), 39, 40 and 30 characters: the
# table's RUMUS width is the 80th percentile, sorted [30, 34, 39, 40, 46][3] = 40;
# the names' first lines 24, 19, 24, 27, 23: sorted [19, 23, 24, 24, 27][3] = 24
_BODY = """\
1 Persentase Kapal Nelayan Jumlah kapal nelayan yang memiliki % Kabid Tangkap Laporan
(PKN) sertifikat kelaikan x 100% Tahunan
Jumlah kapal nelayan terdaftar
2 Tingkat partisipasi Jumlah nelayan yang mengikuti pelatihan x 100% % Kabid Budidaya Laporan
nelayan dalam pelatihan Jumlah nelayan Tahunan
budidaya
3 Rasio Penyuluh Perikanan Jumlah penyuluh perikanan bersertifikat Rasio Kabid Budidaya Laporan
Jumlah kelompok pembudidaya ikan Tahunan
4 Persentase Tambak Produktif Jumlah tambak yang berproduksi sepanjang % Kabid Budidaya Laporan
tahun x 100% Tahunan
Jumlah tambak terdaftar
5 Rasio Kapal per Nelayan Jumlah kapal nelayan terdaftar Rasio Kabid Tangkap Laporan
Jumlah nelayan Tahunan
"""


def _rows() -> list[Indicator]:
    return list(draft(_HEADER + _BODY).catalog.section("Dinas Perikanan").indicators)


def test_a_word_the_rumus_line_above_could_hold_is_the_names() -> None:
    # 'Jumlah kapal nelayan yang memiliki' is 34 characters: '(PKN)' would have made
    # it 34 + 1 + 5 = 40 <= 40, so the RUMUS did not wrap with it; 'sertifikat' makes
    # 34 + 1 + 10 = 45 > 40: the RUMUS goes on there
    row = _rows()[0]
    assert row.name == "Persentase Kapal Nelayan (PKN)"
    assert row.formula_text == (
        "(Jumlah kapal nelayan yang memiliki sertifikat kelaikan)"
        " / (Jumlah kapal nelayan terdaftar) x 100%"
    )


def test_a_word_below_a_denominator_that_ended_short_is_the_names() -> None:
    # the denominator 'Jumlah nelayan' (14 < 0.6 x 40 characters) sits below a line
    # closed by its factor: it ended there, and 'budidaya' (14 + 1 + 8 = 23 <= 40)
    # would have fitted beside it
    row = _rows()[1]
    assert row.name == "Tingkat partisipasi nelayan dalam pelatihan budidaya"
    assert row.formula_text == (
        "(Jumlah nelayan yang mengikuti pelatihan) / (Jumlah nelayan) x 100%"
    )


def test_the_other_rows_read_as_before() -> None:
    names = [row.name for row in _rows()[2:]]
    assert names == [
        "Rasio Penyuluh Perikanan",
        "Persentase Tambak Produktif",
        "Rasio Kapal per Nelayan",
    ]


_ABOVE = "Jumlah kapal nelayan yang memiliki"  # 34 characters


def test_held_above_gives_the_name_what_fits_above() -> None:
    words = ["(PKN)", "sertifikat", "kelaikan"]
    # '(PKN)': 34 + 1 + 5 = 40 <= 40; 'sertifikat': 45 > 40
    assert held_above(words, (0, 0), [_ABOVE], (26, 40)) == 1
    # in a 38-wide cell '(PKN)' (40 > 38) did not fit either: the reading is kept
    assert held_above(words, (0, 0), [_ABOVE], (26, 38)) == 0


def test_held_above_keeps_what_opens_a_half_or_closes_the_rumus() -> None:
    # 'jumlah' opens the denominator, 'x 100%' is the factor: both the RUMUS's
    assert held_above(["jumlah", "kapal"], (0, 0), [_ABOVE], (26, 40)) == 0
    assert held_above(["x", "100%"], (0, 0), [_ABOVE], (26, 40)) == 0
    # a line closed by its factor ended its half: fit says nothing below it
    assert held_above(["tahun"], (0, 0), [f"{_ABOVE} x 100%"], (26, 40)) == 0


def test_held_above_trusts_no_short_line_that_ended_no_half() -> None:
    # 'Jumlah' alone on a cell's first line (OCR cut the cell elsewhere): 6 characters,
    # and nothing says a half ended there
    assert held_above(["sekolah", "negeri"], (0, 0), ["Jumlah"], (26, 40)) == 0
    # below a closed numerator, 'Jumlah' alone has not said what it counts yet
    lines = ["Jumlah sekolah x 100%", "Jumlah"]
    assert held_above(["sekolah", "negeri"], (0, 0), lines, (26, 40)) == 0


def test_held_above_keeps_a_run_too_wide_for_the_name() -> None:
    # '(PKN)' fits above (40 <= 40) but is 5 characters: a name 2 wide (2 + 2 < 5)
    # cannot hold it, so the widths read wrong and the reading is kept
    words = ["(PKN)", "sertifikat", "kelaikan"]
    assert held_above(words, (0, 0), [_ABOVE], (2, 40)) == 0
    assert held_above(words, (0, 0), [_ABOVE], (3, 40)) == 1  # 5 <= 3 + 2


def test_held_above_leaves_a_tail_in_mid_phrase_to_the_tail_cells() -> None:
    above = "Jumlah atlet yang dikirim"  # 25 characters, 25 >= 0.6 x 40
    # 'Pemuda' (25 + 7 = 32) and 'dan' fit, but the run ends the line on 'dan': the
    # penanggung jawab 'Dinas Pemuda dan' wrapped there, not the name
    assert held_above(["Pemuda", "dan"], (0, 0), [above], (26, 40)) == 0
    assert held_above(["Pemuda", "sehat"], (0, 0), [above], (26, 40)) == 2
