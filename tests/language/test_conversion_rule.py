"""A conversion rule in words: the value converted where the condition holds, kept
otherwise. Expected values by hand from the rule as written."""

from __future__ import annotations

import pytest

import sakip
from sakip.language.conversion_rule import read_conversion_rule

CAP = (
    "(h) Apabila capaian IKI lebih besar dari 110%, maka nilai Capaian IKI dikonversi menjadi 120."
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("115%", 120),  # 115 % > 110 %: converted to 120 (%, as the condition's unit)
        ("110%", 110),  # not more than 110 %: kept
        ("80%", 80),
    ],
)
def test_the_value_is_converted_where_the_condition_holds(value: str, expected: float) -> None:
    f = sakip.parse(CAP)
    assert f.variables == ("capaian IKI",)
    assert float(sakip.evaluate(f, {"capaian IKI": value}).magnitude) == expected
    assert any("kept as it is" in note for note in f.notes)


def test_other_markers_and_words() -> None:
    # -5 < 0: converted to 0; 3 is kept
    f = sakip.parse("a. Jika realisasi kurang dari 0, maka realisasi diubah menjadi 0")
    assert sakip.evaluate(f, {"realisasi": -5}).magnitude == 0
    assert sakip.evaluate(f, {"realisasi": 3}).magnitude == 3


@pytest.mark.parametrize(
    "text",
    [
        # the rule converts another name than the condition is about
        "Apabila capaian IKI lebih besar dari 110% maka nilai capaian dikonversi menjadi 120",
        "Apabila capaian IKI lebih besar dari 110% maka nilai IKU dikonversi menjadi 120",
        # no conversion: the formula language reads "jika ... maka ..." itself
        "Apabila capaian IKI lebih besar dari 110% maka 120",
        "jika A > 1 maka {A} dikonversi menjadi 2",
        "A / B x 100%",
    ],
)
def test_not_a_conversion_rule(text: str) -> None:
    assert read_conversion_rule(text) is None


def test_no_catalog_formula_is_a_conversion_rule() -> None:
    texts = [t for i in sakip.catalog.load() for t in (i.formula_text, i.rumus_asli) if t]
    assert len(texts) > 400
    assert [t for t in texts if read_conversion_rule(t) is not None] == []
