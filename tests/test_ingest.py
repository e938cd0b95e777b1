"""The ingest pipeline: incremental, one transaction per file, same result whatever the workers."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import extract, pipeline, store
from analytics.cli import app
from analytics.model import Figure

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_COUNT = re.compile(r"(\d+) (drones|missiles)")


def fake_extract(
    text: str, published_at: dt.datetime | None, *, doc_id: str = "", entry_id: str = ""
) -> list[Figure]:
    """'N drones' / 'N missiles' -> a launched figure: enough to exercise the store."""
    return [
        Figure(
            subject="drone" if m.group(2) == "drones" else "missile",
            measure="launched",
            value=int(m.group(1)),
            quote=text,
            span_start=m.start(),
            span_end=m.end(),
            rule="fake",
            doc_id=doc_id,
            entry_id=entry_id,
            published_at=published_at,
            event_date=published_at.date() if published_at else None,
        )
        for m in _COUNT.finditer(text)
    ]


@pytest.fixture(autouse=True)
def _fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "extract_figures", fake_extract)


def _record(i: int, prefix: str = "doc") -> dict:
    return {
        "id": f"{prefix}-{i}",
        "text": f"Overnight Russia launched {i + 10} drones and {i % 7} missiles at Ukraine.",
        "published_at": f"2024-11-{1 + i % 28:02d}T08:00:00",
        "outlet": "Test Wire",
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def make_corpus(folder: Path, n_big: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_jsonl(folder / "a_big.jsonl", [_record(i) for i in range(n_big)])
    write_jsonl(folder / "b_small.jsonl", [_record(i, "small") for i in range(3)])
    (folder / "c_note.txt").write_text("Air defence shot down 37 drones over the region.\n")
    # d repeats an id that a_big holds: stored once, from a_big.
    write_jsonl(folder / "d_dup.jsonl", [_record(1), _record(99, "d")])
    return folder


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without load times: what must not depend on how we ran."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("documents", "entries", "figures", "files"):
            cols = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ?"
                    " ORDER BY column_index",
                    [table],
                ).fetchall()
                if c != "ingested_at"
            ]
            out[table] = sorted(
                con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr
            )
        return out
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    return {table: len(rows) for table, rows in dump(db).items()}


def test_ingest_stores_documents_entries_figures(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    report = pipeline.ingest([corpus], db, workers=1)
    assert report.errors == [] and report.ok
    assert (report.files_seen, report.files_ingested) == (4, 4)
    assert report.duplicates == 1
    assert report.documents == 30 + 3 + 1 + 1
    got = counts(db)
    assert got["documents"] == report.documents
    assert got["entries"] == report.entries
    assert got["figures"] == report.figures > report.documents
    con = duckdb.connect(str(db), read_only=True)
    # Every document's entries are all there, and it links to its file.
    assert con.execute(
        "SELECT count(*) FROM documents d WHERE n_entries <>"
        " (SELECT count(*) FROM entries e WHERE e.doc_id = d.doc_id)"
        " OR source_path NOT IN (SELECT path FROM files)"
    ).fetchall() == [(0,)]
    # The duplicate id was kept from the first file.
    src = con.execute("SELECT source_path FROM documents WHERE doc_id = 'doc-1'").fetchall()
    assert src == [(str((corpus / "a_big.jsonl").resolve()),)]
    # Offsets point at the figure phrase.
    rows = con.execute(
        "SELECT e.text, f.span_start, f.span_end, f.value FROM figures f"
        " JOIN entries e USING (entry_id)"
    ).fetchall()
    con.close()
    for text, start, end, value in rows:
        assert text[start:end].startswith(str(value))


def test_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    pipeline.ingest([corpus], db, workers=1)
    before = dump(db)
    again = pipeline.ingest([corpus], db, workers=1)
    assert (again.files_unchanged, again.files_ingested, again.documents, again.figures) == (
        4,
        0,
        0,
        0,
    )
    assert dump(db) == before

    # A new mtime with the same bytes: hashed, found unchanged, only the mtime recorded.
    note = corpus / "c_note.txt"
    os.utime(note, ns=(1_000_000_000, 1_000_000_000))
    touched = pipeline.ingest([corpus], db, workers=1)
    assert (touched.files_unchanged, touched.files_ingested) == (4, 0)
    after = dump(db)
    assert after["documents"] == before["documents"]
    assert after["figures"] == before["figures"]
    con = duckdb.connect(str(db), read_only=True)
    mtime = con.execute("SELECT mtime_ns FROM files WHERE path = ?", [str(note.resolve())])
    assert mtime.fetchall() == [(1_000_000_000,)]
    con.close()


def test_changed_file_replaces_its_rows(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    pipeline.ingest([corpus], db, workers=1)
    changed = corpus / "b_small.jsonl"
    records = [_record(0, "small"), {**_record(1, "small"), "text": "Russia fired 5 missiles."}]
    write_jsonl(changed, records)  # small-2 dropped, small-1 rewritten
    report = pipeline.ingest([corpus], db, workers=1)
    assert (report.files_ingested, report.files_unchanged) == (1, 3)
    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT doc_id FROM documents WHERE doc_id LIKE 'small-%' ORDER BY 1")
    assert docs.fetchall() == [("small-0",), ("small-1",)]
    figs = con.execute(
        "SELECT subject, value FROM figures WHERE doc_id = 'small-1' ORDER BY 1"
    ).fetchall()
    assert figs == [("missile", 5)]
    assert con.execute("SELECT count(*) FROM entries WHERE doc_id = 'small-2'").fetchall() == [(0,)]
    assert con.execute("SELECT n_documents FROM files WHERE path = ?", [str(changed.resolve())])
    con.close()


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_the_same_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    # Small bounds so that the big file is shared between workers in many batches,
    # streamed in its own transaction, and small files are grouped.
    monkeypatch.setattr(pipeline, "BATCH_DOCS", 7)
    monkeypatch.setattr(pipeline, "SHARD_MIN_BYTES", 1000)
    monkeypatch.setattr(pipeline, "SMALL_FILE_CHARS", 800)
    monkeypatch.setattr(pipeline, "GROUP_FILES", 3)
    corpus = make_corpus(tmp_path / "in", n_big=120)
    records = [_record(i, "rep") for i in range(20)]
    records.insert(10, _record(3, "rep"))  # an id repeated inside one file, across batches
    write_jsonl(corpus / "e_repeats.jsonl", records)
    for i in range(6):
        (corpus / f"f_{i}.txt").write_text(f"Russia launched {i} drones.\n")
    one = pipeline.ingest([corpus], tmp_path / "one.duckdb", workers=1)
    many = pipeline.ingest([corpus], tmp_path / "many.duckdb", workers=workers)
    assert one.errors == many.errors == []
    assert (one.documents, one.duplicates, one.figures) == (
        many.documents,
        many.duplicates,
        many.figures,
    )
    assert one.duplicates == 2
    a, b = dump(tmp_path / "one.duckdb"), dump(tmp_path / "many.duckdb")
    for table in a:
        assert a[table] == b[table], table


def _fail_on(monkeypatch: pytest.MonkeyPatch, doc_id: str) -> None:
    """Make the entries insert fail for the batch holding `doc_id` (after documents went in)."""
    real = store._insert_entries

    def insert_entries(con, entries):
        if doc_id in entries.column("doc_id").to_pylist():
            raise duckdb.IOException("simulated write failure")
        real(con, entries)

    monkeypatch.setattr(store, "_insert_entries", insert_entries)


@pytest.mark.parametrize("streamed", [False, True], ids=["grouped", "streamed"])
def test_failure_mid_file_stores_nothing_of_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    if streamed:
        monkeypatch.setattr(pipeline, "SMALL_FILE_CHARS", 10)
        monkeypatch.setattr(pipeline, "BATCH_DOCS", 2)
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    _fail_on(monkeypatch, "small-2")
    report = pipeline.ingest([corpus], db, workers=1)
    bad = corpus / "b_small.jsonl"
    assert report.files_failed == 1 and report.files_ingested == 3
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{bad}: database error:")
    assert "\n" not in report.errors[0]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents WHERE doc_id LIKE 'small-%'").fetchall() == [
        (0,)
    ]
    assert con.execute(
        "SELECT count(*) FROM files WHERE path = ?", [str(bad.resolve())]
    ).fetchall()[0] == (0,)
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(32,)]
    con.close()


def test_failed_reload_keeps_the_old_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    pipeline.ingest([corpus], db, workers=1)
    before = dump(db)
    write_jsonl(corpus / "b_small.jsonl", [_record(i, "small") for i in range(4)])
    _fail_on(monkeypatch, "small-3")
    report = pipeline.ingest([corpus], db, workers=1)
    assert report.files_failed == 1
    assert dump(db) == before


KILL_SCRIPT = """
import os, signal, sys
from analytics import pipeline, store

