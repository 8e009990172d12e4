"""Band and classification tables written as text, read into a :class:`BandTable`.

"A (Sangat Baik) = 88,31 - 100,00; B (Baik) = 76,61 - 88,30; ...", "Sangat Baik : IKU >
80; Baik : 70 < IKU ≤ 80; ...", "IKM terbagi menjadi 4 kategori yaitu: 1) Nilai
25-64,99 dengan mutu pelayanan D (Tidak Baik). 2) ...": a subject, and classes that
each give a range and a label. A plain range ``a - b`` holds both ends (documents mean
it); ``> 85 s.d. 100`` leaves out 85. The gaps between classes and their overlaps are
reported, never closed by a guess: :meth:`BandTable.formula_text` gives no label there,
so evaluating a value in a gap raises.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

import attrs

from ..errors import FormulaSyntaxError, LimitError
from ..numbers import format_number
from .band_class import TIME_UNITS, Class, NotAClass, read_class
from .band_text import header, is_formula, mark_items, split_items, tokenize
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

# An interval end as a sortable key: (value, -1) just below it, (value, 0) at it,
# (value, 1) just above it; so x lies in [start, end] when start <= (x, 0) <= end.
Key = tuple[Fraction | float, int]
_BELOW_ALL: Key = (float("-inf"), 0)
_ABOVE_ALL: Key = (float("inf"), 0)


def number_text(value: Fraction) -> str:
    """``value`` in Indonesian notation, exactly: 64,99; 100.000; -2; 0,333333 (a
    fraction without a finite decimal shows six places)."""
    rest, places = value.denominator, 0
    for factor in (2, 5):
        count = 0
        while rest % factor == 0:
            rest //= factor
            count += 1
        places = max(places, count)
    return format_number(value, places if rest == 1 else 6)


@attrs.frozen
class TextBand:
    """One class: ``label`` as written for values from ``lower`` to ``upper`` (None: no
    bound on that side); ``text`` is the class's range as written."""

    label: str
    lower: Fraction | None
    upper: Fraction | None
    lower_inclusive: bool
    upper_inclusive: bool
    text: str

    @property
    def start(self) -> Key:
        if self.lower is None:
            return _BELOW_ALL
        return (self.lower, 0 if self.lower_inclusive else 1)

    @property
    def end(self) -> Key:
        if self.upper is None:
            return _ABOVE_ALL
        return (self.upper, 0 if self.upper_inclusive else -1)

    def contains(self, value: Fraction | int) -> bool:
        return self.start <= (Fraction(value), 0) <= self.end

    def condition(self, variable: str) -> str:
        """The range as a comparison: ``25 <= IKM <= 64,99``, ``IKU > 80``."""
        return _interval_text(self.start, self.end, variable)


@attrs.frozen
class BandTable:
    """A band table read from text: ``variable`` (the subject as written, ``nilai``
    when the text names none), ``bands`` from the lowest up, ``notes`` on how it was
    read, and the ``gaps`` and ``overlaps`` between the bands, in words."""

    variable: str
    bands: tuple[TextBand, ...]
    notes: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    #: The unit the bounds are in when the text writes one ("hari", "SD"), else "".
    unit: str = ""

    @staticmethod
    def show_number(value: Fraction) -> str:
        """A bound as these tables write it: Indonesian notation, exact (64,99)."""
        return number_text(value)

    def formula_text(self) -> str:
        """The bands as a conditional of sakip's formula language, lowest first:
        ``jika {IKM} >= 25 dan {IKM} <= 64,99 maka "D (Tidak Baik)"; jika ...``.

        There is no ``selain itu``: a value in a gap or outside every band gets no
        label, and evaluating it raises. A value where bands overlap gets none either
        (the table does not say which band holds it).
        """
        name = "{" + self.variable + "}"
        clauses = []
        for band in self.bands:
            others = [b for b in self.bands if b is not band]
            for start, end in _subtract((band.start, band.end), others):
                test = _interval_text(start, end, name, joined=True)
                clauses.append(f'jika {test} maka "{band.label}"')
        if not clauses:
            raise FormulaSyntaxError("every band overlaps another: " + "; ".join(self.overlaps))
        return "; ".join(clauses)


# --- intervals -----------------------------------------------------------------------


def _after(key: Key) -> Key:
    """The first key past an end: at v -> just above v; just below v -> at v."""
    return (key[0], key[1] + 1)


def _before(key: Key) -> Key:
    return (key[0], key[1] - 1)


