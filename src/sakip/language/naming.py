"""Names as regions write them: "usia 7-12 tahun", "desil 1 s/d 4", "lanjut usia >=60
tahun", "jumlah kelas (rombel)", "DPT (3 kali), Polio (4 kali)", "PL_A",
"OPD_Provinsi_Memanfaatkan_Data", "PDRB_t", "X_{t-1}".

A number range, a comparison or a bracketed aside inside a run of words is part of
the name when what surrounds it can only be a name; anywhere else it keeps its
meaning as arithmetic, and the parser says what is missing.
"""

from __future__ import annotations

import re

from lark import Token

from .scanning import Output, type_at, word_at, zero_width
from .words import (
    ALWAYS_KEYWORDS,
    OPERATOR_WORDS,
    RANGE_INTRODUCERS,
    RANGE_WORDS,
    UNIT_WORDS,
    is_abbreviation,
    piece,
)

__all__ = ["NameRules"]

# What may stand inside an aside: words, numbers, commas, "&", stops, ranges.
_ASIDE_TYPES = {"WORD", "NUMBER", "_COMMA", "AMP", "DOT", "SUB", "PERCENT"}
# Words that end a name: after "Skor (SSI)" one of them (or a sign) makes "(SSI)" the
# name's abbreviation rather than a word inside a longer name.
_AFTER_A_NAME = ALWAYS_KEYWORDS | OPERATOR_WORDS | {"dengan", "dan", "atau", "per", "pada"}
# "X_t", "X_{t-1}", "X_{t+1}": a period written as a subscript.
_PERIOD_SUBSCRIPT = re.compile(r"_\{?\s*t\s*(?:(?P<sign>[-+−–])\s*(?P<offset>\d{1,2}))?\s*\}?$")
_SUBSCRIPT = re.compile(r"_(?:\{(?P<braced>[^{}]*)\}|(?P<plain>[^\W_]+))")


def _naming_subscript(value: str, base: str, index: str) -> str | None:
    """ "PJN_{bs}" in LaTeX with no Σ: a lettered subscript names, as "PJN_bs" does."""
    lettered = index.strip().isalpha() and "^" not in value
    return f"{base}_{index.strip()}" if lettered else None


