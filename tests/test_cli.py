"""The console script, run for real (it is installed by `pip install -e .`)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

SAKIP = shutil.which("sakip")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [SAKIP, *args] if SAKIP else [sys.executable, "-m", "sakip", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_console_script_is_installed() -> None:
    assert SAKIP is not None, "pip install -e . installs the sakip console script"


def test_demo_prints_seed_formulas() -> None:
    done = run("demo")
    assert done.returncode == 0, done.stderr
    # Angka Kematian Bayi: 41 / 15.380 x 1.000 = 2,6658... -> "2,67"
    assert "2,67 per 1.000 kelahiran hidup" in done.stdout
    # Pelanggaran Perda: (64 - 52) / 64 x 100 = 18,75
    assert "18,75 %" in done.stdout


def test_eval_with_indonesian_numbers() -> None:
    done = run("eval", "A / B x 100%", "A=1.234,5", "B=2.469")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "50,00 %"


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("eval", "A / (B", "A=1", "B=2"), 1, "missing closing bracket"),
        (("eval", "A / B", "A=1"), 1, "no value"),
        (("eval",), 2, "usage"),
    ],
)
def test_errors_and_exit_codes(args: tuple[str, ...], code: int, words: str) -> None:
    done = run(*args)
    assert done.returncode == code
    assert words in done.stderr


@pytest.mark.parametrize(
    "code",
    [
        "import sakip; print(len(sakip.catalog.load()))",
        "import sakip; print(len(sakip.lint()) > 0)",
        "import sakip; print(sakip.evaluate('AKB', {'D0-<1th': 3, 'Lahir Hidup': 1500}).magnitude)",
        "import sakip; print(sakip.measure.achievement(3, 1.5).magnitude / 100)",
    ],
)
def test_lazy_catalog_in_a_fresh_interpreter(code: str) -> None:
    # the catalog is imported on first use; a fresh interpreter shows that this works
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("477", "True", "2.0")


def test_measure_example_prints_the_report() -> None:
    done = run("measure", "--example")
    assert done.returncode == 0, done.stderr
    assert "ILLUSTRATIVE, MADE-UP VALUES" in done.stdout
    lines = done.stdout.splitlines()
    assert any(
        line.startswith("iku.43") and "WDP" in line and "Sangat Kurang" in line for line in lines
    )
    csv = run("measure", "--example", "--format", "csv")
    assert csv.stdout.startswith(
        "indicator,entity,period,value,unit,target,capaian,reason,predikat"
    )


def test_measure_a_csv_file(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "data.csv"
    path.write_text(
        "indicator,period,variable,value\n"
        "TPT,2020,Jumlah Penganggur Terbuka Usia Angkatan Kerja,6\n"
        "TPT,2020,Jumlah Penduduk Angkatan Kerja,120\n"
        'TPT,2020,target,"6,5"\n',
        encoding="utf-8",
    )
    done = run("measure", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    import json

    (row,) = json.loads(done.stdout)
    assert row["value"] == pytest.approx(5) and row["capaian"] == pytest.approx(123.076923077)


def test_show_list_lint_eval_indicator() -> None:
    shown = run("show", "AKB")
    assert (
        shown.returncode == 0
        and "iku.06" in shown.stdout
        and "seed line         530" in shown.stdout
    )
    listed = run("list", "--pd", "dinkes")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 11
    linted = run("lint")
    assert linted.returncode == 1 and "unit perkim.10" in linted.stdout
    evaluated = run("eval", "AKB", "D0-<1th=41", "Lahir Hidup=15.000")
    assert evaluated.stdout.strip() == "2,73 per 1.000 kelahiran hidup"
    unknown = run("show", "XYZ")
    assert unknown.returncode == 1 and "no indicator 'XYZ'" in unknown.stderr
