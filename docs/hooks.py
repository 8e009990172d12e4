"""MkDocs hooks: pages generated at build time from the project's own sources, so no
fact is written twice.

* ``getting-started.md`` is README.md (its two commands are the getting started);
* ``reference/index.md`` and one page per perangkat daerah: the catalog, from the TOML
  data through ``sakip.catalog.load()``, with ``sakip.lint()`` findings per indicator;
* ``cli.md``: the ``--help`` of ``sakip`` and of each subcommand.

The navigation is built here too, because the catalog's pages are known only at build
time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

import sakip

ROOT = Path(__file__).resolve().parent.parent
_STATIC_NAV: list[Any] = [
    {"Home": "index.md"},
    {"Getting started": "getting-started.md"},
    {"The formula language": "language.md"},
    {"The catalog": "catalog.md"},
    {"Catalog data format": "catalog-format.md"},
    {"Drafting a catalog": "draft.md"},
    {"Pengukuran kinerja": "measure.md"},
    {"Property tests (sakip.testing)": "testing.md"},
    {"Command line": "cli.md"},
    {"API reference": "api.md"},
]


def _cell(text: object) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def _section_page(section: Any, findings: dict[str, list[str]]) -> str:
    lines = [
        f"# {section.name}",
        "",
        f"Code `{section.code}`; {len(section.indicators)} indicators.",
    ]
    if getattr(section, "tugas_pokok", None):
        lines += ["", f"**Tugas pokok.** {_cell(section.tugas_pokok)}"]
    lines += [
        "",
        "| id | indikator | rumus as printed | formula | unit | penanggung jawab |"
        " sumber data | lint |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for ind in section.indicators:
        formula = f"`{_cell(ind.formula_text)}`" if ind.formula_text else "(direct measure)"
        lint = "<br>".join(_cell(m) for m in findings.get(ind.id, [])) or ""
        lines.append(
            f"| `{ind.id}` | {_cell(ind.name)} | {_cell(ind.rumus_asli)} | {formula} |"
            f" {_cell(ind.satuan)} | {_cell(ind.penanggung_jawab)} | {_cell(ind.sumber_data)} |"
            f" {lint} |"
        )
    return "\n".join(lines) + "\n"


def _catalog_pages() -> dict[str, str]:
    catalog = sakip.catalog.load()
    findings: dict[str, list[str]] = {}
    for finding in sakip.lint():
        findings.setdefault(finding.id, []).append(f"{finding.kind}: {finding.message}")
    pages = {}
    for section in catalog.sections:
        name = "index" if section.number == 0 else section.code
        pages[f"reference/{name}.md"] = _section_page(section, findings)
    return pages


def _help(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "sakip", *args, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": "88", "PYTHONIOENCODING": "utf-8", "PATH": ""},
    )
    return done.stdout


def _cli_page() -> str:
    top = _help()
    commands = re.search(r"\{([\w,-]+)\}", top)
    lines = ["# Command line", "", "```text", top.rstrip(), "```"]
    for command in commands.group(1).split(",") if commands else []:
        lines += ["", f"## sakip {command}", "", "```text", _help(command).rstrip(), "```"]
    return "\n".join(lines) + "\n"


def _pages() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return {"getting-started.md": readme, "cli.md": _cli_page(), **_catalog_pages()}


def on_config(config: Any) -> Any:
    catalog = sakip.catalog.load()
    reference = [
        {
            (
                "Lampiran I" if s.number == 0 else s.name
            ): f"reference/{'index' if s.number == 0 else s.code}.md"
        }
        for s in catalog.sections
    ]
    config["nav"] = [*_STATIC_NAV[:5], {"Catalog reference": reference}, *_STATIC_NAV[5:]]
    return config


def on_files(files: Files, config: Any) -> Files:
    for path, content in _pages().items():
        files.append(File.generated(config, path, content=content))
    return files
