"""Indeks Kepuasan Masyarakat from a survey, in exact fractions.

The seed's method (KepMenPAN 25/2004): 14 unsur, answers 1-4; the NRR of an unsur is
the total of its answers over the number of filled answers (blanks are left out);
IKM = Σ NRR x 1/14, in 1-4; the converted IKM = IKM x 25, in 25-100, graded on the
seed's interval table. PermenPANRB 14/2017 uses 9 unsur and its own bands.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Set
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ..errors import MeasureError, ValueTypeError

__all__ = ["METHODS", "IkmResult", "ikm"]

#: method name -> (number of unsur, scale name in the catalog's scales.toml)
METHODS = {
    "kepmenpan_25_2004": (14, "ikm_kepmenpan_25_2004"),
    "permenpanrb_14_2017": (9, "ikm_permenpanrb_14_2017"),
}


@attrs.frozen
class IkmResult:
    """``per_unsur``: NRR of each unsur; ``index`` (1-4); ``converted`` (25-100);
    ``grade`` ("A".."D") and ``label``; all figures exact fractions."""

    per_unsur: tuple[Fraction, ...]
    index: Fraction
    converted: Fraction
    grade: str
    label: str
    respondents: int
    method: str


def _blank(value: Any) -> bool:
    if value is None or value is getattr(_pandas_na(), "NA", object()):
        return True
    if isinstance(value, float | np.floating) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _pandas_na() -> Any:
    import sys

    return sys.modules.get("pandas")  # pd.NA only matters if pandas made the table


_ANSWER_TEXT = re.compile(r"[1-4]")


def _answer(value: Any, row: int, unsur: int) -> int:
    where = f"respondent {row + 1}, unsur {unsur + 1}"
    if isinstance(value, bool | np.bool_):
        # True is 1 to Python, but a yes/no is not an answer on the 1-4 scale
        raise ValueTypeError(f"{where}: {value!r} is a yes/no, not an answer 1-4")
    if isinstance(value, str):
        # only the digit itself: Fraction() would also read "8/2" or "4e0" as 4
        if not _ANSWER_TEXT.fullmatch(value.strip()):
            raise ValueTypeError(f"{where}: {value!r} is not an answer 1-4 (write 1, 2, 3 or 4)")
        return int(value.strip())
    if not isinstance(value, numbers.Rational | float | np.floating | Decimal):
        raise ValueTypeError(f"{where}: {value!r} is not an answer 1-4")
    try:
        number = Fraction(float(value) if isinstance(value, np.floating) else value)
    except (ValueError, TypeError, OverflowError):
        raise ValueTypeError(f"{where}: {value!r} is not an answer 1-4") from None
    if number.denominator != 1 or not 1 <= number <= 4:
        raise ValueTypeError(f"{where}: answers are 1, 2, 3 or 4, not {value!r}")
    return int(number)


def _rows(responses: Any) -> list[list[Any]]:
    if hasattr(responses, "to_numpy") and hasattr(responses, "columns"):  # a DataFrame
        responses = responses.to_numpy(dtype=object)
    if isinstance(responses, str | bytes | Mapping | Set):
        raise ValueTypeError(
            "give the answers as a table: one row per respondent, one column per unsur,"
            f" not a {type(responses).__name__}"
        )
    try:
        rows = [_row(row, number) for number, row in enumerate(responses)]
    except TypeError:
        raise ValueTypeError(
            "give the answers as a table: one row per respondent, one column per unsur"
        ) from None
    if not rows:
        raise MeasureError("no respondents")
    return rows


def _row(row: Any, number: int) -> list[Any]:
    if isinstance(row, str | bytes | Mapping | Set):
        # list("44444444444444") would be 14 answers of 4: a row is a list, not text
        raise ValueTypeError(
            f"respondent {number + 1}: a row is a list of answers, not a"
            f" {type(row).__name__} ({row!r:.40})"
        )
    return list(row)


def ikm(responses: Any, *, method: str = "kepmenpan_25_2004") -> IkmResult:
    """IKM from a respondents x unsur table of answers 1-4 (DataFrame, 2-D array or rows).

    Blank answers (None, NaN, "") are left out of their unsur's NRR. ``method`` is
    ``"kepmenpan_25_2004"`` (14 unsur, the seed's) or ``"permenpanrb_14_2017"`` (9).
    """
    if method not in METHODS:
        raise ValueTypeError(f"unknown IKM method {method!r}; known: {', '.join(METHODS)}")
    count, scale_name = METHODS[method]
    rows = _rows(responses)
    for number, row in enumerate(rows):
        if len(row) != count:
            raise MeasureError(
                f"respondent {number + 1} has {len(row)} answers; the method has {count} unsur"
            )
    per_unsur = []
    for unsur in range(count):
        answers = [
            _answer(row[unsur], r, unsur) for r, row in enumerate(rows) if not _blank(row[unsur])
        ]
        if not answers:
            raise MeasureError(f"unsur {unsur + 1} has no answers")
        per_unsur.append(Fraction(sum(answers), len(answers)))
    index = sum(per_unsur, Fraction(0)) * Fraction(1, count)
    converted = index * 25
    from ..catalog import load  # the scales are catalog data

    band = load().scales[scale_name].band(converted)
    return IkmResult(tuple(per_unsur), index, converted, band.grade, band.label, len(rows), method)
