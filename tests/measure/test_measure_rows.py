"""measure()'s report rows (issue 8 item 6, kept through issue 10's arrays).

The caller's table is never changed; notes reach only the rows they belong to; the
report keeps its columns and their order. Figures computed by hand.
"""

from __future__ import annotations

import copy

import pandas as pd
import pytest

from sakip.measure import measure
from sakip.measure.table import OUTPUT

# kec_betung.01: Perkantoran yang dipenuhi / yang ditargetkan x 100%, higher is better
KEC = "kec_betung.01"
DONE, WANTED = (
    "Jumlah Jasa Administrasi Perkantoran yang dipenuhi",
    "Jumlah Jasa Administrasi yang ditargetkan",
)
# iku.26: Penduduk yang bekerja / Angkatan Kerja x 100%, higher is better
IKU26 = "iku.26"
WORKING, FORCE = "Penduduk yang bekerja", "Angkatan Kerja"
# The report's columns as docs/measure.md lists them.
REPORT = [
    "indicator", "entity", "period", "value", "unit", "target", "capaian", "reason", "predikat",
    "name", "satuan", "polarity", "keterangan",
]  # fmt: skip
# The columns of the measurement; the rest grade it, describe the indicator and the reason.
FROM_ROWS = REPORT[:8]


def test_measure_does_not_change_the_callers_frame() -> None:
    # Column names that read_table() renames (case, spaces), no entity column (it adds
    # one), cells it parses ("1.234,5", text, None), a repeated cell and a period outside
    # the plan: every path that could write to the table it was given.
    frame = pd.DataFrame(
        [
            (KEC, 2020, DONE, "1.234,5"), (KEC, 2020, WANTED, 2469), (KEC, 2020, "target", "90"),
            (KEC, 2020, DONE, 7), (KEC, 2030, DONE, 1), (IKU26, "2021-T1", WORKING, "banyak"),
            (IKU26, 2021, FORCE, None), ("XYZ", 2020, "a", 1.5),
        ],
        columns=[" Indicator", "PERIOD", "Variable ", "value"],
    )  # fmt: skip
    before = copy.deepcopy(frame)
    report = measure(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert list(frame.columns) == [" Indicator", "PERIOD", "Variable ", "value"]
    # 1234,5 / 2469 x 100 = 50%: the report was computed from the same frame
    first = report[(report.indicator == KEC) & (report.period == 2020)].iloc[0]
    assert first.value == pytest.approx(50)


def test_the_report_columns_in_order() -> None:
    assert list(OUTPUT) == FROM_ROWS
    rows = [(KEC, "A", 2020, DONE, 45), (KEC, "A", 2020, WANTED, 50)]
    report = measure(
        pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])
    )
    assert list(report.columns) == REPORT
    assert "when" not in report.columns


def test_an_empty_table_gives_an_empty_report_with_every_column() -> None:
    report = measure(pd.DataFrame(columns=["indicator", "period", "variable", "value"]))
    assert list(report.columns) == REPORT
    assert len(report) == 0


def test_notes_reach_only_their_own_indicator_entity_and_period() -> None:
    rows = [
        # kec A 2020: DONE given twice -> the note; 45 / 50 x 100 = 90%
        (KEC, "A", 2020, DONE, 45), (KEC, "A", 2020, WANTED, 50), (KEC, "A", 2020, DONE, 46),
        # the same indicator, another entity and another period: no note
        (KEC, "B", 2020, DONE, 1), (KEC, "B", 2020, WANTED, 4),
        (KEC, "A", 2021, DONE, 3), (KEC, "A", 2021, WANTED, 4),
        # another indicator at the same (entity, period): no note; 930 / 1000 x 100 = 93%
        (IKU26, "A", 2020, WORKING, 930), (IKU26, "A", 2020, FORCE, 1000),
    ]  # fmt: skip
    report = measure(
        pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])
    )
    reasons = {(r.indicator, r.entity, r.period): r.reason for r in report.itertuples()}
    repeated = f"'{DONE}' is given more than once; the first row is used"
    assert reasons == {
        (KEC, "A", 2020): f"no target; {repeated}",
        (KEC, "A", 2021): "no target",
        (KEC, "B", 2020): "no target",
        (IKU26, "A", 2020): "no target",
    }
    values = {(r.indicator, r.entity, r.period): r.value for r in report.itertuples()}
    # 45 / 50 = 90%, 3 / 4 = 75%, 1 / 4 = 25%, 930 / 1000 = 93%
    assert values == pytest.approx(
        {(KEC, "A", 2020): 90, (KEC, "A", 2021): 75, (KEC, "B", 2020): 25, (IKU26, "A", 2020): 93}
    )
