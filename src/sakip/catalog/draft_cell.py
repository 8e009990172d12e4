"""A RUMUS cell's words as printed: the factor ('x 100%', often garbled by OCR), the
debris OCR leaves between the RUMUS and SATUAN columns, and where the cell ends.

The row reader (draft_rows) decides which words of a line are the RUMUS's; this module
cleans them: the factor is taken out and kept apart, stray marks and enumeration numbers
are left out and reported as debris.
"""

from __future__ import annotations

import re

from ..errors import NumberTextError
from ..numbers import parse_number
from .draft_words import RUMUS_OPENERS, RUMUS_STARTS

__all__ = [
    "as_count_word",
    "bracketed_fraction",
    "closes_rumus",
    "factor_in_percent",
    "factor_of",
    "is_noise",
    "misread_counts",
    "opens_denominator",
    "rumus_end",
    "rumus_fragments",
    "unglue",
]

_MULTIPLY = "xX×*£©€¢"
_KEEP_SHORT = frozenset(["di", "ke", "yg", "dg", "n", "x", "a", "i", "dr"])
_OPERATORS = frozenset(["/", ":", "(", ")", "[", "]", "-", "–", "—", "+", "=", "x", "X", "×"])
_FACTORS = (100, 1000, 10000, 100000)  # percent, per 1.000 / 10.000 / 100.000 (rates)
_GLUED = re.compile(r"^(?P<count>[Jj]umlah)(?P<rest>(?!nya\b)[a-z]{3,}\S*)$")
# the count word as OCR misreads it: its J as ']', 'F', 'I' or lost, its u as y, its m
# as n or 'rn' (']ymlah', 'Junlah', 'Fumlah', 'umlah'); no other Indonesian word reads so
_MISREAD_COUNT = re.compile(r"^(?:[\][|FIl1J]?)(?:[uy](?:m|n|rn)lah)(?P<rest>\S*)$")
_SPECKS = ".,'`_"  # what OCR makes of the paper's grain around a mark
# the sign of a factor, in signs or words ('dikali 100%', 'dikali x 100%')
_TIMES = frozenset(
    ["x", "X", "×", "*"]
    + [w for s in ("dikali", "dikalikan", "kali") for w in (s, s.capitalize(), s.upper())]
)
_BRACKET_WORDS = 8  # at most this many words in a bracketed numerator


def bracketed_fraction(words: list[str], i: int) -> bool:
    """Whether words[i] opens a bracketed numerator: a bracket that closes within a few
    words, right before a division bar ('(Realisasi)/(Rencana)', '(jumlah temuan) /').
    A name's brackets hold an acronym or alternatives ('(IKM)', '(SD/MI)'), never a
    numerator over a bar."""
    if not words[i].startswith("("):
        return False
    for k in range(i, min(len(words), i + _BRACKET_WORDS)):
        word = words[k] if k > i else words[k][1:]
        close = word.find(")")
        if "(" in word[: close if close >= 0 else None]:
            return False  # another bracket opens first: not one group
        if close >= 0:
            after = word[close + 1 :]
            following = words[k + 1] if k + 1 < len(words) else ""
            return after.startswith("/") or (not after and following.startswith("/"))
    return False


def misread_counts(line: str) -> list[str]:
    """The words of a line that are the count word misread (see unglue)."""
    return [w for w in line.split() if as_count_word(w) != w]


def as_count_word(word: str) -> str:
    """The word, its count word read as 'Jumlah' when OCR misread it (']ymlah')."""
    match = _MISREAD_COUNT.match(word)
    if match is None or word.startswith("Jumlah"):
        return word
    return f"Jumlah{match['rest']}"


def unglue(word: str) -> list[str]:
    """A word OCR glued from the count word and the words after it, split again:
    'JumlahpesertaJKN' -> Jumlah peserta JKN, 'jumlahpenduduk' -> jumlah penduduk.
    'Jumlahnya' (its number) is one word. The count word misread (']ymlah',
    'Junlah') is read as Jumlah."""
    word = as_count_word(word)
    glued = _GLUED.match(word)
    if glued is None:
        return [word]
    rest = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", glued["rest"])
    return [glued["count"], *rest.split()]


