"""How a row's wrapped lines share their words between its cells (used by draft_rows).

A table row's cells wrap independently: each later line of the row holds, left to
right, the next words of the SASARAN, INDIKATOR and RUMUS cells and, at its end, of
the PENANGGUNG JAWAB and SUMBER DATA cells. The rules here read that sharing from
what any IKU lampiran shows: the grammar of a RUMUS (a fraction's halves open with a
count or measure word, a factor closes the cell) and the words an office or a
source is named with, never the rows of one regulation.
"""

from __future__ import annotations

from .draft_cell import factor_of
from .draft_words import (
    BARE_TITLES,
    DANGLING_WORDS,
    RUMUS_OPENERS,
    RUMUS_STARTS,
    is_pj_start,
)

__all__ = [
    "bare_title",
    "denominator_at",
    "divides_by_measure",
    "mend_hyphen",
    "name_goes_on",
    "name_is_rumus",
    "office_at",
    "open_tail",
    "recurring_tails",
    "restated_rumus",
    "resume_at",
    "rule_marks",
    "settle_splits",
    "snap_to_rules",
    "strip_tails",
    "tail_connective",
    "wrapped_tail",
]

# Words a fraction's half opens with: a count (Jumlah, Total ...) or the measures a
# RUMUS compares a value with ('realisasi/target', 'yang ada/rencana').
_MEASURES = RUMUS_OPENERS | frozenset(["target", "rencana", "realisasi"])
_CONNECTIVES = frozenset(["dan", "&"])
# Short words a title-case name keeps in lower case ('Indeks Pembangunan Manusia di
# Kabupaten', 'Rasio Guru dan Murid')
_NAME_SMALL = frozenset(["dan", "di", "ke", "dari", "&", "yang", "per", "atau", "untuk"])


def divides_by_measure(words: list[str]) -> bool:
    """Whether the words divide by a count or measure word: a bar that opens one
    ('tersedia/Target', 'hadir/Jumlah') or a bar alone before one ('/ Jumlah')."""
    for i, word in enumerate(words):
        if any(part.casefold() in _MEASURES for part in word.split("/")[1:]):
            return True
        if word == "/" and i + 1 < len(words) and words[i + 1].casefold() in _MEASURES:
            return True
    return False


def name_is_rumus(name: list[str], line: list[str]) -> bool:
    """Whether the words read as a row's name are its RUMUS, the INDIKATOR cell left
    empty (OCR often loses it): the 'name' opens with a count word (Jumlah, Total ...)
    and the wrapped line below goes on to divide by a count or measure word ('Jumlah
    desa maju' then 'Kabupaten/Jumlah desa'). An indicator's name never divides."""
    if not name or name[0].strip("|(").casefold() not in RUMUS_OPENERS:
        return False
    return divides_by_measure(line)


def tail_connective(words: list[str]) -> bool:
    """Whether a line's last word, once the wrapped tail cells at its end are taken
    off, is a connective of theirs ('... x 100% dan' + 'Kesehatan Anak'): after the
    factor a RUMUS cell is over, so the 'dan' opens the wrapped penanggung jawab."""
    if len(words) < 2 or words[-1] not in _CONNECTIVES:
        return False
    factor = words[-3] if words[-2] == "%" and len(words) > 2 else words[-2]  # '100 %'
    return factor_of(factor) is not None


def rule_marks(line: str, drop: frozenset[str]) -> frozenset[int]:
    """Where a line's column rules stand: the indexes (among its words without the
    ``drop`` marks) of the words that follow a printed '|'."""
    marks: set[int] = set()
    index = 0
    for word in line.split():
        if word == "|":
            marks.add(index)
        elif word not in drop:
            index += 1
    return frozenset(marks)


def snap_to_rules(
    splits: tuple[int, int], rules: frozenset[int], size: int, movable: tuple[bool, bool]
) -> tuple[int, int]:
    """The (sasaran|name, name|rumus) split points of a wrapped line moved onto the
    column rules OCR printed ('|'): a rule stands between two cells, so the split
    nearest to it (within two words) lies there. ``movable`` says which split may move
    (a cell that is closed keeps its empty share)."""
    first, second = splits
    for rule in sorted(rules):
        if not 0 < rule < size or rule in (first, second):
            continue
        near = [
            (abs(rule - at), which)
            for which, at in enumerate((first, second))
            if movable[which] and abs(rule - at) <= 2
        ]
        if not near:
            continue
        which = min(near)[1]
        if which == 0 and rule <= second:
            first = rule
        elif which == 1 and rule >= first:
            second = rule
    return first, second


