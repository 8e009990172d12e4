"""The shapes measure() passes between its modules (cells, evaluation, table)."""

from __future__ import annotations

from typing import Any

__all__ = ["Cells", "Group", "Groups", "Notes", "Place", "When"]

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