real = store._insert_entries

def insert_entries(con, entries):
    if "small-0" in entries.column("doc_id").to_pylist():
        os.kill(os.getpid(), signal.SIGKILL)
    real(con, entries)

store._insert_entries = insert_entries
pipeline.ingest(sys.argv[2:], sys.argv[1], workers=1)
"""


def test_killed_run_leaves_no_half_loaded_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    first = corpus / "a_big.jsonl"
    pipeline.ingest([first], db, workers=1)
    before = dump(db)
    script = tmp_path / "kill.py"
    script.write_text(textwrap.dedent(KILL_SCRIPT))
    run = subprocess.run(
        [sys.executable, str(script), str(db), str(corpus)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    after = dump(db)
    assert after == before  # the earlier file intact, nothing of the interrupted load
    report = pipeline.ingest([corpus], db, workers=1)  # a rerun completes the job
    assert report.ok and report.files_ingested == 3 and report.files_unchanged == 1


def test_locked_database_is_one_line_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(store.StoreError, match="database is locked by another process"):
            pipeline.ingest([corpus], db, workers=1)
        result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("error: database is locked by another process:")
        assert str(db) in lines[0]
    finally:
        holder.kill()
        holder.wait()


def test_cli_ingest_summary_and_quiet(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "4 files: 4 ingested" in result.stderr
    quiet = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""
    bad_date = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--published", "x"])
    assert bad_date.exit_code == 2 and "--published" in bad_date.stderr


def test_published_option_dates_undated_files(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Russia launched 12 drones.\n")
    db = tmp_path / "f.duckdb"
    pipeline.ingest([note], db, published=dt.datetime(2024, 11, 13), workers=1)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT published_at FROM documents").fetchall() == [
        (dt.datetime(2024, 11, 13),)
    ]
    assert con.execute("SELECT event_date FROM figures").fetchall() == [(dt.date(2024, 11, 13),)]
    con.close()


def test_dev_corpus_and_texts_ingest_once(tmp_path: Path) -> None:
    if not (SHARED / "dev" / "corpus.jsonl").exists():
        pytest.skip("../shared/dev is absent")
    db = tmp_path / "f.duckdb"
    report = pipeline.ingest(
        [SHARED / "dev" / "corpus.jsonl", SHARED / "dev" / "texts"], db, workers=2
    )
    assert report.ok, report.errors
    assert report.documents == 24 and report.duplicates == 24


def _in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounds that make a_big.jsonl a huge file, committed in parts of a few batches."""
    monkeypatch.setattr(pipeline, "SMALL_FILE_CHARS", 10)
    monkeypatch.setattr(pipeline, "BATCH_DOCS", 4)
    monkeypatch.setattr(pipeline, "PART_CHARS", 600)


