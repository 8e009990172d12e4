"""load(path): a user's catalog in TOML, checked with errors that name file, row and field;
to_toml / to_json write any catalog so that load reads it back equal."""

from __future__ import annotations

import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
from sakip import catalog
from sakip.catalog import CatalogDataError, CatalogError

SHIPPED = catalog.load()

SECTION = """
[section]
number = 0
code = "iku"
name = "Kabupaten Contoh"
seed_line = 1
"""
ROW = """
[[indicator]]
id = "iku.01"
number = 1
name = "Tingkat Pengangguran Terbuka"
sasaran = "Meningkatnya kesempatan kerja"
rumus_asli = "Jumlah Penganggur / Jumlah Angkatan Kerja x 100%"
formula = "Jumlah Penganggur / Jumlah Angkatan Kerja x 100%"
kind = "formula"
satuan = "%"
unit = "percent"
polarity = "lower"
polarity_reason = "unemployment: a lower rate is better"
period = "tahunan"
penanggung_jawab = ""
sumber_data = "BPS"
seed_line = 2
catatan = []
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_no_argument_is_the_shipped_catalog_kept_once() -> None:
    assert catalog.load() is catalog.load() is SHIPPED
    assert len(SHIPPED) == 477


def test_a_folder_of_your_own(tmp_path: Path) -> None:
    write(tmp_path, "iku.toml", SECTION + ROW)
    mine = catalog.load(tmp_path)
    assert len(mine) == 1 and mine.get(1).id == "iku.01"
    # 6 / 120 x 100% = 5 %
    values = {"Jumlah Penganggur": 6, "Jumlah Angkatan Kerja": 120}
    assert sakip.evaluate(mine.get("iku.01"), values).magnitude == pytest.approx(5)
    # read anew on each call: nothing of a user's catalog is kept in the module
    again = catalog.load(tmp_path)
    assert again == mine and again is not mine
    assert catalog.load(tmp_path / "iku.toml") == mine  # one file works the same
    assert catalog.load(str(tmp_path)) == mine


SCALE = """
[[scale]]
name = "biner"
lower = "0"
upper = "100"
[[scale.band]]
grade = "T"
label = "Tidak Tercapai"
lower = "0"
upper = "50"
lower_inclusive = true
upper_inclusive = false
[[scale.band]]
grade = "Y"
label = "Tercapai"
lower = "50"
upper = "100"
lower_inclusive = true
upper_inclusive = true
"""


def test_a_file_may_hold_templates_and_scales(tmp_path: Path) -> None:
    template = ROW.replace("[[indicator]]", "[[template]]").replace(
        'id = "iku.01"', 'template_id = "t1"'
    )
    for field in ("number", "seed_line", "catatan", "period"):
        template = "\n".join(line for line in template.splitlines() if not line.startswith(field))
    scale = SCALE
    rows = """
