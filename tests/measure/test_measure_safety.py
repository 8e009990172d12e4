"""Measurement that never gives a silent wrong number and never stops on one bad cell.

Regression tests of issue 7 for measure() and the files it reads.
Every expected figure is computed by hand in the comment beside it.
"""

from __future__ import annotations

import gzip
import io
import warnings
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import sakip
from sakip.errors import TableLimitError
from sakip.measure import cells as cells_module
from sakip.measure import io as io_module
from sakip.measure import measure

# iku.26: Penduduk yang bekerja / Angkatan Kerja x 100%, higher is better
IKU26 = "iku.26"
WORKING, FORCE = "Penduduk yang bekerja", "Angkatan Kerja"
KEC = "kec_betung.01"
DONE, WANTED = (
    "Jumlah Jasa Administrasi Perkantoran yang dipenuhi",
    "Jumlah Jasa Administrasi yang ditargetkan",
)


def table(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])


def csv(text: str) -> io.StringIO:
    return io.StringIO("indicator,period,variable,value\n" + text)


def only(measured: pd.DataFrame) -> pd.Series:
    assert len(measured) == 1, measured
    return measured.iloc[0]


# -- 1. two spellings of one variable --------------------------------------------------------


def test_two_spellings_of_a_variable_are_the_rows_reason_not_a_choice() -> None:
    rows = [(IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2020, "angkatan_kerja", 500), (IKU26, "", 2020, "target", 90)]  # fmt: skip
    row = only(measure(table(rows)))
    # before: 930 / 1000 = 93% or 930 / 500 = 186%, by PYTHONHASHSEED, with no reason
    assert row.value is None and row.capaian is None
    assert "'Angkatan Kerja' and 'angkatan_kerja'" in row.reason


def test_two_spellings_of_the_target_are_the_rows_reason() -> None:
    rows = [(IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2020, "target", 90), (IKU26, "", 2020, "Target", 50)]  # fmt: skip
    row = only(measure(table(rows)))
    assert row.value == pytest.approx(93)  # 930 / 1000 x 100
    # before: 93 / 90 = 103,3% or 93 / 50 = 186%; now no capaian and both spellings named
    assert row.capaian is None and row.target is None
    assert "'Target' and 'target'" in row.reason


def test_two_spellings_holding_the_same_number_are_still_a_conflict() -> None:
    # documented choice: which spelling was meant is the user's to say, even when equal
    rows = [(IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2020, "angkatan_kerja", 1000), (IKU26, "", 2020, "target", 90)]  # fmt: skip
    row = only(measure(table(rows)))
    assert row.value is None and "two spellings of one variable" in row.reason


def test_one_spelling_per_row_is_no_conflict() -> None:
    rows = [(IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2021, WORKING, 450), (IKU26, "", 2021, "angkatan_kerja", 500),
            (IKU26, "", 2020, "target", 90), (IKU26, "", 2021, "Target", 90)]  # fmt: skip
    m = measure(table(rows)).set_index("period")
    # 930 / 1000 = 93%, capaian 93 / 90 = 103,33%; 450 / 500 = 90%, capaian 100%
    assert m.loc[2020, "value"] == pytest.approx(93)
    assert m.loc[2020, "capaian"] == pytest.approx(103.333333333)
    assert (m.loc[2021, "value"], m.loc[2021, "capaian"]) == (90.0, 100.0)
    assert m["reason"].tolist() == ["", ""]


# -- 3. cells that are not what they seem -----------------------------------------------------


def test_a_date_in_a_numeric_cell_is_the_rows_reason() -> None:
    rows = [(IKU26, "", 2020, WORKING, "2021-01-06"), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2020, "target", 90)]  # fmt: skip
    row = only(measure(table(rows)))
    # before: the date's day number 737.796 / 1000 x 100 = 73.779,6%, no reason
    assert row.value is None
    assert row.reason == f"{WORKING}: a date (2021-01-06), not a number"


def test_a_date_that_does_not_exist_is_the_rows_reason() -> None:
    m = measure(csv(f"{IKU26},2020,{WORKING},2021-02-30\n{IKU26},2020,{FORCE},1000\n"))
    assert "'2021-02-30' is not a date that exists" in only(m).reason


