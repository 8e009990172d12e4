"""Detection of traps in the parse tree: where the written precedence or arithmetic and
the likely intent differ. Each is computed as written and reported as an
:class:`~sakip.AmbiguousFormulaWarning` that quotes the formula.

Precedence and spelling traps live here:

* ``A - B / B x 100%``, ``A + B / C x 100%``: a growth rate or a share written on one
  line without brackets; read literally, only the last term is divided;
* ``(A - B) / (B x 100%)``: the x 100% inside the denominator divides by it;
* ``JUM-(n-1)``, ``X-t``: a name glued to its period with a hyphen, computed as a
  subtraction of the period letter;
* ``Realisasi-Target``: two words glued by a hyphen, which the lexer reads as a minus.

The traps of intent (a label that says percent, swapped parts, a geometric mean with
a square root) are in :mod:`.traps_intent`. The tree still has source positions here,
so the warning can quote the formula and the grouping that was likely meant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lark import Tree

from .traps_intent import (
    chain,
    first_token,
    has_scale,
    intent_traps,
    is_constant,
    is_hundred,
    last_token,
    names,
    quote,
    span,
)

__all__ = ["find_traps"]

# Dashes that read as a hyphen when glued between words; the minus sign U+2212 is a
# deliberate operator and never warns.
_HYPHENS = "-‐–—"
_PERIOD_LETTERS = {"n", "t"}


def find_traps(tree: Tree[Any], text: str) -> list[str]:
    """Messages for every trap in ``tree``, parsed from ``text``, each once."""
    messages: list[str] = []
    for node in _preorder(tree):
        for check in _CHECKS.get(str(node.data), ()):
            message = check(node, text)
            if message is not None:
                messages.append(message)
        messages.extend(intent_traps(node, text))
    return list(dict.fromkeys(messages))


def _preorder(tree: Tree[Any]) -> list[Tree[Any]]:
    """The subtrees, each before its children, left to right (the tokens never hold a
    trap: only subtrees are pushed)."""
    found: list[Tree[Any]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        found.append(node)
        for child in reversed(node.children):
            if isinstance(child, Tree):
                stack.append(child)
    return found


# -- a sum whose last term is divided ------------------------------------------------
def _base(name: str) -> str:
    """A name without a trailing period letter: 'nilai ekspor n' is 'nilai ekspor'."""
    head, _, tail = name.rpartition(" ")
    return head if head and tail in _PERIOD_LETTERS else name


def _bases(nodes: list[Any]) -> set[str]:
    return {_base(name) for node in nodes for name in names(node)}


def _terms(node: Any) -> Iterator[Any]:
    """The terms of a sum: ``A - B + C`` has A, B and C."""
    if isinstance(node, Tree) and node.data in ("add", "sub"):
        yield from _terms(node.children[0])
        yield from _terms(node.children[2])
    elif isinstance(node, Tree) and node.data in ("neg", "pos"):
        yield from _terms(node.children[1])
    else:
        yield node


def _is_ratio(node: Any) -> bool:
    return any(op == "/" for op, _ in chain(node)) or has_scale(node)


def _precedence(node: Tree[Any], text: str) -> str | None:
    """``A - N / D``: D shares a variable with A or N, or the divided term is scaled to
    percent. A constant before it (``100 - A / B x 100``), a sum of ratios
    (``A / B - C / D``) or a bracketed term is meant as written."""
    left, _, right = node.children
    if node.data == "sub" and _glued_sign(node, text) is not None:
        return None  # the glued minus is reported, and the grouping depends on its meaning
    if is_constant(left) or any(map(_is_ratio, _terms(left))):
        return None
    if span(right, text, enclosed=True) != span(right, text):
        return None  # A + (B / C x 100%): the brackets say the ratio is a term
    parts = chain(right, text)
    first = next((k for k, (op, _) in enumerate(parts) if op == "/"), 0)
    if not first:
        return None
    divisors = [n for op, n in parts if op == "/"]
    factors = [n for op, n in parts if op == "*"]
    scaled = any(op == "*" and is_hundred(n) for op, n in parts[first:])
    shared = node.data == "sub" and _bases(divisors) & _bases([left, *factors])
    if not (scaled or shared):
        return None
    start, end = span(node, text)
    first_start, first_end = span(parts[0][1], text, enclosed=True)
    literal = " ".join(text[start:end].split())
    divided = " ".join(text[first_start:end].split())
    intended = " ".join(f"({text[start:first_end]}){text[first_end:end]}".split())
    return (
        f"'{literal}' is computed as written, where only '{divided}' is divided; "
        f"it was likely meant as '{intended}'"
    )


def _mean_unbracketed(node: Tree[Any], text: str) -> str | None:
    """``a + b + c / 3``: the last of N terms divided by N is a mean written without
    its brackets; read literally, only the last term is divided."""
    terms = list(_terms(node))
    right = node.children[2]
    parts = chain(right, text)
    if not _all_added(node) or [op for op, _ in parts] != ["*", "/"]:
        return None
    if span(right, text, enclosed=True) != span(right, text):
        return None  # A + B + (C / 3): the brackets say so
    start, end = span(parts[1][1], text)
    if text[start:end].strip() != str(len(terms)):
        return None
    first, last = span(node, text)
    literal = " ".join(text[first:last].split())
    divided_at = span(parts[0][1], text)[0]
    intended = " ".join(f"({text[first:divided_at]}{text[divided_at:start]}".split())
    return (
        f"'{literal}' is computed as written, where only the last term is divided by"
        f" {len(terms)}; a mean of the {len(terms)} terms was likely meant:"
        f" '{intended.rstrip(' /')}) / {len(terms)}'"
    )


def _all_added(node: Any) -> bool:
    """A sum of plus signs only: ``A + B + C``, not ``A - B + C``."""
    if isinstance(node, Tree) and node.data == "add":
        return _all_added(node.children[0])
    return not (isinstance(node, Tree) and node.data in ("sub", "neg"))


# -- x 100% inside a denominator -----------------------------------------------------
def _hundred_below(node: Tree[Any], text: str) -> str | None:
    top, _, bottom = node.children
    parts = chain(bottom)
    hundred = next((k for k, (op, n) in enumerate(parts) if op == "*" and is_hundred(n)), None)
    if hundred is None or len(parts) < 2 or is_constant(bottom):
        return None
    rest = parts[:hundred] + parts[hundred + 1 :]
    if rest[0][0] == "/":
        return None  # (100% / B): a reciprocal, not a scaled ratio
    shown = [quote(text, rest[0][1], enclosed=True)]
    shown += [f"{'x' if op == '*' else '/'} {quote(text, n, enclosed=True)}" for op, n in rest[1:]]
    divisor = " ".join(shown) if len(rest) == 1 else f"({' '.join(shown)})"
    scale = quote(text, parts[hundred][1])
    return (
        f"'{quote(text, node)}' has x {scale} inside the denominator, so it divides by "
        f"{scale} instead of scaling the ratio; it was likely meant as "
        f"'{quote(text, top, enclosed=True)} / {divisor} x {scale}'"
    )


# -- a minus glued between words -----------------------------------------------------
def _glued_sign(node: Tree[Any], text: str) -> int | None:
    """Where the minus of a ``sub`` stands, when it is a hyphen glued to a name on its
    left and to a word or bracket on its right."""
    pos = first_token(node.children[1]).start_pos or 0
    if text[pos : pos + 1] not in _HYPHENS or not 0 < pos < len(text) - 1:
        return None
    left = last_token(node.children[0])
    if left.type != "NAME" or not text[pos - 1].isalnum() or left.end_pos != pos:
        return None
    if not (text[pos + 1].isalnum() or text[pos + 1] in "(["):
        return None
    return pos


def _leading(node: Any) -> Any:
    """The first operand of a product: ``(n-1)`` in ``(n-1) / JUM``."""
    while isinstance(node, Tree) and node.data in ("mul", "div", "pow", "percent"):
        node = node.children[0]
    return node


def _letter(node: Any) -> str | None:
    if isinstance(node, Tree) and node.data == "name":
        word = str(node.children[0]).casefold()
        return word if word in _PERIOD_LETTERS else None
    return None


def _period_offset(node: Any) -> str | None:
    """'' for ``n`` or ``t``, '-1' for ``n-1`` or ``(t-1)``; None for anything else."""
    if _letter(node) is not None:
        return ""
    if isinstance(node, Tree) and node.data in ("add", "sub") and _letter(node.children[0]):
        number = node.children[2]
        if isinstance(number, Tree) and number.data == "number":
            digits = str(number.children[0])
            if digits.isdigit():
                return f"{'-' if node.data == 'sub' else '+'}{int(digits)}"
    return None


def _glued_minus(node: Tree[Any], text: str) -> str | None:
    pos = _glued_sign(node, text)
    if pos is None:
        return None
    name = last_token(node.children[0])
    operand = _leading(node.children[2])
    offset = _period_offset(operand)
    start = name.start_pos or 0
    if offset is not None:
        end = span(operand, text, enclosed=True)[1]
        shown, period = text[start:end], quote(text, operand, enclosed=True)
        return (
            f"'{shown}' is computed as '{name} - {period}', a subtraction of the period "
            f"letter; it likely means {name} in period n{offset}: write "
            f"'{name} tahun n{offset}'"
        )
    word = first_token(operand)
    if not isinstance(operand, Tree) or operand.data != "name" or word.start_pos != pos + 1:
        return None  # a number after the hyphen is noted by the lexer (PDBt-1)
    if str(name).rpartition(" ")[2].casefold() in _PERIOD_LETTERS:
        return None  # PDRB n-PDRB n-1: the period letter ends a name, the minus subtracts
    shown = text[start : word.end_pos]
    return (
        f"'{shown}' is computed as the subtraction '{name} - {word}'; if it is one name, "
        f"put it in braces: '{{{shown}}}', and if a subtraction is meant, write spaces "
        f"around the minus"
    )


_Check = Callable[[Tree[Any], str], str | None]
_CHECKS: dict[str, tuple[_Check, ...]] = {
    "add": (_precedence, _mean_unbracketed),
    "sub": (_glued_minus, _precedence),
    "div": (_hundred_below,),
}
