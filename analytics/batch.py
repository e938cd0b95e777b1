"""Extraction as a pure function over Arrow batches, and a batch path to Parquet.

`extract_batch(docs)` takes an Arrow table of documents and returns an Arrow
table of figures; it touches no file and no database, so any engine that can
ship a table to a process can run it: a local process pool, or a Dask cluster
(`extract_to_parquet(..., engine="dask", scheduler="tcp://host:8786")`).

`extract_to_parquet` streams the input files, cuts them into batches of
documents, runs the extractor on the batches and writes partitioned Parquet:

    OUT/documents/part-00000.parquet   (documents columns, without ingested_at)
    OUT/entries/part-00000.parquet     (entries columns)
    OUT/figures/part-00000.parquet     (figure_id + the figures columns)

DuckDB reads the parts directly (`SELECT * FROM read_parquet('OUT/figures/*.parquet')`);
`parquet_to_db(OUT, DB)` loads them into a figures database so the series
views (`daily_series`, `claims`, ...) and the named queries run over them.

The rows are the ones `figures ingest` stores for the same files: the same
splitting, extraction and figure ids, and a document id seen twice keeps its
first occurrence (in file order).
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from analytics import derived, extract, readers, segment, store
from analytics.model import Document, Entry, Figure, InputError, Skipped
from analytics.report import RunReport

# A batch is cut at either bound (the same bounds as `figures ingest`).
BATCH_DOCS = 2_000
BATCH_CHARS = 4_000_000
# Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
AHEAD_PER_WORKER = 2
TABLE_DIRS = ("documents", "entries", "figures")

# The documents a batch carries; only doc_id and text are required.
DOCUMENT_INPUT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("published_at", pa.timestamp("us")),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("kind", pa.string()),
        ("source_path", pa.string()),
        ("content_hash", pa.string()),
    ]
)


class BatchError(Exception):
    """The batch run cannot go on (bad output folder, cluster unreachable); one line."""


@dataclass(slots=True)
class Extracted:
    """One batch's rows in the store's schemas (documents without ingested_at)."""

    documents: pa.Table
    entries: pa.Table
    figures: pa.Table


@dataclass
class ExtractReport(RunReport):
    """What `extract_to_parquet` did; `errors`/`warnings` are "PATH: reason" lines."""

    out_dir: str = ""
    engine: str = "local"
    files: int = 0
    parts: int = 0
    text_bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the end of a run."""
        rate = self.text_bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0
        line = (
            f"{self.files} files ({self.files_failed} failed): {self.documents} documents,"
            f" {self.entries} entries, {self.figures} figures in {self.parts} parts"
            f" -> {self.out_dir} ({self.engine}, {self.seconds:.1f} s, {rate:.2f} MB/s)"
        )
        if self.duplicates:
            line += f"; {self.duplicates} duplicate documents skipped"
        if self.n_warnings:
            line += f"; {self.n_warnings} records skipped"
        return line


# --------------------------------------------------------------------------- pure core


def documents_table(docs: Iterable[Document]) -> pa.Table:
    """Documents as the Arrow table `extract_batch` takes."""
    docs = list(docs)
    columns = {name: [getattr(d, name) for d in docs] for name in DOCUMENT_INPUT_SCHEMA.names}
    return pa.Table.from_pydict(columns, schema=DOCUMENT_INPUT_SCHEMA)


def _documents_from(table: pa.Table) -> list[Document]:
    """Arrow rows back to Documents; missing optional columns are None."""
    names = set(table.column_names)
    missing = {"doc_id", "text"} - names
    if missing:
        raise ValueError(f"document batch lacks column(s): {', '.join(sorted(missing))}")
    cols = {n: table.column(n).to_pylist() for n in DOCUMENT_INPUT_SCHEMA.names if n in names}
    n = table.num_rows
    none = [None] * n

    def col(name: str) -> list:
        return cols.get(name, none)

    return [
        Document(
            doc_id=doc_id,
            text=text or "",
            source_path=source,
            title=title,
            url=url,
            outlet=outlet,
            published_at=published,
            kind=kind,
            content_hash=chash or "",
        )
        for doc_id, text, published, title, outlet, url, kind, source, chash in zip(
            col("doc_id"),
            col("text"),
            col("published_at"),
            col("title"),
            col("outlet"),
            col("url"),
            col("kind"),
            col("source_path"),
            col("content_hash"),
            strict=True,
        )
    ]


