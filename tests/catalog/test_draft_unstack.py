"""A stacked fraction flattened onto one line: PDF text extraction prints a two-line
RUMUS cell as its numerator, the factor set beside the bar, then its denominator
('Jumlah rumah terlayani x 100% Jumlah seluruh rumah'). The held-out text of a kabupaten
Renstra (tests/data/regulations/renstra_pu_kabupaten_undated.txt) prints every RUMUS so.

The fragments below are made up (a Kota Contoh, not the seed); the expected readings are
worked out by hand.
"""

from __future__ import annotations

import sakip
from sakip.catalog import draft
from sakip.catalog.draft_cell import opens_denominator, rumus_fragments

ONE_LINE_FRACTIONS = """\
LAMPIRAN I
PERATURAN WALIKOTA CONTOH NOMOR 9 TAHUN 2022
INDIKATOR KINERJA UTAMA
NO SASARAN INDIKATOR RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA
1 Meningkatnya akses energi Rasio Desa Berlistrik Jumlah Desa Berlistrik x 100% Jumlah Desa % Dinas ESDM Laporan Tahunan
2 Meningkatnya kualitas drainase Persentase saluran drainase berfungsi Panjang saluran berfungsi baik X 100 Panjang saluran drainase % Dinas PUPR Laporan
"""


def test_the_factor_between_two_counts_splits_the_line() -> None:
    fragments, factor, debris = rumus_fragments(
        [(5, "Jumlah rumah terlayani air minum x 100% Jumlah seluruh rumah")]
    )
    assert fragments == ((5, "Jumlah rumah terlayani air minum"), (5, "Jumlah seluruh rumah"))
    assert (factor, debris) == (100, [])


def test_a_line_stays_whole_when_no_denominator_follows_the_factor() -> None:
    # the factor ends the line: the usual numerator line of a fraction stacked over lines
    assert rumus_fragments([(3, "Jumlah balita gizi buruk x 100%")])[0] == (
        (3, "Jumlah balita gizi buruk"),
    )
    # 'penduduk' in lower case opens no denominator: 'per 1000 penduduk' goes on the cell
    assert rumus_fragments([(4, "Jumlah kasus baru x 1000 penduduk")])[0] == (
        (4, "Jumlah kasus baru penduduk"),
    )
    # the factor opens the line (printed beside the denominator): nothing above it here
    assert rumus_fragments([(6, "x 100% Jumlah seluruh balita")])[0] == (
        (6, "Jumlah seluruh balita"),
    )


def test_what_opens_a_denominator() -> None:
    assert opens_denominator("jumlah")  # a count word in any case
    assert opens_denominator("(Jumlah")
    assert opens_denominator("Panjang")  # another RUMUS word, with a capital
    assert not opens_denominator("panjang")  # in lower case it goes on a sentence
    assert not opens_denominator("Dinas")


def test_the_draft_reads_one_line_fractions() -> None:
    rows = {i.number: i for i in draft(ONE_LINE_FRACTIONS).catalog}
    # row 1: the denominator 'Jumlah Desa' is all capitals, like the agency cells after
    # it, yet a count word after the factor opens the denominator, not the next column
    energy = rows[1]
    assert energy.kind == "formula" and energy.formula is not None
    assert energy.formula.variables == ("Jumlah Desa Berlistrik", "Jumlah Desa")
    # 12 villages with power out of 16: 12 / 16 x 100% = 75%
    value = sakip.evaluate(energy.formula, {"Jumlah Desa Berlistrik": 12, "Jumlah Desa": 16})
    assert (value.magnitude, str(value.units)) == (75, "percent")
    # row 2: 'X 100' in capitals and 'Panjang' (a RUMUS word with a capital) opening the
    # denominator; the satuan % makes the factor x 100%
    drainage = rows[2]
    assert drainage.formula is not None
    assert drainage.formula.variables == (
        "Panjang saluran berfungsi baik",
        "Panjang saluran drainase",
    )
    # 30 km working of 40 km: 30 / 40 x 100% = 75%
    values = {"Panjang saluran berfungsi baik": 30, "Panjang saluran drainase": 40}
    value = sakip.evaluate(drainage.formula, values)
    assert (value.magnitude, str(value.units)) == (75, "percent")
