"""Pengukuran kinerja: capaian against targets, predikat, roll-up, tables and IKM surveys."""

from __future__ import annotations

from .achievement import POLICIES, Policy, achievement
from .ikm import IkmResult, ikm
from .predikat import predikat, resolve_scale
from .rollup import rollup
from .table import PLAN, TableError, measure, read_table
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
    "resolve_scale",
    "rollup",
    "trend",
]