class NameRules(Output):
    """Handlers that keep the parts of a written name together."""

    def range_end(self, i: int) -> int | None:
        """The index after ``7 - 12``, ``1 s/d 4`` or ``1 s.d. 4`` at i, if that is a
        range inside a name: a word of the name follows, or the name asks for one
        ("usia", "desil")."""
        k = i + 1
        if type_at(self.toks, k) == "SUB" or word_at(self.toks, k) in RANGE_WORDS:
            k += 1
        elif (word_at(self.toks, k), type_at(self.toks, k + 1)) == ("s", "DOT"):
            k += 4 if type_at(self.toks, k + 3) == "DOT" else 3
        else:
            return None
        if type_at(self.toks, k) != "NUMBER":
            return None
        follower = word_at(self.toks, k + 1)
        introduced = str(self.phrase[-1].value).casefold() in RANGE_INTRODUCERS
        if follower in UNIT_WORDS or introduced:
            return k + 1
        if follower is not None and follower not in ALWAYS_KEYWORDS:
            return k + 1
        return None

    def join_range(self, i: int) -> int | None:
        if not self.phrase:
            return None
        end = self.range_end(i)
        if end is None:
            return None
        self.phrase.append(self.joined_text(self.toks[i], self.toks[end - 1]))
        return end

    def join_comparison(self, i: int) -> int | None:
        """ "lanjut usia >=60 tahun": a bound inside a name, outside any condition."""
        tok = self.toks[i]
        if (
            not self.phrase
            or self.in_condition
            or tok.value == "="
            or type_at(self.toks, i + 1) != "NUMBER"
            or word_at(self.toks, i + 2) not in UNIT_WORDS
        ):
            return None
        self.phrase.append(self.joined_text(tok, self.toks[i + 2]))
        return i + 3

    def join_aside(self, i: int) -> int | None:
        """ "jumlah kelas (rombel)", "(misalnya beasiswa)", "DPT (3 kali)": a bracket of
        words after a word of a name, holding no operator, belongs to the name."""
        if not self.phrase or self.phrase[-1].end_pos == self.toks[i].start_pos:
            return None  # "fPi(a)" is written like a call, not an aside
        k = i + 1
        while k < len(self.toks) and self.toks[k].type in _ASIDE_TYPES:
            if self.toks[k].type == "SUB" and not (
                type_at(self.toks, k - 1) == "NUMBER" and type_at(self.toks, k + 1) == "NUMBER"
            ):
                return None
            k += 1
        if k == i + 1 or type_at(self.toks, k) != "RPAR":
            return None
        if not any(t.type == "WORD" for t in self.toks[i + 1 : k]):
            return None  # "(3)" after a name is not an aside
        if len(self.phrase) > 1 and _abbreviation(self.toks, i, k):
            # "Skor Subindikator (SSI) dengan ...": the abbreviation of the name before
            # it, not a word of it; the value may be given by either
            self.abbreviation = str(self.toks[i + 1].value)
            return k + 1
        self.phrase.append(self.joined_text(self.toks[i], self.toks[k]))
        return k + 1

    def join_comma(self, i: int) -> int | None:
        """ "DPT (3 kali), Polio (4 kali), dan campak": a comma between words of a name,
        outside calls and conditions, is part of the name."""
        if not self.phrase or self.in_condition or "call" in self.brackets:
            return None
        if word_at(self.toks, i + 1) is None or word_at(self.toks, i + 1) in ALWAYS_KEYWORDS:
            return None
        last = self.phrase[-1]
        self.phrase[-1] = piece(
            "WORD", f"{last.value},", last, last.start_pos or 0, last.column or 1
        )
        return i + 1

    def on_indexed(self, i: int) -> int:
        """``E_i`` stays an indexed name inside a formula with Σ; ``PL_A``, ``P_PAD``,
        ``x_i`` with no Σ are plain names; ``PDRB_t``, ``X_{t-1}`` name a period."""
        tok = self.toks[i]
        value = str(tok.value)
        base, _, _subscript = value.partition("_")
        period = _PERIOD_SUBSCRIPT.search(value)
        if period and "^" not in value:
            sign = -1 if (period.group("sign") or "+") in "-−–" else 1
            offset = sign * int(period.group("offset") or 0)
            end = i + 1
            glued = self._glued_offset_after(i)  # "PDRB_t-1": the offset outside the token
            if glued is not None and not period.group("offset"):
                offset, end = glued
            self.phrase.append(piece("WORD", base, tok, tok.start_pos or 0, tok.column or 1))
            self.flush()
            self.emit("PERIOD", str(offset), tok, self.toks[end - 1])
            return end
        match = _SUBSCRIPT.match(value, len(base))
        index = (match.group("braced") or match.group("plain") or "") if match else ""
        numeric = index.strip().isdigit()
        single = len(index.strip()) == 1 and index.strip().islower()
        braced = bool(match and match.group("braced"))
        named = _naming_subscript(value, base, index) if braced and not self.has_sums else None
        if named is not None:
            value = named
        elif numeric or (single and self.has_sums) or braced:
            self.flush()
            self.out.append(tok)
            return i + 1
        if single or braced:
            named = f", '{value}'" if braced else ""
            self.readings.append(f"'{tok.value}' is one name{named}: no Σ runs over '{index}'")
        self.phrase.append(piece("WORD", value, tok, tok.start_pos or 0, tok.column or 1))
        return i + 1

    def _glued_offset_after(self, i: int) -> tuple[int, int] | None:
        """ "-1" glued after token i: (offset, index after)."""
        sign, number = (self.toks[k] if k < len(self.toks) else None for k in (i + 1, i + 2))
        if sign is None or number is None or sign.type not in ("SUB", "ADD"):
            return None
        glued = self.toks[i].end_pos == sign.start_pos and sign.end_pos == number.start_pos
        if not glued or number.type != "NUMBER" or not str(number.value).isdigit():
            return None
        return (-1 if sign.type == "SUB" else 1) * int(str(number.value)), i + 3

    def on_snake(self, i: int) -> int:
        """ "OPD_Provinsi_Memanfaatkan_Data": underscores written for spaces."""
        self.phrase.append(self.toks[i])
        return i + 1

    def implicit_product(self, i: int) -> int | None:
        """ "1/3 (A + B + C)", "100 (A/B)": a number before a bracket multiplies;
        "1/9 (0,11111)" restates the number and is left out."""
        if not self.out or self.out[-1].type != "NUMBER" or self.phrase:
            return None
        tok = self.toks[i]
        unit = word_at(self.toks, i + 1) == "persen" or type_at(self.toks, i + 1) == "PERCENT"
        if unit and type_at(self.toks, i + 2) == "RPAR":  # "x 100 (persen)"
            self.emit("PERCENT", "%", tok, self.toks[i + 2])
            return i + 3
        if type_at(self.toks, i + 1) == "NUMBER" and type_at(self.toks, i + 2) == "RPAR":
            shown = self.text[(tok.start_pos or 0) : (self.toks[i + 2].end_pos or 0)]
            self.readings.append(f"'{shown}' restates the number before it and is left out")
            return i + 3
        self.readings.append(f"the number before '(' at column {tok.column} multiplies the bracket")
        self.out.append(zero_width("MUL", "x", tok))
        return None


def _abbreviation(toks: list[Token], opening: int, closing: int) -> bool:
    """The bracket from ``opening`` to ``closing`` holds one abbreviation ("(SSI)") and
    the name ends after it (a sign, an operator word, or the end follows)."""
    inner = toks[opening + 1 : closing]
    if len(inner) != 1:
        return False
    text = str(inner[0].value)
    return (
        len(text) > 1
        and is_abbreviation(text)
        and (word_at(toks, closing + 1) or "x") in _AFTER_A_NAME
    )
