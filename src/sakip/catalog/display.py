"""How catalog objects look in a notebook: HTML summaries of an indicator, a section,
the whole catalog (a summary, never the 600.000 characters of data) and a scale. The
model classes keep one-line methods that call these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..language import escape, html_table

if TYPE_CHECKING:
    from .model import Catalog, Indicator, Section
    from .scales import Scale

__all__ = ["catalog_html", "indicator_html", "scale_html", "scale_repr", "section_html"]

#: Indicators listed in a section's table before "... n more".
MAX_INDICATORS_SHOWN = 60


def indicator_html(indicator: Indicator) -> str:
    rows: list[tuple[str, Any]] = [
        ("rumus", indicator.rumus_asli),
        ("formula", indicator.formula_text or "(a direct measure: no formula)"),
        ("satuan", indicator.satuan),
        ("polarity", indicator.polarity),
        ("penanggung jawab", indicator.penanggung_jawab),
        ("sumber data", indicator.sumber_data),
    ]
    if indicator.scale:
        rows.append(("scale", indicator.scale))
    if indicator.allowed_values:
        rows.append(("allowed values", ", ".join(indicator.allowed_values)))
    return html_table(rows, caption=f"{indicator.id}: {indicator.name}")


def section_html(section: Section) -> str:
    shown = section.indicators[:MAX_INDICATORS_SHOWN]
    rows = [(i.id, i.name, i.satuan) for i in shown]
    caption = f"{section.name} ({section.code}): {len(section.indicators)} indicators"
    table = html_table(rows, caption=caption, header=("id", "indikator", "satuan"))
    rest = len(section.indicators) - len(shown)
    return table + (f"<p>… {rest} more indicators</p>" if rest > 0 else "")


def catalog_html(catalog: Catalog) -> str:
    rows = [(s.code, s.name, len(s.indicators)) for s in catalog.sections]
    caption = (
        f"Catalog: {len(catalog)} indicators in {len(catalog.sections)} sections,"
        f" {len(catalog.scales)} scales"
    )
    return html_table(rows, caption=caption, header=("code", "section", "indicators"))


def scale_repr(scale: Scale) -> str:
    grades = "/".join(band.grade for band in reversed(scale.bands))
    return f"Scale({scale.name!r}, {len(scale.bands)} bands {grades})"


def scale_html(scale: Scale) -> str:
    from .scales import _span  # scales imports nothing of this module

    rows = [(band.grade, band.label, _span(band)) for band in reversed(scale.bands)]
    caption = f"{scale.title or scale.name}" + (f" ({scale.source})" if scale.source else "")
    table = html_table(rows, caption=caption, header=("grade", "label", "range"))
    gaps = "".join(f"<p>gap: {escape(gap)}</p>" for gap in scale.gaps)
    return table + gaps
