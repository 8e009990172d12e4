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
import warnings
from collections.abc import Mapping, Set
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from ..errors import MeasureError, RoundedWeightWarning, ValueTypeError
from ..numbers import NumberTextError, format_number, parse_number

__all__ = ["METHODS", "PRINTED_WEIGHTS", "IkmResult", "ikm"]

#: The weight per unsur as reports print it, by number of unsur: 0,071 for 1/14 and
#: 0,111 for 1/9 (a report printing 76,475 with 0,071 is 76,475 / (0,071 x 14) = 76,94
#: exactly: 0,071 x 14 = 0,994).
PRINTED_WEIGHTS = {14: Fraction(71, 1000), 9: Fraction(111, 1000)}
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
    #: None when only the NRR were given (ikm.from_nrr).
    respondents: int | None
    method: str
    #: The weight per unsur used: exactly 1/14 (or 1/9) unless another was asked for.
    weight: Fraction = Fraction(1, 14)
    #: The converted IKM with the exact weight, and its grade: equal to ``converted`` and
    #: ``grade`` unless a printed weight was used.
    exact_converted: Fraction | None = None
    exact_grade: str | None = None


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


def _survey(responses: Any, *, method: str = "kepmenpan_25_2004", weight: Any = None) -> IkmResult:
    count, _ = _method(method)
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
    return _result(tuple(per_unsur), method, weight, len(rows))


def _from_nrr(
    per_unsur: Any, *, method: str = "kepmenpan_25_2004", weight: Any = None
) -> IkmResult:
    count, _ = _method(method)
    if isinstance(per_unsur, str | bytes | Mapping | Set) or not hasattr(per_unsur, "__iter__"):
        raise ValueTypeError(f"give the NRR of each unsur as a list, not {per_unsur!r:.40}")
    values = tuple(_exact(v, f"the NRR of unsur {k + 1}") for k, v in enumerate(per_unsur))
    if len(values) != count:
        raise MeasureError(f"{len(values)} NRR given; the method has {count} unsur")
    for k, value in enumerate(values):
        if not 1 <= value <= 4:
            raise ValueTypeError(
                f"the NRR of unsur {k + 1} is {format_number(value, 3)}, outside 1-4"
            )
    return _result(values, method, weight, None)


def _method(method: str) -> tuple[int, str]:
    if method not in METHODS:
        raise ValueTypeError(f"unknown IKM method {method!r}; known: {', '.join(METHODS)}")
    return METHODS[method]


def _exact(value: Any, what: str) -> Fraction:
    """A number as printed, exactly: text in Indonesian notation ("3,25"), a float as its
    shortest decimal (3.25, not its binary approximation), an int, Fraction or Decimal."""
    if isinstance(value, str):
        try:
            return parse_number(value)
        except NumberTextError as exc:
            raise ValueTypeError(f"{what}: {exc}") from None
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, numbers.Rational | float | np.floating | Decimal
    ):
        raise ValueTypeError(f"{what} is a number, not {value!r:.40}")
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise ValueTypeError(f"{what} is a finite number, not {value!r}")
        return Fraction(repr(float(value)))
    try:
        return Fraction(value)
    except (ValueError, TypeError, OverflowError):  # a NaN Decimal
        raise ValueTypeError(f"{what} is a finite number, not {value!r:.40}") from None


def _weight(weight: Any, count: int) -> Fraction:
    if weight is None:
        return Fraction(1, count)
    if isinstance(weight, str) and weight.strip().casefold() == "printed":
        return PRINTED_WEIGHTS[count]
    chosen = _exact(weight, "the weight")
    if not 0 < chosen <= 1:
        raise ValueTypeError(f"the weight per unsur is between 0 and 1, not {weight!r}")
    return chosen


def _result(
    per_unsur: tuple[Fraction, ...], method: str, weight: Any, respondents: int | None
) -> IkmResult:
    count, scale_name = METHODS[method]
    from ..catalog import load  # the scales are catalog data

    scale = load().scales[scale_name]
    chosen = _weight(weight, count)
    total = sum(per_unsur, Fraction(0))
    index = total * chosen
    converted = index * 25
    band = scale.band(converted)
    exact = total * Fraction(1, count) * 25
    exact_band = scale.band(exact)
    if chosen != Fraction(1, count):
        crossed = (
            f"; the grade is {band.grade} with it and {exact_band.grade} exactly"
            if band.grade != exact_band.grade
            else f"; both are grade {band.grade}"
        )
        warnings.warn(
            f"IKM with the weight {format_number(chosen, 3)} per unsur (exactly 1/{count} is"
            f" {format_number(Fraction(1, count), 5)}...): {format_number(converted, 3)},"
            f" where the exact figure is {format_number(exact, 3)} (a difference of"
            f" {format_number(converted - exact, 3)}){crossed}",
            RoundedWeightWarning,
            stacklevel=3,
        )
    return IkmResult(
        per_unsur, index, converted, band.grade, band.label, respondents, method,
        chosen, exact, exact_band.grade,
    )  # fmt: skip


class _Ikm:
    """``ikm(responses)``: the IKM of a survey; ``ikm.from_nrr(per_unsur)``: the IKM when
    only the NRR of each unsur is known (as a report prints them)."""

    def __call__(
        self, responses: Any, *, method: str = "kepmenpan_25_2004", weight: Any = None
    ) -> IkmResult:
        """IKM from a respondents x unsur table of answers 1-4 (DataFrame, 2-D array or rows).

        Blank answers (None, NaN, "") are left out of their unsur's NRR. ``method`` is
        ``"kepmenpan_25_2004"`` (14 unsur, the seed's) or ``"permenpanrb_14_2017"`` (9).
        ``weight``: None for the exact 1/14 (or 1/9); ``"printed"`` for the weight reports
        print (0,071 or 0,111), to reproduce a report's figure, with a
        RoundedWeightWarning saying how far it is from the exact one; or a weight of your own.
        """
        return _survey(responses, method=method, weight=weight)

    @staticmethod
    def from_nrr(
        per_unsur: Any, *, method: str = "kepmenpan_25_2004", weight: Any = None
    ) -> IkmResult:
        """IKM from the NRR of each unsur (numbers 1-4, or text such as "3,25"), in unsur
        order; ``method`` and ``weight`` as for ``ikm()``. ``respondents`` is None."""
        return _from_nrr(per_unsur, method=method, weight=weight)


#: The IKM of a survey, ``ikm(responses)``, or of printed NRR, ``ikm.from_nrr(per_unsur)``.
ikm = _Ikm()
