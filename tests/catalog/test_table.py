"""from_table: IKU tables as officials keep them (DataFrame, CSV, xlsx) into a Catalog."""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
from sakip import catalog
from sakip.catalog import CatalogDataError

SHIPPED = catalog.load()


def frame(**columns: list[object]) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_headers_are_found_case_and_spacing_free() -> None:
    table = pd.DataFrame(
        [["1.", "Persentase Balita Gizi Baik", "Balita gizi baik / Jumlah balita x 100%",
          "Persen", "Dinas Kesehatan", "Laporan Bulanan", "Positif", "x"]],
        columns=[" no ", "INDIKATOR  kinerja", "Formulasi\nPerhitungan", "satuan",
                 "Penanggung-Jawab", "sumber data", "SIFAT", "Target 2024"],
    )  # fmt: skip
    row = catalog.from_table(table).get(1)
    assert (row.id, row.number, row.name) == ("iku.01", 1, "Persentase Balita Gizi Baik")
    assert row.formula_text == "Balita gizi baik / Jumlah balita x 100%"
    assert (row.satuan, row.unit_name) == ("Persen", "percent")
    assert (row.penanggung_jawab, row.sumber_data) == ("Dinas Kesehatan", "Laporan Bulanan")
    assert (row.polarity, row.polarity_inferred) == ("higher", False)
    # 45 / 50 x 100% = 90 %
    values = {"Balita gizi baik": 45, "Jumlah balita": 50}
    assert sakip.evaluate(row, values).magnitude == pytest.approx(90)


@pytest.mark.parametrize(
    "header", ["Indikator Kinerja", "IKU", "Indikator", "indikator kinerja utama"]
)
@pytest.mark.parametrize(
    "rumus",
    ["Rumus", "Formulasi Perhitungan", "Cara Pengukuran", "Formula", "RUMUS / CARA MENGUKUR"],
)
def test_each_documented_header(header: str, rumus: str) -> None:
    cat = catalog.from_table(pd.DataFrame({header: ["X"], rumus: ["A / B"]}))
    assert cat.get(1).formula_text == "A / B"


def test_columns_maps_other_headers() -> None:
    table = frame(**{"Uraian": ["Rasio guru murid"], "Cara Hitung": ["Guru / Murid"]})
    with pytest.raises(CatalogDataError, match="no column of indicator names"):
        catalog.from_table(table)
    cat = catalog.from_table(table, columns={"Uraian": "Indikator Kinerja", "cara hitung": "rumus"})
    assert cat.get(1).variables == ("Guru", "Murid")
    with pytest.raises(CatalogDataError) as caught:
        catalog.from_table(table, columns={"Uraian": "Warna"})
    assert caught.value.field == "Uraian" and "'Warna'" in caught.value.problem


def test_two_columns_for_one_field_are_refused() -> None:
    with pytest.raises(CatalogDataError, match="two columns give the name"):
        catalog.from_table(frame(IKU=["a"], Indikator=["b"]))


def test_rows_that_do_not_parse_are_kept_as_direct_measures_with_the_reason() -> None:
    table = frame(
        Indikator=["Rasio A", "Survei", "Kosong", "Nama saja"],
        Rumus=["A / B", "Dihitung oleh BPS", "", "Indeks Kepuasan"],
    )
    cat = catalog.from_table(table)
    assert len(cat) == 4  # none dropped
    assert [i.kind for i in cat] == ["formula", "direct", "direct", "direct"]
    reasons = [[c for c in i.catatan if c.startswith("direct measure")] for i in cat]
    assert reasons[0] == []
    assert reasons[1][0].startswith("direct measure: the RUMUS does not parse (not_a_formula):")
    assert reasons[2] == ["direct measure: the table gives no RUMUS"]
    assert reasons[3] == ["direct measure: the RUMUS names a value and computes nothing"]
    assert sakip.evaluate(cat.get(2), {"nilai": 71.5}).magnitude == 71.5


