"""Coverage thresholds in a criterion (criterion.py reads the rest): each group's share
that meets a requirement is at least a percentage.

* ``Kabupaten/kota dengan kualitas air minum memenuhi syarat (...) di 70% Sarana Air
  Minum dan 30% air minum rumah tangga``: the requirement, then ``di P% GROUP dan Q%
  GROUP``; the shares are named ``% GROUP REQUIREMENT``;
* ``Kab/Kota dinyatakan ODF apabila 100% desa/kelurahan telah ODF``: a label the unit
  is declared (``dinyatakan``, ``dikatakan``, ``disebut``), then ``apabila`` and the
  thresholds; the shares are named ``% GROUP``.

The answer is the requirement or the label, or ``tidak`` and it. The percentages are
thresholds, never weights: nothing is added.
"""

from __future__ import annotations

from typing import NamedTuple

from .band_model import number_text
from .band_tokens import Tok, name_slash, span

__all__ = ["MAX_NAME_WORDS", "declared", "opening", "thresholds"]

#: Words of a subject, a requirement, a label or a group; longer is a sentence of prose.
MAX_NAME_WORDS = 8
# Verbs that open a written requirement: "memenuhi syarat", "mencapai target".
_REQUIRES = {"memenuhi", "mencapai", "sesuai", "melampaui", "terpenuhi", "tercapai", "lulus"}
_LINKS = {"dengan", "yang"}
_AT = {"di", "pada"}
_AND = {"dan", "serta"}
# "Kab/Kota dinyatakan ODF apabila ...": the verb that declares the unit's label.
_DECLARES = {"dinyatakan", "dikatakan", "disebut", "ditetapkan"}
_IF = {"apabila", "jika", "bila", "bilamana"}

#: A rule read: formula text in sakip's language, and notes.
Rule = tuple[str, tuple[str, ...]]


class _Share(NamedTuple):
    op: str
    value: str  # the threshold in the formula language's notation
    group: str


def thresholds(text: str, toks: list[Tok]) -> Rule | None:
    """``... dengan ... memenuhi syarat (...) di 70% Sarana Air Minum dan 30% air minum
    rumah tangga``: every group's share that meets the requirement is at least its
    threshold."""
    at = next((i for i, t in enumerate(toks) if t.text.casefold() in _AT), None)
    if at is None:
        return None
    shares = _shares(text, toks[at:])
    requirement = _requirement(text, toks[:at])
    if shares is None or requirement is None:
        return None
    required, aside = requirement
    names = [f"% {s.group} {required}" for s in shares]
    rule = _rule(names, shares, required)
    notes = [
        f"'{span(text, toks[at:])}': the share of each that must be '{required}', at least"
        f" as written: read as {rule[1]}, values in percent",
    ]
    if aside:
        notes.append(f"'{aside}' says what '{required}' means: kept as a note")
    return rule[0], tuple(notes)


def declared(text: str, toks: list[Tok]) -> Rule | None:
    """``Kab/Kota dinyatakan ODF apabila 100% desa/kelurahan telah ODF``: the label, and
    thresholds after ``apabila`` that every group's share must reach."""
    verb = next((i for i, t in enumerate(toks) if t.text.casefold() in _DECLARES), None)
    if verb is None or verb == 0:
        return None
    cond = next((i for i in range(verb + 1, len(toks)) if toks[i].text.casefold() in _IF), None)
    if cond is None or cond == verb + 1 or cond - verb - 1 > MAX_NAME_WORDS:
        return None
    if any(t.kind != "word" for t in toks[verb + 1 : cond]):
        return None
    label = span(text, toks[verb + 1 : cond])
    shares = _shares(text, toks[cond + 1 :])
    if shares is None:
        return None
    formula, read = _rule([f"% {s.group}" for s in shares], shares, label)
    note = (
        f"'{span(text, toks[cond + 1 :])}': the share of each that is needed for"
        f" '{label}', at least as written: read as {read}, values in percent"
    )
    return formula, (note,)


def _rule(names: list[str], shares: list[_Share], label: str) -> tuple[str, str]:
    """The rule's formula text, and its test as the notes show it."""
    test = " dan ".join(f"{{{n}}} {s.op} {s.value}" for n, s in zip(names, shares, strict=True))
    formula = f'jika {test} maka "{label}" selain itu "tidak {label}"'
    return formula, test.replace("{", "").replace("}", "")


def _shares(text: str, toks: list[Tok]) -> list[_Share] | None:
    """``di 70% A dan 30% B``, ``pada minimal 80% A``: thresholds in percent, each with
    the group it counts; None unless the tokens are exactly that."""
    found: list[_Share] = []
    i = 0
    while i < len(toks):
        if found:
            if toks[i].text.casefold() not in _AND and toks[i].kind != "comma":
                return None
            i += 1
        if i < len(toks) and toks[i].text.casefold() in _AT:
            i += 1
        op = ">="
        if i < len(toks) and toks[i].kind == "cmp":
            if toks[i].op not in (">=", ">"):
                return None
            op, i = toks[i].op, i + 1
        if i + 1 >= len(toks) or toks[i].kind != "num" or toks[i + 1].kind != "pct":
            return None
        value = toks[i].value
        start = i = i + 2
        while i < len(toks) and (toks[i].kind == "word" or name_slash(toks, i)):
            if toks[i].text.casefold() in _AND:
                break
            i += 1
        words = [t for t in toks[start:i] if t.kind == "word"]
        if value is None or not words or len(words) > MAX_NAME_WORDS:
            return None
        found.append(_Share(op, number_text(value), span(text, toks[start:i])))
    return found or None


def _requirement(text: str, toks: list[Tok]) -> tuple[str, str] | None:
    """The requirement before the thresholds (``memenuhi syarat``), after a link
    (``dengan``), and a bracket after it that says what it means."""
    aside = ""
    if toks and toks[-1].kind == "close":
        start = opening(toks)
        if start is None:
            return None
        aside, toks = span(text, toks[start:]), toks[:start]
    verb = max((i for i, t in enumerate(toks) if t.text.casefold() in _REQUIRES), default=None)
    if verb is None or not any(t.text.casefold() in _LINKS for t in toks[:verb]):
        return None
    words = toks[verb:]
    if any(t.kind != "word" for t in words) or len(words) > MAX_NAME_WORDS:
        return None
    return span(text, words), aside


def opening(toks: list[Tok]) -> int | None:
    """The bracket that the last token closes."""
    depth = 0
    for i in range(len(toks) - 1, -1, -1):
        depth += {"close": 1, "open": -1}.get(toks[i].kind, 0)
        if depth == 0:
            return i
    return None
