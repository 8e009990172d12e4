"""The tokens of a band table's text, from one linear scan: numbers in the text's
notation, comparison signs and words ("kurang dari", "70 ke atas"), range words
("s.d.", "sampai dengan"), words, brackets and separators.

:func:`is_formula` tells formula material (an operator, an arithmetic word, a
function call, ``jika``) from a table on the tokens, so that a formula is left to the
formula parser. Everything after works on these tokens, so no input can make a regex
backtrack.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from ..numbers import INDONESIAN_NUMBER, POINT_NUMBER, parse_number
from .functions import FUNCTIONS
from .words import COMPARISON_WORDS, MUL_WORDS

__all__ = ["MEANING_WORDS", "Tok", "is_formula", "name_slash", "span", "tokenize", "trim_words"]


class Tok(NamedTuple):
    """A token: its kind, the text as written, where it stands, and its meaning (the
    value of a number, the comparator of a comparison word)."""

    kind: str
    text: str
    start: int
    end: int
    value: Fraction | None = None
    op: str = ""


# Comparison words (words.COMPARISON_WORDS) count only before a number ("kurang dari
# 70"), so that "Kurang" stays a label.
_WORD_COMPARATORS = COMPARISON_WORDS
# Comparison words after a number: "70 ke atas" is 70 or more.
_POSTFIX = {
    "ke atas": ">=",
    "keatas": ">=",
    "ke bawah": "<=",
    "kebawah": "<=",
    "atau lebih": ">=",
    "atau kurang": "<=",
}
_SYMBOLS = {"<=": "<=", "=<": "<=", "≤": "<=", "⩽": "<=", ">=": ">=", "=>": ">=", "≥": ">="}
_SYMBOLS |= {"⩾": ">=", "<": "<", ">": ">"}


def _phrases(table: dict[str, str]) -> str:
    """An alternation of the phrases, longest first, any run of spaces between words."""
    ordered = sorted(table, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


_TOKEN = r"""
  (?P<dash> s\.[ ]?d\b\.? | s/d\b | sampai (?:\s+dengan)? \b | hingga \b )  # range words