def document_figures(doc: Document, entries: list[Entry]) -> list[Figure]:
    """A document's figures, entry by entry, ids and publication time filled as the store keeps
    them; then the sides and toll dates its entries settle together
    (`extract.share_document_sides`, `extract.share_document_dates`).

    `figures ingest`, the batch path and the accuracy tests all read documents through here.
    """
    out = []
    for entry in entries:
        when = entry.published_at or doc.published_at
        for fig in extract.extract_figures(
            entry.text, when, doc_id=doc.doc_id, entry_id=entry.entry_id
        ):
            if fig.doc_id != doc.doc_id or fig.entry_id != entry.entry_id:
                fig = replace(fig, doc_id=doc.doc_id, entry_id=entry.entry_id)
            if fig.published_at is None and when is not None:
                fig = replace(fig, published_at=when)
            out.append(fig)
    out = extract.share_document_sides(out, text="\n\n".join(entry.text for entry in entries))
    return extract.share_document_dates(out)


def extract_tables(docs: pa.Table) -> Extracted:
    """Documents -> (documents, entries, figures) Arrow tables: the whole per-batch work.

    Pure: no file, no database, no global state, so it runs unchanged in a
    worker process or on a cluster. A document id repeated inside the batch
    keeps its first row.
    """
    kept: list[Document] = []
    n_entries: list[int] = []
    entries: list[Entry] = []
    figures: dict[str, Figure] = {}
    seen: set[str] = set()
    for doc in _documents_from(docs):
        if doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        doc_entries = segment.split_entries(doc)
        kept.append(doc)
        n_entries.append(len(doc_entries))
        entries.extend(doc_entries)
        for fig in document_figures(doc, doc_entries):
            fid = store.figure_id(
                fig.entry_id, fig.span_start, fig.span_end, fig.subject, fig.measure
            )
            figures.setdefault(fid, fig)
    return Extracted(
        store.documents_to_arrow(kept, n_entries),
        store.entries_to_arrow(entries),
        store.figure_rows_to_arrow(list(figures.values())),
    )


def extract_batch(docs: pa.Table) -> pa.Table:
    """Arrow documents (doc_id, text, published_at, ...) -> Arrow figures with figure_id."""
    return extract_tables(docs).figures


# --------------------------------------------------------------------------- reading


@dataclass
class _ReadState:
    report: ExtractReport
    seen: set[str] = field(default_factory=set)


def iter_document_batches(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: dt.datetime | None = None,
    batch_docs: int = BATCH_DOCS,
    batch_chars: int = BATCH_CHARS,
    report: ExtractReport | None = None,
) -> Iterator[pa.Table]:
    """Stream the files' documents as Arrow batches; a repeated doc_id keeps its first copy.

    Bad files and records go to `report` (errors, warnings) and the run goes on.
    A file that fails part-way keeps the documents read before the fault.
    """
    state = _ReadState(report if report is not None else ExtractReport())
    rep = state.report
    pending: list[Document] = []
    chars = 0
    for given in paths:
        try:
            files = list(readers.iter_input_files([given]))
        except InputError as exc:
            rep.files_failed += 1
            rep.errors.append(str(exc))
            continue
        for path in files:
            rep.files += 1
            n_before = rep.documents
            key = str(path.resolve())
            try:
                for item in readers.read_file(path, published):
                    if isinstance(item, Skipped):
                        rep.warn([str(item)])
                        continue
                    if item.doc_id in state.seen:
                        rep.duplicates += 1
                        continue
                    state.seen.add(item.doc_id)
                    item = replace(item, source_path=key)  # as `figures ingest` stores it
                    rep.documents += 1
                    rep.text_bytes += len(item.text.encode("utf-8", "surrogatepass"))
                    pending.append(item)
                    chars += len(item.text)
                    if len(pending) >= batch_docs or chars >= batch_chars:
                        yield documents_table(pending)
                        pending, chars = [], 0
            except InputError as exc:
                rep.files_failed += 1
                kept = rep.documents - n_before
                rep.errors.append(
                    str(exc) + (f" ({kept} documents before the fault kept)" if kept else "")
                )
    if pending:
        yield documents_table(pending)


# --------------------------------------------------------------------------- engines


def _ordered(submit: Callable[[pa.Table], Future], batches: Iterator[pa.Table], ahead: int):
    """Results of `submit(batch)` in batch order, at most `ahead` batches in flight."""
    window: collections.deque = collections.deque()
    for batch in batches:
        window.append(submit(batch))
        if len(window) >= ahead:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _run_local(batches: Iterator[pa.Table], workers: int) -> Iterator[Extracted]:
    if workers <= 1:
        for batch in batches:
            yield extract_tables(batch)
        return
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from _ordered(
            lambda b: pool.submit(extract_tables, b), batches, workers * AHEAD_PER_WORKER
        )


