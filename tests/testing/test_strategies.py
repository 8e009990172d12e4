"""sakip.testing (issue 11 item 4): the strategies do what they promise, and the
project's own property tests use them over the whole catalog."""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
from sakip.testing import (
    MAX_INDEX,
    check_invariants,
    formulas,
    part_of_whole,
    values_for,
)

CATALOG = sakip.catalog.load()
WITH_FORMULA = [i for i in CATALOG if i.formula_text is not None]
SCORES = {"NRR": (1.0, 4.0)}


def quiet_parse(text: str) -> sakip.Formula:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sakip.parse(text)


@settings(max_examples=100)
@given(formulas())
def test_every_generated_formula_parses(text: str) -> None:
    formula = quiet_parse(text)
    # every variable is one of the generator's names, none is an internal symbol
    assert set(formula.variables) <= set(sakip.testing.NAMES)


@settings(max_examples=40)  # each formula is new: parsed and compiled (~100 ms here)
@given(st.data())
def test_generated_formulas_evaluate_on_values_for(data: st.DataObject) -> None:
    formula = quiet_parse(data.draw(formulas()))
    values = data.draw(values_for(formula))
    assert set(values) == set(formula.variables)
    result = sakip.evaluate(formula, values)
    assert math.isfinite(float(result))


@given(values_for("A / B x 100%"))
def test_a_share_is_drawn_within_its_whole(values: dict[str, Any]) -> None:
    assert 0 <= values["A"] <= values["B"] and values["B"] >= 1
    assert 0 <= sakip.evaluate("A / B x 100%", values) <= 100


@given(values_for("Realisasi / (Target - Batas)"))
def test_a_denominator_that_could_be_zero_is_drawn_again(values: dict[str, Any]) -> None:
    assert values["Target"] != values["Batas"]  # else the formula has no value
    assert values["Target"] >= 1 and values["Batas"] >= 1  # names in a denominator: >= 1


@given(values_for("Σ_{i=1}^{n} A_i / n"))
def test_a_sum_bound_given_as_a_value_is_drawn_with_its_entries(values: dict[str, Any]) -> None:
    n = values["n"]
    assert 1 <= n <= MAX_INDEX and sorted(values["A"]) == list(range(1, n + 1))
    mean = sum(values["A"].values()) / n  # the oracle: the mean by hand
    assert sakip.evaluate("Σ_{i=1}^{n} A_i / n", values).magnitude == pytest.approx(mean)


@given(values_for("(A tahun n - A tahun n-1) / A tahun n-1 x 100%"))
def test_a_previous_year_is_bound_by_its_written_form(values: dict[str, Any]) -> None:
    assert set(values) == {"A", "A tahun n-1"} and values["A tahun n-1"] >= 1
    growth = (values["A"] - values["A tahun n-1"]) / values["A tahun n-1"] * 100
    r = sakip.evaluate("(A tahun n - A tahun n-1) / A tahun n-1 x 100%", values)
    assert r.magnitude == pytest.approx(growth)


@given(values_for('jika Opini = "WTP" maka 100% selain itu 0%'))
def test_a_category_is_drawn_among_the_formulas_own(values: dict[str, Any]) -> None:
    assert values["Opini"] in ("WTP", "(lainnya)")


@settings(max_examples=50)
@given(values_for("A / B x 100%", rows=3))
def test_rows_are_arrays(values: dict[str, Any]) -> None:
    assert values["A"].shape == (3,) and np.all(values["A"] <= values["B"])


def test_part_of_whole_reads_shape_and_name() -> None:
    assert part_of_whole(quiet_parse("A / B x 100%")) == ("A", "B")
    assert part_of_whole(quiet_parse("A / B")) is None  # no x 100%
    assert part_of_whole(quiet_parse("(A - B) / B x 100%")) is None
    share = next(i for i in CATALOG if i.name.startswith("Persentase Penduduk Berakses Air"))
    assert part_of_whole(share) is not None
    growth = next(i for i in CATALOG if i.name.lower().startswith("persentase peningkatan"))
    assert part_of_whole(growth) is None


@settings(max_examples=150)
@given(st.data())
def test_catalog_indicators_keep_their_promises(data: st.DataObject) -> None:
    # the project's own use of sakip.testing: any indicator (direct measures too), any
    # values it can take; NRR are survey scores 1-4; bpkad.01 writes a date of year n-1
    indicator = data.draw(st.sampled_from(list(CATALOG)), label="indicator")
    values = data.draw(values_for(indicator, period=2020, ranges=SCORES), label="values")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sakip.CatalogWarning)
        check_invariants(indicator, values, period=2020)


@settings(max_examples=30)
@given(values_for(CATALOG.get("IKM"), ranges={"NRR": (1, 4)}))
def test_ranges_and_the_scale_keep_an_ikm_in_25_to_100(values: dict[str, Any]) -> None:
    assert all(1 <= v <= 4 for v in values["NRR"].values())
    # IKM = mean NRR x 25 (14 unsur, weight 1/14 each): the oracle by hand
    expected = sum(values["NRR"].values()) / 14 * 25
    result = sakip.evaluate("IKM", values)
    assert result.magnitude == pytest.approx(expected) and 25 <= result <= 100


def test_a_date_of_the_period_needs_the_period() -> None:
    with pytest.raises(sakip.ValueTypeError, match="period="):
        values_for(CATALOG.get("bpkad.01"))
    values_for(CATALOG.get("bpkad.01"), period=2020)  # a strategy: drawn when used


def test_check_invariants_runs_its_own_examples_and_says_what_broke() -> None:
    check_invariants(CATALOG.get("AKB"), max_examples=20)
    share = next(i for i in WITH_FORMULA if part_of_whole(i) is not None)
    part, whole = part_of_whole(share)  # type: ignore[misc]
    check_invariants(share, {part: 5, whole: 10})  # 50 %
    # a value table where the part is above the whole is not the indicator's promise
    check_invariants(share, {part: 15, whole: 10})
    with pytest.raises(sakip.ValueTypeError):
        check_invariants("AKB")  # type: ignore[arg-type]
