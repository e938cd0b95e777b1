"""The DuckDB store: the schema in one place, loading through Arrow.

Every table and column is declared once below, with the sentence that
documents it; the DDL, the column comments stored in the database (see
`duckdb_columns()`) and the Arrow schemas used for loading are all derived
from these declarations. `schema_markdown()` renders them for the README.

A database written here opens in DuckDB 1.x clients too (storage version
v1.4.0), so the `duckdb` CLI a user already has can query it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from analytics.model import FIGURE_COLUMNS, Document, Entry, Figure, figures_to_arrow

SCHEMA_VERSION = 1
"""Bump when a table changes shape; an older file is then refused, not misread."""

STORAGE_VERSION = "v1.4.0"
"""On-disk format of new files: the oldest DuckDB that must read them (the 1.x CLI)."""

SQL_DIR = Path(__file__).parent / "sql"


class StoreError(Exception):
    """A database that cannot be opened or written; the message is one line."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    arrow: pa.DataType
    sql: str
    doc: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: str | None

    def arrow_schema(self, exclude: Iterable[str] = ()) -> pa.Schema:
        skip = set(exclude)
        return pa.schema([(c.name, c.arrow) for c in self.columns if c.name not in skip])

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


# What each figures column means; the names and types come from FIGURE_COLUMNS.
FIGURE_COLUMN_DOCS: dict[str, str] = {
    "doc_id": "Document the figure was read from (documents.doc_id).",
    "entry_id": "Entry whose text holds the figure (entries.entry_id).",
    "published_at": "Publication time of the entry, else of the document (the source's local time).",
    "event_date": "Day the figure is about, resolved from the text and the publication time.",
    "date_assumed": "True when no time expression was read and event_date is the publication day.",
    "subject": "What is counted: drone, missile, cruise_missile, ..., civilian, soldier.",
    "measure": "What happened to it: launched, downed, lost, hit, killed, injured, ...",
    "side": "Whose drones, missiles or people (russia, ukraine, ...); null when not told.",
    "weapon": "Model named with the figure (shahed, kh-101, iskander-m, ...), or null.",
    "value": "The number; the lower bound for a range or a vague count.",
    "value_low": "Lower end of a range, else null.",
    "value_high": "Upper end of a range, else null.",
    "qualifier": "exact, approx, at_least, at_most or range.",
    "cumulative": "True for a running total since a start date (kept out of daily series).",
    "reported_by": "Who the text attributes the figure to, or null.",
    "location": "Place named with the figure, or null.",
    "quote": "The sentence that holds the figure.",
    "span_start": "Start of the figure phrase in the entry text (character offset).",
    "span_end": "End of the figure phrase in the entry text (exclusive character offset).",
    "rule": "Name of the extraction rule that produced the figure.",
}

FILES = Table(
    "files",
    "One row per input file ingested: what it was when read, for incremental runs.",
    (
        Column("path", pa.string(), "VARCHAR NOT NULL", "Absolute path of the input file."),
        Column("size", pa.int64(), "BIGINT NOT NULL", "Size in bytes when it was read."),
        Column(
            "mtime_ns",
            pa.int64(),
            "BIGINT NOT NULL",
            "Modification time (ns since the epoch) when it was read.",
        ),
        Column("sha256", pa.string(), "VARCHAR NOT NULL", "SHA-256 of the file's bytes."),
        Column(
            "n_documents",
            pa.int64(),
            "BIGINT NOT NULL",
            "Documents read from the file (ids already stored from another file included).",
        ),
        Column(
            "ingested_at", pa.timestamp("us"), "TIMESTAMP NOT NULL", "When it was loaded (UTC)."
        ),
    ),
    "path",
)

