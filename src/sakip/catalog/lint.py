"""sakip.lint(): the catalog's contradictions and risks, each named by indicator and seed line.

Checks run on the formula sakip computes and, where it reads as a formula, on the
RUMUS as printed (``rumus_asli``), so a printed error stays visible after the catalog
corrected it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import attrs
import sympy

from ..errors import FormulaSyntaxError, SakipError
from ..language import PERCENT, Formula, normalize_name, parse_quietly, plan_for, top_coefficient
from ..units import is_scaled_ratio, ureg
from . import load
from .model import Catalog, Indicator

__all__ = ["Finding", "lint"]

KINDS = (
    "parse",
    "unit",
    "missing-percent",
    "precedence",
    "same-ratio",
    "duplicate",
)


@attrs.frozen(order=True)
class Finding:
    """One lint finding: ``kind`` (see ``KINDS``), where, and what."""

    seed_line: int
    id: str
    kind: str
    source: str  # "formula" (what sakip computes) or "rumus_asli" (as printed)
    message: str

    def __str__(self) -> str:
        return f"{self.kind} {self.id} (seed line {self.seed_line}, {self.source}): {self.message}"


def lint(catalog: Catalog | None = None) -> list[Finding]:
    """Check every indicator of the catalog; findings ordered by seed line."""
    catalog = catalog or load()
    findings: list[Finding] = []
    for indicator in catalog:
        findings.extend(_check_indicator(indicator))
    findings.extend(_duplicates(catalog))
    return sorted(findings)


def _parse_quietly(text: str) -> Formula:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return parse_quietly(text)


def _check_indicator(indicator: Indicator) -> Iterable[Finding]:
    def finding(kind: str, source: str, message: str) -> Finding:
        return Finding(indicator.seed_line, indicator.id, kind, source, message)

    if indicator.formula_text is not None:
        try:
            formula = _parse_quietly(indicator.formula_text)
        except FormulaSyntaxError as exc:
            yield finding("parse", "formula", exc.reason)
            return
        yield from (finding(k, "formula", m) for k, m in _formula_checks(formula, indicator))
    printed = _printed(indicator)
    if printed is not None:
        for kind, message in _formula_checks(printed, indicator):
            if kind in ("precedence", "same-ratio", "missing-percent"):
                yield finding(kind, "rumus_asli", message)


def _printed(indicator: Indicator) -> Formula | None:
    """The printed RUMUS as a formula, when it reads as one and differs from ``formula``."""
    text = indicator.rumus_asli
    if not text or text == indicator.formula_text or "/" not in text:
        return None
    try:
        return _parse_quietly(text)
    except SakipError:
        return None


def _formula_checks(formula: Formula, indicator: Indicator) -> Iterable[tuple[str, str]]:
    for message in formula.ambiguities:
        yield "precedence", message
    for numerator, denominator in _divisions(formula.expr):
        if numerator == denominator:
            yield "same-ratio", f"numerator equals denominator ({_show(formula, denominator)})"
    declared = indicator.unit
    if declared is None:
        return
    try:
        plan = plan_for(formula, tuple(None for _ in formula.slots), None, True)
    except SakipError as exc:
        yield "unit", str(exc)
        return
    inferred = plan.unit
    if is_scaled_ratio(inferred) and not declared.dimensionless:
        yield (
            "unit",
            f"the formula gives a ratio in '{inferred}' but the satuan is '{indicator.satuan}'"
            f" ({declared}, a dimension of its own)",
        )
    if is_scaled_ratio(inferred) and declared == ureg.dimensionless:
        yield (
            "unit",
            f"the formula gives a ratio in '{inferred}' but the satuan '{indicator.satuan}'"
            " is a plain number: converting would report 1,1 for 110 %",
        )
    if declared == ureg.percent and inferred == ureg.dimensionless and _is_ratio(formula.expr):
        scaled = PERCENT in formula.expr.free_symbols or sympy.Integer(100) in formula.expr.atoms()
        if not scaled and top_coefficient(formula.expr) != 100:
            yield "missing-percent", f"a ratio with satuan '{indicator.satuan}' but no 'x 100%'"


def _is_ratio(expr: Any) -> bool:
    return any(True for _ in _divisions(expr))


def _divisions(expr: Any) -> Iterable[tuple[Any, Any]]:
    """(numerator, denominator) of every written division, constants left out."""
    for node in sympy.preorder_traversal(expr):
        if not isinstance(node, sympy.Mul):
            continue
        factors = _flatten(node)
        denominators = [f.base for f in factors if isinstance(f, sympy.Pow) and f.exp == -1]
        numerators = [f for f in factors if not (isinstance(f, sympy.Pow) and f.exp == -1)]
        symbolic = [f for f in numerators if f.free_symbols]
        for denominator in denominators:
            if denominator.free_symbols and len(symbolic) == 1:
                yield symbolic[0], denominator


def _flatten(node: Any) -> list[Any]:
    if isinstance(node, sympy.Mul):
        return [f for arg in node.args for f in _flatten(arg)]
    return [node]


def _show(formula: Formula, expr: Any) -> str:
    names = {
        slot.symbol: sympy.Symbol(formula.variables[slot.variable])
        for slot in formula.slots
        if slot.variable is not None and isinstance(slot.symbol, sympy.Symbol)
    }
    return str(expr.xreplace(names))


def _duplicates(catalog: Catalog) -> Iterable[Finding]:
    for section in catalog.sections:
        seen: dict[tuple[str, str], Indicator] = {}
        for indicator in section.indicators:
            key = (
                normalize_name(indicator.formula_text or indicator.rumus_asli),
                normalize_name(indicator.part or ""),
            )
            first = seen.setdefault(key, indicator)
            if first is not indicator and indicator.formula_text:
                yield Finding(
                    indicator.seed_line,
                    indicator.id,
                    "duplicate",
                    "formula",
                    f"same formula as {first.id} (seed line {first.seed_line}) in the same table",
                )