| (?P<wcmp> (?:{words}) \b (?= \s* [-+−]? \s* [0-9] ) )   # "kurang dari 70"
| (?P<post> (?:{post}) \b )                        # "70 ke atas"
| (?P<eq> -> | → | ⇒ | = (?! [<>] ) )             # between a class and its label
| (?P<cmp> <= | >= | =< | => | [≤≥⩽⩾<>] )          # comparison signs
| (?P<num> {number} )                             # a number in the text's notation
| (?P<pct> % | ‰ | persen \b )
| (?P<word> [^\W\d_] \w* (?: ['’-] [^\W\d_] \w* )* ) # a word; an inner hyphen joins
| (?P<dashchar> [-–—−] )                          # a range dash or a minus sign
| (?P<plus> \+ )
| (?P<open> [(\[] )
| (?P<close> [)\]] )
| (?P<semi> ; )
| (?P<nl> \n )
| (?P<comma> , )
| (?P<colon> : )
| (?P<dot> \.+ | … )
| (?P<op> [/*×÷^Σ∑"“”{{}}|#≠@] )                   # formula signs: not a band table
| (?P<space> [^\S\n]+ )
| (?P<sym> . )                                    # bullets and other marks
"""


def _scanner(number: re.Pattern[str]) -> re.Pattern[str]:
    body = _TOKEN.format(
        words=_phrases(_WORD_COMPARATORS), post=_phrases(_POSTFIX), number=number.pattern
    )
    return re.compile(body, re.VERBOSE | re.IGNORECASE)


_SCAN = {False: _scanner(INDONESIAN_NUMBER), True: _scanner(POINT_NUMBER)}


def tokenize(text: str, decimal_point: bool = False) -> list[Tok]:
    """The tokens of ``text`` (spaces dropped; their place shows in the positions)."""
    tokens = []
    for match in _SCAN[decimal_point].finditer(text):
        kind = match.lastgroup or "sym"
        word = match.group()
        if kind == "space":
            continue
        if kind == "num":
            tokens.append(
                Tok(kind, word, *match.span(), parse_number(word, decimal_point=decimal_point))
            )
        elif kind in ("wcmp", "post"):
            table = _WORD_COMPARATORS if kind == "wcmp" else _POSTFIX
            tokens.append(Tok("cmp" if kind == "wcmp" else kind, word, *match.span(), None,
                              table[" ".join(word.casefold().split())]))  # fmt: skip
        elif kind == "cmp":
            tokens.append(Tok(kind, word, *match.span(), None, _SYMBOLS[word]))
        else:
            tokens.append(Tok("dash" if kind == "dashchar" else kind, word, *match.span()))
    return tokens


# Words of formulas: arithmetic words and verbs, "dihitung"; "x" only where it
# multiplies, and "kali" counts ("1-2 kali") as well as multiplies.
_FORMULA_WORDS = (MUL_WORDS - {"x", "kali"}) | {"dibagi", "membagi", "dibandingkan"}
_FORMULA_WORDS |= {"dibanding", "berbanding", "mengalikan", "mengurangkan", "mengurangi"}
_FORMULA_WORDS |= {"menjumlahkan", "dikurangi", "ditambah", "dihitung", "diperoleh"}
_FORMULA_WORDS |= {"dirumuskan", "didapat", "dimana", "selain"}
# Two words that make an operator or a default branch: "di bagi", "jika tidak".
_FORMULA_PAIRS = {("di", "bagi"), ("di", "kali"), ("jika", "tidak"), ("selain", "itu")}
# "dibagi menjadi 4 kategori" divides a scale into classes, not one number by another.
_INTO = {"menjadi", "dalam", "atas", "ke"}
_MULTIPLY_X = re.compile(r"[xX](?:[0-9].*)?")
_NEXT_OPERAND = {"num", "word", "open"}


# Words after which a class says what its range means: "LPP>0 berarti terjadi
# penambahan penduduk ... dibandingkan dengan tahun sebelumnya". That sentence, up to
# the end of its class, is the label: its words compare nothing.
MEANING_WORDS = frozenset({"berarti", "artinya", "bermakna", "mengindikasikan"})
_CLASS_ENDS = {"nl", "semi", "dot"}


def is_formula(tokens: list[Tok]) -> bool:
    """Formula material: an operator sign, an arithmetic word, ``x`` between operands,
    a function call, or a conditional (``jika ...``) that the formula language reads.
    Words in a class's meaning (after ``berarti``) are not formula material."""
    if tokens and tokens[0].text.casefold() == "jika" and not _meanings(tokens):
        return True
    meaning = False
    heading = _heading_end(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind == "op" and not (i < heading and name_slash(tokens, i)):
            return True
        meaning = (meaning and tok.kind not in _CLASS_ENDS) or tok.text.casefold() in MEANING_WORDS
        if tok.kind != "word" or meaning:
            continue
        word = tok.text.casefold()
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        following = _next_word(tokens, i)
        if word in _FORMULA_WORDS and following not in _INTO:
            return True
        if (word, following) in _FORMULA_PAIRS:
            return True
        if _MULTIPLY_X.fullmatch(tok.text) and (len(tok.text) > 1 or _is(after, _NEXT_OPERAND)):
            return True
        if word in FUNCTIONS and after is not None and after.kind == "open":
            return True
    return False


def _heading_end(tokens: list[Tok]) -> int:
    """Where a heading of words before a colon ends ("Status gizi berdasarkan BB/U:"),
    or 0: in a heading a slash between two words is part of a name."""
    for i, tok in enumerate(tokens):
        if tok.kind == "colon":
            return i
        if tok.kind not in ("word", "op", "open", "close"):
            return 0
    return 0


def name_slash(tokens: list[Tok], i: int) -> bool:
    """A slash glued between two words: "BB/U", "Kabupaten/Kota"."""
    tok = tokens[i]
    before, after = tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tok.text == "/"
        and before is not None
        and after is not None
        and before.kind == after.kind == "word"
        and before.end == tok.start
        and after.start == tok.end
    )


def _meanings(tokens: list[Tok]) -> bool:
    """ "Jika LPP > 0 berarti ...": classes that say what they mean, with no ``maka``
    (the formula language's ``jika ... maka``)."""
    words = {t.text.casefold() for t in tokens if t.kind == "word"}
    return bool(words & MEANING_WORDS) and "maka" not in words


def _next_word(tokens: list[Tok], i: int) -> str:
    return tokens[i + 1].text.casefold() if i + 1 < len(tokens) else ""


def _is(tok: Tok | None, kinds: set[str]) -> bool:
    return tok is not None and tok.kind in kinds


def span(text: str, tokens: list[Tok]) -> str:
    """The text the tokens cover, as written, with runs of whitespace as one space."""
    if not tokens:
        return ""
    return " ".join(text[tokens[0].start : tokens[-1].end].split())


def trim_words(text: str, tokens: list[Tok], drop: set[str] | frozenset[str]) -> str:
    """The words among ``tokens`` without those of ``drop`` at either end (compared
    casefolded), as written: a subject's name without "rentang", "kategori" and such."""
    words = [t for t in tokens if t.kind == "word"]
    start, end = 0, len(words)
    while start < end and words[start].text.casefold() in drop:
        start += 1
    while end > start and words[end - 1].text.casefold() in drop:
        end -= 1
    return span(text, words[start:end])
