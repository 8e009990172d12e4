"""A row's first line: where its sasaran, INDIKATOR and RUMUS cells open.

On a row's first line the cells sit side by side: the sasaran (often wrapped, printed
once for several rows), the indicator's name, the RUMUS, then the tail (draft_tail). The
cells are told apart by how each opens: a sasaran with a state reached (Meningkatnya ...),
a name with a name word (Persentase, Tingkat ...), a RUMUS with a count or a result
(Jumlah, Total, 'X =', a bracketed numerator over a bar); and by the column rules ('|')
OCR keeps between cells. These are the shapes of any IKU lampiran, never one regulation.
"""

from __future__ import annotations

import re

from ..language import opens_glossary
from .draft_cell import bracketed_fraction
from .draft_words import (
    NAME_OPENERS,
    NAME_STARTS,
    RUMUS_OPENERS,
    RUMUS_STARTS,
    SASARAN_START,
    SASARAN_WORDS,
)

__all__ = [
    "column_rules",
    "divides_by_count",
    "first_line",
    "first_rumus_start",
    "glossary_word",
    "opener",
    "restated_below",
    "rumus_start",
]

# how a RUMUS divides in words, besides its bar
_DIVIDES = frozenset(["dibagi", "dengan", ":"])
_RULES = frozenset(["|", "l"])  # a column rule as OCR prints it, a word of its own
# a variable's symbol, its parts joined by underscores ('x_i', 'PL_A'): a RUMUS's word,
# never a name's
_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")
# or its words glued in camel case ('JumlahKaderAktif', 'siswaSD'): a run of three
# lower-case letters, then a capital, in one word; a name prints its words apart
_CAMEL = re.compile(r"[A-Za-z]*[a-z]{3}[A-Z][A-Za-z0-9]*")


def _symbol(word: str) -> bool:
    core = word.rstrip(")")
    return bool(_SYMBOL.fullmatch(core) or _CAMEL.fullmatch(core))


def column_rules(line: str) -> frozenset[int]:
    """Where the column rules of a line stand: the indexes, among the line's words
    without its rules, of the words a rule was printed before."""
    found, kept = set(), 0
    for word in line.split():
        if word in _RULES:
            found.add(kept)
        else:
            kept += 1
    return frozenset(found)


def rumus_start(words: list[str], first: int) -> int | None:
    for i in range(first, len(words)):
        word = words[i].strip("|(")
        if i and words[i - 1] == "=":
            continue  # the right side of '=': a cell opens at its first word ('X = ...')
        if word.casefold() in RUMUS_STARTS or (
            i + 1 < len(words) and words[i + 1] == "=" and word[:1].isupper()
        ):
            return i
        if glossary_word(word):
            return i  # 'Dimana :' opens the RUMUS's glossary beside a wrapped name
        if word.endswith("=") and len(word) > 1 and word[0].isupper():
            return i
        if bracketed_fraction(words, i) or _symbol(word):
            return i
        if word == "a." and i + 1 < len(words) and words[i + 1][:1].isupper():
            return i
    return None


def first_rumus_start(words: list[str], first: int) -> int | None:
    """Where the RUMUS opens on a row's first line. A word that opens names as well as
    RUMUS cells (Tingkat, Nilai, Angka ...) gives way to a capitalised word that opens
    only a RUMUS (Jumlah, Total, 'X =') later on the line: 'Persentase Tingkat
    Kedisiplinan Jumlah Kegiatan ...' is named 'Persentase Tingkat Kedisiplinan'. A
    lowercase RUMUS word gives way to a capitalised one after it, as a cell opens with
    a capital: 'Jumlah rata-rata Rata-rata jumlah pasien' is named 'Jumlah rata-rata'."""
    found = rumus_start(words, first)
    if found is None or opener(words, found):
        return found
    for i in range(found + 1, len(words)):
        if opener(words, i) and words[i].strip("|(")[:1].isupper():
            return i
    if not words[found].strip("|(")[:1].isupper():
        later = rumus_start(words, found + 1)
        if later is not None and words[later].strip("|(")[:1].isupper():
            return later
    return found


