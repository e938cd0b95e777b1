"""Altair charts over the series views, for publication and for notebooks.

Every chart is two steps, so each can be tested on its own:

* `pull_X(con, ...)` reads a polars frame from the views (`daily_series`,
  `air_defence`, `claims`, `reference_comparison`); it never reads the tables
  the views are built from, except `documents` for the source line's count;
* `build_X(df, ..., source=..., interactive=True)` is pure: frame in, Altair
  chart out. `interactive=False` leaves out tooltips and the weapon-class menu
  (and the rows the menu would need), for static images.

`make_chart(con, name)` does both and writes the source line under the chart
("Figures as reported by ..., extracted from N documents, first – last day");
`render_charts` saves charts as PNG or SVG (vl-convert, no browser) or as a
self-contained HTML page whose tooltips give each point's value, number of
sources and the quote behind it.

Importing this module registers and enables the Altair theme "figures", so
charts look the same in a notebook, a PNG and a web page.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import altair as alt
import duckdb
import polars as pl

__all__ = [
    "CHART_NAMES",
    "THEME",
    "ChartSkipped",
    "ChartSkippedWarning",
    "build_air_defence",
    "build_casualties",
    "build_missiles_by_type",
    "build_reference",
    "build_reporters",
    "build_share_downed",
    "format_source",
    "make_chart",
    "pull_air_defence",
    "pull_casualties",
    "pull_missiles_by_type",
    "pull_reference",
    "pull_reporters",
    "pull_share_downed",
    "render_charts",
    "save_chart",
    "source_line",
]

CHART_NAMES: tuple[str, ...] = (
    "air_defence",
    "share_downed",
    "missiles_by_type",
    "casualties",
    "reporters",
    "reference",
)
Format = Literal["png", "svg", "html"]
FORMATS: tuple[str, ...] = ("png", "svg", "html")

WEAPON_CLASSES = (
    "drone",
    "cruise_missile",
    "ballistic_missile",
    "guided_missile",
    "missile",
    "aerial_target",
)
MISSILE_CLASSES = ("cruise_missile", "ballistic_missile", "guided_missile", "missile")
PEOPLE = ("person", "civilian")

LABELS = {
    "drone": "Drones",
    "cruise_missile": "Cruise missiles",
    "ballistic_missile": "Ballistic missiles",
    "guided_missile": "Guided missiles",
    "missile": "Missiles, type not given",
    "aerial_target": "Drones and missiles, one total",
    "guided_bomb": "Guided bombs",
    "aircraft": "Aircraft",
    "person": "People",
    "civilian": "Civilians",
    "child": "Children",
    "soldier": "Soldiers",
}
# Shorter names where space is tight (the heatmap's columns).
SHORT_LABELS = {
    **LABELS,
    "missile": "Missiles (type?)",
    "aerial_target": "Drones+missiles",
}
SIDES = {"russia": "Russia", "ukraine": "Ukraine", "north_korea": "North Korea"}

# Palette: muted blues for what was launched and shot down, an accent for shares,
# warm tones for people; colour-blind safe in pairs.
INK = "#1d1d1f"
MUTED = "#6b6b70"
REFERENCE = "#8d8d93"
GRID = "#e4e4e7"
LAUNCHED = "#b9c9dc"
DOWNED = "#1f4e79"
SHARE = "#d9822b"
KILLED = "#8c1c13"
INJURED = "#e3a857"
CATEGORY = ["#1f4e79", "#d9822b", "#4f8f6f", "#8c5a9e", "#c44e52", "#7f7f7f", "#b8a33c"]
# reference_comparison.status -> (label, colour)
STATUSES = {
    "same": ("Same", "#4f8f6f"),
    "differs": ("Differs", "#c44e52"),
    "only_reference": ("Not extracted", "#c4c4c8"),
    "only_extracted": ("Only extracted", "#8c5a9e"),
}
MEASURE_LABELS = {
    "launched": "Launched",
    "downed": "Shot down",
    "lost": "Lost (jammed, did not reach a target)",
    "killed": "Killed",
    "injured": "Injured",
}
FONT = "DejaVu Sans, Helvetica Neue, Arial, sans-serif"
WIDTH = 680
HEIGHT = 260
QUOTE_CHARS = 280

THEME = "figures"


@alt.theme.register(THEME, enable=True)
def figures_theme() -> alt.theme.ThemeConfig:
    """The house look: quiet grid, left-aligned titles, legends on top."""
    return {
        "config": {
            "background": "white",
            "padding": 16,
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "title": {
                "font": FONT,
                "fontSize": 16,
                "fontWeight": "bold",
                "color": INK,
                "anchor": "start",
                "offset": 12,
                "subtitleFont": FONT,
                "subtitleFontSize": 12,
                "subtitleColor": MUTED,
            },
            "axis": {
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "labelColor": MUTED,
                "titleColor": INK,
                "gridColor": GRID,
                "domainColor": "#a1a1a6",
                "tickColor": "#a1a1a6",
                "labelOverlap": True,
            },
            "axisX": {"grid": False, "labelAngle": 0, "labelFlush": True},
            "axisY": {"titlePadding": 10},
            "legend": {
                "orient": "top",
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 11,
                "titleFontSize": 11,
                "labelColor": INK,
                "symbolStrokeWidth": 2,
                "labelLimit": 360,
            },
            "header": {"labelFont": FONT, "labelFontSize": 12, "labelColor": INK},
            "range": {"category": CATEGORY},
            "line": {"strokeWidth": 2},
            "bar": {"binSpacing": 0},
        }
    }


class ChartSkipped(Exception):
    """A chart that cannot be drawn from this database (no rows, or no such view)."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class ChartSkippedWarning(UserWarning):
    """Warned by `render_charts` for each chart it skipped."""


