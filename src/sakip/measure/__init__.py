"""Pengukuran kinerja: capaian against targets, predikat, roll-up, tables and IKM surveys."""

from __future__ import annotations

from ..catalog.scales import Scale
from .achievement import POLICIES, Policy, achievement
from .ikm import IkmResult, ikm
from .table import PLAN, TableError, measure, read_table, resolve_scale, rollup
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


def predikat(capaian: float, scale: str | Scale = "capaian_lkjip_5") -> tuple[str, str]:
    """(grade, label) of a capaian on a scale: a name from the catalog's scales.toml, or
    your own :class:`sakip.catalog.Scale` (``Scale.from_data({...})``)."""
    band = resolve_scale(scale).band(capaian)
    return band.grade, band.label