def resume_at(words: list[str], rumus: str) -> int | None:
    """Where the RUMUS goes on in a wrapped line, by its own grammar; None when that
    does not say (the cells' widths decide then). ``rumus`` is its text so far.

    - A denominator restates its numerator's opening ('Jumlah kader yang hadir /
      Jumlah kader'): the RUMUS goes on at the numerator's next word ('yang') when the
      line holds it after the words of the cells on its left.
    - A RUMUS that ends in mid-phrase ('Jumlah kader yang') goes on at the word just
      before a bar on the line ('hadir / Jumlah kader'): that word ends the phrase.
    - A denominator that restates its numerator up to the mid-phrase word ('Jumlah
      kader yang') adds its own clause before the numerator's words it repeats
      ('terdaftar hadir rapat'): it goes on at the lowercase words before them.
    """
    last = rumus.split()[-1].casefold() if rumus.split() else ""
    at = _restated_next(words, rumus)
    if last not in DANGLING_WORDS:
        return at
    bar = next((k for k, w in enumerate(words) if w == "/"), None)
    if bar is not None and bar >= 2:
        return bar - 1
    while at is not None and at > 1 and words[at - 1].isalpha() and words[at - 1].islower():
        at -= 1
    return at


def _restated_next(words: list[str], rumus: str) -> int | None:
    """Where the line holds the numerator's word that follows the part of it the
    denominator restates ('Jumlah kader yang hadir / Jumlah kader' -> 'yang')."""
    head, bar, tail = rumus.rpartition("/")
    numerator = [w.casefold() for w in head.split()]
    denominator = [w.casefold() for w in tail.split()]
    opening = next((i for i, w in enumerate(numerator) if w in _MEASURES), None)
    if not bar or not denominator or opening is None:
        return None
    after = opening + len(denominator)
    if numerator[opening:after] != denominator or after >= len(numerator):
        return None
    return next((k for k, w in enumerate(words) if k and w.casefold() == numerator[after]), None)


def settle_splits(
    words: list[str],
    splits: tuple[int, int],
    seen: tuple[frozenset[int], str],
    open_cells: tuple[bool, bool],
) -> tuple[int, int]:
    """The (sasaran|name, name|RUMUS) split points of a wrapped line, as the cells'
    widths gave them, checked against what the line and the row say: ``seen`` holds the
    line's column rules (rule_marks) and the RUMUS's text so far. The RUMUS's grammar
    (resume_at) only takes words back into the RUMUS, never gives them away; then a
    printed rule moves the split nearest to it. A reduplicated word broken at its
    hyphen ('masing-') goes on at its other half ('masing'), and a denominator below a
    whole numerator at its count word (denominator_at), whichever way that moves the
    split. ``open_cells``: the sasaran and the name cells still wrap onto this line."""
    rules, rumus = seen
    first, second = splits
    sasaran_open, name_open = open_cells
    at = resume_at(words, rumus)
    below = denominator_at(words, rumus)
    half = _other_half(words, rumus)
    if half is not None and (name_open or sasaran_open):
        # a word broken at its hyphen goes on at its other half, whatever the widths
        second, first = half, (min(first, half) if name_open else half)
    elif below is not None and below > second and name_open:
        second = below  # the words before the denominator's count word are the name's
    elif at is not None and at < second and (name_open or sasaran_open):
        second, first = at, (min(first, at) if name_open else at)
    return snap_to_rules((first, second), rules, len(words), open_cells)


def denominator_at(words: list[str], rumus: str) -> int | None:
    """Where the denominator opens on the line below a numerator printed whole, its
    factor beside it ('Jumlah akta terbit x 100%' over 'Jumlah anak usia 0-18'): at
    the line's first count or measure word after other words; None otherwise. The
    words before it belong to the cells on the RUMUS's left."""
    text = rumus.split()
    if not text or "/" in rumus:
        return None
    whole = factor_of(text[-1]) is not None or (
        text[-1] == "%" and len(text) > 1 and factor_of(text[-2]) is not None
    )
    if not whole:
        return None
    return next((k for k, w in enumerate(words) if k and w.casefold() in _MEASURES), None)


def _mid_phrase(word: str) -> bool:
    return word in _CONNECTIVES or (len(word) > 1 and word.endswith(","))


