"""The rows of a page flattened onto one line whose RUMUS cells carry a label.

Some tables print 'Rumus :' (or 'Formula :') at the top of each RUMUS cell. When PDF
text extraction flattens such a page onto one line, each row reads: the row number,
the first printed line of the sasaran and indicator cells, the label (the end of that
printed line), the next lines of those two cells, then the RUMUS; a stacked fraction
prints as its numerator, the factor set beside the bar ('X 100'), then its denominator,
and a result named before '=' ('Cakupan air = ...') is printed beside the fraction,
centred, so its wrapped words fall between the factor and the denominator.

:func:`flat_rows` lays such a row out as the drafter reads any row: the left cells (the
result's name at their end, without its '='), the label turned into the column rule it
stands for ('|'), the numerator with its factor; then the denominator on a line of its
own. A second label in the row opens a second indicator of the row's sasaran at the
name word just before it.
Only that shape and the words of IKU tables are used, never the rows of one regulation.
"""

from __future__ import annotations

from .draft_cell import factor_of, opens_denominator
from .draft_words import NAME_STARTS

__all__ = ["flat_rows", "is_label"]

_LABELS = frozenset(["rumus", "formula", "formulasi"])
_NAME_BACK = 4  # a second indicator's name opens at most this many words before its label
_RULE = "|"  # a column rule, as OCR prints one between two cells
_WRAP = 8  # at most this many words of a result's name wrapped past the factor


def is_label(words: list[str], i: int) -> bool:
    """Whether words[i] is a RUMUS cell's label: 'Rumus :', 'Rumus:', 'Formula :'."""
    word = words[i]
    bare = word.rstrip(":").casefold()
    if bare not in _LABELS or not word[:1].isupper():
        return False
    return word.endswith(":") or (i + 1 < len(words) and words[i + 1] == ":")


def _label_width(words: list[str], i: int) -> int:
    return 1 if words[i].endswith(":") else 2


def flat_rows(words: list[str]) -> list[str]:
    """The lines of one row of a flattened page (its words, from the row number on);
    the row as one line when it holds no RUMUS label."""
    labels = [i for i in range(len(words)) if is_label(words, i)]
    if not labels:
        return [" ".join(words)]
    starts = [0]
    for label in labels[1:]:
        back = range(label - 1, max(starts[-1], label - 1 - _NAME_BACK), -1)
        opener = [k for k in back if words[k].casefold() in NAME_STARTS and words[k][:1].isupper()]
        starts.append(opener[0] if opener else label)
    ends = [*starts[1:], len(words)]
    out: list[str] = []
    for start, end, label in zip(starts, ends, labels, strict=True):
        out.extend(_indicator(words[start:label], words[label + _label_width(words, label) : end]))
    return out


def _indicator(before: list[str], after: list[str]) -> list[str]:
    """One indicator's lines: the words before its label and after it."""
    equals = next((k for k, w in enumerate(after) if w.endswith("=")), None)
    opener = next((k for k, w in enumerate(after) if opens_denominator(w)), len(after))
    if equals is not None and equals < opener:
        left, rumus = after[: equals + 1], after[equals + 1 :]
    else:
        left, rumus = after[:opener], after[opener:]
    wrapped, lines = _fraction(rumus, named=equals is not None and equals < opener)
    if equals is not None and equals < opener:
        # the result's name (its wrapped words back in place) restates the indicator:
        # it goes with the name's words, its '=' dropped, so the RUMUS is the fraction
        named_as = [*left[:-1], left[-1].rstrip("=")]
        left = [w for w in [*named_as, *wrapped] if w]
    # the label stood at the RUMUS column's left edge: it is kept as the column rule the
    # row reader knows (draft_first.column_rules), so the name's words end there
    first = [*before, *left, _RULE, *lines[0]]
    return [" ".join(part) for part in (first, *lines[1:]) if part]


def _fraction(rumus: list[str], *, named: bool) -> tuple[list[str], list[list[str]]]:
    """A flattened stacked fraction split into its numerator (with the factor) and its
    denominator, and the words of a result's name wrapped between them (``named``: the
    RUMUS names its result before '='). The RUMUS as one line when it is no such
    fraction."""
    for i in range(1, len(rumus) - 1):
        if factor_of(rumus[i]) is None:
            continue
        rest = rumus[i + 1 :]
        j = next((k for k, w in enumerate(rest[: _WRAP + 1]) if opens_denominator(w)), None)
        if j is None or (j and not named):
            return [], [rumus]
        return rest[:j], [rumus[: i + 1], rest[j:]]
    return [], [rumus]
