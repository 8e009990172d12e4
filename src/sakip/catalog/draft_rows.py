"""One table row's cells from its printed lines: name, RUMUS, satuan, penanggung jawab.

The cells of a row sit side by side on its first line and wrap onto the lines below. The
tail (satuan, penanggung jawab, sumber data) is found by :func:`find_tail`; what is left
of each line is split where a RUMUS opens (``Jumlah``, ``Total``, ``X =``, ...). A RUMUS
printed as a stacked fraction (numerator on one line, denominator below, ``x 100%`` off
to the side, often garbled) is rebuilt as ``(numerator) / (denominator) x 100%``; every
such judgement is written into the row's notes. The words found for the RUMUS are
cleaned (factor, OCR debris) by draft_cell; how a wrapped line's words are shared
between the cells beyond their widths (the RUMUS's grammar, printed column rules, the
tail cells wrapping) is draft_wrap's.
"""

from __future__ import annotations

import attrs

from ..language import opens_glossary
from .draft_cell import (
    closes_rumus,
    factor_in_percent,
    factor_of,
    is_noise,
    misread_counts,
    rumus_end,
    rumus_fragments,
    unglue,
)
from .draft_first import (
    column_rules,
    first_line,
    glossary_word,
    opener,
    restated_below,
    rumus_start,
)
from .draft_fit import held_above, title_run
from .draft_layout import Block
from .draft_tail import find_tail
from .draft_words import DANGLING_WORDS, PERIOD_WORDS, SASARAN_START
from .draft_wrap import (
    bare_title,
    divides_by_measure,
    mend_hyphen,
    name_goes_on,
    name_is_rumus,
    office_at,
    open_tail,
    recurring_tails,
    restated_name,
    restated_rumus,
    rule_marks,
    settle_splits,
    strip_tails,
    tail_connective,
    wrapped_tail,
)

__all__ = ["Columns", "RowText", "period_of", "read_columns", "read_row"]

_BARS = frozenset(["/", ":", "="])  # a division or a result: RUMUS signs, alone as words
# words that join the parts of a RUMUS in prose ('Perbandingan antara A dengan B',
# 'A dibagi B', 'A dikurangi B'), never the end of an indicator's name
_JOINS = frozenset(["dengan", "dibagi", "dikurangi", "ditambah", "dikali"])


@attrs.frozen
class RowText:
    """The cells of one row as read, and how they were read."""

    first_line: int
    last_line: int
    number: int | None
    sasaran: str
    name: str
    rumus: tuple[tuple[int, str], ...]  # the RUMUS fragments, each with its line
    satuan: str
    penanggung_jawab: str
    sumber_data: str
    period: str
    factor: int | None  # 100 for "x 100%", when printed
    notes: tuple[str, ...]
    # the RUMUS lines are one cell wrapped, never a fraction stacked over its bar
    wrapped: bool = False
    label: str = ""  # a part's label ('SD / MI') when the row is one part of a row
    name_from_rumus: bool = False  # no INDIKATOR cell: the name is the RUMUS's opening
    factor_percent: bool = False  # the factor printed its percent sign ('x 100%')


def _bar(word: str) -> bool:
    """A division bar that opens or closes a word ('/jumlah', 'kelurahan/'), not the
    slash inside a name ('SD/MI')."""
    return len(word) > 1 and (word[0] == "/" or word[-1] == "/")


@attrs.frozen
class Columns:
    """What a table's layout tells about its cells: the typical widths (characters) of
    the SASARAN, INDIKATOR and RUMUS cells, measured on the rows' first lines where each
    cell is cut at a known word, and the endings of the cells to the right."""

    sasaran: int = 24
    name: int = 26
    rumus: int = 40
    # line endings that recur in three or more rows of the table: the penanggung jawab
    # and sumber data cells wrapped onto the rows' later lines ("Bidang PAUD", "Tahunan")
    tails: frozenset[tuple[str, ...]] = frozenset()


