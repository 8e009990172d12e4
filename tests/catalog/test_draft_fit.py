"""A wrapped cell goes on to its next line only with a word too long for its line
above (draft_fit), on an invented Lampiran II of a fisheries office: cells of about
26 (INDIKATOR) and 40 (RUMUS) characters."""

from __future__ import annotations

from sakip.catalog import Indicator, draft
from sakip.catalog.draft_fit import held_above, title_run

_HEADER = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 9 TAHUN 2021

1. DINAS PERIKANAN

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA
1 2 3 4 5 6
"""

# first-line RUMUS cells of 34, 46 (with its factor), 39, 40, 30 and 40 characters:
# the table's RUMUS width is the 80th percentile, sorted [30, 34, 39, 40, 40, 46][4]
# = 40; the names' first lines 24, 19, 24, 27, 23, 19: sorted [19, 19, 23, 24, 24,
# 27][4] = 24
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
6 Angka Konsumsi Ikan Jumlah ikan yang dikonsumsi penduduk per Rasio Kabid Tangkap Laporan
Menurut Kelompok Umur kelompok umur Tahunan
Jumlah penduduk kelompok umur
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


def test_a_title_case_name_takes_the_capitalised_words_beside_a_sentence() -> None:
    # 'Menurut' would not have fitted above (40 + 1 + 7 > 40), so width says nothing;
    # the name 'Angka Konsumsi Ikan' is in title case and the RUMUS a sentence
    # ('ikan yang dikonsumsi penduduk per' all in lower case): 'Menurut Kelompok
    # Umur' (21 <= 24 + 2) is the name's, 'kelompok umur' the RUMUS's
    row = _rows()[5]
    assert row.name == "Angka Konsumsi Ikan Menurut Kelompok Umur"
    assert row.formula_text == (
        "(Jumlah ikan yang dikonsumsi penduduk per kelompok umur) / (Jumlah penduduk kelompok umur)"
    )


def test_the_other_rows_read_as_before() -> None:
    names = [row.name for row in _rows()[2:5]]
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


_SENTENCE = "Jumlah benih yang disalurkan kepada pembudidaya"
_NAME = ["Indeks", "Mutu", "Benih"]


def test_title_run_takes_the_longest_run_the_name_holds() -> None:
    words = ["(IMB)", "Unggul/Lokal", "Unggul/Lokal", "terdaftar"]
    # the run '(IMB) Unggul/Lokal Unggul/Lokal' is 31 characters; in a 24-wide name
    # (24 + 2 = 26) the longest that fits is '(IMB) Unggul/Lokal' (18): split at 2
    assert title_run(words, (0, 0), _NAME, _SENTENCE, 24) == 2


def test_title_run_needs_a_title_name_and_a_sentence_rumus() -> None:
    words = ["Bersertifikat", "unggul"]
    assert title_run(words, (0, 0), _NAME, _SENTENCE, 24) == 1
    # a name in sentence case: its next words need not be capitalised
    assert title_run(words, (0, 0), ["Indeks", "mutu", "benih"], _SENTENCE, 24) == 0
    # a RUMUS that capitalises its own words ('Benih Unggul') prints capitals below
    assert title_run(words, (0, 0), _NAME, "Jumlah benih yang Benih Unggul", 24) == 0


def test_title_run_stops_at_the_rumus_own_words_and_leaves_it_a_word() -> None:
    # 'Benih' printed so by the RUMUS above ('... Benih unggul'): the RUMUS's again
    rumus = "Jumlah Benih unggul yang disalurkan"
    assert title_run(["Benih", "lokal"], (0, 0), _NAME, rumus, 24) == 0
    # a line of capitalised words alone leaves the RUMUS none: no evidence here
    assert title_run(["Bersertifikat", "Nasional"], (0, 0), _NAME, _SENTENCE, 24) == 0
    # the split only moves right
    assert title_run(["Bersertifikat", "unggul"], (0, 2), _NAME, _SENTENCE, 24) == 2


def test_title_run_leaves_a_rumus_in_mid_phrase_its_word() -> None:
    # the RUMUS ends 'di' and goes on with 'SMK/MAK'; the name takes 'SMA/MA/Sederajat'
    rumus = "Jumlah lulusan yang diterima di"
    words = ["SMA/MA/Sederajat", "SMK/MAK", "negeri"]
    assert title_run(words, (0, 0), ["Angka", "Melanjutkan"], rumus, 24) == 1


def test_a_slash_between_capitalised_names_is_no_bar() -> None:
    # above: 'Jumlah kapal nelayan yang' (25 >= 0.6 x 40 characters); 'Unggul/Lokal'
    # lists two names and would have fitted (25 + 1 + 12 = 38 <= 40): the name's, up
    # to the factor sign 'x'; 'kapal/Jumlah' and '/total' divide: the RUMUS's
    assert held_above(["Unggul/Lokal", "x"], (0, 0), [_ABOVE[:-9]], (26, 40)) == 1
    assert held_above(["kapal/Jumlah", "x"], (0, 0), [_ABOVE[:-9]], (26, 40)) == 0
    assert held_above(["/total", "kapal"], (0, 0), [_ABOVE[:-9]], (26, 40)) == 0
