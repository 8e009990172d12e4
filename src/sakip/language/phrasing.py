"""Operators and clauses as documents phrase them in words: "A, ditambah dengan B",
"..., atau dapat dikatakan juga ...", "maka nilai X dikonversi menjadi 120", "...,
untuk memperoleh ..." (why, not what), and braces that quote a name."""

from __future__ import annotations

import re

from lark import Token

from .clauses import ClauseRules
from .scanning import error, type_at, word_at, zero_width
from .words import (
    ALWAYS_KEYWORDS,
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
# Where a term of a sum starts: "IKTL = 0,23 ITH + 0,24 IPH".
_TERM_STARTS = frozenset({"ADD", "SUB"})
# A sign between spaces inside braces: "{IHKn – IHKo / IHKo}".
_SPACED_SIGN = re.compile(r"\s[-/x×*+–−÷:]\s")


class PhrasingRules(ClauseRules):
    """Handlers for operator words and clause words; each returns the index after what
    it consumed, or None when the word is, in its place, a word of a name."""

    def on_braced(self, i: int) -> int:
        tok = self.toks[i]
        self.flush()
        inner = " ".join(str(tok.value)[1:-1].split())
        if not inner:
            raise error(self.text, tok, "empty name in braces '{}'")
        parts = _SPACED_SIGN.split(inner)
        if len(parts) > 1 and all(len(part.split()) == 1 for part in parts):
            # "{IHKn – IHKo / IHKo}": symbols between signs; "{Jumlah kasus yang dicatat
            # / dilaporkan}" is a name with a slash
            self.notes.append(
                f"'{tok.value}' is read as one name, as braces quote a name; if the braces"
                " group arithmetic, write round brackets"
            )
        self.emit("NAME", inner, tok)
        return i + 1

    def placeholder_x(self, i: int) -> bool:
        """ "Σ Indikator X / Nilai Maksimum X": a capital X after a name, with no value
        after it, is the name's letter ("variable X"), not a multiplication."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if str(self.toks[i].value) != "X" or not self.phrase:
            return False
        if nxt is not None and nxt.type not in ("SLASH", "RPAR", "COMPARE"):
            return False
        self.readings.append(
            f"'{self.phrase[-1].value} X': the X with no value after it is a letter of the"
            " name, not a multiplication"
        )
        return True

    def weighs(self, i: int) -> bool:
        """ "IKTL = 0,23 ITH + 0,24 IPH + ...": a decimal before a name weighs it, in a
        sum whose terms are all written so (two or more)."""
        if self.weighted_sum is None:
            starts = [-1] + [k for k, t in enumerate(self.toks) if t.type in _TERM_STARTS]
            starts += [k for k, t in enumerate(self.toks) if t.type == "COMPARE" and t == "="]
            terms = [k + 1 for k in starts if k + 2 < len(self.toks)]
            weighted = [k for k in terms if self._coefficient_at(k)]
            conditional = any(word_at(self.toks, k) in ("jika", "maka") for k in starts)
            self.weighted_sum = (
                len(weighted) >= 2 and len(weighted) >= len(terms) - 1 and not conditional
            )
            if self.weighted_sum:
                self.readings.append(
                    "every term is a decimal before a name ('0,23 ITH'): each decimal"
                    " weighs its name (0,23 x ITH)"
                )
        return self.weighted_sum and self._coefficient_at(i) and not self.phrase

    def _coefficient_at(self, k: int) -> bool:
        number = str(self.toks[k].value)
        return (
            self.toks[k].type == "NUMBER"
            and ("," in number or number.startswith("0."))
            and type_at(self.toks, k + 1) == "WORD"
            and word_at(self.toks, k + 1) not in ALWAYS_KEYWORDS
            and self.toks[k].end_pos != self.toks[k + 1].start_pos
        )

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
