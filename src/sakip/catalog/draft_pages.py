"""Pages that PDF extraction printed in an unusual way, made to read like any other.

- A double-spaced text (a blank line after every line) reads like a single-spaced one:
  its blank lines are no paragraph breaks (:func:`double_spaced`).
- A page flattened onto one line is split at its own evidence: the table header, a
  perangkat daerah heading numbered in roman numerals, a row number before a sasaran
  word, a LAMPIRAN running header (:func:`unflatten`).

Only the shape and the words of IKU lampiran are used, never the rows of one regulation.
"""

from __future__ import annotations

import itertools
import re

from .draft_words import HEADER_WORDS, INSTITUTION_WORDS, SASARAN_START

__all__ = ["double_spaced", "unflatten"]

# header words of other regions' tables besides HEADER_WORDS
_MORE_HEADER = frozenset(["STRATEGIS", "UTAMA", "IKU", "SKPD", "NO", "FORMULASI"])
_FLAT = 300  # a line longer than this with a table header inside is a flattened page
_ROMAN = re.compile(r"^[IVX]{1,4}\.$")
_NUMBER = re.compile(r"^\d{1,2}\.?$")


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
        cuts = {span[0], span[1]}
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
                and SASARAN_START.match(after)
                and int(word.rstrip(".")) == expected
            ):
                cuts.add(i)  # a sasaran's row number, in sequence
                expected += 1
        bounds = sorted(c for c in cuts if 0 < c < len(words))
        pieces = [words[a:b] for a, b in zip([0, *bounds], [*bounds, len(words)], strict=True)]
        out.extend(" ".join(p) for p in pieces if p)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
