"""CSV text checked before pandas reads it: its delimiter and its width, in linear time.

Both readers of CSV text (an IKU table, ``catalog.from_table``; a measure table,
``measure``) go through here, because two costs grow faster than the file:
``csv.Sniffer`` runs regexes that backtrack over a whole line (8 KB of ``,'`` took
13 s), and pandas builds an object per column (a 16 KB header of commas took 16 s,
and a 50 MB one would take hours).
"""

from __future__ import annotations

import csv
from operator import methodcaller

from .errors import TableLimitError

__all__ = ["MAX_COLUMNS", "check_width", "delimiter"]

#: The widest table read: an IKU table has about 15 columns, a measure table a few
#: more than its variables.
MAX_COLUMNS = 1000
#: The sample the delimiter is sniffed from: the start of the first line (a header or a
#: title row is far shorter).
SNIFF_CHARS = 1024
#: The delimiters spreadsheets write (';' where ',' is the decimal mark, as in Indonesia).
DELIMITERS = ",;\t|"


def delimiter(text: str) -> str:
    """The delimiter of CSV text, sniffed from the first SNIFF_CHARS characters of its
    first line (as pandas sniffs the first line); ``','`` when they show none."""
    sample = text[:SNIFF_CHARS].partition("\n")[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def check_width(text: str, sep: str, where: str) -> None:
    """Refuse text with a line of more than MAX_COLUMNS cells (TableLimitError naming
    the line). The delimiters of each line are counted first (in C): only a line with
    enough of them is split, quotes and all, to know its true width."""
    lines = text.splitlines()
    counts = list(map(methodcaller("count", sep), lines))
    if max(counts, default=0) < MAX_COLUMNS:
        return
    for number in (i for i, count in enumerate(counts) if count >= MAX_COLUMNS):
        try:
            width = len(next(csv.reader([lines[number]], delimiter=sep)))
        except csv.Error:  # a cell beyond csv's field size: the count says enough
            width = counts[number] + 1
        if width > MAX_COLUMNS:
            raise TableLimitError(
                "a table line", MAX_COLUMNS, "columns", width, f"{where}: line {number + 1}"
            )
