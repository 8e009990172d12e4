"""The console script, run for real (it is installed by `pip install -e .`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sakip
from sakip.cli import main

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
        line.strip().startswith("iku.43") and "WDP" in line and "Sangat Kurang" in line
        for line in lines
    )
    assert "Ringkasan" in lines
    csv = run("measure", "--example", "--format", "csv")
    assert csv.stdout.startswith(
        "indicator,entity,period,value,unit,target,capaian,reason,predikat,"
        "name,satuan,polarity,keterangan"
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


# -- issue 7: CSV injection, no traceback for any input, quiet broken pipes ----------------


def _main(args: list[str]) -> int:
    from sakip.cli import main

    try:
        return main(args)
    except SystemExit as exc:  # the exit code is what a shell sees either way
        return int(exc.code or 0)


def test_csv_output_neutralises_formula_cells(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io
    from pathlib import Path

    path = Path(str(tmp_path)) / "data.csv"
    crime = "Jumlah Tindak Kriminal"
    path.write_text(
        "indicator,entity,period,variable,value\n"
        f'AK,"=HYPERLINK(""http://x"",""y"")",2019,{crime},120\n'
        f'AK,"=HYPERLINK(""http://x"",""y"")",2020,{crime},96\n'
        'AK,"=HYPERLINK(""http://x"",""y"")",2020,target,-20\n'
        f"AK,@SUM(A1),2020,{crime},1\nAK,+90,2020,{crime},1\n"
        'AK,+90,2020,target,"-1 (turun)"\n',
        encoding="utf-8",
    )
    assert _main(["measure", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_entity = {(r["entity"], r["period"]): r for r in rows}
    link = by_entity[('\'=HYPERLINK("http://x","y")', "2020")]
    # AK 2020 = (96 - 120) / 96 x 100 = -25; 2T-R against -20: (-40 + 25) / -20 = 75%
    assert (link["value"], link["target"], link["capaian"]) == ("-25.0", "-20.0", "75.0")
    assert ("'@SUM(A1)", "2020") in by_entity
    assert by_entity[("'+90", "2020")]["target"] == "'-1 (turun)"
    from sakip.measure.io import csv_safe  # the one place every writer neutralises cells

    for cell in ("=1+1", "+90", "-5", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(cell) == "'" + cell
    assert (csv_safe(-5.0), csv_safe("Betung"), csv_safe(None)) == (-5.0, "Betung", None)


def test_no_input_ends_in_a_traceback(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    binary = folder / "data.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = folder / "empty.csv"
    empty.write_text("", encoding="utf-8")
    huge = folder / "huge.csv"
    huge.write_text(
        f"indicator,period,variable,value\nAKB,2020,D0-<1th,{'9' * 999}\nAKB,9{'9' * 50},x,1\n",
        encoding="utf-8",
    )
    cases: list[tuple[list[str], int]] = [
        (["measure", str(folder / "missing.csv")], 1),
        (["measure", str(folder)], 1),
        (["measure", str(binary)], 1),
        (["measure", str(empty)], 1),
        (["measure", str(huge), "--format", "json"], 0),
        (["measure", "http://127.0.0.1:9/data.csv"], 1),
        (["measure", ""], 2),
        (["measure"], 2),
        (["measure", "--example", "--policy", "bogus"], 2),
        (["measure", "--example", "--format", "xml"], 2),
        (["list", "zzzz tidak ada"], 1),
        (["list", "--pd", "nope"], 1),
        (["list", "--pd", "9" * 30], 1),
        (["show", ""], 1),
        (["show", "²"], 1),
        (["show", "XYZ"], 1),
        (["eval", ""], 1),
        (["eval", "A / B", "A=1", "B=0"], 1),
        (["eval", "A x 2", "A=1" + "0" * 400], 1),
        (["eval", "A x 2", "A=" + "9" * 5000], 1),
        (["eval", "1000000000^999"], 1),
        (["eval", "A", "not-a-pair"], 2),
        (["eval", "A", "--period", "twenty"], 2),
        (["bogus"], 2),
        ([], 2),
        (["--help"], 0),
    ]
    for args, code in cases:
        got = _main(args)
        out, err = capsys.readouterr()
        assert "Traceback" not in err + out, args
        assert got == code, (args, err)
        if code == 1:
            assert err.startswith("sakip: "), (args, err)
    _main(["list", "zzzz tidak ada"])
    assert "no indicator matches 'zzzz tidak ada'" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "big.csv"
    rows = [f"dinkes.03,Desa {k},2020,Jumlah rumah tangga sehat,{k}" for k in range(3000)]
    path.write_text("indicator,entity,period,variable,value\n" + "\n".join(rows), encoding="utf-8")
    command = [*([SAKIP] if SAKIP else [sys.executable, "-m", "sakip"]), "measure", str(path)]
    # about 300 KB of report: far more than a pipe holds, so writing meets the closed end
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.readline()
        child.stdout.close()
        err = child.stderr.read().decode()
        child.wait(timeout=120)
    assert err == ""


@pytest.mark.parametrize("pairs", [("A=1", "B=4", "A=2"), ("A=1", "B=4", " A = 1")])
def test_a_name_given_twice_is_a_usage_error(
    pairs: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    # the last A used to win silently: A / B printed 0,50 (2 / 4)
    assert _main(["eval", "A / B", *pairs]) == 2
    err = capsys.readouterr().err
    assert "'A' is given more than once" in err


def test_a_name_given_twice_after_an_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _main(["eval", "A / B", "A=1", "--unit", "%", "B=4", "A=2"]) == 2
    assert "'A' is given more than once" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("sakip ")


def test_a_console_that_cannot_print_sigma_gets_a_replacement() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "sakip", "show", "AKB"], capture_output=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert b"AKB" in done.stdout and b"internal error" not in done.stderr


def test_rollup_and_trend_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rollup", "--example", "--level", "misi"]) == 0
    out = capsys.readouterr().out
    assert "capaian" in out and "predikat" in out
    assert main(["trend", "--example"]) == 0
    out = capsys.readouterr().out
    assert "membaik" in out or "memburuk" in out


def test_draft_command_writes_a_catalog_that_loads(tmp_path: Path) -> None:
    text = (
        "LAMPIRAN I\nINDIKATOR KINERJA UTAMA KOTA CONTOH\n"
        "NO INDIKATOR KINERJA RUMUS SATUAN PENANGGUNG JAWAB SUMBER DATA\n"
        "1 Persentase desa mandiri Jumlah desa mandiri / Jumlah desa x 100% % DPMD DPMD\n"
    )
    source = tmp_path / "perbup.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["draft", str(source), "--out", str(tmp_path / "draft")]) == 0
    loaded = sakip.catalog.load(tmp_path / "draft")
    assert sum(len(s.indicators) for s in loaded.sections) >= 1
