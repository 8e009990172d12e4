"""The top-level ``sakip.evaluate``: formula text, a Formula, or a catalog indicator.

It sits above both the language and the catalog, so neither imports the other's way
of being called: the language evaluates formulas, the catalog evaluates indicators.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import ValueTypeError
from .language import (
    Formula,
    Result,
    cached_formula,
    evaluate_fast,
    evaluate_formula,
    frame_columns,
)

if TYPE_CHECKING:
    from .catalog.model import Indicator

__all__ = ["evaluate"]

_KEY = re.compile(r"[A-Za-z][\w.]*|\d{1,2}")
_ID = re.compile(r"[A-Za-z_]+\.\d{2}[a-z]?")


def evaluate(
    formula: str | Formula | Indicator,
    values: Mapping[str, Any] | None = None,
    /,
    *,
    period: int | str | None = None,
    unit: Any = None,
    decimal_point: bool = False,
    **more_values: Any,
) -> Result:
    """Compute a formula or a catalog indicator for the given values.

    ``formula`` is formula text (parsed once and cached), a :class:`sakip.Formula`, a
    catalog :class:`~sakip.catalog.Indicator`, or an indicator's id, Lampiran I number or
    abbreviation (``"iku.06"``, ``"6"``, ``"AKB"``), which uses the catalog formula and its
    declared unit. A variable is bound by its name as written (case-insensitive,
    whitespace collapsed), its slug (``angkatan_kerja``) or a glossary alias. ``values``
    may be a DataFrame (its columns). Values may be numbers, numpy arrays or pandas
    Series (element-wise; a Series' index is kept), pint Quantities (units are
    checked), str for categories, dates, and mappings ``{period: value}`` (with
    ``period=``) or ``{index: value}`` for indexed names. ``unit`` declares the result
    unit. Returns a :class:`sakip.Result` (a ``GradedResult`` with ``grade`` and
    ``label`` for indicators on a scale, such as IKM).
    """
    values = frame_columns(values)  # a DataFrame: its columns, each a Series
    if formula.__class__ is str:
        if " " in formula or not _KEY.fullmatch(formula):
            # The hot path: a cached formula on plain numbers, in as few steps as possible.
            parsed = cached_formula(formula, decimal_point)
            simple = period is None and unit is None and not more_values
            if parsed is not None and simple and values.__class__ is dict:
                result = evaluate_fast(parsed, values)
                if result is not None:
                    return result
        else:
            indicator = _catalog().load().find(formula)
            if indicator is not None:
                return _indicator(indicator, values, period, unit, more_values)
            if _ID.fullmatch(formula):  # an id, not a formula: say so, not "unknown character"
                raise _catalog().UnknownIndicatorError(f"no indicator {formula!r} in the catalog")
    elif isinstance(formula, int) and not isinstance(formula, bool):
        return _indicator(_catalog().load().get(formula), values, period, unit, more_values)
    elif not isinstance(formula, Formula):
        return _indicator(formula, values, period, unit, more_values)
    return evaluate_formula(
        formula,
        values,
        period=period,
        unit=unit,
        decimal_point=decimal_point,
        **more_values,
    )


def _catalog() -> Any:
    # The catalog is imported on first use: `import sakip` stays as cheap as its
    # dependencies for users who only evaluate formulas.
    import importlib

    return importlib.import_module("sakip.catalog")


def _indicator(
    indicator: Any, values: Any, period: int | str | None, unit: Any, more: dict[str, Any]
) -> Result:
    from .catalog.evaluate import evaluate_indicator
    from .catalog.model import Indicator

    if not isinstance(indicator, Indicator):
        raise ValueTypeError(
            f"cannot evaluate a {type(indicator).__name__}: give formula text, a Formula"
            " or a catalog Indicator"
        )
    scales = _catalog().load().scales
    return evaluate_indicator(indicator, values, period=period, unit=unit, scales=scales, **more)
