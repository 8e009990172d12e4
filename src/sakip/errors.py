"""The one error hierarchy of sakip, used by every layer.

Every failure a user can cause is a :class:`SakipError` (also a ``ValueError``), so a
caller can catch one class. Each class has a stable ``code`` and ``to_dict()`` for
programs, keeps its fields as attributes (its message is made from them in
``__str__``), and pickles (a process pool can send it back). Warnings are for results
that are computed but deserve a second look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

__all__ = [
    "AmbiguousFormulaWarning",
    "AmbiguousKeyError",
    "CatalogDataError",
    "CatalogError",
    "CatalogWarning",
    "ConditionError",
    "ConflictingValuesError",
    "EvaluationError",
    "FormulaSyntaxError",
    "LimitError",
    "MeasureError",
    "MissingValueError",
    "NotAFormulaError",
    "NumberTextError",
    "NumberTooLongError",
    "RoundedWeightWarning",
    "SakipError",
    "ScaleError",
    "TableError",
    "TableLimitError",
    "UnitError",
    "UnknownIndicatorError",
    "ValueTypeError",
    "ZeroDenominatorError",
    "ZeroDenominatorWarning",
]


def _restore(cls: type[SakipError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle without calling ``__init__``: constructors differ, the state does not."""
    error = cls.__new__(cls)
    BaseException.__init__(error, *args)
    error.__dict__.update(state)
    return error


def _plain(value: Any) -> Any:
    """A field as JSON-friendly data."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Sequence):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return getattr(value, "id", None) or str(value)


class SakipError(ValueError):
    """Base class of every error sakip raises on bad input."""

    code: ClassVar[str] = "error"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))

    def to_dict(self) -> dict[str, Any]:
        """``code``, ``message`` and the error's fields, as plain data for programs."""
        fields = {k: _plain(v) for k, v in vars(self).items() if not k.startswith("_")}
        return {"code": self.code, "message": str(self), **fields}


class FormulaSyntaxError(SakipError):
    """The formula text cannot be read.

    ``line`` and ``column`` are 1-based; ``str(err)`` shows the message, the formula
    line and a caret under the spot (no caret when there is no text, for limits on
    something else than formula text).
    """

    code = "syntax"

    def __init__(
        self, message: str, text: str | None = None, line: int = 1, column: int = 1
    ) -> None:
        self.reason = message
        self.text = text
        self.line = line
        self.column = column
        super().__init__(message, text, line, column)

    def __str__(self) -> str:
        if self.text is None:
            return self.reason
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
    """An input exceeds a safety limit (length, nesting, exponent, sum range, cell or
    file size); every limit is in ``sakip.language.limits``."""

    code = "limit"


class NotAFormulaError(FormulaSyntaxError):
    """The text is a description, a placeholder or damaged text, not a formula: a
    definition ("... adalah ..."), "dihitung oleh BPS", "Cukup Jelas", a cell holding
    only "-" or "0", text cut off mid-sentence, or mojibake."""

    code = "not_a_formula"


class MissingValueError(SakipError):
    """One or more variables of the formula have no value."""

    code = "missing_value"

    def __init__(self, missing: Sequence[str], suggestions: dict[str, list[str]]) -> None:
        self.missing = tuple(missing)
        self.suggestions = suggestions
        super().__init__(self.missing, suggestions)

    def __str__(self) -> str:
        parts = []
        for name in self.missing:
            hint = self.suggestions.get(name)
            parts.append(
                f"'{name}'" + (f" (did you mean {', '.join(map(repr, hint))}?)" if hint else "")
            )
        noun = "variable has" if len(parts) == 1 else "variables have"
        return f"{len(parts)} {noun} no value: " + "; ".join(parts)


class UnitError(SakipError):
    """Units do not agree: adding km to hours, or a result that cannot be the declared unit."""

    code = "unit"


class ValueTypeError(SakipError):
    """A value of a kind sakip cannot use (a list, None, NaN, a str where a number is
    needed), or an argument of the wrong type."""

    code = "value_type"


class ConflictingValuesError(ValueTypeError):
    """One variable is given twice under different spellings (``Angkatan Kerja`` and
    ``angkatan_kerja``); ``variable`` names it and ``keys`` are the spellings."""

    code = "conflicting_values"

    def __init__(self, variable: str, keys: Sequence[str]) -> None:
        self.variable = variable
        self.keys = tuple(keys)
        super().__init__(variable, self.keys)

    def __str__(self) -> str:
        spellings = " and ".join(map(repr, self.keys))
        return f"'{self.variable}' is given more than once: {spellings}; give one value"


