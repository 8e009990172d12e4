"""Indeks Kepuasan Masyarakat from a survey, in exact fractions.

The seed's method (KepMenPAN 25/2004): 14 unsur, answers 1-4; the NRR of an unsur is
the total of its answers over the number of filled answers (blanks are left out);
IKM = Σ NRR x 1/14, in 1-4; the converted IKM = IKM x 25, in 25-100, graded on the
seed's interval table. PermenPANRB 14/2017 uses 9 unsur and its own bands.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ..errors import SakipError

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


def _answer(value: Any, row: int, unsur: int) -> int:
    try:
        number = Fraction(str(value).strip()) if isinstance(value, str) else Fraction(value)
    except (ValueError, TypeError, OverflowError):
        raise SakipError(
            f"respondent {row + 1}, unsur {unsur + 1}: {value!r} is not an answer 1-4"
        ) from None
    if number.denominator != 1 or not 1 <= number <= 4:
        raise SakipError(
            f"respondent {row + 1}, unsur {unsur + 1}: answers are 1, 2, 3 or 4, not {value!r}"
        )
    return int(number)


def _rows(responses: Any) -> list[list[Any]]:
    if hasattr(responses, "to_numpy") and hasattr(responses, "columns"):  # a DataFrame
        responses = responses.to_numpy(dtype=object)
    try:
        rows = [list(row) for row in responses]
    except TypeError:
        raise SakipError(
            "give the answers as a table: one row per respondent, one column per unsur"
        ) from None
    if not rows:
        raise SakipError("no respondents")
    return rows


def ikm(responses: Any, *, method: str = "kepmenpan_25_2004") -> IkmResult:
    """IKM from a respondents x unsur table of answers 1-4 (DataFrame, 2-D array or rows).

    Blank answers (None, NaN, "") are left out of their unsur's NRR. ``method`` is
    ``"kepmenpan_25_2004"`` (14 unsur, the seed's) or ``"permenpanrb_14_2017"`` (9).
    """
    if method not in METHODS:
        raise SakipError(f"unknown IKM method {method!r}; known: {', '.join(METHODS)}")
    count, scale_name = METHODS[method]
    rows = _rows(responses)
    for number, row in enumerate(rows):
        if len(row) != count:
            raise SakipError(
                f"respondent {number + 1} has {len(row)} answers; the method has {count} unsur"
            )
    per_unsur = []
    for unsur in range(count):
        answers = [
            _answer(row[unsur], r, unsur) for r, row in enumerate(rows) if not _blank(row[unsur])
        ]
        if not answers:
            raise SakipError(f"unsur {unsur + 1} has no answers")
        per_unsur.append(Fraction(sum(answers), len(answers)))
    index = sum(per_unsur, Fraction(0)) * Fraction(1, count)
    converted = index * 25
    from ..catalog import load  # the scales are catalog data

    band = load().scales[scale_name].band(converted)
    return IkmResult(tuple(per_unsur), index, converted, band.grade, band.label, len(rows), method)
