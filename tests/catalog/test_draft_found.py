"""Every table row the drafter sees becomes a drafted row: rows whose anchor OCR lost or
garbled, on lines written for these tests (a made-up Kabupaten Contoh, not the seed)."""

from __future__ import annotations

import pytest

from sakip.catalog import draft
from sakip.catalog.draft_cell import bracketed_fraction
from sakip.catalog.draft_first import column_rules, first_line
from sakip.catalog.draft_tail import find_tail

HEAD = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2023

1. DINAS KESEHATAN

A. Tugas Pokok :
1. Melaksanakan urusan kesehatan.

SASARAN INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
"""


def _cells(line: str) -> tuple[str, str, str] | None:
    tail = find_tail(line.split())
    return None if tail is None else (tail.satuan, tail.penanggung_jawab, tail.sumber_data)


def test_a_percent_after_a_closed_factor_is_the_satuan_cell() -> None:
    # '100%' already closes the factor: the '%' after it is the satuan
    assert _cells("Jumlah bidan terlatih Jumlah bidan 100% % DINKES") == ("%", "DINKES", "")


def test_a_percent_after_ocr_debris_is_the_satuan_cell() -> None:
    # ')' and '/' are no number and no factor sign: what follows is the tail
    assert _cells("Persentase balita ditimbang ) % DINKES") == ("%", "DINKES", "")
    assert _cells("Jumlah kader aktif / % Kasi Gizi Data Posyandu") == (
        "%",
        "Kasi Gizi",
        "Data Posyandu",
    )


def test_a_factor_sign_before_a_unit_word_is_a_factor_that_lost_its_number() -> None:
    # 'x Unit': only a percent ends a factor; 'Unit' is the satuan cell
    assert _cells("Jumlah ambulans siaga x Unit Dinas Kesehatan") == (
        "Unit",
        "Dinas Kesehatan",
        "",
    )
    # a percent after a number or a sign stays the factor's (as before)
    assert _cells("Jumlah A Jumlah B x 100 % Dinas") is None
    assert _cells("Jumlah A Jumlah B x % Dinas") is None


LOST_TAILS = (
    HEAD
    + """\
Meningkatnya Persentase balita gizi Jumlah balita gizi baik % Dinkes Laporan
derajat baik Jumlah balita ditimbang Tahunan
kesehatan Persentase ibu hamil Jumlah ibu hamil diperiksa x 100% Gizi
anak K4 Jumlah ibu hamil seluruhnya
Cakupan posyandu Jumlah posyandu aktif
aktif Jumlah posyandu x 100%
"""
)


def test_a_name_opener_before_a_rumus_opener_opens_a_row_whose_tail_was_lost() -> None:
    result = draft(LOST_TAILS)
    rows = list(result.catalog)
    # three rows: line 10 (its tail read), line 12 ('Persentase' then 'Jumlah', no
    # satuan: 'x 100% Gizi' is the factor and a wrapped office) and line 14
    # ('Cakupan' then 'Jumlah', no tail at all), the file's lines counted from 1
    assert [r.first_line for r in result.rows] == [10, 12, 14]
    assert [r.name.split()[:2] for r in rows] == [
        ["Persentase", "balita"],
        ["Persentase", "ibu"],
        ["Cakupan", "posyandu"],
    ]
    # the word before the name opener is the sasaran cell wrapped from above
    assert rows[1].sasaran.startswith("kesehatan")
    assert not rows[1].name.startswith("kesehatan")


WRAPPED_NAME = (
    HEAD
    + """\
Meningkatnya Persentase balita gizi Jumlah balita gizi baik % Dinkes Laporan
derajat baik menurut Jumlah balita ditimbang Tahunan
kesehatan standar Persentase x 100%
"""
)


def test_a_name_opener_inside_a_rumus_line_opens_no_row() -> None:
    # 'Persentase' after the name's wrapped words, with no RUMUS opener after it and no
    # tail on its line: the row goes on
    assert [r.first_line for r in draft(WRAPPED_NAME).rows] == [10]


UNTAILED_THEN_TAILED = (
    HEAD
    + """\
Meningkatnya Persentase balita gizi Jumlah balita gizi baik x 100%
derajat baik Jumlah balita ditimbang
Meningkatnya Persentase lansia | Jmlh lansia dilayani / seluruh lansia % Kasi Lansia Laporan
"""
)


def test_a_tail_line_with_a_name_opener_opens_a_row_after_an_untailed_one() -> None:
    # the first row's tail was not printed; the third line ends in a tail and names an
    # indicator after its sasaran word: a row of its own, not the first row's late tail
    result = draft(UNTAILED_THEN_TAILED)
    assert [r.first_line for r in result.rows] == [10, 12]
    first, second = result.catalog
    assert first.satuan == ""
    assert second.satuan == "%" and second.penanggung_jawab == "Kasi Lansia"


STATE_NAMED = (
    HEAD
    + """\
