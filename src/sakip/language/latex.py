"""LaTeX in formula text, read into sakip text before the lexer.

Formulas are pasted from equation editors and web pages as ``$\\frac{A}{B}\\cdot100\\%$``
or ``\\(...\\)``; :func:`read_latex` rewrites each piece of math into sakip's own
notation (``({A}) / ({B}) × 100%``) with a note quoting both. Only the few commands
formulas use are read; any other raises :class:`~sakip.FormulaSyntaxError` at the
command, naming those that are read, rather than being guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import FormulaSyntaxError, LimitError
from .limits import MAX_DEPTH
from .quoting import shorten
from .rules import fail_at

__all__ = ["read_latex"]


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
                    raise fail_at(text, at, f"LaTeX nested over {MAX_DEPTH} levels", LimitError)
                opened.append(at)
            elif char == "}":
                if not opened:
                    raise self.fail(at, "this '}' closes no '{'")
                self.pairs[opened.pop()] = at
            at += 2 if char == "\\" else 1  # \{ and \} are characters, not groups
        if opened:
            raise self.fail(opened[-1], "this '{' is never closed")

    def fail(self, at: int, message: str) -> FormulaSyntaxError:
        return fail_at(self.text, at, message)

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


def _touched(text: str, start: int, end: int) -> bool:
    """An operator outside the math binds tighter than the math's own: "C / $...$",
    "C dibagi $...$", "$...$^2" (a "+", "-" or "x 100%" outside groups the same)."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    last_word = before.rsplit(None, 1)[-1].casefold() if before else ""
    return before.endswith(("/", "^", ":", "÷")) or last_word == "dibagi" or after[:1] == "^"


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


def read_latex(text: str, notes: list[str]) -> str:
    """``text`` with each piece of math in sakip's notation, and a note for each."""
    spans = _math_spans(text)
    if not spans:
        return text
    pieces = []
    done = 0
    for start, inner_start, inner_end, end in spans:
        plain = _tidy(_Tex(text, inner_start, inner_end).convert(inner_start, inner_end))
        if _touched(text, start, end):
            plain = f"({plain})"  # "C / $\frac{A}{B}$" is C / (A / B)
        pieces += [text[done:start], plain]
        done = end
        notes.append(f"LaTeX '{shorten(text[start:end])}' was read as '{shorten(plain)}'")
    return "".join([*pieces, text[done:]])