[[indicator]]
id = "iku.01"
template = "t1"
number = 1
period = "tahunan"
seed_line = 2
catatan = []
scale = "biner"
"""
    write(tmp_path, "all.toml", SECTION + rows + template + scale)
    mine = catalog.load(tmp_path)
    row = mine.get("iku.01")
    assert row.name == "Tingkat Pengangguran Terbuka" and row.template == "t1"
    assert mine.scales["biner"].band(50).grade == "Y"  # 50 opens the upper band
    # sakip.evaluate grades an indicator on its own catalog's scale: 60 / 100 x 100% = 60
    result = sakip.evaluate(row, {"Jumlah Penganggur": 60, "Jumlah Angkatan Kerja": 100})
    assert (result.magnitude, result.grade) == (pytest.approx(60), "Y")  # type: ignore[attr-defined]
    # an indicator built by hand with a scale no catalog has: an error that names it
    import attrs

    orphan = attrs.evolve(row, scale="elsewhere", grading=None)
    with pytest.raises(CatalogDataError, match="no scale 'elsewhere' in its catalog"):
        sakip.evaluate(orphan, {"Jumlah Penganggur": 60, "Jumlah Angkatan Kerja": 100})
    assert catalog.load(mine.to_toml(tmp_path / "out")) == mine


@pytest.mark.parametrize(
    ("old", "new", "row", "field", "problem"),
    [
        ('polarity = "lower"', 'polarity = "down"', "iku.01", "polarity", "must be one of higher, lower"),
        ("seed_line = 2", 'seed_line = "2"', "iku.01", "seed_line", "must be int"),
        ('unit = "percent"', 'unit = "furlong"', "iku.01", "unit", "unknown unit 'furlong'"),
        ('id = "iku.01"', 'id = "dinkes.01"', "dinkes.01", "id", "must be 'iku.NN' with an optional letter"),
        ('kind = "formula"', 'kind = "direct"', "iku.01", "formula", "a formula row needs a formula; a direct row has none"),
        ("catatan = []", 'catatan = []\ncolour = "red"', "iku.01", "colour", "unknown field"),
        ('satuan = "%"\n', "", "iku.01", "satuan", "missing"),
        ('polarity_reason = "unemployment: a lower rate is better"\n', "", "iku.01", "polarity_reason", "lower-is-better needs a reason"),
        ("catatan = []", 'catatan = []\nscale = "nowhere"', "iku.01", "scale", "no scale 'nowhere'"),
        ("catatan = []", "catatan = []\npolarity_inferred = 1", "iku.01", "polarity_inferred", "must be bool"),
    ],
)  # fmt: skip
def test_errors_name_the_file_the_row_and_the_field(
    tmp_path: Path, old: str, new: str, row: str, field: str, problem: str
) -> None:
    assert old in ROW
    path = write(tmp_path, "iku.toml", SECTION + ROW.replace(old, new, 1))
    with pytest.raises(CatalogDataError) as caught:
        catalog.load(tmp_path)
    error = caught.value
    assert (error.file, error.row, error.field, error.problem) == (str(path), row, field, problem)
    assert str(error) == f"{path}: {row}: field '{field}': {problem}"
    assert isinstance(error, CatalogError) and isinstance(error, sakip.SakipError)
    again = pickle.loads(pickle.dumps(error))
    assert (again.file, again.row, again.field, str(again)) == (error.file, row, field, str(error))
    assert error.to_dict()["code"] == "catalog_data"


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"a.toml": SECTION + ROW + "\n[x"}, "not valid TOML"),
        ({"a.toml": "[project]\nname = 'x'\n"}, "unknown table 'project'"),
        ({"a.toml": ROW}, "[[indicator]] rows need a [section]"),
        ({"a.toml": ""}, "holds no [section]"),
        ({"a.toml": SECTION + ROW, "b.toml": SECTION.replace("number = 0", "number = 1")}, "'iku' is also the code"),
        ({"a.toml": SECTION + ROW.replace("catatan = []", 'catatan = []\ntemplate = "t9"')}, "no template 't9'"),
        ({"a.toml": SECTION + ROW + ROW}, "duplicate id"),
        ({"a.toml": SECTION.replace('code = "iku"', 'code = "Iku X"')}, "lowercase letters"),
        ({"a.toml": '[[scale]]\nname = "s"\n'}, "a scale needs name, lower, upper and bands"),
        ({"a.toml": "[[template]]\nname = 'x'\n"}, "every [[template]] needs a template_id"),
        # before: TypeError ('int' object is not iterable; unhashable type: 'list')
        ({"a.toml": "scale = 5\n"}, "[[scale]] must be an array of tables"),
        ({"a.toml": "template = 5\n"}, "[[template]] must be an array of tables"),
        ({"a.toml": SECTION + ROW.replace("catatan = []", 'catatan = []\ntemplate = ["t9"]')}, "field 'template': must be str"),
    ],
)  # fmt: skip
def test_malformed_files(tmp_path: Path, files: dict[str, str], words: str) -> None:
    for name, text in files.items():
        write(tmp_path, name, text)
    with pytest.raises(CatalogDataError) as caught:
        catalog.load(tmp_path)
    assert words in str(caught.value)
    assert caught.value.file.endswith(".toml")


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(CatalogDataError, match="no such file or folder"):
        catalog.load(tmp_path / "nowhere")
    with pytest.raises(CatalogDataError, match=r"holds no \.toml file"):
        catalog.load(tmp_path)
    (tmp_path / "x.toml").write_bytes(b"\xff\xfe name")
    with pytest.raises(CatalogDataError, match="not UTF-8"):
        catalog.load(tmp_path)
    with pytest.raises(CatalogDataError, match="not int"):
        catalog.load(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        # before: bool("false") is True, so the band silently included 50
        ("upper_inclusive = false", 'upper_inclusive = "false"', "upper_inclusive must be true or false"),
        # before: load crashed (TypeError: unhashable type: 'dict')
        ('name = "biner"', "name = {}", "name must be text"),
        # before: loaded, then to_toml raised TypeError (no TOML form for 1.5)
        ('label = "Tercapai"', "label = 1.5", "label must be text"),
        # before: loaded, then to_json raised TypeError (datetime is not JSON serializable)
        ('label = "Tercapai"', "label = 2020-01-01T12:00:00", "label must be text"),
        # before: loaded as the catatan ('a', 'b', 'c')
        ('name = "biner"', 'name = "biner"\ncatatan = "abc"', "catatan must be a list of texts"),
        # before: the NumberTextError named no file
        ('upper = "50"', 'upper = "nan"', "'nan' is not a number"),
    ],
)  # fmt: skip
def test_a_scale_field_of_the_wrong_type_is_refused_at_load(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    write(tmp_path, "scales.toml", SCALE)
    assert catalog.load(tmp_path).scales["biner"].band(50).grade == "Y"  # the base loads
    write(tmp_path, "scales.toml", SCALE.replace(old, new, 1))
    with pytest.raises(CatalogDataError) as caught:
        catalog.load(tmp_path)
    assert words in str(caught.value)
    assert caught.value.file.endswith("scales.toml")


def test_a_file_over_the_size_limit_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sakip.catalog import _load

    write(tmp_path, "iku.toml", SECTION + ROW)
    monkeypatch.setattr(_load, "MAX_FILE_BYTES", 100)
    with pytest.raises(sakip.LimitError, match="over the limit of 100"):
        catalog.load(tmp_path)


# -- writing out ------------------------------------------------------------------------


def test_the_shipped_catalog_round_trips_through_toml(tmp_path: Path) -> None:
    folder = SHIPPED.to_toml(tmp_path / "banyuasin")
    again = catalog.load(folder)
    assert again == SHIPPED
    assert [s.code for s in again.sections] == [s.code for s in SHIPPED.sections]
    assert again.get("AKB").id == "iku.06"
    # a kecamatan row refers to its template instead of repeating it
    text = (folder / "34_kec_betung.toml").read_text(encoding="utf-8")
    block = text[text.index('id = "kec_betung.01"') :].split("[[indicator]]")[0]
    assert 'template = "kec.t08"' in block and "\nname = " not in block
    assert 'template_id = "kec.t08"' in (folder / "templates.toml").read_text(encoding="utf-8")
    # every written file names the format in its second line, as the shipped ones do
    for path in folder.glob("*.toml"):
        assert path.read_text(encoding="utf-8").splitlines()[1].startswith("# Format:")


def test_scales_are_written_exactly(tmp_path: Path) -> None:
    folder = SHIPPED.to_toml(tmp_path)
    text = (folder / "scales.toml").read_text(encoding="utf-8")
    assert 'upper = "43,75"' in text  # the IKM band D ends at 43,75 exactly
    assert catalog.load(folder).scales == SHIPPED.scales


def test_strings_that_need_escaping_survive(tmp_path: Path) -> None:
    odd = 'quote " backslash \\ tab \t newline \n DEL \x7f and ☺'
    row = ROW.replace('sumber_data = "BPS"', f"sumber_data = {json.dumps(odd)}")
    write(tmp_path, "iku.toml", SECTION + row)
    mine = catalog.load(tmp_path)
    assert mine.get("iku.01").sumber_data == odd
    assert catalog.load(mine.to_toml(tmp_path / "out")) == mine


def test_to_json_holds_every_field() -> None:
    data = json.loads(SHIPPED.to_json())
    assert len(data["sections"]) == 52
    assert sum(len(s["indicators"]) for s in data["sections"]) == 477
    akb: dict[str, Any] = next(i for i in data["sections"][0]["indicators"] if i["id"] == "iku.06")
    assert (akb["id"], akb["unit"], akb["polarity"]) == (
        "iku.06",
        "per_1000_kelahiran_hidup",
        "lower",
    )
    assert "formula" in akb and "formula_text" not in akb  # TOML names, as in the files
    ikm = next(s for s in data["scales"] if s["name"] == "ikm_kepmenpan_25_2004")
    assert ikm["band"][0]["upper"] == "43,75"


def test_equality_ignores_where_a_catalog_was_read(tmp_path: Path) -> None:
    again = catalog.load(SHIPPED.to_toml(tmp_path))
    assert again.get("iku.06").source_file != SHIPPED.get("iku.06").source_file
    assert again.get("iku.06") == SHIPPED.get("iku.06")


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=15), max_size=3))
def test_any_text_survives_a_toml_round_trip(text: str, notes: list[str]) -> None:
    """The oracle is identity: what the writer escapes, tomllib must read back as it was."""
    import attrs

    row = attrs.evolve(catalog.load().get("iku.26"), sumber_data=text, catatan=tuple(notes))
    section = attrs.evolve(SHIPPED.sections[0], indicators=(row,), name=text or "x")
    mine = catalog.Catalog(sections=(section,), scales={})
    with tempfile.TemporaryDirectory() as folder:
        again = catalog.load(mine.to_toml(folder))
    assert again == mine
    assert again.get("iku.26").sumber_data == text
