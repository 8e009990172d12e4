"""Every safety limit of the formula language, in one place.

Each keeps a hostile or mistaken input from hanging or exhausting the process; going
over one is a :class:`~sakip.errors.LimitError` raised before the expensive step.
"""

from __future__ import annotations

from ..numbers import MAX_DIGITS  # the units layer reads numbers, and owns their limit

__all__ = [
    "MAX_CODE_NESTING",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_FORMULAS_CACHED",
    "MAX_LENGTH",
    "MAX_PLANS_PER_FORMULA",
    "MAX_RULE_CLAUSES",
    "MAX_SERIES_TERMS",
    "MAX_SUGGESTION_KEYS",
    "MAX_SUM_TERMS",
    "MAX_TREE_DEPTH",
]

#: Characters of formula text.
MAX_LENGTH = 5000
#: Nesting of brackets in the text.
MAX_DEPTH = 64
#: Depth of the parse tree (operator chains count: ``A+A+...`` of 255 terms is 255 deep).
MAX_TREE_DEPTH = 4 * MAX_DEPTH
#: Python's parser refuses more than 200 nested brackets in generated code.
MAX_CODE_NESTING = 150
#: Size of a constant exponent: 9^9^9 is refused at once instead of being computed.
MAX_EXPONENT = 1000
#: Terms a Σ computes, counting nested sums as the product of their ranges.
MAX_SUM_TERMS = 100_000
#: Names the written series of one formula stand for in all ("L1 + L2 + ... + L38",
#: "Jumlah xi" over a glossary range): each is a variable, and a sum of more terms
#: than this would pass the tree depth anyway.
MAX_SERIES_TERMS = 200
#: Parsed formulas kept by text.
MAX_FORMULAS_CACHED = 10_000
#: Compiled plans kept per formula (one per combination of input units).
MAX_PLANS_PER_FORMULA = 32
#: Value names searched for "did you mean" suggestions (more: no suggestions).
MAX_SUGGESTION_KEYS = 20_000
#: Clauses that rules written in prose may make (case_rules.py: each case times each
#: entry of the conversion table it uses); each is parsed and compiled.
MAX_RULE_CLAUSES = 120
