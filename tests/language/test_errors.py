"""Bad input gets a clear SakipError subclass: never a crash, a hang or a silent number."""

from __future__ import annotations

import datetime as dt
import math
import pickle
import time

import numpy as np
import pytest

import sakip
from sakip import errors
from sakip.errors import FormulaSyntaxError, LimitError, SakipError


def syntax_error(text: str) -> sakip.FormulaSyntaxError:
    with pytest.raises(sakip.FormulaSyntaxError) as info:
        sakip.parse(text)
    return info.value


def test_every_error_is_a_value_error() -> None:
    assert issubclass(sakip.SakipError, ValueError)
    for cls in (
        sakip.FormulaSyntaxError,
        sakip.MissingValueError,
        sakip.UnitError,
        sakip.ZeroDenominatorError,
        sakip.ConditionError,
    ):
        assert issubclass(cls, sakip.SakipError)


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("a @ b", 3, "unknown character '@'"),
        ("", 1, "empty formula"),
        ("   ", 1, "empty formula"),
        ("a +", 3, "formula ends with '+'"),
        ("Jumlah A / Jumlah B x", 21, "formula ends with 'x'"),
        ("(a + b", 1, "missing closing bracket"),
        ("[a + b) / 2", 7, "does not match"),
        ("a + b)", 6, "has no opening bracket"),
        ("fPi(a)", 1, "unknown function 'fPi'"),
        ("Angka Putus (DO + 1)", 13, "missing operator"),
        ("a / / b", 5, "needs a value before it"),
        ("12.34,5 x A", 1, "ambiguous number"),
        ("A / 0", 3, "division by zero"),
        ('"WTP" + 1', 1, "cannot be used in arithmetic"),
        ("{a", 1, "missing closing brace"),
        ("a maka 1", 3, "out of place"),
        ("akar(a; b)", 1, "akar takes one argument"),
        ("Σ_{i=1}^{3} E_i + E_j", 1, "outside a Σ"),
        ("jika a > 31 Februari 2019 maka 1 selain itu 0", 10, "no such date"),
        ("a < 3", 3, "unexpected '<'"),
    ],
)
def test_syntax_errors_point_at_the_spot(text: str, column: int, words: str) -> None:
    err = syntax_error(text)
    assert words in err.reason
    assert (err.line, err.column) == (1, column)
    caret_line = str(err).splitlines()[-1]
    assert caret_line.index("^") - 4 == column - 1  # the caret sits under the column


def test_error_message_shows_formula_and_caret() -> None:
    err = syntax_error("Jumlah A / (Jumlah B")
    lines = str(err).splitlines()
    assert lines[1].strip() == "Jumlah A / (Jumlah B"
    assert lines[2].strip() == "^"


def test_error_on_second_line() -> None:
    err = syntax_error("a +\n@ b")
    assert (err.line, err.column) == (2, 1)


def test_exponent_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(LimitError, match="exponent"):
        sakip.parse("9^9^9^9")
    # generous bound: the point is "not a hang", not speed (speed lives in benchmarks/)
    assert time.perf_counter() - started < 5


def test_big_symbolic_exponent_is_refused() -> None:
    with pytest.raises(LimitError):
        sakip.parse("a ^ 1.000.000")


def test_deep_nesting_is_a_sakip_error_not_recursion_error() -> None:
    with pytest.raises(sakip.SakipError):
        sakip.parse("(" * 5000 + "a" + ")" * 5000)
    with pytest.raises(LimitError, match="nested"):
        sakip.parse("(" * 1000 + "a" + ")" * 1000)
    with pytest.raises(LimitError, match="nested"):
        sakip.parse("- " * 2000 + "a")
    with pytest.raises(sakip.FormulaSyntaxError, match="run of dashes"):
        sakip.parse("-" * 2000 + "a")


def test_length_limit() -> None:
    with pytest.raises(LimitError, match="longer than"):
        sakip.parse("a + " * 2000 + "a")


