"""Series written out: "L1 + L2 + ... + L38", "SIGMA [Dimensi (1-6) x Bobot (1-6)]", and
"Jumlah xi" with the range of i in the glossary ("dimana i = 1, 2, ..., 9").

A written series stands for its terms: the ellipsis between numbered names is filled
in with the names it skips, each a variable of its own. "SIGMA" (or "sigma") before a
bracket whose names carry the same index range "(1-6)" is the bounded sum
Σ_{i=1}^{6} of those names as indexed names.
"""

from __future__ import annotations

import re

from lark import Token

from ..errors import LimitError
from .limits import MAX_SERIES_TERMS
from .scanning import Output, error, type_at, word_at, zero_width
from .words import ALWAYS_KEYWORDS, OPERATOR_WORDS

__all__ = ["SeriesRules"]

_NUMBERED = re.compile(r"(?P<stem>.*?)\s*(?P<number>\d{1,4})")
# "xi", "Xi", "NRRi": a symbol's stem (one or two small letters, or capitals) and the
# index letter the glossary gives a range; "bayi" and "nilai" are words, not symbols.
_INDEXED_WORD = re.compile(r"(?P<stem>[a-z]{1,2}|[A-Z]{1,4}|[A-Z][a-z])(?P<index>[a-z])")
# The index a "SIGMA [...]" sum runs over: a letter no written name can take.
_INDEX = "ι"