DOCUMENTS = Table(
    "documents",
    "One row per source text: an article, a live-blog page, a Telegram message.",
    (
        Column(
            "doc_id",
            pa.string(),
            "VARCHAR NOT NULL",
            "Document id: the `id` of a JSON-lines record, else the file name without extension.",
        ),
        Column(
            "source_path",
            pa.string(),
            "VARCHAR NOT NULL",
            "Input file the document came from (files.path).",
        ),
        Column("content_hash", pa.string(), "VARCHAR", "Hash of the document text."),
        Column("title", pa.string(), "VARCHAR", "Headline or title, when known."),
        Column("url", pa.string(), "VARCHAR", "Source address, when known."),
        Column("outlet", pa.string(), "VARCHAR", "Publisher or channel, when known."),
        Column(
            "published_at",
            pa.timestamp("us"),
            "TIMESTAMP",
            "Publication time, as the source gives it (its local time).",
        ),
        Column("kind", pa.string(), "VARCHAR", "article, live_blog, telegram, ..."),
        Column("n_chars", pa.int64(), "BIGINT NOT NULL", "Length of the text in characters."),
        Column("n_entries", pa.int64(), "BIGINT NOT NULL", "Entries the document was split into."),
        Column(
            "ingested_at", pa.timestamp("us"), "TIMESTAMP NOT NULL", "When it was loaded (UTC)."
        ),
    ),
    "doc_id",
)

ENTRIES = Table(
    "entries",
    "Timestamped parts of documents: live-blog posts, or a whole article as one entry.",
    (
        Column("entry_id", pa.string(), "VARCHAR NOT NULL", "Entry id, unique in the database."),
        Column("doc_id", pa.string(), "VARCHAR NOT NULL", "Document the entry belongs to."),
        Column("position", pa.int32(), "INTEGER NOT NULL", "Order of the entry in its document."),
        Column("title", pa.string(), "VARCHAR", "Entry heading, when it has one."),
        Column(
            "published_at",
            pa.timestamp("us"),
            "TIMESTAMP",
            "The entry's own timestamp (the source's local time), else null.",
        ),
        Column(
            "char_start",
            pa.int64(),
            "BIGINT NOT NULL",
            "Offset of the entry text in the document text.",
        ),
        Column(
            "text",
            pa.string(),
            "VARCHAR NOT NULL",
            "The entry text; figure spans are offsets into it.",
        ),
    ),
    "entry_id",
)

FIGURES = Table(
    "figures",
    "One row per number a text reports, with its meaning and where it came from.",
    (
        Column(
            "figure_id",
            pa.string(),
            "VARCHAR NOT NULL",
            "entry_id:span_start:span_end:subject:measure; stable across runs.",
        ),
        *(
            Column(name, arrow, sql, FIGURE_COLUMN_DOCS.get(name, ""))
            for name, arrow, sql in FIGURE_COLUMNS
        ),
    ),
    "figure_id",
)

META = Table(
    "meta",
    "Facts about the database itself, such as its schema version.",
    (
        Column("key", pa.string(), "VARCHAR NOT NULL", "Name of the fact (schema_version)."),
        Column("value", pa.string(), "VARCHAR NOT NULL", "Its value."),
    ),
    "key",
)

TABLES: tuple[Table, ...] = (META, FILES, DOCUMENTS, ENTRIES, FIGURES)

# Arrow schemas of the batches the pipeline loads (ingested_at is set at load time).
DOCUMENT_SCHEMA = DOCUMENTS.arrow_schema(exclude=("ingested_at",))
ENTRY_SCHEMA = ENTRIES.arrow_schema()
FIGURE_ROW_SCHEMA = FIGURES.arrow_schema()


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ddl() -> list[str]:
    """The statements that create every table, with their comments."""
    statements = []
    for table in TABLES:
        cols = [f"    {c.name} {c.sql}" for c in table.columns]
        if table.primary_key:
            cols.append(f"    PRIMARY KEY ({table.primary_key})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} (\n" + ",\n".join(cols) + "\n)")
        statements.append(f"COMMENT ON TABLE {table.name} IS {_quote(table.doc)}")
        statements.extend(
            f"COMMENT ON COLUMN {table.name}.{c.name} IS {_quote(c.doc)}"
            for c in table.columns
            if c.doc
        )
    return statements


