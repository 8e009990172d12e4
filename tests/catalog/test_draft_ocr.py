"""The count word Jumlah as OCR misreads it. The table is hand-written in the shape of
an IKU lampiran, not taken from a regulation; the expected readings are worked by hand."""

from __future__ import annotations

import pytest

from sakip.catalog import draft
from sakip.catalog.draft_cell import as_count_word, unglue

from .drafted import value_in_print_order


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("]ymlah", "Jumlah"),  # J as a bracket, u as y
        ("]umlah", "Jumlah"),
        ("Junlah", "Jumlah"),  # m as n
        ("Jurnlah", "Jumlah"),  # m as rn
        ("Fumlah", "Jumlah"),  # J as F
        ("umlah", "Jumlah"),  # J lost
        ("Jumlah", "Jumlah"),
        ("jumlah", "jumlah"),  # the word as printed: nothing to read again
        ("Kumlah", "Kumlah"),  # no misreading of J gives K: left as printed
        ("sejumlah", "sejumlah"),
        ("/jumlah", "/jumlah"),  # a division bar before the count word
    ],
)
def test_the_misread_count_word(printed: str, read: str) -> None:
    assert as_count_word(printed) == read


def test_a_misread_count_word_glued_to_the_next_word_is_split() -> None:
    assert unglue("]umlahpenduduk") == ["Jumlah", "penduduk"]


_BODY = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS CONTOH

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
Meningkatnya Persentase lansia Jumlah lansia yang menerima bantuan % Kepala Bidang Laporan
kesejahteraan yang menerima bantuan Jumlah lansia terdata x 100% Rehabilitasi Tahunan
lansia Persentase panti ]ymlah panti yang terakreditasi
terakreditasi Junlah panti yang ada x 100%
"""


def test_a_row_opens_at_a_name_word_before_a_misread_count_word() -> None:
    result = draft(_BODY)
    rows = list(result.catalog.section("Dinas Contoh").indicators)
    # before, ']ymlah' opened no RUMUS, so the second row ran on inside the first
    assert len(rows) == 2
    second = rows[1]
    assert second.rumus_asli == "Jumlah panti yang terakreditasi / Jumlah panti yang ada x 100%"
    assert value_in_print_order(second, 45, 60) == 75  # 45 / 60 x 100% = 75 (%)
    # the reviewer is told which printed words were read as Jumlah
    assert any("]ymlah Junlah" in note for note in result.row(second.id).notes)