def test_polarity_read_or_inferred() -> None:
    table = frame(
        Indikator=["Angka Kematian Ibu", "Angka Kematian Ibu", "Prevalensi Stunting",
                   "Persentase penurunan angka kemiskinan", "Indeks Pembangunan Manusia",
                   "Tingkat Pengangguran Terbuka"],
        Rumus=["A / B x 100.000"] * 6,
        Polaritas=["", "Positif", "naik", "", "Minimal", "???"],
    )  # fmt: skip
    rows = list(catalog.from_table(table))
    assert [(r.polarity, r.polarity_inferred) for r in rows] == [
        ("lower", True),  # inferred: a death rate
        ("higher", False),  # the table says so, whatever the name
        ("higher", False),
        ("higher", True),  # 'penurunan' turns a poverty word into its remedy
        ("lower", False),
        ("lower", True),  # an unreadable cell: inferred, and said so
    ]
    assert rows[0].polarity_reason == (
        "inferred from the name: 'angka kematian' (a death rate: fewer deaths is better)"
    )
    assert rows[4].polarity_reason == "the table's Polaritas column: 'Minimal'"
    assert rows[5].polarity_reason is not None
    assert rows[5].polarity_reason.startswith("the Polaritas cell '???' names no polarity;")


@pytest.mark.parametrize(
    ("satuan", "unit", "allowed"),
    [
        ("%", "percent", ()),
        ("Persen (%)", "percent", ()),
        ("Persentase", "percent", ()),
        ("Rasio/1.000 kelahiran hidup", "per_1000_kelahiran_hidup", ()),
        ("(Rasio/100.000 Kelahiran Hidup)", "per_100000_kelahiran_hidup", ()),
        ("Orang", "orang", ()),
        ("indeks (0-1)", "dimensionless", ()),
        ("Ada/Tidak Ada", "category", ("Ada", "Tidak Ada")),
        ("Opini", "category", ("WTP", "WDP", "TW", "TMP")),
        # a verdict whose values the satuan does not say: no allowed values (its own word,
        # 'Predikat', was once taken for the only value allowed)
        ("Predikat", "category", ()),
        ("Kategori", "category", ()),
        ("Ada", "category", ("Ada", "Tidak Ada")),  # as the shipped catalog reads it
        ("Ya / Tidak", "category", ("Ya", "Tidak")),
        ("Ada/Tidak Ada/ Tidak Ada", "category", ("Ada", "Tidak Ada")),  # OCR, twice
        ("%,", "percent", ()),  # OCR keeps the comma after the sign
        ("Kali/Desa", "kali_per_desa", ()),  # the unit the shipped catalog names
        ("Titik", "dimensionless", ()),
    ],
)
def test_satuan_to_unit(satuan: str, unit: str, allowed: tuple[str, ...]) -> None:
    row = catalog.from_table(frame(IKU=["x"], Satuan=[satuan])).get(1)
    assert (row.satuan, row.unit_name, row.allowed_values) == (satuan, unit, allowed)
    unknown = [c for c in row.catatan if "is not a unit sakip knows" in c]
    assert bool(unknown) == (satuan == "Titik")


def test_sections_and_merged_cells_carry_down() -> None:
    table = frame(
        **{
            "Perangkat Daerah": ["Dinas Kesehatan", None, "Dinas Pendidikan", None],
            "Sasaran": ["Sehat", None, "Cerdas", None],
            "No": [1, 2, 1, None],
            "IKU": ["Angka Kematian Bayi", "Cakupan Imunisasi", "APM SD", None],
            "Rumus": ["A / B x 1.000", "C / D x 100%", "E / F x 100%", "G / H x 100%"],
        }
    )
    cat = catalog.from_table(table)
    assert [(s.number, s.code, s.name) for s in cat.sections] == [
        (1, "dinas_kesehatan", "Dinas Kesehatan"),
        (2, "dinas_pendidikan", "Dinas Pendidikan"),
    ]
    assert [i.id for i in cat] == ["dinas_kesehatan.01", "dinas_kesehatan.02",
                                   "dinas_pendidikan.01", "dinas_pendidikan.02"]  # fmt: skip
    last = cat.get("dinas_pendidikan.02")
    assert (last.sasaran, last.name, last.number) == ("Cerdas", "APM SD", 2)
    assert any("merged" in c for c in last.catatan)
    assert cat.lampiran_1 == {}  # no regency table: numbers find nothing
    assert len(cat.perangkat_daerah) == 2


