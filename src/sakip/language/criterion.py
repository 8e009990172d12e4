"""A criterion that says which units a percentage or a count takes in, written in its
definition: "Persentase anak ... dengan z-score ... berada dalam rentang -2 SD s.d. + 1
SD", "Jumlah Kabupaten/Kota ... . Kabupaten/kota dengan kualitas air minum memenuhi
syarat (...) di 70% Sarana Air Minum dan 30% air minum rumah tangga".

Such a text gives no arithmetic over the whole: it says, for one unit (a child, a
kabupaten), whether that unit is counted. The reader returns that test as a conditional
of sakip's own language, whose result is the answer for one unit: ``"dihitung dalam
pembilang"`` or ``"tidak dihitung dalam pembilang"`` (a count: ``"dihitung"``), or the
written requirement (``"memenuhi syarat"`` / ``"tidak memenuhi syarat"``). Every unit
is either counted or not, so the ``selain itu`` branch closes no gap by a guess.

Two forms, both strict (anything else is left to the other readers):

* within: ``... dengan|yang SUBJECT`` and a comparison or a range said to be one
  (``berada dalam rentang a s.d. b``, ``antara a dan b``, ``≥ 80%``, ``minimal 80``)
  that ends the text, or ``... (SUBJECT > 0,8155)``, a bracket that ends it;
* coverage (coverage.py): ``... dengan ... REQUIREMENT di P% GROUP dan Q% GROUP`` or
  ``UNITS dinyatakan LABEL apabila P% GROUP``: each group's share is at least its
  threshold.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .band_model import BandTable, TextBand
from .band_range import Bounds, FoundRange, find_range, with_upper_unit
from .band_tokens import Tok, is_formula, name_slash, span, tokenize
from .coverage import MAX_NAME_WORDS, declared, opening, thresholds
from .rules import fail_at

__all__ = ["Criterion", "read_criterion"]

# The text starts with what is counted: the quick test that lets every other formula
# pass at the cost of one match.
_QUICK = re.compile(
    r"\s*(?:persentase|prosentase|presentase|proporsi|cakupan|jumlah|banyaknya)\b",
    re.IGNORECASE,
)
# A comparison, a range word or a threshold: a criterion has one (words.COMPARISON_WORDS
# all start with one of these words).
_HINT = re.compile(
    r"[<>≤≥]|\b(?:rentang|interval|kisaran|antara|berada|kurang|lebih|minimal|maksimal|paling"
    r"|sekurang|setidaknya|sama|tidak|di\s*atas|di\s*bawah|(?:di|pada)\s+\d)",
    re.IGNORECASE,
)
# Signs of arithmetic or of a definition: a formula, not a criterion.
_SIGNS = re.compile(r"\s/\s|[=*×÷^Σ∑\"“”{}|#≠@]|\s[xX]\s")
_DIGIT = re.compile(r"\d")
# "Kab/Kota dinyatakan ODF apabila 100% desa/kelurahan telah ODF" (coverage.py).
_DECLARES = re.compile(
    r"\b(?:dinyatakan|dikatakan|disebut|ditetapkan)\s[^.;:\d]{1,80}?\b(?:apabila|jika|bila)\s",
    re.IGNORECASE,
)
_SHARES = {"persentase", "prosentase", "presentase", "proporsi", "cakupan"}
_LINKS = {"dengan", "yang"}
# Words between a subject and its range that only say "lies in the range".
_FILLERS = {"berada", "dalam", "rentang", "pada", "di", "antara", "bernilai", "sebesar"}
_FILLERS |= {"nilainya", "yang", "adalah", "interval", "range", "kisaran", "ada"}
# A range needs a word that says it is one: "usia 7-12 tahun" after "dengan" is a name.
_RANGE_SAYS = {"rentang", "interval", "kisaran", "range", "berada"}
# "status gizi normal yaitu z-score ...": the words after it name the value.
_NAMELY = {"yaitu", "yakni"}
# "sekolah yang memiliki nilai akreditasi minimal 80": the verb is no part of the name.
_HAVING = {"memiliki", "mempunyai", "mendapat", "mendapatkan", "menerima"}
# "z-score hasil pengukuran BB/TB": "hasil pengukuran" says how the value was got.
_HOW = "hasil"
#: Sentences in the text: those before the criterion only describe what is counted.
MAX_SENTENCES = 3


class Criterion(NamedTuple):
    """The test for one unit in sakip's language, and notes on how it was read."""

    formula_text: str
    notes: tuple[str, ...]


