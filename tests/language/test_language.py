"""The formula language, item by item (docs/language.md). Expected values are by hand."""

from __future__ import annotations

import datetime as dt

import pytest
import sympy

import sakip


def value(formula: str, **values: object) -> float:
    return float(sakip.evaluate(formula, values).magnitude)


# 1. Operators ---------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["/", ":", "dibagi", "dibagi dengan", "DIBAGI"])
def test_division_spellings(op: str) -> None:
    assert value(f"Jumlah A {op} Jumlah B", **{"Jumlah A": 3, "Jumlah B": 4}) == 0.75


@pytest.mark.parametrize("op", ["x", "X", "×", "*", "dikali", "dikalikan", "kali"])
def test_multiplication_spellings(op: str) -> None:
    assert value(f"Harga {op} Volume", Harga=2.5, Volume=4) == 10.0


@pytest.mark.parametrize("text", ["A/Bx100%", "A / B x100%", "A/B x 100 %", "A / B*100%"])
def test_multiplication_glued_to_numbers(text: str) -> None:
    assert value(text, A=1, B=8) == 12.5


def test_x1000_glued() -> None:
    assert value("D/LHx1000", D=3, LH=1500) == 2.0


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_dashes_are_minus(dash: str) -> None:
    assert value(f"100 {dash} Nilai", Nilai=37) == 63


def test_precedence_and_power() -> None:
    # 2 + 3 * 4 ^ 2 = 2 + 3 * 16 = 50; ^ is right associative: 2^3^2 = 2^9 = 512
    assert value("a + b x c ^ 2", a=2, b=3, c=4) == 50
    assert value("a ^ b ^ c", a=2, b=3, c=2) == 512
    assert value("-a ^ 2", a=3) == -9
    assert value("a - -b", a=3, b=4) == 7


def test_brackets_both_kinds() -> None:
    # IKU = 100 – [50/0,9 x (Ieu – 0,1)] with Ieu = 0,19: 100 - 50/0.9*0.09 = 100 - 5 = 95
    assert value("IKU = 100 – [50/0,9 x (Ieu – 0,1)]", Ieu=0.19) == pytest.approx(95)


# 2. Numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("100.000", 100000), ("0,071", 0.071), ("1.234,5", 1234.5), ("1.000.000", 10**6)],
)
def test_indonesian_numbers(text: str, expected: float) -> None:
    assert value(f"{text} x A", A=1) == pytest.approx(expected, rel=1e-15)


def test_weights_stay_exact_in_the_expression() -> None:
    f = sakip.parse("IKM = NRR x 1/14")
    (nrr,) = f.expr.free_symbols
    assert not f.expr.atoms(sympy.Float)
    assert sympy.simplify(f.expr - nrr * sympy.Rational(1, 14)) == 0
    f = sakip.parse("IKM = NRR x (1/14)")
    assert sympy.Rational(1, 14) in f.expr.atoms(sympy.Rational)
    f = sakip.parse("0,071 x NRR")
    assert sympy.Rational(71, 1000) in f.expr.atoms(sympy.Rational)


def test_a_decimal_point_is_read_where_it_cannot_group_thousands() -> None:
    # "2.5": a dot before one digit groups no thousands: 2,5 x 2 = 5, with a note
    f = sakip.parse("2.5 x A")
    assert sakip.evaluate(f, {"A": 2}).magnitude == 5.0
    assert "decimal point" in f.notes[0]
    assert sakip.evaluate("1.500 x A", {"A": 2}).magnitude == 3000  # a thousands group
    with pytest.raises(sakip.FormulaSyntaxError, match=r"ambiguous number '12\.34,5'"):
        sakip.parse("12.34,5 x A")
    result = sakip.evaluate("2.5 x A", {"A": 2}, decimal_point=True)
    assert result.magnitude == 5.0


# 3. Percent -----------------------------------------------------------------------------


