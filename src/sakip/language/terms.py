"""How a term is written: a braced name, a placeholder letter ("Indikator X"), a
decimal that weighs the name after it ("0,23 ITH")."""

from __future__ import annotations

import re

from .scanning import Output, error, type_at, word_at
from .words import ALWAYS_KEYWORDS

__all__ = ["TermRules"]

# Where a term of a sum starts: "IKTL = 0,23 ITH + 0,24 IPH".
_TERM_STARTS = frozenset({"ADD", "SUB"})
# A sign between spaces inside braces: "{IHKn – IHKo / IHKo}".
_SPACED_SIGN = re.compile(r"\s[-/x×*+–−÷:]\s")


class TermRules(Output):
    """Handlers and tests for how one term is written."""

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
