"""The `figures` command: a thin shell over the library.

Each command only parses options, calls one library function and prints.
"""

from __future__ import annotations

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
    import duckdb

    from analytics import series
    from analytics.store import StoreError, open_db

    try:
        if list_queries:
            for info in series.list_queries():
                params = ", ".join(f"{p.name}={p.default}" for p in info.params)
                typer.echo(f"{info.name}: {info.description}" + (f" [{params}]" if params else ""))
            return
        if not name:
            _series_fail("give a query name, or --list to see them")
        con = open_db(db, read_only=True)
        try:
            df = series.run_query(con, name, series.parse_param_options(param))
        finally:
            con.close()
        _series_print(df, fmt, out)
    except (series.QueryError, StoreError, duckdb.Error, OSError) as exc:
        _series_fail(str(exc).splitlines()[0])


@app.command("sql")
def sql_command(
    statement: str = typer.Argument(..., help='One SQL statement, e.g. "SELECT * FROM claims".'),
    db: str = typer.Option("figures.duckdb", "--db", help=_SERIES_DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or parquet."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to this file."),
) -> None:
    """Run ad-hoc SQL against the database, opened read-only (it cannot change it).

    Example:

        figures sql "SELECT * FROM daily_series WHERE subject = 'drone'" --format csv
    """
    import duckdb

    from analytics import series
    from analytics.store import StoreError, open_db

    try:
        con = open_db(db, read_only=True)
        try:
            df = series.run_sql(con, statement)
        finally:
            con.close()
        _series_print(df, fmt, out)
    except (series.QueryError, StoreError, duckdb.Error, OSError) as exc:
        _series_fail(str(exc).splitlines()[0])


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
    import duckdb

    from analytics import series
    from analytics.store import StoreError, open_db

    try:
        con = open_db(db, read_only=True)
        try:
            paths = series.export(con, out, fmt)  # type: ignore[arg-type]
        finally:
            con.close()
    except (series.QueryError, StoreError, duckdb.Error, OSError) as exc:
        _series_fail(str(exc).splitlines()[0])
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
    db: str = typer.Option("figures.duckdb", "--db", help="DuckDB file written by `figures ingest`."),
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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