Meningkatnya penyelesaian Jumlah sengketa selesai % Kasi Trantib Laporan
sengketa / Jumlah sengketa x 100% Tahunan
Meningkatnya ketertiban Meningkatnya patroli Jumlah patroli terlaksana % Kasi Trantib Laporan
wilayah wilayah / Jumlah patroli x 100% Tahunan
Meningkatnya kualitas pelayanan Indeks Kepuasan Nilai IKM Indeks Kasi Umum Laporan
"""
)


def test_one_cell_before_the_rumus_is_the_name_even_when_it_opens_like_a_sasaran() -> None:
    first = next(iter(draft(STATE_NAMED).catalog))
    # 'Meningkatnya penyelesaian', then 'Jumlah' and no other RUMUS word: one cell before
    # the RUMUS, the indicator's name (the sasaran cell spans rows, printed once above)
    assert first.sasaran == ""
    assert first.name == "Meningkatnya penyelesaian sengketa"
    assert first.formula is not None
    assert first.formula.variables == ("Jumlah sengketa selesai", "Jumlah sengketa")


def test_a_second_sasaran_word_opens_the_name() -> None:
    second = list(draft(STATE_NAMED).catalog)[1]
    # a sasaran opens once: the second 'Meningkatnya' opens the indicator's name
    assert second.sasaran.startswith("Meningkatnya ketertiban")
    assert second.name.startswith("Meningkatnya patroli")


def test_a_lower_case_name_word_stays_in_the_sasaran() -> None:
    third = list(draft(STATE_NAMED).catalog)[2]
    # 'kualitas' in lower case goes on the sasaran; 'Indeks' opens the name
    assert third.sasaran == "Meningkatnya kualitas pelayanan"
    assert third.name.startswith("Indeks Kepuasan")


@pytest.mark.parametrize(
    ("line", "at", "expected"),
    [
        ("(Capaian)/(Sasaran) x 100%", 0, True),  # both groups in one word
        ("Rasio pajak (jumlah pajak masuk) / (jumlah wajib pajak)", 2, True),
        ("Angka partisipasi (SD/MI) Jumlah murid", 2, False),  # the bar inside the group
        ("Indeks Kepuasan (IKM) Nilai survei", 2, False),  # an acronym: no bar after it
        ("(jumlah (a) dan b) / c", 0, False),  # another bracket opens first
    ],
)
def test_a_bracketed_numerator_before_a_bar_opens_a_rumus(
    line: str, at: int, expected: bool
) -> None:
    assert bracketed_fraction(line.split(), at) is expected


BRACKETED = (
    HEAD
    + """\
Tingkat kepatuhan SOP (Capaian)/(Sasaran) x 100% % Sekretaris Laporan
Rasio pajak daerah (jumlah pajak masuk) / % Kabid Pajak Laporan
(jumlah wajib pajak) x 100% Tahunan
"""
)


def test_a_row_whose_rumus_opens_on_a_bracket_is_named_up_to_it() -> None:
    first, second = draft(BRACKETED).catalog
    assert first.name == "Tingkat kepatuhan SOP"
    assert first.formula is not None
    assert first.formula.variables == ("Capaian", "Sasaran")
    assert second.name == "Rasio pajak daerah"
    assert second.formula is not None
    assert second.formula.variables == ("jumlah pajak masuk", "jumlah wajib pajak")


THREE_CELLS = (
    HEAD
    + """\
