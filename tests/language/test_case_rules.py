"""A conversion table and case rules in prose (BPS's Rata-rata Lama Sekolah).

Expected years worked out by hand from the table as written: SD 6, SMP 9, SMA 12,
D1/D2 14, D3 15, D4 16, S1 17, Profesi 18, S2 19, S3 22.
"""

from __future__ import annotations

import pytest

import sakip
from sakip.language.case_rules import read_case_rules

RLS = (
    "Rerata waktu (dalam satuan tahun) yang ditempuh oleh penduduk usia 15 tahun ke atas"
    " dalam menyelesaikan semua jenjang pendidikan yang pernah dijalani. Ijazah yang dimiliki"
    " akan dikonversi ke dalam lama waktu bersekolah (satuan tahun) berdasarkan ketentuan"
    " berikut: Tidak punya ijazah = 0 tahun; SD = 6 tahun; SMP = 9 tahun; SMA = 12 tahun;"
    " D1/D2 = 14 tahun; D3 = 15 tahun; D4 = 16 tahun; S1 = 17 tahun; Profesi = 18 tahun;"
    " S2 = 19 tahun; S3 = 22 tahun. Konversi ijazah ke menjadi lamanya waktu bersekolah"
    " memenuhi perhitungan berikut ini: Tidak pernah sekolah = 0 tahun; Masih sekolah di SD"
    " sampai dengan S1= konversi ijazah terakhir + kelas terakhir – 1; Masih sekolah di"
    " S2/S3 = konversi ijazah terakhir + 1; Tidak bersekolah lagi dan tamat kelas terakhir ="
    " konversi ijazah terakhir; Tidak bersekolah lagi dan tidak tamat di kelas terakhir ="
    " konversi ijazah terakhir + kelas terakhir –1"
)


@pytest.mark.parametrize(
    ("status", "ijazah", "kelas", "years"),
    [
        ("Masih sekolah di SD sampai dengan S1", "SMP", 2, 10),  # 9 + 2 - 1
        ("Masih sekolah di SD sampai dengan S1", "Tidak punya ijazah", 4, 3),  # 0 + 4 - 1
        ("Masih sekolah di S2/S3", "S1", 1, 18),  # 17 + 1
        ("Tidak pernah sekolah", "SMA", 3, 0),  # 0, whatever else
        ("Tidak bersekolah lagi dan tamat kelas terakhir", "D2", 3, 14),  # D1/D2: 14
        ("Tidak bersekolah lagi dan tamat kelas terakhir", "D1/D2", 3, 14),
        ("Tidak bersekolah lagi dan tidak tamat di kelas terakhir", "SMA", 2, 13),  # 12+2-1
    ],
)
def test_case_rules_over_a_conversion_table(
    status: str, ijazah: str, kelas: int, years: int
) -> None:
    f = sakip.parse(RLS)
    assert f.variables == ("status", "ijazah terakhir", "kelas terakhir")
    values = {"status": status, "ijazah terakhir": ijazah, "kelas terakhir": kelas}
    assert sakip.evaluate(f, values).magnitude == years
    assert any("conversion table" in note for note in f.notes)


@pytest.mark.parametrize(
    ("status", "ijazah", "listed"),
    [
        ("Lainnya", "SMP", "'status' must be one of 'Tidak pernah sekolah'"),
        ("Masih sekolah di S2/S3", "S4", "ijazah terakhir must be one of 'Tidak punya ijazah'"),
    ],
)
def test_a_value_no_rule_lists_names_what_is_listed(status: str, ijazah: str, listed: str) -> None:
    f = sakip.parse(RLS)
    values = {"status": status, "ijazah terakhir": ijazah, "kelas terakhir": 1}
    with pytest.raises(sakip.ConditionError, match=listed):
        sakip.evaluate(f, values)


def test_a_small_table_and_rules() -> None:
    # Lulus with B: 3 + 1 = 4; Tidak lulus: 0
    text = (
        "Nilai huruf dikonversi berdasarkan ketentuan berikut: A = 4; B = 3; C = 2."
        " Nilai akhir dihitung dengan perhitungan berikut: Lulus = konversi nilai huruf + 1;"
        " Tidak lulus = 0"
    )
    f = sakip.parse(text)
    assert f.variables == ("status", "nilai huruf")
    assert sakip.evaluate(f, {"status": "Lulus", "nilai huruf": "B"}).magnitude == 4
    assert sakip.evaluate(f, {"status": "Tidak lulus", "nilai huruf": "B"}).magnitude == 0