def factor_of(word: str) -> int | None:
    """100 from 'x100%', '£100%', '100%', '100' ...; None for anything else."""
    core = word.lstrip(_MULTIPLY + ".").rstrip("%,")
    if not core or not core[0].isdigit():
        return None
    try:
        value = parse_number(core)
    except NumberTextError:
        return None
    return int(value) if value in _FACTORS else None


def factor_in_percent(rumus: list[tuple[int, str]]) -> bool:
    """Whether the factor printed on a RUMUS's lines carries its percent sign ('x 100%',
    'X 100 %' with the gap OCR reads): the RUMUS then gives a percent, whatever unit
    the SATUAN column prints (a table's satuan often names what is counted, 'Laporan',
    'Unit', or says 'Rasio', beside a share printed 'x 100%')."""
    return any(
        w.endswith("%") and factor_of(w) is not None
        for _, text in rumus
        for w in _join_percent(text.split())
    )


# a division printed between two operands: a bar at a word's edge ('A / B', ')/(',
# 'sosial/Jumlah', never 'SD/MI'), a colon or 'dibagi' between words
_DIVISION = re.compile(r"\S\s(?::|dibagi)\s\S|\S\s*(?:(?<![^\W_])/|/(?![^\W_]))\s*\S")


def closes_rumus(text: str) -> bool:
    """Whether a RUMUS read so far is complete: a division between two operands, then
    the factor with its percent sign as its last word ('(Realisasi)/(Rencana) x 100%').
    A RUMUS cell ends so; what its row's later lines hold where the RUMUS was is
    another cell's (a KET or a name wrapped beside it), never more of the formula. A
    fraction stacked over lines prints its factor beside the bar, before the
    denominator, with no bar printed: it is not complete there."""
    words = _join_percent(text.split())
    if not words or not words[-1].endswith("%") or factor_of(words[-1]) is None:
        return False
    kept, _, _ = _clean(words)  # an operand OCR debris stands for ('/ y') is no operand
    return _DIVISION.search(" ".join(kept)) is not None


def opens_denominator(word: str) -> bool:
    """Whether a RUMUS word can open the denominator of a stacked fraction: a count word
    in any case ('jumlah penduduk'), another RUMUS word with a capital (a cell opens so;
    in lower case, 'realisasi', 'tingkat' go on a sentence)."""
    first = word.strip("(")
    return first.casefold() in RUMUS_OPENERS or (
        first.casefold() in RUMUS_STARTS and first[:1].isupper()
    )


def _unstack(words: list[str]) -> list[list[str]]:
    """A line's RUMUS words split where text extraction flattened a stacked fraction
    onto the line: it prints the numerator, the factor set beside the bar, then the
    denominator ('Jumlah rumah terlayani x 100% Jumlah seluruh rumah'), as any region's
    PDF text does with a two-line cell. Each part is read as one line of the fraction;
    a factor that ends the line, opens it, or is followed by a word that opens no
    denominator leaves the line whole."""
    for i in range(1, len(words) - 1):
        numerator = [w for w in words[:i] if w not in _TIMES]
        if numerator and factor_of(words[i]) is not None and opens_denominator(words[i + 1]):
            return [words[: i + 1], *_unstack(words[i + 1 :])]
    return [words]


def _bar(word: str) -> bool:
    """A division bar with OCR specks beside it ('/.', './', '_/'): the bar, printed."""
    return word != "/" and word.strip(_SPECKS) == "/"


def is_noise(word: str) -> bool:
    """OCR debris in a RUMUS: stray marks, single letters, a lone digit."""
    if word in _OPERATORS or _bar(word):
        return False
    if not any(c.isalnum() for c in word):
        return word not in ("&", "+")
    letters = "".join(c for c in word if c.isalpha())
    return len(word) <= 2 and word.islower() and letters.casefold() not in _KEEP_SHORT


def _join_percent(words: list[str]) -> list[str]:
    """The words with a factor split from its percent sign ('100 %', OCR reads the gap
    as a space) joined again, so '100' is read as the factor, not as a name."""
    joined: list[str] = []
    for word in words:
        if word == "%" and joined and factor_of(joined[-1]) is not None:
            joined[-1] += "%"
        else:
            joined.append(word)
    return joined


