"""The `figures` command: a thin shell over the library.

Each command only parses options, calls one library function and prints.
"""

from __future__ import annotations

import contextlib

import typer

app = typer.Typer(
    name="figures",
    help="Read war reporting into traceable figures: DuckDB, SQL, series and charts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# --------------------------------------------------------------------------- queries, sql, export
# (analytics.series / analytics.reference; imported inside the commands so that
# `figures --help` stays fast)

_SERIES_DB_HELP = "DuckDB file written by `figures ingest`."
_PARAM_OPTION = typer.Option(
    None, "--param", "-p", help="NAME=VALUE, repeatable; bound, never pasted into the SQL."
)


def _series_fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _series_print(df, fmt: str, out: str | None) -> None:
    from pathlib import Path

    from analytics.series import render

    text = render(df, fmt, Path(out) if out else None)
    if text is not None:
        typer.echo(text, nl=not text.endswith("\n"))


@contextlib.contextmanager
def _one_line_errors():
    """A query, store, DuckDB or file error ends the command with its first line, not a trace."""
    import duckdb

    from analytics import series
    from analytics.store import StoreError

    try:
        yield
    except (series.QueryError, StoreError, duckdb.Error, OSError) as exc:
        _series_fail(str(exc).splitlines()[0])


def _print_from_db(db: str, fmt: str, out: str | None, run) -> None:
    """Open the database read-only and sandboxed, run `run(con)` and print the frame it returns."""
    from analytics.store import open_db

    with _one_line_errors():
        con = open_db(db, read_only=True, sandbox=True)
        try:
            df = run(con)
        finally:
            con.close()
        _series_print(df, fmt, out)


@app.command("query")
def query_command(
    name: str | None = typer.Argument(None, help="Query name: a file of queries/ without .sql."),
    param: list[str] | None = _PARAM_OPTION,
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or parquet."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to this file."),
    list_queries: bool = typer.Option(False, "--list", help="List the queries and exit."),
) -> None:
    """Run a named query from queries/ with bound parameters.

    Examples:

        figures query --list

        figures query nightly_drones --param side=russia --param start=2024-11-01

        figures query disagreements --format csv --out disagreements.csv
    """
    from analytics import series

    if list_queries:
        with _one_line_errors():
            for info in series.list_queries():
                params = ", ".join(f"{p.name}={p.default}" for p in info.params)
                typer.echo(f"{info.name}: {info.description}" + (f" [{params}]" if params else ""))
        return
    if not name:
        _series_fail("give a query name, or --list to see them")
    _print_from_db(
        db, fmt, out, lambda con: series.run_query(con, name, series.parse_param_options(param))
    )


