"""Sentence punctuation around formulas: list markers, full stops, comment sentences."""

from __future__ import annotations

import pytest

import sakip
from sakip.language.sentences import focus


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("1. A / B x 100%.", "   A / B x 100% "),
        ("a. A / B", "   A / B"),
        ("- % Desa = A / B", "  % Desa = A / B"),
        ("• A / B", "  A / B"),
        ("A / B x 100.", "A / B x 100 "),
        ("(h) Jumlah A / B", "    Jumlah A / B"),
        ("(iv) Jumlah A / B", "     Jumlah A / B"),
    ],
)
def test_markers_and_final_stops_become_spaces_of_the_same_length(text: str, blanked: str) -> None:
    out, notes = focus(text)
    assert out == blanked
    assert len(out) == len(text)
    assert notes


@pytest.mark.parametrize(
    "text",
    [
        "A / B x 100%",
        "- 5 + A",
        "-A + B",
        "A.B",
        "2.5 x A",
        "Jumlah A - Jumlah B",
        "(a) x 100%",  # a bracketed name before an operator word, not a marker
        "(b) dibagi (c)",
    ],
)
def test_formulas_without_sentence_punctuation_are_unchanged(text: str) -> None:
    assert focus(text) == (text, [])


def test_a_sentence_without_formula_material_is_left_out_with_a_note() -> None:
    text = "A dibagi B. Perhitungan ini difokuskan pada 40% penduduk terbawah."
    out, notes = focus(text)
    assert out.strip() == "A dibagi B"
    assert "has no formula" in notes[0]


def test_abbreviation_stops_stay_in_the_name() -> None:
    f = sakip.parse("Jml. penduduk miskin / Jml. penduduk x 100%.")
    assert f.variables == ("Jml. penduduk miskin", "Jml. penduduk")
    # 25 / 200 x 100 = 12,5 %
    r = sakip.evaluate(f, {"Jml. penduduk miskin": 25, "Jml. penduduk": 200})
    assert r.magnitude == pytest.approx(12.5)


@pytest.mark.parametrize("text", ["Kab. A / Kab. B", "Pddk. miskin / penduduk", "No. urut / B"])
def test_a_stop_after_a_short_or_vowelless_word_is_an_abbreviation(text: str) -> None:
    assert len(sakip.parse(text).variables) == 2


def test_a_stop_after_a_long_word_ends_a_sentence_inside_the_formula() -> None:
    # "program." is no abbreviation: the cells of a table ran together
    with pytest.raises(sakip.FormulaSyntaxError, match="a sentence ends inside the formula"):
        sakip.parse("Jumlah program. dibagi jumlah desa x 100%")


def test_a_product_dot_between_short_symbols_multiplies() -> None:
    # 3 x 4 = 12
    assert sakip.evaluate("Pi . K", {"Pi": 3, "K": 4}).magnitude == 12


def test_a_stray_full_stop_inside_a_formula_is_a_syntax_error() -> None:
    with pytest.raises(sakip.FormulaSyntaxError, match="full stop"):
        sakip.parse("Jumlah penduduk . / B")


def test_ampersand_joins_a_name() -> None:
    f = sakip.parse("Jumlah putus sekolah tingkat & jenjang SD / Jumlah siswa")
    assert f.variables[0] == "Jumlah putus sekolah tingkat & jenjang SD"


def test_long_punctuated_input_finishes() -> None:
    text = "Jml. A. " * 600
    with pytest.raises(sakip.SakipError):
        sakip.parse(text)


def test_a_consequence_that_restates_its_subject_gives_the_value() -> None:
    text = "Apabila capaian lebih besar dari 110%, maka skor capaian bernilai 120."
    # 115 % > 110 %: 120; 100 % is covered by no clause: an error, never a silent value
    # ("dikonversi menjadi" would keep the value itself there: see conversion_rule.py)
    assert sakip.evaluate(text, {"capaian": "115%"}).magnitude == 120
    with pytest.raises(sakip.errors.ConditionError):
        sakip.evaluate(text, {"capaian": "100%"})
    assert any("bernilai" in note for note in sakip.parse(text).notes)


def test_a_source_sentence_is_left_out_however_short() -> None:
    # before, 'Sumber: BPS' stayed as a fragment and multiplied the formula
    formula = sakip.parse("Jumlah A / Jumlah B x 100%. Sumber: BPS")
    assert formula.variables == ("Jumlah A", "Jumlah B")


@pytest.mark.parametrize(
    "text",
    ["Jumlah A / Jumlah B x 100% Sumber: BPS", "Jumlah A / Jumlah B x 100% Sumber data : Dinas"],
)
def test_a_source_after_a_whole_formula_is_left_out(text: str) -> None:
    # before, '100% Sumber' weighed a name 'Sumber' and ': BPS' divided by BPS
    formula = sakip.parse(text)
    assert formula.variables == ("Jumlah A", "Jumlah B")
    # 1 / 4 x 100 % = 25 %
    assert sakip.evaluate(formula, {"Jumlah A": 1, "Jumlah B": 4}).magnitude == 25
    assert sakip.parse("Jumlah Sumber Daya / B").variables == ("Jumlah Sumber Daya", "B")
