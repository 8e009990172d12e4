"""The headings of a regulation's lampiran: a table's header, the column numbers under
it, and the heading of each perangkat daerah (an upper-case line naming a body of
government, followed by its Tugas Pokok), read or, when OCR garbled it, inferred.
"""

from __future__ import annotations

import re

from .draft_words import HEADER_WORDS, INSTITUTION_WORDS

__all__ = ["column_numbers", "headings", "is_header", "title", "unread_headings"]

_TUGAS = re.compile(r"\bTugas\s+Pokok\b|^\s*[AB]\.\s*$|\bFungsi\s+Utama\b", re.IGNORECASE)
_TUGAS_HEAD = re.compile(r"^\s*(?:[A-Z]\s*\.\s*)?Tugas\s+Pokok\b", re.IGNORECASE)
# a heading's number: '1.', or a roman numeral ('I. DINAS ...')
_HEADING_NUMBER = re.compile(r"^\s*(?:(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s*)?")


def is_header(text: str) -> bool:
    words = [w.strip("|()").upper() for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return False
    if "RUMUS" in words and ({"SASARAN", "INDIKATOR", "SATUAN"} & set(words)):
        return True
    known = sum(1 for w in words if w in HEADER_WORDS)
    return known >= max(1, len(words) - (len(words) >= 4)) and words[0] in HEADER_WORDS


def column_numbers(text: str) -> bool:
    """The line of column numbers under a header ('1 2 3 4 5 6 7', OCR: '1 2 & 4 S 6 7'),
    or the first few of them, the rest lost ('1 2'): no row's line counts up from 1."""
    words = text.split()
    if len(words) >= 2 and words == [str(k) for k in range(1, len(words) + 1)]:
        return True
    return len(words) >= 5 and all(len(w) <= 2 for w in words) and words[0] == "1"


def _is_heading(text: str) -> bool:
    """An upper-case line naming a body of government (DINAS ..., KECAMATAN ...)."""
    body = _HEADING_NUMBER.sub("", text).strip()
    letters = [c for c in body if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return False
    words = body.split()
    return 1 <= len(words) <= 14 and words[0].strip(",.").upper() in INSTITUTION_WORDS


def title(text: str) -> str:
    small = {"dan", "di", "ke", "dari", "serta", "pada", "untuk"}
    words = _HEADING_NUMBER.sub("", text).strip().split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        core = word.strip(",.()")
        vowels = sum(c in "AEIOU" for c in core)
        acronym = core.isupper() and len(core) <= 5 and (vowels <= 1 or set(core) <= set("IVX"))
        if i and core.lower() in small:
            out.append(lower)
        elif acronym:
            out.append(word)  # DPRD, RSUD, III, (PTSP); not SUAK, ILIR, AIR
        else:
            out.append(word.capitalize())
    return " ".join(out)


def headings(lines: list[str]) -> set[int]:
    """Indexes of perangkat daerah headings: an institution line before Tugas Pokok, a
    numbered one, or one right above a table header."""
    found = set()
    for i, text in enumerate(lines):
        if not _is_heading(text):
            continue
        after = [t for t in lines[i + 1 : i + 10] if t.strip()][:5]
        if any(is_header(t) for t in after[:1]) and not is_header(text):
            found.add(i)  # a heading right above its table's header
        elif any(_TUGAS.search(t) for t in after) or re.match(
            r"^\s*(\d{1,2}|[IVX]{1,4})\s*\.", text
        ):
            found.add(i)
    return found


def unread_headings(lines: list[str], found: set[int]) -> dict[int, str]:
    """The perangkat daerah whose heading was not read (OCR garbled its institution word,
    or lost the line): a 'Tugas Pokok' sub-heading with no heading just above it still
    opens a section. It starts at the nearest upper-case line above, its title; else at
    the sub-heading itself, named as not read. Index of the section's first line -> its
    name ('' for the title line's own words)."""
    unread: dict[int, str] = {}
    for i, text in enumerate(lines):
        if not _TUGAS_HEAD.match(text) or any(_owns(lines, j, i) for j in found):
            continue
        above = [k for k in range(i - 1, max(-1, i - 5), -1) if lines[k].strip()]
        top = next((k for k in above if _upper(lines[k])), None)
        if top is not None:
            unread[top] = ""
        else:
            unread[i] = f"(perangkat daerah: heading not read, line {i + 1})"
    return unread


def _owns(lines: list[str], heading: int, tugas: int) -> bool:
    """Whether a heading is the one of a Tugas Pokok line: just above it, no table
    header between them."""
    between = lines[heading + 1 : tugas]
    return 0 < tugas - heading <= 10 and not any(is_header(t) for t in between)


def _upper(text: str) -> bool:
    """A line in capitals, as headings are printed ('DlNAS KESEHATAN' as OCR reads it)."""
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    upper = sum(c.isupper() for c in letters)
    return len(letters) >= 6 and upper >= 0.8 * len(letters) and 1 <= len(words) <= 14
