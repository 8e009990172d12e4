"""measure() against any catalog, from Excel, with target cells as officials write them
(issue 10 item 2). Figures computed by hand in the comments."""

from __future__ import annotations

import io
import zipfile

import attrs
import pandas as pd
import pytest

import sakip
from sakip.measure import TableError, measure
from sakip.measure import io as io_module

# iku.26: Penduduk yang bekerja / Angkatan Kerja x 100%, higher is better
IKU26, WORKING, FORCE = "iku.26", "Penduduk yang bekerja", "Angkatan Kerja"
# iku.06 (AKB): D0-<1th / Lahir Hidup x 1.000, lower is better (policy 2T-R)
AKB, DEATHS, BIRTHS = "iku.06", "D0-<1th", "Lahir Hidup"
COLUMNS = ["indicator", "entity", "period", "variable", "value"]


def akb_rows(target: object, entity: str = "A") -> list[tuple[object, ...]]:
    # 40 / 10.000 x 1.000 = 4 per 1.000 kelahiran hidup
    return [(AKB, entity, 2020, DEATHS, 40), (AKB, entity, 2020, BIRTHS, 10_000),
            (AKB, entity, 2020, "target", target)]  # fmt: skip


def iku26_rows(target: object, entity: str = "A") -> list[tuple[object, ...]]:
    # 930 / 1.000 x 100 = 93%
    return [(IKU26, entity, 2020, WORKING, 930), (IKU26, entity, 2020, FORCE, 1000),
            (IKU26, entity, 2020, "target", target)]  # fmt: skip


def one(rows: list[tuple[object, ...]], **kw: object) -> pd.Series:
    report = measure(pd.DataFrame(rows, columns=COLUMNS), **kw)  # type: ignore[arg-type]
    assert len(report) == 1
    return report.iloc[0]


# -- any catalog -------------------------------------------------------------------------------


def test_the_catalog_given_is_the_one_measured_against() -> None:
    shipped = sakip.catalog.load()
    # a catalog of Lampiran I only: the perangkat daerah rows are unknown to it
    lampiran_1 = attrs.evolve(shipped, sections=shipped.sections[:1])
    rows = [*iku26_rows(90), ("kec_betung.01", "A", 2020, "x", 1)]
    report = measure(pd.DataFrame(rows, columns=COLUMNS), lampiran_1).set_index("indicator")
    assert report.loc[IKU26, "capaian"] == pytest.approx(103.3333333)  # 93 / 90 x 100
    assert report.loc["kec_betung.01", "reason"] == "no indicator 'kec_betung.01' in the catalog"
    # the shipped catalog by default knows it
    default = measure(pd.DataFrame(rows, columns=COLUMNS)).set_index("indicator")
    assert "no indicator" not in default.loc["kec_betung.01", "reason"]


def test_a_catalogs_own_scale_is_found_by_name() -> None:
    shipped = sakip.catalog.load()
    binary = sakip.catalog.Scale.from_data(
        {"name": "tercapai", "lower": 0, "upper": "inf", "band": [
            {"grade": "TT", "label": "Tidak Tercapai", "lower": 0, "upper": 100,
             "lower_inclusive": True, "upper_inclusive": False},
            {"grade": "T", "label": "Tercapai", "lower": 100, "upper": "inf",
             "lower_inclusive": True, "upper_inclusive": False},
        ]}
    )  # fmt: skip
    own = attrs.evolve(shipped, scales={**shipped.scales, "tercapai": binary})
    # 93 / 90 = 103,3% -> Tercapai; 93 / 95 = 97,9% -> Tidak Tercapai
    assert one(iku26_rows(90), catalog=own, scale="tercapai").predikat == "Tercapai"
    assert one(iku26_rows(95), catalog=own, scale="tercapai").predikat == "Tidak Tercapai"
    with pytest.raises(TableError, match="unknown scale 'tercapai'"):
        one(iku26_rows(90), scale="tercapai")


def test_a_catalog_that_is_not_one_is_refused() -> None:
    with pytest.raises(TableError, match=r"sakip.catalog.Catalog .* not str"):
        measure(pd.DataFrame(iku26_rows(90), columns=COLUMNS), "catalog.toml")  # type: ignore[arg-type]


def test_rollup_and_trend_take_the_catalog_too() -> None:
    shipped = sakip.catalog.load()
    lampiran_1 = attrs.evolve(shipped, sections=shipped.sections[:1])
    report = measure(pd.DataFrame(iku26_rows(90), columns=COLUMNS), lampiran_1)
    rolled = sakip.measure.rollup(report, level="sasaran", catalog=lampiran_1)
    assert rolled.capaian.tolist() == pytest.approx([103.3333333])
    assert sakip.measure.trend(report, lampiran_1).direction.tolist() == [""]


# -- Excel -------------------------------------------------------------------------------------


