"""Post-lexer: turns the raw tokens of grammar.lark into the grammar's phrase-level tokens.

Indonesian RUMUS text uses ordinary words both as operators and inside names ("x",
"kali", "dan", "tahun"), so a word's role depends on its neighbours. This pass sees
the whole token list (formulas are short and length-limited) and decides with
lookahead, which an LALR grammar cannot do by itself. It is a function of its input:
:func:`phrase_tokens` keeps its state in a scan object of its own per call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lark import Token

from ..errors import FormulaSyntaxError
from .functions import FUNCTIONS
from .words import (
    ALWAYS_KEYWORDS,
    CURRENT,
    MONTHS,
    MUL_WORDS,
    OPERAND_ENDS,
    is_abbreviation,
    piece,
    split_hyphens,
)

__all__ = ["FUNCTIONS", "MONTHS", "RawTerminals", "phrase_tokens"]


class RawTerminals:
    """Lark's post-lexer hook, used only to keep the raw terminals that the grammar's
    rules never name (WORD, BRACED, ...): the stream passes through unchanged, and the
    phrase tokens are made by :func:`phrase_tokens`, a function of its input."""

    always_accept = (
        "WORD",
        "BRACED",
        "STAR",
        "SLASH",
        "COLON",
        "X_GLUED",
        "SIGMA_BOUNDED",
        "DOT",
        "AMP",
    )

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


def phrase_tokens(raw: list[Token], text: str) -> tuple[list[Token], list[str]]:
    """The grammar's phrase tokens for the raw tokens of ``text``, and the notes (traps
    seen on the way, such as a minus glued between a name and a number)."""
    scan = _Scan(raw, text)
    scan.run()
    return scan.out, scan.notes


def _error(text: str, tok: Token, message: str) -> FormulaSyntaxError:
    return FormulaSyntaxError(message, text, tok.line or 1, tok.column or 1)


# -- matching what follows a position ------------------------------------------------
def _word(toks: list[Token], i: int) -> str | None:
    if 0 <= i < len(toks) and toks[i].type == "WORD":
        return str(toks[i].value).casefold()
    return None


def _type(toks: list[Token], i: int) -> str | None:
    return toks[i].type if 0 <= i < len(toks) else None


def _match_offset(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Match ``n``, ``n-1``, ``n + 1`` at i; return (offset, index after)."""
    if _word(toks, i) != "n":
        return None
    if _type(toks, i + 1) in ("ADD", "SUB") and _type(toks, i + 2) == "NUMBER":
        number = str(toks[i + 2].value)
        if number.isdigit():
            sign = 1 if _type(toks, i + 1) == "ADD" else -1
            return sign * int(number), i + 3
    return 0, i + 1


