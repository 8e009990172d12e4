"""The layout of a band table's text: the header that names the subject (``IKM
terbagi menjadi 4 kategori yaitu:``, ``Berdasarkan X (misal: ...)``) and the classes
it lists (``1) ...``, ``;``, lines, ``, ``). band_class.py reads each class.

Works on the tokens of band_tokens.py, so no input can make a regex backtrack.
"""

from __future__ import annotations

from typing import NamedTuple

from .band_tokens import Tok, span, trim_words

__all__ = ["KIND_WORDS", "Header", "Split", "header", "mark_items", "split_items"]


# --- the header: the words that name what the bands classify --------------------------

# "IKM terbagi menjadi 4 kategori yaitu:": the subject stands before the verb.
_DIVIDE_VERBS = {"terbagi", "dibagi", "dikelompokkan", "diklasifikasikan", "digolongkan"}
_DIVIDE_VERBS |= {"dikategorikan", "terdiri"}
_LIST_WORDS = {"yaitu", "yakni", "meliputi", "sebagai", "adalah"}
# "(misal: 0 kasus, ...)": the words that open a list of examples.
_EXAMPLE_WORDS = {"misal", "misalnya", "mis", "contoh", "contohnya", "seperti", "yaitu", "yakni"}
# Words around a subject that are not part of its name.
_HEADER_WORDS = {"berdasarkan", "kategori", "kriteria", "klasifikasi", "predikat", "skala"}
_HEADER_WORDS |= {"interval", "penilaian", "interpretasi", "tabel"}
_HEADER_WORDS |= {"rentang", "range", "status", "dengan", "untuk", "menurut", "nilai"}
_HEADER_WORDS |= _LIST_WORDS | {"kelompok", "golongan"}
# "Berdasarkan jenis kematian": a header that names a kind of thing names the
# classification (the labels are the kinds), not the value the ranges measure.
KIND_WORDS = frozenset({"jenis", "tipe", "macam", "bentuk"})
# A header before a colon says that a table follows.
_TABLE_HEADS = _HEADER_WORDS - {"dengan", "untuk", "menurut", "nilai", "status"} - _LIST_WORDS


class Header(NamedTuple):
    """The subject a header names (None: no header names one), the tokens after the
    header, and a note quoting it."""

    subject: str | None
    body: list[Tok]
    note: str


def header(text: str, tokens: list[Tok]) -> Header:
    """Split off a header: ``X terbagi menjadi ... :``, ``Berdasarkan X (misal: ...)``,
    ``Berdasarkan X: ...``. Without one the body is the whole text."""
    for read in (_divided_header, _bracket_header, _colon_header, _line_header):
        found = read(text, tokens)
        if found is not None:
            return found
    return Header(None, tokens, "")


def _line_header(text: str, tokens: list[Tok]) -> Header | None:
    """A first line of its own above lines that are each a whole class (words and a
    number): "Nilai PCI Kondisi" (the columns' titles), "Nilai gini ratio berkisar
    antara 0 dan 1, jika:" (a sentence ending in a colon)."""
    lines: list[list[Tok]] = [[]]
    for tok in tokens:
        if tok.kind == "nl":
            lines.append([])
        else:
            lines[-1].append(tok)
    first, rest = lines[0], [line for line in lines[1:] if line]
    whole = all(
        any(t.kind == "word" for t in line) and any(t.kind == "num" for t in line) for line in rest
    )
    if not first or len(rest) < 2 or not whole:
        return None
    if first[-1].kind == "colon":
        words = [t for t in first[:-1] if t.kind == "word"]
        subject = None if any(t.kind == "num" for t in first) else _subject(text, words)
    elif all(t.kind == "word" for t in first):
        subject = _value_title(text, first)
    else:
        return None
    body = tokens[tokens.index(rest[0][0]) :]
    return Header(subject, body, f"'{span(text, first)}' is the table's heading")


# A column of labels is titled so ("Nilai PCI Kondisi"): the titles before it name the
# value column, as written ("Nilai" included: it is part of the title).
_LABEL_TITLES = {"kondisi", "kategori", "keterangan", "predikat", "status", "kriteria"}
_LABEL_TITLES |= {"klasifikasi", "interpretasi", "kelas", "mutu", "golongan", "arti"}
_LABEL_TITLES |= {"tingkat", "tingkatan", "peringkat", "penilaian", "grade", "label"}
# Words of a value column's title that say "range", not what is measured.
_RANGE_TITLES = {"rentang", "interval", "range", "skala", "kisaran", "batas"}


def _value_title(text: str, titles: list[Tok]) -> str | None:
    """The value column's title on a line of columns' titles: the words before the
    label column's title ("Nilai PCI" of "Nilai PCI Kondisi"; the whole line when no
    word titles the labels), without range words in front ("Interval Nilai Predikat"
    titles the value "Nilai")."""
    cut = next(
        (i for i, t in enumerate(titles) if i and t.text.casefold() in _LABEL_TITLES),
        len(titles),
    )
    start = 0
    while start < cut - 1 and titles[start].text.casefold() in _RANGE_TITLES:
        start += 1
    return span(text, titles[start:cut])


