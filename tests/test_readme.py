"""The README documents the schema and the queries the code actually has."""

from __future__ import annotations

from pathlib import Path

from analytics.series import list_queries
from analytics.store import schema_markdown

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    head = README[: README.index("## A tour")]
    assert "make demo" in head and "make test" in head


def test_readme_schema_matches_the_ddl() -> None:
    rows = [line for line in schema_markdown().splitlines() if line.startswith("| `")]
    missing = [row for row in rows if row not in README]
    assert not missing, missing


def test_readme_lists_every_query() -> None:
    for query in list_queries():
        assert f"`{query.name}`" in README, query.name
