"""The catalog's model: frozen attrs classes for indicators, sections and the catalog."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import AmbiguousKeyError, UnknownIndicatorError
from ..language import Formula, normalize_name, parse_quietly
from ..units import parse_unit
from .scales import Scale

if TYPE_CHECKING:
    from .dhis2 import Dhis2Export

__all__ = [
    "AmbiguousKeyError",
    "Catalog",
    "Indicator",
    "Section",
    "UnknownIndicatorError",
    "format_fields",
]

KINDS = ("formula", "direct")
POLARITIES = ("higher", "lower")
PERIODS = ("bulanan", "triwulan", "semester", "tahunan")
TYPES = ("outcome", "output")
# The unit_name of a category (a value from a closed set, or a verdict): no unit of sakip.ureg.
CATEGORY_UNIT = "category"


def _field(
    doc: str,
    kind: type,
    *,
    required: bool | str = True,
    choices: tuple[str, ...] = (),
    alias: str | None = None,
    default: Any = None,
) -> Any:
    """A field of the data format, declared once: its TOML name (``alias``), type,
    whether it is required (True, False, or when, as a phrase), allowed values and
    meaning. The loader checks files by it, and docs/catalog-format.md is tested
    against it."""
    metadata = {"doc": doc, "type": kind, "required": required, "choices": choices}
    if required is True:
        default = attrs.NOTHING
    elif kind is list:
        default = ()
    converter = tuple if kind is list else None
    return attrs.field(default=default, converter=converter, alias=alias, metadata=metadata)


@attrs.frozen(kw_only=True)
class Indicator:
    """One row of an IKU table. ``formula`` is parsed on first use."""

    id: str = _field("`<code>.<NN>` with NN the two-digit row number; sub-rows add a letter", str)
    section: str = attrs.field()  # the section's code, set by the loader
    number: int = _field("row number as printed", int)
    name: str = _field("indicator name, OCR repaired", str)
    sasaran: str = _field("the sasaran the row sits under", str)
    rumus_asli: str = _field("RUMUS as printed, only OCR damage repaired", str)
    kind: str = _field(
        "`formula` (has a formula) or `direct` (a measured value)", str, choices=KINDS
    )
    satuan: str = _field("the unit as printed", str)
    unit_name: str = _field(f"sakip unit name (or `{CATEGORY_UNIT}`)", str, alias="unit")
    polarity: str = _field("`higher` or `lower` (lower is better)", str, choices=POLARITIES)
    period: str = _field("how often it is measured", str, choices=PERIODS)
    penanggung_jawab: str = _field("responsible unit as printed", str)
    sumber_data: str = _field("data source as printed", str)
    seed_line: int = _field("line in the seed where the row starts", int)
    catatan: tuple[str, ...] = _field("every correction and judgement, one string each", list)
    formula_text: str | None = _field(
        "the formula in sakip's language", str, required="when kind is formula", alias="formula"
    )
    part: str | None = _field("sub-row label", str, required=False)
    misi: str | None = _field("the misi above the sasaran", str, required="Lampiran I")
    tujuan: str | None = _field("the tujuan above the sasaran", str, required="Lampiran I")
    allowed_values: tuple[str, ...] = _field(
        "the closed set of values of a direct measure", list, required=False
    )
    polarity_reason: str | None = _field("why lower is better", str, required="when lower")
    type: str | None = _field("`outcome` or `output`", str, required=False, choices=TYPES)
    keterangan: str | None = _field("the KET column", str, required=False)
    abbreviations: tuple[str, ...] = _field(
        "abbreviations the indicator answers to", list, required=False
    )
    scale: str | None = _field("id of a grading scale in scales.toml", str, required=False)
    template: str | None = _field(
        "id of a shared row in template_kecamatan.toml", str, required=False
    )
    polarity_inferred: bool = _field(
        "the table gave no polarity: it was inferred from the name",
        bool,
        required=False,
        default=False,
    )
    source_file: str = attrs.field(default="", eq=False)  # where it was read, not what it is
    #: The Scale that ``scale`` names in the indicator's own catalog, set by the loader,
    #: so an indicator of any catalog is graded on its catalog's scale.
    grading: Scale | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def lampiran(self) -> int:
        """1 for the regency's IKU (Lampiran I), 2 for the perangkat daerah."""
        return 1 if self.section == "iku" else 2

    def __repr__(self) -> str:
        return f"Indicator({self.id!r}, {self.name!r})"

    def _repr_html_(self) -> str:  # Jupyter (catalog/display.py)
        return str(_display().indicator_html(self))

    @property
    def formula(self) -> Formula | None:
        """The parsed formula (``sakip.Formula``), or None for a direct measure."""
        return None if self.formula_text is None else parse_quietly(self.formula_text)

    @property
    def variables(self) -> tuple[str, ...]:
        """The formula's variables as written; () for a direct measure."""
        formula = self.formula
        return () if formula is None else formula.variables

    def is_value_key(self, key: str) -> bool:
        """Whether a value given under ``key`` is a direct measure's own value: its id,
        name, abbreviations, ``nilai`` or ``value`` (case-insensitive)."""
        folded = normalize_name(key)
        keys = (self.id, self.name, "nilai", "value", *self.abbreviations)
        return any(folded == normalize_name(k) for k in keys)

    @property
    def ordered_levels(self) -> bool:
        """Allowed values that are numbers (SPIP levels 1-5): compared as numbers."""
        return bool(self.allowed_values) and all(a.isdigit() for a in self.allowed_values)

    def allowed(self, value: Any) -> str | None:
        """The allowed value (as printed) that ``value`` names, or None; 3 and 3.0 name "3"."""
        whole = isinstance(value, int | float) and float(value).is_integer()
        text = normalize_name(str(int(value)) if whole else str(value))
        return next((a for a in self.allowed_values if normalize_name(a) == text), None)

    @property
    def unit(self) -> Any:
        """The ``sakip.ureg`` unit of the indicator; None for a category."""
        return None if self.unit_name == CATEGORY_UNIT else parse_unit(self.unit_name)