def test_ids_follow_the_printed_numbers_when_each_names_one_row() -> None:
    cat = catalog.from_table(frame(No=["3", "7."], IKU=["a", "b"]))
    assert [(i.id, i.number) for i in cat] == [("iku.03", 3), ("iku.07", 7)]
    assert cat.get(7).name == "b"
    twice = catalog.from_table(frame(No=[3, 3], IKU=["a", "b"]))
    assert [(i.id, i.number) for i in twice] == [("iku.01", 3), ("iku.02", 3)]


def test_blank_rows_are_not_indicators() -> None:
    cat = catalog.from_table(frame(No=[1, None, 2], IKU=["a", None, "b"], Rumus=["A/B", "", "C/D"]))
    assert [i.name for i in cat] == ["a", "b"]
    assert [i.seed_line for i in cat] == [2, 4]  # table lines, the header being line 1


def test_csv_with_semicolons_and_a_title_row(tmp_path: Path) -> None:
    path = tmp_path / "iku.csv"
    path.write_text(
        "INDIKATOR KINERJA UTAMA KABUPATEN CONTOH;;;\n"
        "No;Indikator Kinerja;Rumus;Satuan\n"
        "1;Angka Kematian Bayi;Jumlah kematian bayi / Jumlah lahir hidup x 1.000;per 1.000 KH\n"
        "2;Rasio Gini;Dihitung oleh BPS;Indeks\n",
        encoding="utf-8",
    )
    cat = catalog.from_table(path)
    assert [i.name for i in cat] == ["Angka Kematian Bayi", "Rasio Gini"]
    assert [i.seed_line for i in cat] == [3, 4]
    assert cat.get(2).polarity == "lower" and cat.get(2).kind == "direct"
    assert catalog.load(path) == cat  # load() hands a table to from_table
    # 41 / 15.000 x 1.000 = 2,7333 per 1.000 kelahiran hidup
    values = {"Jumlah kematian bayi": 41, "Jumlah lahir hidup": 15000}
    assert sakip.evaluate(cat.get(1), values).magnitude == pytest.approx(2.733333333)
    assert str(path) in cat.get(1).catatan[0]


def test_an_excel_workbook_with_merged_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["OPD", "Indikator", "Rumus", "Satuan", "Sifat"])
    sheet.append(["Dinas Sosial", "Persentase PMKS tertangani", "A / B x 100%", "%", "Maksimal"])
    sheet.append([None, "Persentase penduduk miskin", "C / D x 100%", "%", None])
    sheet.merge_cells("A2:A3")
    path = tmp_path / "iku.xlsx"
    book.save(path)
    cat = catalog.from_table(path)
    assert [(i.section, i.name, i.polarity, i.polarity_inferred) for i in cat] == [
        ("dinas_sosial", "Persentase PMKS tertangani", "higher", False),
        ("dinas_sosial", "Persentase penduduk miskin", "lower", True),
    ]


@pytest.mark.parametrize(
    ("table", "words"),
    [
        (42, "not int"),
        ("nowhere.csv", "no such file"),
        ("iku.pdf", "an IKU table is a .csv"),
    ],
)
def test_what_is_not_a_table(table: object, words: str) -> None:
    with pytest.raises(CatalogDataError, match=words):
        catalog.from_table(table)


def test_a_broken_workbook_is_a_catalog_error(tmp_path: Path) -> None:
    path = tmp_path / "iku.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(CatalogDataError, match="cannot read"):
        catalog.from_table(path)


def test_a_long_first_line_is_sniffed_from_its_start_only(tmp_path: Path) -> None:
    # before: csv.Sniffer read the whole first line with backtracking regexes (4.000
    # characters of "' " took 1 s, 40.000 about 100 times longer: a hang); the sample
    # is now its first 1.024 characters, which show no delimiter: ',' is taken
    path = tmp_path / "iku.csv"
    title = "' " * 20_000 + ",,"
    rows = "No,Indikator Kinerja,Rumus\n1,Persentase desa mandiri,Desa mandiri / Desa x 100%\n"
    path.write_text(title + "\n" + rows, encoding="utf-8")
    (row,) = catalog.from_table(path)
    assert (row.name, row.seed_line) == ("Persentase desa mandiri", 3)


