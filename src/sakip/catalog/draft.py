"""Draft a catalog from a regulation's text: :func:`draft` returns a :class:`Draft`.

The drafter reads the layout (draft_layout), each row's cells (draft_rows), and the
RUMUS with the formula language; what it reconstructed or doubts goes into each row's
notes and lowers its confidence, so a reviewer knows where to look. It knows the shape
and words of IKU regulations, never the rows of one of them.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import attrs

from ..errors import (
    CatalogError,
    SakipError,
    TableLimitError,
    UnitError,
    UnknownIndicatorError,
)
from ..language import parse, parse_quietly
from ..units import parse_unit
from ._load import _section
from .draft_dump import read_cells_apart, read_parts
from .draft_first import divides_by_count
from .draft_layout import Table, read_layout
from .draft_limits import MAX_LINE_CHARS, MAX_LINES, MAX_ROWS, MAX_TEXT_CHARS
from .draft_repair import (
    BRACED,
    REGROUPED,
    REPAIRS,
    brace,
    meant,
    rejoin_reduplication,
    unbracket_alternatives,
)
from .draft_rows import RowText, read_columns, read_row
from .draft_words import DANGLING_WORDS, METHOD_WORDS, RUMUS_OPENERS, RUMUS_STARTS
from .model import Catalog
from .polarity import formula_polarity, infer_polarity

__all__ = ["Draft", "DraftRow", "draft"]

# Satuan words of a category (a direct measure); the unit words are the unit reader's.
_CATEGORY = ("ada", "opini", "predikat", "hasil penilaian")
_RESULT_NAME = re.compile(r"^(?P<name>[A-Z][\w-]{0,11})\s*=\s*(?P<rest>.+)$")
# a division printed: a bar anywhere but inside a word ('kegiatan /jumlah', 'sakit/(jumlah',
# not 'SD/MI'), a colon or 'dibagi' between words, or
# a comparison in words ('Perbandingan antara A dengan B')
_EXPLICIT = re.compile(
    r"(?:^|\s)(?::|dibagi)(?:\s|$)|(?<![^\W_])/|/(?![^\W_])"
    r"|\bperbandingan\s+antara\b.+\bdengan\b",
    re.IGNORECASE,
)
_FLAG_BELOW = 0.7
_IMPLIED_PENALTY = 0.15  # a factor the RUMUS does not print, taken from the satuan %
_LETTERS = "abcdefghijklmnopqrstuvwxyz"  # the parts of a row: .03a, .03b ...


@attrs.frozen
class DraftRow:
    """How one drafted indicator was read: its lines, confidence (0-1) and notes."""

    id: str
    section: str
    first_line: int
    last_line: int
    confidence: float
    notes: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        """Whether a person should check this row before the catalog is used."""
        return self.confidence < _FLAG_BELOW


@attrs.frozen
class Draft:
    """A drafted catalog (same model as the shipped one) and the review notes per row."""

    catalog: Catalog
    rows: tuple[DraftRow, ...]
    region: str | None = None

    def __repr__(self) -> str:
        flagged = sum(r.flagged for r in self.rows)
        return f"Draft({len(self.rows)} rows, {flagged} flagged, {self.catalog!r})"

    def row(self, indicator_id: str) -> DraftRow:
        """The review record of one drafted indicator, by id."""
        for row in self.rows:
            if row.id == indicator_id:
                return row
        raise UnknownIndicatorError(f"the draft has no row '{indicator_id}'")

    @property
    def flagged(self) -> tuple[DraftRow, ...]:
        return tuple(r for r in self.rows if r.flagged)

    def to_toml(self, folder: str | os.PathLike[str]) -> Path:
        """Write the drafted catalog in the documented format, each row's review notes
        as its ``catatan``, for a person to review like the shipped catalog's files."""
        return self.catalog.to_toml(folder)


