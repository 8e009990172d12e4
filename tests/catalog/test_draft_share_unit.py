"""A row that prints no satuan and no factor: a name that is a Persentase (in any of its
common spellings) says the value is a percent; other names give a plain number.

The fragment is made up (a Kabupaten Contoh, not the seed): a table with no SATUAN
column, each RUMUS 'Cukup Jelas', as the held-out Temanggung and Bappeda texts print them.
"""

from __future__ import annotations

from sakip.catalog import draft

NO_SATUAN = """\
LAMPIRAN II
PERATURAN BUPATI CONTOH NOMOR 4 TAHUN 2021
I. DINAS KOPERASI DAN UMKM
No SASARAN STRATEGIS INDIKATOR KINERJA RUMUS SUMBER DATA
1 Meningkatnya daya saing koperasi Persentase koperasi aktif Cukup Jelas DINKOP
Indeks kepuasan anggota koperasi Cukup Jelas DINKOP
2 Meningkatnya usaha mikro Prosentase usaha mikro naik kelas Cukup Jelas DINKOP
"""


def test_a_persentase_name_is_a_percent_when_no_satuan_is_printed() -> None:
    drafted = draft(NO_SATUAN)
    units = {i.name: (i.kind, i.unit_name) for i in drafted.catalog}
    assert units == {
        "Persentase koperasi aktif": ("direct", "percent"),
        # an index names no unit: a plain number, as before
        "Indeks kepuasan anggota koperasi": ("direct", "dimensionless"),
        "Prosentase usaha mikro naik kelas": ("direct", "percent"),  # another spelling
    }
    notes = {row.notes[2] for row in drafted.rows}
    assert "satuan not printed; percent: the name is a Prosentase" in notes
    assert "satuan not printed; taken as a plain number" in notes
