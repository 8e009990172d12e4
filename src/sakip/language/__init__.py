"""The formula language: text -> lexer -> parser -> build (sympy + units) -> plan -> Result.

``parse`` reads formula text into a :class:`Formula`; ``evaluate_formula`` computes a
Formula (or formula text) for given values. The other names are what the catalog and
measurement layers need of the language, public on purpose: a formula parsed without
warnings, a compiled plan for lint's unit checks, a formula's leading constant.
"""

from __future__ import annotations

from .bands import BandTable, read_bands
from .bind import frame_columns
from .display import escape, formula_latex, html_table
from .formula import PERCENT, Formula, FormulaCache, Slot, normalize_name, slugify
from .glossary import opens_glossary
from .limits import MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH, MAX_SUM_TERMS
from .notation import read_notation
from .parser import cached_formula, parse, parse_quietly
from .plan import Plan, plan_for
from .result import Result
from .run import evaluate as evaluate_formula
from .run import evaluate_fast
from .units_walk import top_coefficient

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPONENT",
    "MAX_LENGTH",
    "MAX_SUM_TERMS",
    "PERCENT",
    "BandTable",
    "Formula",
    "FormulaCache",
    "Plan",
    "Result",
    "Slot",
    "cached_formula",
    "escape",
    "evaluate_fast",
    "evaluate_formula",
    "formula_latex",
    "frame_columns",
    "html_table",
    "normalize_name",
    "opens_glossary",
    "parse",
    "parse_quietly",
    "plan_for",
    "read_bands",
    "read_notation",
    "slugify",
    "top_coefficient",
]
