"""Context after a name in a verbal ratio: where or when the whole ratio is counted.

"membagi jumlah Dana Bagi Hasil dengan total Belanja APBD dalam satu periode anggaran",
"persentase jumlah lulusan pada setiap jenjang pendidikan terhadap ...", "... yang
tercatat pada periode dan wilayah tertentu": the phrase after the preposition says
over which period, area or breakdown both terms are counted, not which value the term
is. It leaves the name (with a reading note), so the value is bound by the name a user
would give it ("total Belanja APBD"). All names stay whole when two would become one,
or when a name is only its context ("penduduk pada kurun waktu yang sama"): the text
then names its terms with their context.
"""

from __future__ import annotations

import re

from lark import Token

__all__ = ["trim_context"]

_CONTEXT = re.compile(
    r"""
    \s+(?:pada|dalam|di)\s+                    # a preposition of time or place, then
    (?:
        (?:satu|suatu|setiap|tiap|masing-masing)\s+\S.*   # "one/each ...": a span, a breakdown
      | (?:periode|kurun|wilayah)\b.*                      # a period or an area
      | .*\s(?:tertentu|tersebut)                          # "... a given one", "... that one"
    )$
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Words a name keeps at least: context never leaves a bare "jumlah".
_MIN_WORDS = 2


def _trimmed(name: str) -> str | None:
    """The name without its context; None when the context is all that names it
    ("penduduk pada kurun waktu yang sama")."""
    match = _CONTEXT.search(name)
    if match is None:
        return name
    if len(name[: match.start()].split()) < _MIN_WORDS:
        return None
    return name[: match.start()]


def trim_context(tokens: list[Token], readings: list[str]) -> list[Token]:
    """The NAME tokens of a verbal ratio without their trailing context phrase."""
    names = {str(t.value) for t in tokens if t.type == "NAME"}
    trimmed = {name: _trimmed(name) for name in names}
    short = {name: cut for name, cut in trimmed.items() if cut is not None}
    if len(short) < len(names):
        return tokens  # a term named by its context: the text names all terms so
    if len({s.casefold() for s in short.values()}) < len({n.casefold() for n in names}):
        return tokens  # two terms told apart only by their context: keep it
    out = []
    for tok in tokens:
        name = str(tok.value)
        if tok.type == "NAME" and short[name] != name:
            readings.append(
                f"'{name[len(short[name]) :].strip()}' says where or when the ratio is"
                f" counted and is left out of the name '{short[name]}'"
            )
            tok = Token.new_borrow_pos("NAME", short[name], tok)
        out.append(tok)
    return out