def schema_markdown() -> str:
    """The tables as Markdown, for the README (generated, so it cannot drift)."""
    parts = []
    for table in TABLES:
        parts.append(
            f"### `{table.name}`\n\n{table.doc}\n\n| column | type | meaning |\n| --- | --- | --- |"
        )
        for c in table.columns:
            key = " (primary key)" if c.name == table.primary_key else ""
            sql_type = c.sql.replace(" NOT NULL", "")
            parts.append(f"| `{c.name}` | {sql_type} | {c.doc}{key} |")
        parts.append("")
    return "\n".join(parts)


# --------------------------------------------------------------------------- opening


def _connect_sandboxed(path: Path) -> duckdb.DuckDBPyConnection:
    """A private in-memory DuckDB that attaches the file read-only.

    External access is a setting of the whole database instance, and DuckDB
    shares one instance among the connections of a process to the same file;
    turning it off on a private instance leaves every other connection alone.
    """
    if not path.exists():
        raise StoreError(f"{path}: no such database")
    con = duckdb.connect(":memory:")
    try:
        literal = str(path).replace("'", "''")
        con.execute(f"ATTACH '{literal}' AS figures_db (READ_ONLY)")
        con.execute("USE figures_db")
    except duckdb.Error as exc:
        con.close()
        raise StoreError(_describe_open_error(path, exc)) from None
    return con


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    new = not path.exists()
    if read_only and new:
        raise StoreError(f"{path}: no such database")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its directory: {exc.strerror}") from None
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"{path}: directory is not writable")
    config = {"storage_compatibility_version": STORAGE_VERSION} if new else {}
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config)
    except duckdb.Error as exc:
        raise StoreError(_describe_open_error(path, exc)) from None


def _describe_open_error(path: Path, exc: duckdb.Error) -> str:
    message = str(exc)
    if "Could not set lock" in message or "Conflicting lock" in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        holder = f" (pid {pid.group(1)})" if pid else ""
        return f"database is locked by another process: {path}{holder}"
    if "not a valid DuckDB database" in message:
        return f"{path}: not a DuckDB database"
    if "Permission denied" in message or "Read-only file system" in message:
        return f"{path}: permission denied"
    if "version number" in message:
        return f"{path}: written by a newer DuckDB than this one can read"
    return f"{path}: cannot open database: {message.splitlines()[0]}"


