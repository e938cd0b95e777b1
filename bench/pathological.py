"""Time the extractor on pathological inputs, doubling their size, and print a table.

Each input is built at 16 KB, 32 KB, ... up to --max-size and timed in a
child process, so an input that takes forever is stopped at --timeout
instead of hanging the benchmark. Linear inputs show a steady MB/s and a
doubling ratio near 2; catastrophic backtracking shows a ratio of 4 or more.

    python bench/pathological.py                      # every case, up to 1 MB
    python bench/pathological.py --max-size 256K number_words dots
    python bench/pathological.py --markdown           # the table for the README

The same cases and the same ladder are used by tests/test_properties.py,
which only checks a generous ceiling (60 s per MB) and loose scaling.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = 1024
MB = 1024 * KB
PUBLISHED = dt.datetime(2024, 11, 13, 8, 0)


def _repeat(unit: str) -> Callable[[int], str]:
    def build(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    build.__doc__ = f"{unit!r} repeated"
    return build


def _nested(n: int) -> str:
    half = n // 2
    return "(" * half + ")" * (n - half)


def _numbered_lines(n: int) -> str:
    out: list[str] = []
    size = i = 0
    while size < n:
        line = f"{i % 97} drones were shot down over region {i}.\n"
        out.append(line)
        size += len(line)
        i += 1
    return "".join(out)[:n]


@dataclass(frozen=True, slots=True)
class Case:
    """A pathological input: how to build it at a size, and the size the test climbs to."""

    name: str
    build: Callable[[int], str]
    test_max: int  # 0: benchmark only
    about: str


CASES: dict[str, Case] = {
    c.name: c
    for c in (
        Case("digits_commas", _repeat("1,234,"), MB, "one line of digits and commas"),
        Case("digits_only", _repeat("7"), 16 * KB, "one number a megabyte long"),
        Case("drones_and", _repeat("drones and "), MB, '"drones and " repeated (100k = 1.1 MB)'),
        Case("count_drones_and", _repeat("5 drones and "), 64 * KB, '"5 drones and " repeated'),
        Case("nested_brackets", _nested, 256 * KB, "((((...)))) half a megabyte deep"),
        Case("mixed_brackets", _repeat("([{<"), 0, "([{< repeated"),
        Case("no_whitespace", _repeat("abcXYZ"), 256 * KB, "letters with no space or stop"),
        Case("hyphens", _repeat("-"), 0, "a line of hyphens"),
        Case("dots", _repeat("."), 16 * KB, "a line of full stops"),
        Case("number_words", _repeat("thirty-seven "), 32 * KB, '"thirty-seven " repeated'),
        Case("one_two", _repeat("one two "), 128 * KB, '"one two " repeated'),
        Case("dozens_of", _repeat("dozens of "), 64 * KB, '"dozens of " repeated'),
        Case("no_one", _repeat("no one no "), 16 * KB, '"no one no " repeated'),
        Case("at_least", _repeat("at least "), 0, '"at least " repeated'),
        Case("model_names", _repeat("Kh-101 "), 0, '"Kh-101 " repeated'),
        Case(
            "one_sentence_list",
            _repeat("37 Shahed drones, "),
            64 * KB,
            "a list of counts with no full stop",
        ),
        Case("report_lines", _numbered_lines, 32 * KB, "ordinary figure sentences, one a line"),
    )
}


def ladder(max_size: int, start: int = 16 * KB) -> list[int]:
    """start, 2 x start, ... up to and including max_size."""
    sizes = []
    size = min(start, max_size)
    while size <= max_size:
        sizes.append(size)
        size *= 2
    return sizes


def _worker(name: str, sizes: list[int]) -> None:
    """Child process: time each size and print 'size seconds n_figures', one line each."""
    sys.path.insert(0, str(ROOT))
    from analytics.extract import extract_figures

    extract_figures("warm up: 5 drones were shot down.", PUBLISHED)
    print("ready", flush=True)
    build = CASES[name].build
    for size in sizes:
        text = build(size)
        start = time.perf_counter()
        found = extract_figures(text, PUBLISHED)
        print(size, f"{time.perf_counter() - start:.4f}", len(found), flush=True)


@dataclass(frozen=True, slots=True)
class Timing:
    size: int
    seconds: float | None  # None: stopped at the time limit, or failed
    figures: int = 0
    error: str | None = None  # the exception's last line when extraction raised


def time_case(name: str, sizes: list[int], limit: Callable[[int], float]) -> Iterator[Timing]:
    """Timings of one case at each size, in a child process stopped when a size runs over
    `limit(size)` seconds (that size is then yielded with seconds=None, and no more)."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--worker", name, *map(str, sizes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    try:
        try:
            ready = lines.get(timeout=120)  # imports and pattern compilation, not timed
        except queue.Empty:
            ready = None
        if ready != "ready\n":
            child.kill()
            child.wait()
            err = (child.stderr.read() if child.stderr else "").strip()
            yield Timing(sizes[0], None, error=(err.splitlines() or ["worker did not start"])[-1])
            return
        for size in sizes:
            try:
                line = lines.get(timeout=limit(size))
            except queue.Empty:
                yield Timing(size, None)
                return
            if line is None:
                child.wait()
                err = (child.stderr.read() if child.stderr else "").strip()
                yield Timing(size, None, error=(err.splitlines() or ["no output"])[-1])
                return
            got_size, seconds, n_figures = line.split()
            yield Timing(int(got_size), float(seconds), int(n_figures))
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def _size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("M", MB), ("K", KB)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB and size % MB == 0 else f"{size // KB} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"cases to run (default all): {', '.join(CASES)}")
    parser.add_argument("--max-size", default="1M", help="largest input (default 1M)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per size (120)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], [int(s) for s in args.worker[1:]])
        return 0
    names = args.cases or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; cases: {', '.join(CASES)}")
    sizes = ladder(_size(args.max_size))
    header = ["case", *(_label(s) for s in sizes), "MB/s at largest", "last ratio"]
    rows = []
    for name in names:
        timings = list(time_case(name, sizes, lambda _size: args.timeout))
        cells = [name]
        for size in sizes:
            t = next((t for t in timings if t.size == size), None)
            if t is None:
                cells.append("")
            elif t.error is not None:
                cells.append(t.error.split(":")[0])
            elif t.seconds is None:
                cells.append(f">{args.timeout:g}s")
            else:
                cells.append(f"{t.seconds:.2f}s")
        done = [t for t in timings if t.seconds is not None]
        rate = f"{done[-1].size / MB / max(done[-1].seconds, 1e-6):.2f}" if done else ""
        ratio = ""
        if len(done) >= 2 and done[-2].seconds:
            ratio = f"{done[-1].seconds / done[-2].seconds:.1f}x"
        if timings and timings[-1].seconds is None:
            rate = ""
            ratio = "raised" if timings[-1].error else "timed out"
        cells += [rate, ratio]
        rows.append(cells)
        if not args.markdown:
            print("  ".join(cells), flush=True)
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for cells in rows:
            print("| " + " | ".join(cells) + " |")
    else:
        print("columns: " + "  ".join(header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
