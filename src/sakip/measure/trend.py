"""Trend over the years of the plan: change from the previous period, and its direction."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import SakipError
from .cells import period as _period

__all__ = ["trend"]


def trend(measured: Any, catalog: Any = None) -> Any:
    """Add ``change`` (value minus the value of the same indicator and entity one year
    earlier, the same sub-period) and ``direction`` ("membaik", "memburuk", "tetap";
    "" where either value is missing) to a :func:`measure` result. The direction
    follows the indicator's polarity: a falling AKB is membaik. ``catalog``: the one
    the table was measured against (default: the shipped one)."""
    from .rollup import measured_frame
    from .table import chosen_catalog

    catalog = chosen_catalog(catalog)
    frame = measured_frame(measured)
    whens = [_period(p) for p in frame["period"]]
    values = {
        (i, e, w): v
        for i, e, w, v in zip(
            frame["indicator"], frame["entity"], whens, frame["value"], strict=True
        )
    }
    change: list[Any] = []
    direction: list[str] = []
    for indicator, entity, when, value in zip(
        frame["indicator"], frame["entity"], whens, frame["value"], strict=True
    ):
        previous = (
            values.get((indicator, entity, (when[0] - 1, when[1]))) if when[0] is not None else None
        )
        if previous is None or not _number(value) or not _number(previous):
            change.append(None)
            direction.append("")
            continue
        delta = float(value) - float(previous)
        change.append(delta)
        try:
            lower = catalog.get(indicator).polarity == "lower"
        except SakipError:
            lower = False
        better = -delta if lower else delta
        direction.append("tetap" if better == 0 else "membaik" if better > 0 else "memburuk")
    frame["change"] = change
    frame["direction"] = direction
    return frame


def _number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int beyond a float
        return False
