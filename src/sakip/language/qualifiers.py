"""Context after a name in a verbal ratio: over which period, area or breakdown the
whole ratio is counted.

"membagi jumlah Dana Bagi Hasil dengan total Belanja APBD dalam satu periode anggaran",
"persentase jumlah lulusan pada setiap jenjang pendidikan terhadap ...", "... yang
tercatat pada periode dan wilayah tertentu": the phrase says where or when both terms
are counted, not which value the term is. It leaves the name (with a reading note, and
the whole name stays an alias), so the value is bound by the name a user would give it
("total Belanja APBD").

Only generic context goes: a breakdown ("pada setiap jenjang pendidikan"), the
reporting period ("dalam satu periode anggaran", "pada periode yang sama"), or an area
or time left open ("di wilayah tertentu"). A qualifier that defines the value stays:
"di wilayah perkotaan", "dalam satu hari kerja", "di setiap desa yang memiliki jamban".
All names stay whole when two would become one, when a name is only its context
("penduduk pada kurun waktu yang sama"), in braces, or beside a condition.
"""

from __future__ import annotations

import re

from lark import Token

from .formula import normalize_name, slugify

__all__ = ["trim_context"]

_CONTEXT = re.compile(
    r"""
    \s+ (?: pada | dalam | di ) \s+                    # a preposition of time or place
    (?:
        (?: setiap | tiap | masing-masing ) (?: \s+ (?!yang\b) \S+ ){1,3}   # a breakdown
      | (?: (?: satu | suatu ) \s+ )? (?: periode | kurun \s+ waktu ) \b
        (?: (?! \s yang \s (?!sama$) ) . ){0,60}                             # the period
      | (?: (?: satu | suatu ) \s+ )? (?: wilayah | daerah | waktu | tahun )
        (?: \s+ (?!yang\b) \S+ ){0,3}
        \s+ (?: tertentu | yang \s+ sama )                                   # left open
      | suatu \s+ (?: wilayah | daerah | negara )
        (?: \s+ (?: atau | dan ) \s+ (?: wilayah | daerah | negara ) )?      # "in an area"
    )
    $
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


def trim_context(
    tokens: list[Token], text: str, readings: list[str]
) -> tuple[list[Token], list[tuple[str, str]]]:
    """The NAME tokens of a verbal ratio without their trailing context phrase, and the
    (short name, whole name) pairs: the whole name stays an alias of the short one."""
    if any(t.type == "JIKA" for t in tokens):
        return tokens, []
    named = [t for t in tokens if t.type == "NAME"]
    braced = {k for k, t in enumerate(named) if _braced(t, text)}
    names = {str(t.value) for k, t in enumerate(named) if k not in braced}
    trimmed = {name: _trimmed(name) for name in names}
    short = {name: cut for name, cut in trimmed.items() if cut is not None}
    if len(short) < len(names):
        return tokens, []  # a term named by its context: the text names all terms so
    # Two terms told apart only by their context keep it: compare every key a value
    # could be bound by, of the names after trimming and of the braced ones as written.
    keys = [
        key
        for cut in (*short.values(), *(str(named[k].value) for k in braced))
        for key in {normalize_name(cut), slugify(cut)}
    ]
    whole = {normalize_name(name) for name in names}
    if len(set(keys)) < len(keys) or any(
        normalize_name(str(named[k].value)) in whole for k in braced
    ):
        return tokens, []
    out, aliases = [], []
    for tok in tokens:
        name = str(tok.value)
        if tok.type == "NAME" and short.get(name, name) != name and not _braced(tok, text):
            readings.append(
                f"'{name[len(short[name]) :].strip()}' says where or when the ratio is"
                f" counted and is left out of the name '{short[name]}'"
            )
            aliases.append((short[name], name))
            tok = Token.new_borrow_pos("NAME", short[name], tok)
        out.append(tok)
    return out, aliases


def _braced(tok: Token, text: str) -> bool:
    return text[tok.start_pos or 0 :].startswith("{")