def _subject(text: str, words: list[Tok]) -> str | None:
    """The subject's name among header words: keywords at either end are dropped."""
    return trim_words(text, words, _HEADER_WORDS) or None


def _divided_header(text: str, tokens: list[Tok]) -> Header | None:
    verb = next((i for i, t in enumerate(tokens) if t.text.casefold() in _DIVIDE_VERBS), None)
    if verb is None or verb == 0 or any(t.kind == "num" for t in tokens[:verb]):
        return None
    end = _header_end(tokens, verb)
    if end is None:
        return None
    subject = _subject(text, tokens[:verb])
    note = f"'{span(text, tokens[:end])}' names the subject {subject!r}"
    return Header(subject, tokens[end:], note)


def _header_end(tokens: list[Tok], verb: int) -> int | None:
    """Where the list starts after a dividing verb: after ':' or "yaitu", or at a
    list marker."""
    for i in range(verb + 1, len(tokens)):
        tok = tokens[i]
        if tok.kind in ("colon", "mark", "semi", "nl"):
            return i + 1 if tok.kind != "mark" else i
        if tok.kind == "word" and tok.text.casefold() in _LIST_WORDS:
            following = tokens[i + 1 : i + 3]
            skip = sum(1 for t in following if t.kind == "colon" or t.text == "berikut")
            return i + 1 + skip
    return _label_follows(tokens, verb)


# Words that open a class's condition after its label: "rendah jika < 10%".
_IF_WORDS = {"jika", "apabila", "bila", "bilamana"}


def _label_follows(tokens: list[Tok], verb: int) -> int | None:
    """ "Tingkat kemiskinan dikategorikan rendah jika < 10%, sedang jika ...": the first
    class (a label, then ``jika``) right after the verb (and "menjadi")."""
    start = verb + 1
    if start < len(tokens) and tokens[start].text.casefold() in ("menjadi", "sebagai"):
        start += 1
    at = start
    while at < len(tokens) and tokens[at].kind == "word":
        if tokens[at].text.casefold() in _IF_WORDS:
            return start if at > start else None
        at += 1
    return None


def _bracket_header(text: str, tokens: list[Tok]) -> Header | None:
    """``Berdasarkan jumlah kasus (misal: 0 kasus, 1–2 kasus, >2 kasus)``."""
    last = len(tokens) - 1
    while last >= 0 and tokens[last].kind == "dot":
        last -= 1
    opens = [i for i, t in enumerate(tokens) if t.kind == "open"]
    if last < 1 or tokens[last].kind != "close" or not opens or opens[0] == 0:
        return None
    first = opens[0]
    if _closing(tokens, first) != last or any(t.kind != "word" for t in tokens[:first]):
        return None
    body = tokens[first + 1 : last]
    examples = bool(body) and body[0].text.casefold() in _EXAMPLE_WORDS
    if not examples and not any(t.text.casefold() in _TABLE_HEADS for t in tokens[:first]):
        return None  # "name repaired (line 1935 garbled, ...)": a remark in brackets
    while body and (body[0].text.casefold() in _EXAMPLE_WORDS or body[0].kind in ("colon", "dot")):
        body = body[1:]
    if _count(body) < 2:
        return None  # "Angka Putus (DO + 1)": a name and a bracket, not a list
    subject = _subject(text, tokens[:first])
    return Header(subject, body, f"'{span(text, tokens[:first])}' names the subject {subject!r}")


def _signed(body: list[Tok]) -> bool:
    """A number with its sign first: "-3 SD ..."."""
    return len(body) > 1 and body[0].kind == "dash" and body[1].kind == "num"


def _closing(tokens: list[Tok], opening: int) -> int | None:
    depth = 0
    for i in range(opening, len(tokens)):
        depth += {"open": 1, "close": -1}.get(tokens[i].kind, 0)
        if depth == 0:
            return i
    return None


def _colon_header(text: str, tokens: list[Tok]) -> Header | None:
    """``Berdasarkan jenis kematian: A (..); B (..)``, ``LPP: a. ... b. ...``: words, a
    colon, then two or more classes (a table word before the colon, or a list marker
    right after it) none of which is ``label: class`` or ``label = class`` itself (then the
    first colon belongs to the first class)."""
    colon = next((i for i, t in enumerate(tokens) if t.kind in ("colon", "num", "cmp")), None)
    if colon is None or tokens[colon].kind != "colon" or colon == 0:
        return None
    body = tokens[colon + 1 :]
    own_line = bool(body) and body[0].kind == "nl"
    if (any(t.kind == "colon" for t in body) and not own_line) or _count(body) < 2:
        return None
    # "LPP: a. LPP>0 ..." (a list marker), "Nilai Indeks Kualitas Air: 0 - 25 sangat
    # kurang, ..." (a class's range right after the colon): what follows is the list
    listed = bool(body) and (body[0].kind in ("mark", "num", "cmp") or _signed(body))
    heads = _TABLE_HEADS | KIND_WORDS
    if not listed and not any(t.text.casefold() in heads for t in tokens[:colon]):
        return None  # "numerator line 511, denominator line 512" is prose after a colon
    subject = _subject(text, tokens[:colon])
    note = f"'{span(text, tokens[:colon])}' names the subject {subject!r}"
    return Header(subject, body, note)


