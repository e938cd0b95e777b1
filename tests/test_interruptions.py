"""Interruptions lose nothing: `figures ingest` killed at random moments, then re-run.

A corpus of a few hundred generated reports across several files is ingested
by `python -m analytics ingest` in a child process, which is killed with
SIGKILL (the whole process group, workers included) at a random moment, at
least KILLS times. After every kill the database must open and hold only
whole documents, each exactly as a clean run stores it; at the end a last run
completes and the database equals the clean run's, row for row.

Half the runs use small transaction bounds (one commit per file, the largest
file committed in parts), so that kills also land between commits and in the
middle of a file loaded in parts.

A locked database, an unwritable destination and a full disk give one-line
errors (the lock and read-only directory cases are in test_ingest.py and
test_store.py; here the full disk, and the lock for `figures sql`).
"""

from __future__ import annotations

import errno
import gzip
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import pipeline, store
from analytics.cli import app
from analytics.demo.generate import generate_reports

ROOT = Path(__file__).resolve().parents[1]
KILLS = int(os.environ.get("FIGURES_KILLS", "20"))
CORPUS_BYTES = 220_000  # about 200 documents
SEED = 7
TABLES = ("documents", "entries", "figures", "files")

# Run `figures ingest` with small bounds: a commit per file, the big file in parts.
SMALL_BOUNDS = """
import sys
from analytics import pipeline
pipeline.GROUP_FILES = 1
pipeline.SMALL_FILE_CHARS = 20_000
pipeline.BATCH_DOCS = 10
pipeline.PART_CHARS = 40_000
from analytics.cli import main
sys.argv = ["figures", *sys.argv[1:]]
main()
"""