def test_sum_range_limit() -> None:
    with pytest.raises(LimitError, match="terms"):
        sakip.parse("Σ_{i=1}^{1.000.000.000} E_i")
    with pytest.raises(LimitError, match="terms"):
        sakip.evaluate("Σ_{i=a}^{b} E_i", {"a": 1, "b": 10**9, "E": {1: 1}})
    # nested sums multiply: 1.000 x 1.000 terms
    with pytest.raises(LimitError, match="nested"):
        sakip.parse("Σ_{i=1}^{1000} Σ_{j=1}^{1000} E_i x F_j")
    with pytest.raises(LimitError, match="nested"):
        sakip.evaluate("Σ_{i=1}^{n} Σ_{j=1}^{n} E_i x F_j", {"n": 1000, "E": {1: 1}, "F": {1: 1}})


def test_missing_values_are_named_with_suggestions() -> None:
    with pytest.raises(sakip.MissingValueError) as info:
        sakip.evaluate(
            "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
            {"Jumlah Penduduk yg bekerja": 930},
        )
    err = info.value
    assert err.missing == ("Jumlah Penduduk yang bekerja", "Angkatan Kerja")
    assert err.suggestions["Jumlah Penduduk yang bekerja"] == ["Jumlah Penduduk yg bekerja"]
    assert "Angkatan Kerja" in str(err)


def test_none_is_missing() -> None:
    with pytest.raises(sakip.MissingValueError):
        sakip.evaluate("a + b", {"a": 1, "b": None})


def test_zero_denominator_names_the_denominator() -> None:
    with pytest.raises(sakip.ZeroDenominatorError) as info:
        sakip.evaluate(
            "Jumlah A / (Jumlah B - Jumlah C) x 100%", {"Jumlah A": 1, "Jumlah B": 5, "Jumlah C": 5}
        )
    assert (
        "Jumlah B - Jumlah C" in info.value.denominator
        or "-Jumlah C + Jumlah B" in info.value.denominator
    )


def test_zero_denominator_same_name_is_not_silently_one() -> None:
    # A - B / B: sympy would simplify B/B to 1; sakip keeps the division and fails on 0
    with pytest.warns(sakip.AmbiguousFormulaWarning), pytest.raises(sakip.ZeroDenominatorError):
        sakip.evaluate("A - B / B", {"A": 1, "B": 0})


def test_zero_denominator_in_arrays_warns_and_gives_nan() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning, match="2 of 4 rows"):
        r = sakip.evaluate(
            "A / B x 100%", {"A": np.array([1.0, 2, 3, 4]), "B": np.array([4.0, 0, 0, 8])}
        )
    assert r.magnitude[0] == 25 and r.magnitude[3] == 50
    assert math.isnan(r.magnitude[1]) and math.isnan(r.magnitude[2])


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_inputs_are_refused(bad: float) -> None:
    with pytest.raises(sakip.ValueTypeError):
        sakip.evaluate("a + 1", {"a": bad})


@pytest.mark.parametrize("bad", [object(), {1, 2}, b"12"])
def test_unusable_values(bad: object) -> None:
    with pytest.raises(sakip.ValueTypeError):
        sakip.evaluate("a + 1", {"a": bad})


def test_text_that_is_not_a_number() -> None:
    with pytest.raises(sakip.ValueTypeError, match="needs a number"):
        sakip.evaluate("a + 1", {"a": "banyak"})
    assert sakip.evaluate("a + 1", {"a": "1.234,5"}).magnitude == 1235.5


def test_overflow_and_roots() -> None:
    with pytest.raises(sakip.EvaluationError, match="too large"):
        sakip.evaluate("a ^ 1000", {"a": 1e300})
    with pytest.raises(sakip.EvaluationError, match="undefined"):
        sakip.evaluate("akar(a)", {"a": -4})
    with pytest.raises(sakip.EvaluationError, match="undefined"):
        sakip.evaluate("a ^ 0,5", {"a": -4})


