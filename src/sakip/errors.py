"""The one error hierarchy of sakip, used by every layer.

Every failure a user can cause is a :class:`SakipError` (also a ``ValueError``), so a
caller can catch one class. Warnings are for results that are computed but deserve a
second look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousFormulaWarning",
    "CatalogError",
    "CatalogWarning",
    "ConditionError",
    "ConflictingValuesError",
    "EvaluationError",
    "FormulaSyntaxError",
    "LimitError",
    "MissingValueError",
    "SakipError",
    "UnitError",
    "ValueTypeError",
    "ZeroDenominatorError",
    "ZeroDenominatorWarning",
]


class SakipError(ValueError):
    """Base class of every error sakip raises on bad input."""


class FormulaSyntaxError(SakipError):
    """The formula text cannot be read.

    ``line`` and ``column`` are 1-based; ``str(err)`` shows the message, the formula
    line and a caret under the spot.
    """

    def __init__(self, message: str, text: str, line: int, column: int) -> None:
        self.reason = message
        self.text = text
        self.line = line
        self.column = column
        super().__init__(self._render())

    def _render(self) -> str:
        lines = self.text.splitlines() or [""]
        shown = lines[self.line - 1] if 0 < self.line <= len(lines) else ""
        if len(shown) > 120:
            # Keep the caret visible in long formulas: show a window around it.
            start = max(0, self.column - 60)
            shown_window = shown[start : start + 120]
            caret_col = self.column - start
        else:
            shown_window = shown
            caret_col = self.column
        caret = " " * max(caret_col - 1, 0) + "^"
        return (
            f"{self.reason} (line {self.line}, column {self.column})\n"
            f"    {shown_window}\n    {caret}"
        )


class LimitError(FormulaSyntaxError):
    """The formula exceeds a safety limit (length, nesting, exponent, sum range)."""


class MissingValueError(SakipError):
    """One or more variables of the formula have no value."""

    def __init__(self, missing: Sequence[str], suggestions: dict[str, list[str]]) -> None:
        self.missing = tuple(missing)
        self.suggestions = suggestions
        parts = []
        for name in self.missing:
            hint = suggestions.get(name)
            parts.append(
                f"'{name}'" + (f" (did you mean {', '.join(map(repr, hint))}?)" if hint else "")
            )
        noun = "variable has" if len(parts) == 1 else "variables have"
        super().__init__(f"{len(parts)} {noun} no value: " + "; ".join(parts))


class UnitError(SakipError):
    """Units do not agree: adding km to hours, or a result that cannot be the declared unit."""


class ValueTypeError(SakipError):
    """A value of a kind sakip cannot use (a list, None, NaN, a str where a number is needed)."""


class ConflictingValuesError(ValueTypeError):
    """One variable is given twice under different spellings (``Angkatan Kerja`` and
    ``angkatan_kerja``); ``variable`` names it and ``keys`` are the spellings."""

    def __init__(self, variable: str, keys: Sequence[str]) -> None:
        self.variable = variable
        self.keys = tuple(keys)
        super().__init__(
            f"'{variable}' is given more than once: {' and '.join(map(repr, self.keys))};"
            " give one value"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.variable, self.keys))


class EvaluationError(SakipError):
    """The formula cannot be computed for these values (overflow, root of a negative, ...)."""


class ZeroDenominatorError(EvaluationError):
    """A denominator is zero; ``denominator`` names it as written."""

    def __init__(self, denominator: str) -> None:
        self.denominator = denominator
        if denominator:
            super().__init__(f"division by zero: the denominator '{denominator}' is 0")
        else:
            super().__init__("division by zero (zero to a negative power, or a term inside Σ)")


class ConditionError(EvaluationError):
    """No ``jika`` clause applies and there is no ``selain itu`` branch."""


class AmbiguousFormulaWarning(UserWarning):
    """The formula is computed as written, but it was likely meant with other grouping."""


class ZeroDenominatorWarning(RuntimeWarning):
    """Some rows of an array evaluation divided by zero; those rows are NaN."""


class CatalogWarning(UserWarning):
    """A catalog indicator is computed, but the regulation contradicts itself there
    (e.g. a ratio x 100% declared in metres); ``sakip.lint()`` lists every such case."""


class CatalogError(SakipError):
    """A catalog data file is malformed; the message names the file, the indicator and the field."""
