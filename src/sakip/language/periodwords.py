"""Period words after a name: "X tahun n-1", "X tahun sebelumnya", "X bulan ini",
"PDRB t-1", and a period alone where a value stands ("... - tahun n-1")."""

from __future__ import annotations

from .scanning import Output, match_offset, match_period, word_at
from .words import BASE_YEAR_WORDS, CURRENT

__all__ = ["PeriodRules"]


class PeriodRules(Output):
    """Handlers that turn period words into PERIOD tokens after the name they date."""

    def _glued_period(self, i: int) -> int | None:
        """ "PDRB t-1", "pendapatan n-1": a period written after the name, glued."""
        offset = match_offset(self.toks, i)
        if offset is None or offset[1] == i + 1:
            return None
        first, last = self.toks[i], self.toks[offset[1] - 1]
        if (
            first.end_pos != self.toks[i + 1].start_pos
            or self.toks[i + 1].end_pos != last.start_pos
        ):
            return None  # "A n - 1": spaced, arithmetic
        self.flush()
        self.emit("PERIOD", str(offset[0]), first, last)
        return offset[1]

    def on_tahun(self, i: int) -> int | None:
        if not self.last_is_name():
            return self._elided_name(i)
        period = match_period(self.toks, i + 1)
        if period is None and word_at(self.toks, i + 1) in BASE_YEAR_WORDS:
            if self.phrase and str(self.phrase[-1].value).casefold() in ("pada", "di", "dalam"):
                self.phrase.pop()
            self.flush()
            written = f"{self.toks[i].value} {self.toks[i + 1].value}"
            self.emit("PERIOD", written, self.toks[i], self.toks[i + 1])
            return i + 2
        if period is None:
            return None  # "pada tahun perencanaan": a word of a name
        if self.phrase and str(self.phrase[-1].value).casefold() in ("pada", "di", "dalam"):
            self.phrase.pop()  # "Jumlah A pada tahun n-1": "pada" belongs to the period
        self.flush()
        self.emit("PERIOD", str(period[0]), self.toks[i], self.toks[period[1] - 1])
        return period[1]

    def on_bulan(self, i: int) -> int | None:
        """ "X bulan ini", "X bulan sebelumnya": X in this month, or the month before."""
        word = word_at(self.toks, i + 1)
        if not self.last_is_name() or word not in CURRENT:
            return None  # "jumlah bulan kerja": a word of a name
        self.flush()
        self.emit("PERIOD", f"{CURRENT[word or '']}m", self.toks[i], self.toks[i + 1])
        return i + 2

    def on_periode(self, i: int) -> int | None:
        """ "IHK periode baru", "IHK dari periode sebelumnya": X in the evaluated
        period, or the one before (periods step as the values' keys do)."""
        word = word_at(self.toks, i + 1) or ""
        offset = CURRENT.get(word, 0 if word in ("baru", "sekarang") else None)
        if not self.last_is_name() or offset is None:
            return None  # "jumlah periode tanam": a word of a name
        if self.phrase and str(self.phrase[-1].value).casefold() in ("pada", "di", "dalam", "dari"):
            self.phrase.pop()
        self.flush()
        self.emit("PERIOD", str(offset), self.toks[i], self.toks[i + 1])
        return i + 2

    def _elided_name(self, i: int) -> int | None:
        """ "(PDRB tahun n - tahun n-1) / tahun n-1": a period alone, where a value
        stands, is the last named value at that period; "Tahun Dasar" alone is that
        value in the base year."""
        if self.phrase or not self.out or self.out[-1].type not in ("SUB", "DIV", "LPAR", "ADD"):
            return None
        # the value a period was written for ("PDRB tahun n"), else the last name
        dated = [a for a, b in zip(self.out, self.out[1:], strict=False) if b.type == "PERIOD"]
        named = next((t for t in reversed(dated) if t.type == "NAME"), None)
        named = named or next((t for t in reversed(self.out) if t.type == "NAME"), None)
        if named is None:
            return None
        period = match_period(self.toks, i + 1)
        base = word_at(self.toks, i + 1) in BASE_YEAR_WORDS
        if period is None and not base:
            return None
        end = i + 2 if base else period[1] if period else i + 1
        first, last = self.toks[i], self.toks[end - 1]
        shown = " ".join(self.text[(first.start_pos or 0) : (last.end_pos or 0)].split())
        self.readings.append(f"'{shown}' alone is read as '{named.value} {shown}'")
        self.emit("NAME", str(named.value), first)
        self.emit("PERIOD", shown if base or period is None else str(period[0]), first, last)
        return end
