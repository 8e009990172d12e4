"""The scan's shared state and token matching, used by the lexer's rule classes.

:class:`Output` holds one scan's state (the tokens, the pending name, what was
written) and the writing primitives; the ``match_*`` functions read what follows a
position without consuming it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from lark import Token

from ..errors import FormulaSyntaxError
from .words import (
    CURRENT,
    DIVIDING_WORDS,
    DIVISION_WORDS,
    MONTHS,
    NAME_SLASH_WORDS,
    OPERAND_ENDS,
    QUANTITY_WORDS,
    RANGE_WORDS,
    WHOLE_WORDS,
    is_abbreviation,
    split_hyphens,
)

__all__ = [
    "Output",
    "constant_at",
    "error",
    "match_date",
    "match_offset",
    "match_period",
    "spanning",
    "type_at",
    "word_at",
    "zero_width",
]


def error(
    text: str, tok: Token, message: str, cls: type[FormulaSyntaxError] = FormulaSyntaxError
) -> FormulaSyntaxError:
    return cls(message, text, tok.line or 1, tok.column or 1)


# -- matching what follows a position ------------------------------------------------
def word_at(toks: list[Token], i: int) -> str | None:
    if 0 <= i < len(toks) and toks[i].type == "WORD":
        return str(toks[i].value).casefold()
    return None


def type_at(toks: list[Token], i: int) -> str | None:
    return toks[i].type if 0 <= i < len(toks) else None


def match_offset(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Match ``n``, ``n-1``, ``n + 1`` at i; return (offset, index after)."""
    if word_at(toks, i) not in ("n", "t"):
        return None
    if type_at(toks, i + 1) in ("ADD", "SUB") and type_at(toks, i + 2) == "NUMBER":
        number = str(toks[i + 2].value)
        if number.isdigit():
            sign = 1 if type_at(toks, i + 1) == "ADD" else -1
            return sign * int(number), i + 3
    return 0, i + 1


def constant_at(toks: list[Token], i: int) -> bool:
    """ "(membagi A dengan B) dengan konstanta (100)": a scale, "x 100"."""
    return (
        word_at(toks, i) == "dengan"
        and word_at(toks, i + 1) == "konstanta"
        and (type_at(toks, i + 2) == "NUMBER" or type_at(toks, i + 3) == "NUMBER")
    )


