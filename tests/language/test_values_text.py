"""Numbers given as text values (issue 9 item 6): rupiah, percent, space-grouped
thousands and a decimal point that cannot group thousands.

Every expected figure is computed by hand in the comment beside it.
"""

from __future__ import annotations

import time
import warnings
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.numbers import NumberText, NumberTextError, read_number_text

ureg = sakip.ureg


def value(formula: str, values: dict[str, object], **options: object) -> sakip.Result:
    """evaluate() that fails on any warning: a text read without a chosen reading."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return sakip.evaluate(formula, values, **options)  # type: ignore[arg-type]


# -- rupiah -----------------------------------------------------------------------------


def test_rupiah_ratio_in_percent() -> None:
    # 1.500.000 / 2.000.000 = 0,75; x 100% = 75 %
    r = value("A / B x 100%", {"A": "Rp 1.500.000", "B": "Rp 2.000.000"})
    assert r.magnitude == pytest.approx(75)
    assert str(r.units) == "percent"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.000.000", 1_000_000),
        ("Rp1.000.000,00", 1_000_000),  # ,00: no cents
        ("Rp 1.000.000,-", 1_000_000),  # ,- : no cents, as on a price
        ("Rp. 250.000", 250_000),
        ("rp 2.500,50", 2500.5),  # 2.500 + 0,50
        ("IDR 500", 500),
        ("-Rp 5.000", -5000),
        ("Rp 1 250 000", 1_250_000),  # space groups: 1 | 250 | 000
        ("Rp\u00a012.345", 12_345),  # a no-break space after Rp
    ],
)
def test_rupiah_texts_are_amounts_in_rupiah(text: str, expected: float) -> None:
    r = value("A", {"A": text})
    assert r.magnitude == pytest.approx(expected)
    assert str(r.units) == "rupiah"


def test_rupiah_per_plain_count_keeps_the_rupiah() -> None:
    # Rp 1.000.000 / 4 = Rp 250.000
    r = value("A / B", {"A": "Rp 1.000.000", "B": "4"})
    assert (r.magnitude, str(r.units)) == (250_000, "rupiah")


def test_rupiah_and_a_plain_number_do_not_add_silently() -> None:
    with pytest.raises(sakip.UnitError):
        sakip.evaluate("A + B", {"A": "Rp 1.000", "B": "500"})


# -- percent ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["93,5%", "93,5 %", "93,5 persen", "93,5\u202f%"])
def test_a_percent_text_is_a_quantity_in_percent(text: str) -> None:
    # 93,5% / 90% = 0,935 / 0,9 = 1,03888...
    r = value("A / 90%", {"A": text})
    assert r.magnitude == pytest.approx(0.935 / 0.9)
    # the same as the Quantity 93,5 percent, the input the language already takes
    same = sakip.evaluate("A / 90%", {"A": ureg.Quantity(93.5, "percent")})
    assert (r.magnitude, r.units) == (same.magnitude, same.units)


def test_a_plain_number_text_stays_a_plain_number() -> None:
    # 93,5 / 90% = 93,5 / 0,9 = 103,888...
    assert value("A / 90%", {"A": "93,5"}).magnitude == pytest.approx(93.5 / 0.9)


def test_percent_texts_in_a_ratio_and_with_a_declared_unit() -> None:
    # 45% / 60% x 100% = 0,75 x 100% = 75 %
    r = value("A / B x 100%", {"A": "45%", "B": "60 %"})
    assert (r.magnitude, str(r.units)) == (pytest.approx(75), "percent")
    # 93,5% declared in per mille is 935 per mille (converted, not relabelled)
    assert value("A", {"A": "93,5%"}, unit="per mille").magnitude == pytest.approx(935)


def test_percent_texts_of_an_indexed_name_add_up() -> None:
    # 50% + 70% + 12,5% = 132,5 %
    r = value("Σ_{i=1}^{3} E_i", {"E": {1: "50%", 2: "70 %", 3: "12,5%"}})
    assert (r.magnitude, str(r.units)) == (pytest.approx(132.5), "percent")


def test_a_percent_with_a_decimal_point() -> None:
    # decimal_point=True: 93.5% / 90% = 1,03888...
    r = value("A / 90%", {"A": "93.5%"}, decimal_point=True)
    assert r.magnitude == pytest.approx(0.935 / 0.9)


# -- thousands grouped by spaces -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("1 000", 2000),  # 1000 x 2
        ("1 000 000", 2_000_000),
        ("12 345", 24_690),
        ("1\u00a0000", 2000),  # no-break space
        ("1\u2009000", 2000),  # thin space
        ("1\u202f000\u202f000", 2_000_000),  # narrow no-break space
        ("1 234 567,5", 2_469_135),  # 1234567,5 x 2
        ("-1 000", -2000),
    ],
)
def test_space_grouped_thousands(text: str, doubled: float) -> None:
    assert value("A x 2", {"A": text}).magnitude == pytest.approx(doubled)


def test_space_grouped_thousands_with_a_decimal_point() -> None:
    # 1 234.5 with decimal_point=True is 1234,5; x 2 = 2469
    assert value("A x 2", {"A": "1 234.5"}, decimal_point=True).magnitude == pytest.approx(2469)


# -- a decimal point that cannot group thousands -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.5", 2.5),  # one digit after the dot: no thousands group
        ("0.9", 0.9),
        ("0.75", 0.75),
        ("3.14159", 3.14159),  # five digits after the dot
        ("1234.567", 1234.567),  # four digits before the dot: no first group
        ("2.5%", 2.5),  # the percent reads the same way
    ],
)
def test_a_dot_that_cannot_group_thousands_is_a_decimal_point_with_a_note(
    text: str, expected: float
) -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning, match="decimal point"):
        r = sakip.evaluate("A", {"A": text})
    assert r.magnitude == pytest.approx(expected)


def test_a_dot_that_can_group_thousands_keeps_grouping_them() -> None:
    # the rules of parse_number stay: 1.500 and 2.500 are thousands, 0,500 is 0,5
    assert value("A x 2", {"A": "1.500"}).magnitude == 3000
    assert value("A x 2", {"A": "2.500"}).magnitude == 5000
    assert value("A x 2", {"A": "0,500"}).magnitude == 1
    with pytest.raises(sakip.ValueTypeError, match="Indonesian notation"):
        sakip.evaluate("A x 2", {"A": "1,500"})  # 1,5 or 1500: never guessed


# -- refused, with a clear error -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Rp", "no digits"),
        ("Rp.", "no digits"),
        ("%", "no digits"),
        ("", "no digits"),
        ("1 00", "threes"),  # a group of two digits
        ("1 0000", "threes"),
        ("1  000", "threes"),  # two spaces between groups
        ("1 000.5", "threes"),  # space groups, then the other convention's decimals
        ("93,5%%", "not a number"),
        ("1,500", "Indonesian notation"),
        ("Rp 1,500", "Indonesian notation"),  # the prefix does not settle the comma
        ("1,500%", "Indonesian notation"),
        ("Rp 5%", "money and as a percent"),
        ("5,-", "rupiah only"),
        ("1.2.3", r"number '1\.2\.3'"),
        ("1.000.5", r"number '1\.000\.5'"),
        ("Rp -5.000", "not a number"),
        ("5 Rp", "not a number"),
    ],
)
def test_texts_that_are_no_number_are_value_type_errors(text: str, words: str) -> None:
    with pytest.raises(sakip.ValueTypeError, match=words) as info:
        sakip.evaluate("A x 2", {"A": text})
    assert isinstance(info.value, sakip.SakipError)
    assert len(str(info.value)) < 250


def test_a_text_too_large_for_a_float_is_refused_not_a_crash() -> None:
    # 350 nines is 1e350: exact as a fraction, beyond the largest float (about 1,8e308)
    with pytest.raises(sakip.ValueTypeError, match="too large"):
        sakip.evaluate("A", {"A": "9" * 350})


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 2500 + "x",
        "Rp" + " " * 5000 + "x",
        "1." * 2500 + "%%",
        "9," * 2500,
        "-" + " " * 5000 + "1 00",
        "1" + " 000" * 1250 + " 00",
        "1" * 5000 + ".",
    ],
)
def test_long_adversarial_texts_are_refused_fast(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(sakip.ValueTypeError):
        sakip.evaluate("A x 2", {"A": text})
    assert time.perf_counter() - started < 0.5


# -- read_number_text itself -----------------------------------------------------------------


def test_read_number_text_is_exact_and_says_its_unit() -> None:
    # 1.234.567,89 = 123456789 / 100
    assert read_number_text("Rp 1.234.567,89") == NumberText(Fraction(123456789, 100), "rupiah", "")
    assert read_number_text("12,5 %") == NumberText(Fraction(25, 2), "percent", "")
    assert read_number_text("1 000") == NumberText(Fraction(1000), None, "")
    read = read_number_text("0.9")
    assert (read.value, read.unit) == (Fraction(9, 10), None)
    assert "0,9" in read.note
    with pytest.raises(NumberTextError):
        read_number_text(12)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([" ", "\u00a0", "\u2009"]))
def test_space_groups_read_back_what_python_grouped(number: int, space: str) -> None:
    # the oracle: Python's own grouping of the digits, by threes from the right
    text = f"{number:,}".replace(",", space)
    assert read_number_text(text).value == number
    assert read_number_text(f"Rp {text}").value == number


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_rupiah_with_cents_reads_back(whole: int, cents: int) -> None:
    # the oracle: whole + cents / 100, printed with dots and a comma by Python
    text = "Rp " + f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    assert read_number_text(text).value == whole + Fraction(cents, 100)
