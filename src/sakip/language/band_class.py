"""One class of a band table: its range (read by band_range.py) and the words around
it: a label, a mention of the subject, a unit (``D (Tidak Baik)``, ``rentang nilai``,
``per 100.000 kelahiran hidup``). bands.py decides between label and unit across the
table and makes the bands.
"""

from __future__ import annotations

from typing import NamedTuple

from .band_range import Bounds, find_range, with_upper_unit
from .band_tokens import MEANING_WORDS, Tok, span, trim_words

__all__ = ["Class", "NotAClass", "read_class"]


class NotAClass(Exception):
    """The tokens are not one class with a range; ``pos`` is where in the text."""

    def __init__(self, reason: str, pos: int) -> None:
        super().__init__(reason, pos)
        self.reason = reason
        self.pos = pos


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


# Words that link a label before them to a condition after: "Baik apabila ...".
_CONDITION_WORDS = frozenset({"apabila", "jika", "bila", "bilamana", "jikalau", "kalau"})
# Words that say a class is named next: "dengan mutu pelayanan D", "menunjukkan ...".
_LINKS = {"dengan", "termasuk", "adalah", "yaitu", "yakni", "maka", "menunjukkan"}
_LINKS |= {"menunjukan", "berarti", "artinya", "dikategorikan", "dikatakan", "disebut"}
_LINKS |= {"sebagai", "mendapat", "memperoleh", "diberi", "merupakan", "tergolong", "masuk"}
_LINKS |= {"dalam", "ke", "bernilai"}
# Words that join the last class of a list to the others: "..., dan tinggi jika > 20%".
_JOINS = {"dan", "serta", "atau"}
# Words around a subject that only say "lies in the range".
_FILLERS = {"rentang", "dalam", "berada", "pada", "di", "antara", "bernilai", "sebesar"}
_FILLERS |= {"range", "interval", "adalah", "yaitu", "yang", "nilainya"}
# A bracket that starts so is another scale for another variable: a note.
_ALTERNATIVES = {"atau", "or", "setara", "ekuivalen", "identik"}
# Numbers after these words belong to a unit: "per 100.000 kelahiran hidup".
_PER = {"per", "setiap", "tiap"}


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
        if tok.kind == "eq" and any(t.text.casefold() in MEANING_WORDS for t in right):
            return None  # "LPP=0 berarti ...": the label follows "berarti", "=" compares
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
    return trim_words(text, toks, _FILLERS)


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
    found = find_range(toks)
    if found is None:
        raise NotAClass("no range of numbers", pos)
    bounds, end = with_upper_unit(toks, found)
    before, after = toks[: found.start], toks[end:]
    if _range_numbers(before) or _range_numbers(after):
        raise NotAClass("more than one range in a class", pos)
    if found.note:
        notes = [*notes, f"'{span(text, toks[found.start : end])}': {found.note}"]
    if found.subject and toks[found.subject[0]].text.casefold() in _CONDITION_WORDS:
        # "Jika LPP > 0 berarti ...": the word opens the class's condition, not a name
        start = found.subject[0] + 1
        found = found._replace(
            subject=(start, found.subject[1]) if start < found.subject[1] else None
        )
        before = [t for t in before if t is not toks[start - 1]]
    near = span(text, toks[found.subject[0] : found.subject[1]]) if found.subject else ""
    subject: str | None = near if found.subject and found.subject[0] >= found.start else None
    unit = ""
    if len(after) > 1 and after[0].kind == "comma" and after[1].text.casefold() in _LINKS:
        after = after[1:]  # "NTP > 100, berarti petani mengalami surplus"
    if after and after[0].text.casefold() in _PER:  # "per 100.000 kelahiran hidup"
        unit = span(text, after)
        notes = [*notes, f"'{unit}' is the unit of the bounds"]
        after = []
    linked = False
    condition = next(
        (i for i, t in enumerate(before) if t.text.casefold() in _CONDITION_WORDS), None
    )
    if label is None and condition is not None and condition > 0:
        # "Gizi baik apabila Z-score berada dalam rentang -2 SD s.d. + 1 SD"; "dan
        # tinggi jika > 20%" ends a list: "dan" joins, it is not part of the label
        joined = before[0].text.casefold() in _JOINS and condition > 1
        label, linked = span(text, before[joined:condition]), True
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
