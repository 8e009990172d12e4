"""Hypothesis strategies for sakip's tests (in the attrs style: one shared module)."""

from __future__ import annotations

from hypothesis import strategies as st

#: Words that are keywords or operators somewhere in the language; names avoid them.
RESERVED = {
    "x", "kali", "dikali", "dikalikan", "dibagi", "dengan", "jika", "maka", "dan", "atau",
    "selain", "itu", "tidak", "tahun", "persen", "dimana", "n", "min", "max", "maks",
    "minimum", "maksimum", "akar", "rata-rata", "berjalan", "lalu", "ini", "sebelumnya",
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "november", "desember",
}  # fmt: skip

word = st.from_regex(r"[A-Za-z][a-z]{1,8}", fullmatch=True).filter(
    lambda w: w.casefold() not in RESERVED and not (w[0] in "xX" and w[1:2].isdigit())
)

#: A multi-word variable name as officials write it ("Jumlah Penduduk yang bekerja").
name = st.lists(word, min_size=1, max_size=4).map(" ".join)

#: Values that are safe as denominators.
positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
count = st.integers(min_value=0, max_value=10**9)


@st.composite
def part_and_whole(draw: st.DrawFn) -> tuple[float, float]:
    """A part and a whole with 0 <= part <= whole, whole > 0."""
    whole = draw(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
    part = draw(st.floats(min_value=0, max_value=whole, allow_nan=False))
    return part, whole


#: Numbers with up to 6 decimals, as they appear in IKU tables.
decimal_number = st.decimals(
    min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
)
