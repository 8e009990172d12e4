"""sakip.units.parse_unit: the satuan words of IKU tables, read in one place."""

from __future__ import annotations

import pytest

from sakip.units import parse_unit


@pytest.mark.parametrize(
    ("satuan", "unit"),
    [
        ("Persentase", "percent"),
        ("Angka", "dimensionless"),
        ("Jumlah", "dimensionless"),  # a count that names no thing counted
        ("Rp.", "rupiah"),
        ("Nilai Investasi", "rupiah"),  # the value of an investment is money
        ("Nilai", "dimensionless"),  # a score, not an amount
    ],
)
def test_satuan_words_of_iku_tables(satuan: str, unit: str) -> None:
    assert str(parse_unit(satuan)) == unit
