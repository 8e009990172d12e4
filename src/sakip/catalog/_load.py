"""Reading and checking catalog TOML files (the shipped data/*.toml, or a user's) into the model.

A file is known by what it holds, not by its name: ``[section]`` with its
``[[indicator]]`` rows, ``[[template]]`` rows shared by several sections, ``[[scale]]``
grading scales, or several of these in one file.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ..errors import CatalogDataError, CatalogError, NumberTextError, TableLimitError, UnitError
from ..units import parse_unit
from .model import CATEGORY_UNIT, Catalog, Indicator, Section, format_fields
from .scales import Scale, ScaleError

__all__ = ["MAX_FILE_BYTES", "MAX_TABLE_ROWS", "CatalogError", "read_catalog"]

# Limits on a user's catalog: a file is read whole, and every row's RUMUS is parsed.
#: Bytes of one catalog file (TOML, CSV or xlsx); the shipped catalog is 0,6 MB in all.
MAX_FILE_BYTES = 50_000_000
#: Indicator rows of one IKU table (a regency has a few hundred).
MAX_TABLE_ROWS = 20_000

_INDICATOR_FIELDS = format_fields(Indicator)
_SECTION_FIELDS = format_fields(Section)
_TABLES = ("section", "indicator", "template", "scale")


def _fail(file: str, where: str, field: str, problem: str) -> CatalogDataError:
    return CatalogDataError(problem, file, where, field)


def _check(file: str, where: str, table: dict[str, Any], spec: dict[str, Any]) -> None:
    """Check a TOML table against the fields the model declares (catalog.model)."""
    for field, value in table.items():
        if field not in spec:
            raise _fail(file, where, field, "unknown field")
        expected = spec[field].metadata["type"]
        # a bool is an int to Python; only a bool field takes one
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise _fail(file, where, field, f"must be {expected.__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise _fail(file, where, field, "must be a list of strings")
        choices = spec[field].metadata["choices"]
        if choices and value not in choices:
            raise _fail(file, where, field, f"must be one of {', '.join(choices)}")
    for field, attribute in spec.items():
        if attribute.metadata["required"] is True and field not in table:
            raise _fail(file, where, field, "missing")


def _indicator(
    file: str, code: str, row: dict[str, Any], templates: dict[str, dict[str, Any]]
) -> Indicator:
    if not isinstance(row, dict):
        raise CatalogDataError("an [[indicator]] must be a table", file, code)
    where = str(row.get("id", "?"))
    if "template" in row:
        if not isinstance(row["template"], str):  # a list or table would not hash
            raise _fail(file, where, "template", "must be str")
        template = templates.get(row["template"])
        if template is None:
            raise _fail(file, where, "template", f"no template {row['template']!r}")
        row = {**template, **row}
    _check(file, where, row, _INDICATOR_FIELDS)
    if not re.fullmatch(rf"{re.escape(code)}\.\d{{2,}}[a-z]?", row["id"]):
        raise _fail(file, where, "id", f"must be '{code}.NN' with an optional letter")
    if (row["kind"] == "formula") != ("formula" in row):
        raise _fail(file, where, "formula", "a formula row needs a formula; a direct row has none")
    if row["polarity"] == "lower" and not row.get("polarity_reason"):
        raise _fail(file, where, "polarity_reason", "lower-is-better needs a reason")
    return Indicator(section=code, source_file=file, **row)


def _section(file: str, data: dict[str, Any], templates: dict[str, dict[str, Any]]) -> Section:
    head = data.get("section")
    if not isinstance(head, dict):
        raise CatalogDataError("missing [section]", file)
    _check(file, "[section]", head, _SECTION_FIELDS)
    code = head["code"]
    if not re.fullmatch(r"[a-z][a-z0-9_]*", code):
        raise _fail(file, "[section]", "code", "must be lowercase letters, digits and '_'")
    rows = data.get("indicator", [])
    if not isinstance(rows, list):
        raise CatalogDataError("[[indicator]] must be an array of tables", file, code)
    indicators = tuple(_indicator(file, code, row, templates) for row in rows)
    seen: set[str] = set()
    for indicator in indicators:
        if indicator.id in seen:
            raise _fail(file, indicator.id, "id", "duplicate id")
        seen.add(indicator.id)
    return Section(indicators=indicators, source_file=file, **head)


def _parse(name: str, text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogDataError(f"not valid TOML: {exc}", name) from None
    unknown = [key for key in data if key not in _TABLES]
    if unknown:
        raise CatalogDataError(
            f"unknown table {unknown[0]!r}: a catalog file holds [section] with"
            " [[indicator]] rows, [[template]] rows or [[scale]] tables",
            name,
        )
    arrays = [key for key in ("indicator", "template", "scale") if key in data]
    for key in arrays:
        if not isinstance(data[key], list):  # 'scale = 5' is no [[scale]] row
            raise CatalogDataError(f"[[{key}]] must be an array of tables", name)
    if "indicator" in data and "section" not in data:
        raise CatalogDataError("[[indicator]] rows need a [section]", name)
    if not data:
        raise CatalogDataError("holds no [section], [[template]] or [[scale]]", name)
    return data


def _shipped() -> list[tuple[str, str]]:
    folder = resources.files("sakip.catalog") / "data"
    files = sorted((p.name, p) for p in folder.iterdir() if p.name.endswith(".toml"))
    return [(name, p.read_text(encoding="utf-8")) for name, p in files]


def _user_files(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        paths = sorted(path.glob("*.toml"))
        if not paths:
            raise CatalogDataError("the folder holds no .toml file", str(path))
    elif path.is_file():
        paths = [path]
    else:
        raise CatalogDataError("no such file or folder", str(path))
    files = []
    for each in paths:
        size = each.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TableLimitError("a catalog file", MAX_FILE_BYTES, "bytes", size, str(each))
        try:
            files.append((str(each), each.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            raise CatalogDataError("not UTF-8 text", str(each)) from None
    return files


def read_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Read the shipped data files (``path`` None), or a user's TOML file or folder;
    raise CatalogDataError naming the file, the indicator and the field on bad data."""
    files = _shipped() if path is None else _user_files(Path(path))
    data = [(name, _parse(name, text)) for name, text in files]
    templates = _templates(data)
    sections = [_section(name, d, templates) for name, d in data if "section" in d]
    sections.sort(key=lambda s: s.number)
    _unique(sections)
    scales = _scales(data)
    for section in sections:
        _check_references(section, scales)
    graded = [_graded(section, scales) for section in sections]
    return Catalog(sections=tuple(graded), scales=scales)