def test_comma_thousands_are_ambiguous_unless_the_table_settles_them() -> None:
    base = f"{IKU26},2020,{WORKING},930\n{IKU26},2020,{FORCE},1000\n"
    row = only(measure(csv(base + f'{IKU26},2020,target,"1,000"\n')))
    # before: "1,000" was 1, capaian 93 / 1 = 9.300%
    assert row.capaian is None and row.reason.startswith("target: ambiguous number '1,000'")
    # a decimal comma elsewhere (930,0 reads only as Indonesian) settles it: 1,000 is 1
    settled = base.replace(",930\n", ',"930,0"\n') + f'{IKU26},2020,target,"1,000"\n'
    assert only(measure(csv(settled))).capaian == pytest.approx(9300)  # 93 / 1 x 100
    # a decimal point elsewhere unsettles it again
    mixed = settled + f"{IKU26},2021,{WORKING},2.5\n"
    assert "ambiguous number" in measure(csv(mixed)).set_index("period").loc[2020, "reason"]
    # with decimal_point=True, 1,000 is one thousand: 93 / 1000 x 100 = 9,3%
    point = base + f'{IKU26},2020,target,"1,000"\n'
    assert only(measure(csv(point), decimal_point=True)).capaian == pytest.approx(9.3)


@pytest.mark.parametrize(("target", "capaian"), [("1.000", 9.3), ('"1,5"', 6200.0)])
def test_indonesian_notation_stays(target: str, capaian: float) -> None:
    # 1.000 is one thousand: 93 / 1000 = 9,3%; 1,5 is 1.5: 93 / 1,5 = 6.200%
    text = f"{IKU26},2020,{WORKING},930\n{IKU26},2020,{FORCE},1000\n{IKU26},2020,target,{target}\n"
    row = only(measure(csv(text)))
    assert row.capaian == pytest.approx(capaian) and row.reason == ""


def test_arabic_indic_and_fullwidth_digits_are_read_as_digits() -> None:
    text = f"{IKU26},2020,{WORKING},٩٣٠\n{IKU26},2020,{FORCE},１０００\n{IKU26},2020,target,٩٠\n"
    row = only(measure(csv(text)))
    # 930 / 1000 = 93%; 93 / 90 = 103,33% (before: ValueError from pandas)
    assert row.value == pytest.approx(93) and row.capaian == pytest.approx(103.333333333)


# -- 6. one bad cell or indicator never stops the report ----------------------------------------


def test_bad_cells_and_indicators_are_reasons_and_the_report_completes() -> None:
    rows = [("²", "", 2020, "x", 1),  # the catalog lookup itself fails on "²"
            (IKU26, "a", 2020, WORKING, Decimal("sNaN")), (IKU26, "a", 2020, FORCE, 1000),
            (IKU26, "b", 2020, WORKING, 10**400), (IKU26, "b", 2020, FORCE, 1000),
            (IKU26, "c", 2020, WORKING, [1, 2]), (IKU26, "c", 2020, FORCE, 1000),
            (IKU26, "d", 2020, WORKING, 930), (IKU26, "d", 2020, FORCE, 1000),
            (IKU26, "d", 2020, "target", 90)]  # fmt: skip
    m = measure(table(rows)).set_index("entity")
    assert m.loc["", "reason"] == "no indicator '²' in the catalog"
    assert m.loc["a", "reason"] == f"{WORKING}: not a finite number: sNaN"
    assert m.loc["b", "reason"].startswith(f"{WORKING}: not a finite number: 1000000")
    assert m.loc["c", "reason"] == f"{WORKING}: not a number: '[1, 2]'"
    assert m.loc["d", "capaian"] == pytest.approx(103.333333333)  # 93 / 90


