"""Text that is not a formula, refused with :class:`~sakip.errors.NotAFormulaError`
before the parser tries it: placeholders ("-", "Cukup Jelas", "n/a"), statements that
the value comes from elsewhere ("dihitung oleh BPS") and text cut off mid-word ("yaitu
dime...").

Refused here, before the parser, so that the message says what the text is and what
to write instead. notation.py calls each refusal only behind its cheap test
(:data:`PLACEHOLDER_FIRST`, :data:`STATEMENT_STARTS`, a final stop), so a formula costs
a set lookup or two.
"""

from __future__ import annotations

import re

from ..errors import FormulaSyntaxError, NotAFormulaError
from .quoting import shorten
from .rules import fail_at

__all__ = [
    "LONGEST_PLACEHOLDER",
    "PLACEHOLDER_FIRST",
    "STATEMENT_STARTS",
    "refuse_blank",
    "refuse_cut_off",
    "refuse_placeholder",
    "refuse_statement",
]


_PLACEHOLDERS = frozenset(
    {
        "n/a", "na", "n.a", "tbd", "tba", "null", "none", "nan", "?",
        "cukup jelas", "sudah jelas",
        "tidak ada", "belum ada", "nihil", "kosong", "tidak ada data", "belum ada data",
        "tidak tersedia", "belum tersedia", "data tidak tersedia", "data belum tersedia",
        "tidak diukur", "belum diukur", "tidak dapat diukur", "tidak berlaku",
        "tidak relevan", "ditentukan kemudian",
    }
)  # fmt: skip
_DASHES_OR_ZERO = re.compile(
    r"""
      [-–—−‐_.\s]+                     # only dashes: "-", "–", "--", "- -"
    | 0 (?: [.,] 0+ )? \s* %?           # only zero: "0", "0,00", "0 %"
    """,
    re.VERBOSE,
)
_DASH_OR_ZERO_FIRST = "-–—−‐_.0"
#: The first characters of placeholders, and their longest length: the cheap test.
PLACEHOLDER_FIRST = frozenset({w[0] for w in _PLACEHOLDERS} | set(_DASH_OR_ZERO_FIRST))
LONGEST_PLACEHOLDER = 40
# What a statement that the value comes from elsewhere starts with, by its shape:
# "<verb> oleh ...", "<noun> [diambil|bersumber] dari ...", "<per> <data> ...". Only
# "oleh" (by whom): "dihitung dari ..." and "diperoleh dari ..." go on to say how.
_COMPUTED_BY = ("dihitung", "diolah", "dirilis", "diterbitkan", "ditetapkan", "disediakan",
                "dikeluarkan")  # fmt: skip
_DATA = ("data", "angka", "nilai")
# "Perhitungan dilakukan oleh pihak ketiga": who does the work, not how.
_WORK = ("perhitungan", "penghitungan", "pengukuran", "penilaian", "survei", "pengolahan")
_ACCORDING_TO = ("sesuai", "berdasarkan", "menurut", "mengikuti", r"mengacu\s+pada")
_ELSEWHERE = re.compile(
    rf"""
    \(? \s*+                                                  # of the stripped text
    (?:
        (?: (?: {"|".join(_WORK)} ) \s++ )?
        (?: {"|".join((*_COMPUTED_BY, "dilakukan", "dilaksanakan"))} ) \s++ oleh  # dihitung oleh
      | (?: {"|".join(_DATA)} ) \s++ (?: (?: diambil | bersumber ) \s++ )? dari  # data dari
      | (?: {"|".join(_ACCORDING_TO)} )
        \s++ (?: data | rilis | publikasi | angka )             # sesuai data ...
      | sumber (?: \s++ data )? \s*+ (?: dari | : )             # sumber: ...
    ) (?!\w)                                                    # a whole word
    """,  # possessive spaces: a long run of them is not tried at every length
    re.VERBOSE | re.IGNORECASE,
)
#: The first four letters of the words above: a set lookup before the pattern.
STATEMENT_STARTS = frozenset(
    w[:4] for w in (*_COMPUTED_BY, *_DATA, *_ACCORDING_TO, *_WORK, "sumber")
)
# Arithmetic, in symbols or words, that makes such a text a formula after all ("data
# dari BPS: A / B x 100%", "nilai dari jumlah A dibandingkan jumlah B").
_ARITHMETIC = re.compile(
    r"""
      [=*×+^%÷] | \s/\s | [xX] \s* \d                       # symbols
    | \b (?: dibagi | membagi | pembagian | dibandingkan | membandingkan | terhadap
          | dikali (?:kan)? | mengalikan | perkalian | dikurangi | ditambah
          | persen | per ) \b                              # words
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WRITE_INSTEAD = (
    "write the formula that computes the indicator (for example 'Realisasi / Target x 100%')"
)


def _at_start(plain: str, text: str, message: str) -> FormulaSyntaxError:
    """The refusal of the whole text: it points at its first character."""
    return fail_at(text, len(plain) - len(plain.lstrip()), message, NotAFormulaError)


def refuse_placeholder(plain: str, stripped: str, text: str) -> None:
    """Refuse ``stripped`` when it is a placeholder: a known word, only dashes, a zero."""
    key = " ".join(stripped.lower().split()).rstrip(".")
    if key in _PLACEHOLDERS or (key[:1] in _DASH_OR_ZERO_FIRST and _DASHES_OR_ZERO.fullmatch(key)):
        raise _at_start(
            plain,
            text,
            f"'{stripped}' is a placeholder, not a formula: {_WRITE_INSTEAD},"
            " or leave the formula empty when the indicator has none",
        )


def refuse_statement(plain: str, stripped: str, text: str) -> None:
    """Refuse a statement of where the value comes from that holds no arithmetic."""
    statement = _ELSEWHERE.match(stripped)
    if statement and not _ARITHMETIC.search(stripped, statement.end()):
        raise _at_start(
            plain,
            text,
            f"'{shorten(stripped)}' is a description of where the value comes from, not"
            " a formula: give the published figure as the indicator's value, or"
            " write the formula the source uses (for example 'A / B x 100%')",
        )


def refuse_cut_off(plain: str, text: str) -> None:
    """Text that ends in an ellipsis right after a word was cut off; after an operator
    or an indexed term ("L1 + L2 + ...") it is a series, left to the parser."""
    body = plain.rstrip()
    if not body.endswith(("...", "…")):
        return
    body = body.rstrip(".…")
    end = len(body.rstrip())
    limit = max(end - 40, 0)  # a word of over 40 letters is a word all the same
    start = end
    while start > limit and body[start - 1].isalpha():
        start -= 1
    glued = limit < start and (body[start - 1].isalnum() or body[start - 1] == "_")
    if end - start >= 2 and not glued:
        raise fail_at(
            text,
            len(body),
            f"the text stops at '{shorten(plain.strip()[-30:], 30)}': it was cut off"
            " mid-sentence and is not a whole formula; copy the whole formula from the"
            " source document",
            NotAFormulaError,
        )


_BLANK = re.compile(r"\.{4,}|…{2,}")


def refuse_blank(plain: str, text: str) -> None:
    """A run of dots left blank to fill in, as forms print them ("sd akhir Tahun
    ........%"): the text is a form, not a formula. Three dots stay a series."""
    blank = _BLANK.search(plain)
    if blank is not None:
        raise fail_at(
            text,
            blank.start(),
            f"'{blank.group(0)}' is a blank to fill in, as a form prints it: this is not a"
            " whole formula; copy the formula itself",
            NotAFormulaError,
        )
