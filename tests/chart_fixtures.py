"""Small, hand-checked data for the chart tests.

Two kinds of fixture:

* frames shaped like each `pull_X` result, fed straight to the pure builders;
* `fixture_db()`: an in-memory DuckDB with tables named and shaped like the
  views the charts read (`claims`, `daily_series`, `air_defence`,
  `reference_comparison`) and a `documents` table, so the pull functions can be
  tested without the extraction pipeline.

`store_db(path)` builds a real database through `analytics.store.open_db` and
inserts figures, when that module exists.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl

D = dt.date
NIGHTS = [D(2024, 11, 4) + dt.timedelta(days=i) for i in range(10)]
GAP = D(2024, 11, 9)  # no drone figures that night

# (date, launched, downed) for Russian drones; the largest night is 13 November.
DRONES = [(d, 40 + 6 * i, 30 + 5 * i) for i, d in enumerate(NIGHTS) if d != GAP]
DRONES[-1] = (NIGHTS[-1], 145, 120)
CRUISE = [(NIGHTS[1], 12, 10), (NIGHTS[8], 20, 15)]
BALLISTIC = [(NIGHTS[1], 3, 1), (NIGHTS[9], 4, 2)]
# (date, subject, killed, injured) for people in Ukraine
PEOPLE = [
    (NIGHTS[0], "person", 2, 5),
    (NIGHTS[0], "civilian", 3, 4),  # the larger killed figure wins: 3
    (NIGHTS[3], "person", 1, None),
    (NIGHTS[9], "civilian", 6, 21),
]
DOCUMENTS = 5
QUOTE = "Air defence shot down {downed} of {launched} drones overnight, the air force said."


def _claim(
    n: int,
    date: dt.date | None,
    subject: str,
    measure: str,
    side: str | None,
    value: int,
    reported_by: str | None,
    quote: str,
    *,
    n_sources: int = 1,
    is_default: bool = True,
    cumulative: bool = False,
) -> dict:
    published = dt.datetime.combine(date or NIGHTS[-1], dt.time(7, 30))
    return {
        "claim_id": f"c{n:04d}",
        "event_date": date,
        "subject": subject,
        "measure": measure,
        "side": side,
        "value": value,
        "value_low": None,
        "value_high": None,
        "qualifier": "exact",
        "location": None,
        "weapon": "shahed" if subject == "drone" else None,
        "reported_by": reported_by,
        "n_mentions": n_sources + 1,
        "n_documents": n_sources,
        "n_sources": n_sources,
        "first_published_at": published,
        "last_published_at": published + dt.timedelta(hours=3),
        "is_default": is_default,
        "quote": quote,
        "cumulative": cumulative,
    }


def claims_frame() -> pl.DataFrame:
    """Claims like the `claims` view: defaults, one competing claim, one running total."""
    rows: list[dict] = []
    force = "Ukraine's air force"
    for day, launched, downed in DRONES:
        quote = QUOTE.format(downed=downed, launched=launched)
        rows.append(
            _claim(
                len(rows), day, "drone", "launched", "russia", launched, force, quote, n_sources=2
            )
        )
        rows.append(
            _claim(len(rows), day, "drone", "downed", "russia", downed, force, quote, n_sources=3)
        )
    # A competing, non-default figure for the last night.
    rows.append(
        _claim(
            len(rows),
            NIGHTS[-1],
            "drone",
            "launched",
            "russia",
            150,
            "Russia's defence ministry",
            "It said 150 drones took part.",
            is_default=False,
        )
    )
    for subject, table in (("cruise_missile", CRUISE), ("ballistic_missile", BALLISTIC)):
        for day, launched, downed in table:
            quote = f"The attack involved {launched} missiles; {downed} were intercepted."
            rows.append(
                _claim(len(rows), day, subject, "launched", "russia", launched, force, quote)
            )
            rows.append(_claim(len(rows), day, subject, "downed", "russia", downed, force, quote))
    for day, subject, killed, injured in PEOPLE:
        for measure, value in (("killed", killed), ("injured", injured)):
            if value is not None:
                rows.append(
                    _claim(
                        len(rows),
                        day,
                        subject,
                        measure,
                        "ukraine",
                        value,
                        "regional governor",
                        f"{value} {measure} in the strike.",
                    )
                )
    rows.append(
        _claim(
            len(rows),
            None,
            "soldier",
            "killed",
            "ukraine",
            700000,
            None,
            "Since the invasion began, 700,000 soldiers.",
            cumulative=True,
        )
    )
    return pl.DataFrame(rows)


def reference_frame() -> pl.DataFrame:
    """Like the `reference_comparison` view: drones on three nights."""
    by_day = {day: (launched, downed) for day, launched, downed in DRONES}
    rows = []
    for day, ref_launched, status in (
        (NIGHTS[0], 40, "same"),
        (NIGHTS[1], 50, "differs"),
        (GAP, 60, "only_reference"),
    ):
        extracted = by_day.get(day, (None, None))[0]
        rows.append(
            {
                "date": day,
                "weapon_class": "drone",
                "measure": "launched",
                "reference_value": ref_launched,
                "extracted_value": extracted,
                "difference": None if extracted is None else extracted - ref_launched,
                "status": status,
            }
        )
    return pl.DataFrame(rows)


DAILY_SERIES_SQL = """
CREATE OR REPLACE VIEW daily_series AS
SELECT event_date AS date, subject, measure, side, value, n_sources, claim_id
FROM claims WHERE is_default AND NOT cumulative AND event_date IS NOT NULL
"""
AIR_DEFENCE_SQL = """
CREATE OR REPLACE VIEW air_defence AS
WITH p AS (
    SELECT date, side, subject AS weapon_class,
        CAST(sum(CASE WHEN measure = 'launched' THEN value END) AS BIGINT) AS launched,
        CAST(sum(CASE WHEN measure = 'downed' THEN value END) AS BIGINT) AS downed,
        CAST(sum(CASE WHEN measure = 'lost' THEN value END) AS BIGINT) AS lost
    FROM daily_series
    WHERE subject IN ('drone', 'cruise_missile', 'ballistic_missile', 'guided_missile',
                      'missile', 'aerial_target')
        AND measure IN ('launched', 'downed', 'lost')
    GROUP BY ALL
)
SELECT *, CASE WHEN launched > 0 THEN CAST(downed AS DOUBLE) / launched END AS share_downed
FROM p
"""


def fixture_db(*, empty: bool = False, reference: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory database shaped like the views the charts read."""
    con = duckdb.connect()
    claims = claims_frame()
    if empty:
        claims = claims.clear()
    con.register("claims_rows", claims)
    con.execute("CREATE TABLE claims AS SELECT * FROM claims_rows")
    con.unregister("claims_rows")
    con.execute(
        "CREATE TABLE documents AS SELECT 'doc-' || i AS doc_id, 'Outlet' AS outlet, "
        "TIMESTAMP '2024-11-13 08:00' AS published_at FROM range(?) AS t(i)",
        [0 if empty else DOCUMENTS],
    )
    con.execute(DAILY_SERIES_SQL)
    con.execute(AIR_DEFENCE_SQL)
    if reference:
        ref = reference_frame()
        if empty:
            ref = ref.clear()
        con.register("reference_rows", ref)
        con.execute("CREATE TABLE reference_comparison AS SELECT * FROM reference_rows")
        con.unregister("reference_rows")
    return con