def _match_period(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Match what follows the word ``tahun``: ``n-1``, ``(n-1)``, ``berjalan``, ``lalu``."""
    word = _word(toks, i)
    if word in CURRENT:
        return CURRENT[word], i + 1
    if _type(toks, i) == "LPAR":
        inner = _match_offset(toks, i + 1)
        if inner and _type(toks, inner[1]) == "RPAR":
            return inner[0], inner[1] + 1
        return None
    return _match_offset(toks, i)


def _match_date(toks: list[Token], i: int) -> tuple[str, int] | None:
    """Match ``31 Desember 2019`` or ``31 Desember tahun n-1`` at i."""
    day = str(toks[i].value)
    month = MONTHS.get(_word(toks, i + 1) or "")
    if not (month and day.isdigit()):
        return None
    if _type(toks, i + 2) == "NUMBER" and str(toks[i + 2].value).isdigit():
        return f"{int(day)}/{month}/{int(str(toks[i + 2].value))}", i + 3
    if _word(toks, i + 2) == "tahun":
        period = _match_period(toks, i + 3)
        if period:
            return f"{int(day)}/{month}/n{period[0]:+d}", period[1]
    return None


class _Output:
    """The scan's state and what it writes: phrase tokens, and the pending name."""

    def __init__(self, toks: list[Token], text: str) -> None:
        self.toks = [
            part for tok in toks for part in (split_hyphens(tok) if tok.type == "WORD" else [tok])
        ]
        self.text = text
        self.out: list[Token] = []
        self.phrase: list[Token] = []
        self.in_condition = False
        self.notes: list[str] = []

    # -- output ----------------------------------------------------------------------
    def emit(self, type_: str, value: str, first: Token, last: Token | None = None) -> None:
        last = last or first
        self.out.append(
            Token(
                type_,
                value,
                start_pos=first.start_pos,
                line=first.line,
                column=first.column,
                end_line=last.end_line,
                end_column=last.end_column,
                end_pos=last.end_pos,
            )
        )

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
        segment: list[tuple[str, Token]] = []
        for tok in words:
            parts = str(tok.value).split("/")
            keep = len(words) > 1 and all(is_abbreviation(p) for p in parts)
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


class _WordRules(_Output):
    """Words: an operator or a keyword where the word stands for one, else a word of
    the pending name."""

    def on_word(self, i: int) -> int:
        word = str(self.toks[i].value).casefold()
        if word in MUL_WORDS and self.after_operand():
            return self.on_mul_sign(i)
        handler = _BY_WORD.get(word)
        if handler is not None:
            end = handler(self, i)
            if end is not None:
                return end
        if word in FUNCTIONS and not self.phrase and _type(self.toks, i + 1) == "LPAR":
            self.emit("FUNC", word, self.toks[i])
            return i + 1
        self.phrase.append(self.toks[i])
        return i + 1

    def on_dibagi(self, i: int) -> int:
        width = 2 if _word(self.toks, i + 1) == "dengan" else 1
        return self.keyword(i, "DIV", "dibagi", width)

    def on_jika(self, i: int) -> int:
        if _word(self.toks, i + 1) == "tidak":
            self.in_condition = False
            return self.keyword(i, "ELSE", "jika tidak", 2)
        self.in_condition = True
        return self.keyword(i, "JIKA", "jika")

    def on_maka(self, i: int) -> int:
        self.in_condition = False
        return self.keyword(i, "MAKA", "maka")

    def on_selain(self, i: int) -> int | None:
        if _word(self.toks, i + 1) == "itu":
            return self.keyword(i, "ELSE", "selain itu", 2)
        return None

    def on_logical(self, i: int) -> int | None:
        if not self.in_condition:
            return None  # "dan" and "atau" are words of a name outside a condition
        word = str(self.toks[i].value).casefold()
        return self.keyword(i, "AND" if word == "dan" else "OR", word)

    def on_persen(self, i: int) -> int | None:
        if not self.phrase and self.out and self.out[-1].type == "NUMBER":
            self.emit("PERCENT", "persen", self.toks[i])
            return i + 1
        return None

    def on_tahun(self, i: int) -> int | None:
        if not self.last_is_name():
            return None
        period = _match_period(self.toks, i + 1)
        if period is None:
            return None  # "pada tahun perencanaan": a word of a name
        self.flush()
        self.emit("PERIOD", str(period[0]), self.toks[i], self.toks[period[1] - 1])
        return period[1]


class _Scan(_WordRules):
    """One pass over the raw tokens: words gather into a pending name (``phrase``) until
    an operator, keyword or bracket ends it. Handlers are chosen by token type and, for
    words, by the word; each returns the index after what it consumed."""

    def run(self) -> None:
        i = 0
        while i < len(self.toks):
            handler = _BY_TYPE.get(self.toks[i].type, _Scan.on_other)
            i = handler(self, i)
        self.flush()

    def on_number(self, i: int) -> int:
        tok = self.toks[i]
        date = _match_date(self.toks, i)
        if date:
            self.flush()
            self.emit("DATE", date[0], tok, self.toks[date[1] - 1])
            return date[1]
        follower = _word(self.toks, i + 1)
        joins = (
            self.phrase
            and _type(self.toks, i + 1) not in ("PERCENT", "NUMBER")
            and follower not in ("persen", *MONTHS)
            and (follower is not None and follower not in ALWAYS_KEYWORDS)
        )
        if joins:  # "usia 15 tahun": a number inside a name
            self.phrase.append(tok)
            return i + 1
        return self.on_other(i)

    def on_lpar(self, i: int) -> int:
        tok = self.toks[i]
        if not self.last_is_name():
            return self.on_other(i)
        if _type(self.toks, i + 1) == "PERCENT" and _type(self.toks, i + 2) == "RPAR":
            return i + 3  # "Capaian IKI (%) = ...": a unit note after the name
        period = _match_period(self.toks, i)
        if period:
            self.flush()
            self.emit("PERIOD", str(period[0]), tok, self.toks[period[1] - 1])
            return period[1]
        if self.phrase:
            shown = " ".join(str(t.value) for t in self.phrase)
            if len(self.phrase) == 1:
                raise _error(self.text, self.phrase[0], f"unknown function '{shown}'")
            raise _error(self.text, tok, f"missing operator between '{shown}' and '('")
        return self.on_other(i)

    def on_sub(self, i: int) -> int:
        if self.phrase and self._glued_offset(i):
            before, number = self.phrase[-1].value, self.toks[i + 1].value
            shown = f"{before}-{number}"
            self.notes.append(
                f"'{shown}' is computed as '{before} - {number}'; write '{before} tahun n-1'"
                f" for an earlier period, or put a name such as '{shown}' in braces"
            )
        return self.on_other(i)

    def _glued_offset(self, i: int) -> bool:
        """A minus glued to a word and a number, as in PDBt-1 or K-4: likely an index or
        part of a name, not a subtraction."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return (
            nxt is not None
            and nxt.type == "NUMBER"
            and str(nxt.value).isdigit()
            and self.phrase[-1].end_pos == self.toks[i].start_pos
            and self.toks[i].end_pos == nxt.start_pos
        )

    def on_braced(self, i: int) -> int:
        tok = self.toks[i]
        self.flush()
        inner = " ".join(str(tok.value)[1:-1].split())
        if not inner:
            raise _error(self.text, tok, "empty name in braces '{}'")
        self.emit("NAME", inner, tok)
        return i + 1

    def on_compare(self, i: int) -> int:
        tok = self.toks[i]
        if tok.value == "=" and not self.in_condition:
            self.flush()
            self.emit("EQUALS", "=", tok)
            return i + 1
        return self.on_other(i)

    def on_dot(self, i: int) -> int:
        """A full stop left by the sentence pass: part of an abbreviation ("Jml.",
        "s.d.") glued to a word of a name, or a product sign between two one- or
        two-letter symbols ("Pi . K")."""
        tok = self.toks[i]
        if self.phrase and self.phrase[-1].end_pos == tok.start_pos:
            last = self.phrase[-1]
            self.phrase[-1] = piece(
                "WORD", f"{last.value}.", last, last.start_pos or 0, last.column or 1
            )
            return i + 1
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if (
            len(self.phrase) == 1
            and len(str(self.phrase[0].value)) <= 2
            and nxt is not None
            and nxt.type == "WORD"
            and len(str(nxt.value)) <= 2
        ):
            return self.on_mul_sign(i)
        raise _error(self.text, tok, "unexpected '.': a full stop inside a formula")

    def on_amp(self, i: int) -> int:
        """'&' between words of a name ("tingkat & jenjang") is the word 'dan'."""
        self.phrase.append(self.toks[i])
        return i + 1

    def on_div_sign(self, i: int) -> int:
        self.flush()
        self.emit("DIV", str(self.toks[i].value), self.toks[i])
        return i + 1


_BY_TYPE: dict[str, Callable[[_Scan, int], int]] = {
    "WORD": _Scan.on_word,
    "NUMBER": _Scan.on_number,
    "LPAR": _Scan.on_lpar,
    "SUB": _Scan.on_sub,
    "BRACED": _Scan.on_braced,
    "COMPARE": _Scan.on_compare,
    "STAR": _Scan.on_mul_sign,
    "X_GLUED": _Scan.on_mul_sign,
    "SLASH": _Scan.on_div_sign,
    "COLON": _Scan.on_div_sign,
    "DOT": _Scan.on_dot,
    "AMP": _Scan.on_amp,
}
# A word's handler returns None when, in its place, the word is part of a name.
_BY_WORD: dict[str, Callable[[_WordRules, int], int | None]] = {
    "dibagi": _WordRules.on_dibagi,
    "jika": _WordRules.on_jika,
    "maka": _WordRules.on_maka,
    "selain": _WordRules.on_selain,
    "dan": _WordRules.on_logical,
    "atau": _WordRules.on_logical,
    "persen": _WordRules.on_persen,
    "tahun": _WordRules.on_tahun,
}