# ---------------------------------------------------------------- helpers


def _label(code: str | None) -> str:
    if code is None:
        return "side not given"
    return LABELS.get(code) or SIDES.get(code) or code.replace("_", " ")


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows for inline Vega data; dates as ISO days so Vega reads them as UTC."""
    dates = [name for name, dtype in df.schema.items() if dtype == pl.Date]
    floats = [name for name, dtype in df.schema.items() if dtype.is_float()]
    return df.with_columns(
        *(pl.col(c).dt.strftime("%Y-%m-%d") for c in dates),
        *(pl.col(c).fill_nan(None) for c in floats),
    ).to_dicts()


def _data(df: pl.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Inline data as a plain dict: Altair neither caps its rows (five years of
    nights in six classes are ~11,000) nor validates each row (seconds at that size)."""
    return {"values": _rows(df)}


# Dates: one label per useful step, in UTC so a browser anywhere shows the same day.
DATE_FORMAT = {
    "year": "%Y",
    "quarter": "%b %Y",
    "month": "%b %Y",
    "week": "%-d %b",
    "date": "%-d %b",
    "hours": "%-d %b",
}


def _day_x(
    field: str = "date",
    title: str = "Night (date the night ended, UTC)",
    *,
    center: bool = False,
) -> alt.X:
    """A day axis; `center` puts points and lines in the middle of the day's bar."""
    return alt.X(
        field=field,
        type="temporal",
        timeUnit="utcyearmonthdate",
        title=title,
        axis=alt.Axis(format=DATE_FORMAT, tickCount=8),
        bandPosition=0.5 if center else alt.Undefined,
    )


def _week_x(field: str = "week", title: str = "Week (Monday to Sunday, UTC)") -> alt.X:
    return alt.X(
        field=field,
        type="temporal",
        timeUnit="utcyearmonthdate",
        title=title,
        axis=alt.Axis(format=DATE_FORMAT, tickCount=8),
    )


def _week_x2(field: str = "week_end") -> alt.X2:
    return alt.X2(field=field, timeUnit="utcyearmonthdate")


def _day_tooltip(field: str = "date", title: str = "Night") -> alt.Tooltip:
    return alt.Tooltip(field=field, type="temporal", timeUnit="utcyearmonthdate", title=title)


def _week_tooltip(field: str = "week", title: str = "Week of") -> alt.Tooltip:
    return alt.Tooltip(field=field, type="temporal", timeUnit="utcyearmonthdate", title=title)


def _frame(chart: Any, title: Any, subtitle: str, source: str) -> alt.VConcatChart:
    """Title and subtitle above the chart, the source line under it.

    The title sits on a wrapper so that legends placed on top stay below it.
    """
    footer = alt.Title(
        source or "Source not given",
        orient="bottom",
        anchor="start",
        fontSize=10,
        fontWeight="normal",
        color=MUTED,
        offset=16,
    )
    return alt.vconcat(chart.properties(title=footer), title=alt.Title(title, subtitle=subtitle))


def _stacked(frame: pl.DataFrame, *, at: str, by: str, order: list[str]) -> pl.DataFrame:
    """Stack `value` within each `at` in `order` of `by`: adds stack_low, stack_high.

    Weekly bars span [week, week_end) and Vega-Lite does not stack ranged bars.
    """
    rank = pl.col(by).replace_strict({v: i for i, v in enumerate(order)}, default=len(order))
    return (
        frame.sort(at, rank, by)
        .with_columns(pl.col("value").cum_sum().over(at).alias("stack_high"))
        .with_columns((pl.col("stack_high") - pl.col("value")).alias("stack_low"))
    )


def _tips(interactive: bool, tooltip: list[alt.Tooltip]) -> Any:
    """Tooltips for HTML; static images leave them out (they cost rendering time)."""
    return tooltip if interactive else alt.Undefined


def _series_color(scale: alt.Scale) -> alt.Color:
    """Colour by a layer's constant `series` label, so all layers share one legend."""
    return alt.Color("series:N", scale=scale, legend=alt.Legend(title=None))


def _as_series(chart: alt.Chart, label: str) -> alt.Chart:
    return chart.transform_calculate(series=json.dumps(label))


def _class_title(df: pl.DataFrame, weapon_class: str, what: str) -> alt.ExprRef:
    """A title that follows the weapon-class menu: "Drones: <what>"."""
    labels = _label_expr("weapon_class", _present_classes(df) or [weapon_class])
    return alt.expr(f"({labels}) + {json.dumps(': ' + what)}")


def _label_expr(field: str, codes: Iterable[str]) -> str:
    """A Vega expression that turns a code into its label (nested conditionals)."""
    expr = field
    for code in reversed(list(codes)):
        expr = f"{field} == '{code}' ? '{_label(code)}' : ({expr})"
    return expr


def _quote_sql(column: str) -> str:
    return (
        f"CASE WHEN length({column}) > {QUOTE_CHARS} "
        f"THEN left({column}, {QUOTE_CHARS - 1}) || '…' ELSE {column} END"
    )


def _sql(con: duckdb.DuckDBPyConnection, query: str, **params: Any) -> pl.DataFrame:
    return con.sql(query, params=params or None).pl()


# ---------------------------------------------------------------- source line


