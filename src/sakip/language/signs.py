"""Signs whose role depends on where they stand: a colon (a label or a division), a
full stop (an abbreviation's, or a product between short symbols), "&", "%" (a unit or
the start of a name), "√", and "-" (a minus, a prefix's hyphen, or a rule line)."""

from __future__ import annotations

from lark import Token

from ..errors import NotAFormulaError
from .scanning import Output, error, type_at, word_at
from .words import ABBREVIATIONS, OPERAND_ENDS, PREFIXES, piece

__all__ = ["SignRules", "refuse_leading_zero"]


class SignRules(Output):
    """Handlers for the signs; the label and division rules they call live in the
    verbal rules and the scan itself."""

    def on_root(self, i: int) -> int:
        """ "√(A x B)" is akar(A x B); a root sign needs its bracket."""
        if type_at(self.toks, i + 1) != "LPAR":
            raise error(self.text, self.toks[i], "write the root with brackets: √(A x B)")
        self.flush()
        self.emit("FUNC", "√", self.toks[i])
        return i + 1

    def on_percent(self, i: int) -> int:
        """ "% Desa Mandiri = ...", "%AKE": a percent sign where a value starts, before a
        word, begins a name."""
        starts_value = not self.phrase and (not self.out or self.out[-1].type not in OPERAND_ENDS)
        if starts_value and word_at(self.toks, i + 1) is not None:
            sign, word = self.toks[i], self.toks[i + 1]
            glued = sign.end_pos == word.start_pos
            self.phrase.append(self.joined_text(sign, word) if glued else sign)
            return i + 2 if glued else i + 1
        return self.on_other(i)

    def refuse_legend(self, i: int) -> None:
        """A colon in a legend of variables ("P BAL : Proporsi ... JBAK : ..."): the
        text names its symbols but holds no formula."""
        if self.legend():
            tok = self.toks[i]
            raise NotAFormulaError(
                "this is a legend of variables ('SYMBOL : description'), not a formula:"
                " write the formula that uses them",
                self.text,
                tok.line or 1,
                tok.column or 1,
            )

    def legend(self) -> bool:
        """Two or more "X : description" entries and no other operator."""
        types = [t.type for t in self.toks]
        operators = {"SLASH", "STAR", "X_GLUED", "ADD", "CARET", "SIGMA", "SIGMA_BOUNDED"}
        brackets = {"LPAR", "LSQB"}
        if types.count("COLON") < 2 or (operators | brackets) & set(types):
            return False
        if self.divides or self.symbolic:
            return False
        starts = [k + 1 for k, kind in enumerate(types) if kind == "COLON"]
        if any(k >= len(types) or types[k] != "WORD" for k in starts):
            return False  # a description starts with a word: ": 100%" is a division
        first = types.index("COLON")
        described = types[first + 1 :]
        words = described[: described.index("COLON")] if "COLON" in described else described
        return words.count("WORD") >= 4  # a description, not "A : B : C"

    def on_dot(self, i: int) -> int:
        """A full stop left by the sentence pass: part of an abbreviation ("Jml.",
        "s.d.") glued to a word of a name, or a product sign between two one- or
        two-letter symbols ("Pi . K")."""
        tok = self.toks[i]
        if self.phrase and self.phrase[-1].end_pos == tok.start_pos:
            last = self.phrase[-1]
            _refuse_sentence_end(self.text, last, tok)
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
        raise error(self.text, tok, "unexpected '.': a full stop inside a formula")

    def on_amp(self, i: int) -> int:
        """'&' between words of a name ("tingkat & jenjang") is the word 'dan'."""
        self.phrase.append(self.toks[i])
        return i + 1

    def on_sub(self, i: int) -> int:
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is not None and nxt.type == "SUB" and nxt.start_pos == self.toks[i].end_pos:
            run = 1
            while (
                i + run < len(self.toks)
                and self.toks[i + run].type == "SUB"
                and self.toks[i + run].start_pos == self.toks[i + run - 1].end_pos
            ):
                run += 1
            if run >= 5 or self.after_operand():
                # "A -- B" (a typed dash) or "-----" (a rule line from a PDF): not minus
                # signs to compute; "--A" where a value starts is negation twice
                raise error(self.text, self.toks[i], "a run of dashes is not a minus sign")
        if (
            self.phrase
            and nxt is not None
            and nxt.type == "WORD"
            and str(self.phrase[-1].value).casefold() in PREFIXES
            and self.phrase[-1].end_pos == self.toks[i].start_pos
        ):
            # "ber- KTP": a prefix cut from its word by a line break or a space
            self.phrase[-1] = self.joined_text(self.phrase[-1], self.toks[i])
            self.phrase[-1] = Token.new_borrow_pos(
                "WORD", f"{self.phrase[-1].value}{nxt.value}", self.phrase[-1]
            )
            return i + 2
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

    def on_star(self, i: int) -> int:
        """ "Kinerja Utama*** + ...": stars glued to the end of a name, before an
        operator or the end, mark a footnote; elsewhere "*" multiplies."""
        end = i
        while type_at(self.toks, end) == "STAR" and (
            self.toks[end].start_pos == self.toks[end - 1].end_pos if end > 0 else False
        ):
            end += 1
        after = type_at(self.toks, end)
        glued = end > i and self.last_is_name()
        # a space after the stars: "E*-guru" is E x (-guru), "Utama*** + ..." a footnote
        spaced = after is None or self.toks[end].start_pos != self.toks[end - 1].end_pos
        if (
            glued
            and spaced
            and (after is None or after in ("ADD", "SUB", "SLASH", "RPAR", "_COMMA"))
        ):
            marks = "*" * (end - i)
            self.readings.append(f"'{marks}' after a name marks a footnote and is left out")
            return end
        return self.on_mul_sign(i)


def _refuse_sentence_end(text: str, word: Token, dot: Token) -> None:
    """ "program. dibagi": a stop glued to a word that is no abbreviation."""
    if not _abbreviated(str(word.value)):
        raise error(
            text,
            dot,
            f"unexpected '.' after '{word.value}': a sentence ends inside the formula"
            " (cells run together?); write one formula",
        )


def _abbreviated(word: str) -> bool:
    """A word a full stop may shorten: a known abbreviation ("Jml", "s.d"), a short
    word ("Kab", "No"), or one without vowels ("Pddk"); "program." ends a sentence."""
    folded = word.casefold()
    return (
        folded in ABBREVIATIONS
        or "." in folded
        or len(folded) <= 4
        or not set(folded) & set("aeiou")
    )


def refuse_leading_zero(text: str, tok: Token) -> None:
    """ "(0262 - 0.1)": a number that starts with a zero lost its decimal comma."""
    value = str(tok.value)
    if value[:1] == "0" and value[1:2].isdigit():
        raise error(
            text,
            tok,
            f"'{value}' starts with a zero: was a decimal comma lost ('0,{value[1:]}')?"
            " write the number as meant",
        )