def _subtract(interval: tuple[Key, Key], others: list[TextBand]) -> list[tuple[Key, Key]]:
    """``interval`` without every value that one of ``others`` holds."""
    pieces = [interval]
    for other in others:
        cut: list[tuple[Key, Key]] = []
        for start, end in pieces:
            left = (start, min(end, _before(other.start)))
            right = (max(start, _after(other.end)), end)
            cut.extend(p for p in (left, right) if p[0] <= p[1])
        pieces = cut
    return pieces


def _interval_text(start: Key, end: Key, name: str, joined: bool = False) -> str:
    """``start``..``end`` as comparisons of ``name``: ``25 <= IKM <= 64,99``,
    ``IKU > 80``; ``joined``: ``{IKM} >= 25 dan {IKM} <= 64,99`` (the formula form)."""
    if start == end:
        return f"{name} = {number_text(Fraction(start[0]))}"
    low = "" if start == _BELOW_ALL else number_text(Fraction(start[0]))
    high = "" if end == _ABOVE_ALL else number_text(Fraction(end[0]))
    above = ">=" if start[1] == 0 else ">"
    below = "<=" if end[1] == 0 else "<"
    if low and high and not joined:
        return f"{low} {_FLIP[above]} {name} {below} {high}"
    parts = [f"{name} {above} {low}"] if low else []
    parts += [f"{name} {below} {high}"] if high else []
    return " dan ".join(parts)


_FLIP = {">=": "<=", ">": "<"}


def _holds(start: Key, end: Key) -> str:
    """Values from start to end in words: "30", "values above 64,99 and below 65"."""
    if start == end:
        return number_text(Fraction(start[0]))
    parts = []
    if start != _BELOW_ALL:
        parts.append(("above " if start[1] > 0 else "from ") + number_text(Fraction(start[0])))
    if end != _ABOVE_ALL:
        parts.append(("below " if end[1] < 0 else "up to ") + number_text(Fraction(end[0])))
    joined = " ".join(parts) if parts[-1].startswith("up to") else " and ".join(parts)
    return "values " + joined


def _gaps(bands: list[TextBand]) -> list[str]:
    """What no band holds between the lowest band and the highest."""
    gaps = []
    reach, reached_by = bands[0].end, bands[0]
    for band in bands[1:]:
        hole = (_after(reach), _before(band.start))
        if hole[0] <= hole[1]:
            between = (
                f"between '{reached_by.text}' ({reached_by.label}) and '{band.text}' ({band.label})"
            )
            gaps.append(f"no band holds {_holds(*hole)} ({between})")
        if band.end > reach:
            reach, reached_by = band.end, band
    return gaps


def _overlaps(bands: list[TextBand]) -> list[str]:
    found = []
    for one, other in itertools.combinations(bands, 2):
        common = (max(one.start, other.start), min(one.end, other.end))
        if common[0] <= common[1]:
            found.append(
                f"'{one.text}' ({one.label}) and '{other.text}' ({other.label}) both hold"
                f" {_holds(*common)}"
            )
    return found


# --- reading -------------------------------------------------------------------------

# Signs that make any text a formula (band_text.tokenize marks them "op"): a spaced
# division sign, or one of the others anywhere.
_FORMULA_SIGN = re.compile(r"\s/\s|[*×÷^Σ∑\"“”{}|#≠@]")


def read_bands(text: str, *, decimal_point: bool = False) -> BandTable | None:
    """Read a band table written as text; None when ``text`` is not one (a formula
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
    if not isinstance(text, str) or len(text) > MAX_LENGTH or not re.search(r"\d", text):
        return None
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
        written = " ".join(text[failures[0].pos :].split(";")[0].split())
        raise fail_at(
            text, failures[0].pos, f"cannot read the class '{written}': {failures[0].reason}"
        )
    if len(classes) > MAX_BANDS:
        raise fail_at(text, 0, f"a band table of more than {MAX_BANDS} classes", LimitError)
    return _table(text, head.subject, head.note, classes, labels)


#: Words in a label; a longer "label" is a sentence of prose.
MAX_LABEL_WORDS = 8
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
    if any(len(label.split()) > MAX_LABEL_WORDS for label in labels):
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
    if weak and subject is None:
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
    variable = _variable(text, subject, classes, labels, notes)
    unit, bounds = _units(text, classes, notes)
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
    return BandTable(variable, tuple(bands), tuple(dict.fromkeys(notes)), tuple(_gaps(bands)),
                     tuple(_overlaps(bands)), unit)  # fmt: skip


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
    variable = subject or (named or mentioned or ["nilai"])[0]
    others = {n for n in named + mentioned if n.casefold() != variable.casefold()}
    if others:
        notes.append(f"{', '.join(sorted(others))} in the classes read as {variable}")
    return variable


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
