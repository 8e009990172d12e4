"""The glossary after a formula: entries, aliases, and the ranges of indexes."""

from __future__ import annotations

import pytest

import sakip
from sakip.language.glossary import index_ranges, split_glossary


def test_entries_split_at_commas_before_the_next_symbol() -> None:
    body, entries = split_glossary("A / B x 100%, dimana A = jumlah lulusan, B = jumlah siswa")
    assert body == "A / B x 100%"  # the comma before "dimana" ends the formula
    assert entries == [("A", "jumlah lulusan"), ("B", "jumlah siswa")]
    # a comma inside a description stays in it
    _, entries = split_glossary("A / B dimana A = desa, kelurahan dan kota; B = luas")
    assert entries == [("A", "desa, kelurahan dan kota"), ("B", "luas")]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1,2,...9", (1, 9)),
        ("1, 2, ..., 14", (1, 14)),
        ("1, 2, …, 38", (1, 38)),
        ("1 s.d. 5", (1, 5)),
        ("1 s/d 5", (1, 5)),
        ("1 sampai dengan 6", (1, 6)),
        ("1 - 3", (1, 3)),
        ("1..4", (1, 4)),
    ],
)
def test_the_range_of_a_one_letter_index(written: str, expected: tuple[int, int]) -> None:
    assert index_ranges([("i", written)]) == {"i": expected}


def test_only_one_letter_indexes_with_an_upward_range() -> None:
    assert index_ranges([("X", "1..4"), ("n", "jumlah unsur"), ("i", "9 s.d. 1")]) == {}


def test_a_sum_over_the_glossary_range_is_a_series_of_names() -> None:
    f = sakip.parse("Σxi / n, dimana i = 1 s.d. 3; n = jumlah unsur")
    assert f.variables == ("x1", "x2", "x3", "n")
    # (2 + 4 + 6) / 3 = 4; "n" is bound by its glossary description
    values = {"x1": 2, "x2": 4, "x3": 6, "jumlah unsur": 3}
    assert sakip.evaluate(f, values).magnitude == 4
    # without a range for i, "Jumlah xi" is a name as written
    assert sakip.parse("Jumlah xi / n").variables == ("Jumlah xi", "n")
    # a name that goes on after "xi" is a name
    assert sakip.parse("Jumlah xi penduduk / n, dimana i = 1 s.d. 3").variables[0] == (
        "Jumlah xi penduduk"
    )


def test_a_series_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match="more than 200"):
        sakip.parse("Jumlah xi / n, dimana i = 1 s.d. 500")


def test_only_whole_runs_and_one_range_per_index() -> None:
    # "1, 3, ..., 9" skips numbers; two different ranges for i: no range is taken
    assert index_ranges([("i", "1, 3, ..., 9")]) == {}
    assert index_ranges([("i", "2, 4, ..., 10")]) == {}
    assert index_ranges([("i", "1 - 3"), ("i", "1 - 5")]) == {}
    assert index_ranges([("i", "1 - 3"), ("i", "1-3")]) == {"i": (1, 3)}


@pytest.mark.parametrize(
    ("text", "variables"),
    [
        # words ending in the index letter are words: "bayi", "nilai", "dana", "desa"
        (
            "Jumlah bayi / Jumlah lahir hidup x 1000, dimana i = 1, 2, ..., 12",
            ("Jumlah bayi", "Jumlah lahir hidup"),
        ),
        ("Total dana / Total desa, dimana a = 1 - 3", ("Total dana", "Total desa")),
        # a double index is no series of names
        ("IKM = Jumlah xij, dimana i = 1 - 3, j = 1 - 2", ("Jumlah xij",)),
        # an operator word after the symbol ends it: (x1 + x2 + x3) x (x1 + x2 + x3)
        ("Σxi x Σxi, dimana i = 1 - 3", ("x1", "x2", "x3")),
        ("Jumlah xi dikali 100 / y, dimana i = 1, 2, ..., 3", ("x1", "x2", "x3", "y")),
    ],
)
def test_what_is_and_is_not_a_series(text: str, variables: tuple[str, ...]) -> None:
    assert sakip.parse(text).variables == variables


def test_the_product_of_two_series_is_computed() -> None:
    # (2 + 2 + 2) x (2 + 2 + 2) = 36
    values = {"x1": 2, "x2": 2, "x3": 2}
    assert sakip.evaluate("Σxi x Σxi, dimana i = 1 - 3", values).magnitude == 36


def test_names_written_out_are_limited_in_all() -> None:
    # ten series of 200 names each: 2.000 variables from 77 characters
    with pytest.raises(sakip.LimitError, match="200 names in all"):
        sakip.parse(" + ".join(["Σxi"] * 10) + ", dimana i = 1 - 200")


def test_a_legend_after_keterangan_names_the_symbols() -> None:
    text = (
        "AKI = (JKI/JLH) x 100.000 Keterangan: AKI : Angka kematian ibu JKI : Jumlah"
        " kematian ibu JLH : Jumlah kelahiran hidup"
    )
    body, entries = split_glossary(text)
    assert body == "AKI = (JKI/JLH) x 100.000"
    assert entries == [
        ("AKI", "Angka kematian ibu"),
        ("JKI", "Jumlah kematian ibu"),
        ("JLH", "Jumlah kelahiran hidup"),
    ]
    # 9 / 11.250 x 100.000 = 80, bound by the symbol or by its description
    assert sakip.evaluate(text, {"JKI": 9, "JLH": 11250}).magnitude == pytest.approx(80)
    values = {"Jumlah kematian ibu": 9, "Jumlah kelahiran hidup": 11250}
    assert sakip.evaluate(text, values).magnitude == pytest.approx(80)


def test_the_words_restating_a_formula_in_legend_symbols_are_left_out() -> None:
    text = (
        "Jumlah kematian ibu dibagi jumlah kelahiran hidup dan dikali 100.000. AKI ="
        " (JKI/JLH) x 100.000 Keterangan: JKI : Jumlah kematian ibu JLH : Jumlah kelahiran"
    )
    formula = sakip.parse(text)
    assert formula.variables == ("JKI", "JLH")
    assert any("says in words" in note for note in formula.notes)


def test_without_a_legend_two_formula_sentences_are_still_refused() -> None:
    text = "Jumlah kematian ibu dibagi jumlah lahir dikali 100.000. AKI = (JKI/JLH) x 100.000"
    with pytest.raises(sakip.FormulaSyntaxError, match="two sentences"):
        sakip.parse(text)


def test_a_legend_that_is_prose_is_not_a_glossary() -> None:
    assert split_glossary("A / B Keterangan: lihat lampiran") == (
        "A / B Keterangan: lihat lampiran",
        [],
    )