def open_tail(words: list[str], pj: str, sumber: str) -> int:
    """The width (characters) of a first line's penanggung jawab and sumber data cells
    when one of them ends in mid-phrase ('Dinas Perhubungan,', 'Bidang Sosial dan') and so
    wraps onto the lines below; 0 when both are whole. ``words`` end with the tail."""
    if not pj or not words:
        return 0
    if bare_title(pj):
        return len(pj) + 1 + len(sumber)
    n = len(sumber.split())
    ends = [words[-1]] + ([words[-n - 1]] if len(words) > n else [])
    if not any(_mid_phrase(w) for w in ends):
        return 0
    return len(pj) + 1 + len(sumber)


def wrapped_tail(words: list[str], width: int) -> int:
    """Where the wrapped penanggung jawab / sumber data words start at the end of a later
    line of the row, when those cells are open (``width`` > 0): the longest run of
    capitalised words (inner 'dan', '&' or a comma allowed) that fits the cells' width
    and holds no RUMUS word; len(words) when there is none."""
    start = len(words)
    if width <= 0:
        return start
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not (word[:1].isupper() or _mid_phrase(word)) or _rumus_word(word):
            break
        if len(" ".join(words[i:])) > width + 2:
            break
        if word[:1].isupper():
            start = i
    return start


def _rumus_word(word: str) -> bool:
    """A word only a RUMUS cell holds: a bar, a factor, a count word, brackets."""
    return (
        "/" in word
        or factor_of(word) is not None
        or word.strip("(").casefold() in _MEASURES
        or any(c in word for c in "()=:")
    )


def recurring_tails(rows: list[list[list[str]]]) -> frozenset[tuple[str, ...]]:
    """Line endings (1-4 words) found at the end of later lines in 3+ rows, twice over:
    once stripped, a cell to their left may recur in turn. ``rows``: per row, the words
    of its lines after the first. These are the penanggung jawab and sumber data cells
    wrapped onto the rows' later lines ('Bidang PAUD', 'Tahunan')."""
    lines = [words for row in rows for words in row]
    owners = [i for i, row in enumerate(rows) for _ in row]
    found: set[tuple[str, ...]] = set()
    for _ in range(2):
        owned: dict[tuple[str, ...], set[int]] = {}
        for owner, words in zip(owners, lines, strict=True):
            for n in range(1, min(4, len(words) - 1) + 1):
                end = tuple(words[-n:])
                if _tail_like(end):
                    owned.setdefault(end, set()).add(owner)
        found |= {end for end, seen in owned.items() if len(seen) >= 3}
        lines = [strip_tails(words, frozenset(found))[0] for words in lines]
    return frozenset(found)


def _tail_like(words: tuple[str, ...]) -> bool:
    """Words a penanggung jawab or sumber data cell is made of: capitalised names
    (inner 'dan' allowed), never a factor or a RUMUS word."""
    if any(factor_of(w) is not None or w.casefold() in RUMUS_STARTS for w in words):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w in ("dan", "&") for w in words)


def strip_tails(words: list[str], tails: frozenset[tuple[str, ...]]) -> tuple[list[str], list[str]]:
    """The words without the recurring endings at their end: (kept, stripped)."""
    stripped: list[str] = []
    while True:
        for n in range(min(4, len(words) - 1), 0, -1):
            if tuple(words[-n:]) in tails:
                stripped = words[-n:] + stripped
                words = words[:-n]
                break
        else:
            return words, stripped


def _other_half(words: list[str], rumus: str) -> int | None:
    """Where a RUMUS that ends in a word broken at its hyphen ('masing-', 'kira-') has
    the word's other half on the line: the first word that repeats it."""
    last = rumus.split()[-1].casefold() if rumus.split() else ""
    if len(last) < 3 or not last.endswith("-") or not last[:-1].isalpha():
        return None
    return next((k for k, w in enumerate(words) if w.casefold() == last[:-1]), None)


