"""Text damaged or dressed up on its way from the source: mojibake, mathematical
letters from equation editors, and braces written as brackets.

Mojibake (UTF-8 bytes read as a Windows code page: "Ã—" for "×") is refused with
:class:`~sakip.errors.NotAFormulaError`, since a guess at the meant characters could
read a wrong formula; the message says what the characters meant. Mathematical letters
("𝑅𝑎𝑠𝑖𝑜") are read as the plain letters they show, with a note. Both are rare and
live only in non-ASCII text, so :data:`UNUSUAL` finds them in one scan and
notation.py calls this module only when it matches.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import NotAFormulaError
from .quoting import shorten
from .rules import fail_at

__all__ = ["UNUSUAL", "braces_as_brackets", "plain_letters", "refuse_mojibake"]


def _code_page(name: str) -> dict[str, int]:
    """Character -> byte for bytes 0x80-0xFF of a code page; a byte the page leaves
    undefined reads as its C1 control character (as Latin-1 reads every such byte)."""
    table = {chr(b): b for b in range(0x80, 0xA0)}
    for b in range(0x80, 0x100):
        char = bytes([b]).decode(name, errors="ignore")
        if char:
            table[char] = b
    return table


_CODE_PAGES = {"Windows-1252": _code_page("cp1252"), "Windows-1250": _code_page("cp1250")}
# Where the characters meant by a mojibake sequence plausibly are: Latin, Greek,
# punctuation, super- and subscripts, currency, letterlike, arrows, mathematical
# operators, boxes, mathematical letters. A "decoding" into another script (D7 A0 is
# Hebrew: "×" then a no-break space) is a coincidence, not mojibake.
_MEANT = ((0x80, 0x24F), (0x370, 0x3FF), (0x2000, 0x22FF), (0x2500, 0x25FF), (0x1D400, 0x1D7FF))


def _meant_lead(byte: int) -> bool:
    """Whether a UTF-8 lead byte starts code points of which some are in _MEANT."""
    if not 0xC2 <= byte <= 0xF4:
        return False
    bits, width = (0x1F, 6) if byte < 0xE0 else (0x0F, 12) if byte < 0xF0 else (0x07, 18)
    low = (byte & bits) << width
    high = low + (1 << width) - 1
    return any(low <= last and first <= high for first, last in _MEANT)


_LEAD_CHARS = "".join(
    sorted({c for page in _CODE_PAGES.values() for c, b in page.items() if _meant_lead(b)})
)
_CONTINUATIONS = frozenset(
    c for page in _CODE_PAGES.values() for c, b in page.items() if 0x80 <= b <= 0xBF
) | {" "}
# Mathematical letters: letterlike symbols (ℎ), mathematical alphanumerics (𝑅), and
# fullwidth letters and digits.
_MATH_LETTERS = "\u2100-\u214f\U0001d400-\U0001d7ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_MATH_LETTER = re.compile(f"[{_MATH_LETTERS}]")
# One scan for the three rare things in non-ASCII text: a mojibake lead, the
# replacement character, a mathematical letter.
UNUSUAL = re.compile(f"[{re.escape(_LEAD_CHARS)}\ufffd{_MATH_LETTERS}]")
_SHOWN = {"\xa0": "a no-break space", "\xad": "a soft hyphen"}


def _decode(text: str, at: int) -> tuple[str, str, str] | None:
    """(the characters, what they meant, the encoding they were read in) when the
    characters from ``at`` are UTF-8 bytes read as a code page; else None."""
    for page_name, page in _CODE_PAGES.items():
        lead = page.get(text[at], 0)
        if not _meant_lead(lead):
            continue
        length = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        raw = [lead]
        for char in text[at + 1 : at + length]:
            # a no-break space often becomes a plain one on its way through a clipboard
            byte = 0xA0 if char == " " and lead == 0xC2 else page.get(char, 0)
            if not 0x80 <= byte <= 0xBF:
                break
            raw.append(byte)
        seen = text[at : at + len(raw)]
        encoding = "Latin-1" if any(0x80 <= ord(c) < 0xA0 for c in seen) else page_name
        try:
            meant = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            # "â€" cut short: the start of a punctuation mark whose last byte was lost
            if lead == 0xE2 and len(raw) == 2:
                return seen, "", encoding
            continue
        if any(low <= ord(meant) <= high for low, high in _MEANT):
            return seen, meant, encoding
    return None


def refuse_mojibake(text: str) -> None:
    """Raise :class:`~sakip.errors.NotAFormulaError` when ``text`` holds mojibake or the
    replacement character; the message names what the first few sequences meant."""
    found: list[tuple[int, str, str, str]] = []
    for match in UNUSUAL.finditer(text):
        at = match.start()
        if text[at] == "\ufffd":
            raise fail_at(
                text,
                at,
                "the text holds '\ufffd', the mark left where a character was lost when"
                " the text was decoded with the wrong encoding: copy the formula again"
                " from the source",
                NotAFormulaError,
            )
        inside = found and at < found[-1][0] + len(found[-1][1])
        if inside or text[at + 1 : at + 2] not in _CONTINUATIONS:
            continue
        decoded = _decode(text, at)
        if decoded is not None:
            found.append((at, *decoded))
    if found:
        raise fail_at(text, found[0][0], _mojibake_message(text, found), NotAFormulaError)


def _mojibake_message(text: str, found: list[tuple[int, str, str, str]]) -> str:
    pairs: list[str] = []
    for _, seen, meant, _ in found:
        shown = _SHOWN.get(meant, f"'{meant}'") if meant else "a punctuation mark"
        pair = f"'{seen}' is {shown}"
        if pair not in pairs and len(pairs) < 3:
            pairs.append(pair)
    encodings = " or ".join(dict.fromkeys(encoding for *_, encoding in found))
    message = (
        f"the text looks mis-decoded (UTF-8 read as {encodings}): {'; '.join(pairs)}."
        " Open the source as UTF-8 and copy the formula again"
    )
    if all(meant for *_, meant, _ in found):
        pieces, done = [], 0
        for at, seen, meant, _ in found:
            pieces += [text[done:at], meant]
            done = at + len(seen)
        message += f" (it would read '{shorten(''.join([*pieces, text[done:]]))}')"
    return message


# --- mathematical letters from equation editors -----------------------------------


def _plain_char(match: re.Match[str]) -> str:
    char = match.group()
    plain = unicodedata.normalize("NFKC", char)
    # one character for one, so that error columns stay right; ² or ℃ stay as they are
    if len(plain) != 1 or not plain.isalnum():
        return char
    return plain if plain.isascii() or "LATIN" in unicodedata.name(plain, "") else char


def plain_letters(text: str, notes: list[str]) -> str:
    """``text`` with mathematical letters as plain ones, one character for one; a note
    in ``notes`` quotes the first word that changed."""
    plain = _MATH_LETTER.sub(_plain_char, text)
    changed = [i for i, (a, b) in enumerate(zip(text, plain, strict=True)) if a != b]
    if changed:
        start = end = changed[0]
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        notes.append(
            f"{len(changed)} mathematical letters pasted from an equation editor were read"
            f" as plain letters ('{shorten(text[start:end], 30)}' as"
            f" '{shorten(plain[start:end], 30)}')"
        )
    return plain


# "{PDRB (t+1) - PDRB (t)}": braces around a period reference "(t)", "(t-1)", "(n+1)".
_DATED_BRACES = re.compile(r"\{([^{}\n]*\(\s*[tn]\s*(?:[+-]\s*\d+\s*)?\)[^{}\n]*)\}")


def braces_as_brackets(text: str, notes: list[str]) -> str:
    """Braces quote one name ("{Realisasi-Rencana}"), and a name is never dated inside
    itself: braces holding a period reference, as in "{PDRB (t+1) - PDRB (t)} / PDRB
    (t)", are brackets, so the terms inside are read (and a lost sign between them is
    refused, not taken into a name)."""

    def bracket(match: re.Match[str]) -> str:
        notes.append(
            f"'{shorten(match.group(0))}' holds a period reference: its braces are read as brackets"
        )
        return f"({match.group(1)})"

    return _DATED_BRACES.sub(bracket, text)