def test_zero_denominators_are_found_per_row_whatever_the_warning_filters() -> None:
    rows = [(KEC, "A", 2020, DONE, 1), (KEC, "A", 2020, WANTED, 0),
            (KEC, "B", 2020, DONE, 45), (KEC, "B", 2020, WANTED, 50),
            (KEC, "B", 2020, "target", 90)]  # fmt: skip
    for action in ("error", "ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter(action, sakip.ZeroDenominatorWarning)
            m = measure(table(rows)).set_index("entity")
        assert m.loc["A", "reason"] == f"zero denominator: '{WANTED}' is 0"
        assert m.loc["B", "capaian"] == 100  # 45 / 50 = 90%, 90 / 90


# -- 7. reasons per call, in threads -----------------------------------------------------------


def _threaded_table(i: int) -> pd.DataFrame:
    # entity Z{i}: a zero denominator; V{i}: (i + 1) / (2 (i + 1)) = 50% against 50 -> 100%;
    # M{i}: the denominator is missing. Only odd tables have a zero-denominator row.
    rows = [(KEC, f"V{i}", 2020, DONE, i + 1), (KEC, f"V{i}", 2020, WANTED, 2 * (i + 1)),
            (KEC, f"V{i}", 2020, "target", 50), (KEC, f"M{i}", 2020, DONE, i)]  # fmt: skip
    if i % 2:
        rows += [(KEC, f"Z{i}", 2020, DONE, i), (KEC, f"Z{i}", 2020, WANTED, 0)]
    return table(rows)


def _expected(i: int) -> dict[str, str]:
    expected = {f"V{i}": "", f"M{i}": f"missing input: {WANTED}"}
    if i % 2:
        expected[f"Z{i}"] = f"zero denominator: '{WANTED}' is 0"
    return expected


def test_concurrent_measure_calls_get_exactly_their_own_reasons() -> None:
    def run(i: int) -> tuple[int, dict[str, str], float]:
        m = measure(_threaded_table(i))
        return i, dict(zip(m.entity, m.reason, strict=True)), m.set_index("entity").capaian[f"V{i}"]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sakip.ZeroDenominatorWarning)  # the arrays' own warning
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(run, [i % 16 for i in range(96)]))
    for i, reasons, capaian in results:
        assert reasons == _expected(i)
        assert capaian == 100


# -- 8. long cells ---------------------------------------------------------------------------------


def test_a_40_kb_cell_is_its_rows_limit_reason() -> None:
    spaces = "1" + " " * 39_998 + "2"  # 40.000 characters
    rows = [(IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, spaces),
            (IKU26, "", 2021, WORKING + " " * 40_000, 1)]  # fmt: skip
    m = measure(table(rows)).set_index("period")
    limit = "over the limit of 1.000 (LimitError); it is not read"
    assert m.loc[2020, "reason"] == f"{FORCE}: a cell of 40.000 characters is {limit}"
    # a variable cell of 21 + 40.000 characters is cut, and noted on its row
    assert f"a cell of 40.021 characters is {limit}" in m.loc[2021, "reason"]
    assert cells_module.MAX_CELL_CHARS == 1000


def test_cell_patterns_read_long_runs_of_spaces_correctly(monkeypatch: pytest.MonkeyPatch) -> None:
    # the patterns themselves, on cells past the limit (they were quadratic in spaces)
    monkeypatch.setattr(cells_module, "MAX_CELL_CHARS", 10**6)
    gap = " " * 40_000
    assert cells_module.read_text("80" + gap + "- 90", decimal_point=False) == (80.0, 90.0)
    assert cells_module.read_text("80" + gap + "x", decimal_point=False) == "80" + gap + "x"
    assert cells_module.period("2020" + gap + "x") == (None, "2020" + gap + "x")
    assert cells_module.period("2020" + gap + "T1") == (2020, "T1")


# -- 9. what measure() reads --------------------------------------------------------------------


def test_urls_are_refused() -> None:
    for url in ("http://127.0.0.1:9/data.csv", "https://example.com/x.csv", "file:///etc/passwd"):
        with pytest.raises(sakip.SakipError, match="local files only"):
            measure(url)


def test_compression_is_never_inferred_from_the_name(tmp_path: Path) -> None:
    text = (
        f"indicator,period,variable,value\n{IKU26},2020,{WORKING},930\n{IKU26},2020,{FORCE},1000\n"
    )
    plain = tmp_path / "plain.csv.gz"
    plain.write_text(text, encoding="utf-8")
    assert only(measure(plain)).value == pytest.approx(93)  # read as the text it is
    packed = tmp_path / "packed.csv.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    with pytest.raises(sakip.SakipError, match="not UTF-8 text"):
        measure(packed)  # before: decompressed by its extension


def test_files_and_streams_over_the_size_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io_module, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.csv"
    big.write_text("indicator,period,variable,value\n" + "x,2020,y,1\n" * 20, encoding="utf-8")
    size = big.stat().st_size  # 32 + 20 x 11 = 252 bytes
    assert size == 252
    for source in (big, str(big), io.StringIO(big.read_text()), io.BytesIO(big.read_bytes())):
        with pytest.raises(TableLimitError) as caught:
            measure(source)
        # a file's size is known; a stream is read only up to the limit (then: more)
        known = source is big or source == str(big)
        assert (caught.value.limit, caught.value.unit) == (100, "bytes")
        assert caught.value.size == (252 if known else None)
        said = "of 252 bytes is over the limit of 100" if known else "of more than 100 bytes"
        assert said in str(caught.value)


