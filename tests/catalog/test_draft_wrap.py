"""How a row's wrapped lines share their words between its cells (draft_wrap, draft_rows).
The tables are hand-written in the shape of an IKU lampiran (other offices, other
indicators), not taken from a regulation; every expected reading is worked out by hand."""

from __future__ import annotations

from fractions import Fraction

from sakip.catalog import Draft, Indicator, draft
from sakip.catalog.draft_wrap import (
    denominator_at,
    divides_by_measure,
    mend_hyphen,
    name_is_rumus,
    open_tail,
    restated_name,
    restated_rumus,
    resume_at,
    rule_marks,
    settle_splits,
    snap_to_rules,
    tail_connective,
    wrapped_tail,
)

from .drafted import value_in_print_order as _value

_HEADER = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS KESEHATAN

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
"""


def _rows(body: str) -> tuple[Draft, list[Indicator]]:
    result = draft(_HEADER + body)
    return result, list(result.catalog.section("Dinas Kesehatan").indicators)


def test_a_bar_before_a_count_or_a_measure_word_divides() -> None:
    assert divides_by_measure(["kader", "terlatih/Jumlah", "kader"])
    assert divides_by_measure(["bibit", "tersalur/target"])
    assert divides_by_measure(["aktif", "/", "Jumlah", "posyandu"])
    # a name's slash joins names: 'SD/MI', 'Kabupaten/Kota'
    assert not divides_by_measure(["sekolah", "SD/MI", "/"])
    assert not divides_by_measure(["Kabupaten/Kota"])


def test_a_name_never_divides_so_a_count_that_does_is_the_rumus() -> None:
    line = ["terlatih/Jumlah", "kader", "x", "100%"]
    assert name_is_rumus(["Jumlah", "kader", "posyandu"], line)
    # a name that opens otherwise ('Persentase ...') keeps its words
    assert not name_is_rumus(["Persentase", "kader"], line)
    assert not name_is_rumus(["Jumlah", "kader", "posyandu"], ["terlatih", "x", "100%"])


def test_a_connective_after_the_factor_opens_the_wrapped_tail() -> None:
    assert tail_connective(["bayi", "x", "100%", "dan"])
    assert tail_connective(["bayi", "x", "100", "%", "dan"])  # '100 %': OCR split the sign
    assert not tail_connective(["bayi", "dan"])  # a RUMUS in mid-phrase goes on below


_LOST_NAME = """\
Meningkatnya Persentase desa siaga Jumlah desa siaga aktif % Bidang Kesmas Laporan
kesehatan aktif Jumlah seluruh desa x 100% Tahunan
Jumlah kader posyandu % Bidang Kesmas Laporan
terlatih/Jumlah kader x 100% Tahunan
Jumlah bibit tanaman obat % Bidang Kesmas Laporan
tersalur/target penyaluran x 100% Tahunan
"""


def test_a_wrapped_line_that_divides_by_a_count_makes_the_name_the_rumus() -> None:
    # rows 2 and 3 have no INDIKATOR cell (OCR lost it): 'Jumlah kader posyandu' reads
    # like a name until the line below divides by 'Jumlah', which no name does
    result, rows = _rows(_LOST_NAME)
    second, third = rows[1], rows[2]
    assert second.rumus_asli == "Jumlah kader posyandu terlatih/Jumlah kader x 100%"
    assert second.formula is not None
    assert second.formula.variables == ("Jumlah kader posyandu terlatih", "Jumlah kader")
    assert _value(second, 12, 16) == 75  # 12 / 16 x 100% = 75 (%)
    # the RUMUS's opening stands in as the name, and a person is asked to check it
    assert second.name == "Jumlah kader posyandu"
    assert result.row(second.id).flagged
    # 'target' is a measure a fraction divides by, as 'Jumlah' is a count
    assert third.rumus_asli == "Jumlah bibit tanaman obat tersalur/target penyaluran x 100%"
    assert _value(third, 45, 60) == 75  # 45 / 60 x 100% = 75 (%)
    # the first row, with its name, reads as before
    assert rows[0].name == "Persentase desa siaga aktif"


_WRAPPED_OFFICE = """\
Meningkatnya Cakupan penimbangan Jumlah balita ditimbang/Jumlah % Kabid Gizi Laporan
status gizi balita x 100 % dan Kesehatan Anak Tahunan
Cakupan kunjungan K4 Jumlah ibu hamil K4/Jumlah % Kabid Gizi Laporan
ibu hamil x 100 % dan Kesehatan Anak Tahunan
Cakupan imunisasi Jumlah bayi diimunisasi % Kabid Gizi Laporan
lengkap/Jumlah bayi x 100% dan Kesehatan Anak Tahunan
"""


def test_the_dan_that_opens_a_wrapped_office_is_not_the_rumus() -> None:
    # 'Kabid Gizi' wraps as 'dan Kesehatan Anak' in every row; the 'dan' after the
    # factor is the office's, not a RUMUS word
    _, rows = _rows(_WRAPPED_OFFICE)
    assert [r.rumus_asli for r in rows] == [
        "Jumlah balita ditimbang/Jumlah balita x 100%",
        "Jumlah ibu hamil K4/Jumlah ibu hamil x 100%",
        "Jumlah bayi diimunisasi lengkap/Jumlah bayi x 100%",
    ]
    assert [r.penanggung_jawab for r in rows] == ["Kabid Gizi dan Kesehatan Anak"] * 3


_STATE_NAME = """\
Meningkatnya derajat Meningkatnya posyandu aktif Jumlah posyandu aktif / % Kasi Kesos Laporan
kesehatan Jumlah posyandu x 100% Tahunan
"""


def test_a_name_worded_like_a_sasaran_is_the_indikator_cell() -> None:
    # the second 'Meningkatnya' opens the INDIKATOR cell; 'Jumlah' then opens the RUMUS
    _, rows = _rows(_STATE_NAME)
    row = rows[0]
    assert row.sasaran == "Meningkatnya derajat kesehatan"
    assert row.name == "Meningkatnya posyandu aktif"
    assert row.rumus_asli == "Jumlah posyandu aktif / Jumlah posyandu x 100%"
    assert _value(row, 18, 24) == 75  # 18 / 24 x 100% = 75 (%)


def test_rule_marks_count_the_words_after_a_column_rule() -> None:
    # 'gizi balita | purnama mandiri' -> the rule stands before word 2 ('purnama')
    assert rule_marks("gizi balita | purnama mandiri", frozenset(["|"])) == {2}
    assert rule_marks("| gizi l balita", frozenset(["|", "l"])) == {0}


def test_the_split_nearest_a_column_rule_moves_onto_it() -> None:
    # words 0-1 sasaran, 2-4 name, 5-8 RUMUS as read by width; a rule before word 4
    # moves the name|RUMUS split (one word away) there
    assert snap_to_rules((2, 5), frozenset([4]), 9, (True, True)) == (2, 4)
    # a closed cell keeps its empty share: the sasaran split stays at 0
    assert snap_to_rules((0, 3), frozenset([1]), 6, (False, True)) == (0, 1)
    # a rule far from both splits (more than two words) is another cell's edge
    assert snap_to_rules((1, 2), frozenset([6]), 9, (True, True)) == (1, 2)


_RULED = """\
Meningkatnya Persentase posyandu Jumlah posyandu % Bidang Kesmas Laporan
gizi balita purnama mandiri | aktif melapor / Jumlah posyandu x 100% Tahunan
"""


def test_a_printed_column_rule_ends_the_wrapped_name() -> None:
    # by width alone 'aktif' would end the wrapped name; the '|' OCR printed before it
    # says the RUMUS cell starts there
    _, rows = _rows(_RULED)
    row = rows[0]
    assert row.name == "Persentase posyandu purnama mandiri"
    assert row.rumus_asli == "Jumlah posyandu aktif melapor / Jumlah posyandu x 100%"
    assert _value(row, 30, 40) == 75  # 30 / 40 x 100% = 75 (%)


_NO_COUNT_WORD = """\
Meningkatnya Persentase desa siaga Jumlah desa siaga aktif % Bidang Farmasi Laporan
kesehatan aktif Jumlah seluruh desa x 100% Tahunan
Stok obat yang tersedia/Target % Bidang Farmasi Laporan
stok obat x 100% Tahunan
"""


def test_a_first_line_that_divides_by_a_measure_is_the_rumus() -> None:
    # the second row lost its INDIKATOR cell and its RUMUS opens without a count word:
    # 'yang tersedia/Target' divides by a measure, which no name does
    result, rows = _rows(_NO_COUNT_WORD)
    row = rows[1]
    assert row.rumus_asli == "Stok obat yang tersedia/Target stok obat x 100%"
    assert row.formula is not None
    assert row.formula.variables == ("Stok obat yang tersedia", "Target stok obat")
    assert _value(row, 45, 60) == 75  # 45 / 60 x 100% = 75 (%)
    assert result.row(row.id).flagged


def test_a_denominator_that_restates_its_numerator_goes_on_at_its_next_word() -> None:
    # 'Jumlah kader' restates 'Jumlah kader yang hadir': the RUMUS goes on at 'yang'
    line = ["Gizi", "Balita", "yang", "terdaftar"]
    assert resume_at(line, "Jumlah kader yang hadir / Jumlah kader") == 2
    # once the restated part ends in 'yang', the denominator's own clause comes first:
    # the lowercase 'terdaftar' before the repeated 'hadir' (at 3) is the RUMUS's,
    # the capitalised 'Balita' the wrapped name's
    restated = ["Gizi", "Balita", "terdaftar", "hadir", "rapat"]
    assert resume_at(restated, "Jumlah kader yang hadir rapat / Jumlah kader yang") == 2
    # a denominator that opens otherwise ('Total ...') restates nothing
    assert resume_at(line, "Jumlah kader yang hadir / Total penduduk") is None


def test_a_rumus_in_mid_phrase_goes_on_at_the_word_before_the_bar() -> None:
    # 'Jumlah koperasi yang' + 'aktif / Jumlah koperasi': 'aktif' ends the phrase
    line = ["Usaha", "Mikro", "dan", "aktif", "/", "Jumlah", "koperasi"]
    assert resume_at(line, "Jumlah koperasi yang") == 3
    assert resume_at(line, "Jumlah koperasi aktif") is None  # a whole phrase: widths decide


_RESUMED = """\
Meningkatnya Persentase Cakupan Jumlah kader yang % Kasi Kesos Laporan
Gizi Balita Kader Posyandu hadir / Jumlah kader Tahunan
Terlatih yang terdaftar x 100 %
"""


def test_the_rumus_grammar_places_its_wrapped_words() -> None:
    # by widths alone 'hadir' ends the wrapped name and 'yang' the sasaran; the RUMUS's
    # own grammar takes both back: 'Jumlah kader yang hadir / Jumlah kader yang terdaftar'
    _, rows = _rows(_RESUMED)
    row = rows[0]
    assert row.rumus_asli == "Jumlah kader yang hadir / Jumlah kader yang terdaftar x 100%"
    assert row.name == "Persentase Cakupan Kader Posyandu"
    assert _value(row, 21, 28) == 75  # 21 / 28 x 100% = 75 (%)


def test_the_rumus_grammar_only_takes_words_back() -> None:
    # widths gave the whole line to the RUMUS (splits 0, 0); 'jumlah' restating the
    # numerator's 'Jumlah' would resume at 'lansia', but 'seluruh' is the denominator's
    # own word: the grammar never gives RUMUS words away
    rumus = "Jumlah lansia yang dibina / jumlah"
    words = ["seluruh", "lansia", "terlantar"]
    assert resume_at(words, rumus) == 1
    assert settle_splits(words, (0, 0), (frozenset(), rumus), (False, True)) == (0, 0)
    # widths gave 'Balita yang' to the sasaran (splits 3, 3): the grammar takes 'yang'
    words = ["Gizi", "Balita", "yang", "terdaftar"]
    rumus = "Jumlah kader yang hadir / Jumlah kader"
    assert settle_splits(words, (3, 3), (frozenset(), rumus), (True, False)) == (2, 2)


def test_a_denominator_below_a_whole_numerator_opens_at_its_count_word() -> None:
    # 'Jumlah akta terbit x 100%': the numerator printed whole with its factor; on the
    # line below, the words before 'Jumlah' are the wrapped name's
    line = ["yang", "ber", "akta", "Jumlah", "anak", "usia", "0-18"]
    assert denominator_at(line, "Jumlah akta terbit x 100%") == 3
    assert denominator_at(line, "Jumlah akta terbit x 100 %") == 3
    assert denominator_at(line, "Jumlah akta terbit") is None  # may go on below
    assert denominator_at(line, "Jumlah akta / Jumlah anak x 100%") is None  # whole


_WHOLE_NUMERATOR = """\
Persentase anak Jumlah akta anak terbit x 100% % Bidang Capil Laporan
yang memiliki akta kelahiran Jumlah anak usia 0-18 Tahunan
"""


def test_the_words_before_the_denominator_are_the_names() -> None:
    _, rows = _rows(_WHOLE_NUMERATOR)
    row = rows[0]
    # by widths 'akta kelahiran' would open the denominator
    assert row.name == "Persentase anak yang memiliki akta kelahiran"
    assert row.rumus_asli == "Jumlah akta anak terbit / Jumlah anak usia 0-18 x 100%"
    assert _value(row, 180, 240) == 75  # 180 / 240 x 100% = 75 (%)


def test_a_tail_cell_ending_in_mid_phrase_stays_open() -> None:
    # 'Dinas Perhubungan,' + 'Laporan': the comma says the office goes on below; the
    # width is the two cells' as read ('Dinas Perhubungan' 17 + 1 + 'Laporan' 7)
    words = ["Jumlah", "kecelakaan", "%", "Dinas", "Perhubungan,", "Laporan"]
    assert open_tail(words, "Dinas Perhubungan", "Laporan") == 25
    assert open_tail(["%", "Dinas", "Perhubungan", "Laporan"], "Dinas Perhubungan", "Laporan") == 0
    # the sumber data may be the open one: 'Renstra dan'
    assert open_tail(["%", "Kepala", "Bidang", "Renstra", "dan"], "Kepala Bidang", "Renstra dan")


def test_the_wrapped_tail_is_the_capitalised_run_that_fits() -> None:
    line = ["keselamatan", "jalan", "Jumlah", "kendaraan", "terdaftar", "Satlantas"]
    assert wrapped_tail(line, 26) == 5  # 'Satlantas'; 'terdaftar' is lowercase
    assert wrapped_tail(line, 0) == 6  # the cells are whole: nothing is theirs
    # a RUMUS word (a count word, a bar, a factor) is never a tail cell's
    assert wrapped_tail(["kader", "Jumlah", "Kader"], 26) == 2
    # the run is bounded by the cells' width: 'Sekretariat Daerah Kabupaten' is 28 > 12 + 2
    assert wrapped_tail(["Sekretariat", "Daerah", "Kabupaten"], 12) == 2


_OPEN_OFFICE = """\
Meningkatnya Persentase kecelakaan Jumlah kecelakaan lalu lintas % Dinas Perhubungan, Laporan
keselamatan jalan Jumlah kendaraan terdaftar Satlantas Tahunan
Polres
"""


def test_an_office_that_wraps_after_a_comma_stays_out_of_the_rumus() -> None:
    _, rows = _rows(_OPEN_OFFICE)
    row = rows[0]
    assert row.rumus_asli == "Jumlah kecelakaan lalu lintas / Jumlah kendaraan terdaftar x 100%"
    assert row.penanggung_jawab == "Dinas Perhubungan Satlantas Polres"
    assert row.sasaran == "Meningkatnya keselamatan"
    assert _value(row, 3, 1200) == Fraction(1, 4)  # 3 / 1200 x 100% = 0.25 (%)


def test_a_lowercase_rumus_word_gives_way_to_a_capitalised_one() -> None:
    # 'rata-rata' right after 'Jumlah' goes on the name; the RUMUS cell opens with
    # the capital of 'Rata-rata'
    _, rows = _rows(
        "Jumlah rata-rata Rata-rata jumlah pasien per hari Orang Bidang Yankes Laporan\n"
    )
    assert rows[0].name == "Jumlah rata-rata"
    assert rows[0].rumus_asli == "Rata-rata jumlah pasien per hari"


def test_a_word_broken_at_its_hyphen_is_mended() -> None:
    # 'masing-' ends the RUMUS's line: it goes on at the other half, 'masing', which
    # the widths had given to the name (splits 0 and 2)
    words = ["Kerja", "masing", "unit"]
    assert settle_splits(words, (0, 2), (frozenset(), "Jumlah nilai masing-"), (False, True)) == (
        0,
        1,
    )
    assert mend_hyphen([(4, "Jumlah nilai masing-"), (5, "masing unit kerja")]) == [
        (4, "Jumlah nilai masing-masing unit kerja")
    ]
    # 'n-' over '1' is a period shift written across lines, not a word: left alone
    lines = [(4, "Jumlah tahun n-"), (5, "1 / Jumlah")]
    assert mend_hyphen(lines) == lines
    # a capitalised word is no half of a broken word: it opens a phrase of its own
    lines = [(4, "Jumlah nilai masing-"), (5, "Menurut unit")]
    assert mend_hyphen(lines) == lines
    # the other half may stand after the wrapped name's words: the split moves to it
    # (the widths had given the whole line, splits 0 and 0, to the RUMUS)
    words = ["Menurut", "Jenjang", "masing", "/", "jumlah", "penduduk"]
    rumus = "jumlah siswa masing-"
    assert settle_splits(words, (0, 0), (frozenset(), rumus), (False, True)) == (0, 2)


_HYPHEN = """\
Rata-rata Nilai Unit Jumlah nilai masing- % Bagian Organisasi Laporan
Kerja masing unit kerja / Jumlah unit kerja x 100% Tahunan
"""


def test_a_rumus_word_broken_across_lines_is_one_word() -> None:
    # by widths 'masing unit' would go on the name and 'masing-' stand alone as a minus
    _, rows = _rows(_HYPHEN)
    row = rows[0]
    assert row.name == "Rata-rata Nilai Unit Kerja"
    assert row.rumus_asli == "Jumlah nilai masing-masing unit kerja / Jumlah unit kerja x 100%"
    assert _value(row, 240, 300) == 80  # 240 / 300 x 100% = 80 (%)


def test_a_first_line_with_its_factor_opens_the_rumus_where_the_name_starts_over() -> None:
    # 'Guru' repeats the name's 'guru': the numerator restates the indicator
    words = ["Rasio", "guru", "yang", "Guru", "yang", "mengajar", "x", "100%"]
    assert restated_rumus(words) == 3
    # a bracketed fraction opens the RUMUS as well
    assert restated_rumus(["Level", "kepatuhan", "(Realisasi)/(Target)", "x", "100%"]) == 2
    # no factor printed: the RUMUS may not be on the line at all
    assert restated_rumus(["Rasio", "guru", "Guru", "tetap"]) is None
    # nothing repeats, nothing bracketed: the widths decide
    assert restated_rumus(["Persentase", "lulusan", "tepat", "waktu", "x100"]) is None


_RESTATED = """\
Rasio guru yang Guru yang mengajar x 100% % Dinas Pendidikan Laporan
mengajar Jumlah guru Tahunan
"""


def test_a_numerator_that_restates_the_name_is_the_rumus() -> None:
    _, rows = _rows(_RESTATED)
    row = rows[0]
    assert row.name == "Rasio guru yang mengajar"
    assert row.rumus_asli == "Guru yang mengajar / Jumlah guru x 100%"
    assert _value(row, 90, 120) == 75  # 90 / 120 x 100% = 75 (%)


_LOST_NAME_TAIL = """\
Meningkatnya Persentase desa siaga Jumlah desa siaga aktif % Bid.Promkes, Bid. Gizi Laporan
kesehatan aktif Jumlah seluruh desa x 100% Tahunan
Jumlah kader posyandu % Bid.Promkes, Bid. Gizi Laporan
terlatih/Jumlah kader x 100% Tahunan
"""


def test_the_satuan_sign_ends_the_rumus_that_stood_as_a_name() -> None:
    # 'Bid.Promkes,' is no office word the tail knows, so the first line read as
    # 'Jumlah kader posyandu % Bid.Promkes,': the '%' is the satuan cell, and what
    # follows it is no RUMUS word
    _, rows = _rows(_LOST_NAME_TAIL)
    row = rows[1]
    assert row.rumus_asli == "Jumlah kader posyandu terlatih/Jumlah kader x 100%"
    assert row.name == "Jumlah kader posyandu"
    assert _value(row, 12, 16) == 75  # 12 / 16 x 100% = 75 (%)


def test_the_sasaran_gives_back_words_the_numerator_restates_with_the_name() -> None:
    # by width 'derajat gizi' would be the sasaran's line; 'gizi buruk yang dirawat' is
    # how the numerator goes on, so 'gizi' is the name's
    assert (
        restated_name(
            ["derajat", "gizi", "buruk", "yang", "dirawat", "/", "jumlah"],
            2,
            5,
            [(12, "Jumlah balita gizi buruk yang dirawat")],
        )
        == 1
    )
    # a sasaran word the numerator does not say before the name's words stays
    assert (
        restated_name(
            ["derajat", "kesehatan", "buruk", "yang", "dirawat"],
            2,
            5,
            [(12, "Jumlah balita gizi buruk yang dirawat")],
        )
        == 2
    )


def test_a_name_wrapped_beside_its_sasaran_is_read_whole() -> None:
    _, (row,) = _rows(
        "Meningkatnya 1 Persentase balita Jumlah balita gizi buruk yang dirawat % Kabid"
        " Kesmas Laporan\n"
        "derajat gizi buruk yang dirawat / jumlah balita gizi buruk x 100% Tahunan\n"
    )
    assert row.name == "Persentase balita gizi buruk yang dirawat"
    assert row.sasaran == "Meningkatnya derajat"
