"""Scale.parse: a scale from a band table written as text. Gaps are kept and named,
overlaps refused; curated scales stay exact."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

import sakip
from sakip.catalog import Band, Scale, ScaleError

IKM_LIST = (
    "IKM terbagi menjadi 4 kategori yaitu: 1) Nilai 25-64,99 dengan mutu pelayanan D (Tidak"
    " Baik). 2) Nilai 65-76,6 dengan mutu pelayanan C (Kurang Baik). 3) Nilai 76,61-88,3"
    " dengan mutu pelayanan B (Baik). 4) Nilai 88,31-100 dengan mutu pelayanan A (Sangat Baik)"
)
IKM = Scale.parse(IKM_LIST)


def test_bands_grades_and_labels() -> None:
    assert IKM.name == "IKM"
    assert not IKM.exact
    assert [(b.grade, b.label) for b in IKM.bands] == [
        ("D", "D (Tidak Baik)"), ("C", "C (Kurang Baik)"), ("B", "B (Baik)"), ("A", "A (Sangat Baik)")
    ]  # fmt: skip
    assert (IKM.lower, IKM.upper) == (25, 100)


@pytest.mark.parametrize(
    ("value", "grade"),
    [(82.47, "B"), (25, "D"), (64.99, "D"), (65, "C"), (76.6, "C"), (76.61, "B"), (88.3, "B"),
     (88.31, "A"), (100, "A"), (Fraction(8247, 100), "B"), ("82,47", "B")],
)  # fmt: skip
def test_band_at_the_boundaries(value: float, grade: str) -> None:
    assert IKM.band(value).grade == grade


@pytest.mark.parametrize(
    ("value", "gap"),
    [(64.995, "64,995 falls in the gap between D (25-64,99) and C (65-76,6)"),
     (76.605, "76,605 falls in the gap between C (65-76,6) and B (76,61-88,3)"),
     (Fraction(8830001, 100000), "88,30001 falls in the gap between B (76,61-88,3) and A (88,31-100)")],
)  # fmt: skip
def test_a_value_in_a_gap_is_an_error_naming_it(value: float, gap: str) -> None:
    with pytest.raises(ScaleError) as caught:
        IKM.band(value)
    assert str(caught.value) == gap


@pytest.mark.parametrize("value", [24.99, 100.01])
def test_outside_the_scale(value: float) -> None:
    with pytest.raises(ScaleError, match="outside the scale 'IKM'"):
        IKM.band(value)


def test_grades_of_an_array_leave_gaps_empty() -> None:
    grade, label = IKM.grades(np.array([82.47, 64.995, 30.0]))
    assert list(grade) == ["B", "", "D"]
    assert list(label) == ["B (Baik)", "", "D (Tidak Baik)"]


def test_gaps_are_listed() -> None:
    assert IKM.gaps == (
        "between D (25-64,99) and C (65-76,6)",
        "between C (65-76,6) and B (76,61-88,3)",
        "between B (76,61-88,3) and A (88,31-100)",
    )
    assert "'25-64,99' read as 25 <= IKM <= 64,99" in IKM.catatan


def test_open_and_exclusive_ends() -> None:
    scale = Scale.parse(">85 s.d. 100 Memuaskan; >75 s.d. <85 Sangat Baik; 0 s.d. 75 Baik")
    assert [b.grade for b in scale.bands] == ["Baik", "Sangat Baik", "Memuaskan"]
    assert scale.band(75).grade == "Baik"  # 0 s.d. 75 holds 75; >75 leaves it out
    assert scale.band(84.99).grade == "Sangat Baik"
    with pytest.raises(ScaleError, match="85 falls in the gap between Sangat Baik"):
        scale.band(85)
    iku = Scale.parse("Sangat Baik : IKU > 80; Baik : 70 < IKU ≤ 80; Kurang : IKU ≤ 70")
    assert (iku.lower, iku.upper) == (None, None)
    assert iku.band(-1000).label == "Kurang"
    assert iku.band(80).label == "Baik"
    assert iku.band(80.01).label == "Sangat Baik"


def test_letter_grades_start_the_label() -> None:
    scale = Scale.parse("rentang nilai 0-30 kategori D, >30-50 kategori CC, >50-60 kategori C")
    assert [(b.grade, b.label) for b in scale.bands] == [
        ("D", "kategori D"), ("CC", "kategori CC"), ("C", "kategori C")
    ]  # fmt: skip
    assert scale.gaps == ()
    assert scale.band(30).grade == "D"
    assert scale.band(30.5).grade == "CC"


def test_bands_are_ordered_whatever_the_order_written() -> None:
    scale = Scale.parse("A (Sangat Baik) = 88,31 - 100,00; D (Tidak Baik) = 25,00 - 64,99")
    assert [b.grade for b in scale.bands] == ["D", "A"]


def test_an_overlap_is_refused_naming_both_bands() -> None:
    with pytest.raises(ScaleError) as caught:
        Scale.parse("rentang nilai 0-30 kategori D, 30-50 kategori CC")
    assert str(caught.value) == (
        "the bands overlap: '0-30' (kategori D) and '30-50' (kategori CC) both hold 30"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A / B x 100%", "not a band table"),
        ("Baik: IKU > 80; Kurang: IKM <= 80", "cannot read the scale: the classes compare"),
    ],
)
def test_text_that_is_no_scale(text: str, message: str) -> None:
    with pytest.raises(ScaleError, match=message):
        Scale.parse(text)


def test_a_name_can_be_given() -> None:
    assert Scale.parse(IKM_LIST, name="ikm_text").name == "ikm_text"


def band(lower: int, upper: int, grade: str) -> Band:
    return Band(grade, grade, Fraction(lower), Fraction(upper), True, True)


def test_curated_scales_stay_exact() -> None:
    with pytest.raises(ScaleError, match="a gap between D and C"):
        Scale("t", "", (band(0, 50, "D"), band(60, 100, "C")), Fraction(0), Fraction(100))
    with pytest.raises(ScaleError, match="an exact scale lists no gaps"):
        Scale("t", "", (band(0, 100, "A"),), Fraction(0), Fraction(100), gaps=("x",))


def test_a_scale_from_text_holds_only_the_gaps_it_lists() -> None:
    bands = (band(0, 50, "D"), band(60, 100, "C"))
    gap = "between D (0-50) and C (60-100)"
    made = Scale("t", "", bands, Fraction(0), Fraction(100), exact=False, gaps=(gap,))
    assert made.gaps == (gap,)
    with pytest.raises(ScaleError, match="not the gaps listed"):
        Scale("t", "", bands, Fraction(0), Fraction(100), exact=False)
    with pytest.raises(ScaleError, match="an overlap between D and C"):
        Scale("t", "", (band(0, 70, "D"), band(60, 100, "C")), Fraction(0), Fraction(100),
              exact=False)  # fmt: skip


def test_scale_is_reachable_from_the_top_level() -> None:
    assert sakip.Scale is Scale
    assert "Scale" in sakip.__all__
