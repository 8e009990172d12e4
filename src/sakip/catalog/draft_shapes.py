"""Table shapes that other regions' lampiran show besides the side-by-side rows.

- A table whose header has a RUMUS but no SATUAN column ('SASARAN STRATEGIS INDIKATOR
  KINERJA UTAMA RUMUS IKU SKPD', '... RUMUS SUMBER DATA') ends its rows with an agency
  (an office's short name, or its name written out) instead of a satuan tail; its row
  numbers often number the sasaran, each sasaran holding several indicators, each
  written inline (name, RUMUS in words, agency). :func:`read_agency_rows` reads such a
  table as one stream of words.
- A table printed one cell a line (a PDF dump) is read by draft_dump's stack reader.
- A table without a RUMUS column gives direct measures, whatever reader read its rows
  (:func:`without_rumus`).

Pages printed double-spaced or flattened onto one line are made ordinary by
draft_pages; what a row without a formula says (Cukup Jelas, the unit named by its RUMUS)
is read by draft_direct. Only the shape and the words of IKU lampiran are used, never
the rows of one regulation.
"""

from __future__ import annotations

import re

import attrs

from .draft_cell import factor_of, rumus_fragments
from .draft_columns import read_columns_apart
from .draft_direct import (
    COMPUTED_ELSEWHERE,
    DIVIDES,
    SELF_EXPLAINED,
    name_opener,
    name_start,
    name_unit,
    no_formula,
    rumus_unit,
)
from .draft_dump import read_stack
from .draft_layout import Table
from .draft_rows import RowText
from .draft_tail import find_tail
from .draft_words import (
    PJ_WORDS,
    RUMUS_OPENERS,
    RUMUS_STARTS,
    SASARAN_START,
    is_pj_start,
)

__all__ = [
    "agency_table",
    "read_agency_rows",
    "read_shaped",
    "rumus_column",
    "without_rumus",
]

_NUMBER = re.compile(r"^\d{1,2}\.?$")
_ACRONYM = re.compile(r"^\([A-Z]{2,6}\)$")
_OFFICE_WORDS = 8  # at most this many words in an office's name written out


def agency_table(header: str) -> bool:
    """Whether a table's header has a RUMUS column but no SATUAN column: its rows end
    with an agency (IKU SKPD, SUMBER DATA, PENANGGUNG JAWAB) instead of a satuan."""
    words = {w.strip("|().:").upper() for w in header.split()}
    # OCR breaks the SATUAN header ('SAT UAN', 'SATUA N'): any word so begun is one
    satuan = any(w.startswith("SAT") for w in words)
    return "RUMUS" in words and not satuan and "INDIKATOR" in words


# words of a header's RUMUS column, as regions name it
_RUMUS_HEADERS = frozenset(["RUMUS", "FORMULA", "FORMULASI", "MENGUKUR", "PERHITUNGAN"])


def rumus_column(header: str) -> bool:
    """Whether a table has a RUMUS column: its header names one, or was not read."""
    words = {w.strip("|().:/").upper() for w in header.split()}
    return not header or bool(words & _RUMUS_HEADERS)


def without_rumus(row: RowText) -> RowText:
    """A row of a table without a RUMUS column: what was read as its RUMUS is the rest
    of its name (a name word such as Jumlah opens no RUMUS there), and it is a direct
    measure, never a formula."""
    if not row.rumus and row.factor is None and row.sasaran:
        return row
    words = f"{row.name} {' '.join(text for _, text in row.rumus)}".split()
    sasaran = row.sasaran
    start = name_start(words, True) if words and SASARAN_START.match(words[0]) else None
    if not sasaran and start:
        sasaran, words = " ".join(words[:start]), words[start:]  # 'Meningkatnya X Jumlah Y'
    return attrs.evolve(
        row,
        sasaran=sasaran,
        name=" ".join(words),
        rumus=(),
        factor=None,
        notes=(*row.notes, "no RUMUS column in the table: a direct measure"),
    )


def read_shaped(table: Table) -> list[RowText] | None:
    """The rows of a table of another shape, read from all its lines at once: a table
    whose rows end with an agency (no SATUAN column, and its rows' lines do not end in
    satuan tails either), or a table without a RUMUS column printed one cell a line.
    None for a table of the usual shape."""
    lines = [line for block in table.blocks for line in block.lines]
    apart = read_columns_apart(lines)  # a table read column after column
    if apart:
        return apart
    if agency_table(table.header):
        tails = [find_tail(text.split()) for _, text in lines]
        if sum(t is not None and bool(t.satuan) for t in tails) * 3 < len(lines):
            return read_agency_rows(lines)
    if not rumus_column(table.header):
        return read_stack(lines)
    if all(block.satuan_line is None and len(block.paragraphs) == 1 for block in table.blocks):
        return read_stack(lines, _opens_rumus)  # no paragraphs: cells one a line, if any
    return None


