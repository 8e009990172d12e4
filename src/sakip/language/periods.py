"""Periods: a year (``2024``) or a month (``"2024-02"``), as int or as text, and the
period an offset away from one ("tahun n-1", "bulan sebelumnya")."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

__all__ = ["Period", "read_period", "shifted", "show_period"]

#: (year, month); month None for a year.
Period = tuple[int, int | None]

_PERIOD_TEXT = re.compile(
    r"""
    \s* (?P<year> \d{1,4} )          # 2024
    (?: [-/] (?P<month> \d{1,2}) )?   # -02 or /02: a month of that year
    \s*
    """,
    re.VERBOSE,
)


def read_period(value: Any) -> Period | None:
    """The period ``value`` names (an int year, or text "2024" / "2024-02"); None when
    it names none."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        year = int(value)
        return (year, None) if 1 <= year <= 9999 else None
    if not isinstance(value, str) or not value.isascii():
        return None
    match = _PERIOD_TEXT.fullmatch(value)
    if match is None:
        return None
    year = int(match.group("year"))
    month = int(match.group("month")) if match.group("month") else None
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    return year, month


def shifted(period: Period, offset: int, step: str) -> Period | None:
    """The period ``offset`` years (``step`` "year") or months ("month") from
    ``period``; None when a month is asked of a year."""
    year, month = period
    if step == "year":
        return year + offset, month
    if month is None:
        return None
    months = year * 12 + (month - 1) + offset
    return months // 12, months % 12 + 1


def show_period(period: Period) -> str:
    year, month = period
    return str(year) if month is None else f"{year}-{month:02d}"
