"""The page layout of an IKU regulation's text: lampiran, headings and table rows.

A regulation's lampiran is read line by line. Lampiran I (the regional government's own
IKU) is grouped MISI > TUJUAN > SASARAN; Lampiran II has one table per perangkat daerah,
each under an upper-case heading followed by its Tugas Pokok and Fungsi Utama. OCR or
PDF extraction puts a table row's cells side by side on one line and wraps each cell
onto the following lines, so a row is found by its anchor: the row number, or the tail
of SATUAN, PENANGGUNG JAWAB and SUMBER DATA that the first line of a row ends with.
This module knows that shape and the words of such documents, never one regulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..errors import TableLimitError
from .draft_cell import as_count_word
from .draft_headings import column_numbers, headings, is_header, title, unread_headings
from .draft_limits import MAX_ROW_LINES, MAX_ROWS
from .draft_pages import double_spaced, unflatten
from .draft_tail import find_tail, lone_satuan
from .draft_words import (
    NAME_OPENERS,
    NAME_STARTS,
    RUMUS_OPENERS,
    SASARAN_START,
    SASARAN_WORDS,
)

__all__ = ["Block", "Table", "read_layout"]

# 'LAMPIRAN II', or a regulation's only lampiran: 'Lampiran', 'LAMPIRAN :', 'LAMPIRAN
# PERATURAN ...' (a title in upper case, so a sentence of the body that opens with
# 'Lampiran ini ...' is none)
_LAMPIRAN = re.compile(
    r"^\s*(?:LAMPIRAN\s+(?P<roman>[IVX]+)\b|LAMPIRAN\s*(?::|$)|(?-i:LAMPIRAN\s+[A-Z]{3,}\b))",
    re.IGNORECASE,
)
_MISI = re.compile(r"^\s*MISI\b[\s:]*(?P<rest>.*)$")
_TUJUAN = re.compile(r"^\s*TUJUAN\b[\s:]*(?P<rest>.*)$")
_FUNGSI = re.compile(r"\bFungsi\s+Utama\b", re.IGNORECASE)
_PEMERINTAH = re.compile(r"^\s*PEMERINTAH\s+(KABUPATEN|KOTA|PROVINSI)\b.*$", re.IGNORECASE)
_SKIPPED = 6  # at most this many row numbers lost before a printed one
_NAME_WORDS = 7  # a row's first line: at most this many words of a name before its RUMUS
_SIGNATURE = re.compile(r"^\s*(BUPATI|WALIKOTA|WALI KOTA|GUBERNUR)\b[\w\s,]*$")


@attrs.frozen
class Block:
    """The lines of one table row as printed (line number, text), with its anchor."""

    lines: tuple[tuple[int, str], ...]
    number: int | None  # the row number as printed, if any
    sasaran_hint: str  # the sasaran in force where the row starts (Lampiran I: MISI etc.)
    misi: str | None
    tujuan: str | None
    # where the row's paragraphs (lines after a blank line) begin, as indexes of lines
    paragraphs: tuple[int, ...] = (0,)
    # a row whose cells are printed one under another, each its own paragraph: the
    # index of the line that holds the satuan alone; None for a row printed side by side
    satuan_line: int | None = None


@attrs.frozen
class Table:
    """One section: Lampiran I, or one perangkat daerah, with its row blocks."""

    lampiran: int
    name: str
    line: int
    blocks: tuple[Block, ...]
    tugas_pokok: str = ""
    fungsi: tuple[str, ...] = ()
    header: str = ""  # the table header's words as printed, over all its lines


def read_layout(text: str) -> Iterator[Table]:
    """The tables of a regulation's text, in print order."""
    lines = unflatten(text).splitlines()
    found = headings(lines)
    unread = unread_headings(lines, found)
    state = _State()
    blank = False
    double = double_spaced(lines)  # then a blank line is no paragraph break
    for i, raw in enumerate(lines):
        number = i + 1
        line = raw.strip()
        if not line:
            blank = not double
            continue
        after_blank, blank = blank, False
        lampiran = _LAMPIRAN.match(line)
        if lampiran:
            yield from state.close()
            roman = (lampiran["roman"] or "I").upper()
            state.lampiran = _roman(roman)
            state.start(f"Lampiran {roman}", number, in_table=False)
            continue
        if state.lampiran == 0 and is_header(line):
            # a text that opens inside a lampiran (a page, an extract): its first
            # table header is where the tables start
            state.lampiran = 1
            state.start(state.name or "Lampiran", number, in_table=True)
            state.header = line
            continue
        if state.lampiran == 0:
            if i in found:
                state.name = title(line)  # a perangkat daerah heading above the table
            continue  # the body of the regulation (Pasal 1..): no tables
        if i in found or unread.get(i) == "":
            yield from state.close()
            state.start(title(line), number, in_table=False)
            continue
        if i in unread:
            yield from state.close()
            state.start(unread[i], number, in_table=False)  # the line goes on: Tugas Pokok
        if _SIGNATURE.match(line) and state.in_table:
            state.in_table = False
            continue
        if state.lampiran == 1 and state.name.startswith("Lampiran") and _PEMERINTAH.match(line):
            state.name = title(line)
        if state.feed_heading(line):
            continue
        if is_header(line) or column_numbers(line):
            state.in_table = True
            if is_header(line):
                state.header = f"{state.header} {line}".strip()
            continue
        if not state.in_table and not _row_like(line):
            state.note_intro(line)
            continue
        state.in_table = True  # a row's tail: a table whose header was not printed
        alone = i + 1 == len(lines) or not lines[i + 1].strip()
        state.feed_row(number, line, after_blank, alone=alone)
    yield from state.close()