@app.command("sql")
def sql_command(
    statement: str = typer.Argument(..., help='One SQL statement, e.g. "SELECT * FROM claims".'),
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or parquet."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Run ad-hoc SQL against the database, read-only and sandboxed (no file or network access).

    Example:

        figures sql "SELECT * FROM daily_series WHERE subject = 'drone'" --format csv
    """
    from analytics import series

    _print_from_db(db, fmt, out, lambda con: series.run_sql(con, statement))


@app.command("export")
def export_command(
    out: str = typer.Option(..., "--out", "-o", help="Directory to write one file per table."),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet or csv."),
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
) -> None:
    """Write every table and view (claims, daily_series, ...) to DIR as parquet or csv.

    Example:

        figures export --format csv --out export/
    """
    from analytics import series
    from analytics.store import open_db

    with _one_line_errors():
        con = open_db(db, read_only=True)
        try:
            paths = series.export(con, out, fmt)  # type: ignore[arg-type]
        finally:
            con.close()
    typer.echo(f"wrote {len(paths)} files to {out}")


reference_app = typer.Typer(
    help="The Ukrainian Air Force nightly dataset as a reference series.",
    no_args_is_help=True,
)
app.add_typer(reference_app, name="reference")


@reference_app.command("load")
def reference_load_command(
    file: str = typer.Argument(..., help="missile_attacks_daily.csv (22- or 19-column version)."),
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
) -> None:
    """Load the dataset into reference_daily, replacing what was loaded before.

    Compare it with the extracted series through the `reference_comparison` view:

        figures reference load missile_attacks_daily.csv --db demo.duckdb

        figures sql "SELECT * FROM reference_comparison WHERE status <> 'same'" --db demo.duckdb
    """
    import duckdb

    from analytics.model import InputError
    from analytics.reference import load_reference
    from analytics.store import StoreError, open_db

    try:
        con = open_db(db)
        try:
            report = load_reference(con, file)
        finally:
            con.close()
    except (InputError, StoreError, duckdb.Error) as exc:
        _series_fail(str(exc).splitlines()[0])
    for skipped in report.skipped:
        typer.echo(f"skipped {skipped}", err=True)
    if report.unclassified_models:
        typer.echo(
            "models with no weapon class: " + ", ".join(report.unclassified_models), err=True
        )
    typer.echo(
        f"loaded {report.rows} rows ({report.layout} file) into reference_daily;"
        f" skipped {len(report.skipped)}"
    )


# --------------------------------------------------------------------------- ingest


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (.txt .md .html .jsonl .ndjson .json, optionally .gz)."
    ),
    db: str = typer.Option("figures.duckdb", "--db", help="DuckDB file to create or add to."),
    published: str | None = typer.Option(
        None,
        "--published",
        help="Publication date (YYYY-MM-DD or ISO time) for documents whose file gives none.",
    ),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Processes that read and extract (default: CPUs)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
) -> None:
    """Read files into the figures database; files already stored unchanged are skipped.

    Each file is stored whole or not at all. A changed file replaces what it
    stored before; a document id already stored from another file is skipped.
    A file that cannot be read is reported on stderr as "PATH: reason" and the
    exit status is 1, but the other files are still ingested.

    Examples:

        figures ingest corpus.jsonl

        figures ingest articles/ telegram/export.json --db war.duckdb

        figures ingest live-blog.html --published 2024-11-13 --workers 4
    """
    import datetime as dt

    from analytics.pipeline import PipelineError, ingest
    from analytics.store import StoreError

    when = None
    if published:
        try:
            when = dt.datetime.fromisoformat(published)
            if not 1900 <= when.year <= 2200:
                raise ValueError(published)
        except ValueError:
            typer.echo(f"error: --published {published!r}: expected YYYY-MM-DD", err=True)
            raise typer.Exit(2) from None
    try:
        report = ingest(paths, db, published=when, workers=workers, quiet=quiet)
    except (StoreError, PipelineError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for message in report.errors:
        typer.echo(message, err=True)
    if not quiet:
        for message in report.warnings:
            typer.echo(f"skipped {message}", err=True)
        if report.n_warnings > len(report.warnings):
            typer.echo(f"... and {report.n_warnings - len(report.warnings)} more", err=True)
        typer.echo(report.summary(), err=True)
    if not report.ok:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- charts


@app.command("chart")
def chart_command(
    names: list[str] | None = typer.Argument(
        None,
        help="Charts to draw: air_defence, share_downed, missiles_by_type, casualties, "
        "reporters, reference.",
    ),
    all_charts: bool = typer.Option(False, "--all", help="Draw every chart."),
    db: str = typer.Option(
        "figures.duckdb", "--db", help="DuckDB file written by `figures ingest`."
    ),
    out: str = typer.Option("charts", "--out", "-o", help="Directory to write the charts to."),
    fmt: str = typer.Option(
        "png", "--format", "-f", help="png, svg, or html (self-contained, with tooltips)."
    ),
) -> None:
    """Draw charts from the database as PNG, SVG or self-contained HTML; no network needed.

    Each chart is written as OUT/NAME.FORMAT. A chart with nothing to draw is
    skipped with a warning and the others are still written.

    Examples:

        figures chart --all --db figures.duckdb --out charts/

        figures chart air_defence casualties --format html
    """
    import warnings

    import duckdb

    from analytics import charts
    from analytics.store import StoreError, open_db

    def fail(message: str) -> None:
        typer.echo(f"error: {message}", err=True)
        raise typer.Exit(1)

    if fmt not in charts.FORMATS:
        fail(f"unknown format {fmt!r}; choose from {', '.join(charts.FORMATS)}")
    if all_charts == bool(names):
        fail(f"give chart names or --all (not both); charts: {', '.join(charts.CHART_NAMES)}")
    unknown = [n for n in names or [] if n not in charts.CHART_NAMES]
    if unknown:
        fail(f"unknown chart {', '.join(unknown)}; charts: {', '.join(charts.CHART_NAMES)}")
    try:
        con = open_db(db, read_only=True)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", charts.ChartSkippedWarning)
                paths = charts.render_charts(con, out, None if all_charts else names, fmt)  # type: ignore[arg-type]
        finally:
            con.close()
    except (StoreError, duckdb.Error, OSError) as exc:
        fail(str(exc).splitlines()[0])
    for warning in caught:
        if issubclass(warning.category, charts.ChartSkippedWarning):
            typer.echo(f"warning: {warning.message}", err=True)
    for path in paths:
        typer.echo(f"wrote {path}")
    if not paths:
        fail("no chart had anything to draw")


# --------------------------------------------------------------------------- demo


@app.command("demo")
def demo_command(
    db: str = typer.Option("demo.duckdb", "--db", help="DuckDB file to (re)build."),
    out: str = typer.Option("charts", "--out", "-o", help="Directory for the charts."),
    fmt: str = typer.Option("png", "--format", "-f", help="png, svg or html."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1, help="Ingest processes."),
) -> None:
    """Build the demo database from the packaged corpus and draw every chart.

    The corpus is ~200 short reports written by this project over seven months
    of 2024; the Ukrainian Air Force's nightly numbers in it are real (see the
    README), the Russian ministry's and governors' are illustrative. The
    database is rebuilt from scratch each time.

    Example:

        figures demo --db demo.duckdb --out charts/
    """
    from analytics.demo.run import run_demo

    result = run_demo(db, out, fmt, workers=workers)
    for message in result.ingest.errors:
        typer.echo(message, err=True)
    for message in result.skipped_charts:
        typer.echo(f"warning: {message}", err=True)
    typer.echo(
        f"{db}: {result.ingest.documents} documents, {result.figures} figures, "
        f"{result.claims} claims, {result.reference_rows} reference rows"
    )
    for path in result.charts:
        typer.echo(f"wrote {path}")
    if not result.ingest.ok or not result.charts:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- eval


@app.command("eval")
def eval_command(
    gold: str = typer.Argument(..., help="A gold .jsonl file, or a folder of them."),
    db: str = typer.Option(
        "figures.duckdb", "--db", help="DuckDB file written by `figures ingest`."
    ),
    all_docs: bool = typer.Option(
        False,
        "--all-docs",
        help="Score every stored document; those without gold lines should have no figures.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the scores."),
) -> None:
    """Score the figures in a database against gold figures (../shared/figures-spec.md).

    Prints every miss, false positive and side/date disagreement next to its
    quote, then precision, recall, F1, and side and date accuracy. A gold file
    named after a document (d22_x.jsonl) covers that document even when empty.

    Examples:

        figures ingest my-texts/ --db mine.duckdb && figures eval my-gold/ --db mine.duckdb

        figures eval tests/gold/train/gold.jsonl --db train.duckdb --all-docs
    """
    from analytics.evaluate import figures_from_db, load_gold, report, score, stored_documents
    from analytics.store import StoreError, open_db

    try:
        figures, documents = load_gold(gold)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        con = open_db(db, read_only=True)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        if all_docs:
            documents |= stored_documents(con)
        result = score(figures_from_db(con), figures, documents)
    finally:
        con.close()
    text = report(result)
    typer.echo("\n".join(text.splitlines()[-2:]) if quiet else text)


# --------------------------------------------------------------------------- extract, bench
# (analytics.batch / analytics.bench)


@app.command("extract")
def extract_command(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (.txt .md .html .jsonl .ndjson .json, optionally .gz)."
    ),
    out: str = typer.Option(..., "--out", "-o", help="Folder for documents/ entries/ figures/."),
    engine: str = typer.Option("local", "--engine", help="local (processes) or dask."),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address (tcp://HOST:8786); without it --engine dask starts"
        " a local cluster.",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Local processes or local-cluster workers (default: CPUs).",
    ),
    batch_docs: int = typer.Option(2000, "--batch-docs", min=1, help="Documents per batch."),
    load: str | None = typer.Option(
        None, "--db", help="Also load the parts into this DuckDB file (views included)."
    ),
) -> None:
    """Extract figures in batches to partitioned Parquet, locally or on a Dask cluster.

    The extractor runs as a pure function over Arrow batches of documents and
    writes OUT/documents/, OUT/entries/ and OUT/figures/ as part-NNNNN.parquet
    files (the rows `figures ingest` would store). DuckDB reads them directly:

        duckdb -c "SELECT subject, sum(value) FROM read_parquet('OUT/figures/*.parquet') GROUP BY 1"

    --db DB loads them into a figures database, so `figures query` and the
    series views run over them.

    Examples:

        figures extract archive/ --out parts/

        figures extract archive/ --out parts/ --engine dask --workers 2

    Against a running cluster (`dask scheduler` on one machine, `dask worker
    tcp://HOST:8786 --nthreads 1 --nworkers 4` on each of the others, all with
    this package installed; the input files are read where this command runs):

        figures extract /data/archive --out /data/parts --engine dask --scheduler tcp://HOST:8786
    """
    from analytics.batch import BatchError, extract_to_parquet, parquet_to_db
    from analytics.store import StoreError

    try:
        report = extract_to_parquet(
            paths, out, engine=engine, scheduler=scheduler, workers=workers, batch_docs=batch_docs
        )
    except BatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for message in report.errors:
        typer.echo(message, err=True)
    if report.n_warnings:
        typer.echo(f"{report.n_warnings} records skipped", err=True)
    typer.echo(report.summary())
    if load:
        try:
            counts = parquet_to_db(out, load)
        except (BatchError, StoreError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{load}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if not report.ok:
        raise typer.Exit(1)


@app.command("bench")
def bench_command(
    size: str = typer.Option("10MB", "--size", help="Corpus size: 10MB, 100MB, 1GB, ..."),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1, help="Ingest processes (default: CPUs)."
    ),
    json_out: str | None = typer.Option(None, "--json", help="Write the numbers to this file."),
    keep: str | None = typer.Option(
        None, "--keep", help="Keep the corpus and databases in this folder (else a temp dir)."
    ),
    sample: str = typer.Option(
        "10MB", "--sample", help="Text timed for extraction and the regex ceiling (at most)."
    ),
    synthetic_rows: int = typer.Option(
        10_000_000, "--synthetic-rows", min=0, help="Rows of the synthetic figures table (0: skip)."
    ),
    corpus: list[str] = typer.Option(
        [], "--corpus", help="Time your own files or folders instead of a generated corpus."
    ),
) -> None:
    """Measure extraction, ingest, memory and query times on a generated corpus.

    Builds SIZE of realistic reports from the project's templates (streamed to
    JSON-lines files), then measures extraction MB/s per core beside a single
    regex pass over the same text, ingest MB/s with --workers processes, the
    peak RSS of all processes, and the time of the series views and named
    queries over the result and over a synthetic 10-million-row figures table.
    Prints a Markdown table; --json writes every number.

    Examples:

        figures bench --size 10MB --json bench-10MB.json

        figures bench --size 1GB --workers 2 --keep /tmp/bench

        figures bench --corpus ~/archive/liveblogs --synthetic-rows 0
    """
    import json
    from pathlib import Path

    from analytics.bench import BenchError, format_table, parse_size, run_bench

    try:
        size_bytes, sample_bytes = parse_size(size), parse_size(sample)
    except BenchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        result = run_bench(
            size_bytes,
            workers=workers,
            keep=Path(keep) if keep else None,
            sample_bytes=sample_bytes,
            synthetic_rows=synthetic_rows,
            corpus=[Path(p) for p in corpus] or None,
            log=lambda line: typer.echo(line, err=True),
        )
    except BenchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(format_table(result))
    if json_out:
        Path(json_out).write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")


@app.command("refresh")
def refresh_command(
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
    force: bool = typer.Option(False, "--force", help="Rebuild even when up to date."),
) -> None:
    """Rebuild the tables behind claims and the daily series after the data changed.

    `figures ingest` does this itself; run it after writing figures by other means.

    Example:

        figures refresh --db figures.duckdb
    """
    import time

    import duckdb

    from analytics.derived import refresh_db
    from analytics.store import StoreError

    start = time.perf_counter()
    try:
        rebuilt = refresh_db(db, force=force)
    except (StoreError, duckdb.Error, OSError) as exc:
        _series_fail(str(exc).splitlines()[0])
    seconds = time.perf_counter() - start
    typer.echo(f"refreshed in {seconds:.1f} s" if rebuilt else "derived tables are up to date")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