def draft(text: str, *, region: str | None = None) -> Draft:
    """Draft a catalog from the plain text of an IKU regulation (OCR or PDF text).

    Every table row found becomes an indicator; a row whose RUMUS does not read as a
    formula becomes a direct measure, with the reason in its notes.
    """
    if not isinstance(text, str):
        raise CatalogError(f"draft takes the regulation's text, not {type(text).__name__}")
    _check_size(text)
    sections = []
    rows: list[DraftRow] = []
    used: set[str] = set()
    number = 0
    for table in read_layout(text):
        code = "iku" if table.lampiran == 1 and "iku" not in used else _code(table.name, used)
        used.add(code)
        head: dict[str, Any] = {"number": 0 if code == "iku" else number + 1, "code": code}
        if code != "iku":
            number += 1
        indicators = []
        columns = read_columns(table.blocks)
        if len(rows) + len(table.blocks) > MAX_ROWS:
            raise TableLimitError(f"a regulation text of more than {MAX_ROWS} table rows")
        for position, block in enumerate(table.blocks, start=1):
            if block.satuan_line is not None:
                read = [read_cells_apart(block)]
            else:
                read = read_parts(block, table.lampiran, columns) or [
                    read_row(block, table.lampiran, columns)
                ]
            for letter, row in zip(_LETTERS if len(read) > 1 else [""], read, strict=False):
                data, confidence, notes = _indicator(row, code, position, table, letter)
                indicators.append(data)
                rows.append(
                    DraftRow(data["id"], code, row.first_line, row.last_line, confidence, notes)
                )
        name = region if code == "iku" and region else table.name
        head.update(name=name, seed_line=table.line, fungsi=list(table.fungsi))
        if table.tugas_pokok:
            head["tugas_pokok"] = table.tugas_pokok
        sections.append(_section("draft", {"section": head, "indicator": indicators}, {}))
    return Draft(Catalog(sections=tuple(sections), scales={}), tuple(rows), region)


