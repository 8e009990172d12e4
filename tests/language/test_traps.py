"""Traps: formulas whose written precedence or arithmetic differs from the likely intent
warn with an AmbiguousFormulaWarning that quotes the formula, and are computed as
written; ordinary formulas never warn."""

from __future__ import annotations

import time
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.language import normalize_name
from tests.strategies import name, positive


def traps(text: str) -> list[str]:
    """The AmbiguousFormulaWarning messages of parsing ``text``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sakip.parse(text)
    return [str(w.message) for w in caught if issubclass(w.category, sakip.AmbiguousFormulaWarning)]


def only_trap(text: str) -> str:
    found = traps(text)
    assert len(found) == 1, found
    return found[0]


# 1. Precedence ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "meant"),
    [
        # a sum whose last term is a ratio scaled to percent
        ("A + B / C x 100%", "'A + B / C x 100%'", "'(A + B) / C x 100%'"),
        ("A + B + C / D x 100", "'A + B + C / D x 100'", "'(A + B + C) / D x 100'"),
        # a growth rate without brackets (the denominator repeats a variable)
        ("A - B / B x 100%", "'A - B / B x 100%'", "'(A - B) / B x 100%'"),
        (
            "Selisih = Realisasi - Target / Target",
            "only 'Target / Target'",
            "'(Realisasi - Target) / Target'",
        ),
        # a bracketed first term keeps its brackets in the suggestion
        ("A - (B - C) / C x 100%", "only '(B - C) / C x 100%'", "'(A - (B - C)) / C x 100%'"),
    ],
)
def test_a_divided_last_term_warns_with_the_grouping_meant(
    text: str, quoted: str, meant: str
) -> None:
    message = only_trap(text)
    assert quoted in message and "computed as written" in message
    assert f"likely meant as {meant}" in message


def test_a_growth_rate_whose_name_has_a_trailing_period_letter_warns() -> None:
    # "nilai ekspor n" is the same quantity as "Nilai Ekspor tahun n"
    text = "Laju = Nilai Ekspor Tahun n - Nilai Ekspor Tahun n-1 / nilai ekspor n x 100"
    assert "'(Nilai Ekspor Tahun n - Nilai Ekspor Tahun n-1) / nilai ekspor n x 100'" in only_trap(
        text
    )


def test_the_trap_is_computed_as_written() -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning):
        r = sakip.evaluate("A + B / C x 100%", {"A": 1, "B": 1, "C": 4})
    # 1 + (1 / 4 x 100%) = 1 + 0,25 = 1,25, not (1 + 1) / 4 x 100% = 50 %
    assert r.magnitude == pytest.approx(1.25)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("(A - B) / (B x 100%)", "'(A - B) / B x 100%'"),
        ("A / (100 x B)", "'A / B x 100'"),
        ("A / (B x C x 100%)", "'A / (B x C) x 100%'"),
    ],
)
def test_x_100_inside_a_denominator_warns(text: str, meant: str) -> None:
    message = only_trap(text)
    assert f"'{text}' has x 100" in message and "inside the denominator" in message
    assert f"likely meant as {meant}" in message


def test_x_100_inside_a_denominator_is_computed_as_written() -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning):
        r = sakip.evaluate("(A - B) / (B x 100)", {"A": 5, "B": 4})
    # (5 - 4) / (4 x 100) = 1 / 400 = 0,0025, not 25
    assert r.magnitude == pytest.approx(0.0025)


def test_a_name_glued_to_its_period_warns_instead_of_the_precedence_trap() -> None:
    found = traps("JUM-(n-1) / JUM-n")
    earlier = [m for m in found if m.startswith("'JUM-(n-1)' is computed as 'JUM - (n-1)'")]
    current = [m for m in found if m.startswith("'JUM-n' is computed as 'JUM - n'")]
    assert len(earlier) == len(current) == 1, found
    assert "write 'JUM tahun n-1'" in earlier[0] and "write 'JUM tahun n'" in current[0]
    # the subtraction is not a real one: no advice to bracket it
    assert not [m for m in found if "is divided" in m]


def test_a_glued_t_period_is_written_with_n() -> None:
    found = traps("X-t / X-(t-1)")
    assert any("'X-(t-1)'" in m and "write 'X tahun n-1'" in m for m in found), found
    assert any("'X-t'" in m and "write 'X tahun n'" in m for m in found), found


@pytest.mark.parametrize(
    ("text", "glued", "parts"),
    [
        ("Realisasi-Target", "Realisasi-Target", "'Realisasi - Target'"),
        (
            "Jumlah Realisasi-Target Kinerja",
            "Jumlah Realisasi-Target Kinerja",
            "'Jumlah Realisasi - Target Kinerja'",
        ),
        ("Realisasi–Target", "Realisasi–Target", "'Realisasi - Target'"),  # en dash
    ],
)
def test_a_hyphen_between_two_words_warns(text: str, glued: str, parts: str) -> None:
    message = only_trap(text)
    assert f"'{glued}' is computed as the subtraction {parts}" in message
    assert f"'{{{glued}}}'" in message


# 2. A label that says percent over a plain ratio -----------------------------------


@pytest.mark.parametrize(
    ("text", "label", "ratio"),
    [
        ("Persentase Y = A / B", "Persentase Y", "A / B"),
        ("Presentase Y = (A) / (B)", "Presentase Y", "(A) / (B)"),
        ("Prosentase Y = A / B", "Prosentase Y", "A / B"),
        ("Capaian IKI (%) = Realisasi IKI / Target", "Capaian IKI", "Realisasi IKI / Target"),
        (
            "Tingkat Kelulusan (%) = Jumlah lulusan / Jumlah peserta",
            "Tingkat Kelulusan",
            "Jumlah lulusan / Jumlah peserta",
        ),
        (
            "Persentase kenaikan PAD = (PAD tahun n - PAD tahun n-1) / PAD tahun n-1",
            "Persentase kenaikan PAD",
            "(PAD tahun n - PAD tahun n-1) / PAD tahun n-1",
        ),
    ],
)
def test_a_percent_label_over_a_plain_ratio_warns(text: str, label: str, ratio: str) -> None:
    message = only_trap(text)
    assert f"the label '{label}' says a percentage but the formula has no x 100%" in message
    assert f"'{ratio}' gives the fraction (0,95 rather than 95 %)" in message
    assert f"write '{ratio} x 100%'" in message


def test_a_proportion_label_says_so() -> None:
    message = only_trap("Proporsi balita gizi buruk = Jumlah balita gizi buruk / Jumlah balita")
    assert "the label 'Proporsi balita gizi buruk' says a proportion" in message


def test_a_percent_label_over_a_plain_ratio_is_computed_as_written() -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning, match="says a percentage"):
        r = sakip.evaluate("Persentase Y = A / B", {"A": 19, "B": 20})
    assert r.magnitude == pytest.approx(0.95)  # 19 / 20, a fraction


# 3. Numerator and denominator swapped relative to the label ------------------------


def test_parts_swapped_relative_to_the_label_warn() -> None:
    text = (
        "Persentase obat memenuhi syarat = Jumlah item obat yang tersedia di kabupaten/kota"
        " / Jumlah obat yang memenuhi syarat x 100%"
    )
    message = only_trap(text)
    assert "the label 'Persentase obat memenuhi syarat' names what the denominator" in message
    assert "'Jumlah obat yang memenuhi syarat' counts (obat, memenuhi, syarat)" in message
    assert "the parts look swapped" in message and "exceeds 100 %" in message


def test_swapped_parts_suggest_the_ratio_turned_over() -> None:
    message = only_trap("Persentase lulusan = Jumlah siswa / Jumlah lulusan x 100%")
    assert "likely meant as 'Jumlah lulusan / Jumlah siswa x 100%'" in message


# 4. A square root of a product of three or more factors ----------------------------


@pytest.mark.parametrize(
    ("text", "root", "count", "meant"),
    [
        (
            "IPM = akar(Indeks Kesehatan * Indeks Pendidikan * Indeks Standard Hidup Layak)",
            "akar(Indeks Kesehatan * Indeks Pendidikan * Indeks Standard Hidup Layak)",
            "3 factors; a geometric mean of 3 values is the cube root",
            "(Indeks Kesehatan * Indeks Pendidikan * Indeks Standard Hidup Layak)^(1/3)",
        ),
        ("IPM = (A x B x C)^(1/2)", "(A x B x C)^(1/2)", "3 factors", "(A x B x C)^(1/3)"),
        ("IPM = (A x B x C)^0,5", "(A x B x C)^0,5", "3 factors", "(A x B x C)^(1/3)"),
        (
            "(A x B x C x D)^(1/2)",
            "(A x B x C x D)^(1/2)",
            "4 factors; a geometric mean of 4 values is the 4th root",
            "(A x B x C x D)^(1/4)",
        ),
    ],
)
def test_a_square_root_of_three_factors_warns(text: str, root: str, count: str, meant: str) -> None:
    message = only_trap(text)
    assert f"'{root}' is a square root of a product of {count}" in message
    assert f"write {meant}" in message


def test_a_square_root_of_three_factors_is_computed_as_written() -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning, match="cube root"):
        r = sakip.evaluate("akar(A x B x C)", {"A": 4, "B": 4, "C": 4})
    assert r.magnitude == pytest.approx(8)  # √64, where the cube root is 4


# Near misses and ordinary formulas ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(A + B) / C x 100%",
        "(A - B) / B x 100%",
        "A + (B / C x 100%)",  # the brackets make the ratio a term
        "A + (B / C) x 100%",
        "Pendapatan tahun n - (Pendapatan tahun n-1 / Pendapatan tahun n-1) x 100%",
        "(A tahun n - A tahun n-1) / A tahun n-1 x 100%",
        "100 - A / B x 100%",  # a constant minus a percentage
        "1 - A / B",
        "A / B x 100% - C / D x 100%",  # a difference of two percentages
        "A / B - C / B",
        "Capaian = (Realisasi - Target) / Target x 100% + 100%",
        "Nilai Capaian IKI = 70 + (89 - 70)/(99% - 80%) x (Capaian IKI - 80%)",
        "Nilai Capaian IKI = Capaian IKI / (59%) x 49",  # a band score, not a 100
        "A / (100% / B)",
        "Persentase Z = A / B x 100%",
        "Persentase Y = A / B x 100",
        "Persentase Y = A / B x 100 persen",
        "Persentase Y = (A / B) x 100,00%",
        "Rasio Y = A / B",
        "Tingkat Kelulusan = A / B",
        "Persentase Y = jika A > B maka 100% selain itu A / B",
        "Persentase Rata-rata capaian = Jumlah persentase capaian / Jumlah program",
        # the label's words are in the numerator
        "Persentase obat memenuhi syarat = Jumlah obat yang memenuhi syarat / Jumlah item obat yang tersedia x 100%",
        "Persentase Desa Mandiri = Jumlah Desa Mandiri / Total Desa x 100%",
        "Persentase capaian target = Realisasi / Target x 100%",
        "akar(A x B)",
        "akar(A x B x C / D)",
        "akar(A x B x 2)",
        "IPM = (IH x IP x ISh) ^ (1/3)",
        # hyphens that join words, braces, spaced or true minus signs
        "Jumlah rumah tangga ber-PHBS / Jumlah rumah tangga x 100%",
        "Rata-rata nilai",
        "{A}-{B}",
        "{Realisasi-Target} / Target x 100%",
        "Realisasi - Target",
        "Produksi Tahun Berjalan−Produksi Tahun Sebelumnya",
        "PDRB tahun n-PDRB tahun n-1",
    ],
)
def test_near_misses_do_not_warn(text: str) -> None:
    assert traps(text) == []


@given(a=name, b=name, x=positive, y=positive)
def test_a_ratio_or_growth_over_generated_names_never_warns(
    a: str, b: str, x: float, y: float
) -> None:
    if normalize_name(a) == normalize_name(b):
        b = f"{b} Total"
    for text, expected in [
        (f"{a} / {b} x 100%", x / y * 100),
        (f"({a} - {b}) / {b} x 100%", (x - y) / y * 100),
        (f"Persentase {a} = {a} / {b} x 100%", x / y * 100),
    ]:
        with warnings.catch_warnings():
            warnings.simplefilter("error", sakip.AmbiguousFormulaWarning)
            r = sakip.evaluate(text, {a: x, b: y})
        assert r.magnitude == pytest.approx(expected, rel=1e-9, abs=1e-9)


@given(names=st.lists(name, min_size=2, max_size=4, unique_by=str.casefold))
def test_a_sum_over_a_whole_warns_only_without_brackets(names: list[str]) -> None:
    *parts, whole = names
    total = " + ".join(parts)
    assert traps(f"({total}) / {whole} x 100%") == []
    if len(parts) == 1:
        assert traps(f"{total} / {whole} x 100%") == []
    else:
        assert f"'({total}) / {whole} x 100%'" in only_trap(f"{total} / {whole} x 100%")


def test_long_adversarial_formulas_are_checked_fast() -> None:
    glued = "-".join(["Realisasi", "Target"] * 120)  # 239 glued minus signs
    braced = "{" + "(" * 2400 + "} - " + "{" + ")" * 2400 + "} / B x 100%"
    for text in (glued, braced):
        assert len(text) <= 5000
        start = time.perf_counter()
        found = traps(text)
        assert time.perf_counter() - start < 1.0
        assert found


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("A + B + C / 3", True),
        ("4,52% + 3,97% + 7,81% / 3", True),
        ("A + B / 2", True),
        ("A + B + C / 2", False),  # 3 terms over 2: no mean
        ("A - B + C / 3", False),  # a difference is no mean
        ("(A + B + C) / 3", False),
        ("A + B + (C / 3)", False),  # the brackets say so
    ],
)
def test_a_mean_without_its_brackets_warns(text: str, warns: bool) -> None:
    ambiguities = sakip.language.parse_quietly(text).ambiguities
    assert any("mean" in a for a in ambiguities) == warns


def test_a_mean_without_its_brackets_is_computed_as_written() -> None:
    with pytest.warns(sakip.AmbiguousFormulaWarning, match="likely meant"):
        result = sakip.evaluate("A + B + C / 3", {"A": 3, "B": 6, "C": 9})
    assert result.magnitude == 12  # 3 + 6 + 9 / 3, not (3 + 6 + 9) / 3 = 6


def test_a_sum_in_words_before_a_division_warns() -> None:
    formula = sakip.language.parse_quietly("A, ditambah dengan B / C")
    assert formula.variables == ("A", "B", "C")
    assert any("(A + B) / C" in a for a in formula.ambiguities)


def test_arithmetic_inside_braces_warns_but_stays_one_name() -> None:
    formula = sakip.language.parse_quietly("Laju Inflasi = {IHKn – IHKo / IHKo} x 100")
    assert formula.variables == ("IHKn – IHKo / IHKo",)
    assert any("round brackets" in a for a in formula.ambiguities)
    assert not sakip.language.parse_quietly("{Realisasi-Rencana} / B").ambiguities
