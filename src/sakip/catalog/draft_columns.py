"""A table that PDF text extraction read column after column.

Some PDF text gives a table's columns one after another: the row numbers, then every
SASARAN cell, then every INDIKATOR cell, then every RUMUS (FORMULA) cell, each cell on
lines of its own. The indicators of a sasaran are then a numbered list ('1. Persentase
...', '2. ...'), each item on a line that opens with its number and goes on over the
next lines until a blank line; the RUMUS cells follow, each opening with its label
('Formula :', 'Rumus :'). Nothing on the page says which RUMUS cell stands beside which
indicator except their order, so :func:`read_columns_apart` pairs the k-th indicator
with the k-th RUMUS cell only when there are as many of each; otherwise every indicator
is a direct measure, flagged, its RUMUS left for a person to pair.

Only that shape and the words of IKU tables are used, never the rows of one regulation.
"""

from __future__ import annotations

import re

from .draft_flat import is_label
from .draft_rows import RowText
from .draft_words import NAME_STARTS

__all__ = ["read_columns_apart"]

_ITEM = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<rest>\S.*)$")
_NAME_GLUED = 4  # a name word printed glued to the next ('Persentasekesesuaian...')
_Line = tuple[int, str]


def _opens_name(word: str) -> bool:
    """A word that opens an indicator's name, or such a word glued to the next words
    (PDF text drops the spaces of some lines: 'Persentasejumlahdesa...')."""
    if not word[:1].isupper():
        return False
    folded = word.casefold()
    return folded in NAME_STARTS or any(
        folded.startswith(start) and len(folded) > len(start) + _NAME_GLUED for start in NAME_STARTS
    )


def _unglued(name: str) -> str:
    """The name with its opening word split off the words glued to it ('Persentase
    kesesuaian...'), so the word reads as the name's (a Persentase is in percent)."""
    first, _, rest = name.partition(" ")
    folded = first.casefold()
    if folded in NAME_STARTS:
        return name
    start = max((s for s in NAME_STARTS if folded.startswith(s)), key=len, default="")
    if not start:
        return name
    return " ".join(w for w in (first[: len(start)], first[len(start) :], rest) if w)


def _item(text: str) -> re.Match[str] | None:
    found = _ITEM.match(text.strip())
    return found if found and _opens_name(found["rest"].split()[0]) else None


def _labelled(text: str) -> bool:
    words = text.split()
    return bool(words) and is_label(words, 0)


def _cells(lines: list[_Line], opens: int) -> tuple[int, str]:
    """The last line index and the text of a cell opening at lines[opens]: it goes on
    over the lines that follow without a gap (no blank line, no line left out), up to
    an item, a labelled cell or a lone number."""
    words = [lines[opens][1].strip()]
    k = opens
    while k + 1 < len(lines) and lines[k + 1][0] == lines[k][0] + 1:
        text = lines[k + 1][1].strip()
        if _item(text) or _labelled(text) or text.isdigit():
            break
        words.append(text)
        k += 1
    return k, " ".join(words)


def read_columns_apart(lines: list[_Line]) -> list[RowText] | None:
    """The rows of a table printed column after column (see the module's note): its
    numbered indicators, each with the RUMUS cell of its rank when the counts agree.
    None when the lines are not so printed: fewer than two numbered indicators on lines
    of their own before the first labelled RUMUS cell (a row printed with its RUMUS
    under its name puts a label after each item)."""
    items = [k for k, (_, text) in enumerate(lines) if _item(text)]
    cells = [k for k, (_, text) in enumerate(lines) if _labelled(text)]
    if not cells or sum(k < cells[0] for k in items) < 2:
        return None  # the RUMUS column comes after the indicators', not row by row
    paired = len(items) == len(cells)
    rows = []
    for rank, k in enumerate(items):
        last, text = _cells(lines, k)
        found = _item(text)
        if found is None:  # never: the line opened an item
            continue
        rumus: tuple[_Line, ...] = ()
        notes = ["table printed column after column: each indicator read as a list item"]
        if paired:
            _, cell = _cells(lines, cells[rank])
            label = 1 if cell.split()[0].endswith(":") else 2
            rumus = ((lines[cells[rank]][0], " ".join(cell.split()[label:])),)
            notes.append(f"RUMUS paired by rank: cell {rank + 1} of {len(cells)}")
        else:
            notes.append(
                f"{len(items)} indicators and {len(cells)} RUMUS cells: not paired;"
                " a direct measure until a person pairs them"
            )
        rows.append(
            RowText(
                first_line=lines[k][0],
                last_line=lines[last][0],
                number=int(found["number"]),
                sasaran="",
                name=_unglued(found["rest"]),
                rumus=rumus,
                satuan="",
                penanggung_jawab="",
                sumber_data="",
                period="tahunan",  # IKU are measured yearly unless a cell says otherwise
                factor=None,
                notes=tuple(notes),
            )
        )
    return rows
