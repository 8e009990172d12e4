"""Notebook display of catalog objects (issue 11 item 1): short reprs, HTML summaries."""

from __future__ import annotations

import sakip


def test_catalog_repr_and_html_are_summaries() -> None:
    cat = sakip.catalog.load()
    assert len(repr(cat)) < 80
    html = cat._repr_html_()
    # one row per section, not the data: 52 sections, a few kilobytes
    assert html.count("<tr>") == len(cat.sections) + 1 and len(html) < 20_000
    assert f"{len(cat)} indicators in {len(cat.sections)} sections" in html


def test_indicator_and_section_html() -> None:
    cat = sakip.catalog.load()
    akb = cat.get("AKB")
    html = akb._repr_html_()
    assert "iku.06" in html and "D0-&lt;1th" in html and "<th>satuan</th>" in html
    section = cat.sections[1]
    html = section._repr_html_()
    assert html.count("<tr>") == len(section.indicators) + 1
    assert len(repr(section)) < 120


def test_scale_repr_and_html() -> None:
    scale = sakip.catalog.load().scales["ikm_kepmenpan_25_2004"]
    assert repr(scale) == "Scale('ikm_kepmenpan_25_2004', 4 bands A/B/C/D)"
    html = scale._repr_html_()
    assert html.count("<tr>") == 5  # header + 4 bands, from A down
    assert html.index("Sangat Baik") < html.index("Baik</td><td>&gt;62,5")
