"""Labels before a formula: "X adalah ...", "X dihitung dengan (cara) ...", "X : ...".
The words before name the result; a definition with no arithmetic after it is not a
formula."""

from __future__ import annotations

from ..errors import NotAFormulaError
from .scanning import Output, type_at, word_at
from .words import DIVIDING_WORDS, OPERATOR_WORDS, QUANTITY_WORDS, RATE_WORDS, RATIO_HEADS

__all__ = ["LabelRules"]

# "X adalah angka yang menunjukkan ...": a description's announcement.
_DESCRIBED = frozenset({"angka", "nilai", "ukuran", "indikator", "besaran", "rasio"})
_DESCRIBING = frozenset(
    {"menunjukkan", "menunjukan", "menggambarkan", "menyatakan", "mengukur", "mencerminkan"}
)
# "dihitung dengan (menggunakan) rumus (sebagai berikut)": the words of a label verb.
_LABEL_VERB_TAIL = frozenset(
    {"dengan", "dari", "cara", "sebagai", "rumus", "menggunakan", "memakai", "berikut"}
)

# What, after a word at position i, makes the rest of the text a formula.
_MATERIAL_TYPES = {"SLASH", "STAR", "X_GLUED", "COLON", "SIGMA", "SIGMA_BOUNDED", "CARET"}


