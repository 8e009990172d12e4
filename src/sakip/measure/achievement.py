"""Capaian: comparing realisasi with the target, under named polarity policies.

Each policy is a formula in sakip's own language (``data/policies.toml``), evaluated
by :func:`sakip.evaluate`: arrays, quantities and zero denominators behave exactly as
for any formula (a scalar zero target raises ZeroDenominatorError naming ``Target``;
array rows become NaN with a ZeroDenominatorWarning).
"""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs
import numpy as np

from ..errors import SakipError, ZeroDenominatorWarning
from ..evaluate import Result, evaluate
from ..formula import normalize_name
from ..units import ureg

__all__ = ["POLICIES", "Policy", "achievement", "normalize_polarity"]

_POLARITY = {
    "higher": "higher",
    "positif": "higher",
    "positive": "higher",
    "+": "higher",
    "lower": "lower",
    "negatif": "lower",
    "negative": "lower",
    "-": "lower",
}


@attrs.frozen
class Policy:
    """A named way to compute capaian for one polarity."""

    name: str
    polarity: str
    formula: str
    title: str
    source: str
    default: bool = False


def _read_policies() -> dict[str, Policy]:
    text = (resources.files("sakip.measure") / "data" / "policies.toml").read_text("utf-8")
    return {row["name"]: Policy(**row) for row in tomllib.loads(text)["policy"]}


#: The policies by name (``"R/T"``, ``"2T-R"``, ``"T/R"``).
POLICIES: Mapping[str, Policy] = _read_policies()
_DEFAULT = {p.polarity: p for p in POLICIES.values() if p.default}


def normalize_polarity(polarity: str) -> str:
    """``"higher"`` or ``"lower"`` from any accepted spelling (``"positif"``, ``"negatif"``)."""
    found = _POLARITY.get(str(polarity).strip().casefold())
    if found is None:
        raise SakipError(
            f"polarity must be 'higher' or 'lower' (or positif/negatif), not {polarity!r}"
        )
    return found


def _policy(polarity: str, policy: str | Policy | None) -> Policy:
    if policy is None:
        return _DEFAULT[polarity]
    chosen = policy if isinstance(policy, Policy) else POLICIES.get(str(policy))
    if chosen is None:
        raise SakipError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
    if chosen.polarity != polarity:
        raise SakipError(
            f"policy {chosen.name!r} is for {chosen.polarity}-is-better indicators, not {polarity}"
        )
    return chosen


def achievement(
    actual: Any,
    target: Any,
    *,
    polarity: str = "higher",
    policy: str | Policy | None = None,
    cap: float | None = None,
    floor: float | None = None,
) -> Result:
    """Capaian of ``actual`` (realisasi) against ``target``, in percent.

    ``polarity`` is ``"higher"`` (higher is better) or ``"lower"``; ``policy`` names the
    formula (defaults: ``"R/T"`` for higher, ``"2T-R"`` for lower; ``"T/R"`` is the
    other lower-is-better policy in use). A ``(low, high)`` target is a range: inside
    it capaian is 100%, above it the policy divides by ``high``, below it by ``low``. A
    text target (``"WTP"``, ``"Ada"``) is categorical: 100% when the realisasi is the
    same category, else 0%. ``cap`` and ``floor`` clip the result. Works on scalars and
    numpy arrays; returns a :class:`sakip.Result` in percent.
    """
    side = normalize_polarity(polarity)
    chosen = _policy(side, policy)
    if isinstance(target, str) or (isinstance(target, np.ndarray) and target.dtype.kind in "OUS"):
        magnitude = _categorical(actual, target)
    elif isinstance(target, tuple | list) and len(target) == 2:
        magnitude = _range(actual, target, chosen)
    else:
        magnitude = _apply(chosen, actual, target)
    if cap is not None or floor is not None:
        low, high = _limit(floor, "floor"), _limit(cap, "cap")
        if low is not None and high is not None and high < low:
            raise SakipError(f"cap {cap!r} is below floor {floor!r}")
        magnitude = np.clip(magnitude, low, high)
        magnitude = float(magnitude) if np.ndim(magnitude) == 0 else magnitude
    return Result(magnitude, ureg.percent, "capaian")


def _limit(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SakipError(f"{what} must be a number (a percentage), not {value!r}")
    return float(value)


def _apply(policy: Policy, actual: Any, target: Any) -> Any:
    result = evaluate(policy.formula, {"Realisasi": actual, "Target": target}, unit="percent")
    return result.magnitude


def _range(actual: Any, target: Any, policy: Policy) -> Any:
    """Inside the range 100%; above it the policy against ``high``, below against ``low``.

    The comparisons go through sakip's formulas too, so text numbers ("1.500") and
    quantities (3000 m against 2-5 km) compare in the same terms as they are computed.
    """
    low, high = target
    over = evaluate("Realisasi - Batas", {"Realisasi": actual, "Batas": high}).magnitude
    under = evaluate("Batas - Realisasi", {"Realisasi": actual, "Batas": low}).magnitude
    width = evaluate("Atas - Bawah", {"Atas": high, "Bawah": low}).magnitude
    if np.any(np.asarray(width) < 0):
        raise SakipError(f"a range target must be (low, high), got {target!r}")
    over, under = np.asarray(over, dtype=float), np.asarray(under, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ZeroDenominatorWarning)
        above = _apply(policy, actual, high) if np.any(over > 0) else np.nan
        below = _apply(policy, actual, low) if np.any(under > 0) else np.nan
    result = np.where(over > 0, above, np.where(under > 0, below, 100.0))
    result = np.where(np.isnan(over) | np.isnan(under), np.nan, result)  # missing rows
    return float(result) if result.ndim == 0 else result


def _categorical(actual: Any, target: Any) -> Any:
    def key(value: Any) -> str:
        return normalize_name(str(value))

    if isinstance(actual, np.ndarray) or isinstance(target, np.ndarray):
        actual_keys = np.vectorize(key, otypes=[object])(np.asarray(actual, dtype=object))
        target_keys = np.vectorize(key, otypes=[object])(np.asarray(target, dtype=object))
        return np.where(actual_keys == target_keys, 100.0, 0.0)
    return 100.0 if key(actual) == key(target) else 0.0
