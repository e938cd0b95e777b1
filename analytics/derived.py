"""Derived tables behind the claims and series views: built once, refreshed when data changes.

Grouping mentions into claims and choosing the default claim read every figure;
doing that on every query is too slow for millions of figures. The SQL of
analytics/sql/10_claims.sql keeps the results in tables (claim_assignments_cache,
claims_cache, reporter_summary_cache, claim_disagreements_cache) and the views read
them while `derived_state` says they match the data (row counts and highest row
ids of figures and documents), else they compute from the figures: a view is
never stale, only slower. `refresh_derived` rebuilds the tables stage by stage
from the same SQL the views use (so every rule is written once), in parts that
bound memory, in one transaction.
"""

from __future__ import annotations

import contextlib
import os

import duckdb

STAGES: tuple[tuple[str, str], ...] = (
    ("claim_assignments_cache", "claim_assignments_of(true{days})"),
    ("claims_cache", "claims_of({days})"),
    ("reporter_summary_cache", "reporter_summary_of({pair})"),
    ("claim_disagreements_cache", "claim_disagreements_of({days})"),
)
"""(table, what it is built from), in build order (stage 1, 2, ...). `{days}` marks a
source built a span of event dates at a time, `{pair}` one subject and measure at a time."""

_ORDER = {
    # rows stored in the order most reads filter or sort by (cheaper scans and sorts)
    "claim_assignments_cache": "",
    "claims_cache": "event_date, subject, measure, side, cumulative, default_order",
    "reporter_summary_cache": "mentions DESC, reported_by, subject, measure",
    "claim_disagreements_cache": "date, subject, measure, side, location",
}

CHUNK_ROWS = 1_000_000
"""Figures grouped in one statement at most (whole days); bounds the refresh's memory."""


def day_spans(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[tuple]:
    """Spans of event dates (first, last) holding at most `limit` figures each (a bigger day
    is a span of its own); [(None, None)] when one span holds them all."""
    limit = limit or CHUNK_ROWS
    rows = con.execute(
        "SELECT coalesce(event_date, DATE '0001-01-01') AS day, count(*) FROM figures"
        " GROUP BY day ORDER BY day"
    ).fetchall()
    spans: list[tuple] = []
    first = last = None
    n = 0
    for day, count in rows:
        if first is not None and n + count > limit:
            spans.append((first, last))
            first, n = None, 0
        if first is None:
            first = day
        n += count
        last = day
    if first is not None:
        spans.append((first, last))
    return spans if len(spans) > 1 else [(None, None)]


def _days_sql(span: tuple, leading_comma: bool) -> str:
    first, last = span
    if first is None:
        return ""
    text = f"day_from := DATE '{first.isoformat()}', day_to := DATE '{last.isoformat()}'"
    return (", " + text) if leading_comma else text


def _pairs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """reporter_summary_of arguments: one (subject, measure) of the claims each."""
    rows = con.execute(
        "SELECT DISTINCT subject, measure FROM claims_cache ORDER BY 1, 2"
    ).fetchall()
    if len(rows) <= 1:
        return [""]
    return [
        f"only_subject := {_literal(subject)}, only_measure := {_literal(measure)}"
        for subject, measure in rows
    ]


def _literal(value: str | None) -> str:
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def _signature(con: duckdb.DuckDBPyConnection) -> tuple:
    return con.execute(
        "SELECT (SELECT count(*) FROM figures), (SELECT max(rowid) FROM figures),"
        " (SELECT count(*) FROM documents), (SELECT max(rowid) FROM documents)"
    ).fetchall()[0]


def freshness(con: duckdb.DuckDBPyConnection) -> int:
    """The stage whose tables match the data (0: stale, len(STAGES): all fresh)."""
    return int(con.execute("SELECT stage FROM derived_freshness").fetchall()[0][0])


def is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every derived table matches the figures and documents stored now."""
    return freshness(con) >= len(STAGES)


def refresh_derived(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> bool:
    """Rebuild the derived tables unless they are fresh (or `force`); True when rebuilt.

    One transaction: a reader sees the old tables (computing from figures, as
    they are stale) or the new ones, never a mix.
    """
    if not force and is_fresh(con):
        return False
    # Result order is set by ORDER BY where it matters; letting DuckDB reorder the
    # rest keeps the build streaming within a small memory_limit.
    keep_order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
    con.execute("SET preserve_insertion_order = false")
    try:
        _rebuild(con)
    finally:
        con.execute(f"SET preserve_insertion_order = {str(bool(keep_order)).lower()}")
    return True


def _rebuild(con: duckdb.DuckDBPyConnection) -> None:
    con.begin()
    try:
        con.execute("DELETE FROM derived_state")  # every view now computes from figures
        signature = _signature(con)
        spans = day_spans(con)
        for stage, (table, source) in enumerate(STAGES, start=1):
            order = f" ORDER BY {_ORDER[table]}" if _ORDER[table] else ""
            if "{days}" in source:
                comma = source.startswith("claim_assignments_of")
                sources = [source.format(days=_days_sql(span, comma)) for span in spans]
            else:
                sources = [source.format(pair=pair) for pair in _pairs(con)]
            for i, select_from in enumerate(sources):
                select = f"SELECT * FROM {select_from}{order}"
                if i == 0:
                    con.execute(f"CREATE OR REPLACE TABLE {table} AS {select}")
                else:
                    con.execute(f"INSERT INTO {table} {select}")
            con.execute("DELETE FROM derived_state")
            con.execute(
                "INSERT INTO derived_state VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP)",
                [stage, *signature],
            )
        con.commit()
    except BaseException:
        with contextlib.suppress(duckdb.TransactionException):
            con.rollback()
        raise


def refresh_db(
    db_path: str | os.PathLike[str], *, force: bool = False, memory_limit: str | None = None
) -> bool:
    """Open the database at `db_path` and refresh its derived tables (see refresh_derived)."""
    from analytics import pipeline, store

    con = store.open_db(db_path)
    try:
        con.execute(f"SET memory_limit = '{memory_limit or pipeline.DUCKDB_MEMORY_LIMIT}'")
        return refresh_derived(con, force=force)
    finally:
        con.close()