def _row_like(line: str) -> bool:
    """A line that ends in a row's tail (satuan, penanggung jawab, sumber data): a table
    row, whether or not its table's header was printed or read."""
    return find_tail(line.split()) is not None


def _roman(text: str) -> int:
    return {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}.get(text.upper(), 2)


@attrs.define
class _State:
    """What the reader has seen so far in the current section (mutable, per call)."""

    lampiran: int = 0
    name: str = ""
    line: int = 0
    in_table: bool = False
    misi: str | None = None
    tujuan: str | None = None
    last: str = ""  # MISI or TUJUAN, when its text may wrap onto the next line
    tugas: list[str] = attrs.field(factory=list)
    fungsi: list[str] = attrs.field(factory=list)
    intro: str = ""
    blocks: list[Block] = attrs.field(factory=list)
    rows: list[list[tuple[int, str]]] = attrs.field(factory=list)
    numbers: list[int | None] = attrs.field(factory=list)
    hints: list[tuple[str | None, str | None]] = attrs.field(factory=list)
    tailed: list[bool] = attrs.field(factory=list)
    paras: list[list[int]] = attrs.field(factory=list)
    dumps: list[int | None] = attrs.field(factory=list)
    header: str = ""

    def start(self, name: str, line: int, *, in_table: bool) -> None:
        self.name, self.line, self.in_table = name, line, in_table
        self.tugas, self.fungsi, self.intro = [], [], ""
        self.rows, self.numbers, self.hints, self.tailed = [], [], [], []
        self.paras, self.dumps, self.header = [], [], ""
        if self.lampiran != 1:
            self.misi = self.tujuan = None

    def close(self) -> Iterator[Table]:
        if self.rows:
            blocks = tuple(
                Block(tuple(rows), number, "", misi, tujuan, tuple(paras), dump)
                for rows, number, (misi, tujuan), paras, dump in zip(
                    self.rows, self.numbers, self.hints, self.paras, self.dumps, strict=True
                )
            )
            yield Table(
                self.lampiran,
                self.name,
                self.line,
                blocks,
                " ".join(self.tugas).strip(),
                tuple(f.strip() for f in self.fungsi if f.strip()),
                self.header,
            )
        self.rows = []

    def feed_heading(self, line: str) -> bool:
        """MISI and TUJUAN lines (Lampiran I), and the text a MISI wraps onto."""
        misi, tujuan = _MISI.match(line), _TUJUAN.match(line)
        if misi:
            self.misi, self.last, self.in_table = misi["rest"], "misi", False
            return True
        if tujuan:
            self.tujuan, self.last, self.in_table = tujuan["rest"], "tujuan", False
            return True
        if self.last and not self.in_table and not is_header(line) and not _row_like(line):
            if self.last == "misi":
                self.misi = f"{self.misi} {line}".strip()
            else:
                self.tujuan = f"{self.tujuan} {line}".strip()
            return True
        self.last = ""
        return False

    def note_intro(self, line: str) -> None:
        """Tugas Pokok and Fungsi Utama text between a heading and its table."""
        if _FUNGSI.search(line):
            self.intro = "fungsi"
        elif re.search(r"Tugas\s+Pokok", line, re.IGNORECASE):
            self.intro = "tugas"
        elif re.fullmatch(r"[A-Z0-9]{1,2}\s*[.)]?", line):
            return
        elif self.intro == "tugas":
            self.tugas.append(re.sub(r"^\d{1,2}\s*[.)]\s*", "", line))
        elif self.intro == "fungsi":
            item = re.sub(r"^\d{1,2}\s*[.)]\s*", "", line)
            if self.fungsi and not self.fungsi[-1].rstrip().endswith((";", ".")):
                self.fungsi[-1] = f"{self.fungsi[-1]} {item}"
            else:
                self.fungsi.append(item)

    def feed_row(self, number: int, line: str, after_blank: bool, *, alone: bool = True) -> None:
        """One line of a table. ``after_blank``: a blank line before it; ``alone``: a
        blank line (or the end) after it. A satuan cell printed on its own is a paragraph
        of one line: 'Persentase' over 'Kesesuaian Ruang' opens a name, not a satuan."""
        words = [as_count_word(w) for w in line.split()]
        lone = after_blank and alone and lone_satuan(words)
        if lone and self.rows and self._cells_apart():
            self.rows[-1].append((number, line))
            self.paras[-1].append(len(self.rows[-1]) - 1)
            self.dumps[-1], self.tailed[-1] = len(self.rows[-1]) - 1, True
            return
        printed = _row_number(words, self.lampiran, self._expected())
        tail = find_tail(words)
        opens = not self.rows or (tail is not None and self.tailed[-1])
        if printed is not None or opens or self._name_opens(words, tail is not None):
            self._open([(number, line)], printed, tail is not None)
            return
        if len(self.rows[-1]) >= MAX_ROW_LINES:
            # each line looks back over its row's lines: a bound keeps that linear
            raise TableLimitError(
                "a table row",
                MAX_ROW_LINES,
                "lines",
                where=f"line {number}",
                hint=f"the row starts at line {self.rows[-1][0][0]}; is the text a table?",
            )
        self.rows[-1].append((number, line))
        if after_blank:
            self.paras[-1].append(len(self.rows[-1]) - 1)
        self.tailed[-1] = self.tailed[-1] or tail is not None

    def _open(self, lines: list[tuple[int, str]], printed: int | None, tailed: bool) -> None:
        if len(self.rows) >= MAX_ROWS:
            raise TableLimitError("a table", MAX_ROWS, "rows", where=f"line {lines[0][0]}")
        self.rows.append(lines)
        self.numbers.append(printed)
        self.hints.append((self.misi, self.tujuan))
        self.tailed.append(tailed)
        self.paras.append([0])
        self.dumps.append(None)

    def _name_opens(self, words: list[str], tailed: bool) -> bool:
        """Whether a line opens a row whose anchor OCR lost or garbled (see _opens_row),
        once the current row has its tail or its RUMUS has begun."""
        began = self.tailed[-1] or any(_rumus_opens(text.split()) for _, text in self.rows[-1])
        return began and _opens_row(words, tailed)

    def _cells_apart(self) -> bool:
        """Before a satuan printed alone on its line: whether the current row's last
        paragraphs are the cells of a row printed one under another (sasaran, name,
        RUMUS, each its own paragraph), and if so, make them a row of their own. They
        start after the anchor of a row printed side by side, or after the satuan,
        penanggung jawab and sumber data paragraphs of the previous such row; the row
        opens at its last paragraph that opens like a sasaran, else at its name."""
        rows, paras, dump = self.rows[-1], self.paras[-1], self.dumps[-1]
        if dump is not None:
            later = [p for p in paras if p > dump]
            free = later[2:]
        else:
            free = paras if not self.tailed[-1] else paras[1:]
        if len(free) < 2:
            return False
        sasaran = [p for p in free[:-2] if SASARAN_START.match(rows[p][1].split()[0])]
        cut = sasaran[-1] if sasaran else free[-2]
        if cut == 0:
            return True
        moved = rows[cut:]
        del rows[cut:]
        self.paras[-1] = [p for p in paras if p < cut]
        self._open(moved, None, False)
        self.paras[-1] = [p - cut for p in paras if p >= cut]
        return True

    def _expected(self) -> int:
        known = [n for n in self.numbers if n is not None]
        return (known[-1] + 1) if known else 1


