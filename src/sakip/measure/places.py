"""Where each cell stands: (indicator, variable, entity, year, sub-period) -> its row.

The first row of every place is found with one sort of the table and a binary search
per (indicator, variable spelling, period offset), for all the indicator's output rows
at once. A place given twice is noted on its rows by measure(); its first row is used.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .cells import BadCell, as_text_cell, not_a
from .columns import Columns

__all__ = ["Found", "Places", "Problems", "Source"]

#: Problems of the output rows of one indicator: row k -> [(input label, why)], why ""
#: for a plain missing value. Sparse: most rows have none.
Problems = dict[int, list[tuple[str, str]]]


@attrs.frozen
class Found:
    """The cell of one variable for each output row of an indicator: a table row (-1:
    none), or a BadCell where two spellings of the variable were both given."""

    rows: Any
    bad: dict[int, BadCell]

    def cells(self, columns: Columns) -> list[Any]:
        out = [columns.cell(int(r)) for r in self.rows]
        for k, cell in self.bad.items():
            out[k] = cell
        return out

    def number_values(self, columns: Columns) -> Any:
        """The number in each row's cell; NaN where there is none (a blank, text, a
        BadCell, two spellings)."""
        present = self.rows >= 0
        values = np.where(present, columns.number[np.where(present, self.rows, 0)], np.nan)
        if self.bad:
            values[list(self.bad)] = np.nan
        return values

    def numbers(self, columns: Columns, problems: Problems, name: str) -> Any:
        """The finite numbers of the rows (NaN elsewhere); every other row gets a problem."""
        rows = self.rows
        values = self.number_values(columns)
        for k in np.flatnonzero(np.isnan(values)).tolist():
            cell = self.bad.get(k) or columns.cell(int(rows[k]))
            problems.setdefault(k, []).append((name, not_a(cell, "number")))
        return values

    def texts(self, columns: Columns, problems: Problems, name: str, kind: str) -> Any:
        """Categories or dates (``kind``), one at a time: the rare formulas that take them."""
        out: list[Any] = []
        for k, cell in enumerate(self.cells(columns)):
            value, why = as_text_cell(cell, kind)
            if why is not None:
                problems.setdefault(k, []).append((name, why))
            out.append(value)
        return np.array(out, dtype=object)


class Places:
    """The index of first rows by place, and the spellings each indicator uses."""

    def __init__(self, columns: Columns, first: Any, pair: Any) -> None:
        """``first``: the rows that are the first of their place; ``pair``: a code of
        (indicator, entity) for each row."""
        self.columns = columns
        whens = columns.whens
        years = np.array([w[0] if w[0] is not None else 0 for w in whens], dtype=np.int64)
        has_year = np.array([w[0] is not None for w in whens], dtype=bool)
        subs: dict[str, int] = {}
        sub_code = np.array(
            [subs.setdefault(w[1], len(subs)) if w[0] is not None else 0 for w in whens],
            dtype=np.int64,
        )
        self._year_of_when, self._sub_of_when = years, sub_code
        dated = years[has_year]
        self._low = int(dated.min()) if dated.size else 0
        self._span = int(dated.max()) - self._low + 1 if dated.size else 1
        self._subs = max(len(subs), 1)
        self._variables = max(len(columns.variable_names), 1)
        self.pair = pair
        rows = np.flatnonzero(first)
        when = columns.when[rows]
        key = self._key(pair[rows], years[when], sub_code[when])
        key[~has_year[when]] = -1  # a period without a year is never looked up
        slot = columns.indicator[rows] * self._variables + columns.variable[rows]
        order = np.lexsort((key, slot))
        self._slot, self._key_sorted, self._row = slot[order], key[order], rows[order]
        self._by_name = {name: k for k, name in enumerate(columns.variable_names)}
        used, starts, counts = np.unique(self._slot, return_index=True, return_counts=True)
        self._segments = {
            slot: (start, start + count)
            for slot, start, count in zip(
                used.tolist(), starts.tolist(), counts.tolist(), strict=True
            )
        }
        self._spellings: dict[int, list[str]] = {}
        for value in used.tolist():
            indicator, variable = divmod(value, self._variables)
            self._spellings.setdefault(indicator, []).append(columns.variable_names[variable])

    def _key(self, pair: Any, year: Any, sub: Any) -> Any:
        return (pair * self._span + (year - self._low)) * self._subs + sub

    def spellings(self, indicator: int) -> set[str]:
        """The variable texts the table gives for one indicator."""
        return set(self._spellings.get(indicator, ()))

    def queries(self, pair: Any, when: Any) -> tuple[Any, Any, Any]:
        """What :meth:`find` needs of output rows: their pair, year and sub-period."""
        return pair, self._year_of_when[when], self._sub_of_when[when]

    def find(
        self,
        indicator: int,
        spellings: list[str],
        query: tuple[Any, Any, Any],
        offset: int = 0,
        same: Any = None,
    ) -> Found:
        """The cell of a variable (its spellings) for each output row, ``offset`` years
        away (``same``: the keys at offset 0, if known). Two spellings given for one row
        are a BadCell naming both."""
        keys = same if offset == 0 and same is not None else self.keys(query, offset)
        if len(spellings) == 1:  # the usual case
            return Found(self._one(indicator, self._by_name[spellings[0]], keys), {})
        found = np.full(len(keys), -1, dtype=np.int64)
        seen = np.zeros(len(keys), dtype=np.int64)
        for spelling in spellings:
            rows = self._one(indicator, self._by_name[spelling], keys)
            hit = rows >= 0
            found = np.where(hit & (seen == 0), rows, found)
            seen += hit
        bad: dict[int, BadCell] = {}
        if len(spellings) > 1 and (seen > 1).any():
            for k in np.flatnonzero(seen > 1).tolist():
                one = keys[k : k + 1]
                given = [
                    s for s in spellings if self._one(indicator, self._by_name[s], one)[0] >= 0
                ]
                names = " and ".join(repr(s) for s in given)
                bad[k] = BadCell(f"given as {names}, two spellings of one variable; give one")
        return Found(found, bad)

    def keys(self, query: tuple[Any, Any, Any], offset: int) -> Any:
        """The place keys of output rows, ``offset`` years away (-2: outside the table)."""
        pair, year, sub = query
        shifted = year + offset - self._low
        inside = (shifted >= 0) & (shifted < self._span)
        return np.where(inside, (pair * self._span + shifted) * self._subs + sub, -2)

    def _one(self, indicator: int, variable: int, keys: Any) -> Any:
        low, high = self._segments.get(indicator * self._variables + variable, (0, 0))
        segment = self._key_sorted[low:high]
        if not len(segment):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(segment, keys), len(segment) - 1)
        return np.where(segment[at] == keys, self._row[low:high][at], -1)


@attrs.frozen
class Source:
    """The cells of one indicator's output rows (those inside the plan)."""

    places: Places
    indicator: int
    #: (pair, year, sub-period) of each output row, as Places.queries gives them.
    query: tuple[Any, Any, Any]
    variables: set[str]
    #: the place keys of the rows at offset 0, computed once for every variable
    keys: Any = attrs.field(init=False)

    @keys.default
    def _keys(self) -> Any:
        return self.places.keys(self.query, 0)

    @property
    def columns(self) -> Columns:
        return self.places.columns

    @property
    def size(self) -> int:
        return len(self.query[0])

    @property
    def years(self) -> Any:
        return self.query[1]

    def find(self, spellings: list[str], offset: int = 0) -> Found:
        return self.places.find(self.indicator, spellings, self.query, offset, self.keys)

    def cell(self, found: Found, k: int) -> Any:
        """The parsed cell of output row k (None where there is none)."""
        return self.columns.cell(int(found.rows[k]))