def _check_size(text: str) -> None:
    """Refuse a text beyond the drafter's limits (draft_limits), or one no file can
    hold (a lone surrogate: the drafted TOML could not be written)."""
    if len(text) > MAX_TEXT_CHARS:
        raise TableLimitError(
            f"a regulation text of {len(text)} characters is over the limit of {MAX_TEXT_CHARS}"
        )
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise TableLimitError(
            f"a regulation text of {len(lines)} lines is over the limit of {MAX_LINES}"
        )
    longest = max(range(len(lines)), key=lambda i: len(lines[i]), default=0)
    if lines and len(lines[longest]) > MAX_LINE_CHARS:
        raise TableLimitError(
            f"line {longest + 1} has {len(lines[longest])} characters,"
            f" over the limit of {MAX_LINE_CHARS} for a line of a regulation"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CatalogError(
            f"the text holds {text[exc.start]!r} at character {exc.start + 1}, which is no"
            " character (a lone surrogate): decode the file as UTF-8"
        ) from None


def _code(name: str, used: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", name.casefold())
    base = "_".join(words[:4]) or "pd"
    code, n = base, 2
    while code in used:
        code, n = f"{base}_{n}", n + 1
    return code


def _indicator(
    row: RowText, code: str, position: int, table: Table, letter: str = ""
) -> tuple[dict[str, Any], float, tuple[str, ...]]:
    notes = [f"lines {row.first_line}-{row.last_line}", *row.notes]
    confidence = 1.0 - 0.1 * len(row.notes)
    unit, unit_note = _unit(row)
    if unit_note:
        notes.append(unit_note)
        confidence -= 0.15
    formula, rumus_asli, formula_notes, penalty = _formula(row, unit)
    notes.extend(formula_notes)
    confidence -= penalty
    name = row.name or f"(row {position}: name not read)"
    if not row.name:
        notes.append("indicator name not found on the row's lines")
        confidence -= 0.3
    data: dict[str, Any] = {
        "id": f"{code}.{position:02d}{letter}",
        "number": row.number if row.number is not None else position,
        "name": name,
        "sasaran": row.sasaran,
        "rumus_asli": rumus_asli,
        "kind": "formula" if formula else "direct",
        "satuan": row.satuan,
        "unit": unit,
        "period": row.period,
        "penanggung_jawab": row.penanggung_jawab,
        "sumber_data": row.sumber_data,
        "seed_line": row.first_line,
        **_polarity(name, formula),
    }
    if formula:
        data["formula"] = formula
    if row.label:
        data["part"] = row.label
    for key in ("misi", "tujuan"):
        block = table.blocks[position - 1]
        value = getattr(block, key)
        if table.lampiran == 1 and value:
            data[key] = value
    confidence = round(min(1.0, max(0.05, confidence)), 2)
    data["catatan"] = [*notes, f"draft confidence {confidence:.2f}"]
    return data, confidence, tuple(notes)


def _unit(row: RowText) -> tuple[str, str]:
    satuan = row.satuan.strip("(), ").casefold()
    if not satuan:
        if row.factor == 100:
            return "percent", "satuan not printed; percent taken from the x 100% of the RUMUS"
        return "dimensionless", "satuan not printed; taken as a plain number"
    if satuan.startswith(_CATEGORY):
        return "category", ""
    if satuan.startswith("rasio/") or "kelahiran" in satuan:
        per = re.sub(r"^rasio\s*/\s*", "per ", satuan)
        satuan = per.replace("hidup)", "hidup")
    try:
        return str(parse_unit(satuan)).replace(" / ", "_per_"), ""
    except UnitError:
        return "dimensionless", f"satuan {row.satuan!r} is not a known unit; taken as a number"


def _polarity(name: str, formula: str | None) -> dict[str, str]:
    """The polarity what the formula counts implies, else the name, by the catalog's own
    polarity words (one list for the shipped catalog and the drafter)."""
    counted = formula_polarity(parse_quietly(formula)) if formula else None
    polarity, why = counted or infer_polarity(name)
    return (
        {"polarity": polarity, "polarity_reason": why}
        if polarity == "lower"
        else {"polarity": polarity}
    )


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
        first = text.split()[0].strip("(")
        if first.casefold() in RUMUS_OPENERS or (
            first.casefold() in RUMUS_STARTS and first[:1].isupper()
        ):
            # a count word opens a denominator in any case ('jumlah penduduk'); the
            # other RUMUS words ('realisasi', 'tingkat') in lower case go on a sentence
            return i
    return len(fragments) - 1 if factor_printed else None


def _formula(row: RowText, unit: str) -> tuple[str | None, str, list[str], float]:
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
        implied = "factor not printed or unreadable; x 100% taken from the satuan %"
        notes.append(implied)
        penalty += _IMPLIED_PENALTY
    suffix = ""
    if factor is not None:
        suffix = f" x {factor:,}".replace(",", ".") + ("%" if unit == "percent" else "")
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
    candidates = [(unbracket_alternatives(rejoin_reduplication(c)), note) for c, note in candidates]
    for repair, why in REPAIRS:
        candidates += [
            (repair(c), f"{note}; {why}" if note else why)
            for c, note in candidates
            if repair(c) != c
        ]
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
            penalty += 1 - _FLAG_BELOW + 0.05  # flagged, whatever else the row shows
        if repaired == REGROUPED:
            notes.append(f"{REGROUPED} (a growth rate or a share printed without brackets)")
            penalty += 0.1
        elif repaired:
            notes.append(f"{repaired}: as printed, the RUMUS did not read as a formula")
            penalty += 0.1
        return candidate, asli, notes, penalty
    notes.append(f"RUMUS not read as a formula, kept as a direct measure: {reasons[0]}")
    return None, asli, notes, penalty + 0.4


def _one_value(formula: Any) -> bool:
    """Whether a formula of one slot is that value, bare or times a constant only."""
    symbol = formula.slots[0].symbol
    return symbol not in (formula.expr / symbol).free_symbols


def _span(lines: list[int]) -> str:
    return f"{lines[0]}" if len(set(lines)) == 1 else f"{min(lines)}-{max(lines)}"