def format_source(
    reporters: Sequence[str],
    n_documents: int,
    first: dt.date | None,
    last: dt.date | None,
    *,
    more: bool = False,
) -> str:
    """The line under a chart: who reported the figures, how many texts, which days."""
    names = list(reporters) or ["unattributed sources"]
    if more:
        names.append("others")
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    docs = f"{n_documents:,} document" + ("" if n_documents == 1 else "s")
    line = f"Figures as reported by {who}, extracted from {docs}"
    if first is not None and last is not None:
        span = _day(first) if first == last else f"{_day(first)} – {_day(last)}"
        line += f", {span}"
    return line


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def source_line(
    con: duckdb.DuckDBPyConnection,
    *,
    subjects: Sequence[str] | None,
    measures: Sequence[str] | None,
    first: dt.date | None,
    last: dt.date | None,
    top: int = 3,
) -> str:
    """Source line for the claims behind a chart: top reporters in its subjects and days."""
    reporters = _sql(
        con,
        """
        SELECT reported_by, CAST(count(*) AS BIGINT) AS n
        FROM claims
        WHERE reported_by IS NOT NULL
            AND ($subjects IS NULL OR list_contains($subjects, subject))
            AND ($measures IS NULL OR list_contains($measures, measure))
            AND ($first IS NULL OR event_date >= $first)
            AND ($last IS NULL OR event_date <= $last)
        GROUP BY reported_by
        ORDER BY n DESC, reported_by
        """,
        subjects=list(subjects) if subjects else None,
        measures=list(measures) if measures else None,
        first=first,
        last=last,
    )
    n_documents = _sql(con, "SELECT CAST(count(*) AS BIGINT) AS n FROM documents")["n"][0]
    names = reporters["reported_by"].to_list()
    return format_source(names[:top], int(n_documents), first, last, more=len(names) > top)


# ---------------------------------------------------------------- 1. air defence


def pull_air_defence(
    con: duckdb.DuckDBPyConnection, *, side: str | None = "russia"
) -> pl.DataFrame:
    """Nights by weapon class: launched, downed, share downed, with sources and quotes.

    `side` is whose weapons they are ('russia' for the drones launched at Ukraine);
    None selects the figures whose side the texts did not give.
    """
    return _sql(
        con,
        f"""
        SELECT
            a.date,
            a.weapon_class,
            CAST(a.launched AS BIGINT) AS launched,
            CAST(a.downed AS BIGINT) AS downed,
            CAST(a.share_downed AS DOUBLE) AS share_downed,
            CAST(sl.n_sources AS BIGINT) AS launched_sources,
            CAST(sd.n_sources AS BIGINT) AS downed_sources,
            {_quote_sql("cl.quote")} AS launched_quote,
            {_quote_sql("cd.quote")} AS downed_quote
        FROM air_defence AS a
        LEFT JOIN daily_series AS sl
            ON sl.date = a.date AND sl.subject = a.weapon_class
            AND sl.side IS NOT DISTINCT FROM a.side AND sl.measure = 'launched'
        LEFT JOIN daily_series AS sd
            ON sd.date = a.date AND sd.subject = a.weapon_class
            AND sd.side IS NOT DISTINCT FROM a.side AND sd.measure = 'downed'
        LEFT JOIN claims AS cl ON cl.claim_id = sl.claim_id
        LEFT JOIN claims AS cd ON cd.claim_id = sd.claim_id
        WHERE a.side IS NOT DISTINCT FROM $side
            AND (a.launched IS NOT NULL OR a.downed IS NOT NULL)
        ORDER BY a.date, a.weapon_class
        """,
        side=side,
    )


LONG_SPAN_DAYS = 183
SHARE_LABEL = "Share shot down (right axis)"


def _span_days(df: pl.DataFrame, weapon_class: str) -> int:
    dates = df.filter(pl.col("weapon_class") == weapon_class)["date"]
    return 0 if dates.is_empty() else (dates.max() - dates.min()).days


def _present_classes(df: pl.DataFrame) -> list[str]:
    present = set(df["weapon_class"].unique().to_list()) if "weapon_class" in df.columns else set()
    return [c for c in WEAPON_CLASSES if c in present] + sorted(present - set(WEAPON_CLASSES))


def _class_param(df: pl.DataFrame, weapon_class: str, interactive: bool) -> alt.Parameter:
    """The weapon class shown; in HTML a menu of the classes present."""
    if not interactive:
        return alt.param(name="weapon_class", value=weapon_class)
    classes = _present_classes(df)
    if weapon_class not in classes:
        classes.insert(0, weapon_class)
    return alt.param(
        name="weapon_class",
        value=weapon_class,
        bind=alt.binding_select(
            options=classes, labels=[_label(c) for c in classes], name="Weapon class "
        ),
    )