def test_series_need_a_period() -> None:
    with pytest.raises(sakip.ValueTypeError, match="period="):
        sakip.evaluate("a + 1", {"a": {2019: 1}})
    with pytest.raises(sakip.MissingValueError, match="period 2020"):
        sakip.evaluate("a + 1", {"a": {2019: 1}}, period=2020)
    with pytest.raises(sakip.ValueTypeError, match="another period"):
        sakip.evaluate("a tahun n-1 + 1", {"a": 3})


def test_relative_date_needs_period() -> None:
    with pytest.raises(sakip.ValueTypeError, match="period="):
        sakip.evaluate(
            "jika n < 31 Desember tahun n-1 maka 1 selain itu 0", {"n": dt.date(2020, 1, 1)}
        )


def test_formula_must_be_text() -> None:
    # (a whole number is a Lampiran I number: sakip.evaluate(12, ...) is IKU 12)
    # a wrong type is a ValueTypeError, not a syntax error at a made-up position
    for bad in (1.5, object(), None, ["a"]):
        with pytest.raises(sakip.ValueTypeError, match="give formula text"):
            sakip.evaluate(bad, {})  # type: ignore[arg-type]
    for bad in (["a"], None, 5):
        with pytest.raises(sakip.ValueTypeError, match="must be text"):
            sakip.parse(bad)  # type: ignore[arg-type]


def test_constant_overflow_with_array_inputs() -> None:
    # found by benchmarks/fuzz_parse.py: 9^(9^91 %) overflows in the constant part of
    # the formula whatever the rows hold; the exponent is now refused when parsed
    with pytest.raises(sakip.LimitError, match="exponent"):
        sakip.evaluate("A x 9^9^9100%", {"A": np.array([1.0, 2.0])})


def test_overflow_of_a_product_is_an_error_not_infinity() -> None:
    # 1 x 10^300 x 10^300 = 10^600 is beyond a float
    with pytest.raises(sakip.EvaluationError, match="too large"):
        sakip.evaluate("A x 10^300 x 10^300", {"A": 1})


def test_integers_too_large_for_a_float() -> None:
    with pytest.raises(sakip.ValueTypeError, match="too large"):
        sakip.evaluate("a + 1", {"a": 10**400})


def test_category_results_in_arrays_leave_rows_without_a_clause_empty() -> None:
    with pytest.warns(sakip.ZeroDenominatorWarning, match="1 of 2"):
        r = sakip.evaluate('jika skor >= 80 maka "A"', {"skor": np.array([90.0, 10.0])})
    assert r.magnitude.tolist() == ["A", ""]


# Found by a QA pass over the public API -------------------------------------------------


def test_numbers_for_category_variables_are_refused() -> None:
    # 1 happened to equal the internal code of "WTP"; it must not pass as a category
    with pytest.raises(sakip.ValueTypeError, match="compared with categories"):
        sakip.evaluate("jika n=WTP maka 100%, jika n#WTP maka 0%", {"n": 1})


def test_only_code_words_fall_back_to_categories() -> None:
    # an unbound ordinary name on the right of '=' is missing, not the category "Target"
    with pytest.raises(sakip.MissingValueError, match="Target"):
        sakip.evaluate("jika Realisasi = Target maka 100% selain itu 0%", {"Realisasi": 1})
    r = sakip.evaluate(
        "jika Realisasi = Target maka 100% selain itu 0%", {"Realisasi": 7, "Target": 7}
    )
    assert r.magnitude == 100


def test_dates_that_do_not_exist_in_the_period() -> None:
    with pytest.raises(sakip.ValueTypeError, match="29 Februari tahun n"):
        sakip.evaluate(
            "jika t <= 29 Februari tahun n maka 1 selain itu 0",
            {"t": dt.date(2021, 1, 1)},
            period=2021,
        )