def make_corpus(folder: Path) -> int:
    """Four JSON-lines files, one gzipped, and a few text files; returns the document count."""
    folder.mkdir(parents=True)
    docs = list(generate_reports(CORPUS_BYTES, seed=SEED))
    n_text = 12
    texts, rest = docs[:n_text], docs[n_text:]
    for i, doc in enumerate(texts):
        header = f"id: {doc['id']}\npublished: {doc['published_at']}\n---\n"
        (folder / f"note_{i:02d}.txt").write_text(header + doc["text"] + "\n", encoding="utf-8")
    cuts = [0, len(rest) // 2, 3 * len(rest) // 4, 7 * len(rest) // 8, len(rest)]
    for i, (a, b) in enumerate(itertools.pairwise(cuts)):
        name = f"part_{i}.jsonl"
        lines = "".join(json.dumps(d) + "\n" for d in rest[a:b])
        if i == 3:
            (folder / f"{name}.gz").write_bytes(gzip.compress(lines.encode()))
        else:
            (folder / name).write_text(lines, encoding="utf-8")
    return len(docs)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without load times."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ?"
                    " ORDER BY column_index",
                    [table],
                ).fetchall()
                if c != "ingested_at"
            ]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def by_document(rows: dict[str, list[tuple]]) -> dict[str, tuple]:
    """doc_id -> (document row, its entries, its figures), to compare document by document."""
    docs = {r[0]: r for r in rows["documents"]}
    entries: dict[str, list] = {}
    for r in rows["entries"]:
        entries.setdefault(r[1], []).append(r)  # entry_id, doc_id, ...
    figures: dict[str, list] = {}
    for r in rows["figures"]:
        figures.setdefault(r[1], []).append(r)  # figure_id, doc_id, ...
    return {
        doc_id: (
            row,
            sorted(entries.get(doc_id, []), key=repr),
            sorted(figures.get(doc_id, []), key=repr),
        )
        for doc_id, row in docs.items()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("interrupt") / "in"
    return folder, make_corpus(folder)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What one clean, uninterrupted run stores."""
    folder, n_docs = corpus
    db = tmp_path_factory.mktemp("reference") / "clean.duckdb"
    report = pipeline.ingest([folder], db, workers=1, quiet=True)
    assert report.ok and report.documents == n_docs, report.errors
    return dump(db)


def _command(folder: Path, db: Path, small_bounds: bool) -> list[str]:
    args = ["ingest", str(folder), "--db", str(db), "--workers", "2", "--quiet"]
    if small_bounds:
        return [sys.executable, "-c", SMALL_BOUNDS, *args]
    return [sys.executable, "-m", "analytics", *args]


def _start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def _run(command: list[str]) -> tuple[int, str, float]:
    start = time.perf_counter()
    child = _start(command)
    _, err = child.communicate(timeout=300)
    return child.returncode, err.decode(errors="replace"), time.perf_counter() - start


def check_consistent(db: Path, ref_docs: dict[str, tuple], ref_files: dict[str, tuple]) -> int:
    """The database opens and holds only whole documents, each as the clean run stores it.

    A run killed while creating the database may leave a DuckDB file with no
    tables yet: that holds nothing, and the next run creates the tables.
    """
    raw = duckdb.connect(str(db), read_only=True)
    n_tables = raw.execute("SELECT count(*) FROM duckdb_tables()").fetchall()[0][0]
    raw.close()
    if n_tables == 0:
        return 0
    store.open_db(db, read_only=True).close()  # opens as a figures database
    rows = dump(db)
    got = by_document(rows)
    for doc_id, stored in got.items():
        assert doc_id in ref_docs, f"unknown document {doc_id}"
        row, entries, figures = stored
        ref_row, ref_entries, ref_figures = ref_docs[doc_id]
        assert row == ref_row, f"{doc_id}: document row differs"
        assert entries == ref_entries, f"{doc_id}: half-loaded entries"
        assert figures == ref_figures, f"{doc_id}: half-loaded figures"
    ids = [r[0] for r in rows["documents"]]
    assert len(ids) == len(set(ids))
    assert {r[1] for r in rows["entries"]} <= set(ids)
    assert {r[1] for r in rows["figures"]} <= set(ids)
    # A file recorded as complete has all its documents.
    for path, size, *_ in rows["files"]:
        if size == -1:
            continue  # committed in parts, not finished: the next run reloads it
        assert rows["files"] and path in ref_files, path
        expected = {d for d, (r, _, _) in ref_docs.items() if r[1] == path}
        stored_here = {d for d, (r, _, _) in got.items() if r[1] == path}
        assert stored_here == expected, f"{path}: recorded complete but documents missing"
    return len(ids)


def test_sigkill_at_random_moments_loses_nothing(
    corpus: tuple[Path, int], reference: dict, tmp_path: Path
) -> None:
    folder, n_docs = corpus
    ref_docs = by_document(reference)
    ref_files = {r[0]: r for r in reference["files"]}
    rng = random.Random(SEED)
    db = tmp_path / "killed.duckdb"

    # How long a whole run takes here, with each kind of bounds (on a scratch database),
    # and how much of that is starting up (a run over an empty folder).
    durations = {}
    for small in (False, True):
        code, err, seconds = _run(_command(folder, tmp_path / f"time-{small}.duckdb", small))
        assert code == 0, err
        durations[small] = seconds
    empty = tmp_path / "empty"
    empty.mkdir()
    _, _, startup = _run(_command(empty, tmp_path / "time-empty.duckdb", False))

    kills = finished = attempts = 0
    stored_after_kill: list[int] = []
    while kills < KILLS:
        attempts += 1
        assert attempts < 4 * KILLS, f"only {kills} kills landed in {attempts} runs"
        small = attempts % 2 == 1
        child = _start(_command(folder, db, small))
        # One kill in four while starting up, the others while reading and writing.
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0.05, startup))
        else:
            time.sleep(rng.uniform(min(startup, 0.9 * durations[small]), durations[small]))
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=60)
        if child.returncode == -signal.SIGKILL:
            child.stderr.close()
            kills += 1
            stored_after_kill.append(
                check_consistent(db, ref_docs, ref_files) if db.exists() else 0
            )
        else:  # it finished by itself, perhaps between the poll and the kill
            err = child.stderr.read().decode(errors="replace")
            child.stderr.close()
            assert child.returncode == 0, err
            finished += 1
            check_consistent(db, ref_docs, ref_files)
            db.unlink()  # start over, so that later kills still find work to interrupt
            for extra in db.parent.glob(db.name + ".*"):
                extra.unlink()

    # Random moments may all miss one of the two interesting cases on a fast or a slow
    # machine; aim for them: a kill right at start (nothing stored yet), and kills at
    # spread fractions of a run committing file by file until one lands between commits.
    for fraction in (0.0, 0.5, 0.35, 0.65, 0.25, 0.8, 0.45, 0.55, 0.15, 0.9):
        if any(n == 0 for n in stored_after_kill) and any(
            0 < n < n_docs for n in stored_after_kill
        ):
            break
        for stale in (db, *db.parent.glob(db.name + ".*")):
            stale.unlink(missing_ok=True)
        child = _start(_command(folder, db, True))
        time.sleep(0.02 if fraction == 0.0 else fraction * durations[True])
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=60)
            kills += 1
            stored_after_kill.append(
                check_consistent(db, ref_docs, ref_files) if db.exists() else 0
            )
        else:
            child.wait(timeout=60)
        child.stderr.close()

    # The last run completes the job.
    code, err, _ = _run(_command(folder, db, small_bounds=False))
    assert code == 0, err
    assert check_consistent(db, ref_docs, ref_files) == n_docs
    assert dump(db) == reference
    # And a further run finds nothing to do.
    report = pipeline.ingest([folder], db, workers=1, quiet=True)
    assert report.ok and report.documents == 0 and report.files_ingested == 0
    print(
        f"\n{kills} kills survived ({finished} runs finished first; whole runs took"
        f" {durations[False]:.1f} s and {durations[True]:.1f} s, {startup:.1f} s to start);"
        f" documents stored when killed: {stored_after_kill}"
    )
    # Kills landed both before anything was stored and between commits.
    assert any(n == 0 for n in stored_after_kill)
    assert any(0 < n < n_docs for n in stored_after_kill)


# --------------------------------------------------------------------------- full disk, lock


def test_full_disk_is_a_one_line_error_and_keeps_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB's write failing with ENOSPC: the file is reported, earlier files stay stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Russia launched 40 drones overnight."}) + "\n"
    )
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": "Air defence shot down 12 missiles."}) + "\n"
    )
    db = tmp_path / "f.duckdb"
    pipeline.ingest([folder / "a.jsonl"], db, workers=1, quiet=True)
    before = dump(db)
    real = store.Loader.commit

    def full_disk(self, records):
        raise duckdb.IOException(f'Could not write file "{db}.wal": {os.strerror(errno.ENOSPC)}')

    monkeypatch.setattr(store.Loader, "commit", full_disk)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    monkeypatch.setattr(store.Loader, "commit", real)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "No space left" in line]
    assert len(errors) == 1 and errors[0].startswith(f"{folder / 'b.jsonl'}: database error:")
    assert "Traceback" not in result.stderr
    assert dump(db) == before
    # Space again: the next run stores the file.
    assert pipeline.ingest([folder], db, workers=1, quiet=True).ok
    assert len(dump(db)["documents"]) == 2


def _tiny_tmpfs(tmp_path: Path) -> Path | None:
    """A 1 MiB tmpfs mounted under tmp_path, or None when mounting is not allowed."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return mount if done.returncode == 0 else None


def test_real_full_disk_on_a_tiny_tmpfs(tmp_path: Path) -> None:
    """A database on a 1 MiB filesystem: a clear error, never a traceback or a corrupt file."""
    mount = _tiny_tmpfs(tmp_path)
    if mount is None:
        pytest.skip("cannot mount a tmpfs here (needs root or a user namespace)")
    try:
        folder = tmp_path / "in"
        folder.mkdir()
        docs = list(generate_reports(400_000, seed=11))
        (folder / "big.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
        db = mount / "f.duckdb"
        code, err, _ = _run([sys.executable, "-m", "analytics", "ingest", str(folder), "--db",
                             str(db), "--workers", "1", "--quiet"])  # fmt: skip
        assert code == 1, err
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, err
        assert "space" in lines[0].lower() or "disk" in lines[0].lower(), lines[0]
        if db.exists():  # whatever was committed still opens
            try:
                store.open_db(db, read_only=True).close()
            except store.StoreError as exc:
                pytest.fail(f"database unreadable after a full disk: {exc}")
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=30)


def test_sql_on_a_database_being_written_is_a_clear_error(tmp_path: Path) -> None:
    """`figures sql` while an ingest holds the write lock: one line, names the database."""
    db = tmp_path / "f.duckdb"
    store.open_db(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
         " time.sleep(60)", str(db)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = CliRunner().invoke(app, ["sql", "SELECT count(*) FROM figures", "--db", str(db)])
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "locked" in lines[0] and str(db) in lines[0], result.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
