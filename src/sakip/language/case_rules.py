"""A conversion table and case rules written in prose, as BPS defines Rata-rata Lama
Sekolah: "Ijazah ... dikonversi ... berdasarkan ketentuan berikut: Tidak punya ijazah =
0 tahun; SD = 6 tahun; ...; S3 = 22 tahun. Konversi ijazah ... memenuhi perhitungan
berikut ini: Tidak pernah sekolah = 0 tahun; Masih sekolah di SD sampai dengan S1 =
konversi ijazah terakhir + kelas terakhir – 1; ...".

Two lists after ``berikut:``, entries ``KEY = VALUE`` separated by ``;``:

* a conversion table: every value a number (with its unit); ``konversi X`` in a rule is
  the table's number for the value of X (a category, ``"SMP"``); ``D1/D2`` is either;
* case rules: each key a case (a category of a status the text does not name, read as
  the variable ``status``), each value arithmetic over names, numbers and ``konversi X``.

The reader writes one ``jika`` clause per case and table entry, in sakip's own
language, with no ``selain itu``: a status or a key the text does not list has no
rule, and evaluating it raises a ConditionError that says which values are listed.
Sentences without a list only describe; anything else is not this construct (None).
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from ..errors import LimitError
from ..numbers import parse_number
from .band_model import number_text
from .limits import MAX_RULE_CLAUSES
from .rules import fail_at

__all__ = ["CaseRules", "read_case_rules"]

#: The variable the cases are values of: the text lists them without naming it.
STATUS = "status"
#: Entries in one list, words in a key or a name.
MAX_ENTRIES = 40
MAX_KEY_WORDS = 10

# A list follows "berikut:" / "berikut ini:"; lists end at a full stop before a capital.
_LIST = re.compile(r"\bberikut(?:\s+ini)?\s*:", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])|\.\s*$")
_KEY = re.compile(r"[^\W_][\w/ ]*", re.UNICODE)
_NUMBER = re.compile(r"\d{1,6}(?:,\d{1,6})?")
# The pieces of a rule's arithmetic: numbers, + and the minus signs, and words.
_PIECE = re.compile(r"\s*(?:(?P<num>\d{1,6}(?:,\d{1,6})?)|(?P<op>[-+–−])|(?P<word>[^\W\d_]\w*))")
_CONVERT = "konversi"
_UNITS = {"tahun", "bulan", "hari", "minggu", "jam", "poin", "persen"}


class CaseRules(NamedTuple):
    """The rules in sakip's language, how they were read, and what they do not cover."""

    formula_text: str
    notes: tuple[str, ...]
    uncovered: tuple[str, ...]


class _List(NamedTuple):
    header: str
    entries: list[tuple[str, str]]


def read_case_rules(text: str, decimal_point: bool = False) -> CaseRules | None:
    """The conversion table and case rules of ``text``, or None when it is not one."""
    if decimal_point or text.count("=") < 4 or _LIST.search(text) is None:
        return None
    lists: list[_List] = []
    for sentence in _sentences(text):
        found = _LIST.search(sentence)
        if found is None:
            if "=" in sentence:
                return None  # a formula beside the lists: not only rules
            continue
        entries = _entries(sentence[found.end() :])
        if entries is None:
            return None
        lists.append(_List(sentence[: found.start()].strip(), entries))
    tables = [x for x in lists if all(_amount(v) is not None for _, v in x.entries)]
    rules = [x for x in lists if x not in tables]
    if len(tables) != 1 or len(rules) != 1:
        return None
    return _write(text, tables[0], rules[0])


def _sentences(text: str) -> list[str]:
    found, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        found.append(text[start : end.start()])
        start = end.end()
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def _entries(body: str) -> list[tuple[str, str]] | None:
    """``KEY = VALUE; KEY = VALUE; ...``: two or more, each key a short name."""
    parts = [p.strip() for p in body.split(";")]
    if not 2 <= len(parts) <= MAX_ENTRIES:
        return None
    entries = []
    for part in parts:
        key, eq, value = part.partition("=")
        key, value = " ".join(key.split()), " ".join(value.split())
        if not eq or "=" in value or not value or _KEY.fullmatch(key) is None:
            return None
        if len(key.split()) > MAX_KEY_WORDS:
            return None
        entries.append((key, value))
    return entries


def _amount(value: str) -> tuple[Fraction, str] | None:
    """``6 tahun``, ``13,5``: a number and its unit word."""
    number, _, unit = value.partition(" ")
    if _NUMBER.fullmatch(number) is None or (unit and unit.casefold() not in _UNITS):
        return None
    return parse_number(number), unit


class _Expr(NamedTuple):
    pieces: list[str]  # the arithmetic, a converted name as None's place: see _CONVERTED
    converted: str  # the name after "konversi", or ""