def test_what_is_compared_with_a_date_must_be_a_date() -> None:
    # a plain number would silently be taken as a day count (day 5 of year 1)
    text = "jika n <= 31 Desember tahun n-1 maka 100% selain itu 0%"
    with pytest.raises(sakip.ValueTypeError, match="compared with dates: give a date"):
        sakip.evaluate(text, {"n": 5}, period=2020)
    with pytest.raises(sakip.ValueTypeError, match="not a date"):
        sakip.evaluate(text, {"n": "besok"}, period=2020)
    assert sakip.evaluate(text, {"n": "2019-12-20"}, period=2020).magnitude == 100
    r = sakip.evaluate("jika t < 31 Desember 2019 maka 1 selain itu 0",
                       {"t": np.array([dt.date(2019, 1, 1), dt.date(2020, 1, 1)], dtype=object)})  # fmt: skip
    assert r.magnitude.tolist() == [1.0, 0.0]
    # in arithmetic a date literal is a day number: 31 Desember 2019 - 1 Desember 2019 = 30
    assert (
        sakip.evaluate("31 Desember 2019 - mulai", {"mulai": dt.date(2019, 12, 1)}).magnitude == 30
    )


def test_odd_keys_and_indexes() -> None:
    sakip.evaluate("A / B x 100%", {"A": 1, "B": 2})  # cached, so the fast path is tried
    with pytest.raises(sakip.ValueTypeError, match="value names must be text"):
        sakip.evaluate("A / B x 100%", {1: 2, "A": 1, "B": 2})  # type: ignore[dict-item]
    with pytest.raises(sakip.ValueTypeError, match="whole numbers"):
        sakip.evaluate("Σ_{i=1}^{2} A_i", {"A": {"a": 1, 2: 2}})
    with pytest.raises(sakip.ValueTypeError, match="whole numbers"):
        sakip.evaluate("Σ_{i=1}^{2} A_i", {"A": {1.7: 1, 2: 2}})
    with pytest.raises(sakip.ValueTypeError, match="different lengths"):
        sakip.evaluate("ΣA / B", {"A": {1: np.array([1.0, 2]), 2: np.array([1.0, 2, 3])}, "B": 1})


def test_missing_rows_do_not_pick_a_branch() -> None:
    # NaN >= 80 is False, which would silently choose "C"; the row has no result instead
    with pytest.warns(sakip.ZeroDenominatorWarning, match="missing"):
        r = sakip.evaluate(
            'jika skor >= 80 maka "A" selain itu "C"', {"skor": np.array([np.nan, 90.0])}
        )
    assert r.magnitude.tolist() == ["", "A"]
    with pytest.warns(sakip.ZeroDenominatorWarning):
        m = sakip.evaluate("min(A; 5)", {"A": np.array([np.nan, 9.0])}).magnitude
    assert math.isnan(m[0]) and m[1] == 5


def test_array_results_format_and_compare() -> None:
    r = sakip.evaluate('jika s >= 1 maka "A" selain itu "B"', {"s": np.array([1.0, 0.0])})
    assert str(r) == "A, B"
    with pytest.raises(sakip.ValueTypeError, match="single float"):
        float(sakip.evaluate("a x 2", {"a": np.array([1.0, 2.0])}))
    assert sakip.evaluate("a x 2", {"a": np.array([1.0])}) != sakip.evaluate(
        "a x 2", {"a": np.array([1.0, 2.0])}
    )


def test_minus_glued_to_a_name_and_a_number_warns() -> None:
    # "Cakupan K-4" (the fourth antenatal visit) reads as Cakupan K minus 4: say so
    with pytest.warns(sakip.AmbiguousFormulaWarning, match="'K-4' is computed as 'K - 4'"):
        sakip.evaluate("Cakupan K-4 / B x 100%", {"Cakupan K": 90, "B": 100})
    r = sakip.evaluate("{Cakupan K-4} / B x 100%", {"Cakupan K-4": 90, "B": 100})
    assert r.magnitude == 90


def test_zero_to_a_negative_power_is_a_zero_denominator() -> None:
    with pytest.raises(sakip.ZeroDenominatorError, match="negative power"):
        sakip.evaluate("A ^ B", {"A": 0, "B": -1})


