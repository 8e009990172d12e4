"""sakip: exact, unit-checked evaluation of Indonesian performance-indicator formulas.

>>> import sakip
>>> sakip.evaluate("Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
...                {"Jumlah Penduduk yang bekerja": 930, "angkatan_kerja": 1000}).magnitude
93.0
"""

from __future__ import annotations

from ._numbers import format_number, parse_number
from ._parser import parse
from .errors import (
    AmbiguousFormulaWarning,
    ConditionError,
    EvaluationError,
    FormulaSyntaxError,
    LimitError,
    MissingValueError,
    SakipError,
    UnitError,
    ValueTypeError,
    ZeroDenominatorError,
    ZeroDenominatorWarning,
)
from .evaluate import Result, evaluate
from .formula import Formula
from .units import ureg

__all__ = [
    "AmbiguousFormulaWarning",
    "ConditionError",
    "EvaluationError",
    "Formula",
    "FormulaSyntaxError",
    "LimitError",
    "MissingValueError",
    "Result",
    "SakipError",
    "UnitError",
    "ValueTypeError",
    "ZeroDenominatorError",
    "ZeroDenominatorWarning",
    "evaluate",
    "format_number",
    "parse",
    "parse_number",
    "ureg",
]

__version__ = "0.1.0"
