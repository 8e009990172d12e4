"""Polarity read from a Polaritas / Sifat cell, or inferred from an indicator's name."""

from __future__ import annotations

import pytest

from sakip import catalog
from sakip.catalog.polarity import LOWER_IS_BETTER, infer_polarity, read_polarity

SHIPPED = catalog.load()


@pytest.mark.parametrize(
    ("name", "polarity"),
    [
        ("Angka Kematian Bayi (AKB)", "lower"),
        ("Angka Kematian Ibu per 100.000 kelahiran hidup", "lower"),
        ("Prevalensi Balita Stunting", "lower"),
        ("Tingkat Pengangguran Terbuka", "lower"),
        ("Persentase Penduduk Miskin", "lower"),
        ("Angka Kesakitan DBD", "lower"),
        ("Rasio Gini", "lower"),
        ("Angka Putus Sekolah SD", "lower"),
        ("Jumlah kasus KDRT", "lower"),
        ("Indeks Pembangunan Manusia", "higher"),
        ("Angka Harapan Hidup", "higher"),
        ("Persentase penurunan angka kematian ibu", "higher"),
        ("Cakupan penanganan gizi buruk", "higher"),
        ("Persentase temuan yang ditindaklanjuti", "higher"),
        ("Desa bebas kawasan kumuh", "higher"),
        ("Penduduk usia 15 tahun ke atas melek huruf (tidak buta aksara)", "higher"),
        ("Persentase rumah tidak layak huni", "lower"),  # 'tidak' inside the phrase itself
        # whole words only: 'kematian' is not inside 'pemakaman'
        ("Persentase pemakaman yang tertata", "higher"),
    ],
)
def test_inferred_from_the_name(name: str, polarity: str) -> None:
    found, why = infer_polarity(name)
    assert found == polarity
    assert why.startswith("inferred from the name")


@pytest.mark.parametrize(
    ("cell", "polarity"),
    [("Positif", "higher"), ("NEGATIF", "lower"), ("Maksimal", "higher"), ("minimal", "lower"),
     ("semakin  rendah semakin baik", "lower"), ("↑", "higher"), ("-", None), ("stabil", None)],
)  # fmt: skip
def test_read_from_a_cell(cell: str, polarity: str | None) -> None:
    assert read_polarity(cell) == polarity


def test_inference_agrees_with_the_curated_catalog_where_a_word_decides() -> None:
    """Every shipped indicator whose name holds a lower-is-better word without a turning
    word was curated lower, by hand, from its formula: the word table agrees with them."""
    decided = [i for i in SHIPPED if infer_polarity(i.name)[0] == "lower"]
    assert len(decided) >= 10
    disagree = [i.id for i in decided if i.polarity != "lower"]
    assert disagree == []
    # the Regency's own lower-is-better IKU are all found from their names
    for key in ("AKB", "AKI", "TPT", "iku.03a", "iku.10"):
        assert infer_polarity(SHIPPED.get(key).name)[0] == "lower", key


def test_the_word_table_is_data() -> None:
    assert all(p == p.casefold() and why for p, why in LOWER_IS_BETTER.items())
