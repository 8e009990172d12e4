"""sakip.units.parse_unit: the satuan words of IKU tables, read in one place."""

from __future__ import annotations

import pytest

from sakip.units import SATUAN, SATUAN_ALIASES, category_values, parse_unit, ureg


@pytest.mark.parametrize(
    ("satuan", "unit"),
    [
        ("Persentase", "percent"),
        ("Angka", "dimensionless"),
        ("Jumlah", "dimensionless"),  # a count that names no thing counted
        ("Rp.", "rupiah"),
        ("Nilai Investasi", "rupiah"),  # the value of an investment is money
        ("Nilai", "dimensionless"),  # a score, not an amount
        ("%,", "percent"),  # OCR keeps the comma after the sign
        ("Poin", "dimensionless"),
        ("Kali/Desa", "kali_per_desa"),  # as the shipped catalog names it
        ("KK", "kepala_keluarga"),
    ],
)
def test_satuan_words_of_iku_tables(satuan: str, unit: str) -> None:
    assert str(parse_unit(satuan)) == unit


@pytest.mark.parametrize(
    ("satuan", "values"),
    [
        ("Ada/Tidak Ada", ("Ada", "Tidak Ada")),
        ("ada/tidak  ADA", ("Ada", "Tidak Ada")),  # case and spacing free
        ("Ada/Tidak Ada/ Tidak Ada", ("Ada", "Tidak Ada")),  # OCR printed the cell twice
        ("Opini BPK", ("WTP", "WDP", "TW", "TMP")),
        ("Predikat", ()),  # a verdict whose values the satuan does not say
        ("Kategori", ()),
        ("Ada", ("Ada", "Tidak Ada")),  # as the shipped catalog reads it (pd02_dprd)
        ("Hasil Penilaian BPK", ()),
        ("Tersedia / Tidak Tersedia", ("Tersedia", "Tidak Tersedia")),  # 'X/Tidak Y'
        ("Ya/Tidak", ("Ya", "Tidak")),
        ("Persen", None),
        ("Orang", None),
        ("Rasio/1.000 kelahiran hidup", None),
    ],
)
def test_category_satuan_and_their_values(satuan: str, values: tuple[str, ...] | None) -> None:
    assert category_values(satuan) == values


def test_the_vocabulary_names_only_units_of_the_registry() -> None:
    # an alias means a unit of units.txt; a category is no unit and no alias
    for satuan, unit in SATUAN_ALIASES.items():
        assert str(parse_unit(unit)) == unit, satuan
    for satuan in SATUAN:
        if category_values(satuan) is None:
            assert isinstance(parse_unit(satuan), ureg.Unit), satuan
        else:
            assert satuan not in SATUAN_ALIASES


def test_the_vocabulary_is_read_only() -> None:
    with pytest.raises(TypeError):
        SATUAN_ALIASES["titik"] = "dimensionless"  # type: ignore[index]
    assert isinstance(SATUAN, frozenset)