# ------------------------------------------------------------ frames for builders


def air_defence_frame() -> pl.DataFrame:
    """Like `pull_air_defence`: two nights of drones, one of cruise missiles."""
    return pl.DataFrame(
        {
            "date": [D(2024, 11, 12), D(2024, 11, 13), D(2024, 11, 13)],
            "weapon_class": ["drone", "drone", "cruise_missile"],
            "launched": [90, 145, 12],
            "downed": [60, 120, None],
            "share_downed": [60 / 90, 120 / 145, None],
            "launched_sources": [2, 4, 1],
            "downed_sources": [2, 3, None],
            "launched_quote": ["Russia launched 90 drones.", "145 drones overnight.", "12 Kh-101."],
            "downed_quote": ["60 were shot down.", "120 of them shot down.", None],
        }
    )


def share_frame() -> pl.DataFrame:
    """Like `pull_share_downed`."""
    return pl.DataFrame(
        {
            "date": [D(2024, 11, 12), D(2024, 11, 13)],
            "weapon_class": ["drone", "drone"],
            "launched": [90, 145],
            "downed": [60, 120],
            "share_downed": [60 / 90, 120 / 145],
            "share_rolling": [60 / 90, (60 / 90 + 120 / 145) / 2],
            "nights_in_window": [1, 2],
            "downed_sources": [2, 3],
            "downed_quote": ["60 were shot down.", "120 of them shot down."],
        }
    )


def missiles_frame() -> pl.DataFrame:
    """Like `pull_missiles_by_type`: two weeks, two types."""
    week1, week2 = D(2024, 11, 4), D(2024, 11, 11)
    return pl.DataFrame(
        {
            "week": [week1, week1, week2],
            "week_end": [week1 + dt.timedelta(7), week1 + dt.timedelta(7), week2 + dt.timedelta(7)],
            "subject": ["ballistic_missile", "cruise_missile", "cruise_missile"],
            "value": [3, 12, 20],
            "nights": [1, 1, 1],
            "max_sources": [1, 2, 1],
            "top_night": [D(2024, 11, 5), D(2024, 11, 5), D(2024, 11, 12)],
            "first_date": [D(2024, 11, 5), D(2024, 11, 5), D(2024, 11, 12)],
            "last_date": [D(2024, 11, 5), D(2024, 11, 5), D(2024, 11, 12)],
            "quote": ["3 Iskander-M.", "12 Kh-101.", "20 cruise missiles."],
        }
    )