def _opens_rumus(line: str) -> bool:
    """Whether a line of a row printed one cell a line opens its RUMUS cell: a count or a
    total (Jumlah, Total ...), a division in words or signs, or a cell giving no formula."""
    words = line.split()
    return (
        no_formula(line) is not None
        or (words[0][:1].isupper() and words[0].casefold() in RUMUS_STARTS)
        or DIVIDES.search(line) is not None
    )


# --- the rows of an agency table, read as one stream of words -------------------------

_Word = tuple[int, str]  # (line number, word)


def _agency(words: list[_Word], i: int) -> bool:
    """An agency cell's word: an office's short name or acronym (Dinkes, DINDIKPORA), not
    a common office word, and not the object of 'oleh' inside a RUMUS sentence."""
    word = words[i][1].strip(",;.")
    if not is_pj_start(word) or word.casefold() in PJ_WORDS:
        return False
    return not (i and words[i - 1][1].casefold() == "oleh")


def _running_header(words: list[str]) -> bool:
    """A page's running header or mark: '(2)', a line of numbers only, or three or more
    words in capitals."""
    if len(words) == 1 and re.fullmatch(r"\(\d{1,3}\)", words[0]):
        return True
    if len(words) >= 2 and all(_NUMBER.match(w) for w in words):
        # the column numbers repeated on a new page, or row numbers printed apart from
        # their rows ('4. 5.'); a lone number is kept: it may open a sasaran
        return True
    letters = [c for w in words for c in w if c.isalpha()]
    return len(words) >= 3 and bool(letters) and all(c.isupper() for c in letters)


def _stream(lines: list[tuple[int, str]]) -> list[_Word]:
    """The table's words in reading order, without page marks and running headers (and
    the capitals that follow an agency on its line: the running header's first word)."""
    out: list[_Word] = []
    # a table printed all in capitals has no running header told by its capitals
    told = 2 * sum(_running_header(line.split()) for _, line in lines) < len(lines)
    for number, line in lines:
        words = line.split()
        if told and _running_header(words):
            continue
        kept: list[str] = []
        for i, word in enumerate(words):
            rest = words[i:]
            if (
                told
                and kept
                and _agency([(number, w) for w in kept], len(kept) - 1)
                and all(w.isupper() for w in rest)
            ):
                break  # 'Dinkes TENTANG': the running header starts after the agency
            kept.append(word)
        out.extend((number, w) for w in kept)
    return out


def _agency_length(words: list[_Word], i: int) -> int:
    """How many words an agency cell opening at words[i] holds: 1 for a short name
    (Dinkes), the rest of the line for an office written out ('Dinas Koperasi dan UKM',
    capitalised to the end of its line, the next line not going on in lower case); 0
    when no agency cell opens there."""
    line, word = words[i]
    if _agency(words, i):
        # a short name ends its row's line, or comes before the next row's name or
        # the agency's note; else it is an acronym inside a RUMUS ('Nilai IPM menurut')
        after = words[i + 1] if i + 1 < len(words) else (line + 1, "")
        ends = after[0] != line or after[1].startswith("(") or name_opener(after[1])
        return 1 if ends or _NUMBER.match(after[1]) else 0
    if not (word[:1].isupper() and word.casefold() in PJ_WORDS):
        return 0
    end = i
    while end < len(words) and words[end][0] == line and not words[end][1].startswith("("):
        end += 1  # to the line's end, or to the office's note in brackets
    run = [w for _, w in words[i:end]]
    alone = len(run) == 1 and end < len(words) and words[end][0] == line
    if alone or len(run) > _OFFICE_WORDS:  # one office word: only as its line's end
        return 0
    if not all(w[:1].isupper() or w in ("dan", "&") for w in run):
        return 0
    if end < len(words) and words[end][1][:1].islower():
        return 0  # a RUMUS wrapped after an office word ('... Dinas Sosial / jumlah ...')
    return len(run)


def _segments(words: list[_Word]) -> list[tuple[list[_Word], int | None]]:
    """The stream cut into rows, each with where its agency cell starts (None when not
    printed): cut before a sasaran's row number, after an agency cell (and the note in
    brackets that follows it), and before a name that follows a RUMUS already complete
    (its factor, or a RUMUS that names no formula)."""
    rows: list[tuple[list[_Word], int | None]] = [([], None)]
    expected = 1
    i = 0
    while i < len(words):
        number, word = words[i]
        after = words[i + 1][1] if i + 1 < len(words) else ""
        current = rows[-1][0]
        in_sequence = _NUMBER.match(word) and (
            not current or int(word.rstrip(".")) in (expected, expected + 1)
        )
        if in_sequence and SASARAN_START.match(after):
            expected = int(word.rstrip(".")) + 1
            rows.append(([(number, word)], None))
            i += 1
            continue
        agency = _agency_length(words, i) if len(current) >= 2 else 0
        if agency:
            rows[-1] = (current, len(current))
            current.extend(words[i : i + agency])
            i += agency
            if i < len(words) and words[i][1].startswith("("):
                depth = 0  # the agency's note: '(Komoditas unggulan : ...)'
                while i < len(words):
                    depth += words[i][1].count("(") - words[i][1].count(")")
                    current.append(words[i])
                    i += 1
                    if depth <= 0:
                        break
            rows.append(([], None))
            continue
        if name_opener(word) and current and _complete(current):
            rows.append(([], None))
        elif _sasaran_line(words, i) and any(name_opener(w) for _, w in current):
            rows.append(([], None))  # a sasaran printed without its number
        rows[-1][0].append((number, word))
        i += 1
    return [row for row in rows if row[0]]


