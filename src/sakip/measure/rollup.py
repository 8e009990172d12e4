"""rollup(): capaian up the hierarchy (sasaran, tujuan, misi, perangkat daerah)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np

from ..errors import SakipError
from .io import TableError
from .predikat import resolve_scale

__all__ = ["measured_frame", "rollup"]


def measured_frame(measured: Any) -> Any:
    """A measure() result, also after a CSV round trip (empty entities read back as NaN)."""
    import pandas as pd

    if not isinstance(measured, pd.DataFrame):
        raise TableError(
            f"give the DataFrame that measure() returned, not {type(measured).__name__}"
        )
    missing = [c for c in ("indicator", "period", "capaian") if c not in measured.columns]
    if missing:
        raise TableError(
            f"the table has no column {', '.join(map(repr, missing))}: is it a measure() result?"
        )
    frame = measured.copy()
    if "entity" not in frame.columns:
        frame["entity"] = ""
    frame["entity"] = frame["entity"].astype(object).where(frame["entity"].notna(), "").astype(str)
    # rows are grouped by period: a list or dict in a hand-made table would stop that
    frame["period"] = [p if isinstance(p, Hashable) else str(p) for p in frame["period"]]
    return frame


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(value)
    except (OverflowError, TypeError):  # an int beyond a float, or no number
        return False


def _float(value: Any) -> float:
    """A capaian cell as a float; NaN where it is no finite number (text, 10**400, inf)."""
    if isinstance(value, bool):
        return math.nan
    try:
        number = float(value)
    except (OverflowError, TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _weights(catalog: Any, weights: Any) -> dict[str, float]:
    """Weights by indicator id (ids, numbers and abbreviations are all accepted)."""
    if weights is None:
        return {}
    if not isinstance(weights, Mapping):
        raise TableError(f"weights must map indicators to numbers, not {type(weights).__name__}")
    found = {}
    for key, weight in weights.items():
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not _finite(weight)
            or weight < 0
        ):
            raise TableError(
                f"the weight of {key!r} must be a finite number >= 0, not {weight!r:.40}"
            )
        found[catalog.get(key).id.casefold()] = float(weight)
    return found


def rollup(
    measured: Any,
    *,
    level: str = "sasaran",
    weights: Mapping[str, float] | None = None,
    method: str = "mean",
    scale: Any = "capaian_lkjip_5",
    catalog: Any = None,
) -> Any:
    """Capaian rolled up the hierarchy: ``level`` is ``"sasaran"``, ``"tujuan"``,
    ``"misi"`` (Lampiran I) or ``"perangkat_daerah"`` (Lampiran II).

    The default method is the arithmetic mean of the capaian of the indicators in each
    group, per entity and period, with optional ``weights`` per indicator id;
    ``"median"`` is the alternative. Indicators without a capaian are left out and
    counted in ``n_missing``. ``catalog``: the one the table was measured against
    (default: the shipped one).
    """
    import pandas as pd

    from .table import chosen_catalog

    catalog = chosen_catalog(catalog)
    if level not in ("sasaran", "tujuan", "misi", "perangkat_daerah"):
        raise TableError(f"unknown level {level!r}")
    if method not in ("mean", "median"):
        raise TableError(f"unknown method {method!r}: 'mean' or 'median'")
    frame = measured_frame(measured)
    by_id = _weights(catalog, weights)

    def group_of(key: str) -> str | None:
        try:
            indicator = catalog.get(key)
        except SakipError:
            return None
        if level == "perangkat_daerah":
            return str(catalog.section(indicator.section).name)
        group: str | None = getattr(indicator, level)
        return group

    frame["group"] = [group_of(k) for k in frame["indicator"]]
    frame["weight"] = [by_id.get(str(k).casefold(), 1.0) for k in frame["indicator"]]
    frame = frame[frame["group"].notna()]
    rows = []
    for (group, entity, period), part in frame.groupby(["group", "entity", "period"], sort=False):
        capaian = pd.Series([_float(v) for v in part["capaian"]], index=part.index, dtype=float)
        known = capaian.notna()
        if method == "median":
            value = float(capaian[known].median()) if known.any() else np.nan
        else:
            w = part["weight"][known]
            value = (
                float((capaian[known] * w).sum() / w.sum()) if known.any() and w.sum() else np.nan
            )
        rows.append(
            {"group": group, "entity": entity, "period": period, "capaian": value,
             "n_indicators": int(known.sum()), "n_missing": int((~known).sum())}
        )  # fmt: skip
    result = pd.DataFrame(
        rows, columns=["group", "entity", "period", "capaian", "n_indicators", "n_missing"]
    )
    result["predikat"] = resolve_scale(scale, catalog).grades(
        result["capaian"].to_numpy(dtype=float)
    )[1]
    return result