@attrs.frozen(kw_only=True)
class Section:
    """Lampiran I, or one perangkat daerah of Lampiran II, with its table."""

    number: int = _field("0 for Lampiran I; 1.. in print order", int)
    code: str = _field("prefix of every indicator id in the file", str)
    name: str = _field("as printed, in title case", str)
    seed_line: int = _field("line of the section heading in the seed", int)
    indicators: tuple[Indicator, ...] = attrs.field()
    tugas_pokok: str = _field(
        "the tugas pokok, OCR repaired", str, required="Lampiran II", default=""
    )
    fungsi: tuple[str, ...] = _field("one item per Fungsi Utama", list, required="Lampiran II")
    source_file: str = attrs.field(default="", eq=False)

    @property
    def is_kecamatan(self) -> bool:
        return self.code.startswith("kec_")

    def __repr__(self) -> str:
        return f"Section({self.code!r}, {self.name!r}, {len(self.indicators)} indicators)"

    def _repr_html_(self) -> str:  # Jupyter (catalog/display.py)
        return str(_display().section_html(self))


@attrs.frozen
class Catalog:
    """A catalog of IKU: the shipped one of Perbup Banyuasin 45/2019, or yours. Build
    with :func:`sakip.catalog.load` or :func:`sakip.catalog.from_table`.

    ``lampiran_1`` maps the numbers of the regency's own table (the section numbered 0;
    Banyuasin: 43 numbers, two parts for 3, 4 and 21) to their indicators;
    ``perangkat_daerah`` holds the other sections in order. Iterating yields every
    indicator. ``to_toml``, ``to_json``, ``to_table`` and ``to_dhis2`` write it out.
    """

    sections: tuple[Section, ...]
    scales: Mapping[str, Scale]

    def __repr__(self) -> str:  # a summary: the data is 600.000 characters
        count = sum(len(s.indicators) for s in self.sections)
        return f"Catalog({count} indicators, {len(self.sections)} sections)"

    def _repr_html_(self) -> str:  # Jupyter: a summary (catalog/display.py)
        return str(_display().catalog_html(self))

    _by_id: dict[str, Indicator] = attrs.field(init=False, repr=False)
    _by_abbreviation: dict[str, tuple[Indicator, ...]] = attrs.field(init=False, repr=False)

    @_by_id.default
    def _index_ids(self) -> dict[str, Indicator]:
        return {i.id.casefold(): i for s in self.sections for i in s.indicators}

    @_by_abbreviation.default
    def _index_abbreviations(self) -> dict[str, tuple[Indicator, ...]]:
        found: dict[str, list[Indicator]] = {}
        for indicator in self:
            for abbreviation in indicator.abbreviations:
                found.setdefault(abbreviation.casefold(), []).append(indicator)
        return {k: tuple(v) for k, v in found.items()}

    @property
    def lampiran_1(self) -> Mapping[int, tuple[Indicator, ...]]:
        rows: dict[int, list[Indicator]] = {}
        regency = [s for s in self.sections[:1] if s.number == 0]  # the table numbered 0
        for indicator in regency[0].indicators if regency else ():
            rows.setdefault(indicator.number, []).append(indicator)
        return {number: tuple(parts) for number, parts in rows.items()}

    @property
    def perangkat_daerah(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.number != 0)

    def to_toml(self, folder: str | os.PathLike[str]) -> Path:
        """Write the catalog as TOML files into ``folder`` (made if missing); returns the
        folder's Path, which :func:`sakip.catalog.load` reads back to an equal catalog."""
        from .export import write_toml

        return write_toml(self, folder)

    def to_json(self) -> str:
        """The catalog as JSON text: sections with their indicators, and the scales."""
        from .export import to_json

        return to_json(self)

    def to_table(self) -> Any:
        """One row per indicator, as a pandas DataFrame with Indonesian headers."""
        from .export import to_table

        return to_table(self)

    def to_dhis2(self) -> Dhis2Export:
        """DHIS2 indicator metadata for the A / B x factor formulas (see ``catalog.dhis2``)."""
        from .dhis2 import to_dhis2

        return to_dhis2(self)

    def __iter__(self) -> Iterator[Indicator]:
        for section in self.sections:
            yield from section.indicators

    def __len__(self) -> int:
        return sum(len(s.indicators) for s in self.sections)

    def section(self, key: str | int) -> Section:
        """A perangkat daerah by code (``"dinkes"``), number (1-51) or name."""
        for section in self.sections:
            if key in (section.code, section.number) or (
                isinstance(key, str) and normalize_name(key) == normalize_name(section.name)
            ):
                return section
        raise UnknownIndicatorError(f"no perangkat daerah {key!r}")

    def find(self, key: str | int) -> Indicator | None:
        """Like :meth:`get`, but None when nothing answers to ``key``."""
        number = _as_number(key)
        if number is not None:
            parts = self.lampiran_1.get(number, ())
            if len(parts) > 1:
                raise AmbiguousKeyError(str(key), parts)
            return parts[0] if parts else None
        if not isinstance(key, str):
            raise UnknownIndicatorError(
                f"an indicator is found by id, Lampiran I number or abbreviation, not {key!r}"
            )
        folded = key.strip().casefold()
        found = self._by_id.get(folded)
        if found is not None:
            return found
        candidates = self._by_abbreviation.get(folded, ())
        # The regency's own IKU (Lampiran I) is what an abbreviation means first; the
        # perangkat daerah rows that repeat it are reached by their ids.
        first = tuple(c for c in candidates if c.lampiran == 1) or candidates
        if len(first) > 1:
            raise AmbiguousKeyError(key, first)
        return first[0] if first else None

    def get(self, key: str | int) -> Indicator:
        """An indicator by id (``"iku.06"``), Lampiran I number (6) or abbreviation (``"AKB"``).

        Raises :class:`UnknownIndicatorError`, or :class:`AmbiguousKeyError` listing the
        candidates when the key names several indicators (``"APS"``: iku.03a, iku.03b).
        """
        found = self.find(key)
        if found is None:
            raise UnknownIndicatorError(f"no indicator {key!r} in the catalog")
        return found

    def search(self, text: str) -> list[Indicator]:
        """Indicators matching every word of ``text`` in id, name, abbreviations, RUMUS,
        sasaran, section or penanggung jawab (case-insensitive)."""
        if not isinstance(text, str):
            raise UnknownIndicatorError(f"search takes text, not {text!r}")
        words = normalize_name(text).split()
        names = {s.code: s.name for s in self.sections}
        hits = []
        for indicator in self:
            haystack = normalize_name(
                " ".join(
                    [
                        indicator.id,
                        indicator.name,
                        " ".join(indicator.abbreviations),
                        indicator.rumus_asli,
                        indicator.sasaran,
                        names[indicator.section],
                        indicator.penanggung_jawab,
                    ]
                )
            )
            if all(word in haystack for word in words):
                hits.append(indicator)
        return hits


def _as_number(key: Any) -> int | None:
    """A Lampiran I number from 6, "6", 6.0 or numpy's 6; None for anything else."""
    if isinstance(key, bool):
        return None
    if isinstance(key, str):
        digits = key.strip()
        # isdigit() is true for "²" and other digits int() refuses
        return int(digits) if digits.isascii() and digits.isdigit() else None
    try:
        value = float(key)
    except (TypeError, ValueError, OverflowError):
        return None
    return int(value) if value.is_integer() else None


def _display() -> Any:
    from . import display  # on use: only notebooks show HTML

    return display


def format_fields(cls: type) -> dict[str, attrs.Attribute[Any]]:
    """The data-format fields of ``Indicator`` or ``Section`` by their TOML name."""
    return {a.alias: a for a in attrs.fields(cls) if "doc" in a.metadata}
