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


@pytest.mark.parametrize(
    "text",
    [
        # weights and counts, not values per member
        "Rata-rata capaian: IKU utama diperhitungkan dengan bobot 60%, IKU pendukung"
        " diperhitungkan dengan bobot 40%",
        "Rata-rata: nilai A diperhitungkan 2 kali, nilai B diperhitungkan 1 kali",
        # amounts with thousands dots
        "Rata-rata biaya: pasien kelas 1 diperhitungkan Rp 1.500.000, pasien kelas 2"
        " diperhitungkan Rp 750.000",
        # a decimal point, a sign, a number in words, a value in two units: a group
        # that does not read refuses the whole, none goes missing
        "Rata-rata lama. tamat SD diperhitungkan 6.5 tahun, tamat SMP diperhitungkan 9 tahun",
        "Rata-rata skor: salah diperhitungkan -1 tahun, benar diperhitungkan 4 tahun",
        "Rata-rata lama. tamat SD diperhitungkan enam tahun; tamat SMP diperhitungkan 9"
        " tahun; tamat SMA diperhitungkan 12 tahun",
        "Rata-rata lama. tamat SD diperhitungkan 6 tahun, tamat SMP diperhitungkan 9 tahun"
        " dan tamat SMA diperhitungkan 12 tahun",
        "Rata-rata lama. A diperhitungkan 2 tahun 6 bulan, B diperhitungkan 3 tahun",
        # a formula written out beside the groups
        "Rata-rata nilai=Jumlah nilai/Jumlah siswa; remedial diperhitungkan 6 tahun;"
        " tuntas diperhitungkan 9 tahun",
        # the mean's own words are no group
        "Rata-rata lama sekolah tamat SD diperhitungkan 6 tahun, tamat SMP diperhitungkan 9 tahun",
    ],
)
def test_no_group_mean_unless_every_group_reads(text: str) -> None:
    assert read_group_mean(text) is None


def test_decimal_point_texts_are_not_read_as_a_group_mean() -> None:
    text = "Rata-rata lama. tamat SD diperhitungkan 6 tahun, tamat SMP diperhitungkan 9 tahun"
    assert read_group_mean(text) is not None
    assert read_group_mean(text, decimal_point=True) is None
