"""Detection of precedence traps in the parse tree: ``A - B / B x 100%``.

Growth rates are often written on one line without brackets; read literally, only the
subtracted operand is divided. The tree still has source positions here, so the
warning can quote the formula and the grouping that was likely meant.
"""

from __future__ import annotations

from typing import Any

from lark import Tree

from .formula import normalize_name

__all__ = ["find_traps"]


def _names(node: Any) -> set[tuple[str, int]]:
    """(name, period offset) of every variable under node."""
    found: set[tuple[str, int]] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Tree):
            if item.data in ("name", "shifted_name"):
                tokens = item.children
                offset = int(str(tokens[1])) if len(tokens) > 1 else 0
                found.add((normalize_name(str(tokens[0])), offset))
            else:
                stack.extend(item.children)
    return found


def _chain(node: Any) -> list[tuple[str, Any]]:
    """Flatten a product chain into [("*", first), ("/", d1), ("*", f2), ...]."""
    if isinstance(node, Tree) and node.data in ("mul", "div"):
        left, _, right = node.children
        return [*_chain(left), ("/" if node.data == "div" else "*", right)]
    return [("*", node)]


def _span(node: Any) -> tuple[int, int]:
    """Source span of a subtree, from its first and last token (no position metadata
    is kept on trees: propagating it costs a fifth of parse time)."""
    first = last = node
    while isinstance(first, Tree):
        first = first.children[0]
    while isinstance(last, Tree):
        last = last.children[-1]
    return first.start_pos or 0, last.end_pos or 0


def find_traps(tree: Tree[Any], text: str) -> list[str]:
    """Messages for every ``A - N / D`` where D shares a variable with N or A."""
    messages = []
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if not isinstance(node, Tree):
            continue
        stack.extend(node.children)
        if node.data != "sub":
            continue
        left, _, right = node.children
        chain = _chain(right)
        if len(chain) < 2:
            continue
        numerator = set().union(*(_names(n) for op, n in chain if op == "*"))
        denominator = set().union(*(_names(n) for op, n in chain if op == "/"))
        if not denominator & (numerator | _names(left)):
            continue
        start, _ = _span(left)
        first_start, first_end = _span(chain[0][1])
        _, end = _span(right)
        literal = text[start:end]
        intended = f"({text[start:first_end]}){text[first_end:end]}"
        messages.append(
            f"'{' '.join(literal.split())}' is computed as written, where only "
            f"'{' '.join(text[first_start:end].split())}' is divided; it was likely meant as "
            f"'{' '.join(intended.split())}'"
        )
    return messages
