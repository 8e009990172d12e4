"""Reading and checking the catalog's TOML files (data/*.toml) into the model."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

from ..errors import CatalogError, UnitError
from ..units import parse_unit
from .model import KINDS, PERIODS, POLARITIES, TYPES, Catalog, Indicator, Section
from .scales import Scale, ScaleError

__all__ = ["CatalogError", "read_catalog"]


# field: (type, required)
_SECTION_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "number": (int, True),
    "code": (str, True),
    "name": (str, True),
    "seed_line": (int, True),
    "tugas_pokok": (str, False),
    "fungsi": (list, False),
}
_INDICATOR_FIELDS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "id": (str, True),
    "number": (int, True),
    "name": (str, True),
    "sasaran": (str, True),
    "rumus_asli": (str, True),
    "kind": (str, True),
    "satuan": (str, True),
    "unit": (str, True),
    "polarity": (str, True),
    "period": (str, True),
    "penanggung_jawab": (str, True),
    "sumber_data": (str, True),
    "seed_line": (int, True),
    "catatan": (list, True),
    "formula": (str, False),
    "part": (str, False),
    "misi": (str, False),
    "tujuan": (str, False),
    "allowed_values": (list, False),
    "polarity_reason": (str, False),
    "type": (str, False),
    "keterangan": (str, False),
    "abbreviations": (list, False),
    "scale": (str, False),
    "template": (str, False),
}
_CHOICES = {"kind": KINDS, "polarity": POLARITIES, "period": PERIODS, "type": TYPES}


def _fail(file: str, where: str, field: str, problem: str) -> CatalogError:
    return CatalogError(f"{file}: {where}: field '{field}': {problem}")


def _check(file: str, where: str, table: dict[str, Any], spec: dict[str, tuple[Any, bool]]) -> None:
    for field, value in table.items():
        if field not in spec:
            raise _fail(file, where, field, "unknown field")
        expected, _ = spec[field]
        if not isinstance(value, expected) or isinstance(value, bool):
            raise _fail(file, where, field, f"must be {getattr(expected, '__name__', expected)}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise _fail(file, where, field, "must be a list of strings")
        if field in _CHOICES and value not in _CHOICES[field]:
            raise _fail(file, where, field, f"must be one of {', '.join(_CHOICES[field])}")
    for field, (_, required) in spec.items():
        if required and field not in table:
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
    return Indicator(
        id=row["id"],
        section=code,
        number=row["number"],
        name=row["name"],
        sasaran=row["sasaran"],
        rumus_asli=row["rumus_asli"],
        kind=row["kind"],
        satuan=row["satuan"],
        unit_name=row["unit"],
        polarity=row["polarity"],
        period=row["period"],
        penanggung_jawab=row["penanggung_jawab"],
        sumber_data=row["sumber_data"],
        seed_line=row["seed_line"],
        catatan=tuple(row["catatan"]),
        formula_text=row.get("formula"),
        part=row.get("part"),
        misi=row.get("misi"),
        tujuan=row.get("tujuan"),
        allowed_values=tuple(row.get("allowed_values", ())),
        polarity_reason=row.get("polarity_reason"),
        type=row.get("type"),
        keterangan=row.get("keterangan"),
        abbreviations=tuple(row.get("abbreviations", ())),
        scale=row.get("scale"),
        template=row.get("template"),
        source_file=file,
    )


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
    return Section(
        number=head["number"],
        code=code,
        name=head["name"],
        seed_line=head["seed_line"],
        indicators=indicators,
        tugas_pokok=head.get("tugas_pokok", ""),
        fungsi=tuple(head.get("fungsi", ())),
        source_file=file,
    )


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