def mend_hyphen(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The RUMUS's last two lines with a word broken at its hyphen across them joined
    again ('... masing-' + 'masing unit ...' -> '... masing-masing unit ...'): one cell
    wrapped mid-word, never a fraction's two halves."""
    if len(lines) < 2:
        return lines
    (first, above), (_, below) = lines
    last = above.split()[-1] if above.split() else ""
    head = below.split()[0] if below.split() else ""
    broken = len(last) > 2 and last.endswith("-") and last[-2].isalpha() and head.isalpha()
    if broken and (head.casefold() == last[:-1].casefold() or head.islower()):
        return [(first, above + below)]  # 'masing-' + 'masing', 'pra-' + 'sejahtera'
    return lines


def restated_rumus(words: list[str]) -> int | None:
    """Where the RUMUS opens on a row's first line that prints its factor ('x 100%')
    though no RUMUS word opened a cell: at a bracketed fraction ('(Realisasi)/(Target)'),
    or where the name's words start over, as a numerator restates its indicator
    ('Rasio guru yang | Guru yang mengajar x 100%'); None otherwise."""
    if not any(factor_of(w) is not None for w in words[1:]):
        return None
    for k, word in enumerate(words[1:], start=1):
        if word.startswith("(") and "/" in word:
            return k
        if factor_of(word) is not None:
            return None
        if any(word.casefold() == w.casefold() for w in words[1:k]) and word[:1].isupper():
            return k
    return None


def restated_name(words: list[str], first: int, second: int, rumus: list[tuple[int, str]]) -> int:
    """Where a wrapped line's sasaran cell ends, given the name's words after it: the
    sasaran gives back its last words when, with the name's, they run on as the
    numerator says them. A name restates what its RUMUS counts ('Persentase balita |
    gizi buruk yang dirawat' over 'Jumlah balita gizi buruk yang dirawat'), so a word
    the cells' widths put in the sasaran ('derajat gizi') is the name's."""
    said = f" {' '.join(text for _, text in rumus).casefold()} "
    if second - first < 2 or not said.strip():
        return first
    while first > 0 and f" {' '.join(words[first - 1 : second]).casefold()} " in said:
        first -= 1
    return first


def bare_title(pj: str) -> bool:
    """Whether a penanggung jawab cell holds only the title of the official heading an
    office ('Sekretaris', 'Kepala'), and so goes on on the row's next line."""
    return pj.casefold() in BARE_TITLES


def office_at(words: list[str], start: int) -> int:
    """Where the office a bare title heads opens among a later line's last words
    ``words[start:]`` ('Masyarakat Dinas' after 'Sekretaris': at 'Dinas'; the name's
    word before it is no part of the title): the first office word from ``start``;
    len(words) when none opens there (the title's office is elsewhere)."""
    return next((k for k in range(start, len(words)) if is_pj_start(words[k])), len(words))


def name_goes_on(words: list[str], name: list[str], rumus: str, pj_open: bool = False) -> bool:
    """Whether a wrapped line with no RUMUS word in it is the name's, not the RUMUS's,
    when both cells are still open. Two shapes any IKU table prints:

    - the RUMUS line above already ends in its factor ('Jumlah desa x 100%'): a
      stacked fraction's denominator would open below with a count word, so a line
      opening in lower case ('siaga aktif') continues a name that ended in lower case
      ('Persentase desa'); under a name in title case ('Rasio Rumah Berlistrik') it
      is the denominator still ('rumah tangga terdata');
    - the name is printed in title case ('Indeks Kepuasan') and the RUMUS is a
      sentence: a line of capitalised words ('Masyarakat') continues the name, unless
      the penanggung jawab is ``pj_open`` (one word so far, 'Dinas'): its office's
      name ('Kesehatan') is capitalised too, and the line's words may be that;
    - a name states its rate base ('Angka Kesakitan' / 'per 100.000 penduduk') with the
      factor the RUMUS line above ends in ('x 100.000').
    """
    if not words or not name or not rumus:
        return False
    last = rumus.split()
    if len(words) > 1 and words[0] == "per" and factor_of(words[1]) is not None:
        # 'per 1.000 kelahiran hidup' under a RUMUS that ends 'x 1.000': the name's
        # rate base, the factor it names
        return factor_of(words[1]) == factor_of(last[-1])
    if any(_rumus_word(w) for w in words):
        return False
    if factor_of(last[-1]) is not None and words[0][:1].islower() and name[-1][:1].islower():
        return True
    big = [w for w in name if w.casefold() not in _NAME_SMALL and w[:1].isalpha()]
    title = len(big) >= 2 and all(w[:1].isupper() for w in big)
    sentence = any(w[:1].islower() for w in last[1:])
    capitals = all(w[:1].isupper() or w in _NAME_SMALL for w in words)
    return title and sentence and capitals and words[0][:1].isupper() and not pj_open
