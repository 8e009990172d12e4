"""Pengukuran kinerja: capaian against targets, predikat, roll-up, tables and IKM surveys."""

from __future__ import annotations

from .achievement import POLICIES, Policy, achievement
from .ikm import IkmResult, ikm
from .table import PLAN, TableError, measure, read_table, rollup
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


def predikat(capaian: float, scale: str = "capaian_lkjip_5") -> tuple[str, str]:
    """(grade, label) of a capaian on a scale of the catalog's scales.toml."""
    from ..catalog import load

    band = load().scales[scale].band(capaian)
    return band.grade, band.label
