"""`figures demo`: build the demo database from scratch and draw its charts.

The whole path in one call — packaged corpus -> ingest -> reference nights ->
charts — so a newcomer sees every stage work before pointing it at their own
files.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from analytics import charts
from analytics.demo import corpus_path, reference_path
from analytics.pipeline import IngestReport, ingest
from analytics.reference import load_reference
from analytics.store import open_db


@dataclass
class DemoResult:
    """What the demo built: the ingest report, counts and the chart files."""

    ingest: IngestReport
    figures: int
    claims: int
    reference_rows: int
    charts: list[Path] = field(default_factory=list)
    skipped_charts: list[str] = field(default_factory=list)


def run_demo(
    db_path: str | Path = "demo.duckdb",
    charts_dir: str | Path = "charts",
    fmt: str = "png",
    *,
    workers: int | None = None,
    quiet: bool = True,
) -> DemoResult:
    """Rebuild `db_path` from the packaged corpus and render every chart into `charts_dir`."""
    db_path = Path(db_path)
    for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
        stale.unlink(missing_ok=True)
    report = ingest([corpus_path()], db_path, workers=workers, quiet=quiet, progress=not quiet)
    con = open_db(db_path)
    try:
        loaded = load_reference(con, reference_path())
        figures = con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
        claims = con.execute("SELECT count(*) FROM claims").fetchall()[0][0]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", charts.ChartSkippedWarning)
            written = charts.render_charts(con, charts_dir, None, fmt)  # type: ignore[arg-type]
    finally:
        con.close()
    skipped = [str(w.message) for w in caught if issubclass(w.category, charts.ChartSkippedWarning)]
    return DemoResult(report, figures, claims, loaded.rows, written, skipped)
