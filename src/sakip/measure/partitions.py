"""measure() over a Dask DataFrame: each partition measured as a table of its own.

One ``map_partitions``, no scheduler of ours: Dask runs the partitions where its
scheduler says (threads, processes, or a cluster). Each partition must hold every row
of the indicators and entities it has (partition by region: ``tahun n-1`` and repeated
cells are found within a partition), which is how a national table splits anyway.
Dask is an optional extra (``pip install 'sakip[dask]'``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["is_dask", "measure_partitions"]

# The report's columns and their dtypes in every partition (a partition whose capaian
# are all missing would otherwise give an object column).
_DTYPES = {
    "indicator": object, "entity": object, "period": object, "value": object,
    "unit": object, "target": object, "capaian": "float64", "reason": object,
    "predikat": object, "name": object, "satuan": object, "polarity": object,
    "keterangan": object,
}  # fmt: skip


def is_dask(table: Any) -> bool:
    """A Dask DataFrame (checked without importing Dask)."""
    return type(table).__module__.startswith("dask") and hasattr(table, "map_partitions")


def measure_partitions(table: Any, measure: Any, **options: Any) -> Any:
    """A Dask DataFrame of the reports of the partitions of ``table``."""
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in _DTYPES.items()})
    return table.map_partitions(_one, measure, options, meta=meta)


def _one(partition: Any, measure: Any, options: dict[str, Any]) -> Any:
    import pandas as pd

    report = measure(partition, **options)
    report["capaian"] = pd.to_numeric(report["capaian"], errors="coerce").astype("float64")
    for name, kind in _DTYPES.items():
        if kind is object:
            report[name] = report[name].astype(object)
    return report[list(_DTYPES)]
