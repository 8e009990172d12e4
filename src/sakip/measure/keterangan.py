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
    return reasons.map({r: translate(r) for r in reasons.unique()})


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
        frame[column] = frame["indicator"].map({key: value[k] for key, value in found.items()})
    frame["keterangan"] = keterangan(frame["reason"]) if language == "id" else frame["reason"]
    return frame
