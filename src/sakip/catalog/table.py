"""IKU tables as officials keep them (a DataFrame, CSV or .xlsx, one row per indicator)
into a :class:`Catalog` (``export.to_table`` writes a catalog back into such a table).

Headers are recognised case- and spacing-free from :data:`HEADERS`; each row's RUMUS is
parsed with the language, and a row whose RUMUS does not parse is kept as a direct
measure with the reason in its ``catatan``. Rows are checked by the same rules as the
TOML files (``_load``), so a table and a TOML folder give the same kind of catalog.
"""

from __future__ import annotations

import io
import math
import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import sympy

from ..csvtext import check_width, delimiter
from ..errors import CatalogDataError, SakipError, TableLimitError, UnitError
from ..language import parse_quietly, slugify
from ..units import category_values, parse_unit
from ._load import MAX_FILE_BYTES, MAX_TABLE_ROWS, _check_references, _section
from .model import CATEGORY_UNIT, Catalog, Section
from .polarity import formula_polarity, infer_polarity, read_polarity

__all__ = ["HEADERS", "from_table"]

#: The headers of each column an IKU table may have, by the field it fills. The first
#: is the one :func:`to_table` writes.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("Kode",),
    "section": ("Perangkat Daerah", "OPD", "SKPD", "Nama OPD", "Nama Perangkat Daerah",
                "Unit Kerja", "Instansi"),
    "number": ("No", "Nomor", "No Urut"),
    "sasaran": ("Sasaran", "Sasaran Strategis"),
    "name": ("Indikator Kinerja", "IKU", "Indikator", "Indikator Kinerja Utama",
             "Nama Indikator", "Indikator Kinerja (Outcome)", "Indikator Sasaran"),
    "rumus": ("Rumus", "Formulasi Perhitungan", "Cara Pengukuran", "Formula", "Formulasi",
              "Cara Mengukur", "Rumus / Cara Mengukur", "Rumus Perhitungan",
              "Cara Perhitungan", "Metode Perhitungan"),
    "formula": ("Rumus sakip",),
    "satuan": ("Satuan",),
    "unit": ("Unit sakip",),
    "polarity": ("Polaritas", "Sifat", "Polarisasi", "Sifat Indikator", "Polarity"),
    "polarity_reason": ("Alasan Polaritas",),
    "abbreviations": ("Singkatan",),
    "allowed_values": ("Nilai yang Diizinkan",),
    "period": ("Periode", "Periode Pengukuran"),
    "penanggung_jawab": ("Penanggung Jawab", "PJ"),
    "sumber_data": ("Sumber Data",),
    "keterangan": ("Keterangan", "Ket"),
    "catatan": ("Catatan",),
}  # fmt: skip

_PERIODS = (("bulan", "bulanan"), ("triwulan", "triwulan"), ("semester", "semester"))
_SUFFIXES = {".csv": ",", ".txt": None, ".tsv": "\t"}
_EXCEL = (".xlsx", ".xlsm")
_HEADER_ROWS = 10  # rows searched for the header below a title
_NUMBER_DIGITS = len(str(MAX_TABLE_ROWS))  # the longest row number a table can print


def _key(header: Any) -> str:
    return re.sub(r"[\W_]+", "", str(header)).casefold()


_BY_HEADER = {_key(h): field for field, headers in HEADERS.items() for h in headers}


