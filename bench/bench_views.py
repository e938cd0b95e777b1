"""Time the series views, the named queries and the derived-table refresh over synthetic figures.

    .venv/bin/python bench/bench_views.py --rows 1000000 --rows 10000000 [--keep DIR]

For each size it builds a synthetic database (analytics.bench.build_synthetic,
with a memory limit large enough to generate 10M rows), refreshes the derived
tables under the ingest's memory limit (pipeline.DUCKDB_MEMORY_LIMIT) and times
each view (SELECT * to a polars frame) and each named query with its defaults,
through a read-only connection as `figures query` opens it. `--as-is DB` times
the views already stored in DB without opening it through the store (so an
older file keeps its older view definitions: the "before" numbers).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import bench, pipeline, series, store

VIEWS = ("daily_series", "air_defence", "casualties_daily", "claims", "reference_comparison")
BUILD_MEMORY = "6GB"


def time_all(con: duckdb.DuckDBPyConnection) -> list[tuple[str, float, int]]:
    """(name, seconds, rows) for every view and named query."""
    jobs = [(v, lambda v=v: series.run_sql(con, f"SELECT * FROM {v}")) for v in VIEWS]
    jobs += [
        (f"query:{q.name}", lambda n=q.name: series.run_query(con, n))
        for q in series.list_queries()
    ]
    out = []
    for name, job in jobs:
        start = time.perf_counter()
        frame = job()
        out.append((name, round(time.perf_counter() - start, 3), frame.height))
        print(f"  {name:32s} {out[-1][1]:8.3f} s {frame.height:>9} rows", flush=True)
    return out


def refresh(db: Path) -> dict:
    """Open through the store (new views) and refresh under the ingest's memory limit."""
    from analytics import derived

    con = store.open_db(db)
    try:
        con.execute(f"SET memory_limit = '{pipeline.DUCKDB_MEMORY_LIMIT}'")
        start = time.perf_counter()
        derived.refresh_derived(con)
        seconds = time.perf_counter() - start
    finally:
        con.close()
    return {"refresh_seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", default=[])
    parser.add_argument("--keep", type=Path, default=Path("/tmp/bench-views"))
    parser.add_argument("--as-is", type=Path, help="time the views stored in this file")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args()
    results: dict = {}
    if args.as_is:
        print(f"{args.as_is} (views as stored)")
        con = duckdb.connect(str(args.as_is), read_only=True)
        results[str(args.as_is)] = {"timings": time_all(con)}
        con.close()
    for rows in args.rows:
        args.keep.mkdir(parents=True, exist_ok=True)
        db = args.keep / f"synthetic-{rows}.duckdb"
        limit = pipeline.DUCKDB_MEMORY_LIMIT
        pipeline.DUCKDB_MEMORY_LIMIT = BUILD_MEMORY
        try:
            db.unlink(missing_ok=True)
            built = bench.build_synthetic(db, rows)
        finally:
            pipeline.DUCKDB_MEMORY_LIMIT = limit
        built.update(refresh(db))
        print(f"{rows:,} rows: {built}", flush=True)
        con = store.open_db(db, read_only=True)
        try:
            built["timings"] = time_all(con)
        finally:
            con.close()
        results[str(rows)] = built
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
