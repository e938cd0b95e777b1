"""Bad input files: one line "PATH: reason" each, the other files still ingested, nothing lost."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import pipeline
from analytics.cli import app


def _good(folder: Path) -> Path:
    path = folder / "good.jsonl"
    records = [{"id": f"g{i}", "text": f"Russia launched {i + 5} drones."} for i in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def _truncated_gz(path: Path) -> None:
    lines = "".join(
        json.dumps({"id": f"t{i}", "text": f"Report {i}: " + "words " * 200}) + "\n"
        for i in range(200)
    )
    data = gzip.compress(lines.encode())
    path.write_bytes(data[: len(data) // 2])


# name, how to write it, words the reason must hold
BAD_FILES = [
    ("binary.txt", lambda p: p.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100), "binary"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("blank.jsonl", lambda p: p.write_text("\n\n  \n"), "empty"),
    ("latin.txt", lambda p: p.write_bytes(b"\xff\xfe\xfd\x81"), "UTF-8"),
    ("cut.jsonl.gz", _truncated_gz, "gzip"),
    ("fake.txt.gz", lambda p: p.write_bytes(b"this is not gzip at all" * 10), "gzip"),
]


@pytest.mark.parametrize(("name", "write", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_one_error_and_others_are_stored(
    tmp_path: Path, name: str, write, reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = _good(folder)
    bad = folder / name
    write(bad)
    db = tmp_path / "f.duckdb"

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(bad))]
    assert len(errors) == 1, result.stderr
    assert reason.lower() in errors[0].lower()
    assert "Traceback" not in result.stderr
    assert "1 failed" in result.stderr

    con = duckdb.connect(str(db), read_only=True)
    docs = con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()
    paths = con.execute("SELECT path FROM files").fetchall()
    con.close()
    assert docs == [("g0",), ("g1",), ("g2",)]
    assert paths == [(str(good.resolve()),)]


def test_bad_file_never_removes_what_was_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    victim = folder / "later.jsonl"
    victim.write_text(json.dumps({"id": "v1", "text": "Russia launched 9 drones."}) + "\n")
    db = tmp_path / "f.duckdb"
    assert pipeline.ingest([folder], db, workers=1).ok
    victim.write_bytes(b"\x00\x00binary now\x00" * 50)  # the file went bad since
    report = pipeline.ingest([folder], db, workers=1)
    assert report.files_failed == 1 and report.errors[0].startswith(f"{victim}: ")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents WHERE doc_id = 'v1'").fetchall() == [(1,)]
    con.close()


def test_malformed_jsonl_lines_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": "Russia launched 3 drones."})
        + "\n{not json\n"
        + json.dumps({"text": "no id"})
        + "\n"
        + json.dumps({"id": "ok2", "text": "Russia launched 4 drones."})
        + "\n"
    )
    db = tmp_path / "f.duckdb"
    report = pipeline.ingest([path], db, workers=1)
    assert report.ok and report.documents == 2
    assert report.n_warnings == 2
    assert all(w.startswith(f"{path}: line ") for w in report.warnings)

    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "g.duckdb")])
    assert result.exit_code == 0
    assert f"skipped {path}: line 2:" in result.stderr


@pytest.mark.parametrize(
    ("given", "reason"),
    [("missing.jsonl", "no such file"), ("table.csv", "unsupported file type")],
)
def test_bad_path_argument(tmp_path: Path, given: str, reason: str) -> None:
    good = _good(tmp_path)
    bad = tmp_path / given
    if given.endswith(".csv"):
        bad.write_text("a,b\n1,2\n")
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(bad), str(good), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{bad}: {reason}" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(3,)]
    con.close()


def test_bad_files_with_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    for name, write, _ in BAD_FILES:
        write(folder / name)
    report = pipeline.ingest([folder], tmp_path / "f.duckdb", workers=2)
    assert report.files_failed == len(BAD_FILES)
    assert report.files_ingested == 1 and report.documents == 3
    assert sorted(e.split(": ")[0] for e in report.errors) == sorted(
        str(folder / name) for name, _, _ in BAD_FILES
    )