class LabelRules(Output):
    """Handlers for the words that end a label; each returns the index after what it
    consumed, or None when the word is, in its place, a word of a name."""

    def on_definer(self, i: int) -> int | None:
        if not self.phrase or self.clause_start or self.out:
            return None  # only a label at the start defines
        if str(self.phrase[-1].value).casefold() == "yang":
            return None  # "penduduk yang merupakan peserta JKN": a name
        if not self._material_after(i + 1):
            tok = self.toks[i]
            raise NotAFormulaError(
                f"this is a definition ('... {tok.value} ...'), not a formula: write the"
                " arithmetic, such as 'A / B x 100%'",
                self.text,
                tok.line or 1,
                tok.column or 1,
            )
        return self._description_lead(self._label(i, 1))

    def _description_lead(self, k: int) -> int:
        """ "X adalah angka yang menunjukkan (berapa) A per 1.000 penduduk": the words
        that announce a description leave the formula."""
        lead = [word_at(self.toks, k + m) for m in range(3)]
        if lead[0] in _DESCRIBED and lead[1] == "yang" and lead[2] in _DESCRIBING:
            end = k + 3 + (word_at(self.toks, k + 3) == "berapa")
            shown = " ".join(str(t.value) for t in self.toks[k:end])
            self.readings.append(f"'{shown}' announces the description and is left out")
            return end
        return k

    def on_label_verb(self, i: int) -> int | None:
        """ "dihitung dengan (cara)", "diperoleh dari", "dirumuskan sebagai"."""
        if not self.phrase or self.out or not self._material_after(i + 1):
            return None
        width = 1
        while word_at(self.toks, i + width) in _LABEL_VERB_TAIL:
            width += 1
        if type_at(self.toks, i + width) == "COLON" and self._labelled_after(i + width + 1):
            return self._heading(i, width + 1)
        return self._label(i, width)

    def heading_colon(self, i: int) -> int | None:
        """ "Nilai Subindikator: NSI = SSI x BSI": the words before the colon head a
        formula that names its own result."""
        if not self.phrase or self.out or self.in_condition or not self._labelled_after(i + 1):
            return None
        first = str(self.phrase[0].value)
        if first.casefold() in QUANTITY_WORDS or (len(self.phrase) == 1 and len(first) < 2):
            return None  # "A : B = ...", "Jumlah A : B = ...": a ratio, not a heading
        return self._heading(i, 1)

    def _labelled_after(self, k: int) -> bool:
        """At k, a short label and "=": "NSI = ...", "P PAD = ..."."""
        m = k
        while m < len(self.toks) and self.toks[m].type == "WORD" and m - k < 4:
            m += 1
        at = self.toks[m] if k < m < len(self.toks) else None
        return (
            at is not None
            and at.type == "COMPARE"
            and at.value == "="
            and self._material_after(m + 1)
        )

    def _heading(self, i: int, width: int) -> int:
        heading = " ".join(str(t.value) for t in self.phrase)
        shown = " ".join(str(t.value) for t in self.toks[i : i + width])
        self.readings.append(
            f"'{heading} {shown}' heads the formula after it, which names its own result"
        )
        self.phrase = []
        return i + width

    def label_colon(self, i: int) -> bool:
        """A colon after a leading indicator name is a label when the rest divides by
        itself: written glued to the name ("Definisi: A / B") or before a bracket
        ("Angka Kesakitan DBD : (A / B) x 100.000"). "A : B / C" and "Jumlah A :
        (Jumlah B / Jumlah C)" divide: a single letter or a quantity ("Jumlah ...") is
        a value, not a label, and so is a name its own formula uses again."""
        if not self.phrase or self.out or self.in_condition:
            return False
        words = [str(t.value) for t in self.phrase]
        if words[0].casefold() in QUANTITY_WORDS or (len(words) == 1 and len(words[0]) < 2):
            return False
        colon = self.toks[i]
        name = " ".join(" ".join(words).split()).casefold()
        if name in " ".join(self.text[colon.end_pos or 0 :].split()).casefold():
            return False  # the name is a value of its own formula: "A : (18 + A) ..."
        glued = self.phrase[-1].end_pos == colon.start_pos
        bracket = type_at(self.toks, i + 1) in ("LPAR", "LSQB") and self._whole_bracket(i + 1)
        return (glued or bracket) and self._material_after(i + 1, dividing_only=True)

    def _whole_bracket(self, k: int) -> bool:
        """The bracket at k is the whole rest, but for a scale: "(A / B) x 100.000"."""
        depth = 0
        for end in range(k, len(self.toks)):
            depth += self.toks[end].type in ("LPAR", "LSQB")
            depth -= self.toks[end].type in ("RPAR", "RSQB")
            if depth == 0:
                break
        rest = [t.type for t in self.toks[end + 1 :]]
        scaled = rest[:1] in (["STAR"], ["X_GLUED"]) or word_at(self.toks, end + 1) in (
            "x",
            "kali",
            "dikali",
            "dikalikan",
        )
        return not rest or (scaled and rest[1:] in (["NUMBER"], ["NUMBER", "PERCENT"]))

    def drop_label_period(self) -> None:
        """ "Laju pertumbuhan ekonomi tahun t = ...": the label's period says when the
        result is, not a value; it leaves the label."""
        if [t.type for t in self.out] == ["NAME", "PERIOD"]:
            dated = self.out.pop()
            written = self.text[dated.start_pos or 0 : dated.end_pos or 0]
            self.readings.append(f"the label's period '{written}' is left out")

    def _label(self, i: int, width: int) -> int:
        shown = " ".join(str(t.value) for t in self.toks[i : i + width])
        self.readings.append(f"'{shown}' is read as '=': the words before it name the result")
        end = self.keyword(i, "EQUALS", "=", width)
        self.clause_start = len(self.out)
        return end

    def _material_after(self, start: int, dividing_only: bool = False) -> bool:
        types = {"SLASH"} if dividing_only else _MATERIAL_TYPES
        words = (DIVIDING_WORDS if dividing_only else OPERATOR_WORDS) | RATE_WORDS
        for k in range(start, len(self.toks)):
            word = word_at(self.toks, k)
            if not dividing_only and word in RATIO_HEADS and self._ratio_follows(k + 1):
                return True  # "X adalah (tingkat) perbandingan antara A dengan B"
            if word in RATE_WORDS and type_at(self.toks, k + 1) != "NUMBER":
                continue  # "pada setiap jenjang": no rate
            if self.toks[k].type in types or word in words:
                return True
            if self.toks[k].type == "COMPARE" and self.toks[k].value == "=":
                return True
        return False

    def _ratio_follows(self, k: int) -> bool:
        return any(
            word_at(self.toks, m) in ("dengan", "terhadap") for m in range(k, len(self.toks))
        )
