"""The benchmark: a tiny run has every field with sane values (speed is never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from analytics import bench, series
from analytics.cli import app


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10MB", 10_000_000),
        ("100mb", 100_000_000),
        ("1GB", 1_000_000_000),
        ("200KB", 200_000),
        ("1.5MB", 1_500_000),
        ("5000", 5_000),
    ],
)
def test_parse_size(text: str, expected: int) -> None:
    assert bench.parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "ten MB", "10TB", "0MB", "-1MB"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(bench.BenchError, match="size"):
        bench.parse_size(text)


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("Russia launched 40 Shahed drones overnight.", 1),
        ("Twelve missiles and 3 guided bombs.", 2),
        ("Air defence downed 25 of them.", 0),
        ("At 04:00 the sirens stopped.", 0),
    ],
)
def test_ceiling_pattern_finds_numbers_before_nouns(text: str, hits: int) -> None:
    assert len(bench.CEILING_PATTERN.findall(text)) == hits


def test_corpus_is_streamed_to_files_of_bounded_size(tmp_path: Path) -> None:
    files, text_bytes = bench.write_corpus(tmp_path, 120_000, file_bytes=50_000)
    assert len(files) >= 2
    assert text_bytes >= 120_000
    lines = [json.loads(line) for f in files for line in f.read_text().splitlines()]
    assert sum(len(d["text"].encode()) for d in lines) == text_bytes
    assert len({d["id"] for d in lines}) == len(lines)


def test_synthetic_table_has_the_rows_and_runs_the_views(tmp_path: Path) -> None:
    db = tmp_path / "syn.duckdb"
    info = bench.build_synthetic(db, 5_000)
    assert info["rows"] == 5_000
    con = duckdb.connect(str(db), read_only=True)
    try:
        years = con.sql(
            "SELECT count(DISTINCT year(event_date)), count(DISTINCT subject),"
            " count(DISTINCT figure_id) FROM figures"
        ).fetchall()[0]
        orphans = con.sql(
            "SELECT count(*) FROM figures f ANTI JOIN documents d USING (doc_id)"
        ).fetchall()[0][0]
    finally:
        con.close()
    assert years[0] >= 5 and years[1] >= 8 and years[2] == 5_000
    assert orphans == 0
    timings = bench.time_queries(db)
    names = {t["name"] for t in timings}
    assert set(bench.VIEWS) <= names
    assert {f"query:{q.name}" for q in series.list_queries()} <= names
    daily = next(t for t in timings if t["name"] == "daily_series")
    assert daily["rows"] > 0


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, Path]:
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "bench.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "--size",
            "200KB",
            "--workers",
            "2",
            "--synthetic-rows",
            "20000",
            "--json",
            str(out),
            "--keep",
            str(folder / "work"),
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text()), result.output, folder / "work"


def test_tiny_bench_json_has_every_field(tiny_run: tuple[dict, str, Path]) -> None:
    data, _, _ = tiny_run
    assert set(data) >= {
        "size_bytes",
        "workers",
        "machine",
        "corpus",
        "extraction",
        "ingest",
        "memory",
        "queries",
        "synthetic",
        "targets",
    }
    assert data["size_bytes"] == 200_000 and data["workers"] == 2
    assert data["corpus"]["text_bytes"] >= 200_000 and data["corpus"]["files"] >= 1
    ex = data["extraction"]
    assert ex["sample_bytes"] > 0 and ex["entries"] > 0 and ex["figures"] > 0
    assert ex["mb_s_per_core"] > 0 and ex["ceiling_mb_s"] > 0 and ex["ceiling_hits"] > 0
    assert (
        0
        < ex["ratio_to_ceiling"]
        == pytest.approx(ex["mb_s_per_core"] / ex["ceiling_mb_s"], rel=0.01)
    )
    ing = data["ingest"]
    assert ing["mb_s"] > 0 and ing["figures"] > 0 and ing["files_failed"] == 0
    assert ing["figures"] >= ex["figures"] * 0.5  # the ingest read the same kind of text
    mem = data["memory"]
    assert 20 < mem["peak_rss_mb"] < 64_000
    assert mem["peak_rss_mb"] >= max(mem["by_phase_mb"].values()) - 0.1
    assert {"extraction", "ingest", "queries", "synthetic"} <= set(mem["by_phase_mb"])
    names = [q["name"] for q in data["queries"]]
    assert names[:3] == list(bench.VIEWS)
    assert [q for q in data["queries"] if "error" in q] == []
    assert all(q["seconds"] >= 0 and q["rows"] >= 0 for q in data["queries"])
    assert data["synthetic"]["rows"] == 20_000
    assert [q["name"] for q in data["synthetic"]["queries"]] == names


def test_tiny_bench_prints_the_table(tiny_run: tuple[dict, str, Path]) -> None:
    _, output, _ = tiny_run
    assert "| extraction, MB/s per core |" in output
    assert "| extraction / regex pass |" in output
    assert "daily_series (0.02M rows)" in output


def test_kept_folder_holds_the_corpus_and_database(tiny_run: tuple[dict, str, Path]) -> None:
    data, _, work = tiny_run
    assert len(list((work / "corpus").glob("reports-*.jsonl"))) == data["corpus"]["files"]
    assert (work / "bench.duckdb").stat().st_size == data["ingest"]["db_bytes"] > 0
    assert (work / "synthetic.duckdb").exists()


def test_bench_times_a_corpus_the_user_gives(tmp_path: Path) -> None:
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "Air defence shot down 37 of 50 Russian drones overnight. Two people were injured.",
                "published_at": "2024-11-13T09:00:00",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app,
        ["bench", "--corpus", str(tmp_path), "--workers", "1", "--synthetic-rows", "0",
         "--json", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["corpus"]["source"] == [str(tmp_path)] and data["corpus"]["files"] == 1
    assert [line.split(":")[0] for line in data["corpus"]["skipped"]] == [str(broken)]
    assert data["extraction"]["figures"] == 3 and data["ingest"]["figures"] == 3
    assert "(given)" in result.output


def test_bench_names_a_missing_corpus_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope'}: no such file or directory" in result.output
