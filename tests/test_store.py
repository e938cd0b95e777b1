"""The DuckDB store: schema from one definition, opening rules, the replace-a-file API."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from duckdb_cli import DUCKDB_CLI, cli_count, tables_and_views

from analytics import store
from analytics.model import FIGURE_COLUMNS, Document, Entry, Figure


def _doc(doc_id: str, text: str = "Russia launched 50 drones.") -> Document:
    return Document(doc_id=doc_id, text=text, published_at=dt.datetime(2024, 11, 13, 8, 0))


def _entry(doc_id: str, text: str = "Russia launched 50 drones.") -> Entry:
    return Entry(doc_id=doc_id, entry_id=f"{doc_id}#0", position=0, text=text)


def _figure(doc_id: str, value: int = 50) -> Figure:
    return Figure(
        subject="drone",
        measure="launched",
        value=value,
        quote="Russia launched 50 drones.",
        span_start=16,
        span_end=25,
        rule="test",
        doc_id=doc_id,
        entry_id=f"{doc_id}#0",
        event_date=dt.date(2024, 11, 13),
    )


def _record(path: str, sha: str = "aa") -> store.FileRecord:
    return store.FileRecord(path, size=10, mtime_ns=1, sha256=sha, n_documents=1)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


@pytest.fixture
def con(tmp_path: Path):
    connection = store.open_db(tmp_path / "t.duckdb")
    yield connection
    connection.close()


def test_figures_columns_come_from_figure_columns(con) -> None:
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'figures'"
        " ORDER BY column_index"
    ).fetchall()
    assert [r[0] for r in rows] == ["figure_id", *(name for name, _, _ in FIGURE_COLUMNS)]
    declared = {name: sql.split()[0] for name, _, sql in FIGURE_COLUMNS}
    for name, data_type in rows[1:]:
        assert data_type.startswith(declared[name]), name


def test_every_table_and_column_is_documented(con) -> None:
    for table in store.TABLES:
        assert table.doc, table.name
        for column in table.columns:
            assert column.doc, f"{table.name}.{column.name} has no description"
    missing = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns()"
        " WHERE table_name IN ('meta', 'files', 'documents', 'entries', 'figures')"
        " AND (comment IS NULL OR comment = '')"
    ).fetchall()
    assert missing == []
    assert "| `figure_id` |" in store.schema_markdown()


def test_schema_version_is_recorded(con) -> None:
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [
        (str(store.SCHEMA_VERSION),)
    ]


def test_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    con = store.open_db(path)
    store.replace_file(con, _record("/a"), [_doc("a")], [_entry("a")], [_figure("a")])
    con.close()
    con = store.open_db(path)
    assert _count(con, "figures") == 1
    con.close()
    con = store.open_db(path, read_only=True)
    assert _count(con, "documents") == 1
    con.close()


def test_schema_version_mismatch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    store.open_db(path).close()
    raw = duckdb.connect(str(path))
    raw.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    raw.close()
    with pytest.raises(store.StoreError, match=r"schema version 999.*needs 1"):
        store.open_db(path)


@pytest.mark.parametrize(
    ("setup", "read_only", "message"),
    [
        ("missing", True, "no such database"),
        ("not_duckdb", False, "not a DuckDB database"),
        ("foreign_tables", False, "not a figures database"),
        ("foreign_tables", True, "not a figures database"),
    ],
)
def test_open_errors_are_one_line(
    tmp_path: Path, setup: str, read_only: bool, message: str
) -> None:
    path = tmp_path / "x.duckdb"
    if setup == "not_duckdb":
        path.write_text("hello, this is not a database\n" * 200)
    elif setup == "foreign_tables":
        raw = duckdb.connect(str(path))
        raw.execute("CREATE TABLE other (x INT)")
        raw.close()
    with pytest.raises(store.StoreError) as info:
        store.open_db(path, read_only=read_only)
    text = str(info.value)
    assert message in text and "\n" not in text and str(path) in text
    if setup == "missing":
        assert not path.exists()  # read-only creates nothing


def test_read_only_open_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    store.open_db(path).close()
    raw = duckdb.connect(str(path))
    raw.execute("DROP VIEW IF EXISTS daily_series")
    raw.close()
    con = store.open_db(path, read_only=True)
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    con.close()
    assert "daily_series" not in views


def _declared_views() -> list[str]:
    names = []
    for sql_file in sorted(store.SQL_DIR.glob("*.sql")):
        names += re.findall(
            r"CREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)", sql_file.read_text(), re.IGNORECASE
        )
    return names


def test_views_from_sql_folder_are_created(con) -> None:
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    assert set(_declared_views()) <= views


def test_view_folder_empty_or_broken(tmp_path: Path, con) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    store.create_views(con, empty)  # nothing to do, no error
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "10_bad.sql").write_text("CREATE OR REPLACE VIEW v AS SELECT nope FROM figures;")
    with pytest.raises(store.StoreError, match=r"10_bad\.sql"):
        store.create_views(con, broken)


def test_replace_file_replaces_and_skips_foreign_duplicates(con) -> None:
    counts = store.replace_file(
        con, _record("/a"), [_doc("a"), _doc("b")], [_entry("a"), _entry("b")], [_figure("a")]
    )
    assert (counts.documents, counts.entries, counts.figures) == (2, 2, 1)
    assert store.document_exists(con, "a") and not store.document_exists(con, "zzz")
    assert store.has_unchanged_file(con, "/a", 10, 1)
    assert not store.has_unchanged_file(con, "/a", 10, 2)

    # Another file holding "b" again: skipped, with its entries and figures.
    counts = store.replace_file(con, _record("/c"), [_doc("b")], [_entry("b")], [_figure("b")])
    assert (counts.documents, counts.duplicates, counts.figures) == (0, 1, 0)

    # File /a changed: "b" dropped, "a" has a new value.
    store.replace_file(con, _record("/a", "bb"), [_doc("a")], [_entry("a")], [_figure("a", 60)])
    assert con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall() == [("a",)]
    assert con.execute("SELECT value FROM figures").fetchall() == [(60,)]
    assert _count(con, "entries") == 1
    assert con.execute("SELECT sha256 FROM files WHERE path = '/a'").fetchall() == [("bb",)]


def test_replace_file_is_one_transaction(con, monkeypatch: pytest.MonkeyPatch) -> None:
    store.replace_file(con, _record("/a"), [_doc("a")], [_entry("a")], [_figure("a")])

    def broken(*args, **kwargs):
        raise duckdb.IOException("simulated disk failure")

    monkeypatch.setattr(store, "_insert_figures", broken)
    with pytest.raises(duckdb.IOException):
        store.replace_file(con, _record("/a", "new"), [_doc("a2")], [_entry("a2")], [_figure("a2")])
    # The old content is intact; nothing of the failed load is there.
    assert con.execute("SELECT doc_id FROM documents").fetchall() == [("a",)]
    assert con.execute("SELECT sha256 FROM files").fetchall() == [("aa",)]


def test_figure_id_is_deterministic() -> None:
    assert store.figure_id("d#0", 3, 9, "drone", "downed") == "d#0:3:9:drone:downed"
    table = store.figure_rows_to_arrow([_figure("a")])
    assert table.column_names[0] == "figure_id"
    assert table.column("figure_id").to_pylist() == ["a#0:16:25:drone:launched"]


@pytest.mark.skipif(not DUCKDB_CLI.exists(), reason="duckdb CLI (duckdb-cli package) not installed")
def test_duckdb_1x_cli_reads_every_table_and_view(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    con = store.open_db(path)
    store.replace_file(con, _record("/a"), [_doc("a")], [_entry("a")], [_figure("a")])
    con.close()
    names = tables_and_views(path)
    assert {"documents", "entries", "figures", "files", "meta"} <= set(names)
    assert cli_count(path, "figures") == 1
    for name in names:
        cli_count(path, name)


def test_read_only_destination_directory(tmp_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="figures-ro-"))
    try:
        folder.chmod(0o555)
        target = folder / "f.duckdb"
        if os.geteuid() != 0:
            with pytest.raises(store.StoreError) as info:
                store.open_db(target)
            message = str(info.value)
        else:  # root ignores permission bits: try again as an unprivileged user
            code = "import sys; from analytics import store\n"
            code += "try: store.open_db(sys.argv[1])\n"
            code += "except store.StoreError as e: print(e); sys.exit(3)\n"
            try:
                out = subprocess.run(
                    [sys.executable, "-c", code, str(target)],
                    capture_output=True,
                    text=True,
                    user=65534,
                    cwd=Path(__file__).resolve().parents[1],
                    timeout=60,
                )
            except (PermissionError, OSError) as exc:
                pytest.skip(f"cannot switch to an unprivileged user: {exc}")
            if out.returncode != 3:
                pytest.skip(f"unprivileged run did not reach open_db: {out.stderr[-300:]}")
            message = out.stdout.strip()
        assert re.search("not writable|permission denied", message), message
        assert str(target) in message and "\n" not in message
        assert not target.exists()
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(store.StoreError, match="cannot create its directory") as info:
        store.open_db(blocker / "sub" / "f.duckdb")
    assert str(blocker / "sub" / "f.duckdb") in str(info.value)