Meningkatnya Persentase izin terbit Jumlah izin terbit / Jumlah % Kasi Izin Laporan
layanan izin tepat permohonan x 100% Tahunan
Meningkatnya | Tingkat kepuasan IKM = Nilai rata-rata X Bobot Skala Survei Warga
kepuasan warga
warga Persentase aduan Jumlah aduan selesai / Jumlah aduan % Laporan Aduan
"""
)


def test_a_sasaran_word_a_name_word_and_a_rumus_on_one_line_open_a_row() -> None:
    # line 12 has no tail the drafter reads, but its three left cells open side by side
    # ('Meningkatnya', 'Tingkat', 'IKM ='); line 14 then opens on its name opener and
    # tail, the row before it having a RUMUS ('=')
    result = draft(THREE_CELLS)
    assert [r.first_line for r in result.rows] == [10, 12, 14]
    names = [r.name for r in result.catalog]
    assert names[1].startswith("Tingkat kepuasan")
    assert names[2].startswith("Persentase aduan")


def test_a_sasaran_word_alone_opens_no_row() -> None:
    # a sasaran cell is printed in the middle of its rows' height: a line that opens
    # with one and holds no name and RUMUS openings goes on the row above
    text = HEAD + (
        "Persentase izin terbit Jumlah izin terbit % Kasi Izin Laporan\n"
        "Meningkatnya layanan / Jumlah permohonan x 100% Tahunan\n"
    )
    assert [r.first_line for r in draft(text).rows] == [10]


def test_a_count_word_after_a_division_bar_is_no_satuan() -> None:
    # '/ Jumlah Survei Tahunan': 'Jumlah' opens the denominator, 'Survei Tahunan' is the
    # sumber data cell wrapped; no satuan cell here, so no row's tail
    assert _cells("Kepuasan Warga | Puas / Jumlah Survei Tahunan") is None
    assert _cells("Jumlah warga puas Jumlah Survei Tahunan") == ("Jumlah", "", "Survei Tahunan")


def _first(line: str) -> tuple[list[str], list[str], list[str] | None]:
    words = [w for w in line.split() if w not in ("|", "l")]
    return first_line(words, None, column_rules(line))


def test_column_rules_are_counted_among_the_words_without_them() -> None:
    # 'A | B l C': the rules stand before B (index 1) and before C (index 2)
    assert column_rules("A | B l C") == frozenset({1, 2})
    assert column_rules("A B C") == frozenset()


def test_a_rule_after_a_sasaran_closes_it_before_a_name_word() -> None:
    # 'Kontribusi' opens names too, but the rule after it closes the sasaran cell
    assert _first("Meningkatnya Kontribusi | Tingkat layanan pasar Jumlah pasar aktif") == (
        ["Meningkatnya", "Kontribusi"],
        ["Tingkat", "layanan", "pasar"],
        ["Jumlah", "pasar", "aktif"],
    )


def test_a_rule_after_a_name_opener_closes_the_name_not_the_sasaran() -> None:
    assert _first("Meningkatnya Persentase pasar | Jumlah pasar aktif") == (
        ["Meningkatnya"],
        ["Persentase", "pasar"],
        ["Jumlah", "pasar", "aktif"],
    )


def test_a_rule_before_a_name_word_closes_a_wrapped_sasaran() -> None:
    assert _first("gizi masyarakat | Angka stunting Jumlah balita pendek") == (
        ["gizi", "masyarakat"],
        ["Angka", "stunting"],
        ["Jumlah", "balita", "pendek"],
    )


def test_a_rule_after_the_name_opens_the_rumus() -> None:
    # 'Nilai' and 'Skor' open RUMUS cells and names alike: the rule tells them apart
    assert _first("Persentase Nilai Rata - Rata | Skor Realisasi Kinerja") == (
        [],
        ["Persentase", "Nilai", "Rata", "-", "Rata"],
        ["Skor", "Realisasi", "Kinerja"],
    )
    # a rule inside the RUMUS, after a word that opens only a RUMUS, changes nothing
    assert _first("Persentase lulus Jumlah siswa lulus | / Jumlah siswa")[2] == [
        "Jumlah",
        "siswa",
        "lulus",
        "/",
        "Jumlah",
        "siswa",
    ]


def test_a_rumus_never_opens_on_a_bar() -> None:
    # '/jumlah' right after the rule: the '/' is a rule or a letter OCR misread
    assert _first("Persentase lansia | /jumlah lansia dilayani")[2] == [
        "jumlah",
        "lansia",
        "dilayani",
    ]


HEADERLESS_LAMPIRAN_I = """\
LAMPIRAN I
PERATURAN BUPATI CONTOH NOMOR 7 TAHUN 2023
MISI 1 : Mewujudkan masyarakat yang sehat
TUJUAN : Meningkatkan derajat kesehatan
Meningkatnya 1 Angka Harapan Hidup Angka rata-rata usia hidup Tahun Dinas Kesehatan Laporan
kesehatan
2 Persentase balita gizi Jumlah balita gizi baik / Jumlah balita x 100% % Dinkes Laporan
"""


def test_rows_after_a_heading_are_rows_even_when_the_table_header_is_not_read() -> None:
    # no 'SASARAN INDIKATOR RUMUS ...' line (OCR lost it): the lines that end in a
    # row's tail are the table's rows, not the TUJUAN's text wrapped
    result = draft(HEADERLESS_LAMPIRAN_I)
    assert [r.first_line for r in result.rows] == [5, 7]
    first, second = result.catalog
    assert first.name == "Angka Harapan Hidup"
    assert first.tujuan == "Meningkatkan derajat kesehatan"
    assert second.name == "Persentase balita gizi"


def test_a_symbol_joined_by_underscores_opens_the_rumus() -> None:
    # 'BL_T' is a variable's symbol, never a word of a name
    assert _first("Persentase Balita Terlayani BL_T x 100%") == (
        [],
        ["Persentase", "Balita", "Terlayani"],
        ["BL_T", "x", "100%"],
    )
    # a name's words are no symbol: 'SD/MI', 'Rata-rata'
    assert _first("Rata-rata Nilai SD/MI Jumlah nilai")[1] == ["Rata-rata", "Nilai", "SD/MI"]


CELL_BY_CELL = (
    HEAD
    + """\
