"""Plots of IKU figures with matplotlib (the optional extra ``plot``). Each function
returns a matplotlib Figure built without pyplot (no global state, no GUI backend):
a notebook shows it, ``fig.savefig("x.png")`` writes it.

* :func:`trend_figure`: realisasi against target over the years, for one indicator;
* :func:`capaian_figure`: capaian per indicator (of one perangkat daerah, say), each bar
  coloured by its predikat on a scale;
* :func:`ikm_figure`: the IKM profile, the NRR of each unsur.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .display import NO_DATA_COLOUR, band_colour
from .errors import ValueTypeError
from .numbers import format_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["capaian_figure", "ikm_figure", "trend_figure"]


def _figure() -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the extra is installed in tests
        raise ImportError("sakip.plots needs matplotlib: pip install 'sakip[plot]'") from exc
    return Figure(figsize=(7, 4), layout="constrained")


def _pairs(values: Any, what: str) -> list[tuple[Any, float]]:
    """(key, number) pairs of a mapping or a pandas Series, in their order."""
    if not hasattr(values, "items"):
        raise ValueTypeError(f"{what} must be a mapping or a pandas Series, not {values!r:.60}")
    pairs = []
    for key, value in values.items():
        number = float(value)
        pairs.append((key, number))
    return pairs


def _label(value: float, decimals: int = 2) -> str:
    return "" if math.isnan(value) else format_number(value, decimals)


def trend_figure(
    realisasi: Mapping[Any, Any] | Any,
    target: Mapping[Any, Any] | Any = None,
    *,
    title: str = "",
    unit: str = "",
) -> Figure:
    """Realisasi (and target) by year: two lines, years on the x axis in order."""
    actual = sorted(_pairs(realisasi, "realisasi"))
    figure = _figure()
    axes = figure.add_subplot()
    axes.plot([y for y, _ in actual], [v for _, v in actual], marker="o", label="Realisasi")
    if target is not None:
        planned = sorted(_pairs(target, "target"))
        axes.plot(
            [y for y, _ in planned], [v for _, v in planned], "--", marker="s", label="Target"
        )
    years = sorted({y for y, _ in actual})
    axes.set_xticks(years, [str(y) for y in years])
    axes.set_xlabel("Tahun")
    axes.set_ylabel(unit or "Nilai")
    axes.set_title(title)
    axes.legend()
    return figure


def capaian_figure(
    capaian: Mapping[str, Any] | Any, *, scale: Any = "capaian_lkjip_5", title: str = ""
) -> Figure:
    """One horizontal bar per indicator, coloured by its predikat on ``scale`` (a name
    in the catalog's scales or a :class:`sakip.Scale`); a line at 100 %; a legend of
    the predikat shown. NaN (no capaian) is a grey bar of 0 labelled "tidak ada data"."""
    from .measure import predikat, resolve_scale

    chosen = resolve_scale(scale)
    order = {band.grade: k for k, band in enumerate(chosen.bands)}
    rows = _pairs(capaian, "capaian")
    colours: list[str] = []
    legend: dict[int, tuple[str, str]] = {}
    for _, value in rows:
        if math.isnan(value):
            colours.append(NO_DATA_COLOUR)
            continue
        grade, label = predikat(value, chosen)
        colour = band_colour(chosen, grade)
        colours.append(colour)
        legend[order[grade]] = (f"{grade} ({label})", colour)
    figure = _figure()
    axes = figure.add_subplot()
    names = [str(name) for name, _ in rows]
    heights = [0.0 if math.isnan(v) else v for _, v in rows]
    bars = axes.barh(names, heights, color=colours)
    axes.bar_label(bars, [_label(v) or "tidak ada data" for _, v in rows], padding=3)
    axes.axvline(100, color="black", linewidth=0.8, linestyle=":")
    axes.invert_yaxis()  # the first indicator on top, as in the table
    axes.margins(x=0.15)  # room for the labels after the longest bar
    axes.set_xlabel("Capaian (%)")
    axes.set_title(title)
    from matplotlib.patches import Patch

    shown = [legend[k] for k in sorted(legend, reverse=True)]  # the best predikat first
    axes.legend(handles=[Patch(color=colour, label=text) for text, colour in shown])
    return figure


def ikm_figure(
    survey: Any, *, labels: Sequence[str] | None = None, title: str = "IKM per unsur"
) -> Figure:
    """The NRR (1-4) of each unsur of an IKM survey (a :func:`sakip.ikm` result or the
    NRR values), with the index as a line; unsur labelled U1, U2, ... unless given."""
    per_unsur = getattr(survey, "per_unsur", survey)
    values = [float(v) for v in per_unsur]
    if labels is None:
        labels = [f"U{k}" for k in range(1, len(values) + 1)]
    if len(labels) != len(values):
        raise ValueTypeError(f"{len(labels)} labels for {len(values)} unsur")
    figure = _figure()
    axes = figure.add_subplot()
    bars = axes.bar(list(labels), values, color="#2e86c1")
    axes.bar_label(bars, [_label(v) for v in values], padding=2)
    index = getattr(survey, "index", None)
    if index is not None:
        axes.axhline(float(index), color="#c0392b", linestyle="--", label="indeks")
        axes.legend(loc="lower right")
    axes.set_ylim(0, 4.5)  # room for the labels above a bar of 4
    axes.set_ylabel("NRR (1-4)")
    axes.set_title(title)
    return figure
