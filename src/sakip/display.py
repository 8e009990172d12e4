"""The face's display helpers: the colour of a predikat (shared by plots and tables) and
a ``measure()`` report as HTML with the predikat visible at a glance. Formulas, results
and catalog objects show themselves (language/display.py, catalog/display.py)."""

from __future__ import annotations

import math
from typing import Any

from .language import escape
from .numbers import format_number

__all__ = ["NO_DATA_COLOUR", "band_colour", "measure_html"]

#: Colours from the lowest band of a scale to the highest (red to green).
BAND_COLOURS = ("#c0392b", "#e67e22", "#f1c40f", "#7dbb42", "#1e8449", "#145a32")
NO_DATA_COLOUR = "#bdbdbd"
#: Rows of a report shown before "... n more rows".
MAX_REPORT_ROWS = 200


def band_colour(scale: Any, grade_or_label: str) -> str:
    """The colour of a predikat on a scale (a name or a :class:`sakip.Scale`): red for
    its lowest band to green for its highest; grey for none ("" or unknown)."""
    from .measure import resolve_scale

    bands = resolve_scale(scale).bands
    for k, band in enumerate(bands):
        if grade_or_label in (band.grade, band.label):
            return BAND_COLOURS[k * len(BAND_COLOURS) // len(bands)]
    return NO_DATA_COLOUR


def measure_html(report: Any, *, scale: Any = "capaian_lkjip_5") -> str:
    """A ``measure()`` report as an HTML table: numbers in Indonesian notation, each
    predikat cell in its band's colour (``scale`` as given to ``measure``)."""
    columns = [str(c) for c in report.columns]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for record in report.head(MAX_REPORT_ROWS).itertuples(index=False):
        cells = []
        for name, value in zip(columns, record, strict=True):
            style = ""
            if name == "predikat":
                colour = band_colour(scale, value) if isinstance(value, str) else NO_DATA_COLOUR
                style = f' style="background:{colour};color:white;font-weight:bold"'
            cells.append(f"<td{style}>{escape(_cell(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = len(report) - MAX_REPORT_ROWS
    tail = f"<p>… {more} more rows</p>" if more > 0 else ""
    return f'<table class="sakip"><tr>{head}</tr>{"".join(rows)}</table>{tail}'


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "" if math.isnan(value) else format_number(value, 2)
    return "" if value is None else str(value)
