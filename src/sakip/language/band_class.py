"""One class of a band table: its range (``25-64,99``, ``> 85 s.d. 100``,
``70 < IKU ≤ 80``, ``≥ 200``, ``0 kasus``) and the words around it (a label, a
mention of the subject, a unit). bands.py decides between label and unit across
the table and makes the bands.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from .band_text import CONDITION_WORDS, Tok, span

__all__ = ["TIME_UNITS", "Bounds", "Class", "NotAClass", "read_class"]


class NotAClass(Exception):
    """The tokens are not one class with a range; ``pos`` is where in the text."""

    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason, pos)
        self.reason = reason
        self.pos = pos


class Bounds(NamedTuple):
    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool
    upper_inclusive: bool
    #: The unit word written after each number ("29 hari–11 bulan"), or "".
    lower_unit: str = ""
    upper_unit: str = ""


class Class(NamedTuple):
    """A class as read: ``label`` is None until the table decides (the words after the
    range may be a label or a unit)."""

    label: str | None
    before: str
    after: str
    #: ``before`` only names the subject ("rentang nilai", "Nilai") or the range kind.
    mention: bool
    #: A word links class and label ("menunjukkan", "apabila"): one class is a table.
    linked: bool
    #: The label stands apart: ``label : class``, ``class = label``, ``label (class)``.
    separated: bool
    #: The range is one bare number ("0 kasus"), as prose writes numbers too.
    point: bool
    #: The range as written, and with the words after it ("1–2 kasus").
    range_text: str
    class_text: str
    bounds: Bounds
    #: The subject named at a comparator ("IKU" in "70 < IKU ≤ 80") or after "apabila".
    subject: str | None
    #: ``before`` without "rentang" and the like: the subject when it is no label.
    weak: str
    percent: bool
    #: Words after the range that are its unit ("per 100.000 kelahiran hidup"), once
    #: the label is known to be elsewhere.
    unit: str
    notes: tuple[str, ...]
    pos: int


# --- the range -------------------------------------------------------------------------

_LOWER = {">": (True, False), ">=": (True, True)}  # comparator -> (a lower bound, inclusive)
_UPPER = {"<": (False, False), "<=": (False, True)}
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "="}


class _Range(NamedTuple):
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
    if tok.kind in ("cmp", "num") or (tok.kind == "eq" and i == 0 and tok.text == "="):
        return True
    if tok.kind in ("dash", "plus"):
        return _value(toks, i) is not None
    return tok.text.casefold() == "antara" and _value(toks, i + 1) is not None


def _find_range(toks: list[Tok]) -> _Range | None:
    """The first range in the tokens, or None when there is none."""
    for i in range(len(toks)):
        if _starts_range(toks, i):
            return _read_range(toks, i)
    return None


def _read_range(toks: list[Tok], i: int) -> _Range | None:
    tok = toks[i]
    if tok.kind in ("cmp", "eq"):
        return _compared(toks, i, tok.op or "=")
    if tok.kind == "word":  # "antara 60 dan 70"
        return _between(toks, i)
    return _from_number(toks, i)


def _words_before(toks: list[Tok], i: int) -> tuple[int, int] | None:
    start = i
    while start > 0 and toks[start - 1].kind == "word":
        start -= 1
    return (start, i) if start < i else None


def _unit_word(toks: list[Tok], i: int) -> str:
    """A word between a number and a range dash: "-2 SD s.d. + 1 SD"."""
    if i + 1 < len(toks) and toks[i].kind == "word" and toks[i + 1].kind in ("dash", "cmp"):
        return toks[i].text
    return ""


def _upper_part(toks: list[Tok], i: int) -> tuple[_Value, bool] | None:
    """After a dash: ``100``, ``< 85``, ``<= 85``: the upper value and its inclusion."""
    inclusive = True
    if i < len(toks) and toks[i].kind == "cmp":
        if toks[i].op not in _UPPER:
            return None
        inclusive = _UPPER[toks[i].op][1]
        i += 1
    upper = _value(toks, i)
    return None if upper is None else (upper, inclusive)


def _compared(toks: list[Tok], i: int, op: str) -> _Range | None:
    """``> 80``, ``IKU ≤ 60``, ``> 85 s.d. 100``, ``>75 s.d. <85``, ``= 100 %``."""
    first = _value(toks, i + 1)
    if first is None:
        return None
    subject = _words_before(toks, i)
    unit = _unit_word(toks, first.end)
    after = first.end + bool(unit)
    if after < len(toks) and toks[after].kind == "dash" and op in _LOWER:
        upper = _upper_part(toks, after + 1)
        if upper is None:
            return None
        value, inclusive = upper
        bounds = Bounds(first.value, value.value, _LOWER[op][1], inclusive, unit, "")
        return _Range(bounds, i, value.end, subject, first.percent or value.percent, "")
    return _Range(_one_sided(op, first.value, unit), i, first.end, subject, first.percent, "")


def _one_sided(op: str, value: Fraction, unit: str) -> Bounds:
    if op in _LOWER:
        return Bounds(value, None, _LOWER[op][1], False, unit, "")
    if op in _UPPER:
        return Bounds(None, value, False, _UPPER[op][1], "", unit)
    return Bounds(value, value, True, True, unit, unit)


def _from_number(toks: list[Tok], i: int) -> _Range | None:
    """``25-64,99``, ``91 % ≤ 100 %``, ``70 < IKU ≤ 80``, ``70 ke atas``, ``0``."""
    first = _value(toks, i)
    if first is None:
        return None
    unit = _unit_word(toks, first.end)
    j = first.end + bool(unit)
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and nxt.kind == "dash":
        upper = _upper_part(toks, j + 1)
        if upper is None:
            return None
        value, inclusive = upper
        bounds = Bounds(first.value, value.value, True, inclusive, unit, "")
        return _Range(bounds, i, value.end, None, first.percent or value.percent, "")
    if nxt is not None and nxt.kind == "cmp":
        return _chain(toks, i, first, j)
    if nxt is not None and nxt.kind == "post":
        return _Range(_one_sided(nxt.op, first.value, unit), i, j + 1, None, first.percent, "")
    return _Range(_one_sided("=", first.value, unit), i, first.end, None, first.percent, "")


def _chain(toks: list[Tok], i: int, first: _Value, j: int) -> _Range | None:
    """``91 % ≤ 100 %`` (no subject between: from 91 up to 100) or ``70 < IKU ≤ 80``."""
    op = toks[j].op
    second = _value(toks, j + 1)
    if second is not None:
        if op not in _UPPER:
            return None
        bounds = Bounds(first.value, second.value, op == "<=", True)
        note = "no subject between the bounds: the upper bound is taken as inclusive"
        return _Range(bounds, i, second.end, None, first.percent or second.percent, note)
    words = _words_after(toks, j + 1)
    if words is None or words[1] >= len(toks) or toks[words[1]].kind != "cmp":
        return None
    last = _value(toks, words[1] + 1)
    if last is None:
        return None
    chained = _two_sides([(_FLIP[op], first.value), (toks[words[1]].op, last.value)])
    if chained is None:
        return None
    return _Range(chained, i, last.end, words, first.percent or last.percent, "")


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


def _between(toks: list[Tok], i: int) -> _Range | None:
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
    return _Range(bounds, i, last.end, None, first.percent or last.percent, "")


# --- the words around the range ----------------------------------------------------------

# Words that say a class is named next: "dengan mutu pelayanan D", "menunjukkan ...".
_LINKS = {"dengan", "termasuk", "adalah", "yaitu", "yakni", "maka", "menunjukkan"}
_LINKS |= {"menunjukan", "berarti", "artinya", "dikategorikan", "dikatakan", "disebut"}
_LINKS |= {"sebagai", "mendapat", "memperoleh", "diberi", "merupakan", "tergolong", "masuk"}
_LINKS |= {"dalam", "ke", "bernilai"}
# Words around a subject that only say "lies in the range".
_FILLERS = {"rentang", "dalam", "berada", "pada", "di", "antara", "bernilai", "sebesar"}
_FILLERS |= {"range", "interval", "adalah", "yaitu", "yang", "nilainya"}
# A bracket that starts so is another scale for another variable: a note.
_ALTERNATIVES = {"atau", "or", "setara", "ekuivalen", "identik"}
# Numbers after these words belong to a unit: "per 100.000 kelahiran hidup".
_PER = {"per", "setiap", "tiap"}
# Time units, and how many of the smaller unit make one larger.
TIME_UNITS = {"hari": "hari", "minggu": "minggu", "bulan": "bulan", "bln": "bulan"}
TIME_UNITS |= {"tahun": "tahun", "thn": "tahun", "th": "tahun"}


def _range_numbers(toks: list[Tok]) -> list[Tok]:
    """The numbers that are not part of a unit (``per 100.000``)."""
    return [t for i, t in enumerate(toks) if t.kind == "num" and not _after_per(toks, i)]


def _after_per(toks: list[Tok], i: int) -> bool:
    return any(t.text.casefold() in _PER for t in toks[max(0, i - 2) : i])


def _groups(toks: list[Tok]) -> list[tuple[int, int]]:
    """Top-level brackets as (open, close) token indices."""
    found, depth, start = [], 0, 0
    for i, tok in enumerate(toks):
        if tok.kind == "open":
            depth += 1
            start = i if depth == 1 else start
        elif tok.kind == "close":
            depth -= 1
            if depth == 0:
                found.append((start, i))
    return found


class _Parts(NamedTuple):
    outer: list[Tok]  # the class without note brackets and without the class bracket
    inner: list[Tok] | None  # the bracket holding the range: "Neonatal dini (0–6 hari)"
    notes: list[str]


def _parts(text: str, toks: list[Tok]) -> _Parts:
    """Brackets with numbers: an alternative scale or a second range (notes), or the
    class's own range when nothing outside has a number."""
    groups = _groups(toks)
    drop: set[int] = set()
    inner: list[Tok] | None = None
    notes = []
    outer_numbers = any(t.kind == "num" for t in _outside(toks, groups))
    for start, end in groups:
        body = toks[start + 1 : end]
        if not any(t.kind == "num" for t in body):
            continue
        written = span(text, toks[start : end + 1])
        if body[0].text.casefold() in _ALTERNATIVES:
            notes.append(f"'{written}' kept as a note: another scale, not a second variable")
        elif outer_numbers:
            notes.append(f"'{written}' left out: the range outside the brackets is read")
        elif inner is None:
            inner = body
        else:
            raise NotAClass("two ranges in brackets", toks[start].start)
        drop.update(range(start, end + 1))
    outside = [t for i, t in enumerate(toks) if i not in drop]
    return _Parts(outside, inner, notes)


