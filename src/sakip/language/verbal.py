"""Formulas written in words: "Persentase A terhadap B", "membagi A dengan B",
"X adalah ...", ", kemudian hasilnya dikalikan seratus persen".

Each handler reads one word in its context and writes the operator tokens the sentence
means, with a reading note (``Formula.notes``) that says which reading was taken. A
verbal ratio is written with brackets, ``(A) / (B)``, closed at the end of its clause,
so its parts keep together whatever they hold.
"""

from __future__ import annotations

from lark import Token

from ..errors import FormulaSyntaxError, NotAFormulaError
from .scanning import Output, type_at, word_at, zero_width
from .words import (
    CLAUSE_FILLERS,
    GROWTH_WORDS,
    NUMBER_WORDS,
    OPERAND_ENDS,
    RATIO_HEADS,
    VERB_OPERATORS,
)

__all__ = ["VerbalRules"]

# What, after a word at position i, makes the rest of the text a formula.
_MATERIAL_TYPES = {"SLASH", "STAR", "X_GLUED", "COLON", "SIGMA", "SIGMA_BOUNDED", "CARET"}
_MATERIAL_WORDS = {
    "terhadap",
    "dibagi",
    "membagi",
    "dibandingkan",
    "dibanding",
    "mengalikan",
    "dikalikan",
    "x",
    "kali",
    "per",
    "setiap",
    "jika",
}


