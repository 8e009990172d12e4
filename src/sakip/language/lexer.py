"""Post-lexer: turns the raw tokens of grammar.lark into the grammar's phrase-level tokens.

Indonesian RUMUS text uses ordinary words both as operators and inside names ("x",
"kali", "dan", "tahun"), so a word's role depends on its neighbours. This pass sees
the whole token list (formulas are short and length-limited) and decides with
lookahead, which an LALR grammar cannot do by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token

from ..errors import FormulaSyntaxError

__all__ = ["FUNCTIONS", "MONTHS", "RawTerminals", "phrase_tokens"]

FUNCTIONS = {
    "rata-rata": "mean",
    "min": "min",
    "minimum": "min",
    "maks": "max",
    "max": "max",
    "maksimum": "max",
    "akar": "sqrt",
}
MONTHS = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
_MUL_WORDS = {"x", "dikali", "dikalikan", "kali"}
_CURRENT = {"berjalan": 0, "ini": 0, "lalu": -1, "sebelumnya": -1}
# Words that end a name because they are operators or keywords wherever they stand.
_ALWAYS_KEYWORDS = _MUL_WORDS | {"dibagi", "jika", "maka"}
_OPERAND_ENDS = {"NAME", "NUMBER", "RPAR", "RSQB", "PERCENT", "PERIOD", "INDEXED", "DATE", "STRING"}
_ABBREVIATION = re.compile(r"[A-Z0-9][A-Za-z0-9]*")


def _is_abbreviation(part: str) -> bool:
    """SD, MI, MTs, PMDN, R, Kab, Kota: capitalised and short, or mostly capitals."""
    if not _ABBREVIATION.fullmatch(part):
        return False
    return len(part) <= 4 or sum(c.isupper() for c in part) >= 2


def _error(text: str, tok: Token, message: str) -> FormulaSyntaxError:
    return FormulaSyntaxError(message, text, tok.line or 1, tok.column or 1)


class RawTerminals:
    """Lark's post-lexer hook, used only to keep the raw terminals that the grammar's
    rules never name (WORD, BRACED, ...): the stream passes through unchanged, and the
    phrase tokens are made by :func:`phrase_tokens`, a function of its input."""

    always_accept = ("WORD", "BRACED", "STAR", "SLASH", "COLON", "X_GLUED")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


def phrase_tokens(raw: list[Token], text: str) -> tuple[list[Token], list[str]]:
    """The grammar's phrase tokens for the raw tokens of ``text``, and the notes (traps
    seen on the way, such as a minus glued between a name and a number)."""
    classifier = _Classifier(raw, text)
    tokens = classifier.run()
    return tokens, classifier.notes


_PREFIXES = {
    "ber",
    "se",
    "ke",
    "di",
    "ter",
    "pe",
    "non",
    "pra",
    "pasca",
    "anti",
    "antar",
    "sub",
    "multi",
}


def _hyphen_joins(left: str, right: str) -> bool:
    """Rata-rata, Padi-padian, ber-KB join into one word; Realisasi-Rencana subtracts."""
    left_l, right_l = left.casefold(), right.casefold()
    if left_l in _PREFIXES:
        return True
    stem = left_l[: min(3, len(left_l))]
    return right_l.startswith(stem)


def _split_hyphens(tok: Token) -> list[Token]:
    """Split a WORD at hyphens that are minus signs, keeping source positions."""
    parts = str(tok.value).split("-")
    if len(parts) == 1:
        return [tok]
    out: list[Token] = []
    start = tok.start_pos or 0
    column = tok.column or 1
    current = parts[0]
    offset = 0
    for part in parts[1:]:
        if _hyphen_joins(current.split("-")[-1].split("/")[-1], part.split("/")[0]):
            current += "-" + part
            continue
        out.append(_piece("WORD", current, tok, start + offset, column + offset))
        offset += len(current)
        out.append(_piece("SUB", "-", tok, start + offset, column + offset))
        offset += 1
        current = part
    out.append(_piece("WORD", current, tok, start + offset, column + offset))
    return out


def _piece(type_: str, value: str, tok: Token, pos: int, column: int) -> Token:
    return Token(
        type_,
        value,
        start_pos=pos,
        line=tok.line,
        column=column,
        end_line=tok.line,
        end_column=column + len(value),
        end_pos=pos + len(value),
    )


class _Classifier:
    def __init__(self, toks: list[Token], text: str) -> None:
        toks = [
            piece
            for tok in toks
            for piece in (_split_hyphens(tok) if tok.type == "WORD" else [tok])
        ]
        self.toks = toks
        self.text = text
        self.out: list[Token] = []
        self.phrase: list[Token] = []
        self.in_condition = False
        self.notes: list[str] = []

    # -- helpers ---------------------------------------------------------------
    def word(self, i: int) -> str | None:
        if 0 <= i < len(self.toks) and self.toks[i].type == "WORD":
            return str(self.toks[i].value).casefold()
        return None

    def typ(self, i: int) -> str | None:
        return self.toks[i].type if 0 <= i < len(self.toks) else None

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
        return bool(self.out) and self.out[-1].type in _OPERAND_ENDS

    def last_is_name(self) -> bool:
        return bool(self.phrase) or (bool(self.out) and self.out[-1].type in ("NAME", "INDEXED"))

    def glued_offset(self, i: int) -> bool:
        """A minus glued to a word and a number, as in PDBt-1 or K-4: likely an index or
        part of a name, not a subtraction."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        before = self.phrase[-1]
        return (
            nxt is not None
            and nxt.type == "NUMBER"
            and str(nxt.value).isdigit()
            and before.end_pos == self.toks[i].start_pos
            and self.toks[i].end_pos == nxt.start_pos
        )

    def match_offset(self, i: int) -> tuple[int, int] | None:
        """Match ``n``, ``n-1``, ``n + 1`` at i; return (offset, index after)."""
        if self.word(i) != "n":
            return None
        if self.typ(i + 1) in ("ADD", "SUB") and self.typ(i + 2) == "NUMBER":
            number = str(self.toks[i + 2].value)
            if number.isdigit():
                sign = 1 if self.typ(i + 1) == "ADD" else -1
                return sign * int(number), i + 3
        return 0, i + 1

    def match_period(self, i: int) -> tuple[int, int] | None:
        """Match what follows the word ``tahun``: ``n-1``, ``(n-1)``, ``berjalan``, ``lalu``."""
        word = self.word(i)
        if word in _CURRENT:
            return _CURRENT[word], i + 1
        if self.typ(i) == "LPAR":
            inner = self.match_offset(i + 1)
            if inner and self.typ(inner[1]) == "RPAR":
                return inner[0], inner[1] + 1
            return None
        return self.match_offset(i)

    def match_date(self, i: int) -> tuple[str, int] | None:
        """Match ``31 Desember 2019`` or ``31 Desember tahun n-1`` at i."""
        day = str(self.toks[i].value)
        month = MONTHS.get(self.word(i + 1) or "")
        if not (month and day.isdigit()):
            return None
        if self.typ(i + 2) == "NUMBER" and str(self.toks[i + 2].value).isdigit():
            return f"{int(day)}/{month}/{int(str(self.toks[i + 2].value))}", i + 3
        if self.word(i + 2) == "tahun":
            period = self.match_period(i + 3)
            if period:
                return f"{int(day)}/{month}/n{period[0]:+d}", period[1]
        return None

    # -- names -----------------------------------------------------------------
    def flush(self) -> None:
        """Emit the pending words as NAME tokens, splitting at slashes that divide."""
        if not self.phrase:
            return
        words, self.phrase = self.phrase, []
        segment: list[tuple[str, Token]] = []
        for tok in words:
            parts = str(tok.value).split("/")
            keep = len(words) > 1 and all(_is_abbreviation(p) for p in parts)
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

    # -- main loop -------------------------------------------------------------
    def run(self) -> list[Token]:
        toks = self.toks
        i = 0
        while i < len(toks):
            tok = toks[i]
            kind = tok.type
            if kind == "WORD":
                i = self.on_word(i)
                continue
            if kind == "NUMBER":
                date = self.match_date(i)
                if date:
                    self.flush()
                    self.emit("DATE", date[0], tok, toks[date[1] - 1])
                    i = date[1]
                    continue
                follower = self.word(i + 1)
                joins = (
                    self.phrase
                    and self.typ(i + 1) not in ("PERCENT", "NUMBER")
                    and follower not in ("persen", *MONTHS)
                    and (follower is not None and follower not in _ALWAYS_KEYWORDS)
                )
                if joins:
                    self.phrase.append(tok)
                    i += 1
                    continue
            unit_note = self.typ(i + 1) == "PERCENT" and self.typ(i + 2) == "RPAR"
            if kind == "LPAR" and self.last_is_name() and unit_note:
                i += 3  # "Capaian IKI (%) = ...": a unit note after the name
                continue
            if kind == "SUB" and self.phrase and self.glued_offset(i):
                shown = f"{self.phrase[-1].value}-{toks[i + 1].value}"
                self.notes.append(
                    f"'{shown}' is computed as '{self.phrase[-1].value} - {toks[i + 1].value}';"
                    f" write '{self.phrase[-1].value} tahun n-1' for an earlier period, or put"
                    f" a name such as '{shown}' in braces"
                )
            if kind == "LPAR" and self.last_is_name():
                period = self.match_period(i)
                if period:
                    self.flush()
                    self.emit("PERIOD", str(period[0]), tok, toks[period[1] - 1])
                    i = period[1]
                    continue
                if self.phrase:
                    shown = " ".join(str(t.value) for t in self.phrase)
                    if len(self.phrase) == 1:
                        raise _error(self.text, self.phrase[0], f"unknown function '{shown}'")
                    raise _error(self.text, tok, f"missing operator between '{shown}' and '('")
            self.flush()
            if kind == "BRACED":
                inner = " ".join(str(tok.value)[1:-1].split())
                if not inner:
                    raise _error(self.text, tok, "empty name in braces '{}'")
                self.emit("NAME", inner, tok)
            elif kind == "COMPARE" and tok.value == "=" and not self.in_condition:
                self.emit("EQUALS", "=", tok)
            elif kind in ("STAR", "X_GLUED"):
                self.emit("MUL", str(tok.value), tok)
            elif kind in ("SLASH", "COLON"):
                self.emit("DIV", str(tok.value), tok)
            else:
                self.out.append(tok)
            i += 1
        self.flush()
        return self.out

    def on_word(self, i: int) -> int:
        tok = self.toks[i]
        word = str(tok.value).casefold()
        if word in _MUL_WORDS and self.after_operand():
            self.flush()
            self.emit("MUL", str(tok.value), tok)
            return i + 1
        if word == "dibagi":
            self.flush()
            end = i + 2 if self.word(i + 1) == "dengan" else i + 1
            self.emit("DIV", "dibagi", tok, self.toks[end - 1])
            return end
        if word == "jika":
            self.flush()
            if self.word(i + 1) == "tidak":
                self.emit("ELSE", "jika tidak", tok, self.toks[i + 1])
                self.in_condition = False
                return i + 2
            self.emit("JIKA", "jika", tok)
            self.in_condition = True
            return i + 1
        if word == "maka":
            self.flush()
            self.emit("MAKA", "maka", tok)
            self.in_condition = False
            return i + 1
        if word == "selain" and self.word(i + 1) == "itu":
            self.flush()
            self.emit("ELSE", "selain itu", tok, self.toks[i + 1])
            return i + 2
        if self.in_condition and word in ("dan", "atau"):
            self.flush()
            self.emit("AND" if word == "dan" else "OR", word, tok)
            return i + 1
        if word == "persen" and not self.phrase and self.out and self.out[-1].type == "NUMBER":
            self.emit("PERCENT", "persen", tok)
            return i + 1
        if word == "tahun" and self.last_is_name():
            period = self.match_period(i + 1)
            if period:
                self.flush()
                self.emit("PERIOD", str(period[0]), tok, self.toks[period[1] - 1])
                return period[1]
        if word in FUNCTIONS and not self.phrase and self.typ(i + 1) == "LPAR":
            self.emit("FUNC", FUNCTIONS[word], tok)
            return i + 1
        self.phrase.append(tok)
        return i + 1
