"""Reading the cells of a long table: numbers, dates, ranges, text and periods.

A cell that cannot be used becomes a :class:`BadCell` holding the reason, which ends up
in its row's ``reason``: one bad cell never stops the report. Every pattern here is
linear in the length of the cell (a cell is also capped at :data:`MAX_CELL_CHARS`), so
no cell can make reading slow.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from ..numbers import (
    INDONESIAN_NUMBER,
    POINT_NUMBER,
    SHOWS_DECIMAL_COMMA,
    SHOWS_DECIMAL_POINT,
    NumberTextError,
    ambiguous_thousands,
    ascii_digits,
    format_number,
    parse_number,
)
from .written import Noted, read_written

__all__ = [
    "MAX_CELL_CHARS", "BadCell", "as_text_cell", "label", "not_a", "period", "periods",
    "read_text", "read_values",
]  # fmt: skip

#: The longest cell measure() reads, in characters; a longer cell is its row's reason.
MAX_CELL_CHARS = 1000

# ASCII digits only: pandas and float() disagree with int() about other scripts, so
# other digits are first rewritten (sakip.numbers.ascii_digits), then read by its patterns.
# Numbers only one convention can read: they settle what the comma means in a table.
_NUMBER_LIKE = re.compile(r"[0-9.,]+")
_DASHES = re.compile("[-–—]")
_BOUND = re.compile(r"[0-9.,]+(?:\s*%)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# One separator, either a dash or slash with optional spaces or spaces alone: two
# adjacent \s* would backtrack quadratically on a run of spaces.
_SUB_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:(?:\s*[-/]\s*|\s+)"
    r"(?P<sub>(?:TW|T|Q)\s*[1-4]|S\s*[12]|B\s*(?:0?[1-9]|1[0-2])))?",
    re.I,
)
_LARGEST_YEAR = 10**6
# ints up to this size are floats without overflow (larger ones take the careful path)
_LARGEST_EXACT = 10**300


@attrs.frozen
class BadCell:
    """A cell that cannot be used; ``reason`` becomes its row's reason."""

    reason: str


def too_long(length: int) -> BadCell:
    return BadCell(
        f"a cell of {format_number(length, 0)} characters is over the limit of"
        f" {format_number(MAX_CELL_CHARS, 0)} (LimitError); it is not read"
    )


def shorten(text: str) -> str:
    return f"{text[:40]}… ({format_number(len(text), 0)} characters)"


def _str(value: Any) -> str:
    try:
        return str(value)
    except ValueError:  # an int beyond Python's 4,300-digit conversion limit
        return "(a number too large to print)"


def periods(values: Sequence[Any]) -> list[tuple[int | None, str]]:
    """:func:`period` of every cell of a column (a table repeats a few periods)."""
    known: dict[tuple[type, Any], tuple[int | None, str]] = {}
    out = []
    for value in values:
        try:
            key = (type(value), value)  # the type: True == 1 and 2020.0 == 2020
            when = known.get(key) or known.setdefault(key, period(value))
        except TypeError:  # not hashable
            when = period(value)
        out.append(when)
    return out


def read_values(values: Sequence[Any], decimal_point: bool) -> list[Any]:
    """Parse a value column: each cell is None (blank), a float, a date, a (low, high)
    range, text (a category) or a BadCell."""
    texts = {v for v in values if isinstance(v, str)}
    settled = decimal_point or _comma_is_decimal(texts)
    known: dict[str, Any] = {}
    out: list[Any] = []
    for value in values:
        kind = type(value)
        if kind is float and math.isfinite(value):
            out.append(value)
        elif kind is int and -_LARGEST_EXACT <= value <= _LARGEST_EXACT:
            out.append(float(value))  # an int column of a DataFrame, without the checks
        elif kind is str:
            cell = known.get(value, known)
            if cell is known:
                cell = known[value] = read_text(value, decimal_point, settled)
            out.append(cell)
        else:
            out.append(_read_object(value, decimal_point, settled))
    return out


def _comma_is_decimal(texts: Iterable[str]) -> bool:
    """True when the table's numbers show the decimal comma (6,5) and none shows the
    decimal point (2.5): then "1,000" is one, read as Indonesian notation."""
    seen = False
    for text in texts:
        if "," not in text and "." not in text:
            continue
        core = _core(text)
        if SHOWS_DECIMAL_POINT.fullmatch(core):
            return False
        seen = seen or bool(SHOWS_DECIMAL_COMMA.fullmatch(core))
    return seen


def _core(text: str) -> str:
    """The digits and separators of a number cell, without sign, spaces and percent."""
    return text.strip().lstrip("-–—−").rstrip("%").strip()


def _read_object(value: Any, decimal_point: bool, settled: bool) -> Any:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, bool | np.bool_):
        return str(value)  # True is 1 to Python, but a yes/no is not a number
    if isinstance(value, dt.date):
        return value
    if isinstance(value, numbers.Real | Decimal):
        try:
            number = float(value)
        except (OverflowError, ValueError, TypeError):
            return BadCell(f"not a finite number: {_str(value)[:40]}")
        if number != number:
            return None  # pandas writes a blank cell as NaN
        if not np.isfinite(number):
            return BadCell(f"not a finite number: {number}")
        return number
    return read_text(_str(value), decimal_point, settled)


