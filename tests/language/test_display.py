"""Notebook display of formulas and results (issue 11 item 1)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import sakip

# internal names: slot symbols x0, x1, ..., Σ indexes j0, ..., stand-ins, sympy dummies
INTERNAL = re.compile(r"(?<![A-Za-z])(?:x_?\{?\d|j_?\{?\d|zcategory|_Dummy)")


def latex(text: str) -> str:
    out = sakip.parse(text)._repr_latex_()
    assert out.startswith("$") and out.endswith("$")
    assert not INTERNAL.search(out), out
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jumlah Penduduk yang bekerja / Angkatan Kerja x 100%",
            r"\frac{\text{Jumlah Penduduk yang bekerja}}{\text{Angkatan Kerja}} \times 100\,\%",
        ),
        # Indonesian numbers as written: 2,5 and 1.000, not 5/2 and 1000
        ("A - B / 2,5", r"\text{A} - \frac{\text{B}}{2{,}5}"),
        (
            "D0 / ΣLahir Hidup x 1.000",
            r"\frac{\text{D0}}{\Sigma\,\text{Lahir Hidup}} \times 1{.}000",
        ),
        # a sum of three as written, not (A + B) + C
        ("1/3 (A + B + C)", r"\frac{\text{A} + \text{B} + \text{C}}{3}"),
        # user text is escaped: braces, percent, underscore
        ("{Nilai_A 50%} x 2", r"\text{Nilai\_A 50\%} \times 2"),
    ],
)
def test_latex_is_the_formula_as_written(text: str, expected: str) -> None:
    assert expected in latex(text)


def test_latex_shows_categories_as_text() -> None:
    out = latex('jika Opini = "WTP" maka 100% selain itu 0%')
    assert r'\text{Opini} = \text{"WTP"}' in out
    assert r"\text{jika}" in out and r"\text{selain itu}" in out
    out = latex('jika skor >= 80 maka "A", jika skor >= 60 maka "B" selain itu "C"')
    assert re.findall(r'\\text\{"(\w)"\}', out) == ["A", "B", "C"]
    out = latex("jika A > 1 dan B > 2 maka 1 selain itu 0")
    assert r"\text{ dan }" in out and r"\wedge" not in out


def test_latex_bounded_sum_has_its_own_index() -> None:
    out = latex("Σ_{i=1}^{14} NRR_i x 1/14 x 25")
    assert r"\sum_{i=1}^{14}" in out and r"\text{NRR}_{i}" in out
    out = latex("Σ_{i=1}^{n} Σ_{j=1}^{m} A_i x B_j")
    assert r"\text{A}_{i}" in out and r"\text{B}_{j}" in out


def test_latex_of_named_and_shifted_formulas() -> None:
    out = latex("AKB = {D0-<1th} / {ΣLahir Hidup} x 1.000")
    assert out.startswith(r"$\displaystyle \text{AKB} = \frac{\text{D0-<1th}}")
    assert r"\text{A tahun n-1}" in latex("(A tahun n - A tahun n-1) / A tahun n-1 x 100%")


def test_result_html_and_repr() -> None:
    r = sakip.evaluate("Capaian = A / B x 100%", {"A": 1, "B": 4})  # 25 %
    assert repr(r) == "Result(25.0 %, name='Capaian')"
    assert r._repr_html_() == "<strong>Capaian: 25,00 %</strong>"
    rows = sakip.evaluate("A / B x 100%", {"A": np.arange(1.0, 16.0), "B": 4})  # 15 rows
    html = rows._repr_html_()
    assert html.count("<tr>") == 10 and "… 5 more rows" in html and "15 rows in %" in html
    assert "<td>25,00</td>" in html and "<td>250,00</td>" in html  # 1/4 and 10/4
    series = sakip.evaluate("A x 2", {"A": pd.Series([1.5], index=["<Betung>"])})
    assert "<th>&lt;Betung&gt;</th><td>3,00</td>" in series._repr_html_()  # escaped


def test_graded_result_html_shows_the_predikat() -> None:
    # 14 unsur, each NRR 4: 4 x 1/14 x 14 x 25 = 100, grade A
    ikm = sakip.evaluate("IKM", {"NRR": dict.fromkeys(range(1, 15), 4)})
    html = ikm._repr_html_()
    assert html == "<strong>IKM: 100,00</strong> <em>(A, Sangat Baik)</em>"