def _tail_words(words: list[str]) -> list[str]:
    tail = find_tail(words)
    return words[: tail.start] if tail is not None else words


def read_columns(blocks: tuple[Block, ...]) -> Columns:
    """The table's columns: cell widths (a high percentile of the first lines' cells)
    and the recurring endings of the wrapped lines."""
    seen: tuple[list[int], list[int], list[int]] = ([], [], [])
    for block in blocks:
        line = block.lines[0][1]
        words = _tail_words(_words(line))
        sasaran, name, rumus = first_line(words, block.number, column_rules(line))
        for column, cell in zip(seen, (sasaran, name, rumus or []), strict=True):
            if cell:
                column.append(len(" ".join(cell)))
    default = Columns()
    picked = [
        (sorted(c)[int(0.8 * (len(c) - 1))] if len(c) >= 5 else max(c)) if c else d
        for c, d in zip(seen, (default.sasaran, default.name, default.rumus), strict=True)
    ]
    return Columns(
        picked[0],
        picked[1],
        picked[2],
        recurring_tails([[_words(line) for _, line in b.lines[1:]] for b in blocks]),
    )


_DROPPED = frozenset(["|", "l"])  # a column rule, and OCR's reading of one


def _words(line: str) -> list[str]:
    return [part for w in line.split() if w not in _DROPPED for part in unglue(w)]


def _fit(words: list[str], width: int, start: int = 0) -> int:
    """The end of the longest run of words from ``start`` that fits in ``width``."""
    end, used = start, -1
    while end < len(words) and used + 1 + len(words[end]) <= width + 2:
        used += 1 + len(words[end])
        end += 1
    return end


def _continuation(
    words: list[str],
    widths: Columns,
    sasaran_open: bool,
    name_open: bool,
    dangling: bool,
    read: tuple[list[str], str, bool] = ([], "", False),
) -> tuple[list[str], list[str], list[str]]:
    """(sasaran, indikator, rumus) words of a wrapped line, from the cells' widths: the
    RUMUS is what is left once the narrower cells on its left are full, or where a
    RUMUS word (Jumlah, Total, ...) opens, with the word that joins it ('dengan
    jumlah ...') unless the RUMUS's last line ``dangling`` ends in mid-phrase ('yang')
    and so goes on before that word; a line with no RUMUS word is the name's when the
    name, the RUMUS and the penanggung jawab ``read`` so far say so (draft_wrap.name_goes_on)."""
    i = _fit(words, widths.sasaran) if sasaran_open else 0
    i = next((k for k, w in enumerate(words[:i]) if w in _BARS), i)  # no bar in a sasaran
    starter = rumus_start(words, 0)
    if starter is not None and name_open and not opener(words, starter):
        # a name word (Capaian, Tingkat ...) before a RUMUS opener or a bar that opens
        # a word ('/jumlah'): the wrapped name runs up to that
        later = next(
            (k for k in range(starter + 1, len(words)) if opener(words, k) or _bar(words[k])),
            None,
        )
        if later is not None and len(" ".join(words[max(i, starter) : later])) <= widths.name + 2:
            starter = later
    while not dangling and starter is not None and starter > i and words[starter - 1] in _JOINS:
        starter -= 1  # 'dengan jumlah ...': the word that joins it belongs to the RUMUS
    if starter is not None and all(w in _BARS for w in words[i:starter]):
        starter = min(starter, i)  # '/ jumlah ...': a bar opens the RUMUS's next line
    if starter is not None and starter <= i:
        return words[:starter], [], words[starter:]
    fits_name = len(" ".join(words[i:])) <= widths.name + 2
    if name_open and starter is None and fits_name and name_goes_on(words[i:], *read):
        return words[:i], words[i:], []  # ``read``: the name and the RUMUS so far
    before = words[i:starter]
    if starter is not None and len(" ".join(before)) <= widths.name + 2 and "/" not in before:
        return words[:i], before, words[starter:]
    j = i
    if name_open:
        while j < len(words) and len(" ".join(words[j:])) > widths.rumus + 2:
            j += 1
        j = min(j, _fit(words, widths.name, i))
    marks = [k for k, w in enumerate(words) if w == "/" or factor_of(w) is not None]
    if marks and j >= marks[0] and len(" ".join(words)) <= widths.rumus + 2:
        return [], [], words  # the bar or the factor: the line is the RUMUS's alone
    return words[:i], words[i:j], words[j:]