def read_criterion(text: str, decimal_point: bool = False) -> Criterion | None:
    """The criterion of a percentage or a count written in words, or None.

    >>> read_criterion("Persentase desa dengan IDM minimal 0,7").formula_text
    'jika {IDM} >= 0,7 maka "dihitung dalam pembilang" selain itu "tidak dihitung dalam pembilang"'
    >>> read_criterion("Persentase penduduk usia 15-64 tahun") is None
    True
    """
    if _DIGIT.search(text) is None:
        return None
    declaring = _DECLARES.search(text) is not None
    lowered = text.casefold()
    linked = " dengan " in lowered or " yang " in lowered or text.rstrip().endswith(")")
    if not declaring and (_QUICK.match(text) is None or not linked):
        return None
    if _SIGNS.search(text) or not (declaring or _HINT.search(text)):
        return None  # arithmetic, or no comparison, range or threshold: before tokenizing
    tokens = tokenize(text, decimal_point)
    if _is_formula(tokens):
        return None
    sentences = _sentences(tokens)
    if sentences is None or not 1 <= len(sentences) <= MAX_SENTENCES:
        return None
    *described, last = sentences
    if any(t.kind in ("num", "cmp", "pct") for s in described for t in s):
        return None  # a number before the criterion: another reading's text
    notes = [f"'{span(text, s)}' describes what is counted" for s in described]
    share = tokens[0].text.casefold() in _SHARES
    found = _within(text, last, share)
    if found is not None:
        return Criterion(found.formula_text, (*notes, *found.notes))
    rule = thresholds(text, last) or declared(text, last)
    return None if rule is None else Criterion(rule[0], (*notes, *rule[1]))


def _is_formula(tokens: list[Tok]) -> bool:
    """Formula material; a slash between two words is part of a name (``BB/TB``,
    ``Kabupaten/Kota``), and ``=`` makes a definition or a formula."""
    kept = []
    for i, tok in enumerate(tokens):
        if tok.kind == "eq":
            return True
        if tok.kind == "op" and tok.text == "/" and name_slash(tokens, i):
            continue
        kept.append(tok)
    return is_formula(kept)


def _sentences(tokens: list[Tok]) -> list[list[Tok]] | None:
    """The sentences, split at full stops outside brackets; None when brackets do not
    balance."""
    found: list[list[Tok]] = [[]]
    depth = 0
    for tok in tokens:
        depth += {"open": 1, "close": -1}.get(tok.kind, 0)
        if depth < 0:
            return None
        if tok.kind == "dot" and depth == 0:
            found.append([])
        elif tok.kind not in ("nl",):
            found[-1].append(tok)
    return None if depth else [s for s in found if s]


def _labels(share: bool) -> tuple[str, str]:
    counted = "dihitung dalam pembilang" if share else "dihitung"
    return counted, "tidak " + counted


def _within(text: str, toks: list[Tok], share: bool) -> Criterion | None:
    """``dengan SUBJECT berada dalam rentang a s.d. b`` (and other ranges said to be
    ranges) at the end of the sentence."""
    for rest in _candidates(toks):
        found = find_range(rest)
        if found is None or not _says_range(rest, found):
            continue
        bounds, end = with_upper_unit(rest, found)
        if _is_unit(rest[end:]):  # "kurang dari -2 SD", "< 11 g/dL"
            unit = span(text, rest[end:])
            bounds, end = bounds._replace(upper_unit=unit, lower_unit=unit), len(rest)
        if end != len(rest):
            return None  # words after the range: not a criterion that ends the text
        subject, said = _subject(text, rest[: found.start])
        if not subject:
            continue  # "yang berada dalam rentang": the subject is before the "yang"
        return _within_criterion(text, rest, found, bounds, end, subject, said, share)
    return None


