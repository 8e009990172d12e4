"""The rest of a verbal clause: ", kemudian hasilnya dikalikan seratus persen",
"dinyatakan dalam persen"; where clauses start and end."""

from __future__ import annotations

from ..errors import FormulaSyntaxError
from .scanning import Output, constant_at, type_at, word_at, zero_width
from .words import (
    CLAUSE_FILLERS,
    COMPARISON_WORDS,
    MUL_WORDS,
    NUMBER_WORDS,
)

__all__ = ["ClauseRules", "ComparisonRules"]


class ClauseRules(Output):
    """Where clauses start and end (a verbal ratio closes with its clause), and the
    words around a clause's arithmetic."""

    def new_clause(self) -> None:
        """A clause starts here: after "=", "jika", "maka", a comparison, "(" ..."""
        self.clause_start = len(self.out)

    def open_group(self, kind: str) -> None:
        """After writing "(" or "[": a clause of its own starts inside."""
        self.brackets.append(kind)
        self.outer_clauses.append(self.clause_start)
        self.new_clause()

    def close_group(self) -> None:
        """Before writing ")" or "]": a verbal ratio opened inside ends with it."""
        if self.closers and len(self.brackets) == self.ratio_depth:
            self.close_clause()
        if self.brackets:
            self.brackets.pop()
            self.clause_start = self.outer_clauses.pop()

    def ends_term(self, i: int) -> bool:
        """A pending verbal ratio ends before a "+", "-", comparison or condition word
        at its own depth: "Rasio A terhadap B + C" is (A) / (B) + C."""
        if not self.closers or len(self.brackets) != self.ratio_depth:
            return False
        tok = self.toks[i]
        if tok.type in ("ADD", "SUB", "_SEMI") or (tok.type == "COMPARE" and self.in_condition):
            return True
        word = word_at(self.toks, i)
        if word in ("maka", "selain", "jika") or (self.in_condition and word in ("dan", "atau")):
            return True
        return self._written_scale(i)

    def _written_scale(self, i: int) -> bool:
        """ "Persentase A terhadap B x 100%": a multiplication by a number after the
        ratio's second term is its scale, written out; the head's own x 100% then goes
        (A / B x 100%, not A / (B x 100%) x 100%)."""
        tok = self.toks[i]
        constant = constant_at(self.toks, i)
        if not (constant or tok.type in ("STAR", "X_GLUED") or word_at(self.toks, i) in MUL_WORDS):
            return False
        k = i + 1
        while word_at(self.toks, k) in ("dengan", "konstanta"):
            k += 1
        if type_at(self.toks, k) == "LPAR" and type_at(self.toks, k + 2) == "RPAR":
            k += 1  # "dengan konstanta (100)"
        if not (type_at(self.toks, k) == "NUMBER" or word_at(self.toks, k) in NUMBER_WORDS):
            return False
        self.share_from = None  # its scale is written: no share read in percent
        head_scale = [("PERCENT", "%"), ("NUMBER", "100"), ("MUL", "x")]
        if self.closers[-4:-1] == head_scale:
            del self.closers[-4:-1]
            self.readings.append("the scale written after the ratio is the head's x 100%")
        return True

    def on_filler(self, i: int) -> int | None:
        """ "kemudian", "hasilnya", "sedangkan" where a clause starts: no meaning."""
        at_start = not self.phrase and (
            not self.out or self.out[-1].type in ("EQUALS",) or self._after_clause_comma(i)
        )
        if not at_start:
            return None
        return i + 1

    def _after_clause_comma(self, i: int) -> bool:
        before = self.toks[i - 1] if i > 0 else None
        if before is None:
            return False
        return before.type == "_COMMA" or word_at(self.toks, i - 1) in CLAUSE_FILLERS

    def on_number_word(self, i: int) -> int | None:
        """ "seratus", "seribu", "seratus ribu" after an operator are numbers."""
        if self.phrase or not self.out or self.out[-1].type not in ("MUL", "DIV"):
            return None
        value = NUMBER_WORDS[word_at(self.toks, i) or ""]
        width = 1
        if word_at(self.toks, i + 1) == "ribu":
            value, width = value * 1000, 2
        self.emit("NUMBER", str(value), self.toks[i], self.toks[i + width - 1])
        return i + width

    def on_stated_in(self, i: int) -> int | None:
        """ "dinyatakan dalam (satuan) persen (%)": the value in percent, x 100%; "dalam
        bentuk rasio": no scale; "rasio atau angka per 1000": the scale is left open."""
        k = i + 1
        while word_at(self.toks, k) in ("dalam", "satuan", "bentuk"):
            k += 1
        stated = word_at(self.toks, k)
        if k == i + 1 or stated is None or not (self.phrase or self.out):
            return None
        ahead = {word_at(self.toks, j) for j in range(k, min(k + 4, len(self.toks)))}
        tok = self.toks[i]
        if "atau" in ahead:
            shown = " ".join(str(t.value) for t in self.toks[i : k + 4])
            raise FormulaSyntaxError(
                f"the wording leaves the scale open ('{shown}'): write the formula with"
                " its scale, such as 'A / B x 100%' or 'A / B x 1.000'",
                self.text,
                tok.line or 1,
                tok.column or 1,
            )
        if stated not in ("persen", "persentase"):
            return None
        k += 1
        if [t.type for t in self.toks[k : k + 3]] == ["LPAR", "PERCENT", "RPAR"]:
            k += 3
        self.share_from = None
        self.close_clause()
        scale = self._written_hundred()
        if scale is None:
            self.mark("MUL", "x", tok)
            self.mark("NUMBER", "100", tok)
            self.mark("PERCENT", "%", tok)
            self.readings.append("'dinyatakan dalam persen' is read as x 100%")
        elif scale >= 0:  # "A / B x 100, dinyatakan dalam persen": that 100 is the percent
            self.out.insert(scale + 1, zero_width("PERCENT", "%", self.out[scale]))
            self.readings.append("'dinyatakan dalam persen' makes the written x 100 a percent")
        return k

    def _written_hundred(self) -> int | None:
        """Where a "x 100" already scales the clause (its index; -1 when it already is
        "x 100%"), or None."""
        for k in range(len(self.out) - 1, self.clause_start, -1):
            tok, before = self.out[k], self.out[k - 1]
            if tok.type == "NUMBER" and before.type == "MUL" and str(tok.value) == "100":
                after = self.out[k + 1] if k + 1 < len(self.out) else None
                return -1 if after is not None and after.type == "PERCENT" else k
        return None


class ComparisonRules(ClauseRules):
    """Comparisons written in words inside a condition."""

    def on_compare_word(self, i: int) -> int | None:
        """ "jika capaian lebih besar dari 110% maka ...": a comparison in words, only
        inside a condition (elsewhere "lebih", "di atas", "minimal" are words of names)."""
        if not self.in_condition:
            return None
        for width in range(5, 0, -1):
            words = [word_at(self.toks, k) for k in range(i, i + width)]
            if None in words:
                continue
            op = COMPARISON_WORDS.get(" ".join(w or "" for w in words))
            if op is not None:
                self.readings.append(f"'{' '.join(w or '' for w in words)}' is read as '{op}'")
                end = self.keyword(i, "COMPARE", op, width)
                self.new_clause()  # the other side of the comparison
                return end
        return None
