"""How the readers that run before the parser quote the user's text in a note or an
error message: cut short, so that a long paste does not bury the message.

Its own module because the notation readers (pasted.py, placeholders.py, latex.py,
stacked.py) all quote text and none of them owns the others.
"""

from __future__ import annotations

__all__ = ["shorten"]


def shorten(text: str, most: int = 70) -> str:
    """``text`` itself up to ``most`` characters, else its start and an ellipsis."""
    return text if len(text) <= most else text[: most - 1] + "…"