def from_table(
    table: Any,
    *,
    columns: Mapping[str, str] | None = None,
    name: str = "Indikator Kinerja Utama",
    code: str = "iku",
    sheet: int | str = 0,
) -> Catalog:
    """A :class:`Catalog` from an IKU table: a pandas DataFrame, or the path of a
    ``.csv`` (``,`` or ``;`` separated), ``.tsv`` or ``.xlsx`` file (``sheet``).

    Headers are found case- and spacing-free (:data:`HEADERS`: ``No``, ``Indikator
    Kinerja``/``IKU``, ``Rumus``/``Formulasi Perhitungan``/``Cara Pengukuran``,
    ``Satuan``, ``Penanggung Jawab``, ``Sumber Data``, ``Polaritas``/``Sifat``,
    ``Perangkat Daerah``, ...), also under a title row; ``columns`` maps other headers
    to one of these (``{"Cara Hitung": "Rumus"}``). Other columns are ignored.

    Without a perangkat daerah column the table is one section, numbered 0 (``name``,
    ``code``: ids ``iku.01``, ...; numbers find rows as in Lampiran I); with one, each
    perangkat daerah is a section in order of appearance. Merged cells (a section,
    sasaran or name left empty below its first row) carry down. A polarity the table
    does not give is inferred from the name (``polarity_inferred``).
    """
    frame, file = _read(table, sheet)
    frame, found, first_line = _columns(frame, columns or {}, file)
    if len(frame) > MAX_TABLE_ROWS:
        raise TableLimitError("an IKU table", MAX_TABLE_ROWS, "rows", len(frame), file)
    rows = _rows(frame, found, first_line)
    _check_encodable(rows, file)
    return _catalog(rows, found, file, name, code)


def _read(table: Any, sheet: int | str) -> tuple[Any, str]:
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table, "<DataFrame>"
    if not isinstance(table, str | os.PathLike):
        raise CatalogDataError(
            f"an IKU table is a DataFrame or the path of a .csv or .xlsx file,"
            f" not {type(table).__name__}"
        )
    path = Path(table)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES and suffix not in _EXCEL:
        raise CatalogDataError("an IKU table is a .csv, .tsv, .txt or .xlsx file", file)
    if not path.is_file():
        raise CatalogDataError("no such file", file)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TableLimitError("an IKU table file", MAX_FILE_BYTES, "bytes", size, file)
    try:
        if suffix in _EXCEL:
            return pd.read_excel(path, sheet_name=sheet, dtype=object, header=None), file
        return _read_text(pd, path, _SUFFIXES[suffix]), file
    except SakipError:
        raise
    except (ValueError, KeyError, OSError, pd.errors.ParserError) as exc:
        raise CatalogDataError(f"cannot read the table: {exc}", file) from None
    except Exception as exc:  # openpyxl raises assorted errors on a damaged workbook
        raise CatalogDataError(f"cannot read the workbook: {exc}", file) from None


def _read_text(pd: Any, path: Path, sep: str | None) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    if sep is None or sep == ",":
        # Excel in an Indonesian locale writes ';' (',' is the decimal mark): sniff it
        sep = delimiter(text)
    check_width(text, sep, str(path))
    return pd.read_csv(
        io.StringIO(text), sep=sep, engine="python", dtype=str, keep_default_na=False, header=None
    )


def _columns(frame: Any, columns: Mapping[str, str], file: str) -> tuple[Any, dict[str, Any], int]:
    """The frame below its header row, the column of each field, and the header's line."""
    targets = {}
    for header, target in columns.items():
        field = _BY_HEADER.get(_key(target)) or (target if target in HEADERS else None)
        if field is None:
            raise CatalogDataError(
                f"columns= maps it to {target!r}, which is none of the known headers",
                file,
                field=str(header),
            )
        targets[_key(header)] = field
    known = {**_BY_HEADER, **targets}
    candidates = [] if _is_positional(frame) else [(-1, list(frame.columns))]
    candidates += [(i, list(frame.iloc[i])) for i in range(min(_HEADER_ROWS, len(frame)))]
    for line, headers in candidates:
        found: dict[str, Any] = {}
        for position, header in enumerate(headers):
            field = known.get(_key(header))
            if field is None:
                continue
            if field in found:
                raise CatalogDataError(
                    f"two columns give the {field}: {found[field][1]!r} and {header!r}",
                    file,
                    field=str(header),
                )
            found[field] = (position, str(header))
        if "name" in found:
            body = frame.iloc[line + 1 :] if line >= 0 else frame
            # the table's line of the first row, 1-based: the header is line 1 of a
            # DataFrame, and line `line + 1` of a file read without one
            return body, found, line + 2 if line >= 0 else 2
    shown = ", ".join(repr(str(h)) for h in candidates[0][1] if _text(h)) if candidates else ""
    raise CatalogDataError(
        "no column of indicator names (Indikator Kinerja, IKU, Indikator): the headers are"
        f" {shown or 'none'}; map one with columns={{'your header': 'Indikator Kinerja'}}",
        file,
    )


