"""A differential oracle for evaluate(): random formulas whose exact value is known.

One generator, two drivers. ``random_case(source)`` builds an abstract expression tree
(+, -, unary minus, x / × / * / kali / dikali, / : dibagi, ^ with small whole exponents,
%, Indonesian numbers, brackets, names of every shape the language allows), binds its
names to values, and renders it as formula text the way officials write it, with
brackets exactly where the language's precedence needs them (and sometimes where it
does not). ``source`` is anything with ``integer(lo, hi)``: ``DrawSource`` wraps a
hypothesis ``draw`` (so cases shrink), ``RandomSource`` a seeded ``random.Random`` (for
``benchmarks/fuzz_oracle.py``, fast and reproducible).

``analyse(tree, row)`` computes the exact value with ``fractions.Fraction`` from the
very floats that are passed, plus a first-order bound on the rounding error any float
evaluation order may make (sums are bounded by the absolute values of their terms, so
cancellation and sympy's reordering or distribution do not cause false alarms).

``check(case)`` runs ``sakip.evaluate`` on the general scalar path, the plain-dict fast
path and on numpy arrays, and returns the list of failures: a wrong value, a missed
zero denominator, a refusal or crash, paths that disagree, a missing or spurious
ZeroDenominatorWarning.
"""

from __future__ import annotations

import math
import random
import re
import types
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol, TypeVar

import numpy as np
from hypothesis import strategies as st

import sakip

from .strategies import RESERVED

T = TypeVar("T")

# --------------------------------------------------------------------------- sources


class Source(Protocol):
    """Where the generator's choices come from: a whole number in [lo, hi]."""

    def integer(self, lo: int, hi: int) -> int: ...