def _run_dask(
    batches: Iterator[pa.Table], scheduler: str | None, workers: int | None
) -> Iterator[Extracted]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BatchError(
            "engine dask needs dask.distributed: pip install 'war-figures[cluster]'"
        ) from None
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="30s")
            except OSError as exc:
                raise BatchError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        try:
            slots = max(1, sum(client.nthreads().values()))
            yield from _ordered(
                lambda b: client.submit(extract_tables, b, pure=False),
                batches,
                slots * AHEAD_PER_WORKER,
            )
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- writing


def _prepare_out(out_dir: Path) -> None:
    try:
        for name in TABLE_DIRS:
            folder = out_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("part-*.parquet"):  # a rerun replaces, never mixes
                old.unlink()
    except OSError as exc:
        raise BatchError(f"{out_dir}: cannot write there ({exc.strerror or exc})") from None


def _write_part(out_dir: Path, index: int, result: Extracted) -> None:
    for name in TABLE_DIRS:
        table: pa.Table = getattr(result, name)
        pq.write_table(table, out_dir / name / f"part-{index:05d}.parquet", compression="zstd")


def _empty() -> Extracted:
    return Extracted(
        store.DOCUMENT_SCHEMA.empty_table(),
        store.ENTRY_SCHEMA.empty_table(),
        store.FIGURE_ROW_SCHEMA.empty_table(),
    )


def extract_to_parquet(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    batch_docs: int = BATCH_DOCS,
    batch_chars: int = BATCH_CHARS,
    published: dt.datetime | None = None,
) -> ExtractReport:
    """Read files, extract in batches (local processes or Dask), write Parquet parts.

    `engine="local"` uses `workers` processes (default: the cores); `"dask"`
    connects to `scheduler` ("tcp://host:8786"), or starts a LocalCluster of
    `workers` processes when no scheduler is given. Part files already in
    OUT/{documents,entries,figures}/ are replaced. Raises BatchError when the
    run cannot start; bad input files are listed in the report.
    """
    if engine not in ("local", "dask"):
        raise BatchError(f"engine {engine!r}: expected local or dask")
    if batch_docs < 1 or batch_chars < 1:
        raise BatchError("batch sizes must be positive")
    out = Path(out_dir)
    _prepare_out(out)
    report = ExtractReport(out_dir=str(out), engine=engine)
    start = time.perf_counter()
    batches = iter_document_batches(
        paths,
        published=published,
        batch_docs=batch_docs,
        batch_chars=batch_chars,
        report=report,
    )
    if engine == "dask":
        results = _run_dask(batches, scheduler, workers)
    else:
        results = _run_local(batches, max(1, workers or os.cpu_count() or 1))
    for result in results:
        _write_part(out, report.parts, result)
        report.parts += 1
        report.entries += result.entries.num_rows
        report.figures += result.figures.num_rows
    if report.parts == 0:  # an empty run still leaves readable (empty) tables
        _write_part(out, 0, _empty())
        report.parts = 1
    report.seconds = time.perf_counter() - start
    return report


# --------------------------------------------------------------------------- into DuckDB


def parquet_glob(out_dir: str | os.PathLike[str], table: str) -> str:
    """The glob DuckDB reads one table's parts with: OUT/figures/*.parquet."""
    return str(Path(out_dir) / table / "*.parquet")


def parquet_to_db(
    out_dir: str | os.PathLike[str], db_path: str | os.PathLike[str]
) -> dict[str, int]:
    """Load `extract_to_parquet` output into a figures database; returns rows per table.

    The database gets the usual tables and views, so `daily_series`, `claims`
    and the named queries run over the extracted figures. Documents already
    stored (same doc_id) are skipped with their entries and figures.
    """
    for name in TABLE_DIRS:
        if not any((Path(out_dir) / name).glob("*.parquet")):
            raise BatchError(f"{Path(out_dir) / name}: no Parquet parts (run figures extract)")
    con = store.open_db(db_path)
    counts: dict[str, int] = {}
    try:
        con.begin()
        con.execute(
            "CREATE TEMP TABLE _new_docs AS SELECT * FROM read_parquet(?)"
            " WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
            [parquet_glob(out_dir, "documents")],
        )
        con.execute(
            "INSERT INTO documents BY NAME SELECT *, (now() AT TIME ZONE 'UTC') AS ingested_at FROM _new_docs"
        )
        for name in ("entries", "figures"):
            con.execute(
                f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet(?)"
                " WHERE doc_id IN (SELECT doc_id FROM _new_docs)",
                [parquet_glob(out_dir, name)],
            )
        for name in TABLE_DIRS:
            counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
        con.execute("DROP TABLE _new_docs")
        con.commit()
        derived.refresh_derived(con)  # the claims tables behind the fast views
    except BaseException:
        with contextlib.suppress(duckdb.TransactionException):
            con.rollback()
        raise
    finally:
        con.close()
    return counts