def casualties_frame() -> pl.DataFrame:
    """Like `pull_casualties`: three days, two of them in one week."""
    return pl.DataFrame(
        {
            "date": [D(2024, 11, 4), D(2024, 11, 4), D(2024, 11, 7), D(2024, 11, 13)],
            "measure": ["injured", "killed", "killed", "killed"],
            "value": [5, 3, 1, 6],
            "subject": ["person", "civilian", "person", "civilian"],
            "n_sources": [1, 2, 1, 3],
            "quote": ["Five injured.", "Three killed.", "One killed.", "Six killed."],
        }
    )


def reporters_frame() -> pl.DataFrame:
    """Like `pull_reporters`."""
    return pl.DataFrame(
        {
            "reported_by": ["Ukraine's air force", "Ukraine's air force", "regional governor"],
            "subject": ["drone", "drone", "person"],
            "measure": ["launched", "downed", "killed"],
            "claims": [9, 9, 2],
            "mentions": [20, 25, 3],
            "max_sources": [3, 3, 1],
            "first_date": [D(2024, 11, 4)] * 3,
            "last_date": [D(2024, 11, 13)] * 3,
            "quote": ["145 drones.", "120 shot down.", "Two killed."],
        }
    )


# ------------------------------------------------------------ a real database


def fixture_records() -> tuple[list, list, list]:
    """Documents, entries and figures that state the same facts as `claims_frame()`."""
    from analytics.model import Document, Entry, Figure

    docs: list[Document] = []
    entries: list[Entry] = []
    figures: list[Figure] = []

    def add(doc_id: str, day: dt.date, hour: int, outlet: str, text: str, facts: list) -> None:
        published = dt.datetime.combine(day, dt.time(hour, 0))
        docs.append(
            Document(
                doc_id=doc_id, text=text, outlet=outlet, published_at=published, kind="article"
            )
        )
        entries.append(
            Entry(
                doc_id=doc_id, entry_id=f"{doc_id}#0", position=0, text=text, published_at=published
            )
        )
        for n, (subject, measure, side, value, reported_by, cumulative) in enumerate(facts):
            figures.append(
                Figure(
                    subject=subject,
                    measure=measure,
                    value=value,
                    side=side,
                    reported_by=reported_by,
                    event_date=None if cumulative else day,
                    cumulative=cumulative,
                    quote=text,
                    span_start=n,
                    span_end=n + 1,
                    rule="fixture",
                    doc_id=doc_id,
                    entry_id=f"{doc_id}#0",
                    published_at=published,
                )
            )

    force = "Ukraine's air force"
    for i, (day, launched, downed) in enumerate(DRONES):
        add(
            f"drones-{day:%m%d}",
            day,
            9,
            f"Outlet {i % 2}",
            QUOTE.format(downed=downed, launched=launched),
            [
                ("drone", "launched", "russia", launched, force, False),
                ("drone", "downed", "russia", downed, force, False),
            ],
        )
    # A competing, earlier figure: not the default (the air force's later one is).
    add(
        "ministry-1113",
        NIGHTS[-1],
        6,
        "Outlet 2",
        "It said 150 drones took part.",
        [("drone", "launched", "russia", 150, "Russia's defence ministry", False)],
    )
    for subject, table in (("cruise_missile", CRUISE), ("ballistic_missile", BALLISTIC)):
        for day, launched, downed in table:
            add(
                f"{subject}-{day:%m%d}",
                day,
                10,
                "Outlet 0",
                f"The attack involved {launched} missiles; {downed} were intercepted.",
                [
                    (subject, "launched", "russia", launched, force, False),
                    (subject, "downed", "russia", downed, force, False),
                ],
            )
    for day, subject, killed, injured in PEOPLE:
        facts = [(subject, "killed", "ukraine", killed, "regional governor", False)]
        if injured is not None:
            facts.append((subject, "injured", "ukraine", injured, "regional governor", False))
        add(
            f"{subject}-{day:%m%d}",
            day,
            12,
            "Outlet 1",
            f"{killed} killed and {injured or 'no'} injured in the strike.",
            facts,
        )
    add(
        "total",
        NIGHTS[-1],
        13,
        "Outlet 1",
        "Since the invasion began, 700,000 soldiers.",
        [("soldier", "killed", "ukraine", 700000, None, True)],
    )
    return docs, entries, figures


def store_available() -> bool:
    """Whether analytics.store (the real schema and views) can be imported."""
    try:
        import analytics.store  # noqa: F401
    except ImportError:
        return False
    return True


def store_db(path: Path, *, reference: bool = True) -> duckdb.DuckDBPyConnection:
    """A database built by analytics.store.open_db with the fixture's figures stored.

    With `reference`, the demo's reference nights are loaded too, so the
    `reference_comparison` view has rows for the fixture's nights.
    """
    from analytics import store

    docs, entries, figures = fixture_records()
    con = store.open_db(path)
    record = store.FileRecord(
        path="fixture.jsonl", size=0, mtime_ns=0, sha256="fixture", n_documents=len(docs)
    )
    store.replace_file(con, record, docs, entries, figures)
    if reference:
        from analytics.demo import reference_path
        from analytics.reference import load_reference

        load_reference(con, reference_path())
    return con
