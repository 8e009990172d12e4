"""The range of one band-table class, read from its tokens: ``25-64,99``, ``> 85 s.d.
100``, ``70 < IKU ≤ 80``, ``91 % ≤ 100 %``, ``antara 60 dan 70``, ``≥ 2 tahun``, ``0``.

A range alone, as :class:`Bounds` with the token span it covers: band_class.py reads
the words around it (label, subject, unit) and decides what they are.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from .band_tokens import Tok

__all__ = ["TIME_UNITS", "Bounds", "FoundRange", "find_range", "with_upper_unit"]

# Time units by their written forms ("bln", "thn"): a word after a range's last number
# that is one is the range's unit, and bands.py converts between them.
TIME_UNITS = {"hari": "hari", "minggu": "minggu", "bulan": "bulan", "bln": "bulan"}
TIME_UNITS |= {"tahun": "tahun", "thn": "tahun", "th": "tahun"}


class Bounds(NamedTuple):
    """A range's ends (None: no bound on that side) and whether each is held."""

    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool
    upper_inclusive: bool
    #: The unit word written after each number ("29 hari–11 bulan"), or "".
    lower_unit: str = ""
    upper_unit: str = ""


_LOWER = {">": (True, False), ">=": (True, True)}  # comparator -> (a lower bound, inclusive)
_UPPER = {"<": (False, False), "<=": (False, True)}
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "="}


class FoundRange(NamedTuple):
    """A range found among a class's tokens, and the token span it covers."""

    bounds: Bounds
    start: int  # first token of the range
    end: int  # the token after it
    subject: tuple[int, int] | None  # words that name the subject, by token index
    percent: bool
    note: str


class _Value(NamedTuple):
    value: Fraction
    end: int
    percent: bool


def _value(toks: list[Tok], i: int) -> _Value | None:
    """A number with its sign (``-2`` glued, ``+ 1`` spaced) and an optional ``%``."""
    sign = 1
    if i + 1 < len(toks) and toks[i + 1].kind == "num":
        tok = toks[i]
        if tok.kind == "plus" or (tok.kind == "dash" and tok.end == toks[i + 1].start):
            sign = -1 if tok.kind == "dash" else 1
            i += 1
    value = toks[i].value if i < len(toks) and toks[i].kind == "num" else None
    if value is None:
        return None
    percent = i + 1 < len(toks) and toks[i + 1].kind == "pct"
    return _Value(value if sign > 0 else -value, i + 1 + percent, percent)


def _starts_range(toks: list[Tok], i: int) -> bool:
    tok = toks[i]
    if tok.kind in ("cmp", "num") or (tok.kind == "eq" and tok.text == "=" and _compares(toks, i)):
        return True
    if tok.kind in ("dash", "plus"):
        return _value(toks, i) is not None
    return tok.text.casefold() == "antara" and _value(toks, i + 1) is not None


def _compares(toks: list[Tok], i: int) -> bool:
    """``= 100`` opening a class, or ``LPP=0`` (a name equal to a value: a class of one
    value; band_class.py leaves such an ``=`` here only when a meaning follows)."""
    return i == 0 or toks[i - 1].kind == "word"


def find_range(toks: list[Tok]) -> FoundRange | None:
    """The first range in the tokens, or None when there is none."""
    for i in range(len(toks)):
        if _starts_range(toks, i):
            return _read_range(toks, i)
    return None


def _read_range(toks: list[Tok], i: int) -> FoundRange | None:
    tok = toks[i]
    if tok.kind in ("cmp", "eq"):
        return _compared(toks, i, tok.op or "=")
    if tok.kind == "word":  # "antara 60 dan 70"
        return _between(toks, i)
    return _from_number(toks, i)


