"""The report's words for officials: reasons in Indonesian, and each indicator's name,
satuan and polarity beside its rows.

The rules are data (``data/keterangan.toml``): an English reason part as measure()
words it and its Indonesian. Each distinct reason is translated once, so a national
table with millions of rows costs what its few hundred distinct reasons cost.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import SakipError

__all__ = ["POLARITY_WORDS", "describe", "keterangan", "translate"]

#: How the report names a polarity (the catalog's "higher" / "lower").
POLARITY_WORDS = {
    "id": {"higher": "makin tinggi makin baik", "lower": "makin rendah makin baik"},
    "en": {"higher": "higher is better", "lower": "lower is better"},
}


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = (resources.files("sakip.measure") / "data" / "keterangan.toml").read_text("utf-8")
    return tuple((re.compile(rule["en"]), rule["id"]) for rule in tomllib.loads(text)["rule"])


def _parts(reason: str) -> list[str]:
    """The parts of a reason: split at "; " outside brackets (a part may hold "; " in
    its own parentheses)."""
    parts, depth, start = [], 0, 0
    for k, char in enumerate(reason):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0 and reason.startswith("; ", k):
            parts.append(reason[start:k])
            start = k + 2
    parts.append(reason[start:])
    return parts


@lru_cache(maxsize=4096)
def translate(reason: str) -> str:
    """One reason in Indonesian; parts no rule knows stay as they are."""
    return "; ".join(_part(part) for part in _parts(reason)) if reason else ""


def _part(part: str) -> str:
    for pattern, template in _rules():
        match = pattern.fullmatch(part)
        if match is None:
            continue
        found = match.groupdict()
        if "rest" in found:
            found["rest"] = translate(found["rest"])
        return template.format_map(found)  # the template is ours; the values are only text
    return part


def keterangan(reasons: Any) -> Any:
    """The Indonesian of a column of reasons (a pandas Series), each distinct one once."""
    return by_key(reasons, translate)


def by_key(column: Any, value_of: Any) -> Any:
    """``value_of(key)`` for every cell of a column, computed once per distinct key, as
    an object column (text columns of the report are object, with or without pyarrow)."""
    import pandas as pd

    codes, keys = pd.factorize(column.to_numpy(dtype=object))
    values = np.empty(len(keys) + 1, dtype=object)
    values[:-1] = [value_of(k) for k in keys]
    values[-1] = None  # the code -1 of a missing key
    return pd.Series(values[codes], index=column.index, dtype=object)


def describe(frame: Any, catalog: Any, language: str = "id") -> Any:
    """The report with ``name``, ``satuan`` and ``polarity`` of each row's indicator
    ("" where the catalog does not know it) and ``keterangan``: the reason in Indonesian
    (``language="en"``: the reason as it is)."""
    found = {}
    for key in frame["indicator"].unique():
        try:
            indicator = catalog.find(key) if isinstance(key, str) else None
        except SakipError:  # an ambiguous key: its rows already say so
            indicator = None
        found[key] = (
            (indicator.name, indicator.satuan, POLARITY_WORDS[language][indicator.polarity])
            if indicator is not None
            else ("", "", "")
        )
    for k, column in enumerate(("name", "satuan", "polarity")):
        frame[column] = by_key(frame["indicator"], lambda key, k=k: found[key][k])
    frame["keterangan"] = keterangan(frame["reason"]) if language == "id" else frame["reason"]
    return frame
