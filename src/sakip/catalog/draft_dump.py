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

import re
from collections.abc import Callable

import attrs

from .draft_cell import factor_in_percent, rumus_fragments
from .draft_layout import Block
from .draft_rows import Columns, RowText, period_of, read_row
from .draft_words import (
    NAME_STARTS,
    PJ_WORDS,
    RUMUS_OPENERS,
    SUMBER_STARTS,
    is_pj_start,
    satuan_at,
)

__all__ = ["read_cells_apart", "read_parts", "read_stack"]


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
        factor_percent=factor_in_percent(rumus),
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


def read_stack(
    lines: list[tuple[int, str]], opens_rumus: Callable[[str], bool] | None = None
) -> list[RowText] | None:
    """The rows of a table printed one cell a line (a PDF dump): a row's name (and, in a
    table with a RUMUS column, its RUMUS: from the first line ``opens_rumus`` accepts),
    then its satuan, penanggung jawab and sumber data cells one under another. In a
    table without a RUMUS column (``opens_rumus`` None), names run together on one line
    ('Angka A Angka B') are split where a name opens, when that gives as many names as
    the satuan cells below them, the cells of those rows run together the same way
    ('persen persen', then 'Dinas A Dinas B' for their penanggung jawab, then their
    sumber data), and every row is a direct measure. Row numbers printed apart from
    their rows ('2. 3.') are left out. None when the lines are not such a stack."""
    groups: list[_Group] = []
    cells = 0
    sasaran = ""
    for number, line in lines:
        words = line.split()
        if not words or all(_ROW_NUMBER.match(w) for w in words) or words[0] == "INDIKATOR":
            continue  # a row number apart, or a header cell printed on its own line
        if words[0] == "SASARAN":
            sasaran = " ".join(words[1:])  # the header cell with the sasaran beside it
            continue
        units = _satuan_cells(words)
        office = _office_cells(words)
        if units is not None and groups:
            groups[-1][1].append(units)
            cells += 1
        elif office is not None and groups:
            groups[-1][2].append(office)
            cells += 1
        elif groups and not groups[-1][1] and not groups[-1][2]:
            groups[-1][0].append((number, line))  # the name (or RUMUS) goes on
        else:
            groups.append(([(number, line)], [], [], sasaran))
    if not groups or cells < len(lines) // 2:
        return None
    if opens_rumus is not None and any(sum(map(len, g[1])) != 1 for g in groups):
        return None  # with a RUMUS column, one row's cells under each name
    rows = []
    for text, satuan_lines, office_lines, sasaran in groups:
        cells_of = _stacked_cells(satuan_lines, office_lines)
        notes = ["cells printed one a line, read by their order"]
        rumus: list[tuple[int, str]] = []
        if opens_rumus is None:
            notes.append("no RUMUS column: a direct measure")
            names = _split_names(" ".join(t for _, t in text).split(), len(cells_of))
        else:
            at = next((k for k, (_, t) in enumerate(text) if k and opens_rumus(t)), len(text))
            names, rumus = [" ".join(t for _, t in text[:at])], text[at:]
        fragments, factor, _ = rumus_fragments(rumus)
        for k, name in enumerate(names):
            if len(names) > 1:
                notes.append(f"one of {len(names)} names run together on line {text[0][0]}")
            if len(cells_of) != len(names):
                notes.append(f"{len(cells_of)} satuan cells under {len(names)} names")
            satuan, offices = cells_of[k] if len(cells_of) == len(names) else ("", [])
            rows.append(
                RowText(
                    first_line=text[0][0],
                    last_line=text[-1][0],
                    number=None,
                    sasaran=sasaran,
                    name=name,
                    rumus=fragments,
                    satuan=satuan,
                    penanggung_jawab=offices[0] if offices else "",
                    sumber_data=" ".join(offices[1:]),
                    period="tahunan",
                    factor=factor,
                    factor_percent=factor_in_percent(rumus),
                    notes=tuple(notes),
                    wrapped=True,  # a cell of its own: its line breaks are wraps
                )
            )
            notes = notes[:2]
    return rows


# a row printed one cell a line: its name (and RUMUS) lines, satuan lines, office lines,
# and the sasaran in force
_Group = tuple[list[tuple[int, str]], list[list[str]], list[list[str]], str]


def _stacked_cells(
    satuan_lines: list[list[str]], office_lines: list[list[str]]
) -> list[tuple[str, list[str]]]:
    """Each row's satuan and office cells: a satuan line of m cells is followed by its
    office lines of m cells each (penanggung jawab, then sumber data), the j-th cell of
    each line the j-th row's."""
    per = len(office_lines) // len(satuan_lines) if satuan_lines else 0
    out = []
    for i, satuans in enumerate(satuan_lines):
        mine = office_lines[i * per : (i + 1) * per]
        for j, satuan in enumerate(satuans):
            out.append((satuan, [cells[j] for cells in mine if len(cells) == len(satuans)]))
    return out


_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")


def _satuan_cells(words: list[str]) -> list[str] | None:
    """The satuan cells of a line made of satuan cells only ('persen persen'), or None."""
    found: list[str] = []
    end = len(words)
    while end:
        cell = satuan_at(words, end)
        if cell is None:
            return None
        found.insert(0, cell[0])
        end -= cell[1]
    return found or None


def _office_cells(words: list[str]) -> list[str] | None:
    """The office cells of a line made of offices only ('Dinas Kesehatan Dinas
    Kesehatan': two cells, each opening with an office word), or a sumber data cell
    ('Laporan Dinas PUPR': one), or None."""
    if not words or not all(w[:1].isupper() or w in ("dan", "&") for w in words):
        return None
    if words[0].casefold() in SUMBER_STARTS:
        return [" ".join(words)]  # a sumber data cell: 'Laporan Dinas PUPR'
    if not is_pj_start(words[0]):
        return None
    cells: list[list[str]] = []
    for word in words:
        if word.casefold() in PJ_WORDS or not cells:
            cells.append([word])
        else:
            cells[-1].append(word)
    return [" ".join(c) for c in cells]


def _split_names(words: list[str], count: int) -> list[str]:
    """A line's names: split where a capitalised name opener starts one, when that gives
    ``count`` names; else the line is one name."""
    starts = [i for i, w in enumerate(words) if i == 0 or (w[:1].isupper() and _opens(w))]
    if count > 1 and len(starts) == count:
        ends = [*starts[1:], len(words)]
        return [" ".join(words[a:b]) for a, b in zip(starts, ends, strict=True)]
    return [" ".join(words)]


def _opens(word: str) -> bool:
    return word.casefold() in NAME_STARTS
