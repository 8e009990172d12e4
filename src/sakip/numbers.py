"""Numbers in Indonesian notation: ``.`` groups thousands, ``,`` is the decimal mark."""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from .errors import NumberTextError, NumberTooLongError, ValueTypeError

__all__ = [
    "DECIMAL_POINT_ONLY",
    "HALF_EVEN",
    "HALF_UP",
    "INDONESIAN_NUMBER",
    "MAX_DIGITS",
    "POINT_NUMBER",
    "ROUNDING_RULES",
    "SHOWS_DECIMAL_COMMA",
    "SHOWS_DECIMAL_POINT",
    "SPACED_NUMBER",
    "VALUE_TEXT",
    "NumberText",
    "NumberTextError",
    "NumberTooLongError",
    "ambiguous_thousands",
    "ascii_digits",
    "exact_value",
    "format_number",
    "parse_number",
    "read_number_text",
    "round_number",
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

# Thousands grouped by spaces, as spreadsheets and SI print them ("1 000 000"): one
# space, no-break space (U+00A0), thin space (U+2009) or narrow no-break space (U+202F)
# between groups of three, then the decimals of the convention.
SPACED_NUMBER = {
    False: re.compile(
        r"""
        [0-9]{1,3}                                # the first group: one to three digits
        (?: [\ \u00a0\u2009\u202f] [0-9]{3} )+    # each further group: one space, three digits
        (?: ,[0-9]+ )?                            # decimals after the comma
        """,
        re.VERBOSE,
    ),
    True: re.compile(
        r"""
        [0-9]{1,3}                                # the first group: one to three digits
        (?: [\ \u00a0\u2009\u202f] [0-9]{3} )+    # each further group: one space, three digits
        (?: \.[0-9]+ )?                           # decimals after the point
        """,
        re.VERBOSE,
    ),
}
_GROUP_SPACES = " \u00a0\u2009\u202f"

# A dot that cannot group thousands in Indonesian notation, so it can only be a decimal
# point: a group is three digits, and the digits before the first dot at most three.
DECIMAL_POINT_ONLY = re.compile(
    r"""
      [0-9]+ \. (?: [0-9]{1,2} | [0-9]{4,} )     # 2.5, 0.75, 3.14159: not three digits after
    | [0-9]{4,} \. [0-9]{3}                      # 1234.567: four digits before the dot
    """,
    re.VERBOSE,
)

# What a column of numbers shows when it is written in one notation only: the decimal
# comma (6,5; 1.234,5) or the decimal point (2.5; 1,234.5). A table whose numbers show
# the one and never the other settles how its "1,000" is read.
SHOWS_DECIMAL_COMMA = re.compile(
    r"""
      [0-9]{1,3} (?: \.[0-9]{3} )+ , [0-9]+      # 1.234,5: dot groups, then a comma
    | [0-9]+ , (?: [0-9]{1,2} | [0-9]{4,} )     # 6,5 or 0,12345: not three digits after
    | [0-9]{4,} , [0-9]+                        # 1234,5: four digits before the comma
    """,
    re.VERBOSE,
)
SHOWS_DECIMAL_POINT = re.compile(
    r"""
      [0-9]{1,3} (?: ,[0-9]{3} )+ \. [0-9]+      # 1,234.5: comma groups, then a dot
    | [0-9]{1,3} (?: ,[0-9]{3} ){2,}            # 1,234,567: two comma groups
    | [0-9]+ \. (?: [0-9]{1,2} | [0-9]{4,} )    # 2.5 or 0.12345: not three digits after
    | [0-9]{4,} \. [0-9]+                       # 1234.5: four digits before the dot
    """,
    re.VERBOSE,
)

# A number given as a value: the sign, a rupiah prefix or a percent sign around the
# digits. The digits and their marks are then read by the patterns above; this one
# only finds where they are (a digit at both ends, so the spaces around are not theirs).
VALUE_TEXT = re.compile(
    r"""
    (?P<minus> [-–—−] )? \s*                     # a minus before all: -Rp 5.000, -12,5%
    (?: (?P<rupiah> Rp\.? | IDR ) \s* )?          # Rp 1.000.000, Rp1.000,00, Rp. 500, IDR 500
    (?P<number>
        [0-9] (?: [0-9.,\ \u00a0\u2009\u202f]* [0-9] )?   # digits, marks and group spaces
    )
    (?P<no_cents> ,- )?                           # Rp 1.000.000,- : no cents, as on a price
    \s* (?P<percent> % | persen )?                # 93,5% or 93,5 % or 93,5 persen
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: Longest value text shown whole in a message.
_SHOWN = 40


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
    # one Fraction: whole + frac / 10^k is (whole frac) / 10^k
    value = Fraction(int(whole + frac), 10 ** len(frac))
    return -value if sign < 0 else value


class NumberText(NamedTuple):
    """A number read from a value text: ``value`` exactly, the ``unit`` its text writes
    (``"percent"`` for ``93,5%``, ``"rupiah"`` for ``Rp 1.000``, None for a plain
    number), and a ``note`` where a reading was chosen ("" otherwise)."""

    value: Fraction
    unit: str | None
    note: str


def read_number_text(text: str, *, decimal_point: bool = False) -> NumberText:
    """Read a number given as a value: what :func:`parse_number` reads, and also

    * a rupiah prefix: ``"Rp 1.000.000"``, ``"Rp1.000.000,00"``, ``"Rp 500,-"`` (unit
      ``"rupiah"``);
    * a percent sign: ``"93,5%"``, ``"93,5 %"``, ``"93,5 persen"`` (unit ``"percent"``);
    * thousands grouped by spaces: ``"1 000"``, ``"1 000 000"`` (also no-break and thin
      spaces), each group three digits;
    * in Indonesian notation, a dot that cannot group thousands (``"2.5"``, ``"0.9"``:
      a group has three digits) as the decimal point, with a note saying so.

    What could be either a thousands group or decimals (``"1,500"`` in Indonesian
    notation) stays refused: ``NumberTextError``, as for everything that is not a number.
    """
    if not isinstance(text, str):
        raise NumberTextError(f"number text must be text, not {type(text).__name__}")
    match = VALUE_TEXT.fullmatch(ascii_digits(text).strip())
    if match is None:
        has_digits = any(c.isdigit() for c in text)
        raise NumberTextError(
            f"'{_short(text)}' is not a number" if has_digits else f"'{_short(text)}' has no digits"
        )
    if match["rupiah"] and match["percent"]:
        raise NumberTextError(f"'{_short(text)}' is written as money and as a percent at once")
    if match["no_cents"] and not match["rupiah"]:
        raise NumberTextError(f"'{_short(text)}': ',-' (no cents) ends an amount in rupiah only")
    value, note = _read_digits(match["number"], decimal_point)
    unit = "percent" if match["percent"] else "rupiah" if match["rupiah"] else None
    return NumberText(-value if match["minus"] else value, unit, note)


def _read_digits(digits: str, decimal_point: bool) -> tuple[Fraction, str]:
    """The value of a value text's digits and marks, and a note where a reading was chosen."""
    if any(c in _GROUP_SPACES for c in digits):
        if not SPACED_NUMBER[decimal_point].fullmatch(digits):
            raise NumberTextError(
                f"'{_short(digits)}' groups digits with spaces, but not in threes after the"
                " first group (one thousand is '1 000')"
            )
        digits = "".join(c for c in digits if c not in _GROUP_SPACES)
    if not decimal_point and ambiguous_thousands(digits):
        raise NumberTextError(
            f"'{_short(digits)}' is one thing in Indonesian notation (1,500 is 1,5) and another"
            " with a decimal point (one thousand five hundred); write thousands with a dot"
            " (1.500), or pass decimal_point=True"
        )
    if decimal_point or not DECIMAL_POINT_ONLY.fullmatch(digits):
        return parse_number(digits, decimal_point=decimal_point), ""
    note = (
        f"'{_short(digits)}' is read as {_short(digits.replace('.', ','))}: its dot cannot"
        " group thousands (a group has three digits), so it is the decimal point"
    )
    return parse_number(digits, decimal_point=True), note


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


#: Rounding rules for :func:`format_number` and :func:`round_number`: half away from
#: zero, as Excel's ROUND and Indonesian reports do (2,675 -> 2,68), and half to even.
HALF_UP = "half_up"
HALF_EVEN = "half_even"
ROUNDING_RULES = (HALF_UP, HALF_EVEN)


def exact_value(value: float | Fraction | int | Decimal) -> Fraction:
    """The exact number a value stands for: a float is the decimal Python prints for
    it (``2.675``, not the binary 2.67499999...), so rounding follows what users see."""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction | Decimal):
        try:
            value = float(value) if not isinstance(value, int) else value
        except (TypeError, ValueError):
            raise NumberTextError(f"cannot format {value!r} as a number") from None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberTextError(f"cannot format {value!r}: not a finite number")
        return Fraction(Decimal(repr(float(value))))  # numpy floats repr as np.float64(..)
    if isinstance(value, Decimal) and not value.is_finite():
        raise NumberTextError(f"cannot format {value!r}: not a finite number")
    return Fraction(value)


def round_number(
    value: float | Fraction | int | Decimal, decimals: int = 2, rounding: str = HALF_UP
) -> Decimal:
    """``value`` rounded once to ``decimals`` places by ``rounding`` (exact Decimal)."""
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueTypeError(f"decimals must be a whole number >= 0, not {decimals!r}")
    if decimals > MAX_DIGITS:  # the digits are computed exactly: bound their number
        raise ValueTypeError(f"decimals must be at most {MAX_DIGITS}, not {decimals}")
    if rounding not in ROUNDING_RULES:
        raise ValueTypeError(
            f"rounding must be one of {', '.join(ROUNDING_RULES)}, not {rounding!r}"
        )
    scaled = abs(exact_value(value)) * 10**decimals
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * rest
    if twice > scaled.denominator or (
        twice == scaled.denominator and (rounding == HALF_UP or whole % 2)
    ):
        whole += 1
    return Decimal((1 if value < 0 and whole else 0, tuple(map(int, str(whole))), -decimals))


def format_number(
    value: float | Fraction | int | Decimal,
    decimals: int = 2,
    *,
    decimal_point: bool = False,
    rounding: str = HALF_UP,
) -> str:
    """A number in Indonesian notation, rounded once: 1234.5 -> ``"1.234,50"``.

    ``rounding`` is :data:`HALF_UP` (the default, as reports and Excel round: 2,675 ->
    ``"2,68"``) or :data:`HALF_EVEN`; ``decimal_point=True`` writes English notation
    (``"1,234.50"``).
    """
    rounded = round_number(value, decimals, rounding)
    text = f"{rounded:,.{decimals}f}"
    if decimal_point:
        return text
    return text.translate(_TO_INDONESIAN)


_TO_INDONESIAN = str.maketrans({",": ".", ".": ","})


# One to three digits (not a leading 0), a comma and exactly three: "1,000", "25,500".
_AMBIGUOUS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")


def ambiguous_thousands(text: str) -> bool:
    """``1,000``: one in Indonesian notation, one thousand in English."""
    return bool(_AMBIGUOUS.fullmatch(text.strip().lstrip("-–—−").strip()))
