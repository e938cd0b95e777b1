"""The DuckDB command-line client, as a user with a 1.x CLI would open our files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"  # from the duckdb-cli package, if installed


def tables_and_views(path: Path) -> list[str]:
    """Every table and (non-internal) view in a database file, read with the library."""
    from analytics import store

    con = store.open_db(path, read_only=True)
    try:
        return [
            row[0]
            for row in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION ALL"
                " SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        ]
    finally:
        con.close()


def cli_count(path: Path, name: str) -> int:
    """`SELECT count(*)` of a table or view through the CLI; fails the test with its stderr."""
    out = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", str(path), "-c", f"SELECT count(*) FROM {name}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, f"{name}: {out.stderr.strip()}"
    last = out.stdout.strip().splitlines()[-1]
    assert last.isdigit(), f"{name}: {out.stdout}"
    return int(last)
