"""The named queries of queries/, their parameters, ad-hoc SQL, export and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from series_fixtures import standard_db
from typer.testing import CliRunner

from analytics import series
from analytics.cli import app

QUERY_NAMES = [
    "coverage",
    "deadliest_days",
    "disagreements",
    "missiles_by_type",
    "nightly_drones",
    "rolling_averages",
    "share_downed_by_month",
    "who_reports_what",
]


def d(day: int, month: int = 11) -> dt.date:
    return dt.date(2024, month, day)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "std.duckdb"
    standard_db(path).close()
    return path


@pytest.fixture(scope="module")
def con(db_path):
    from analytics.store import open_db

    connection = open_db(db_path, read_only=True)
    yield connection
    connection.close()


def run(con, name: str, **params: str) -> pl.DataFrame:
    return series.run_query(con, name, params)


# --------------------------------------------------------------------------- the library


def test_every_query_is_listed_with_a_description():
    infos = series.list_queries()
    assert [q.name for q in infos] == QUERY_NAMES
    for info in infos:
        assert info.description and info.description[0].isupper(), info.name
        for param in info.params:
            assert param.help, f"{info.name}: {param.name} has no help"


def test_header_is_parsed(tmp_path):
    path = tmp_path / "q.sql"
    path.write_text(
        "-- What it answers.\n-- More text.\n-- param: side = russia -- whose\n"
        "-- param: start = -- first day\nSELECT $side AS s, $start AS t\n"
    )
    info = series.parse_query(path)
    assert info.description == "What it answers."
    assert [(p.name, p.default, p.help) for p in info.params] == [
        ("side", "russia", "whose"),
        ("start", "", "first day"),
    ]


def test_header_must_declare_every_parameter(tmp_path):
    path = tmp_path / "q.sql"
    path.write_text("-- Undeclared.\n-- param: a = 1 -- one\nSELECT $a, $b\n")
    with pytest.raises(series.QueryError, match="do not match"):
        series.parse_query(path)


def test_nightly_drones(con):
    got = run(con, "nightly_drones")
    assert got["date"].to_list() == [d(12), d(13), d(14), d(15), d(17)]
    assert got.row(1) == (d(13), 90, 37, 47, 0.411)
    assert run(con, "nightly_drones", side="ukraine").rows() == [(d(14), None, 67, None, None)]
    window = run(con, "nightly_drones", start="2024-11-13", end="2024-11-14")
    assert window["date"].to_list() == [d(13), d(14)]


def test_share_downed_by_month(con):
    got = run(con, "share_downed_by_month")
    assert got.rows() == [
        (d(1), "ballistic_missile", 1, 2, 2, 1.0),
        (d(1), "cruise_missile", 1, 2, 2, 1.0),
        # 12, 13, 14 and 15 Nov; the 17th has no downed figure
        (d(1), "drone", 4, 389, 244, round(244 / 389, 3)),
    ]
    assert run(con, "share_downed_by_month", start="2024-12-01").height == 0


def test_missiles_by_type(con):
    got = run(con, "missiles_by_type")
    assert got.rows() == [
        ("guided_missile", "kh-59", 4, None, 1),
        ("ballistic_missile", "iskander-m", 2, 2, 1),
        ("cruise_missile", "kh-101", 2, 2, 1),
    ]


def test_deadliest_days(con):
    got = run(con, "deadliest_days")
    assert got.rows() == [
        (d(16), 10, 0, 0),
        (d(14), 7, 2, 12),  # the updated Odesa toll, not the preliminary 5
        (d(12), 1, 0, 0),
    ]
    assert run(con, "deadliest_days", limit="1")["date"].to_list() == [d(16)]


def test_rolling_averages(con):
    got = run(con, "rolling_averages")
    assert got["date"].to_list() == [d(12), d(13), d(14), d(15), d(17)]
    assert got["avg_7d"].to_list() == [110.0, 100.0, 116.33, 97.25, 121.8]
    assert got["days_7d"].to_list() == [1, 2, 3, 4, 5]
    tolls = run(con, "rolling_averages", subject="person", measure="killed", side="ukraine")
    assert tolls.rows() == [(d(14), 7, 7.0, 1, 7.0, 1)]


def test_who_reports_what(con):
    got = run(con, "who_reports_what")
    af = got.filter(
        (pl.col("reported_by") == "Ukraine's air force")
        & (pl.col("subject") == "drone")
        & (pl.col("measure") == "downed")
    ).row(0, named=True)
    # 46, 37 (x3: Kyiv Independent, live blog headline and body), 15000, 131, 30
    assert (af["mentions"], af["claims"], af["default_claims"], af["sources"]) == (7, 5, 5, 5)
    unattributed = got.filter(
        (pl.col("reported_by") == "unattributed") & (pl.col("subject") == "drone")
    ).row(0, named=True)
    assert (unattributed["mentions"], unattributed["claims"], unattributed["default_claims"]) == (
        2,
        1,
        0,
    )
    assert run(con, "who_reports_what", min_mentions="3")["mentions"].min() >= 3


def test_disagreements(con):
    got = run(con, "disagreements")
    assert got.select("date", "subject", "measure", "side", "location", "default_value").rows() == [
        (d(14), "person", "killed", "ukraine", "Odesa", 7),
        (d(15), "drone", "downed", "russia", None, 30),
    ]
    assert (
        got["claims"][1] == "30 (Ukraine's air force, 1 source); 32 (Ukraine's president, 1 source)"
    )
    # the 25 over Rostov is a part, not a rival of the 67; 131 (russia) is another side
    assert run(con, "disagreements", side="ukraine", end="2024-11-14")["location"].to_list() == [
        "Odesa"
    ]


def test_coverage(con):
    assert run(con, "coverage").height == 0  # every day 12-17 has some report
    assert run(con, "coverage", subject="drone").rows() == [(d(16), "Saturday", 1)]
    wide = run(con, "coverage", subject="drone", start="2024-11-10", end="2024-11-18")
    assert wide.select("date", "gap_days").rows() == [
        (d(10), 2),
        (d(11), 2),
        (d(16), 1),
        (d(18), 1),
    ]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_runs_with_defaults(con, name):
    assert isinstance(series.run_query(con, name, {}), pl.DataFrame)


# --------------------------------------------------------------------------- binding


@pytest.mark.parametrize(
    "params",
    [
        {"side": "x'; DROP TABLE figures; --"},
        {"side": "russia' OR '1'='1"},
    ],
)
def test_parameters_are_bound_not_pasted(tmp_path, params):
    con = standard_db(tmp_path / "w.duckdb")  # writable: an injection could break it
    try:
        before = con.sql("SELECT count(*) FROM figures").fetchall()
        assert series.run_query(con, "nightly_drones", params).height == 0
        assert con.sql("SELECT count(*) FROM figures").fetchall() == before
    finally:
        con.close()


def test_python_values_are_bound_as_text(con):
    got = series.run_query(con, "deadliest_days", {"start": d(13), "end": None, "limit": 1})
    assert got["date"].to_list() == [d(16)]


def test_date_parameter_that_is_not_a_date_fails_cleanly(con):
    with pytest.raises(Exception, match=r"(?i)conversion|date"):
        run(con, "nightly_drones", start="1; DROP TABLE figures")


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("nightly_drones", {"sides": "russia"}, "no parameter sides"),
        ("no_such_query", {}, "unknown query"),
        ("../analytics/sql/10_claims", {}, "unknown query"),
    ],
)
def test_query_errors(con, name, params, message):
    with pytest.raises(series.QueryError, match=message):
        series.run_query(con, name, params)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["side=ukraine"], {"side": "ukraine"}),
        (["start=2024-11-01", "end="], {"start": "2024-11-01", "end": ""}),
        (["q=a=b"], {"q": "a=b"}),
    ],
)
def test_parse_param_options(options, expected):
    assert series.parse_param_options(options) == expected


def test_parse_param_options_rejects_missing_equals():
    with pytest.raises(series.QueryError, match="NAME=VALUE"):
        series.parse_param_options(["side"])


# --------------------------------------------------------------------------- sql, export, render


def test_run_sql(con):
    got = series.run_sql(con, "SELECT count(*) AS n FROM claims WHERE is_default")
    assert got["n"].item() == 24  # 27 claims; 25 over Rostov, the toll of 5 and the 32 lose


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_and_view(con, tmp_path, fmt):
    paths = series.export(con, tmp_path / "out", fmt)
    names = {p.stem for p in paths}
    assert {"figures", "documents", "claims", "claim_mentions", "daily_series"} <= names
    assert {"air_defence", "casualties_daily", "reference_daily", "reference_comparison"} <= names
    daily = tmp_path / "out" / f"daily_series.{fmt}"
    frame = pl.read_parquet(daily) if fmt == "parquet" else pl.read_csv(daily)
    assert frame.height == 22


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_render_text(fmt):
    df = pl.DataFrame({"date": [d(13)], "value": [37]})
    text = series.render(df, fmt)
    assert "2024-11-13" in text and "37" in text
    if fmt == "json":
        assert json.loads(text) == [{"date": "2024-11-13", "value": 37}]


def test_render_parquet_needs_a_file(tmp_path):
    df = pl.DataFrame({"value": [37]})
    with pytest.raises(series.QueryError, match="--out"):
        series.render(df, "parquet")
    series.render(df, "parquet", tmp_path / "x.parquet")
    assert pl.read_parquet(tmp_path / "x.parquet")["value"].to_list() == [37]


# --------------------------------------------------------------------------- CLI

runner = CliRunner()


def test_cli_query_list():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for name in QUERY_NAMES:
        assert f"{name}: " in result.output
    assert "side=russia" in result.output


def test_cli_query_csv(db_path):
    result = runner.invoke(
        app,
        ["query", "nightly_drones", "--db", str(db_path), "--param", "side=ukraine", "-f", "csv"],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "date,launched,downed,lost,share_downed",
        "2024-11-14,,67,,",
    ]


def test_cli_query_json_to_file(db_path, tmp_path):
    out = tmp_path / "q.json"
    result = runner.invoke(
        app, ["query", "deadliest_days", "--db", str(db_path), "-f", "json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())[0] == {
        "date": "2024-11-16",
        "killed": 10,
        "children_killed": 0,
        "injured": 0,
    }


def test_cli_query_unknown_parameter(db_path):
    result = runner.invoke(app, ["query", "nightly_drones", "--db", str(db_path), "-p", "x=1"])
    assert result.exit_code == 1
    assert "no parameter x" in result.output


def test_cli_sql_table(db_path):
    result = runner.invoke(
        app,
        [
            "sql",
            "SELECT value FROM daily_series WHERE side = 'ukraine' AND subject = 'drone'",
            "--db",
            str(db_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "67" in result.output and "1 row" in result.output


def test_cli_sql_cannot_change_the_database(db_path):
    result = runner.invoke(app, ["sql", "DROP TABLE figures", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "read-only" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_sql_missing_database(tmp_path):
    result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "none.duckdb" in result.output


def test_cli_export(db_path, tmp_path):
    result = runner.invoke(
        app, ["export", "--format", "csv", "--out", str(tmp_path / "x"), "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "claims.csv").is_file()