def test_percent_result() -> None:
    r = sakip.evaluate("A / B x 100%", {"A": 930, "B": 1000})
    assert r.magnitude == 93.0
    assert r.units == sakip.ureg.percent


@pytest.mark.parametrize("text", ["A / B x 100 persen", "A / B x 100,00%"])
def test_percent_spellings(text: str) -> None:
    r = sakip.evaluate(text, {"A": 1, "B": 4})
    assert (r.magnitude, r.units) == (25.0, sakip.ureg.percent)


# 4. Names -------------------------------------------------------------------------------


def test_multi_word_names_and_order() -> None:
    f = sakip.parse("Jumlah Penduduk yang bekerja / Angkatan  Kerja x 100%")
    assert f.variables == ("Jumlah Penduduk yang bekerja", "Angkatan Kerja")


@pytest.mark.parametrize(
    "name",
    ["Jumlah akseptor ber-KB", "Rata-rata Nilai", "Jumlah SD/MI se Kabupaten", "Jumlah PIK R/M",
     "Nilai PMDN/PMA", "Penduduk usia 15 tahun ke atas"],
)  # fmt: skip
def test_names_with_hyphens_slashes_digits(name: str) -> None:
    f = sakip.parse(f"{name} / Total x 100%")
    assert f.variables == (name, "Total")


def test_lone_slash_pair_divides() -> None:
    f = sakip.parse("PP/PAK")
    assert f.variables == ("PP", "PAK")
    assert value("PP/PAK", PP=1, PAK=4) == 0.25


def test_slash_between_ordinary_words_divides() -> None:
    f = sakip.parse("Jumlah Penganggur/Angkatan Kerja")
    assert f.variables == ("Jumlah Penganggur", "Angkatan Kerja")


def test_braced_names() -> None:
    f = sakip.parse("{jumlah kematian 0-1 tahun} / {D0-<1th} x 1000")
    assert f.variables == ("jumlah kematian 0-1 tahun", "D0-<1th")
    assert value("{jumlah kematian 0-1 tahun} x 2", **{"jumlah kematian 0-1 tahun": 4}) == 8


def test_short_symbols() -> None:
    assert sakip.parse("PP / PAK x IPA").variables == ("PP", "PAK", "IPA")


def test_keywords_are_words_inside_names() -> None:
    f = sakip.parse(
        "Jumlah perda inisiatif dan perda pemda / Jumlah kunjungan pada tahun perencanaan"
    )
    assert f.variables == (
        "Jumlah perda inisiatif dan perda pemda",
        "Jumlah kunjungan pada tahun perencanaan",
    )
    # "kali" after a value multiplies; at the start of an operand it is a word
    assert value("Jumlah A kali B", **{"Jumlah A": 2, "B": 3}) == 6


def test_binding_by_name_slug_or_case() -> None:
    text = "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%"
    for values in (
        {"jumlah penduduk  YANG bekerja": 1, "Angkatan Kerja": 4},
        {"jumlah_penduduk_yang_bekerja": 1, "angkatan_kerja": 4},
    ):
        assert sakip.evaluate(text, values).magnitude == 25.0


def test_category_literal() -> None:
    text = 'jika opini = "WTP" maka 100%, jika opini ≠ "WTP" maka 0%'
    assert value(text, opini="WTP") == 100
    assert value(text, opini="wdp") == 0


# 5. Definitions and glossary --------------------------------------------------------------


def test_definition_names_the_result() -> None:
    f = sakip.parse("TPT=PP/PAKx100%")
    assert f.name == "TPT"
    assert f.variables == ("PP", "PAK")
    assert sakip.evaluate(f, {"PP": 6, "PAK": 120}).magnitude == 5.0


