"""Stacked fractions flattened by PDF extraction, read back into one line.

A formula typeset as a fraction over a bar comes out of a PDF as ``Jumlah siswa = 13.837
---------- x 100 % Jumlah penduduk = 14210``: the numerator, a line of dashes, the
denominator, and often the values filled in on the page. :func:`read_stacked` reads
such a text as ``{Jumlah siswa} / {Jumlah penduduk} x 100%``, drops the page's values
and says so in a note. A text with no bar or several is left as it is.
"""

from __future__ import annotations

import re

from .quoting import shorten

__all__ = ["has_wide_bar", "read_stacked"]


# The fraction bar: a run of five or more dashes, underscores or box lines.
_BAR_CHARS = "-_‐‑‒–—―─━═"
_BAR = re.compile(f"[{_BAR_CHARS}]{{5,}}(?:[ \t]+[{_BAR_CHARS}]{{5,}})*")
_WIDE_BARS = tuple(c * 5 for c in _BAR_CHARS[2:])


def has_wide_bar(text: str) -> bool:
    """A bar of one non-ASCII dash: substring tests cost less than a regex scan."""
    return any(bar in text for bar in _WIDE_BARS)


# A value filled in on the page after a label's "=" (or nothing: an empty blank).
_PAGE_VALUE = re.compile(r"[\d.,]*\s*%?")
# A scale right after the bar ("x 100 %", "X 100", "x 1.000") ...
_SCALE_FIRST = re.compile(r"\s*[xX×*]\s*(?P<number>\d[\d.,]*)\s*(?P<percent>%|persen\b)?")
# ... or at the very end, after the denominator.
_SCALE_LAST = re.compile(r"(?<!\S)[xX×*]\s*(?P<number>\d[\d.,]*)\s*(?:(?P<percent>%|persen)\s*)?$")
_NUMBER_ONLY = re.compile(r"\d[\d.,]*")


def _page_value(part: str) -> tuple[str, str | None]:
    """A label and the value written after its '=' on the page (None without '=')."""
    label, equals, value = part.rpartition("=")
    if equals and _PAGE_VALUE.fullmatch(value.strip()):
        return " ".join(label.split()), value.strip()
    return " ".join(part.split()), None


def _operand(label: str) -> str:
    if _NUMBER_ONLY.fullmatch(label):
        return label
    return f"({label})" if "{" in label or "}" in label else f"{{{label}}}"


def read_stacked(text: str, notes: list[str]) -> str:
    """``text`` as one fraction when it is a stacked fraction flattened into one line
    (numerator, a bar of dashes, denominator, perhaps a scale), with notes; any other
    text comes back as it is."""
    bar = _BAR.search(text)
    if bar is None or _BAR.search(text, bar.end()) is not None:
        return text  # no bar, or several: not one flattened fraction
    top, top_value = _page_value(text[: bar.start()])
    rest = text[bar.end() :]
    scale = _SCALE_FIRST.match(rest) or _SCALE_LAST.search(rest)
    if scale is not None:
        rest = rest[: scale.start()] + rest[scale.end() :]
    low, low_value = _page_value(rest)
    result = ""
    name, equals, label = top.partition("=")
    if equals and label.strip():
        result, top = f"{name.strip()} = ", label.strip()
    if not any(c.isalpha() for c in top + low) or not top or not low:
        return text
    formula = f"{result}{_operand(top)} / {_operand(low)}"
    if scale is not None:
        formula += f" x {scale['number']}{'%' if scale['percent'] else ''}"
    notes.append(
        "the line of dashes was read as the bar of a fraction flattened when copied"
        f" from a PDF: '{shorten(formula, 120)}'"
    )
    values = [f"'= {v}'" for v in (top_value, low_value) if v]
    if values:
        notes.append(
            f"the values filled in on the page ({', '.join(values)}) were ignored: they"
            " are not part of the formula; give the values when evaluating"
        )
    return formula
