"""Traps of intent: where a formula computes what it says, but not what its label says.

* a label that says percent over a plain ratio (``Persentase X = A / B``);
* a part-of-whole percentage whose parts look swapped (the label names the denominator);
* a square root of a product of three or more factors (a geometric mean wants the n-th
  root).

This module also holds the reading of the parse tree that the trap modules share:
tokens, source spans (the tree keeps none of its own: the tokens carry positions) and
the product chains of ``x`` and ``/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Token, Tree

from .formula import normalize_name

__all__ = [
    "chain",
    "first_token",
    "has_scale",
    "intent_traps",
    "is_constant",
    "is_hundred",
    "last_token",
    "names",
    "quote",
    "span",
]

# -- reading the tree ----------------------------------------------------------------
_NAMED = ("name", "shifted_name", "indexed")
_OPENERS = {"(": ")", "[": "]"}
_CLOSERS = {")": "(", "]": "["}
# 100, 100,0 or 100,00 (a dot with three zeros would group thousands: 100.000)
_HUNDRED = re.compile(r"100(?:[.,]0{1,2})?")
_HALF = re.compile(r"0[.,]50*")
_WORD = re.compile(r"[^\W_]+")
_BRACKET = re.compile(r"[()\[\]]")
# Braced names and quoted texts, whose brackets are text: {Indeks (It)}, "A (B)".
_QUOTED = re.compile(r"\{[^{}]*\}|[\"“”][^\"“”]*[\"“”]")
_BRACKET_OR_QUOTED = re.compile(rf"{_QUOTED.pattern}|{_BRACKET.pattern}")


def first_token(node: Any) -> Token:
    while isinstance(node, Tree):
        node = node.children[0]
    return node  # type: ignore[no-any-return]


def last_token(node: Any) -> Token:
    while isinstance(node, Tree):
        node = node.children[-1]
    return node  # type: ignore[no-any-return]


def span(node: Any, text: str, enclosed: bool = False) -> tuple[int, int]:
    """Source span of a subtree, widened to the brackets it opens or closes: the first
    and last tokens of ``(A - B) / B`` are A and B, and the bracket belongs to it. With
    ``enclosed``, also the brackets around the whole subtree (an operand ``(A - B)``)."""
    start = first_token(node).start_pos or 0
    end = last_token(node).end_pos or 0
    depth = lowest = 0
    for bracket in _BRACKET.findall(_QUOTED.sub("", text[start:end])):
        depth += 1 if bracket in _OPENERS else -1
        lowest = min(lowest, depth)
    start = _widen(text, start, -1, -lowest)
    end = _widen(text, end, 1, depth - lowest)
    while enclosed:
        before = len(text[:start].rstrip())
        after = len(text) - len(text[end:].lstrip())
        enclosed = (
            before > 0 and after < len(text) and _OPENERS.get(text[before - 1]) == text[after]
        )
        if enclosed:
            start, end = before - 1, after + 1
    return start, end


def _widen(text: str, pos: int, step: int, brackets: int) -> int:
    """``pos`` moved past ``brackets`` brackets (and the spaces between them)."""
    wanted = _OPENERS if step < 0 else _CLOSERS
    while brackets > 0:
        look = pos - 1 if step < 0 else pos
        if not 0 <= look < len(text) or not (text[look].isspace() or text[look] in wanted):
            break
        brackets -= int(text[look] in wanted)
        pos += step
    return pos


def quote(text: str, node: Any, until: Any = None, enclosed: bool = False) -> str:
    """The source of ``node`` (through ``until``), whitespace collapsed."""
    start, end = span(node, text, enclosed)
    if until is not None:
        end = span(until, text, enclosed)[1]
    return " ".join(text[start:end].split())


def chain(node: Any, text: str | None = None) -> list[tuple[str, Any]]:
    """Flatten a product chain into [("*", first), ("/", d1), ("*", f2), ...]. With
    ``text``, a bracketed part stays whole: ``(B / C) x 100%`` has two factors."""
    spine: list[tuple[str, Any]] = []
    pairs = _pairs(text, node) if text is not None else {}
    openers = _run(text or "", first_token(node).start_pos or 0, -1)
    while isinstance(node, Tree) and node.data in ("mul", "div"):
        left, _, right = node.children
        spine.append(("/" if node.data == "div" else "*", right))
        closers = _run(text or "", last_token(left).end_pos or 0, 1)
        node = left
        if any(pairs.get(pos) in openers for pos in closers):
            break  # the part before this operator is bracketed as a whole
    return [("*", node), *reversed(spine)]


def _run(text: str, pos: int, step: int) -> set[int]:
    """Where the brackets stand in the run of brackets and spaces from ``pos`` on
    (leftwards for step -1): the brackets that may enclose a part starting or ending
    there."""
    found = set()
    look = pos - 1 if step < 0 else pos
    while 0 <= look < len(text) and (text[look].isspace() or text[look] in "()[]"):
        if not text[look].isspace():
            found.add(look)
        look += step
    return found


def _pairs(text: str, node: Any) -> dict[int, int]:
    """Closing bracket -> its opening bracket, for the brackets around and inside node
    (outside braced names and quoted texts): one pass, whatever the nesting."""
    start = first_token(node).start_pos or 0
    start = min(_run(text, start, -1), default=start)
    end = last_token(node).end_pos or 0
    end = max(_run(text, end, 1), default=end) + 1
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for match in _BRACKET_OR_QUOTED.finditer(text, start, end):
        bracket = match.group()
        if bracket in _OPENERS:
            stack.append(match.start())
        elif bracket in _CLOSERS and stack:
            pairs[match.start()] = stack.pop()
    return pairs


def _subtrees(node: Any) -> Iterator[Tree[Any]]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Tree):
            yield item
            stack.extend(item.children)


def names(node: Any) -> list[str]:
    """The normalised names of every variable under node."""
    return [
        normalize_name(str(item.children[0])) for item in _subtrees(node) if item.data in _NAMED
    ]


def is_constant(node: Any) -> bool:
    """True when no variable, date or category stands under node."""
    return not any(item.data in (*_NAMED, "date", "category") for item in _subtrees(node))


def is_hundred(node: Any) -> bool:
    """``100``, ``100%`` or ``100 persen``: the factor that scales a ratio to percent."""
    if isinstance(node, Tree) and node.data == "percent":
        node = node.children[0]
    return (
        isinstance(node, Tree)
        and node.data == "number"
        and bool(_HUNDRED.fullmatch(str(node.children[0])))
    )


def _is_half(node: Any) -> bool:
    """``1/2``, ``0,5``: the exponent of a square root."""
    if isinstance(node, Tree) and node.data == "div":
        top, _, bottom = node.children
        return _number(top) == "1" and _number(bottom) == "2"
    return bool(_HALF.fullmatch(_number(node) or ""))


def _number(node: Any) -> str | None:
    if isinstance(node, Tree) and node.data == "number":
        return str(node.children[0])
    return None


def _words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


# -- a label that says percent -------------------------------------------------------
_PERCENT_WORDS = {
    "persentase": "a percentage",
    "presentase": "a percentage",
    "prosentase": "a percentage",
    "persen": "a percentage",
    "proporsi": "a proportion (reported in percent)",
}


def _says_percent(node: Tree[Any], text: str) -> str | None:
    """What the label of a definition promises, when it promises a percentage: a word
    such as Persentase, or a % written anywhere before the ``=`` (``Tingkat X (%)``,
    ``% Desa Mandiri``)."""
    label, equals = node.children[0], node.children[1]
    for word in _words(str(label)):
        if word in _PERCENT_WORDS:
            return _PERCENT_WORDS[word]
    if "%" in text[: first_token(equals).start_pos or 0]:
        return "a percentage"
    return None


def has_scale(node: Any) -> bool:
    """A percent or a 100 anywhere under node (``x 100``, ``100%``, ``5%``)."""
    return any(item.data == "percent" or is_hundred(item) for item in _subtrees(node))


def _percent_label_plain_ratio(node: Tree[Any], text: str) -> str | None:
    body = node.children[2]
    promise = _says_percent(node, text)
    if promise is None or not isinstance(body, Tree) or body.data != "div":
        return None
    if has_scale(body) or any(w in _PERCENT_WORDS for n in names(body) for w in _words(n)):
        return None  # scaled already, or a ratio of percentages such as an average
    label, written = quote(text, node.children[0]), quote(text, body)
    return (
        f"the label '{label}' says {promise} but the formula has no x 100%: "
        f"'{written}' gives the fraction (0,95 rather than 95 %); "
        f"write '{written} x 100%' if the percentage is meant"
    )


# -- a part-of-whole percentage with its parts swapped -------------------------------
# Words that say what kind of number a label is, not what it counts.
_STOP_WORDS = {
    *_PERCENT_WORDS,
    *("jumlah", "rasio", "angka", "tingkat", "nilai", "total", "banyaknya", "banyak"),
    *("yang", "di", "ke", "dari", "dan", "atau", "pada", "dalam", "untuk", "dengan"),
    *("terhadap", "oleh", "se", "per", "seluruh", "semua", "sesuai", "telah", "sudah"),
    *("tahun", "n", "t", "the", "of"),
}


def _swapped_parts(node: Tree[Any], text: str) -> str | None:
    if _says_percent(node, text) is None:
        return None
    parts = chain(node.children[2])
    last = max((k for k, (op, _) in enumerate(parts) if op == "/"), default=0)
    if not last or not all(is_constant(n) for _, n in parts[last + 1 :]):
        return None  # not "N / D", "N / D x 100%": another factor follows the divisor
    top, bottom = parts[:last], parts[last][1]
    label = [w for w in _words(str(node.children[0])) if w not in _STOP_WORDS]
    top_words = {w for _, n in top for name in names(n) for w in _words(name)}
    bottom_words = {w for name in names(bottom) for w in _words(name)}
    if not label or not set(label) <= bottom_words or set(label) <= top_words:
        return None
    numerator = quote(text, top[0][1], top[-1][1])
    if len(top) > 1:
        numerator = f"({numerator})"
    denominator = quote(text, bottom)
    scale = f" x {quote(text, parts[-1][1])}" if last < len(parts) - 1 else ""
    return (
        f"the label '{quote(text, node.children[0])}' names what the denominator "
        f"'{denominator}' counts ({', '.join(label)}), not the numerator '{numerator}': "
        f"the parts look swapped (a part over its whole computed this way exceeds 100 %); "
        f"it was likely meant as '{denominator} / {numerator}{scale}'"
    )


# -- a square root of a product of three or more factors -----------------------------
_ROOTS = {"akar", "sqrt", "√"}
_ORDINALS = {3: "cube root"}


def _root_message(root: str, product: Any, text: str) -> str | None:
    factors = chain(product)
    if len(factors) < 3 or any(op == "/" or is_constant(n) for op, n in factors):
        return None
    count = len(factors)
    written = quote(text, product)
    nth = _ORDINALS.get(count, f"{count}th root")
    return (
        f"'{root}' is a square root of a product of {count} factors; a geometric mean of "
        f"{count} values is the {nth}: write ({written})^(1/{count})"
    )


def _root_call(node: Tree[Any], text: str) -> str | None:
    func = node.children[0]
    if str(func).casefold() not in _ROOTS or len(node.children) != 2:
        return None
    return _root_message(quote(text, node), node.children[1], text)


def _root_power(node: Tree[Any], text: str) -> str | None:
    base, _, exponent = node.children
    if not _is_half(exponent):
        return None
    return _root_message(quote(text, node), base, text)


_CHECKS = {
    "definition": (_percent_label_plain_ratio, _swapped_parts),
    "call": (_root_call,),
    "pow": (_root_power,),
}


def intent_traps(node: Tree[Any], text: str) -> list[str]:
    """Messages for the intent traps at ``node`` (not below it)."""
    checks = _CHECKS.get(str(node.data))
    if checks is None:  # most nodes: no generator to make and run
        return []
    return [message for check in checks if (message := check(node, text)) is not None]
