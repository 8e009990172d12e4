"""sakip.display (issue 11 item 1): a measure() report with the predikat at a glance."""

from __future__ import annotations

import re

import pandas as pd

import sakip
from sakip.display import NO_DATA_COLOUR, band_colour, measure_html

ATLET = ("Jumlah Atlet yang berprestasi", "Total Jumlah Atlet yang dikirim")


def report() -> pd.DataFrame:
    rows = []
    # Betung: 45 of 50 athletes = 90 %, target 90: capaian 100 %;
    # Sembawa: 10 of 50 = 20 %, target 80: capaian 25 %
    for entity, part, target in (("Betung", 45, 90), ("Sembawa", 10, 80)):
        rows += [
            ("iku.13", entity, 2020, ATLET[0], part),
            ("iku.13", entity, 2020, ATLET[1], 50),
            ("iku.13", entity, 2020, "target", target),
        ]
    return sakip.measure.measure(
        pd.DataFrame(rows, columns=["indicator", "entity", "period", "variable", "value"])
    )


def test_band_colours_run_from_the_lowest_band_to_the_highest() -> None:
    scale = sakip.catalog.load().scales["ikm_kepmenpan_25_2004"]  # D, C, B, A
    colours = [band_colour(scale, grade) for grade in "DCBA"]
    assert len(set(colours)) == 4  # a colour of its own for each band
    assert band_colour(scale, "Sangat Baik") == colours[3]  # by label too
    assert band_colour(scale, "") == NO_DATA_COLOUR


def test_measure_html_colours_each_predikat() -> None:
    table = report()
    assert table["capaian"].tolist() == [100.0, 25.0]
    html = measure_html(table)
    cells = re.findall(r'<td style="background:(#\w+);[^"]*">([^<]*)</td>', html)
    labels = table["predikat"].tolist()
    assert [text for _, text in cells] == labels and labels[0] != labels[1]
    assert [colour for colour, _ in cells] == [band_colour("capaian_lkjip_5", x) for x in labels]
    assert "<td>100,00</td>" in html and "<td>25,00</td>" in html  # Indonesian notation
    assert html.count("<tr>") == 3  # header and two rows