def test_a_table_wider_than_the_column_limit_is_refused_before_pandas(tmp_path: Path) -> None:
    # before: pandas built one object per column (16 KB of commas: 16 s; 50 MB: hours)
    from sakip.csvtext import MAX_COLUMNS

    path = tmp_path / "iku.csv"
    path.write_text("No;Indikator\n1;" + ";" * MAX_COLUMNS + "\n", encoding="utf-8")
    with pytest.raises(sakip.LimitError) as caught:
        catalog.from_table(path)
    # line 2 holds 1 + MAX_COLUMNS semicolons: MAX_COLUMNS + 2 cells
    assert (caught.value.size, caught.value.limit, caught.value.unit) == (  # type: ignore[attr-defined]
        MAX_COLUMNS + 2,
        MAX_COLUMNS,
        "columns",
    )
    assert caught.value.where == f"{path}: line 2"  # type: ignore[attr-defined]
    # a quoted cell's delimiters are no columns: the same count of ';' inside quotes reads
    quoted = '"' + ";" * MAX_COLUMNS + '"'
    path.write_text(f"No;Indikator;Rumus\n1;Persentase A;{quoted}\n", encoding="utf-8")
    (row,) = catalog.from_table(path)
    assert row.name == "Persentase A"


def test_a_number_cell_of_thousands_of_digits_is_no_row_number() -> None:
    # before: int() raised ValueError (over 4.300 digits), out of from_table
    cat = catalog.from_table(
        frame(No=["0" * 5000 + "7", "2"], IKU=["Persentase A", "Persentase B"])
    )
    # the first cell is no row number: the ids follow the positions, 1 and 2
    assert [(i.id, i.number) for i in cat] == [("iku.01", 1), ("iku.02", 2)]


def test_a_long_opd_title_is_written_under_a_name_a_file_system_holds(tmp_path: Path) -> None:
    # before: to_toml raised OSError (file name too long) for a 400-letter OPD title
    title = "Dinas " + "Sosial " * 57  # 6 + 7 x 57 = 405 characters
    cat = catalog.from_table(frame(OPD=[title], IKU=["Persentase PMKS tertangani"]))
    (section,) = cat.sections
    assert len(section.code) > 255
    folder = cat.to_toml(tmp_path / "out")
    (written,) = folder.glob("*.toml")
    assert written.name == f"01_{section.code[:60]}.toml"
    assert catalog.load(folder) == cat