_CONVERTED = "\x00"


def _expression(value: str, units: set[str]) -> _Expr | None:
    """A rule's arithmetic: names (braced), numbers (a unit word after one dropped),
    ``+`` and minus signs, and at most one ``konversi NAME``."""
    pieces: list[str] = []
    converted = ""
    words: list[str] = []
    pos = 0

    def close_name() -> bool:
        nonlocal converted
        if not words:
            return True
        if words[0].casefold() == _CONVERT:
            name = " ".join(words[1:])
            if not name or (converted and converted != name):
                return False
            converted = name
            pieces.append(_CONVERTED)
        elif (
            len(words) == 1 and words[0].casefold() in units and pieces and pieces[-1][0].isdigit()
        ):
            pass  # "0 tahun": the unit of the number before
        else:
            pieces.append("{" + " ".join(words) + "}")
        words.clear()
        return True

    while pos < len(value):
        match = _PIECE.match(value, pos)
        if match is None or match.end() == pos:
            return None
        pos = match.end()
        if match.lastgroup == "word":
            words.append(match.group("word"))
            continue
        if not close_name():
            return None
        if match.lastgroup == "num":
            pieces.append(match.group("num"))
        else:
            pieces.append("+" if match.group("op") == "+" else "-")
    if not close_name() or len(pieces) % 2 == 0:
        return None
    if any((i % 2 == 1) != (p in ("+", "-")) for i, p in enumerate(pieces)):
        return None  # operands and signs alternate: "A + B - 1", never "A B" or "+ 1"
    return _Expr(pieces, converted)


def _keys(keys: list[str]) -> dict[str, list[str]]:
    """Each table key and, for ``D1/D2``, each alternative that no other key has: in
    ``SD/sederajat = 6; SMP/sederajat = 9`` "sederajat" alone names neither, and a key
    is never matched twice, which would give the first clause's number silently."""
    parts = {key: [p.strip() for p in key.split("/")] for key in keys}
    seen: dict[str, int] = {}
    for key in keys:
        for part in {p.casefold() for p in parts[key]} | {key.casefold()}:
            seen[part] = seen.get(part, 0) + 1
    return {
        key: [key]
        + [p for p in parts[key] if len(parts[key]) > 1 and p and seen[p.casefold()] == 1]
        for key in keys
    }


def _write(text: str, table: _List, rules: _List) -> CaseRules | None:
    amounts = [(k, a) for k, v in table.entries if (a := _amount(v)) is not None]
    units = {a[1].casefold() for _, a in amounts if a[1]}
    if len(units) > 1:
        return None  # "6 tahun" beside "18 bulan": no one unit for the numbers
    clauses: list[str] = []
    keys = [key for key, _ in table.entries]
    case_keys = [case for case, _ in rules.entries]
    if any(len({k.casefold() for k in x}) < len(x) for x in (keys, case_keys)):
        return None  # a key or a case written twice: which one holds is not known
    alternatives = _keys(keys)
    converted_names: set[str] = set()
    for case, value in rules.entries:
        expr = _expression(value, units | _UNITS)
        if expr is None or '"' in case or "{" + STATUS + "}" in map(str.casefold, expr.pieces):
            return None  # a rule that names "status" itself: two values, one name
        test = f'{{{STATUS}}} = "{case}"'
        if not expr.converted:
            clauses.append(f"jika {test} maka {' '.join(expr.pieces)}")
            continue
        converted_names.add(expr.converted)
        for key, amount in amounts:
            arithmetic = " ".join(number_text(amount[0]) if p == _CONVERTED else p
                                  for p in expr.pieces)  # fmt: skip
            for alternative in alternatives[key]:
                on = f'{{{expr.converted}}} = "{alternative}"'
                clauses.append(f"jika {test} dan {on} maka {arithmetic}")
    if not converted_names:
        return None  # the table is not used: two lists, not one construct
    if len(clauses) > MAX_RULE_CLAUSES:
        raise fail_at(text, 0, f"the rules make more than {MAX_RULE_CLAUSES} clauses", LimitError)
    listed = ", ".join(f"'{key}'" for key, _ in table.entries)
    cases = ", ".join(f"'{case}'" for case, _ in rules.entries)
    unit = " ".join(sorted(units))
    notes = (
        f"'{table.header} berikut: ...' is a conversion table ({listed}); 'konversi X' is"
        f" its number for the value of X" + (f", in {unit}" if unit else ""),
        f"the rules are cases of a status the text does not name: read as the variable"
        f" '{STATUS}', one of {cases}",
    )
    uncovered = (
        f"'{STATUS}' must be one of {cases}",
        f"{', '.join(sorted(converted_names))} must be one of {listed}",
    )
    return CaseRules("; ".join(clauses), notes, uncovered)
