"""Post-lexer: turns the raw tokens of grammar.lark into the grammar's phrase-level tokens.

Indonesian RUMUS text uses ordinary words both as operators and inside names ("x",
"kali", "dan", "tahun"), so a word's role depends on its neighbours. This pass sees
the whole token list (formulas are short and length-limited) and decides with
lookahead, which an LALR grammar cannot do by itself. It is a function of its input:
:func:`phrase_tokens` keeps its state in a scan object of its own per call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from lark import Token

from .clauses import ClauseRules, ComparisonRules
from .functions import FUNCTIONS
from .labels import LabelRules
from .naming import NameRules
from .periodwords import PeriodRules
from .phrasing import PhrasingRules
from .qualifiers import trim_context
from .scanning import error, match_date, match_period, type_at, word_at
from .series import SeriesRules
from .signs import SignRules, refuse_leading_zero
from .terms import TermRules
from .verbal import VerbalRules
from .words import (
    ALWAYS_KEYWORDS,
    CLAUSE_FILLERS,
    COMPARISON_WORDS,
    DEFINERS,
    LABEL_VERBS,
    MONTHS,
    MUL_WORDS,
    NUMBER_WORDS,
    PURPOSE_WORDS,
    SUM_WORDS,
    VERB_OPERATORS,
)

__all__ = ["FUNCTIONS", "MONTHS", "RawTerminals", "phrase_tokens"]


class RawTerminals:
    """Lark's post-lexer hook, used only to keep the raw terminals that the grammar's
    rules never name (WORD, BRACED, ...): the stream passes through unchanged, and the
    phrase tokens are made by :func:`phrase_tokens`, a function of its input."""

    always_accept = (
        "WORD",
        "BRACED",
        "STAR",
        "SLASH",
        "COLON",
        "X_GLUED",
        "SIGMA_BOUNDED",
        "DOT",
        "AMP",
        "SNAKE",
        "ROOT",
        "ELLIPSIS",
    )

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


def phrase_tokens(
    raw: list[Token], text: str, index_ranges: Mapping[str, tuple[int, int]] | None = None
) -> tuple[list[Token], list[str], list[str], list[tuple[str, str]]]:
    """The grammar's phrase tokens for the raw tokens of ``text``, the notes on traps
    seen on the way (a minus glued between a name and a number), the readings chosen
    by context ("terhadap" read as a division), and aliases: (name, whole name) for
    names whose context was left out."""
    scan = _Scan(raw, text, index_ranges)
    scan.run()
    if scan.verbal_ratio:
        tokens, aliases = trim_context(scan.out, text, scan.readings)
        return tokens, scan.notes, scan.readings, [*scan.aliases, *aliases]
    return scan.out, scan.notes, scan.readings, scan.aliases


class _WordRules(
    PhrasingRules,
    TermRules,
    LabelRules,
    VerbalRules,
    ComparisonRules,
    ClauseRules,
    NameRules,
    SeriesRules,
    PeriodRules,
    SignRules,
):
    """Words: an operator or a keyword where the word stands for one, else a word of
    the pending name."""

    def on_word(self, i: int) -> int:
        word = str(self.toks[i].value).casefold()
        if word in MUL_WORDS and self.after_operand() and not self.placeholder_x(i):
            return self.on_mul_sign(i)
        if (
            not self.phrase
            and self.out
            and self.out[-1].type == "PERCENT"
            and word not in _BY_WORD
            and word not in ALWAYS_KEYWORDS
        ):
            # "30% IKA + 70% IKU": a percent before a name weighs it
            self.mark("MUL", "x", self.toks[i])
        if word in ("n", "t") and self.phrase:
            shifted = self._glued_period(i)
            if shifted is not None:
                return shifted
        handler = _BY_WORD.get(word)
        if handler is not None:
            end = handler(self, i)
            if end is not None:
                return end
        if word in FUNCTIONS and not self.phrase and type_at(self.toks, i + 1) == "LPAR":
            self.emit("FUNC", word, self.toks[i])
            return i + 1
        self.phrase.append(self.toks[i])
        return i + 1

    def on_dibagi(self, i: int) -> int:
        width = 2 if word_at(self.toks, i + 1) == "dengan" else 1
        if self.phrase and self._head() is not None:
            # "Persentase A dibagi dengan B": the head's scale, as with "terhadap"
            self._open_ratio(i, "/", width)
            return i + width
        return self.keyword(i, "DIV", "dibagi", width)

    def on_jika(self, i: int) -> int:
        if word_at(self.toks, i + 1) == "tidak":
            self.in_condition = False
            end = self.keyword(i, "ELSE", "jika tidak", 2)
            self.new_clause()
            return end
        self.in_condition = True
        end = self.keyword(i, "JIKA", "jika")
        self.new_clause()
        return end

    def on_maka(self, i: int) -> int:
        if self.in_condition and self.yields_name(i):
            return len(self.toks)
        self.in_condition = False
        end = self.keyword(i, "MAKA", "maka")
        self.new_clause()
        return self.restated_subject(end)

    def on_selain(self, i: int) -> int | None:
        if word_at(self.toks, i + 1) == "itu":
            end = self.keyword(i, "ELSE", "selain itu", 2)
            self.new_clause()
            return end
        return None

    def on_logical(self, i: int) -> int | None:
        if not self.in_condition:
            # "dan" and "atau" are words of a name outside a condition, but for "dan"
            # between the terms of "selisih antara A dan B"; "atau dapat dikatakan ..."
            # restates what was said
            if self.toks[i].value.casefold() == "atau":
                return self.on_restatement(i)
            return self.on_operation_dan(i)
        word = str(self.toks[i].value).casefold()
        end = self.keyword(i, "AND" if word == "dan" else "OR", word)
        self.new_clause()
        return end

    def on_persen(self, i: int) -> int | None:
        if not self.phrase and self.out and self.out[-1].type == "NUMBER":
            self.emit("PERCENT", "persen", self.toks[i])
            return i + 1
        return None

    def on_comma(self, i: int) -> int:
        """A comma ends a clause (", kemudian dikalikan 100"), joins a name ("DPT,
        Polio"), or separates arguments and conditions."""
        nxt = word_at(self.toks, i + 1)
        if self.in_condition and nxt == "maka":
            return i + 1  # "Apabila A > 110%, maka ...": punctuation before the consequence
        if not self.brackets and not self.in_condition and self._clause_follows(i + 1):
            k = i + 1
            while word_at(self.toks, k) in CLAUSE_FILLERS:
                k += 1
            if self.closers and len(self.brackets) == self.ratio_depth:
                self._written_scale(k)  # ", dikalikan 100%": the head's scale, written
            self.close_clause()
            self.readings.append(f"the comma before '{nxt}' ends a clause")
            return i + 1
        joined = self.join_comma(i)
        if joined is not None:
            return joined
        return self.on_other(i)

    def _clause_follows(self, k: int) -> bool:
        word = word_at(self.toks, k)
        if word in CLAUSE_FILLERS or word in MUL_WORDS or word in SUM_WORDS or word == "dinyatakan":
            return bool(self.phrase or self.out)
        return word in PURPOSE_WORDS and bool(self.out or self.phrase)


class _Scan(_WordRules):
    """One pass over the raw tokens: words gather into a pending name (``phrase``) until
    an operator, keyword or bracket ends it. Handlers are chosen by token type and, for
    words, by the word; each returns the index after what it consumed."""

    def run(self) -> None:
        i = 0
        while i < len(self.toks) and not self.stopped:
            if self.ends_term(i):
                self.close_clause()
            kind = self.toks[i].type
            handler = _BY_TYPE.get(kind, _Scan.on_other)
            i = handler(self, i)
            if kind in ("ADD", "SUB") and self.out and self.out[-1].type == kind:
                self.new_clause()  # the next term is a clause of its own
        self.close_clause()

    def on_number(self, i: int) -> int:
        tok = self.toks[i]
        date = match_date(self.toks, i)
        if date:
            self.flush()
            self.emit("DATE", date[0], tok, self.toks[date[1] - 1])
            return date[1]
        refuse_leading_zero(self.text, tok)
        follower = word_at(self.toks, i + 1)
        joins = (
            self.phrase
            and type_at(self.toks, i + 1) not in ("PERCENT", "NUMBER")
            and follower not in ("persen", *MONTHS)
            and (follower is not None and follower not in ALWAYS_KEYWORDS)
        )
        ranged = self.join_range(i)
        if ranged is not None:
            return ranged
        if joins:  # "usia 15 tahun": a number inside a name
            self.phrase.append(tok)
            return i + 1
        if self.weighs(i):
            end = self.on_other(i)
            self.mark("MUL", "x", tok)
            return end
        return self.on_other(i)

    def on_lpar(self, i: int) -> int:
        tok = self.toks[i]
        if not self.last_is_name():
            product = self.implicit_product(i)
            if product is not None:
                return product
            kind = "call" if self.out and self.out[-1].type == "FUNC" else "group"
            end = self.on_other(i)
            self.open_group(kind)
            return end
        indexed = self.index_aside(i)
        if indexed is not None:
            return indexed
        if type_at(self.toks, i + 1) == "PERCENT" and type_at(self.toks, i + 2) == "RPAR":
            return i + 3  # "Capaian IKI (%) = ...": a unit note after the name
        period = match_period(self.toks, i)
        if period:
            self.flush()
            self.emit("PERIOD", str(period[0]), tok, self.toks[period[1] - 1])
            return period[1]
        aside = self.join_aside(i)
        if aside is not None:
            return aside
        if self.phrase:
            shown = " ".join(str(t.value) for t in self.phrase)
            if len(self.phrase) == 1:
                raise error(self.text, self.phrase[0], f"unknown function '{shown}'")
            raise error(self.text, tok, f"missing operator between '{shown}' and '('")
        end = self.on_other(i)
        self.open_group("group")
        return end

    def on_lsqb(self, i: int) -> int:
        end = self.on_other(i)
        self.open_group("group")
        return end

    def on_x_glued(self, i: int) -> int:
        """ "x100" after a value multiplies; "X1" where a value starts is a name."""
        if self.after_operand() or type_at(self.toks, i + 1) != "NUMBER":
            return self.on_mul_sign(i)
        self.phrase.append(self.joined_text(self.toks[i], self.toks[i + 1]))
        return i + 2

    def on_rpar(self, i: int) -> int:
        self.flush()
        self.close_group()
        return self.on_other(i)

    def on_compare(self, i: int) -> int:
        tok = self.toks[i]
        joined = self.join_comparison(i)
        if joined is not None:
            return joined
        if tok.value == "=" and not self.in_condition:
            self.flush()
            self.drop_label_period()
            self.emit("EQUALS", "=", tok)
            self.new_clause()
            return i + 1
        end = self.on_other(i)
        self.new_clause()  # the other side of a comparison
        return end

    def on_colon(self, i: int) -> int:
        heading = self.heading_colon(i)
        if heading is not None:
            return heading
        if self.label_colon(i):
            return self._label(i, 1)
        self.refuse_legend(i)
        return self.on_div_sign(i)

    def on_div_sign(self, i: int) -> int:
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        after_dan = bool(self.phrase) and str(self.phrase[-1].value).casefold() == "dan"
        if after_dan and nxt is not None and word_at(self.toks, i + 1) == "atau":
            # "Produk Tembakau dan /atau Rokok": one name
            self.phrase.append(self.joined_text(self.toks[i], nxt))
            return i + 2
        self.flush()
        self.emit("DIV", str(self.toks[i].value), self.toks[i])
        return i + 1


_BY_TYPE: dict[str, Callable[[_Scan, int], int]] = {
    "WORD": _Scan.on_word,
    "NUMBER": _Scan.on_number,
    "LPAR": _Scan.on_lpar,
    "SUB": _Scan.on_sub,
    "BRACED": _Scan.on_braced,
    "COMPARE": _Scan.on_compare,
    "STAR": _Scan.on_star,
    "X_GLUED": _Scan.on_x_glued,
    "SLASH": _Scan.on_div_sign,
    "COLON": _Scan.on_colon,
    "RPAR": _Scan.on_rpar,
    "RSQB": _Scan.on_rpar,
    "LSQB": _Scan.on_lsqb,
    "_COMMA": _Scan.on_comma,
    "INDEXED": _Scan.on_indexed,
    "SNAKE": _Scan.on_snake,
    "ROOT": _Scan.on_root,
    "ELLIPSIS": _Scan.on_ellipsis,
    "SIGMA": _Scan.on_sigma,
    "PERCENT": _Scan.on_percent,
    "DOT": _Scan.on_dot,
    "AMP": _Scan.on_amp,
}
# A word's handler returns None when, in its place, the word is part of a name.
_BY_WORD: dict[str, Callable[[_WordRules, int], int | None]] = {
    "dibagi": _WordRules.on_dibagi,
    "jika": _WordRules.on_jika,
    "apabila": _WordRules.on_jika,
    "bilamana": _WordRules.on_jika,
    "bila": _WordRules.on_jika,
    **dict.fromkeys({p.split()[0] for p in COMPARISON_WORDS}, _WordRules.on_compare_word),
    "maka": _WordRules.on_maka,
    "selain": _WordRules.on_selain,
    "dan": _WordRules.on_logical,
    "atau": _WordRules.on_logical,
    "persen": _WordRules.on_persen,
    "tahun": _WordRules.on_tahun,
    "bulan": _WordRules.on_bulan,
    "periode": _WordRules.on_periode,
    "sumber": _WordRules.on_source,
    "terhadap": _WordRules.on_ratio_word,
    "dibandingkan": _WordRules.on_ratio_word,
    "dibanding": _WordRules.on_ratio_word,
    "berbanding": _WordRules.on_ratio_word,
    "dengan": _WordRules.on_dengan,
    "dinyatakan": _WordRules.on_stated_in,
    "per": _WordRules.on_rate,
    "sigma": _WordRules.on_sigma_word,
    "jumlah": _WordRules.indexed_total,
    "total": _WordRules.indexed_total,
    "setiap": _WordRules.on_rate,
    "tiap": _WordRules.on_rate,
    **dict.fromkeys(DEFINERS, _WordRules.on_definer),
    **dict.fromkeys(LABEL_VERBS, _WordRules.on_label_verb),
    **dict.fromkeys(VERB_OPERATORS, _WordRules.on_verb),
    **dict.fromkeys(CLAUSE_FILLERS, _WordRules.on_filler),
    **dict.fromkeys(PURPOSE_WORDS, _WordRules.on_purpose),
    **dict.fromkeys(SUM_WORDS, _WordRules.on_sum_word),
    **dict.fromkeys(NUMBER_WORDS, _WordRules.on_number_word),
}