def test_a_lone_surrogate_is_refused_before_any_file_is_written(tmp_path: Path) -> None:
    # before: the table was read, then to_toml raised UnicodeEncodeError and to_table a
    # pyarrow UnicodeEncodeError (text decoded wrongly: '\udc8e')
    names = ["Persentase PMKS", "Persentase \udc8e tertangani"]
    # object: pandas' own string type refuses the surrogate
    table = pd.DataFrame({"IKU": names}, dtype=object)
    with pytest.raises(CatalogDataError, match="lone surrogate") as caught:
        catalog.from_table(table)
    assert (caught.value.row, caught.value.field) == ("line 3", "name")  # header: line 1
    # a catalog built by hand with such text: to_toml refuses it before writing any file
    cat = catalog.from_table(table.iloc[:1])
    (row,) = cat
    bad = attrs.evolve(row, name=names[1])
    mine = attrs.evolve(cat, sections=(attrs.evolve(cat.sections[0], indicators=(bad,)),))
    with pytest.raises(CatalogDataError, match="lone surrogate"):
        mine.to_toml(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_table_over_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from sakip.catalog import table

    monkeypatch.setattr(table, "MAX_TABLE_ROWS", 2)
    with pytest.raises(sakip.LimitError, match="3 rows is over the limit of 2"):
        catalog.from_table(frame(IKU=["a", "b", "c"]))


# -- round trips ----------------------------------------------------------------------------


def test_the_shipped_catalog_through_a_table_keeps_formula_unit_polarity_and_section() -> None:
    again = catalog.from_table(SHIPPED.to_table())
    assert len(again) == len(SHIPPED) == 477
    names = {s.code: s.name for s in SHIPPED.sections}
    again_names = {s.code: s.name for s in again.sections}
    for old, new in zip(SHIPPED, again, strict=True):
        assert new.formula_text == old.formula_text, old.id
        assert (new.satuan, new.unit_name) == (old.satuan, old.unit_name), old.id
        assert (new.polarity, new.polarity_reason) == (old.polarity, old.polarity_reason), old.id
        assert again_names[new.section] == names[old.section], old.id
        assert (new.rumus_asli, new.name, new.abbreviations) == (
            old.rumus_asli,
            old.name,
            old.abbreviations,
        )
    assert again.get("AKB").name == SHIPPED.get("AKB").name  # abbreviations still find rows


def test_a_table_catalog_round_trips_through_toml(tmp_path: Path) -> None:
    table = frame(
        No=[1, 2],
        IKU=["Angka Kematian Bayi", "Cakupan Air Bersih"],
        Rumus=["A / B x 1.000", "Tidak ada rumus."],
        Satuan=["Rasio/1.000 kelahiran hidup", "Ada/Tidak Ada"],
    )
    cat = catalog.from_table(table)
    assert catalog.load(cat.to_toml(tmp_path)) == cat
    # through TOML and a table again: the Perangkat Daerah column makes it a section
    with tempfile.TemporaryDirectory() as folder:
        again = catalog.from_table(catalog.load(cat.to_toml(folder)).to_table())
    assert [i.formula_text for i in again] == ["A / B x 1.000", None]
    assert [s.name for s in again.sections] == ["Indikator Kinerja Utama"]


@st.composite
def spelled(draw: st.DrawFn, header: str) -> str:
    """A header as someone typed it: any case, spaces doubled, a newline or '_' between words."""
    words = [
        "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
        for word in header.split()
    ]
    glue = draw(st.sampled_from([" ", "  ", "\n", "_"]))
    return draw(st.sampled_from(["", " "])) + glue.join(words)


@settings(max_examples=60, deadline=None)
@given(
    st.data(),
    st.sampled_from(["Indikator Kinerja", "IKU", "Indikator"]),
    st.sampled_from(["Rumus", "Formulasi Perhitungan", "Cara Pengukuran", "Formula"]),
    st.lists(st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)), min_size=1, max_size=4),
)
def test_generated_tables_compute_their_ratios(
    data: st.DataObject, name: str, rumus: str, pairs: list[tuple[int, int]]
) -> None:
    """Oracle: a / b x 100 by Python arithmetic, whatever the headers' case and spacing."""
    table = pd.DataFrame(
        {
            data.draw(spelled(name)): [f"Indikator {k}" for k in range(len(pairs))],
            data.draw(spelled(rumus)): [
                f"Jumlah A{k} / Jumlah B{k} x 100%" for k in range(len(pairs))
            ],
            data.draw(spelled("Satuan")): ["%"] * len(pairs),
        }
    )
    cat = catalog.from_table(table)
    assert len(cat) == len(pairs)
    for k, (a, b) in enumerate(pairs):
        result = sakip.evaluate(cat.get(k + 1), {f"Jumlah A{k}": a, f"Jumlah B{k}": b})
        assert result.magnitude == pytest.approx(a / b * 100, rel=1e-12)


def test_a_first_section_without_a_name_takes_the_catalog_name() -> None:
    cat = catalog.from_table(frame(OPD=[None, "Dinkes"], IKU=["a", "b"]))
    assert [(s.code, s.name) for s in cat.sections] == [
        ("indikator_kinerja_utama", "Indikator Kinerja Utama"),
        ("dinkes", "Dinkes"),
    ]


def test_lint_checks_a_table_catalog() -> None:
    # a ratio in % without x 100%: the same finding lint gives the shipped catalog
    cat = catalog.from_table(frame(IKU=["Rasio", "Persentase"], Rumus=["A / B", "C / D x 100%"],
                                   Satuan=["%", "%"]))  # fmt: skip
    findings = sakip.lint(cat)
    assert [(f.id, f.kind, f.seed_line) for f in findings] == [("iku.01", "missing-percent", 2)]


def test_a_unit_cell_that_names_no_unit_names_the_row_and_field(tmp_path: Path) -> None:
    path = tmp_path / "iku.csv"
    path.write_text("IKU,Rumus,Unit sakip\nJarak,A / B,furlong\n", encoding="utf-8")
    with pytest.raises(CatalogDataError) as caught:
        catalog.from_table(path)
    error = caught.value
    assert (error.file, error.row, error.field) == (str(path), "iku.01", "unit")
    assert error.problem == "unknown unit 'furlong'"
