"""Benchmark: five years of nightly figures -> one chart -> PNG.

    python bench/bench_charts.py [--years 5] [--runs 5] [--chart air_defence]

Builds a synthetic frame shaped like `pull_X` for every night of N years (all
six weapon classes for the air-defence charts, since the HTML menu carries all
of them), then times build + PNG rendering through vl-convert: one warm-up, then
the median of the runs. Prints the numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import charts

SOURCE = "Figures as reported by a synthetic air force, extracted from 9,999 documents"


def synthetic_air_defence(years: int, seed: int = 7) -> pl.DataFrame:
    """Every night of `years` years for each weapon class: a rising trend with noisy
    nights and occasional mass attacks, plus sources and quotes like the pull's."""
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    n = 365 * years + years // 4
    rows = []
    for k, weapon_class in enumerate(charts.WEAPON_CLASSES):
        scale = 120 / (k + 1)
        for i in range(n):
            trend = scale * (0.2 + 0.8 * i / n)
            launched = max(1, int(rng.gauss(trend, trend / 3)))
            if rng.random() < 0.03:
                launched *= 3
            downed = int(launched * min(1.0, max(0.0, rng.gauss(0.8, 0.1))))
            rows.append(
                {
                    "date": start + dt.timedelta(days=i),
                    "weapon_class": weapon_class,
                    "launched": launched,
                    "downed": downed,
                    "share_downed": downed / launched,
                    "launched_sources": rng.randint(1, 4),
                    "downed_sources": rng.randint(1, 4),
                    "launched_quote": f"Overnight {launched} were launched, the air force said.",
                    "downed_quote": f"Air defence shot down {downed} of {launched}.",
                }
            )
    return pl.DataFrame(rows).sort("date", "weapon_class")


def with_rolling(df: pl.DataFrame) -> pl.DataFrame:
    """The share_downed pull's extra columns, computed in polars."""
    return df.sort("date").with_columns(
        pl.col("share_downed")
        .rolling_mean_by("date", window_size="7d")
        .over("weapon_class")
        .alias("share_rolling"),
        pl.lit(7, dtype=pl.Int64).alias("nights_in_window"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chart", choices=("air_defence", "share_downed"), default="air_defence")
    args = parser.parse_args(argv)

    df = synthetic_air_defence(args.years)
    if args.chart == "share_downed":
        df = with_rolling(df)
        build = charts.build_share_downed
    else:
        build = charts.build_air_defence
    nights = df.filter(pl.col("weapon_class") == "drone").height
    print(
        f"{args.chart}: {nights} nights x {df['weapon_class'].n_unique()} classes "
        f"({df.height} rows) -> PNG"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{args.chart}.png"
        # interactive=False is what `figures chart --format png` draws: one class, no
        # tooltips; interactive=True carries every class and quote (the HTML chart).
        for interactive in (False, True):

            def once(interactive: bool = interactive) -> float:
                t0 = time.perf_counter()
                chart = build(df, source=SOURCE, interactive=interactive)
                charts.save_chart(chart, out)
                return time.perf_counter() - t0

            warm = once()
            times = [once() for _ in range(args.runs)]
            kind = "interactive spec" if interactive else "static (as `figures chart`)"
            print(
                f"  {kind}: median of {args.runs} {statistics.median(times):.3f} s "
                f"(min {min(times):.3f}, max {max(times):.3f}; warm-up {warm:.3f} s; "
                f"PNG {out.stat().st_size / 1024:.0f} KiB)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