def test_a_table_wider_than_the_column_limit_is_refused() -> None:
    # before: pandas built one object per column (a 16 KB header of commas: 16 s)
    from sakip.csvtext import MAX_COLUMNS

    header = "indicator,period,variable,value" + ",x" * MAX_COLUMNS
    with pytest.raises(TableLimitError) as caught:
        measure(io.StringIO(header + "\n"))
    # 4 named columns and MAX_COLUMNS more
    assert (caught.value.size, caught.value.limit) == (MAX_COLUMNS + 4, MAX_COLUMNS)
    assert caught.value.where.endswith("line 1")


def test_file_objects_are_read(tmp_path: Path) -> None:
    text = (
        f"indicator,period,variable,value\n{IKU26},2020,{WORKING},930\n{IKU26},2020,{FORCE},1000\n"
    )
    assert only(measure(io.StringIO(text))).value == pytest.approx(93)
    assert only(measure(io.BytesIO(text.encode()))).value == pytest.approx(93)
    with pytest.raises(sakip.SakipError, match="not a file"):
        measure(tmp_path)


def test_an_indicator_that_fails_as_a_whole_keeps_its_rows_and_the_next_ones_notes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sakip.measure.capaian import Capaian

    real = Capaian.add

    def failing(self: Capaian, indicator: object, *args: object) -> object:
        if getattr(indicator, "id", "") == KEC:
            raise RuntimeError("boom")
        return real(self, indicator, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Capaian, "add", failing)
    rows = [(KEC, "", 2030, DONE, 1), (KEC, "", 2020, DONE, 1), (KEC, "", 2020, WANTED, 2),
            (IKU26, "", 2020, WORKING, 930), (IKU26, "", 2020, FORCE, 1000),
            (IKU26, "", 2020, FORCE, 999)]  # fmt: skip
    m = measure(table(rows))
    # an indicator's rows outside the plan come first, then those inside it
    assert m[["indicator", "period"]].values.tolist() == [
        [KEC, 2030], [KEC, 2020], [IKU26, 2020]
    ]  # fmt: skip
    assert m.reason.tolist()[:2] == ["could not be computed (RuntimeError: boom)"] * 2
    # iku.26: 930 / 1000 (the first Angkatan Kerja) = 93%, and the repeat is noted
    assert m.value.tolist()[2] == pytest.approx(93)
    assert (
        m.reason.tolist()[2]
        == "no target; 'Angkatan Kerja' is given more than once; the first row is used"
    )


def test_only_whole_lines_starting_with_a_hash_are_comments() -> None:
    text = (
        "# a comment line\nindicator,entity,period,variable,value\n"
        "dinkes.03,Desa #1,2020,Jumlah rumah tangga sehat,8\n"
        "dinkes.03,Desa #1,2020,Jumlah rumah tangga total,10\n"
    )
    row = only(measure(io.StringIO(text)))
    # before: "Desa #1" was cut to "Desa " and its cells lost; 8 / 10 = 80%
    assert (row.entity, row.value) == ("Desa #1", 80.0)


def test_a_plan_that_is_not_two_years_is_the_callers_error() -> None:
    with pytest.raises(sakip.SakipError, match="plan"):
        measure(table([(IKU26, "", 2020, WORKING, 1)]), plan=("a", "b"))  # type: ignore[arg-type]
    one_year = measure(table([(IKU26, "", 2020, WORKING, 1)]), plan=[2020, 2020])  # type: ignore[arg-type]
    assert only(one_year).period == 2020  # a list of two years is a plan too