Meningkatnya Angka Rujukan Jumlah pasien dirujuk / Jumlah % Bidang Medik Laporan
mutu layanan pasien x 100% Tahunan

rujukan

Meningkatnya Mutu
Gizi

Persentase
Balita Gizi Baik

Jumlah balita gizi baik / jumlah
balita ditimbang x 100%

%

Bidang Gizi

Laporan Gizi
"""
)


def test_a_satuan_word_that_opens_a_longer_paragraph_is_no_lone_satuan() -> None:
    # 'Persentase' is a satuan word, but its paragraph goes on ('Balita Gizi Baik'):
    # the name's first line; the lone '%' below the RUMUS is the satuan cell. ('rujukan'
    # is the first row's sasaran cell, wrapped onto a paragraph of its own.)
    result = draft(CELL_BY_CELL)
    first, second = result.catalog
    assert first.name == "Angka Rujukan"
    assert second.sasaran == "Meningkatnya Mutu Gizi"
    assert second.name == "Persentase Balita Gizi Baik"
    assert (second.satuan, second.penanggung_jawab) == ("%", "Bidang Gizi")
    assert second.formula is not None
    assert second.formula.variables == ("Jumlah balita gizi baik", "jumlah balita ditimbang")


def test_a_lone_dot_after_a_wrapped_sasaran_closes_it() -> None:
    # OCR reads a column rule as '.': the sasaran cell ends there
    assert _first("(Bangkit Sehat . Generasi Sehat Jumlah warga sehat") == (
        ["(Bangkit", "Sehat"],
        ["Generasi", "Sehat"],
        ["Jumlah", "warga", "sehat"],
    )


def test_a_rumus_written_as_a_list_opens_at_its_first_item() -> None:
    # 'Indeks' opens names and RUMUS cells alike; 'a.' before a capital opens a list
    assert _first("Indeks Tata Kelola a. Penilaian atas dua aspek") == (
        [],
        ["Indeks", "Tata", "Kelola"],
        ["a.", "Penilaian", "atas", "dua", "aspek"],
    )


def test_the_first_column_numbers_left_of_a_lost_line_are_no_row_text() -> None:
    # OCR kept only '1 2' of the column numbers '1 2 3 4 5 6': they are no row's words
    (row,) = draft(
        HEAD + "1 2\nPersentase balita gizi Jumlah balita gizi % Dinkes Laporan\n"
    ).catalog
    assert row.name == "Persentase balita gizi"


def test_a_name_and_rumus_word_after_a_wrapped_sasaran_opens_the_name() -> None:
    # 'Nilai' opens names and RUMUS cells alike; with 'Indeks' (a RUMUS) after it, and
    # 'Petani' before it no name word, 'Nilai' opens the name
    assert _first("Petani Nilai Tukar Indeks harga diterima") == (
        ["Petani"],
        ["Nilai", "Tukar"],
        ["Indeks", "harga", "diterima"],
    )
    # a count word (Jumlah) after a name word ('Pelayanan') stays the RUMUS's: 'Pusat
    # Pelayanan' is the name
    assert _first("Pusat Pelayanan Jumlah pusat / Jumlah desa") == (
        [],
        ["Pusat", "Pelayanan"],
        ["Jumlah", "pusat", "/", "Jumlah", "desa"],
    )


def test_a_name_opener_after_another_name_word_stays_in_the_name() -> None:
    # 'Persentase Cakupan ...': the name opened at 'Persentase', 'Cakupan' goes on it
    assert _first("Persentase Cakupan Imunisasi Jumlah bayi diimunisasi") == (
        [],
        ["Persentase", "Cakupan", "Imunisasi"],
        ["Jumlah", "bayi", "diimunisasi"],
    )
