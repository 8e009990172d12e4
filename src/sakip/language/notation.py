"""Pasted notations, read before the lexer: what formula text looks like after a trip
through an equation editor, a PDF or a wrong decoding.

:func:`read_notation` rewrites LaTeX (``$\\frac{A}{B}\\cdot100\\%$``), mathematical
letters (``𝑅𝑎𝑠𝑖𝑜``) and stacked fractions flattened by PDF extraction into sakip text,
with a note for each rewrite, and refuses with :class:`~sakip.errors.NotAFormulaError`
text that is not a formula: mojibake, placeholders ("-", "Cukup Jelas", "n/a"),
statements that someone else computes the value ("dihitung oleh BPS") and text cut
off mid-word ("yaitu dime..."). Plain formulas come back unchanged with no notes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..errors import FormulaSyntaxError, LimitError, NotAFormulaError
from .limits import MAX_DEPTH, MAX_LENGTH

__all__ = ["read_notation"]


def read_notation(text: str) -> tuple[str, list[str]]:
    """The text to parse and the notes on what was rewritten (sentences for the user).

    Raises :class:`~sakip.errors.NotAFormulaError` for text that is not a formula and
    :class:`~sakip.FormulaSyntaxError` for LaTeX it cannot read. Each check is behind a
    test of a character or two, so a plain formula costs a few string operations.
    """
    stripped = text.strip()
    if not stripped or len(text) > MAX_LENGTH:
        return text, []  # the parser refuses these with its own messages
    notes: list[str] = []
    plain = text
    ascii_only = text.isascii()
    if not ascii_only and _UNUSUAL.search(text):
        _refuse_mojibake(text)
        plain = _plain_letters(text, notes)
        stripped = plain.strip()
    if len(stripped) <= _LONGEST_PLACEHOLDER and stripped[0].lower() in _PLACEHOLDER_FIRST:
        _refuse_placeholder(plain, stripped, text)
    if stripped.lstrip("( ")[:4].lower() in _STATEMENT_STARTS:
        _refuse_statement(plain, stripped, text)
    if stripped[-1] in ".…":
        _refuse_cut_off(plain, text)
    if "$" in plain or "\\" in plain:
        plain = _read_latex(plain, notes)
    if "-----" in plain or "_____" in plain or (not ascii_only and _has_wide_bar(plain)):
        plain = _read_stacked(plain, notes)
    return plain, notes


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _error(
    cls: type[FormulaSyntaxError], text: str, offset: int, message: str
) -> FormulaSyntaxError:
    line, column = _line_column(text, offset)
    return cls(message, text, line, column)


def _shorten(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


# --- mojibake: UTF-8 bytes read as a Windows code page ----------------------------


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
_UNUSUAL = re.compile(f"[{re.escape(_LEAD_CHARS)}\ufffd{_MATH_LETTERS}]")
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


def _refuse_mojibake(text: str) -> None:
    found: list[tuple[int, str, str, str]] = []
    for match in _UNUSUAL.finditer(text):
        at = match.start()
        if text[at] == "\ufffd":
            raise _error(
                NotAFormulaError,
                text,
                at,
                "the text holds '\ufffd', the mark left where a character was lost when"
                " the text was decoded with the wrong encoding: copy the formula again"
                " from the source",
            )
        inside = found and at < found[-1][0] + len(found[-1][1])
        if inside or text[at + 1 : at + 2] not in _CONTINUATIONS:
            continue
        decoded = _decode(text, at)
        if decoded is not None:
            found.append((at, *decoded))
    if found:
        raise _error(NotAFormulaError, text, found[0][0], _mojibake_message(text, found))


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
        message += f" (it would read '{_shorten(''.join([*pieces, text[done:]]))}')"
    return message


# --- mathematical letters from equation editors -------------------------------------


def _plain_char(match: re.Match[str]) -> str:
    char = match.group()
    plain = unicodedata.normalize("NFKC", char)
    # one character for one, so that error columns stay right; ² or ℃ stay as they are
    if len(plain) != 1 or not plain.isalnum():
        return char
    return plain if plain.isascii() or "LATIN" in unicodedata.name(plain, "") else char


def _plain_letters(text: str, notes: list[str]) -> str:
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
            f" as plain letters ('{_shorten(text[start:end], 30)}' as"
            f" '{_shorten(plain[start:end], 30)}')"
        )
    return plain


# --- placeholders, statements and cut-off text ----------------------------------------

_PLACEHOLDERS = frozenset(
    {
        "n/a", "na", "n.a", "tbd", "tba", "null", "none", "nan", "?",
        "cukup jelas", "sudah jelas",
        "tidak ada", "belum ada", "nihil", "kosong", "tidak ada data", "belum ada data",
        "tidak tersedia", "belum tersedia", "data tidak tersedia", "data belum tersedia",
        "tidak diukur", "belum diukur", "tidak dapat diukur", "tidak berlaku",
        "tidak relevan", "ditentukan kemudian",
    }
)  # fmt: skip
_DASHES_OR_ZERO = re.compile(
    r"""
      [-–—−‐_.\s]+                     # only dashes: "-", "–", "--", "- -"
    | 0 (?: [.,] 0+ )? \s* %?           # only zero: "0", "0,00", "0 %"
    """,
    re.VERBOSE,
)
_DASH_OR_ZERO_FIRST = "-–—−‐_.0"
_PLACEHOLDER_FIRST = frozenset({w[0] for w in _PLACEHOLDERS} | set(_DASH_OR_ZERO_FIRST))
_LONGEST_PLACEHOLDER = 40
# What a statement that the value comes from elsewhere starts with, by its shape:
# "<verb> oleh ...", "<noun> [diambil|bersumber] dari ...", "<per> <data> ...". Only
# "oleh" (by whom): "dihitung dari ..." and "diperoleh dari ..." go on to say how.
_COMPUTED_BY = ("dihitung", "diolah", "dirilis", "diterbitkan", "ditetapkan", "disediakan",
                "dikeluarkan")  # fmt: skip
_DATA = ("data", "angka", "nilai")
_ACCORDING_TO = ("sesuai", "berdasarkan", "menurut", "mengikuti", r"mengacu\s+pada")
_ELSEWHERE = re.compile(
    rf"""
    \(? \s*+                                                  # of the stripped text
    (?:
        (?: {"|".join(_COMPUTED_BY)} ) \s++ oleh                  # dihitung oleh ...
      | (?: {"|".join(_DATA)} ) \s++ (?: (?: diambil | bersumber ) \s++ )? dari  # data dari
      | (?: {"|".join(_ACCORDING_TO)} )
        \s++ (?: data | rilis | publikasi | angka )             # sesuai data ...
      | sumber (?: \s++ data )? \s*+ (?: dari | : )             # sumber: ...
    ) (?!\w)                                                    # a whole word
    """,  # possessive spaces: a long run of them is not tried at every length
    re.VERBOSE | re.IGNORECASE,
)
# The first four letters of the words above: a set lookup before the pattern.
_STATEMENT_STARTS = frozenset(w[:4] for w in (*_COMPUTED_BY, *_DATA, *_ACCORDING_TO, "sumber"))
# Arithmetic, in symbols or words, that makes such a text a formula after all ("data
# dari BPS: A / B x 100%", "nilai dari jumlah A dibandingkan jumlah B").
_ARITHMETIC = re.compile(
    r"""
      [=*×+^%÷] | \s/\s | [xX] \s* \d                       # symbols
    | \b (?: dibagi | membagi | pembagian | dibandingkan | membandingkan | terhadap
          | dikali (?:kan)? | mengalikan | perkalian | dikurangi | ditambah
          | persen | per ) \b                              # words
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WRITE_INSTEAD = (
    "write the formula that computes the indicator (for example 'Realisasi / Target x 100%')"
)


def _refuse_placeholder(plain: str, stripped: str, text: str) -> None:
    key = " ".join(stripped.lower().split()).rstrip(".")
    if key in _PLACEHOLDERS or (key[:1] in _DASH_OR_ZERO_FIRST and _DASHES_OR_ZERO.fullmatch(key)):
        raise _error(
            NotAFormulaError,
            text,
            len(plain) - len(plain.lstrip()),
            f"'{stripped}' is a placeholder, not a formula: {_WRITE_INSTEAD},"
            " or leave the formula empty when the indicator has none",
        )


def _refuse_statement(plain: str, stripped: str, text: str) -> None:
    statement = _ELSEWHERE.match(stripped)
    if statement and not _ARITHMETIC.search(stripped, statement.end()):
        raise _error(
            NotAFormulaError,
            text,
            len(plain) - len(plain.lstrip()),
            f"'{_shorten(stripped)}' is a description of where the value comes from, not"
            " a formula: give the published figure as the indicator's value, or"
            " write the formula the source uses (for example 'A / B x 100%')",
        )


def _refuse_cut_off(plain: str, text: str) -> None:
    """Text that ends in an ellipsis right after a word was cut off; after an operator
    or an indexed term ("L1 + L2 + ...") it is a series, left to the parser."""
    body = plain.rstrip()
    if not body.endswith(("...", "…")):
        return
    body = body.rstrip(".…")
    end = len(body.rstrip())
    limit = max(end - 40, 0)  # a word of over 40 letters is a word all the same
    start = end
    while start > limit and body[start - 1].isalpha():
        start -= 1
    glued = limit < start and (body[start - 1].isalnum() or body[start - 1] == "_")
    if end - start >= 2 and not glued:
        raise _error(
            NotAFormulaError,
            text,
            len(body),
            f"the text stops at '{_shorten(plain.strip()[-30:], 30)}': it was cut off"
            " mid-sentence and is not a whole formula; copy the whole formula from the"
            " source document",
        )


# --- LaTeX ----------------------------------------------------------------------------

# Where math starts: $$, $, \( or \[ (the ends are _CLOSERS).
_OPENER = re.compile(r"\$\$|\$|\\\(|\\\[")
_CLOSERS = {"$$": "$$", "$": "$", "\\(": "\\)", "\\[": "\\]"}
_BARE_COMMAND = re.compile(r"\\[A-Za-z]")
# A \frac part that is one name: letter-digit runs joined by hyphens (pendudukusia7-12th).
_ONE_NAME = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*")
_WORD_ONLY = re.compile(r"[^\W_]+")
# Operators spaced out at the top level of math (not in scripts or Σ bounds).
_OPERATOR = re.compile(r"<=|>=|!=|<>|[=/×÷*<>≤≥≠]")
_TEX_WORDS = {
    "times": "×", "cdot": "×", "ast": "×", "div": "/",
    "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥", "geqslant": "≥",
    "ne": "≠", "neq": "≠", "lt": "<", "gt": ">",
    "sum": "Σ", "Sigma": "Σ", "%": "%", "{": "(", "}": ")",
    "left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "",
    "bigl": "", "bigr": "", "Bigl": "", "Bigr": "", "displaystyle": "", "textstyle": "",
    "limits": "", "nolimits": "", "!": "", "_": "_", "ldots": "...", "cdots": "...", "dots": "...",
    ",": " ", ";": " ", ":": " ", " ": " ", "quad": " ", "qquad": " ", "\\": " ",
}  # fmt: skip
_SPACED_WORDS = frozenset("×/≤≥≠<>")
_SIZERS = frozenset({"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"})
_KNOWN = r"\frac, \sqrt, \sum, \times, \cdot, \div, \left, \right, \text and \%"


class _Tex:
    """Converts the LaTeX between ``start`` and ``end`` of ``text`` into sakip text; an
    error points at its place in ``text``. The braces are paired in one pass first, so
    a group's end is a lookup and nesting is bounded before any recursion."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pairs: dict[int, int] = {}
        opened: list[int] = []
        at = start
        while at < end:
            char = text[at]
            if char == "{":
                if len(opened) == MAX_DEPTH:
                    raise _error(LimitError, text, at, f"LaTeX nested over {MAX_DEPTH} levels")
                opened.append(at)
            elif char == "}":
                if not opened:
                    raise self.fail(at, "this '}' closes no '{'")
                self.pairs[opened.pop()] = at
            at += 2 if char == "\\" else 1  # \{ and \} are characters, not groups
        if opened:
            raise self.fail(opened[-1], "this '{' is never closed")

    def fail(self, at: int, message: str) -> FormulaSyntaxError:
        return _error(FormulaSyntaxError, self.text, at, message)

    def convert(self, start: int, end: int, script: bool = False) -> str:
        out: list[str] = []
        at = start
        while at < end:
            char = self.text[at]
            if char == "\\":
                at = self.command(at, end, out)
            elif char == "{":
                close = self.closing(at, end)
                out.append(self.convert(at + 1, close, script))
                at = close + 1
            elif char in "_^":
                at = self.script(at, end, out)
            elif not script and (operator := _OPERATOR.match(self.text, at, end)):
                out.append(f" {'/' if char == '÷' else operator.group()} ")
                at = operator.end()
            else:
                out.append(char)
                at += 1
        return "".join(out)

    def command(self, at: int, end: int, out: list[str]) -> int:
        stop = at + 1
        while stop < end and self.text[stop].isascii() and self.text[stop].isalpha():
            stop += 1
        stop = max(stop, min(at + 2, end))  # a one-symbol command such as \% or \,
        name = self.text[at + 1 : stop]
        handler = _TEX_COMMANDS.get(name)
        if handler is not None:
            return handler(self, stop, end, out)
        if name not in _TEX_WORDS:
            raise self.fail(at, f"the LaTeX command '\\{name}' is not read: sakip reads {_KNOWN}")
        word = _TEX_WORDS[name]
        out.append(f" {word} " if word in _SPACED_WORDS else word)
        if name in _SIZERS and self.text.startswith(".", stop):
            stop += 1  # \left. is an invisible bracket
        return stop

    def closing(self, at: int, end: int) -> int:
        """The offset of the brace that closes the one at ``at``."""
        return self.pairs[at]

    def skip(self, at: int, end: int) -> int:
        while at < end and self.text[at].isspace():
            at += 1
        return at

    def argument(self, at: int, end: int, command: str) -> tuple[int, int, int]:
        """A command's argument: (start, end) of its content, and where the rest starts."""
        at = self.skip(at, end)
        if at < end and self.text[at] == "{":
            close = self.closing(at, end)
            return at + 1, close, close + 1
        if at < end and self.text[at] not in "\\}":
            return at, at + 1, at + 1  # \frac12
        raise self.fail(at, f"write the argument of '\\{command}' in braces")

    def fraction(self, at: int, end: int, out: list[str]) -> int:
        top_start, top_end, at = self.argument(at, end, "frac")
        low_start, low_end, at = self.argument(at, end, "frac")
        text = f"{self.part(top_start, top_end)} / {self.part(low_start, low_end)}"
        # (a)/(b) needs its own brackets where a tighter operator touches it: c / \frac..
        if _last_mark(out) in ("/", "^") or self.text.startswith("^", self.skip(at, end)):
            text = f"({text})"
        out.append(f" {text} ")
        return at

    def part(self, start: int, end: int) -> str:
        raw = self.text[start:end].strip()
        if _ONE_NAME.fullmatch(raw):
            return f"({{{raw}}})"  # one name, hyphens and all
        return f"({_tidy(self.convert(start, end))})"

    def root(self, at: int, end: int, out: list[str]) -> int:
        if self.text.startswith("[", self.skip(at, end)):
            raise self.fail(at, "only square roots are read: write x^(1/n) for an n-th root")
        start, stop, at = self.argument(at, end, "sqrt")
        out.append(f" akar({_tidy(self.convert(start, stop))})")
        return at

    def words(self, at: int, end: int, out: list[str]) -> int:
        start, stop, at = self.argument(at, end, "text")
        out.append(self.convert(start, stop, script=True))
        return at

    def script(self, at: int, end: int, out: list[str]) -> int:
        """``_{i}`` stays as written (sakip's P_{i} and Σ_{i=1}); ``^{..}`` stays after
        Σ bounds, is bare for one word (x^2, E_i^t) and a bracket otherwise."""
        mark = self.text[at]
        if out:
            out[-1] = out[-1].rstrip()  # a script sticks to what it marks: x^2, not x ^2
        if at + 1 >= end or self.text[at + 1] != "{":
            out.append(mark)
            return at + 1
        close = self.closing(at + 1, end)
        inner = _tidy(self.convert(at + 2, close, script=True))
        sigma_bound = out[-1:] != [] and out[-1].startswith("_{") and _last_mark(out[:-1]) == "Σ"
        if mark == "_" or sigma_bound:
            out.append(f"{mark}{{{inner}}}")
        elif _WORD_ONLY.fullmatch(inner):
            out.append(f"^{inner}")
        else:
            out.append(f"^({inner})")
        return close + 1


_TexCommand = Callable[[_Tex, int, int, list[str]], int]
_TEX_COMMANDS: dict[str, _TexCommand] = {
    "frac": _Tex.fraction,
    "dfrac": _Tex.fraction,
    "tfrac": _Tex.fraction,
    "sqrt": _Tex.root,
    **dict.fromkeys(
        ("text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf", "mathsf",
         "operatorname", "mbox"),
        _Tex.words,
    ),
}  # fmt: skip


def _last_mark(out: list[str]) -> str:
    for piece in reversed(out):
        if piece.strip():
            return piece.rstrip()[-1]
    return ""


def _tidy(text: str) -> str:
    return " ".join(text.split()).replace("( ", "(").replace(" )", ")")


def _math_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, content start, content end, end) of each delimited piece of math; a
    ``$`` glued after a word or before a digit is a currency (US$, $5), not math."""
    spans = []
    at = 0
    while (opener := _OPENER.search(text, at)) is not None:
        mark = opener.group()
        at = opener.end()
        if mark == "$" and opener.start() > 0 and text[opener.start() - 1].isalnum():
            continue
        close = text.find(_CLOSERS[mark], at)
        if close < 0:
            break
        after = close + len(_CLOSERS[mark])
        if mark == "$" and text[after : after + 1].isdigit():
            continue
        if text[at:close].strip():
            spans.append((opener.start(), at, close, after))
        at = after
    if not spans and _BARE_COMMAND.search(text):
        spans.append((0, 0, len(text), len(text)))  # LaTeX commands with no $ around
    return spans


def _read_latex(text: str, notes: list[str]) -> str:
    spans = _math_spans(text)
    if not spans:
        return text
    pieces = []
    done = 0
    for start, inner_start, inner_end, end in spans:
        plain = _tidy(_Tex(text, inner_start, inner_end).convert(inner_start, inner_end))
        pieces += [text[done:start], plain]
        done = end
        notes.append(f"LaTeX '{_shorten(text[start:end])}' was read as '{_shorten(plain)}'")
    return "".join([*pieces, text[done:]])


# --- stacked fractions flattened by PDF extraction ------------------------------------

# The fraction bar: a run of five or more dashes, underscores or box lines.
_BAR_CHARS = "-_‐‑‒–—―─━═"
_BAR = re.compile(f"[{_BAR_CHARS}]{{5,}}(?:[ \t]+[{_BAR_CHARS}]{{5,}})*")
_WIDE_BARS = tuple(c * 5 for c in _BAR_CHARS[2:])


def _has_wide_bar(text: str) -> bool:
    """A bar of one non-ASCII dash: substring tests cost less than a regex scan."""
    return any(bar in text for bar in _WIDE_BARS)


# A value filled in on the page after a label's "=" (or nothing: an empty blank).
_PAGE_VALUE = re.compile(r"[\d.,]*\s*%?")
# A scale right after the bar ("x 100 %", "X 100", "x 1.000") ...
_SCALE_FIRST = re.compile(r"\s*[xX×*]\s*(?P<number>\d[\d.,]*)\s*(?P<percent>%|persen\b)?")
# ... or at the very end, after the denominator.
_SCALE_LAST = re.compile(r"(?<!\S)[xX×*]\s*(?P<number>\d[\d.,]*)\s*(?:(?P<percent>%|persen)\s*)?$")
_NUMBER_ONLY = re.compile(r"\d[\d.,]*")


def _page_value(part: str) -> tuple[str, str | None]:
    """A label and the value written after its '=' on the page (None without '=')."""
    label, equals, value = part.rpartition("=")
    if equals and _PAGE_VALUE.fullmatch(value.strip()):
        return " ".join(label.split()), value.strip()
    return " ".join(part.split()), None


def _operand(label: str) -> str:
    if _NUMBER_ONLY.fullmatch(label):
        return label
    return f"({label})" if "{" in label or "}" in label else f"{{{label}}}"


def _read_stacked(text: str, notes: list[str]) -> str:
    bar = _BAR.search(text)
    if bar is None or _BAR.search(text, bar.end()) is not None:
        return text  # no bar, or several: not one flattened fraction
    top, top_value = _page_value(text[: bar.start()])
    rest = text[bar.end() :]
    scale = _SCALE_FIRST.match(rest) or _SCALE_LAST.search(rest)
    if scale is not None:
        rest = rest[: scale.start()] + rest[scale.end() :]
    low, low_value = _page_value(rest)
    result = ""
    name, equals, label = top.partition("=")
    if equals and label.strip():
        result, top = f"{name.strip()} = ", label.strip()
    if not any(c.isalpha() for c in top + low) or not top or not low:
        return text
    formula = f"{result}{_operand(top)} / {_operand(low)}"
    if scale is not None:
        formula += f" x {scale['number']}{'%' if scale['percent'] else ''}"
    notes.append(
        "the line of dashes was read as the bar of a fraction flattened when copied"
        f" from a PDF: '{_shorten(formula, 120)}'"
    )
    values = [f"'= {v}'" for v in (top_value, low_value) if v]
    if values:
        notes.append(
            f"the values filled in on the page ({', '.join(values)}) were ignored: they"
            " are not part of the formula; give the values when evaluating"
        )
    return formula