def opener(words: list[str], i: int) -> bool:
    """Whether words[i] opens only a RUMUS: Jumlah, Total, ... or a result name 'X =',
    or the first item of a RUMUS written as a list ('a. Pengukuran ...')."""
    word = words[i].strip("|(")
    if word == "a." and i + 1 < len(words) and words[i + 1][:1].isupper():
        return True
    if word.casefold() in RUMUS_OPENERS or bracketed_fraction(words, i) or glossary_word(word):
        return True
    if _symbol(word):
        return True
    named = (i + 1 < len(words) and words[i + 1] == "=") or (word.endswith("=") and len(word) > 1)
    return named and word[:1].isupper()


def glossary_word(word: str) -> bool:
    """'Dimana :' capitalised opens a RUMUS's glossary as a cell; 'dimana jika' in a
    sentence brings conditions."""
    return opens_glossary(word) and word[:1].isupper()


def first_line(
    words: list[str], number: int | None, rules: frozenset[int] = frozenset()
) -> tuple[list[str], list[str], list[str] | None]:
    """(sasaran, indikator, rumus) words of a row's first line; rumus None if not begun.
    ``rules``: where column rules stand among the words (see column_rules)."""
    start = 0
    sasaran: list[str] = []
    if number is not None:
        at = next(
            (
                i
                for i, w in enumerate(words)
                if w.rstrip(".").isdigit() and int(w.rstrip(".")) == number
            ),
            None,
        )
        if at is not None:
            sasaran, start = words[:at], at + 1
    elif words and SASARAN_START.match(words[0].strip("|")):
        start = _sasaran_rule(words, rules) or _after_sasaran(words)
        sasaran = words[:start]
    else:
        start = _name_rule(words, rules) or _name_opener(words)
        sasaran = words[:start]
    while start < len(words) and words[start] in (".", "•"):
        start += 1
    if _fraction_opens(words, start):
        return sasaran, [], words[start:]
    cut = _rumus_rule(words, rules, start, first_rumus_start(words, start + 1))
    if cut is None:
        return sasaran, words[start:], None
    rumus = words[cut:]
    if len(rumus[0]) > 1 and rumus[0][0] == "/" and rumus[0][1].isalpha():
        # a RUMUS never opens on a division bar: '/umlah...' is a J or a rule OCR misread
        rumus = [rumus[0][1:], *rumus[1:]]
    return sasaran, words[start:cut], rumus


def _sasaran_rule(words: list[str], rules: frozenset[int]) -> int:
    """A column rule a few words into a line that opens like a sasaran closes the
    sasaran cell, when the word after it opens a name (capitalised, not a count or a
    total: 'Meningkatnya Kontribusi | Tingkat ketercapaian Jumlah ...') and no word that
    opens only names came before it (then the rule closes the name). 0 if none."""
    for b in sorted(r for r in rules if 0 < r < min(len(words), SASARAN_WORDS)):
        if any(w.casefold() in NAME_OPENERS for w in words[:b]):
            return 0
        if words[b][:1].isupper() and not opener(words, b):
            return b
    return 0


def _name_rule(words: list[str], rules: frozenset[int]) -> int:
    """On a line that does not open like a sasaran, a column rule a few words in with
    no name word before it and a name word after it ('penyakit menular | Imunisasi
    Dasar ...') closes the sasaran cell, wrapped from above. 0 if none."""
    for b in sorted(r for r in rules if 0 < r < min(len(words), SASARAN_WORDS)):
        if any(w.strip(".").casefold() in NAME_STARTS for w in words[:b]):
            return 0
        word = words[b]
        if word[:1].isupper() and word.casefold() in NAME_STARTS and not opener(words, b):
            return b
    for b in range(1, min(len(words) - 1, SASARAN_WORDS)):
        if any(w.strip(".").casefold() in NAME_STARTS for w in words[:b]):
            return 0
        if words[b] == "." and words[b + 1][:1].isupper():
            return b  # a lone '.', a rule OCR read as a dot ('(Bangkit Sehat . Angka ...')
    return 0


def _rumus_rule(words: list[str], rules: frozenset[int], start: int, cut: int | None) -> int | None:
    """The first column rule after the name has opened closes the name cell: the RUMUS
    opens right after it ('Persentase Capaian Rata - Rata | Tingkat Realisasi ...': the
    name words Capaian, Tingkat open RUMUS cells too), unless a word that opens only a
    RUMUS (Jumlah, 'X =') opened it before the rule: a rule printed inside the RUMUS."""
    after = [b for b in sorted(rules) if start < b < len(words)]
    if not after or (cut is not None and cut < after[0] and opener(words, cut)):
        return cut
    return after[0]


