"""measure() over a Dask DataFrame partitioned by region (issue 10 item 5), on Dask's
local schedulers: the same report as pandas gives, partition by partition."""

from __future__ import annotations

import dask
import dask.dataframe as dd
import pandas as pd
import pytest

from sakip.measure import measure

COLUMNS = ["indicator", "entity", "period", "variable", "value"]
# iku.11: (Pelanggaran tahun n-1 - tahun n) / tahun n-1 x 100%, higher is better
IKU11, CRIMES = "iku.11", "Jumlah Pelanggaran Perda"


def table() -> pd.DataFrame:
    rows = []
    for r in range(8):
        # region r: 100 offences in 2019, 80 - r in 2020: (100 - (80 - r)) / 100 = (20 + r)%,
        # against a target of 20: (20 + r) / 20 x 100%
        rows += [(IKU11, f"R{r}", 2019, CRIMES, 100), (IKU11, f"R{r}", 2020, CRIMES, 80 - r),
                 (IKU11, f"R{r}", 2020, "target", 20)]  # fmt: skip
    rows += [("XYZ", "R3", 2020, "a", 1)]  # an unknown indicator in one partition
    return pd.DataFrame(rows, columns=COLUMNS)


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_a_dask_frame_gives_a_dask_frame_of_the_same_report(scheduler: str) -> None:
    frame = table()
    partitioned = dd.from_pandas(frame.set_index("entity", drop=False), npartitions=4, sort=True)
    assert partitioned.npartitions > 1
    result = measure(partitioned)
    assert isinstance(result, dd.DataFrame)
    with dask.config.set(scheduler=scheduler):
        got = result.compute()
    by_region = {(r.entity, r.period): r.capaian for r in got.itertuples() if r.indicator == IKU11}
    for r in range(8):
        assert by_region[(f"R{r}", 2020)] == pytest.approx((20 + r) / 20 * 100)
        assert pd.isna(by_region[(f"R{r}", 2019)])  # no earlier year, no target
    unknown = got[got.indicator == "XYZ"].iloc[0]
    assert unknown.keterangan == "indikator 'XYZ' tidak ada dalam katalog"
    # the same rows as pandas gives for the whole table
    whole = measure(frame)
    key = ["indicator", "entity", "period"]
    merged = whole.merge(got, on=key, suffixes=("", "_dask"))
    assert len(merged) == len(whole) == len(got)
    assert (merged.reason == merged.reason_dask).all()
    assert merged.capaian.fillna(-1).tolist() == pytest.approx(
        merged.capaian_dask.fillna(-1).tolist()
    )
