"""The one pint registry of sakip (``sakip.ureg``) and the mapping from printed satuan.

The registry is built from ``units.txt`` (sakip's own small definitions file) instead of
pint's default registry: loading pint's full default set costs about a third of a second
at import, and the IKU tables need only a few dozen units.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pint

from .errors import UnitError

__all__ = [
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
_ALIASES = {
    "%": "percent",
    "persentase": "percent",
    "‰": "per_mille",
    "permil": "per_mille",
    "persen": "percent",
    "": "dimensionless",
    "nilai": "dimensionless",
    "indeks": "dimensionless",
    "index": "dimensionless",
    "level": "dimensionless",
    "skor": "dimensionless",
    "poin": "dimensionless",
    "rasio": "dimensionless",
    "angka": "dimensionless",
    "jumlah": "dimensionless",  # a count whose satuan names no thing counted
    "rp.": "rupiah",
    # the value of an investment (PMA, PMDN) is an amount of money, in rupiah
    "nilai investasi": "rupiah",
    "m": "meter",
    "km": "kilometer",
    "ha": "hektar",
    "rp": "rupiah",
    "kk": "kepala_keluarga",
}


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
    key = _ALIASES.get(key, key)
    if not re.fullmatch(r"[\w%‰ /*^.]+", key):
        raise UnitError(f"unknown unit {text!r}")
    try:
        return ureg.parse_units(key.replace(" ", "_") if " " in key and "/" not in key else key)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError) as exc:
        raise UnitError(f"unknown unit {text!r}") from exc
    except Exception as exc:  # pint's tokenizer raises assorted errors on odd text
        raise UnitError(f"unknown unit {text!r}") from exc


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
