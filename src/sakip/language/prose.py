"""A parsed text that is prose, not a formula: one long name, a ratio with one term,
a label that names a ratio over one name, or two names run together.

These are decided on the parse tree, where "one name and nothing else" is plain.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Token, Tree

from ..errors import NotAFormulaError
from .rules import fail_at
from .words import RATIO_HEADS

__all__ = ["reject_prose"]

_PROSE_WORDS = 12
# "Realisasi Sasaran Pembangunan Target Sasaran Pembangunan": a run of two words or
# more that comes again later in the same name.
_REPEATED = re.compile(r"\b(\w+\s+\w+)\b.*\b\1\b", re.IGNORECASE)


def reject_prose(tree: Tree[Any], text: str) -> None:
    """Refuse with :class:`NotAFormulaError` a whole formula that is one long unbraced
    name (a description), one that names a ratio ("Perbandingan jumlah murid ...",
    "Rasio Kemandirian = Pendapatan Asli Daerah") but gives only one of its terms, and
    one name that repeats its own words (two names whose fraction bar was lost)."""
    node = tree.children[0] if tree.children else None
    label = None
    if isinstance(node, Tree) and node.data == "definition":
        label, node = node.children[0], node.children[2]
    if not (isinstance(node, Tree) and node.data == "name"):
        return
    tok = node.children[0]
    start = tok.start_pos if isinstance(tok, Token) and tok.start_pos else 0
    if text[start : start + 1] == "{":
        return
    words = str(tok).split()
    if len(words) >= _PROSE_WORDS:
        raise fail_at(
            text,
            start,
            "this reads like a description, not a formula (put a long name in braces"
            " if it really is one)",
            NotAFormulaError,
        )
    # a "Rasio" or "Perbandingan" label over a name of words is a division that lost its
    # bar; "Persentase X = Capaian" may name a value given in percent
    head = str(label).split()[0].casefold() if label is not None else ""
    divides = head in RATIO_HEADS and not RATIO_HEADS[head] and len(words) > 2
    if len(words) > 1 and (words[0].casefold() in RATIO_HEADS or divides):
        raise fail_at(
            text,
            start,
            f"'{words[0] if not head else str(label).split()[0]}' names a ratio but only one"
            " term is written: write it as 'A / B' (or 'A terhadap B')",
            NotAFormulaError,
        )
    repeated = _REPEATED.search(str(tok))
    if repeated is not None:
        raise fail_at(
            text,
            start,
            f"'{repeated.group(1)}' comes twice in one name: two names side by side, whose"
            " fraction bar was lost? write A / B",
            NotAFormulaError,
        )