def test_glossary_aliases() -> None:
    text = (
        "AKB = {D0-<1th} / Σ Lahir Hidup x 1.000 Dimana: D0-<1th = Jumlah Kematian Bayi"
        " (berumur kurang 1 tahun) pada satu tahun tertentu; ΣLahir Hidup = Jumlah Kelahiran Hidup"
    )
    f = sakip.parse(text)
    assert f.variables == ("D0-<1th", "Lahir Hidup")
    assert len(f.glossary) == 2
    by_symbol = sakip.evaluate(f, {"D0-<1th": 3, "Lahir Hidup": 1500})
    by_alias = sakip.evaluate(
        f,
        {
            "Jumlah Kematian Bayi (berumur kurang 1 tahun) pada satu tahun tertentu": 3,
            "jumlah kelahiran hidup": 1500,
        },
    )
    assert by_symbol.magnitude == by_alias.magnitude == 2.0


def test_glossary_on_lines() -> None:
    f = sakip.parse(
        "IKLH = (IPA + IPU + ITH) / 3\ndimana\nIPA = Indeks Pencemaran Air\n"
        "IPU = Indeks Pencemaran Udara\nITH = Indeks Tutupan Lahan"
    )
    assert (
        sakip.evaluate(
            f, {"Indeks Pencemaran Air": 60, "IPU": 90, "indeks tutupan lahan": 30}
        ).magnitude
        == 60
    )


def test_chained_equals_keeps_printed_result() -> None:
    f = sakip.parse("Bobot = Jumlah bobot / Jumlah unsur = 1/14 = 0,071")
    assert f.stated == (sympy.Rational(1, 14), sympy.Rational(71, 1000))
    assert (
        value(
            "Bobot = Jumlah bobot / Jumlah unsur = 1/14 = 0,071",
            **{"Jumlah bobot": 1, "Jumlah unsur": 4},
        )
        == 0.25
    )


# 6. Totals and sums -------------------------------------------------------------------------


def test_total_of_scalar_and_series() -> None:
    assert value("Σ Kasus / Penduduk x 1000", Kasus=6, Penduduk=3000) == 2
    # Σ binds to the name: 1+2+3 = 6 over 3 = 2
    assert value("∑Kasus / Penduduk", Kasus={2018: 1, 2019: 2, 2020: 3}, Penduduk=3) == 2


def test_bounded_sum_is_a_sympy_sum() -> None:
    f = sakip.parse("HLS = FK x Σ_{i=a}^{n} E_i^t / P_i^t")
    assert f.expr.atoms(sympy.Sum)
    # FK 1,1 x (90/100 + 80/100 + 50/100) = 1.1 x 2.2 = 2.42
    r = sakip.evaluate(
        f, {"FK": 1.1, "a": 7, "n": 9, "E": {7: 90, 8: 80, 9: 50}, "P": {7: 100, 8: 100, 9: 100}}
    )
    assert r.magnitude == pytest.approx(2.42)


def test_bounded_sum_numeric_bounds_and_whole_term() -> None:
    # Σ applies to the multiplicative term: Σ_{i=1}^{3} w_i x 2 = 2 x (1+2+3) = 12
    assert value("Σ_{i=1}^{3} w_i x 2", w={1: 1, 2: 2, 3: 3}) == 12


# 7. Periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(Y tahun n - Y tahun n-1) / Y tahun n-1 x 100%",
        "(Y tahun n - Y tahun (n-1)) / Y tahun (n-1) x 100%",
        "(Y tahun berjalan - Y tahun lalu) / Y tahun lalu x 100%",
        "(Y - Y (n-1)) / Y (n-1) x 100%",
    ],
)
def test_period_offsets(text: str) -> None:
    r = sakip.evaluate(text, {"Y": {2019: 80, 2020: 100}}, period=2020)
    assert r.magnitude == 25.0  # (100 - 80) / 80


def test_period_offset_forward_and_direct_binding() -> None:
    r = sakip.evaluate("Target tahun n+1 - Target", {"Target": {2020: 5, 2021: 8}}, period=2020)
    assert r.magnitude == 3
    r = sakip.evaluate("A tahun n - A tahun n-1", {"A": 10, "A tahun n-1": 4})
    assert r.magnitude == 6


