"""The IKU catalog of Perbup Banyuasin 45/2019: data files -> model -> lookups.

>>> from sakip import catalog
>>> cat = catalog.load()
>>> cat.get("AKB").id
'iku.06'
"""

from __future__ import annotations

import threading

from ..errors import CatalogError
from .draft import Draft, DraftRow, draft
from .model import AmbiguousKeyError, Catalog, Indicator, Section, UnknownIndicatorError
from .scales import Band, Scale, ScaleError

__all__ = [
    "AmbiguousKeyError",
    "Band",
    "Catalog",
    "CatalogError",
    "Draft",
    "DraftRow",
    "Indicator",
    "Scale",
    "ScaleError",
    "Section",
    "UnknownIndicatorError",
    "draft",
    "load",
]

_LOCK = threading.Lock()
_CATALOG: list[Catalog] = []


def load() -> Catalog:
    """The catalog, read from the packaged data files once per process (immutable)."""
    if not _CATALOG:
        with _LOCK:
            if not _CATALOG:
                from ._load import read_catalog

                _CATALOG.append(read_catalog())
    return _CATALOG[0]
