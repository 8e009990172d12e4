"""The top-level ``sakip.evaluate``: formula text, a Formula, or a catalog indicator.

It sits above both the language and the catalog, so neither imports the other's way
of being called: the language evaluates formulas, the catalog evaluates indicators.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import catalog
from .catalog.evaluate import evaluate_indicator
from .catalog.model import Indicator
from .evaluate import Result
from .evaluate import evaluate as _evaluate_formula
from .formula import Formula

__all__ = ["evaluate"]

_KEY = re.compile(r"[A-Za-z][\w.]*|\d{1,2}")


def evaluate(
    formula: str | Formula | Indicator,
    values: Mapping[str, Any] | None = None,
    /,
    *,
    period: int | None = None,
    unit: Any = None,
    decimal_point: bool = False,
    **more_values: Any,
) -> Result:
    """Compute a formula or a catalog indicator for the given values.

    ``formula`` is formula text (parsed once and cached), a :class:`sakip.Formula`, a
    catalog :class:`~sakip.catalog.Indicator`, or an indicator's id, Lampiran I number or
    abbreviation (``"iku.06"``, ``"6"``, ``"AKB"``), which uses the catalog formula and its
    declared unit. A variable is bound by its name as written (case-insensitive,
    whitespace collapsed), its slug (``angkatan_kerja``) or a glossary alias. Values may
    be numbers, numpy arrays (element-wise), ``sakip.ureg`` Quantities (units are
    checked), str for categories, dates, and mappings ``{period: value}`` (with
    ``period=``) or ``{index: value}`` for indexed names. ``unit`` declares the result
    unit. Returns a :class:`sakip.Result` (a ``GradedResult`` with ``grade`` and
    ``label`` for indicators on a scale, such as IKM).
    """
    if formula.__class__ is str:
        if " " not in formula and _KEY.fullmatch(formula):
            cat = catalog.load()
            indicator = cat.find(formula)
            if indicator is not None:
                return evaluate_indicator(
                    indicator, values, period=period, unit=unit, scales=cat.scales, **more_values
                )
    elif isinstance(formula, Indicator):
        return evaluate_indicator(
            formula, values, period=period, unit=unit, scales=catalog.load().scales, **more_values
        )
    return _evaluate_formula(
        formula,
        values,
        period=period,
        unit=unit,
        decimal_point=decimal_point,
        **more_values,
    )