def build_air_defence(
    df: pl.DataFrame, *, weapon_class: str = "drone", source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """Bars of launched and shot down each night, the share shot down as a line.

    One weapon class at a time (drones by default); in HTML a menu picks another.
    """
    param = _class_param(df, weapon_class, interactive)
    if not interactive:
        # A static image shows one class: leave the others and the quotes out.
        df = df.filter(pl.col("weapon_class") == weapon_class).select(pl.exclude("^.*_quote$"))
    # Past half a year a night's bar is thinner than a pixel: draw steps instead
    # (they read better and render faster), and smooth the share over 7 nights.
    long = _span_days(df, weapon_class) > LONG_SPAN_DAYS
    share_label = "Share shot down, 7-night mean (right axis)" if long else SHARE_LABEL
    share_shown = pl.col("share_downed")
    if long:
        df = df.sort("date")
        share_shown = share_shown.rolling_mean_by("date", window_size="7d").over("weapon_class")
    df = df.with_columns(share_shown.alias("share_shown"))
    color_scale = alt.Scale(
        domain=["Launched", "Shot down", share_label], range=[LAUNCHED, DOWNED, SHARE]
    )
    base = alt.Chart().transform_filter(alt.datum.weapon_class == param)
    y_count = alt.Y("launched:Q", title="Launched and shot down (number per night)", stack=None)
    launched_mark = (
        {"type": "area", "interpolate": "step-after"}
        if long
        else {"type": "bar", "width": {"band": 0.9}}
    )
    downed_mark = (
        {"type": "area", "interpolate": "step-after"}
        if long
        else {"type": "bar", "width": {"band": 0.6}}
    )
    launched = (
        _as_series(base, "Launched")
        .mark_bar()
        .properties(mark=launched_mark)
        .encode(
            x=_day_x(),
            y=y_count,
            color=_series_color(color_scale),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("launched:Q", title="Launched", format=","),
                    alt.Tooltip("launched_sources:Q", title="Sources"),
                    alt.Tooltip("launched_quote:N", title="Quote"),
                ],
            ),
        )
    )
    downed = (
        _as_series(base, "Shot down")
        .mark_bar()
        .properties(mark=downed_mark)
        .encode(
            x=_day_x(),
            y=alt.Y("downed:Q", stack=None),
            color=_series_color(color_scale),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("downed:Q", title="Shot down", format=","),
                    alt.Tooltip("launched:Q", title="Launched", format=","),
                    alt.Tooltip("share_downed:Q", title="Share shot down", format=".0%"),
                    alt.Tooltip("downed_sources:Q", title="Sources"),
                    alt.Tooltip("downed_quote:N", title="Quote"),
                ],
            ),
        )
    )
    share = (
        _as_series(base, share_label)
        .transform_filter("isValid(datum.share_shown)")
        .mark_line(
            point=df.height <= 120,
            interpolate="monotone",
            strokeWidth=1 if long else 2,
            opacity=0.8 if long else 1,
        )
        .encode(
            x=_day_x(center=True),
            y=alt.Y(
                "share_shown:Q",
                title="Share shot down (% of launched)",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", orient="right", grid=False),
            ),
            color=_series_color(color_scale),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("share_downed:Q", title="Share shot down", format=".0%"),
                    alt.Tooltip("downed:Q", title="Shot down", format=","),
                    alt.Tooltip("launched:Q", title="Launched", format=","),
                    alt.Tooltip("downed_sources:Q", title="Sources (shot down)"),
                    alt.Tooltip("downed_quote:N", title="Quote"),
                ],
            ),
        )
    )
    layered = (
        alt.layer(alt.layer(launched, downed), share, data=_data(df))
        .resolve_scale(y="independent")
        .add_params(param)
        .properties(width=WIDTH, height=HEIGHT)
    )
    return _frame(
        layered,
        _class_title(df, weapon_class, "launched and shot down each night"),
        ("Shaded: number per night" if long else "Bars: number per night")
        + " (left axis). Line: share shot down (right axis).",
        source,
    )


# ---------------------------------------------------------------- 2. share downed


def pull_share_downed(
    con: duckdb.DuckDBPyConnection, *, side: str | None = "russia"
) -> pl.DataFrame:
    """Nightly share downed per weapon class, with its 7-day rolling mean."""
    return _sql(
        con,
        f"""
        SELECT
            a.date,
            a.weapon_class,
            CAST(a.launched AS BIGINT) AS launched,
            CAST(a.downed AS BIGINT) AS downed,
            CAST(a.share_downed AS DOUBLE) AS share_downed,
            CAST(avg(a.share_downed) OVER w AS DOUBLE) AS share_rolling,
            CAST(count(*) OVER w AS BIGINT) AS nights_in_window,
            CAST(sd.n_sources AS BIGINT) AS downed_sources,
            {_quote_sql("cd.quote")} AS downed_quote
        FROM air_defence AS a
        LEFT JOIN daily_series AS sd
            ON sd.date = a.date AND sd.subject = a.weapon_class
            AND sd.side IS NOT DISTINCT FROM a.side AND sd.measure = 'downed'
        LEFT JOIN claims AS cd ON cd.claim_id = sd.claim_id
        WHERE a.side IS NOT DISTINCT FROM $side AND a.share_downed IS NOT NULL
        WINDOW w AS (
            PARTITION BY a.weapon_class ORDER BY a.date
            RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW
        )
        ORDER BY a.date, a.weapon_class
        """,
        side=side,
    )


def build_share_downed(
    df: pl.DataFrame, *, weapon_class: str = "drone", source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """Share shot down each night (dots) and its 7-day rolling mean (line)."""
    param = _class_param(df, weapon_class, interactive)
    if not interactive:
        # A static image shows one class: leave the others and the quotes out.
        df = df.filter(pl.col("weapon_class") == weapon_class).select(pl.exclude("^.*_quote$"))
    color_scale = alt.Scale(domain=["Each night", "7-day rolling mean"], range=[DOWNED, SHARE])
    y = alt.Y(
        "share_downed:Q",
        title="Share shot down (% of launched)",
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format="%"),
    )
    base = alt.Chart().transform_filter(alt.datum.weapon_class == param)
    n_nights = df.filter(pl.col("weapon_class") == weapon_class).height
    dot_size, dot_opacity = (10, 0.4) if n_nights > 400 else (24, 0.6)
    nights = (
        _as_series(base, "Each night")
        .mark_circle(size=dot_size, opacity=dot_opacity)
        .encode(
            x=_day_x(),
            y=y,
            color=_series_color(color_scale),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("share_downed:Q", title="Share shot down", format=".0%"),
                    alt.Tooltip("downed:Q", title="Shot down", format=","),
                    alt.Tooltip("launched:Q", title="Launched", format=","),
                    alt.Tooltip("downed_sources:Q", title="Sources"),
                    alt.Tooltip("downed_quote:N", title="Quote"),
                ],
            ),
        )
    )
    rolling = (
        _as_series(base, "7-day rolling mean")
        .mark_line(interpolate="monotone")
        .encode(
            x=_day_x(),
            y=alt.Y("share_rolling:Q"),
            color=_series_color(color_scale),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("share_rolling:Q", title="7-day mean", format=".1%"),
                    alt.Tooltip("nights_in_window:Q", title="Nights with figures in the window"),
                ],
            ),
        )
    )
    layered = (
        alt.layer(nights, rolling, data=_data(df))
        .add_params(param)
        .properties(width=WIDTH, height=HEIGHT)
    )
    return _frame(
        layered,
        _class_title(df, weapon_class, "share shot down"),
        "Shot down as a share of launched, each night and as a 7-day rolling mean "
        "(nights without both figures left out).",
        source,
    )


