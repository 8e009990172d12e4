"""Golden files: tests/data/valid/*.txt must evaluate as stated, invalid/*.txt must fail so.

Valid file lines: ``formula:``, ``value: NAME = VALUE`` (a number, ``12 km``, ``"WTP"``,
``date 2019-12-31`` or a Python-literal mapping ``{2019: 64}``), optional ``period:``,
``unit:``, ``decimal_point: true``, ``warns: WarningClass``, lines ``| TEXT`` that continue the field
above on a new line (a table with one class per line), and ``expected: NUMBER UNIT``
or ``expected: "TEXT"``; ``reads: notation`` or ``reads: bands`` marks a file of the
notation pass or the band reader (their "plain formulas pass through" tests skip it). Invalid file lines: ``formula:``, ``error:``, ``line:``,
``column:``, ``message:`` (a substring of the reason). Expected figures were worked out
by hand; the comment line of each valid file shows the arithmetic.
"""

from __future__ import annotations

import ast
import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

import sakip
from sakip import errors

DATA = Path(__file__).parent.parent / "data"


def read(path: Path) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    key = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("| ") and key:  # the field above goes on, on a line of its own
            fields[key][-1] += "\n" + line[2:].rstrip()
            continue
        key, _, rest = line.partition(":")
        key = key.strip()
        fields.setdefault(key, []).append(rest.strip())
    return fields


def literal(text: str) -> Any:
    if text.startswith("date "):
        return dt.date.fromisoformat(text[5:])
    if text.startswith('"'):
        return text.strip('"')
    if text.startswith("{"):
        return ast.literal_eval(text)  # test data only, never user input
    number, _, unit = text.partition(" ")
    return float(number) * sakip.ureg(unit) if unit else float(number)


def cases(kind: str) -> list[Path]:
    return sorted((DATA / kind).glob("*.txt"))


def test_there_are_golden_files() -> None:
    assert len(cases("valid")) >= 50
    assert len(cases("invalid")) >= 25


@pytest.mark.parametrize("path", cases("valid"), ids=lambda p: p.stem)
def test_valid(path: Path) -> None:
    fields = read(path)
    (formula,) = fields["formula"]
    values = {}
    for item in fields.get("value", []):
        name, _, text = item.rpartition(" = ")
        values[name] = literal(text)
    period = int(fields["period"][0]) if "period" in fields else None
    unit = fields["unit"][0] if "unit" in fields else None
    decimal_point = fields.get("decimal_point", ["false"])[0] == "true"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sakip.evaluate(
            formula, values, period=period, unit=unit, decimal_point=decimal_point
        )
    raised = {w.category.__name__ for w in caught}
    assert raised == set(fields.get("warns", []))
    (expected,) = fields["expected"]
    if expected.startswith('"'):
        assert result.magnitude == expected.strip('"')
        return
    number, unit_name = expected.split(" ")
    assert result.magnitude == pytest.approx(float(number), rel=1e-12, abs=1e-12)
    assert result.units == sakip.ureg.Unit(unit_name)


@pytest.mark.parametrize("path", cases("invalid"), ids=lambda p: p.stem)
def test_invalid(path: Path) -> None:
    fields = read(path)
    (formula,) = fields.get("formula", [""])
    error_class = getattr(errors, fields["error"][0])
    with pytest.raises(error_class) as info:
        sakip.parse(formula)
    err = info.value
    assert fields["message"][0] in err.reason
    assert (err.line, err.column) == (int(fields["line"][0]), int(fields["column"][0]))