def workbook(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def test_an_xlsx_file_is_read_with_numbers_as_numbers(tmp_path: object) -> None:
    rows = iku26_rows("90%") + akb_rows(5)
    path = tmp_path / "realisasi.xlsx"  # type: ignore[operator]
    path.write_bytes(workbook(pd.DataFrame(rows, columns=COLUMNS)))
    report = measure(path).set_index("indicator")
    assert report.loc[IKU26, "capaian"] == pytest.approx(103.3333333)  # 93 / 90 x 100
    assert report.loc[AKB, "capaian"] == pytest.approx(120)  # (2 x 5 - 4) / 5 x 100
    # the same workbook as an open file, and under a name that is not .xlsx
    assert measure(io.BytesIO(path.read_bytes())).capaian.tolist() == report.capaian.tolist()


def test_a_damaged_workbook_and_a_zip_bomb_are_table_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(TableError, match="cannot read"):
        measure(io.BytesIO(b"PK\x03\x04 not really a zip"))
    data = workbook(pd.DataFrame(iku26_rows(90), columns=COLUMNS))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
    monkeypatch.setattr(io_module, "MAX_UNPACKED_BYTES", unpacked - 1)
    with pytest.raises(sakip.LimitError, match="unpacked workbook"):
        measure(io.BytesIO(data))


# -- target cells as officials write them ------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "capaian", "note"),
    [
        # AKB is lower-is-better: (2 x 5 - 4) / 5 x 100 = 120
        ("<5", 120, "target '<5' read as 5 (at most)"),
        ("≤ 5", 120, "target '≤ 5' read as 5 (at most)"),
        ("<= 5", 120, "target '<= 5' read as 5 (at most)"),
        # (2 x 4,5 - 4) / 4,5 x 100 = 111,11
        ("kurang dari 4,5", 111.1111111, "target 'kurang dari 4,5' read as 4,5 (at most)"),
        ("Maksimal 4,5", 111.1111111, "target 'Maksimal 4,5' read as 4,5 (at most)"),
        # a lower bound on a lower-is-better indicator is said to point the wrong way
        (
            ">= 5",
            120,
            "target '>= 5' read as 5 (at least); a lower bound on a lower-is-better indicator",
        ),
        # 4 - 5: inside the range, 100%
        ("4 - 5", 100, ""),
    ],
)
def test_bound_targets(target: str, capaian: float, note: str) -> None:
    row = one(akb_rows(target))
    assert row.capaian == pytest.approx(capaian)
    assert row.reason == note


def test_percent_and_words_on_a_higher_is_better_target() -> None:
    # 93 / 90 x 100 = 103,33
    assert one(iku26_rows("90%")).capaian == pytest.approx(103.3333333)
    row = one(iku26_rows("minimal 90 %"))
    assert row.capaian == pytest.approx(103.3333333)
    assert row.target == 90
    assert row.reason == "target 'minimal 90 %' read as 90 (at least)"


def test_a_ratio_target_divides() -> None:
    # iku.26 with values chosen so the indicator is 1 / 32 x 100 = 3,125%:
    # 1 / 32 = 0,03125, so the target 1:32 is 0,03125 and the capaian 3,125 / 0,03125 = 10.000%
    rows = [(IKU26, "A", 2020, WORKING, 1), (IKU26, "A", 2020, FORCE, 32),
            (IKU26, "A", 2020, "target", "1:32")]  # fmt: skip
    row = one(rows)
    assert row.target == 0.03125
    assert row.capaian == pytest.approx(10_000)
    assert row.reason == "target '1:32' read as 1 / 32 = 0,03125 (':' divides, as in RUMUS)"
    assert one(iku26_rows("1:0")).reason == "target: the ratio '1:0' divides by 0"


@pytest.mark.parametrize("mark", ["n/a", "N/A", "-", "–", "tidak ada data", "NA"])
def test_missing_marks_are_missing_with_the_reason(mark: str) -> None:
    row = one(iku26_rows(mark))
    assert row.capaian is None or pd.isna(row.capaian)
    assert row.value == pytest.approx(93)
    assert row.reason == f"target: {mark!r} marks no value (missing)"
    realisasi = one([(IKU26, "A", 2020, WORKING, mark), (IKU26, "A", 2020, FORCE, 1000),
                     (IKU26, "A", 2020, "target", 90)])  # fmt: skip
    assert realisasi.reason == f"{WORKING}: {mark!r} marks no value (missing)"


def test_a_bound_or_ratio_is_not_a_realisasi() -> None:
    rows = [(IKU26, "A", 2020, WORKING, "<930"), (IKU26, "A", 2020, FORCE, 1000),
            (IKU26, "A", 2020, "target", 90)]  # fmt: skip
    assert one(rows).reason == (
        f"{WORKING}: '<930' is a bound, read in target cells only (give the number)"
    )


@pytest.mark.parametrize("blank", [None, float("nan"), ""])
def test_a_blank_target_cell_is_no_target_not_an_undefined_capaian(blank: object) -> None:
    # a blank cell used to become NaN in the parsed column, then "capaian undefined"
    row = one(iku26_rows(blank))
    assert row.value == pytest.approx(93)
    assert row.reason == "no target"