def _is_positional(frame: Any) -> bool:
    return all(isinstance(c, int) for c in frame.columns)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return "" if text in ("nan", "NaT", "<NA>") else text


@attrs.frozen
class _Row:
    """One indicator row: its line in the table, its cells by field, notes on reading it."""

    line: int
    cells: dict[str, str]
    notes: tuple[str, ...] = ()


def _rows(frame: Any, found: dict[str, Any], first_line: int) -> list[_Row]:
    """Each row's cells by field, merged cells carried down; blank rows left out."""
    rows: list[_Row] = []
    above: dict[str, str] = {}
    for offset, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = {field: _text(values[pos]) for field, (pos, _) in found.items()}
        if _blank(cells):
            continue
        cells = {
            k: v if k in ("rumus", "formula") else " ".join(v.split()) for k, v in cells.items()
        }
        notes = []
        for field in ("section", "sasaran", "name"):
            if field in cells and not cells[field] and above.get(field):
                cells[field] = above[field]
                if field == "name":
                    notes.append("name cell empty (merged?): the name above is used")
        above.update({k: v for k, v in cells.items() if v})
        rows.append(_Row(first_line + offset, cells, tuple(notes)))
    return rows


def _check_encodable(rows: list[_Row], file: str) -> None:
    """Refuse a cell holding a lone surrogate (text decoded wrongly): no file, and no
    pandas string column, can hold the catalog made from it."""
    for row in rows:
        for field, text in row.cells.items():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                problem = f"holds {text[exc.start]!r}, which is no character (a lone surrogate)"
                raise CatalogDataError(problem, file, f"line {row.line}", field) from None


def _blank(cells: Mapping[str, str]) -> bool:
    """A blank row: no cell but the number and section ones holds text."""
    return not any(v for k, v in cells.items() if k not in ("number", "section"))


def _catalog(rows: list[_Row], found: dict[str, Any], file: str, name: str, code: str) -> Catalog:
    groups: dict[str, list[_Row]] = {}
    for row in rows:
        groups.setdefault(row.cells.get("section", ""), []).append(row)
    sections: list[Section] = []
    codes: set[str] = set()
    one = "section" not in found  # one table: the regency's own, numbered 0
    for number, (title, members) in enumerate(groups.items(), start=0 if one else 1):
        section_code = code if one else _code(title or name, codes)
        codes.add(section_code)
        head = {"number": number, "code": section_code, "name": title or name, "seed_line": 1}
        numbers = [_number(r.cells.get("number", "")) for r in members]
        # ids by the printed numbers when they name each row once, else by position
        keys = [n or 0 for n in numbers]
        if 0 in keys or len(set(keys)) < len(keys):
            keys = list(range(1, len(members) + 1))
        data = [
            _indicator(row, found, file, section_code, keys[i], i) for i, row in enumerate(members)
        ]
        section = _section(file, {"section": head, "indicator": data}, {})
        _check_references(section, {})  # a 'Unit sakip' cell must name a unit
        sections.append(section)
    return Catalog(sections=tuple(sections), scales={})


def _code(title: str, taken: set[str]) -> str:
    base = slugify(title) or "pd"
    base = base if base[0].isalpha() else f"pd_{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


def _number(text: str) -> int | None:
    """A printed row number; None for any other cell, and for digits no table's row count
    reaches (int() refuses over 4.300 of them with a ValueError)."""
    digits = text.rstrip(".")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > _NUMBER_DIGITS:
        return None
    return int(digits) or None


