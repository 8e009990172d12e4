"""Attacks on the reading rules added since f16daed (sentences, verbal formulas, names,
pasted notations, band tables, percent weights, Σ over lists, traps).

The standard: bad input raises a ``sakip.SakipError`` subclass, never another exception
or a hang, and never evaluates silently (no error, no AmbiguousFormulaWarning) to a value
an official would not mean. Tests of behaviour that is right today are plain tests; each
bug found is an ``xfail(strict=True)`` test that states what the text means, so it
passes (and the mark must go) once the bug is fixed. Expected values are worked out by
hand in the comments.
"""

from __future__ import annotations

import contextlib
import random
import time
import warnings
from typing import Any

import numpy as np
import pytest

import sakip
from sakip.language import read_bands

# -- helpers ---------------------------------------------------------------------------


def _evaluate(text: str, values: dict[str, Any], **options: Any) -> tuple[Any, list[str]]:
    """The result and the AmbiguousFormulaWarning messages of parse + evaluate."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sakip.evaluate(text, values, **options)
    ambiguous = [
        str(w.message) for w in caught if issubclass(w.category, sakip.AmbiguousFormulaWarning)
    ]
    return result, ambiguous


def _not_silently_wrong(
    text: str,
    values: dict[str, Any],
    expected: float,
    shown_unit: str | None = None,
    **options: Any,
) -> None:
    """``text`` gives ``expected`` (in ``unit``), or says it cannot: a SakipError or an
    AmbiguousFormulaWarning. Any other value is a silent wrong number."""
    try:
        result, ambiguous = _evaluate(text, values, **options)
    except sakip.SakipError:
        return
    if ambiguous:
        return
    assert float(result.magnitude) == pytest.approx(expected, rel=1e-9), str(result)
    if shown_unit is not None:
        assert str(result.units) == shown_unit, str(result)


def _value(text: str, values: dict[str, Any], **options: Any) -> Any:
    result, _ = _evaluate(text, values, **options)
    return result


def _parse_quietly(text: str) -> sakip.Formula:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sakip.parse(text)


# -- 1. no escapes -----------------------------------------------------------------------

# Inputs that mix the new vocabulary with operators, brackets and punctuation; each must
# parse or raise a SakipError, and evaluate (values from _VALUE_KINDS) the same way.
NASTY = [
    "Persentase terhadap",
    "terhadap B",
    "A terhadap",
    "Persentase A terhadap B terhadap C terhadap",
    "membagi dengan",
    "membagi A dengan",
    "mengalikan A dengan B dengan C",
    "dengan A dengan B",
    "adalah",
    "A adalah",
    "adalah A / B",
    "A adalah adalah B / C",
    "A dihitung dengan cara",
    "A dihitung dengan cara membagi",
    ": A / B",
    "A : : B / C",
    "A :",
    "per 100.000",
    "A per 100.000",
    "per 100.000 penduduk",
    "A setiap 0 B",
    ", kemudian",
    "A, kemudian",
    "A / B, kemudian, kemudian hasilnya dikalikan",
    "A / B, dinyatakan dalam",
    "A / B, dinyatakan dalam persen (%) (%)",
    "dinyatakan dalam persen",
    "tingkat pertumbuhan dibandingkan dengan",
    "tingkat pertumbuhan A dibandingkan dengan",
    "pertumbuhan tahun yang dilaporkan dibandingkan dengan tahun sebelumnya",
    "tahun dasar",
    "(tahun n-1)",
    "A (t-1) (t-1) (t-1)",
    "X_{t-1}_{t-1}",
    "X_{t-", "X_{}", "_{t-1}", "X__t",
    "desil 1 s/d",
    "desil s/d 4",
    "usia 7-12-15 tahun / B",
    "lanjut usia >=>=60 tahun",
    "Jumlah kelas (rombel",
    "Jumlah kelas ((rombel)) / B",
    "Jumlah (, ) / B",
    "A, , B / C",
    "1. 2. 3.",
    "1) 2) 3)",
    "a) b) c) A",
    "- - - A",
    "• • A / B",
    "- = A",
    "-",
    "%",
    "% %",
    "%A %B / C",
    "√",
    "√(",
    "√()",
    "√(A x B",
    "$",
    "$$",
    "$\\frac{}{}$",
    "$\\frac{A}$",
    "$\\frac{A}{B}",
    "\\frac",
    "$\\sqrt{}$",
    "$\\sum_{i=1}^{}$",
    "$\\text{$}$",
    "-----",
    "A -----",
    "----- B",
    "= 5 ----- = 6",
    "x 100% ----- x 100%",
    "Baik :",
    "Baik : 70 < X ≤",
    "Baik : 70 < X ≤ 80;",
    "Baik : 80 < X ≤ 70; Kurang : X ≤ 60",
    "; ; ;",
    "Kategori: , , ,",
    "Kategori: 1-2 kasus, 2-1 kasus",
    "29 hari–11 bulan",
    "A (29 hari–11 bulan); B (1 minggu–2 bulan)",
    "Nilai > 0 (atau",
    "30% 30% 30%",
    "ΣΣX",
    "Σ",
    "1/9 (0,11111) (0,11111)",
    "1/3 ()",
    "Jml. Jml. Jml.",
    "s.d. s.d.",
    "A. . . B",
    "Cukup Jelas / B",
    "dihitung oleh BPS / B",
    "A Ã— B",
    "𝑅𝑎𝑠𝑖𝑜 = 𝑗𝑢𝑚𝑙𝑎ℎ / ",
    "yaitu dime...",
    "A & & B",
    "dan /atau",
    "seratus",
    "A x seratus ribu ribu",
    "Realisasi-Target-",
    "JUM-(n-1",
]  # fmt: skip

_VALUE_KINDS: list[Any] = [
    3,
    0,
    np.array([1.0, 0.0, 2.0]),
    {2019: 1.0, 2020: 2.0},
    [1.0, 2.0],
    [],
    "WTP",
    {0: 1.0, 1: 2.0},
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_input_raises_only_sakip_errors(text: str) -> None:
    for kind in _VALUE_KINDS:
        try:
            formula = _parse_quietly(text)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sakip.evaluate(formula, dict.fromkeys(formula.variables, kind), period=2020)
        except sakip.SakipError:
            pass


_WORDS = [
    "Persentase", "Rasio", "Proporsi", "Perbandingan antara", "terhadap", "dibandingkan",
    "dibandingkan dengan", "dengan", "membagi", "mengalikan", "adalah", "merupakan",
    "dihitung dengan cara", "per", "setiap", "per 100.000", "kemudian", "hasilnya",
    "dinyatakan dalam persen", "tahun dasar", "tahun yang dilaporkan", "tahun sebelumnya",
    "(t-1)", "X_{t-1}", "X_t", "s/d", "s.d.", "7-12 tahun", ">=60 tahun", "(rombel)",
    "SD/MI", "PL_A", "Jml.", "1.", "a)", "-", "•", "%", "√(", "$\\frac{A}{B}$", "-----",
    "Baik : 70 < X ≤ 80;", "Sangat Baik : X > 80", "jika", "maka", "selain itu",
    "Jumlah penduduk", "A", "B", "100", "100.000", "0,5", "30%", "x 100%", "+", "-", "/",
    ":", "x", "(", ")", ",", ".", ";", "=", ">=", "Σ", "tingkat pertumbuhan", "penurunan",
]  # fmt: skip


def test_random_mixtures_raise_only_sakip_errors() -> None:
    """A seeded sample of the 180,000-input fuzz run (see the report): word salads of
    the new vocabulary, parsed and evaluated with numbers."""
    rng = random.Random(20261202)
    for _ in range(400):
        text = rng.choice(["", " "]).join(
            rng.choice(_WORDS) + rng.choice([" ", " ", ""]) for _ in range(rng.randint(1, 14))
        )
        try:
            formula = _parse_quietly(text)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sakip.evaluate(formula, dict.fromkeys(formula.variables, 3), period=2020)
        except sakip.SakipError:
            pass


# -- 2. no hangs ----------------------------------------------------------------------


def _fill(unit: str, prefix: str = "", suffix: str = "") -> str:
    count = (5000 - len(prefix) - len(suffix)) // len(unit)
    return prefix + unit * count + suffix


LONG = [
    _fill("Persentase A terhadap ", suffix="B"),
    _fill("A terhadap ", suffix="B"),
    _fill("A per 100.000 ", suffix="B"),
    _fill("A : ", suffix="B / C"),
    _fill("A adalah ", suffix="B / C"),
    _fill(", kemudian hasilnya dikalikan seratus persen", "A / B"),
    _fill(", dinyatakan dalam persen", "A / B"),
    "Jumlah kelas " + "(rombel " * 550 + ")" * 550 + " / B",
    _fill(" (rombel)", "Jumlah kelas", " / B"),
    _fill(". "),
    _fill("A. ", suffix="B / C"),
    _fill("1) "),
    _fill("1. A / B. "),
    _fill("- A = ", suffix="B"),
    _fill("usia 7-12 tahun ", "Jumlah ", "/ B"),
    _fill("\\frac{A}{B} + ", "$", "1$"),
    _fill("\\frac{", "$", "$"),
    _fill("-"),
    "Jumlah " * 300 + "= 13.837 ---------- x 100 % " + "Jumlah " * 300 + "= 14210",
    "; ".join(f"K{i} = {i}-{i},5" for i in range(1000))[:5000],
    "; ".join(f"L{i} : {i} < X ≤ {i + 1}" for i in range(1000))[:5000],
    "; ".join(f"K{i} = 0-{i + 1}" for i in range(1000))[:5000],
    _fill("30% IKA + ", suffix="1"),
    _fill("A - B / ", suffix="B x 100%"),
    "akar(" + "A x " * 1200 + "B)",
    _fill("JUM-(n-1) + ", suffix="1"),
    # a mean over groups with a clause of spaces; many series over a glossary range
    "Rata-rata lama. Untuk mereka yang tamat SD diperhitungkan 6 tahun, tamat SMP"
    " diperhitungkan 9 tahun." + " " * 4800,
    "Rata-rata: " + " " * 4900 + "; a diperhitungkan 1 tahun; b diperhitungkan 2 tahun",
    " + ".join(["Σxi"] * 60) + ", dimana i = 1 - 200",
]


def test_long_inputs_finish_in_two_seconds() -> None:
    _parse_quietly("A / B")  # the grammar is built once, on the first parse
    for text in LONG:
        assert len(text) <= 5000
        started = time.perf_counter()
        with contextlib.suppress(sakip.SakipError):
            _parse_quietly(text)
        read_bands_started = time.perf_counter()
        with contextlib.suppress(sakip.SakipError):
            read_bands(text)
        done = time.perf_counter()
        assert read_bands_started - started < 2.0, text[:60]
        assert done - read_bands_started < 2.0, text[:60]


# -- 3. readings that are right today ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "variables"),
    [
        ("Jumlah kunjungan per kapita", ("Jumlah kunjungan per kapita",)),
        ("nilai setiap unsur x bobot", ("nilai setiap unsur", "bobot")),
        ("PDRB per kapita / 12", ("PDRB per kapita",)),
        (
            "Jumlah penduduk usia 7 - 12 tahun / Jumlah penduduk",
            ("Jumlah penduduk usia 7 - 12 tahun", "Jumlah penduduk"),
        ),
        ("Jumlah siswa desil 1 s/d 4 / B", ("Jumlah siswa desil 1 s/d 4", "B")),
        ("Jumlah siswa dengan nilai baik / B", ("Jumlah siswa dengan nilai baik", "B")),
    ],
)
def test_words_that_stay_in_names(text: str, variables: tuple[str, ...]) -> None:
    assert _parse_quietly(text).variables == variables


@pytest.mark.parametrize(
    ("text", "values", "expected", "unit"),
    [
        ("A : B x 100%", {"A": 1, "B": 4}, 25.0, "percent"),  # 1 / 4 x 100
        ("Jumlah A : Jumlah B", {"Jumlah A": 1, "Jumlah B": 4}, 0.25, "dimensionless"),
        ("(A x 100%) / B", {"A": 1, "B": 4}, 25.0, "percent"),  # (1 x 100) / 4
        ("A x 100% / B", {"A": 1, "B": 4}, 25.0, "percent"),
        ("jika A >= 80% maka 100% selain itu 50%", {"A": 0.9}, 100.0, "percent"),  # 0,9 >= 0,8
        ("jika A >= 80% maka 100% selain itu 50%", {"A": 0.5}, 50.0, "percent"),
        ("- 5 + A", {"A": 1}, -4.0, "dimensionless"),
        ("- A + 5", {"A": 1}, 4.0, "dimensionless"),
        ("1. A / B x 100%", {"A": 1, "B": 4}, 25.0, "percent"),
        ("a) A / B", {"A": 1, "B": 4}, 0.25, "dimensionless"),
        ("Persentase A terhadap B", {"A": 1, "B": 4}, 25.0, "percent"),
        ("A / B, dinyatakan dalam persen", {"A": 1, "B": 4}, 25.0, "percent"),
        ("membagi A dengan B, kemudian dikalikan 100%", {"A": 1, "B": 4}, 25.0, "percent"),
        ("Angka Kesakitan DBD : (A / B) x 100.000", {"A": 3, "B": 60000}, 5.0, "dimensionless"),
        ("30% IKA + 70% IKU", {"IKA": 80, "IKU": 90}, 87.0, "dimensionless"),  # 24 + 63
        ("$\\frac{A}{B} - \\frac{C}{D}$", {"A": 1, "B": 4, "C": 1, "D": 2}, -0.25, "dimensionless"),
        (
            "Realisasi = 80 ----- Target = 100 x 100%",
            {"Realisasi": 3, "Target": 4},
            75.0,
            "percent",
        ),
        ("ΣX", {"X": [1, 2, 3]}, 6.0, "dimensionless"),
    ],
)
def test_right_readings(text: str, values: dict[str, Any], expected: float, unit: str) -> None:
    result, ambiguous = _evaluate(text, values)
    assert not ambiguous
    assert float(result.magnitude) == pytest.approx(expected)
    assert str(result.units) == unit


def test_equation_with_a_leading_minus_is_refused() -> None:
    with pytest.raises(sakip.FormulaSyntaxError):
        _parse_quietly("- 5 + A = B")


def test_growth_in_words() -> None:
    text = (
        "tingkat pertumbuhan PDRB pada tahun yang dilaporkan dibandingkan dengan tahun sebelumnya"
    )
    # (110 - 100) / 100
    assert _value(text, {"PDRB": {2019: 100, 2020: 110}}, period=2020).magnitude == pytest.approx(
        0.1
    )


def test_subscript_periods() -> None:
    # 100 / 80
    result = _value("X_t / X_{t-1}", {"X": {2019: 80, 2020: 100}}, period=2020)
    assert result.magnitude == pytest.approx(1.25)


@pytest.mark.parametrize(
    ("value", "label"),
    [(70, "Kurang"), (70.5, "Baik"), (80, "Baik"), (80.5, "Sangat Baik")],
)
def test_band_text_bounds(value: float, label: str) -> None:
    text = "Baik : 70 < X ≤ 80; Sangat Baik : X > 80; Kurang : X ≤ 70"
    assert _value(text, {"X": value}).magnitude == label


def test_band_gap_gives_no_label() -> None:
    text = "Sangat Baik : IKU > 80; Baik : 70 < IKU ≤ 80; Kurang : IKU ≤ 60"
    with pytest.raises(sakip.ConditionError):
        sakip.evaluate(text, {"IKU": 65})  # 60 < 65 <= 70: the gap


def test_traps_warn() -> None:
    _, ambiguous = _evaluate("A - B / B x 100%", {"A": 1, "B": 4})
    assert ambiguous


@pytest.mark.parametrize(
    "text",
    [
        "Persentase A terhadap B x 100%",
        "Persentase A dibagi B dikali 100%",
        "Persentase A dibagi dengan B, dikalikan 100%",
        "Persentase A terhadap B, kemudian hasilnya dikalikan seratus persen",
        "Rasio A terhadap B x 100%",
    ],
)
def test_a_scale_written_after_a_verbal_ratio_scales_the_ratio(text: str) -> None:
    # 1 / 4 x 100 = 25 %: the written x 100% is the ratio's scale, neither inside the
    # denominator (0,25) nor on top of the head's own x 100% (0,25 again)
    result, ambiguous = _evaluate(text, {"A": 1, "B": 4})
    assert result.magnitude == pytest.approx(25) and not ambiguous
    assert result.units == sakip.ureg.percent


# -- 4. silent wrong numbers (bugs) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("A : B / C", {"A": 8, "B": 4, "C": 2}, 1.0),  # (8 / 4) / 2
        ("Jumlah A : Jumlah B x 100% / 2", {"Jumlah A": 8, "Jumlah B": 4}, 100.0),  # 8/4x100/2
        ("Jumlah A : (Jumlah B / Jumlah C)", {"Jumlah A": 8, "Jumlah B": 4, "Jumlah C": 2}, 4.0),
        ("non-PNS : E / 100", {"non-PNS": 10, "E": -57}, -0.0017543859649122807),  # 10/-57/100
    ],
)
def test_colon_beside_a_slash_still_divides(
    text: str, values: dict[str, Any], expected: float
) -> None:
    _not_silently_wrong(text, values, expected)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("- A:B", {"A": 1, "B": 4}, -0.25),  # -(1 / 4)
        ("- (A - B) : B x 100%", {"A": 1, "B": 4}, 75.0),  # -(1 - 4) / 4 x 100
        ("– A + B : C", {"A": 1, "B": 4, "C": 2}, 1.0),  # -1 + 4 / 2
    ],
)
def test_leading_minus_is_not_a_list_marker(
    text: str, values: dict[str, Any], expected: float
) -> None:
    _not_silently_wrong(text, values, expected)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("A terhadap B + C terhadap D", {"A": 1, "B": 4, "C": 2, "D": 8}, 0.5),  # 1/4 + 2/8
        (
            "A per 100.000 B - C per 100.000 D",
            {"A": 1, "B": 4, "C": 1, "D": 8},
            12500.0,  # 1/4 x 100000 - 1/8 x 100000
        ),
        (
            "Jumlah kematian ibu per 100.000 kelahiran hidup + 5",
            {"Jumlah kematian ibu": 8, "kelahiran hidup": 100000},
            13.0,  # 8 / 100000 x 100000 + 5
        ),
        ("akar(A terhadap B)", {"A": 16, "B": 4}, 2.0),  # akar(16 / 4)
    ],
)
def test_verbal_ratio_ends_at_its_term(text: str, values: dict[str, Any], expected: float) -> None:
    _not_silently_wrong(text, values, expected)


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("A / B x 100, dinyatakan dalam persen", {}, 25.0),  # 1 / 4 x 100 is 25 (%)
        ("A / B x 100%, dinyatakan dalam persen", {"unit": "%"}, 25.0),
    ],
)
def test_stated_in_percent_scales_once(text: str, options: dict[str, Any], expected: float) -> None:
    _not_silently_wrong(text, {"A": 1, "B": 4}, expected, "percent", **options)


@pytest.mark.parametrize(
    "text",
    [
        "Persentase penurunan angka kemiskinan terhadap tahun lalu",
        "Persentase penurunan angka kemiskinan pada tahun yang dilaporkan dibandingkan"
        " dengan tahun sebelumnya",
    ],
)
def test_decrease_in_words_is_positive_for_a_fall(text: str) -> None:
    # (10 - 8) / 10 x 100, as the same indicator is written in symbols
    values = {"angka kemiskinan": {2019: 10, 2020: 8}}
    _not_silently_wrong(text, values, 20.0, "percent", period=2020)


def test_decrease_in_symbols_for_comparison() -> None:
    text = (
        "(angka kemiskinan tahun n-1 - angka kemiskinan tahun n) / angka kemiskinan tahun n-1"
        " x 100%"
    )
    result = _value(text, {"angka kemiskinan": {2019: 10, 2020: 8}}, period=2020)
    assert result.magnitude == pytest.approx(20.0)  # (10 - 8) / 10 x 100


def test_subscript_period_glued_minus_is_not_silent() -> None:
    text = "(PDRB_t - PDRB_t-1) / PDRB_t-1 x 100%"
    # (100 - 80) / 80 x 100
    _not_silently_wrong(text, {"PDRB": {2019: 80, 2020: 100}}, 25.0, period=2020)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("C / $\\frac{A}{B}$", {"A": 1, "B": 4, "C": 2}, 8.0),  # 2 / (1/4)
        ("C dibagi $\\frac{A}{B}$", {"A": 1, "B": 4, "C": 2}, 8.0),
        ("$\\frac{A}{B}$^2", {"A": 2, "B": 4}, 0.25),  # (2/4)^2
        ("$\\frac{A}{B}$ / $\\frac{C}{D}$", {"A": 1, "B": 4, "C": 2, "D": 8}, 1.0),  # 0,25/0,25
    ],
)
def test_latex_fraction_keeps_its_brackets_outside_the_math(
    text: str, values: dict[str, Any], expected: float
) -> None:
    _not_silently_wrong(text, values, expected)


def test_latex_fraction_inside_the_math_keeps_its_brackets() -> None:
    # 2 / (1 / 4): the same formula with '/' inside the $ is read right
    assert _value("$C / \\frac{A}{B}$", {"A": 1, "B": 4, "C": 2}).magnitude == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("text", "values", "options", "expected", "unit"),
    [
        (
            "jika Realisasi / Target x 90% >= 80 maka 100% selain itu 50%",
            {"Realisasi": 95, "Target": 100},
            {},
            100.0,  # 95 / 100 x 90 = 85,5 (%) >= 80
            "percent",
        ),
        ("A / B x 90%", {"A": 1, "B": 1}, {"unit": "%"}, 90.0, "percent"),  # 1 / 1 x 90
        ("(A / B) x 50%", {"A": 1, "B": 4}, {"unit": "%"}, 12.5, "percent"),  # 1/4 x 50
    ],
)
def test_percent_times_a_ratio_is_a_percent(
    text: str, values: dict[str, Any], options: dict[str, Any], expected: float, unit: str
) -> None:
    _not_silently_wrong(text, values, expected, unit, **options)


@pytest.mark.xfail(
    strict=True,
    reason="units_walk.py _weights: a weight on a percentage ((A / B x 100%) x 30%) is a"
    " fraction while the weight on a score (C x 70%) is a plain number; the sum mixes them",
)
def test_weighted_sum_of_a_percentage_and_a_score() -> None:
    # 30% x (1 / 2 x 100) + 70% x 90 = 15 + 63
    text = "(A / B x 100%) x 30% + C x 70%"
    _not_silently_wrong(text, {"A": 1, "B": 2, "C": 90}, 78.0)


def test_sigma_over_row_arrays_stays_per_row() -> None:
    values = {"D0": np.array([10.0, 20.0, 30.0]), "Lahir Hidup": np.array([1000.0, 2000.0, 3000.0])}
    try:
        result, ambiguous = _evaluate("D0 / ΣLahir Hidup x 1.000", values)
    except sakip.SakipError:
        return
    if not ambiguous:
        # 10/1000 x 1000, 20/2000 x 1000, 30/3000 x 1000
        np.testing.assert_allclose(np.asarray(result.magnitude, dtype=float), [10, 10, 10])


def test_sigma_over_a_ragged_list_is_refused() -> None:
    with pytest.raises(sakip.ValueTypeError):
        sakip.evaluate("ΣX", {"X": [1, [2, 3]]})


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah A / Jumlah B. X 100%",
        "Jumlah A / Jumlah B. Hasilnya x 100%",
        "Jumlah A / Jumlah B. Dinyatakan dalam persen.",
    ],
)
def test_sentence_with_the_scale_is_not_dropped(text: str) -> None:
    # 1 / 4 x 100, declared in percent as the table means it
    _not_silently_wrong(text, {"Jumlah A": 1, "Jumlah B": 4}, 25.0, "percent", unit="%")


def test_factor_before_a_full_stop_is_not_dropped() -> None:
    # Pi . K / N with Pi = 2, K = 4, N = 2: 4; dropping Pi gives 2
    _not_silently_wrong("Pi. K / N", {"Pi": 2, "K": 4, "N": 2}, 4.0)


@pytest.mark.parametrize(
    "text", ["A -- B", "A ---- B", "A ---------- B ---------- C", "----- A / B"]
)
def test_runs_of_dashes_are_not_arithmetic(text: str) -> None:
    try:
        _, ambiguous = _evaluate(text, {"A": 1, "B": 4, "C": 2})
    except sakip.SakipError:
        return
    assert ambiguous, "a run of dashes was computed without a word"


# -- 5. misreadings that now raise (regressions, not silent) -----------------------------


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("Nilai kepuasan terhadap layanan x 0,25", {"Nilai kepuasan terhadap layanan": 80}, 20.0),
        (
            "Nilai kepuasan masyarakat terhadap layanan + Nilai kepatuhan",
            {"Nilai kepuasan masyarakat terhadap layanan": 80, "Nilai kepatuhan": 10},
            90.0,
        ),
        (
            "Jumlah pengaduan terhadap pelayanan yang ditindaklanjuti : jumlah pengaduan x 100%",
            {"Jumlah pengaduan terhadap pelayanan yang ditindaklanjuti": 5, "jumlah pengaduan": 10},
            50.0,  # 5 / 10 x 100
        ),
    ],
)
def test_terhadap_inside_a_name(text: str, values: dict[str, Any], expected: float) -> None:
    assert _value(text, values).magnitude == pytest.approx(expected)


def test_index_named_with_terhadap_is_one_measure() -> None:
    text = "Indeks kepuasan masyarakat terhadap pelayanan publik"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        formula = sakip.parse(text)
    warned = any(issubclass(w.category, sakip.AmbiguousFormulaWarning) for w in caught)
    assert warned or formula.variables == (text,)


@pytest.mark.parametrize(
    "text", ["Jumlah kunjungan per 3 bulan", "Jumlah kunjungan setiap 2 minggu"]
)
def test_per_a_span_of_time_stays_in_the_name(text: str) -> None:
    assert _parse_quietly(text).variables == (text,)


def test_definer_after_yang_stays_in_the_name() -> None:
    text = "Jumlah penduduk yang merupakan peserta JKN / Jumlah penduduk x 100%"
    values = {"Jumlah penduduk yang merupakan peserta JKN": 2, "Jumlah penduduk": 4}
    assert _value(text, values).magnitude == pytest.approx(50.0)  # 2 / 4 x 100


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah A dibagi Jumlah B. Hasilnya dikalikan 100%.",
        "Jumlah A dibagi Jumlah B. Kemudian dikalikan 100%.",
    ],
)
def test_second_sentence_continues_the_formula(text: str) -> None:
    # 1 / 4 x 100
    assert _value(text, {"Jumlah A": 1, "Jumlah B": 4}).magnitude == pytest.approx(25.0)


@pytest.mark.parametrize("text", ["A / B. C / D", "Jumlah A / Jumlah B. Jumlah C / Jumlah D"])
def test_two_formulas_in_two_sentences_are_refused(text: str) -> None:
    with pytest.raises(sakip.FormulaSyntaxError):
        _parse_quietly(text)


def test_verbal_ratio_inside_a_condition() -> None:
    text = "jika Persentase A terhadap B >= 80 maka 100% selain itu 50%"
    # 9 / 10 x 100 = 90 (%) >= 80
    assert _value(text, {"A": 9, "B": 10}).magnitude == pytest.approx(100.0)