def _acronym(word: str) -> bool:
    """A bracketed acronym, as a name prints it last: '(IKM)', '(IKLH)'."""
    inner = word[1:-1] if word[:1] == "(" and word[-1:] == ")" else ""
    return len(inner) >= 2 and inner.isalpha() and inner.isupper()


def read_row(block: Block, lampiran: int, columns: Columns | None = None) -> RowText:
    """The cells of one row block."""
    columns = columns or Columns()
    notes: list[str] = []
    sasaran: list[str] = []
    name: list[str] = []
    rumus: list[tuple[int, str]] = []
    after_rumus: list[str] = []  # words where the RUMUS was, below its complete formula
    satuan = pj = sumber = ""
    sasaran_open = name_open = name_lost = glossed = False
    tail_width = 0
    for index, (number, line) in enumerate(block.lines):
        words = _words(line)
        tail = find_tail(words) if not satuan and not pj else None
        if tail is not None:
            satuan, pj, sumber = tail.satuan, tail.penanggung_jawab, tail.sumber_data
            tail_width = open_tail(words, pj, sumber)
            words = words[: tail.start]
        elif index > 0 and columns.tails:
            # the wrapped penanggung jawab and sumber data cells, as they recur in the
            # table ('Bid.Eko SDA dan IPW Tahunan'), before a lone period word is read
            words, beside = strip_tails(words, columns.tails)
            if beside and tail_connective(words):
                beside.insert(0, words.pop())
            if beside and beside[-1].casefold() in PERIOD_WORDS:
                sumber = f"{sumber} {beside.pop()}".strip()
            pj = f"{pj} {' '.join(beside)}".strip()
            if beside and wrapped_tail(words, tail_width):
                tail_width = 0  # the table's own endings took this line's tail
        if tail is None and words and words[-1].casefold() in PERIOD_WORDS:
            sumber = f"{sumber} {words.pop()}".strip()
            if pj and len(pj.split()) == 1 and words and words[-1][:1].isupper():
                pj = f"{pj} {words.pop()}"
        if tail is None and tail_width:
            # the penanggung jawab / sumber data ended in mid-phrase: they go on here
            cut = wrapped_tail(words, tail_width)
            if bare_title(pj):
                cut = office_at(words, cut)
            tail_width = tail_width if cut < len(words) else 0
            pj = f"{pj} {' '.join(words[cut:])}".strip()
            words = words[:cut]
        if index == 0:
            first_sas, first_name, cell = first_line(words, block.number, column_rules(line))
            sasaran.extend(first_sas)
            sasaran_open = bool(first_sas)
            name.extend(first_name)
            name_open = bool(first_name)
            if first_name and not first_sas and SASARAN_START.match(first_name[0]):
                notes.append("the name opens like a sasaran; no sasaran cell read beside it")
            if cell is None and (at := restated_rumus(first_name)) is not None:
                name, cell = first_name[:at], first_name[at:]
                name_open = bool(name)
            elif (
                cell is None
                and len(block.lines) > 1
                and ((at := restated_below(first_name, _words(block.lines[1][1]))) is not None)
            ):
                name, cell = first_name[:at], first_name[at:]
            elif cell is None and divides_by_measure(first_name):
                cell, name_lost = first_name, True  # a name never divides by a measure
                name_open = False
        else:
            if not rumus and name_open and name_is_rumus(name, words):
                cut = name.index("%") if "%" in name else len(name)  # the satuan's sign
                name = name[:cut]
                rumus.append((block.lines[0][0], " ".join(name)))
                name_open, name_lost = False, True
            dangling = bool(rumus) and rumus[-1][1].split()[-1].casefold() in DANGLING_WORDS
            more_sas, more_name, cell = _continuation(
                words,
                columns,
                sasaran_open,
                name_open,
                dangling,
                (name, " ".join(text for _, text in rumus), len(pj.split()) == 1),
            )
            if name_lost or (glossed and not name_open):
                # no INDIKATOR cell, or the RUMUS's glossary runs the table's width below
                # the name: what is not the sasaran's is the RUMUS's
                cell, more_name = [*more_name, *(cell or [])], []
            first, second = settle_splits(
                words,
                (len(more_sas), len(more_sas) + len(more_name)),
                (rule_marks(line, _DROPPED), " ".join(text for _, text in rumus)),
                (sasaran_open, name_open),
            )
            first = restated_name(words, first, second, rumus)
            if name_open and rumus:
                said = " ".join(text for _, text in rumus)
                second = title_run(words, (first, second), name, said, columns.name)
                widths = (columns.name, columns.rumus)
                second = held_above(words, (first, second), [t for _, t in rumus], widths)
            more_sas, more_name, cell = words[:first], words[first:second], words[second:]
            sasaran.extend(more_sas)
            name.extend(more_name)
            sasaran_open = sasaran_open and bool(more_sas)
            name_open = name_open and bool(more_name)
            if not rumus and not cell:
                cell = None
        complete = bool(rumus) and closes_rumus(" ".join(text for _, text in rumus))
        if cell and complete and not any(opens_glossary(w) for w in cell):
            after_rumus.extend(cell)  # the RUMUS is complete: a KET's, a wrapped name's
            cell = None
        if cell:
            end = rumus_end(cell)
            if end < len(cell) and pj:
                pj = f"{pj} {' '.join(w for w in cell[end:] if not is_noise(w))}".strip()
            rumus.append((number, " ".join(cell[:end])))
            rumus[-2:] = mend_hyphen(rumus[-2:])
            glossed = glossed or any(glossary_word(w) for w in cell)
        if glossed and name and _acronym(name[-1]):
            # the name printed its acronym last and the RUMUS's glossary runs the table's
            # width below it: the name has ended ('Indeks Kepuasan Masyarakat (IKM)')
            name_open = False
    if name_lost:
        notes.append(
            "INDIKATOR cell empty (OCR lost it?): the first line opens the RUMUS;"
            " its first words stand in as the name"
        )
    if after_rumus:
        notes.append(f"words below the complete RUMUS left out: {' '.join(after_rumus)!r}")
    fragments, factor, debris = rumus_fragments(rumus)
    if debris:
        notes.append(f"OCR debris left out of the RUMUS: {' '.join(debris)!r}")
    misread = [w for _, line in block.lines for w in misread_counts(line)]
    if misread:
        notes.append(f"read as the count word Jumlah (OCR misread it): {' '.join(misread)!r}")
    if block.number is None:
        notes.append("row number not printed")
    if not satuan:
        notes.append("no SATUAN found on the row's lines")
    return RowText(
        first_line=block.lines[0][0],
        last_line=block.lines[-1][0],
        number=block.number,
        sasaran=" ".join(sasaran).strip(" .|()") if sasaran else "",
        name=" ".join(name).strip(" .|"),
        rumus=fragments,
        satuan=satuan,
        penanggung_jawab=pj,
        sumber_data=sumber,
        period=period_of(sumber),
        factor=factor,
        factor_percent=factor_in_percent(rumus),
        notes=tuple(notes),
        wrapped=name_lost,  # the division printed on the wrapped line: no stacked bar
        name_from_rumus=name_lost,
    )


def period_of(sumber: str) -> str:
    """How often a row is reported, from its sumber data ('Laporan Triwulan'); tahunan
    when it does not say."""
    words = [w.casefold() for w in sumber.split()]
    return next((PERIOD_WORDS[w] for w in words if w in PERIOD_WORDS), "tahunan")
