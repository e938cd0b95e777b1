"""The benchmark behind `figures bench`: speed, memory and query times at a chosen size.

It builds a corpus of realistic reports (analytics.demo.generate, streamed to
JSON-lines files, never held in memory) and measures, in one run:

- extraction MB/s per core: `extract_figures` over the entries, one process,
  text bytes / CPU seconds (over a sample of the corpus when it is large);
- the ceiling: one compiled `regex` pattern (numbers followed by a noun) over
  the same text, and the ratio of the two;
- end-to-end ingest MB/s with N workers (read, split, extract, write DuckDB);
- peak RSS of the whole run, the parent and its worker processes summed;
- the time of the series views and of each named query over the result, and
  over a synthetic figures table of 10 million rows built in DuckDB SQL.

Numbers are measured, never asserted: targets are printed beside them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psutil
import regex

from analytics import derived, extract, pipeline, readers, segment, series, store
from analytics.model import InputError

SIZES = {"200KB": 200_000, "1MB": 1_000_000, "10MB": 10_000_000, "100MB": 100_000_000}
SIZES["1GB"] = 1_000_000_000
FILE_BYTES = 8_000_000  # the corpus is cut into files of about this much text (monthly archives)
EXTRACT_SAMPLE_BYTES = 10_000_000  # extraction and the regex ceiling are timed on at most this
SYNTHETIC_ROWS = 10_000_000
SYNTHETIC_MEMORY_LIMIT = "3GB"
VIEWS = ("daily_series", "air_defence", "claims")
TARGETS = {
    "extract_mb_s_per_core": 10.0,
    "extract_ratio_to_ceiling": 0.25,
    "ingest_mb_s": 12.0,
    "peak_rss_mb": 1024.0,
    "query_seconds": 1.0,
}

# The practical ceiling: a number (digits or a number word) and, within two
# words, a noun a figure counts. One pass, word boundaries, compiled once.
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds"
)
_NOUNS = (
    "drones?|uavs?|missiles?|rockets?|bombs?|aircraft|targets?|shaheds?|decoys?"
    "|people|persons?|civilians?|children|child|soldiers?|servicemen|troops"
)
CEILING_PATTERN = regex.compile(
    rf"\b(?:\d[\d,.]*|{_NUMBER_WORDS})\s+(?:[\w-]+\s+){{0,2}}?(?:{_NOUNS})\b",
    regex.IGNORECASE,
)


class BenchError(ValueError):
    """A benchmark that cannot run as asked (unknown size, ...); one line."""


def parse_size(text: str) -> int:
    """'10MB' -> 10_000_000 (decimal units, as the issue's 10 MB / 1 GB)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text, re.I)
    if not match:
        raise BenchError(f"size {text!r}: expected e.g. 10MB, 100MB, 1GB")
    unit = match[2].upper().rstrip("B")
    scale = {"": 1, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000}[unit]
    size = int(float(match[1]) * scale)
    if size <= 0:
        raise BenchError(f"size {text!r}: must be positive")
    return size


# --------------------------------------------------------------------------- memory


class PeakRSS:
    """Samples the RSS of this process plus all its children in a thread; keeps the peak.

    `phase` names what runs now, so the peak of each phase is kept as well.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self.phases: dict[str, int] = {}
        self.phase = "start"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._proc = psutil.Process()

    def sample(self) -> int:
        total = 0
        procs = [self._proc]
        with contextlib.suppress(psutil.Error):
            procs += self._proc.children(recursive=True)
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a child that just ended
                continue
        self.peak = max(self.peak, total)
        self.phases[self.phase] = max(self.phases.get(self.phase, 0), total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> PeakRSS:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


# --------------------------------------------------------------------------- corpus


def write_corpus(
    folder: Path, size: int, seed: int = 0, file_bytes: int = FILE_BYTES
) -> tuple[list[Path], int]:
    """Stream `size` bytes of generated reports to JSON-lines files; returns (files, text bytes)."""
    from analytics.demo.generate import generate_reports

    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    handle = None
    in_file = total = 0
    try:
        for doc in generate_reports(size, seed):
            if handle is None or in_file >= file_bytes:
                if handle is not None:
                    handle.close()
                files.append(folder / f"reports-{len(files):04d}.jsonl")
                handle = files[-1].open("w", encoding="utf-8")
                in_file = 0
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n = len(doc["text"].encode("utf-8"))
            in_file += n
            total += n
    finally:
        if handle is not None:
            handle.close()
    return files, total


def existing_corpus(paths: list[Path]) -> tuple[list[Path], int, list[str]]:
    """The readable files under `paths`, their text bytes, and one line for each file skipped."""
    try:
        found = list(readers.iter_input_files(paths))
    except InputError as exc:
        raise BenchError(str(exc)) from None
    files: list[Path] = []
    skipped: list[str] = []
    total = 0
    for path in found:
        try:
            size = sum(
                len(doc.text.encode("utf-8"))
                for doc in readers.read_file(path)
                if hasattr(doc, "text")
            )
        except InputError as exc:
            skipped.append(str(exc))  # timed without it, as ingest would skip it
            continue
        files.append(path)
        total += size
    return files, total, skipped


def _sample_entries(files: list[Path], limit: int) -> Iterator[tuple]:
    """(text, published_at, doc_id, entry_id) of the corpus' entries, up to `limit` text bytes."""
    taken = 0
    for path in files:
        for doc in readers.read_file(path):
            if not hasattr(doc, "text"):
                continue
            for entry in segment.split_entries(doc):
                yield entry.text, entry.published_at or doc.published_at, doc.doc_id, entry.entry_id
                taken += len(entry.text.encode("utf-8"))
            if taken >= limit:
                return


# --------------------------------------------------------------------------- measures


@dataclass
class Timing:
    name: str
    seconds: float
    rows: int


@dataclass
class BenchResult:
    """Everything a run measured; `to_json()` is the file `--json` writes."""

    size_bytes: int
    workers: int
    corpus: dict = field(default_factory=dict)
    extraction: dict = field(default_factory=dict)
    ingest: dict = field(default_factory=dict)
    memory: dict = field(default_factory=dict)
    queries: list[dict] = field(default_factory=list)
    synthetic: dict = field(default_factory=dict)
    machine: dict = field(default_factory=dict)
    targets: dict = field(default_factory=lambda: dict(TARGETS))

    def to_json(self) -> dict:
        return {
            "size_bytes": self.size_bytes,
            "workers": self.workers,
            "machine": self.machine,
            "corpus": self.corpus,
            "extraction": self.extraction,
            "ingest": self.ingest,
            "memory": self.memory,
            "queries": self.queries,
            "synthetic": self.synthetic,
            "targets": self.targets,
        }


def measure_extraction(files: list[Path], sample_bytes: int) -> dict:
    """extract_figures and the one-pattern ceiling over the same entry texts, CPU time."""
    entries = list(_sample_entries(files, sample_bytes))
    text_bytes = sum(len(t.encode("utf-8")) for t, *_ in entries)
    mb = text_bytes / 1e6
    n_figures = 0
    start = time.process_time()
    for text, when, doc_id, entry_id in entries:
        n_figures += len(extract.extract_figures(text, when, doc_id=doc_id, entry_id=entry_id))
    extract_cpu = time.process_time() - start
    n_hits = 0
    start = time.process_time()
    for text, *_ in entries:
        n_hits += sum(1 for _ in CEILING_PATTERN.finditer(text))
    ceiling_cpu = time.process_time() - start
    rate = mb / extract_cpu if extract_cpu > 0 else 0.0
    ceiling = mb / ceiling_cpu if ceiling_cpu > 0 else 0.0
    return {
        "sample_bytes": text_bytes,
        "entries": len(entries),
        "figures": n_figures,
        "cpu_seconds": round(extract_cpu, 4),
        "mb_s_per_core": round(rate, 4),
        "ceiling_hits": n_hits,
        "ceiling_cpu_seconds": round(ceiling_cpu, 4),
        "ceiling_mb_s": round(ceiling, 3),
        "ratio_to_ceiling": round(rate / ceiling, 5) if ceiling > 0 else 0.0,
    }


def _cpu_seconds() -> float:
    """User+system CPU of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure_ingest(files: list[Path], text_bytes: int, db: Path, workers: int) -> dict:
    """Wall-clock MB/s (the target) and CPU seconds of all processes (load-independent)."""
    cpu = _cpu_seconds()
    start = time.perf_counter()
    report = pipeline.ingest(files, db, workers=workers, quiet=True, progress=False)
    wall = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    return {
        "seconds": round(wall, 3),
        "mb_s": round(text_bytes / 1e6 / wall, 4) if wall > 0 else 0.0,
        "cpu_seconds": round(cpu, 2),
        "mb_per_cpu_s": round(text_bytes / 1e6 / cpu, 4) if cpu > 0 else 0.0,
        "documents": report.documents,
        "entries": report.entries,
        "figures": report.figures,
        "files_failed": report.files_failed,
        "db_bytes": db.stat().st_size if db.exists() else 0,
    }


def time_queries(db: Path) -> list[dict]:
    """Seconds to run each series view and each named query (defaults) to a full result.

    The database is opened read-write once first, so its views are the current
    ones; then read-only, as `figures query` opens it. A query that fails is
    recorded with its error (one line) and the others still run.
    """
    store.open_db(db).close()
    con = store.open_db(db, read_only=True)
    timings: list[dict] = []
    try:
        jobs: list[tuple[str, Callable]] = [
            (v, lambda v=v: series.run_sql(con, f"SELECT * FROM {v}")) for v in VIEWS
        ]
        jobs += [
            (f"query:{q.name}", lambda n=q.name: series.run_query(con, n))
            for q in series.list_queries()
        ]
        for name, job in jobs:
            start = time.perf_counter()
            try:
                rows = job().height
            except (duckdb.Error, series.QueryError) as exc:
                timings.append({"name": name, "seconds": None, "rows": None,
                                "error": str(exc).splitlines()[0]})  # fmt: skip
                continue
            timings.append(
                {"name": name, "seconds": round(time.perf_counter() - start, 4), "rows": rows}
            )
    finally:
        con.close()
    return timings


# The synthetic table: rows made in SQL from range(), deterministic through hash().
# Five years of nights; per fact (day, subject, measure, side) most mentions agree,
# some differ or round; a few thousand outlets; locations and reporters from short lists.
_SYNTH_DOCS = """
INSERT INTO documents
SELECT
    'syn-' || i AS doc_id,
    'synthetic' AS source_path,
    NULL AS content_hash,
    NULL AS title,
    NULL AS url,
    'outlet-' || (hash(i, 'o') % $outlets) AS outlet,
    TIMESTAMP '2021-06-01' + to_seconds(CAST(hash(i, 'p') % (5 * 365 * 86400) AS BIGINT))
        AS published_at,
    'article' AS kind,
    2000 AS n_chars,
    1 AS n_entries,
    TIMESTAMP '2026-01-01' AS ingested_at
FROM range($docs) AS t(i)
"""
_SYNTH_FIGURES = """
INSERT INTO figures
WITH base AS (
    SELECT
        i,
        i % $docs AS d,
        hash(i, 's') % 100 AS s_pick,
        hash(i, 'm') % 100 AS m_pick,
        hash(i, 'q') % 100 AS q_pick,
        hash(i, 'l') % 100 AS l_pick
    FROM range($rows) AS t(i)
),
shaped AS (
    SELECT
        *,
        CASE
            WHEN s_pick < 55 THEN 'drone'
            WHEN s_pick < 63 THEN 'missile'
            WHEN s_pick < 70 THEN 'cruise_missile'
            WHEN s_pick < 77 THEN 'ballistic_missile'
            WHEN s_pick < 80 THEN 'guided_missile'
            WHEN s_pick < 88 THEN 'person'
            WHEN s_pick < 94 THEN 'civilian'
            WHEN s_pick < 97 THEN 'child'
            ELSE 'soldier'
        END AS subject,
        DATE '2021-06-01' + CAST((hash(d, 'day') % 1826) AS INTEGER) AS event_date
    FROM base
),
measured AS (
    SELECT
        *,
        CASE
            WHEN subject IN ('person', 'civilian', 'child', 'soldier') THEN
                CASE WHEN m_pick < 55 THEN 'killed' WHEN m_pick < 95 THEN 'injured'
                     ELSE 'casualties' END
            ELSE
                CASE WHEN m_pick < 45 THEN 'launched' WHEN m_pick < 85 THEN 'downed'
                     WHEN m_pick < 97 THEN 'lost' ELSE 'hit' END
        END AS measure
    FROM shaped
),
valued AS (
    SELECT
        *,
        CASE WHEN subject IN ('person', 'civilian', 'child', 'soldier') THEN
                 CASE WHEN hash(d, 'ps') % 10 < 8 THEN 'ukraine' ELSE 'russia' END
             ELSE CASE WHEN hash(d, 'ws') % 20 < 19 THEN 'russia' ELSE 'ukraine' END
        END AS side,
        -- the fact's value (same for every mention of that night), sometimes restated
        CAST(greatest(1, exp(1.0 + (hash(event_date, subject, measure) % 1000) / 250.0))
             AS BIGINT)
            + CASE WHEN q_pick >= 85 THEN hash(i, 'v') % 5 ELSE 0 END AS v
    FROM measured
)
SELECT
    'syn-' || d || '#0:' || (i // $docs) * 40 || ':' || ((i // $docs) * 40 + 12) || ':'
        || subject || ':' || measure AS figure_id,
    'syn-' || d AS doc_id,
    'syn-' || d || '#0' AS entry_id,
    TIMESTAMP '2021-06-01' + to_seconds(CAST(hash(d, 'p') % (5 * 365 * 86400) AS BIGINT))
        AS published_at,
    event_date,
    q_pick % 7 = 0 AS date_assumed,
    subject,
    measure,
    side,
    CASE WHEN subject IN ('drone', 'missile') AND hash(i, 'w') % 3 = 0 THEN 'shahed' END
        AS weapon,
    v AS value,
    CASE WHEN q_pick BETWEEN 95 AND 97 THEN v END AS value_low,
    CASE WHEN q_pick BETWEEN 95 AND 97 THEN v + 1 + hash(i, 'r') % 5 END AS value_high,
    CASE
        WHEN q_pick < 85 THEN 'exact'
        WHEN q_pick < 90 THEN 'approx'
        WHEN q_pick < 94 THEN 'at_least'
        WHEN q_pick < 95 THEN 'at_most'
        WHEN q_pick < 98 THEN 'range'
        ELSE 'exact'
    END AS qualifier,
    q_pick = 99 AS cumulative,
    CASE hash(i, 'rb') % 8
        WHEN 0 THEN 'Ukraine''s air force' WHEN 1 THEN 'Russia''s defence ministry'
        WHEN 2 THEN 'the regional governor' WHEN 3 THEN 'President Zelensky'
        WHEN 4 THEN 'the city military administration' WHEN 5 THEN 'the UN'
        ELSE NULL END AS reported_by,
    CASE WHEN l_pick < 80 THEN NULL ELSE 'region-' || (l_pick % 24) END AS location,
    'A synthetic sentence for the benchmark.' AS quote,
    (i // $docs) * 40 AS span_start,
    (i // $docs) * 40 + 12 AS span_end,
    'synthetic' AS rule
FROM valued
"""


def build_synthetic(db: Path, rows: int = SYNTHETIC_ROWS) -> dict:
    """A figures database of `rows` generated figures (and their documents), in SQL."""
    docs = max(1, rows // 5)
    params = {"rows": rows, "docs": docs, "outlets": 3000}
    start = time.perf_counter()
    con = store.open_db(db)
    try:
        # the primary-key index of 10M figure ids needs more than an ingest's limit
        con.execute(f"SET memory_limit = '{SYNTHETIC_MEMORY_LIMIT}'")
        con.execute("SET preserve_insertion_order = false")
        con.execute(_SYNTH_DOCS, {k: params[k] for k in ("docs", "outlets")})
        con.execute(_SYNTH_FIGURES, {k: params[k] for k in ("rows", "docs")})
        n = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
        built = time.perf_counter()
        con.execute("SET memory_limit = '400MB'")  # the refresh runs within an ingest's limit
        derived.refresh_derived(con)
    finally:
        con.close()
    return {
        "rows": n,
        "documents": docs,
        "build_seconds": round(built - start, 2),
        "refresh_seconds": round(time.perf_counter() - built, 2),
    }


# --------------------------------------------------------------------------- the run


def run_bench(
    size: int,
    *,
    workers: int | None = None,
    keep: Path | None = None,
    seed: int = 0,
    sample_bytes: int = EXTRACT_SAMPLE_BYTES,
    synthetic_rows: int = SYNTHETIC_ROWS,
    corpus: list[Path] | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> BenchResult:
    """Build the corpus (or take `corpus`, files or folders), measure everything, return the numbers."""
    n_workers = max(1, workers or os.cpu_count() or 1)
    result = BenchResult(size, n_workers)
    result.machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        # other work on the machine slows the wall-clock numbers: recorded, not corrected
        "loadavg_start": list(os.getloadavg()),
    }
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="figures-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        with PeakRSS() as rss:
            rss.phase = "corpus"
            start = time.perf_counter()
            if corpus:
                log(f"reading the corpus at {', '.join(str(p) for p in corpus)}")
                files, text_bytes, skipped = existing_corpus(corpus)
                for line in skipped:
                    log(f"skipped {line}")
                if not files:
                    raise BenchError(f"{corpus[0]}: no readable input files")
                result.size_bytes = text_bytes
            else:
                log(f"writing a {size / 1e6:g} MB corpus to {work / 'corpus'}")
                for old in (work / "corpus").glob("reports-*.jsonl"):
                    old.unlink()
                files, text_bytes = write_corpus(work / "corpus", size, seed)
            result.corpus = {
                "source": [str(p) for p in corpus] if corpus else "generated",
                "skipped": skipped if corpus else [],
                "files": len(files),
                "text_bytes": text_bytes,
                "file_bytes": sum(p.stat().st_size for p in files),
                "seconds": round(time.perf_counter() - start, 2),
            }
            rss.phase = "extraction"
            log(f"extraction and regex ceiling over up to {sample_bytes / 1e6:g} MB, one core")
            result.extraction = measure_extraction(files, sample_bytes)
            rss.phase = "ingest"
            db = work / "bench.duckdb"
            db.unlink(missing_ok=True)
            log(f"ingest with {n_workers} workers into {db}")
            result.ingest = measure_ingest(files, text_bytes, db, n_workers)
            result.ingest["workers"] = n_workers
            rss.phase = "queries"
            log("views and queries over the ingested database")
            result.queries = time_queries(db)
            if synthetic_rows > 0:
                rss.phase = "synthetic"
                syn = work / "synthetic.duckdb"
                syn.unlink(missing_ok=True)
                log(f"views and queries over {synthetic_rows:,} synthetic figure rows")
                result.synthetic = build_synthetic(syn, synthetic_rows)
                result.synthetic["queries"] = time_queries(syn)
                if not keep:
                    syn.unlink(missing_ok=True)
        result.machine["loadavg_end"] = list(os.getloadavg())
        corpus_phases = [v for k, v in rss.phases.items() if k != "synthetic"]
        result.memory = {
            # the target: reading, extracting and ingesting the corpus, and querying it
            "peak_rss_mb": round(max(corpus_phases) / 1e6, 1),
            # the whole run, the synthetic 10M-row queries included (DuckDB's own cache)
            "peak_rss_mb_all": round(rss.peak / 1e6, 1),
            "by_phase_mb": {k: round(v / 1e6, 1) for k, v in rss.phases.items()},
        }
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return result


def _seconds(q: dict) -> str:
    return f"{q['seconds']:.3f} s" if q["seconds"] is not None else f"error: {q['error']}"


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


def format_table(result: BenchResult) -> str:
    """The run as a Markdown table (the README's)."""
    t = result.targets
    e, i, m = result.extraction, result.ingest, result.memory
    rows = [
        (
            "corpus",
            f"{result.corpus['text_bytes'] / 1e6:.1f} MB text, {result.corpus['files']} files"
            + ("" if result.corpus.get("source", "generated") == "generated" else " (given)"),
            "",
            "",
        ),
        (
            "extraction, MB/s per core",
            f"{e['mb_s_per_core']:.3f} (on {e['sample_bytes'] / 1e6:.1f} MB)",
            f">= {t['extract_mb_s_per_core']:g}",
            _mark(e["mb_s_per_core"] >= t["extract_mb_s_per_core"]),
        ),
        ("single regex pass, MB/s per core", f"{e['ceiling_mb_s']:.1f}", "", ""),
        (
            "extraction / regex pass",
            f"{e['ratio_to_ceiling']:.2%}",
            f">= {t['extract_ratio_to_ceiling']:.0%}",
            _mark(e["ratio_to_ceiling"] >= t["extract_ratio_to_ceiling"]),
        ),
        (
            f"ingest, MB/s ({i['workers']} workers)",
            f"{i['mb_s']:.3f} ({i['seconds']:.1f} s, {i['figures']} figures;"
            f" {i['mb_per_cpu_s']:.3f} MB per CPU-second)",
            f">= {t['ingest_mb_s']:g}",
            _mark(i["mb_s"] >= t["ingest_mb_s"]),
        ),
        (
            "peak RSS, MB (all processes: corpus, extraction, ingest, queries)",
            f"{m['peak_rss_mb']:.0f}",
            f"< {t['peak_rss_mb']:g}",
            _mark(m["peak_rss_mb"] < t["peak_rss_mb"]),
        ),
    ]
    if "synthetic" in m.get("by_phase_mb", {}):
        rows.append(
            (
                "peak RSS, MB (queries over the synthetic table)",
                f"{m['by_phase_mb']['synthetic']:.0f}",
                "",
                "",
            )
        )
    for q in result.queries:
        rows.append((f"{q['name']} ({i['figures']} figures)", _seconds(q), "", ""))
    syn = result.synthetic
    for q in syn.get("queries", []):
        rows.append(
            (
                f"{q['name']} ({syn['rows'] / 1e6:g}M rows)",
                _seconds(q),
                f"< {t['query_seconds']:g} s",
                _mark(q["seconds"] is not None and q["seconds"] < t["query_seconds"]),
            )
        )
    load = result.machine.get("loadavg_start", [0.0])[0]
    rows.insert(
        1,
        (
            "load average at start (1 min)",
            f"{load:.2f} on {result.machine.get('cpus')} CPUs",
            "",
            "",
        ),
    )
    lines = ["| measure | value | target | |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)
