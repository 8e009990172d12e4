"""The long table as arrays: keys as integer codes, numbers apart from other cells.

Cleaning works on the distinct texts of a column, never cell by cell: a national table
repeats a few hundred indicator, variable and period texts over millions of rows, so
the work is one hash pass (pandas.factorize) per column plus the distinct texts. Only
the value column is read cell by cell, and only where it is not already numbers.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .cells import MAX_CELL_CHARS, label, period, periods, read_values, shorten, too_long

__all__ = ["Columns", "read_columns"]

# type() of every item of an object array, in one C loop
_TYPE_OF = np.frompyfunc(type, 1, 1)


@attrs.frozen
class Columns:
    """One table, column by column; row r of the table is item r of each array."""

    #: indicator, entity and variable: codes into their cleaned texts (``*_names``);
    #: indicator codes follow first appearance, entity codes the sorted texts.
    indicator: Any
    indicator_names: list[str]
    entity: Any
    entity_names: list[str]
    variable: Any
    variable_names: list[str]
    #: the period: a code into ``whens`` ((year or None, sub-period or text)).
    when: Any
    whens: list[tuple[int | None, str]]
    #: the value: ``number`` holds finite numbers (NaN elsewhere); ``other`` every
    #: other cell (None for a blank, text, a date, a range, a BadCell, ...).
    number: Any
    other: Any
    #: notes of rows whose key cells were cut, by row.
    notes: dict[int, str]

    def cell(self, row: int) -> Any:
        """The parsed cell of one row (None for a blank or a row that is not there)."""
        if row < 0:
            return None
        number = self.number[row]
        return float(number) if number == number else self.other[row]

    def period_label(self, code: int) -> Any:
        return label(self.whens[code])


def read_columns(frame: Any, decimal_point: bool) -> Columns:
    """The arrays of a frame with the columns of the long format (names already folded)."""
    notes: dict[int, str] = {}
    indicator, indicator_names = _keys(frame["indicator"], notes, sort=False)
    entity, entity_names = _keys(frame["entity"], notes, sort=True)
    variable, variable_names = _keys(frame["variable"], notes, sort=False)
    when, whens = _periods(frame["period"])
    number, other = _values(frame["value"], decimal_point)
    return Columns(
        indicator, indicator_names, entity, entity_names, variable, variable_names,
        when, whens, number, other, notes,
    )  # fmt: skip


def _texts(column: Any) -> Any:
    """A key column as text: strings as they are, other cells as str() of them."""
    import pandas as pd

    if pd.api.types.infer_dtype(column, skipna=False) == "string":
        return column.to_numpy(dtype=object)
    try:
        return column.fillna("").astype(str).to_numpy(dtype=object)
    except ValueError:  # an int beyond Python's 4,300-digit conversion limit
        return column.map(_key_str).to_numpy(dtype=object)


def _key_str(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        return str(value)
    except ValueError:
        return "(a number too large to print)"


def _keys(column: Any, notes: dict[int, str], sort: bool) -> tuple[Any, list[str]]:
    """Codes and cleaned texts of a key column: stripped, a cell over the limit cut (and
    its row noted). Two raw texts that clean to one ("A", " A") share a code."""
    import pandas as pd

    if isinstance(column.dtype, pd.StringDtype):  # pandas' own strings: factorized as they are
        codes, found = pd.factorize(column, use_na_sentinel=False)
        raw = [text if isinstance(text, str) else "" for text in found]  # a missing cell: ""
    else:
        codes, raw = pd.factorize(_texts(column))
    cleaned: list[str] = []
    for k, text in enumerate(raw):
        if len(text) > MAX_CELL_CHARS:
            note = too_long(len(text)).reason
            for row in np.flatnonzero(codes == k):
                notes.setdefault(int(row), note)
            text = shorten(text)
        cleaned.append(text.strip())
    final, names = pd.factorize(np.array(cleaned, dtype=object), sort=sort)
    remap = np.asarray(final, dtype=np.int64)
    return (remap[codes] if len(codes) else codes.astype(np.int64)), [str(n) for n in names]


def _periods(column: Any) -> tuple[Any, list[tuple[int | None, str]]]:
    import pandas as pd

    kind = pd.api.types.infer_dtype(column, skipna=False)
    if kind in ("string", "integer", "floating"):
        # one type per column: equal values are the same period (True == 1 cannot meet)
        codes, uniques = pd.factorize(column.to_numpy(), use_na_sentinel=False)
        found = [period(u) for u in uniques]
        by_row = None
    else:
        by_row = periods(column.tolist())
        codes, found = np.arange(len(by_row)), by_row
    whens: dict[tuple[int | None, str], int] = {}
    remap = np.array([whens.setdefault(w, len(whens)) for w in found], dtype=np.int64)
    return (remap[codes] if len(codes) else np.zeros(0, np.int64)), list(whens)


def _values(column: Any, decimal_point: bool) -> tuple[Any, Any]:
    """(finite numbers with NaN elsewhere, every other cell) of the value column."""
    n = len(column)
    other = np.full(n, None, dtype=object)
    if column.dtype.kind in "iuf":  # numbers already: no cell to read
        number = column.to_numpy(dtype=float, copy=True)
        bad = np.isinf(number)
        for at in np.flatnonzero(bad).tolist():
            other[at] = read_values([float(number[at])], decimal_point)[0]
        number[bad] = np.nan
        return number, other
    values = column.to_numpy(dtype=object)
    # floats need no reading: find them in one pass, read only the other cells
    kinds = _TYPE_OF(values) if n else np.zeros(0, dtype=object)
    plain = np.asarray(kinds == float, dtype=bool)  # noqa: E721 (elementwise, not a type test)
    number = np.full(n, np.nan)
    number[plain] = values[plain].astype(float)
    plain &= np.isfinite(number)  # NaN is a blank, infinity a bad cell: read below
    number[~plain] = np.nan
    rest = np.flatnonzero(~plain)
    for row, cell in zip(
        rest.tolist(), read_values(values[rest].tolist(), decimal_point), strict=True
    ):
        if type(cell) is float:
            number[row] = cell
        elif cell is not None:
            other[row] = cell
    return number, other