def _opens_row(words: list[str], tailed: bool) -> bool:
    """Whether a line reads as a row's first line by its left cells: after at most the
    sasaran cell's few words, a word that opens only indicator names (Persentase,
    Cakupan ...), with a RUMUS opening a few words on or a row's tail at the line's end;
    or with a column rule ('|') and a RUMUS opening right after it, wherever it stands; or
    a sasaran word (Meningkatnya ...), a name word and a RUMUS opening, the three left
    cells side by side. A wrapped name never starts over mid-line, and a RUMUS does not
    open twice in one row; a sasaran word alone opens nothing (a sasaran cell is printed
    in the middle of its rows' height)."""
    for k, word in enumerate(words[:SASARAN_WORDS]):
        if word.casefold() in NAME_OPENERS and word[:1].isupper():
            rest = words[k + 1 :]
            return tailed or _rumus_opens(rest[:_NAME_WORDS]) or _ruled_rumus(rest)
    if not words or not words[0][:1].isupper() or not SASARAN_START.match(words[0]):
        return False
    for k, word in enumerate(words[1:SASARAN_WORDS], start=1):
        if word.casefold() in NAME_STARTS and word[:1].isupper():
            return _rumus_opens(words[k + 1 : k + 1 + _NAME_WORDS])
    return False


