"""Evaluating a catalog indicator: its formula with its declared unit, or a direct measure."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pint

from ..errors import CatalogDataError, CatalogWarning, UnitError, ValueTypeError
from ..language import Result
from ..language import evaluate_formula as evaluate
from ..units import is_scaled_ratio, parse_unit, ureg
from .model import Indicator
from .scales import Scale

__all__ = ["GradedResult", "evaluate_indicator"]


class GradedResult(Result):
    """A result on a scale: ``grade`` ("A".."D") and its ``label`` ("Sangat Baik", ...)."""

    __slots__ = ("grade", "label")

    grade: Any  # str, or an array of str for array inputs
    label: Any

    def __init__(self, result: Result, grade: Any, label: Any) -> None:
        super().__init__(result.magnitude, result.units, result.name)
        object.__setattr__(self, "grade", grade)
        object.__setattr__(self, "label", label)

    def __repr__(self) -> str:
        return (
            f"GradedResult(magnitude={self.magnitude!r}, grade={self.grade!r},"
            f" label={self.label!r})"
        )

    def format(self, decimals: int = 2, **options: Any) -> str:
        return f"{super().format(decimals, **options)} ({self.grade}, {self.label})"


def evaluate_indicator(
    indicator: Indicator,
    values: Mapping[str, Any] | None,
    *,
    period: int | str | None = None,
    unit: Any = None,
    scales: Mapping[str, Scale] | None = None,
    **more_values: Any,
) -> Result:
    """Compute a catalog indicator on ``values`` (see :func:`sakip.evaluate`).

    The result is in the indicator's declared unit; ``unit`` asks for it in another
    unit, converted (AKB in per 100.000 kelahiran hidup is 100 times its value).
    """
    if values is not None and not isinstance(values, Mapping):
        # checked before anything reads it: a direct measure would call .items() on
        # it, and "values or {}" would quietly drop a falsy one ("" or 0)
        raise ValueTypeError(
            f"values must be a mapping of names to values, not {type(values).__name__}:"
            f" give {indicator.id}'s values as {{name: value}}"
        )
    if more_values:
        values = {**(values or {}), **more_values}
    values = values or {}
    declared = indicator.unit
    if indicator.formula_text is None:
        result = _direct(indicator, values, period, declared)
    else:
        result = _formula(indicator, values, period, declared)
    if unit is not None and not isinstance(result.magnitude, str):
        result = _convert(result, unit)
    if indicator.scale and not isinstance(result.magnitude, str):
        scale = indicator.grading or (scales or {}).get(indicator.scale)
        if scale is None:
            raise CatalogDataError(
                f"no scale {indicator.scale!r} in its catalog", indicator.source_file,
                indicator.id, "scale",
            )  # fmt: skip
        if isinstance(result.magnitude, np.ndarray):
            grades, labels = scale.grades(result.magnitude)
            return GradedResult(result, grades, labels)
        band = scale.band(float(result.magnitude))
        return GradedResult(result, band.grade, band.label)
    return result


def _convert(result: Result, unit: Any) -> Result:
    target = parse_unit(unit)
    try:
        converted = result.quantity.to(target)
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"the indicator gives '{result.units}', which cannot be expressed in '{target}'"
        ) from None
    return Result(converted.magnitude, converted.units, result.name)


def _formula(
    indicator: Indicator, values: Mapping[str, Any], period: int | str | None, declared: Any
) -> Result:
    formula = indicator.formula
    assert formula is not None
    if declared == ureg.dimensionless:
        # A formula "x 100%" with a plain satuan (Indeks, Rasio): converting 110,05 % to
        # the plain number 1,1005 would silently report another figure than the one the
        # region publishes. The formula's own unit wins, with a warning, as below.
        result = evaluate(formula, values, period=period)
        if is_scaled_ratio(result.units):
            return _contradiction(indicator, result)
    try:
        return evaluate(formula, values, period=period, unit=declared)
    except UnitError:
        if declared is None:
            raise
        # The regulation may declare a unit its own formula contradicts (a ratio x 100%
        # in metres). Compute what the formula gives and say so, rather than refuse.
        return _contradiction(indicator, evaluate(formula, values, period=period))


def _contradiction(indicator: Indicator, result: Result) -> Result:
    warnings.warn(
        f"{indicator.id} declares satuan '{indicator.satuan}' but its formula gives"
        f" '{result.units}'; the result is in the formula's unit"
        f" (seed line {indicator.seed_line})",
        CatalogWarning,
        stacklevel=6,  # the caller of sakip.evaluate
    )
    return result


def _direct(
    indicator: Indicator, values: Mapping[str, Any], period: int | str | None, declared: Any
) -> Result:
    """A direct measure is its reported value, checked against the allowed values."""
    keys = [k for k in values if indicator.is_value_key(k)]
    if len(keys) > 1:
        # "nilai" and "value" (or its id and name): which one is meant is not ours to pick
        raise ValueTypeError(
            f"{indicator.id} ({indicator.name}) is measured directly and takes one value,"
            f" but got {len(keys)}: {', '.join(map(repr, keys))}; give only one"
        )
    chosen = [values[k] for k in keys]
    if not chosen and len(values) == 1:
        chosen = list(values.values())
    if len(chosen) != 1:
        raise ValueTypeError(
            f"{indicator.id} ({indicator.name}) is measured directly: give its value as"
            f" {{'nilai': value}} (or under its id or name)"
        )
    (value,) = chosen
    if indicator.allowed_values:
        return _category(indicator, value)
    result = evaluate("{nilai}", {"nilai": value}, period=period, unit=declared)
    return Result(result.magnitude, result.units, indicator.name)


def _category(indicator: Indicator, value: Any) -> Result:
    canonical = indicator.allowed(value)
    if canonical is None:
        raise ValueTypeError(
            f"{indicator.id} ({indicator.name}) takes one of"
            f" {', '.join(indicator.allowed_values)}, not {value!r}"
        )
    magnitude: Any = float(canonical) if indicator.ordered_levels else canonical
    unit = indicator.unit if indicator.unit is not None else ureg.dimensionless
    return Result(magnitude, unit, indicator.name)
