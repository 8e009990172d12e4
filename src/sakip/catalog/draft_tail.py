"""The tail of a table row's line: its SATUAN, PENANGGUNG JAWAB and SUMBER DATA cells.

OCR or PDF extraction puts a row's cells side by side on its first line, so the line
ends with the satuan (a unit), the penanggung jawab (an office or an official) and the
sumber data (a source). They are read from the right by what such cells look like,
never by the rows of one regulation.
"""

from __future__ import annotations

import attrs

from .draft_words import NAME_WORDS, SUMBER_STARTS, is_pj_start, satuan_at

__all__ = ["Tail", "find_tail", "lone_satuan"]

_TAIL_WORDS = 12  # at most this many words from a penanggung jawab to the line's end


@attrs.frozen
class Tail:
    """The SATUAN, PENANGGUNG JAWAB and SUMBER DATA cells that close a row's first line."""

    start: int  # index of the first tail word in the line's words
    satuan: str
    penanggung_jawab: str
    sumber_data: str


def find_tail(words: list[str]) -> Tail | None:
    """The tail of a row's first line: [satuan] PJ... SUMBER..., read from the right.

    The sumber data starts with a source word (Laporan, Renstra, ...), the penanggung
    jawab before it with an office word (Dinas, Sekretariat, Kasi, ...); the satuan, when
    printed, sits just before the penanggung jawab.
    """
    for s in range(len(words) - 1, 0, -1):
        word = words[s].strip("|,.").split("/")[0]  # 'Surat/LHP': a surat or a LHP
        if word.casefold() not in SUMBER_STARTS or not word[:1].isupper():
            continue  # a cell starts with a capital: 'dokumen' inside a RUMUS is no source
        for p in range(s - 1, max(-1, s - 6), -1):
            if is_pj_start(words[p]):
                while p > 1 and is_pj_start(words[p - 1]) and satuan_at(words, p) is None:
                    p -= 1  # 'Kepala Bidang', 'Kepala Dinas': an official of an office
                end = _cell_end(words, p)
                found = satuan_at(words, end)
                start = end - found[1] if found else p
                satuan = found[0] if found else ""
                pj = " ".join(w for w in words[p:s] if w != "|").strip(" ,|")
                return Tail(start, satuan, pj, " ".join(words[s:]).strip(" |"))
        found = satuan_at(words, s)
        if found and not _after_bar(words, s - found[1]):
            # satuan and sumber data, the penanggung jawab cell empty
            return Tail(s - found[1], found[0], "", " ".join(words[s:]).strip(" |"))
    return _unsourced_tail(words) or _bare_percent(words)


def _bare_percent(words: list[str]) -> Tail | None:
    """A '%' that ends the line after a word: the satuan cell, the penanggung jawab and
    sumber data cells printed on later lines or not at all ('... jalan kabupaten %'),
    not the end of a factor ('x 100 %')."""
    if len(words) < 2 or words[-1] != "%":
        return None
    before = words[-2]
    if before in ("x", "X", "×") or not any(c.isalpha() for c in before):
        return None
    return Tail(len(words) - 1, "%", "", "")


def _cell_end(words: list[str], start: int) -> int:
    """Where the cell before ``words[start]`` ends: before a column rule '|' if any."""
    return start - 1 if start > 0 and words[start - 1] == "|" else start


def _unsourced_tail(words: list[str]) -> Tail | None:
    """A tail whose sumber data does not open with a source word ('% Dinas Bidang
    Prasarana', '% DINAS', 'Unit Kabid Sarana'): a satuan followed by an office, the
    last few words of the line. The satuan must stand as a cell of its own, not be the
    end of a RUMUS's factor ('x 100 % Dinas': a percent sign after a number or a sign)."""
    for p in range(len(words) - 1, 0, -1):
        if len(words) - p > _TAIL_WORDS:
            return None
        if not is_pj_start(words[p]) or not words[p][:1].isupper():
            continue
        end = _cell_end(words, p)
        found = satuan_at(words, end)
        if found is None or not (found[0][:1].isupper() or found[0] == "%"):
            continue  # a cell opens with a capital: 'tahun' ends a RUMUS, 'Tahun' is a satuan
        if found[0].casefold() in NAME_WORDS:
            continue  # 'Angka Putus Sekolah Dinas': a name's last word before an office
        start = end - found[1]
        before = words[start - 1] if start > 0 else ""
        if not before or _ends_factor(found[0], before):
            continue
        rest = [w for w in words[p:] if w != "|"]
        cut = next(
            (i for i, w in enumerate(rest) if i and w.strip(",").casefold() in SUMBER_STARTS),
            len(rest),
        )
        pj, sumber = " ".join(rest[:cut]), " ".join(rest[cut:])
        return Tail(start, found[0], pj.strip(" ,"), sumber)
    return None


def _after_bar(words: list[str], start: int) -> bool:
    """Whether the word at ``start`` follows a division bar ('/ Jumlah Hasil'): the
    RUMUS's denominator opening, not a satuan cell."""
    before = words[start - 1] if start > 0 else ""
    return before in ("/", ":") or (len(before) > 1 and before.endswith("/"))


def _ends_factor(satuan: str, before: str) -> bool:
    """Whether a percent satuan is rather the end of the RUMUS's factor: after a number
    ('x 100 %') or a factor sign ('x %'). A factor already closed by its own percent sign
    ('100% %') leaves the next one to the satuan cell, and other debris (')', '/') is no
    factor; a satuan other than percent never ends a factor ('x Unit')."""
    if satuan.casefold() not in ("%", "persen"):
        return False
    if before in ("x", "X", "×"):
        return True
    return any(c.isdigit() for c in before) and not before.endswith("%")


def lone_satuan(words: list[str]) -> bool:
    """A line that is a satuan cell alone: '%', 'Unit', 'Tahun'."""
    found = satuan_at(words, len(words))
    return (
        found is not None and found[1] == len(words) and (found[0][:1].isupper() or found[0] == "%")
    )
