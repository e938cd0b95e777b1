"""Every notebook in notebooks/ runs headless, top to bottom, against a demo
database built in a temporary directory; committed notebooks carry no outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import chart_fixtures as fx
import nbformat
import pytest
from duckdb_cli import DUCKDB_CLI, cli_count, tables_and_views
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "python3"


def _kernel_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    """Environment the kernel inherits: the database, the output folder, the package."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + (os.pathsep + path if path else ""))


def _run(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    client = NotebookClient(
        nb, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()
    return nb


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested through the pipeline, with the reference nights loaded.

    Until the extractor finds figures in the demo corpus, the chart fixture's
    figures are stored instead, so the notebook still has nights to show.
    """
    from analytics import store
    from analytics.demo import corpus_path, reference_path
    from analytics.pipeline import ingest
    from analytics.reference import load_reference

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = ingest([corpus_path()], path, workers=1, quiet=True, progress=False)
    assert report.files_failed == 0, report.errors
    con = store.open_db(path)
    try:
        load_reference(con, reference_path())
        n_figures = con.sql("SELECT count(*) FROM figures").fetchall()[0][0]
        if n_figures == 0:
            docs, entries, figures = fx.fixture_records()
            record = store.FileRecord(
                path="chart-fixture.jsonl",
                size=0,
                mtime_ns=0,
                sha256="fixture",
                n_documents=len(docs),
            )
            store.replace_file(con, record, docs, entries, figures)
    finally:
        con.close()
    return path


def test_there_is_a_notebook():
    assert NOTEBOOKS, "notebooks/ holds no .ipynb file"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == KERNEL
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {i} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {i} has a count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_defines_no_functions(path: Path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            lines = cell.source.splitlines()
            assert not any(line.lstrip().startswith(("def ", "class ")) for line in lines), (
                f"{path.name}: cell {i} defines code the package should own"
            )


def test_kernel_runs_in_this_environment(tmp_path, monkeypatch):
    """The `python3` kernel nbclient starts is this interpreter, with this venv's packages."""
    _kernel_env(monkeypatch)
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "import sys, ipykernel, analytics\nprint(sys.prefix)\nprint(analytics.__file__)"
            )
        ]
    )
    _run(nb, tmp_path)
    prefix, package = nb.cells[0].outputs[0]["text"].split()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve()
    assert Path(package).resolve().is_relative_to(ROOT)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_headless(path: Path, demo_db: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "output"
    _kernel_env(monkeypatch, FIGURES_DB=str(demo_db), FIGURES_OUT=str(out))
    nb = _run(nbformat.read(path, as_version=4), path.parent)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    images = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    assert images, "no chart was drawn as PNG in the notebook"
    if path.name == "01_tour_of_the_demo.ipynb":
        written = sorted(p.name for p in out.iterdir())
        assert written == [
            "air_defence.html",
            "air_defence.png",
            "reporters.png",
            "share_downed.png",
        ]


def test_duckdb_1x_cli_reads_the_demo_database(demo_db: Path) -> None:
    """Users open the demo file with the DuckDB CLI they have (1.5 here): every table and view."""
    if not DUCKDB_CLI.exists():
        pytest.skip("duckdb CLI (duckdb-cli package) not installed")
    names = tables_and_views(demo_db)
    assert {"figures", "claims", "daily_series", "air_defence", "reference_comparison"} <= set(
        names
    )
    counts = {name: cli_count(demo_db, name) for name in names}
    assert counts["daily_series"] > 100  # hundreds of nightly values
