"""The batch path: Arrow in, Arrow out; Parquet parts equal to what `figures ingest` stores."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from analytics import batch, pipeline, store
from analytics.demo.generate import generate_reports
from analytics.model import Document

CORPUS_BYTES = 60_000


def _write_corpus(folder: Path, target: int = CORPUS_BYTES) -> list[Path]:
    """Two JSON-lines files of generated reports, the second repeating one id of the first."""
    docs = list(generate_reports(target, seed=7))
    half = len(docs) // 2
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    first.write_text("".join(json.dumps(d) + "\n" for d in docs[:half]), encoding="utf-8")
    repeated = {**docs[0], "text": docs[0]["text"] + " Changed."}
    lines = [json.dumps(d) + "\n" for d in [*docs[half:], repeated]]
    second.write_text("".join(lines) + "{not json\n", encoding="utf-8")
    return [first, second]


def _ingested(paths: list[Path], db: Path) -> dict[str, pa.Table]:
    """Figures and entries as `figures ingest` (one worker) stores them, in key order."""
    pipeline.ingest(paths, db, workers=1, quiet=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: con.sql(
                f"SELECT {', '.join(schema.names)} FROM {table} ORDER BY {key}"
            ).to_arrow_table()
            for table, schema, key in (
                ("figures", store.FIGURE_ROW_SCHEMA, "figure_id"),
                ("entries", store.ENTRY_SCHEMA, "entry_id"),
            )
        }
    finally:
        con.close()


def _from_parquet(out: Path, table: str, key: str) -> pa.Table:
    glob = batch.parquet_glob(out, table)
    return duckdb.sql(f"SELECT * FROM read_parquet('{glob}') ORDER BY {key}").to_arrow_table()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _ingested(corpus, tmp_path_factory.mktemp("db") / "ref.duckdb")


def test_extract_batch_is_a_pure_arrow_function() -> None:
    docs = batch.documents_table(
        [
            Document("d1", "Russia launched 40 drones overnight, the air force said."),
            Document("d2", "Nothing to count here."),
            Document("d1", "A repeated id keeps its first copy: 9 missiles."),
        ]
    )
    figures = batch.extract_batch(docs)
    assert figures.schema == store.FIGURE_ROW_SCHEMA
    assert figures.num_rows >= 1
    assert set(figures.column("doc_id").to_pylist()) == {"d1"}
    assert 40 in figures.column("value").to_pylist()
    assert 9 not in figures.column("value").to_pylist()
    # the same input gives the same output
    assert batch.extract_batch(docs).equals(figures)


def test_extract_batch_needs_text_and_id() -> None:
    with pytest.raises(ValueError, match="text"):
        batch.extract_batch(pa.table({"doc_id": ["x"]}))


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_matches_ingest(
    corpus: list[Path], reference: dict, tmp_path: Path, workers: int
) -> None:
    report = batch.extract_to_parquet(corpus, tmp_path, workers=workers, batch_docs=7)
    assert report.ok, report.errors
    assert report.parts > 2  # several batches, so ordering across parts is exercised
    assert report.duplicates == 1 and report.n_warnings == 1
    assert _from_parquet(tmp_path, "figures", "figure_id").equals(reference["figures"])
    assert _from_parquet(tmp_path, "entries", "entry_id").equals(reference["entries"])


def test_dask_local_cluster_matches_ingest(
    corpus: list[Path], reference: dict, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="dask.distributed not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        assert len(cluster.workers) == 2
        report = batch.extract_to_parquet(
            corpus, tmp_path, engine="dask", scheduler=cluster.scheduler_address, batch_docs=7
        )
    finally:
        cluster.close()
    assert report.ok, report.errors
    assert report.figures == reference["figures"].num_rows > 0
    got = _from_parquet(tmp_path, "figures", "figure_id")
    assert got.column("figure_id").equals(reference["figures"].column("figure_id"))
    assert got.equals(reference["figures"])


def test_parquet_loads_into_a_database_with_views(
    corpus: list[Path], reference: dict, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch.extract_to_parquet(corpus, out, workers=1)
    counts = batch.parquet_to_db(out, tmp_path / "p.duckdb")
    assert counts["figures"] == reference["figures"].num_rows
    con = store.open_db(tmp_path / "p.duckdb", read_only=True)
    try:
        days = con.sql("SELECT count(*) FROM daily_series").fetchall()[0][0]
    finally:
        con.close()
    assert days > 0
    # loading twice adds nothing
    assert batch.parquet_to_db(out, tmp_path / "p.duckdb") == counts


def test_rerun_replaces_parts_and_empty_input_leaves_readable_tables(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "part-00042.parquet").write_bytes(b"stale")
    report = batch.extract_to_parquet([empty], out, workers=1)
    assert report.parts == 1 and report.figures == 0
    assert not (out / "figures" / "part-00042.parquet").exists()
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{batch.parquet_glob(out, 'figures')}')")
    assert n.fetchall()[0][0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"engine": "spark"}, "engine 'spark'"),
        ({"batch_docs": 0}, "positive"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, args: dict, message: str) -> None:
    with pytest.raises(batch.BatchError, match=message):
        batch.extract_to_parquet([], tmp_path, **args)


def test_missing_file_is_reported_and_the_rest_extracted(
    corpus: list[Path], tmp_path: Path
) -> None:
    report = batch.extract_to_parquet([tmp_path / "nope.jsonl", corpus[0]], tmp_path / "o")
    assert report.files_failed == 1 and "nope.jsonl" in report.errors[0]
    assert report.documents > 0


def test_cli_extract(corpus: list[Path], tmp_path: Path) -> None:
    from analytics.cli import app

    out = tmp_path / "cli-out"
    result = CliRunner().invoke(app, ["extract", *map(str, corpus), "--out", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "figures in" in result.output
    assert any((out / "figures").glob("part-*.parquet"))
