"""The word tables of the formula language, and how words are cut into pieces.

Indonesian RUMUS text uses ordinary words as operators ("x", "kali", "dibagi"), as
keywords ("jika", "maka", "tahun") and inside names; these tables say which is which.
"""

from __future__ import annotations

import re

from lark import Token

__all__ = [
    "ABBREVIATIONS",
    "ALWAYS_KEYWORDS",
    "BASE_YEAR_WORDS",
    "BECOMES_WORDS",
    "CLAUSE_FILLERS",
    "COMPARISON_WORDS",
    "CURRENT",
    "DEFINERS",
    "DIVIDERS_AFTER_HEAD",
    "DIVIDING_WORDS",
    "DIVISION_WORDS",
    "GROWTH_WORDS",
    "LABEL_VERBS",
    "MONTHS",
    "MUL_WORDS",
    "NAME_SLASH_WORDS",
    "NUMBER_WORDS",
    "OFFSET_PERIOD",
    "OPERAND_ENDS",
    "OPERATION_HEADS",
    "OPERATOR_WORDS",
    "PREFIXES",
    "PURPOSE_WORDS",
    "QUANTITY_WORDS",
    "RANGE_INTRODUCERS",
    "RANGE_WORDS",
    "RATE_LINKS",
    "RATE_WORDS",
    "RATIO_HEADS",
    "RESTATING_WORDS",
    "SUM_WORDS",
    "UNIT_WORDS",
    "VERB_OPERATORS",
    "WHOLE_WORDS",
    "is_abbreviation",
    "piece",
    "split_hyphens",
]

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}
# Abbreviations written with a full stop ("Jml.", "thn.", "s.d."): the stop is part
# of the word, not the end of a sentence.
ABBREVIATIONS = frozenset(
    [
        "a.n",
        "bln",
        "dgn",
        "dkk",
        "dll",
        "dlm",
        "dr",
        "ds",
        "dsb",
        "dst",
        "hlm",
        "jml",
        "kab",
        "kec",
        "kel",
        "ket",
        "kk",
        "krn",
        "mis",
        "no",
        "org",
        "pd",
        "prov",
        "rp",
        "s.d",
        "sbg",
        "spt",
        "tgl",
        "th",
        "thd",
        "thn",
        "tsb",
        "u.p",
        "utk",
        "ybs",
        "yg",
    ]
)
# Words that divide wherever they stand (or start a division: "membagi A dengan B").
DIVISION_WORDS = frozenset({"dibagi", "membagi", "dibandingkan", "dibanding", "berbanding"})
# Words that make text a formula ("formula material"): they divide, multiply or start
# a condition; the sentence pass and the label rules both ask this.
DIVIDING_WORDS = DIVISION_WORDS | {"terhadap"}
OPERATOR_WORDS = DIVIDING_WORDS | {"x", "kali", "dikali", "dikalikan", "mengalikan", "jika"}
OPERATOR_WORDS |= {"perkalian", "pembagian", "penjumlahan", "pengurangan", "selisih"}
# "per 100.000 penduduk": a rate when a number follows.
RATE_WORDS = frozenset({"per", "setiap", "tiap"})
# "A dalam setiap 1.000 ...", "A dari setiap 1.000 ...": these link A to its rate.
RATE_LINKS = frozenset({"dalam", "untuk", "pada", "dari"})
# A slash beside one of these is part of a name: "dan/atau", "TK/RA".
NAME_SLASH_WORDS = frozenset({"dan", "atau", "dan/atau"})
# Words between two numbers of a range inside a name: "desil 1 s/d 4", "usia 7 - 12".
RANGE_WORDS = frozenset({"s/d", "s.d.", "s.d", "sd", "sampai", "hingga"})
# The first word of a verbal ratio, and whether it means a percentage (x 100%):
# "Persentase A terhadap B" = A / B x 100%, "Rasio A terhadap B" = A / B.
RATIO_HEADS = {
    "persentase": True,
    "presentase": True,
    "prosentase": True,
    "proporsi": True,
    "rasio": False,
    "perbandingan": False,
}
# A denominator with one of these names a whole: "Rasio A terhadap total B" is a share
# of that whole, which regions report in percent.
WHOLE_WORDS = frozenset({"total", "seluruh", "seluruhnya", "keseluruhan", "semua"})
# "..., atau dapat dikatakan juga sebagai ...", "atau disebut ...": the same again.
RESTATING_WORDS = frozenset({"dikatakan", "disebut", "diartikan", "dinamakan"})
# "maka nilai X dikonversi menjadi 120": the value a consequence gives follows these.
BECOMES_WORDS = frozenset({"menjadi", "bernilai"})
# After "Perbandingan A", a later one of these divides instead of a "dengan".
DIVIDERS_AFTER_HEAD = DIVIDING_WORDS | {"dengan"}
# "(hasil) perkalian antara A dengan B": the operation its head names.
OPERATION_HEADS = {
    "perkalian": "*",
    "pembagian": "/",
    "penjumlahan": "+",
    "pengurangan": "-",
    "selisih": "-",
}
# "tingkat pertumbuhan A dibandingkan dengan B": a growth rate, (A - B) / B.
GROWTH_WORDS = frozenset(
    {"tingkat", "laju", "pertumbuhan", "kenaikan", "peningkatan", "perubahan", "penurunan"}
    | {"atau", "/"}  # "kenaikan atau penurunan": a change either way
)
# Verbs whose operator waits for "dengan": "membagi A dengan B".
VERB_OPERATORS = {
    "membagi": "/",
    "mengalikan": "*",
    "mengurangkan": "-",
    "mengurangi": "-",
    "menjumlahkan": "+",
}
# Words that begin the name of a quantity, not of an indicator: "Jumlah A : B" divides.
QUANTITY_WORDS = frozenset({"jumlah", "jml", "jml.", "total", "banyaknya", "banyak"})
# "X adalah ...": the words before name the result.
DEFINERS = frozenset({"adalah", "merupakan", "ialah", "yaitu"})
# "X dihitung dengan (cara) ...".
LABEL_VERBS = frozenset({"dihitung", "diperoleh", "dirumuskan", "didapat", "didefinisikan"})
# Words that open a clause and mean nothing there: ", kemudian hasilnya dikalikan".
CLAUSE_FILLERS = frozenset(
    {"kemudian", "lalu", "selanjutnya", "hasilnya", "sedangkan", "adapun", "biasanya", "umumnya"}
)
# "... untuk memperoleh nilai dalam bentuk persentase": why, not what.
PURPOSE_WORDS = frozenset({"untuk", "agar", "sehingga", "guna"})
NUMBER_WORDS = {"sepuluh": 10, "seratus": 100, "seribu": 1000, "sejuta": 1000000}
# Words before a range that make it part of a name: "usia 7-12", "desil 1 s/d 4".
RANGE_INTRODUCERS = frozenset(
    {"usia", "umur", "kelompok", "desil", "kuintil", "kelas", "golongan", "rentang", "antara"}
)
# Units after a number or range inside a name: "7-12 tahun", ">=60 tahun", "0-59 bulan".
UNIT_WORDS = frozenset(
    {"tahun", "thn", "th", "bulan", "bln", "hari", "minggu", "jam", "menit", "kali", "orang"}
)
MUL_WORDS = {"x", "dikali", "dikalikan", "kali"}
# "A, ditambah dengan B", "A dikurangi B": + and - in words.
SUM_WORDS = {"ditambah": "+", "ditambahkan": "+", "dikurangi": "-", "dikurangkan": "-"}
# "X tahun dasar": the value in a base year, a value of its own (not an offset).
BASE_YEAR_WORDS = frozenset({"dasar", "awal", "acuan"})
#: Comparisons in words, each meaning a comparator: "lebih besar dari 110%" is "> 110%".
COMPARISON_WORDS = {
    "kurang dari atau sama dengan": "<=",
    "kurang dari sama dengan": "<=",
    "lebih dari atau sama dengan": ">=",
    "lebih dari sama dengan": ">=",
    "lebih kecil atau sama dengan": "<=",
    "lebih besar atau sama dengan": ">=",
    "lebih kecil dari": "<",
    "lebih besar dari": ">",
    "tidak lebih dari": "<=",
    "tidak kurang dari": ">=",
    "kurang dari": "<",
    "lebih dari": ">",
    "di atas": ">",
    "diatas": ">",
    "di bawah": "<",
    "dibawah": "<",
    "minimal": ">=",
    "maksimal": "<=",
    "paling sedikit": ">=",
    "paling banyak": "<=",
    "sekurang-kurangnya": ">=",
    "setidaknya": ">=",
    "sama dengan": "=",
    "melebihi": ">",
    "tidak melebihi": "<=",
    "lebih tinggi dari": ">",
    "lebih rendah dari": "<",
}
#: The value of a PERIOD token that is an offset ("-1", "0", "-1m" for a month); any
#: other PERIOD holds the words of a base year as written ("tahun dasar").
OFFSET_PERIOD = re.compile(r"[+-]?\d+m?")
CURRENT = {
    "berjalan": 0,
    "ini": 0,
    "laporan": 0,
    "pelaporan": 0,
    "dilaporkan": 0,
    "lalu": -1,
    "sebelumnya": -1,
}
# Words that end a name because they are operators or keywords wherever they stand.
ALWAYS_KEYWORDS = MUL_WORDS | {"dibagi", "jika", "maka"}
OPERAND_ENDS = {"NAME", "NUMBER", "RPAR", "RSQB", "PERCENT", "PERIOD", "INDEXED", "DATE", "STRING"}
_ABBREVIATION = re.compile(r"[A-Z0-9][A-Za-z0-9]*")


