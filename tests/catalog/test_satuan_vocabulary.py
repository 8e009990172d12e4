"""One satuan vocabulary (src/sakip/satuan.toml, read by sakip.units) drives both readers
of satuan: a table's Satuan column (catalog.from_table) and the drafter (catalog.draft).
A satuan written there once is read by both, the same way."""

from __future__ import annotations

import pandas as pd
import pytest

from sakip import catalog
from sakip.catalog.draft_words import NAME_WORDS, satuan_at
from sakip.units import SATUAN, category_values

# A satuan of the vocabulary that is a common word of RUMUS text ('yang ada'): the drafter
# never takes it for a satuan cell in a line (draft_words._COMMON_WORDS).
_COMMON = {"", "ada"}


def _table_row(satuan: str) -> catalog.Indicator:
    return catalog.from_table(pd.DataFrame({"IKU": ["x"], "Satuan": [satuan]})).get(1)


@pytest.mark.parametrize("satuan", sorted(SATUAN - {""}))
def test_every_satuan_of_the_vocabulary_is_a_unit_or_a_category_for_a_table(
    satuan: str,
) -> None:
    row = _table_row(satuan.title())  # as printed: 'Persentase', 'Ada/Tidak Ada'
    assert not [c for c in row.catatan if "is not a unit sakip knows" in c]
    assert (row.unit_name == "category") == (category_values(satuan) is not None)


@pytest.mark.parametrize("satuan", sorted(SATUAN - _COMMON))
def test_every_satuan_of_the_vocabulary_is_a_satuan_cell_for_the_drafter(satuan: str) -> None:
    printed = satuan.title().split()
    words = ["Jumlah", "balita", *printed, "Dinas", "Kesehatan"]
    # the satuan ends where the penanggung jawab 'Dinas' opens, after 2 words of RUMUS
    assert satuan_at(words, 2 + len(printed)) == (" ".join(printed).strip("|, "), len(printed))


def test_a_common_word_is_no_satuan_cell_in_a_line() -> None:
    # 'Jumlah sarana yang ada Dinas ...': 'ada' ends the RUMUS, it is no satuan 'Ada'
    assert satuan_at(["Jumlah", "sarana", "yang", "ada", "Dinas"], 4) is None
    assert _table_row("Ada").unit_name == "category"  # in a Satuan column it is one


# A fragment laid out as OCR gives a lampiran: a row's cells side by side on its first
# line (RUMUS, SATUAN, PENANGGUNG JAWAB, SUMBER DATA), the rest wrapped below.
_LAMPIRAN = """\
LAMPIRAN I
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021
INDIKATOR KINERJA UTAMA
PEMERINTAH KOTA CONTOH

PENANGGUNG SUMBER
SASARAN INDIKATOR RUMUS CARA MENGUKUR SATUAN JAWAB DATA
Meningkatnya 1 Skor Reformasi Birokrasi Nilai hasil evaluasi RB Poin Bagian Organisasi Laporan
tata kelola Tahunan
pemerintahan 2 Predikat SAKIP Hasil evaluasi SAKIP Kategori Inspektorat Laporan
Tahunan
3 Frekuensi Penyuluhan Desa Jumlah penyuluhan dibagi jumlah desa Kali/Desa Dinas Pertanian Laporan
Tahunan
"""


def test_the_drafter_and_a_table_read_the_same_satuan_alike() -> None:
    # 'Poin' and 'Kategori' were satuan of the table reader only (the drafter found no
    # SATUAN on these rows and took a plain number); one vocabulary, one reading:
    # Poin a plain number, Kategori a category, Kali/Desa the catalog's kali_per_desa
    drafted = catalog.draft(_LAMPIRAN)
    read = [(i.satuan, i.unit_name) for i in drafted.catalog]
    assert read == [
        ("Poin", "dimensionless"),
        ("Kategori", "category"),
        ("Kali/Desa", "kali_per_desa"),
    ]
    assert not any("satuan" in note.casefold() for row in drafted.rows for note in row.notes)
    assert [(s, _table_row(s).unit_name) for s, _ in read] == read


def test_the_satuan_the_drafter_doubts_are_satuan_of_the_vocabulary() -> None:
    # NAME_WORDS: satuan that as often end a name ('... Sekolah') that the drafter takes
    # them for a cell only before a source; a word there that is no satuan is stale
    assert {w for w in NAME_WORDS if w not in SATUAN} == set()
