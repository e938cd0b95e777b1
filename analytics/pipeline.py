"""Files -> documents -> entries -> figures -> DuckDB, incrementally and in parallel.

Worker processes do the CPU part (read, split, extract, build Arrow batches);
the main process alone writes to DuckDB, file by file, in file order, so the
result does not depend on the number of workers. A file is stored whole or
not at all: small files are committed together in one transaction (and
retried one by one if that fails), a large file gets a transaction of its
own that is fed batch by batch, so memory stays bounded whatever the corpus.

A large JSON-lines file is shared between the workers: each reads the whole
file (cheap) but splits and extracts only every n-th batch of documents (the
expensive part), and the main process takes the batches back in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing as mp
import os
import queue
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from analytics import readers, segment, store
from analytics.batch import document_figures
from analytics.model import Document, Entry, Figure, InputError, Skipped
from analytics.report import MAX_MESSAGES, RunReport

# A batch of documents is cut when it reaches either bound (counted on the
# documents' text, so every worker cuts a shared file at the same places).
BATCH_DOCS = 500
BATCH_CHARS = 1_000_000
# Files whose text stays under this are buffered and committed in groups;
# a larger file is streamed into a transaction of its own.
SMALL_FILE_CHARS = 8_000_000
GROUP_CHARS = 16_000_000
# A transaction's new rows stay in DuckDB's memory: a file with more text
# than this is committed in parts (see _Streamed).
PART_CHARS = 64_000_000
# DuckDB caches pages up to 80% of RAM by default; an ingest needs far less.
DUCKDB_MEMORY_LIMIT = "400MB"
GROUP_FILES = 500
# JSON-lines files at least this large are shared between workers.
SHARD_MIN_BYTES = 4_000_000
SHARDABLE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Files a worker may have queued ahead, and batches it may hold unread.
WORKER_AHEAD = 8
RESULT_QUEUE = 4
MAX_WARNINGS = MAX_MESSAGES


class PipelineError(Exception):
    """The run cannot continue (a worker process died); one-line message."""


@dataclass
class IngestReport(RunReport):
    """What a run did. `errors` and `warnings` are one-line "PATH: reason" strings."""

    files_seen: int = 0
    files_unchanged: int = 0
    files_ingested: int = 0

    def summary(self) -> str:
        """One line for the end of a run."""
        parts = [
            f"{self.files_seen} files: {self.files_ingested} ingested,"
            f" {self.files_unchanged} unchanged, {self.files_failed} failed;",
            f"added {self.documents} documents, {self.entries} entries, {self.figures} figures",
        ]
        if self.duplicates:
            parts.append(f"({self.duplicates} duplicate documents skipped)")
        if self.n_warnings:
            parts.append(f"; {self.n_warnings} records skipped")
        return " ".join(parts).replace(" ;", ";")


# --------------------------------------------------------------------------- worker side


@dataclass(frozen=True, slots=True)
class Task:
    """One input file to process: `key` is what the database calls it."""

    index: int
    display: str  # the path as found, for messages
    key: str  # absolute path, the files.path
    size: int
    mtime_ns: int
    known_sha256: str | None  # what the files table holds, when it holds the path
    shards: int = 1


@dataclass(slots=True)
class Batch:
    docs: pa.Table
    entries: pa.Table
    figures: pa.Table
    n_chars: int


@dataclass(slots=True)
class Done:
    n_batches: int
    n_documents: int
    sha256: str
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    n_warnings: int = 0


def sha256_file(path: str) -> str:
    """Hash of the file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _BatchBuilder:
    """Documents -> entries -> figures -> Arrow, one batch at a time."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.reset()

    def reset(self) -> None:
        self.n_docs = 0
        self.n_chars = 0
        self.duplicates = 0
        self._docs: list[Document] = []
        self._n_entries: list[int] = []
        self._entries: list[Entry] = []
        self._figures: dict[str, Figure] = {}
        self._ids: set[str] = set()

    def count(self, doc: Document) -> None:
        """A document of a batch another worker processes: only its size counts."""
        self.n_docs += 1
        self.n_chars += len(doc.text)

    def add(self, doc: Document) -> None:
        self.count(doc)
        if doc.doc_id in self._ids:
            self.duplicates += 1
            return
        self._ids.add(doc.doc_id)
        entries = segment.split_entries(doc)
        self._docs.append(doc)
        self._n_entries.append(len(entries))
        self._entries.extend(entries)
        for fig in document_figures(doc, entries):
            fid = store.figure_id(
                fig.entry_id, fig.span_start, fig.span_end, fig.subject, fig.measure
            )
            self._figures.setdefault(fid, fig)

    @property
    def full(self) -> bool:
        return self.n_docs >= BATCH_DOCS or self.n_chars >= BATCH_CHARS

    def build(self) -> Batch:
        return Batch(
            store.documents_to_arrow(self._docs, self._n_entries, self.key),
            store.entries_to_arrow(self._entries),
            store.figure_rows_to_arrow(list(self._figures.values())),
            sum(len(d.text) for d in self._docs),
        )


def file_messages(
    task: Task, published: dt.datetime | None, shard: int = 0
) -> Iterator[tuple[str, object]]:
    """The messages one worker sends about one file (or its share of it).

    ("batch", (seq, Batch))... then one of ("done", Done), ("unchanged", sha256),
    ("error", "PATH: reason").
    """
    try:
        sha = sha256_file(task.key)
    except OSError as exc:
        yield "error", f"{task.display}: cannot read ({exc.strerror or exc})"
        return
    if task.known_sha256 is not None and sha == task.known_sha256:
        yield "unchanged", sha
        return
    builder = _BatchBuilder(task.key)
    seq = n_docs = duplicates = n_warnings = 0
    warnings: list[str] = []
    try:
        for item in readers.read_file(Path(task.display), published):
            if isinstance(item, Skipped):
                if shard == 0:
                    n_warnings += 1
                    if len(warnings) < MAX_WARNINGS:
                        warnings.append(str(item))
                continue
            n_docs += 1
            if seq % task.shards == shard:
                builder.add(item)
            else:
                builder.count(item)
            if builder.full:
                if seq % task.shards == shard:
                    duplicates += builder.duplicates
                    yield "batch", (seq, builder.build())
                builder.reset()
                seq += 1
        if builder.n_docs:
            if seq % task.shards == shard:
                duplicates += builder.duplicates
                yield "batch", (seq, builder.build())
            seq += 1
    except InputError as exc:
        yield "error", str(exc)
        return
    except Exception as exc:  # a bug on one file must not stop a long run; it is reported
        yield "error", f"{task.display}: unexpected {type(exc).__name__}: {exc}"
        return
    yield "done", Done(seq, n_docs, sha, duplicates, warnings, n_warnings)


def _worker_main(tasks: mp.Queue, results: mp.Queue, published: dt.datetime | None) -> None:
    """A worker process: take (task, shard) until None, send back (index, message)."""
    while (job := tasks.get()) is not None:
        task, shard = job
        for message in file_messages(task, published, shard):
            results.put((task.index, message))


# --------------------------------------------------------------------------- scheduling

Stream = Iterator[tuple[str, object]]


def _local_streams(tasks: Sequence[Task], published: dt.datetime | None) -> Iterator[Stream]:
    for task in tasks:
        yield _merge_local(file_messages(task, published))


def _merge_local(messages: Stream) -> Stream:
    for kind, payload in messages:
        yield (kind, payload[1]) if kind == "batch" else (kind, payload)


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    tasks: mp.Queue
    results: mp.Queue
    ahead: int = 0

    def get(self, index: int) -> tuple[str, object]:
        while True:
            try:
                got_index, message = self.results.get(timeout=1.0)
            except queue.Empty:
                if not self.process.is_alive():
                    raise PipelineError(
                        f"a worker process died (exit code {self.process.exitcode})"
                    ) from None
                continue
            if got_index != index:  # cannot happen: messages arrive in task order
                raise PipelineError(f"worker sent file #{got_index} while #{index} was due")
            if message[0] != "batch":
                self.ahead -= 1
            return message


class _Pool:
    """Worker processes fed in file order; their messages are read back in the same order."""

    def __init__(self, n: int, published: dt.datetime | None) -> None:
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker] = []
        for _ in range(n):
            tasks, results = ctx.Queue(), ctx.Queue(maxsize=RESULT_QUEUE)
            proc = ctx.Process(target=_worker_main, args=(tasks, results, published), daemon=True)
            proc.start()
            self.workers.append(_Worker(proc, tasks, results))

    @property
    def size(self) -> int:
        return len(self.workers)

    def close(self) -> None:
        for w in self.workers:
            if w.process.is_alive():
                w.process.terminate()
        for w in self.workers:
            w.process.join(timeout=5)
            w.tasks.close()
            w.results.close()

    def streams(self, tasks: Sequence[Task]) -> Iterator[Stream]:
        owners: dict[int, _Worker] = {}
        assigned = 0
        for i, task in enumerate(tasks):
            while assigned < len(tasks) and (
                assigned <= i or min(w.ahead for w in self.workers) < WORKER_AHEAD
            ):
                nxt = tasks[assigned]
                if nxt.shards > 1:
                    for shard, w in enumerate(self.workers):
                        w.tasks.put((nxt, shard))
                        w.ahead += 1
                else:
                    w = min(self.workers, key=lambda w: w.ahead)
                    w.tasks.put((nxt, 0))
                    w.ahead += 1
                    owners[nxt.index] = w
                assigned += 1
            if task.shards > 1:
                stream = self._sharded(task)
            else:
                stream = self._single(owners.pop(task.index), task.index)
            yield stream
            for _ in stream:  # the consumer stopped early: keep the queues in step
                pass

    @staticmethod
    def _single(worker: _Worker, index: int) -> Stream:
        while True:
            kind, payload = worker.get(index)
            if kind == "batch":
                yield kind, payload[1]
                continue
            yield kind, payload
            return

    def _sharded(self, task: Task) -> Stream:
        n = self.size
        active = set(range(n))
        seq = 0
        total: int | None = None
        error: str | None = None
        unchanged: str | None = None
        dones: list[Done] = []
        while active:
            want = seq % n
            if (
                error is None
                and unchanged is None
                and want in active
                and (total is None or seq < total)
            ):
                k = want
            else:
                k = min(active)
            kind, payload = self.workers[k].get(task.index)
            if kind == "batch":
                got_seq, batch = payload
                if error is not None:
                    continue  # draining a failed file
                if got_seq != seq:  # cannot happen: every worker cuts the file alike
                    raise PipelineError(f"{task.display}: batch {got_seq} while {seq} was due")
                seq += 1
                yield "batch", batch
                continue
            active.discard(k)
            if kind == "error":
                error = error or str(payload)
            elif kind == "unchanged":
                unchanged = str(payload)
            else:
                dones.append(payload)
                total = payload.n_batches
        if error is not None:
            yield "error", error
        elif unchanged is not None:
            yield "unchanged", unchanged
        else:
            first = dones[0]
            yield (
                "done",
                Done(
                    first.n_batches,
                    first.n_documents,
                    first.sha256,
                    sum(d.duplicates for d in dones),
                    [w for d in dones for w in d.warnings],
                    sum(d.n_warnings for d in dones),
                ),
            )


# --------------------------------------------------------------------------- writing


@dataclass
class _Pending:
    task: Task
    batches: list[Batch]
    done: Done


class _Streamed:
    """A large file's load: one transaction, or parts of PART_CHARS for a huge file.

    DuckDB holds a transaction's new rows in memory, so a file of gigabytes is
    committed in parts, its `files` row marked incomplete (size -1) until the
    last part: a run interrupted in between is redone by the next run, and a
    file that fails after some parts has its rows removed.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, task: Task) -> None:
        self.con = con
        self.task = task
        self.loader = store.Loader(con)
        self.counts = store.LoadCounts()
        self.parts = 0
        self.txn_chars = 0
        self.loader.begin([task.key] if task.known_sha256 is not None else [])

    def add(self, batch: Batch) -> None:
        if self.txn_chars >= PART_CHARS:
            marker = store.FileRecord(self.task.key, -1, -1, "", 0)
            self.counts += self.loader.commit([marker])
            self.parts += 1
            self.loader.begin()
            self.txn_chars = 0
        self.loader.add(batch.docs, batch.entries, batch.figures)
        self.txn_chars += batch.n_chars

    def commit(self, record: store.FileRecord) -> store.LoadCounts:
        self.counts += self.loader.commit([record])
        return self.counts

    def abort(self) -> str:
        """Undo the load; a note for the error message when parts had been committed."""
        self.loader.rollback()
        if not self.parts:
            return ""
        try:
            store.forget_file(self.con, self.task.key)
        except duckdb.Error:
            return " (loaded in parts; the next run reloads it)"
        return " (it was loaded in parts; they were removed)"


