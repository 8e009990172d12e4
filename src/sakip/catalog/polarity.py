"""Polarity of an indicator from an IKU table: read from its Polaritas / Sifat cell, or
inferred from the indicator's name. The words are data, in the tables below.

>>> infer_polarity("Angka Kematian Bayi")
('lower', "inferred from the name: 'angka kematian' (a death rate: fewer deaths is better)")
>>> infer_polarity("Persentase penurunan angka kematian ibu")[0]
'higher'
>>> read_polarity("Negatif")
'lower'

A formula says more than the name: its numerator is what the value counts.

>>> from sakip import parse
>>> formula_polarity(parse("Jumlah keluarga miskin / Jumlah keluarga x 100%"))[0]
'lower'
>>> fall = "(Penduduk miskin tahun n-1 - Penduduk miskin tahun n) / Penduduk miskin tahun n-1"
>>> formula_polarity(parse(fall))[0]
'higher'
"""

from __future__ import annotations

import re

import sympy

from ..language import Formula, normalize_name

__all__ = [
    "LOWER_IS_BETTER",
    "NEGATIONS",
    "POLARITY_WORDS",
    "TURNING_WORDS",
    "formula_polarity",
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
    "miskin": "poverty: fewer poor households is better",
    "berpenghasilan rendah": "low income: fewer low-income households is better",
    "rawan pangan": "food insecurity: less is better",
    "rawan": "vulnerability (rawan pangan, rawan bencana): less is better",
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
    "positif": "positive tests (contamination, disease, drugs): fewer is better",
    "positip": "positive tests (contamination, disease, drugs): fewer is better",
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
    "mendapatkan",
    "menerima",
    "memperoleh",
    "dirawat",
    "diobati",
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


#: A name that opens with a goal ('Menurunnya indeks risiko bencana') states its sasaran:
#: the value is the thing itself, to fall; 'Persentase penurunan ...' measures the fall.
_GOALS = ("menurunnya", "turunnya", "berkurangnya")


def _read(text: str) -> tuple[str, str | None, str | None]:
    """(polarity, the lower-is-better phrase found, the word turning it) of a text."""
    folded = normalize_name(text)
    found = next((p for p in LOWER_IS_BETTER if _has(folded, p)), None)
    if found is None:
        return "higher", None, None
    negated = next((f"{n} {found}" for n in NEGATIONS if _has(folded, f"{n} {found}")), None)
    goal = next((g for g in _GOALS if folded.startswith(g + " ")), None)
    turning = negated or next((w for w in TURNING_WORDS if w != goal and _has(folded, w)), None)
    return ("higher" if turning else "lower"), found, turning


def infer_polarity(name: str) -> tuple[str, str]:
    """(polarity, why) from an indicator's name: lower when the name holds a phrase of
    :data:`LOWER_IS_BETTER` and no word of :data:`TURNING_WORDS`, else higher."""
    _, found, turning = _read(name)
    if found is None:
        return "higher", "inferred from the name: no lower-is-better word, so higher is better"
    if turning is not None:
        return (
            "higher",
            f"inferred from the name: '{found}' is lower-is-better, but '{turning}' turns"
            " it around, so higher is better",
        )
    return "lower", f"inferred from the name: '{found}' ({LOWER_IS_BETTER[found]})"


#: Signs inside a variable's name: a spaced or doubled dash, '=', ';' or '%' (a cell
#: bracketed whole by a table reader, arithmetic and all).
_SIGNS_IN_NAME = re.compile(r"\s[-–—]+\s|[-–—]\s*[-–—]|[=;%]")


#: A clause after the bad thing a numerator counts ('... yang dirujuk', '... yang
#: telah mengikuti ...'): it counts what was done about it, a remedy as often as not.
_CLAUSE_AFTER = re.compile(r"\byang\s+(?:telah\s+|sudah\s+)?(?:di|ter|me)\w+")


def _counted(formula: Formula) -> tuple[str, bool] | None:
    """The variable a formula's numerator counts, and whether the numerator is its fall
    (earlier minus later period: a reduction); None when it counts several things."""
    numerator = sympy.fraction(sympy.factor_terms(formula.expr))[0]
    symbols = sorted(numerator.free_symbols, key=str)
    slots = {slot.symbol: slot for slot in formula.slots if slot.variable is not None}
    counted = [slots[s] for s in symbols if s in slots]  # the rest: the percent marker
    if (
        not counted
        or len({slot.variable for slot in counted}) != 1
        or any(slot.kind not in ("value", "shift") for slot in counted)
    ):
        return None
    name = formula.variables[counted[0].variable or 0]
    if _SIGNS_IN_NAME.search(name):
        return None  # a braced cell that still holds signs is several things, not one
    if len(counted) == 1:
        return name, False
    if len(counted) == 2:  # a change over periods: x(later) - x(earlier), or the reverse
        later, earlier = sorted(counted, key=lambda slot: -slot.offset)
        diff = sympy.expand(numerator)
        if diff == later.symbol - earlier.symbol:
            return name, False
        if diff == earlier.symbol - later.symbol:
            return name, True
    return None


def formula_polarity(formula: Formula) -> tuple[str, str] | None:
    """(polarity, why) from what a formula's numerator counts, when that names a
    lower-is-better thing (turned or not); None when the numerator says nothing of it.

    The value is what the formula computes, so its numerator outranks the name: a
    'Penurunan penduduk rawan pangan' whose RUMUS is 'Jumlah penduduk miskin / Jumlah
    penduduk' measures the share of poor people, lower-is-better. A numerator that is a
    fall (the earlier period minus the later) reverses what it counts."""
    counted = _counted(formula)
    if counted is None:
        return None
    name, fall = counted
    polarity, found, turning = _read(name)
    if found is None:
        return None
    if turning is None and _CLAUSE_AFTER.search(normalize_name(name).split(found, 1)[-1]):
        return None  # 'gizi buruk yang dirujuk': what became of it, the name says better
    why = f"inferred from the formula: its numerator counts {name!r}: '{found}'"
    if turning is not None:
        why += f", turned by '{turning}'"
    if fall:
        polarity = "higher" if polarity == "lower" else "lower"
        why += ", and it is the fall from the earlier period to the later"
    return polarity, why
