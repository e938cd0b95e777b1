"""Charts: each builder's spec (data, encodings, titles, source line), the pulls
from the views, offline rendering to PNG / SVG / HTML, and the `chart` command."""

from __future__ import annotations

import datetime as dt
import re
import struct
import warnings
from pathlib import Path

import altair as alt
import chart_fixtures as fx
import polars as pl
import pytest
from typer.testing import CliRunner

from analytics import charts

# ------------------------------------------------------------------ spec helpers


def walk(node):
    """Every dict inside a Vega-Lite spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def mark_type(unit: dict) -> str:
    return unit["mark"] if isinstance(unit["mark"], str) else unit["mark"]["type"]


def units(spec: dict, mark: str | None = None) -> list[dict]:
    """Unit specs (those with a mark), optionally of one mark type."""
    found = [n for n in walk(spec) if "mark" in n and "encoding" in n]
    return [u for u in found if mark is None or mark_type(u) == mark]


def values(spec: dict) -> list[list[dict]]:
    """Every inline dataset in the spec (named datasets resolved)."""
    out = []
    for node in walk(spec):
        data = node.get("data")
        if isinstance(data, dict):
            if "values" in data:
                out.append(data["values"])
            elif "name" in data and data["name"] in spec.get("datasets", {}):
                out.append(spec["datasets"][data["name"]])
    return out


def rows(spec: dict) -> list[dict]:
    (only,) = values(spec)
    return only


def source_of(spec: dict) -> str:
    """The source line: the bottom title of the wrapped chart."""
    footer = spec["vconcat"][0]["title"]
    assert footer["orient"] == "bottom"
    return footer["text"]


def title_of(spec: dict) -> str:
    text = spec["title"]["text"]
    return text["expr"] if isinstance(text, dict) else text


def tooltip_fields(unit: dict) -> list[str]:
    return [t["field"] for t in unit["encoding"].get("tooltip", [])]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    return struct.unpack(">II", head[16:24])


SOURCE = "Figures as reported by X, extracted from 3 documents, 1 Nov 2024 – 2 Nov 2024"


# ------------------------------------------------------------------ theme and source line


def test_theme_is_registered_and_active():
    assert charts.THEME in alt.theme.names()
    assert alt.theme.active == charts.THEME
    spec = charts.build_casualties(fx.casualties_frame(), source=SOURCE).to_dict()
    assert spec["config"]["font"] == charts.FONT
    assert spec["config"]["title"]["anchor"] == "start"
    assert spec["config"]["legend"]["orient"] == "top"


@pytest.mark.parametrize(
    ("reporters", "n_docs", "first", "last", "more", "expected"),
    [
        (
            ["Ukraine's air force"],
            12,
            dt.date(2024, 11, 4),
            dt.date(2024, 11, 13),
            False,
            "Figures as reported by Ukraine's air force, extracted from 12 documents, "
            "4 Nov 2024 – 13 Nov 2024",
        ),
        (
            ["A", "B"],
            1,
            dt.date(2024, 6, 1),
            dt.date(2024, 6, 1),
            False,
            "Figures as reported by A and B, extracted from 1 document, 1 Jun 2024",
        ),
        (
            ["A", "B", "C"],
            2500,
            dt.date(2023, 1, 1),
            dt.date(2024, 12, 31),
            True,
            "Figures as reported by A, B, C and others, extracted from 2,500 documents, "
            "1 Jan 2023 – 31 Dec 2024",
        ),
        (
            [],
            0,
            None,
            None,
            False,
            "Figures as reported by unattributed sources, extracted from 0 documents",
        ),
    ],
    ids=["one", "same-day", "others", "nothing"],
)
def test_format_source(reporters, n_docs, first, last, more, expected):
    assert charts.format_source(reporters, n_docs, first, last, more=more) == expected


def test_source_line_counts_top_reporters_of_the_subjects():
    con = fx.fixture_db()
    line = charts.source_line(
        con,
        subjects=["drone"],
        measures=["launched", "downed"],
        first=dt.date(2024, 11, 4),
        last=dt.date(2024, 11, 13),
    )
    assert line == (
        "Figures as reported by Ukraine's air force and Russia's defence ministry, "
        f"extracted from {fx.DOCUMENTS} documents, 4 Nov 2024 – 13 Nov 2024"
    )
    people = charts.source_line(con, subjects=["person"], measures=None, first=None, last=None)
    assert people.startswith("Figures as reported by regional governor,")


# ------------------------------------------------------------------ builders


def test_air_defence_spec():
    spec = charts.build_air_defence(fx.air_defence_frame(), source=SOURCE).to_dict()
    assert "Drones" in title_of(spec) and "launched and shot down each night" in title_of(spec)
    assert source_of(spec) == SOURCE
    bars, line = units(spec, "bar"), units(spec, "line")
    assert [b["encoding"]["y"]["field"] for b in bars] == ["launched", "downed"]
    assert all(b["encoding"]["y"].get("stack", "unset") is None for b in bars)
    assert bars[0]["encoding"]["y"]["title"] == "Launched and shot down (number per night)"
    assert bars[0]["encoding"]["x"]["timeUnit"] == "utcyearmonthdate"
    assert "night" in bars[0]["encoding"]["x"]["title"].lower()
    (share,) = line
    y = share["encoding"]["y"]
    assert y["field"] == "share_shown" and y["axis"]["orient"] == "right"
    assert y["axis"]["format"] == "%" and y["scale"]["domain"] == [0, 1]
    # Two y scales: counts on the left, the share on the right.
    assert {"scale": {"y": "independent"}} in [n.get("resolve") for n in walk(spec)]
    # Tooltips give value, sources and the quote.
    assert {"launched", "launched_sources", "launched_quote"} <= set(tooltip_fields(bars[0]))
    assert {"downed", "downed_sources", "downed_quote"} <= set(tooltip_fields(bars[1]))
    # Data: dates as ISO days, values as given; the class menu defaults to drones.
    data = rows(spec)
    assert data[1] == {
        **data[1],
        "date": "2024-11-13",
        "launched": 145,
        "downed": 120,
        "downed_quote": "120 of them shot down.",
    }
    (param,) = [n for n in walk(spec) if n.get("name") == "weapon_class" and "bind" in n]
    assert param["value"] == "drone"
    assert param["bind"]["options"] == ["drone", "cruise_missile"]
    assert param["bind"]["labels"] == ["Drones", "Cruise missiles"]


def test_air_defence_other_class_selected():
    spec = charts.build_air_defence(
        fx.air_defence_frame(), weapon_class="cruise_missile", source=SOURCE
    ).to_dict()
    (param,) = [n for n in walk(spec) if n.get("name") == "weapon_class" and "bind" in n]
    assert param["value"] == "cruise_missile"
    for unit in units(spec):
        filters = [t["filter"] for t in unit.get("transform", []) if "filter" in t]
        assert "(datum.weapon_class === weapon_class)" in filters


def test_air_defence_static_keeps_one_class_and_no_tooltips():
    spec = charts.build_air_defence(
        fx.air_defence_frame(), source=SOURCE, interactive=False
    ).to_dict()
    assert {r["weapon_class"] for r in rows(spec)} == {"drone"}
    assert not any(k.endswith("_quote") for r in rows(spec) for k in r)
    assert all("tooltip" not in u["encoding"] for u in units(spec))
    (param,) = [n for n in walk(spec) if n.get("name") == "weapon_class"]
    assert param["value"] == "drone" and "bind" not in param


def test_air_defence_long_span_draws_steps_and_weekly_share():
    days = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(400)]
    frame = pl.DataFrame(
        {
            "date": days,
            "weapon_class": ["drone"] * 400,
            "launched": [100] * 400,
            "downed": [50 if i % 2 else 100 for i in range(400)],
        }
    ).with_columns((pl.col("downed") / pl.col("launched")).alias("share_downed"))
    spec = charts.build_air_defence(frame, source=SOURCE, interactive=False).to_dict()
    areas = units(spec, "area")
    assert len(areas) == 2 and all(a["mark"]["interpolate"] == "step-after" for a in areas)
    assert not units(spec, "bar")
    (line,) = units(spec, "line")
    assert line["encoding"]["color"]["scale"]["domain"][2].startswith("Share shot down, 7-night")
    # The last window (nights 393-399) holds four 50% nights and three 100% nights.
    assert rows(spec)[-1]["share_shown"] == pytest.approx((4 * 0.5 + 3 * 1.0) / 7)


def test_share_downed_spec():
    spec = charts.build_share_downed(fx.share_frame(), source=SOURCE).to_dict()
    assert "share shot down" in title_of(spec)
    assert "7-day rolling mean" in spec["title"]["subtitle"]
    assert source_of(spec) == SOURCE
    (dots,) = units(spec, "circle")
    (line,) = units(spec, "line")
    assert dots["encoding"]["y"]["field"] == "share_downed"
    assert dots["encoding"]["y"]["axis"]["format"] == "%"
    assert dots["encoding"]["y"]["title"] == "Share shot down (% of launched)"
    assert line["encoding"]["y"]["field"] == "share_rolling"
    assert {"share_downed", "downed_sources", "downed_quote"} <= set(tooltip_fields(dots))
    expected = fx.share_frame()["share_rolling"].to_list()
    assert [r["share_rolling"] for r in rows(spec)] == pytest.approx(expected)


def test_missiles_by_type_spec():
    spec = charts.build_missiles_by_type(fx.missiles_frame(), source=SOURCE).to_dict()
    assert title_of(spec) == "Missiles launched each week, by type"
    assert source_of(spec) == SOURCE
    (bars,) = units(spec, "bar")
    enc = bars["encoding"]
    assert enc["y"]["field"] == "stack_high" and enc["y2"]["field"] == "stack_low"
    assert enc["y"]["title"] == "Missiles launched (number per week)"
    assert enc["x"]["field"] == "week" and enc["x2"]["field"] == "week_end"
    assert enc["color"]["scale"]["domain"] == ["Cruise missiles", "Ballistic missiles"]
    assert {"value", "max_sources", "quote"} <= set(tooltip_fields(bars))
    # Stacked by hand: within a week cruise first, then ballistic on top of it.
    stacks = {(r["week"], r["type"]): (r["stack_low"], r["stack_high"]) for r in rows(spec)}
    assert stacks == {
        ("2024-11-04", "Cruise missiles"): (0, 12),
        ("2024-11-04", "Ballistic missiles"): (12, 15),
        ("2024-11-11", "Cruise missiles"): (0, 20),
    }


def test_casualties_spec():
    spec = charts.build_casualties(fx.casualties_frame(), source=SOURCE).to_dict()
    assert title_of(spec) == "People killed and injured in Ukraine"
    assert source_of(spec) == SOURCE
    day, week = units(spec, "bar")
    assert day["title"]["text"] == "By day" and week["title"]["text"] == "By week"
    assert day["encoding"]["y"]["title"] == "People per day"
    assert week["encoding"]["y"]["title"] == "People per week"
    assert day["encoding"]["color"]["scale"]["range"] == [charts.KILLED, charts.INJURED]
    assert {"value", "n_sources", "quote"} <= set(tooltip_fields(day))
    daily, weekly = values(spec)
    assert len(daily) == 4
    sums = {(r["week"], r["status"]): r["value"] for r in weekly}
    assert sums == {
        ("2024-11-04", "Killed"): 4,
        ("2024-11-04", "Injured"): 5,
        ("2024-11-11", "Killed"): 6,
    }
    quotes = {(r["week"], r["status"]): r["quote"] for r in weekly}
    assert quotes[("2024-11-04", "Killed")] == "Three killed."


def test_reporters_spec():
    spec = charts.build_reporters(fx.reporters_frame(), source=SOURCE).to_dict()
    assert title_of(spec) == "Who reports which figures"
    assert source_of(spec) == SOURCE
    (rect,) = units(spec, "rect")
    (text,) = units(spec, "text")
    enc = rect["encoding"]
    assert enc["y"]["field"] == "reported_by" and enc["x"]["field"] == "figure"
    assert enc["y"]["sort"] == ["Ukraine's air force", "regional governor"]
    assert enc["color"]["field"] == "claims"
    assert text["encoding"]["text"]["field"] == "claims"
    cells = {(r["reported_by"], r["figure"]): r["claims"] for r in rows(spec)}
    assert cells == {
        ("Ukraine's air force", "Drones · launched"): 9,
        ("Ukraine's air force", "Drones · downed"): 9,
        ("regional governor", "People · killed"): 2,
    }


def test_reporters_beyond_top_are_grouped_as_others():
    frame = fx.reporters_frame()
    spec = charts.build_reporters(frame, top=1, source=SOURCE).to_dict()
    (rect,) = units(spec, "rect")
    assert rect["encoding"]["y"]["sort"] == ["Ukraine's air force", "others"]


def test_reference_spec():
    spec = charts.build_reference(fx.reference_frame(), source=SOURCE).to_dict()
    assert title_of(spec) == "Drones: extracted series against the reference dataset"
    assert source_of(spec) == SOURCE
    (line,) = units(spec, "line")
    assert line["encoding"]["y"]["field"] == "reference_value"
    assert line["encoding"]["y"]["title"] == "Number per night"
    (points,) = units(spec, "point")
    fill = points["encoding"]["fill"]
    assert fill["field"] == "agreement"
    assert fill["scale"]["domain"] == ["Same", "Differs", "Not extracted"]
    assert {"reference_value", "extracted_value", "n_sources", "quote"} <= set(
        tooltip_fields(points)
    )
    facet = next(n["facet"] for n in walk(spec) if "facet" in n)
    assert facet["row"]["field"] == "measure_label"
    data = rows(spec)
    assert [r["status_value"] for r in data] == [40, 46, 60]  # reference when nothing extracted


# ------------------------------------------------------------------ pulls over the views


def test_pull_air_defence_joins_sources_and_default_quote():
    df = charts.pull_air_defence(fx.fixture_db())
    drones = df.filter(pl.col("weapon_class") == "drone")
    assert drones.height == len(fx.DRONES)
    last = drones.filter(pl.col("date") == fx.NIGHTS[-1]).row(0, named=True)
    assert (last["launched"], last["downed"]) == (145, 120)  # the default claim, not 150
    assert last["launched_sources"] == 2 and last["downed_sources"] == 3
    assert last["launched_quote"] == fx.QUOTE.format(downed=120, launched=145)
    assert df.schema["launched"] == pl.Int64


def test_pull_share_downed_rolling_mean():
    df = charts.pull_share_downed(fx.fixture_db()).filter(pl.col("weapon_class") == "drone")
    shares = [d / n for _, n, d in fx.DRONES]
    first = df.row(0, named=True)
    assert first["share_rolling"] == pytest.approx(shares[0])
    # 13 Nov's window is 7-13 Nov: six nights with figures (9 Nov has none).
    last = df.row(-1, named=True)
    assert last["nights_in_window"] == 6
    assert last["share_rolling"] == pytest.approx(sum(shares[-6:]) / 6)


def test_pull_missiles_by_type_weekly():
    df = charts.pull_missiles_by_type(fx.fixture_db())
    got = {(r["week"], r["subject"]): r["value"] for r in df.iter_rows(named=True)}
    assert got == {
        (dt.date(2024, 11, 4), "ballistic_missile"): 3,
        (dt.date(2024, 11, 4), "cruise_missile"): 12,
        (dt.date(2024, 11, 11), "ballistic_missile"): 4,
        (dt.date(2024, 11, 11), "cruise_missile"): 20,
    }
    assert df.schema["value"] == pl.Int64


def test_pull_casualties_takes_larger_of_people_and_civilians():
    df = charts.pull_casualties(fx.fixture_db())
    got = {(r["date"], r["measure"]): r["value"] for r in df.iter_rows(named=True)}
    assert got[(fx.NIGHTS[0], "killed")] == 3  # civilians 3 > people 2, never 5
    assert got[(fx.NIGHTS[0], "injured")] == 5
    assert (fx.NIGHTS[3], "injured") not in got
    assert got[(fx.NIGHTS[9], "injured")] == 21


def test_pull_reporters_counts_claims():
    df = charts.pull_reporters(fx.fixture_db())
    got = {
        (r["reported_by"], r["subject"], r["measure"]): r["claims"]
        for r in df.iter_rows(named=True)
    }
    assert got[("Ukraine's air force", "drone", "launched")] == len(fx.DRONES)
    assert got[("Russia's defence ministry", "drone", "launched")] == 1
    assert got[("not attributed", "soldier", "killed")] == 1


# ------------------------------------------------------------------ make_chart, skipping


def test_make_chart_writes_source_line_for_chosen_class():
    con = fx.fixture_db()
    spec = charts.make_chart(con, "air_defence").to_dict()
    assert source_of(spec) == (
        "Figures as reported by Ukraine's air force and Russia's defence ministry, "
        "extracted from 5 documents, 4 Nov 2024 – 13 Nov 2024"
    )
    cruise = charts.make_chart(con, "air_defence", weapon_class="cruise_missile").to_dict()
    assert source_of(cruise).endswith("5 Nov 2024 – 12 Nov 2024")
    assert "Russia's defence ministry" not in source_of(cruise)


@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_every_chart_skips_empty_database(name):
    with pytest.raises(charts.ChartSkipped, match=f"^{name}: "):
        charts.make_chart(fx.fixture_db(empty=True), name)


def test_missing_view_skips_with_reason():
    with pytest.raises(charts.ChartSkipped, match="reference: the database lacks a view"):
        charts.make_chart(fx.fixture_db(reference=False), "reference")


def test_absent_weapon_class_skips():
    with pytest.raises(charts.ChartSkipped, match="no guided_missile figures"):
        charts.make_chart(fx.fixture_db(), "share_downed", weapon_class="guided_missile")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda con: charts.make_chart(con, "pie"), "unknown chart 'pie'"),
        (lambda con: charts.make_chart(con, "reporters", colour="red"), "takes no option colour"),
        (lambda con: charts.make_chart(con, "reporters", source="x"), "takes no option source"),
        (lambda con: charts.render_charts(con, "/nonexistent", fmt="gif"), "unknown chart format"),
        (lambda con: charts.render_charts(con, "/nonexistent", ["pie"]), "unknown chart 'pie'"),
    ],
    ids=["name", "option", "internal-option", "format", "render-name"],
)
def test_bad_requests_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call(fx.fixture_db())


def test_render_charts_warns_and_skips_empty(tmp_path):
    with pytest.warns(charts.ChartSkippedWarning, match="skipped chart air_defence: no night"):
        written = charts.render_charts(fx.fixture_db(empty=True), tmp_path, ["air_defence"])
    assert written == []
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ rendering offline


def test_render_png_has_sensible_size(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped on the fixture
        written = charts.render_charts(fx.fixture_db(), tmp_path, fmt="png")
    assert [p.name for p in written] == [f"{n}.png" for n in charts.CHART_NAMES]
    for path in written:
        width, height = png_size(path)
        # Drawn at twice the pixels of a ~700 px wide chart.
        assert 1000 <= width <= 3000, (path.name, width)
        assert 500 <= height <= 3000, (path.name, height)


def test_render_svg(tmp_path):
    (path,) = charts.render_charts(fx.fixture_db(), tmp_path, ["missiles_by_type"], fmt="svg")
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg")
    assert "Missiles launched each week, by type" in text
    assert "Figures as reported by Ukraine" in text


def test_render_html_is_self_contained(tmp_path):
    (path,) = charts.render_charts(fx.fixture_db(), tmp_path, ["air_defence"], fmt="html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", html), "script loaded from the web"
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", html), "stylesheet from the web"
    assert "vegaEmbed" in html
    # The tooltip's quote travels with the data.
    assert "Air defence shot down 120 of 145 drones overnight" in html


def test_save_chart_rejects_unknown_suffix(tmp_path):
    chart = charts.build_reporters(fx.reporters_frame(), source=SOURCE)
    with pytest.raises(ValueError, match=r"chart\.gif: unknown chart format 'gif'"):
        charts.save_chart(chart, tmp_path / "chart.gif")


# ------------------------------------------------------------------ a real database


@pytest.fixture
def real_db(tmp_path):
    if not fx.store_available():
        pytest.skip("analytics.store is not available")
    con = fx.store_db(tmp_path / "figures.duckdb")
    yield tmp_path / "figures.duckdb", con
    con.close()


def test_end_to_end_through_the_store(real_db, tmp_path):
    _, con = real_db
    spec = charts.make_chart(con, "air_defence").to_dict()
    data = {r["date"]: r for r in rows(spec) if r["weapon_class"] == "drone"}
    assert len(data) == len(fx.DRONES)
    last = data["2024-11-13"]
    assert (last["launched"], last["downed"]) == (145, 120)
    assert last["launched_quote"] == fx.QUOTE.format(downed=120, launched=145)
    n_docs = con.sql("SELECT count(*) FROM documents").fetchall()[0][0]
    assert f"extracted from {n_docs} documents" in source_of(spec)
    casualties = charts.pull_casualties(con)
    assert casualties.filter(pl.col("date") == fx.NIGHTS[0])["value"].to_list() == [5, 3]
    reference = charts.make_chart(con, "reference").to_dict()
    statuses = {r["status"] for r in rows(reference)}
    assert statuses <= {"same", "differs", "only_reference", "only_extracted"} and statuses
    written = charts.render_charts(con, tmp_path / "out", fmt="svg")
    assert len(written) == len(charts.CHART_NAMES)


def test_reference_chart_skipped_without_reference(tmp_path):
    if not fx.store_available():
        pytest.skip("analytics.store is not available")
    con = fx.store_db(tmp_path / "no-reference.duckdb", reference=False)
    # The view lists the extracted nights even with no reference loaded.
    assert con.sql("SELECT count(*) FROM reference_comparison").fetchall()[0][0] > 0
    with pytest.raises(charts.ChartSkipped, match="no reference dataset loaded"):
        charts.make_chart(con, "reference")
    con.close()


def test_cli_chart_command(real_db, tmp_path):
    from analytics.cli import app

    db, con = real_db
    con.close()
    runner = CliRunner()
    out = tmp_path / "charts"
    result = runner.invoke(
        app, ["chart", "--all", "--db", str(db), "--out", str(out), "--format", "svg"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.svg" for n in charts.CHART_NAMES)
    one = runner.invoke(
        app, ["chart", "casualties", "--db", str(db), "--out", str(out), "-f", "html"]
    )
    assert one.exit_code == 0 and (out / "casualties.html").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give chart names or --all"),
        (["pie"], "unknown chart pie"),
        (["--all", "--format", "gif"], "unknown format 'gif'"),
        (["--all", "--db", "/nonexistent/figures.duckdb"], "no such database"),
    ],
    ids=["nothing", "unknown", "format", "no-db"],
)
def test_cli_chart_errors(args, message):
    from analytics.cli import app

    result = CliRunner().invoke(app, ["chart", *args])
    assert result.exit_code == 1
    assert message in result.output


def test_cli_chart_empty_database_warns(tmp_path):
    if not fx.store_available():
        pytest.skip("analytics.store is not available")
    from analytics import store
    from analytics.cli import app

    db = tmp_path / "empty.duckdb"
    store.open_db(db).close()
    result = CliRunner().invoke(app, ["chart", "--all", "--db", str(db), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "warning: skipped chart air_defence" in result.output
    assert "no chart had anything to draw" in result.output