def _instances() -> list[sakip.SakipError]:
    import inspect

    special = {
        errors.FormulaSyntaxError: errors.FormulaSyntaxError("unexpected ')'", "A / )", 1, 5),
        errors.LimitError: errors.LimitError("formula longer than 5000 characters", "AAA", 1, 3),
        errors.MissingValueError: errors.MissingValueError(["A", "B"], {"A": ["a1"]}),
        errors.ConflictingValuesError: errors.ConflictingValuesError("A", ("A", "a")),
        errors.ZeroDenominatorError: errors.ZeroDenominatorError("Angkatan Kerja"),
        errors.AmbiguousKeyError: errors.AmbiguousKeyError("APS", ()),
        errors.TableLimitError: errors.TableLimitError("a table file", 50, "bytes", 60, "t.csv"),
    }
    classes = [
        c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, SakipError)
    ]
    return [special.get(c) or c(f"a {c.__name__} message") for c in classes]


def test_every_error_class_pickles_with_its_fields_and_has_a_code() -> None:
    import pickle

    instances = _instances()
    assert len(instances) >= 18
    codes = set()
    for error in instances:
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
        assert vars(again) == vars(error)
        data = error.to_dict()
        assert data["code"] == type(error).code and data["message"] == str(error)
        codes.add(type(error).code)
    assert len(codes) == len(instances)  # one stable code per class


def test_error_fields_reach_to_dict() -> None:
    error = FormulaSyntaxError("unexpected ')'", "A / )", 1, 5)
    data = error.to_dict()
    assert (data["code"], data["line"], data["column"], data["reason"]) == (
        "syntax",
        1,
        5,
        "unexpected ')'",
    )
    assert str(error).splitlines()[2].index("^") == 4 + 4  # under column 5, after 4 spaces
    zero = sakip.ZeroDenominatorError("Angkatan Kerja").to_dict()
    assert zero["denominator"] == "Angkatan Kerja" and zero["code"] == "zero_denominator"
    # a limit on something else than formula text has no caret line
    assert str(sakip.LimitError("a cell of 40.001 characters")) == "a cell of 40.001 characters"


def test_a_table_limit_keeps_its_limit_and_size_as_fields() -> None:
    # before: only the message held them ("t.csv: over the limit of 50 bytes")
    error = errors.TableLimitError("an IKU table", 2, "rows", 3, "t.csv")
    assert str(error) == "t.csv: an IKU table of 3 rows is over the limit of 2 rows"
    data = error.to_dict()
    assert (data["code"], data["limit"], data["size"], data["unit"], data["where"]) == (
        "table_limit",
        2,
        3,
        "rows",
        "t.csv",
    )
    assert isinstance(error, sakip.LimitError) and isinstance(error, errors.TableError)
    # reading stopped at the limit: the size is unknown, and said so
    cut = errors.TableLimitError("a table row", 400, "lines", hint="is it a table?")
    assert cut.size is None
    assert str(cut) == "a table row of more than 400 lines; is it a table?"
    again = pickle.loads(pickle.dumps(cut))
    assert vars(again) == vars(cut) and str(again) == str(cut)


def test_sigma_bounds_are_read_in_the_one_parse() -> None:
    # Σ_{i=1}^{n}: the bounds' own tokens sit in the formula, at their own columns
    f = sakip.parse("FK x Σ_{i=a}^{n} E_i")
    assert f.variables == ("FK", "a", "n", "E")
    # 2 x (E_3 + E_4) = 2 x (3 + 4) = 14
    values = {"FK": 2, "a": 3, "n": 4, "E": {3: 3, 4: 4}}
    assert sakip.evaluate(f, values).magnitude == 14
    with pytest.raises(FormulaSyntaxError, match="bound of Σ") as info:
        sakip.parse("Σ_{i=1}^{+} E_i")
    assert info.value.column == 12  # just after the '+' of the upper bound