def test_huge_file_in_parts_gives_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "in")
    whole = pipeline.ingest([corpus], tmp_path / "whole.duckdb", workers=1)
    _in_parts(monkeypatch)
    parts = pipeline.ingest([corpus], tmp_path / "parts.duckdb", workers=2)
    assert whole.errors == parts.errors == []
    assert dump(tmp_path / "whole.duckdb") == dump(tmp_path / "parts.duckdb")
    again = pipeline.ingest([corpus], tmp_path / "parts.duckdb", workers=1)
    assert again.files_unchanged == 4 and again.documents == 0


def test_huge_file_failing_after_parts_leaves_none_of_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "in")
    db = tmp_path / "f.duckdb"
    _in_parts(monkeypatch)
    _fail_on(monkeypatch, "doc-25")
    report = pipeline.ingest([corpus], db, workers=1)
    assert report.files_failed == 1
    assert "loaded in parts" in report.errors[0] and "\n" not in report.errors[0]
    con = duckdb.connect(str(db), read_only=True)
    big = str((corpus / "a_big.jsonl").resolve())
    assert con.execute("SELECT count(*) FROM files WHERE path = ?", [big]).fetchall() == [(0,)]
    assert con.execute(
        "SELECT count(*) FROM documents WHERE source_path = ?", [big]
    ).fetchall() == [(0,)]
    # doc-1 is no longer stored from a_big, so d_dup's copy is kept: 3 + 1 + 2.
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(6,)]
    con.close()
