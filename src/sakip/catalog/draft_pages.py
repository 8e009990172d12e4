"""Pages that PDF extraction printed in an unusual way, made to read like any other.

- A double-spaced text (a blank line after every line) reads like a single-spaced one:
  its blank lines are no paragraph breaks (:func:`double_spaced`).
- A page flattened onto one line is split at its own evidence: the table header, the
  column numbers under it (with the page number before them at a page break), a
  perangkat daerah heading numbered in roman numerals, a row number before a sasaran
  word or a few words before a RUMUS label ('Rumus :'), a LAMPIRAN running header
  (:func:`unflatten`); a row with RUMUS labels is laid out by draft_flat.

Only the shape and the words of IKU lampiran are used, never the rows of one regulation.
"""

from __future__ import annotations

import itertools
import re

from .draft_flat import flat_rows, is_label
from .draft_words import HEADER_WORDS, INSTITUTION_WORDS, SASARAN_START

__all__ = ["double_spaced", "unflatten"]

# header words of other regions' tables besides HEADER_WORDS
_MORE_HEADER = frozenset(["STRATEGIS", "UTAMA", "IKU", "SKPD", "NO", "FORMULASI"])
_FLAT = 300  # a line longer than this with a table header inside is a flattened page
_ROMAN = re.compile(r"^[IVX]{1,4}\.$")
_NUMBER = re.compile(r"^\d{1,2}\.?$")
_LABEL_WITHIN = 12  # a row's label: after at most the first printed line of two cells


def double_spaced(lines: list[str]) -> bool:
    """Whether a text has a blank line after (nearly) every line of text, as PDF
    extraction gives some pages: then a blank line is no paragraph break."""
    full = [i for i, line in enumerate(lines) if line.strip()]
    gaps = [b - a for a, b in itertools.pairwise(full)]
    return len(gaps) >= 6 and sum(g == 2 for g in gaps) >= 0.9 * len(gaps)


def _header_word(word: str) -> bool:
    bare = word.strip("|().:").upper()
    return bool(bare) and (bare in HEADER_WORDS or bare in _MORE_HEADER)


def _header_span(words: list[str]) -> tuple[int, int] | None:
    """The run of table header words in a flattened line: (start, end)."""
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _header_word(words[j]):
            j += 1
        run = {w.strip("|().:").upper() for w in words[i:j]}
        if j - i >= 4 and "INDIKATOR" in run and run & {"RUMUS", "SATUAN"}:
            return i, j
        i = j + 1
    return None


def unflatten(text: str) -> str:
    """The text with each flattened page (one very long line holding a table header)
    split into lines at its own evidence; other lines as they are."""
    out = []
    for line in text.splitlines():
        words = line.split()
        span = _header_span(words) if len(line) > _FLAT else None
        if span is None:
            out.append(line)
            continue
        cuts = {span[0], span[1], *_column_numbers(words)}
        expected = 1
        for i, word in enumerate(words):
            after = words[i + 1] if i + 1 < len(words) else ""
            if _ROMAN.match(word) and after.strip(",.").upper() in INSTITUTION_WORDS:
                cuts.add(i)  # 'I. DINAS ...': a perangkat daerah heading
            elif word == "LAMPIRAN":
                cuts.add(i)  # the page's running header
            elif (
                i > span[1]
                and _NUMBER.match(word)
                and int(word.rstrip(".")) == expected
                and (SASARAN_START.match(after) or _labelled(words, i))
            ):
                cuts.add(i)  # a row number, in sequence
                expected += 1
        bounds = sorted(c for c in cuts if 0 < c < len(words))
        pieces = [words[a:b] for a, b in zip([0, *bounds], [*bounds, len(words)], strict=True)]
        for piece in pieces:
            out.extend(flat_rows(piece) if piece else [])
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _labelled(words: list[str], i: int) -> bool:
    """Whether a number opens a row by a RUMUS label a few words on ('2 Tersedianya
    air Cakupan air Rumus : ...'): a capitalised word after it, no other number between."""
    after = words[i + 1] if i + 1 < len(words) else ""
    if not after[:1].isupper() or not after[:1].isalpha():
        return False
    for k in range(i + 1, min(len(words), i + 1 + _LABEL_WITHIN)):
        if is_label(words, k):
            return True
        if _NUMBER.match(words[k]):
            return False
    return False


def _column_numbers(words: list[str]) -> set[int]:
    """Where the column numbers under a table header ('1 2 3 4 5') start and end, each
    run on a line of its own; a page number just before a run (a page break: '96 1 2
    3 4 5') on a line of its own too."""
    cuts: set[int] = set()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] == str(j - i + 1):
            j += 1
        if j - i >= 3:
            cuts |= {i, j}
            if i and words[i - 1].isdigit():
                cuts.add(i - 1)
            i = j
        else:
            i += 1
    return cuts
