"""Claims and daily series: the SQL views of analytics/sql/ on fixture databases."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from series_fixtures import (
    AF,
    GOVERNOR,
    MOD,
    PRESIDENT,
    doc,
    fig,
    make_db,
    standard_db,
    ts,
)

VIEWS = (
    "claims",
    "claim_mentions",
    "daily_series",
    "air_defence",
    "casualties_daily",
    "reference_comparison",
)


@pytest.fixture(scope="module")
def std(tmp_path_factory):
    con = standard_db(tmp_path_factory.mktemp("series") / "std.duckdb")
    yield con
    con.close()


def frame(con, sql: str, params: dict | None = None) -> pl.DataFrame:
    return con.sql(sql, params=params).pl()


def claims_of(con, subject: str, measure: str, day: int | None) -> pl.DataFrame:
    where = "event_date IS NULL" if day is None else f"event_date = DATE '2024-11-{day:02d}'"
    return frame(
        con,
        f"SELECT * FROM claims WHERE subject = $s AND measure = $m AND {where} ORDER BY value",
        {"s": subject, "m": measure},
    )


# --------------------------------------------------------------------------- merging mentions


def test_one_report_under_two_doc_ids_is_one_claim(tmp_path):
    docs = [doc("reuters-a", "Reuters", ts(13, 10)), doc("reuters-b", "Reuters", ts(13, 10))]
    figs = [
        fig("reuters-a", "drone", "downed", 37, day=13),
        fig("reuters-b", "drone", "downed", 37, day=13),
    ]
    con = make_db(tmp_path / "t.duckdb", docs, figs)
    claims = frame(con, "SELECT * FROM claims")
    assert claims.height == 1
    row = claims.row(0, named=True)
    assert (row["n_mentions"], row["n_documents"], row["n_sources"]) == (2, 2, 1)


def test_headline_and_body_are_one_claim(tmp_path):
    figs = [
        fig("blog", "drone", "downed", 37, day=13, entry="headline"),
        fig("blog", "drone", "downed", 37, day=13, entry="body"),
    ]
    con = make_db(tmp_path / "t.duckdb", [doc("blog", "The Guardian", ts(13, 8))], figs)
    row = frame(con, "SELECT * FROM claims").row(0, named=True)
    assert (row["n_mentions"], row["n_documents"], row["n_sources"]) == (2, 1, 1)
    mentions = frame(con, "SELECT entry_id FROM claim_mentions ORDER BY entry_id")
    assert mentions["entry_id"].to_list() == ["blog:body", "blog:headline"]


def test_two_outlets_quoting_one_statement_are_one_claim_with_two_sources(tmp_path):
    docs = [doc("ki", "Kyiv Independent", ts(13, 9)), doc("ap", "AP", ts(13, 11))]
    figs = [
        fig("ki", "drone", "launched", 90, day=13),
        fig("ap", "drone", "launched", 90, day=13, reported_by=None),
    ]
    con = make_db(tmp_path / "t.duckdb", docs, figs)
    row = frame(con, "SELECT * FROM claims").row(0, named=True)
    assert (row["n_mentions"], row["n_sources"]) == (2, 2)
    assert row["reported_by"] == AF  # the most direct reporter among the mentions
    assert row["first_published_at"] == ts(13, 9)
    assert row["last_published_at"] == ts(13, 11)


def test_source_falls_back_to_doc_id_without_outlet(tmp_path):
    figs = [fig("a", "drone", "launched", 90, day=13), fig("b", "drone", "launched", 90, day=13)]
    con = make_db(tmp_path / "t.duckdb", [doc("a", None, ts(13, 9)), doc("b", "", ts(13, 9))], figs)
    assert frame(con, "SELECT n_sources FROM claims").item() == 2


def test_standard_week_repeats(std):
    row = claims_of(std, "drone", "downed", 13).filter(~pl.col("cumulative")).row(0, named=True)
    # Kyiv Independent, Reuters twice (two doc ids), live blog headline and body
    assert (row["value"], row["n_mentions"], row["n_documents"], row["n_sources"]) == (37, 5, 4, 3)
    assert row["weapon"] == "shahed"
    mentions = frame(
        std, "SELECT doc_id, quote FROM claim_mentions WHERE claim_id = $c", {"c": row["claim_id"]}
    )
    assert mentions.height == 5
    assert set(mentions["doc_id"]) == {
        "kyivindependent-1113",
        "reuters-1113",
        "reuters-1113-again",
        "liveblog-1113",
    }
    assert mentions["quote"].to_list() == ["37 drone downed"] * 5


def test_location_is_compared_case_insensitively(tmp_path):
    figs = [
        fig("a", "person", "killed", 5, day=14, location="Odesa", reported_by=GOVERNOR),
        fig("b", "person", "killed", 5, day=14, location=" odesa ", reported_by=GOVERNOR),
    ]
    con = make_db(tmp_path / "t.duckdb", [], figs)
    assert frame(con, "SELECT n_mentions FROM claims").item() == 2


def test_unknown_side_merges_with_unknown_side_only(tmp_path):
    figs = [
        fig("a", "drone", "launched", 90, day=13, side=None),
        fig("b", "drone", "launched", 90, day=13, side=None),
        fig("c", "drone", "launched", 90, day=13),
    ]
    con = make_db(tmp_path / "t.duckdb", [], figs)
    got = frame(con, "SELECT side, n_mentions FROM claims ORDER BY side NULLS FIRST")
    assert got.rows() == [(None, 2), ("russia", 1)]


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        # (value, low, high) per figure -> (value, low, high, mentions) per claim
        (
            "range joins the point inside it",
            [(40, None, None), (35, 35, 45)],
            [(40, None, None, 2)],
        ),
        (
            "range joins the most repeated point",
            [(12, None, None), (12, None, None), (18, None, None), (10, 10, 20)],
            [(12, None, None, 3), (18, None, None, 1)],
        ),
        ("overlapping ranges merge", [(10, 10, 15), (12, 12, 20)], [(10, 10, 20, 2)]),
        (
            "chained overlaps merge",
            [(10, 10, 15), (14, 14, 22), (20, 20, 30)],
            [(10, 10, 30, 3)],
        ),
        (
            "disjoint ranges stay apart",
            [(10, 10, 15), (30, 30, 40)],
            [(10, 10, 15, 1), (30, 30, 40, 1)],
        ),
        (
            "point outside a range stays apart",
            [(50, None, None), (10, 10, 15)],
            [(10, 10, 15, 1), (50, None, None, 1)],
        ),
        (
            "different points compete",
            [(5, None, None), (7, None, None)],
            [(5, None, None, 1), (7, None, None, 1)],
        ),
    ],
)
def test_ranges(tmp_path, name, values, expected):
    figs = [
        fig(f"d{i}", "soldier", "killed", v, day=16, value_low=lo, value_high=hi)
        for i, (v, lo, hi) in enumerate(values)
    ]
    con = make_db(tmp_path / "t.duckdb", [], figs)
    got = frame(con, "SELECT value, value_low, value_high, n_mentions FROM claims ORDER BY value")
    assert got.rows() == expected, name


# --------------------------------------------------------------------------- the default rule

EARLY, LATE = ts(14, 8), ts(14, 14)


def _f(doc_id, value, *, at=EARLY, subject="drone", measure="downed", **kw):
    return fig(doc_id, subject, measure, value, day=14, published_at=at, **kw)


DEFAULT_RULE_CASES = [
    (
        "1 national beats regional, even a later regional",
        [_f("a", 67, reported_by=MOD), _f("b", 25, at=LATE, reported_by=MOD, location="Rostov")],
        67,
    ),
    (
        "2 air force beats a later president",
        [_f("a", 30), _f("b", 32, at=LATE, reported_by=PRESIDENT)],
        30,
    ),
    (
        "2 governor beats unattributed with more sources",
        [
            _f("a", 50, reported_by=None),
            _f("b", 50, reported_by=None),
            _f("c", 45, reported_by=GOVERNOR),
        ],
        45,
    ),
    ("2 UN beats unattributed", [_f("a", 10, reported_by="UN"), _f("b", 12, reported_by=None)], 10),
    (
        "2 defence ministry ranks with the air force",
        [_f("a", 40, reported_by=MOD), _f("b", 41, reported_by="Ukraine's military", at=LATE)],
        40,
    ),
    ("3 the later figure wins", [_f("a", 60), _f("b", 62, at=LATE)], 62),
    (
        "3 a late repeat of an old figure does not make it new",
        [_f("a", 60), _f("b", 62, at=ts(14, 11)), _f("c", 60, at=ts(14, 20))],
        62,
    ),
    (
        "3 updated toll wins",
        [
            _f("a", 5, subject="person", measure="killed", reported_by=GOVERNOR),
            _f("b", 7, at=LATE, subject="person", measure="killed", reported_by=GOVERNOR),
        ],
        7,
    ),
    (
        "3 toll at the same time: higher value before more sources",
        [
            _f("a", 3, subject="person", measure="killed"),
            _f("b", 3, subject="person", measure="killed"),
            _f("c", 4, subject="person", measure="killed"),
        ],
        4,
    ),
    (
        "4 not a toll, same time: more sources",
        [
            _f("a", 50, measure="launched"),
            _f("b", 50, measure="launched"),
            _f("c", 55, measure="launched"),
        ],
        50,
    ),
    ("4 full tie: larger value", [_f("a", 20, measure="lost"), _f("b", 22, measure="lost")], 22),
]


@pytest.mark.parametrize(("name", "figures", "expected"), DEFAULT_RULE_CASES)
def test_default_rule(tmp_path, name, figures, expected):
    con = make_db(tmp_path / "t.duckdb", [], figures)
    defaults = frame(con, "SELECT value FROM claims WHERE is_default")
    assert defaults["value"].to_list() == [expected], name
    # the alternatives stay queryable
    n_values = len({f["value"] for f in figures})
    assert frame(con, "SELECT count(*) AS n FROM claims")["n"].item() == n_values
    assert frame(con, "SELECT value FROM daily_series")["value"].to_list() == [expected]


@pytest.mark.parametrize(
    ("subject", "measure", "in_series"),
    [("drone", "downed", False), ("person", "killed", True)],
)
def test_regional_only_claims(tmp_path, subject, measure, in_series):
    con = make_db(
        tmp_path / "t.duckdb",
        [],
        [_f("a", 15, subject=subject, measure=measure, location="Kyiv", reported_by=GOVERNOR)],
    )
    assert frame(con, "SELECT is_default FROM claims").item() is True
    series = frame(con, "SELECT value FROM daily_series")["value"].to_list()
    # 15 drones over Kyiv is not the night's total; 15 killed in Kyiv is the day's toll
    assert series == ([15] if in_series else [])


@pytest.mark.parametrize(
    ("name", "figures", "expected"),
    [
        # (value, qualifier) per figure -> (value, qualifier, mentions) per claim
        (
            "a rounded headline joins the exact figure",
            [(38, "exact"), (38, "exact"), (30, "at_least")],
            [(38, "exact", 3)],
        ),
        ("about 100 fits 105", [(105, "exact"), (100, "approx")], [(105, "exact", 2)]),
        (
            "about 100 does not fit 120",
            [(120, "exact"), (100, "approx")],
            [(100, "approx", 1), (120, "exact", 1)],
        ),
        ("up to 30 fits 25", [(25, "exact"), (30, "at_most")], [(25, "exact", 2)]),
        (
            "more than 30 does not fit 20",
            [(20, "exact"), (30, "at_least")],
            [(20, "exact", 1), (30, "at_least", 1)],
        ),
        (
            "the most repeated exact value is chosen",
            [(38, "exact"), (45, "exact"), (45, "exact"), (30, "at_least")],
            [(38, "exact", 1), (45, "exact", 3)],
        ),
        ("vague alone keeps its value", [(80, "approx"), (80, "approx")], [(80, "approx", 2)]),
    ],
)
def test_vague_figures(tmp_path, name, figures, expected):
    figs = [_f(f"d{i}", v, qualifier=q) for i, (v, q) in enumerate(figures)]
    con = make_db(tmp_path / "t.duckdb", [], figs)
    got = frame(con, "SELECT value, qualifier, n_mentions FROM claims ORDER BY value")
    assert got.rows() == expected, name


def test_a_later_rounded_headline_does_not_replace_the_exact_figure(tmp_path):
    figs = [
        _f("a", 63, measure="launched"),
        _f("b", 60, measure="launched", at=LATE, qualifier="at_least"),
    ]
    con = make_db(tmp_path / "t.duckdb", [], figs)
    assert frame(con, "SELECT value FROM daily_series")["value"].to_list() == [63]


@pytest.mark.parametrize(
    ("reported_by", "rank"),
    [
        ("Ukraine's air force", 1),
        ("Russia's defence ministry", 1),
        ("Ukraine's General Staff", 1),
        ("Ukraine's president", 2),
        ("Ukraine's military", 2),
        ("regional governor", 3),
        ("military administration", 3),
        ("Kyiv city military administration", 3),
        ("city mayor", 3),
        ("police", 3),
        ("emergency service", 3),
        ("UN", 4),
        ("a local resident", 5),
        (None, 5),
    ],
)
def test_reporter_ranks(tmp_path, reported_by, rank):
    con = make_db(tmp_path / "t.duckdb", [], [_f("a", 1, reported_by=reported_by)])
    assert frame(con, "SELECT reporter_rank FROM claims").item() == rank


def test_default_rule_is_per_fact(std):
    per_fact = frame(
        std,
        """SELECT event_date, subject, measure, side, cumulative, count(*) FILTER (WHERE is_default) AS n
           FROM claims GROUP BY ALL""",
    )
    assert per_fact["n"].to_list() == [1] * per_fact.height


# --------------------------------------------------------------------------- series views


def test_sides_stay_separate_series(std):
    got = frame(
        std,
        """SELECT measure, side, value FROM daily_series
           WHERE date = DATE '2024-11-14' AND subject = 'drone' ORDER BY measure, side""",
    )
    # Ukraine: 131 of 149 Russian drones; Russia: 67 Ukrainian drones (not the 25 over Rostov)
    assert got.rows() == [
        ("downed", "russia", 131),
        ("downed", "ukraine", 67),
        ("launched", "russia", 149),
    ]


def test_cumulative_and_undated_claims_stay_out_of_daily_series(std):
    cumulative = frame(std, "SELECT value, is_default FROM claims WHERE cumulative")
    assert cumulative.rows() == [(15000, True)]
    undated = frame(std, "SELECT value FROM claims WHERE event_date IS NULL")
    assert undated["value"].to_list() == [12]
    series = frame(std, "SELECT value, date FROM daily_series")
    assert 15000 not in series["value"].to_list()
    assert series["date"].null_count() == 0
    assert (
        frame(
            std, "SELECT count(*) AS n FROM daily_series WHERE subject = 'soldier' AND value = 12"
        )["n"].item()
        == 0
    )


def test_daily_series_values(std):
    got = frame(
        std,
        """SELECT date, measure, value, n_sources FROM daily_series
           WHERE subject = 'drone' AND side = 'russia' ORDER BY date, measure""",
    )
    assert got.rows() == [
        (dt.date(2024, 11, 12), "downed", 46, 1),
        (dt.date(2024, 11, 12), "launched", 110, 1),
        (dt.date(2024, 11, 12), "lost", 60, 1),
        (dt.date(2024, 11, 13), "downed", 37, 3),
        (dt.date(2024, 11, 13), "launched", 90, 1),
        (dt.date(2024, 11, 13), "lost", 47, 1),
        (dt.date(2024, 11, 14), "downed", 131, 1),
        (dt.date(2024, 11, 14), "launched", 149, 1),
        (dt.date(2024, 11, 15), "downed", 30, 1),
        (dt.date(2024, 11, 15), "launched", 40, 1),
        (dt.date(2024, 11, 17), "launched", 220, 1),
    ]


def test_air_defence(std):
    got = frame(
        std, "SELECT * FROM air_defence WHERE date = DATE '2024-11-13' ORDER BY weapon_class"
    )
    assert got.select("weapon_class", "launched", "downed", "lost").rows() == [
        ("ballistic_missile", 2, 2, None),
        ("cruise_missile", 2, 2, None),
        ("drone", 90, 37, 47),
    ]
    assert got["share_downed"].to_list() == pytest.approx([1.0, 1.0, 37 / 90])
    assert got.schema["launched"] == pl.Int64
    ukraine = frame(
        std, "SELECT launched, downed, share_downed FROM air_defence WHERE side = 'ukraine'"
    )
    assert ukraine.rows() == [(None, 67, None)]


def test_casualties_daily(std):
    got = frame(std, "SELECT * FROM casualties_daily ORDER BY date, subject")
    assert got.rows() == [
        (dt.date(2024, 11, 12), "ukraine", "civilian", 1, None, None),
        (dt.date(2024, 11, 14), "ukraine", "child", 2, None, None),
        (dt.date(2024, 11, 14), "ukraine", "person", 7, 12, None),  # the updated toll
        (dt.date(2024, 11, 16), "russia", "soldier", 10, None, None),
    ]
    assert got.schema["killed"] == pl.Int64


def test_claims_columns(std):
    expected = [
        "claim_id", "event_date", "subject", "measure", "side", "value", "value_low",
        "value_high", "qualifier", "location", "weapon", "reported_by", "n_mentions",
        "n_documents", "n_sources", "first_published_at", "last_published_at", "is_default",
        "quote", "cumulative",
    ]  # fmt: skip
    assert frame(std, "SELECT * FROM claims LIMIT 0").columns[: len(expected)] == expected
    assert frame(std, "SELECT * FROM claim_mentions LIMIT 0").columns[:5] == [
        "claim_id", "figure_id", "doc_id", "entry_id", "quote",
    ]  # fmt: skip
    assert frame(std, "SELECT * FROM daily_series LIMIT 0").columns[:6] == [
        "date", "subject", "measure", "side", "value", "n_sources",
    ]  # fmt: skip


def test_claim_ids_are_stable(tmp_path):
    figs = [fig("a", "drone", "launched", 90, day=13)]
    first = make_db(tmp_path / "1.duckdb", [], figs)
    second = make_db(tmp_path / "2.duckdb", [], [fig("b", "drone", "launched", 90, day=13)])
    assert (
        frame(first, "SELECT claim_id FROM claims").item()
        == frame(second, "SELECT claim_id FROM claims").item()
    )


def test_empty_database_views(tmp_path):
    con = make_db(tmp_path / "t.duckdb", [], [])
    for view in VIEWS:
        assert frame(con, f"SELECT * FROM {view}").height == 0, view


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "duckdb").exists(), reason="duckdb CLI not installed"
)
def test_duckdb_1x_cli_reads_every_view(tmp_path):
    path = tmp_path / "cli.duckdb"
    standard_db(path).close()
    cli = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    for view in VIEWS:
        result = subprocess.run(
            [
                cli,
                "-readonly",
                "-csv",
                "-noheader",
                str(path),
                "-c",
                f"SELECT count(*) FROM {view}",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, f"{view}: {result.stderr}"
        assert int(result.stdout.strip()) > 0, view
