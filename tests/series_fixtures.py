"""Fixture databases for the claims, series and query tests.

`make_db` builds a DuckDB file through `analytics.store.open_db` (tables, then
the views of analytics/sql/) and inserts the given documents and figures.

`standard_figures()` is a small, realistic week of reporting (13-17 November
2024): outlets repeating one air force statement, a headline and body repeat, a
report ingested twice, Ukraine's "131 of 149 drones" next to Russia's "67
Ukrainian drones destroyed", a regional part ("including 25 over the Rostov
region"), a preliminary and an updated death toll, ranges, and cumulative totals.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from analytics.model import FIGURE_SCHEMA
from analytics.store import open_db

AF = "Ukraine's air force"
MOD = "Russia's defence ministry"
PRESIDENT = "Ukraine's president"
GOVERNOR = "regional governor"


def ts(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in November 2024."""
    return dt.datetime(2024, 11, day, hour, minute)


def doc(doc_id: str, outlet: str | None, published_at: dt.datetime) -> dict:
    """A documents row."""
    return {
        "doc_id": doc_id,
        "source_path": f"{doc_id}.txt",
        "content_hash": doc_id,
        "title": doc_id,
        "url": None,
        "outlet": outlet,
        "published_at": published_at,
        "kind": "article",
        "n_chars": 1000,
        "n_entries": 1,
        "ingested_at": published_at,
    }


def fig(
    doc_id: str,
    subject: str,
    measure: str,
    value: int,
    *,
    day: int | None = None,
    entry: str = "e0",
    figure_id: str | None = None,
    **fields: object,
) -> dict:
    """A figures row; `day` is the event date's day in November 2024 (None: no date)."""
    row: dict = {
        "doc_id": doc_id,
        "entry_id": f"{doc_id}:{entry}",
        "published_at": None,
        "event_date": dt.date(2024, 11, day) if day else None,
        "date_assumed": False,
        "subject": subject,
        "measure": measure,
        "side": "russia",
        "weapon": None,
        "value": value,
        "value_low": None,
        "value_high": None,
        "qualifier": "exact",
        "cumulative": False,
        "reported_by": AF,
        "location": None,
        "quote": f"{value} {subject} {measure}",
        "span_start": 0,
        "span_end": len(str(value)),
        "rule": "fixture",
    }
    unknown = set(fields) - set(row)
    if unknown:
        raise KeyError(f"unknown figure fields: {sorted(unknown)}")
    row.update(fields)
    if row["value_low"] is not None and row["value_high"] is not None:
        row["qualifier"] = fields.get("qualifier", "range")
    row["figure_id"] = figure_id or ""
    return row


def _number(rows: list[dict]) -> list[dict]:
    seen: dict[str, int] = {}
    for row in rows:
        if not row["figure_id"]:
            n = seen.get(row["entry_id"], 0)
            seen[row["entry_id"]] = n + 1
            row["figure_id"] = f"{row['entry_id']}:{n}"
    return rows


_TEMPLATE: list[Path] = []


def open_fixture_db(path: Path) -> duckdb.DuckDBPyConnection:
    """A new figures database at `path`: the store's tables and the views.

    The first call builds an empty database with `open_db`; later calls copy
    that file (opening through the store costs ~0.4 s, a copy ~0.04 s).
    """
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="series-fixture-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "template.duckdb"
        open_db(template).close()
        _TEMPLATE.append(template)
    shutil.copyfile(_TEMPLATE[0], path)
    return duckdb.connect(str(path))


def make_db(
    path: Path, documents: Iterable[dict], figures: Iterable[dict]
) -> duckdb.DuckDBPyConnection:
    """A database file at `path` holding these rows; returns an open connection."""
    con = open_fixture_db(path)
    docs = list(documents)
    figs = _number(list(figures))
    known = {d["doc_id"] for d in docs}
    for row in figs:  # a figure without a document row gets one, outlet unknown
        if row["doc_id"] not in known:
            docs.append(doc(row["doc_id"], None, ts(13, 9)))
            known.add(row["doc_id"])
    if not docs:
        return con
    doc_table = pa.Table.from_pylist(docs)  # noqa: F841 - read by name below
    con.execute("INSERT INTO documents BY NAME SELECT * FROM doc_table")
    schema = pa.schema([("figure_id", pa.string()), *FIGURE_SCHEMA])
    fig_table = pa.Table.from_pylist(  # noqa: F841 - read by name below
        [{name: row[name] for name in schema.names} for row in figs], schema=schema
    )
    con.execute("INSERT INTO figures BY NAME SELECT * FROM fig_table")
    return con


def standard_documents() -> list[dict]:
    """The outlets and reports of the fixture week."""
    return [
        doc("kyivindependent-1113", "Kyiv Independent", ts(13, 9)),
        doc("reuters-1113", "Reuters", ts(13, 10)),
        doc("reuters-1113-again", "Reuters", ts(13, 10)),  # same report, second doc id
        doc("liveblog-1113", "The Guardian", ts(13, 8)),
        doc("ap-1112", "AP", ts(12, 11)),
        doc("ukrinform-1114", "Ukrinform", ts(14, 9)),
        doc("tass-1114", "TASS", ts(14, 8)),
        doc("odesa-1114-morning", "Suspilne", ts(14, 8)),
        doc("odesa-1114-evening", "Suspilne", ts(14, 15)),
        doc("bbc-1115", "BBC", ts(15, 10)),
        doc("bbc-1115-pres", "BBC", ts(15, 13)),
        doc("kyivpost-1116", "Kyiv Post", ts(16, 10)),
    ]


