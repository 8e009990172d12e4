"""The capaian report as officials read it: grouped text with a summary, and a workbook.

Both take a :func:`sakip.measure.measure` result. Groups are the sasaran (Lampiran I
and II) or the perangkat daerah of each row's indicator; the summary counts the rows
per predikat and gives the mean capaian of the rows that have one.
"""

from __future__ import annotations

import math
import numbers
import re
from typing import Any

from ..errors import SakipError
from ..numbers import format_number
from .io import TableError

__all__ = [
    "BY", "HEADERS", "NUMBER_FORMAT", "grouped", "summary", "text_report", "write_xlsx"
]  # fmt: skip

#: What a report groups its rows by.
BY = ("sasaran", "perangkat_daerah", "table")
#: The report's columns and their Indonesian headers, in the order shown.
HEADERS = {
    "indicator": "kode", "name": "indikator", "entity": "entitas", "period": "periode",
    "value": "nilai", "satuan": "satuan", "target": "target", "capaian": "capaian (%)",
    "predikat": "predikat", "polarity": "polaritas", "keterangan": "keterangan",
}  # fmt: skip
_NUMBERS = ("value", "target", "capaian")
#: Two decimals with grouped thousands. Excel shows the separators of the computer's
#: locale (1.234,56 on one set to Indonesian); [$-421], the Indonesian locale tag, makes
#: LibreOffice show them whatever its locale.
NUMBER_FORMAT = "[$-421]#,##0.00"
_NO_GROUP = "(indikator tidak dikenal)"
# Characters Excel refuses in a sheet name, and its length limit.
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_SHEET_CHARS = 31


def grouped(report: Any, catalog: Any, by: str = "sasaran") -> list[tuple[str, Any]]:
    """(group name, its rows) in order of first appearance; ``by`` is one of :data:`BY`."""
    if by not in BY:
        raise TableError(f"a report groups by {', '.join(BY)}, not {by!r}")
    if by == "table":
        return [("", report)]
    names = {key: _group(catalog, key, by) for key in report["indicator"].unique()}
    keys = report["indicator"].map(names)
    return [(str(name), part) for name, part in report.groupby(keys, sort=False)]


def _group(catalog: Any, key: Any, by: str) -> str:
    try:
        indicator = catalog.find(key) if isinstance(key, str) else None
    except SakipError:
        indicator = None
    if indicator is None:
        return _NO_GROUP
    if by == "sasaran":
        return str(indicator.sasaran)
    return str(catalog.section(indicator.section).name)


def summary(report: Any) -> tuple[list[tuple[str, int]], float | None]:
    """(predikat, number of rows), the best predikat first (by the mean capaian of its
    rows), with rows without a capaian last as "tanpa capaian"; and the mean capaian
    (None when no row has one)."""
    import pandas as pd

    capaian = pd.to_numeric(report["capaian"], errors="coerce")
    graded = report["predikat"].where(capaian.notna() & (report["predikat"] != ""), "")
    known = graded != ""
    order = capaian[known].groupby(graded[known]).agg(["mean", "size"])
    order = order.sort_values("mean", ascending=False)
    counts = [(str(p), int(n)) for p, n in order["size"].items()]
    missing = int((graded == "").sum())
    if missing:
        counts.append(("tanpa capaian", missing))
    mean = float(capaian.mean()) if capaian.notna().any() else None
    return counts, mean


def text_report(report: Any, catalog: Any, by: str = "sasaran") -> str:
    """The report as text: a table per group, then the summary."""
    groups = grouped(report, catalog, by)
    heading = {"sasaran": "Sasaran", "perangkat_daerah": "Perangkat daerah", "table": ""}[by]
    blocks = []
    for name, part in groups:
        title = [f"{heading}: {_shown(name)}"] if heading else []
        blocks.append("\n".join([*title, _table(part)]))
    counts, mean = summary(report)
    width = max([len(p) for p, _ in counts] + [len("predikat")])
    lines = ["Ringkasan", f"  {'predikat'.ljust(width)}  jumlah (indikator x entitas x periode)"]
    lines += [f"  {p.ljust(width)}  {n}" for p, n in counts]
    shown = "-" if mean is None else f"{format_number(mean, 2)} %"
    lines.append(f"  rata-rata capaian: {shown} (dari {len(report)} baris)")
    return "\n\n".join([*blocks, "\n".join(lines)])


def _table(part: Any) -> str:
    columns = [c for c in HEADERS if c != "polarity"]
    rows = [[_cell(getattr(row, c), c in _NUMBERS) for c in columns] for row in part.itertuples()]
    headers = [HEADERS[c] for c in columns]
    widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(headers)]
    right = {columns.index(c) for c in _NUMBERS}

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if k in right else c.ljust(w)
            for k, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  " + "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _cell(value: Any, number: bool) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if number and isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, 2)
    return _shown(value)


def _shown(value: Any) -> str:
    """A cell for the terminal: control characters (escape sequences from a file) as '?'."""
    text = str(value)
    return text if text.isprintable() else "".join(c if c.isprintable() else "?" for c in text)


def write_xlsx(report: Any, target: Any, catalog: Any, by: str = "perangkat_daerah") -> None:
    """Write the report as an .xlsx workbook to a path or a binary file: one sheet per
    group (``by="table"``: one sheet), Indonesian headers, numbers as numbers in
    :data:`NUMBER_FORMAT`, the header row frozen. Text is always text: a cell such as
    ``=HYPERLINK(...)`` is stored as a string, never as a formula."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    columns = list(HEADERS)
    for name, part in grouped(report, catalog, by):
        sheet = book.create_sheet(_sheet_name(name or "capaian", used))
        sheet.append([HEADERS[c] for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in part[columns].itertuples(index=False):
            sheet.append([_xlsx_value(v) for v in row])
        for column, key in zip(sheet.iter_cols(min_row=2), columns, strict=False):
            for cell in column:
                if key in _NUMBERS and isinstance(cell.value, float):
                    cell.number_format = NUMBER_FORMAT
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # "=..." would be a formula otherwise
        for k, key in enumerate(columns):
            longest = max([len(HEADERS[key])] + [len(str(v)) for v in part[key].head(200)])
            sheet.column_dimensions[sheet.cell(1, k + 1).column_letter].width = min(longest + 2, 60)
        sheet.freeze_panes = "A2"
    if not book.sheetnames:
        book.create_sheet("capaian").append([HEADERS[c] for c in columns])
    book.save(target)


def _xlsx_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", name).strip(" '") or "capaian"
    base = base[:_SHEET_CHARS]
    chosen, k = base, 2
    while chosen.casefold() in used:
        suffix = f" ({k})"
        chosen, k = base[: _SHEET_CHARS - len(suffix)] + suffix, k + 1
    used.add(chosen.casefold())
    return chosen
