"""The drafter's limits, in one block: a regulation's text is read whole, each row's
RUMUS is parsed, and the layout reader looks back over the current row's lines and
the section's rows for each new line, so the text, its lines, a row's lines and the
rows are bounded. The Banyuasin regulation (the largest known, ~200 KB) has 5.415
lines, none over 140 characters, 486 rows, and no row over 26 lines; it drafts in
about 3 s, and 2.000 rows of formulas in about 4 s."""

from __future__ import annotations

__all__ = ["MAX_LINES", "MAX_LINE_CHARS", "MAX_ROWS", "MAX_ROW_LINES", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 2_000_000
MAX_LINES = 50_000
MAX_LINE_CHARS = 20_000  # a PDF page flattened onto one line is split up (draft_pages)
MAX_ROWS = 2_000  # in the whole text, and so in any one table
MAX_ROW_LINES = 150
