"""``formulas()``: random formula texts that the language reads, written the way
officials write them (Indonesian numbers, x and dibagi, percent, min/maks/akar,
conditions), each with brackets wherever an operand is compound, so every text is
valid by construction rather than filtered out of random strings."""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["NAMES", "formulas"]

#: Names as IKU tables write them, none a keyword of the language nor a word with a
#: meaning of its own there (Jumlah, Rata-rata, Total, tahun, persen, dari, per, ...).
NAMES = (
    "A", "B", "C", "D", "P", "Q", "R", "T",
    "Realisasi", "Target", "Anggaran", "Belanja Modal", "Pendapatan Asli Daerah",
    "Penduduk Miskin", "Angkatan Kerja", "Siswa Lulus", "Rumah Tangga", "Kasus Baru",
    "Desa Mandiri", "Jalan Mantap", "Nilai SAKIP", "Skor IKM", "PAD", "IPM", "D0",
)  # fmt: skip

_MULTIPLY = ("x", "X", "×", "*", "kali")
_DIVIDE = ("/", ":", "dibagi")
_COMPARE = ("<", "<=", ">", ">=", "=", "≥", "≤")


def _number() -> st.SearchStrategy[str]:
    """A number in Indonesian notation: 7, 100, 1.000, 2,5, 0,071, 12.500,75."""
    whole = st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", "."))
    decimals = st.integers(1, 999).map(lambda n: f"{n:03d}".rstrip("0") or "0")
    return st.one_of(
        st.integers(1, 100).map(str),
        st.sampled_from(["100", "1.000", "100.000"]),
        st.tuples(whole, decimals).map(lambda p: f"{p[0]},{p[1]}"),
    )


def _bracket(text: str) -> str:
    return f"({text})"


def _combine(parts: tuple[str, str, str]) -> str:
    left, operator, right = parts
    return f"{_bracket(left)} {operator} {_bracket(right)}"


def _expressions(names: tuple[str, ...]) -> st.SearchStrategy[str]:
    leaf = st.one_of(st.sampled_from(names), _number())
    operator = st.sampled_from(("+", "-", *_MULTIPLY, *_DIVIDE))

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, operator, inner).map(_combine),
            st.tuples(inner, st.sampled_from(_MULTIPLY)).map(
                lambda p: f"{_bracket(p[0])} {p[1]} 100%"
            ),
            st.tuples(st.sampled_from(("min", "maks")), inner, inner).map(
                lambda p: f"{p[0]}({p[1]}; {p[2]})"
            ),
            leaf.map(lambda t: f"akar({t})"),  # of a name or number: values_for's are >= 0
            st.tuples(inner, inner).map(lambda p: f"rata-rata({p[0]}; {p[1]})"),
            inner.map(lambda t: f"-{_bracket(t)}"),
        )

    return st.recursive(leaf, grow, max_leaves=8)


def _condition(names: tuple[str, ...]) -> st.SearchStrategy[str]:
    expression = _expressions(names)
    test = st.tuples(expression, st.sampled_from(_COMPARE), expression).map(
        lambda p: f"{_bracket(p[0])} {p[1]} {_bracket(p[2])}"
    )
    return st.tuples(test, expression, expression).map(
        lambda p: f"jika {p[0]} maka {_bracket(p[1])} selain itu {_bracket(p[2])}"
    )


def formulas(names: tuple[str, ...] = NAMES, *, conditions: bool = True) -> st.SearchStrategy[str]:
    """A hypothesis strategy of formula texts that :func:`sakip.parse` reads.

    ``names`` are the variable names to use (plain names that are no keyword of the
    language: the default list is safe); ``conditions=False`` leaves out
    ``jika ... maka ... selain itu ...``. Pair it with :func:`values_for` to evaluate:
    ``st.data()`` draws a formula, then its values.
    """
    # one bare name or number is bracketed: sakip.evaluate("IPM") is the catalog's IPM
    # and sakip.evaluate("7") its Lampiran I row 7
    expression = _expressions(names).map(lambda t: t if " " in t or "(" in t else _bracket(t))
    if not conditions:
        return expression
    return st.one_of(expression, _condition(names))
