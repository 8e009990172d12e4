"""The symbol table of one formula being built: names, slots, categories, indexes.

Every variable becomes an internal symbol (``x0``, ``x1``, ... or ``j0`` for an index);
the table keeps the names as written and, at the end, the lookup tables of a Formula.
"""

from __future__ import annotations

import re
from typing import Any

import sympy

from .formula import Slot, normalize_name, slugify

__all__ = ["INDEXED", "SymbolTable", "names_and_sums"]

#: An indexed name as written: ``E_i``, ``P_{i}``, ``E_i^t``.
INDEXED = re.compile(
    r"""
    (?P<base> [^_]+ )                                # E
    _ (?P<index> \{ [^{}]* \} | [^\^]+ )             # _i or _{i}
    (?: \^ (?P<sup> \{ [^{}]* \} | .+ ) )?            # ^t or ^{t}: the evaluated period
    """,
    re.VERBOSE,
)


class SymbolTable:
    def __init__(self) -> None:
        self.var_keys: dict[str, int] = {}
        self.var_names: list[str] = []
        self.var_first: list[int] = []
        self.slots: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.categories: dict[str, int] = {}
        self.category_text: dict[int, str] = {}
        self.index_symbols: dict[str, Any] = {}

    def variable(self, name: str, pos: int) -> int:
        """The number of a variable (by its matching key), first seen at ``pos``."""
        key = normalize_name(name)
        index = self.var_keys.get(key)
        if index is None:
            index = self.var_keys[key] = len(self.var_names)
            self.var_names.append(" ".join(name.split()))
            self.var_first.append(pos)
        else:
            self.var_first[index] = min(self.var_first[index], pos)
        return index

    def slot(self, kind: str, variable: int | None, **extra: Any) -> Any:
        """The internal symbol of a slot: a variable as a value, a period, a total, ..."""
        key = (kind, variable, *sorted(extra.items()))
        found = self.slots.get(key)
        if found is None:
            number = len(self.slots)
            symbol = (
                sympy.IndexedBase(f"x{number}")
                if kind == "indexed"
                else sympy.Symbol(f"x{number}", real=True)
            )
            found = self.slots[key] = {
                "symbol": symbol,
                "kind": kind,
                "variable": variable,
                **extra,
            }
        return found["symbol"]

    def value_slot(self, value: Any) -> dict[str, Any] | None:
        for slot in self.slots.values():
            if slot["symbol"] == value and slot["kind"] in ("value", "shift"):
                return slot
        return None

    def category_code(self, text: str) -> int:
        key = text.casefold()
        code = self.categories.get(key)
        if code is None:
            code = self.categories[key] = len(self.categories) + 1
            self.category_text[code] = text
        return code

    def free_index(self, expr: Any) -> str | None:
        """An index used outside its Σ, by name, or None."""
        if not self.index_symbols:
            return None
        free = expr.free_symbols
        for name, symbol in self.index_symbols.items():
            if symbol in free:
                return name
        return None

    def tables(self, expr: Any, glossary: list[tuple[str, str]]) -> dict[str, Any]:
        """The Formula fields for the slots ``expr`` uses: variables in order of first
        appearance, slots renumbered, aliases (slugs and glossary descriptions)."""
        present, _ = names_and_sums(expr)  # one walk, not one has() per slot
        used = [s for s in self.slots.values() if s["symbol"] in present]
        variables = sorted(
            {v for s in used for v in (s["variable"], s.get("series")) if v is not None},
            key=lambda v: self.var_first[v],
        )
        renumber = {old: new for new, old in enumerate(variables)}
        names = tuple(self.var_names[v] for v in variables)
        slots = tuple(
            Slot(
                **{
                    **s,
                    "variable": renumber.get(s["variable"]) if s["variable"] is not None else None,
                    **({"series": renumber[s["series"]]} if s.get("series") is not None else {}),
                }
            )
            for s in used
        )
        return {
            "variables": names,
            "slots": slots,
            "categories": dict(self.categories),
            "category_names": dict(self.category_text),
            "aliases": _aliases(names, glossary),
            "slot_keys": {
                normalize_name(s.written): k
                for k, s in enumerate(slots)
                if s.kind in ("shift", "base")
            },
        }


def names_and_sums(expr: Any) -> tuple[set[Any], list[Any]]:
    """Every symbol and indexed base in ``expr``, free or bound by a Σ, and its Σ nodes,
    in one walk over ``args`` (sympy's own walks, has() and free_symbols, go through a
    generator or a set per node)."""
    names: set[Any] = set()
    sums: dict[Any, None] = {}
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, sympy.Symbol | sympy.IndexedBase):
            names.add(node)
        elif isinstance(node, sympy.Sum):
            sums[node] = None
        stack.extend(node.args)
    return names, list(sums)


def _aliases(names: tuple[str, ...], glossary: list[tuple[str, str]]) -> dict[str, int]:
    aliases: dict[str, int] = {}
    for index, name in enumerate(names):
        aliases.setdefault(normalize_name(name), index)
        aliases.setdefault(slugify(name), index)
    for symbol, description in glossary:
        key = normalize_name(symbol)
        if key not in aliases:
            key = normalize_name(_glossary_symbol(symbol))
        if key in aliases and description:
            target = aliases[key]
            aliases.setdefault(normalize_name(description), target)
            aliases.setdefault(slugify(description), target)
    return aliases


def _glossary_symbol(symbol: str) -> str:
    symbol = symbol.strip().lstrip("Σ∑").strip()
    match = INDEXED.fullmatch(symbol)
    return match.group("base") if match else symbol