@pytest.mark.parametrize(
    "text",
    [
        # one list only
        "Nilai dikonversi berdasarkan ketentuan berikut: A = 4; B = 3; C = 2",
        # the table is never used by a rule
        "Nilai berdasarkan ketentuan berikut: A = 4; B = 3. Akhir dengan perhitungan"
        " berikut: Lulus = 1; Gagal = 0 + x",
        # a rule that multiplies: only sums and differences are read
        "Nilai berdasarkan ketentuan berikut: A = 4; B = 3. Akhir dengan perhitungan"
        " berikut: Lulus = konversi nilai x 2; Gagal = 0",
        # two conversions in one rule
        "Nilai berdasarkan ketentuan berikut: A = 4; B = 3. Akhir dengan perhitungan"
        " berikut: Lulus = konversi nilai + konversi mutu; Gagal = 0",
        # a formula beside the lists
        "P = A / B. Nilai berdasarkan ketentuan berikut: A = 4; B = 3. Akhir dengan"
        " perhitungan berikut: Lulus = konversi nilai + 1; Gagal = 0",
        "A / B x 100%",
    ],
)
def test_not_case_rules(text: str) -> None:
    assert read_case_rules(text) is None


def test_no_catalog_formula_is_read_as_case_rules() -> None:
    texts = [t for i in sakip.catalog.load() for t in (i.formula_text, i.rumus_asli) if t]
    assert len(texts) > 400
    assert [t for t in texts if read_case_rules(t) is not None] == []


def test_too_many_clauses_is_a_limit_error() -> None:
    # 11 cases x 12 table entries = 132 clauses, over the limit of 120
    table = "; ".join(f"K{i} = {i}" for i in range(12))
    rules = "; ".join(f"Kasus {chr(65 + i)} = konversi kode + {i}" for i in range(11))
    text = f"Kode berdasarkan ketentuan berikut: {table}. Hasil perhitungan berikut: {rules}"
    with pytest.raises(sakip.LimitError, match="more than 120 clauses"):
        sakip.parse(text)


def test_an_alternative_two_keys_share_matches_neither() -> None:
    # "sederajat" is in both keys: only "SD/sederajat", "SD", "SMP/sederajat" and "SMP"
    # are listed, so "sederajat" alone has no rule (never the first key's 6 silently)
    text = (
        "Ijazah dikonversi berdasarkan ketentuan berikut: SD/sederajat = 6; SMP/sederajat ="
        " 9. Lama sekolah dengan perhitungan berikut: Tamat = konversi ijazah; Tidak"
        " sekolah = 0"
    )
    f = sakip.parse(text)
    assert sakip.evaluate(f, {"status": "Tamat", "ijazah": "SMP"}).magnitude == 9
    assert sakip.evaluate(f, {"status": "Tamat", "ijazah": "SD/sederajat"}).magnitude == 6
    with pytest.raises(sakip.ConditionError):
        sakip.evaluate(f, {"status": "Tamat", "ijazah": "sederajat"})


def test_a_key_written_twice_is_not_read() -> None:
    text = (
        "Ijazah dikonversi berdasarkan ketentuan berikut: SD = 6; SD = 9."
        " Lama sekolah dengan perhitungan berikut: Tamat = konversi ijazah; Tidak sekolah = 0"
    )
    assert read_case_rules(text) is None


def test_a_case_written_twice_is_not_read() -> None:
    text = (
        "Ijazah dikonversi berdasarkan ketentuan berikut: SD = 6; SMP = 9."
        " Lama sekolah dengan perhitungan berikut: Tamat = konversi ijazah; Tamat = 0"
    )
    assert read_case_rules(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # two units in the table: its numbers do not add up in one unit
        "Ijazah dikonversi berdasarkan ketentuan berikut: SD = 6 tahun; Paket A = 18 bulan."
        " Lama sekolah dengan perhitungan berikut: Tamat = konversi ijazah; Tidak sekolah = 0",
        # a rule that names "status", the variable the cases are values of
        "Ijazah dikonversi berdasarkan ketentuan berikut: SD = 6; SMP = 9. Lama sekolah"
        " dengan perhitungan berikut: Tamat = konversi ijazah + status; Tidak sekolah = 0",
    ],
)
def test_tables_that_do_not_fit_are_not_read(text: str) -> None:
    assert read_case_rules(text) is None
