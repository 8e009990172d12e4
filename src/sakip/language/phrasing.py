"""Operators and clauses as documents phrase them in words: "A, ditambah dengan B",
"..., atau dapat dikatakan juga ...", "maka nilai X menjadi 120", "Bila A dibagi B,
maka diperoleh C", "..., untuk memperoleh ..." (why, not what)."""

from __future__ import annotations

from lark import Token

from .clauses import ClauseRules
from .scanning import type_at, word_at, zero_width
from .words import (
    BECOMES_WORDS,
    NAME_SLASH_WORDS,
    OPERAND_ENDS,
    RESTATING_WORDS,
    SUM_WORDS,
    is_abbreviation,
)

__all__ = ["PhrasingRules"]

# "Bila A dibagi B, maka (akan) diperoleh C": the arithmetic yields C.
_YIELDS = frozenset({"diperoleh", "didapat", "didapatkan", "dihasilkan", "menghasilkan"})


class PhrasingRules(ClauseRules):
    """Handlers for operator words and clause words; each returns the index after what
    it consumed, or None when the word is, in its place, a word of a name."""

    def yields_name(self, i: int) -> bool:
        """ "Bila A dibagi dengan B, maka akan diperoleh C": no comparison, arithmetic
        that yields C; it reads "C = A / B" (the whole rest names C)."""
        k = i + 1 + (word_at(self.toks, i + 1) == "akan")
        opened = max((j for j, t in enumerate(self.out) if t.type == "JIKA"), default=None)
        if word_at(self.toks, k) not in _YIELDS or opened is None or k + 1 >= len(self.toks):
            return False
        if any(t.type in ("COMPARE", "AND", "OR") for t in self.out[opened:]):
            return False
        self.flush()
        if self.closers:
            self.close_clause()
        first = k + 1 + (word_at(self.toks, k + 1) in ("suatu", "sebuah", "nilai"))
        name = self.joined_text(self.toks[first], self.toks[-1])
        equals = zero_width("EQUALS", "=", self.toks[i])
        jika = self.out[opened]
        self.out[opened : opened + 1] = [
            Token.new_borrow_pos("NAME", str(name.value), jika),
            equals,
        ]
        self.readings.append(
            f"'{self.text[jika.start_pos or 0 : jika.end_pos or 0]} A, maka"
            f" {word_at(self.toks, k)} C' is read as 'C = A': the"
            " arithmetic yields C, no condition"
        )
        self.in_condition = False
        return True

    def restated_subject(self, k: int) -> int:
        """ "maka nilai Capaian IKI dikonversi menjadi 120": the words up to "menjadi"
        restate what gets the value; the value is what follows."""
        end = k
        while end < len(self.toks) and end - k < 8 and self.toks[end].type == "WORD":
            if word_at(self.toks, end) in BECOMES_WORDS:
                break
            end += 1
        if word_at(self.toks, end) not in BECOMES_WORDS or type_at(self.toks, end + 1) != "NUMBER":
            return k
        shown = " ".join(str(t.value) for t in self.toks[k : end + 1])
        self.readings.append(f"'maka {shown} N' is read as 'maka N'")
        return end + 1

    def on_sum_word(self, i: int) -> int | None:
        """ "A, ditambah dengan B", "A dikurangi B": + and -, between two values ("yang
        dikurangi" and a word at the end stay words of a name)."""
        k = i + 1 + (word_at(self.toks, i + 1) == "dengan")
        before = self.phrase[-1] if self.phrase else None
        if (
            not self.after_operand()
            or (before is not None and str(before.value).casefold() == "yang")
            or type_at(self.toks, k) not in ("WORD", "NUMBER", "LPAR", "BRACED")
        ):
            return None
        operator = SUM_WORDS[word_at(self.toks, i) or ""]
        shown = " ".join(str(t.value) for t in self.toks[i:k])
        self.readings.append(f"'{shown}' is read as '{operator}'")
        if self._divides_next_term(k):
            self.notes.append(
                f"'{shown}' {'adds' if operator == '+' else 'subtracts'} only the term"
                " before the '/' after it: if the whole sum is divided, as in (A + B) / C,"
                " write the brackets"
            )
        end = self.keyword(i, "ADD" if operator == "+" else "SUB", operator, k - i)
        self.new_clause()
        return end

    def _divides_next_term(self, k: int) -> bool:
        for m in range(k, len(self.toks)):
            if (
                self.toks[m].type in ("ADD", "SUB", "LPAR", "_SEMI")
                or word_at(self.toks, m) in SUM_WORDS
            ):
                return False
            if self.toks[m].type == "SLASH" or word_at(self.toks, m) == "dibagi":
                return True
            parts = str(self.toks[m].value).split("/")
            if self.toks[m].type == "WORD" and len(parts) > 1:
                # "atas/jumlah" divides; "SD/MI" and "dan/atau" are names
                return not all(is_abbreviation(p) or p in NAME_SLASH_WORDS for p in parts)
        return False

    def on_restatement(self, i: int) -> int | None:
        """ "A per 1.000 kelahiran hidup atau dapat dikatakan juga sebagai peluang ...":
        the words after "atau" say the same thing again; they are left out."""
        k = i + 1
        while word_at(self.toks, k) in ("dapat", "bisa", "juga"):
            k += 1
        if word_at(self.toks, k) not in RESTATING_WORDS or not (self.phrase or self.out):
            return None
        shown = " ".join(str(t.value) for t in self.toks[i:])
        self.readings.append(f"'{shown}' restates the formula and is left out")
        self.stopped = True
        return len(self.toks)

    def on_source(self, i: int) -> int | None:
        """ "A / B x 100% Sumber: BPS": after a whole formula, "Sumber (data):" names
        where the values come from; the rest is left out ("Sumber daya" is a name)."""
        k = i + 1 + (word_at(self.toks, i + 1) == "data")
        if type_at(self.toks, k) != "COLON" or not self.out or self.brackets:
            return None
        self.flush()
        if self.out[-1].type not in OPERAND_ENDS:
            return None
        shown = " ".join(str(t.value) for t in self.toks[i:])
        self.readings.append(f"'{shown}' names the source and is left out")
        self.stopped = True
        return len(self.toks)

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
