"""Formula text -> :class:`~sakip.language.Formula`, through grammar.lark (LALR).

The parse tree is turned into sympy objects directly (never through ``sympify``), with
``evaluate=False`` so the expression keeps the formula as written: ``B / B`` stays a
division that can fail on zero instead of becoming 1.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)
from lark.lexer import LexerThread

from ..errors import (
    AmbiguousFormulaWarning,
    FormulaSyntaxError,
    LimitError,
    NumberTextError,
    SakipError,
    ValueTypeError,
)
from .bands import read_bands
from .build import Builder, fail_at, position
from .formula import Formula
from .glossary import index_ranges, split_glossary
from .group_mean import read_group_mean
from .lexer import RawTerminals, phrase_tokens
from .limits import (
    MAX_DEPTH,
    MAX_FORMULAS_CACHED,
    MAX_LENGTH,
    MAX_TREE_DEPTH,
)
from .notation import read_notation
from .prose import reject_prose
from .readings import read_rules
from .sentences import focus
from .traps import find_traps
from .words import piece

__all__ = ["cached_formula", "parse", "parse_quietly"]

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, bool], Formula] = {}
_PARSER: Lark | None = None

# The raw Σ_{i=a}^{n} token (or Σ_i=a^n): the index, its first value, the caret and
# the last value; a part in braces closes its brace.
_SIGMA_PARTS = re.compile(
    r"""
    [Σ∑] _
    (?P<open> \{ )? \s* (?P<index> [^{}=^]+? ) \s* = (?P<lower> [^{}^]* ) (?(open) \} )
    (?P<caret> \^ )
    (?P<close> \{ )? (?P<upper> [^{}]* ) (?(close) \} )
    """,
    re.VERBOSE,
)
_OPENERS = {"(": ")", "[": "]"}
_CLOSERS = {")": "(", "]": "["}
# Only these characters matter to the bracket check: it visits them, not every character.
_BRACKET_CHARS = re.compile(r'[()\[\]{}"“”]')
_OPERATOR_TOKENS = {"ADD", "SUB", "MUL", "DIV", "CARET", "COMPARE", "EQUALS", "AND", "OR"}


def _lark() -> Lark:
    global _PARSER
    if _PARSER is None:
        with _LOCK:
            if _PARSER is None:
                grammar = (resources.files("sakip") / "grammar.lark").read_text(encoding="utf-8")
                _PARSER = Lark(
                    grammar,
                    parser="lalr",
                    lexer="basic",
                    postlex=RawTerminals(),
                    start="start",
                    maybe_placeholders=False,
                )
    return _PARSER


def parse(text: str, *, decimal_point: bool = False) -> Formula:
    """Parse formula text into a :class:`Formula` (cached by text).

    Raises :class:`~sakip.FormulaSyntaxError` (or its subclass
    :class:`~sakip.errors.LimitError`) when the text cannot be read. Emits
    :class:`~sakip.AmbiguousFormulaWarning` for precedence traps.
    """
    formula = parse_quietly(text, decimal_point)
    for message in formula.ambiguities:
        warnings.warn(message, AmbiguousFormulaWarning, stacklevel=2)
    return formula


def cached_formula(text: str, decimal_point: bool = False) -> Formula | None:
    """The Formula of ``text`` if it was parsed already (the evaluator's hot path)."""
    return _CACHE.get((text, decimal_point))


def parse_quietly(text: str, decimal_point: bool = False) -> Formula:
    """Like :func:`parse`, without warnings: the evaluator warns on its own."""
    if not isinstance(text, str):
        raise ValueTypeError(f"a formula must be text, not {type(text).__name__}")
    key = (text, decimal_point)
    formula = _CACHE.get(key)
    if formula is None:
        # parsing shares no state, so threads parse at once; the cache is written locked
        formula = _parse_uncached(text, decimal_point)
        with _LOCK:
            if len(_CACHE) >= MAX_FORMULAS_CACHED:
                _CACHE.clear()
            formula = _CACHE.setdefault(key, formula)
    return formula


_fail = fail_at


def _check_brackets(text: str) -> None:
    """Report unbalanced or too deeply nested brackets before the parser sees them."""
    stack: list[tuple[str, int]] = []
    in_brace = in_quote = False
    for found in _BRACKET_CHARS.finditer(text):
        pos, char = found.start(), found.group()
        if in_brace:
            in_brace = char != "}"
        elif in_quote:
            in_quote = char not in '"“”'
        elif char == "{":
            in_brace = True
        elif char in '"“”':
            in_quote = True
        elif char in _OPENERS:
            stack.append((char, pos))
            if len(stack) > MAX_DEPTH:
                raise _fail(
                    text, pos, f"brackets nested deeper than {MAX_DEPTH} levels", LimitError
                )
        elif char in _CLOSERS:
            if not stack:
                raise _fail(text, pos, f"closing bracket '{char}' has no opening bracket")
            opener, where = stack.pop()
            if _CLOSERS[char] != opener:
                raise _fail(
                    text,
                    pos,
                    f"closing bracket '{char}' does not match '{opener}'"
                    f" opened at column {position(text, where)[1]}",
                )
    if stack:
        opener, where = stack[-1]
        raise _fail(text, where, f"missing closing bracket: '{opener}' is never closed")
    if in_brace:
        raise _fail(text, text.rfind("{"), "missing closing brace: '{' is never closed")
    if in_quote:
        raise _fail(text, max(text.rfind('"'), text.rfind("“")), "missing closing quote")


def _tree_depth(tree: Tree[Any]) -> int:
    """The depth counting the tokens, which only the subtrees are pushed for."""
    deepest = 0
    stack: list[tuple[Tree[Any], int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        subtrees = [child for child in node.children if isinstance(child, Tree)]
        stack.extend((child, depth + 1) for child in subtrees)
        deepest = max(deepest, depth + (len(subtrees) < len(node.children)))
    return deepest


def _run_lark(
    text: str, ranges: Mapping[str, tuple[int, int]] | None = None
) -> tuple[Tree[Any], list[str], list[str], list[tuple[str, str]]]:
    """Raw tokens -> phrase tokens -> an LALR parse of those tokens; the notes, the
    readings and the aliases the lexer found (see phrase_tokens)."""
    parser = _lark()
    tokens: list[Token] = []
    try:
        raw = _open_sums(_raw_tokens(parser, text, 0), text, parser)
        tokens, notes, readings, aliases = phrase_tokens(raw, text, ranges)
        interactive = parser.parse_interactive(start="start")
        for token in tokens:
            interactive.feed_token(token)
        tree = interactive.feed_eof(tokens[-1] if tokens else None)  # type: ignore[no-untyped-call]
    except UnexpectedInput as exc:
        raise _translate(exc, text, tokens) from None
    return tree, notes, readings, aliases


def _raw_tokens(parser: Lark, text: str, offset: int) -> list[Token]:
    """The raw tokens of ``text`` (the lexer the parser built once: Lark.lex would build
    a new one per call), placed at ``offset`` of the formula."""
    raw = list(LexerThread.from_text(parser.parser.lexer, text).lex(None))  # type: ignore[no-untyped-call]
    if not offset:
        return raw
    return [
        piece(
            tok.type, str(tok.value), tok, (tok.start_pos or 0) + offset, (tok.column or 1) + offset
        )
        for tok in raw
    ]


def _open_sums(raw: list[Token], text: str, parser: Lark) -> list[Token]:
    """Each ``Σ_{i=a}^{n}`` as SIGMA_FROM (the index), the tokens of ``a``, SIGMA_TO, the
    tokens of ``n``, SIGMA_END: the bounds are read in the one parse of the formula."""
    out: list[Token] = []
    for tok in raw:
        if tok.type != "SIGMA_BOUNDED":
            out.append(tok)
            continue
        start = tok.start_pos or 0
        match = _SIGMA_PARTS.fullmatch(str(tok.value))
        if match is None:
            raise _fail(text, start, "write a bounded sum as Σ_{i=a}^{n} term")
        out.append(_marker("SIGMA_FROM", match.group("index").strip(), tok, start))
        out.extend(_raw_tokens(parser, match.group("lower"), start + match.start("lower")))
        out.append(_marker("SIGMA_TO", "^", tok, start + match.start("caret")))
        out.extend(_raw_tokens(parser, match.group("upper"), start + match.start("upper")))
        out.append(_marker("SIGMA_END", "", tok, start + len(str(tok.value))))
    return out


def _marker(type_: str, value: str, tok: Token, pos: int) -> Token:
    return piece(type_, value, tok, pos, (tok.column or 1) + pos - (tok.start_pos or 0), width=1)


def _translate(exc: UnexpectedInput, text: str, tokens: list[Token]) -> FormulaSyntaxError:
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream or 0
        char = text[pos] if pos < len(text) else "?"
        return _fail(text, pos, f"unknown character '{char}'")
    if isinstance(exc, UnexpectedToken | UnexpectedEOF):
        token = exc.token
        previous = _previous_token(token, tokens)
        if token.type == "$END":
            if previous is not None and previous.type in _OPERATOR_TOKENS | {
                "JIKA",
                "MAKA",
                "ELSE",
                "SIGMA",
            }:
                pos = previous.start_pos or 0
                return _fail(
                    text, pos, f"formula ends with '{previous}': something is missing after it"
                )
            pos = len(text.rstrip())
            return _fail(text, max(pos - 1, 0), "formula ends too early")
        pos = token.start_pos or 0
        value = str(token)
        if token.type in ("SIGMA_TO", "SIGMA_END"):
            return _fail(
                text, pos, "a bound of Σ cannot be read: write Σ_{i=a}^{n} with a value for a and n"
            )
        if (
            previous is not None
            and previous.type
            in {"NAME", "NUMBER", "RPAR", "RSQB", "PERCENT", "PERIOD", "INDEXED", "STRING", "DATE"}
            and token.type
            in {
                "NAME",
                "NUMBER",
                "LPAR",
                "LSQB",
                "FUNC",
                "SIGMA",
                "SIGMA_FROM",
                "INDEXED",
                "STRING",
                "DATE",
            }
        ):
            return _fail(text, pos, f"missing operator between '{previous}' and '{value}'")
        if token.type in _OPERATOR_TOKENS and (
            previous is None
            or previous.type
            in _OPERATOR_TOKENS | {"LPAR", "LSQB", "EQUALS", "JIKA", "MAKA", "ELSE"}
        ):
            return _fail(text, pos, f"the operator '{value}' needs a value before it")
        if previous is not None and previous.type in _OPERATOR_TOKENS:
            return _fail(text, pos, f"'{value}' cannot follow '{previous}'")
        if token.type == "PERCENT":
            return _fail(text, pos, "'%' must follow a number or a bracket")
        if token.type in {"JIKA", "MAKA", "ELSE", "AND", "OR"}:
            return _fail(text, pos, f"'{value}' is out of place: write 'jika CONDITION maka VALUE'")
        return _fail(text, pos, f"unexpected '{value}'")
    return _fail(text, 0, "formula cannot be read")


def _previous_token(token: Token, tokens: list[Token]) -> Token | None:
    if token.type == "$END":
        return tokens[-1] if tokens else None
    for k, tok in enumerate(tokens):
        if tok.start_pos == token.start_pos and tok.type == token.type:
            return tokens[k - 1] if k else None
    return None


def _parse_uncached(written: str, decimal_point: bool) -> Formula:
    if len(written) > MAX_LENGTH:
        raise _fail(written, MAX_LENGTH, f"formula longer than {MAX_LENGTH} characters", LimitError)
    text, read = read_notation(written)
    rules = read_rules(text, decimal_point)
    try:  # rules in prose, in sakip's language (decimal commas); if unreadable, as written
        formula = None if rules is None else _parse_text(rules.formula_text, False, read)
    except SakipError:
        formula = None
    if rules is not None and formula is not None:
        notes = (*formula.notes, *rules.notes)
        return attrs.evolve(formula, text=written, decimal_point=decimal_point, notes=notes,
                            uncovered=rules.uncovered)  # fmt: skip
    try:
        table = read_bands(text, decimal_point=decimal_point)
    except NumberTextError:
        table = None  # a number no table holds: the formula reader says what is wrong
    if table is not None:
        # a band table is read as the conditional it means, in sakip's own language
        # (always with decimal commas), and keeps the text as written
        formula = _parse_text(table.formula_text(), False, read)
        return attrs.evolve(
            formula,
            text=written,
            decimal_point=decimal_point,
            notes=(*formula.notes, *table.notes, *table.gaps, *table.overlaps),
            uncovered=(*table.gaps, *table.overlaps),
        )
    mean = read_group_mean(text, decimal_point)
    if mean is not None:
        try:
            formula = _parse_text(mean[0], False, [*read, mean[1]])
        except SakipError:
            pass  # the text as written says what is wrong, not the text we wrote
        else:
            return attrs.evolve(formula, text=written)
    formula = _parse_text(text, decimal_point, read)
    # the Formula keeps the text as the user wrote it (LaTeX, a PDF's stacked fraction)
    return formula if text == written else attrs.evolve(formula, text=written)


def _parse_text(text: str, decimal_point: bool, read: list[str]) -> Formula:
    body, glossary = split_glossary(text)
    body, reading = focus(body, frozenset(symbol for symbol, _ in glossary))
    if not body.strip():
        raise _fail(text, 0, "empty formula")
    _check_brackets(body)
    tree, notes, readings, aliases = _run_lark(body, index_ranges(glossary))
    if _tree_depth(tree) > MAX_TREE_DEPTH:
        raise _fail(text, 0, "formula nested too deeply", LimitError)
    notes = list(dict.fromkeys(notes))  # once per distinct note
    reject_prose(tree, text)
    builder = Builder(text, decimal_point)
    expr = builder.transform(tree)
    traps = find_traps(tree, body) + notes
    return builder.finish(expr, glossary, traps, read + reading + readings, aliases)
