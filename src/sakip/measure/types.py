"""The shapes measure() passes between its modules (cells, evaluation, table)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from typing import Any, NamedTuple

import attrs

__all__ = ["Cells", "Group", "Groups", "Notes", "Place", "Row", "Rows", "Target", "When"]

#: The period of a row: (year, sub-period), (2020, "") or (2020, "T1"); year None when
#: the cell names no year.
When = tuple[int | None, str]
#: Where a cell stands: (entity, when, variable as written).
Place = tuple[str, When, str]
#: Every cell of one indicator, by place.
Cells = dict[Place, Any]
#: One output row: (entity, when).
Group = tuple[str, When]
#: The output rows of one indicator, in order.
Groups = list[Group]
#: Notes to add to the reason of each output row.
Notes = dict[Group, list[str]]


#: A row's target: a number, a category or a (low, high) range; None where there is none.
Target = float | str | tuple[float, float] | None


@attrs.frozen
class Rows:
    """The report rows of one indicator, column by column: row k is the k-th item of
    each tuple (``indicator`` and ``unit`` are the same in every row).

    Columns rather than one object per row: a report has tens of thousands of rows, and
    an object for each made measure() a fifth slower (benchmarks/bench_measure.py), most
    of it in the garbage collector walking them. ``when`` is the parsed period the input
    rows' notes are filed under; it is not a column of the report. Frozen: notes are
    added by building a new block (``attrs.evolve``)."""

    indicator: str
    entity: tuple[str, ...]
    #: The period as the report shows it: 2020, "2020-T1", or the text that names no year.
    period: tuple[int | str, ...]
    #: A number, a category, or None where the row has no value (see ``reason``).
    value: tuple[float | str | None, ...]
    unit: str
    target: tuple[Target, ...]
    capaian: tuple[float | None, ...]
    reason: tuple[str, ...]
    when: tuple[When, ...]

    def __attrs_post_init__(self) -> None:
        columns = (self.period, self.value, self.target, self.capaian, self.reason, self.when)
        if any(len(column) != len(self.entity) for column in columns):
            raise ValueError("the columns of a Rows block differ in length")

    def __len__(self) -> int:
        return len(self.entity)

    def __iter__(self) -> Iterator[Row]:
        """The rows one by one, as typed tuples."""
        n = len(self)
        indicator, unit = repeat(self.indicator, n), repeat(self.unit, n)
        columns = (self.entity, self.period, self.value, unit, self.target, self.capaian)
        for fields in zip(indicator, *columns, self.reason, self.when, strict=True):
            yield Row(*fields)


class Row(NamedTuple):
    """One row of :class:`Rows`, in the report's column order (and ``when``)."""

    indicator: str
    entity: str
    period: int | str
    value: float | str | None
    unit: str
    target: Target
    capaian: float | None
    reason: str
    when: When