class _Writer:
    """The main process's side: files in order into transactions."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        report: IngestReport,
        on_file: Callable[[int, int, int], None],
    ) -> None:
        self.con = con
        self.report = report
        self.on_file = on_file
        self.group: list[_Pending] = []
        self.group_chars = 0

    def handle(self, task: Task, stream: Stream) -> None:
        pending: list[Batch] = []
        chars = 0
        big: _Streamed | None = None  # set once the file streams into its own transaction
        failed: str | None = None
        for kind, payload in stream:
            if failed is not None:
                continue
            try:
                if kind == "batch":
                    if big is not None:
                        big.add(payload)
                        continue
                    pending.append(payload)
                    chars += payload.n_chars
                    if chars > SMALL_FILE_CHARS:
                        self.flush()
                        big = _Streamed(self.con, task)
                        for batch in pending:
                            big.add(batch)
                        pending = []
                elif kind == "unchanged":
                    store.touch_file(self.con, task.key, task.size, task.mtime_ns)
                    self.report.files_unchanged += 1
                elif kind == "error":
                    failed = str(payload) + (big.abort() if big is not None else "")
                else:
                    done: Done = payload
                    self.report.duplicates += done.duplicates
                    self.report.warn(done.warnings, done.n_warnings)
                    if big is not None:
                        self._counted(big.commit(_record(task, done)), 1)
                        continue
                    self.group.append(_Pending(task, pending, done))
                    self.group_chars += chars
                    if self.group_chars >= GROUP_CHARS or len(self.group) >= GROUP_FILES:
                        self.flush()
            except duckdb.Error as exc:
                failed = _db_error(task, exc) + (big.abort() if big is not None else "")
        if failed is not None:
            self._failed(failed)
        self.on_file(0, 0, 1)

    def flush(self) -> None:
        """Commit the buffered small files, one transaction for all (one each on failure)."""
        group, self.group, self.group_chars = self.group, [], 0
        if not group:
            return
        loader = store.Loader(self.con)
        try:
            self._load(loader, group)
            return
        except duckdb.Error as exc:
            loader.rollback()
            if len(group) == 1:
                self._failed(_db_error(group[0].task, exc))
                return
        for item in group:  # find the file that failed; store the others
            loader = store.Loader(self.con)
            try:
                self._load(loader, [item])
            except duckdb.Error as exc:
                loader.rollback()
                self._failed(_db_error(item.task, exc))

    def _load(self, loader: store.Loader, group: list[_Pending]) -> None:
        loader.begin([p.task.key for p in group if p.task.known_sha256 is not None])
        batches = [b for p in group for b in p.batches]
        dropped = 0
        if batches:
            docs, entries, figures, dropped = _concat(batches)
            loader.add(docs, entries, figures)
        counts = loader.commit([_record(p.task, p.done) for p in group])
        counts.duplicates += dropped
        self._counted(counts, len(group))

    def _counted(self, counts: store.LoadCounts, n_files: int) -> None:
        r = self.report
        r.files_ingested += n_files
        r.documents += counts.documents
        r.duplicates += counts.duplicates
        r.entries += counts.entries
        r.figures += counts.figures
        self.on_file(counts.documents, counts.figures, 0)

    def _failed(self, message: str) -> None:
        self.report.files_failed += 1
        self.report.errors.append(message)


def _record(task: Task, done: Done) -> store.FileRecord:
    return store.FileRecord(task.key, task.size, task.mtime_ns, done.sha256, done.n_documents)


def _db_error(task: Task, exc: duckdb.Error) -> str:
    return f"{task.display}: database error: {str(exc).splitlines()[0]}"


def _concat(batches: list[Batch]) -> tuple[pa.Table, pa.Table, pa.Table, int]:
    """One batch from many, dropping documents whose id an earlier batch already had."""
    seen: set[str] = set()
    docs, entries, figures = [], [], []
    dropped = 0
    for b in batches:
        ids = b.docs.column("doc_id").to_pylist()
        repeated = seen.intersection(ids)
        dropped += len(repeated)
        seen.update(ids)
        docs.append(store._without_docs(b.docs, repeated))
        entries.append(store._without_docs(b.entries, repeated))
        figures.append(store._without_docs(b.figures, repeated))
    return (
        pa.concat_tables(docs).combine_chunks(),
        pa.concat_tables(entries).combine_chunks(),
        pa.concat_tables(figures).combine_chunks(),
        dropped,
    )


# --------------------------------------------------------------------------- the run


def _find_files(paths: Iterable[str | os.PathLike[str]], report: IngestReport) -> list[Path]:
    """The input files in order, each once; a bad path is an error, not the end of the run."""
    found: list[Path] = []
    keys: set[str] = set()
    for given in paths:
        try:
            for path in readers.iter_input_files([given]):
                key = str(path.resolve())
                if key not in keys:
                    keys.add(key)
                    found.append(path)
        except InputError as exc:
            report.files_failed += 1
            report.errors.append(str(exc))
    return found


def _plan(
    con: duckdb.DuckDBPyConnection, files: list[Path], n_workers: int, report: IngestReport
) -> list[Task]:
    """Tasks for the files that may have changed; the others are counted unchanged."""
    stats = []
    for path in files:
        try:
            info = path.stat()
        except OSError as exc:
            report.files_failed += 1
            report.errors.append(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        stats.append((path, str(path.resolve()), info.st_size, info.st_mtime_ns))
    known = store.stored_files(con, [key for _, key, _, _ in stats])
    tasks: list[Task] = []
    for path, key, size, mtime_ns in stats:
        record = known.get(key)
        if record is not None and record.size == size and record.mtime_ns == mtime_ns:
            report.files_unchanged += 1
            continue
        shardable = path.name.lower().endswith(SHARDABLE_SUFFIXES) and size >= SHARD_MIN_BYTES
        tasks.append(
            Task(
                len(tasks),
                str(path),
                key,
                size,
                mtime_ns,
                record.sha256 if record else None,
                n_workers if shardable and n_workers > 1 else 1,
            )
        )
    return tasks


class _Progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar = None
        self.docs = self.figs = 0
        if not enabled:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files, {task.fields[docs]} documents, {task.fields[figs]} figures"),
            transient=False,
        )
        self.task = self.bar.add_task("ingest", total=total, docs=0, figs=0)

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, docs: int, figs: int, n_files: int) -> None:
        """Count stored documents and figures, and files done (stored, failed or unchanged)."""
        if self.bar is None:
            return
        self.docs += docs
        self.figs += figs
        self.bar.update(self.task, advance=n_files, docs=self.docs, figs=self.figs)


def _refresh_derived(
    con: duckdb.DuckDBPyConnection, db_path: str | os.PathLike[str], report: IngestReport
) -> None:
    """Rebuild the tables behind the claims views; on failure they stay right, only slower."""
    from analytics import derived

    try:
        derived.refresh_derived(con)
    except duckdb.Error as exc:
        report.errors.append(
            f"{db_path}: claims tables not refreshed ({str(exc).splitlines()[0]});"
            " the views compute from figures until `figures refresh` succeeds"
        )


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    db_path: str | os.PathLike[str],
    *,
    published: dt.datetime | None = None,
    workers: int | None = None,
    quiet: bool = False,
    progress: bool = True,
) -> IngestReport:
    """Read files into the database at `db_path`; files already stored unchanged are skipped.

    `published` dates documents whose file gives no date. Raises StoreError
    when the database cannot be opened; a bad input file is reported in the
    returned report and the others are still ingested.
    """
    report = IngestReport()
    files = _find_files(paths, report)
    report.files_seen = len(files) + report.files_failed
    n_workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    # Fork the workers before DuckDB starts its threads in this process.
    pool = _Pool(n_workers, published) if n_workers > 1 and len(files) > 0 else None
    try:
        con = store.open_db(db_path)
        try:
            con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
            tasks = _plan(con, files, pool.size if pool else 1, report)
            if pool is not None and len(tasks) == 1 and tasks[0].shards == 1:
                pool.close()  # one small file: not worth a round trip through a queue
                pool = None
            streams = pool.streams(tasks) if pool else _local_streams(tasks, published)
            show = progress and not quiet and sys.stderr.isatty()
            with _Progress(len(tasks), show) as bar:
                writer = _Writer(con, report, bar.update)
                for task, stream in zip(tasks, streams, strict=True):
                    writer.handle(task, stream)
                writer.flush()
            _refresh_derived(con, db_path, report)
        finally:
            con.close()
    finally:
        if pool is not None:
            pool.close()
    return report
