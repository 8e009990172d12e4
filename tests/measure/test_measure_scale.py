"""measure() on arrays (issue 10 item 5): the same report whichever way the table comes,
progress reported, concurrent calls that keep their own reasons. Figures by hand."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

import sakip
from sakip.measure import measure, read_table

COLUMNS = ["indicator", "entity", "period", "variable", "value"]
IKU26, WORKING, FORCE = "iku.26", "Penduduk yang bekerja", "Angkatan Kerja"
# iku.11: (Pelanggaran tahun n-1 - Pelanggaran tahun n) / Pelanggaran tahun n-1 x 100%
IKU11, CRIMES = "iku.11", "Jumlah Pelanggaran Perda"


def rows() -> list[tuple[object, ...]]:
    return [
        # 930 / 1.000 = 93% against 90: 103,333...%; 2021: 450 / 500 = 90% against 100: 90%
        (IKU26, "A", 2020, WORKING, 930), (IKU26, "A", 2020, FORCE, 1000), (IKU26, "A", 2020, "target", 90),
        (IKU26, "A", 2021, WORKING, 450), (IKU26, "A", 2021, FORCE, 500), (IKU26, "A", 2021, "target", 100),
        # a quarter a year later: (64 - 52) / 64 = 18,75% in 2020-T1, from 2019-T1
        (IKU11, "B", "2019-T1", CRIMES, 64), (IKU11, "B", "2020-T1", CRIMES, 52),
        (IKU11, "B", "2020-T1", "target", 15),
    ]  # fmt: skip


def expected_capaian() -> dict[tuple[str, str, object], float]:
    # 93 / 90 x 100; 90 / 100 x 100; 18,75 / 15 x 100 = 125; 2019-T1 has no earlier year
    return {
        (IKU26, "A", 2020): 103.3333333,
        (IKU26, "A", 2021): 90.0,
        (IKU11, "B", "2020-T1"): 125.0,
    }


def capaian_of(report: pd.DataFrame) -> dict[tuple[str, str, object], float]:
    return {
        (r.indicator, r.entity, r.period): r.capaian
        for r in report.itertuples()
        if r.capaian is not None and r.capaian == r.capaian
    }


@pytest.mark.parametrize("kind", ["numbers", "objects", "texts"])
def test_the_same_report_whatever_the_value_column_holds(kind: str) -> None:
    frame = pd.DataFrame(rows(), columns=COLUMNS)
    if kind == "numbers":
        frame["value"] = frame["value"].astype(float)
    elif kind == "texts":  # as a CSV gives it
        frame = frame.astype(str)
    assert capaian_of(measure(frame)) == pytest.approx(expected_capaian())


def test_rows_in_another_order_give_the_same_rows() -> None:
    frame = pd.DataFrame(rows(), columns=COLUMNS)
    shuffled = frame.sample(frac=1, random_state=7)
    assert capaian_of(measure(shuffled)) == pytest.approx(expected_capaian())


def test_progress_is_reported_after_each_indicator() -> None:
    seen: list[tuple[int, int]] = []
    report = measure(
        pd.DataFrame(rows(), columns=COLUMNS), progress=lambda d, t: seen.append((d, t))
    )
    # two indicators: iku.26 has 2 report rows, iku.11 has 2 (2019-T1 outside the plan)
    assert len(report) == 4
    assert seen == [(2, 4), (4, 4)]


def test_read_table_shows_the_parsed_cells() -> None:
    frame = pd.DataFrame([(" iku.26 ", "A", "2020-TW1", WORKING, "1.234,5"),
                          (IKU26, "A", 2020, "target", "< 5")], columns=COLUMNS)  # fmt: skip
    read = read_table(frame)
    assert read.indicator.tolist() == [IKU26, IKU26]
    assert read.when.tolist() == [(2020, "T1"), (2020, "")]
    assert read.cell[0] == 1234.5
    assert read.cell[1].value == 5.0 and read.cell[1].kind == "bound"
    assert read.note.tolist() == ["", ""]


def test_many_threads_mixing_reasons_each_get_their_own() -> None:
    # each call: entity E{i} with i / (i + 1) x 100 against target i (or a bound, or n/a)
    def table(i: int) -> pd.DataFrame:
        target: object = ("n/a", f"< {i + 1}", i + 1)[i % 3]
        data = [(IKU26, f"E{i}", 2020, WORKING, i), (IKU26, f"E{i}", 2020, FORCE, i + 1),
                (IKU26, f"E{i}", 2020, "target", target), (IKU26, f"Z{i}", 2020, WORKING, 1),
                (IKU26, f"Z{i}", 2020, FORCE, 0)]  # fmt: skip
        return pd.DataFrame(data, columns=COLUMNS)

    def expected(i: int) -> dict[str, str]:
        reason = (
            "target: 'n/a' marks no value (missing)",
            f"target '< {i + 1}' read as {i + 1} (at most); an upper bound on a higher-is-better indicator",
            "",
        )[i % 3]
        return {f"E{i}": reason, f"Z{i}": f"zero denominator: '{FORCE}' is 0"}

    def run(i: int) -> tuple[int, dict[str, str]]:
        report = measure(table(i))
        return i, dict(zip(report.entity, report.reason, strict=True))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sakip.ZeroDenominatorWarning)  # the arrays' own warning
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(run, [k % 24 for k in range(72)]))
    for i, reasons in results:
        assert reasons == expected(i)


def test_a_generated_table_matches_a_hand_loop() -> None:
    # 200 entities x 3 years of iku.26 with generated numbers: every capaian is
    # working / force x 100 / target x 100, computed here with numpy
    generator = np.random.default_rng(3)
    working = generator.uniform(100, 900, 600)
    force = working + generator.uniform(1, 500, 600)
    target = generator.uniform(50, 100, 600)
    data = []
    for k in range(600):
        entity, year = f"E{k // 3}", 2019 + k % 3
        data += [(IKU26, entity, year, WORKING, working[k]), (IKU26, entity, year, FORCE, force[k]),
                 (IKU26, entity, year, "target", target[k])]  # fmt: skip
    report = measure(pd.DataFrame(data, columns=COLUMNS))
    got = {(r.entity, r.period): r.capaian for r in report.itertuples()}
    for k in range(600):
        want = working[k] / force[k] * 100 / target[k] * 100
        assert got[(f"E{k // 3}", 2019 + k % 3)] == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("dtype", ["string", "str", object])
def test_key_columns_of_any_text_dtype_with_a_missing_entity(dtype: object) -> None:
    frame = pd.DataFrame(rows(), columns=COLUMNS)
    frame[["indicator", "entity", "variable"]] = frame[["indicator", "entity", "variable"]].astype(
        dtype
    )  # type: ignore[call-overload]
    frame.loc[frame.entity == "A", "entity"] = None  # a blank entity is the entity ""
    got = capaian_of(measure(frame))
    want = {(i, "" if e == "A" else e, p): c for (i, e, p), c in expected_capaian().items()}
    assert got == pytest.approx(want)
