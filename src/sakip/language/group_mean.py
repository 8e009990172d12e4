"""A mean over groups written in prose: "Rata-rata lama sekolah ... Untuk mereka yang
tamat SD diperhitungkan lama sekolah selama 6 tahun, tamat SMP diperhitungkan ... 9
tahun, tamat SM diperhitungkan ... 12 tahun" (the BPS definition of Rata-rata Lama
Sekolah, copied into many regions' tables).

Each group counts its value once per member, so the mean is weighted by the groups'
sizes: (6 x tamat SD + 9 x tamat SMP + 12 x tamat SM) / (tamat SD + tamat SMP + tamat
SM), each group's size a variable named as written. The reader returns that formula
in sakip's own language, or None when the text is not such a mean.
"""

from __future__ import annotations

import re

__all__ = ["read_group_mean"]

# The text starts with the mean, perhaps after a label: "RLS: Rata-rata ...".
_MEAN = re.compile(r"\s*(?:[^:=.;]{1,60}[:=]\s*)?(?:rata-rata|rerata)\b", re.IGNORECASE)
# Clauses end at ".", ";", ":", or a comma, but not inside a number ("6,5", "1.500").
_CLAUSE_END = re.compile(r"[.,](?!\d)|[;:]")
_ENTRY = re.compile(
    r"""
    (?: (?: untuk | bagi ) \s+ )? (?: (?: mereka | penduduk ) \s+ )? (?: yang \s+ )?
    (?P<group> \S.{0,59}? ) \s+ diperhitungkan \s+  # "tamat SD diperhitungkan"
    (?: [^\d\s-][^\d-]{0,59}? \s )?                 # "lama sekolah selama"
    (?P<value> \d{1,3} (?: ,\d{1,3} )? ) \s+         # "6", "13,5": a number of years
    (?: tahun | bulan | hari | minggu | jam ) \b      # with its unit of time
    (?! \s* \d )                                     # not "2 tahun 6 bulan"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Arithmetic written out: the text is a formula that mentions "diperhitungkan", not a
# mean described in prose (a slash between two lowercase words divides, SD/MI names).
_ARITHMETIC = re.compile(
    r"[=×*÷+%]|\s[/x-]\s|(?i:\b(?:dibagi|dikali|dikalikan|bobot|kali)\b)|[a-z]\s*/|/\s*[a-z]"
)
_NOT_A_GROUP = re.compile(r"\b(?:rata-rata|rerata|dan|atau|tanpa)\b", re.IGNORECASE)
#: Words of a group's name; a longer "group" is a sentence.
_MAX_GROUP_WORDS = 6
#: Groups a mean may list.
_MAX_GROUPS = 40


def read_group_mean(text: str, decimal_point: bool = False) -> tuple[str, str] | None:
    """(formula text, reading note) for a mean over groups written in prose, or None.
    Only in Indonesian notation: the values are written into sakip's own language."""
    if decimal_point or _MEAN.match(text) is None or "diperhitungkan" not in text.casefold():
        return None
    if _ARITHMETIC.search(text) or "{" in text or "}" in text:
        return None
    entries: list[tuple[str, str]] = []
    for clause in _CLAUSE_END.split(text):
        if "diperhitungkan" not in clause.casefold():
            continue  # the clause that names the mean, or a remark
        # every clause that counts a group must read as one: a group never goes missing
        match = _ENTRY.fullmatch(clause.strip()) or _ENTRY.match(clause.strip())
        if match is None:
            return None
        group = " ".join(match.group("group").split())
        if len(group.split()) > _MAX_GROUP_WORDS or _NOT_A_GROUP.search(group):
            return None
        entries.append((group, match.group("value")))
    groups = [g.casefold() for g, _ in entries]
    if not 2 <= len(entries) <= _MAX_GROUPS or len(set(groups)) < len(groups):
        return None
    weighted = " + ".join(f"{value} x {{{group}}}" for group, value in entries)
    sizes = " + ".join(f"{{{group}}}" for group, _ in entries)
    shown = ", ".join(f"{group} = {value}" for group, value in entries)
    note = (
        f"a mean over groups ({shown}) is read as each value weighted by the group's"
        " size: (value x group + ...) / (group + ...)"
    )
    return f"({weighted}) / ({sizes})", note
