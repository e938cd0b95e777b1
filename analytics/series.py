"""Named queries, ad-hoc SQL and export over the views of analytics/sql/.

The claims and series themselves are plain SQL views inside the DuckDB file (so
the duckdb CLI sees them too); this module only runs SQL and moves results out.

A named query is a `.sql` file in `queries/` that opens with a comment block:
the first line says what it answers, `-- param: NAME = DEFAULT -- help` lines
declare its parameters. Parameters are DuckDB named parameters (`$NAME`), always
bound, never pasted into the SQL text; they arrive as strings and the query
casts them (`CAST($start AS DATE)`). An empty default means "no bound".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import polars as pl

# Installed wheel: analytics/queries/ (package data); checkout: <repo>/queries/.
_PACKAGE_DIR = Path(__file__).resolve().parent
QUERY_DIRS: tuple[Path, ...] = (_PACKAGE_DIR / "queries", _PACKAGE_DIR.parent / "queries")

_PARAM_LINE = re.compile(
    r"^--\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<default>.*?)\s*(?:--\s*(?P<help>.*))?$"
)
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")

OutputFormat = Literal["table", "csv", "json", "parquet"]
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "json", "parquet")


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One declared parameter of a named query."""

    name: str
    default: str
    help: str = ""


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A named query: its file, one-line description and declared parameters."""

    name: str
    description: str
    params: tuple[QueryParam, ...] = ()
    path: Path | None = None
    sql: str = field(default="", repr=False)


class QueryError(ValueError):
    """A query that cannot run as asked: unknown name, unknown parameter, bad file."""


def query_dir() -> Path:
    """The folder the named queries are read from (first one that exists)."""
    for folder in QUERY_DIRS:
        if folder.is_dir():
            return folder
    raise QueryError(f"{QUERY_DIRS[-1]}: queries folder not found")


def parse_query(path: Path) -> QueryInfo:
    """Read a query file's header: description (first comment line) and params."""
    sql = path.read_text(encoding="utf-8")
    description = ""
    params: list[QueryParam] = []
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            break  # the header ends at the first line of SQL
        match = _PARAM_LINE.match(stripped)
        if match:
            params.append(
                QueryParam(match["name"], match["default"].strip(), (match["help"] or "").strip())
            )
        elif not description:
            description = stripped.lstrip("-").strip()
    declared = {p.name for p in params}
    used = set(_PARAM_USE.findall(_body(sql)))
    if used != declared:
        raise QueryError(
            f"{path}: parameters used {sorted(used)} do not match declared {sorted(declared)}"
        )
    return QueryInfo(path.stem, description, tuple(params), path, sql)


def _body(sql: str) -> str:
    """The SQL without its comment lines, where `$name` uses are counted."""
    return "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))


def list_queries() -> list[QueryInfo]:
    """All named queries, sorted by name."""
    return [parse_query(p) for p in sorted(query_dir().glob("*.sql"))]


def get_query(name: str) -> QueryInfo:
    """One named query by its file name without `.sql`."""
    path = query_dir() / f"{name}.sql"
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", name) or not path.is_file():
        known = ", ".join(q.name for q in list_queries())
        raise QueryError(f"unknown query {name!r}; known: {known}")
    return parse_query(path)


def bind_params(info: QueryInfo, params: dict[str, object] | None) -> dict[str, str]:
    """Declared defaults overridden by `params`; an undeclared name is an error.

    Values are passed as text (None as ''): the queries cast what they need, so
    `start=datetime.date(2024, 11, 13)` and `start="2024-11-13"` mean the same.
    """
    given = dict(params or {})
    declared = {p.name: p.default for p in info.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise QueryError(
            f"query {info.name!r} has no parameter {', '.join(unknown)}; "
            f"known: {', '.join(declared) or 'none'}"
        )
    bound = {name: given.get(name, default) for name, default in declared.items()}
    return {name: "" if value is None else str(value) for name, value in bound.items()}


def run_query(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, object] | None = None
) -> pl.DataFrame:
    """Run a named query with its parameters bound (defaults for the ones not given)."""
    info = get_query(name)
    return _frame(con.sql(_body(info.sql), params=bind_params(info, params)))


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    """Run one ad-hoc statement; a statement that returns nothing gives an empty frame."""
    return _frame(con.sql(sql))


def _frame(relation: duckdb.DuckDBPyRelation | None) -> pl.DataFrame:
    return pl.DataFrame() if relation is None else relation.pl()


def parse_param_options(options: list[str] | None) -> dict[str, str]:
    """`["side=ukraine", "start=2024-11-01"]` -> dict; each option must hold `=`."""
    result: dict[str, str] = {}
    for option in options or []:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {option!r}: expected NAME=VALUE")
        result[key.strip()] = value
    return result


def relation_names(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table' | 'view') for every table and view of the main schema."""
    rows = con.sql(
        """
        SELECT table_name, CASE WHEN table_type = 'VIEW' THEN 'view' ELSE 'table' END
        FROM information_schema.tables
        WHERE table_schema = 'main' AND table_catalog = current_database()
        ORDER BY table_type, table_name
        """
    ).fetchall()
    return [(str(name), str(kind)) for name, kind in rows]


def export(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path | str,
    fmt: Literal["parquet", "csv"] = "parquet",
) -> list[Path]:
    """Write every table and view to OUT_DIR/NAME.parquet (or .csv); returns the paths."""
    if fmt not in ("parquet", "csv"):
        raise QueryError(f"export format {fmt!r}: expected parquet or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, _kind in relation_names(con):
        path = out / f"{name}.{fmt}"
        ident = '"' + name.replace('"', '""') + '"'
        # COPY takes no bound parameter for its target, so the path is quoted here.
        target = str(path).replace("'", "''")
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        con.execute(f"COPY (SELECT * FROM {ident}) TO '{target}' ({options})")
        written.append(path)
    return written


def render(df: pl.DataFrame, fmt: str, out: Path | None = None) -> str | None:
    """Write `df` as table/csv/json/parquet to `out`, or return the text to print.

    parquet needs `out`; for the others, without `out` the text is returned.
    """
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"format {fmt!r}: expected one of {', '.join(OUTPUT_FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise QueryError("--format parquet needs --out FILE")
        df.write_parquet(out)
        return None
    if fmt == "csv":
        text = df.write_csv()
    elif fmt == "json":
        text = df.write_json()
    else:
        text = _table_text(df)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        return None
    return text


def _table_text(df: pl.DataFrame) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    for column in df.columns:
        table.add_column(column, justify="right" if df[column].dtype.is_numeric() else "left")
    for row in df.iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    buffer = io.StringIO()
    Console(file=buffer, width=min(240, max(80, 4 + sum(len(c) + 12 for c in df.columns)))).print(
        table
    )
    return buffer.getvalue() + f"{df.height} row{'s' if df.height != 1 else ''}\n"
