"""A row's RUMUS cell read with the formula language: a formula, or a direct measure,
with the notes and the doubt (a confidence penalty) of each judgement.

The row reader (draft_rows) decides which words are the RUMUS's; this module decides
whether they are a fraction stacked over lines, a formula written on one line, or no
formula at all, tries the readings OCR repairs allow, and says why it chose one.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..errors import SakipError
from ..language import parse
from .draft_cell import opens_denominator
from .draft_direct import no_formula
from .draft_first import divides_by_count
from .draft_repair import (
    BRACED,
    COUNT_BAR,
    REGROUPED,
    REPAIRS,
    at_count_bar,
    brace,
    meant,
    rejoin_reduplication,
    unbracket_alternatives,
)
from .draft_rows import RowText
from .draft_words import DANGLING_WORDS, METHOD_WORDS, PERCENT_NAMES, RUMUS_OPENERS

__all__ = ["FLAG_BELOW", "percent_named", "read_formula"]

#: A drafted row whose confidence is below this is flagged for a person's review.
FLAG_BELOW = 0.7
_RESULT_NAME = re.compile(r"^(?P<name>[A-Z][\w-]{0,11})\s*=\s*(?P<rest>.+)$")
# a division printed: a bar anywhere but inside a word ('kegiatan /jumlah', 'sakit/(jumlah',
# not 'SD/MI'), a colon or 'dibagi' between words, or
# a comparison in words ('Perbandingan antara A dengan B')
_EXPLICIT = re.compile(
    r"(?:^|\s)(?::|dibagi)(?:\s|$)|(?<![^\W_])/|/(?![^\W_])"
    r"|\bperbandingan\s+antara\b.+\bdengan\b",
    re.IGNORECASE,
)
# Longer than any quantity a RUMUS names: what is over it is cells run together (the
# longest names of real RUMUS run to about 20 words)
_NAME_WORDS = 24
_IMPLIED_PENALTY = 0.15  # a factor the RUMUS does not print, taken from the satuan %


def _split(
    fragments: tuple[tuple[int, str], ...], printed: bool, factor_printed: bool
) -> int | None:
    """Where the denominator of a stacked fraction starts: the first fragment after the
    first that opens like a RUMUS (a count word in any case, another RUMUS word with a
    capital: a cell opens so, a sentence goes on in lower case); else, when a factor (x 100%) is
    printed beside it, the last one; else None: the lines are one wrapped cell.

    ``printed`` says a factor is printed or implied (a satuan %), ``factor_printed``
    that it is printed. Only a printed factor stands for the bar: a satuan % says the
    value is a percent, not that the RUMUS cell is a fraction (a cell may describe a
    survey or a method over several lines, 'Hasil survey yang ... dikonversi')."""
    for i, (_, text) in enumerate(fragments[1:], start=1):
        if not printed and fragments[i - 1][1].split()[-1].casefold() in DANGLING_WORDS:
            # 'yang', 'atau' ...: without a factor beside it, a line so ended goes on in
            # the line below (a wrapped sentence, no bar); with a factor, it is a
            # numerator whose end OCR lost ('Jumlah Aparatur yang' over 'Jumlah Aparatur')
            continue
        top = " ".join(t for _, t in fragments[:i]).split()
        if len(top) == 1 and top[0].casefold() in RUMUS_OPENERS:
            continue  # a count word alone counts nothing: its cell goes on below
        if opens_denominator(text.split()[0]):
            # a count word opens a denominator in any case ('jumlah penduduk'); the
            # other RUMUS words ('realisasi', 'tingkat') in lower case go on a sentence
            return i
    return len(fragments) - 1 if factor_printed else None


def read_formula(row: RowText, unit: str) -> tuple[str | None, str, list[str], float]:
    """The formula text (None for a direct measure), the RUMUS as read, notes, penalty.

    A RUMUS cell is a formula when it prints an operator (a bar, ':', 'dibagi', a
    growth rate's minus) or when its lines stack a fraction: a line opening with a
    count word (Jumlah, Total ...; another RUMUS word only with a capital) below a
    numerator that counts something, or any last line beside a printed factor. It is
    a direct measure when it names one value (a count 'Jumlah X'; one value under a
    satuan % with no factor printed), when it describes a method (Penilaian,
    Pengukuran, Kombinasi, Survei ...: one cell, never stacked), or when the language
    reads no formula in it (flagged, with the language's reason). A satuan % alone
    never makes a fraction. Each decision is noted on the row."""
    notes: list[str] = []
    penalty = 0.0
    texts = [text for _, text in row.rumus]
    if not texts:
        return None, "", ["no RUMUS printed; a direct measure"], 0.2
    joined = " ".join(texts)
    if direct := no_formula(joined):
        return None, joined, [direct], 0.1
    result = _RESULT_NAME.match(joined)
    prefix = ""
    if result:
        prefix, joined = f"{result['name']} = ", result["rest"]
        if len(texts) == 1:
            texts = [joined]
        elif "=" in texts[0]:
            texts = [texts[0].split("=", 1)[1], *texts[1:]]
        else:  # the name alone on its line, '=' opening the next ('IKLH' over '= A + B')
            texts = ["", texts[1].split("=", 1)[1], *texts[2:]]  # one text per line still
    factor = row.factor
    cut = None
    explicit = _EXPLICIT.search(joined) or any(divides_by_count(w) for w in joined.split())
    if len(texts) > 1 and texts[0].casefold() in RUMUS_OPENERS:
        notes.append(
            f"the RUMUS's first line is the count word {texts[0]!r} alone: read with the"
            " line below (it may be the name's last word)"
        )
        penalty += 0.1
    method = joined.split()[0].casefold() in METHOD_WORDS
    if method:
        notes.append(f"RUMUS describes a method ({joined.split()[0]!r}): its lines are one cell")
    if len(texts) > 1 and not row.wrapped and not explicit and not method:
        cut = _split(row.rumus, factor is not None or unit == "percent", factor is not None)
    implied = ""
    if factor is None and unit == "percent" and len(texts) > 1:
        factor = 100
        implied = (
            "factor not printed or unreadable; x 100% taken from the satuan %"
            " (or from a name that is a Persentase)"
        )
        notes.append(implied)
        penalty += _IMPLIED_PENALTY
    elif factor is None and percent_named(row.name) and cut is not None:
        # a fraction stacked under a name 'Persentase ...': a share in percent, though
        # the satuan names what is counted ('Lembar', 'Dokumen') and no factor printed
        factor = 100
        implied = f"factor not printed or unreadable; x 100% taken from the name {row.name!r}"
        notes.append(implied)
        penalty += _IMPLIED_PENALTY
    suffix = ""
    if factor is not None:
        # a percent by its satuan, by the name (above), or by the factor's own percent
        # sign: a share printed 'x 100%' under a satuan naming what is counted ('Laporan').
        # A rate's factor ('x 10.000' inhabitants) is a percent only when printed so.
        by_satuan = factor == 100 and (unit == "percent" or implied != "")
        percent = by_satuan or row.factor_percent
        suffix = f" x {factor:,}".replace(",", ".") + ("%" if percent else "")
    if cut is not None:
        top, bottom = " ".join(texts[:cut]), " ".join(texts[cut:])
        lines = [n for n, _ in row.rumus]
        notes.append(
            f"stacked fraction reconstructed: numerator line(s) {_span(lines[:cut])}, "
            f"denominator line(s) {_span(lines[cut:])}"
        )
        penalty += 0.05
        candidates = [
            (f"{prefix}({top}) / ({bottom}){suffix}", ""),
            (f"{prefix}{{{brace(top)}}} / {{{brace(bottom)}}}{suffix}", BRACED),
        ]
        asli = f"{prefix}{top} / {bottom}{suffix}"
    else:
        candidates = [(f"{prefix}{joined}{suffix}", "")]
        asli = candidates[0][0]
    split = at_count_bar(joined) if cut is None else None
    if split is not None and split[1]:
        # a name holds a slash of its own, which the language would divide at too:
        # this reading comes before the literal one
        candidates.insert(0, (f"{prefix}{split[0]}{suffix}", COUNT_BAR))
    candidates = [(unbracket_alternatives(rejoin_reduplication(c)), note) for c, note in candidates]
    for repair, why in REPAIRS:
        candidates += [
            (repair(c), f"{note}; {why}" if note else why)
            for c, note in candidates
            if repair(c) != c
        ]
    if split is not None and not split[1]:
        # else tried last, when no repair of the literal reading reads ('B2SA/Jml. KK':
        # the dot of the count word's abbreviation ends a sentence for the language)
        candidates.append((f"{prefix}{split[0]}{suffix}", COUNT_BAR))
    reasons = []
    for index, (candidate, repaired) in enumerate(candidates):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                formula = parse(candidate)
            except SakipError as exc:
                reasons.append(str(exc))
                continue
        doubts = [str(w.message) for w in caught]
        regrouped = meant(candidate, doubts)
        if regrouped is not None and all(c != regrouped for c, _ in candidates):
            # tried next: the literal reading, doubted, is skipped for it
            candidates.insert(index + 1, (regrouped, REGROUPED))
        if doubts and index < len(candidates) - 1:
            reasons.append(doubts[0])
            continue  # a reading the language doubts: try the next one
        notes.extend(f"the language warns: {d}" for d in doubts)
        penalty += 0.1 * len(doubts)
        if len(formula.slots) == 1 and (formula.expr.is_Symbol and not suffix):
            notes.append("RUMUS names one value: a direct measure")
            return None, asli, notes, penalty
        if len(formula.slots) == 1 and implied and _one_value(formula):
            # one value and no factor printed: the satuan % says the value is a
            # percent already, 'x 100%' would scale it twice (a survey's score)
            notes.remove(implied)
            notes.append("RUMUS names one value, no factor printed: a direct measure")
            return None, asli.removesuffix(suffix), notes, penalty - _IMPLIED_PENALTY
        if len(formula.slots) == 1 and suffix and not implied:
            # 'X x 100%': a percent of what? The bar and the other part of the fraction
            # were lost (OCR, a cell read into another column)
            notes.append("the RUMUS scales one value by its factor: part of it was lost?")
            penalty += 1 - FLAG_BELOW + 0.05  # flagged, whatever else the row shows
        if repaired == REGROUPED:
            notes.append(f"{REGROUPED} (a growth rate or a share printed without brackets)")
            penalty += 0.1
        elif repaired:
            notes.append(f"{repaired}: as printed, the RUMUS did not read as a formula")
            penalty += 0.1
        longest = max(formula.variables, key=lambda v: len(v.split()), default="")
        if len(longest.split()) > _NAME_WORDS:
            notes.append(
                f"a variable of {len(longest.split())} words ({longest[:60]!r}...): cells of"
                " several columns or rows probably ran together"
            )
            penalty += 0.35
        return candidate, asli, notes, penalty
    notes.append(f"RUMUS not read as a formula, kept as a direct measure: {reasons[0]}")
    return None, asli, notes, penalty + 0.4


def percent_named(name: str, openers: frozenset[str] = PERCENT_NAMES) -> bool:
    """Whether an indicator's name says its value is a percent ('Persentase ...'): it
    opens with one of ``openers`` (a coverage, 'Cakupan', counts by default)."""
    words = name.split()
    return bool(words) and words[0].casefold() in openers


def _one_value(formula: Any) -> bool:
    """Whether a formula of one slot is that value, bare or times a constant only."""
    symbol = formula.slots[0].symbol
    return symbol not in (formula.expr / symbol).free_symbols


def _span(lines: list[int]) -> str:
    return f"{lines[0]}" if len(set(lines)) == 1 else f"{min(lines)}-{max(lines)}"
