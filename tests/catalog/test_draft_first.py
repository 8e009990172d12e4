"""Where the cells of a row's first line open (draft_first): sasaran, INDIKATOR and RUMUS,
on lines written for these tests (a made-up Kabupaten Contoh, not the seed)."""

from __future__ import annotations

import pytest

from sakip.catalog.draft_cell import bracketed_fraction
from sakip.catalog.draft_first import column_rules, first_line


@pytest.mark.parametrize(
    ("line", "at", "expected"),
    [
        ("(Capaian)/(Sasaran) x 100%", 0, True),  # both groups in one word
        ("Rasio pajak (jumlah pajak masuk) / (jumlah wajib pajak)", 2, True),
        ("Angka partisipasi (SD/MI) Jumlah murid", 2, False),  # the bar inside the group
        ("Indeks Kepuasan (IKM) Nilai survei", 2, False),  # an acronym: no bar after it
        ("(jumlah (a) dan b) / c", 0, False),  # another bracket opens first
    ],
)
def test_a_bracketed_numerator_before_a_bar_opens_a_rumus(
    line: str, at: int, expected: bool
) -> None:
    assert bracketed_fraction(line.split(), at) is expected


def _first(line: str) -> tuple[list[str], list[str], list[str] | None]:
    words = [w for w in line.split() if w not in ("|", "l")]
    return first_line(words, None, column_rules(line))


def test_column_rules_are_counted_among_the_words_without_them() -> None:
    # 'A | B l C': the rules stand before B (index 1) and before C (index 2)
    assert column_rules("A | B l C") == frozenset({1, 2})
    assert column_rules("A B C") == frozenset()


def test_a_rule_after_a_sasaran_closes_it_before_a_name_word() -> None:
    # 'Kontribusi' opens names too, but the rule after it closes the sasaran cell
    assert _first("Meningkatnya Kontribusi | Tingkat layanan pasar Jumlah pasar aktif") == (
        ["Meningkatnya", "Kontribusi"],
        ["Tingkat", "layanan", "pasar"],
        ["Jumlah", "pasar", "aktif"],
    )


def test_a_rule_after_a_name_opener_closes_the_name_not_the_sasaran() -> None:
    assert _first("Meningkatnya Persentase pasar | Jumlah pasar aktif") == (
        ["Meningkatnya"],
        ["Persentase", "pasar"],
        ["Jumlah", "pasar", "aktif"],
    )


def test_a_rule_before_a_name_word_closes_a_wrapped_sasaran() -> None:
    assert _first("gizi masyarakat | Angka stunting Jumlah balita pendek") == (
        ["gizi", "masyarakat"],
        ["Angka", "stunting"],
        ["Jumlah", "balita", "pendek"],
    )


def test_a_rule_after_the_name_opens_the_rumus() -> None:
    # 'Nilai' and 'Skor' open RUMUS cells and names alike: the rule tells them apart
    assert _first("Persentase Nilai Rata - Rata | Skor Realisasi Kinerja") == (
        [],
        ["Persentase", "Nilai", "Rata", "-", "Rata"],
        ["Skor", "Realisasi", "Kinerja"],
    )
    # a rule inside the RUMUS, after a word that opens only a RUMUS, changes nothing
    assert _first("Persentase lulus Jumlah siswa lulus | / Jumlah siswa")[2] == [
        "Jumlah",
        "siswa",
        "lulus",
        "/",
        "Jumlah",
        "siswa",
    ]


def test_a_rumus_never_opens_on_a_bar() -> None:
    # '/jumlah' right after the rule: the '/' is a rule or a letter OCR misread
    assert _first("Persentase lansia | /jumlah lansia dilayani")[2] == [
        "jumlah",
        "lansia",
        "dilayani",
    ]


def test_a_symbol_joined_by_underscores_opens_the_rumus() -> None:
    # 'BL_T' is a variable's symbol, never a word of a name
    assert _first("Persentase Balita Terlayani BL_T x 100%") == (
        [],
        ["Persentase", "Balita", "Terlayani"],
        ["BL_T", "x", "100%"],
    )
    # a name's words are no symbol: 'SD/MI', 'Rata-rata'
    assert _first("Rata-rata Nilai SD/MI Jumlah nilai")[1] == ["Rata-rata", "Nilai", "SD/MI"]


def test_a_lone_dot_after_a_wrapped_sasaran_closes_it() -> None:
    # OCR reads a column rule as '.': the sasaran cell ends there
    assert _first("(Bangkit Sehat . Generasi Sehat Jumlah warga sehat") == (
        ["(Bangkit", "Sehat"],
        ["Generasi", "Sehat"],
        ["Jumlah", "warga", "sehat"],
    )


def test_a_rumus_written_as_a_list_opens_at_its_first_item() -> None:
    # 'Indeks' opens names and RUMUS cells alike; 'a.' before a capital opens a list
    assert _first("Indeks Tata Kelola a. Penilaian atas dua aspek") == (
        [],
        ["Indeks", "Tata", "Kelola"],
        ["a.", "Penilaian", "atas", "dua", "aspek"],
    )


def test_a_name_and_rumus_word_after_a_wrapped_sasaran_opens_the_name() -> None:
    # 'Nilai' opens names and RUMUS cells alike; with 'Indeks' (a RUMUS) after it, and
    # 'Petani' before it no name word, 'Nilai' opens the name
    assert _first("Petani Nilai Tukar Indeks harga diterima") == (
        ["Petani"],
        ["Nilai", "Tukar"],
        ["Indeks", "harga", "diterima"],
    )
    # a count word (Jumlah) after a name word ('Pelayanan') stays the RUMUS's: 'Pusat
    # Pelayanan' is the name
    assert _first("Pusat Pelayanan Jumlah pusat / Jumlah desa") == (
        [],
        ["Pusat", "Pelayanan"],
        ["Jumlah", "pusat", "/", "Jumlah", "desa"],
    )


def test_a_name_opener_after_another_name_word_stays_in_the_name() -> None:
    # 'Persentase Cakupan ...': the name opened at 'Persentase', 'Cakupan' goes on it
    assert _first("Persentase Cakupan Imunisasi Jumlah bayi diimunisasi") == (
        [],
        ["Persentase", "Cakupan", "Imunisasi"],
        ["Jumlah", "bayi", "diimunisasi"],
    )


def test_words_glued_in_camel_case_open_the_rumus() -> None:
    # 'KapalBerizin' and 'benihUnggul' are symbols whose words were glued (three lower
    # case letters then a capital); a name prints its words apart
    sas, name, rumus = _first("Rasio Kapal Nelayan KapalBerizin / KapalTerdaftar")
    assert (sas, name, rumus) == (
        [],
        ["Rasio", "Kapal", "Nelayan"],
        ["KapalBerizin", "/", "KapalTerdaftar"],
    )
    _, name, rumus = _first("Persentase Benih Unggul benihUnggul x 100%")
    assert name == ["Persentase", "Benih", "Unggul"]
    assert rumus == ["benihUnggul", "x", "100%"]
    # an acronym in mixed case ('SiLPA': two lower-case letters at most) opens nothing
    _, name, rumus = _first("Persentase SiLPA terhadap APBD")
    assert name == ["Persentase", "SiLPA", "terhadap", "APBD"]
    assert rumus is None
