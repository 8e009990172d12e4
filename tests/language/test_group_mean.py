"""A mean over groups written in prose ("tamat SD diperhitungkan 6 tahun, ...")."""

from __future__ import annotations

import pytest

import sakip
from sakip.language.group_mean import read_group_mean


def test_values_with_decimal_commas_and_slashes_in_group_names() -> None:
    text = (
        "RLS: Rata-rata lama sekolah. Bagi yang tamat SD/MI diperhitungkan 6 tahun;"
        " bagi yang tamat D1 diperhitungkan 13,5 tahun"
    )
    f = sakip.parse(text)
    assert f.variables == ("tamat SD/MI", "tamat D1")
    # (6 x 3 + 13,5 x 1) / (3 + 1) = 31,5 / 4 = 7,875
    assert sakip.evaluate(f, {"tamat SD/MI": 3, "tamat D1": 1}).magnitude == pytest.approx(7.875)
    assert f.text == text  # the Formula keeps the text as written


@pytest.mark.parametrize(
    "text",
    [
        # one group is no mean over groups
        "Rata-rata lama sekolah: tamat SD diperhitungkan 6 tahun",
        # the same group twice: which value is meant is not ours to pick
        "Rata-rata lama sekolah: tamat SD diperhitungkan 6 tahun, tamat SD diperhitungkan 9 tahun",
        # not a mean
        "Jumlah lulusan: tamat SD diperhitungkan 6, tamat SMP diperhitungkan 9",
        # a formula that mentions the word
        "Rata-rata nilai = A / B, dimana A diperhitungkan 1 kali, B diperhitungkan 2 kali",
    ],
)
def test_texts_that_are_no_mean_over_groups(text: str) -> None:
    assert read_group_mean(text) is None
