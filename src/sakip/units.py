"""The one pint registry of sakip (``sakip.ureg``) and the satuan vocabulary of IKU tables.

The registry is built from ``units.txt`` (sakip's own small definitions file) instead of
pint's default registry: loading pint's full default set costs about a third of a second
at import, and the IKU tables need only a few dozen units. The satuan as IKU tables print
them (``satuan.toml``: aliases such as ``Persentase``, categories such as ``Opini``) are
data as well, read here for a table's Satuan column and the drafter alike.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import pint

from .errors import UnitError

__all__ = [
    "SATUAN",
    "SATUAN_ALIASES",
    "category_values",
    "define",
    "define_count",
    "display_unit",
    "from_other_registry",
    "is_scaled_ratio",
    "parse_unit",
    "ureg",
]

ureg: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
ureg.load_definitions(str(resources.files("sakip") / "units.txt"))
# Looked up once: each ``ureg.<name>`` builds a new Unit by parsing its name.
_DIMENSIONLESS = ureg.dimensionless

_PER_N = re.compile(
    r"^(?:rasio\s*/\s*|per\s+|/\s*)?(?P<n>[\d.]+)\s*(?:kelahiran\s+hidup|kh|lahir\s+hidup)$"
)
_SCALED = {1000: "per_1000_kelahiran_hidup", 100000: "per_100000_kelahiran_hidup"}


def _vocabulary() -> tuple[Mapping[str, str], Mapping[str, tuple[str, ...]], frozenset[str]]:
    """The satuan vocabulary of IKU tables (satuan.toml): its aliases, its categories and
    all its satuan, read once for the table reader and the drafter alike."""
    data = tomllib.loads((resources.files("sakip") / "satuan.toml").read_text("utf-8"))
    aliases: dict[str, str] = data["aliases"]
    categories = {satuan: tuple(values) for satuan, values in data["categories"].items()}
    every = frozenset([*data["units"], *aliases, *categories])
    return MappingProxyType(aliases), MappingProxyType(categories), every


#: Satuan that mean a unit by another word or sign (``"persentase"`` -> ``"percent"``);
#: ``SATUAN``: every satuan of the vocabulary, casefolded (units, aliases, categories).
SATUAN_ALIASES, _CATEGORIES, SATUAN = _vocabulary()
# 'Ya/Tidak', 'Ada/Tidak Ada', 'Tersedia/Tidak Tersedia': a category of its two parts
_EITHER = re.compile(r"\w+\s*/\s*tidak(\s+\w+)?")


def define(definition: str) -> None:
    """Add a unit to ``sakip.ureg`` in pint's definition syntax (``"bibit = [bibit]"``)."""
    ureg.define(definition)


def define_count(name: str) -> None:
    """Add a counted thing (a dimension of its own), e.g. ``define_count("sekolah")``."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise UnitError(f"unit name must be lowercase letters, digits and '_': {name!r}")
    ureg.define(f"{name} = [{name}]")


def parse_unit(text: str | Any) -> Any:
    """Return the ``sakip.ureg`` Unit for a unit name or a printed satuan.

    Accepts registry names (``"percent"``, ``"orang"``), symbols (``"%"``, ``"Ha"``) and
    the seed's satuan wordings (``"Rasio/1.000 kelahiran hidup"``,
    ``"per 1000 kelahiran hidup"``). A ``pint.Unit`` passes through.
    """
    if isinstance(text, ureg.Unit):
        return text
    if not isinstance(text, str):
        raise UnitError(f"a unit must be text or a sakip.ureg Unit, not {type(text).__name__}")
    key = " ".join(text.strip().lower().split())
    match = _PER_N.match(key)
    if match:
        digits = match.group("n").replace(".", "")
        scaled = _SCALED.get(int(digits)) if digits.isdigit() else None
        if scaled is None:
            raise UnitError(f"no unit for {text!r}: only per 1.000 and per 100.000 are defined")
        return ureg.Unit(scaled)
    key = SATUAN_ALIASES.get(key, key)
    if not re.fullmatch(r"[\w%‰ /*^.]+", key):
        raise UnitError(f"unknown unit {text!r}")
    try:
        return ureg.parse_units(key.replace(" ", "_") if " " in key and "/" not in key else key)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError) as exc:
        raise UnitError(f"unknown unit {text!r}") from exc
    except Exception as exc:  # pint's tokenizer raises assorted errors on odd text
        raise UnitError(f"unknown unit {text!r}") from exc


def category_values(satuan: str) -> tuple[str, ...] | None:
    """The values a satuan of a category allows (``()`` when it does not say them), or None
    for a satuan that is no category: ``"Ada/Tidak Ada"`` -> ``("Ada", "Tidak Ada")``,
    ``"Predikat"`` -> ``()``, ``"Persen"`` -> None."""
    key = " ".join(satuan.split()).casefold()
    if key in _CATEGORIES:
        return _CATEGORIES[key]
    if _EITHER.fullmatch(key):
        return tuple(part.strip() for part in satuan.split("/"))
    return None


_DISPLAY = {
    "percent": "%",
    "per_mille": "‰",
    "per_1000_kelahiran_hidup": "per 1.000 kelahiran hidup",
    "per_100000_kelahiran_hidup": "per 100.000 kelahiran hidup",
    "dimensionless": "",
}


def is_scaled_ratio(unit: Any) -> bool:
    """A plain number with a scale of its own: percent, per mille, per 1.000 KH."""
    return bool(unit.dimensionless) and unit != _DIMENSIONLESS


def display_unit(unit: Any) -> str:
    """How a unit is shown next to a number: ``%``, ``per 1.000 kelahiran hidup``, ``orang``."""
    name = str(unit)
    return _DISPLAY.get(name, name.replace("_", " "))


def from_other_registry(quantity: Any) -> Any:
    """A pint Quantity of another registry (the user's own) as a ``sakip.ureg`` Quantity:
    its unit read again by name, so ``5 km`` of any registry is 5 kilometer here. A unit
    that ``sakip.ureg`` does not define raises UnitError (define it with :func:`define`)."""
    if isinstance(quantity, ureg.Quantity):
        return quantity
    name = str(quantity.units)
    try:
        unit = ureg.parse_units(name)
    except Exception:  # pint raises assorted errors on names it does not know
        raise UnitError(
            f"the unit {name!r} of a Quantity from another pint registry is not defined in"
            " sakip.ureg: add it with sakip.units.define(...), or convert the value first"
        ) from None
    return ureg.Quantity(quantity.magnitude, unit)
