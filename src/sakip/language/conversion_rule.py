"""A conversion rule in words: "(h) Apabila capaian IKI lebih besar dari 110%, maka nilai
Capaian IKI dikonversi menjadi 120." (the rules of a PermenPAN-style capaian cap).

The rule changes the value of the name its condition is about, when the condition
holds; the value is otherwise kept as it is, which is what "dikonversi" (converted)
says: ``jika {capaian IKI} lebih besar dari 110% maka 120 selain itu {capaian IKI}``.
The condition is read by the formula language itself. The name converted must be the
name the condition starts with, so a rule about one value never sets another.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["ConversionRule", "read_conversion_rule"]

_RULE = re.compile(
    r"""
    \s* (?: \( \s* [a-z0-9]{1,3} \s* \) \s* | [a-z0-9]{1,3} [.)] \s+ )?  # "(h)", "a.", "1)"
    (?: apabila | jika | bila | bilamana ) \s+
    (?P<condition> [^;:=\n]{1,200}? ) \s* ,? \s*
    maka \s+ (?: nilai \s+ )?
    (?P<name> [^\W\d_] [^,;:=\n]{0,80}? ) \s+
    (?: dikonversi | diubah | ditetapkan ) \s+ (?: menjadi | sebesar ) \s+
    (?P<value> \d{1,6} (?: ,\d{1,6} )? \s* %? ) \s* \.? \s*
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What may follow the name at the start of the condition: a comparison.
_COMPARES = re.compile(
    r"\s*(?:[<>≤≥=]|lebih|kurang|di\s+atas|di\s+bawah|sama|minimal|maksimal|tidak)",
    re.IGNORECASE,
)


class ConversionRule(NamedTuple):
    formula_text: str
    notes: tuple[str, ...]


def read_conversion_rule(text: str, decimal_point: bool = False) -> ConversionRule | None:
    """``Apabila X ..., maka nilai X dikonversi menjadi N`` as a conditional that keeps
    X otherwise, or None.

    >>> read_conversion_rule("Apabila capaian lebih dari 110%, maka capaian dikonversi"
    ...                      " menjadi 110%").formula_text
    'jika {capaian} lebih dari 110% maka 110% selain itu {capaian}'
    """
    lowered = text.casefold()
    if decimal_point or "maka" not in lowered or not ("menjadi" in lowered or "sebesar" in lowered):
        return None
    match = _RULE.fullmatch(text)
    if match is None:
        return None
    name = " ".join(match.group("name").split())
    condition = " ".join(match.group("condition").split())
    if not condition.casefold().startswith(name.casefold()) or "{" in text or '"' in text:
        return None
    name, rest = condition[: len(name)], condition[len(name) :]  # as the condition writes it
    if _COMPARES.match(rest) is None:
        return None  # the condition is about another name that starts the same way
    value = " ".join(match.group("value").split())
    note = (
        f"'{match.group(0).strip()}' converts {name} only where the condition holds: any"
        f" other value of {name} is kept as it is"
    )
    return ConversionRule(f"jika {{{name}}}{rest} maka {value} selain itu {{{name}}}", (note,))
