"""Reading and checking the catalog's TOML files (data/*.toml) into the model."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

from ..errors import CatalogError, UnitError
from ..units import parse_unit
from .model import Catalog, Indicator, Section, format_fields
from .scales import Scale, ScaleError

__all__ = ["CatalogError", "read_catalog"]


_INDICATOR_FIELDS = format_fields(Indicator)
_SECTION_FIELDS = format_fields(Section)


def _fail(file: str, where: str, field: str, problem: str) -> CatalogError:
    return CatalogError(f"{file}: {where}: field '{field}': {problem}")


def _check(file: str, where: str, table: dict[str, Any], spec: dict[str, Any]) -> None:
    """Check a TOML table against the fields the model declares (catalog.model)."""
    for field, value in table.items():
        if field not in spec:
            raise _fail(file, where, field, "unknown field")
        expected = spec[field].metadata["type"]
        if not isinstance(value, expected) or isinstance(value, bool):
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
    where = str(row.get("id", "?"))
    if "template" in row:
        template = templates.get(row["template"])
        if template is None:
            raise _fail(file, where, "template", f"no template {row['template']!r}")
        row = {**template, **row}
    _check(file, where, row, _INDICATOR_FIELDS)
    if not re.fullmatch(rf"{re.escape(code)}\.\d\d[a-z]?", row["id"]):
        raise _fail(file, where, "id", f"must be '{code}.NN' with an optional letter")
    if (row["kind"] == "formula") != ("formula" in row):
        raise _fail(file, where, "formula", "a formula row needs a formula; a direct row has none")
    if row["polarity"] == "lower" and not row.get("polarity_reason"):
        raise _fail(file, where, "polarity_reason", "lower-is-better needs a reason")
    return Indicator(section=code, source_file=file, **row)


def _section(file: str, data: dict[str, Any], templates: dict[str, dict[str, Any]]) -> Section:
    head = data.get("section")
    if not isinstance(head, dict):
        raise CatalogError(f"{file}: missing [section]")
    _check(file, "[section]", head, _SECTION_FIELDS)
    code = head["code"]
    rows = data.get("indicator", [])
    indicators = tuple(_indicator(file, code, row, templates) for row in rows)
    seen: set[str] = set()
    for indicator in indicators:
        if indicator.id in seen:
            raise _fail(file, indicator.id, "id", "duplicate id")
        seen.add(indicator.id)
    return Section(indicators=indicators, source_file=file, **head)


def _read(name: str) -> dict[str, Any]:
    text = (resources.files("sakip.catalog") / "data" / name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{name}: {exc}") from None


def read_catalog() -> Catalog:
    """Read every data file; raise CatalogError naming the file, id and field on bad data."""
    folder = resources.files("sakip.catalog") / "data"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    templates: dict[str, dict[str, Any]] = {}
    for name in names:
        if name.startswith("template"):
            for row in _read(name).get("template", []):
                templates[row.pop("template_id")] = row
    sections = [
        _section(name, _read(name), templates)
        for name in names
        if name == "lampiran1.toml" or name.startswith("pd")
    ]
    sections.sort(key=lambda s: s.number)
    try:
        scales = {s["name"]: Scale.from_data(s) for s in _read("scales.toml").get("scale", [])}
    except (ScaleError, KeyError) as exc:
        raise CatalogError(f"scales.toml: {exc}") from None
    for section in sections:
        for indicator in section.indicators:
            if indicator.scale and indicator.scale not in scales:
                raise _fail(
                    section.source_file, indicator.id, "scale", f"no scale {indicator.scale!r}"
                )
            if indicator.unit_name != "category":
                try:
                    parse_unit(indicator.unit_name)
                except UnitError:
                    raise _fail(
                        section.source_file,
                        indicator.id,
                        "unit",
                        f"unknown unit {indicator.unit_name!r}",
                    ) from None
    return Catalog(sections=tuple(sections), scales=scales)
