"""Table rows of two less common shapes: cells printed one under another, and a row in
parts.

Some pages of a lampiran come out of OCR or PDF extraction cell by cell instead of line
by line: the sasaran, then the indicator's name, the RUMUS, the satuan alone on its
line, the penanggung jawab and the sumber data, with a blank line between cells. The
layout reader (draft_layout) finds such rows by their lone satuan; this module reads
their cells by position around it.

A numbered row may also hold parts: under the indicator's name, each later line opens
with a label ('SD / MI', 'SMP / MTs') and carries its own RUMUS and satuan. Each part
becomes a row of its own (ids with a letter: .03a, .03b) under the row's name.
"""

from __future__ import annotations

import attrs

from .draft_cell import rumus_fragments
from .draft_layout import Block
from .draft_rows import Columns, RowText, period_of, read_row
from .draft_words import RUMUS_OPENERS, satuan_at

__all__ = ["read_cells_apart", "read_parts"]


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


def read_parts(block: Block, lampiran: int, columns: Columns) -> list[RowText] | None:
    """The parts of a numbered row, one RowText each under the row's name; None when
    the row has fewer than two part lines."""
    starts = [i for i, (_, line) in enumerate(block.lines) if i and _part_satuan(line.split())]
    if block.number is None or len(starts) < 2:
        return None
    head = read_row(attrs.evolve(block, lines=block.lines[: starts[0]]), lampiran, columns)
    parts = []
    for a, b in zip(starts, [*starts[1:], len(block.lines)], strict=True):
        (number, line), *rest = block.lines[a:b]
        words = line.split()
        satuan = _part_satuan(words)
        lines = ((number, " ".join(words[:-1])), *rest)
        part = read_row(Block(lines, None, "", block.misi, block.tujuan), lampiran, columns)
        notes = [n for n in part.notes if n not in ("row number not printed", _NO_SATUAN)]
        notes.append(f"part {part.name!r} of row {block.number}, with its own RUMUS and satuan")
        parts.append(
            attrs.evolve(
                part,
                number=block.number,
                sasaran=head.sasaran,
                name=head.name,
                satuan=satuan or head.satuan,
                penanggung_jawab=head.penanggung_jawab,
                sumber_data=head.sumber_data,
                period=head.period,
                notes=(*head.notes, *notes),
                label=part.name,
            )
        )
    return parts


_NO_SATUAN = "no SATUAN found on the row's lines"


def _part_satuan(words: list[str]) -> str:
    """The satuan that ends a part line ('%', '%,'), when the line also opens a RUMUS
    after its label (a capitalised Jumlah, Total ...); else ''."""
    if len(words) < 3:
        return ""
    last = words[-1].rstrip(",")
    found = satuan_at([last], 1)
    if found is None or not (last == "%" or last[:1].isupper()):
        return ""
    opens = any(w.casefold() in RUMUS_OPENERS and w[:1].isupper() for w in words[1:-1])
    return last if opens else ""
