"""What a row that gives no formula says: the RUMUS cells that name none ('Cukup
Jelas', 'dihitung oleh BPS'), the unit a direct measure's RUMUS or name gives when no
SATUAN is printed, and where an indicator's name opens after its sasaran.

These are conventions of any region's IKU lampiran (the words of a RUMUS column and of
indicator names), never the rows of one regulation.
"""

from __future__ import annotations

import re

from ..units import SATUAN_ALIASES
from .draft_words import NAME_STARTS, satuan_at

__all__ = [
    "COMPUTED_ELSEWHERE",
    "DIVIDES",
    "SELF_EXPLAINED",
    "name_opener",
    "name_start",
    "name_unit",
    "no_formula",
    "rumus_unit",
]

# A RUMUS cell that gives no formula: self-explanatory ('Cukup Jelas', 'Jelas', '-'),
# or the value computed elsewhere ('dihitung oleh BPS', 'Perhitungan dilakukan oleh ...').
SELF_EXPLAINED = re.compile(r"^(?:cukup\s+jelas|jelas|sudah\s+jelas|[-–—])\.?$", re.IGNORECASE)
COMPUTED_ELSEWHERE = re.compile(r"\bdihitung\s+oleh\b|\bperhitungan\s+dilakukan\s+oleh\b", re.I)
# a unit the RUMUS names for a value measured directly: '(dalam tahun)', 'jumlah tahun'
_UNIT_NAMED = re.compile(r"\(\s*dalam\s+(?P<a>\w+)\s*\)|\bjumlah\s+(?P<b>\w+)", re.IGNORECASE)
# a division printed in a RUMUS: a bar, a colon, dibagi, per
DIVIDES = re.compile(r"/|(?:^|\s)(?::|dibagi|per)(?:\s|$)", re.IGNORECASE)
# name openers of a measure, which a sasaran's noun phrase does not open with
_MEASURES = frozenset(
    [
        "persentase",
        "presentase",
        "prosentase",
        "angka",
        "indeks",
        "indek",
        "rasio",
        "besaran",
        "jumlah",
        "cakupan",
        "tingkat",
        "nilai",
        "skor",
        "proporsi",
        "rata-rata",
        "opini",
        "predikat",
        "prevalensi",
        "laju",
    ]
)
_COUNTS = frozenset(["jumlah", "besaran", "banyaknya"])
# satuan that name no thing counted: a plain number ('Jumlah Nilai ...' counts no Nilai)
_PLAIN_WORDS = frozenset(w for w, unit in SATUAN_ALIASES.items() if unit == "dimensionless")


def no_formula(rumus: str) -> str | None:
    """Why a RUMUS cell names no formula (a direct measure), or None."""
    text = " ".join(rumus.split())
    if SELF_EXPLAINED.match(text):
        return f"RUMUS {text!r}: self-explanatory, no formula; a direct measure"
    if COMPUTED_ELSEWHERE.search(text):
        return "the RUMUS says who computes the value, not how: a direct measure"
    return None


def rumus_unit(rumus: str) -> str:
    """The satuan a direct measure's RUMUS names ('(dalam tahun)', 'jumlah tahun'), or ''."""
    for found in _UNIT_NAMED.finditer(rumus):
        word = (found["a"] or found["b"]).casefold()
        if satuan_at([word], 1) and word not in ("jumlah", "persen", "persentase"):
            return word
    return ""


def name_opener(word: str) -> bool:
    """Whether a word opens an indicator's name: a name opener, capitalised."""
    return word[:1].isupper() and word.strip("(").casefold() in NAME_STARTS


def name_start(words: list[str], after_sasaran: bool) -> int | None:
    """Where a row's name opens: at its first name opener; after a sasaran ('Meningkatnya
    Kualitas Pendidik ... Persentase pendidik ...'), at the first opener of a measure
    (Persentase, Angka, Jumlah ...) past the sasaran's own first noun, else the first."""
    openers = [k for k, w in enumerate(words) if name_opener(w)]
    if after_sasaran:
        strong = [k for k in openers if k >= 2 and words[k].casefold() in _MEASURES]
        if strong:
            return strong[0]
    return openers[0] if openers else None


def name_unit(name: str) -> str:
    """The satuan a count's name gives ('Jumlah Kelompok ...', 'Besaran Desa ...'), or ''."""
    words = name.split()
    if len(words) >= 2 and words[0].casefold() in _COUNTS:
        found = satuan_at([words[1]], 1)
        if found and found[0].casefold() not in _PLAIN_WORDS:
            return found[0].casefold()
    return ""
