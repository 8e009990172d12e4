"""The RUMUS cell's words: the factor, the OCR debris, where the cell ends (draft_cell).
Snippets are hand-written in the shape of an IKU table, not taken from a regulation."""

from __future__ import annotations

import pytest

from sakip.catalog.draft_cell import factor_of, is_noise, rumus_end, rumus_fragments


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