# ---------------------------------------------------------------- 3. missiles by type


def pull_missiles_by_type(
    con: duckdb.DuckDBPyConnection,
    *,
    side: str | None = "russia",
    measure: str = "launched",
) -> pl.DataFrame:
    """Missiles per week (Monday start) and type, with the biggest night's quote."""
    return _sql(
        con,
        f"""
        SELECT
            CAST(date_trunc('week', s.date) AS DATE) AS week,
            CAST(date_trunc('week', s.date) + INTERVAL 7 DAYS AS DATE) AS week_end,
            s.subject,
            CAST(sum(s.value) AS BIGINT) AS value,
            CAST(count(*) AS BIGINT) AS nights,
            CAST(max(s.n_sources) AS BIGINT) AS max_sources,
            CAST(arg_max(s.date, s.value) AS DATE) AS top_night,
            min(s.date) AS first_date,
            max(s.date) AS last_date,
            {_quote_sql("arg_max(c.quote, s.value)")} AS quote
        FROM daily_series AS s
        LEFT JOIN claims AS c ON c.claim_id = s.claim_id
        WHERE list_contains($subjects, s.subject)
            AND s.measure = $measure
            AND s.side IS NOT DISTINCT FROM $side
        GROUP BY ALL
        ORDER BY week, s.subject
        """,
        subjects=list(MISSILE_CLASSES),
        measure=measure,
        side=side,
    )


def build_missiles_by_type(
    df: pl.DataFrame, *, measure: str = "launched", source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """Stacked weekly bars of missiles, one colour per type."""
    present = [c for c in MISSILE_CLASSES if c in set(df["subject"].to_list())]
    frame = _stacked(
        df.with_columns(
            pl.col("subject").replace_strict(LABELS, default=pl.col("subject")).alias("type")
        ),
        at="week",
        by="subject",
        order=list(MISSILE_CLASSES),
    )
    verb = {"launched": "launched", "downed": "shot down"}.get(measure, measure)
    bars = (
        alt.Chart(_data(frame))
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=_week_x(),
            x2=_week_x2(),
            y=alt.Y(
                "stack_high:Q",
                title=f"Missiles {verb} (number per week)",
                scale=alt.Scale(zero=True, nice=True),
            ),
            y2="stack_low:Q",
            color=alt.Color(
                "type:N",
                title=None,
                scale=alt.Scale(
                    domain=[_label(c) for c in present],
                    range=CATEGORY[: len(present)],
                ),
            ),
            tooltip=_tips(
                interactive,
                [
                    _week_tooltip(),
                    alt.Tooltip("type:N", title="Type"),
                    alt.Tooltip("value:Q", title=f"Missiles {verb}", format=","),
                    alt.Tooltip("nights:Q", title="Nights with figures"),
                    alt.Tooltip("max_sources:Q", title="Sources (most on one night)"),
                    alt.Tooltip("top_night:T", timeUnit="utcyearmonthdate", title="Biggest night"),
                    alt.Tooltip("quote:N", title="Quote (biggest night)"),
                ],
            ),
        )
        .properties(width=WIDTH, height=HEIGHT)
    )
    return _frame(
        bars,
        f"Missiles {verb} each week, by type",
        "Weekly sums of the nightly figures; weeks run Monday to Sunday.",
        source,
    )


# ---------------------------------------------------------------- 4. casualties


def pull_casualties(
    con: duckdb.DuckDBPyConnection,
    *,
    side: str | None = "ukraine",
    subjects: Sequence[str] = PEOPLE,
) -> pl.DataFrame:
    """People killed and injured per day, with the figure's sources and quote.

    Texts count the same people as "people" in one place and "civilians" in
    another, so each day takes the larger of the `subjects` counts, never their sum.
    """
    return _sql(
        con,
        f"""
        SELECT
            s.date,
            s.measure,
            CAST(max(s.value) AS BIGINT) AS value,
            arg_max(s.subject, s.value) AS subject,
            CAST(arg_max(s.n_sources, s.value) AS BIGINT) AS n_sources,
            {_quote_sql("arg_max(c.quote, s.value)")} AS quote
        FROM daily_series AS s
        LEFT JOIN claims AS c ON c.claim_id = s.claim_id
        WHERE s.measure IN ('killed', 'injured')
            AND list_contains($subjects, s.subject)
            AND s.side IS NOT DISTINCT FROM $side
        GROUP BY s.date, s.measure
        ORDER BY s.date, s.measure
        """,
        subjects=list(subjects),
        side=side,
    )


