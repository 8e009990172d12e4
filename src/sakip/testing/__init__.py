"""Hypothesis strategies and checks for code built on sakip (needs ``hypothesis``).

* :func:`values_for` draws values that make a formula or a catalog indicator defined;
* :func:`formulas` draws formula texts the language reads;
* :func:`check_invariants` checks what a catalog indicator promises about its result
  (its declared unit, a share of a whole within 0-100 %, an allowed category).

See docs/testing.md for a worked property test.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - hypothesis is in the 'test' extra
    raise ImportError(
        "sakip.testing needs hypothesis: pip install 'sakip[test]' or pip install hypothesis"
    ) from exc

from .formulas import NAMES, formulas
from .invariants import check_invariants
from .values import MAX_INDEX, MAX_PARTS, MAX_VALUE, part_of_whole, values_for

__all__ = [
    "MAX_INDEX",
    "MAX_PARTS",
    "MAX_VALUE",
    "NAMES",
    "check_invariants",
    "formulas",
    "part_of_whole",
    "values_for",
]
