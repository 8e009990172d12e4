"""The RUMUS cell's words: the factor, the OCR debris, where the cell ends (draft_cell).
Snippets are hand-written in the shape of an IKU table, not taken from a regulation."""

from __future__ import annotations

import pytest

from sakip.catalog.draft_cell import factor_of, is_noise, rumus_end, rumus_fragments, unglue


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("x100%", 100),
        ("£100%", 100),
        ("100%", 100),
        ("x1000", 1000),
        ("50%", None),
        ("Jumlah", None),
    ],
)
def test_factor_of_reads_the_printed_factor_only(word: str, expected: int | None) -> None:
    assert factor_of(word) == expected


def test_noise_is_stray_marks_not_operators_or_short_words() -> None:
    assert is_noise("~") and is_noise("°") and is_noise("ii")
    assert not is_noise("/") and not is_noise("x") and not is_noise("di")


def test_fragments_drop_the_factor_and_its_sign_and_keep_the_bar() -> None:
    lines = [(3, "Jumlah desa mandiri"), (4, "/ jumlah desa x 100%")]
    fragments, factor, debris = rumus_fragments(lines)
    # 'x 100%': the factor 100 is kept apart and its sign 'x' goes with it
    assert fragments == ((3, "Jumlah desa mandiri"), (4, "/ jumlah desa"))
    assert factor == 100
    assert debris == []


def test_fragments_report_debris() -> None:
    fragments, factor, debris = rumus_fragments([(7, "Jumlah sekolah ~ terakreditasi")])
    assert fragments == ((7, "Jumlah sekolah terakreditasi"),)
    assert factor is None
    assert debris == ["~"]


def test_cell_ends_after_the_factor_when_capitalised_columns_follow() -> None:
    # 'x 100%' at index 2..3; what follows ('Persen', a stray '°') is the SATUAN column's
    assert rumus_end(["Jumlah", "x", "100%", "Persen", "°"]) == 3
    assert rumus_end(["Jumlah", "desa"]) == 2


def test_a_factor_split_from_its_percent_sign_is_the_factor() -> None:
    # the factor wrapped: '... ditugaskan x' then '100 %' on the next line; the '100'
    # is the factor (x 100%), not a name of the denominator
    lines = [(1, "Jumlah petugas yang hadir / Jumlah petugas yang ditugaskan x"), (2, "100 %")]
    fragments, factor, debris = rumus_fragments(lines)
    assert fragments == ((1, "Jumlah petugas yang hadir / Jumlah petugas yang ditugaskan"),)
    assert factor == 100
    assert debris == []


def test_a_lone_percent_after_a_name_stays_debris() -> None:
    # '%' after a word that is no factor ('kelas %'): not joined, left out as debris
    fragments, factor, debris = rumus_fragments([(4, "Jumlah kelas %")])
    assert fragments == ((4, "Jumlah kelas"),)
    assert factor is None
    assert debris == ["%"]


def test_a_note_after_the_factor_is_left_out_even_when_it_wraps() -> None:
    # '= jml' after 'x 100%' is a note on the result, its 'jml' wrapped to the next line
    lines = [(5, "Jumlah rapat terlaksana / jumlah rapat x 100% ="), (6, "jml")]
    fragments, factor, debris = rumus_fragments(lines)
    assert fragments == ((5, "Jumlah rapat terlaksana / jumlah rapat"),)
    assert factor == 100
    assert debris == ["=", "jml"]


def test_a_result_name_before_the_formula_is_no_note() -> None:
    # 'X = ...': the '=' comes before the factor, so nothing is left out
    fragments, factor, debris = rumus_fragments([(2, "IPM = A / B x 100%")])
    assert fragments == ((2, "IPM = A / B"),)
    assert factor == 100
    assert debris == []


def test_a_sign_glued_to_the_last_word_goes_with_the_factor() -> None:
    # 'desax 100%': OCR lost the space before the 'x'; the word is 'desa', the factor 100
    fragments, factor, debris = rumus_fragments([(2, "Jumlah desa maju/Jumlah desax 100%")])
    assert fragments == ((2, "Jumlah desa maju/Jumlah desa"),)
    assert factor == 100
    assert debris == []
    # a word that ends in x without a factor after it keeps its letter
    assert rumus_fragments([(2, "Jumlah unit Linux")])[0] == ((2, "Jumlah unit Linux"),)


def test_a_bar_with_ocr_specks_is_the_bar_not_debris() -> None:
    # '/.' after the numerator: the division bar with a speck of the paper beside it.
    # As debris it would end the cell there and the denominator below would be lost.
    assert not is_noise("/.") and not is_noise("_/") and is_noise(".")
    words = ["Jumlah", "buku", "dipinjam", ".", "/."]
    assert rumus_end(words) == len(words)
    lines = [(8, "Jumlah buku dipinjam . /."), (9, "koleksi buku perpustakaan")]
    fragments, factor, debris = rumus_fragments(lines)
    assert fragments == ((8, "Jumlah buku dipinjam /"), (9, "koleksi buku perpustakaan"))
    assert factor is None
    assert debris == ["."]


@pytest.mark.parametrize(
    ("word", "words"),
    [
        ("JumlahbalitaIDL", ["Jumlah", "balita", "IDL"]),  # OCR lost the spaces
        ("jumlahsiswa", ["jumlah", "siswa"]),
        ("Jumlahguru,tenaga", ["Jumlah", "guru,tenaga"]),
        ("Jumlahnya", ["Jumlahnya"]),  # 'its number': one word
        ("Jumlah", ["Jumlah"]),
        ("JumlahASN", ["JumlahASN"]),  # no lower-case word glued to it
    ],
)
def test_a_count_word_glued_to_what_it_counts_is_split(word: str, words: list[str]) -> None:
    assert unglue(word) == words