def build_casualties(
    df: pl.DataFrame, *, side: str | None = "ukraine", source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """Killed and injured by day (top) and by week (bottom), stacked."""
    measure_label = {"killed": "Killed", "injured": "Injured"}
    daily = df.with_columns(
        pl.col("measure").replace_strict(measure_label, default=pl.col("measure")).alias("status")
    )
    weekly = (
        daily.with_columns(pl.col("date").dt.truncate("1w").alias("week"))
        .group_by("week", "status")
        .agg(
            pl.col("value").sum().cast(pl.Int64).alias("value"),
            pl.len().cast(pl.Int64).alias("days"),
            pl.col("n_sources").max().cast(pl.Int64).alias("max_sources"),
            pl.col("quote").sort_by("value").last().alias("quote"),
        )
        .with_columns((pl.col("week") + pl.duration(days=7)).alias("week_end"))
    )
    weekly = _stacked(weekly, at="week", by="status", order=["Killed", "Injured"])
    color = alt.Color(
        "status:N",
        title=None,
        scale=alt.Scale(domain=["Killed", "Injured"], range=[KILLED, INJURED]),
    )
    order = alt.Order("status:N", sort="descending")
    by_day = (
        alt.Chart(_data(daily), title=alt.Title("By day", fontSize=13))
        .mark_bar()
        .encode(
            x=_day_x(title="Day (UTC)"),
            y=alt.Y("value:Q", title="People per day", stack="zero"),
            color=color,
            order=order,
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(title="Day"),
                    alt.Tooltip("status:N", title="Figure"),
                    alt.Tooltip("value:Q", title="People", format=","),
                    alt.Tooltip("n_sources:Q", title="Sources"),
                    alt.Tooltip("quote:N", title="Quote"),
                ],
            ),
        )
        .properties(width=WIDTH, height=HEIGHT * 0.7)
    )
    by_week = (
        alt.Chart(_data(weekly), title=alt.Title("By week", fontSize=13))
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=_week_x(),
            x2=_week_x2(),
            y=alt.Y("stack_high:Q", title="People per week", scale=alt.Scale(zero=True, nice=True)),
            y2="stack_low:Q",
            color=color,
            tooltip=_tips(
                interactive,
                [
                    _week_tooltip(),
                    alt.Tooltip("status:N", title="Figure"),
                    alt.Tooltip("value:Q", title="People", format=","),
                    alt.Tooltip("days:Q", title="Days with figures"),
                    alt.Tooltip("max_sources:Q", title="Sources (most on one day)"),
                    alt.Tooltip("quote:N", title="Quote (biggest day)"),
                ],
            ),
        )
        .properties(width=WIDTH, height=HEIGHT * 0.7)
    )
    whose = f" in {_label(side)}" if side else ""
    return _frame(
        alt.vconcat(by_day, by_week, spacing=24).resolve_scale(x="shared"),
        f"People killed and injured{whose}",
        "Daily tolls as reported (the larger of the 'people' and 'civilians' figures "
        "each day), and their weekly sums.",
        source,
    )


# ---------------------------------------------------------------- 5. reporters


