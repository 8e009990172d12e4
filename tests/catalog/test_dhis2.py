"""to_dhis2: DHIS2 indicator metadata for the N / D x factor formulas; the rest skipped."""

from __future__ import annotations

import re
import warnings
from typing import Any

import pandas as pd
import pytest

import sakip
from sakip import catalog
from sakip.catalog.dhis2 import uid

SHIPPED = catalog.load()
UID = re.compile(r"[A-Za-z][A-Za-z0-9]{10}")
TERM = re.compile(r"([+-]?)#\{(\w+)\}(?:\.periodOffset\((-?\d+)\))?")


def mine() -> catalog.Catalog:
    return catalog.from_table(
        pd.DataFrame(
            {
                "IKU": ["Tingkat Pengangguran", "Pertumbuhan UMKM", "Angka Kematian Bayi",
                        "Indeks Gabungan", "Rasio per kelas", "Opini BPK", "Tingkat Kesempatan"],
                "Rumus": ["Jumlah Penganggur / Angkatan Kerja x 100%",
                          "(UMKM tahun n - UMKM tahun n-1) / UMKM tahun n-1 x 100%",
                          "Kematian Bayi / Lahir Hidup x 1.000",
                          "(A + B) / 2",
                          "Murid / (Guru x Kelas)",
                          "",
                          "(Angkatan Kerja - Jumlah Penganggur) / Angkatan Kerja x 100%"],
                "Satuan": ["%", "%", "Rasio/1.000 kelahiran hidup", "Indeks", "Rasio", "Opini", "%"],
            }
        )
    )  # fmt: skip


def test_ratios_are_exported_with_their_factor() -> None:
    export = mine().to_dhis2()
    meta = export.metadata
    by_code = {i["code"]: i for i in meta["indicators"]}
    assert sorted(by_code) == ["iku.01", "iku.02", "iku.03", "iku.07"]
    types = {t["id"]: t["factor"] for t in meta["indicatorTypes"]}
    factors = {code: types[i["indicatorType"]["id"]] for code, i in by_code.items()}
    # x 100% in % shows 100 x N / D; x 1.000 per 1.000 kelahiran hidup shows 1.000 x N / D
    assert factors == {"iku.01": 100, "iku.02": 100, "iku.03": 1000, "iku.07": 100}
    elements = {e["id"]: e["name"] for e in meta["dataElements"]}
    tpt = by_code["iku.01"]
    assert tpt["numerator"] == "#{" + uid("element:jumlah penganggur") + "}"
    assert elements[tpt["denominator"][2:-1]] == "Angkatan Kerja"
    assert (tpt["numeratorDescription"], tpt["denominatorDescription"]) == (
        "Jumlah Penganggur",
        "Angkatan Kerja",
    )
    growth = by_code["iku.02"]
    umkm = uid("element:umkm")
    assert growth["numerator"] == f"#{{{umkm}}}-#{{{umkm}}}.periodOffset(-1)"
    assert growth["denominator"] == f"#{{{umkm}}}.periodOffset(-1)"
    assert by_code["iku.07"]["numerator"] == (
        f"#{{{uid('element:angkatan kerja')}}}-#{{{uid('element:jumlah penganggur')}}}"
    )
    # a variable used by two indicators is one data element
    assert len(meta["dataElements"]) == len({e["name"].casefold() for e in meta["dataElements"]})
    assert dict(export.skipped) == {
        "iku.04": "not a ratio: no variable in the denominator",
        "iku.05": "the denominator is not a sum of variables: Guru*Kelas",
        "iku.06": "a direct measure: no formula",
    }


def test_uids_are_stable_and_well_formed() -> None:
    assert uid("x") == uid("x") != uid("y")
    export = SHIPPED.to_dhis2()
    meta = export.metadata
    ids = [x["id"] for part in meta.values() for x in part]
    assert all(UID.fullmatch(i) for i in ids)
    assert len(ids) == len(set(ids))
    for part in ("dataElements", "indicators"):
        shorts = [x["shortName"] for x in meta[part]]
        assert all(len(s) <= 50 for s in shorts) and len(shorts) == len(set(shorts))
        assert all(len(x["code"]) <= 50 and len(x["name"]) <= 230 for x in meta[part])
    assert SHIPPED.to_dhis2() == export


def value_of(expression: str, values: dict[str, Any]) -> float:
    """A DHIS2 expression of our export, read without sakip: ±#{uid}[.periodOffset(k)]."""
    total, position = 0.0, 0
    for match in TERM.finditer(expression):
        assert match.start() == position, expression  # nothing between the terms
        position = match.end()
        sign = -1 if match.group(1) == "-" else 1
        total += sign * values[(match.group(2), int(match.group(3) or 0))]
    assert position == len(expression)
    return total


def test_every_exported_shipped_indicator_computes_as_sakip_does() -> None:
    """The oracle: factor x N / D, with N and D read from the exported text, against
    sakip.evaluate of the indicator on the same values."""
    export = SHIPPED.to_dhis2()
    meta = export.metadata
    names = {e["id"]: e["name"] for e in meta["dataElements"]}
    factors = {t["id"]: t["factor"] for t in meta["indicatorTypes"]}
    assert len(meta["indicators"]) + len(export.skipped) == len(SHIPPED)
    for number, exported in enumerate(meta["indicators"]):
        indicator = SHIPPED.get(exported["code"])
        terms = TERM.findall(exported["numerator"] + exported["denominator"])
        values = {}
        series: dict[str, dict[int, float]] = {}
        for k, (_, element, offset) in enumerate(terms):
            key = (element, int(offset or 0))
            values.setdefault(key, 3.0 + 7 * k + number % 5)  # distinct, nonzero values
            series.setdefault(names[element], {})[2021 + key[1]] = values[key]
        bound = {n: (s[2021] if list(s) == [2021] else s) for n, s in series.items()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sakip.CatalogWarning)
            expected = sakip.evaluate(indicator, bound, period=2021).magnitude
        top, bottom = (
            value_of(exported["numerator"], values),
            value_of(exported["denominator"], values),
        )
        factor = factors[exported["indicatorType"]["id"]]
        assert factor * top / bottom == pytest.approx(expected, rel=1e-9), indicator.id


def test_the_shipped_ratios_and_what_is_skipped() -> None:
    export = SHIPPED.to_dhis2()
    codes = {i["code"] for i in export.metadata["indicators"]}
    assert {"iku.26", "iku.27", "iku.07", "disdagkop.04"} <= codes
    skipped = dict(export.skipped)
    assert skipped["iku.06"].startswith("uses the total of a series")  # AKB sums live births
    assert skipped["iku.41"].startswith("uses an indexed series")  # IKM: Σ NRR_i / 14
    assert skipped["iku.05"] == "a direct measure: no formula"
    assert sum(1 for r in skipped.values() if r == "a direct measure: no formula") == 51
