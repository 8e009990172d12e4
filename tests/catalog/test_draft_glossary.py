"""Rows whose RUMUS says where it opens only by what it restates or by its glossary
('Dimana :'). The tables are hand-written in the shape of an IKU lampiran, not taken
from a regulation; every expected reading is worked out by hand."""

from __future__ import annotations

from sakip.catalog import Indicator, draft
from sakip.catalog.draft_first import restated_below
from sakip.language import opens_glossary

from .drafted import value_in_print_order

_HEADER = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022

1. DINAS CONTOH

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
"""


def _rows(body: str) -> list[Indicator]:
    return list(draft(_HEADER + body).catalog.section("Dinas Contoh").indicators)


def _below(name: str, below: str) -> int | None:
    return restated_below(name.split(), below.split())


def test_the_denominator_names_where_an_unopened_numerator_starts() -> None:
    # 'Tingkat pembinaan Kader Posyandu Terlatih': no RUMUS word opens a cell, but the
    # line below counts 'kader posyandu', so the numerator is the words from 'Kader'
    name = "Tingkat pembinaan Kader Posyandu Terlatih"
    assert _below(name, "kader posyandu Jumlah kader posyandu X 100 %") == 2
    # two words must agree: one shared word is not enough, and a name's first word
    # never opens the RUMUS
    assert _below("Tingkat pembinaan Kader Desa", "Jumlah kader lama") is None
    assert _below("Kader Posyandu Aktif", "Jumlah kader posyandu") is None
    assert _below("Tingkat pembinaan kader", "tanpa hitungan di sini") is None


def test_a_row_whose_numerator_opens_with_a_plain_noun() -> None:
    rows = _rows(
        "Tingkat pembinaan Kader Posyandu Terlatih Orang Kasi Kesos Laporan\n"
        "kader posyandu Jumlah kader posyandu X 100 % Tahunan\n"
    )
    (row,) = rows
    assert row.name == "Tingkat pembinaan kader posyandu"
    assert row.formula is not None
    assert row.formula.variables == ("Kader Posyandu Terlatih", "Jumlah kader posyandu")
    # satuan 'Orang', so 'X 100' scales a plain ratio: 30 / 40 x 100 = 75
    assert value_in_print_order(row, 30, 40) == 75


def test_the_glossary_word_is_a_rumus_word() -> None:
    assert opens_glossary("Dimana")
    assert opens_glossary("dimana:")
    assert opens_glossary("Keterangan:")
    assert not opens_glossary("Dinas")
    assert not opens_glossary("mana")


_GLOSSED = """\
1. Indeks Kepuasan Layanan IKL = Total Nilai Persepsi / Total Unsur x Nilai Penimbang Indeks Bagian Laporan
Perizinan (IKLP) Dimana : Organisasi Tahunan
Bobot Nilai Penimbang = Jumlah Bobot / Jumlah Unsur
Mutu layanan dinilai dari hasil survei
2. Indeks Kualitas Air IKA = (0,5 x IPS) + (0,5 x IPD) Indeks Bidang PPKL Laporan
Permukaan Dimana : Tahunan
(IKAP) IPS = Indeks Pencemaran Sungai
IPD = Indeks Pencemaran Danau
"""


def test_a_name_wraps_beside_the_glossary_and_ends_at_its_acronym() -> None:
    first, second = _rows(_GLOSSED)
    # 'Dimana :' opens the RUMUS's part of the line; the words before it are the name's
    assert second.name == "Indeks Kualitas Air Permukaan (IKAP)"
    assert second.formula is not None
    # (0,5 x IPS) + (0,5 x IPD) with IPS = 60, IPD = 80: 30 + 40 = 70
    assert second.rumus_asli.startswith("IKA = (0,5 x IPS) + (0,5 x IPD) Dimana :")
    assert value_in_print_order(second, 60, 80) == 70
    # a name that printed its acronym has ended: the glossary's lines below are the
    # RUMUS's, whatever their first words look like ('Bobot', 'Mutu layanan ...')
    assert first.name == "Indeks Kepuasan Layanan Perizinan (IKLP)"
    assert "Bobot Nilai Penimbang = Jumlah Bobot / Jumlah Unsur" in first.rumus_asli
    assert first.rumus_asli.endswith("Mutu layanan dinilai dari hasil survei")


def test_a_rumus_printed_whole_below_leaves_the_name_whole() -> None:
    # the RUMUS opens on the second line and divides there: the first line is all name,
    # though the name restates what the RUMUS counts ('Desa Siaga' / 'desa siaga')
    assert _below("Persentase Desa Siaga", "Aktif Jumlah desa siaga aktif / Jumlah desa") is None
    assert _below("Persentase Posyandu Purnama", "Jumlah posyandu purnama dibagi jumlah") is None
    first, second = _rows(
        "1. Persentase Desa Siaga % Dinas Laporan\n"
        "Aktif Jumlah desa siaga aktif / Jumlah desa x 100% Contoh Tahunan\n"
        "2. Persentase Posyandu Purnama % Dinas Laporan\n"
        "Jumlah posyandu purnama dibagi jumlah posyandu x 100% Contoh Tahunan\n"
    )
    assert first.name == "Persentase Desa Siaga Aktif"
    assert first.rumus_asli == "Jumlah desa siaga aktif / Jumlah desa x 100%"
    assert value_in_print_order(first, 9, 12) == 75  # 9 / 12 x 100% = 75 (%)
    assert second.name == "Persentase Posyandu Purnama"
    assert second.rumus_asli == "Jumlah posyandu purnama dibagi jumlah posyandu x 100%"
