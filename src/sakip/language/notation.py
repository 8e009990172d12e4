"""Pasted notations, read before the lexer: what formula text looks like after a trip
through an equation editor, a PDF or a wrong decoding.

:func:`read_notation` rewrites LaTeX (``$\\frac{A}{B}\\cdot100\\%$``), mathematical
letters (``𝑅𝑎𝑠𝑖𝑜``) and stacked fractions flattened by PDF extraction into sakip text,
with a note for each rewrite, and refuses with :class:`~sakip.errors.NotAFormulaError`
text that is not a formula: mojibake, placeholders ("-", "Cukup Jelas", "n/a"),
statements that someone else computes the value ("dihitung oleh BPS") and text cut
off mid-word ("yaitu dime..."), and reads braces around a dated term as brackets.
Plain formulas come back unchanged with no notes.

This module holds the order of the steps and the cheap tests that skip them (inline:
a function call per step would cost a plain formula more than the tests); each step
is a module of its own: pasted.py (mojibake, mathematical letters), placeholders.py
(text that is not a formula), latex.py, stacked.py.
"""

from __future__ import annotations

from .latex import read_latex
from .limits import MAX_LENGTH
from .pasted import UNUSUAL, braces_as_brackets, plain_letters, refuse_mojibake
from .placeholders import (
    LONGEST_PLACEHOLDER,
    PLACEHOLDER_FIRST,
    STATEMENT_STARTS,
    refuse_blank,
    refuse_cut_off,
    refuse_placeholder,
    refuse_statement,
)
from .stacked import has_wide_bar, read_stacked

__all__ = ["read_notation"]


def read_notation(text: str) -> tuple[str, list[str]]:
    """The text to parse and the notes on what was rewritten (sentences for the user).

    Raises :class:`~sakip.errors.NotAFormulaError` for text that is not a formula and
    :class:`~sakip.FormulaSyntaxError` for LaTeX it cannot read. Each check is behind a
    test of a character or two, so a plain formula costs a few string operations.
    """
    stripped = text.strip()
    if not stripped or len(text) > MAX_LENGTH:
        return text, []  # the parser refuses these with its own messages
    notes: list[str] = []
    plain = text
    ascii_only = text.isascii()
    if not ascii_only and UNUSUAL.search(text):
        refuse_mojibake(text)
        plain = plain_letters(text, notes)
        stripped = plain.strip()
    if len(stripped) <= LONGEST_PLACEHOLDER and stripped[0].lower() in PLACEHOLDER_FIRST:
        refuse_placeholder(plain, stripped, text)
    if stripped.lstrip("( ")[:4].lower() in STATEMENT_STARTS:
        refuse_statement(plain, stripped, text)
    if stripped[-1] in ".…":
        refuse_cut_off(plain, text)
    if "$" in plain or "\\" in plain:
        plain = read_latex(plain, notes)
    if "{" in plain:
        plain = braces_as_brackets(plain, notes)
    if "-----" in plain or "_____" in plain or (not ascii_only and has_wide_bar(plain)):
        plain = read_stacked(plain, notes)
    if "...." in plain or "……" in plain:
        refuse_blank(plain, text)
    return plain, notes