def test_only_the_one_operand_is_shifted() -> None:
    r = sakip.evaluate(
        "A tahun n-1 / B", {"A": {2019: 6, 2020: 100}, "B": {2019: 1, 2020: 3}}, period=2020
    )
    assert r.magnitude == 2


# 8. Conditions ------------------------------------------------------------------------------


APBD = (
    "jika n<=31 Desember tahun n-1 maka capaian kinerja = 100,00%, "
    "jika n>31 Desember tahun n-1 maka capaian kinerja = 0,00%"
)


@pytest.mark.parametrize(
    ("adopted", "expected"),
    [(dt.date(2019, 12, 20), 100), (dt.date(2019, 12, 31), 100), (dt.date(2020, 1, 2), 0)],
)
def test_date_conditions(adopted: dt.date, expected: float) -> None:
    r = sakip.evaluate(APBD, {"n": adopted}, period=2020)
    assert (r.magnitude, r.units) == (expected, sakip.ureg.percent)
    assert r.name == "capaian kinerja"


def test_absolute_dates() -> None:
    text = "jika tanggal < 31 Desember 2019 maka 1 selain itu 0"
    assert value(text, tanggal=dt.date(2019, 6, 1)) == 1
    assert value(text, tanggal=dt.date(2020, 6, 1)) == 0


@pytest.mark.parametrize(("opini", "expected"), [("WTP", 100), ("WDP", 0), ("TMP", 0)])
def test_bare_category_word(opini: str, expected: float) -> None:
    text = "jika n=WTP maka capaian kinerja = 100,00%, jika n#WTP maka capaian kinerja = 0,00%"
    assert value(text, n=opini) == expected


def test_conditions_are_piecewise() -> None:
    assert sakip.parse("jika a > 1 maka 2 selain itu 3").expr.atoms(sympy.Piecewise)


@pytest.mark.parametrize(("a", "expected"), [(5, 1), (2, 2), (0, 3)])
def test_clauses_and_otherwise(a: float, expected: float) -> None:
    text = "jika a ≥ 5 maka 1; jika a > 1 dan a < 5 maka 2; jika tidak 3"
    assert value(text, a=a) == expected


def test_or_and_comparisons() -> None:
    text = "jika a < 0 atau a >= 10 maka 0, selain itu a"
    assert [value(text, a=v) for v in (-1, 10, 4)] == [0, 0, 4]


def test_category_result() -> None:
    text = 'jika skor >= 80 maka "A", jika skor >= 60 maka "B" selain itu "C"'
    assert sakip.evaluate(text, {"skor": 70}).magnitude == "B"


def test_no_clause_applies_is_an_error() -> None:
    with pytest.raises(sakip.ConditionError):
        sakip.evaluate("jika a > 1 maka 2", {"a": 0})


# 9. Functions -------------------------------------------------------------------------------


def test_functions() -> None:
    assert value("rata-rata(a; b; c)", a=1, b=2, c=6) == 3
    assert value("min(a, b)", a=4, b=2) == 2
    assert value("maks(a; b) + max(a, b)", a=4, b=2) == 8
    assert value("akar(a)", a=16) == 4
    # the PPH rule: a food group's score is capped at its maximum
    assert value("min({AKE Padi-padian} x 0,5; 25)", **{"AKE Padi-padian": 60}) == 25
    assert value("min({AKE Padi-padian} x 0,5; 25)", **{"AKE Padi-padian": 40}) == 20


# 10. Precedence traps -----------------------------------------------------------------------


