"""Polarity of an indicator from an IKU table: read from its Polaritas / Sifat cell, or
inferred from the indicator's name. The words are data, in the tables below.

>>> infer_polarity("Angka Kematian Bayi")
('lower', "inferred from the name: 'angka kematian' (a death rate: fewer deaths is better)")
>>> infer_polarity("Persentase penurunan angka kematian ibu")[0]
'higher'
>>> read_polarity("Negatif")
'lower'
"""

from __future__ import annotations

import re

from ..language import normalize_name

__all__ = [
    "LOWER_IS_BETTER",
    "NEGATIONS",
    "POLARITY_WORDS",
    "TURNING_WORDS",
    "infer_polarity",
    "read_polarity",
]

#: Phrases of an indicator name that make it lower-is-better, with why. Matched as whole
#: words, case-free; the first match names the reason.
LOWER_IS_BETTER: dict[str, str] = {
    "angka kematian": "a death rate: fewer deaths is better",
    "kematian": "deaths: fewer is better",
    "angka kesakitan": "a morbidity rate: less illness is better",
    "prevalensi": "a prevalence: fewer cases is better",
    "stunting": "stunting: fewer stunted children is better",
    "gizi buruk": "malnutrition: fewer cases is better",
    "gizi kurang": "undernutrition: fewer cases is better",
    "tingkat pengangguran": "unemployment: a lower rate is better",
    "pengangguran": "unemployment: less is better",
    "penduduk miskin": "poverty: fewer poor people is better",
    "kemiskinan": "poverty: less is better",
    "rawan pangan": "food insecurity: less is better",
    "rasio gini": "inequality: a lower Gini ratio is better",
    "gini": "inequality: a lower Gini ratio is better",
    "ketimpangan": "inequality: less is better",
    "putus sekolah": "drop-outs: fewer is better",
    "angka do": "drop-outs: fewer is better",
    "buta aksara": "illiteracy: less is better",
    "buta huruf": "illiteracy: less is better",
    "kriminalitas": "crime: less is better",
    "tindak kriminal": "crime: less is better",
    "kdrt": "domestic violence: fewer cases is better",
    "kekerasan": "violence: fewer cases is better",
    "kecelakaan": "accidents: fewer is better",
    "kebakaran": "fires: fewer is better",
    "pelanggaran": "violations: fewer is better",
    "pencemaran": "pollution: less is better",
    "lahan kritis": "degraded land: less is better",
    "kawasan kumuh": "slums: less is better",
    "permukiman kumuh": "slums: less is better",
    "rumah tidak layak huni": "substandard housing: less is better",
    "genangan": "flooding: less is better",
    "inflasi": "inflation: a lower rate is better",
    "risiko bencana": "disaster risk: lower is better",
    "resiko bencana": "disaster risk: lower is better",
    "temuan": "audit findings: fewer is better",
    "tunggakan": "arrears: less is better",
    "waktu tunggu": "waiting time: shorter is better",
    "unmet need": "unmet need: less is better",
}

#: Words that turn a bad thing into a measure of its remedy or of a service about it,
#: higher-is-better: "Persentase penurunan angka kematian", "Cakupan penanganan gizi
#: buruk", "Persentase penerbitan Akta Kematian", "waktu tanggap ... kebakaran".
TURNING_WORDS: tuple[str, ...] = (
    "penurunan",
    "menurunnya",
    "turunnya",
    "berkurangnya",
    "pengurangan",
    "penanganan",
    "penanggulangan",
    "pencegahan",
    "pengentasan",
    "tertangani",
    "ditangani",
    "terselesaikan",
    "diselesaikan",
    "tindak lanjut",
    "ditindaklanjuti",
    "bebas",
    "waktu tanggap",
    "response time",
    "perlindungan",
    "mendapat",
    "terlayani",
    "akta",
    "penerbitan",
    "telah bekerja",
)

#: Words that negate the phrase right after them: "melek huruf (tidak buta aksara)".
NEGATIONS: tuple[str, ...] = ("tidak", "bukan", "non")

#: What a Polaritas / Sifat cell says, case-free.
POLARITY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("higher", "positif", "positive", "maksimal", "maksimum", "maximize", "max",
         "naik", "meningkat", "tinggi", "↑", "semakin tinggi semakin baik",
         "semakin besar semakin baik", "higher is better"),
        "higher",
    ),
    **dict.fromkeys(
        ("lower", "negatif", "negative", "minimal", "minimum", "minimize", "min",
         "turun", "menurun", "rendah", "↓", "semakin rendah semakin baik",
         "semakin kecil semakin baik", "lower is better"),
        "lower",
    ),
}  # fmt: skip


def _has(name: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", name) is not None


def read_polarity(text: str) -> str | None:
    """``"higher"`` or ``"lower"`` from a Polaritas cell; None when it says neither."""
    return POLARITY_WORDS.get(normalize_name(text))


def infer_polarity(name: str) -> tuple[str, str]:
    """(polarity, why) from an indicator's name: lower when the name holds a phrase of
    :data:`LOWER_IS_BETTER` and no word of :data:`TURNING_WORDS`, else higher."""
    folded = normalize_name(name)
    found = next((p for p in LOWER_IS_BETTER if _has(folded, p)), None)
    if found is None:
        return "higher", "inferred from the name: no lower-is-better word, so higher is better"
    negated = next((f"{n} {found}" for n in NEGATIONS if _has(folded, f"{n} {found}")), None)
    turning = negated or next((w for w in TURNING_WORDS if _has(folded, w)), None)
    if turning is not None:
        return (
            "higher",
            f"inferred from the name: '{found}' is lower-is-better, but '{turning}' turns"
            " it around, so higher is better",
        )
    return "lower", f"inferred from the name: '{found}' ({LOWER_IS_BETTER[found]})"
