"""The bad-input catalogue, end to end through `figures ingest`.

Each row is one kind of bad file put next to a good one. The run must never
crash or corrupt the database: the good file is stored, the bad one is either
reported on one stderr line "PATH: reason" (exit status 1) or recovered as
documented (exit status 0, skipped records listed as warnings). Reader-level
details of the same inputs are in test_readers.py; test_bad_input.py holds
the first few rows (binary, empty, truncated and fake gzip).

Recoveries, documented:
- a JSON line with wrong types or no `text`: that line is skipped with a
  warning naming the line; the file's other lines are stored;
- a Telegram message with missing fields: that message is skipped (no text,
  no id, no date) or stored without the field (no sender, no chat name);
- cp1251 and latin-1 text files: the encoding is detected and the text stored
  correctly; bytes that decode as nothing sensible are reported;
- a date that does not exist (31 February): the date is treated as absent;
- a symlink loop: each file and folder is visited once, the loop ignored.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import store
from analytics.cli import app
from analytics.readers import _io

ROOT = Path(__file__).resolve().parents[1]
GOOD_IDS = [("good-1",), ("good-2",)]
CATALOGUE_GZIP_CAP = 16 << 20

UKRAINIAN = (
    "Сили протиповітряної оборони вночі збили тридцять сім ударних дронів над областю, "
    "повідомила обласна військова адміністрація. Пошкоджено два приватні будинки."
)
FRENCH = (
    "La défense aérienne a abattu trente-sept drones au-dessus de la région, a indiqué "
    "l'état-major. Deux maisons ont été endommagées à l'aube, sans victime."
)


def _good(folder: Path) -> None:
    records = [
        {"id": "good-1", "text": "Russia launched 40 drones overnight.", "published_at": "2024-11-13"},
        {"id": "good-2", "text": "Air defence shot down 12 missiles.", "published_at": "2024-11-13"},
    ]  # fmt: skip
    (folder / "good.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))


def _jsonl(*records: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()


def _telegram(messages: list, **chat: object) -> bytes:
    return json.dumps({**chat, "messages": messages}).encode()


@dataclass(frozen=True)
class Case:
    """A bad file: its name, its bytes, and what the run must say about it."""

    name: str
    content: bytes | Callable[[Path], None]
    error: str | None = None  # words of the one-line error; None: recovered
    warnings: int = 0  # records skipped with a warning
    stored: tuple[str, ...] = ()  # doc ids that must be stored from it


CASES = [
    # binary files under every extension a reader would take
    Case("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    Case("program.json", b"\x7fELF\x02\x01\x01\x00" + bytes(300), "binary"),
    Case("archive.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(32)) * 40, "binary"),
    Case("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16]) * 100, "binary"),
    # encodings
    Case("mostly-utf8.txt", b"Russia launched 40 drones. " * 20 + b"\xff\xfe\x00", "binary"),
    Case("invalid-utf8.txt", b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 3, "UTF-8"),
    Case(
        "cp1251.txt",
        b"id: cp1251\n---\n" + UKRAINIAN.encode("cp1251"),
        stored=("cp1251",),
    ),
    Case("latin1.txt", b"id: latin1\n---\n" + FRENCH.encode("latin-1"), stored=("latin1",)),
    Case(
        "cp1251.html",
        b"<html><body><p>" + UKRAINIAN.encode("cp1251") + b"</p></body></html>",
        stored=("cp1251",),
    ),
    Case(
        "bad-utf8-line.jsonl",
        _jsonl({"id": "u1", "text": "Russia launched 5 drones."})
        + b'{"id": "u2", "text": "\xff\xfe broken"}\n',
        warnings=1,
        stored=("u1",),
    ),
    # empty files
    Case("empty.html", b"", "empty"),
    Case("whitespace.md", b" \n\t\n  \r\n", "empty"),
    Case("empty.json", b"", "empty"),
    Case("empty.jsonl.gz", gzip.compress(b""), "empty"),
    Case("no-text.html", b"<html><head><title>t</title></head><body> </body></html>", "empty"),
    Case("header-only.txt", b"title: nothing\n---\n\n", "empty"),
    # structure
    Case("nested.html", b"<div>" * 100_000 + b"5 drones" + b"</div>" * 100_000, "nested"),
    Case("nested.jsonl", _jsonl({"id": "n1", "text": "ok 5 drones"}, "[" * 100_000), warnings=1, stored=("n1",)),
    Case(
        "wrong-types.jsonl",
        _jsonl(
            {"id": "w1", "text": 5},
            {"id": "w2"},
            {"id": "w3", "text": None},
            {"id": "w4", "text": ["a", "list"]},
            {"id": None, "text": "no id"},
            {"id": True, "text": "boolean id"},
            {"id": "w7", "text": "fine 5 drones", "published_at": 20241113},
            {"id": "w8", "text": "fine 5 drones", "title": {"nested": 1}},
            [1, 2, 3],
            "just a string",
            "null",
            "{truncated",
            {"id": "w-ok", "text": "Russia launched 7 drones.", "published_at": "2024-11-13"},
        ),
        warnings=12,
        stored=("w-ok",),
    ),
    Case(
        "result.json",
        _telegram(
            [
                {"id": 1, "type": "message", "date": "2024-11-13T08:00:00", "text": "5 drones were shot down."},
                {"id": 2, "type": "message", "date": "2024-11-13T08:00:00"},  # no text
                {"type": "message", "date": "2024-11-13T08:00:00", "text": "no id"},
                {"id": 4, "type": "message", "text": "no date"},
                {"id": 5, "type": "message", "date": "2024-11-13T08:00:00", "text": [{"type": "bold"}]},
                {"id": 6, "date": "2024-11-13T08:00:00", "text": [{"type": "bold", "text": "7"}, " drones"]},
                {"id": 7, "type": "service", "action": "pin_message"},
                {"id": 8, "type": "message", "date": "2024-11-13T08:00:00", "text": ""},
                "not an object",
                {"id": 10, "type": "message", "date_unixtime": "-62135596800", "text": "Yesterday 5 drones were shot down."},
            ]
        ),
        warnings=6,
        stored=("telegram/1", "telegram/6"),
    ),
    Case("no-messages.json", json.dumps({"name": "x", "id": 1}).encode(), "no 'messages'"),
    Case("list.json", b"[1, 2, 3]", "not a Telegram export"),
    Case("cut.json", _telegram([{"id": 1, "date": "2024-11-13", "text": "t"}], name="c")[:-20], "malformed JSON"),
    # compressed
    Case("bomb.jsonl.gz", lambda p: _bomb(p, 2 * CATALOGUE_GZIP_CAP), "size cap"),
    # dates that do not exist
    Case(
        "bad-dates.jsonl",
        _jsonl(
            {"id": "d1", "text": "On 31 February Russia launched 40 drones.", "published_at": "2024-02-31T08:00:00"},
            {"id": "d2", "text": "On the night of 30 to 31 February 12 drones were shot down.", "published_at": "2023-02-29"},
            {"id": "d3", "text": "Yesterday 9 drones were shot down.", "published_at": "0000-00-00"},
        ),
        stored=("d1", "d2", "d3"),
    ),
    Case("feb31.txt", b"published: 31 February 2024\n---\nOn 31 February 2024, 40 drones were shot down.", stored=("feb31",)),
]  # fmt: skip


def _bomb(path: Path, size: int) -> None:
    """A gzip file of a few hundred KB that inflates to `size` bytes of spaces.

    Many copies of one compressed MiB, as concatenated gzip members (valid gzip).
    """
    member = gzip.compress(b" " * (1 << 20), compresslevel=9)
    with path.open("wb") as handle:
        handle.write(gzip.compress(b'{"id": "bomb", "text": "'))
        for _ in range(size >> 20):
            handle.write(member)


def _write(path: Path, content: bytes | Callable[[Path], None]) -> None:
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)


def _stored_ids(db: Path) -> list[tuple[str]]:
    con = store.open_db(db, read_only=True)  # opens cleanly as a figures database
    try:
        for relation in ("files", "documents", "entries", "figures", "claims", "daily_series"):
            con.execute(f"SELECT count(*) FROM {relation}").fetchall()  # every page readable
        return con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    # A smaller inflation cap keeps the bomb row fast; the real cap is used below.
    monkeypatch.setattr(_io, "MAX_DECOMPRESSED_BYTES", CATALOGUE_GZIP_CAP)
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    bad = folder / case.name
    _write(bad, case.content)
    db = tmp_path / "f.duckdb"

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert ("Traceback" not in result.stderr and result.exception is None) or isinstance(
        result.exception, SystemExit
    ), result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(f"{bad}: ")]
    skipped = [line for line in result.stderr.splitlines() if line.startswith(f"skipped {bad}: ")]
    if case.error is None:
        assert result.exit_code == 0, result.stderr
        assert errors == []
    else:
        assert result.exit_code == 1, result.stderr
        assert len(errors) == 1, result.stderr
        assert case.error.lower() in errors[0].lower(), errors[0]
    assert len(skipped) == case.warnings, result.stderr
    ids = _stored_ids(db)
    assert set(GOOD_IDS) <= set(ids)
    assert sorted(ids) == sorted(GOOD_IDS + [(i,) for i in case.stored])


def test_legacy_encodings_store_the_right_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for case in CASES:
        if case.name in ("cp1251.txt", "latin1.txt"):
            _write(folder / case.name, case.content)
    db = tmp_path / "f.duckdb"
    assert CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    texts = dict(
        con.execute("SELECT doc_id, text FROM entries JOIN documents USING (doc_id)").fetchall()
    )
    con.close()
    assert UKRAINIAN in texts["cp1251"] and FRENCH in texts["latin1"]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _good(folder / "sub")
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "self").symlink_to(folder / "sub" / "self")
    (folder / "a").symlink_to(folder / "b")
    (folder / "b").symlink_to(folder / "a")  # a <-> b
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), str(folder / "sub"), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "1 files: 1 ingested" in result.stderr
    assert _stored_ids(db) == GOOD_IDS


def test_late_nul_byte_is_stored_or_reported(tmp_path: Path) -> None:
    """A NUL past the binary sniff: stored as text (DuckDB keeps it) or refused; never a crash."""
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    late = folder / "late.txt"
    late.write_bytes(b"Russia launched 40 drones. " * 800 + b"\x00 5 missiles were fired.")
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
    assert set(GOOD_IDS) <= set(_stored_ids(db))


def test_absurd_number_costs_only_its_figure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "corpus.jsonl").write_bytes(
        _jsonl(
            {"id": "ok", "text": "Russia launched 40 drones."},
            {"id": "absurd", "text": "Russia launched " + "9" * 400 + " drones."},
        )
    )
    db = tmp_path / "f.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert _stored_ids(db) == [("absurd",), ("ok",)]


# --------------------------------------------------------------------------- hundreds of megabytes

HUGE = 300 << 20  # a single line of 300 MiB
MEMORY_LIMIT_MB = 400  # peak RSS of the whole ingest, imports included

HUGE_RUN = """
import resource, sys
from analytics import pipeline
report = pipeline.ingest([sys.argv[1]], sys.argv[2], workers=1, quiet=True)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(peak)
for line in report.errors: print("E", line)
for line in report.warnings: print("W", line)
print("D", report.documents)
"""


def _huge_line_gz(path: Path) -> None:
    """One JSON line of 300 MiB of text, then a good line, gzipped in under a megabyte."""
    chunk = gzip.compress(b"drones and " * ((1 << 20) // 11), compresslevel=9)
    with path.open("wb") as handle:
        handle.write(gzip.compress(b'{"id": "huge", "text": "'))
        for _ in range(HUGE >> 20):
            handle.write(chunk)
        handle.write(
            gzip.compress(b'"}\n' + _jsonl({"id": "after", "text": "5 drones were shot down."}))
        )


def _sparse(path: Path, prefix: bytes, size: int) -> None:
    """A file of `size` bytes that takes no disk space beyond its first block."""
    with path.open("wb") as handle:
        handle.write(prefix)
        handle.truncate(size)


def test_hundreds_of_megabytes_in_one_line_stay_bounded(tmp_path: Path) -> None:
    """Size caps report the huge inputs; memory stays bounded; the rest is ingested."""
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    _huge_line_gz(folder / "huge-line.jsonl.gz")
    _sparse(folder / "huge.txt", b"Russia launched 40 drones " * 10, 400 << 20)
    _sparse(folder / "huge.html", b"<html><body><p>" + b"x" * 100, 400 << 20)
    _bomb(folder / "bomb.txt.gz", 600 << 20)
    run = subprocess.run(
        [sys.executable, "-c", HUGE_RUN, str(folder), str(tmp_path / "f.duckdb")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    peak_mb = int(lines[0])
    errors = sorted(line[2:] for line in lines if line.startswith("E "))
    warnings = [line[2:] for line in lines if line.startswith("W ")]
    assert [e.split(": ")[0] for e in errors] == [
        str(folder / "bomb.txt.gz"),
        str(folder / "huge.html"),
        str(folder / "huge.txt"),
    ]
    assert all("cap" in e for e in errors), errors
    assert warnings == [f"{folder / 'huge-line.jsonl.gz'}: line 1: longer than "
                        f"{_huge_max_line()} bytes"]  # fmt: skip
    assert lines[-1] == "D 3"  # good-1, good-2 and the line after the huge one
    assert peak_mb < MEMORY_LIMIT_MB, f"peak memory {peak_mb} MB"
    print(f"\npeak memory {peak_mb} MB over a 300 MiB line, 400 MiB files, a 600 MiB bomb")
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss > 0


def _huge_max_line() -> int:
    from analytics.readers.jsonl import MAX_LINE_BYTES

    return MAX_LINE_BYTES
