"""``check_invariants``: what a catalog indicator promises about any result."""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
from hypothesis import given, settings

from .. import evaluate
from ..catalog import Indicator
from ..errors import CatalogWarning, ValueTypeError
from ..units import ureg
from .values import part_of_whole, values_for

__all__ = ["check_invariants"]


def check_invariants(
    indicator: Indicator,
    values: Mapping[str, Any] | None = None,
    *,
    period: int | str | None = None,
    ranges: Mapping[str, tuple[float, float]] | None = None,
    max_examples: int = 50,
) -> None:
    """Check what ``indicator`` promises: its result is in its declared unit (or a
    CatalogWarning says the satuan contradicts the formula) and finite
    (or one of its allowed categories), and a share of a whole (:func:`part_of_whole`)
    lies in 0-100 % when the part is not above the whole.

    With ``values``, one evaluation is checked (at ``period``); without,
    ``max_examples`` drawn by :func:`values_for` (with ``period`` and ``ranges``) are, in
    a hypothesis run inside this call (so call it outside ``@given``). A broken promise raises
    AssertionError saying which and for which values.
    """
    if not isinstance(indicator, Indicator):
        raise ValueTypeError(f"check_invariants takes a catalog Indicator, not {indicator!r}")
    if values is not None:
        _check_once(indicator, values, period)
        return

    @settings(max_examples=max_examples, deadline=None, database=None)
    @given(values_for(indicator, period=period, ranges=ranges))
    def run(drawn: dict[str, Any]) -> None:
        _check_once(indicator, drawn, period)

    run()


def _check_once(indicator: Indicator, values: Mapping[str, Any], period: Any) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = evaluate(indicator, values, period=period)
    # a satuan that contradicts the formula is reported by a CatalogWarning (and lint)
    said = any(issubclass(w.category, CatalogWarning) for w in caught)
    where = f"{indicator.id} ({indicator.name}) with {dict(values)!r}: {result}"
    if indicator.unit is None:  # a category: one of the allowed values, if listed
        allowed = set(indicator.allowed_values)
        assert not allowed or result.magnitude in allowed, f"{where} is not one of {allowed}"
        return
    if isinstance(result.magnitude, str):
        return  # a formula whose branches are labels
    assert said or result.units == indicator.unit, (
        f"{where}: unit {result.units}, not {indicator.unit}"
    )
    magnitudes = np.asarray(result.magnitude, dtype=float).ravel()
    assert all(math.isfinite(m) for m in magnitudes), f"{where} is not finite"
    share = part_of_whole(indicator)
    if share is not None and _part_within_whole(values, share):
        percent = ureg.Quantity(magnitudes, result.units).to("percent").magnitude
        assert all(-1e-9 <= p <= 100 + 1e-9 for p in percent), f"{where} is a share outside 0-100 %"


def _part_within_whole(values: Mapping[str, Any], share: tuple[str, str]) -> bool:
    part, whole = (values.get(name) for name in share)
    try:
        low, high = np.asarray(part, dtype=float), np.asarray(whole, dtype=float)
        return bool(np.all(low >= 0) and np.all(low <= high))
    except (TypeError, ValueError):
        return False
