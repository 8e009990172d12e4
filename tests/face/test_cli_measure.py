"""sakip measure (issue 10): Excel in and out, another catalog, the language of the notes."""

from __future__ import annotations

import inspect
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import sakip
from sakip.cli import main

ROWS = [
    # 6 / 120 x 100 = 5%, lower is better, target 6,5: (13 - 5) / 6,5 = 123,08%
    ("TPT", "Jumlah Penganggur Terbuka Usia Angkatan Kerja", 6),
    ("TPT", "Jumlah Penduduk Angkatan Kerja", 120),
    ("TPT", "target", "6,5"),
    # a target that is not there: the reason in the chosen language
    ("iku.26", "Penduduk yang bekerja", 930),
    ("iku.26", "Angkatan Kerja", 1000),
    ("iku.26", "target", "n/a"),
]


def realisasi(tmp_path: Path) -> Path:
    frame = pd.DataFrame(
        [(i, 2020, v, x) for i, v, x in ROWS], columns=["indicator", "period", "variable", "value"]
    )
    path = tmp_path / "realisasi.xlsx"
    frame.to_excel(path, index=False)
    return path


def test_an_xlsx_in_and_an_xlsx_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "capaian.xlsx"
    assert main(["measure", str(realisasi(tmp_path)), "--format", "xlsx", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert rows["iku.27"]["capaian (%)"] == pytest.approx(123.076923)
    assert rows["iku.26"]["keterangan"] == "target: 'n/a' menandai data kosong"
    assert capsys.readouterr().out == ""


def test_the_text_report_in_english_and_by_perangkat_daerah(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(realisasi(tmp_path))
    assert main(["measure", path, "--lang", "en", "--by", "perangkat_daerah"]) == 0
    text = capsys.readouterr().out
    assert "Perangkat daerah: Pemerintah Kabupaten Banyuasin" in text
    assert "target: 'n/a' marks no value (missing)" in text
    assert "rata-rata capaian: 123,08 % (dari 2 baris)" in text


def test_csv_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "capaian.csv"
    assert main(["measure", str(realisasi(tmp_path)), "--format", "csv", "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert table.set_index("indicator").loc["iku.27", "capaian"] == pytest.approx(123.076923)


def test_catalog_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # sakip.catalog.load(path) comes with issue 10 item 1; until this sakip has it, the
    # option says so (exit 2) instead of failing inside
    path = str(realisasi(tmp_path))
    shipped_folder = Path(sakip.catalog.__file__).parent / "data"
    code = main(["measure", path, "--catalog", str(shipped_folder), "--format", "csv"])
    output = capsys.readouterr()
    if inspect.signature(sakip.catalog.load).parameters:
        # the shipped catalog's own folder, loaded by path, gives the same report
        assert code == 0, output.err
        assert main(["measure", path, "--format", "csv"]) == 0
        assert capsys.readouterr().out == output.out
    else:
        assert code == 2
        assert "--catalog needs a sakip whose catalog.load() reads a path" in output.err


def test_xlsx_to_a_pipe_and_not_to_a_terminal() -> None:
    import io
    import shutil
    import subprocess
    import sys

    command = shutil.which("sakip") or sys.executable
    args = [command] if command.endswith("sakip") else [command, "-m", "sakip"]
    done = subprocess.run(
        [*args, "measure", "--example", "--format", "xlsx"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(io.BytesIO(done.stdout))
    # the example's indicators: Lampiran I and five perangkat daerah, a sheet each
    assert book.sheetnames[0] == "Pemerintah Kabupaten Banyuasin"
    assert len(book.sheetnames) == 6


def test_the_progress_bar_counts_report_rows() -> None:
    import io

    from sakip.cli_tables import _progress_bar

    stream = io.StringIO()
    with _progress_bar(stream, delay=0) as update:
        assert update is not None  # tqdm is installed with the test extra
        update(2, 4)
        update(4, 4)
    shown = stream.getvalue()
    assert "mengukur" in shown and "4/4" in shown
    # measure() calls it after each indicator: two indicators, then the end
    seen: list[tuple[int, int]] = []
    frame = pd.DataFrame(
        [("iku.26", 2020, "Penduduk yang bekerja", 930), ("AKB", 2020, "Lahir Hidup", 10)],
        columns=["indicator", "period", "variable", "value"],
    )
    sakip.measure.measure(frame, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


def test_catalog_option_reads_a_folder_with_load_and_a_table_with_from_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # stand-ins for catalog.load(path) and catalog.from_table(table) (issue 10 item 1,
    # built elsewhere): the option must pass the path to the right one and measure
    # against what it returns
    shipped = sakip.catalog.load()
    real_load = sakip.catalog.load
    calls: list[tuple[str, str]] = []

    def load(path: str | None = None) -> object:
        if path is not None:
            calls.append(("load", path))
        return real_load()

    def from_table(table: str) -> object:
        calls.append(("from_table", table))
        return shipped

    monkeypatch.setattr(sakip.catalog, "load", load)
    monkeypatch.setattr(sakip.catalog, "from_table", from_table, raising=False)
    data = str(realisasi(tmp_path))
    assert main(["measure", data, "--catalog", "iku-toml", "--format", "csv"]) == 0
    assert main(["measure", data, "--catalog", "IKU.xlsx", "--format", "csv"]) == 0
    assert calls == [("load", "iku-toml"), ("from_table", "IKU.xlsx")]
    assert "iku.27" in capsys.readouterr().out


def test_two_excel_tables_give_a_capaian_report(tmp_path: Path) -> None:
    # A regency's own IKU table and its realisasi, both as officials keep them in
    # Excel: the README's two commands, end to end, with no stand-ins.
    iku = pd.DataFrame(
        {
            "No": [1, 2],
            "Indikator Kinerja": ["Persentase Desa Mandiri", "Angka Kematian Bayi"],
            "Formulasi Perhitungan": [
                "Jumlah Desa Mandiri / Jumlah Desa x 100%",
                "Jumlah Kematian Bayi / Jumlah Lahir Hidup x 1.000",
            ],
            "Satuan": ["%", "per 1.000 kelahiran hidup"],
            "Penanggung Jawab": ["DPMD", "Dinas Kesehatan"],
            "Sumber Data": ["DPMD", "Dinas Kesehatan"],
        }
    )
    iku.to_excel(tmp_path / "iku.xlsx", index=False)
    catalog = sakip.catalog.from_table(tmp_path / "iku.xlsx")
    desa, akb = (ind.id for section in catalog.sections for ind in section.indicators)
    rows = [
        (desa, "Kota Contoh", 2024, "Jumlah Desa Mandiri", 45),
        (desa, "Kota Contoh", 2024, "Jumlah Desa", 60),
        (desa, "Kota Contoh", 2024, "target", 80),
        (akb, "Kota Contoh", 2024, "Jumlah Kematian Bayi", 30),
        (akb, "Kota Contoh", 2024, "Jumlah Lahir Hidup", 6000),
        (akb, "Kota Contoh", 2024, "target", 6),
    ]
    table = pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])
    table.to_excel(tmp_path / "realisasi.xlsx", index=False)
    out = tmp_path / "capaian.xlsx"
    args = [str(tmp_path / "realisasi.xlsx"), "--catalog", str(tmp_path / "iku.xlsx")]
    assert main(["measure", *args, "--format", "xlsx", "-o", str(out)]) == 0
    cells = [
        [c for c in row if c is not None]
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows(values_only=True)
    ]
    numbers = [c for row in cells for c in row if isinstance(c, float | int)]
    # desa: 45 / 60 x 100 = 75 %, capaian 75 / 80 x 100 = 93,75 %
    # AKB: 30 / 6.000 x 1.000 = 5, lower is better (inferred from the name), so under
    # the default policy capaian = (2 x 6 - 5) / 6 x 100 = 116,67 %
    assert any(abs(n - 75) < 1e-9 for n in numbers)
    assert any(abs(n - 93.75) < 1e-9 for n in numbers)
    assert any(abs(n - 5) < 1e-9 for n in numbers)
    assert any(abs(n - 700 / 6) < 1e-9 for n in numbers)
    # a catalog of one's own has no plan years of the seed: 2024 is measured


def test_a_table_in_english_notation_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "english.csv"
    source.write_text(
        "indicator,entity,period,variable,value\n"
        'iku.06,A,2020,D0-<1th,"1,234.5"\n'
        'iku.06,A,2020,Lahir Hidup,"2,000.5"\n'
        "iku.06,A,2020,target,3\n",
        encoding="utf-8",
    )
    assert main(["measure", str(source)]) == 0
    assert "--decimal-point" in capsys.readouterr().err
    # read as English: 1.234,5 / 2.000,5 x 1.000 = 617,10 per 1.000, and no hint
    assert main(["measure", str(source), "--decimal-point", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "--decimal-point" not in captured.err and "617" in captured.out
