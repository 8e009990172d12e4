"""Other readings of a RUMUS's text, tried when the language refuses or doubts it as
printed: OCR damage repaired (a capital I read as '[', a bracket without its partner),
a name's bracketed alternatives ('(SD/MI)'), and the grouping the language says a
formula printed without brackets was likely meant with.

Each reading is a pattern of IKU tables or of OCR, never the words of one regulation.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

from ..errors import SakipError
from ..language import parse
from .draft_words import RUMUS_OPENERS

__all__ = [
    "BRACED",
    "COUNT_BAR",
    "REGROUPED",
    "REPAIRS",
    "brace",
    "meant",
    "rejoin_reduplication",
    "unbracket_alternatives",
]

BRACED = "names braced"
COUNT_BAR = "the bar before the count word divides, the names on either side braced"
# what makes a RUMUS more than one quotient of two names: brackets, other operators, a
# period the language reads ('tahun n-1')
_NOT_ONE_QUOTIENT = re.compile(
    r"[(){}+=:]|\s[-—–xX×]\s|\b(?:dibagi|dikurangi|tahun)\b", re.IGNORECASE
)
REGROUPED = "grouped as the language says it was likely meant"
# upper-case short names joined by slashes, in brackets, just after a word
_ALTERNATIVES = re.compile(r"(?<=[^\W\d_] )\((?P<list>[A-Z][A-Z0-9]+(?:\s?/\s?[A-Z][A-Z0-9]+)+)\)")
# three or more of the glyphs OCR makes of a vertical rule, as a word after a word
_RULE = re.compile(r"(?<=[^\W\d_] )[1l|!]{3,}(?=\s|$)")
_REDUPLICATED = re.compile(r"\b(?P<word>[^\W\d_]{2,})\s*[-—–]\s*(?P<again>(?i:(?P=word)))\b")
_LIKELY = re.compile(
    r"^'(?P<literal>.+)' is computed as written, where only '.+' is divided; "
    r"it was likely meant as '(?P<meant>.+)'$"
)


def at_count_bar(text: str) -> tuple[str, bool] | None:
    """The RUMUS as one quotient split at the bar that opens a count word ('... yang
    mendapat sosialisasi/Jumlah pelaku usaha', 'B2SA/Jml. KK'), each side braced; and
    whether a side holds a slash of its own. IKU tables print 'A/Jumlah B' for the
    division, and a slash between two words inside a name for alternatives
    ('usaha/masyarakat', 'SD/MI'), which the language, unbraced, would divide at too.
    None unless exactly one bar opens a count word and the text is nothing but that
    quotient (no other operator, bracket or period)."""
    bars = []
    for found in re.finditer("/", text):
        after = text[found.end() :].split(maxsplit=1)
        if text[: found.start()].strip() and after and after[0].casefold() in RUMUS_OPENERS:
            bars.append(found.start())
    if len(bars) != 1:
        return None
    left, right = text[: bars[0]].strip(), text[bars[0] + 1 :].strip()
    if _NOT_ONE_QUOTIENT.search(f" {left} {right} ") or re.search(r"\s/|/\s", f"{left} {right}"):
        return None
    return f"{{{left}}} / {{{right}}}", "/" in left + right


def unbracket_alternatives(text: str) -> str:
    """The text with the brackets taken off a list of alternatives that qualifies the
    name before it ('sekolah (SD/MI)', 'investasi (PMDN/PMA)'): such a slash joins
    names, as the language reads it when unbracketed ('SD/MI'); in brackets, the
    language would divide at it, cutting two names inside the brackets. A bracketed
    list after an operator or at the start is a fraction ('(PAD/PDRB) x 100%')."""
    return _ALTERNATIVES.sub(lambda m: re.sub(r"\s*/\s*", "/", m["list"]), text)


def rejoin_reduplication(text: str) -> str:
    """The text with a reduplicated word that OCR split around its hyphen joined again
    ('Rata — rata', 'masing - masing' -> 'Rata-rata', 'masing-masing'): Indonesian
    repeats a word for the plural or the average, never subtracts a word from itself."""
    return _REDUPLICATED.sub(lambda m: f"{m['word']}-{m['again']}", text)


def meant(candidate: str, doubts: list[str]) -> str | None:
    """The candidate grouped as the language says it was likely meant, when it doubts
    a growth rate or share written on one line ('A dikurangi B / B x 100%'): IKU tables
    print it without brackets, and a count minus a ratio measures nothing. None when
    no such doubt, or when the grouping quoted does not read."""
    for doubt in doubts:
        found = _LIKELY.match(doubt)
        if found and found["literal"] in candidate:
            regrouped = candidate.replace(found["literal"], found["meant"], 1)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    parse(regrouped)
                except SakipError:
                    return None  # keep the literal reading
            return regrouped
    return None


def _debracket(text: str) -> str:
    """The text without square brackets, which OCR makes of a capital I ('[ndeks')."""
    return re.sub(r"\[(?=[a-z])", "I", text).replace("[", "").replace("]", "")


def _balance(text: str) -> str:
    """The text without the round brackets that have no partner: OCR drops one of a
    pair ('penyebarluasan ) / jumlah')."""
    unmatched: list[int] = []
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if opened:
                opened.pop()
            else:
                unmatched.append(i)
    drop = set(unmatched + opened)
    return " ".join("".join(c for i, c in enumerate(text) if i not in drop).split())


def _unruled(text: str) -> str:
    """The text without the table's column rules that OCR read as a run of ones or l's
    ('direncanakan 111 x 100%') after a word, where no number can stand."""
    return " ".join(_RULE.sub("", text).split())


def brace(text: str) -> str:
    """A name's text for braces: braces inside it become round brackets."""
    return text.replace("{", "(").replace("}", ")")


# repairs of OCR damage tried in turn when the RUMUS as read is no formula
REPAIRS: tuple[tuple[Callable[[str], str], str], ...] = (
    (_debracket, "square brackets dropped (OCR makes them of a capital I)"),
    (_balance, "round brackets without a partner dropped"),
    (_unruled, "a column rule read as '111' dropped"),
)