def standard_figures() -> list[dict]:
    """The figures of the fixture week (see the module docstring)."""
    night13 = {"day": 13}
    return [
        # 12 Nov: one report, matches the reference (110 / 46 / 60).
        fig("ap-1112", "drone", "launched", 110, day=12),
        fig("ap-1112", "drone", "downed", 46, day=12),
        fig("ap-1112", "drone", "lost", 60, day=12),
        fig("ap-1112", "civilian", "killed", 1, day=12, reported_by="police", side="ukraine"),
        # 13 Nov: the air force statement, repeated by three outlets, twice by Reuters
        # (one report ingested under two doc ids) and in a live blog's headline and body.
        fig("kyivindependent-1113", "drone", "launched", 90, **night13),
        fig("kyivindependent-1113", "drone", "downed", 37, **night13, weapon="shahed"),
        fig("kyivindependent-1113", "drone", "lost", 47, **night13),
        fig("reuters-1113", "drone", "downed", 37, **night13, reported_by=None),
        fig("reuters-1113-again", "drone", "downed", 37, **night13, reported_by=None),
        fig("liveblog-1113", "drone", "downed", 37, **night13, entry="headline"),
        fig("liveblog-1113", "drone", "downed", 37, **night13, entry="body"),
        fig(
            "liveblog-1113",
            "cruise_missile",
            "launched",
            2,
            **night13,
            entry="body",
            weapon="kh-101",
        ),
        fig(
            "liveblog-1113", "cruise_missile", "downed", 2, **night13, entry="body", weapon="kh-101"
        ),
        fig(
            "liveblog-1113",
            "ballistic_missile",
            "launched",
            2,
            **night13,
            entry="body",
            weapon="iskander-m",
        ),
        fig(
            "liveblog-1113",
            "ballistic_missile",
            "downed",
            2,
            **night13,
            entry="body",
            weapon="iskander-m",
        ),
        # cumulative total: a claim, kept out of the daily series
        fig("liveblog-1113", "drone", "downed", 15000, **night13, entry="body", cumulative=True),
        # no event date: a claim, kept out of the daily series
        fig(
            "liveblog-1113", "soldier", "killed", 12, entry="body", reported_by=None, side="russia"
        ),
        # 14 Nov: Ukraine says 131 of 149 Russian drones; Russia says 67 Ukrainian
        # drones destroyed, including 25 over the Rostov region.
        fig("ukrinform-1114", "drone", "launched", 149, day=14),
        fig("ukrinform-1114", "drone", "downed", 131, day=14),
        fig("tass-1114", "drone", "downed", 67, day=14, side="ukraine", reported_by=MOD),
        fig(
            "tass-1114",
            "drone",
            "downed",
            25,
            day=14,
            side="ukraine",
            reported_by=MOD,
            location="Rostov region",
        ),
        # 14 Nov: Odesa strike, a preliminary toll and an update the same day.
        fig(
            "odesa-1114-morning",
            "person",
            "killed",
            5,
            day=14,
            side="ukraine",
            reported_by=GOVERNOR,
            location="Odesa",
        ),
        fig(
            "odesa-1114-morning",
            "person",
            "injured",
            12,
            day=14,
            side="ukraine",
            reported_by=GOVERNOR,
            location="Odesa",
        ),
        fig(
            "odesa-1114-evening",
            "person",
            "killed",
            7,
            day=14,
            side="ukraine",
            reported_by=GOVERNOR,
            location="Odesa",
        ),
        fig(
            "odesa-1114-evening",
            "child",
            "killed",
            2,
            day=14,
            side="ukraine",
            reported_by=GOVERNOR,
            location="Odesa",
        ),
        fig(
            "odesa-1114-evening",
            "person",
            "injured",
            12,
            day=14,
            side="ukraine",
            reported_by=GOVERNOR,
            location="Odesa",
        ),
        # 15 Nov: the air force says 30 downed, the president later says 32;
        # a range "between 35 and 45" joins the point "about 40" launched.
        fig("bbc-1115", "drone", "downed", 30, day=15),
        fig("bbc-1115", "drone", "launched", 40, day=15, qualifier="approx"),
        fig(
            "bbc-1115-pres",
            "drone",
            "launched",
            35,
            day=15,
            value_low=35,
            value_high=45,
            reported_by=PRESIDENT,
        ),
        fig("bbc-1115-pres", "drone", "downed", 32, day=15, reported_by=PRESIDENT),
        fig("bbc-1115-pres", "guided_missile", "launched", 4, day=15, weapon="kh-59"),
        # 16 Nov: no drone report; two overlapping ranges of soldiers killed
        # with no point value inside them.
        fig(
            "kyivpost-1116",
            "soldier",
            "killed",
            10,
            day=16,
            value_low=10,
            value_high=15,
            side="russia",
            reported_by="Ukraine's General Staff",
        ),
        fig(
            "kyivpost-1116",
            "soldier",
            "killed",
            12,
            day=16,
            value_low=12,
            value_high=20,
            side="russia",
            reported_by="Ukraine's General Staff",
            entry="e1",
        ),
        # 17 Nov: drones again (16 Nov is a gap in the drone series).
        fig("kyivpost-1116", "drone", "launched", 220, day=17, entry="e2"),
    ]


def standard_db(path: Path) -> duckdb.DuckDBPyConnection:
    """The fixture week in a database file."""
    return make_db(path, standard_documents(), standard_figures())
