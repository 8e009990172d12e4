"""Pengukuran kinerja: capaian against targets, predikat, roll-up, tables and IKM surveys."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import SakipError, ValueTypeError
from .achievement import POLICIES, Policy, achievement
from .ikm import IkmResult, ikm
from .rollup import rollup
from .table import PLAN, TableError, measure, read_table, resolve_scale
from .trend import trend

__all__ = [
    "PLAN",
    "POLICIES",
    "IkmResult",
    "Policy",
    "TableError",
    "achievement",
    "ikm",
    "measure",
    "predikat",
    "read_table",
    "rollup",
    "trend",
]


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