class RandomSource:
    """Choices from a seeded ``random.Random`` (the long fuzz run)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self._rng.randint(lo, hi)


class DrawSource:
    """Choices from hypothesis (the CI tests): every choice shrinks towards ``lo``."""

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, lo: int, hi: int) -> int:
        return self._draw(st.integers(lo, hi))


def pick(src: Source, items: Sequence[T]) -> T:
    return items[src.integer(0, len(items) - 1)]


def chance(src: Source, percent: int) -> bool:
    """True with the given probability; False (the plain choice) when shrunk."""
    return src.integer(0, 99) >= 100 - percent


def weighted(src: Source, options: Sequence[tuple[int, T]]) -> T:
    """One option by weight; the first option is what hypothesis shrinks to."""
    roll = src.integer(0, sum(w for w, _ in options) - 1)
    for w, item in options:
        if roll < w:
            return item
        roll -= w
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------- the tree

#: Binding strength of each node kind (the grammar: expr < term < unary < power <
#: postfix < primary). A child weaker than its slot needs brackets.
LEVEL = {
    "add": 1,
    "sub": 1,
    "mul": 2,
    "div": 2,
    "neg": 3,
    "pow": 4,
    "pct": 5,
    "lit": 6,
    "var": 6,
}


@dataclass(frozen=True)
class Node:
    kind: str  # a key of LEVEL
    children: tuple[Node, ...] = ()
    value: Fraction = Fraction(0)  # lit: its exact value
    index: int = -1  # var: index into Case.names
    spelling: str = ""  # lit: its text; operators: how the operator is written
    glue: bool = False  # operators: no spaces around, where that cannot change the reading
    brackets: str = "()"  # "()" or "[]", when brackets are written
    redundant: bool = False  # brackets even where precedence does not need them


@dataclass(frozen=True)
class Name:
    text: str  # as written in the formula
    key: str  # as bound in the values (a case variant, the slug, the text in braces...)
    integer: bool = False  # used as an exponent: small whole values only


@dataclass(frozen=True)
class Case:
    text: str
    tree: Node
    names: tuple[Name, ...]
    #: One row of values per array element; rows[0] is also the scalar case. The values
    #: are what is passed (int or float); the oracle uses their exact Fraction.
    rows: tuple[tuple[int | float, ...], ...]
    array_names: tuple[bool, ...]  # per name: an array (else one scalar for all rows)
    general: str  # how the general scalar path is forced: "proxy" or "numpy"

    def values(self, row: int = 0) -> dict[str, int | float]:
        return {n.key: self.rows[row][i] for i, n in enumerate(self.names)}

    def array_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for i, n in enumerate(self.names):
            if self.array_names[i]:
                out[n.key] = np.array([float(r[i]) for r in self.rows], dtype=float)
            else:
                out[n.key] = self.rows[0][i]
        return out

    def general_values(self) -> Any:
        plain = self.values()
        if self.general == "numpy":
            return {k: np.float64(v) for k, v in plain.items()}
        return types.MappingProxyType(plain)

    def describe(self) -> str:
        lines = [f"text:   {self.text}", f"values: {self.values()!r}"]
        if len(self.rows) > 1 or any(self.array_names):
            lines.append(f"arrays: {self.array_values()!r}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- names

VOCAB = [
    "Jumlah", "Penduduk", "yang", "bekerja", "Angkatan", "Kerja", "Realisasi", "Target",
    "Rencana", "Anggaran", "Belanja", "Pendapatan", "Asli", "Daerah", "desa", "kelurahan",
    "rumah", "tangga", "miskin", "sekolah", "siswa", "guru", "kasus", "pasien", "bayi",
    "lahir", "hidup", "ibu", "hamil", "jalan", "kondisi", "baik", "mantap", "panjang",
    "nilai", "indeks", "pada", "dari", "di", "dalam", "per", "unsur", "akumulasi",
    "kinerja", "pelayanan", "aktif", "data", "tersedia", "Kabupaten", "Kota", "se", "APBD",
    "PAD", "IPM", "NTP", "LPM", "OPD", "balita", "kematian", "kelahiran", "luas", "wilayah",
    "hutan", "air", "bersih", "sampah", "terkelola", "Ieu", "Bobot", "Skor",
]  # fmt: skip
HYPHENED = ["ber-KB", "non-PNS", "Padi-padian", "Rata-rata", "Umbi-umbian", "Kacang-kacangan"]
ABBREV_SLASH = ["SD/MI", "Kab/Kota", "SMP/MTs", "SMA/SMK"]
WITH_DIGITS = ["D0", "IKU2", "PDBt", "K3", "R2", "Tahap2"]
BRACED = [
    "{D0-<1th}",
    "{jumlah kematian 0-1 tahun}",
    "{Jumlah desa/kelurahan}",
    "{A + B}",
    "{2,5 persen}",
    "{x}",
    "{jika dan maka}",
    "{Komponen Pengungkit}",
    "{Indeks yang dibayar (Ib)}",
    "{penduduk usia 7-12 tahun}",
]
LETTERS = "ABCDEFGHIJKLMOPQRSTUVWYZabcdefghijklmopqrstuvwyz"  # no n/N (period), no x/X
RESULT_NAMES = ["Capaian Kinerja", "IKU", "Persentase Hasil", "Capaian IKI (%)", "Nilai Akhir"]

_VOCAB_OK = [w for w in VOCAB if w.casefold() not in RESERVED]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _random_word(src: Source) -> str:
    first = pick(src, "ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmopqrstuvwyz")
    rest = "".join(pick(src, "aeiouklmnprstbdg") for _ in range(src.integer(1, 7)))
    word = first + rest
    return word if word.casefold() not in RESERVED else word + "k"


def _words(src: Source, lo: int, hi: int) -> list[str]:
    return [
        pick(src, _VOCAB_OK) if not chance(src, 20) else _random_word(src)
        for _ in range(src.integer(lo, hi))
    ]


def gen_name_text(src: Source, di_mana: bool = True) -> str:
    family = weighted(
        src,
        [
            (24, "letter"),
            (32, "words"),
            (8, "digits"),
            (8, "number inside"),
            (8, "hyphen"),
            (4, "slash"),
            (8, "braced"),
            (1 if di_mana else 0, "di mana"),  # the glossary splits at "di mana" (issue 7)
        ],
    )
    if family == "letter":
        return pick(src, LETTERS)
    if family == "words":
        return " ".join(_words(src, 1, 4))
    if family == "digits":
        return " ".join([pick(src, WITH_DIGITS), *_words(src, 0, 2)])
    if family == "number inside":  # "Penduduk usia 15 keatas"
        before = _words(src, 1, 2)
        if before[-1].casefold() in ("per", "setiap", "tiap"):
            before.append("usia")  # "A per 45 B" in words is a rate, not a name
        return " ".join([*before, str(src.integer(1, 99)), *_words(src, 1, 2)])
    if family == "hyphen":
        words = [pick(src, HYPHENED), *_words(src, 0, 2)]
        return " ".join(words if chance(src, 50) else words[::-1])
    if family == "slash":  # an abbreviation pair is a name only beside other words
        return " ".join([*_words(src, 1, 2), pick(src, ABBREV_SLASH), *_words(src, 0, 1)])
    if family == "braced":
        return pick(src, BRACED)
    return " ".join(["Jumlah", "desa", "di", "mana", *_words(src, 1, 2)])


def gen_key(src: Source, text: str) -> str:
    """How the value is bound: as written, another case, the slug, extra spaces."""
    inner = text[1:-1] if text.startswith("{") else text
    variant = weighted(
        src, [(5, "written"), (1, "lower"), (1, "upper"), (2, "slug"), (1, "spaces")]
    )
    if variant == "lower":
        return inner.lower()
    if variant == "upper":
        return inner.upper()
    if variant == "slug" and slug(inner):
        return slug(inner)
    if variant == "spaces":
        return "  " + inner.replace(" ", "   ") + " "
    return text if text.startswith("{") and chance(src, 50) else inner


# --------------------------------------------------------------------------- numbers


def indonesian(value: Fraction, places: int, dots: bool) -> str:
    """A non-negative number with ``places`` decimals: 1.234,5 (dots group thousands)."""
    scaled = value * 10**places
    assert scaled.denominator == 1 and scaled >= 0
    whole, frac = divmod(int(scaled), 10**places)
    head = f"{whole:,}".replace(",", ".") if dots else str(whole)
    return head if places == 0 else f"{head},{frac:0{places}d}"


def gen_literal(src: Source) -> Node:
    kind = weighted(
        src,
        [(5, "small"), (2, "round"), (3, "decimal"), (1, "big"), (1, "zero"), (1, "padded")],
    )
    if kind == "small":
        value, places = Fraction(src.integer(1, 20)), 0
    elif kind == "round":
        value, places = Fraction(pick(src, [10, 100, 1000, 10_000, 100_000, 1_000_000])), 0
    elif kind == "decimal":  # 2,5  0,25  0,071  1.234,5
        places = src.integer(1, 3)
        value = Fraction(src.integer(1, 10**places * pick(src, [1, 10, 100, 10_000])), 10**places)
    elif kind == "big":
        value, places = Fraction(src.integer(21, 9_999_999)), 0
    elif kind == "zero":
        value, places = Fraction(0), src.integer(0, 1)
    else:  # trailing zeros: 2,50  100,00
        value = Fraction(src.integer(1, 999), 10)
        places = src.integer(2, 3)
    text = indonesian(value, places, dots=chance(src, 70))
    return Node("lit", value=value, spelling=text)


# --------------------------------------------------------------------------- expressions

MUL_SPELLINGS = [
    (6, "x"),
    (2, "X"),
    (2, "×"),
    (2, "*"),
    (1, "kali"),
    (1, "dikali"),
    (1, "dikalikan"),
]
DIV_SPELLINGS = [(8, "/"), (3, ":"), (1, "dibagi"), (1, "dibagi dengan")]
SUB_SPELLINGS = [(8, "-"), (1, "–"), (1, "—"), (1, "−")]
NEG_SPELLINGS = [(8, "-"), (1, "- "), (1, "–")]
PCT_SPELLINGS = [(6, "%"), (1, " %"), (2, " persen")]


@dataclass
class _Pool:
    names: list[Name] = field(default_factory=list)
    used_slugs: set[str] = field(default_factory=set)
    di_mana: bool = True

    def add(self, src: Source, integer: bool = False) -> int:
        for _ in range(6):
            text = gen_name_text(src, self.di_mana)
            s = slug(text[1:-1] if text.startswith("{") else text)
            if s and s not in self.used_slugs:
                break
        else:  # a name that cannot clash
            text = f"V{len(self.names)}q"
            s = slug(text)
        self.used_slugs.add(s)
        self.names.append(Name(text, gen_key(src, text), integer))
        return len(self.names) - 1


def _decorate(src: Source) -> dict[str, Any]:
    return {
        "brackets": "[]" if chance(src, 20) else "()",
        "redundant": chance(src, 8),
    }


def gen_exponent(src: Source, pool: _Pool) -> Node:
    """A whole exponent in -3..3: 2, -1, (2), a name bound to one, or 2 ^ 1 (right assoc)."""
    kind = weighted(src, [(6, "literal"), (3, "negative"), (2, "name"), (1, "chain")])
    if kind == "literal":
        k = src.integer(0, 3)
        return Node("lit", value=Fraction(k), spelling=str(k), **_decorate(src))
    if kind == "negative":
        k = src.integer(1, 3)
        child = Node("lit", value=Fraction(k), spelling=str(k))
        return Node("neg", (child,), spelling=weighted(src, NEG_SPELLINGS), **_decorate(src))
    if kind == "name":
        ints = [i for i, n in enumerate(pool.names) if n.integer]
        index = pick(src, ints) if ints and chance(src, 50) else pool.add(src, integer=True)
        return Node("var", index=index, **_decorate(src))
    base, power = pick(src, [(1, 3), (2, 1), (3, 1), (0, 0), (1, 0), (2, 0)])
    return Node(
        "pow",
        (
            Node("lit", value=Fraction(base), spelling=str(base)),
            Node("lit", value=Fraction(power), spelling=str(power)),
        ),
        glue=chance(src, 30),
        **_decorate(src),
    )


def gen_expr(src: Source, depth: int, pool: _Pool, n_plain: int) -> Node:
    if depth <= 0 or chance(src, 15):
        if chance(src, 40):
            return gen_literal(src)
        return Node(**_leaf_var(src, n_plain), **_decorate(src))
    kind = weighted(
        src,
        [(3, "add"), (3, "sub"), (3, "mul"), (4, "div"), (1, "neg"), (2, "pow"), (2, "pct")],
    )
    deco = _decorate(src)
    if kind in ("add", "sub", "mul", "div"):
        left = gen_expr(src, depth - 1, pool, n_plain)
        right = gen_expr(src, depth - 1, pool, n_plain)
        spelling = {
            "add": "+",
            "sub": weighted(src, SUB_SPELLINGS),
            "mul": weighted(src, MUL_SPELLINGS),
            "div": weighted(src, DIV_SPELLINGS),
        }[kind]
        return Node(kind, (left, right), spelling=spelling, glue=chance(src, 20), **deco)
    if kind == "neg":
        child = gen_expr(src, depth - 1, pool, n_plain)
        return Node("neg", (child,), spelling=weighted(src, NEG_SPELLINGS), **deco)
    if kind == "pow":
        base = gen_expr(src, depth - 1, pool, n_plain)
        return Node("pow", (base, gen_exponent(src, pool)), glue=chance(src, 30), **deco)
    # percent: after a number (50%, 2,5 persen), a name (A%) or brackets ((A + B)%)
    which = weighted(src, [(4, "literal"), (1, "name"), (1, "expr")])
    if which == "literal":
        child = gen_literal(src)
    elif which == "name":
        child = Node(**_leaf_var(src, n_plain))
    else:
        child = gen_expr(src, depth - 1, pool, n_plain)
    return Node("pct", (child,), spelling=weighted(src, PCT_SPELLINGS), **deco)


def _leaf_var(src: Source, n_plain: int) -> dict[str, Any]:
    return {"kind": "var", "index": src.integer(0, n_plain - 1)}


def gen_value(src: Source, integer: bool) -> int | float:
    """A value as a user passes it (int or float); the oracle uses its exact Fraction."""
    if integer:
        return src.integer(-3, 3)
    kind = weighted(
        src,
        [(5, "small"), (2, "zero"), (2, "negative"), (3, "decimal"), (1, "large"), (2, "pct")],
    )
    if kind == "small":
        value = Fraction(src.integer(1, 12))
    elif kind == "zero":
        value = Fraction(0)
    elif kind == "negative":
        value = Fraction(-src.integer(1, 100))
    elif kind == "decimal":
        value = Fraction(src.integer(-99_999, 99_999), 10 ** src.integer(1, 3))
    elif kind == "large":
        value = Fraction(src.integer(1000, 10**7))
    else:
        value = Fraction(src.integer(0, 10_000), 100)
    if value.denominator == 1 and chance(src, 50):
        return int(value)
    return float(value)


# --------------------------------------------------------------------------- rendering

#: What sakip.evaluate reads as a catalog indicator (see sakip._api._KEY).
_CATALOG_KEY = re.compile(r"[A-Za-z][\w.]*|\d{1,2}")
_ENDS_WITH_NUMBER = re.compile(r"(?:^|[\s(\[+\-–—−*×/:^])[\d.,]+$")


def _glue_ok(op: str, left: str, right: str) -> bool:
    """Whether ``left op right`` may be written without spaces and read the same."""
    if op in ("+", "*", "×", "^"):
        return True
    if op in ("/", ":", "-", "–", "—", "−"):
        # Between words a glued slash or hyphen joins a name (SD/MI, ber-KB, PDBt-1).
        left_ok = left[-1] in ")]%" or bool(_ENDS_WITH_NUMBER.search(left))
        return left_ok and right[0] in "([0123456789"
    return False


def render(node: Node, names: Sequence[Name], need: int = 1) -> str:
    text = _render_bare(node, names)
    if LEVEL[node.kind] < need or node.redundant:
        text = f"{node.brackets[0]}{text}{node.brackets[1]}"
    return text


def _render_bare(node: Node, names: Sequence[Name]) -> str:
    kind = node.kind
    if kind == "lit":
        return node.spelling
    if kind == "var":
        return names[node.index].text
    if kind == "neg":
        return node.spelling + render(node.children[0], names, 3)
    if kind == "pct":
        inner = render(node.children[0], names, 6)
        spelling = node.spelling
        if spelling == " persen" and (node.children[0].kind != "lit" or not inner[-1].isdigit()):
            spelling = "%"  # "persen" is a word of the name after a name
        return inner + spelling
    if kind == "pow":
        base = render(node.children[0], names, 5)
        exponent = render(node.children[1], names, 3)
        return f"{base}^{exponent}" if node.glue else f"{base} ^ {exponent}"
    left_need, right_need = (1, 2) if kind in ("add", "sub") else (2, 3)
    left = render(node.children[0], names, left_need)
    right = render(node.children[1], names, right_need)
    op = node.spelling
    if node.glue and op in ("x", "X") and right[0].isdigit():
        return f"{left} {op}{right}"  # A x100%, A x1.000
    if node.glue and _glue_ok(op, left, right):
        return f"{left}{op}{right}"
    return f"{left} {op} {right}"


# --------------------------------------------------------------------------- a whole case


def random_case(src: Source, di_mana: bool = True) -> Case:
    """One case. ``di_mana=False`` leaves out names holding the words "di mana"."""
    pool = _Pool(di_mana=di_mana)
    n_plain = src.integer(1, 4)
    for _ in range(n_plain):
        pool.add(src)
    tree = gen_expr(src, src.integer(0, 5), pool, n_plain)
    names = tuple(pool.names)
    text = render(tree, names)
    if _CATALOG_KEY.fullmatch(text):
        # evaluate("9") and evaluate("IPM") name catalog indicators (Lampiran I number,
        # abbreviation): a formula that is one word or a small number is bracketed.
        text = f"({text})"
    if chance(src, 10):
        text = f"{pick(src, RESULT_NAMES)} = {text}"
    n_rows = pick(src, [1, 3, 3])
    array_names = [not chance(src, 20) for _ in names]
    array_names[0] = True
    first = tuple(gen_value(src, n.integer) for n in names)
    rows = [first]
    for _ in range(n_rows - 1):  # a name given as one scalar has that value in every row
        rows.append(
            tuple(
                gen_value(src, n.integer) if array_names[i] else first[i]
                for i, n in enumerate(names)
            )
        )
    return Case(
        text=text,
        tree=tree,
        names=names,
        rows=tuple(rows),
        array_names=tuple(array_names),
        general=pick(src, ["proxy", "numpy"]),
    )


@st.composite
def cases(draw: st.DrawFn, di_mana: bool = True) -> Case:
    """The hypothesis strategy: the same generator, driven by ``draw``."""
    return random_case(DrawSource(draw), di_mana)


# --------------------------------------------------------------------------- the exact value

U = 2.0**-53
#: Headroom over the first-order rounding bound (evaluation order, libm's pow, units).
SLACK = 64.0
BIG = 1e300
TINY = 1e-280


@dataclass(frozen=True)
class Expect:
    """What one row must give: a value within ``tol``, or an error."""

    value: Fraction | None  # None: a denominator is exactly 0
    err: float = 0.0  # bound on the rounding error of a float evaluation
    mag: float = 0.0  # sum of |terms| of the expanded expression
    strict_zero: bool = False  # a denominator is exactly 0 and computed without rounding
    unstable: bool = False  # a denominator is 0 within its rounding error: anything goes
    extreme: bool = False  # beyond float range somewhere: an EvaluationError is fine

    @property
    def tol(self) -> float:
        v = abs(_to_float(self.value)) if self.value is not None else 0.0
        return max(1e-9 * v, SLACK * self.err + 4 * U * self.mag, 1e-300)

    @property
    def overflows(self) -> bool:
        return self.value is not None and abs(_to_float(self.value)) > 1.7976931348623157e308


def _to_float(v: Fraction) -> float:
    try:
        return float(v)
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def _exact(v: Fraction) -> bool:
    try:
        return Fraction(float(v)) == v and abs(v) < 2**40
    except OverflowError:
        return False


def _round(value: Fraction, errs: Sequence[float], mag: float) -> float:
    """Rounding of one operation: none if inputs and result are exact floats."""
    if all(e == 0.0 for e in errs) and _exact(value):
        return 0.0
    return U * mag


def analyse(node: Node, row: Sequence[Fraction]) -> Expect:
    kind = node.kind
    if kind == "lit":
        v = node.value
        return Expect(v, 0.0 if _exact(v) else U * abs(float(v)), abs(float(v)))
    if kind == "var":
        v = row[node.index]
        return Expect(v, 0.0, abs(float(v)))
    kids = [analyse(c, row) for c in node.children]
    flags = {
        "strict_zero": any(k.strict_zero for k in kids),
        "unstable": any(k.unstable for k in kids),
        "extreme": any(k.extreme for k in kids),
    }
    if any(k.value is None for k in kids):
        return Expect(None, **flags)
    result = _combine(node, kids, flags)
    if result.value is not None:
        a = abs(_to_float(result.value))
        if a > BIG or result.mag > BIG or (0 < a < TINY):
            result = Expect(
                result.value, result.err, result.mag, result.strict_zero, result.unstable, True
            )
    return result


def _combine(node: Node, kids: list[Expect], flags: dict[str, bool]) -> Expect:
    kind = node.kind
    if kind in ("neg", "pct"):
        (c,) = kids
        assert c.value is not None
        if kind == "neg":
            return Expect(-c.value, c.err, c.mag, **flags)
        v = c.value / 100
        return Expect(v, c.err / 100 + _round(v, [c.err], 2 * c.mag / 100), c.mag / 100, **flags)
    left, right = kids
    lv, rv = left.value, right.value
    assert lv is not None and rv is not None
    le, re_ = left.err, right.err
    errs = [le, re_]
    if kind in ("add", "sub"):
        v = lv + rv if kind == "add" else lv - rv
        mag = left.mag + right.mag
        return Expect(v, le + re_ + _round(v, errs, mag), mag, **flags)
    if kind == "mul":
        v = lv * rv
        mag = left.mag * right.mag
        err = abs(float(lv)) * re_ + abs(float(rv)) * le + le * re_ + _round(v, errs, mag)
        return Expect(v, err, mag, **flags)
    if kind == "div":
        return _divide(lv, rv, left, right, flags)
    # pow: the exponent is a whole number, exact
    k = int(rv)
    assert rv == k
    if k == 0:
        return Expect(Fraction(1), 0.0, 1.0, **flags)
    if lv == 0:
        if k < 0:
            return _zero_denominator(le, flags)
        return Expect(Fraction(0), le**k if le < 1 else math.inf, left.mag**k, **flags)
    v = lv**k
    rel = le / abs(float(lv))
    if k > 0:
        mag = left.mag**k
        err = abs(_to_float(v)) * ((1 + rel) ** k - 1) + _round(v, [le], k * mag)
        return Expect(v, err, mag, **flags)
    if rel >= 0.5:
        flags = {**flags, "unstable": True}
        rel = 0.5
    a = abs(_to_float(v))
    err = a * ((1 / (1 - rel)) ** -k - 1) + _round(v, [le], (1 - k) * a)
    return Expect(v, err, a * (left.mag / abs(float(lv))) ** -k, **flags)


def _divide(
    lv: Fraction, rv: Fraction, left: Expect, right: Expect, flags: dict[str, bool]
) -> Expect:
    if rv == 0:
        return _zero_denominator(right.err, flags)
    r = abs(float(rv))
    if right.err >= r / 2:
        flags = {**flags, "unstable": True}
        denominator = r / 2
    else:
        denominator = r - right.err
    v = lv / rv
    err = (left.err + abs(_to_float(v)) * right.err) / denominator
    mag = left.mag / denominator
    return Expect(v, err + _round(v, [left.err, right.err], 2 * mag), mag, **flags)


def _zero_denominator(err: float, flags: dict[str, bool]) -> Expect:
    if err == 0.0:
        return Expect(None, **{**flags, "strict_zero": True})
    return Expect(None, **{**flags, "unstable": True})


def expect_row(case: Case, row: int) -> Expect:
    return analyse(case.tree, [Fraction(v) for v in case.rows[row]])


# --------------------------------------------------------------------------- the check


@dataclass
class Outcome:
    magnitude: Any = None
    units: Any = None
    error: BaseException | None = None
    zero_warnings: int = 0


@dataclass(frozen=True)
class Failure:
    kind: str  # "wrong value", "missed zero denominator", "refused", "crash", ...
    path: str  # "parse", "general", "fast", "array", "scalar/array", ...
    detail: str

    def __str__(self) -> str:
        return f"{self.kind} [{self.path}]: {self.detail}"


def run(call: Callable[[], sakip.Result]) -> Outcome:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call()
        except Exception as exc:
            return Outcome(error=exc)
    n = sum(1 for w in caught if issubclass(w.category, sakip.ZeroDenominatorWarning))
    return Outcome(result.magnitude, result.units, None, n)


def unit_factor(units: Any) -> Fraction | None:
    """The value of one unit as a pure number (percent: 1/100); None if not a number."""
    text = str(units)
    if text in ("dimensionless", ""):
        return Fraction(1)
    if text == "percent":
        return Fraction(1, 100)
    try:
        return Fraction(float(sakip.ureg.Quantity(1, units).to("dimensionless").magnitude))
    except Exception:
        return None


def _pure(magnitude: Any, units: Any) -> Fraction | None:
    """A returned magnitude as an exact pure number; None if not a finite number."""
    factor = unit_factor(units)
    try:
        x = float(magnitude)
    except (TypeError, ValueError):
        return None
    if factor is None or not math.isfinite(x):
        return None
    if isinstance(magnitude, int | Fraction):
        return Fraction(magnitude) * factor
    return Fraction(x) * factor


def _fmt(value: Any) -> str:
    if isinstance(value, Fraction):
        return f"{float(value)!r}" if value.denominator != 1 else str(value)
    return repr(value)


def _within(difference: Fraction, tolerance: float) -> bool:
    """|difference| <= tolerance; a tolerance whose own bound overflowed accepts all."""
    return math.isinf(tolerance) or abs(difference) <= Fraction(tolerance)


def _judge_number(got: Fraction | None, exp: Expect, path: str, shown: str) -> Failure | None:
    """A number came back for a row with the expectation ``exp``."""
    if exp.value is None:
        if exp.strict_zero:
            return Failure(
                "missed zero denominator", path, f"expected ZeroDenominatorError, got {shown}"
            )
        return None  # only zero within rounding: a number is fine
    if got is None:
        if exp.extreme or exp.unstable:
            return None
        return Failure("wrong value", path, f"expected {_fmt(exp.value)}, got {shown}")
    if exp.overflows:
        return Failure("wrong value", path, f"expected an overflow error, got {shown}")
    if exp.unstable:
        return None
    if not _within(got - exp.value, exp.tol):
        return Failure("wrong value", path, f"expected {_fmt(exp.value)}, got {shown}")
    return None


def _judge_error(error: BaseException, exp: Expect, path: str) -> Failure | None:
    """An exception came out of a scalar evaluation of a row expected to be ``exp``."""
    name = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    if not isinstance(error, sakip.SakipError):
        return Failure("crash", path, name)
    if exp.value is None:
        if isinstance(error, sakip.ZeroDenominatorError | sakip.EvaluationError):
            return None
        return Failure("wrong error", path, f"expected ZeroDenominatorError, got {name}")
    if (exp.overflows or exp.extreme) and isinstance(
        error, sakip.EvaluationError | sakip.ZeroDenominatorError
    ):
        return None
    if exp.unstable and isinstance(error, sakip.ZeroDenominatorError):
        return None
    return Failure("refused", path, f"expected {_fmt(exp.value)}, got {name}")


def _scalar(outcome: Outcome, exp: Expect, path: str) -> Failure | None:
    if outcome.error is not None:
        return _judge_error(outcome.error, exp, path)
    got = _pure(outcome.magnitude, outcome.units)
    shown = f"{outcome.magnitude!r} {outcome.units}"
    if unit_factor(outcome.units) is None:
        return Failure("wrong unit", path, f"expected a pure number, got {shown}")
    return _judge_number(got, exp, path, shown)


def _label_reading(case: Case, expects: list[Expect]) -> list[Expect]:
    """ "Angka X : (A / B) x 100": a name and a colon before the rest label the result
    (sakip.parse gives it as the formula's name); then the rest is what is computed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        name = sakip.parse(case.text).name
    root = case.tree
    if name is None or root.kind != "div" or root.children[0].kind != "var":
        return expects
    written = case.names[root.children[0].index].text
    if " ".join(written.split()).casefold() != " ".join(name.split()).casefold():
        return expects
    rest = root.children[1]
    return [analyse(rest, [Fraction(v) for v in row]) for row in case.rows]


def check(case: Case) -> tuple[list[Failure], list[Expect]]:
    """Every way ``case`` is evaluated, judged against the exact values."""
    expects = [expect_row(case, i) for i in range(len(case.rows))]
    failures: list[Failure] = []

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sakip.parse(case.text)
    except Exception as error:
        if not isinstance(error, sakip.SakipError):
            return [Failure("crash", "parse", f"{type(error).__name__}: {error}")], expects
        # A constant zero denominator is refused when parsed; then it is 0 in every row.
        if isinstance(error, sakip.FormulaSyntaxError) and all(e.value is None for e in expects):
            return [], expects
        # A rule line of dashes ("-----") is refused, not read as five minus signs.
        if isinstance(error, sakip.FormulaSyntaxError) and "run of dashes" in str(error):
            return [], expects
        # "data dari ...", "nilai dari ..." with no arithmetic says where a value comes
        # from: the language refuses it (language/placeholders.py), whatever names follow.
        statement = re.match(r"\s*(?:data|angka|nilai)\s+dari\b", case.text, re.IGNORECASE)
        if isinstance(error, sakip.NotAFormulaError) and statement:
            return [], expects
        # A cell holding only a zero ("0", "0,0", "0%") is a placeholder, not a formula.
        constant = not any(char.isalpha() for char in case.text)
        zero = all(e.value == 0 for e in expects)
        if isinstance(error, sakip.NotAFormulaError) and constant and zero:
            return [], expects
        first = str(error).splitlines()[0]
        return [Failure("refused", "parse", f"{type(error).__name__}: {first}")], expects

    expects = _label_reading(case, expects)
    general = run(lambda: sakip.evaluate(case.text, case.general_values()))
    fast = run(lambda: sakip.evaluate(case.text, case.values()))
    for outcome, path in ((general, f"general/{case.general}"), (fast, "fast")):
        failure = _scalar(outcome, expects[0], path)
        if failure:
            failures.append(failure)
    if general.error is None and fast.error is None:
        g, f = _pure(general.magnitude, general.units), _pure(fast.magnitude, fast.units)
        if str(general.units) != str(fast.units):
            failures.append(
                Failure("paths disagree", "fast/general", f"units {general.units} vs {fast.units}")
            )
        elif g is not None and f is not None and not _within(g - f, expects[0].tol):
            failures.append(
                Failure(
                    "paths disagree", "fast/general", f"{general.magnitude!r} vs {fast.magnitude!r}"
                )
            )

    if any(case.array_names[n.index] for n in _vars(case.tree)):
        failures.extend(_check_array(case, expects, general))
    return failures, expects


def _vars(node: Node) -> list[Node]:
    if node.kind == "var":
        return [node]
    return [v for c in node.children for v in _vars(c)]


def _check_array(case: Case, expects: list[Expect], scalar: Outcome) -> list[Failure]:
    failures: list[Failure] = []
    outcome = run(lambda: sakip.evaluate(case.text, case.array_values()))
    if outcome.error is not None:
        error = outcome.error
        if not isinstance(error, sakip.SakipError):
            return [Failure("crash", "array", f"{type(error).__name__}: {error}")]
        if isinstance(error, sakip.EvaluationError) and any(e.extreme for e in expects):
            return []
        first = str(error).splitlines()[0]
        return [Failure("refused", "array", f"{type(error).__name__}: {first}")]
    n = len(case.rows)
    try:
        magnitudes = np.broadcast_to(np.asarray(outcome.magnitude, dtype=float), (n,))
    except (ValueError, TypeError):
        return [Failure("wrong shape", "array", f"{outcome.magnitude!r} for {n} rows")]
    if unit_factor(outcome.units) is None:
        return [Failure("wrong unit", "array", f"{outcome.units}")]
    nan_rows = 0
    for i, (exp, m) in enumerate(zip(expects, magnitudes, strict=True)):
        shown = f"{m!r} {outcome.units} (row {i} of {n})"
        if math.isnan(m):
            nan_rows += 1
            if exp.value is None or exp.unstable or exp.extreme:
                continue
            failures.append(
                Failure("wrong value", "array", f"expected {_fmt(exp.value)}, got {shown}")
            )
            continue
        failure = _judge_number(_pure(m, outcome.units), exp, "array", shown)
        if failure:
            failures.append(failure)
    strict_rows = sum(1 for e in expects if e.value is None and e.strict_zero)
    if strict_rows and not outcome.zero_warnings:
        failures.append(
            Failure(
                "missing warning",
                "array",
                f"{strict_rows} rows undefined, no ZeroDenominatorWarning",
            )
        )
    if outcome.zero_warnings and not nan_rows:
        failures.append(
            Failure("spurious warning", "array", "ZeroDenominatorWarning with no NaN row")
        )
    # The scalar and the first array row had the same values: they must agree.
    if scalar.error is None and not math.isnan(magnitudes[0]):
        s = _pure(scalar.magnitude, scalar.units)
        a = _pure(magnitudes[0], outcome.units)
        if s is not None and a is not None and not _within(s - a, expects[0].tol):
            failures.append(
                Failure(
                    "scalar/array disagree",
                    "scalar/array",
                    f"scalar {scalar.magnitude!r} {scalar.units}, array row 0 {magnitudes[0]!r} {outcome.units}",
                )
            )
    return failures


def assert_case(case: Case) -> None:
    """For tests: fail with the case and every failure."""
    failures, expects = check(case)
    if failures:
        lines = [case.describe(), f"expected: {[_fmt(e.value) for e in expects]}"]
        lines += [f"  {f}" for f in failures]
        raise AssertionError("\n".join(lines))
