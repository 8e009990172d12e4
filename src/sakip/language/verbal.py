"""Ratios written in words: "Persentase A terhadap B", "Perbandingan antara A dengan
B", "membagi A dengan B", "tingkat pertumbuhan A dibandingkan dengan B", "A per
100.000 penduduk".

Each handler reads one word in its context and writes the operator tokens the sentence
means, with a reading note (``Formula.notes``) that says which reading was taken. A
verbal ratio is written with brackets, ``(A) / (B)``, closed where its term ends (a
"+", "-", a condition word, its own bracket or the end of the clause), so its parts keep
together whatever they hold.
"""

from __future__ import annotations

from lark import Token

from .scanning import Output, constant_at, word_at, zero_width
from .words import (
    DIVIDERS_AFTER_HEAD,
    GROWTH_WORDS,
    OPERAND_ENDS,
    OPERATION_HEADS,
    RATE_LINKS,
    RATIO_HEADS,
    UNIT_WORDS,
    VERB_OPERATORS,
)

__all__ = ["VerbalRules"]


class LeadWords(Output):
    """The words a verbal ratio starts with: the clause's first name, its ratio head
    ("Persentase", "Rasio") and growth words, which leave the name once read."""

    def _lead(self) -> list[str]:
        """The words of the clause's first name: the pending phrase, or the name already
        written when a period ended it ("A pada tahun yang dilaporkan terhadap B")."""
        if self.phrase and len(self.out) == self.clause_start:
            return [str(t.value) for t in self.phrase]
        named = self._first_name()
        return str(self.out[named].value).split() if named is not None else []

    def _first_name(self) -> int | None:
        rest = self.out[self.clause_start :]
        if rest and rest[0].type == "NAME":
            return self.clause_start
        return None

    def _drop_lead(self, count: int) -> str:
        """Take the first ``count`` words off the clause's first name; return them."""
        if self.phrase and len(self.out) == self.clause_start:
            dropped, self.phrase = self.phrase[:count], self.phrase[count:]
            return " ".join(str(t.value) for t in dropped)
        named = self._first_name()
        if named is None:
            return ""
        tok = self.out[named]
        words = str(tok.value).split()
        self.out[named] = Token.new_borrow_pos("NAME", " ".join(words[count:]), tok)
        return " ".join(words[:count])

    def _head(self) -> str | None:
        lead = [w.casefold() for w in self._lead()]
        first = lead[self._head_at(lead)] if len(lead) > 1 else ""
        return first if first in RATIO_HEADS else None

    @staticmethod
    def _head_at(lead: list[str]) -> int:
        """Where the ratio head stands: "tingkat perbandingan A dengan B" has one word
        before it."""
        return 1 if lead[:1] == ["tingkat"] and lead[1:2] and lead[1] in RATIO_HEADS else 0

    def _joined_by_antara(self) -> bool:
        at = self._head_at([str(t.value).casefold() for t in self.phrase]) + 1
        return len(self.phrase) > at and str(self.phrase[at].value).casefold() == "antara"

    def _sole_divider(self, i: int) -> bool:
        """ "Perbandingan A dengan B": the "dengan" at i divides when no other word after
        it could ("Perbandingan penduduk dengan disabilitas terhadap ..." divides at
        "terhadap")."""
        if self.divides:
            return False  # a sign or "dibagi" divides: "dengan" stays a word of a name
        return not any(
            word_at(self.toks, k) in DIVIDERS_AFTER_HEAD for k in range(i + 1, len(self.toks))
        )

    def _growth_words(self) -> str:
        """ "(Persentase) tingkat pertumbuhan A dibandingkan dengan tahun sebelumnya": the
        change from B to A, over B; the growth words leave the name."""
        lead = self._lead()
        k = 0
        while k < len(lead) and lead[k].casefold() in GROWTH_WORDS:
            k += 1
        said = {w.casefold() for w in lead[:k]}
        if not said & {"pertumbuhan", "kenaikan", "peningkatan", "perubahan", "penurunan"}:
            return ""
        if k == len(lead):
            return ""
        words = self._drop_lead(k)
        # a fall counts positive only when the text names a fall alone, not "kenaikan
        # atau penurunan" (a change either way)
        down = said & {"penurunan"} and not said & {"pertumbuhan", "kenaikan", "peningkatan"}
        self.readings.append(
            f"'{words} A dibandingkan dengan B' is read as "
            + ("(B - A) / B, a fall counted positive" if down else "(A - B) / B")
        )
        return "down" if down else "up"


