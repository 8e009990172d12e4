"""The differential oracle (tests/oracle.py): evaluate() against exact Fraction values.

The property tests draw random formulas whose exact value is known and check every
evaluation path (general scalar, plain-dict fast path, numpy arrays). The long run is
``benchmarks/fuzz_oracle.py``. The oracle's own tests (rendering, exact values) come first.
"""

from __future__ import annotations

import random
import types
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given

import sakip

from ..oracle import (
    Case,
    Name,
    Node,
    RandomSource,
    analyse,
    assert_case,
    cases,
    check,
    indonesian,
    random_case,
    render,
)

NAMES = (Name("A", "A"), Name("B", "B"), Name("C", "C"))


def var(i: int) -> Node:
    return Node("var", index=i)


def lit(text: str) -> Node:
    return Node("lit", value=_value(text), spelling=text)


def _value(text: str) -> Fraction:
    whole, _, frac = text.replace(".", "").partition(",")
    return Fraction(int(whole + frac), 10 ** len(frac))


def op(kind: str, spelling: str, *children: Node, **kw: object) -> Node:
    return Node(kind, tuple(children), spelling=spelling, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the oracle itself


@pytest.mark.parametrize(
    ("tree", "text"),
    [
        (op("sub", "-", var(0), op("div", "/", var(1), lit("2,5"))), "A - B / 2,5"),
        (op("div", "/", op("sub", "-", var(0), var(1)), lit("2,5")), "(A - B) / 2,5"),
        (op("div", "/", var(0), op("mul", "x", var(1), var(2))), "A / (B x C)"),
        (
            op("mul", "x", op("div", "/", var(0), var(1)), op("pct", "%", lit("100"))),
            "A / B x 100%",
        ),
        (op("sub", "-", var(0), op("sub", "-", var(1), var(2))), "A - (B - C)"),
        (op("div", "/", var(0), op("pow", "", var(1), op("neg", "-", lit("1")))), "A / B ^ -1"),
        (op("pow", "", op("pow", "", var(0), lit("2")), lit("3")), "(A ^ 2) ^ 3"),
        (op("pow", "", var(0), op("pow", "", lit("2"), lit("1"))), "A ^ 2 ^ 1"),
        (op("neg", "-", op("pow", "", var(0), lit("2"))), "-A ^ 2"),
        (op("pow", "", op("neg", "-", var(0)), lit("2")), "(-A) ^ 2"),
        (op("mul", "x", var(0), op("neg", "-", var(1))), "A x -B"),
        (op("neg", "-", op("add", "+", var(0), var(1), brackets="[]")), "-[A + B]"),
        (op("pct", "%", op("add", "+", var(0), var(1))), "(A + B)%"),
        (op("pct", " persen", lit("2,5")), "2,5 persen"),
        (op("pct", " persen", var(0)), "A%"),
        (op("mul", "x", var(0), lit("1.000"), glue=True), "A x1.000"),
        (op("div", "/", var(0), var(1), glue=True), "A / B"),  # A/B could join a name
        (op("div", "/", lit("1"), lit("14"), glue=True), "1/14"),
        (op("add", "+", var(0), var(1), redundant=True), "(A + B)"),
    ],
)
def test_render_respects_precedence(tree: Node, text: str) -> None:
    assert render(tree, NAMES) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,5", Fraction(5, 2)),
        ("0,25", Fraction(1, 4)),
        ("1.000", Fraction(1000)),
        ("1.234,5", Fraction(12345, 10)),
        ("100,00", Fraction(100)),
        ("0,071", Fraction(71, 1000)),
    ],
)
def test_indonesian_numbers(text: str, value: Fraction) -> None:
    places = len(text.partition(",")[2])
    assert indonesian(value, places, dots="." in text) == text
    assert sakip.parse_number(text) == value


def test_exact_values_and_zero_denominators() -> None:
    tree = op("sub", "-", var(0), op("div", "/", var(1), lit("2,5")))
    assert analyse(tree, [Fraction(41), Fraction(1)]).value == Fraction(203, 5)
    percent = op("mul", "x", op("div", "/", var(0), var(1)), op("pct", "%", lit("100")))
    assert analyse(percent, [Fraction(1), Fraction(4)]).value == Fraction(1, 4)
    zero = analyse(
        op("div", "/", var(0), op("sub", "-", var(1), var(1))), [Fraction(1), Fraction(3)]
    )
    assert zero.value is None and zero.strict_zero
    power = analyse(op("pow", "", var(0), op("neg", "-", lit("2"))), [Fraction(0)])
    assert power.value is None and power.strict_zero
    # 0,1 is not a float: a denominator B - 0,1 with B = 0.1 is "zero within rounding"
    near = analyse(op("div", "/", lit("1"), op("sub", "-", var(0), lit("0,1"))), [Fraction(0.1)])
    assert near.unstable


