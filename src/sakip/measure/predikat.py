"""Predikat: a capaian on a grading scale (the catalog's, or your own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..errors import SakipError, ValueTypeError
from .io import TableError

__all__ = ["predikat", "resolve_scale"]


def resolve_scale(scale: Any, catalog: Any = None) -> Any:
    """A Scale object as given, or the scale of that name: the catalog's own scales
    first (a user's catalog may bring its regency's), then the shipped scales.toml."""
    from ..catalog import Scale, load

    if isinstance(scale, Scale):
        return scale
    if isinstance(scale, Mapping):
        return Scale.from_data(dict(scale))
    if not isinstance(scale, str):
        raise TableError(f"a scale is a name, a Scale or its data, not {type(scale).__name__}")
    own = getattr(catalog, "scales", None) or {}
    scales = {**load().scales, **own}
    if scale not in scales:
        raise TableError(f"unknown scale {scale!r}; known: {', '.join(scales)}")
    return scales[scale]


def predikat(capaian: Any, scale: Any = "capaian_lkjip_5") -> tuple[Any, Any]:
    """(grade, label) of a capaian on a scale: a name from the catalog's scales.toml, or
    your own :class:`sakip.catalog.Scale` (``Scale.from_data({...})``). For a numpy array,
    arrays of grades and labels ("" where a value is NaN)."""
    chosen = resolve_scale(scale)
    try:
        if isinstance(capaian, np.ndarray):
            grades, labels = chosen.grades(capaian)
            return grades, labels
        band = chosen.band(capaian)
    except SakipError:
        raise
    except (OverflowError, TypeError, ValueError):  # 10**400, an array of text
        raise ValueTypeError(f"a capaian is a finite number, not {capaian!r:.60}") from None
    return band.grade, band.label
