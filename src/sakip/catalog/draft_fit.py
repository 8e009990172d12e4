"""What a wrapped cell's width says about the words of a row's later lines (draft_rows).

A table's cells wrap their words greedily: a cell goes on to its next line only with a
word that did not fit on its line above. So a word that would have fitted on a cell's
last line, in the width the table's cells show (draft_rows.Columns), is not that cell's
next word: it belongs to a cell on its left. These are the ways of any wrapped table,
never the rows of one regulation.
"""

from __future__ import annotations

from ..language import opens_glossary
from .draft_cell import factor_of
from .draft_words import DANGLING_WORDS, RUMUS_STARTS, is_pj_start

__all__ = ["held_above", "title_run"]

# Words that open a fraction's half anew (a count, a measure it compares with): the
# RUMUS's next half may open on a line below a short one, so fit says nothing there.
_HALF_OPENERS = RUMUS_STARTS | frozenset(["target", "rencana", "realisasi", "total"])
# signs and words that join a RUMUS's parts ('dibagi', 'dikali 100%'): a RUMUS's own
_JOINS = frozenset(["x", "X", "×", "dibagi", "dikali", "dikalikan", "dikurangi", "ditambah"])
# A line that fills less of its cell than this is no greedy wrap's: the half ended there
# or the text's lines were cut elsewhere (OCR shifts a cell a line up or down).
_FULL = 0.6


def _closed(line: str) -> bool:
    """A RUMUS line after which fit says nothing: it ends in its factor ('... x 100%':
    the half has ended, what the RUMUS prints below opens a half of its own), a bar or
    a join ('dibagi'), or a count word ('hamil K4/Jumlah') whose words come below."""
    words = line.split()
    if not words or words[-1].endswith(("/", ":", "=")) or words[-1].casefold() in _JOINS:
        return True
    if words[-1].rpartition("/")[2].casefold() in _HALF_OPENERS:
        return True  # 'K4/Jumlah': a count word that has not said what it counts yet
    last = words[-2] if words[-1] == "%" and len(words) > 1 else words[-1]
    return factor_of(last) is not None


def _rumus_only(words: list[str], k: int) -> bool:
    """A word that opens a half, a bar, a factor or a result: only a RUMUS holds it."""
    word = words[k]
    if word.strip("(").casefold() in _HALF_OPENERS or factor_of(word) is not None:
        return True
    if word.casefold() in _JOINS or is_pj_start(word):
        return True  # a join, or an office: the penanggung jawab wrapped at the line's end
    if opens_glossary(word) or (k + 1 < len(words) and words[k + 1] in ("=", ":")):
        return True  # 'Dimana :' opens the glossary, 'IPS = ...' a term it explains
    if "/" in word:
        # a bar ('/jumlah', 'hadir/Jumlah', 'terlayani/total'), not a list of names
        # each capitalised ('SD/MI', 'Unggul/Lokal')
        parts = word.strip("()").split("/")
        return any(not p or not p[:1].isupper() or p.casefold() in _HALF_OPENERS for p in parts)
    return any(c in word for c in "=:")


def _half_ended(lines: list[str], width: int) -> bool:
    """Whether the RUMUS's last line ``lines[-1]`` is a short line that ends a half the
    RUMUS opened on a line of its own: below a line closed by its factor, or opening
    with a count word ('jumlah masyarakat' under 'Jumlah masyarakat yang terlibat x
    100%'). A half that ends leaves its line short; a line short for any other reason
    (the first line of a cell OCR cut elsewhere) says nothing."""
    if len(lines) < 2 or len(lines[-1]) >= _FULL * width:
        return False
    opening = lines[-1].split()[0].strip("(").casefold()
    if opening in _HALF_OPENERS and len(lines[-1].split()) < 2:
        return False  # a count word alone ('Jumlah') has not said what it counts
    return _closed(lines[-2]) or opening in _HALF_OPENERS


