"""How formulas and results look in a notebook: LaTeX of a formula as the user wrote it
(user names, Indonesian numbers, categories as text, Σ with its own index), and short
HTML and text summaries of results. Also the small HTML helpers the catalog's display
uses, so that one escaping rule serves both."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from sympy.printing.latex import LatexPrinter

from ..numbers import format_number
from ..units import display_unit
from .formula import PERCENT, Formula
from .numberlike import is_rows

__all__ = ["escape", "formula_latex", "html_table", "result_html"]

#: Rows of an array result shown in HTML before "... n more".
MAX_ROWS_SHOWN = 10
_INDEX_NAMES = "ijklmpqrst"
_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_text(text: str) -> str:
    r"""User text as LaTeX ``\text{...}``: every special character escaped."""
    return r"\text{" + "".join(_LATEX_SPECIAL.get(c, c) for c in text) + "}"


def escape(text: Any) -> str:
    return html.escape(str(text), quote=True)


def html_table(rows: Iterable[Sequence[Any]], caption: str = "", header: Sequence[str] = ()) -> str:
    """A small HTML table; every cell escaped (cells are user and catalog text)."""
    parts = ['<table class="sakip">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    if header:
        parts.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        cells = "".join(f"<td>{escape(c)}</td>" for c in row[1:])
        parts.append(f"<tr><th>{escape(row[0])}</th>{cells}</tr>")
    parts.append("</table>")
    return "".join(parts)


# ------------------------------------------------------------------------- formulas

# sympy's words in a condition, and the formula language's own.
_WORDS = (
    (r"\text{for}\:", r"\text{jika}\:"),
    (r"\text{otherwise}", r"\text{selain itu}"),
    (r" \wedge ", r" \text{ dan } "),
    (r" \vee ", r" \text{ atau } "),
    (r"\neg ", r"\text{tidak } "),
)


class _Printer(LatexPrinter):  # type: ignore[misc]
    """sympy's LaTeX printer with the notation of IKU tables: Indonesian numbers,
    ``100 %`` after a number, ``×`` for products, sums and products kept flat."""

    def __init__(self, names: dict[Any, str]) -> None:
        super().__init__({"symbol_names": names, "order": "none", "mul_symbol": "times"})

    def _print_Integer(self, expr: Any) -> str:
        return format_number(int(expr), 0).replace(".", "{.}")

    def _print_Rational(self, expr: Any) -> str:
        denominator = int(expr.q)
        while denominator % 2 == 0:
            denominator //= 2
        while denominator % 5 == 0:
            denominator //= 5
        if denominator != 1:  # 1/3 has no decimal: a fraction
            return str(super()._print_Rational(expr))
        value = Fraction(int(expr.p), int(expr.q))
        places = 0
        while (value * 10**places).denominator != 1:
            places += 1
        return format_number(value, places).replace(".", "{.}").replace(",", "{,}")

    def _print_Mul(self, expr: Any) -> str:
        args = expr.args
        if PERCENT in args and len(args) == 2:  # 100%: the number, then the sign
            (number,) = [a for a in args if a is not PERCENT]
            if number.is_Number:
                return str(self._print(number)) + r"\,\%"
        return str(super()._print_Mul(expr))

    def _print_Add(self, expr: Any, order: Any = None) -> str:
        flat: list[Any] = []
        stack = list(reversed(expr.args))
        while stack:  # (A + B) + C as the user wrote it: A + B + C
            arg = stack.pop()
            if arg.is_Add:
                stack.extend(reversed(arg.args))
            else:
                flat.append(arg)
        if len(flat) == len(expr.args):
            return str(super()._print_Add(expr, order))
        return str(super()._print_Add(sympy.Add(*flat, evaluate=False), order))

    def _print_Piecewise(self, expr: Any) -> str:
        text = str(super()._print_Piecewise(expr))
        for english, indonesian in _WORDS:
            text = text.replace(english, indonesian)
        return text


def formula_latex(formula: Formula) -> str:
    """The formula in LaTeX with the user's names: no internal symbol (x0, j0), the
    categories as text, a bounded Σ over its own index (i, j, ...)."""
    names: dict[Any, str] = {PERCENT: r"\%"}
    replace: dict[Any, Any] = {}
    categorical = set()
    for slot in formula.slots:
        names[slot.symbol] = _slot_label(formula, slot)
        if slot.categorical:
            categorical.add(slot.symbol)
    indexes = sorted(
        {limit[0] for s in formula.expr.atoms(sympy.Sum) for limit in s.limits}, key=str
    )
    index_names = {}
    for k, index in enumerate(indexes):
        index_names[index] = _INDEX_NAMES[k % len(_INDEX_NAMES)]
        names[index] = index_names[index]
    for item in formula.expr.atoms(sympy.Indexed):
        stand_in = sympy.Dummy()
        base = names.get(item.base, latex_text(str(item.base.label)))
        subscript = ",".join(index_names.get(i, sympy.latex(i)) for i in item.indices)
        names[stand_in] = f"{base}_{{{subscript}}}"
        replace[item] = stand_in
    expr = formula.expr.xreplace(replace) if replace else formula.expr
    expr = _categories_as_text(formula, expr, categorical, names)
    body = str(_Printer(names).doprint(expr))
    if formula.name:
        return latex_text(formula.name) + " = " + body
    return body


def _slot_label(formula: Formula, slot: Any) -> str:
    if slot.variable is None:
        return latex_text(slot.written)
    name = formula.variables[slot.variable]
    if slot.kind == "shift":
        return latex_text(slot.written or f"{name} (n{slot.offset:+d})")
    if slot.kind == "total":
        return r"\Sigma\," + latex_text(name)
    return latex_text(name)


def _categories_as_text(
    formula: Formula, expr: Any, categorical: set[Any], names: dict[Any, str]
) -> Any:
    """Category codes back to their texts: the results of a categorical formula, and
    the codes a categorical name is compared with (Opini = 1 is Opini = WTP)."""
    texts = formula.category_names
    if not texts:
        return expr
    stand_ins: dict[int, Any] = {}

    def text(code: Any) -> Any:
        key = int(code)
        if key not in stand_ins:  # after x0, x1, ... in sympy's order: Opini = "WTP"
            stand_ins[key] = sympy.Symbol(f"zcategory{key}")
            names[stand_ins[key]] = latex_text(f'"{texts[key]}"')
        return stand_ins[key]

    def compared(rel: Any) -> Any:
        left, right = rel.args
        if left in categorical and right.is_Integer and int(right) in texts:
            return rel.func(left, text(right), evaluate=False)
        if right in categorical and left.is_Integer and int(left) in texts:
            return rel.func(text(left), right, evaluate=False)
        return rel

    expr = expr.replace(lambda e: isinstance(e, sympy.core.relational.Relational), compared)
    if formula.result_is_category:
        pieces = [
            (text(value) if value.is_Integer and int(value) in texts else value, condition)
            for value, condition in _pieces(expr)
        ]
        if pieces:
            expr = sympy.Piecewise(*pieces, evaluate=False)
    return expr


def _pieces(expr: Any) -> list[tuple[Any, Any]]:
    return list(expr.args) if isinstance(expr, sympy.Piecewise) else []


# ------------------------------------------------------------------------- results


def result_html(result: Any) -> str:
    """The result as a notebook shows it: its name, the value and unit; for rows, a
    table of the first rows (with the Series index) and the count of the rest."""
    title = f"{result.name}: " if result.name else ""
    unit = display_unit(result.units)
    grade = getattr(result, "label", None)
    if not is_rows(result.magnitude):
        extra = f" <em>({escape(result.grade)}, {escape(grade)})</em>" if grade else ""
        return f"<strong>{escape(title)}{escape(str(_plain(result)))}</strong>{extra}"
    magnitude = result.magnitude
    values = np.asarray(magnitude).ravel()
    labels = list(magnitude.index) if hasattr(magnitude, "index") else list(range(len(values)))
    rows = [(label, _cell(v)) for label, v in zip(labels, values, strict=False)][:MAX_ROWS_SHOWN]
    rest = len(values) - len(rows)
    caption = f"{title}{len(values)} rows" + (f" in {unit}" if unit else "")
    table = html_table(rows, caption=caption)
    return table + (f"<p>… {rest} more rows</p>" if rest > 0 else "")


def _plain(result: Any) -> str:
    """The value without a grade suffix (GradedResult adds one to its format())."""
    magnitude = result.magnitude
    if isinstance(magnitude, str):
        return magnitude
    unit = display_unit(result.units)
    return f"{format_number(magnitude, 2)} {unit}".strip()


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return (
        "NaN"
        if number != number or number in (float("inf"), float("-inf"))
        else (format_number(number, 2))
    )
