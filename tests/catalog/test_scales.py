"""Scales as validated data: no gaps, no overlaps, explicit boundaries."""

from __future__ import annotations

from fractions import Fraction

import pytest

import sakip
from sakip.catalog import Scale, ScaleError

IKM = sakip.catalog.load().scales["ikm_kepmenpan_25_2004"]


@pytest.mark.parametrize(
    ("value", "grade"),
    [(25, "D"), (43.75, "D"), (43.7500001, "C"), (43.76, "C"), (62.5, "C"), (62.51, "B"),
     (81.25, "B"), (81.26, "A"), (100, "A"), (Fraction(8125, 100), "B")],
)  # fmt: skip
def test_ikm_bands_as_printed(value: float, grade: str) -> None:
    assert IKM.band(value).grade == grade


@pytest.mark.parametrize("value", [24.99, 100.01, -1])
def test_outside_the_scale(value: float) -> None:
    with pytest.raises(ScaleError, match="outside"):
        IKM.band(value)


def test_labels() -> None:
    assert [(b.grade, b.label) for b in IKM.bands] == [
        ("D", "Tidak Baik"), ("C", "Kurang Baik"), ("B", "Baik"), ("A", "Sangat Baik")
    ]  # fmt: skip


def band(lower: str, upper: str, lo: bool, hi: bool, grade: str = "X") -> dict[str, object]:
    return {"grade": grade, "label": grade, "lower": lower, "upper": upper,
            "lower_inclusive": lo, "upper_inclusive": hi}  # fmt: skip


@pytest.mark.parametrize(
    ("bands", "problem"),
    [
        ([band("0", "50", True, True), band("50,01", "100", True, True)], "a gap"),
        ([band("0", "60", True, True), band("50", "100", True, True)], "an overlap"),
        ([band("0", "50", True, True), band("50", "100", True, True)], "an overlap at 50"),
        ([band("0", "50", True, False), band("50", "100", False, True)], "a gap at 50"),
        ([band("10", "100", True, True)], "lowest band"),
        ([band("0", "90", True, True)], "highest band"),
    ],
)
def test_malformed_scales_are_refused(bands: list[dict[str, object]], problem: str) -> None:
    with pytest.raises(ScaleError, match=problem):
        Scale.from_data({"name": "t", "lower": "0", "upper": "100", "band": bands})


def test_the_permenpanrb_scale_is_there_too() -> None:
    scale = sakip.catalog.load().scales["ikm_permenpanrb_14_2017"]
    assert scale.band(88.31).grade == "A"
    assert scale.band(88.30).grade == "B"
    assert scale.band(64.99).grade == "D"