def _candidates(toks: list[Tok]) -> list[list[Tok]]:
    """Where a criterion may stand: after each ``dengan``/``yang`` (the last first), or
    alone in a bracket that ends the text ("Persentase desa mandiri (IDM > 0,8155)")."""
    links = [i for i, t in enumerate(toks) if t.kind == "word" and t.text.casefold() in _LINKS]
    found = [toks[k + 1 :] for k in reversed(links)]
    start = opening(toks) if toks and toks[-1].kind == "close" else None
    if start:  # not at 0: a name stands before the bracket
        found.append(toks[start + 1 : -1])
    return found


def _is_unit(toks: list[Tok]) -> bool:
    """One word, or words joined by a slash (``g/dL``), perhaps with ``per WORD`` after
    it (``kkal per kapita per hari``): the unit of a bound."""
    while len(toks) >= 3 and toks[-2].text.casefold() == "per" and toks[-1].kind == "word":
        toks = toks[:-2]
    return len(toks) in (1, 3) and all(
        t.kind == "word" if i % 2 == 0 else name_slash(toks, i) for i, t in enumerate(toks)
    )


def _says_range(toks: list[Tok], found: FoundRange) -> bool:
    first = toks[found.start]
    if first.kind == "cmp" or first.text.casefold() == "antara":
        return True
    said = {t.text.casefold() for t in toks[max(0, found.start - 2) : found.start]}
    return bool(said & _RANGE_SAYS)  # "berada dalam rentang", "berada pada"


def _subject(text: str, toks: list[Tok]) -> tuple[str, list[str]]:
    """The subject's name, and notes on the words left out of it: fillers at its end,
    a verb in front ("memiliki nilai akreditasi"), "hasil X" (how the value is got), a
    category before "yaitu" ("status gizi normal yaitu z-score BB/TB"); ("", []) when
    it is no name."""
    if any(t.kind not in ("word", "op") for t in toks):
        return "", []
    notes = []
    namely = next((i for i, t in enumerate(toks) if i and t.text.casefold() in _NAMELY), None)
    if namely is not None:
        notes.append(f"'{span(text, toks[:namely])}' names the units counted")
        toks = toks[namely + 1 :]
    end = len(toks)
    while end > 0 and toks[end - 1].text.casefold() in _FILLERS:
        end -= 1
    start = 1 if end > 1 and toks[0].text.casefold() in _HAVING else 0
    toks = toks[start:end]
    parts = [toks]
    at = next((i for i, t in enumerate(toks) if i and t.text.casefold() == _HOW), None)
    if at is not None and at + 1 < len(toks) and toks[at + 1].kind == "word":
        parts = [toks[:at], toks[at + 2 :]]
        notes.append(f"'{span(text, toks[at : at + 2])}' says how the value is got")
    words = [t for part in parts for t in part if t.kind == "word"]
    if not words or len(words) > MAX_NAME_WORDS or toks[0].kind != "word":
        return "", []
    return " ".join(span(text, part) for part in parts if part), notes


def _within_criterion(
    text: str,
    rest: list[Tok],
    found: FoundRange,
    bounds: Bounds,
    end: int,
    subject: str,
    said: list[str],
    share: bool,
) -> Criterion:
    yes, no = _labels(share)
    band = TextBand(yes, bounds.lower, bounds.upper, bounds.lower_inclusive,
                    bounds.upper_inclusive, span(text, rest[found.start : end]))  # fmt: skip
    if band.start > band.end:
        raise fail_at(text, rest[found.start].start, f"the range '{band.text}' holds no value")
    test = BandTable(subject, (band,)).formula_text()
    notes = [
        f"'{band.text}' says which units are counted: one unit with {band.condition(subject)}"
        f' is "{yes}", any other "{no}"'
    ]
    unit = bounds.lower_unit or bounds.upper_unit
    if unit:
        notes.append(f"the bounds are in {unit}: {subject} is given in {unit}")
    notes.extend(f"{note}: not part of the name {subject}" for note in said)
    if found.percent:
        notes.append("'%' on the bounds: values are compared as numbers of percent")
    return Criterion(f'{test} selain itu "{no}"', tuple(notes))
