"""Writing a catalog out: TOML files in the format of docs/catalog-format.md (which
:func:`sakip.catalog.load` reads back to an equal catalog), JSON, and an IKU table
(which :func:`sakip.catalog.from_table` reads back).

The fields and their TOML names come from the model (``format_fields``): a field left
at its default is not written, as in the shipped files.
"""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from ..errors import CatalogDataError
from .model import Catalog, Indicator, Section, format_fields
from .scales import Band, Scale
from .table import HEADERS

__all__ = ["catalog_data", "to_json", "to_table", "write_toml"]

_INDICATOR_FIELDS = format_fields(Indicator)
_SECTION_FIELDS = format_fields(Section)
#: Fields a kecamatan row gives itself; the others may come from its template.
_OWN_FIELDS = frozenset(
    ("id", "number", "part", "period", "penanggung_jawab", "sumber_data", "keterangan",
     "seed_line", "catatan", "template")
)  # fmt: skip
_NAME_CHARS = 60  # of a section code in its file name: far under the 255 bytes of a name

_FORMAT_LINE = (
    "# Format: docs/catalog-format.md (the fields are declared once, in sakip.catalog.model)."
)


def _fields(obj: Any, spec: dict[str, attrs.Attribute[Any]]) -> dict[str, Any]:
    """The format fields of ``obj`` that differ from their defaults, by TOML name."""
    out = {}
    for alias, attribute in spec.items():
        value = getattr(obj, attribute.name)
        if attribute.default is attrs.NOTHING or value != attribute.default:
            out[alias] = list(value) if isinstance(value, tuple) else value
    return out