class VerbalRules(Output):
    """Handlers for the words of verbal formulas; each returns the index after what it
    consumed, or None when the word is, in its place, a word of a name."""

    # -- labels: "X adalah ...", "X dihitung dengan cara ...", "X : ..." -------------
    def on_definer(self, i: int) -> int | None:
        if not self.phrase or self.clause_start or self.out:
            return None  # only a label at the start defines
        if not self._material_after(i + 1):
            tok = self.toks[i]
            raise NotAFormulaError(
                f"this is a definition ('... {tok.value} ...'), not a formula: write the"
                " arithmetic, such as 'A / B x 100%'",
                self.text,
                tok.line or 1,
                tok.column or 1,
            )
        return self._label(i, 1)

    def on_label_verb(self, i: int) -> int | None:
        """ "dihitung dengan (cara)", "diperoleh dari", "dirumuskan sebagai"."""
        if not self.phrase or self.out or not self._material_after(i + 1):
            return None
        width = 1
        while word_at(self.toks, i + width) in ("dengan", "dari", "cara", "sebagai", "rumus"):
            width += 1
        return self._label(i, width)

    def label_colon(self, i: int) -> bool:
        """A colon after a leading name is a label when the rest divides by itself
        ("Angka Kesakitan DBD : (A / B) x 100.000"); else the colon divides."""
        if not self.phrase or self.out or self.in_condition:
            return False
        return self._material_after(i + 1, dividing_only=True)

    def _label(self, i: int, width: int) -> int:
        shown = " ".join(str(t.value) for t in self.toks[i : i + width])
        self.readings.append(f"'{shown}' is read as '=': the words before it name the result")
        end = self.keyword(i, "EQUALS", "=", width)
        self.clause_start = len(self.out)
        return end

    def _material_after(self, start: int, dividing_only: bool = False) -> bool:
        types = {"SLASH"} if dividing_only else _MATERIAL_TYPES
        words = {"terhadap", "dibagi", "membagi", "dibandingkan", "dibanding", "per", "setiap"}
        if not dividing_only:
            words |= _MATERIAL_WORDS
        for k in range(start, len(self.toks)):
            word = word_at(self.toks, k)
            if word in ("per", "setiap", "tiap") and type_at(self.toks, k + 1) != "NUMBER":
                continue  # "pada setiap jenjang": no rate
            if self.toks[k].type in types or word in words:
                return True
            if self.toks[k].type == "COMPARE" and self.toks[k].value == "=":
                return True
        return False

    # -- ratios: "Persentase A terhadap B", "Perbandingan antara A dengan B" ----------
    def on_ratio_word(self, i: int) -> int | None:
        """ "terhadap", "dibandingkan (dengan)", "dibanding", "berbanding"."""
        word = word_at(self.toks, i)
        if word == "terhadap" and self.divides:
            return None  # "kepuasan terhadap layanan / responden": a word of a name
        if not self.phrase and not (self.out and self.out[-1].type in OPERAND_ENDS):
            return None
        width = 2 if word_at(self.toks, i + 1) == "dengan" else 1
        self._open_ratio(i, "/", width)
        return i + width

    def on_dengan(self, i: int) -> int | None:
        if self.verb is not None and self.phrase:
            operator, self.verb = self.verb, None
            self._open_ratio(i, operator, 1)
            return i + 1
        if len(self.phrase) > 2 and self._head() is not None and self._joined_by_antara():
            self._open_ratio(i, "/", 1)
            return i + 1
        return None

    def on_verb(self, i: int) -> int | None:
        """ "membagi A dengan B", "mengalikan A dengan B": the operator waits for
        "dengan"."""
        if self.phrase or self.verb is not None:
            return None
        self.verb = VERB_OPERATORS[word_at(self.toks, i) or ""]
        self.readings.append(f"'{self.toks[i].value} A dengan B' is read as A {self.verb} B")
        return i + 1

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
        lead = self._lead()
        first = lead[0].casefold() if len(lead) > 1 else ""
        return first if first in RATIO_HEADS else None

    def _joined_by_antara(self) -> bool:
        return len(self.phrase) > 1 and str(self.phrase[1].value).casefold() == "antara"

    def _open_ratio(self, i: int, operator: str, width: int) -> None:
        """Write "(" A ")" operator "(" and promise ")" (and the head's scale) at the end
        of the clause."""
        head = self._head()
        if head is not None:
            lead = self._lead()
            joins = len(lead) > 2 and lead[1].casefold() in ("antara", "dari")
            dropped = self._drop_lead(2 if joins else 1)
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
        elif word_at(self.toks, i) != "dengan" and self.toks[i].type == "WORD":
            shown = " ".join(str(t.value) for t in self.toks[i : i + width])
            self.readings.append(f"'{shown}' is read as a division")
        growth = operator == "/" and self._growth_words()
        tok = self.toks[i]
        first = self.phrase[0] if self.phrase else tok
        if self.out[self.clause_start :] or self.phrase:
            at = self.out[self.clause_start] if len(self.out) > self.clause_start else first
            for _ in range(2 if growth else 1):
                self.out.insert(self.clause_start, zero_width("LPAR", "(", at))
        self.flush()
        self.mark("RPAR", ")", tok)
        types = {"/": "DIV", "*": "MUL", "-": "SUB", "+": "ADD"}
        self.emit(types["-" if growth else operator], operator, tok, self.toks[i + width - 1])
        self.mark("LPAR", "(", tok)
        if growth:
            self.growth_from = len(self.out)
        self.closers.append(("RPAR", ")"))

    def _growth_words(self) -> bool:
        """ "(Persentase) tingkat pertumbuhan A dibandingkan dengan tahun sebelumnya": the
        change from B to A, over B; the growth words leave the name."""
        lead = self._lead()
        k = 0
        while k < len(lead) and lead[k].casefold() in GROWTH_WORDS:
            k += 1
        if not any(
            w.casefold() in ("pertumbuhan", "kenaikan", "peningkatan", "perubahan", "penurunan")
            for w in lead[:k]
        ) or k == len(lead):
            return False
        words = self._drop_lead(k)
        self.readings.append(f"'{words} A dibandingkan dengan B' is read as (A - B) / B")
        return True

    # -- the rest of a clause: ", kemudian hasilnya dikalikan seratus persen" --------
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
        self.close_clause()
        self.mark("MUL", "x", tok)
        self.mark("NUMBER", "100", tok)
        self.mark("PERCENT", "%", tok)
        self.readings.append("'dinyatakan dalam persen' is read as x 100%")
        return k

    def on_purpose(self, i: int) -> int | None:
        """ "untuk memperoleh nilai dalam bentuk persentase" after a whole formula says
        why; it is left out."""
        if self.phrase or not self.out or self.out[-1].type not in OPERAND_ENDS:
            return None
        if self.brackets:
            return None
        shown = " ".join(str(t.value) for t in self.toks[i:])
        self.readings.append(f"'{shown}' says what the result is for and is left out")
        self.stopped = True
        return len(self.toks)

    def on_rate(self, i: int) -> int | None:
        """ "A per 100.000 penduduk", "A dalam setiap 1.000 kelahiran hidup": A / B x N.
        After a whole ratio ("... x 1.000 per 1.000 KH") the words only name the unit."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is None or nxt.type != "NUMBER" or word_at(self.toks, i + 2) is None:
            return None
        if not self.phrase:
            if self.out and self.out[-1].type in OPERAND_ENDS and self.divides:
                shown = " ".join(str(t.value) for t in self.toks[i:])
                self.readings.append(f"'{shown}' names the unit and is left out")
                self.stopped = True
                return len(self.toks)
            return None
        if self.divides:
            return None
        while self.phrase and str(self.phrase[-1].value).casefold() in ("dalam", "untuk", "pada"):
            self.phrase.pop()
        scale = str(nxt.value)
        self.readings.append(f"'{self.toks[i].value} {scale} ...' is read as / ... x {scale}")
        self.closers.append(("NUMBER", scale))
        self.closers.append(("MUL", "x"))
        self._open_ratio(i, "/", 1)
        return i + 2