def is_abbreviation(part: str) -> bool:
    """SD, MI, MTs, PMDN, R, Kab, Kota: capitalised and short, or mostly capitals."""
    if not _ABBREVIATION.fullmatch(part):
        return False
    return len(part) <= 4 or sum(c.isupper() for c in part) >= 2


PREFIXES = {
    "ber",
    "se",
    "ke",
    "di",
    "ter",
    "pe",
    "non",
    "pra",
    "pasca",
    "anti",
    "antar",
    "sub",
    "multi",
}


def _hyphen_joins(left: str, right: str) -> bool:
    """Rata-rata, Padi-padian, ber-KB join into one word; Realisasi-Rencana subtracts."""
    left_l, right_l = left.casefold(), right.casefold()
    if left_l in PREFIXES or (left_l == "e" and right[:1].isupper()):
        return True  # ber-KB, non-PNS, E-KTP, e-SAKIP
    stem = left_l[: min(3, len(left_l))]
    return right_l.startswith(stem)


def split_hyphens(tok: Token) -> list[Token]:
    """Split a WORD at hyphens that are minus signs, keeping source positions."""
    parts = str(tok.value).split("-")
    if len(parts) == 1:
        return [tok]
    out: list[Token] = []
    start = tok.start_pos or 0
    column = tok.column or 1
    current = parts[0]
    offset = 0
    for part in parts[1:]:
        if _hyphen_joins(current.split("-")[-1].split("/")[-1], part.split("/")[0]):
            current += "-" + part
            continue
        out.append(piece("WORD", current, tok, start + offset, column + offset))
        offset += len(current)
        out.append(piece("SUB", "-", tok, start + offset, column + offset))
        offset += 1
        current = part
    out.append(piece("WORD", current, tok, start + offset, column + offset))
    return out


def piece(
    type_: str, value: str, tok: Token, pos: int, column: int, width: int | None = None
) -> Token:
    """A token at ``pos``/``column`` on the line of ``tok``, ``width`` characters long
    (the value's length unless given): a part of ``tok``, or a marker beside it."""
    width = len(value) if width is None else width
    return Token(
        type_,
        value,
        start_pos=pos,
        line=tok.line,
        column=column,
        end_line=tok.line,
        end_column=column + width,
        end_pos=pos + width,
    )
