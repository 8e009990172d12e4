"""sakip.plots (issue 11 item 3): each figure renders to PNG and draws what it says."""

from __future__ import annotations

import io
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")  # no display in tests; the figures never touch pyplot anyway

import sakip
from sakip.plots import capaian_figure, ikm_figure, trend_figure


def png(figure: object) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")  # type: ignore[attr-defined]
    data = buffer.getvalue()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5_000
    return data


def texts(items: object) -> list[str]:
    return [t.get_text() for t in items]  # type: ignore[attr-defined]


def test_trend_draws_realisasi_and_target_by_year() -> None:
    figure = trend_figure(
        pd.Series({2021: 90.0, 2019: 80.0, 2020: 85.0}),  # out of order: sorted by year
        {2019: 85, 2020: 88, 2021: 92},
        title="Angka Harapan Hidup",
        unit="tahun",
    )
    png(figure)
    (axes,) = figure.axes
    realisasi, target = axes.lines
    assert list(realisasi.get_xdata()) == [2019, 2020, 2021]
    assert list(realisasi.get_ydata()) == [80.0, 85.0, 90.0]
    assert list(target.get_ydata()) == [85.0, 88.0, 92.0]
    assert texts(axes.get_legend().get_texts()) == ["Realisasi", "Target"]
    assert texts(axes.get_xticklabels()) == ["2019", "2020", "2021"]
    assert axes.get_title() == "Angka Harapan Hidup" and axes.get_ylabel() == "tahun"


def test_capaian_bars_are_coloured_by_predikat() -> None:
    capaian = {"IKU 1": 120.0, "IKU 2": 95.0, "IKU 3": 96.0, "IKU 4": 40.0, "IKU 5": math.nan}
    figure = capaian_figure(capaian, title="Dinas Kesehatan")
    png(figure)
    (axes,) = figure.axes
    bars = axes.patches
    assert len(bars) == 5  # one per indicator, NaN included as an empty bar
    assert texts(axes.get_yticklabels()) == list(capaian)
    assert [b.get_width() for b in bars] == [120.0, 95.0, 96.0, 40.0, 0.0]
    assert texts(axes.texts) == ["120,00", "95,00", "96,00", "40,00", "tidak ada data"]
    colour = [tuple(b.get_facecolor()) for b in bars]
    # 95 and 96 share a predikat, 40 has another, no data is grey
    grade = [sakip.predikat(v)[0] for v in (120.0, 95.0, 96.0, 40.0)]
    assert grade[1] == grade[2] and colour[1] == colour[2]
    assert grade[3] != grade[1] and colour[3] != colour[1]
    assert colour[4] == matplotlib.colors.to_rgba("#bdbdbd")
    legend = texts(axes.get_legend().get_texts())
    labels = {
        f"{g} ({sakip.predikat(v)[1]})" for g, v in zip(grade, (120, 95, 96, 40), strict=True)
    }
    assert set(legend) == labels  # the predikat drawn, each once


def test_ikm_profile_has_one_bar_per_unsur() -> None:
    # 9 unsur (PermenPANRB 14/2017); respondent answers by hand: NRR of unsur k
    answers = np.array([[4, 3, 4, 3, 4, 3, 4, 3, 2], [4, 3, 2, 3, 4, 3, 4, 3, 2]])
    survey = sakip.ikm(answers, method="permenpanrb_14_2017")
    figure = ikm_figure(survey)
    png(figure)
    (axes,) = figure.axes
    assert len(axes.patches) == 9
    assert texts(axes.get_xticklabels()) == [f"U{k}" for k in range(1, 10)]
    # NRR = mean answer: unsur 1 (4+4)/2 = 4, unsur 3 (4+2)/2 = 3, unsur 9 (2+2)/2 = 2
    heights = [b.get_height() for b in axes.patches]
    assert heights[0] == 4 and heights[2] == 3 and heights[8] == 2
    (index_line,) = axes.lines
    assert index_line.get_ydata()[0] == pytest.approx(float(survey.index))


def test_plots_refuse_what_they_cannot_draw() -> None:
    with pytest.raises(sakip.ValueTypeError, match="mapping"):
        trend_figure([80, 85])
    with pytest.raises(sakip.ValueTypeError, match="labels"):
        ikm_figure([3.0, 2.5], labels=["U1"])
