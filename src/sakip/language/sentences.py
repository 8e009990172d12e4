"""The sentence around a formula: list markers, full stops and the sentences that
only comment on it.

RUMUS cells pasted from documents are sentences: "1. Jumlah A / Jumlah B x 100%.",
"- % Desa Mandiri = ...", or a formula followed by "Perhitungan indikator ini
difokuskan pada ...". This pass blanks what is not formula text with spaces, so the
text keeps its length and every error still points at the column the user sees; each
blanked part gets a note.
"""

from __future__ import annotations

import re

from .rules import fail_at
from .words import ABBREVIATIONS, OPERATOR_WORDS

__all__ = ["focus"]

# A list marker where an item starts: at the start of the text or after a sentence
# end, "1." "2)" "a." "b)" "(h)" or a bullet, followed by a space.
_MARKER = re.compile(
    r"""
    (?: ^ | (?<= [.;:)] ) )        # start of the text, or after ". " "; " ": " ")"
    (?P<space> \s* )
    (?P<marker>
        \d{1,2} [.)]               # 1.  2)
      | [a-zA-Z] [.)] (?= \s )     # a.  b)
      | \( (?: \d{1,2} | [a-z] | [ivx]{1,4} ) \)  # (1) (h) (iv), before a word:
        (?= \s+ (?! (?: x | kali | dikali | dikalikan | dibagi | per ) \b ) [^\W\d_]{2,} )
      | [•▪◦‣·*]                   # a bullet
      | [-–] (?= \s+ [%\w] [^=:/*+()\[\]]*? = )  # "- Label = ...": a bullet before a label
    )
    (?= \s )
    """,
    re.VERBOSE,
)
# A full stop that ends a sentence: before whitespace and a capital or digit, glued
# between a lowercase and a capital letter ("dijalani.Untuk"), or at the end.
_STOP = re.compile(
    r"""
    (?<= [^\W\d_] ) \.                 # after a letter (the word is checked apart)
    (?= \s+ [A-Z0-9(] | [A-Z][a-z] | \s* $ )
  | (?<= [\d%)\]] ) \. (?= \s* $ )        # "x 100%." at the end
  | (?: (?<= \d\d\d ) | (?<= \d[.,]\d ) | (?<= % ) ) \. (?= \s+ [A-Z][A-Za-z] )  # "100.000. AKI"
    """,
    re.VERBOSE,
)
# Formula material: an operator sign, or a word that works as an operator. A percent
# or a plus alone is weak: "difokuskan pada penduduk 40% terbawah" comments.
# ("x" and "kali" alone are not enough: a sentence may name an "X".)
_MATERIAL = re.compile(
    r"[=/×*÷Σ∑]|\b(?:"
    + "|".join(sorted(OPERATOR_WORDS - {"x", "kali"}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_WEAK_MATERIAL = re.compile(r"[%+^:]|\b(?:per|setiap|persentase|proporsi|rasio)\b", re.I)
# A sentence that goes on with the formula: it starts with an operator or a filler.
_CONTINUES = re.compile(
    r"\s*(?:[x×*]\s*\d|(?:hasilnya|kemudian|lalu|selanjutnya|dikali(?:kan)?|dibagi"
    r"|dinyatakan)\b)",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)$")


def focus(text: str, legend: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """``text`` with list markers, full stops and comment sentences blanked (same
    length), and a note per blanked part. Plain formulas come back unchanged.
    ``legend``: the symbols a glossary after the text explains."""
    if "." not in text and not _has_marker_start(text):
        return text, []
    chars = list(text)
    notes: list[str] = []
    stops = _sentence_stops(text)
    for stop in stops:
        chars[stop] = " "
    sentences = _split(text, stops)
    for start, end in sentences:
        match = _MARKER.match(text, start)
        while match and match.start("marker") < end:
            first, last = match.span("marker")
            chars[first:last] = " " * (last - first)
            notes.append(f"'{match.group('marker')}' at column {first + 1} is a list marker")
            match = _MARKER.match(text, last) if len(sentences) > 1 else None
    if len(sentences) > 1:
        sentences = _join_continuations(text, chars, sentences, notes)
    if len(sentences) > 1:
        _keep_formula_sentences(text, chars, sentences, notes, legend)
    if stops and stops[-1] == len(text.rstrip()) - 1 and len(sentences) == 1:
        notes.append("the full stop at the end is punctuation")
    return "".join(chars), notes


def _has_marker_start(text: str) -> bool:
    return bool(_MARKER.match(text))


def _sentence_stops(text: str) -> list[int]:
    stops = []
    depth = braced = 0
    scanned = 0
    for match in _STOP.finditer(text):
        for char in text[scanned : match.start()]:  # brackets since the last stop
            depth += (char in "([") - (char in ")]")
            braced += (char == "{") - (char == "}")
        scanned = match.start()
        if depth > 0 or braced > 0:
            continue
        word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        at_end = not text[match.end() :].strip()
        if word and word.group(1).casefold() in ABBREVIATIONS and not at_end:
            continue  # "Jml. penduduk": an abbreviation, not the end of a sentence
        stops.append(match.start())
    return stops


def _split(text: str, stops: list[int]) -> list[tuple[int, int]]:
    sentences = []
    start = 0
    for stop in stops:
        if text[start:stop].strip():
            sentences.append((start, stop))
        start = stop + 1
    if text[start:].strip():
        sentences.append((start, len(text)))
    return sentences


def _join_continuations(
    text: str, chars: list[str], sentences: list[tuple[int, int]], notes: list[str]
) -> list[tuple[int, int]]:
    """A sentence that goes on with the formula ("... / Jumlah B. Hasilnya dikalikan
    100%.", ". X 100%") joins the one before: its full stop becomes a clause comma."""
    joined = [sentences[0]]
    for start, end in sentences[1:]:
        if _CONTINUES.match(text, start):
            stop = joined[-1][1]
            chars[stop] = ","
            notes.append(f"the sentence at column {start + 1} goes on with the formula")
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _keep_formula_sentences(
    text: str,
    chars: list[str],
    sentences: list[tuple[int, int]],
    notes: list[str],
    legend: frozenset[str],
) -> None:
    """Blank the sentences with no formula material when another sentence has some;
    two sentences that each hold a formula are refused, unless one writes in symbols
    the legend explains what the others say in words."""
    current = "".join(chars)
    with_material = [s for s in sentences if _MATERIAL.search(current, s[0], s[1])]
    symbolic = [s for s in with_material if _in_legend_symbols(current[s[0] : s[1]], legend)]
    if len(with_material) > 1 and len(symbolic) == 1:
        for start, end in with_material:
            if (start, end) != symbolic[0]:
                shown = " ".join(current[start:end].split())
                chars[start:end] = " " * (end - start)
                notes.append(
                    f"the sentence '{_short(shown)}' says in words what the formula in"
                    " symbols after it writes (its legend names the symbols): left out"
                )
        with_material = symbolic
        current = "".join(chars)
    if len(with_material) > 1:
        second = with_material[1][0]
        raise fail_at(
            text,
            second + len(text[second:]) - len(text[second:].lstrip()),
            "two sentences each hold a formula: give one formula per cell",
        )
    if not with_material:
        with_material = [s for s in sentences if _WEAK_MATERIAL.search(current, s[0], s[1])]
    if not with_material:
        return
    for start, end in sentences:
        shown = " ".join(current[start:end].split())
        if (start, end) in with_material or len(shown.split()) < 3:
            continue  # a fragment ("Pi. K / N") is not a comment: it stays
        chars[start:end] = " " * (end - start)
        notes.append(f"the sentence '{_short(shown)}' has no formula and was left out")


_LABELLED = re.compile(r"\s*[^\W\d][\w ]{0,30}=(?P<body>[^=]+)$")
_SYMBOL = re.compile(r"(?<![\w.,])[^\W\d_]\w*")


def _in_legend_symbols(sentence: str, legend: frozenset[str]) -> bool:
    """ "AKI = (JKI/JLH) x 100.000" with JKI and JLH in the legend."""
    labelled = _LABELLED.match(sentence) if legend else None
    if labelled is None:
        return False
    symbols = {m.group(0) for m in _SYMBOL.finditer(labelled.group("body"))} - {"x", "X"}
    return bool(symbols) and symbols <= legend


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