def _ruled_rumus(words: list[str]) -> bool:
    """Whether a column rule ('|') closes a name of any length and a RUMUS opens right
    after it: the rule is the name cell's right edge."""
    return any(w == "|" and _rumus_opens(words[k + 1 : k + 2]) for k, w in enumerate(words))


def _rumus_opens(words: list[str]) -> bool:
    """Whether a RUMUS opens among the words: a capitalised count or total (Jumlah,
    Total ...) or a result named before '=' ('IKM = ...')."""
    return any(
        (w.casefold() in RUMUS_OPENERS and w[:1].isupper()) or w.endswith("=") for w in words
    )


def _row_number(words: list[str], lampiran: int, expected: int) -> int | None:
    """The row number printed in a line: the next number in sequence, as a word of its
    own ("6", "6.") before a capitalised word, within the first few words. In a table
    per perangkat daerah a bare number inside the line ('Meningkatnya 2 Angka ...')
    counts only before a word that opens an indicator's name."""
    for i, word in enumerate(words[:5]):
        bare = word.rstrip(".")
        if not (bare.isascii() and bare.isdigit()):
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        opens = after[:1].isupper() or after[:1] in "(\"'"
        named = after.strip("(").casefold() in NAME_STARTS  # '1 Persentase ...'
        # 'Meningkatnya 1 Pendidikan ...': the sasaran cell's first word, then the
        # number between it and the name (a sasaran opens with its Me-/Ter- verb)
        after_sasaran = i == 1 and SASARAN_START.match(words[0]) is not None
        if (
            int(bare) == expected
            and opens
            and (lampiran == 1 or word.endswith(".") or i == 0 or named or after_sasaran)
        ):
            return expected
        # 'N.' opening the line, a little ahead of the count: the numbers of the rows
        # before it were lost (OCR read them as bullets); the count resumes from N
        ahead = expected < int(bare) <= expected + _SKIPPED
        if ahead and i == 0 and word.endswith(".") and opens:
            return int(bare)
    return None
