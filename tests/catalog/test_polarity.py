"""Polarity read from a Polaritas / Sifat cell, or inferred from an indicator's name."""

from __future__ import annotations

import pandas as pd
import pytest

from sakip import catalog, parse
from sakip.catalog.polarity import (
    LOWER_IS_BETTER,
    formula_polarity,
    infer_polarity,
    read_polarity,
)

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
        # a name that opens with a goal states its sasaran: the value is the thing itself
        ("Menurunnya angka kemiskinan", "lower"),
        ("Berkurangnya desa rawan banjir", "lower"),
        ("Jumlah sampel makanan yang positif formalin", "lower"),
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


@pytest.mark.parametrize(
    ("rumus", "polarity"),
    [
        # the numerator counts a bad thing: its share is lower-is-better
        ("Jumlah rumah tangga miskin / Jumlah rumah tangga x 100%", "lower"),
        ("Jumlah desa rawan banjir / Jumlah desa x 100%", "lower"),
        # ... unless the numerator counts its remedy
        ("Jumlah balita gizi buruk yang ditangani / Jumlah balita gizi buruk x 100%", "higher"),
        ("Jumlah balita gizi buruk yang dirawat / Jumlah balita gizi buruk x 100%", "higher"),
        # a clause after the bad thing says what became of it: the name decides instead
        ("Jumlah balita gizi buruk yang dirujuk / Jumlah balita x 100%", None),
        # a rise of a bad thing (later minus earlier) is lower-is-better, a fall higher
        ("(Kasus kekerasan tahun n - Kasus kekerasan tahun n-1) / Kasus kekerasan tahun n-1",
         "lower"),
        ("(Kasus kekerasan tahun n-1 - Kasus kekerasan tahun n) / Kasus kekerasan tahun n-1",
         "higher"),
        # nothing bad counted, several things counted, or a cell of signs in one name
        ("Jumlah guru bersertifikat / Jumlah guru x 100%", None),
        ("(Jumlah kecelakaan + Jumlah korban jiwa) / Jumlah penduduk", None),
        ("{Angka kriminalitas = AK; x} / {Jumlah penduduk}", None),
    ],
)  # fmt: skip
def test_inferred_from_what_the_formula_counts(rumus: str, polarity: str | None) -> None:
    found = formula_polarity(parse(rumus))
    assert (found and found[0]) == polarity
    if found is not None:
        assert found[1].startswith("inferred from the formula: its numerator counts")


def test_the_formula_outranks_the_name_in_a_table() -> None:
    """'Penurunan ...' over a RUMUS that counts the bad thing itself measures its share:
    the value computed is what polarity is about."""
    table = {
        "Indikator": ["Penurunan keluarga rawan pangan", "Penurunan keluarga rawan pangan"],
        "Rumus": [
            "Jumlah keluarga rawan pangan / Jumlah keluarga x 100%",
            "(Keluarga rawan pangan tahun n-1 - Keluarga rawan pangan tahun n)"
            " / Keluarga rawan pangan tahun n-1 x 100%",
        ],
    }
    rows = list(catalog.from_table(pd.DataFrame(table)))
    assert [r.polarity for r in rows] == ["lower", "higher"]
    assert rows[0].polarity_reason is not None
    assert "'rawan pangan'" in rows[0].polarity_reason
