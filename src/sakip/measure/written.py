"""Cells as officials write them beside plain numbers: bounds, ratios and "no data" marks.

``<49``, ``≤ 5``, ``kurang dari 0,49``, ``minimal 90%`` are bounds; ``1:32`` is a ratio;
``n/a``, ``-``, ``tidak ada data`` mark a value that is not there. The number inside is
read by the one number reader (cells.read_text, over sakip.numbers), never here.

A bound or a ratio is a :class:`Noted` number: a target it reads as that number (with
a note on the row saying how it was read), a realisasi it refuses (a measured value is
a number, not a bound). How a bound is compared: the bound itself is the target, under
the indicator's policy, as the LKjIP tables compute it ("AKB < 49" is target 49: 30 is
(2 x 49 - 30) / 49 = 138,78%). A ratio ``a:b`` is a / b, as ``:`` divides in RUMUS:
``1:32`` is 0,03125; write the target as the value the formula computes (32 for a
formula murid / guru).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from ..numbers import format_number

__all__ = ["MISSING_MARKS", "Noted", "read_written", "target_note"]

# Words and signs before the number of a bound: True for an upper bound (at most).
_BOUND_WORDS = {
    "<": True, "≤": True, "<=": True, "=<": True, "kurang dari": True,
    "maksimal": True, "maks": True, "maks.": True, "max": True, "paling tinggi": True,
    "paling banyak": True, "tidak lebih dari": True, "di bawah": True, "dibawah": True,
    "sebesar-besarnya": True,
    ">": False, "≥": False, ">=": False, "=>": False, "lebih dari": False,
    "minimal": False, "min": False, "min.": False, "paling rendah": False,
    "paling sedikit": False, "sekurang-kurangnya": False, "setidaknya": False,
    "di atas": False, "diatas": False,
}  # fmt: skip
_BOUND = re.compile(
    "(?P<word>"
    + "|".join(re.escape(w) for w in sorted(_BOUND_WORDS, key=len, reverse=True))
    + r")\s*(?P<number>\S.*)",
    re.IGNORECASE,
)
# One colon between two number texts; each side is read by the number reader.
_RATIO = re.compile(r"(?P<left>[^:]+):(?P<right>[^:]+)")
#: Cells that say the value is not there (compared after casefold and strip).
MISSING_MARKS = frozenset(
    {"-", "–", "—", "n/a", "na", "n.a.", "n.a", "#n/a", "tidak ada", "tidak ada data",
     "belum ada data", "data tidak tersedia", "tidak tersedia", "tt", "t.a.d"}
)  # fmt: skip


@attrs.frozen
class Noted:
    """A number read from a bound or a ratio, and how it was read (the row's note)."""

    value: float
    note: str
    #: "bound" or "ratio": what a realisasi cell cannot be.
    kind: str
    #: The cell as written.
    text: str
    #: For a bound: True when it is an upper bound (at most), False for a lower one.
    upper: bool | None = None


def read_written(text: str, read: Callable[[str], Any], bad: Callable[[str], Any]) -> Any:
    """A missing mark, bound or ratio in ``text`` (stripped), or None when it is none of
    them. ``read`` reads a number text (a float or a BadCell), ``bad`` makes a BadCell."""
    if text.casefold() in MISSING_MARKS:
        return bad(f"{text!r} marks no value (missing)")
    match = _BOUND.fullmatch(text)
    if match:
        number = read(match["number"].strip())
        if not isinstance(number, float):
            return number if number is not None and not isinstance(number, str) else None
        upper = _BOUND_WORDS[match["word"].casefold()]
        side = "at most" if upper else "at least"
        note = f"target {text!r} read as {_shown(number)} ({side})"
        return Noted(number, note, "bound", text, upper)
    match = _RATIO.fullmatch(text)
    if match:
        left, right = read(match["left"].strip()), read(match["right"].strip())
        if not (isinstance(left, float) and isinstance(right, float)):
            return None
        if right == 0:
            return bad(f"the ratio {text!r} divides by 0")
        value = left / right
        note = (
            f"target {text!r} read as {_shown(left)} / {_shown(right)} = {_shown(value)}"
            " (':' divides, as in RUMUS)"
        )
        return Noted(value, note, "ratio", text)
    return None


def target_note(target: Noted, polarity: str) -> str:
    """The note of a bound or ratio target, and whether a bound points the wrong way."""
    if target.upper is None or target.upper == (polarity == "lower"):
        return target.note
    better = "lower" if polarity == "lower" else "higher"
    side = "an upper" if target.upper else "a lower"
    return f"{target.note}; {side} bound on a {better}-is-better indicator"


def _shown(number: float) -> str:
    """A number in Indonesian notation without trailing zeros: 49, 0,49, 0,03125."""
    return format_number(number, 6).rstrip("0").rstrip(",")
