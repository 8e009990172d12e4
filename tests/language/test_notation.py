"""read_notation: pasted notations rewritten with a note, non-formulas refused, plain
formulas untouched. Expected texts are written by hand; values are worked out in the
comments."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.errors import FormulaSyntaxError, LimitError, NotAFormulaError, SakipError
from sakip.language import notation, read_notation
from sakip.language.functions import FUNCTIONS

DATA = Path(__file__).parent.parent / "data"


def golden_formulas() -> list[str]:
    formulas = []
    for path in sorted(DATA.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if "reads: notation" in lines:
            continue  # a golden file of this pass itself
        for line in lines:
            if line.startswith("formula:"):
                formulas.append(line.partition(":")[2].strip())
    return formulas


def refused(text: str) -> NotAFormulaError:
    with pytest.raises(NotAFormulaError) as info:
        read_notation(text)
    assert isinstance(info.value, sakip.errors.NotAFormulaError)
    assert isinstance(info.value, FormulaSyntaxError)
    return info.value


# --- plain formulas ---------------------------------------------------------------


@pytest.mark.parametrize("text", golden_formulas())
def test_golden_formulas_come_back_unchanged(text: str) -> None:
    assert read_notation(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "A / B x 100%",
        "Jumlah A - Jumlah B",
        "L1 + L2 + ... + L38",
        "IKM=((Jumlah xi) X 100)/y, dimana i=1,2,...9",
        "x1 + x2 + …",
        "A × 100",
        "A ×\xa0100",  # bytes D7 A0 would be Hebrew, not mojibake
        "Σ Kasus / Penduduk – 1",
        "Luas (km²) / Penduduk",
        "Suhu rata-rata (℃)",
        "US$ 5 / US$ 3",
        "Data dari Dinas: A / B x 100%",
        "Diperoleh dari jumlah A dibagi jumlah B",
        "Nilai dari jumlah A dibandingkan jumlah B",
        "dihitung dari A terhadap B",
        "Data dari desa per 1.000 penduduk",
        "Nilai IKM x 25",
        "Angka kematian = A / B",
        "Realisasi - Target",
        "",
        "   ",
    ],
)
def test_plain_text_comes_back_unchanged(text: str) -> None:
    assert read_notation(text) == (text, [])


def test_the_package_exports_it() -> None:
    assert sakip.language.read_notation is notation.read_notation
    assert "read_notation" in sakip.language.__all__


# --- LaTeX ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (
            r"$\frac{JumlahMasyarakatTerlibat}{JumlahMasyarakat}\cdot100\%$",
            "({JumlahMasyarakatTerlibat}) / ({JumlahMasyarakat}) × 100%",
        ),
        (r"$P_i=x_i/y×100$", "P_i = x_i / y × 100"),
        (
            r"$APK=\sum\frac{siswaSDMI}{pendudukusia7-12th}\times100\%$",
            "APK = Σ ({siswaSDMI}) / ({pendudukusia7-12th}) × 100%",
        ),
        (
            r"\(\left(\frac{Realisasi - Target}{Target}\right) \times 100\%\)",
            "((Realisasi - Target) / ({Target})) × 100%",
        ),
        (r"$\sum_{i=1}^{n}\frac{E_i}{P_i}$", "Σ_{i=1}^{n} (E_i) / (P_i)"),
        (r"$\sum\limits_{i=1}^{n} x_i^{2}$", "Σ_{i=1}^{n} x_i^2"),
        (r"$\sqrt{\frac{a}{b}}$", "akar(({a}) / ({b}))"),
        (r"$c / \frac{a}{b}$", "c / (({a}) / ({b}))"),
        (r"$\frac{a}{b}^{2}$", "(({a}) / ({b}))^2"),
        (r"$x^{n+1}$", "x^(n+1)"),
        (r"$\dfrac12$", "(1) / (2)"),
        (
            r"$\text{Jumlah Realisasi} \div \mathrm{Jumlah Target}\,\times 100\%$",
            "Jumlah Realisasi / Jumlah Target × 100%",
        ),
        (r"$a \leq b$", "a ≤ b"),
        (r"$$\frac{A}{B}$$ x 100%", "({A}) / ({B}) x 100%"),
        (r"Rasio = $\frac{A}{B}$ x 100%", "Rasio = ({A}) / ({B}) x 100%"),
        (r"\frac{A}{B} \times 100\%", "({A}) / ({B}) × 100%"),  # no $ around
    ],
)
def test_latex_is_rewritten(latex: str, plain: str) -> None:
    text, notes = read_notation(latex)
    assert text == plain
    assert len(notes) == 1
    assert notes[0].startswith("LaTeX '") and "' was read as '" in notes[0]


def test_the_latex_note_quotes_the_math_and_its_reading() -> None:
    _, notes = read_notation(r"Rasio = $\frac{A}{B}$ x 100%")
    assert notes == [r"LaTeX '$\frac{A}{B}$' was read as '({A}) / ({B})'"]


def test_latex_fraction_evaluates() -> None:
    text, _ = read_notation(r"$\frac{JumlahMasyarakatTerlibat}{JumlahMasyarakat}\cdot100\%$")
    values = {"JumlahMasyarakatTerlibat": 1250, "JumlahMasyarakat": 52000}
    # 1250 / 52000 x 100 = 2,403846153846...
    assert sakip.evaluate(text, values).magnitude == pytest.approx(2.403846153846, rel=1e-11)


def test_latex_total_evaluates() -> None:
    text, _ = read_notation(r"$APK=\sum\frac{siswaSDMI}{pendudukusia7-12th}\times100\%$")
    # the total of one number is the number: 1250 / 52000 x 100 = 2,403846153846...
    values = {"siswaSDMI": 1250, "pendudukusia7-12th": 52000}
    assert sakip.evaluate(text, values).magnitude == pytest.approx(2.403846153846, rel=1e-11)


def test_latex_bounded_sum_evaluates() -> None:
    text, _ = read_notation(r"$\sum_{i=1}^{3}\frac{E_i}{P_i}$")
    # 1/2 + 2/4 + 3/6 = 1,5
    values = {"E": {1: 1, 2: 2, 3: 3}, "P": {1: 2, 2: 4, 3: 6}}
    assert sakip.evaluate(text, values).magnitude == pytest.approx(1.5)


def test_a_fraction_after_a_division_keeps_its_brackets() -> None:
    text, _ = read_notation(r"$c / \frac{a}{b}$")
    # 6 / (3/4) = 8, where 6 / 3 / 4 would be 0,5
    assert sakip.evaluate(text, {"a": 3, "b": 4, "c": 6}).magnitude == pytest.approx(8)


def test_latex_root_is_akar() -> None:
    assert FUNCTIONS["akar"].name == "sqrt"
    text, _ = read_notation(r"$\sqrt{\frac{a}{b}}$")
    # akar(9/4) = 1,5
    assert sakip.evaluate(text, {"a": 9, "b": 4}).magnitude == pytest.approx(1.5)


@pytest.mark.parametrize(
    ("latex", "column", "words"),
    [
        (r"$\frac{a}{b} \pm 1$", 14, r"'\pm'"),
        (r"$\alpha + 1$", 2, r"'\alpha'"),
        (r"$\frac{a}{b$", 10, "never closed"),
        (r"$a}$", 3, "closes no"),
        (r"$\sqrt[3]{x}$", 7, "square roots"),
        (r"$\frac\alpha\beta$", 7, "in braces"),
    ],
)
def test_latex_that_cannot_be_read_is_refused(latex: str, column: int, words: str) -> None:
    with pytest.raises(FormulaSyntaxError) as info:
        read_notation(latex)
    assert words in info.value.reason
    assert info.value.column == column


def test_latex_nesting_is_limited() -> None:
    with pytest.raises(LimitError):
        read_notation("$" + r"\frac{" * 70 + "a" + "}{b}" * 70 + "$")


# --- mathematical letters ---------------------------------------------------------

RASIO = "𝑅𝑎𝑠𝑖𝑜= (𝑗𝑢𝑚𝑙𝑎ℎ 𝑟𝑢𝑚𝑎ℎ 𝑡𝑎𝑛𝑔𝑔𝑎 𝑡𝑎𝑛𝑝𝑎 𝑎𝑘𝑠𝑒𝑠 𝑎𝑖𝑟 𝑏𝑒𝑟𝑠𝑖ℎ)/(𝑗𝑢𝑚𝑙𝑎ℎ 𝑟𝑢𝑚𝑎ℎ 𝑡𝑎𝑛𝑔𝑔𝑎)"


def test_math_letters_become_plain_letters() -> None:
    text, notes = read_notation(RASIO)
    assert text == "Rasio= (jumlah rumah tangga tanpa akses air bersih)/(jumlah rumah tangga)"
    assert len(text) == len(RASIO)  # one character for one: error columns stay right
    assert notes == [
        "58 mathematical letters pasted from an equation editor were read as plain"
        " letters ('𝑅𝑎𝑠𝑖𝑜' as 'Rasio')"
    ]
    values = {"jumlah rumah tangga tanpa akses air bersih": 150, "jumlah rumah tangga": 600}
    # 150 / 600 = 0,25
    assert sakip.evaluate(text, values).magnitude == pytest.approx(0.25)


def test_math_letters_keep_superscripts_and_symbols() -> None:
    # bold A, ² stays ² (NFKC would make it 2), ℃ stays (its NFKC form is two characters)
    text, _ = read_notation("𝐀² + ℃ + ｘ")
    assert text == "A² + ℃ + x"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1))
def test_math_italic_letters_read_back_as_typed(word: str) -> None:
    # the oracle: Unicode's italic letters are U+1D434 (A) and U+1D44E (a) onwards,
    # except the italic h, which is U+210E (Planck's constant)
    italic = "".join(
        "ℎ" if c == "h" else chr(0x1D434 + ord(c) - 65 if c.isupper() else 0x1D44E + ord(c) - 97)
        for c in word
    )
    assert read_notation(f"{italic} / B")[0] == f"{word} / B"


# --- mojibake ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seen", "meant", "encoding", "column"),
    [
        ("A Ă— 100%", "Ă—", "'×'", "Windows-1250", 3),
        ("Jumlah A â€“ Jumlah B", "â€“", "'–'", "Windows-1252", 10),
        ("A â€” B", "â€”", "'—'", "Windows-1252", 3),
        ("A Ã— 100%", "Ã—", "'×'", "Windows-1252", 3),
        ("AÂ B", "Â ", "a no-break space", "Windows-1252", 2),
        ("A â‰¤ B", "â‰¤", "'≤'", "Windows-1252", 3),
        ("Î£ Kasus", "Î£", "'Σ'", "Windows-1252", 1),
        ("A Ã\x97 B", "Ã\x97", "'×'", "Latin-1", 3),
    ],
)
def test_mojibake_is_refused(text: str, seen: str, meant: str, encoding: str, column: int) -> None:
    err = refused(text)
    assert f"mis-decoded (UTF-8 read as {encoding})" in err.reason
    assert f"'{seen}' is {meant}" in err.reason
    assert err.column == column


def test_mojibake_message_shows_the_repaired_text() -> None:
    err = refused("Jumlah A â€“ Jumlah B x 100%")
    assert "it would read 'Jumlah A – Jumlah B x 100%'" in err.reason


def test_cut_short_mojibake_and_lost_characters_are_refused() -> None:
    assert "'â€' is a punctuation mark" in refused("A â€ B").reason
    assert "was lost" in refused("A \ufffd B").reason


def sloppy_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252, undefined bytes as their C1 controls (as
    browsers and spreadsheet imports do)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@given(
    st.lists(st.sampled_from(["A", "B", " ", "x", "100", "%", "/"]), max_size=5),
    st.sampled_from("–—×≤≥≠Σ∑‰²é…“”√"),
)
def test_any_mis_decoded_symbol_is_refused(words: list[str], symbol: str) -> None:
    original = "Jumlah " + "".join(words) + symbol + " Target"
    err = refused(sloppy_cp1252(original))
    assert f"is '{symbol}'" in err.reason
    assert f"it would read '{original}'" in err.reason


# --- placeholders, statements, cut-off text ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["-", "–", " — ", "--", "0", "0,00", "0 %", "n/a", "N/A", "n.a.", "Cukup Jelas",
     "cukup jelas.", "Cukup  Jelas", "Tidak ada", "belum ada", "TBD", "Nihil"],
)  # fmt: skip
def test_placeholders_are_refused(text: str) -> None:
    err = refused(text)
    assert f"'{text.strip()}' is a placeholder, not a formula" in err.reason
    assert "write the formula" in err.reason


@pytest.mark.parametrize(
    "text",
    ["dihitung oleh BPS", "data dari BPS", "sesuai data BPS", "Dihitung oleh BPS Provinsi.",
     "(data dari BPS)", "Berdasarkan data Kementerian Kesehatan", "Sumber: BPS",
     "Angka diambil dari BPS"],
)  # fmt: skip
def test_statements_that_someone_else_computes_it_are_refused(text: str) -> None:
    err = refused(text)
    assert "is a description of where the value comes from, not a formula" in err.reason
    assert "give the published figure" in err.reason


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("IPKK diperoleh dengan menghitung rata-rata nilai indeks, yaitu dime...", 68),
        ("Jumlah kasus baru kusta yang ditemukan pada...", 44),
        ("Jumlah label dibagi Jumlah Total…", 33),
        ("Jumlah ibu hamil pada kurun wakt ...", 34),
    ],
)
def test_text_cut_off_mid_sentence_is_refused(text: str, column: int) -> None:
    err = refused(text)
    assert "it was cut off" in err.reason
    assert "copy the whole formula" in err.reason
    assert err.column == column


# --- stacked fractions ------------------------------------------------------------

BAR = "-" * 49


@pytest.mark.parametrize(
    ("text", "plain", "values"),
    [
        (
            f"Jumlah Siswa pada jenjang TK/RA/Penitipan Anak = 2720 {BAR} x 100 % Jumlah anak"
            " usia 4 - 6 tahun =",
            "{Jumlah Siswa pada jenjang TK/RA/Penitipan Anak} / {Jumlah anak usia 4 - 6 tahun}"
            " x 100%",
            ["'= 2720'"],
        ),
        (
            f"Jumlah Penduduk usia 15 thn ke atas dapat baca tulis = {BAR} x 100 % Jumlah"
            " penduduk usia 15 thn ke atas =",
            "{Jumlah Penduduk usia 15 thn ke atas dapat baca tulis} / {Jumlah penduduk usia 15"
            " thn ke atas} x 100%",
            [],
        ),
        (
            f"Jumlah putus sekolah pada tingkat & jenjang SD/MI =0 {BAR} x 100 % Jumlah siswa"
            " pada tingkat yang sama = 16,030",
            "{Jumlah putus sekolah pada tingkat & jenjang SD/MI} / {Jumlah siswa pada tingkat"
            " yang sama} x 100%",
            ["'= 0'", "'= 16,030'"],
        ),
        ("A = 13.837 --------- x 100 % B = 14210", "{A} / {B} x 100%", ["'= 13.837'", "'= 14210'"]),
        ("A = 7 ------- B = 5,956", "{A} / {B}", ["'= 7'", "'= 5,956'"]),
        ("Jumlah A _______ X 100 Jumlah B", "{Jumlah A} / {Jumlah B} x 100", []),
        ("Kematian ───── x 1.000 Kelahiran hidup", "{Kematian} / {Kelahiran hidup} x 1.000", []),
        ("Jumlah A ------ Jumlah B x 100%", "{Jumlah A} / {Jumlah B} x 100%", []),
        (
            "AKB = Kematian bayi ------- x 1.000 Lahir hidup",
            "AKB = {Kematian bayi} / {Lahir hidup} x 1.000",
            [],
        ),
    ],
)
def test_stacked_fractions_are_read(text: str, plain: str, values: list[str]) -> None:
    rewritten, notes = read_notation(text)
    assert rewritten == plain
    assert notes[0] == (
        "the line of dashes was read as the bar of a fraction flattened when copied from a"
        f" PDF: '{plain}'"
    )
    if values:
        assert notes[1] == (
            f"the values filled in on the page ({', '.join(values)}) were ignored: they are"
            " not part of the formula; give the values when evaluating"
        )
    assert len(notes) == 1 + bool(values)


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        # 2720 / 3400 x 100 = 80
        (
            f"Jumlah Siswa pada jenjang TK/RA/Penitipan Anak = 2720 {BAR} x 100 % Jumlah anak"
            " usia 4 - 6 tahun =",
            {"Jumlah Siswa pada jenjang TK/RA/Penitipan Anak": 2720,
             "Jumlah anak usia 4 - 6 tahun": 3400},
            80.0,
        ),
        # 13837 / 14210 x 100 = 97,37508796622...
        (
            f"Jumlah siswa usia 7 - 12 thn dijenjang SD/MI/Paket A = 13.837 {BAR} x 100 %"
            " Jumlah Penduduk kelompok usia 7 - 12 thn =",
            {"Jumlah siswa usia 7 - 12 thn dijenjang SD/MI/Paket A": 13837,
             "Jumlah Penduduk kelompok usia 7 - 12 thn": 14210},
            97.37508796622,
        ),
        # the page's 4337 and 31500 are ignored; given 4337 / 31500 x 100 = 13,76825396825...
        (
            f"Jumlah siswa usia 13 - 15 thn dijenjang SMP/MTs/Paket B = 4337 {BAR} x 100 %"
            " Jumlah Penduduk kelompok usia 13 - 15 thn = 31500",
            {"Jumlah siswa usia 13 - 15 thn dijenjang SMP/MTs/Paket B": 4337,
             "Jumlah Penduduk kelompok usia 13 - 15 thn": 31500},
            13.76825396825,
        ),
        # 13837 / 14210 x 100 = 97,37508796622...
        ("A = 13.837 --------- x 100 % B = 14210", {"A": 13837, "B": 14210}, 97.37508796622),
    ],
)  # fmt: skip
def test_stacked_fractions_evaluate(text: str, values: dict[str, int], expected: float) -> None:
    rewritten, _ = read_notation(text)
    assert sakip.evaluate(rewritten, values).magnitude == pytest.approx(expected, rel=1e-11)


@pytest.mark.parametrize(
    "text",
    ["A ----- B ----- C", "12 ------ 34", "------ B", "A ------"],
)
def test_dash_runs_that_are_not_one_fraction_are_left_alone(text: str) -> None:
    assert read_notation(text) == (text, [])


# --- bounded on hostile input -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "-" * 4999 + "a",
        "A " + "------ x" * 600,
        "$" * 5000,
        "$" + r"\frac{" * 800 + "$",
        "$" + "{" * 2400 + "a" + "}" * 2400 + "$",
        "$" + r"\frac12" * 700 + "$",
        "$" + "x_{a}^{b}" * 550 + "$",
        "Ã" * 5000,
        "Â " * 2500,
        "𝑅" * 5000,
        "a" * 4996 + "...",
        " " * 4999 + "a",
        "data" + " " * 4990 + "x",
        "sumber" + " " * 4990 + ":",
        "A ----- B " + "x1    " * 820 + "a",
        "data dari " + "x " * 2495,
        "=" * 4000 + "-----" + "=" * 995,
    ],
)
def test_hostile_input_is_answered_quickly(text: str) -> None:
    started = time.perf_counter()
    with contextlib.suppress(SakipError):
        read_notation(text[:5000])
    # generous bound: the point is "no hang" (each takes milliseconds; see the report)
    assert time.perf_counter() - started < 1


def test_text_over_the_length_limit_is_left_to_the_parser() -> None:
    text = "$" + r"\frac{a}{b}" * 500 + "$"
    assert read_notation(text) == (text, [])
