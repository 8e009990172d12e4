"""Capaian of the report's rows: the usual rows of every indicator in one array operation
per policy, the others (ranges, categories, zeros, bounds and ratios) one at a time.

A usual row has a finite, non-zero value and a finite, non-zero number as target: its
capaian is the policy's formula over arrays, without warnings (no zero is divided).
The others take the scalar path, which raises and names what is 0 where arrays would
only warn.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import SakipError
from .achievement import achievement, normalize_polarity, policy_for
from .cells import BadCell
from .evaluation import why
from .places import Found, Source
from .written import Noted, target_note

__all__ = ["Capaian"]


class Capaian:
    """The capaian column of a report, filled by :meth:`add` and :meth:`finish`."""

    def __init__(self, policy: Any, size: int) -> None:
        self.policy = policy
        self.values = np.full(size, np.nan)
        # (polarity, policy) -> [(report rows, realisasi, targets)]
        self._batches: dict[tuple[str, Any], list[tuple[Any, Any, Any]]] = {}

    def add(
        self, indicator: Any, values: list[Any], target: Found, source: Source, first: int
    ) -> tuple[list[Any], list[str]]:
        """File the rows of one indicator (report rows ``first``...); returns the target
        column as shown and a capaian reason per row (those of the batches come later)."""
        polarity = normalize_polarity(indicator.polarity)
        chosen = policy_for(polarity, self.policy)
        columns = source.columns
        targets = target.number_values(columns)
        actual = _floats(values)
        usual = np.isfinite(actual) & (actual != 0) & np.isfinite(targets) & (targets != 0)
        shown: list[Any] = targets.tolist()  # the NaN of rows off the usual path go below
        reasons = [""] * len(values)
        for k in np.flatnonzero(~usual).tolist():
            cell = target.bad.get(k) or source.cell(target, k)
            shown[k] = _shown(cell)
            if values[k] is None:
                continue
            capaian, reasons[k] = _one(indicator, values[k], cell, polarity, chosen)
            if capaian is not None:
                self.values[first + k] = capaian
        rows = np.flatnonzero(usual)  # filed last: a failure above files nothing
        if rows.size:
            batch = self._batches.setdefault((polarity, chosen), [])
            batch.append((rows + first, actual[rows], targets[rows]))
        return shown, reasons

    def drop(self, first: int, last: int) -> None:
        """Forget the capaian of report rows ``first``... (their indicator failed)."""
        self.values[first:last] = np.nan

    def finish(self, reasons: list[str]) -> Any:
        """The capaian of every batch, one array operation per policy; a row whose
        capaian is undefined gets that reason if it has none yet."""
        for (polarity, chosen), parts in self._batches.items():
            rows = np.concatenate([p[0] for p in parts])
            actual = np.concatenate([p[1] for p in parts])
            target = np.concatenate([p[2] for p in parts])
            result = achievement(actual, target, polarity=polarity, policy=chosen).magnitude
            result = np.broadcast_to(np.asarray(result, dtype=float), rows.shape)
            self.values[rows] = np.where(np.isfinite(result), result, np.nan)
            for k in rows[~np.isfinite(result)].tolist():
                reasons[k] = reasons[k] or "capaian undefined"
        self._batches = {}
        return self.values


def _shown(cell: Any) -> Any:
    """A target as the report shows it: a number (a bound's or ratio's), a range, a
    category; None where the cell cannot be used."""
    if isinstance(cell, BadCell):
        return None
    return cell.value if isinstance(cell, Noted) else cell


def _floats(values: list[Any]) -> Any:
    try:
        return np.array(values, dtype=float)
    except (TypeError, ValueError):  # categories among them
        return np.array([v if type(v) is float else np.nan for v in values], dtype=float)


def _one(indicator: Any, value: Any, target: Any, polarity: str, chosen: Any) -> tuple[Any, str]:
    """(capaian or None, reason) of one row off the usual path."""
    note = ""
    if isinstance(target, Noted):
        note, target = target_note(target, polarity), target.value
    capaian, reason = _rules(indicator, value, target, polarity, chosen)
    return capaian, "; ".join(filter(None, (reason, note)))


def _rules(indicator: Any, value: Any, target: Any, polarity: str, chosen: Any) -> tuple[Any, str]:
    if target is None:
        return None, "no target"
    if isinstance(target, BadCell):
        return None, f"target: {target.reason}"
    if isinstance(value, str):  # a category: the target must be one too
        expected = indicator.allowed(target) if indicator.allowed_values else target
        if not isinstance(expected, str):
            return None, f"the target {target!r} is not a category of this indicator"
        return achievement(value, expected, polarity=polarity).magnitude, ""
    if not isinstance(target, float | int | tuple) or isinstance(target, bool):
        return None, f"the target is not a number: {target!r}"
    try:
        capaian = float(achievement(value, target, polarity=polarity, policy=chosen).magnitude)
    except SakipError as exc:
        return None, f"capaian undefined: {why(exc)}"
    if not math.isfinite(capaian):
        return None, "capaian undefined"
    return capaian, ""
