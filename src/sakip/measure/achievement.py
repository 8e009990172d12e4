"""Capaian: comparing realisasi with the target, under named polarity policies.

Each policy is a formula in sakip's own language (``data/policies.toml``), evaluated
by :func:`sakip.evaluate`: arrays, quantities and zero denominators behave exactly as
for any formula (a scalar zero target raises ZeroDenominatorError naming ``Target``;
array rows become NaN with a ZeroDenominatorWarning).
"""

from __future__ import annotations

import datetime as dt
import numbers
import tomllib
import warnings
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs
import numpy as np

from ..errors import (
    MeasureError,
    ValueTypeError,
    ZeroDenominatorError,
    ZeroDenominatorWarning,
)
from ..language import Result, normalize_name
from ..language import evaluate_formula as evaluate
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
        raise ValueTypeError(
            f"polarity must be 'higher' or 'lower' (or positif/negatif), not {polarity!r}"
        )
    return found


def _policy(polarity: str, policy: str | Policy | None) -> Policy:
    """The one policy lookup: a name or a Policy, checked against the polarity."""
    if policy is None:
        return _DEFAULT[polarity]
    chosen = _named(policy)
    if chosen.polarity != polarity:
        raise ValueTypeError(
            f"policy {chosen.name!r} is for {chosen.polarity}-is-better indicators, not {polarity}"
        )
    return chosen


def _named(policy: str | Policy) -> Policy:
    chosen = policy if isinstance(policy, Policy) else POLICIES.get(str(policy))
    if chosen is None:
        raise ValueTypeError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
    return chosen


