"""IKU catalogs: the shipped one of Perbup Banyuasin 45/2019, or your own (TOML files
or an IKU table): data files -> model -> lookups, and back out (TOML, JSON, tables, DHIS2).

```python
>>> from sakip import catalog
>>> cat = catalog.load()
>>> cat.get("AKB").id
'iku.06'

```
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..errors import CatalogDataError, CatalogError
from .draft import Draft, DraftRow, draft
from .model import AmbiguousKeyError, Catalog, Indicator, Section, UnknownIndicatorError
from .scales import Band, Scale, ScaleError
from .table import from_table

__all__ = [
    "AmbiguousKeyError",
    "Band",
    "Catalog",
    "CatalogDataError",
    "CatalogError",
    "Draft",
    "DraftRow",
    "Indicator",
    "Scale",
    "ScaleError",
    "Section",
    "UnknownIndicatorError",
    "draft",
    "from_table",
    "load",
]

_LOCK = threading.Lock()
_CATALOG: list[Catalog] = []


_TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def load(path: str | os.PathLike[str] | None = None) -> Catalog:
    """A catalog: with no argument the shipped one of Perbup Banyuasin 45/2019, read
    from the packaged data files once per process (immutable); with ``path``, yours:
    a folder of TOML files or one TOML file in the format of docs/catalog-format.md,
    read anew on every call (nothing is kept), or an IKU table (``.csv``, ``.xlsx``),
    read by :func:`from_table`.

    Bad data raises :class:`~sakip.errors.CatalogDataError` naming the file, the
    indicator and the field.
    """
    if path is not None:
        if not isinstance(path, str | os.PathLike):
            raise CatalogDataError(f"a catalog path is text or a Path, not {type(path).__name__}")
        if Path(path).suffix.lower() in _TABLE_SUFFIXES:
            return from_table(path)
        from ._load import read_catalog

        return read_catalog(path)
    if not _CATALOG:
        with _LOCK:
            if not _CATALOG:
                from ._load import read_catalog

                _CATALOG.append(read_catalog())
    return _CATALOG[0]
