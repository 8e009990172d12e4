"""Band and classification tables written as text, read into a :class:`BandTable`.

"A (Sangat Baik) = 88,31 - 100,00; B (Baik) = 76,61 - 88,30; ...", "Sangat Baik : IKU >
80; Baik : 70 < IKU ≤ 80; ...", "IKM terbagi menjadi 4 kategori yaitu: 1) Nilai
25-64,99 dengan mutu pelayanan D (Tidak Baik). 2) ...": a subject, and classes that
each give a range and a label. A plain range ``a - b`` holds both ends (documents mean
it); ``> 85 s.d. 100`` leaves out 85. The gaps between classes and their overlaps are
reported, never closed by a guess: :meth:`BandTable.formula_text` gives no label there,
so evaluating a value in a gap raises.

This module reads the table as a whole (is it a table, what are the labels, the subject,
the unit) from the parts the band_* modules read: band_tokens.py (tokens),
band_text.py (header and classes), band_class.py and band_range.py (one class), and
band_model.py (the table read).
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..errors import LimitError
from .band_class import Class, NotAClass, read_class
from .band_model import BandTable, TextBand, gaps, number_text, overlaps
from .band_range import TIME_UNITS
from .band_text import KIND_WORDS, header, mark_items, split_items
from .band_tokens import is_formula, tokenize
from .limits import MAX_LENGTH
from .rules import fail_at

__all__ = ["MAX_BANDS", "BandTable", "TextBand", "read_bands"]

#: Classes in one table.
MAX_BANDS = 100
#: When a range changes unit ("29 hari–11 bulan"): how many of the smaller unit make
#: one of the larger. A month is 30 days, as health reporting counts ages in days.
_PER_UNIT = {
    ("minggu", "hari"): 7,
    ("bulan", "hari"): 30,
    ("tahun", "hari"): 365,
    ("tahun", "bulan"): 12,
    ("tahun", "minggu"): 52,
}
_SIZE = {"hari": 0, "minggu": 1, "bulan": 2, "tahun": 3}

# Signs that make any text a formula (band_tokens.tokenize marks them "op"): a spaced
# division sign, or one of the others anywhere.
_DIGITS = re.compile(r"\d+")
# Words that link one class to its label ("Kinerja dikatakan baik apabila capaian ≥ 85%",
# "Nilai > 0 menunjukkan ..."): a table of one class and one bound.
_LINKED = re.compile(r"\b(?:apabila|jika|bila|menunjukkan|menunjukan|berarti|artinya)\b", re.I)
_FORMULA_SIGN = re.compile(r"\s/\s|[*×÷^Σ∑\"“”{}|#≠@]")


def read_bands(text: str, *, decimal_point: bool = False) -> BandTable | None:
    r"""Read a band table written as text; None when ``text`` is not one (a formula
    such as ``A / B x 100%`` or ``jika A > 80 maka "Baik" ...`` is left to the formula
    parser).

        >>> table = read_bands("Baik = 76,61 - 88,30; Sangat Baik = 88,31 - 100,00")
        >>> [band.label for band in table.bands]
        ['Baik', 'Sangat Baik']
        >>> print(table.formula_text().replace("; ", ";\n"))
        jika {nilai} >= 76,61 dan {nilai} <= 88,3 maka "Baik";
        jika {nilai} >= 88,31 dan {nilai} <= 100 maka "Sangat Baik"

    A text that is clearly a table but has a class that cannot be read raises
    :class:`~sakip.FormulaSyntaxError` naming it.
    """
    if not isinstance(text, str) or len(text) > MAX_LENGTH:
        return None
    bounds = len(_DIGITS.findall(text))
    if bounds < 2 and not (bounds == 1 and _LINKED.search(text)):
        return None  # two classes need two bounds; one class needs a word that links it
    if _FORMULA_SIGN.search(text):
        return None  # the quick answer for most formulas, before tokenizing
    tokens = tokenize(text, decimal_point)
    if is_formula(tokens):
        return None
    head = header(text, mark_items(text, tokens))
    split = split_items(head.body)
    if split is None or not split.items:
        return None
    classes: list[Class] = []
    failures: list[NotAClass] = []
    for item in split.items:
        try:
            classes.append(read_class(text, item))
        except NotAClass as exc:
            failures.append(exc)
    labels = _labels(classes)
    if labels is None or not _is_table(text, classes, labels, head.subject, split.weak):
        return None
    if failures and (len(classes) < 2 or len(failures) >= len(classes)):
        return None
    if failures:
        written = " ".join(re.split(r"[;\n]", text[failures[0].pos :])[0].split())
        raise fail_at(
            text, failures[0].pos, f"cannot read the class '{written}': {failures[0].reason}"
        )
    if len(classes) > MAX_BANDS:
        raise fail_at(text, 0, f"a band table of more than {MAX_BANDS} classes", LimitError)
    return _table(text, head.subject, head.note, classes, labels)


#: Words in a label; a longer "label" is a sentence of prose.
MAX_LABEL_WORDS = 8
#: Words in a label a word links to its range ("LPP>0 berarti terjadi penambahan
#: penduduk pada tahun t dibandingkan dengan tahun sebelumnya"): a sentence of meaning.
MAX_MEANING_WORDS = 16
#: Words naming the subject before a range ("Nilai", "rentang nilai IKM").
MAX_MENTION_WORDS = 4
# Words of a grade or a judgement: a list of them split at ", " is a table, not prose.
_GRADE_WORDS = {"baik", "kurang", "cukup", "sangat", "buruk", "memuaskan", "tinggi"}
_GRADE_WORDS |= {"rendah", "sedang", "istimewa", "optimal", "tercapai", "mencapai"}
_GRADE_WORDS |= {"melampaui", "lulus", "normal", "berat", "ringan", "kategori", "predikat"}
_LETTER_GRADE = re.compile(r"[A-E]{1,2}[+-]?")
# Words that announce a table in the text.
_TABLE_WORDS = {"kategori", "predikat", "rentang", "kriteria", "klasifikasi", "interval"}
_TABLE_WORDS |= {"skala", "misal", "misalnya"}


def _is_table(
    text: str, classes: list[Class], labels: list[str], subject: str | None, weak: bool
) -> bool:
    """Whether the classes make a band table rather than prose with numbers: labels
    short and distinct; a bare number ("tahun 2019") only with its label apart or under
    a header; a list split at ", " only with a header, a table word or grade labels; one
    class only when a word links it to its label or says "lies in the range"."""
    for c, label in zip(classes, labels, strict=True):
        if len(label.split()) > (MAX_MEANING_WORDS if c.linked else MAX_LABEL_WORDS):
            return False
    if len({label.casefold() for label in labels}) < len(labels):
        return False
    if subject is None and any(c.point and not c.separated for c in classes):
        return False
    mentions = [c.weak for c, label in zip(classes, labels, strict=True) if c.before != label]
    if any(len(mention.split()) > MAX_MENTION_WORDS for mention in mentions):
        return False
    if len(classes) == 1:
        c = classes[0]
        return c.linked or subject is not None or (c.mention and _says_range(c.before))
    if weak and subject is None and not all(c.linked for c in classes):
        words = {w.casefold() for w in re.findall(r"\w+", text)}
        return bool(words & _TABLE_WORDS) or all(_grade_like(label) for label in labels)
    return True


def _says_range(words: str) -> bool:
    return bool({w.casefold() for w in words.split()} & {"rentang", "berada", "range", "interval"})


def _grade_like(label: str) -> bool:
    words = label.split()
    return bool(_LETTER_GRADE.fullmatch(words[0])) or any(
        w.casefold() in _GRADE_WORDS for w in words
    )


def _labels(classes: list[Class]) -> list[str] | None:
    """Each class's label. The words after the ranges are a unit when every class has
    the same ("0 kasus, 1–2 kasus, >2 kasus"): the class as written is then the label."""
    if not classes:
        return None
    unit = _shared_after(classes)
    labels = []
    for c in classes:
        own = c.before if c.before and not c.mention else ""
        if c.label is not None:
            labels.append(c.label)
        elif unit:
            labels.append(own or c.class_text)
        elif c.after or own:
            labels.append(c.after or own)
        elif c.mention and len(classes) == 1:
            labels.append(c.range_text)  # "Z-score berada dalam rentang -2 SD s.d. + 1 SD"
        else:
            return None
    return labels


def _shared_after(classes: list[Class]) -> str:
    """The words after every range when all classes have the same and no other label
    ("0 kasus, 1–2 kasus, >2 kasus"): a unit."""
    after = {c.after.casefold() for c in classes}
    if len(classes) < 2 or len(after) != 1 or any(c.label is not None for c in classes):
        return ""
    return classes[0].after


def _table(
    text: str, subject: str | None, note: str, classes: list[Class], labels: list[str]
) -> BandTable:
    notes = [note] if note else []
    unit, bounds = _units(text, classes, notes)
    variable = _variable(text, subject, classes, labels, notes)
    variable = _measured(variable, subject, unit, notes)
    bands = []
    for c, label, (lower, upper) in zip(classes, labels, bounds, strict=True):
        band = TextBand(label, lower, upper, c.bounds.lower_inclusive, c.bounds.upper_inclusive,
                        c.range_text)  # fmt: skip
        if band.start > band.end:
            raise fail_at(text, c.pos, f"the range '{c.range_text}' holds no value")
        bands.append(band)
        notes.extend(c.notes)
        notes.append(f"'{c.range_text}' read as {band.condition(variable)}")
    if any(c.percent for c in classes):
        notes.append("'%' on the bounds: values are compared as numbers of percent")
    bands.sort(key=lambda b: (b.start, b.end))
    return BandTable(variable, tuple(bands), tuple(dict.fromkeys(notes)), tuple(gaps(bands)),
                     tuple(overlaps(bands)), unit)  # fmt: skip


def _variable(
    text: str, subject: str | None, classes: list[Class], labels: list[str], notes: list[str]
) -> str:
    """The subject: from the header, else named at the comparators (all the same), else
    mentioned before the ranges ("rentang nilai 0-30 ..."), else ``nilai``."""
    named = [c.subject for c in classes if c.subject]
    if subject is None and len({n.casefold() for n in named}) > 1:
        raise fail_at(text, 0, "the classes compare different subjects: " + ", ".join(named))
    mentioned = [c.weak for c, label in zip(classes, labels, strict=True)
                 if c.weak and c.before != label]  # fmt: skip
    if named and len({n.casefold() for n in named}) == 1:
        # the classes compare one name ("0 ≤ IP ≤ 1,0"): the variable, whatever the
        # heading calls the classification ("Kriteria Status Mutu")
        subject = named[0]
    variable = subject or (named or mentioned or ["nilai"])[0]
    others = {n for n in named + mentioned if n.casefold() != variable.casefold()}
    if others:
        notes.append(f"{', '.join(sorted(others))} in the classes read as {variable}")
    return variable


def _measured(variable: str, subject: str | None, unit: str, notes: list[str]) -> str:
    """The value measured when the header names a kind (``jenis kematian``): named by
    the ranges' unit. A time is an age at an event (a ke-...-an noun: ``kematian``,
    ``kelahiran``), else a duration (``lama``); another unit gives ``nilai (unit)``."""
    words = (subject or "").split()
    if variable != subject or len(words) < 2 or words[0].casefold() not in KIND_WORDS:
        return variable
    thing = " ".join(words[1:])
    if unit.casefold() in TIME_UNITS:
        event = len(words) == 2 and thing.casefold().startswith("ke") and thing.endswith("an")
        measured = f"{'umur saat' if event else 'lama'} {thing} ({TIME_UNITS[unit.casefold()]})"
    else:
        measured = f"nilai ({unit})" if unit else "nilai"
    notes[:] = [n for n in notes if not n.endswith(f"names the subject {subject!r}")]
    notes.append(
        f"'{subject}' names the classification (the labels), not the value the ranges"
        f" measure: that value is read as '{measured}'"
    )
    return measured


def _units(
    text: str, classes: list[Class], notes: list[str]
) -> tuple[str, list[tuple[Fraction | None, Fraction | None]]]:
    """The bounds in one unit: a range may change time unit ("29 hari–11 bulan"), and
    every bound is converted to the smallest time unit the table uses."""
    words = [w for c in classes for w in (c.bounds.lower_unit, c.bounds.upper_unit) if w]
    times = [TIME_UNITS[w.casefold()] for w in words if w.casefold() in TIME_UNITS]
    target = min(times, key=_SIZE.__getitem__) if times else ""
    converted = []
    for c in classes:
        b = c.bounds
        if not target and b.lower_unit and b.upper_unit and b.lower_unit != b.upper_unit:
            raise fail_at(text, c.pos, f"the range '{c.range_text}' changes unit")
        lower = _convert(text, c, b.lower, b.lower_unit or b.upper_unit, target, notes)
        upper = _convert(text, c, b.upper, b.upper_unit or b.lower_unit, target, notes)
        converted.append((lower, upper))
    written = [c.unit for c in classes if c.unit] + [_shared_after(classes)]
    return target or (words + written)[0], converted


def _convert(
    text: str, c: Class, value: Fraction | None, unit: str, target: str, notes: list[str]
) -> Fraction | None:
    source = TIME_UNITS.get(unit.casefold(), "")
    if value is None or not target or source in ("", target):
        return value
    factor = _PER_UNIT.get((source, target))
    if factor is None:
        raise fail_at(text, c.pos, f"the range '{c.range_text}' mixes {unit} and {target}")
    notes.append(
        f"'{c.range_text}': {number_text(value)} {unit} read as {number_text(value * factor)}"
        f" {target} ({factor} {target} per {source})"
    )
    return value * factor