def catalog_data(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain data: sections (each with its indicators) and scales."""
    sections = [
        {
            **_fields(s, _SECTION_FIELDS),
            "indicators": [_fields(i, _INDICATOR_FIELDS) for i in s.indicators],
        }
        for s in catalog.sections
    ]
    return {"sections": sections, "scales": [_scale(s) for s in catalog.scales.values()]}


def to_json(catalog: Catalog) -> str:
    """The catalog as JSON text (UTF-8, indented): :func:`catalog_data`."""
    return json.dumps(catalog_data(catalog), ensure_ascii=False, indent=2)


def write_toml(catalog: Catalog, folder: str | os.PathLike[str]) -> Path:
    """Write one file per section (``NN_code.toml``), the templates its rows share
    (``templates.toml``) and its scales (``scales.toml``) into ``folder``."""
    path = Path(folder)
    files: dict[str, list[str]] = {}
    templates = _templates(catalog)
    for section in catalog.sections:
        lines = [f"# sakip catalog: {_one_line(section.name)}.", _FORMAT_LINE, "", "[section]"]
        lines += _pairs(_fields(section, _SECTION_FIELDS))
        for indicator in section.indicators:
            row = _fields(indicator, _INDICATOR_FIELDS)
            shared = templates.get(indicator.template or "", {})
            row = {k: v for k, v in row.items() if k not in shared or k in _OWN_FIELDS}
            lines += ["", "[[indicator]]", *_pairs(row)]
        # the number keeps the names apart; a long code (from a long OPD title) is cut to
        # a name any file system holds (load reads a folder whatever its file names)
        files[f"{section.number:02d}_{section.code[:_NAME_CHARS]}.toml"] = lines
    if templates:
        lines = ["# sakip catalog: row definitions shared by several sections.", _FORMAT_LINE]
        for key, fields in templates.items():
            lines += ["", "[[template]]", *_pairs({"template_id": key, **fields})]
        files["templates.toml"] = lines
    if catalog.scales:
        lines = ["# sakip catalog: grading scales.", _FORMAT_LINE]
        for scale in catalog.scales.values():
            data = _scale(scale)
            bands = data.pop("band")
            lines += ["", "[[scale]]", *_pairs(data)]
            for band in bands:
                lines += ["", "[[scale.band]]", *_pairs(band)]
        files["scales.toml"] = lines
    texts = {name: "\n".join(lines) + "\n" for name, lines in files.items()}
    for name, text in texts.items():  # every file checked before the first is written
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise CatalogDataError(
                f"holds {text[exc.start]!r}, which is no character (a lone surrogate, from"
                " text decoded wrongly): no file can hold it",
                name,
            ) from None
    path.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _templates(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Each template's fields: those its rows all share, other than a row's own."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for indicator in catalog:
        if indicator.template:
            rows.setdefault(indicator.template, []).append(_fields(indicator, _INDICATOR_FIELDS))
    shared = {}
    for key, members in rows.items():
        first = members[0]
        shared[key] = {
            k: v
            for k, v in first.items()
            if k not in _OWN_FIELDS and all(m.get(k, None) == v for m in members)
        }
    return shared


def _scale(scale: Scale) -> dict[str, Any]:
    if not scale.exact:
        raise CatalogDataError(
            f"scale {scale.name!r} was read from text with gaps: only exact scales are data"
        )
    data: dict[str, Any] = {
        "name": scale.name,
        "title": scale.title,
        "source": scale.source,
        "lower": _bound(scale.lower, "-inf"),
        "upper": _bound(scale.upper, "inf"),
        "catatan": list(scale.catatan),
    }
    return {**data, "band": [_band(b) for b in scale.bands]}


def _band(band: Band) -> dict[str, Any]:
    return {
        "grade": band.grade,
        "label": band.label,
        "lower": _bound(band.lower, "-inf"),
        "upper": _bound(band.upper, "inf"),
        "lower_inclusive": band.lower_inclusive,
        "upper_inclusive": band.upper_inclusive,
    }


def _bound(value: Fraction | None, unbounded: str) -> str:
    """A bound in Indonesian notation, exactly (``43,75``); an open end as ``inf``."""
    if value is None:
        return unbounded
    for places in range(30):
        scaled = value * 10**places
        if scaled.denominator == 1:
            sign = "-" if scaled < 0 else ""
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
            return sign + whole + ("," + fraction if places else "")
    raise CatalogDataError(f"the bound {value} has no exact decimal form")


def _pairs(fields: dict[str, Any]) -> list[str]:
    return [f"{key} = {_value(value)}" for key, value in fields.items()]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # a JSON string is a TOML basic string: the same escapes
        # (and DEL, which TOML forbids raw but JSON leaves alone)
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_value(v)},\n" for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")  # the model has no other field types


def _one_line(text: str) -> str:
    """Text for a comment line: TOML comments hold no control characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def to_table(catalog: Catalog) -> Any:
    """One row per indicator, headed as :data:`HEADERS` writes them; ``from_table`` reads
    it back with the same formulas, units, polarities and sections."""
    import pandas as pd

    names = {s.code: s.name for s in catalog.sections}
    records = [_record(i, names[i.section]) for i in catalog]
    return pd.DataFrame.from_records(records, columns=[h[0] for h in HEADERS.values()])


def _record(indicator: Indicator, section: str) -> dict[str, Any]:
    values = {
        "id": indicator.id,
        "section": section,
        "number": indicator.number,
        "sasaran": indicator.sasaran,
        "name": indicator.name,
        "rumus": indicator.rumus_asli,
        "formula": indicator.formula_text or "",
        "satuan": indicator.satuan,
        "unit": indicator.unit_name,
        "polarity": "Positif" if indicator.polarity == "higher" else "Negatif",
        "polarity_reason": indicator.polarity_reason or "",
        "abbreviations": "; ".join(indicator.abbreviations),
        "allowed_values": "; ".join(indicator.allowed_values),
        "period": indicator.period,
        "penanggung_jawab": indicator.penanggung_jawab,
        "sumber_data": indicator.sumber_data,
        "keterangan": indicator.keterangan or "",
        "catatan": "; ".join(indicator.catatan),
    }
    return {HEADERS[field][0]: value for field, value in values.items()}
