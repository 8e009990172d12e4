"""DHIS2 indicator metadata for the catalog's indicators of the shape N / D x factor.

DHIS2 computes an indicator as ``numerator / denominator x factor``, the factor being
its indicator type's (1, 100, 1.000, ...). An indicator whose formula has that shape,
with N and D sums or differences of variables (a value of an earlier year as
``.periodOffset(-1)``), is exported with one aggregate data element per variable;
every other indicator is listed in ``skipped`` with the reason. The body follows
DHIS2's metadata import (``POST /api/metadata``): ``indicatorTypes`` (``name``,
``factor``, ``number``), ``dataElements`` and ``indicators`` (``name``, ``shortName``,
``code``, ``description``, ``numerator``, ``numeratorDescription``, ``denominator``,
``denominatorDescription``, ``annualized``, ``indicatorType``). Ids are DHIS2 uids
(11 characters) derived from the names, so the same catalog gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
import string
import warnings
from fractions import Fraction
from typing import Any

import attrs
import sympy

from ..errors import SakipError
from ..language import PERCENT, slugify
from .evaluate import evaluate_indicator
from .model import Catalog, Indicator

__all__ = ["Dhis2Export", "to_dhis2"]

_NAME, _SHORT, _CODE = 230, 50, 50  # DHIS2's lengths of name, shortName and code
_TYPES = {1: "Angka (x 1)", 100: "Persentase (x 100)", 1000: "Per 1.000 (x 1.000)",
          100_000: "Per 100.000 (x 100.000)"}  # fmt: skip
_KINDS = {"indexed": "an indexed series", "total": "the total of a series", "date": "a date",
          "base": "a base-year value", "shift": "a value of another month"}  # fmt: skip
_PERIOD = 2020  # any year: the factor is found by evaluating at it


@attrs.frozen
class Dhis2Export:
    """``metadata``: the JSON body of a DHIS2 metadata import; ``skipped``: (id, reason)
    of every indicator not exported."""

    metadata: dict[str, Any]
    skipped: tuple[tuple[str, str], ...]

    def to_json(self) -> str:
        return json.dumps(self.metadata, ensure_ascii=False, indent=2)


def uid(key: str) -> str:
    """A DHIS2 uid from ``key``: a letter then 10 letters or digits, the same every time."""
    number = int.from_bytes(hashlib.sha256(key.encode()).digest(), "big")
    letters, alphanumerics = string.ascii_letters, string.ascii_letters + string.digits
    chars = [letters[number % len(letters)]]
    number //= len(letters)
    for _ in range(10):
        chars.append(alphanumerics[number % len(alphanumerics)])
        number //= len(alphanumerics)
    return "".join(chars)


def to_dhis2(catalog: Catalog) -> Dhis2Export:
    """The DHIS2 metadata of every indicator of shape N / D x factor (module docstring)."""
    elements: dict[str, dict[str, Any]] = {}
    types: dict[int, dict[str, Any]] = {}
    indicators, skipped = [], []
    shorts: set[str] = set()
    for indicator in catalog:
        try:
            numerator, denominator, factor = _shape(indicator)
        except _NotRatio as exc:
            skipped.append((indicator.id, str(exc)))
            continue
        kind = types.setdefault(factor, _type(factor))
        expression = {}
        for part, terms in (("numerator", numerator), ("denominator", denominator)):
            written = []
            for sign, name, offset in terms:
                element = elements.setdefault(name.casefold(), _element(name, shorts))
                shift = f".periodOffset({offset})" if offset else ""
                written.append(("-" if sign < 0 else "+") + f"#{{{element['id']}}}{shift}")
            text = "".join(written).lstrip("+")
            shown = " ".join(("- " if s < 0 else "+ ") + _year(n, o) for s, n, o in terms)
            expression[part] = (text, shown.removeprefix("+ "))
        indicators.append(
            {
                "id": uid(f"indicator:{indicator.id}"),
                "name": indicator.name[:_NAME],
                "shortName": _short(indicator.name, shorts),
                "code": indicator.id[:_CODE],
                "description": indicator.rumus_asli,
                "numerator": expression["numerator"][0],
                "numeratorDescription": expression["numerator"][1],
                "denominator": expression["denominator"][0],
                "denominatorDescription": expression["denominator"][1],
                "annualized": False,
                "indicatorType": {"id": kind["id"]},
            }
        )
    metadata = {
        "indicatorTypes": list(types.values()),
        "dataElements": list(elements.values()),
        "indicators": indicators,
    }
    return Dhis2Export(metadata, tuple(skipped))


class _NotRatio(Exception):
    """Why an indicator has no DHIS2 form (never leaves this module)."""


Term = tuple[int, str, int]  # sign, variable name, year offset


def _shape(indicator: Indicator) -> tuple[list[Term], list[Term], int]:
    formula = indicator.formula
    if formula is None:
        raise _NotRatio("a direct measure: no formula")
    slots = {}
    for slot in formula.slots:
        if slot.kind == "value" or (slot.kind == "shift" and slot.step == "year"):
            assert slot.variable is not None
            slots[slot.symbol] = (formula.variables[slot.variable], slot.offset)
        else:
            what = _KINDS.get(slot.kind, slot.kind)
            named = slot.written or formula.variables[slot.variable or 0]
            raise _NotRatio(f"uses {what} ({named}), which DHIS2 has no expression for")
    top, bottom = sympy.fraction(sympy.together(formula.expr))
    if not bottom.free_symbols:
        raise _NotRatio("not a ratio: no variable in the denominator")
    numerator = _terms(sympy.factor_terms(top).as_coeff_Mul()[1], slots, "numerator")
    denominator = _terms(sympy.factor_terms(bottom).as_coeff_Mul()[1], slots, "denominator")
    return numerator, denominator, _factor(indicator, numerator, denominator)


def _terms(expr: Any, slots: dict[Any, tuple[str, int]], part: str) -> list[Term]:
    expr = expr.subs(PERCENT, 1)
    terms = []
    for term in sympy.Add.make_args(sympy.expand(expr)):
        sign, rest = term.as_coeff_Mul()
        if abs(sign) != 1 or rest not in slots:
            raise _NotRatio(f"the {part} is not a sum of variables: {_show(expr, slots)}")
        name, offset = slots[rest]
        terms.append((int(sign), name, offset))
    return terms


def _factor(indicator: Indicator, numerator: list[Term], denominator: list[Term]) -> int:
    """The indicator's value when N / D is 1, found by evaluating it: the catalog's
    units (x 100% in %, x 1.000 per 1.000 kelahiran hidup) decide it, not the text."""
    values: dict[str, Any] = {}
    chosen: dict[tuple[str, int], int] = {}
    primes = iter((2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61))
    for _, name, offset in numerator + denominator:
        if (name, offset) not in chosen:
            chosen[(name, offset)] = next(primes, 1)
            series = values.setdefault(name, {})
            series[_PERIOD + offset] = chosen[(name, offset)]
    top = sum(s * chosen[(n, o)] for s, n, o in numerator)
    bottom = sum(s * chosen[(n, o)] for s, n, o in denominator)
    if top == 0 or bottom == 0:
        raise _NotRatio("no values found that make both parts nonzero")
    plain = {k: (v[_PERIOD] if list(v) == [_PERIOD] else v) for k, v in values.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = evaluate_indicator(indicator, plain, period=_PERIOD)
    except SakipError as exc:
        raise _NotRatio(f"cannot be evaluated to find its factor: {exc}") from None
    if isinstance(result.magnitude, str):
        raise _NotRatio("its value is a category")
    factor = Fraction(float(result.magnitude)).limit_denominator(10**6) * bottom / top
    if factor.denominator != 1 or factor <= 0:
        raise _NotRatio(f"its factor {float(factor):g} is not a positive whole number")
    return int(factor)


def _type(factor: int) -> dict[str, Any]:
    name = _TYPES.get(factor, f"Faktor {factor}")
    return {"id": uid(f"type:{factor}"), "name": name, "factor": factor, "number": factor == 1}


def _element(name: str, shorts: set[str]) -> dict[str, Any]:
    return {
        "id": uid(f"element:{name.casefold()}"),
        "name": name[:_NAME],
        "shortName": _short(name, shorts),
        "code": f"{slugify(name)[:38].upper()}_{uid(f'code:{name.casefold()}')}",
        "valueType": "NUMBER",
        "domainType": "AGGREGATE",
        "aggregationType": "SUM",
    }


def _short(name: str, taken: set[str]) -> str:
    """A shortName of at most 50 characters, unique (DHIS2 requires both)."""
    short, n = name[:_SHORT], 1
    while short in taken:
        n += 1
        suffix = f" ({n})"
        short = name[: _SHORT - len(suffix)] + suffix
    taken.add(short)
    return short


def _year(name: str, offset: int) -> str:
    return f"{name} (tahun n{offset:+d})" if offset else name


def _show(expr: Any, slots: dict[Any, tuple[str, int]]) -> str:
    names = {s: sympy.Symbol(_year(n, o)) for s, (n, o) in slots.items()}
    return str(expr.xreplace(names))
