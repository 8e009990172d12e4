"""Reading a long table from a file, and writing cells that spreadsheets will not run.

Only local files, file objects and DataFrames are read: never a URL, never a file
decompressed because of its name, never more than :data:`MAX_FILE_BYTES`. A file is a
CSV (UTF-8 text) or an .xlsx workbook, told apart by its first bytes (every .xlsx is a
zip archive), not by its name.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from ..csvtext import check_width
from ..errors import TableError, TableLimitError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "TableError",
    "TableLimitError",
    "csv_safe",
    "read_frame",
    "read_workbook",
    "write_csv",
]

#: The largest CSV file measure() reads, in bytes (50 MB: a regency's whole plan is a
#: few hundred KB).
MAX_FILE_BYTES = 50_000_000
#: The most an .xlsx workbook may unpack to, in bytes (its XML is about 10x its size).
MAX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES

# Every .xlsx is a zip archive: its bytes start with the zip signature (a CSV never does).
_ZIP = b"PK\x03\x04"
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# Cells starting with these are formulas (or become them) in Excel and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_frame(table: Any) -> Any:
    """The raw table as a DataFrame of text (from a CSV path or file object) or a copy
    of the DataFrame given."""
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table.copy()
    if isinstance(table, str | os.PathLike):
        data: Any = _read_path(table)
    elif hasattr(table, "read_bytes") and hasattr(table, "is_file"):  # a package resource
        if not table.is_file():
            raise TableError(f"cannot read {str(table)!r}: not a file")
        data = _bounded(table.read_bytes(), table)
    elif hasattr(table, "read"):
        data = _read_stream(table)
    else:
        raise TableError(
            "measure() takes a pandas DataFrame, a CSV path or an open file,"
            f" not {type(table).__name__}"
        )
    if isinstance(data, bytes) and data.startswith(_ZIP):
        return read_workbook(data, table)
    text = data if isinstance(data, str) else _decode(data, table)
    # Comments are whole lines starting with '#': pandas' comment= would also cut a
    # cell such as "Desa #1" and every cell after it.
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    check_width(body, ",", _name(table))
    try:
        # a text buffer: pandas infers no compression and opens no URL for it
        return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise TableError(f"cannot read {_name(table)}: {_one_line(exc)}") from None


def read_workbook(data: bytes, source: Any) -> Any:
    """The first sheet of an .xlsx workbook: numbers stay numbers, text stays text (the
    cells are read as a CSV's are), empty cells are blank."""
    import pandas as pd

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise TableError(f"cannot read {_name(source)}: {_one_line(exc)}") from None
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb: small on disk, huge once unpacked
        raise TableLimitError(
            "the unpacked workbook", MAX_UNPACKED_BYTES, "bytes", unpacked, _name(source)
        )
    try:
        frame = pd.read_excel(
            io.BytesIO(data), sheet_name=0, dtype=object, engine="openpyxl", keep_default_na=False
        )
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise TableError(
            f"cannot read {_name(source)} as an .xlsx workbook: {_one_line(exc)}"
        ) from None
    # keep_default_na=False: "n/a" and "-" stay text, read as cells (an empty cell is "")
    return frame


def _read_path(table: str | os.PathLike[str]) -> bytes:
    name = os.fspath(table)
    if isinstance(name, bytes) or _URL.match(name):
        raise TableError(f"measure() reads local files only, not {name!r}")
    path = Path(name)
    try:
        is_file, exists = path.is_file(), path.exists()
        size = path.stat().st_size if is_file else 0
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise TableError(f"cannot read {name!r}: {_why_not(exc)}") from None
    if not is_file:
        raise TableError(f"cannot read {name!r}: {'not a file' if exists else 'no such file'}")
    if size > MAX_FILE_BYTES:
        raise _too_large(_name(name), size)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TableError(f"cannot read {name!r}: {_why_not(exc)}") from None
    if len(data) > MAX_FILE_BYTES:  # the file grew, or is a /proc file with no size
        raise _too_large(_name(name), None)
    return data


def _why_not(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or _one_line(exc)


def _read_stream(stream: Any) -> Any:
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise TableError(f"cannot read {_name(stream)}: {_one_line(exc)}") from None
    if not isinstance(data, str | bytes):
        raise TableError(f"cannot read {_name(stream)}: it gave {type(data).__name__}")
    return _bounded(data, stream)


def _bounded(data: Any, source: Any) -> Any:
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(_name(source), None)
    return data


def _too_large(name: str, size: int | None) -> TableLimitError:
    """``size`` is None when reading stopped at the limit (a stream, a growing file)."""
    return TableLimitError("a table file", MAX_FILE_BYTES, "bytes", size, name)


def _decode(data: bytes, source: Any) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(f"cannot read {_name(source)}: it is not UTF-8 text") from None


def _name(source: Any) -> str:
    name = getattr(source, "name", source)
    return repr(str(name)) if isinstance(name, str | os.PathLike) else "the file"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``,
    ``@SUM(...)``, ``+90``), quoted with a leading ``'``; anything else as it is.

    Numbers are not text and stay numbers, negative ones included. For every writer of
    tables to be opened in a spreadsheet (CSV now, xlsx later).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(frame: Any, stream: Any) -> None:
    """Write a result table as CSV with every text cell made safe (:func:`csv_safe`)."""
    frame.map(csv_safe).to_csv(stream, index=False)