def _sasaran_line(words: list[_Word], i: int) -> bool:
    """Whether words[i] opens a line with a sasaran's word in capitals ('Meningkatnya')."""
    line, word = words[i]
    opens_line = i == 0 or words[i - 1][0] != line
    return opens_line and word[:1].isupper() and SASARAN_START.match(word) is not None


def _complete(current: list[_Word]) -> bool:
    """Whether a row's words end a RUMUS: its factor (x 100%), an agency, or a cell that
    names no formula ('Cukup Jelas'), with a RUMUS begun before."""
    last = current[-1][1]
    if _agency(current, len(current) - 1):
        return True
    if factor_of(last) is not None and last.endswith("%"):
        return True
    tail = " ".join(w for _, w in current[-2:])
    return no_formula(tail) is not None or (
        COMPUTED_ELSEWHERE.search(" ".join(w for _, w in current)) is not None
        and last[:1].isupper()
    )


def _rumus_at(words: list[str]) -> tuple[int, str]:
    """Where the RUMUS opens among a row's words after its name opener, and how it was
    found (for the notes)."""
    for k in range(max(1, len(words) - 3), len(words)):
        if SELF_EXPLAINED.match(" ".join(words[k:])):
            return k, ""  # 'Cukup Jelas' closes the row: everything before is the name
    for k in range(1, len(words)):
        if _ACRONYM.match(words[k - 1]):
            return k, ""  # a name ends with its acronym in brackets: '... Sekolah (ARLS)'
    for k in range(1, len(words)):
        if words[k][:1].isupper() and words[k].casefold() in RUMUS_OPENERS:
            return k, ""
    for k in range(2, len(words)):
        if words[k][:1].isupper() and words[k].casefold() in RUMUS_STARTS:
            return k, ""
    for k in range(1, len(words)):
        if words[k][:1].isupper() and words[k - 1][:1].islower():
            return k, "RUMUS taken to open at the first capital after the name's lower case"
    return len(words), "no RUMUS found after the name"


def read_agency_rows(lines: list[tuple[int, str]]) -> list[RowText]:
    """The rows of a table whose rows end with an agency (see :func:`agency_table`)."""
    rows: list[RowText] = []
    sasaran: list[str] = []
    number: int | None = None
    for segment, agency in _segments(_stream(lines)):
        words = [w for _, w in segment]
        skip = 0
        if _NUMBER.match(words[0]) and len(words) > 1 and SASARAN_START.match(words[1]):
            number, sasaran, skip = int(words[0].rstrip(".")), [], 1
        if not skip and SASARAN_START.match(words[0]) and words[0][:1].isupper():
            sasaran = []  # a sasaran printed without its number
        opened = bool(skip) or not sasaran
        start = name_start(words[skip : agency or len(words)], opened)
        if start is None:
            sasaran.extend(words[skip:])  # a sasaran's words alone (wrapped over a page)
            continue
        start += skip
        sasaran.extend(words[skip:start])
        end = len(words) if agency is None else agency
        cell = words[end:]
        note_at = next((k for k, w in enumerate(cell) if w.startswith("(")), len(cell))
        pj, note = " ".join(cell[:note_at]), " ".join(cell[note_at:])
        words, segment, end = words[start:], segment[start:], end - start
        cut, how = _rumus_at(words[:end])
        notes = ["a table with no SATUAN column: each row ends with its agency"]
        if how:
            notes.append(how)
        if not pj:
            notes.append("no agency printed on the row (a cell spanning the sasaran's rows)")
        if note:
            notes.append(f"agency note left out: {note!r}")
        rumus = [(n, w) for n, w in segment[cut:end]]
        joined = " ".join(w for _, w in rumus)
        fragments, factor, _ = rumus_fragments([(rumus[0][0], joined)] if rumus else [])
        name = " ".join(words[:cut])
        # a direct measure's unit: named by its RUMUS, or what its name counts
        direct = (factor is None and not DIVIDES.search(joined)) or no_formula(joined)
        satuan = rumus_unit(joined) if direct else ""
        if satuan:
            notes.append(f"satuan not printed; {satuan!r} named by the RUMUS")
        elif direct and (satuan := name_unit(name)):
            notes.append(f"satuan not printed; {satuan!r}: the name counts them")
        rows.append(
            RowText(
                first_line=segment[0][0],
                last_line=segment[-1][0],
                number=number,
                sasaran=" ".join(sasaran).strip(" ,."),
                name=name,
                rumus=fragments,
                satuan=satuan,
                penanggung_jawab=pj,
                sumber_data="",
                period="tahunan",
                factor=factor,
                notes=tuple(notes),
                wrapped=True,  # an inline RUMUS in words ('dibagi'), never a stacked bar
            )
        )
    return rows