class SeriesRules(Output):
    """Handlers that write out a series."""

    def on_ellipsis(self, i: int) -> int:
        """ "L1 + L2 + ... + L38": the names between L2 and L38."""
        tok = self.toks[i]
        self.flush()
        before = self.out[-2] if len(self.out) > 1 and self.out[-1].type == "ADD" else None
        last = _numbered(before)
        if before is None or last is None or type_at(self.toks, i + 1) != "ADD":
            raise error(
                self.text, tok, "'...' stands for a series: write it as 'L1 + L2 + ... + L9'"
            )
        final = self._final_term(i + 2)
        if final is None or final[0] != last[0] or final[1] <= last[1]:
            raise error(self.text, tok, "the names around '...' must be one name numbered upwards")
        self._count_series(final[1] - last[1] - 1, tok)
        stem = last[0]
        for number in range(last[1] + 1, final[1]):
            self.out.append(Token.new_borrow_pos("NAME", f"{stem}{number}", tok))
            self.out.append(zero_width("ADD", "+", tok))
        self.readings.append(
            f"'...' is read as the names {stem}{last[1] + 1} to {stem}{final[1] - 1}"
        )
        return i + 2  # the final name is read next, as written

    def _final_term(self, k: int) -> tuple[str, int] | None:
        """The numbered name after "... +": "L38" or "L 38"."""
        word = self.toks[k] if k < len(self.toks) else None
        if word is None or word.type != "WORD":
            return None
        found = _numbered_text(str(word.value))
        if found is None and type_at(self.toks, k + 1) == "NUMBER":
            number = str(self.toks[k + 1].value)
            found = (str(word.value), int(number)) if number.isdigit() else None
        return found

    def indexed_total(self, i: int) -> int | None:
        """ "Jumlah xi", "Σxi" with "i = 1, 2, ..., 9" in the glossary: the series
        (x1 + x2 + ... + x9), each term a variable of its own."""
        if self.phrase or not self.index_ranges or type_at(self.toks, i + 1) != "WORD":
            return None
        tok = self.toks[i + 1]
        match = _INDEXED_WORD.fullmatch(str(tok.value))
        if match is None or match.group("index") not in self.index_ranges:
            return None
        if match.group("stem")[-1] in self.index_ranges:
            return None  # "xij": a sum over two indexes is not a series of names
        if (word_at(self.toks, i + 2) or "x") not in ALWAYS_KEYWORDS | OPERATOR_WORDS:
            return None  # "Jumlah xi penduduk": a name goes on
        stem, index = match.group("stem"), match.group("index")
        low, high = self.index_ranges[index]
        self._count_series(high - low + 1, tok)
        self.flush()
        self.mark("LPAR", "(", self.toks[i])
        for number in range(low, high + 1):
            if number > low:
                self.mark("ADD", "+", tok)
            self.out.append(Token.new_borrow_pos("NAME", f"{stem}{number}", tok))
        self.mark("RPAR", ")", tok)
        self.readings.append(
            f"'{self.toks[i].value} {tok.value}' is read as {stem}{low} + ... + {stem}{high}"
            f" ({index} = {low}, ..., {high} in the glossary)"
        )
        return i + 2

    def _count_series(self, count: int, tok: Token) -> None:
        """Names written out in the whole formula stay within the limit: each is a
        variable, and many short series would cost as much as one long one."""
        self.series_names += count
        if self.series_names > MAX_SERIES_TERMS:
            raise error(
                self.text, tok, f"series of more than {MAX_SERIES_TERMS} names in all", LimitError
            )

    def on_sigma_word(self, i: int) -> int | None:
        """ "SIGMA [Dimensi (1-6) x Bobot Dimensi (1-6)]": Σ over the one index range
        written after each name."""
        indexed = self.indexed_total(i)
        if indexed is not None:
            return indexed
        if self.phrase or type_at(self.toks, i + 1) not in ("LSQB", "LPAR"):
            return None
        close = _closing(self.toks, i + 1)
        ranges = _index_ranges(self.toks, i + 2, close)
        if close is None or not ranges or len({r for _, r in ranges}) != 1:
            return None
        (low, high) = ranges[0][1]
        tok = self.toks[i]
        self.emit("SIGMA_FROM", _INDEX, tok)
        self.mark("NUMBER", str(low), tok)
        self.mark("SIGMA_TO", "^", tok)
        self.mark("NUMBER", str(high), tok)
        self.mark("SIGMA_END", "", tok)
        self.index_asides = {k for k, _ in ranges}
        self.readings.append(f"'{tok.value} [...]' is read as the sum over {low} to {high}")
        return i + 1

    def index_aside(self, i: int) -> int | None:
        """The "(1-6)" after a name inside a SIGMA [...]: the name is indexed."""
        if i not in self.index_asides or not self.phrase:
            return None
        words, self.phrase = self.phrase, []
        name = " ".join(str(t.value) for t in words)
        self.emit("INDEXED", f"{name}_{_INDEX}", words[0], words[-1])
        return i + 5  # ( a - b )

    def on_sigma(self, i: int) -> int:
        """ "Σxi" with the range of i in the glossary is a series; else Σ of a name."""
        series = self.indexed_total(i)
        return self.on_other(i) if series is None else series


def _numbered(tok: Token | None) -> tuple[str, int] | None:
    if tok is None or tok.type != "NAME":
        return None
    return _numbered_text(str(tok.value))


def _numbered_text(text: str) -> tuple[str, int] | None:
    match = _NUMBERED.fullmatch(text)
    return (match.group("stem"), int(match.group("number"))) if match else None


def _closing(toks: list[Token], k: int) -> int | None:
    depth = 0
    for j in range(k, len(toks)):
        depth += toks[j].type in ("LPAR", "LSQB")
        depth -= toks[j].type in ("RPAR", "RSQB")
        if depth == 0:
            return j
    return None


def _index_ranges(
    toks: list[Token], start: int, end: int | None
) -> list[tuple[int, tuple[int, int]]]:
    """Each "(a-b)" right after a word between start and end: (position, (a, b))."""
    found = []
    for k in range(start, end or start):
        kinds = [type_at(toks, k + d) for d in range(5)]
        if kinds == ["LPAR", "NUMBER", "SUB", "NUMBER", "RPAR"] and word_at(toks, k - 1):
            low, high = str(toks[k + 1].value), str(toks[k + 3].value)
            if low.isdigit() and high.isdigit() and int(low) <= int(high):
                found.append((k, (int(low), int(high))))
    return found