# -- undefined rows: evaluated once per distinct input, and at most MAX_ROWS_ALONE ------------


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the rows measure() evaluates alone (a scalar evaluation each)."""
    from sakip.measure import evaluation

    calls: list[int] = []
    alone = evaluation._one_row

    def counting(*args: object) -> object:
        calls.append(1)
        return alone(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(evaluation, "_one_row", counting)
    return calls


@pytest.mark.parametrize("action", ["ignore", "error"])
def test_undefined_rows_with_the_same_inputs_are_evaluated_once(
    monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    # 100 desa x 6 years with a zero denominator and one of 3 numerators (10, 20, 30),
    # and one desa with 45 / 50 x 100% = 90%. Each row was evaluated alone: 600 calls
    # (606 when a ZeroDenominatorWarning filter turns the array evaluation into an error).
    rows: list[tuple[object, ...]] = []
    for k in range(600):
        entity, year = f"Desa {k // 6:03}", 2018 + k % 6
        rows += [(IKU26, entity, year, WORKING, 10 * (1 + k % 3)), (IKU26, entity, year, FORCE, 0)]
    rows += [(IKU26, "ok", 2020, WORKING, 45), (IKU26, "ok", 2020, FORCE, 50)]
    calls = _counted(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter(action, sakip.ZeroDenominatorWarning)
        m = measure(table(rows))
    # "ignore": the 3 distinct undefined rows; "error": also the 1 distinct defined row
    assert len(calls) == (3 if action == "ignore" else 4)
    bad = m[m.entity != "ok"]
    assert len(bad) == 600 and bad.value.isna().all()
    assert set(bad.reason) == {f"zero denominator: '{FORCE}' is 0"}
    assert m.set_index("entity").loc["ok", "value"] == pytest.approx(90)


def test_rows_past_the_limit_get_a_reason_without_being_evaluated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sakip.measure import evaluation

    monkeypatch.setattr(evaluation, "MAX_ROWS_ALONE", 5)
    # 12 rows, each with its own numerator (1..12) over a zero denominator, and one row
    # 45 / 50 x 100% = 90%, which the array evaluation computes
    rows: list[tuple[object, ...]] = []
    for k in range(1, 13):
        rows += [(IKU26, f"E{k:02}", 2020, WORKING, k), (IKU26, f"E{k:02}", 2020, FORCE, 0)]
    rows += [(IKU26, "ok", 2020, WORKING, 45), (IKU26, "ok", 2020, FORCE, 50)]
    calls = _counted(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sakip.ZeroDenominatorWarning)
        m = measure(table(rows)).set_index("entity")
    assert len(calls) == 5
    for k in range(1, 6):  # rows in entity order: the first five are evaluated alone
        assert m.loc[f"E{k:02}", "reason"] == f"zero denominator: '{FORCE}' is 0"
    unchecked = (
        "undefined for these values (zero denominator, no applicable condition or overflow;"
        " 5 rows already failed alone, so this one was not checked); inputs that are 0:"
        f" {FORCE}"
    )
    for k in range(6, 13):
        assert m.loc[f"E{k:02}", "reason"] == unchecked
    assert m.value.drop("ok").isna().all()
    assert m.loc["ok", "value"] == pytest.approx(90)


def test_past_the_limit_after_the_whole_array_failed_the_reason_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sakip.measure import evaluation

    monkeypatch.setattr(evaluation, "MAX_ROWS_ALONE", 2)
    # the warning made an error fails the whole array; rows are then tried alone: E1 and
    # E2 fail (2 / 0, 3 / 0), which is the limit, so E3 (45 / 50) and E4 (5 / 0) are not tried
    rows = [(IKU26, "E1", 2020, WORKING, 2), (IKU26, "E1", 2020, FORCE, 0),
            (IKU26, "E2", 2020, WORKING, 3), (IKU26, "E2", 2020, FORCE, 0),
            (IKU26, "E3", 2020, WORKING, 45), (IKU26, "E3", 2020, FORCE, 50),
            (IKU26, "E4", 2020, WORKING, 5), (IKU26, "E4", 2020, FORCE, 0)]  # fmt: skip
    calls = _counted(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("error", sakip.ZeroDenominatorWarning)
        m = measure(table(rows)).set_index("entity")
    assert len(calls) == 2
    assert m.loc["E1", "reason"] == m.loc["E2", "reason"] == f"zero denominator: '{FORCE}' is 0"
    tail = "(the rows were then evaluated alone, and after 2 failed this one was not tried)"
    assert tail in m.loc["E3", "reason"] and "inputs that are 0" not in m.loc["E3", "reason"]
    assert m.loc["E4", "reason"].endswith(f"not tried); inputs that are 0: {FORCE}")
    assert m.value.isna().all()


def test_int_cells_read_as_before() -> None:
    # the int fast path of read_values: 930 / 1000 x 100% = 93%; 10**400 is no float
    rows = [(IKU26, "a", 2020, WORKING, 930), (IKU26, "a", 2020, FORCE, 1000),
            (IKU26, "b", 2020, WORKING, 10**400), (IKU26, "b", 2020, FORCE, -(10**300))]  # fmt: skip
    m = measure(table(rows)).set_index("entity")
    assert m.loc["a", "value"] == pytest.approx(93)
    assert m.loc["b", "reason"].startswith(f"{WORKING}: not a finite number: 1000000")