def _clean(words: list[str]) -> tuple[list[str], int | None, list[str]]:
    """Words of a RUMUS fragment without the factor and the debris: (words, factor, debris)."""
    kept: list[str] = []
    factor = None
    debris: list[str] = []
    words = _join_percent(words)
    for i, word in enumerate(words):
        glued = re.match(r"^(?P<word>[A-Za-z]{3,})[xX×](?P<n>100[%.0]*)$", word)
        if glued:  # 'Kotax100%': the factor glued to the last word
            kept.append(glued["word"])
            word = glued["n"]
        elif _sign_glued(words, i):  # 'desax 100%': only the sign glued to it
            word = word[:-1]
        found = factor_of(word)
        if found is not None and (i == len(words) - 1 or word.endswith("%") or i > 0):
            factor = found
            if kept and kept[-1] in _TIMES:
                kept.pop()
            continue
        if word in ("x", "X", "×") and i == len(words) - 1:
            continue  # the sign of a factor printed elsewhere
        enumeration = re.fullmatch(r"\d{1,2}[.)]|[a-e][.)]", word) is not None
        if (
            is_noise(word)
            or enumeration
            or (word.isdigit() and len(word) <= 2 and i == len(words) - 1)
        ):
            debris.append(word)
            continue
        kept.append("/" if _bar(word) else word.strip("|"))
    while kept and kept[-1] in _TIMES:
        kept.pop()
    return [w for w in kept if w], factor, debris


def _sign_glued(words: list[str], i: int) -> bool:
    """Whether words[i] carries the factor's sign glued to its end, the factor itself
    printed next ('desax 100%'): OCR lost the space between the word and the 'x'."""
    word = words[i]
    return (
        i + 1 < len(words)
        and len(word) > 3
        and word[-1] in "xX×"
        and word[:-1].isalpha()
        and factor_of(words[i + 1]) is not None
        and not words[i + 1][:1].isalpha()
    )


def rumus_end(words: list[str]) -> int:
    """Where a line's RUMUS cell ends: at the factor or the debris printed between the
    RUMUS and SATUAN columns ('£ 100%', 'x °', '0'); what follows is the next columns'."""
    for i, word in enumerate(words):
        if i and (factor_of(word) is not None or (is_noise(word) and word not in ("x", "X"))):
            end = i + 1
            if factor_of(word) is not None and words[end : end + 1] == ["%"]:
                end += 1  # 'X 100 %': the percent sign is the factor's, OCR split it off
            rest = words[end:]
            if rest and rest[0].strip("(").casefold() in RUMUS_OPENERS:
                continue  # a count word after the factor opens the denominator, not a cell
            if rest and all(w[:1].isupper() or is_noise(w) for w in rest):
                return end
    return len(words)


def _without_note(rumus: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str]]:
    """The RUMUS lines up to a '=' printed after the factor ('... x 100% = jml'): from
    there on, the lines below included, a note follows the formula. (lines, note words)"""
    for k, (number, text) in enumerate(rumus):
        words = text.split()
        for i, word in enumerate(words[:-1]):
            sign = word.endswith("%") or (i > 0 and words[i - 1] in _TIMES)
            if words[i + 1] == "=" and sign and factor_of(word) is not None:
                note = words[i + 1 :] + [w for _, line in rumus[k + 1 :] for w in line.split()]
                return [*rumus[:k], (number, " ".join(words[: i + 1]))], note
    return rumus, []


def rumus_fragments(
    rumus: list[tuple[int, str]],
) -> tuple[tuple[tuple[int, str], ...], int | None, list[str]]:
    """A RUMUS cell's lines without the factor and the OCR debris: (fragments with
    their line numbers, the factor printed, the debris left out)."""
    fragments: list[tuple[int, str]] = []
    factor = None
    rumus, debris = _without_note(rumus)
    for number, text in rumus:
        for part in _unstack(text.split()):
            words, found, dropped = _clean(part)
            factor = found or factor
            debris.extend(dropped)
            if words:
                fragments.append((number, " ".join(words)))
    return tuple(fragments), factor, debris