# --- the classes ---------------------------------------------------------------------

_STRONG = {"semi", "nl", "mark"}


def mark_items(text: str, tokens: list[Tok]) -> list[Tok]:
    """List markers ``1)`` ``2.`` ``a)`` ``b.`` become ``mark`` tokens: only markers that
    count 1, 2, 3... (or a, b, c...) in order, so "sampai 60. Baik" keeps its number."""
    found: list[int] = []
    letters: bool | None = None
    for i, tok in enumerate(tokens[:-1]):
        ordinal = _marker_ordinal(text, tokens, i)
        if ordinal is None or ordinal != len(found) + 1:
            continue
        is_letter = tok.kind == "word"
        if letters is None or letters == is_letter:
            letters = is_letter
            found.append(i)
    if len(found) < 2:
        return tokens
    drop = {i + 1 for i in found}
    marks = set(found)
    return [
        Tok("mark", t.text, t.start, t.end) if i in marks else t
        for i, t in enumerate(tokens)
        if i not in drop
    ]


def _marker_ordinal(text: str, tokens: list[Tok], i: int) -> int | None:
    tok, after = tokens[i], tokens[i + 1]
    if after.text not in (")", ".") or after.start != tok.end:
        return None
    if after.end < len(text) and not text[after.end].isspace():
        return None
    glued_to = tokens[i - 1] if i > 0 and tokens[i - 1].end == tok.start else None
    if glued_to is not None and glued_to.kind not in ("colon", "open", "nl", "semi"):
        return None
    if tok.kind == "num" and tok.text.isdigit() and len(tok.text) <= 2:
        return int(tok.text)
    if tok.kind == "word" and len(tok.text) == 1 and "a" <= tok.text <= "z":
        return ord(tok.text) - ord("a") + 1
    return None


class Split(NamedTuple):
    items: list[list[Tok]]
    #: Split at ``, `` or full stops, which prose uses too: the table needs more proof.
    weak: bool


def split_items(tokens: list[Tok]) -> Split | None:
    """The classes: split at ``;``, line ends and list markers; else at ``, `` or at
    full stops. None when brackets do not balance."""
    strong = _split(tokens, _STRONG)
    if strong is None:
        return None
    if len(_kept(strong)) > 1:
        return Split(_join_lines(strong), weak=False)
    for kinds in ({"comma"}, {"dot"}):
        parts = _kept(_split(tokens, kinds) or [])
        if len(parts) > 1 and all(_has_number(p) for p in parts):
            return Split(parts, weak=True)
    return Split(_kept(strong), weak=False)


def _count(tokens: list[Tok]) -> int:
    split = split_items(tokens)
    return 0 if split is None else len(split.items)


def _split(tokens: list[Tok], kinds: set[str]) -> list[list[Tok]] | None:
    """The runs between separators, each after the first starting with its separator."""
    items: list[list[Tok]] = [[]]
    depth = 0
    for tok in tokens:
        depth += {"open": 1, "close": -1}.get(tok.kind, 0)
        if depth < 0:
            return None
        if depth == 0 and tok.kind in kinds:
            items.append([tok])
        else:
            items[-1].append(tok)
    return None if depth else items


def _kept(items: list[list[Tok]]) -> list[list[Tok]]:
    return [trimmed for trimmed in map(_trim, items) if trimmed]


def _trim(item: list[Tok]) -> list[Tok]:
    """Without its separator, a bullet in front, or closing stops and commas."""
    start, end = 0, len(item)
    while start < end and (item[start].kind in _LEADING or _bullet(item, start)):
        start += 1
    while end > start and item[end - 1].kind in ("dot", "comma", "sym", "semi", "nl"):
        end -= 1
    return item[start:end]


_LEADING = {"sym", "comma", "semi", "nl", "mark", "dot"}


def _bullet(item: list[Tok], i: int) -> bool:
    """A dash in front of a class, apart from what follows: "- Baik: 70-80"."""
    return (
        i == 0
        and item[0].kind == "dash"
        and len(item) > 1
        and item[1].start > item[0].end
        and item[0].text in "-–—•"
    )


def _has_number(item: list[Tok]) -> bool:
    return any(t.kind == "num" for t in item)


def _join_lines(items: list[list[Tok]]) -> list[list[Tok]]:
    """A line without a number continues the class above it (text wrapped in a PDF);
    lines of only stops ("...") are dropped. After ";" a class stands on its own."""
    joined: list[list[Tok]] = []
    for raw in items:
        item = _trim(raw)
        if not item or all(t.kind == "dot" for t in item):
            continue
        wrapped = raw[0].kind == "nl" and not _has_number(item)
        if joined and wrapped and _has_number(joined[-1]):
            joined[-1] = joined[-1] + item
        else:
            joined.append(item)
    return joined