def read_text(text: str, decimal_point: bool, settled: bool = True) -> Any:
    """One text cell. ``settled``: the table shows that "1,000" is Indonesian (one)."""
    if len(text) > MAX_CELL_CHARS:
        return too_long(len(text))
    text = text.strip()
    if not text:
        return None
    if not text.isascii():
        text = ascii_digits(text)
    ambiguous = not (decimal_point or settled) and ambiguous_thousands(_core(text))
    if ambiguous:
        return BadCell(
            f"ambiguous number {text!r}: one in Indonesian notation (one thousand is"
            " '1.000'), one thousand with a decimal point; write it without the comma"
            " or pass decimal_point=True"
        )
    if (POINT_NUMBER if decimal_point else INDONESIAN_NUMBER).fullmatch(text):
        group, decimal = (",", ".") if decimal_point else (".", ",")
        number = float(text.replace(group, "").replace(decimal, "."))
        return (
            number if math.isfinite(number) else BadCell(f"the number {text[:40]!r} is too large")
        )
    number, problem = _number(text, decimal_point)
    if number is not None:
        return number
    bounds = _range(text, lambda t: read_text(t, decimal_point, settled))
    if bounds is not None:
        return bounds
    written = read_written(text, lambda t: read_text(t, decimal_point, settled), BadCell)
    if written is not None:
        return written
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return BadCell(f"{text!r} is not a date that exists")
    if _NUMBER_LIKE.fullmatch(_core(text)):
        return BadCell(problem)
    return text


def _number(text: str, decimal_point: bool) -> tuple[Any, str]:
    """(float or BadCell, "") for number text ("90%" too), else (None, why not)."""
    problem = f"not a number: {text!r}"
    for candidate in (text, text.rstrip("%").strip()):
        try:
            return float(parse_number(candidate, decimal_point=decimal_point)), ""
        except NumberTextError as exc:
            problem = str(exc)
        except (OverflowError, ValueError):
            return BadCell(f"the number {text[:40]!r} is too large"), ""
    return None, problem


def _range(text: str, read: Callable[[str], Any]) -> Any:
    """A range target "80 - 90" as (low, high), a BadCell for an unreadable bound, or None."""
    parts = _DASHES.split(text)
    if len(parts) != 2:
        return None
    low, high = (part.strip() for part in parts)
    if not (_BOUND.fullmatch(low) and _BOUND.fullmatch(high)):
        return None
    bounds = read(low), read(high)
    bad = next((b for b in bounds if isinstance(b, BadCell)), None)
    if bad is not None:
        return bad
    if all(isinstance(b, float) for b in bounds):
        return bounds
    return None


def period(value: Any) -> tuple[int | None, str]:
    """(year, sub-period) of a period cell: 2020 -> (2020, ""); "2020-T1" -> (2020, "T1");
    text that names no year -> (None, text). Offsets such as tahun n-1 move the year."""
    if isinstance(value, bool | np.bool_):
        return None, str(value)
    if isinstance(value, int | np.integer) or (
        isinstance(value, float | np.floating) and float(value).is_integer()
    ):
        year = int(value)
        return (year, "") if abs(year) < _LARGEST_YEAR else (None, "a number too large for a year")
    text = _str(value).strip()
    if len(text) > MAX_CELL_CHARS:
        return None, shorten(text)
    match = _SUB_PERIOD.fullmatch(text)
    if not match:
        return None, text
    sub = (match.group("sub") or "").upper().replace(" ", "")
    sub = "T" + sub[2:] if sub.startswith("TW") else "T" + sub[1:] if sub.startswith("Q") else sub
    return int(match.group("year")), sub


def label(when: tuple[int | None, str]) -> Any:
    year, sub = when
    if year is None:
        return sub
    return f"{year}-{sub}" if sub else year


# -- cells -> inputs of one formula variable ----------------------------------------------


def as_text_cell(value: Any, kind: str) -> tuple[Any, str | None]:
    """(input, None) of a cell for a category or date variable, or (filler, why not)."""
    if kind == "date":
        if isinstance(value, dt.date):
            return value, None
        return None, _not_a(value, "date")
    if value is None or isinstance(value, BadCell):
        return "", _not_a(value, "category")
    return str(value), None


def not_a(value: Any, kind: str) -> str:
    """Why a cell is not a value of this kind ("" for a blank cell)."""
    return _not_a(value, kind)


def _not_a(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, BadCell):
        return value.reason
    if isinstance(value, Noted):
        return f"{value.text!r} is a {value.kind}, read in target cells only (give the number)"
    if isinstance(value, dt.date):
        # a date in a numeric cell once became its day number (capaian 81.936%)
        return f"a date ({value.isoformat()}), not a {kind}"
    return f"not a {kind}: {value!r}"
