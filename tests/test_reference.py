"""The reference dataset: reading both CSV layouts, loading, and the comparison view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from series_fixtures import doc, fig, make_db, standard_db
from typer.testing import CliRunner

from analytics.cli import app
from analytics.model import InputError
from analytics.reference import (
    load_reference,
    parse_count,
    parse_time,
    read_reference,
    weapon_class,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_22 = FIXTURES / "reference_sample.csv"
SAMPLE_19 = FIXTURES / "reference_sample_19col.csv"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL_CSV = SHARED / "reference" / "missile_attacks_daily.csv"


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("Shahed-136/131", "drone"),
        ("Unknown UAV", "drone"),
        ("Молнія", "drone"),
        ("Orlan-10 and ZALA and Supercam", "drone"),
        ("X-101/X-555", "cruise_missile"),
        ("Kh-101", "cruise_missile"),
        ("X-101/X-555 and Kalibr", "cruise_missile"),
        ("Iskander-K", "cruise_missile"),
        ("X-22 and X-32", "cruise_missile"),
        ("3M22 Zircon", "cruise_missile"),
        ("Iskander-M", "ballistic_missile"),
        ("Iskander-M/KN-23", "ballistic_missile"),
        ("X-47 Kinzhal", "ballistic_missile"),
        ("Intercontinental Ballistic Missile", "ballistic_missile"),
        ("X-59/X-69", "guided_missile"),
        ("X-31PD", "guided_missile"),
        ("X-59MK2", "guided_missile"),
        ("C-300", "missile"),
        ("C-300/C-400", "missile"),
        ("Unknown Missile", "missile"),
        ("C-400 and Iskander-M", "missile"),  # several missile classes
        ("X-101/X-555 and Kalibr and Iskander-M/KN-23", "missile"),
        ("Shahed-136/131 and Lancet", "drone"),
        ("GBU", "guided_bomb"),
        ("Aerial Bomb", "guided_bomb"),
        ("Shahed-136/131 and Kalibr", "aerial_target"),  # drones and missiles together
        ("Zeppelin", None),
        ("", None),
    ],
)
def test_weapon_class(model, expected):
    assert weapon_class(model) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-13 10:00", dt.datetime(2024, 11, 13, 10, 0)),
        ("2023-05-16 3:30", dt.datetime(2023, 5, 16, 3, 30)),  # no leading zero
        ("2025-03-06 21:00 ", dt.datetime(2025, 3, 6, 21, 0)),  # trailing space
        ("2024-11-13", dt.datetime(2024, 11, 13)),
        ("2024-11-13T10:00:30", dt.datetime(2024, 11, 13, 10, 0, 30)),
        ("2024-02-30", None),
        ("13/11/2024", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("93.0", 93), ("0.0", 0), ("7", 7), ("", None), (" ", None), ("nan", None), (None, None)],
)
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["2.5", "-1", "inf", "many"])
def test_parse_count_rejects(text):
    with pytest.raises(ValueError):
        parse_count(text)


def test_read_22_column_file():
    table, report = read_reference(SAMPLE_22)
    assert (report.layout, report.rows, report.skipped) == ("22-column", 14, [])
    df = pl.from_arrow(table)
    night = df.filter(pl.col("model") == "Shahed-136/131", pl.col("date") == dt.date(2024, 11, 13))
    assert night.select("launched", "destroyed", "not_reach_goal", "channel").rows() == [
        (90, 37, 46, "kpszsu")
    ]
    # the date is the day of time_end: the night of 12 to 13 November
    assert night["time_start"].item() == dt.datetime(2024, 11, 12, 15, 0)
    kinzhal = df.filter(pl.col("model") == "X-47 Kinzhal").row(0, named=True)
    assert kinzhal["time_start"] == dt.datetime(2023, 5, 16, 3, 30)
    assert kinzhal["weapon_class"] == "ballistic_missile"
    assert df["csv_line"].to_list()[:2] == [2, 3]


def test_read_19_column_file():
    table, report = read_reference(SAMPLE_19)
    assert (report.layout, report.rows, report.skipped) == ("19-column", 6, [])
    df = pl.from_arrow(table)
    bundle = df.filter(pl.col("model") == "X-101/X-555 and Kalibr").row(0, named=True)
    assert (bundle["date"], bundle["weapon_class"], bundle["launched"], bundle["destroyed"]) == (
        dt.date(2025, 5, 25),
        "cruise_missile",
        55,
        45,
    )
    assert df.filter(pl.col("channel") == "PvKPivden")["model"].to_list() == ["Orlan-10"]


def test_bad_rows_are_skipped_with_their_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "time_start,time_end,model,launched,destroyed,not_reach_goal,source\n"
        "2024-11-12 20:00,2024-11-13 09:00,Shahed-136/131,90.0,37.0,46.0,kpszsu/posts/a\n"
        "2024-11-12 20:00,soon,Shahed-136/131,90.0,37.0,,kpszsu/posts/b\n"
        "2024-11-12 20:00,2024-11-13 09:00,Shahed-136/131,2.5,1.0,,kpszsu/posts/c\n"
        "2024-11-12 20:00,2024-11-13 09:00,Zeppelin,1.0,1.0,,kpszsu/posts/d\n"
    )
    table, report = read_reference(path)
    assert table.num_rows == 2
    assert [str(s) for s in report.skipped] == [
        f"{path}: line 3: bad time_end 'soon'",
        f"{path}: line 4: not a count: '2.5'",
    ]
    assert report.layout == "unknown"
    assert report.unclassified_models == ["Zeppelin"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("date,value\n2024-11-13,3\n", "no column time_start"),
        ("", "no column time_start"),
    ],
)
def test_not_a_reference_file(tmp_path, content, reason):
    path = tmp_path / "other.csv"
    path.write_text(content)
    with pytest.raises(InputError, match=reason) as info:
        read_reference(path)
    assert str(info.value).startswith(f"{path}: ")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"none\.csv: "):
        read_reference(tmp_path / "none.csv")


# --------------------------------------------------------------------------- loading


@pytest.fixture
def std(tmp_path):
    con = standard_db(tmp_path / "std.duckdb")
    yield con
    con.close()


def test_reload_replaces_rows(std):
    load_reference(std, SAMPLE_22)
    load_reference(std, SAMPLE_22)
    assert std.sql("SELECT count(*) FROM reference_daily").fetchall() == [(14,)]
    load_reference(std, SAMPLE_19)
    got = std.sql("SELECT count(*), min(date) FROM reference_daily").fetchall()
    assert got == [(6, dt.date(2025, 5, 25))]


def comparison(con) -> dict[tuple, tuple]:
    rows = con.sql("SELECT * FROM reference_comparison").fetchall()
    return {(r[0].day, r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}


def test_comparison_statuses(std):
    load_reference(std, SAMPLE_22)
    got = comparison(std)
    assert got[(12, "drone", "launched")] == (110, 110, 0, "same")
    assert got[(12, "drone", "lost")] == (60, 60, 0, "same")
    assert got[(13, "drone", "downed")] == (37, 37, 0, "same")
    assert got[(13, "cruise_missile", "launched")] == (2, 2, 0, "same")
    # the blog's 47 drones lost against the air force's 46
    assert got[(13, "drone", "lost")] == (46, 47, 1, "differs")
    assert got[(14, "drone", "launched")] == (59, 149, 90, "differs")
    assert got[(13, "missile", "launched")] == (2, None, None, "only_reference")
    assert got[(14, "guided_missile", "launched")] == (2, None, None, "only_reference")
    assert got[(15, "guided_missile", "launched")] == (None, 4, None, "only_extracted")
    assert got[(17, "drone", "launched")] == (None, 220, None, "only_extracted")
    # nights outside the extracted span (10-11 Nov, 2023) are not listed
    assert min(day for day, _, _ in got) == 12
    # Russia's claim about Ukrainian drones (side ukraine) is not compared
    assert (14, "drone", "downed") in got and got[(14, "drone", "downed")][1] == 131


def test_comparison_before_any_reference(std):
    statuses = std.sql("SELECT DISTINCT status FROM reference_comparison").fetchall()
    assert statuses == [("only_extracted",)]


def test_comparison_with_nothing_extracted(tmp_path):
    con = make_db(tmp_path / "t.duckdb", [], [])
    load_reference(con, SAMPLE_22)
    got = comparison(con)
    assert got[(11, "drone", "launched")] == (74, None, None, "only_reference")
    assert {v[3] for v in got.values()} == {"only_reference"}


def test_regional_commands_are_not_added_to_the_national_total(tmp_path):
    path = tmp_path / "ref.csv"
    path.write_text(
        "time_start,time_end,model,target,launched,destroyed,not_reach_goal,source\n"
        "2024-11-12 20:00,2024-11-13 09:00,Shahed-136/131,Ukraine,90.0,37.0,46.0,kpszsu/posts/a\n"
        "2024-11-13,2024-11-13,Orlan-10,south,5.0,5.0,,PvKPivden/posts/b\n"
        "2024-11-13 12:00,2024-11-13 12:30,Shahed-136/131,Kharkiv,3.0,3.0,,kpszsu/posts/c\n"
    )
    con = make_db(tmp_path / "t.duckdb", [], [fig("a", "drone", "launched", 93, day=13)])
    load_reference(con, path)
    got = comparison(con)
    # the day's national posts add up (90 + 3); the regional command's 5 is left out
    assert got[(13, "drone", "launched")] == (93, 93, 0, "same")
    assert got[(13, "drone", "downed")] == (40, None, None, "only_reference")


def test_cli_reference_load(tmp_path):
    db = tmp_path / "cli.duckdb"
    standard_db(db).close()
    runner = CliRunner()
    result = runner.invoke(app, ["reference", "load", str(SAMPLE_19), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "loaded 6 rows (19-column file)" in result.output
    bad = runner.invoke(app, ["reference", "load", str(tmp_path / "none.csv"), "--db", str(db)])
    assert bad.exit_code == 1
    assert "none.csv: " in bad.output


def test_real_dataset_loads_whole():
    if not REAL_CSV.is_file():
        pytest.skip(f"{REAL_CSV} not present (../shared is not checked out)")
    table, report = read_reference(REAL_CSV)
    assert (report.layout, report.rows, report.skipped) == ("22-column", 3585, [])
    assert report.unclassified_models == []
    df = pl.from_arrow(table)
    assert df["date"].min() == dt.date(2022, 9, 28)
    assert df["date"].max() == dt.date(2026, 4, 5)
    # the seed live blog's night: the air force's own record of it
    night = df.filter(pl.col("date") == dt.date(2024, 11, 13), pl.col("weapon_class") == "drone")
    assert night.select("launched", "destroyed", "not_reach_goal").rows() == [(90, 37, 46)]


DEMO = Path(__file__).resolve().parents[1] / "analytics" / "demo"


def test_demo_gold_figures_agree_with_the_reference(tmp_path):
    """The demo corpus restates the air force's nights; its gold figures, merged
    into claims, must give back the reference values night by night."""
    import gzip
    import json

    needed = [DEMO / "corpus.jsonl.gz", DEMO / "expected.jsonl", DEMO / "reference_nights.csv"]
    if not all(p.is_file() for p in needed):
        pytest.skip("demo corpus not built")
    with gzip.open(needed[0], "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    docs = [
        doc(
            r["id"],
            r.get("outlet"),
            dt.datetime.fromisoformat(r["published_at"]).replace(tzinfo=None)
            if r.get("published_at")
            else None,
        )
        for r in records
    ]
    figures = []
    with needed[1].open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            g = json.loads(line)
            event = dt.date.fromisoformat(g["event_date"]) if g.get("event_date") else None
            figures.append(
                fig(
                    g["doc"],
                    g["subject"],
                    g["measure"],
                    g["value"],
                    entry=f"e{i}",
                    event_date=event,
                    side=g.get("side"),
                    qualifier=g.get("qualifier", "exact"),
                    reported_by=g.get("reported_by"),
                    location=g.get("location"),
                    weapon=g.get("weapon"),
                    cumulative=g.get("cumulative", False),
                    quote=g.get("quote", ""),
                )
            )
    con = make_db(tmp_path / "demo.duckdb", docs, figures)
    load_reference(con, needed[2])
    counts = dict(
        con.sql("SELECT status, count(*) FROM reference_comparison GROUP BY status").fetchall()
    )
    compared = counts.get("same", 0) + counts.get("differs", 0)
    assert compared > 100
    assert counts.get("same", 0) / compared >= 0.99, counts