def test_generator_is_reproducible() -> None:
    first = [random_case(RandomSource(random.Random(7))).text for _ in range(3)]
    again = [random_case(RandomSource(random.Random(7))).text for _ in range(3)]
    assert first == again


def test_oracle_accepts_formulas_that_work() -> None:
    """A / B x 100% and friends pass on every path: the oracle raises no false alarm."""
    tree = op("mul", "x", op("div", "/", var(0), var(1)), op("pct", "%", lit("100")))
    for general in ("proxy", "numpy"):
        case = Case(
            text=render(tree, NAMES[:2]),
            tree=tree,
            names=NAMES[:2],
            rows=((1, 4.0), (3.0, 0.0), (0.5, 2)),
            array_names=(True, True),
            general=general,
        )
        failures, _ = check(case)
        assert failures == []


# --------------------------------------------------------------------------- the property


@given(cases(di_mana=False))
def test_evaluate_matches_the_exact_value(case: Case) -> None:
    assert_case(case)


@given(cases(di_mana=True))
def test_evaluate_matches_the_exact_value_with_di_mana_names(case: Case) -> None:
    assert_case(case)


# --------------------------------------------------------------------------- regressions


def _all_paths(text: str, values: dict[str, float]) -> dict[str, float]:
    out = {
        "fast": sakip.evaluate(text, dict(values)).magnitude,
        "general": sakip.evaluate(text, types.MappingProxyType(dict(values))).magnitude,
        "numpy scalars": sakip.evaluate(
            text, {k: np.float64(v) for k, v in values.items()}
        ).magnitude,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        arrays = sakip.evaluate(
            text, {k: np.array([v, v, v], dtype=float) for k, v in values.items()}
        )
        one = sakip.evaluate(text, {k: np.array([v], dtype=float) for k, v in values.items()})
    for i, m in enumerate(np.asarray(arrays.magnitude)):
        out[f"array row {i}"] = m
    out["1-element array"] = np.asarray(one.magnitude)[0]
    return {k: float(v) for k, v in out.items()}


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("A - B / 2,5", {"A": 41, "B": 1}, 40.6),  # 41 - 1/2,5; not 41 - 1/5/2 = 40,9
        ("Realisasi - Target / 1,5", {"Realisasi": 100, "Target": 90}, 40.0),
        ("A - B : 0,25", {"A": 10, "B": 1}, 6.0),
        ("A / B ^ -1", {"A": 2, "B": 3}, 6.0),  # scalars gave 0,667, arrays 6
        ("10 + (-(p / 6.782,85) – p ^ -3)", {"p": 11}, 10 - 11 / 6782.85 - 11**-3),
    ],
)
def test_hand_computed_values(text: str, values: dict[str, float], expected: float) -> None:
    got = _all_paths(text, values)
    assert got == pytest.approx(dict.fromkeys(got, expected), rel=1e-12)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("(A : u) ^ -2", {"A": 8, "u": 0}),  # the zero denominator must not vanish
        ("A / (B / C)", {"A": 1, "B": 2, "C": 0}),
        ("(A / B) ^ 0", {"A": 1, "B": 0}),  # NaN^0 = 1 once hid the row on arrays
        ("1 ^ (A / B)", {"A": 1, "B": 0}),  # and 1^NaN = 1
    ],
)
def test_hand_computed_zero_denominators(text: str, values: dict[str, float]) -> None:
    with pytest.raises(sakip.ZeroDenominatorError):
        sakip.evaluate(text, dict(values))
    with pytest.raises(sakip.ZeroDenominatorError):
        sakip.evaluate(text, types.MappingProxyType(dict(values)))
    arrays = {k: np.array([v, 1.0]) for k, v in values.items()}
    with pytest.warns(sakip.ZeroDenominatorWarning):
        result = sakip.evaluate(text, arrays)
    assert np.isnan(result.magnitude[0]) and np.isfinite(result.magnitude[1])