def held_above(
    words: list[str], cells: tuple[int, int], lines: list[str], widths: tuple[int, int]
) -> int:
    """Where a wrapped line's RUMUS words start, once the words its last line ``above``
    could still have held are given to the name on their left.

    ``cells``: the (sasaran|name, name|RUMUS) split points the line was read with;
    ``widths``: the name's and the RUMUS's widths (characters). A RUMUS line that has
    not ended its half (no factor closes it) wraps only with a word too long for it:
    'Jumlah penduduk usia kerja yang tidak' (37 characters) in a 43-wide cell, over
    '(%) memiliki pekerjaan': '(%)' would have fitted above, so it is the name's
    ('Tingkat Pengangguran Terbuka (%)'), and the RUMUS goes on at 'memiliki'. A word
    that opens a half (Jumlah, total ...), a bar or a factor stays the RUMUS's; and
    when the words so given would not fit the name's width, the reading is kept.
    """
    first, second = cells
    name_width, rumus_width = widths
    above = lines[-1] if lines else ""
    if _closed(above) or (len(above) < _FULL * rumus_width and not _half_ended(lines, rumus_width)):
        return second
    k = second
    while (
        k < len(words)
        and not _rumus_only(words, k)
        and len(above) + 1 + len(words[k]) <= rumus_width
    ):
        k += 1
    if k == second or len(" ".join(words[first:k])) > name_width + 2:
        return second
    if k == len(words) and (words[-1] in ("dan", "&") or words[-1].endswith(",")):
        return second  # a run to the line's end in mid-phrase: the wrapped tail cells'
    return k


# Short words a title-case name keeps in lower case ('Rasio Guru dan Murid', 'Gedung
# Pemerintah dalam Kondisi Baik')
_SMALL = frozenset(["dan", "di", "ke", "dari", "&", "yang", "per", "atau", "untuk", "dalam"])


def _capitalised(word: str) -> bool:
    """A word a title-case name prints: 'Jenjang', 'SD/MI', '(APM)', '(%)'."""
    core = word.strip("()")
    return word[:1].isupper() or (word[:1] == "(" and (core[:1].isupper() or core == "%"))


def _sentence(rumus: str) -> bool:
    """A RUMUS written as a sentence: after its opening word, at least two words and
    most of its words in lower case, and no capitalised word but the thing a count
    word counts ('Jumlah Siswa pada jenjang TK/RA'), an acronym or a name list with a
    slash. A RUMUS that capitalises its words ('Jumlah Program dan Kegiatan') prints
    capitals below as well, and they say nothing of the name."""
    words = rumus.split()
    lower = sum(w[:1].islower() for w in words[1:] if w[:1].isalpha())
    alpha = sum(w[:1].isalpha() for w in words[1:])
    for k, word in enumerate(words[1:], start=1):
        counted = words[k - 1].rpartition("/")[2].casefold() in _HALF_OPENERS
        plain = not word.isupper() and "/" not in word  # no acronym, no name list
        if word[:1].isupper() and plain and not counted and word.casefold() not in _HALF_OPENERS:
            return False
    return lower >= 2 and 2 * lower >= alpha


def _title(name: list[str]) -> bool:
    big = [w for w in name if w.casefold() not in _SMALL and w[:1].isalpha()]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)


def title_run(
    words: list[str], cells: tuple[int, int], name: list[str], rumus: str, name_width: int
) -> int:
    """Where a wrapped line's RUMUS words start, once the capitalised words that open
    it are given to a title-case name, when the RUMUS is a sentence: 'Angka
    Partisipasi Kasar' over 'Menurut Jenjang masing-masing x 100%' beside 'jumlah
    siswa pada tingkat pendidikan': 'Menurut Jenjang' is the name's. A name's cell
    wraps greedily, so it takes the longest run that fits its width: '(APM)
    SD/MI/Paket A SD/MI/Paket A' gives the name '(APM) SD/MI/Paket A' (19 characters;
    the next word makes 31 in a 26-wide cell). Words only a RUMUS holds, a word the
    RUMUS printed so itself, and offices end the run; a run that leaves the RUMUS no
    word on the line is no evidence; a RUMUS in mid-phrase ('... kelas pertama di')
    keeps the run's last word ('SMP/MTs'); the split only moves right."""
    first, second = cells
    if not _title(name) or not _sentence(rumus):
        return second
    said = set(rumus.split())  # the RUMUS's own words, as it printed them
    end = first
    while end < len(words) and (
        (_capitalised(words[end]) or words[end] in _SMALL)
        and not _rumus_only(words, end)
        and words[end] not in said
        and not (end > first and is_pj_start(words[end]))
    ):
        end += 1
    if rumus.split()[-1].casefold() in DANGLING_WORDS:
        end -= 1  # 'kelas pertama di' goes on with a word of its own ('SMP/MTs')
    while end > first and not _capitalised(words[end - 1]):
        end -= 1  # the name's run ends on a capitalised word, not on 'dan'
    while end > first and len(" ".join(words[first:end])) > name_width + 2:
        end -= 1
    if end >= len(words):
        return second  # no RUMUS word left on the line: the tail cells may be wrapping
    return max(second, end)
