"""A table row whose cells are printed one under another, each its own paragraph.

Some pages of a lampiran come out of OCR or PDF extraction cell by cell instead of line
by line: the sasaran, then the indicator's name, the RUMUS, the satuan alone on its
line, the penanggung jawab and the sumber data, with a blank line between cells. The
layout reader (draft_layout) finds such rows by their lone satuan; this module reads
their cells by position around it.
"""

from __future__ import annotations

from .draft_layout import Block
from .draft_rows import RowText, period_of, rumus_fragments

__all__ = ["read_cells_apart"]


def read_cells_apart(block: Block) -> RowText:
    """The cells of a row printed one cell per paragraph (``block.satuan_line`` set)."""
    assert block.satuan_line is not None
    starts = list(block.paragraphs)
    ends = [*starts[1:], len(block.lines)]
    paragraphs = [list(block.lines[a:b]) for a, b in zip(starts, ends, strict=True)]
    k = starts.index(block.satuan_line)
    before, after = paragraphs[:k], paragraphs[k + 1 :]

    def text(lines: list[list[tuple[int, str]]]) -> str:
        return " ".join(line for paragraph in lines for _, line in paragraph).strip()

    rumus = before[-1] if before else []
    fragments, factor, debris = rumus_fragments(rumus)
    notes = ["cells printed one under another, one paragraph each; read by their order"]
    if debris:
        notes.append(f"OCR debris left out of the RUMUS: {' '.join(debris)!r}")
    sumber = text(after[1:])
    return RowText(
        first_line=block.lines[0][0],
        last_line=block.lines[-1][0],
        number=block.number,
        sasaran=text(before[:-2]).strip(" .|()"),
        name=text(before[-2:-1]).strip(" .|"),
        rumus=fragments,
        satuan=block.lines[block.satuan_line][1].strip(" |"),
        penanggung_jawab=text(after[:1]),
        sumber_data=sumber,
        period=period_of(sumber),
        factor=factor,
        notes=tuple(notes),
        wrapped=True,  # a paragraph of its own: its line breaks are wraps
    )