def _tables_present(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        " AND schema_name = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


def _check_version(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not rows:
        raise StoreError(f"{path}: no schema version recorded; not a figures database")
    found = rows[0][0]
    if found != str(SCHEMA_VERSION):
        raise StoreError(
            f"{path}: schema version {found}, this figures needs {SCHEMA_VERSION};"
            " ingest into a new database file"
        )


def create_views(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Run every `sql/*.sql` file in name order (each holds CREATE OR REPLACE VIEW ...)."""
    if not sql_dir.is_dir():
        return
    for sql_file in sorted(sql_dir.glob("*.sql")):
        text = sql_file.read_text(encoding="utf-8")
        if not text.strip():
            continue
        try:
            con.execute(text)
        except duckdb.Error as exc:
            raise StoreError(f"{sql_file}: {str(exc).splitlines()[0]}") from None


def open_db(
    path: str | os.PathLike[str], read_only: bool = False, *, sandbox: bool = False
) -> duckdb.DuckDBPyConnection:
    """Open (or create) a figures database: tables, schema check, then the views.

    A read-only open creates nothing. `sandbox` (for user-typed SQL) also turns off
    DuckDB's access to other files and the network, and locks that setting, so
    `COPY ... TO` or `INSTALL` cannot write or fetch anything. Raises StoreError
    with a one-line message.
    """
    path = Path(path).expanduser().absolute()
    con = _connect_sandboxed(path) if sandbox else _connect(path, read_only or sandbox)
    read_only = read_only or sandbox
    try:
        present = _tables_present(con)
        if read_only:
            if "meta" not in present:
                raise StoreError(f"{path}: not a figures database (no meta table)")
            _check_version(con, path)
            if sandbox:
                con.execute("SET enable_external_access = false")
                con.execute("SET lock_configuration = true")
            return con
        if "meta" in present:
            _check_version(con, path)
        elif present:
            raise StoreError(f"{path}: not a figures database (tables without a meta table)")
        con.begin()
        for statement in ddl():
            con.execute(statement)
        con.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
        con.commit()
        create_views(con)
    except BaseException:
        con.close()
        raise
    return con


# --------------------------------------------------------------------------- records -> Arrow


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What an input file was when read: the `files` row."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    n_documents: int = 0


def figure_id(entry_id: str, span_start: int, span_end: int, subject: str, measure: str) -> str:
    """The stable key of a figure: the same text read twice gives the same id."""
    return f"{entry_id}:{span_start}:{span_end}:{subject}:{measure}"


def documents_to_arrow(
    documents: Sequence[Document],
    n_entries: Sequence[int],
    source_path: str | None = None,
) -> pa.Table:
    """Columnar batch of documents (n_entries[i] is the entry count of documents[i])."""
    import hashlib

    columns = {
        "doc_id": [d.doc_id for d in documents],
        "source_path": [source_path or d.source_path or "" for d in documents],
        "content_hash": [
            d.content_hash or hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).hexdigest()
            for d in documents
        ],
        "title": [d.title for d in documents],
        "url": [d.url for d in documents],
        "outlet": [d.outlet for d in documents],
        "published_at": [d.published_at for d in documents],
        "kind": [d.kind for d in documents],
        "n_chars": [len(d.text) for d in documents],
        "n_entries": list(n_entries),
    }
    return pa.Table.from_pydict(columns, schema=DOCUMENT_SCHEMA)


def entries_to_arrow(entries: Sequence[Entry]) -> pa.Table:
    """Columnar batch of entries."""
    columns = {name: [getattr(e, name) for e in entries] for name in ENTRY_SCHEMA.names}
    return pa.Table.from_pydict(columns, schema=ENTRY_SCHEMA)


def figure_rows_to_arrow(figures: Sequence[Figure]) -> pa.Table:
    """Columnar batch of figures with their figure_id, in the table's column order."""
    table = figures_to_arrow(list(figures))
    ids = pa.array(
        [figure_id(f.entry_id, f.span_start, f.span_end, f.subject, f.measure) for f in figures],
        type=pa.string(),
    )
    return table.add_column(0, "figure_id", ids)


def _as_table(rows: Sequence | pa.Table, convert) -> pa.Table:
    return rows if isinstance(rows, pa.Table) else convert(rows)


# --------------------------------------------------------------------------- writing


@dataclass(slots=True)
class LoadCounts:
    """Rows a load added, and documents it skipped as already stored."""

    documents: int = 0
    duplicates: int = 0
    entries: int = 0
    figures: int = 0

    def __iadd__(self, other: LoadCounts) -> LoadCounts:
        self.documents += other.documents
        self.duplicates += other.duplicates
        self.entries += other.entries
        self.figures += other.figures
        return self


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    if data.num_rows == 0:
        return
    con.register("_load_batch", data)
    try:
        cols = ", ".join(data.column_names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT * FROM _load_batch")
    finally:
        con.unregister("_load_batch")


def _insert_documents(con: duckdb.DuckDBPyConnection, docs: pa.Table, now: dt.datetime) -> None:
    if docs.num_rows == 0:
        return
    con.register("_load_docs", docs)
    try:
        cols = ", ".join(docs.column_names)
        con.execute(
            f"INSERT INTO documents ({cols}, ingested_at) SELECT *, ? FROM _load_docs", [now]
        )
    finally:
        con.unregister("_load_docs")


def _insert_entries(con: duckdb.DuckDBPyConnection, entries: pa.Table) -> None:
    _insert_arrow(con, "entries", entries)


def _insert_figures(con: duckdb.DuckDBPyConnection, figures: pa.Table) -> None:
    _insert_arrow(con, "figures", figures)


def _delete_paths(con: duckdb.DuckDBPyConnection, paths: Sequence[str]) -> None:
    """Remove every row an earlier load of these files stored (inside the caller's transaction)."""
    if not paths:
        return
    plist = list(paths)
    sub = "SELECT doc_id FROM documents WHERE source_path IN (SELECT unnest(?::VARCHAR[]))"
    con.execute(f"DELETE FROM figures WHERE doc_id IN ({sub})", [plist])
    con.execute(f"DELETE FROM entries WHERE doc_id IN ({sub})", [plist])
    con.execute("DELETE FROM documents WHERE source_path IN (SELECT unnest(?::VARCHAR[]))", [plist])


def _without_docs(table: pa.Table, doc_ids: set[str]) -> pa.Table:
    if not doc_ids or table.num_rows == 0:
        return table
    mask = pc.invert(
        pc.is_in(table.column("doc_id"), value_set=pa.array(list(doc_ids), pa.string()))
    )
    return table.filter(mask)


class Loader:
    """One transaction that loads whole files, batch by batch.

    `begin(paths)` deletes what those files stored before; `add(...)` appends a
    batch, skipping documents whose id is already stored (from another file, or
    earlier in this load); `commit(records)` writes the `files` rows and commits.
    Anything short of commit leaves the database as it was.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.counts = LoadCounts()
        self.active = False
        self._now = _utcnow()

    def begin(self, replace_paths: Sequence[str] = ()) -> None:
        self.con.begin()
        self.active = True
        self.counts = LoadCounts()
        self._now = _utcnow()
        _delete_paths(self.con, replace_paths)

    def add(self, docs: pa.Table, entries: pa.Table, figures: pa.Table) -> LoadCounts:
        """Insert one batch (ids unique within the batch); returns what it added."""
        dup_ids = self._stored_ids(docs)
        if dup_ids:
            docs = _without_docs(docs, dup_ids)
            entries = _without_docs(entries, dup_ids)
            figures = _without_docs(figures, dup_ids)
        _insert_documents(self.con, docs, self._now)
        _insert_entries(self.con, entries)
        _insert_figures(self.con, figures)
        added = LoadCounts(docs.num_rows, len(dup_ids), entries.num_rows, figures.num_rows)
        self.counts += added
        return added

    def _stored_ids(self, docs: pa.Table) -> set[str]:
        if docs.num_rows == 0:
            return set()
        ids = docs.select(["doc_id"])
        self.con.register("_load_ids", ids)
        try:
            rows = self.con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM _load_ids)"
            ).fetchall()
        finally:
            self.con.unregister("_load_ids")
        return {r[0] for r in rows}

    def commit(self, records: Sequence[FileRecord]) -> LoadCounts:
        if records:
            files = pa.Table.from_pydict(
                {
                    "path": [r.path for r in records],
                    "size": [r.size for r in records],
                    "mtime_ns": [r.mtime_ns for r in records],
                    "sha256": [r.sha256 for r in records],
                    "n_documents": [r.n_documents for r in records],
                },
                schema=FILES.arrow_schema(exclude=("ingested_at",)),
            )
            self.con.register("_load_files", files)
            try:
                self.con.execute(
                    "INSERT OR REPLACE INTO files (path, size, mtime_ns, sha256, n_documents,"
                    " ingested_at) SELECT *, ? FROM _load_files",
                    [self._now],
                )
            finally:
                self.con.unregister("_load_files")
        self.con.commit()
        self.active = False
        return self.counts

    def rollback(self) -> None:
        if self.active:
            self.active = False
            # A failed statement may already have ended the transaction.
            with contextlib.suppress(duckdb.TransactionException):
                self.con.rollback()


def stored_files(con: duckdb.DuckDBPyConnection, paths: Sequence[str]) -> dict[str, FileRecord]:
    """The `files` rows of these paths (absent paths are left out)."""
    if not paths:
        return {}
    rows = con.execute(
        "SELECT path, size, mtime_ns, sha256, n_documents FROM files"
        " WHERE path IN (SELECT unnest(?::VARCHAR[]))",
        [list(paths)],
    ).fetchall()
    return {r[0]: FileRecord(*r) for r in rows}


def has_unchanged_file(con: duckdb.DuckDBPyConnection, path: str, size: int, mtime_ns: int) -> bool:
    """True when `path` was loaded and its size and mtime are still the same."""
    record = stored_files(con, [path]).get(path)
    return record is not None and record.size == size and record.mtime_ns == mtime_ns


def touch_file(con: duckdb.DuckDBPyConnection, path: str, size: int, mtime_ns: int) -> None:
    """Record a new size/mtime for a file whose bytes did not change."""
    con.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", [size, mtime_ns, path])


def forget_file(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Remove a file and every row it stored, in one transaction."""
    con.begin()
    try:
        _delete_paths(con, [path])
        con.execute("DELETE FROM files WHERE path = ?", [path])
        con.commit()
    except BaseException:
        with contextlib.suppress(duckdb.TransactionException):
            con.rollback()
        raise


def document_exists(con: duckdb.DuckDBPyConnection, doc_id: str) -> bool:
    """True when a document with this id is stored."""
    return bool(
        con.execute("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]).fetchall()[0][0]
    )


def replace_file(
    con: duckdb.DuckDBPyConnection,
    file_record: FileRecord,
    documents: Sequence[Document] | pa.Table,
    entries: Sequence[Entry] | pa.Table,
    figures: Sequence[Figure] | pa.Table,
) -> LoadCounts:
    """Store one file's rows in one transaction, replacing what it stored before.

    Documents whose id another file already stored are skipped with their
    entries and figures. Records or Arrow tables (in the loader's schemas) are
    accepted.
    """
    if isinstance(documents, pa.Table):
        docs = documents
    else:
        per_doc: dict[str, int] = {}
        entry_list = [] if isinstance(entries, pa.Table) else entries
        for e in entry_list:
            per_doc[e.doc_id] = per_doc.get(e.doc_id, 0) + 1
        if isinstance(entries, pa.Table):
            counts = pc.value_counts(entries.column("doc_id")).to_pylist()
            per_doc = {c["values"]: c["counts"] for c in counts}
        docs = documents_to_arrow(
            documents, [per_doc.get(d.doc_id, 0) for d in documents], file_record.path
        )
    docs = docs.set_column(
        docs.schema.get_field_index("source_path"),
        "source_path",
        pa.array([file_record.path] * docs.num_rows, pa.string()),
    )
    ent = _as_table(entries, entries_to_arrow)
    figs = _as_table(figures, figure_rows_to_arrow)
    loader = Loader(con)
    try:
        loader.begin([file_record.path])
        loader.add(*_unique_docs(docs, ent, figs))
        return loader.commit([file_record])
    finally:
        loader.rollback()


def _first_by(table: pa.Table, column: str) -> pa.Table:
    """Keep the first row of each value of `column`."""
    values = table.column(column).to_pylist()
    if len(set(values)) == len(values):
        return table
    seen: set = set()
    keep = []
    for value in values:
        keep.append(value not in seen)
        seen.add(value)
    return table.filter(pa.array(keep))


def _unique_docs(
    docs: pa.Table, entries: pa.Table, figures: pa.Table
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """A batch must not repeat a key: keep the first row of each."""
    return (
        _first_by(docs, "doc_id"),
        _first_by(entries, "entry_id"),
        _first_by(figures, "figure_id"),
    )