def test_precedence_trap_warns_and_evaluates_literally() -> None:
    text = "Jumlah UMKM tahun n - Jumlah UMKM tahun n-1 / Jumlah UMKM tahun n-1 x 100%"
    with pytest.warns(
        sakip.AmbiguousFormulaWarning, match=r"\(Jumlah UMKM tahun n - Jumlah UMKM tahun n-1\)"
    ):
        r = sakip.evaluate(text, {"Jumlah UMKM": {2019: 40, 2020: 50}}, period=2020)
    # literally: 50 - (40 / 40 x 100%) = 50 - 100% = 50 - 1 = 49 (as a plain number)
    assert r.magnitude == pytest.approx(49)


def test_no_warning_for_a_bracketed_growth_rate(recwarn: pytest.WarningsRecorder) -> None:
    sakip.evaluate("(A tahun n - A tahun n-1) / A tahun n-1 x 100%", {"A": {1: 1, 2: 2}}, period=2)
    assert not [w for w in recwarn if issubclass(w.category, sakip.AmbiguousFormulaWarning)]


def test_latex() -> None:
    latex = sakip.parse("Jumlah A / Jumlah B x 100%").to_latex()
    assert r"\text{Jumlah A}" in latex and r"\%" in latex and r"\frac" in latex


@pytest.mark.parametrize(
    ("text", "variables"),
    [
        ("Rata-rata Nilai x 2", ("Rata-rata Nilai",)),
        ("Jumlah akseptor ber-KB x 2", ("Jumlah akseptor ber-KB",)),
        ("AKE Kacang-kacangan x 2", ("AKE Kacang-kacangan",)),
        ("Realisasi-Rencana", ("Realisasi", "Rencana")),
    ],
)
def test_inner_hyphens_join_words_but_a_dash_between_words_subtracts(
    text: str, variables: tuple[str, ...]
) -> None:
    assert sakip.parse(text).variables == variables


def test_realisasi_minus_rencana() -> None:
    assert value("Realisasi-Rencana", Realisasi=45, Rencana=50) == -5


def test_periode_words_name_the_period() -> None:
    text = "(IHK periode baru - IHK dari periode sebelumnya) / IHK dari periode sebelumnya x 100%"
    # (160,5 - 120,5) / 120,5 x 100 = 33,195...
    result = sakip.evaluate(text, {"IHK": {2023: 120.5, 2024: 160.5}}, period=2024)
    assert result.magnitude == pytest.approx(40 / 120.5 * 100)
    assert sakip.parse("jumlah periode tanam / A").variables == ("jumlah periode tanam", "A")


@pytest.mark.parametrize(
    "text",
    ["Perhitungan dilakukan oleh pihak ke tiga/ independen", "Pengukuran dilakukan oleh BPS"],
)
def test_who_does_the_computing_is_not_a_formula(text: str) -> None:
    with pytest.raises(sakip.errors.NotAFormulaError, match="where the value comes from"):
        sakip.parse(text)


def test_a_labels_period_leaves_the_label() -> None:
    formula = sakip.parse("Laju pertumbuhan tahun t = A / B")
    assert formula.name == "Laju pertumbuhan"
    assert any("tahun t" in note for note in formula.notes)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("IKU = 100 - [50 / 0,9 x (0262 - 0,1)]", sakip.FormulaSyntaxError, "decimal comma lost"),
        (
            "Jumlah rumah ber-IMB sd akhir Tahun ........% / B",
            sakip.errors.NotAFormulaError,
            "blank",
        ),
        ("0,5 A", sakip.FormulaSyntaxError, "missing operator"),  # one term is no weighted sum
        ("0,5 A + B", sakip.FormulaSyntaxError, "missing operator"),
    ],
)
def test_damaged_numbers_and_blanks_are_refused(text: str, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        sakip.parse(text)


def test_a_condition_without_comparison_yields_nothing_when_no_result_is_named() -> None:
    # "maka diperoleh" needs words after it to name; a comparison keeps the condition
    assert sakip.parse("Bila A > 5 maka 1 selain itu 0").variables == ("A",)