def policy_for(polarity: str, policy: Any) -> Any:
    """measure()'s policy for the indicators of one polarity: from a mapping by polarity,
    or one policy that applies to its own polarity (the others keep their default)."""
    if policy is None:
        return None
    if isinstance(policy, Mapping):
        chosen = policy.get(polarity)
    else:
        chosen = policy if _named(policy).polarity == polarity else None
    if chosen is not None:
        _policy(polarity, chosen)  # a policy of the wrong polarity is an error
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
    other lower-is-better policy in use). A ``(low, high)`` tuple is a range: inside
    it capaian is 100%, above it the policy divides by ``high``, below it by ``low``. A
    list or array is one target per realisasi (a list must be as long as the
    realisasi). A text target (``"WTP"``, ``"Ada"``) is categorical: 100% when the
    realisasi is the same category, else 0%. ``cap`` and ``floor`` (finite numbers)
    clip the result. A target of 0 raises ZeroDenominatorError naming ``Target`` under
    every policy (array rows: NaN and a ZeroDenominatorWarning). Works on scalars and
    numpy arrays; returns a :class:`sakip.Result` in percent.
    """
    side = normalize_polarity(polarity)
    chosen = _policy(side, policy)
    low, high = _limit(floor, "floor"), _limit(cap, "cap")
    if low is not None and high is not None and high < low:
        raise MeasureError(f"cap {cap!r} is below floor {floor!r}")
    if isinstance(actual, tuple):
        raise ValueTypeError(
            f"a realisasi is a number, an array or a list, not a tuple: {actual!r}"
        )
    for value, what in ((actual, "realisasi"), (target, "target")):
        if value is None:
            # the policy formula would report its own variable as unbound and suggest
            # that same name ("did you mean 'Realisasi'?"): say what is missing instead
            raise ValueTypeError(
                f"the {what} is None (missing): a capaian needs a {what}; give a number,"
                " an array or a list"
            )
        if isinstance(value, dt.date) or getattr(getattr(value, "dtype", None), "kind", "") == "M":
            # arithmetic would read a date as its day number: 81,936% from a date cell
            raise ValueTypeError(f"the {what} is a date, not a number: {value!r}")
    if isinstance(target, list):
        target = _per_row(actual, target)
    if isinstance(target, str) or (isinstance(target, np.ndarray) and target.dtype.kind in "OUS"):
        magnitude = _categorical(actual, target)
    elif isinstance(target, tuple):
        magnitude = _range(actual, _bounds(target), chosen)
    else:
        magnitude = _apply(chosen, actual, target)
    if low is not None or high is not None:
        magnitude = np.clip(magnitude, low, high)
        magnitude = float(magnitude) if np.ndim(magnitude) == 0 else magnitude
    return Result(magnitude, ureg.percent, "capaian")


def _limit(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueTypeError(f"{what} must be a number (a percentage), not {value!r}")
    number = float(value)
    if not np.isfinite(number):
        # np.clip with NaN turns every capaian into NaN: refuse rather than compute it
        raise ValueTypeError(f"{what} must be a finite number (a percentage), not {value!r}")
    return number


def _bounds(target: tuple[Any, ...]) -> tuple[Any, Any]:
    if len(target) != 2:
        raise ValueTypeError(f"a range target is a tuple (low, high), not {target!r}")
    return target[0], target[1]


def _shape(value: Any) -> tuple[int, ...]:
    try:
        return tuple(np.shape(value))
    except ValueError:  # a ragged list
        raise ValueTypeError(f"not a flat list or array: {value!r:.60}") from None


def _per_row(actual: Any, target: list[Any]) -> Any:
    """A list is one target per realisasi. A list used to be read as a range when it
    had two items, so a list that does not line up with the realisasi is refused rather
    than guessed at."""
    rows = _shape(actual)
    if len(rows) != 1 or rows[0] != len(target):
        raise ValueTypeError(
            f"a list target gives one target per realisasi: {len(target)} targets for"
            f" realisasi of shape {rows or 'scalar'}; give a range as a tuple (low, high)"
        )
    try:
        return np.asarray(target)
    except ValueError as exc:  # a ragged list
        raise ValueTypeError(f"the target list cannot be an array: {exc}") from None


def _apply(policy: Policy, actual: Any, target: Any) -> Any:
    scalar = _shape(actual) == () and _shape(target) == ()
    if scalar and _is_zero(target):
        # T/R divides by the realisasi, not the target: without this check a zero target
        # would give 0% there, while every policy promises to refuse it
        raise ZeroDenominatorError("Target")
    result = evaluate(policy.formula, {"Realisasi": actual, "Target": target}, unit=ureg.percent)
    magnitude = result.magnitude
    if scalar:
        return magnitude
    zero = np.broadcast_to(_is_zero(target), np.shape(magnitude)) & np.isfinite(magnitude)
    if zero.any():
        warnings.warn(
            f"{int(zero.sum())} of {zero.size} rows have a target of 0; their capaian is NaN",
            ZeroDenominatorWarning,
            stacklevel=3,
        )
        magnitude = np.where(zero, np.nan, magnitude)
    return magnitude


def _is_zero(target: Any) -> Any:
    """Target == 0 read the way the policy formulas read it (text numbers, quantities)."""
    if target.__class__ in (int, float):  # the common case needs no formula
        return target == 0
    magnitude = evaluate("Target", {"Target": target}).magnitude
    try:
        return np.asarray(magnitude, dtype=float) == 0
    except (TypeError, ValueError):  # a date or a category: the policy formula says why
        return np.zeros(np.shape(magnitude), dtype=bool)


def _rows(value: Any, rows: Any) -> Any:
    if np.ndim(value) == 0:
        return value
    if isinstance(value, list):
        return [v for v, keep in zip(value, rows.ravel(), strict=True) if keep]
    return value[rows]


def _range(actual: Any, target: tuple[Any, Any], policy: Policy) -> Any:
    """Inside the range 100%; above it the policy against ``high``, below against ``low``.

    The comparisons go through sakip's formulas too, so text numbers ("1.500") and
    quantities (3000 m against 2-5 km) compare in the same terms as they are computed.
    """
    low, high = target
    over = evaluate("Realisasi - Batas", {"Realisasi": actual, "Batas": high}).magnitude
    under = evaluate("Batas - Realisasi", {"Realisasi": actual, "Batas": low}).magnitude
    width = evaluate("Atas - Bawah", {"Atas": high, "Bawah": low}).magnitude
    if np.any(np.asarray(width) < 0):
        raise ValueTypeError(f"a range target must be (low, high), got {target!r}")
    over, under = np.asarray(over, dtype=float), np.asarray(under, dtype=float)
    if over.ndim == 0:
        if over > 0:
            return float(_apply(policy, actual, high))
        if under > 0:
            return float(_apply(policy, actual, low))
        return np.nan if np.isnan(over) or np.isnan(under) else 100.0
    # Only the rows outside the range are computed against a bound, so a bound of 0
    # that no row falls below divides nothing by zero (and warns of nothing).
    result = np.where(np.isnan(over) | np.isnan(under), np.nan, 100.0)
    for rows, bound in ((over > 0, high), (under > 0, low)):
        if rows.any():
            part = _apply(policy, _rows(actual, rows), _rows(bound, rows))
            result[rows] = np.asarray(part, dtype=float)
    return result


def _categorical(actual: Any, target: Any) -> Any:
    def key(value: Any) -> str:
        return normalize_name(str(value))

    if isinstance(actual, list):
        actual = np.asarray(actual, dtype=object)
    if isinstance(actual, np.ndarray) or isinstance(target, np.ndarray):
        actual_keys = np.vectorize(key, otypes=[object])(np.asarray(actual, dtype=object))
        target_keys = np.vectorize(key, otypes=[object])(np.asarray(target, dtype=object))
        try:
            np.broadcast_shapes(actual_keys.shape, target_keys.shape)
        except ValueError:
            raise ValueTypeError(
                f"realisasi of shape {actual_keys.shape} cannot meet targets of shape"
                f" {target_keys.shape}"
            ) from None
        return np.where(actual_keys == target_keys, 100.0, 0.0)
    return 100.0 if key(actual) == key(target) else 0.0