class EvaluationError(SakipError):
    """The formula cannot be computed for these values (overflow, root of a negative, ...)."""

    code = "evaluation"


class ZeroDenominatorError(EvaluationError):
    """A denominator is zero; ``denominator`` names it as written."""

    code = "zero_denominator"

    def __init__(self, denominator: str) -> None:
        self.denominator = denominator
        super().__init__(denominator)

    def __str__(self) -> str:
        if self.denominator:
            return f"division by zero: the denominator '{self.denominator}' is 0"
        return "division by zero (zero to a negative power, or a term inside Σ)"


class ConditionError(EvaluationError):
    """No ``jika`` clause applies and there is no ``selain itu`` branch."""

    code = "condition"


class NumberTextError(SakipError):
    """Number text that is not valid in the chosen notation."""

    code = "number_text"


class NumberTooLongError(NumberTextError):
    """Number text with more digits than sakip reads (``MAX_DIGITS``)."""

    code = "number_too_long"


class CatalogError(SakipError):
    """A catalog data file is malformed; the message names the file, the indicator and the field."""

    code = "catalog"


class CatalogDataError(CatalogError):
    """A catalog the user gave (a TOML file or folder, an IKU table) is malformed:
    ``file`` names it, ``row`` the indicator (its id, or the table row), ``field`` the
    field or column, and ``problem`` says what is wrong."""

    code = "catalog_data"

    def __init__(
        self, problem: str, file: str = "", row: str | None = None, field: str | None = None
    ) -> None:
        self.problem = problem
        self.file = file
        self.row = row
        self.field = field
        super().__init__(problem, file, row, field)

    def __str__(self) -> str:
        where = [part for part in (self.file, self.row) if part]
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return ": ".join([*where, self.problem])


class UnknownIndicatorError(SakipError, KeyError):
    """No indicator answers to this key."""

    code = "unknown_indicator"

    def __str__(self) -> str:
        return str(self.args[0])


class AmbiguousKeyError(SakipError):
    """An abbreviation or number that names several indicators (``candidates``)."""

    code = "ambiguous_key"

    def __init__(self, key: str, candidates: Sequence[Any]) -> None:
        self.key = key
        self.candidates = tuple(candidates)
        super().__init__(key, self.candidates)

    def __str__(self) -> str:
        listed = "; ".join(f"{c.id} ({c.name})" for c in self.candidates)
        return f"{self.key!r} names {len(self.candidates)} indicators: {listed}; use an id"


class ScaleError(SakipError):
    """A scale is malformed, or a value lies outside it."""

    code = "scale"


class MeasureError(SakipError):
    """A measurement cannot be made from these data (no respondents, an answer row of
    the wrong length, a cap below the floor)."""

    code = "measure"


class TableError(SakipError):
    """The table cannot be measured as a whole (a required column is missing, ...)."""

    code = "table"


class TableLimitError(TableError, LimitError):
    """A table, file or text beyond a size limit: a LimitError about a file rather than
    formula text. ``subject`` names what was measured ("an IKU table"), ``size`` its size
    (None when reading stopped at the limit: it is more), ``limit`` the limit, ``unit``
    what both count ("rows", "bytes"), ``where`` the file or the line, ``hint`` a next
    step (may be empty)."""

    code = "table_limit"

    def __init__(
        self,
        subject: str,
        limit: int,
        unit: str,
        size: int | None = None,
        where: str = "",
        hint: str = "",
    ) -> None:
        self.subject = subject
        self.limit = limit
        self.unit = unit
        self.size = size
        self.where = where
        self.hint = hint
        LimitError.__init__(self, self._message())

    def _message(self) -> str:
        if self.size is None:
            said = f"{self.subject} of more than {self.limit} {self.unit}"
        else:
            said = (
                f"{self.subject} of {self.size} {self.unit}"
                f" is over the limit of {self.limit} {self.unit}"
            )
        return "; ".join(part for part in (said, self.hint) if part)

    def __str__(self) -> str:
        return f"{self.where}: {self._message()}" if self.where else self._message()


class AmbiguousFormulaWarning(UserWarning):
    """The formula is computed as written, but it was likely meant with other grouping."""


class ZeroDenominatorWarning(RuntimeWarning):
    """Some rows of an array evaluation divided by zero; those rows are NaN."""


class RoundedWeightWarning(UserWarning):
    """An IKM computed with the weight a report prints (0,071 for 1/14): it reproduces the
    report, and differs from the exact figure by the amount the message gives."""


class CatalogWarning(UserWarning):
    """A catalog indicator is computed, but the regulation contradicts itself there
    (e.g. a ratio x 100% declared in metres); ``sakip.lint()`` lists every such case."""
