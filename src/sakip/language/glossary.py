"""The glossary after a formula: "A / B x 100%, dimana A = ...; B = ...".

Its entries name the formula's symbols (aliases for binding values) and may give an
index its range: "i = 1, 2, ..., 9" makes "Jumlah xi" the series x1 + ... + x9.
"""

from __future__ import annotations

import re

__all__ = ["index_ranges", "opens_glossary", "split_glossary"]

_GLOSSARY = re.compile(r"(?i)\bdi\s?mana\s*:?")
# A glossary entry's symbol: a few characters of a name, no operator, then "=".
_GLOSSARY_ENTRY = re.compile(r"[^=;\n/×*+]{1,60}=")
# Entries end at ";", a new line, or a comma before the next short "symbol =":
# "i=1,2,...9, xi=rata-rata ..., y=skala maksimum".
_GLOSSARY_SPLIT = re.compile(r"[;\n]|,\s*(?=[^\s,=;]{1,12}\s*=)")
# "1, 2, ..., 9", "1,2,...9", "1 s.d. 9", "1 sampai 9", "1 - 9", "1..9": an index's range
_RANGE = re.compile(
    r"""
    (?P<listed> \d{1,3} (?: \s* , \s* \d{1,3} )* ) \s*   # 1, 2,
    (?: ,? \s* (?: \.{2,3} | … ) \s* ,?                    # ..., or ..
      | (?: s\.?\s?d\.? | s/d | sampai(?:\s+dengan)? | [-–] )  # s.d., sampai, -
    ) \s*
    (?P<high> \d{1,3} )
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: An index is a single lowercase letter (i, j, k, ...).
_INDEX = re.compile(r"[a-z]")


# "Keterangan: AKI : Angka kematian ibu JKI : Jumlah kematian ibu ...": a legend whose
# entries start at a short symbol and a colon (or "="), on one line or many.
_LEGEND = re.compile(r"(?i)\bketerangan\s*:")
_LEGEND_SYMBOL = re.compile(r"(?<![^\s;,])([A-Z][A-Za-z0-9_]{0,11})\s*[:=](?=\s)")


def opens_glossary(word: str) -> bool:
    """Whether a word is the one that opens a formula's glossary or legend ('Dimana',
    'dimana:', 'Keterangan:'), as a table's RUMUS cell prints it on a line of its own."""
    return _GLOSSARY.fullmatch(word) is not None or _LEGEND.fullmatch(word) is not None


def split_glossary(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The formula and its glossary entries (symbol, description): "dimana X = ..."
    or a legend "Keterangan: X : ...". Text with neither comes back whole."""
    legend = _LEGEND.search(text)
    if legend is not None and text[: legend.start()].strip():
        rest = text[legend.end() :]
        starts = list(_LEGEND_SYMBOL.finditer(rest))
        if starts and not rest[: starts[0].start()].strip():
            entries = [
                (m.group(1), " ".join(rest[m.end() : after].split()).strip(" ;,."))
                for m, after in zip(
                    starts, [n.start() for n in starts[1:]] + [len(rest)], strict=True
                )
            ]
            return text[: legend.start()].rstrip(" \t,;"), entries
    for match in _GLOSSARY.finditer(text):
        rest = text[match.end() :]
        if not rest.strip(" \t\n:;.,") and text[: match.start()].strip():
            return text[: match.start()], []  # "... dimana:" with nothing after it
        conditions = rest.strip().casefold().startswith("jika")
        if conditions or not _GLOSSARY_ENTRY.match(rest) or not text[: match.start()].strip():
            # "dimana jika ..." introduces conditions, and "desa di mana tersedia air"
            # is part of a name: only "dimana X = ..." starts a glossary
            continue
        entries = []
        for line in _GLOSSARY_SPLIT.split(rest):
            symbol, eq, description = line.partition("=")
            if eq and symbol.strip():
                entries.append((" ".join(symbol.split()), " ".join(description.split())))
        # "IKM = ... / y, dimana ...": the comma before "dimana" ends the formula
        return text[: match.start()].rstrip(" \t,;"), entries
    return text, []


def index_ranges(glossary: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """The ranges the glossary gives to one-letter indexes: ``i = 1, 2, ..., 9``. Only
    whole runs ("1, 3, ..., 9" skips numbers: not a range) and one range per index."""
    ranges: dict[str, tuple[int, int] | None] = {}
    for symbol, description in glossary:
        match = _RANGE.fullmatch(description.strip(" .,;"))
        if not _INDEX.fullmatch(symbol) or match is None:
            continue
        listed = [int(n) for n in match.group("listed").split(",")]
        low, high = listed[0], int(match.group("high"))
        whole = listed == list(range(low, low + len(listed))) and listed[-1] < high
        found = (low, high) if whole else None
        ranges[symbol] = found if ranges.get(symbol, found) == found else None
    return {symbol: found for symbol, found in ranges.items() if found is not None}
