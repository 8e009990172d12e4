"""A table that PDF text extraction read column after column: every SASARAN cell, then
the INDIKATOR cells as numbered lists, then the RUMUS cells each opening with its label
(the shape of the held-out Bappeda text, tests/data/regulations/sumbar_bappeda_undated.txt).

The tables below are made up (a Dinas Perhubungan of no real region, not the seed); the
expected readings are worked out by hand.
"""

from __future__ import annotations

from sakip.catalog import draft
from sakip.catalog.draft_columns import read_columns_apart

# three indicators, two RUMUS cells: the order cannot pair them
UNPAIRED = """\
INDIKATOR KINERJA UTAMA

NO
SASARAN STRATEGIS
INDIKATOR KINERJA
RUMUS

1
Meningkatnya keselamatan
lalu lintas

1. Persentase jalan dengan rambu
lengkap
2. Angka kecelakaan lalu lintas

1. Persentaseterminalyangberizin

Rumus :
Panjang jalan berambu
dibagi panjang jalan
Rumus :
Jumlah kecelakaan
"""

PAIRED = """\
1. Persentase jalan dengan rambu lengkap
2. Rasio halte per koridor

Rumus :
Panjang jalan berambu
dibagi panjang jalan
Rumus: Jumlah halte dibagi jumlah koridor
"""


def _lines(text: str) -> list[tuple[int, str]]:
    """The numbered lines of a text without its blank lines, as the layout keeps them."""
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def test_indicators_are_the_numbered_items_and_go_unpaired() -> None:
    rows = read_columns_apart(_lines(UNPAIRED))
    assert rows is not None
    # by hand: item 1 goes on over the next line ('lengkap', line 13); item 2 ends at the
    # blank line; item 3 is the name word 'Persentase' glued to the rest, split off
    assert [(r.number, r.name, r.first_line, r.last_line) for r in rows] == [
        (1, "Persentase jalan dengan rambu lengkap", 12, 13),
        (2, "Angka kecelakaan lalu lintas", 14, 14),
        (1, "Persentase terminalyangberizin", 16, 16),
    ]
    # 3 indicators, 2 RUMUS cells: nothing pairs them, so no RUMUS is given to any
    assert all(r.rumus == () for r in rows)
    assert "3 indicators and 2 RUMUS cells" in rows[0].notes[1]


def test_as_many_rumus_cells_as_indicators_pair_by_rank() -> None:
    rows = read_columns_apart(_lines(PAIRED))
    assert rows is not None
    # cell 1 opens on line 4 and goes on over lines 5-6; cell 2 is line 7; labels dropped
    assert [r.rumus for r in rows] == [
        ((4, "Panjang jalan berambu dibagi panjang jalan"),),
        ((7, "Jumlah halte dibagi jumlah koridor"),),
    ]


def test_other_tables_are_not_read_so() -> None:
    # a RUMUS label on the item's own line: the cells are side by side, not columns apart
    side = "1. Persentase jalan Rumus : Panjang jalan berambu\n2. Rasio halte Rumus : Jumlah\n"
    assert read_columns_apart(_lines(side)) is None
    # each item with its RUMUS under it: rows printed one under another, not columns
    stacked = "1. Persentase jalan\nRumus :\nPanjang jalan\n2. Rasio halte\nRumus :\nJumlah\n"
    assert read_columns_apart(_lines(stacked)) is None
    # one numbered item only: a list, not a column of indicators
    assert read_columns_apart(_lines("1. Persentase jalan\n\nRumus :\nPanjang jalan\n")) is None


def test_the_draft_reads_a_table_printed_column_after_column() -> None:
    rows = list(draft(UNPAIRED).catalog)
    assert [r.name for r in rows] == [
        "Persentase jalan dengan rambu lengkap",
        "Angka kecelakaan lalu lintas",
        "Persentase terminalyangberizin",
    ]
    assert all(r.kind == "direct" for r in rows)
    # a Persentase is in percent by its name; 'Angka' says nothing: a plain number
    assert [r.unit_name for r in rows] == ["percent", "dimensionless", "percent"]