def _after_sasaran(words: list[str]) -> int:
    """Where the INDIKATOR cell opens on a row's first line that opens like a sasaran
    (Meningkatnya ...): at a lone '.', or at the first capitalised word that opens a
    name (Persentase, Tingkat ...) or a sasaran again (an indicator named like a state
    reached, 'Meningkatnya capaian ...': a sasaran opens once). A cell opens with a
    capital: 'kualitas' goes on the sasaran. When that word opens only a RUMUS (Jumlah,
    Total ...) and no RUMUS opens after it, the row prints one cell before its RUMUS:
    the indicator's name, which every row has, while a sasaran cell spans rows and is
    printed once (0)."""
    for i in range(1, len(words)):
        word = words[i].strip(".|")
        if words[i] == ".":
            return i
        if not word[:1].isupper():
            continue
        if word.casefold() in NAME_STARTS or SASARAN_START.match(word):
            if opener(words, i) and rumus_start(words, i + 1) is None:
                return 0
            return i
    return len(words)


def _name_opener(words: list[str]) -> int:
    """Where the INDIKATOR cell opens on a row's first line that does not open with a
    sasaran word: at a word that opens only names (Persentase, Cakupan ...) a few words
    in, before any RUMUS word; the words before it are the sasaran cell's, wrapped from
    the line above ('... Terpencil Persentase keluarga miskin Jumlah ...'). 0 if none."""
    named = False  # a name word seen: the name has opened
    for i, word in enumerate(words[:SASARAN_WORDS]):
        if word.casefold() in RUMUS_STARTS:
            # a word that opens names and RUMUS cells alike (Nilai, Angka; not a count)
            # after the sasaran's wrapped words, a RUMUS opening after it, opens the name
            both = word[:1].isupper() and word.casefold() in NAME_STARTS
            both = both and not named and not opener(words, i)
            return i if i and both and rumus_start(words, i + 1) is not None else 0
        if i and word.casefold() in NAME_OPENERS and word[:1].isupper() and not named:
            return i
        named = named or word.casefold() in NAME_STARTS
    return 0


def _fraction_opens(words: list[str], start: int) -> bool:
    """Whether a row's first line opens on its RUMUS, its INDIKATOR cell left empty: a
    count word (Jumlah, Jml ...) whose line goes on to a slash before another count word
    ('Jumlah kader aktif/Jumlah total kader'). A name never divides by a count."""
    if start >= len(words) or words[start].strip("|(").casefold() not in RUMUS_OPENERS:
        return False
    return any(divides_by_count(word) for word in words[start + 1 :])


def divides_by_count(word: str) -> bool:
    """Whether a word holds a division bar before a count word: 'aktif/Jumlah'. A name's
    slash joins names ('SD/MI', 'Kabupaten/Kota'), never a count."""
    return any(part.casefold() in RUMUS_OPENERS for part in word.split("/")[1:])


def restated_below(name: list[str], below: list[str]) -> int | None:
    """Where the RUMUS opens on a row's first line that no RUMUS word opened, when the
    line below counts what the line names from a capitalised word on: a denominator
    restates its numerator's thing ('Tingkat pembinaan Kader Posyandu Terlatih' over
    '... Jumlah kader posyandu': the numerator is 'Kader Posyandu Terlatih'). Two words
    must agree; None otherwise. A line below that divides
    after its count ('Jumlah desa siaga aktif / Jumlah desa') prints the whole RUMUS
    itself: the line above holds none, however its name restates the count."""
    count = next((j for j, w in enumerate(below) if w.casefold() in RUMUS_OPENERS), None)
    if count is None or count + 2 >= len(below):
        return None
    if any("/" in w or w.casefold() in _DIVIDES for w in below[count + 1 :]):
        return None
    thing = [w.strip("(),.").casefold() for w in below[count + 1 : count + 3]]
    for k in range(1, len(name) - 1):
        if name[k][:1].isupper() and [w.strip("(),.").casefold() for w in name[k : k + 2]] == thing:
            return k
    return None
