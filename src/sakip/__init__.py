"""sakip: exact, unit-checked evaluation of Indonesian performance-indicator formulas.

```python
>>> import sakip
>>> sakip.evaluate("Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
...                {"Jumlah Penduduk yang bekerja": 930, "angkatan_kerja": 1000}).magnitude
93.0

```
"""

from __future__ import annotations

import importlib
from typing import Any

from . import units
from ._api import evaluate
from .errors import (
    AmbiguousFormulaWarning,
    CatalogWarning,
    ConditionError,
    ConflictingValuesError,
    EvaluationError,
    FormulaSyntaxError,
    LimitError,
    MissingValueError,
    NotAFormulaError,
    SakipError,
    UnitError,
    ValueTypeError,
    ZeroDenominatorError,
    ZeroDenominatorWarning,
)
from .language import Formula, Result, parse
from .numbers import format_number, parse_number
from .units import ureg

__all__ = [
    "AmbiguousFormulaWarning",
    "CatalogWarning",
    "ConditionError",
    "ConflictingValuesError",
    "EvaluationError",
    "Finding",
    "Formula",
    "FormulaSyntaxError",
    "LimitError",
    "MissingValueError",
    "NotAFormulaError",
    "Result",
    "SakipError",
    "Scale",
    "UnitError",
    "ValueTypeError",
    "ZeroDenominatorError",
    "ZeroDenominatorWarning",
    "achievement",
    "catalog",
    "evaluate",
    "format_number",
    "ikm",
    "lint",
    "measure",
    "parse",
    "parse_number",
    "predikat",
    "units",
    "ureg",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The catalog (and lint, which reads it) load on first use, keeping `import sakip`
    # as cheap as importing its dependencies.
    if name == "Scale":
        return importlib.import_module("sakip.catalog").Scale
    if name in ("catalog", "measure"):
        return importlib.import_module(f"sakip.{name}")
    if name in ("achievement", "ikm", "predikat"):
        return getattr(importlib.import_module("sakip.measure"), name)
    if name in ("lint", "Finding"):
        return getattr(importlib.import_module("sakip.catalog.lint"), name)
    raise AttributeError(f"module 'sakip' has no attribute {name!r}")