def pull_reporters(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Claims per reporter and figure kind, with the most repeated claim's quote."""
    return _sql(
        con,
        f"""
        SELECT
            coalesce(reported_by, 'not attributed') AS reported_by,
            subject,
            measure,
            CAST(count(*) AS BIGINT) AS claims,
            CAST(sum(n_mentions) AS BIGINT) AS mentions,
            CAST(max(n_sources) AS BIGINT) AS max_sources,
            min(event_date) AS first_date,
            max(event_date) AS last_date,
            {_quote_sql("arg_max(quote, n_mentions)")} AS quote
        FROM claims
        GROUP BY ALL
        ORDER BY reported_by, subject, measure
        """,
    )


def build_reporters(
    df: pl.DataFrame, *, top: int = 12, source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """Heatmap: who reports which figures, by number of claims."""
    totals = (
        df.group_by("reported_by")
        .agg(pl.col("claims").sum())
        .sort(["claims", "reported_by"], descending=[True, False])
    )
    keep = totals["reported_by"].head(top).to_list()
    frame = (
        df.with_columns(
            pl.when(pl.col("reported_by").is_in(keep))
            .then(pl.col("reported_by"))
            .otherwise(pl.lit("others"))
            .alias("reported_by"),
            pl.concat_str(
                pl.col("subject").replace_strict(SHORT_LABELS, default=pl.col("subject")),
                pl.col("measure").str.replace_all("_", " "),
                separator=" · ",
            ).alias("figure"),
        )
        .group_by("reported_by", "figure")
        .agg(
            pl.col("claims").sum().cast(pl.Int64),
            pl.col("mentions").sum().cast(pl.Int64),
            pl.col("max_sources").max().cast(pl.Int64),
            pl.col("quote").sort_by("claims").last(),
        )
        .sort("reported_by", "figure")
    )
    row_order = [r for r in keep if r in set(frame["reported_by"].to_list())]
    if "others" in set(frame["reported_by"].to_list()):
        row_order.append("others")
    col_order = (
        frame.group_by("figure")
        .agg(pl.col("claims").sum())
        .sort(["claims", "figure"], descending=[True, False])["figure"]
        .to_list()
    )
    base = alt.Chart(_data(frame)).encode(
        x=alt.X(
            "figure:N",
            title="Figure (what is counted · what happened)",
            sort=col_order,
            axis=alt.Axis(labelAngle=-35, labelLimit=180, labelOverlap=False),
        ),
        y=alt.Y(
            "reported_by:N",
            title="Reported by",
            sort=row_order,
            axis=alt.Axis(labelLimit=220, labelOverlap=False),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "claims:Q",
            title="Claims",
            scale=alt.Scale(scheme="blues", type="sqrt"),
            legend=alt.Legend(orient="right"),
        ),
        tooltip=_tips(
            interactive,
            [
                alt.Tooltip("reported_by:N", title="Reported by"),
                alt.Tooltip("figure:N", title="Figure"),
                alt.Tooltip("claims:Q", title="Claims", format=","),
                alt.Tooltip("mentions:Q", title="Mentions", format=","),
                alt.Tooltip("max_sources:Q", title="Sources (most for one claim)"),
                alt.Tooltip("quote:N", title="Quote (most repeated claim)"),
            ],
        ),
    )
    peak = int(frame["claims"].max() or 0)
    labels = base.mark_text(fontSize=10).encode(
        text=alt.Text("claims:Q", format=","),
        color=alt.condition(alt.datum.claims > peak * 0.5, alt.value("white"), alt.value(INK)),
    )
    return _frame(
        alt.layer(cells, labels).properties(width=alt.Step(44), height=alt.Step(24)),
        "Who reports which figures",
        "Number of distinct claims (a fact repeated across texts counts once) "
        f"by reporter; the {top} most frequent reporters shown.",
        source,
    )


# ---------------------------------------------------------------- 6. reference


def pull_reference(con: duckdb.DuckDBPyConnection, *, side: str | None = "russia") -> pl.DataFrame:
    """Reference dataset against the extracted series, with the extracted claim's quote."""
    return _sql(
        con,
        f"""
        SELECT
            r.date,
            r.weapon_class,
            r.measure,
            CAST(r.reference_value AS BIGINT) AS reference_value,
            CAST(r.extracted_value AS BIGINT) AS extracted_value,
            CAST(r.difference AS BIGINT) AS difference,
            r.status,
            CAST(s.n_sources AS BIGINT) AS n_sources,
            {_quote_sql("c.quote")} AS quote
        FROM reference_comparison AS r
        LEFT JOIN daily_series AS s
            ON s.date = r.date AND s.subject = r.weapon_class AND s.measure = r.measure
            AND s.side IS NOT DISTINCT FROM $side
        LEFT JOIN claims AS c ON c.claim_id = s.claim_id
        -- Without a reference loaded the view still lists the extracted nights.
        WHERE EXISTS (SELECT 1 FROM reference_comparison WHERE reference_value IS NOT NULL)
        ORDER BY r.date, r.weapon_class, r.measure
        """,
        side=side,
    )


def build_reference(
    df: pl.DataFrame, *, weapon_class: str = "drone", source: str = "", interactive: bool = True
) -> alt.VConcatChart:
    """The reference as a line per measure; the extracted figures as dots coloured by
    whether they agree with it."""
    frame = df.filter(pl.col("weapon_class") == weapon_class).with_columns(
        pl.coalesce("extracted_value", "reference_value").alias("status_value"),
        pl.col("measure")
        .replace_strict(MEASURE_LABELS, default=pl.col("measure"))
        .alias("measure_label"),
        pl.col("status")
        .replace_strict({k: v[0] for k, v in STATUSES.items()}, default=pl.col("status"))
        .alias("agreement"),
    )
    present = set(frame["status"].drop_nulls().to_list())
    codes = [s for s in STATUSES if s in present] + sorted(present - set(STATUSES))
    status_domain = [STATUSES[c][0] if c in STATUSES else c for c in codes]
    status_range = [STATUSES[c][1] if c in STATUSES else MUTED for c in codes]
    measures = [m for m in MEASURE_LABELS if m in set(frame["measure"].to_list())]
    reference = (
        _as_series(alt.Chart(), "Reference dataset")
        .mark_line(strokeWidth=1.2)
        .encode(
            x=_day_x(),
            y=alt.Y("reference_value:Q", title="Number per night"),
            color=_series_color(alt.Scale(domain=["Reference dataset"], range=[REFERENCE])),
        )
    )
    long = frame["date"].n_unique() > 120
    points = (
        alt.Chart()
        .mark_point(filled=True, size=14 if long else 40, opacity=0.9)
        .encode(
            x=_day_x(),
            y=alt.Y("status_value:Q"),
            fill=alt.Fill(
                "agreement:N",
                title="Extracted figure",
                scale=alt.Scale(domain=status_domain, range=status_range),
            ),
            stroke=alt.value(None),
            tooltip=_tips(
                interactive,
                [
                    _day_tooltip(),
                    alt.Tooltip("measure_label:N", title="Figure"),
                    alt.Tooltip("reference_value:Q", title="Reference", format=","),
                    alt.Tooltip("extracted_value:Q", title="Extracted", format=","),
                    alt.Tooltip("difference:Q", title="Difference", format="+,"),
                    alt.Tooltip("agreement:N", title="Agreement"),
                    alt.Tooltip("n_sources:Q", title="Sources"),
                    alt.Tooltip("quote:N", title="Quote"),
                ],
            ),
        )
    )
    layered = alt.layer(reference, points, data=_data(frame)).properties(
        width=WIDTH, height=HEIGHT * 0.7
    )
    faceted = layered.facet(
        row=alt.Row(
            "measure_label:N",
            title=None,
            sort=[MEASURE_LABELS[m] for m in measures],
            header=alt.Header(
                labelAngle=0,
                labelAlign="left",
                labelAnchor="start",
                labelOrient="top",
                labelFontWeight="bold",
            ),
        ),
    ).resolve_scale(y="independent")
    return _frame(
        faceted,
        f"{_label(weapon_class)}: extracted series against the reference dataset",
        "Line: the reference dataset. Dots: the figure extracted from the texts, "
        "coloured by whether it matches (grey: nothing extracted that night).",
        source,
    )


# ---------------------------------------------------------------- assembling


@dataclass(frozen=True, slots=True)
class _Spec:
    pull: Callable[..., pl.DataFrame]
    build: Callable[..., Any]
    subjects: tuple[str, ...] | None  # for the source line's reporters
    measures: tuple[str, ...] | None
    first: str  # columns holding the first and last day behind each row
    last: str
    empty: str  # why the chart is skipped when the pull returns no rows


_SPECS: dict[str, _Spec] = {
    "air_defence": _Spec(
        pull_air_defence,
        build_air_defence,
        WEAPON_CLASSES,
        ("launched", "downed"),
        "date",
        "date",
        "no night has a launched or downed figure in air_defence",
    ),
    "share_downed": _Spec(
        pull_share_downed,
        build_share_downed,
        WEAPON_CLASSES,
        ("launched", "downed"),
        "date",
        "date",
        "no night has both a launched and a downed figure in air_defence",
    ),
    "missiles_by_type": _Spec(
        pull_missiles_by_type,
        build_missiles_by_type,
        MISSILE_CLASSES,
        ("launched",),
        "first_date",
        "last_date",
        "no missile figures in daily_series",
    ),
    "casualties": _Spec(
        pull_casualties,
        build_casualties,
        PEOPLE,
        ("killed", "injured"),
        "date",
        "date",
        "no killed or injured figures in daily_series",
    ),
    "reporters": _Spec(
        pull_reporters,
        build_reporters,
        None,
        None,
        "first_date",
        "last_date",
        "no claims in the database",
    ),
    "reference": _Spec(
        pull_reference,
        build_reference,
        WEAPON_CLASSES,
        None,
        "date",
        "date",
        "no reference dataset loaded (figures reference load FILE.csv)",
    ),
}


def _choose_class(df: pl.DataFrame, wanted: str | None) -> str:
    """The class asked for, else drones, else the class with the most nights."""
    present = _present_classes(df)
    if wanted is not None:
        if wanted not in present:
            raise ChartSkipped(
                "weapon_class", f"no {wanted} figures; present: {', '.join(present)}"
            )
        return wanted
    if "drone" in present:
        return "drone"
    counts = (
        df.group_by("weapon_class").len().sort(["len", "weapon_class"], descending=[True, False])
    )
    return counts["weapon_class"][0]


def _parameters(function: Callable[..., Any]) -> set[str]:
    return set(inspect.signature(function).parameters)


def make_chart(con: duckdb.DuckDBPyConnection, name: str, **options: Any) -> alt.VConcatChart:
    """Pull, build and caption one chart by name (one of CHART_NAMES).

    Options go to `pull_<name>` when it takes them (side, measure, subjects), else
    to `build_<name>` (weapon_class, top, interactive). Raises ChartSkipped when
    the database has nothing to draw.
    """
    if name not in _SPECS:
        raise ValueError(f"unknown chart {name!r}; choose from {', '.join(CHART_NAMES)}")
    spec = _SPECS[name]
    internal = {"con", "df", "source"}
    pull_takes = _parameters(spec.pull) - internal
    build_takes = _parameters(spec.build) - internal
    unknown = set(options) - pull_takes - build_takes
    if unknown:
        raise ValueError(f"chart {name!r} takes no option {', '.join(sorted(unknown))}")
    pull_opts = {k: v for k, v in options.items() if k in pull_takes}
    build_opts = {k: v for k, v in options.items() if k in build_takes and k not in pull_takes}
    if "side" in build_takes and "side" in pull_opts:
        build_opts["side"] = pull_opts["side"]
    try:
        df = spec.pull(con, **pull_opts)
    except duckdb.CatalogException as exc:
        reason = str(exc).splitlines()[0]
        raise ChartSkipped(name, f"the database lacks a view this chart reads: {reason}") from exc
    if df.is_empty():
        raise ChartSkipped(name, spec.empty)
    subjects, rows = spec.subjects, df
    if "weapon_class" in build_takes:
        try:
            chosen = _choose_class(df, build_opts.get("weapon_class"))
        except ChartSkipped as exc:
            raise ChartSkipped(name, exc.reason) from None
        build_opts["weapon_class"] = chosen
        subjects, rows = (chosen,), df.filter(pl.col("weapon_class") == chosen)
    source = source_line(
        con,
        subjects=subjects,
        measures=spec.measures,
        first=rows[spec.first].min(),
        last=rows[spec.last].max(),
    )
    return spec.build(df, source=source, **build_opts)


def save_chart(chart: alt.TopLevelMixin, path: str | Path, fmt: Format | None = None) -> Path:
    """Write a chart offline: PNG (2x pixels) or SVG via vl-convert, HTML with inline scripts."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()  # type: ignore[assignment]
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown chart format {fmt!r}; choose from {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "png":
        chart.save(path, format="png", scale_factor=2.0)
    elif fmt == "svg":
        chart.save(path, format="svg")
    else:
        chart.save(path, format="html", inline=True)
    return path


def render_charts(
    con: duckdb.DuckDBPyConnection,
    out_dir: str | Path,
    names: Iterable[str] | None = None,
    fmt: Format = "png",
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Path]:
    """Save the named charts (all by default) as out_dir/<name>.<fmt>.

    `options` maps a chart name to its `make_chart` options, e.g.
    {"air_defence": {"weapon_class": "cruise_missile"}}. PNG and SVG are drawn
    without tooltips or the class menu (interactive=False), HTML with them. A chart with nothing to draw is skipped with a ChartSkippedWarning that says
    why; the others are still written. Returns the paths written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; choose from {', '.join(FORMATS)}")
    wanted = list(names) if names else list(CHART_NAMES)
    unknown = [n for n in wanted if n not in _SPECS]
    if unknown:
        raise ValueError(
            f"unknown chart {', '.join(map(repr, unknown))}; choose from {', '.join(CHART_NAMES)}"
        )
    out = Path(out_dir)
    written = []
    for name in wanted:
        try:
            opts = dict((options or {}).get(name, {}))
            opts.setdefault("interactive", fmt == "html")
            chart = make_chart(con, name, **opts)
        except ChartSkipped as exc:
            warnings.warn(f"skipped chart {exc}", ChartSkippedWarning, stacklevel=2)
            continue
        written.append(save_chart(chart, out / f"{name}.{fmt}", fmt))
    return written
