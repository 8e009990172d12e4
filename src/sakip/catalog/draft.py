"""Draft a catalog from a regulation's text: :func:`draft` returns a :class:`Draft`.

The drafter reads the layout (draft_layout), each row's cells (draft_rows), and the
RUMUS with the formula language; what it reconstructed or doubts goes into each row's
notes and lowers its confidence, so a reviewer knows where to look. It knows the shape
and words of IKU regulations, never the rows of one of them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import attrs

from ..errors import CatalogError, TableLimitError, UnitError, UnknownIndicatorError
from ..language import parse_quietly
from ..units import category_values, parse_unit
from ._load import _section
from .draft_dump import read_cells_apart, read_parts
from .draft_formula import FLAG_BELOW, percent_named, read_formula
from .draft_layout import Block, Table, read_layout
from .draft_limits import MAX_LINE_CHARS, MAX_LINES, MAX_ROWS, MAX_TEXT_CHARS
from .draft_rows import Columns, RowText, read_columns, read_row
from .draft_shapes import read_shaped, rumus_column, without_rumus
from .draft_words import SHARE_NAMES
from .model import CATEGORY_UNIT, Catalog
from .polarity import formula_polarity, infer_polarity

__all__ = ["Draft", "DraftRow", "draft"]

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
        return self.confidence < FLAG_BELOW


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
            raise TableLimitError("a regulation text", MAX_ROWS, "table rows")
        for position, (block, read) in enumerate(_rows(table, columns), start=1):
            for letter, row in zip(_LETTERS if len(read) > 1 else [""], read, strict=False):
                data, confidence, notes = _indicator(row, code, position, table, block, letter)
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


def _rows(table: Table, columns: Columns) -> list[tuple[Block, list[RowText]]]:
    """Each row block of a table with the rows read from it. A table of another shape
    (no SATUAN column, or cells printed one a line without a RUMUS column) is read
    from all its lines at once, each row with the table's first block."""
    shaped = read_shaped(table)
    if shaped:
        return [(table.blocks[0], [row]) for row in shaped]
    out = []
    for block in table.blocks:
        if block.satuan_line is not None:
            read = [read_cells_apart(block)]
        else:
            read = read_parts(block, table.lampiran, columns) or [
                read_row(block, table.lampiran, columns)
            ]
        if not rumus_column(table.header):
            read = [without_rumus(row) for row in read]
        out.append((block, read))
    return out


def _check_size(text: str) -> None:
    """Refuse a text beyond the drafter's limits (draft_limits), or one no file can
    hold (a lone surrogate: the drafted TOML could not be written)."""
    if len(text) > MAX_TEXT_CHARS:
        raise TableLimitError("a regulation text", MAX_TEXT_CHARS, "characters", len(text))
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise TableLimitError("a regulation text", MAX_LINES, "lines", len(lines))
    longest = max(range(len(lines)), key=lambda i: len(lines[i]), default=0)
    if lines and len(lines[longest]) > MAX_LINE_CHARS:
        raise TableLimitError(
            "a line of a regulation",
            MAX_LINE_CHARS,
            "characters",
            len(lines[longest]),
            f"line {longest + 1}",
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
    row: RowText, code: str, position: int, table: Table, block: Block, letter: str = ""
) -> tuple[dict[str, Any], float, tuple[str, ...]]:
    notes = [f"lines {row.first_line}-{row.last_line}", *row.notes]
    confidence = 1.0 - 0.1 * len(row.notes)
    unit, unit_note = _unit(row)
    if unit_note:
        notes.append(unit_note)
        confidence -= 0.15
    formula, rumus_asli, formula_notes, penalty = read_formula(row, unit)
    notes.extend(formula_notes)
    confidence -= penalty
    name = row.name or f"(row {position}: name not read)"
    if not row.name:
        notes.append("indicator name not found on the row's lines")
    if not row.name or row.name_from_rumus:
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
        if percent_named(row.name, SHARE_NAMES):
            return "percent", f"satuan not printed; percent: the name is a {row.name.split()[0]}"
        return "dimensionless", "satuan not printed; taken as a plain number"
    if category_values(satuan) is not None:
        return CATEGORY_UNIT, ""
    try:  # 'Rasio/1.000 kelahiran hidup', 'Kali/Desa': the unit reader knows them all
        return str(parse_unit(satuan)), ""
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