def _words_before(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The words before a comparator, with an abbreviation in brackets after them:
    "Nilai Tukar Petani (NTP) > 100"."""
    start = i
    if start >= 3 and [t.kind for t in toks[start - 3 : start]] == ["open", "word", "close"]:
        start -= 3
    while start > 0 and toks[start - 1].kind == "word":
        start -= 1
    return (start, i) if start < i and toks[start].kind == "word" else None


def _unit_word(toks: list[Tok], i: int) -> str:
    """A word between a number and a range dash: "-2 SD s.d. + 1 SD"."""
    if i + 1 < len(toks) and toks[i].kind == "word" and toks[i + 1].kind in ("dash", "cmp"):
        return toks[i].text
    return ""


def _dashed(
    toks: list[Tok], i: int, first: _Value, dash: int, lower_inclusive: bool, unit: str
) -> FoundRange | None:
    """The range from ``first`` (written with ``unit``) to what follows the dash at
    ``dash``: ``100``, ``< 85``, ``<= 85``."""
    inclusive = True
    at = dash + 1
    if at < len(toks) and toks[at].kind == "cmp":
        if toks[at].op not in _UPPER:
            return None
        inclusive = _UPPER[toks[at].op][1]
        at += 1
    upper = _value(toks, at)
    if upper is None:
        return None
    bounds = Bounds(first.value, upper.value, lower_inclusive, inclusive, unit, "")
    return FoundRange(bounds, i, upper.end, None, first.percent or upper.percent, "")


def _compared(toks: list[Tok], i: int, op: str) -> FoundRange | None:
    """``> 80``, ``IKU ≤ 60``, ``> 85 s.d. 100``, ``>75 s.d. <85``, ``= 100 %``."""
    first = _value(toks, i + 1)
    if first is None:
        return None
    subject = _words_before(toks, i)
    unit = _unit_word(toks, first.end)
    after = first.end + bool(unit)
    if after < len(toks) and toks[after].kind == "dash" and op in _LOWER:
        dashed = _dashed(toks, i, first, after, _LOWER[op][1], unit)
        return None if dashed is None else dashed._replace(subject=subject)
    return FoundRange(_one_sided(op, first.value, unit), i, first.end, subject, first.percent, "")


def _one_sided(op: str, value: Fraction, unit: str) -> Bounds:
    if op in _LOWER:
        return Bounds(value, None, _LOWER[op][1], False, unit, "")
    if op in _UPPER:
        return Bounds(None, value, False, _UPPER[op][1], "", unit)
    return Bounds(value, value, True, True, unit, unit)


def _from_number(toks: list[Tok], i: int) -> FoundRange | None:
    """``25-64,99``, ``91 % ≤ 100 %``, ``70 < IKU ≤ 80``, ``70 ke atas``, ``0``."""
    first = _value(toks, i)
    if first is None:
        return None
    unit = _unit_word(toks, first.end)
    j = first.end + bool(unit)
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and nxt.kind == "dash":
        return _dashed(toks, i, first, j, True, unit)
    if nxt is not None and nxt.kind == "cmp":
        return _chain(toks, i, first, j)
    if nxt is not None and nxt.kind == "post":
        return FoundRange(_one_sided(nxt.op, first.value, unit), i, j + 1, None, first.percent, "")
    return FoundRange(_one_sided("=", first.value, unit), i, first.end, None, first.percent, "")


def _chain(toks: list[Tok], i: int, first: _Value, j: int) -> FoundRange | None:
    """``91 % ≤ 100 %`` (no subject between: from 91 up to 100) or ``70 < IKU ≤ 80``."""
    op = toks[j].op
    second = _value(toks, j + 1)
    if second is not None:
        if op not in _UPPER:
            return None
        bounds = Bounds(first.value, second.value, op == "<=", True)
        note = "no subject between the bounds: the upper bound is taken as inclusive"
        return FoundRange(bounds, i, second.end, None, first.percent or second.percent, note)
    words = _words_after(toks, j + 1)
    if words is None or words[1] >= len(toks) or toks[words[1]].kind != "cmp":
        return None
    last = _value(toks, words[1] + 1)
    if last is None:
        return None
    chained = _two_sides([(_FLIP[op], first.value), (toks[words[1]].op, last.value)])
    if chained is None:
        return None
    return FoundRange(chained, i, last.end, words, first.percent or last.percent, "")


def _words_after(toks: list[Tok], i: int) -> tuple[int, int] | None:
    end = i
    while end < len(toks) and toks[end].kind == "word":
        end += 1
    return (i, end) if end > i else None


def _two_sides(sides: list[tuple[str, Fraction]]) -> Bounds | None:
    """``SUBJECT op value`` twice: one must be a lower and one an upper bound."""
    lowers = [(v, _LOWER[op][1]) for op, v in sides if op in _LOWER]
    uppers = [(v, _UPPER[op][1]) for op, v in sides if op in _UPPER]
    if len(lowers) != 1 or len(uppers) != 1:
        return None
    return Bounds(lowers[0][0], uppers[0][0], lowers[0][1], uppers[0][1])


def _between(toks: list[Tok], i: int) -> FoundRange | None:
    """``antara 60 dan 70`` / ``antara 60 - 70``: both ends included."""
    first = _value(toks, i + 1)
    if first is None or first.end >= len(toks):
        return None
    link = toks[first.end]
    if link.kind != "dash" and link.text.casefold() != "dan":
        return None
    last = _value(toks, first.end + 1)
    if last is None:
        return None
    bounds = Bounds(first.value, last.value, True, True)
    return FoundRange(bounds, i, last.end, None, first.percent or last.percent, "")


def with_upper_unit(toks: list[Tok], found: FoundRange) -> tuple[Bounds, int]:
    """The unit word after the last number, when the first has one or it is a time
    unit: "(29 hari–11 bulan)", "-2 SD s.d. + 1 SD", "(0–6 hari)", "≥ 2 tahun"."""
    bounds, end = found.bounds, found.end
    if end >= len(toks) or toks[end].kind != "word":
        return bounds, end
    word = toks[end].text
    if not (bounds.lower_unit or word.casefold() in TIME_UNITS):
        return bounds, end
    if bounds.upper is None:  # one-sided from below: the word is the lower's unit
        return bounds._replace(lower_unit=bounds.lower_unit or word), end + 1
    lower_unit = bounds.lower_unit or (word if bounds.lower is not None else "")
    return bounds._replace(lower_unit=lower_unit, upper_unit=word), end + 1