def _graded(section: Section, scales: dict[str, Scale]) -> Section:
    """The section with each indicator on a scale holding that Scale itself."""
    if not any(i.scale for i in section.indicators):
        return section
    indicators = tuple(
        attrs.evolve(i, grading=scales[i.scale]) if i.scale else i for i in section.indicators
    )
    return attrs.evolve(section, indicators=indicators)


def _templates(data: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    templates: dict[str, dict[str, Any]] = {}
    for name, content in data:
        for row in content.get("template", []):
            key = row.get("template_id") if isinstance(row, dict) else None
            if not isinstance(key, str):
                raise CatalogDataError("every [[template]] needs a template_id", name)
            if key in templates:
                raise _fail(name, key, "template_id", "duplicate template id")
            templates[key] = {k: v for k, v in row.items() if k != "template_id"}
    return templates


def _unique(sections: list[Section]) -> None:
    codes: dict[Any, Section] = {}
    for section in sections:
        for key in (section.code, section.number):
            other = codes.setdefault(key, section)
            if other is not section:
                field = "code" if isinstance(key, str) else "number"
                raise _fail(
                    section.source_file,
                    "[section]",
                    field,
                    f"{key!r} is also the {field} of the section in {other.source_file}",
                )


def _scales(data: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, Scale]:
    scales: dict[str, Scale] = {}
    for name, content in data:
        for row in content.get("scale", []):
            where = str(row.get("name", "?")) if isinstance(row, dict) else "?"
            try:
                scale = Scale.from_data(row)
            except (ScaleError, NumberTextError, AttributeError) as exc:  # a bound: 'nan'
                raise CatalogDataError(f"scale: {exc}", name, where) from None
            if scale.name in scales:
                raise _fail(name, where, "name", "duplicate scale name")
            scales[scale.name] = scale
    return scales


def _check_references(section: Section, scales: dict[str, Scale]) -> None:
    for indicator in section.indicators:
        if indicator.scale and indicator.scale not in scales:
            raise _fail(section.source_file, indicator.id, "scale", f"no scale {indicator.scale!r}")
        if indicator.unit_name != CATEGORY_UNIT:
            try:
                parse_unit(indicator.unit_name)
            except UnitError:
                raise _fail(
                    section.source_file,
                    indicator.id,
                    "unit",
                    f"unknown unit {indicator.unit_name!r}",
                ) from None
