"""Compiling a plan: the printers' shortcut past sympy's dispatch, and the stray check."""

from __future__ import annotations

import pytest
import sympy

import sakip
from sakip.errors import EvaluationError
from sakip.language import codegen
from sakip.language.plan import Plan, plan_for
from sakip.units import ureg

MODES = ["scalar", "array", "careful"]


@pytest.mark.parametrize("mode", MODES)
def test_the_shortcut_takes_the_method_sympys_dispatch_finds(mode: str) -> None:
    printer_class = type(codegen.code_printer(mode))
    for cls, name in codegen._DIRECT.items():
        # sympy's Printer._print: an object that prints itself first, else the first
        # _print_<Class> along the class's bases
        assert not hasattr(cls, printer_class.printmethod)
        found = next(
            getattr(printer_class, f"_print_{base.__name__}")
            for base in cls.__mro__
            if hasattr(printer_class, f"_print_{base.__name__}")
        )
        assert found is getattr(printer_class, name), (cls, name)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "text",
    [
        "(A - B) / B x 100%",
        "IKLH = (0,3 x IPU) + (0,3 x IPA) + (0,4 x TH)",
        "min({AKE Padi-padian} x 0,5; 25) + max(A; 2,5)",
        "jika A >= 80 maka 1 jika tidak 0",
        "A ^ 2 - 1 / (B x 5/2)",
    ],
)
def test_the_shortcut_prints_what_sympys_dispatch_prints(
    mode: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    formula = sakip.parse(text)
    expr = plan_for(formula, tuple(None for _ in formula.slots), None, True).code_expr
    fast = codegen.code_printer(mode).doprint(expr)
    monkeypatch.setattr(codegen, "_DIRECT", {})  # every node through sympy's dispatch
    assert fast == codegen.code_printer(mode).doprint(expr)


def test_a_plan_refuses_a_symbol_that_is_not_sakips_own() -> None:
    formula = sakip.parse("A / B")
    stray = formula.expr + sympy.Symbol("os")
    with pytest.raises(EvaluationError, match="unexpected symbols"):
        Plan(formula, stray, ureg.dimensionless)


def test_a_compiled_plan_computes_the_formula() -> None:
    formula = sakip.parse("(A - B) / B x 100%")
    plan = plan_for(formula, tuple(None for _ in formula.slots), None, True)
    # (120 - 100) / 100 x 100 = 20, in percent
    assert plan.scalar(120.0, 100.0) == pytest.approx(20.0)
    assert str(plan.unit) == "percent"