def _outside(toks: list[Tok], groups: list[tuple[int, int]]) -> list[Tok]:
    inside = {i for start, end in groups for i in range(start, end + 1)}
    return [t for i, t in enumerate(toks) if i not in inside]


def _split_label(toks: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """``label : class`` or ``class = label``: (class side, label side), split at the
    first ``:`` or ``=`` with numbers on exactly one side."""
    depth = 0
    for k, tok in enumerate(toks):
        depth += {"open": 1, "close": -1}.get(tok.kind, 0)
        if depth or k == 0 or tok.kind not in ("colon", "eq"):
            continue
        left, right = toks[:k], toks[k + 1 :]
        if bool(_range_numbers(left)) != bool(_range_numbers(right)) and left and right:
            return (left, right) if _range_numbers(left) else (right, left)
    return None


def _clean_label(text: str, toks: list[Tok]) -> str:
    """A label without the words that link it: "dengan mutu pelayanan D (Tidak Baik)"
    is "D (Tidak Baik)", "menunjukkan peningkatan produksi" is "peningkatan produksi"."""
    start = 0
    while start < len(toks) and toks[start].text.casefold() in _LINKS | {":", "="}:
        start += 1
    if start:
        named = next((i for i in range(start, len(toks)) if _named(toks[i])), None)
        if named is not None and all(t.kind == "word" for t in toks[start:named]):
            start = named
    return span(text, toks[start:])


def _named(tok: Tok) -> bool:
    """A word that starts a name: capitalised, or a bracket."""
    return tok.kind == "open" or (tok.kind == "word" and tok.text[:1].isupper())


def _subject_words(text: str, toks: list[Tok]) -> str:
    """A mention of the subject without "rentang", "berada dalam" and the like."""
    words = [t for t in toks if t.kind == "word"]
    while words and words[0].text.casefold() in _FILLERS:
        words = words[1:]
    while words and words[-1].text.casefold() in _FILLERS:
        words = words[:-1]
    return span(text, words)


def _is_mention(toks: list[Tok]) -> bool:
    """Words that only say which value is meant or "lies in the range"."""
    return any(t.text.casefold() in _FILLERS for t in toks)


def read_class(text: str, toks: list[Tok]) -> Class:
    """Read one class; NotAClass when it has no range or more than one."""
    parts = _parts(text, toks)
    if parts.inner is not None:
        # "Neonatal dini (0–6 hari)": the label outside, the range in the brackets
        label = _clean_label(text, parts.outer)
        if not label:
            raise NotAClass("the class has no label", toks[0].start)
        return _build(text, parts.inner, label, parts.notes, separated=True)
    split = _split_label(parts.outer)
    if split is not None:
        side, label_side = split
        return _build(text, side, _clean_label(text, label_side), parts.notes, separated=True)
    return _build(text, parts.outer, None, parts.notes, separated=False)


def _build(
    text: str, toks: list[Tok], label: str | None, notes: list[str], separated: bool
) -> Class:
    pos = toks[0].start if toks else 0
    found = _find_range(toks)
    if found is None:
        raise NotAClass("no range of numbers", pos)
    bounds, end = _upper_unit(toks, found)
    before, after = toks[: found.start], toks[end:]
    if _range_numbers(before) or _range_numbers(after):
        raise NotAClass("more than one range in a class", pos)
    if found.note:
        notes = [*notes, f"'{span(text, toks[found.start : end])}': {found.note}"]
    near = span(text, toks[found.subject[0] : found.subject[1]]) if found.subject else ""
    subject: str | None = near if found.subject and found.subject[0] >= found.start else None
    unit = ""
    if after and after[0].text.casefold() in _PER:  # "per 100.000 kelahiran hidup"
        unit = span(text, after)
        notes = [*notes, f"'{unit}' is the unit of the bounds"]
        after = []
    linked = False
    condition = next(
        (i for i, t in enumerate(before) if t.text.casefold() in CONDITION_WORDS), None
    )
    if label is None and condition is not None and condition > 0:
        # "Gizi baik apabila Z-score berada dalam rentang -2 SD s.d. + 1 SD"
        label, linked = span(text, before[:condition]), True
        subject = _subject_words(text, before[condition + 1 :]) or subject
        before = []
    elif label is None and after and after[0].text.casefold() in _LINKS:
        label, linked = _clean_label(text, after), True  # "... menunjukkan peningkatan"
        after = []
    if near and subject is None and (label is not None or after):
        subject = near  # "IKU > 80": the words at the comparator name the subject
        before = before[: found.subject[0]] if found.subject else before
    return Class(
        label=label,
        before=span(text, before),
        after=span(text, after),
        mention=_is_mention(before),
        linked=linked,
        separated=separated,
        point=toks[found.start].kind not in ("cmp", "eq")
        and found.bounds.lower == found.bounds.upper,
        range_text=span(text, toks[found.start : end]),
        class_text=span(text, toks[found.start : end + len(after)]),
        bounds=bounds,
        subject=subject,
        weak=_subject_words(text, before),
        percent=found.percent,
        unit=unit or (span(text, after) if label is not None else ""),
        notes=tuple(notes),
        pos=pos,
    )


def _upper_unit(toks: list[Tok], found: _Range) -> tuple[Bounds, int]:
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
