"""A page flattened onto one line whose RUMUS cells carry a label ('Rumus :'): each row
reads its number, the first printed line of the sasaran and indicator cells, the label,
the next lines of those cells, then the RUMUS, a stacked fraction flattened as numerator,
factor, denominator (the shape of the held-out Renstra text,
tests/data/regulations/renstra_pu_kabupaten_undated.txt).

The page below is made up (a Dinas Kesehatan of no real region, not the seed); the
expected lines and values are worked out by hand.
"""

from __future__ import annotations

import sakip
from sakip.catalog import draft
from sakip.catalog.draft_flat import flat_rows, is_label
from sakip.catalog.draft_pages import unflatten

FLAT_PAGE = (
    "NO SASARAN INDIKATOR SASARAN SATUAN CARA PERHITUNGAN 1 2 3 4 5 "
    "1 Meningkatnya mutu Cakupan desa siaga Rumus : layanan kesehatan aktif "
    "Jumlah desa siaga aktif X 100 Jumlah desa "
    "2 Terkendalinya penyakit Angka kesembuhan Rumus : menular TB paru "
    "Jumlah pasien TB sembuh X 100 Jumlah pasien TB diobati "
    "41 1 2 3 4 5 "
    "3 Sanitasi lingkungan Cakupan rumah sehat Rumus : yang layak "
    "Cakupan Rumah = Jumlah rumah memenuhi syarat x 100 sehat Jumlah rumah diperiksa "
    "Cakupan jamban keluarga Rumus : Cakupan Jamban = Jumlah keluarga dengan jamban "
    "x 100 Jumlah keluarga\n"
)


def test_what_is_a_rumus_label() -> None:
    assert is_label(["Rumus", ":", "Jumlah"], 0)
    assert is_label(["Formula:", "Jumlah"], 0)
    assert not is_label(["Rumus", "Jumlah"], 0)  # no colon: a word of a cell
    assert not is_label(["rumus", ":"], 0)  # lower case: inside a sentence


def test_a_flattened_page_with_labels_is_laid_out_row_by_row() -> None:
    assert len(FLAT_PAGE) > 300  # a flattened page, not a long line of a row
    # by hand: the header; the column numbers; each row: its number and left cells, the
    # label as a column rule '|', the numerator with its factor; the denominator; the page
    # number '41' and the repeated column numbers at the page break each on a line; row 3
    # has no sasaran word ('Sanitasi'), its number is a row's by the label a few words on;
    # 'sehat', printed after 'x 100', is the wrapped end of the result's name 'Cakupan
    # Rumah sehat ='; the second label of row 3 opens a second indicator at 'Cakupan'
    assert unflatten(FLAT_PAGE).splitlines() == [
        "NO SASARAN INDIKATOR SASARAN SATUAN CARA PERHITUNGAN",
        "1 2 3 4 5",
        "1 Meningkatnya mutu Cakupan desa siaga layanan kesehatan aktif | Jumlah desa siaga aktif X 100",
        "Jumlah desa",
        "2 Terkendalinya penyakit Angka kesembuhan menular TB paru | Jumlah pasien TB sembuh X 100",
        "Jumlah pasien TB diobati",
        "41",
        "1 2 3 4 5",
        "3 Sanitasi lingkungan Cakupan rumah sehat yang layak Cakupan Rumah sehat"
        " | Jumlah rumah memenuhi syarat x 100",
        "Jumlah rumah diperiksa",
        "Cakupan jamban keluarga Cakupan Jamban | Jumlah keluarga dengan jamban x 100",
        "Jumlah keluarga",
    ]


def test_a_row_without_label_stays_one_line() -> None:
    line = "4 Meningkatnya gizi Prevalensi stunting Jumlah balita pendek"
    assert flat_rows(line.split(" ")) == [line]


def test_words_after_the_factor_of_an_unnamed_fraction_stay() -> None:
    # no result named before '=': 'per' after the factor opens no denominator, so the
    # RUMUS is no flattened fraction and stays whole after the left cells and the rule
    line = "5 Angka kematian bayi Rumus : Jumlah kematian bayi x 1000 per kelahiran"
    assert flat_rows(line.split(" ")) == [
        "5 Angka kematian bayi | Jumlah kematian bayi x 1000 per kelahiran"
    ]


def test_the_draft_reads_the_rows_of_a_flattened_page() -> None:
    rows = {i.number: i for i in draft(FLAT_PAGE).catalog}
    # rows 1, 2, 3 and the second indicator of row 3, numbered by its place (4)
    assert sorted(rows) == [1, 2, 3, 4]
    village = rows[1]
    assert village.formula is not None
    assert village.formula.variables == ("Jumlah desa siaga aktif", "Jumlah desa")
    # 18 active villages of 24: 18 / 24 x 100% = 75%
    value = sakip.evaluate(village.formula, {"Jumlah desa siaga aktif": 18, "Jumlah desa": 24})
    assert (value.magnitude, str(value.units)) == (75, "percent")
    cure = rows[2]
    assert cure.formula is not None
    assert cure.formula.variables == ("Jumlah pasien TB sembuh", "Jumlah pasien TB diobati")
    # 45 cured of 50 treated: 45 / 50 x 100% = 90%
    values = {"Jumlah pasien TB sembuh": 45, "Jumlah pasien TB diobati": 50}
    value = sakip.evaluate(cure.formula, values)
    assert (value.magnitude, str(value.units)) == (90, "percent")
    # the name 'Angka kesembuhan ...' opens like a RUMUS ('Angka'): the rule closes it
    assert cure.name.endswith("Angka kesembuhan menular TB paru")
    toilets = rows[4]
    assert toilets.name == "Cakupan jamban keluarga Cakupan Jamban"
    assert toilets.formula is not None
    assert toilets.formula.variables == ("Jumlah keluarga dengan jamban", "Jumlah keluarga")
    # 120 families with a toilet of 150: 120 / 150 x 100% = 80%
    values = {"Jumlah keluarga dengan jamban": 120, "Jumlah keluarga": 150}
    value = sakip.evaluate(toilets.formula, values)
    assert (value.magnitude, str(value.units)) == (80, "percent")