class VerbalRules(LeadWords):
    """Handlers for the words of verbal ratios; each returns the index after what it
    consumed, or None when the word is, in its place, a word of a name."""

    def on_ratio_word(self, i: int) -> int | None:
        """ "terhadap", "dibandingkan (dengan)", "dibanding", "berbanding"."""
        word = word_at(self.toks, i)
        if word == "terhadap" and (self.divides or self._head() is None):
            # "Indeks kepuasan masyarakat terhadap pelayanan": a word of a name; it
            # divides after a ratio's first word ("Persentase A terhadap B")
            return None
        if not self.phrase and not (self.out and self.out[-1].type in OPERAND_ENDS):
            return None
        width = 2 if word_at(self.toks, i + 1) == "dengan" else 1
        self._open_ratio(i, "/", width, compares=True)
        return i + width

    def on_dengan(self, i: int) -> int | None:
        if constant_at(self.toks, i) and self.after_operand():
            self.readings.append("'dengan konstanta N' is read as x N")
            self.flush()
            self.emit("MUL", "x", self.toks[i], self.toks[i + 1])
            return i + 2
        if self._operation(i):
            return i + 1
        if self.verb is not None and self.phrase:
            operator, self.verb = self.verb, None
            self._open_ratio(i, operator, 1)
            return i + 1
        joined = self._joined_by_antara() or self._sole_divider(i)
        if len(self.phrase) > 2 and self._head() is not None and joined:
            self._open_ratio(i, "/", 1, compares=True)
            return i + 1
        return None

    def on_operation_dan(self, i: int) -> int | None:
        """ "selisih antara A dan B": "dan" joins an operation's two terms."""
        return i + 1 if self._operation(i) else None

    def _operation(self, i: int) -> bool:
        """ "(hasil) perkalian antara A dengan B", "selisih antara A dan B": A x B,
        A - B; the head's words leave the name."""
        lead = [w.casefold() for w in self._lead()]
        k = 1 if lead[:1] == ["hasil"] else 0
        operator = OPERATION_HEADS.get(lead[k] if len(lead) > k else "")
        if operator is None or lead[k + 1 : k + 2] != ["antara"] or len(lead) < k + 3:
            return False
        dropped = self._drop_lead(k + 2)
        self.readings.append(f"'{dropped} A dengan B' is read as A {operator} B")
        self._open_ratio(i, operator, 1)
        return True

    def on_verb(self, i: int) -> int | None:
        """ "membagi A dengan B", "mengalikan A dengan B": the operator waits for
        "dengan"."""
        if self.phrase or self.verb is not None:
            return None
        self.verb = VERB_OPERATORS[word_at(self.toks, i) or ""]
        self.readings.append(f"'{self.toks[i].value} A dengan B' is read as A {self.verb} B")
        return i + 1

    def _open_ratio(self, i: int, operator: str, width: int, *, compares: bool = False) -> None:
        """Write "(" A ")" operator "(" and promise ")" (and the head's scale) at the end
        of the clause. ``compares``: "A terhadap B", "Perbandingan antara A dengan B", a
        comparison whose second term may name a whole (see ``_share_of_whole``)."""
        self.verbal_ratio = True
        head = self._head()
        plain = compares and not self.closers and (head is None or not RATIO_HEADS[head])
        if head is not None:
            lead = self._lead()
            skip = self._head_at([w.casefold() for w in lead])
            joins = len(lead) > skip + 2 and lead[skip + 1].casefold() in ("antara", "dari")
            dropped = self._drop_lead(skip + (2 if joins else 1))
            if RATIO_HEADS[head]:
                self.readings.append(
                    f"'{dropped} A terhadap B' is read as A / B x 100%"
                    if operator == "/"
                    else f"'{dropped}' is read as x 100%"
                )
                self.closers.append(("PERCENT", "%"))
                self.closers.append(("NUMBER", "100"))
                self.closers.append(("MUL", "x"))
            else:
                self.readings.append(f"'{dropped} A terhadap B' is read as A / B")
        elif operator == "/" and word_at(self.toks, i) != "dengan" and self.toks[i].type == "WORD":
            shown = " ".join(str(t.value) for t in self.toks[i : i + width])
            self.readings.append(f"'{shown}' is read as a division")
        growth = self._growth_words() if operator == "/" else ""
        tok = self.toks[i]
        first = self.phrase[0] if self.phrase else tok
        if self.out[self.clause_start :] or self.phrase:
            at = self.out[self.clause_start] if len(self.out) > self.clause_start else first
            for _ in range(2 if growth else 1):
                self.out.insert(self.clause_start, zero_width("LPAR", "(", at))
        self.flush()
        self.mark("RPAR", ")", tok)
        types = {"/": "DIV", "*": "MUL", "-": "SUB", "+": "ADD"}
        if growth == "down":  # a fall counts positive: (B - A) / B = -(A - B) / B
            self.out.insert(self.clause_start, zero_width("SUB", "-", self.out[self.clause_start]))
        written = "-" if growth else operator
        self.emit(types[written], written, tok, self.toks[i + width - 1])
        self.mark("LPAR", "(", tok)
        if growth:
            self.growth_from = len(self.out)
        self.share_from = len(self.out) if plain and not growth else None
        self.closers.append(("RPAR", ")"))
        self.ratio_depth = len(self.brackets)

    def on_rate(self, i: int) -> int | None:
        """ "A per 100.000 penduduk", "A dalam setiap 1.000 kelahiran hidup": A / B x N.
        After a whole ratio ("... x 1.000 per 1.000 KH") the words only name the unit."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        unit = word_at(self.toks, i + 2)
        if nxt is None or nxt.type != "NUMBER" or unit is None or unit in UNIT_WORDS:
            return None  # "per 3 bulan", "setiap 2 minggu": a span of time, in the name
        if not self.phrase:
            if self.out and self.out[-1].type in OPERAND_ENDS and self.divides:
                shown = " ".join(str(t.value) for t in self.toks[i:])
                self.readings.append(f"'{shown}' names the unit and is left out")
                self.stopped = True
                return len(self.toks)
            return None
        if self.divides or self.symbolic:
            return None  # beside signs, "Kasus per 56 desa" is a name
        while self.phrase and str(self.phrase[-1].value).casefold() in RATE_LINKS:
            self.phrase.pop()
        scale = str(nxt.value)
        self.share_from = None
        self.readings.append(f"'{self.toks[i].value} {scale} ...' is read as / ... x {scale}")
        self.closers.append(("NUMBER", scale))
        self.closers.append(("MUL", "x"))
        self._open_ratio(i, "/", 1)
        return i + 2
