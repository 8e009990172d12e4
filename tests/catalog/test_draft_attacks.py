"""What benchmarks/fuzz_draft.py found: inputs that crashed or hung the drafter, each
now a clear SakipError, and the drafted files' names staying inside their folder."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

import sakip
from sakip.catalog import draft, load
from sakip.catalog.draft_formula import read_formula
from sakip.catalog.draft_limits import (
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_ROW_LINES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
)
from sakip.catalog.draft_rows import RowText
from sakip.cli import main
from sakip.errors import CatalogError, TableLimitError

HEAD = """\
LAMPIRAN II
PERATURAN WALIKOTA CONTOH NOMOR 7 TAHUN 2021

{number}. DINAS {name}

INDIKATOR KINERJA PENANGGUNG SUMBER
SASARAN (OUTCOME) RUMUS SATUAN JAWAB DATA KET
1 2 3 4 5 6 7
"""
# one row of two lines: the name and a stacked fraction beside its factor
ROW = (
    "Persentase PMKS yang Jumlah PMKS yang ditangani x 100% % Dinas Sosial Laporan\n"
    "mendapat bantuan Jumlah PMKS yang ada Tahunan\n"
)
TABLE = HEAD.format(number=1, name="SOSIAL") + ROW


def _refused(text: str, error: type[sakip.SakipError], *words: str) -> sakip.SakipError:
    """The error ``draft`` raises on ``text``, quickly (a limit is checked before the
    work it bounds), whose message holds ``words``."""
    start = time.perf_counter()
    with pytest.raises(error) as caught:
        draft(text)
    # a bound on a hang (minutes before the limits), not on speed: generous for a
    # loaded 2-core machine, where a refusal near the limits takes several seconds
    assert time.perf_counter() - start < 60
    for word in words:
        assert word in str(caught.value)
    return caught.value


def test_the_table_built_here_drafts_one_formula_row() -> None:
    # the texts below attack this table: it must draft, or they prove nothing
    (row,) = draft(TABLE).catalog
    assert row.formula_text == "(Jumlah PMKS yang ditangani) / (Jumlah PMKS yang ada) x 100%"


def test_a_text_over_the_size_limit_is_refused_before_it_is_read() -> None:
    text = TABLE + "\n" * (MAX_TEXT_CHARS - len(TABLE) + 1)
    error = _refused(text, TableLimitError, f"{MAX_TEXT_CHARS + 1} characters")
    assert error.code == "table_limit"
    assert pickle.loads(pickle.dumps(error)).to_dict() == error.to_dict()


def test_a_text_of_too_many_lines_is_refused() -> None:
    # MAX_LINES blank lines after the table's own lines: one line too many, at least
    text = TABLE + "\n" * MAX_LINES
    _refused(text, TableLimitError, f"over the limit of {MAX_LINES}")


def test_a_line_over_the_line_limit_is_refused_with_its_number() -> None:
    text = TABLE + "Jumlah " * (MAX_LINE_CHARS // 7 + 1) + "\n"
    # the table's text holds 10 lines (8 of the heading, 2 of the row): the long one is 11
    assert TABLE.count("\n") == 10
    error = _refused(text, TableLimitError, "line 11: ", f"limit of {MAX_LINE_CHARS}")
    # the fields say it too: 7 x (MAX_LINE_CHARS // 7 + 1) characters (the newline apart)
    assert isinstance(error, TableLimitError)
    assert (error.where, error.limit, error.unit) == ("line 11", MAX_LINE_CHARS, "characters")
    assert error.size == 7 * (MAX_LINE_CHARS // 7 + 1)


def test_a_lone_surrogate_is_refused_before_the_toml_cannot_be_written() -> None:
    # before: the draft was made, and to_toml crashed with UnicodeEncodeError
    text = TABLE.replace("PMKS yang ada", "PMKS \udc8e yang ada")
    error = _refused(text, CatalogError, "'\\udc8e'", "surrogate")
    assert not isinstance(error, TableLimitError)


def test_a_row_of_too_many_lines_is_refused() -> None:
    # before: each line looked back over all of its row's lines; 3.000 lines of '/'
    # after a row took 5 s, 20.000 over a minute
    ok = draft(TABLE + "sosial\n" * (MAX_ROW_LINES - 2))  # the row's 2 lines + these
    assert len(ok.rows) == 1
    _refused(TABLE + "/\n" * 20_000, TableLimitError, f"more than {MAX_ROW_LINES} lines")


def test_a_table_of_too_many_rows_is_refused() -> None:
    _refused(TABLE + ROW * MAX_ROWS, TableLimitError, f"more than {MAX_ROWS} rows")


def test_too_many_rows_over_several_tables_are_refused() -> None:
    # each table under the limit, their sum over it
    half = MAX_ROWS // 2 + 1
    second = HEAD.format(number=2, name="KESEHATAN").replace("LAMPIRAN II\n", "", 1)
    text = TABLE + ROW * (half - 1) + second + ROW * half
    _refused(text, TableLimitError, f"more than {MAX_ROWS} table rows")


@pytest.mark.parametrize(
    "region",
    ['Kota "Contoh"', "Kota\nContoh", "Kota\x00\x1b[31m\x7f", "../../escape", "a/b\\c", "'''"],
)
def test_a_region_of_any_text_is_written_inside_the_folder_and_loads_back(
    tmp_path: Path, region: str
) -> None:
    # a Lampiran I table: its section takes the region's name
    text = TABLE.replace("LAMPIRAN II", "LAMPIRAN I").replace("1. DINAS SOSIAL", "IKU")
    folder = tmp_path / "out"
    draft(text, region=region).to_toml(folder)
    assert all(p.parent == folder for p in tmp_path.rglob("*") if p.is_file())
    (section,) = load(folder).sections
    assert section.name == region
    assert [i.name for i in section.indicators] == ["Persentase PMKS yang mendapat bantuan"]


@pytest.mark.parametrize("name", ['SOSIAL "X"', "SOSIAL \\ X", "SOSIAL ../../X", "SOSIAL \x1b X"])
def test_a_section_name_of_any_text_is_written_inside_the_folder(tmp_path: Path, name: str) -> None:
    drafted = draft(HEAD.format(number=1, name=name) + ROW)
    folder = tmp_path / "out"
    drafted.to_toml(folder)
    assert all(p.parent == folder for p in tmp_path.rglob("*") if p.is_file())
    (section,) = load(folder).sections
    assert section.name == drafted.catalog.sections[0].name


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        # before: 'sakip: internal error (UnicodeDecodeError ...); please report it'
        (b"\xff\xfe\x00LAMPIRAN I\n", ("byte 0 is not UTF-8",)),
        # read no further than one character over the limit, then refused
        (TABLE.encode() + b"\n" * MAX_TEXT_CHARS * 2, ("over the limit", str(MAX_TEXT_CHARS))),
    ],
)
def test_the_draft_command_refuses_a_bad_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, words: tuple[str, ...]
) -> None:
    source = tmp_path / "perbup.txt"
    source.write_bytes(raw)
    assert main(["draft", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sakip: ") and err.count("\n") == 1
    assert "internal error" not in err
    for word in words:
        assert word in err
    assert not (tmp_path / "out").exists()


def test_a_result_name_alone_on_the_line_above_its_equals_sign_is_read() -> None:
    # before: IndexError (the '=' was looked for in the first line only); the fuzzer's
    # input had 'Hidup' over '= IIntéllellis ...' in a RUMUS cell
    row = RowText(
        first_line=1,
        last_line=2,
        number=1,
        sasaran="",
        name="Indeks Kualitas Lingkungan Hidup",
        rumus=((1, "IKLH"), (2, "= IKA + IKU + ITH")),
        satuan="Indeks",
        penanggung_jawab="",
        sumber_data="",
        period="",
        factor=None,
        notes=(),
    )
    formula, asli, _, _ = read_formula(row, "dimensionless")
    assert asli == "IKLH = IKA + IKU + ITH"
    assert formula is not None
    result = sakip.evaluate(formula, {"IKA": 1, "IKU": 2, "ITH": 4})
    assert (result.name, result.magnitude) == ("IKLH", 1 + 2 + 4)
