"""The report officials read (issue 10 item 3): names, satuan and polarity beside each
row, keterangan in Indonesian, text grouped with a summary, and an .xlsx workbook."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

import sakip
from sakip.measure import measure
from sakip.measure.keterangan import translate
from sakip.measure.report import NUMBER_FORMAT, summary, text_report, write_xlsx

COLUMNS = ["indicator", "entity", "period", "variable", "value"]
IKU26, WORKING, FORCE = "iku.26", "Penduduk yang bekerja", "Angkatan Kerja"
AKB, DEATHS, BIRTHS = "iku.06", "D0-<1th", "Lahir Hidup"
KEC, DONE, WANTED = (
    "kec_betung.01",
    "Jumlah Jasa Administrasi Perkantoran yang dipenuhi",
    "Jumlah Jasa Administrasi yang ditargetkan",
)
ROWS = [
    # 930 / 1.000 x 100 = 93%, against 90: 103,333...% (Sangat Baik)
    (IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000), (IKU26, "", 2020, "target", 90),
    # 40 / 10.000 x 1.000 = 4, lower is better, target 5: (10 - 4) / 5 = 120% (Sangat Baik)
    (AKB, "", 2020, DEATHS, 40), (AKB, "", 2020, BIRTHS, 10_000), (AKB, "", 2020, "target", 5),
    # 45 / 50 = 90%, no target: no capaian
    (KEC, "=HYPERLINK(\"http://x\")", 2020, DONE, 45), (KEC, "=HYPERLINK(\"http://x\")", 2020, WANTED, 50),
]  # fmt: skip


@pytest.fixture(scope="module")
def report() -> pd.DataFrame:
    return measure(pd.DataFrame(ROWS, columns=COLUMNS)).set_index("indicator", drop=False)


def test_rows_carry_the_indicators_name_satuan_and_polarity(report: pd.DataFrame) -> None:
    akb = report.loc[AKB]
    assert akb["name"] == "Angka Kematian Bayi (AKB) per 1000 kelahiran hidup"
    assert akb["satuan"] == "(Rasio/1.000 kelahiran Hidup)"
    assert akb["polarity"] == "makin rendah makin baik"
    assert report.loc[IKU26, "polarity"] == "makin tinggi makin baik"
    english = measure(pd.DataFrame(ROWS, columns=COLUMNS), language="en")
    assert set(english.polarity) == {"higher is better", "lower is better"}
    assert english.keterangan.tolist() == english.reason.tolist()
    with pytest.raises(sakip.SakipError, match="language is 'id' or 'en'"):
        measure(pd.DataFrame(ROWS, columns=COLUMNS), language="fr")


def test_keterangan_is_the_reason_in_indonesian(report: pd.DataFrame) -> None:
    assert report.loc[KEC, "reason"] == "no target"
    assert report.loc[KEC, "keterangan"] == "target tidak ada"
    assert report.loc[IKU26, "keterangan"] == ""
    unknown = measure(pd.DataFrame([("XYZ", "", 2020, "a", 1)], columns=COLUMNS)).iloc[0]
    assert unknown.keterangan == "indikator 'XYZ' tidak ada dalam katalog"
    assert unknown["name"] == unknown.satuan == unknown.polarity == ""


@pytest.mark.parametrize(
    ("reason", "indonesian"),
    [
        ("zero denominator: 'Angkatan Kerja' is 0", "pembagi nol: 'Angkatan Kerja' bernilai 0"),
        (
            "no target; 'A' is given more than once; the first row is used",
            "target tidak ada; 'A' diisi lebih dari sekali; baris pertama yang dipakai",
        ),
        ("target: 'n/a' marks no value (missing)", "target: 'n/a' menandai data kosong"),
        ("period 2030 is outside the plan 2018-2023", "periode 2030 di luar periode rencana 2018-2023"),
        ("capaian undefined: zero denominator: 'Target' is 0",
         "capaian tidak terdefinisi: pembagi nol: 'Target' bernilai 0"),
        # "; " inside brackets does not split a part
        (
            "undefined for these values (zero denominator, no applicable condition or overflow;"
            " 1.000 rows already failed alone, so this one was not checked); inputs that are 0: B",
            "tidak terdefinisi untuk nilai-nilai ini (pembagi nol, tidak ada kondisi yang berlaku,"
            " atau luapan; 1.000 baris sudah gagal satu per satu, jadi baris ini tidak diperiksa);"
            " masukan yang bernilai 0: B",
        ),
        # a part no rule knows stays as it is, beside the parts that are translated
        ("something new happened; no target", "something new happened; target tidak ada"),
        ("", ""),
    ],
)  # fmt: skip
def test_translate(reason: str, indonesian: str) -> None:
    assert translate(reason) == indonesian


def test_summary_counts_rows_per_predikat_and_the_mean(report: pd.DataFrame) -> None:
    counts, mean = summary(report)
    assert counts == [("Sangat Baik", 2), ("tanpa capaian", 1)]
    assert mean == pytest.approx((103.3333333 + 120) / 2)  # 111,67


def test_the_text_report_groups_and_ends_with_the_summary(report: pd.DataFrame) -> None:
    catalog = sakip.catalog.load()
    text = text_report(report, catalog, by="sasaran")
    assert text.count("Sasaran: ") == 3  # three indicators, three sasaran
    assert "Sasaran: Meningkatnya Kepuasan Masyarakat" in text
    assert text.splitlines()[-1] == "  rata-rata capaian: 111,67 % (dari 3 baris)"
    by_pd = text_report(report, catalog, by="perangkat_daerah")
    # iku.26 and iku.06 are both of Lampiran I: one group
    assert by_pd.count("Perangkat daerah: ") == 2
    assert "Perangkat daerah: Kecamatan Betung" in by_pd
    assert "  iku.06  Angka Kematian Bayi" in by_pd
    with pytest.raises(sakip.SakipError, match="groups by"):
        text_report(report, catalog, by="misi")


def test_the_workbook_has_numbers_a_frozen_header_and_text_as_text(report: pd.DataFrame) -> None:
    buffer = io.BytesIO()
    write_xlsx(report, buffer, sakip.catalog.load())
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["Pemerintah Kabupaten Banyuasin", "Kecamatan Betung"]
    sheet = book["Pemerintah Kabupaten Banyuasin"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["kode", "indikator", "entitas", "periode"]
    capaian = header.index("capaian (%)") + 1
    cells = {sheet.cell(r, 1).value: sheet.cell(r, capaian) for r in (2, 3)}
    assert cells[IKU26].value == pytest.approx(103.3333333)
    assert cells[AKB].value == pytest.approx(120)
    assert cells[AKB].number_format == NUMBER_FORMAT
    assert sheet.cell(2, header.index("periode") + 1).value == 2020
    kec = book["Kecamatan Betung"]
    entity = kec.cell(2, header.index("entitas") + 1)
    assert entity.value == '=HYPERLINK("http://x")' and entity.data_type == "s"
    assert kec.cell(2, capaian).value is None  # no target: an empty cell, not 0 or "nan"
    assert kec.cell(2, header.index("keterangan") + 1).value == "target tidak ada"


def test_one_table_and_sheet_names_excel_accepts(report: pd.DataFrame) -> None:
    buffer = io.BytesIO()
    write_xlsx(report, buffer, sakip.catalog.load(), by="table")
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["capaian"]
    assert book["capaian"].max_row == 4  # the header and three rows
    from sakip.measure.report import _sheet_name

    used: set[str] = set()
    long = "Dinas Pekerjaan Umum dan Penataan Ruang: Bidang [Jalan]"
    first = _sheet_name(long, used)
    assert first == "Dinas Pekerjaan Umum dan Penata" and len(first) == 31
    assert _sheet_name(long, used) == "Dinas Pekerjaan Umum dan Pe (2)"
