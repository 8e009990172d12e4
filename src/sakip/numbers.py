"""Numbers in Indonesian notation: ``.`` groups thousands, ``,`` is the decimal mark."""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction

from .errors import NumberTextError, NumberTooLongError

__all__ = [
    "INDONESIAN_NUMBER",
    "MAX_DIGITS",
    "POINT_NUMBER",
    "NumberTextError",
    "NumberTooLongError",
    "ambiguous_thousands",
    "ascii_digits",
    "format_number",
    "parse_number",
]

#: Digits of any number sakip reads or makes exactly (numerator and denominator each).
#: A float ends near 1e308, and Python refuses to print integers over 4,300 digits.
MAX_DIGITS = 400

# ASCII digits only: other scripts' digits (Arabic-Indic, fullwidth) are rewritten first
# by ascii_digits, so that every reader of numbers (here, measure's cells) agrees.
INDONESIAN_NUMBER = re.compile(
    r"""
      [0-9]{1,3} (?: \.[0-9]{3} )+ (?: ,[0-9]+ )?   # 1.234.567 with optional ,89
    | [0-9]+ (?: ,[0-9]+ )?                         # 1234 with optional ,5
    """,
    re.VERBOSE,
)
POINT_NUMBER = re.compile(
    r"""
      [0-9]{1,3} (?: ,[0-9]{3} )+ (?: \.[0-9]+ )?   # 1,234,567 with optional .89
    | [0-9]+ (?: \.[0-9]+ )?                       # 1234 with optional .5
    """,
    re.VERBOSE,
)


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit as its ASCII digit: int() reads them all, float()
    and pandas do not, so numbers are read after this one rewrite."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in text
    )


def parse_number(text: str, *, decimal_point: bool = False) -> Fraction:
    """Read number text exactly: ``"1.234,5"`` is 1234.5, ``"100.000"`` is 100000.

    With ``decimal_point=True`` the text uses the English convention (``"2.5"``,
    ``"1,000.25"``). A number that is valid only in the other convention, such as
    ``"2.5"`` in Indonesian notation, raises ``NumberTextError`` because its meaning is
    ambiguous.
    """
    if not isinstance(text, str):
        raise NumberTextError(f"number text must be text, not {type(text).__name__}")
    text = ascii_digits(text).strip()
    sign = 1
    if text[:1] in "-–—−":
        sign, text = -1, text[1:].strip()
    pattern = POINT_NUMBER if decimal_point else INDONESIAN_NUMBER
    if not pattern.fullmatch(text):
        if decimal_point:
            raise NumberTextError(f"'{text}' is not a number with a decimal point")
        if not re.fullmatch(r"[\d.,]+", text):
            raise NumberTextError(f"'{text}' is not a number")
        raise NumberTextError(
            f"ambiguous number '{text}': Indonesian notation writes decimals with a comma"
            " (2,5) and groups thousands with a dot (1.000); pass decimal_point=True for"
            " text that uses the decimal point"
        )
    group, decimal = (",", ".") if decimal_point else (".", ",")
    whole, _, frac = text.replace(group, "").partition(decimal)
    if len(whole) + len(frac) > MAX_DIGITS:
        raise NumberTooLongError(f"a number with more than {MAX_DIGITS} digits is too large")
    value = Fraction(int(whole))
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
    return sign * value


def format_number(value: float | Fraction | int, decimals: int = 2) -> str:
    """Format a number in Indonesian notation, rounding once: 1234.5 -> ``"1.234,50"``."""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        try:
            value = Fraction(value)
        except (TypeError, ValueError):
            raise NumberTextError(f"cannot format {value!r} as a number") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise NumberTextError(f"cannot format {value!r}: not a finite number")
    exact = Fraction(value)
    scaled = round(exact * 10**decimals)  # round half to even, done exactly once
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(decimals + 1, "0")
    whole, frac = (digits[:-decimals], digits[-decimals:]) if decimals else (digits, "")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


# One to three digits (not a leading 0), a comma and exactly three: "1,000", "25,500".
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")


def ambiguous_thousands(text: str) -> bool:
    """``1,000``: one in Indonesian notation, one thousand in English."""
    return bool(_AMBIGUOUS.fullmatch(text.strip().lstrip("-–—−").strip()))
