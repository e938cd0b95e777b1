"""Security: hostile values stay data, HTML stays inert, nothing is written where it should not be.

- Named-query parameters are bound, never pasted into SQL: a value such as
  `x'); DROP TABLE figures; --` finds nothing and changes nothing.
- Reading HTML never runs a script or fetches a resource: the network is
  switched off during the read (any connection attempt fails the test), and
  script text never reaches the document.
- Document ids, Telegram channel names and file names are data: a hostile
  one cannot make ingest, export or chart write outside --db and --out.
- `figures sql` opens the database read-only: statements that would change
  it fail with one line, and the file's bytes are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import pipeline, series, store
from analytics.cli import app
from analytics.readers import read_file

HOSTILE = [
    "x'); DROP TABLE figures; --",
    "'; DELETE FROM documents; SELECT '",
    "russia' OR '1'='1",
    "2024-01-01'); DROP VIEW claims; --",
]
TABLES = ("files", "documents", "entries", "figures", "meta")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
        views = con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchall()
        counts["views"] = views[0][0]
        return counts
    finally:
        con.close()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secure")
    corpus = folder / "c.jsonl"
    records = [
        {"id": f"s{i}", "text": f"Overnight Russia launched {40 + i} Shahed drones; air defence"
         f" shot down {30 + i}. Two civilians were injured in Kharkiv.",
         "published_at": f"2024-11-{10 + i}T08:00:00", "outlet": "Wire"}
        for i in range(6)
    ]  # fmt: skip
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = folder / "f.duckdb"
    assert pipeline.ingest([corpus], db, workers=1, quiet=True).ok
    return db


# --------------------------------------------------------------------------- bound parameters


@pytest.mark.parametrize("query", [q.name for q in series.list_queries()])
def test_query_parameters_are_bound(database: Path, query: str) -> None:
    """Every declared parameter of every named query, with every hostile value."""
    before, sha = _snapshot(database), _sha(database)
    info = series.get_query(query)
    con = store.open_db(database, read_only=True)
    try:
        for param in info.params:
            for value in HOSTILE:
                try:
                    frame = series.run_query(con, query, {param.name: value})
                except duckdb.ConversionException:
                    continue  # a date or number parameter refused the text: fine
                if param.name in ("side", "subject", "measure"):
                    assert frame.height == 0, f"{query}: {param.name}={value!r} matched rows"
    finally:
        con.close()
    # The same through the command line, one line of error at most.
    for param in info.params:
        result = CliRunner().invoke(
            app, ["query", query, "--param", f"{param.name}={HOSTILE[0]}", "--db", str(database)]
        )
        if result.exit_code != 0:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert _snapshot(database) == before
    assert _sha(database) == sha


def test_query_name_cannot_name_a_file(database: Path) -> None:
    for name in ("../../etc/passwd", "/etc/passwd", "..", "nightly_drones.sql", "a b"):
        result = CliRunner().invoke(app, ["query", name, "--db", str(database)])
        assert result.exit_code == 1
        assert "unknown query" in result.stderr and "root:" not in result.stdout


# --------------------------------------------------------------------------- read-only sql

WRITES = [
    "DELETE FROM figures",
    "DROP VIEW claims",
    "DROP TABLE figures",
    "UPDATE documents SET title = 'x'",
    "INSERT INTO meta VALUES ('k', 'v')",
    "CREATE TABLE t AS SELECT 1",
    "CREATE OR REPLACE VIEW claims AS SELECT 1",
    "ALTER TABLE figures ADD COLUMN x INT",
    "COMMENT ON TABLE figures IS 'x'",
    "TRUNCATE figures",
]


@pytest.mark.parametrize("statement", WRITES)
def test_sql_cannot_change_the_database(database: Path, statement: str) -> None:
    before, sha = _snapshot(database), _sha(database)
    result = CliRunner().invoke(app, ["sql", statement, "--db", str(database)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0], result.stderr
    assert _snapshot(database) == before and _sha(database) == sha


def test_sql_housekeeping_statements_leave_the_file_alone(database: Path) -> None:
    sha = _sha(database)
    for statement in ("CHECKPOINT", "PRAGMA force_checkpoint", "VACUUM", "ANALYZE"):
        CliRunner().invoke(app, ["sql", statement, "--db", str(database)])
    assert _sha(database) == sha


def test_sql_cannot_write_files_or_fetch(database: Path, tmp_path: Path) -> None:
    leak = tmp_path / "leak.csv"
    result = CliRunner().invoke(
        app, ["sql", f"COPY figures TO '{leak}' (FORMAT csv)", "--db", str(database)]
    )
    assert not leak.exists(), "figures sql wrote a file outside --db and --out"
    assert result.exit_code == 1


# --------------------------------------------------------------------------- inert HTML

HOSTILE_HTML = """<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://198.51.100.7/entity">
]>
<html><head>
<meta http-equiv="refresh" content="0; url=http://198.51.100.7/refresh">
<base href="http://198.51.100.7/">
<link rel="stylesheet" href="http://198.51.100.7/style.css">
<link rel="import" href="http://198.51.100.7/import.html">
<script src="http://198.51.100.7/evil.js"></script>
<script>document.write("SCRIPT_TEXT_MARKER"); fetch("http://198.51.100.7/beacon");</script>
<style>@import url("http://198.51.100.7/x.css"); body { background: url(http://198.51.100.7/bg) }</style>
<title>Overnight attack</title>
</head><body>
<img src="http://198.51.100.7/pixel.gif" onerror="alert('ONERROR_MARKER')">
<iframe src="http://198.51.100.7/frame"></iframe>
<object data="http://198.51.100.7/object"></object>
<svg><script>alert("SVG_SCRIPT_MARKER")</script></svg>
<article><p>Russia launched 40 Shahed drones overnight, the air force said; air defence
shot down 35 of them over the Kyiv region. &xxe; &remote;</p>
<p>Two civilians were injured in Kharkiv, the regional governor said.</p>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-11-13T08:00:00Z"}</script>
<noscript><img src="http://198.51.100.7/noscript.gif"></noscript>
</article></body></html>
"""
MARKERS = ("SCRIPT_TEXT_MARKER", "ONERROR_MARKER", "SVG_SCRIPT_MARKER", "root:", "beacon")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to resolve or connect is recorded and refused."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise AssertionError(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_html_never_fetches_or_runs_scripts(tmp_path: Path, no_network: list[str]) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_HTML)
    (doc,) = list(read_file(page))
    assert no_network == []
    assert "40 Shahed drones" in doc.text
    for marker in MARKERS:
        assert marker not in doc.text and marker not in (doc.title or ""), marker
    assert doc.url is None or "198.51.100.7" not in doc.url or doc.url.startswith("http")

    db = tmp_path / "f.duckdb"
    report = pipeline.ingest([page], db, workers=1, quiet=True)
    assert report.ok and no_network == []
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT string_agg(text, ' ') FROM entries").fetchall()[0][0]
    quotes = con.execute("SELECT string_agg(quote, ' ') FROM figures").fetchall()[0][0] or ""
    con.close()
    for marker in MARKERS:
        assert marker not in stored and marker not in quotes, marker


def test_html_fallback_path_is_inert_too(
    tmp_path: Path, no_network: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When trafilatura finds no article, the lxml fallback must drop scripts as well."""
    from analytics.readers import html

    monkeypatch.setattr(html, "_article_text", lambda markup: "")
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_HTML)
    (doc,) = list(read_file(page))
    assert no_network == [] and "40 Shahed drones" in doc.text
    for marker in MARKERS:
        assert marker not in doc.text, marker


# --------------------------------------------------------------------------- writes stay inside


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_hostile_names_write_nothing_outside_db_and_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work" / "deep" / "cwd"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    evil = [
        "../../etc/x",
        "../../../../../../tmp/figures-escape",
        "/tmp/figures-escape-abs",
        "..",
        "a/../../b",
        "~/.bashrc",
        "C:\\Windows\\x",
        "line\nbreak",
        "$(touch pwned)",
    ]
    records = [
        {"id": doc_id, "text": f"Russia launched {10 + i} drones overnight.",
         "published_at": "2024-11-13T08:00:00", "outlet": doc_id, "title": doc_id, "url": doc_id}
        for i, doc_id in enumerate(evil)
    ]  # fmt: skip
    (inputs / "evil.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    export = {
        "name": "../../../../tmp/figures-channel/",
        "id": "../../x",
        "messages": [
            {"id": "../../../etc/y", "type": "message", "date": "2024-11-13T08:00:00",
             "text": "Air defence shot down 12 drones."},
            {"id": 2, "type": "message", "date": "2024-11-13T09:00:00",
             "text": "Russia fired 3 missiles."},
        ],
    }  # fmt: skip
    (inputs / "result.json").write_text(json.dumps(export))
    (inputs / "front.txt").write_text(
        "id: ../../../front-escape\ntitle: x\n---\nRussia launched 7 drones overnight.\n"
    )
    db = tmp_path / "db" / "f.duckdb"
    out = tmp_path / "out"
    charts_out = tmp_path / "charts"
    before_tmp = set(os.listdir("/tmp"))
    outside_before = _tree(tmp_path)

    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(app, ["export", "--out", str(out), "--db", str(db)]).exit_code == 0
    assert (
        runner.invoke(app, ["export", "--out", str(out), "--format", "csv", "--db", str(db)])
    ).exit_code == 0
    charted = runner.invoke(
        app, ["chart", "--all", "--out", str(charts_out), "--format", "html", "--db", str(db)]
    )
    assert charted.exit_code in (0, 1) and "Traceback" not in charted.stderr

    con = duckdb.connect(str(db), read_only=True)
    ids = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
    con.close()
    assert set(evil) <= ids  # stored as data, verbatim
    created = _tree(tmp_path) - outside_before
    allowed = ("db", "out", "charts")
    stray = sorted(p for p in created if p.split(os.sep)[0] not in allowed)
    assert stray == [], stray
    assert list(work.iterdir()) == []
    new_in_tmp = {
        n for n in set(os.listdir("/tmp")) - before_tmp if "figures-" in n or "escape" in n
    }
    assert new_in_tmp == set()
    for path in created:
        first = path.split(os.sep)[0]
        if first in ("out", "charts"):
            # only TABLE_OR_VIEW.ext / CHART.ext directly inside --out
            assert path.count(os.sep) <= 1, path