def match_period(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Match what follows the word ``tahun``: ``n-1``, ``(n-1)``, ``berjalan``, ``lalu``."""
    word = word_at(toks, i)
    if word == "yang" and word_at(toks, i + 1) in CURRENT:  # "tahun yang dilaporkan"
        return CURRENT[word_at(toks, i + 1) or ""], i + 2
    if word in CURRENT:
        return CURRENT[word], i + 1
    if type_at(toks, i) == "LPAR":
        inner = match_offset(toks, i + 1)
        if inner and type_at(toks, inner[1]) == "RPAR":
            return inner[0], inner[1] + 1
        return None
    return match_offset(toks, i)


def match_date(toks: list[Token], i: int) -> tuple[str, int] | None:
    """Match ``31 Desember 2019`` or ``31 Desember tahun n-1`` at i."""
    day = str(toks[i].value)
    month = MONTHS.get(word_at(toks, i + 1) or "")
    if not (month and day.isdigit()):
        return None
    if type_at(toks, i + 2) == "NUMBER" and str(toks[i + 2].value).isdigit():
        return f"{int(day)}/{month}/{int(str(toks[i + 2].value))}", i + 3
    if word_at(toks, i + 2) == "tahun":
        period = match_period(toks, i + 3)
        if period:
            return f"{int(day)}/{month}/n{period[0]:+d}", period[1]
    return None


def spanning(type_: str, value: str, first: Token, last: Token) -> Token:
    """A token standing where the source runs from ``first`` to ``last``."""
    return Token(
        type_,
        value,
        start_pos=first.start_pos,
        line=first.line,
        column=first.column,
        end_line=last.end_line,
        end_column=last.end_column,
        end_pos=last.end_pos,
    )


def zero_width(type_: str, value: str, at: Token) -> Token:
    """A token the text implies but does not write, placed at ``at`` with no width."""
    point = Token.new_borrow_pos(type_, value, at)
    point.end_line, point.end_column, point.end_pos = at.line, at.column, at.start_pos
    return point


class ScanState:
    """The state of one scan: the raw tokens, what is written so far, the pending name,
    and what the text as a whole says (it divides with signs, it is written in words)."""

    def __init__(
        self,
        toks: list[Token],
        text: str,
        index_ranges: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        #: The ranges a glossary gives one-letter indexes ("i = 1, 2, ..., 9").
        self.index_ranges = dict(index_ranges or {})
        self.toks = [
            part for tok in toks for part in (split_hyphens(tok) if tok.type == "WORD" else [tok])
        ]
        self.text = text
        self.out: list[Token] = []
        self.phrase: list[Token] = []
        self.in_condition = False
        self.notes: list[str] = []
        #: How words were read where context chose (Formula.notes).
        self.readings: list[str] = []
        #: Where the current clause starts in ``out`` (after a label's "=").
        self.clause_start = 0
        #: Tokens that close the current clause: ")" and a scale such as "x 100%".
        self.closers: list[tuple[str, str]] = []
        #: An operator promised by a verb ("membagi A dengan B"), written at "dengan".
        self.verb: str | None = None
        #: Where B starts in a growth "(A - B) / B", copied when the clause ends.
        self.growth_from: int | None = None
        #: Open brackets: "call" for a function's, "group" for the others; and the
        #: clause start of each, restored when it closes.
        self.brackets: list[str] = []
        self.outer_clauses: list[int] = []
        #: How many brackets were open when the pending verbal ratio opened: its term
        #: ends at a "+", "-", comparison or keyword at that depth, or when the bracket
        #: around it closes.
        self.ratio_depth = 0
        types = {tok.type for tok in self.toks}
        words = {str(tok.value).casefold() for tok in self.toks if tok.type == "WORD"}
        #: The formula divides with a sign or "dibagi" somewhere: then "terhadap" and
        #: a slash glued between words are parts of names.
        self.divides = "SLASH" in types or not words.isdisjoint(DIVISION_WORDS)
        #: The formula divides in words ("terhadap", "dibandingkan"), with a ratio head.
        self.worded_ratio = not words.isdisjoint(DIVIDING_WORDS)
        #: The formula is written with signs ("*", "x", "^", "Σ"), not in words.
        self.symbolic = not types.isdisjoint(("STAR", "X_GLUED", "CARET", "SIGMA"))
        self.symbolic |= not words.isdisjoint(("x", "kali", "dikali", "dikalikan"))
        self.has_sums = not types.isdisjoint(("SIGMA", "SIGMA_FROM"))
        #: The "(1-6)" asides of a "SIGMA [...]" that index their names.
        self.index_asides: set[int] = set()
        self.stopped = False
        #: A ratio was read from words ("terhadap", "membagi ... dengan"): its names
        #: may end in context (see qualifiers.py).
        self.verbal_ratio = False
        #: Where the second term of a plain verbal comparison ("Rasio A terhadap B")
        #: starts in ``out``: a whole there makes it a share, in percent.
        self.share_from: int | None = None
        #: Every term of the sum is "0,23 ITH": its decimals weigh (found at first use).
        self.weighted_sum: bool | None = None
        #: An abbreviation in brackets after the pending name ("(SSI)"), and the aliases
        #: found: (name, another way to give its value).
        self.abbreviation: str | None = None
        self.aliases: list[tuple[str, str]] = []
        #: Names the series of this formula wrote out ("L1 + ... + L38"), for the limit.
        self.series_names = 0


class Output(ScanState):
    """What the scan writes: phrase tokens, the pending name, the clauses' closers."""

    def emit(self, type_: str, value: str, first: Token, last: Token | None = None) -> None:
        self.out.append(spanning(type_, value, first, last or first))

    def after_operand(self) -> bool:
        """True where a multiplication sign may stand: after a value, not at the start."""
        if self.phrase:
            return True
        return bool(self.out) and self.out[-1].type in OPERAND_ENDS

    def last_is_name(self) -> bool:
        return bool(self.phrase) or (bool(self.out) and self.out[-1].type in ("NAME", "INDEXED"))

    def flush(self) -> None:
        """Emit the pending words as NAME tokens, splitting at slashes that divide."""
        if not self.phrase:
            return
        words, self.phrase = self.phrase, []
        self._refuse_stacked(words)
        segment: list[tuple[str, Token]] = []
        for tok in words:
            parts = str(tok.value).split("/")
            keep = len(parts) == 1 or self._slash_in_name(parts, len(words))
            if len(parts) == 1 or keep:
                segment.append((str(tok.value), tok))
                continue
            # A slash between ordinary words, or a lone pair such as PP/PAK, divides.
            for k, part in enumerate(parts):
                if k:
                    self._emit_name(segment)
                    segment = []
                    self.emit("DIV", "/", tok)
                segment.append((part, tok))
        self._emit_name(segment)
        if self.abbreviation is not None and self.out and self.out[-1].type == "NAME":
            name = str(self.out[-1].value)
            self.aliases += [(name, self.abbreviation), (name, f"{name} ({self.abbreviation})")]
            self.readings.append(f"'({self.abbreviation})' names '{name}' for short")
        self.abbreviation = None

    def _refuse_stacked(self, words: list[Token]) -> None:
        """ "Jumlah kelahiran hidup\nJumlah kematian ibu": a new quantity word at the
        start of a line inside one name is a second name stacked under the first (a
        fraction whose bar was lost), never one name."""
        for before, tok in itertools.pairwise(words):
            gap = self.text[(before.end_pos or 0) : (tok.start_pos or 0)]
            if "\n" in gap and str(tok.value).casefold() in QUANTITY_WORDS:
                raise error(
                    self.text,
                    tok,
                    f"'{tok.value} ...' starts a line inside a name, with nothing between"
                    " it and the line above: two names stacked as a fraction whose bar was"
                    " lost? write A / B",
                )

    def _slash_in_name(self, parts: list[str], words: int) -> bool:
        """SD/MI, dan/atau, s/d and kabupaten/kota beside another division are names;
        a lone PP/PAK or "desa/kelurahan" in a formula with no other division divides."""
        folded = {p.casefold() for p in parts}
        if folded & NAME_SLASH_WORDS or "/".join(parts).casefold() in RANGE_WORDS:
            return True
        if words > 1 and all(is_abbreviation(p) for p in parts):
            return True
        # beside another division, or in a ratio written in words ("Proporsi ... SD/MI/
        # Sederajat terhadap ..."), a slash inside a name of several words is the name's
        return words > 1 and (self.divides or self.worded_ratio)

    def joined_text(self, first: Token, last: Token) -> Token:
        """One WORD holding the source text from ``first`` to ``last``."""
        start, end = first.start_pos or 0, last.end_pos or 0
        return spanning("WORD", " ".join(self.text[start:end].split()), first, last)

    def mark(self, type_: str, value: str, at: Token) -> None:
        """Write a token the text implies but does not write (")" after a verbal ratio)."""
        self.out.append(zero_width(type_, value, at))

    def close_clause(self) -> None:
        """End the current clause: write what it promised (")", "x 100%")."""
        self.flush()
        at = self.out[-1] if self.out else None
        if self.closers and at is not None and at.type == "LPAR" and len(self.out) > 1:
            dangling = self.out[-2]  # "A terhadap" and nothing after: "(A) / (" so far
            if dangling.type in ("DIV", "MUL", "SUB", "ADD"):
                raise error(
                    self.text,
                    dangling,
                    f"formula ends with '{dangling.value}': something is missing after it",
                )
        if self.growth_from is not None and at is not None:
            # (A) - (B) so far: close B and the difference, then divide by B again
            base = self.out[self.growth_from :]
            self.mark("RPAR", ")", at)
            self.mark("RPAR", ")", at)
            self.mark("DIV", "/", at)
            self.mark("LPAR", "(", at)
            self.out.extend(base)
            self.growth_from = None
        if self.share_from is not None and at is not None:
            self._share_of_whole(at)
        while self.closers and at is not None:
            type_, value = self.closers.pop()
            self.mark(type_, value, at)
        self.closers.clear()
        self.verb = None

    def _share_of_whole(self, at: Token) -> None:
        """ "Rasio A terhadap total B", "Perbandingan A dengan seluruh B" with no scale
        written: A is part of the whole its second term names, a share regions report in
        percent (the same number, shown x 100%)."""
        second, self.share_from = self.out[self.share_from or 0 :], None
        if self.closers != [("RPAR", ")")] or any(t.type != "NAME" for t in second):
            return
        wholes = [w for t in second for w in str(t.value).split() if w.casefold() in WHOLE_WORDS]
        # "(dalam satuan km)": a ratio of measures in units of their own, not a share
        if not wholes or any(word_at(self.toks, k) == "satuan" for k in range(len(self.toks))):
            return
        self.readings.append(
            f"'{wholes[0]}' in the second term names a whole: A / B is a share of it, read"
            " in percent (x 100%)"
        )
        self.closers[:0] = [("PERCENT", "%"), ("NUMBER", "100"), ("MUL", "x")]

    def _emit_name(self, segment: list[tuple[str, Token]]) -> None:
        if segment:
            text = " ".join(part for part, _ in segment)
            self.emit("NAME", text, segment[0][1], segment[-1][1])

    def on_mul_sign(self, i: int) -> int:
        self.flush()
        self.emit("MUL", str(self.toks[i].value), self.toks[i])
        return i + 1

    def keyword(self, i: int, type_: str, value: str, width: int = 1) -> int:
        self.flush()
        self.emit(type_, value, self.toks[i], self.toks[i + width - 1])
        return i + width

    def on_other(self, i: int) -> int:
        self.flush()
        self.out.append(self.toks[i])
        return i + 1