def _indicator(
    source: _Row, found: dict[str, Any], file: str, code: str, key: int, index: int
) -> dict[str, Any]:
    row, line = source.cells, source.line
    catatan = [f"read from {file}, line {line}", *source.notes]
    name = row["name"] or f"(no name, line {line})"
    if not row["name"]:
        catatan.append("the table gives no indicator name")
    rumus = row.get("rumus", "")
    data: dict[str, Any] = {
        "id": f"{code}.{key:02d}",
        "number": _number(row.get("number", "")) or index + 1,
        "name": name,
        "sasaran": row.get("sasaran", ""),
        "rumus_asli": rumus or row.get("formula", ""),
        "penanggung_jawab": row.get("penanggung_jawab", ""),
        "sumber_data": row.get("sumber_data", ""),
        "seed_line": line,
        "period": _period(row.get("period", "")),
    }
    if "formula" in found:  # the table says which text is sakip's formula
        formula, notes = _formula(row.get("formula", ""), "Rumus sakip")
    else:
        formula, notes = _formula(rumus, "RUMUS")
    data["kind"] = "direct" if formula is None else "formula"
    if formula is not None:
        data["formula"] = formula
    data.update(_unit(row, catatan))
    data.update(_polarity(row, found, name, formula))
    if row.get("keterangan"):
        data["keterangan"] = row["keterangan"]
    for field in ("allowed_values", "abbreviations"):  # lists, written "a; b"
        if row.get(field):
            data[field] = [v.strip() for v in row[field].split(";") if v.strip()]
    data["catatan"] = catatan + notes
    return data


def _formula(text: str, column: str) -> tuple[str | None, list[str]]:
    if not text:
        return None, [f"direct measure: the table gives no {column}"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formula = parse_quietly(text)
    except SakipError as exc:
        reason = str(getattr(exc, "reason", exc)).splitlines()[0]
        return None, [f"direct measure: the {column} does not parse ({exc.code}): {reason}"]
    if column == "RUMUS" and isinstance(formula.expr, sympy.Symbol) and len(formula.slots) == 1:
        # "Hasil survei kepuasan masyarakat": one name and no arithmetic is a value
        # measured directly, as the shipped catalog keeps such rows
        return None, [f"direct measure: the {column} names a value and computes nothing"]
    notes = [f"precedence: {m}" for m in formula.ambiguities]
    return text, notes + [f"read: {n}" for n in formula.notes]


def _unit(row: dict[str, str], catatan: list[str]) -> dict[str, Any]:
    satuan = row.get("satuan", "")
    if row.get("unit"):
        return {"satuan": satuan, "unit": row["unit"]}
    bare = satuan.strip()
    if bare.startswith("(") and bare.endswith(")"):  # "(Rasio/1.000 kelahiran Hidup)"
        bare = bare[1:-1].strip()
    allowed = category_values(bare)
    if allowed is not None:
        extra = (
            {} if row.get("allowed_values") or not allowed else {"allowed_values": list(allowed)}
        )
        return {"satuan": satuan, "unit": CATEGORY_UNIT, **extra}
    # "Persen (%)", "indeks (25-100)": the words before a bracketed gloss name the unit
    for text in dict.fromkeys((bare, re.sub(r"\s*\(.*\)$", "", bare))):
        try:
            return {"satuan": satuan, "unit": str(parse_unit(text))}
        except UnitError:
            continue
    catatan.append(f"satuan {satuan!r} is not a unit sakip knows: values are plain numbers")
    return {"satuan": satuan, "unit": "dimensionless"}


def _polarity(
    row: dict[str, str], found: dict[str, Any], name: str, formula: str | None
) -> dict[str, Any]:
    cell = row.get("polarity", "")
    read = read_polarity(cell) if cell else None
    if read is not None:
        reason = (
            row.get("polarity_reason") or f"the table's {found['polarity'][1]} column: {cell!r}"
        )
        return {"polarity": read, **({"polarity_reason": reason} if read == "lower" else {})}
    counted = formula_polarity(parse_quietly(formula)) if formula is not None else None
    polarity, why = counted or infer_polarity(name)
    if cell:
        why = f"the {found['polarity'][1]} cell {cell!r} names no polarity; {why}"
    return {"polarity": polarity, "polarity_reason": why, "polarity_inferred": True}


def _period(text: str) -> str:
    folded = text.casefold()
    return next((period for word, period in _PERIODS if word in folded), "tahunan")
