"""Load the Ukrainian Air Force nightly dataset as a reference series.

The dataset ("Massive Missile Attacks on Ukraine", Petro Ivaniuk / piterfm,
Kaggle; see ../shared/reference/README.md) has one row per weapon model per
report window. It is loaded into `reference_daily` (declared in
analytics/sql/30_reference.sql) so that the `reference_comparison` view can set
it night by night against the series extracted from text.

Two layouts exist: the current 22-column file (`border_crossing` as dict text)
and an older 19-column one (`cross_border_belarus`, `back_russia`). Only the
columns both share are read. Counts are stored as floats (`93.0`), and a few
times are malformed (`3:30`, trailing spaces); both are normalised here.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from analytics.model import InputError, Skipped

# (text found in the lower-cased model name, weapon class); the first match wins,
# so the more specific names come first (Kinzhal is an X-47, Iskander-K is not an
# Iskander-M). Add a weapon by adding a line.
WEAPON_CLASSES: tuple[tuple[str, str], ...] = (
    ("kinzhal", "ballistic_missile"),
    ("iskander-m", "ballistic_missile"),
    ("kn-23", "ballistic_missile"),
    ("ballistic", "ballistic_missile"),
    ("iskander-k", "cruise_missile"),
    ("x-101", "cruise_missile"),
    ("x-555", "cruise_missile"),
    ("kalibr", "cruise_missile"),
    ("x-22", "cruise_missile"),
    ("x-32", "cruise_missile"),
    ("x-35", "cruise_missile"),
    ("zircon", "cruise_missile"),
    ("oniks", "cruise_missile"),
    ("banderol", "cruise_missile"),
    ("x-59", "guided_missile"),
    ("x-69", "guided_missile"),
    ("x-31", "guided_missile"),
    ("c-300", "missile"),
    ("c-400", "missile"),
    ("s-300", "missile"),
    ("s-400", "missile"),
    ("missile", "missile"),
    ("gbu", "guided_bomb"),
    ("kab", "guided_bomb"),
    ("bomb", "guided_bomb"),
    ("shahed", "drone"),
    ("geran", "drone"),
    ("gerbera", "drone"),
    ("uav", "drone"),
    ("orlan", "drone"),
    ("zala", "drone"),
    ("supercam", "drone"),
    ("lancet", "drone"),
    ("merlin", "drone"),
    ("orion", "drone"),
    ("forpost", "drone"),
    ("eleron", "drone"),
    ("granat", "drone"),
    ("mohajer", "drone"),
    ("kub", "drone"),
    ("молнія", "drone"),
    ("молния", "drone"),
    ("картограф", "drone"),
    ("привет", "drone"),
    ("фенікс", "drone"),
)
MISSILE_CLASSES = frozenset({"missile", "cruise_missile", "ballistic_missile", "guided_missile"})

REQUIRED_COLUMNS = ("time_start", "time_end", "model", "launched", "destroyed", "source")
LAYOUTS = {"border_crossing": "22-column", "cross_border_belarus": "19-column"}

_TIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")
# Kh- (Latin or Cyrillic) and Cyrillic С- are written X- and C- in the dataset.
_SPELLINGS = (("kh-", "x-"), ("х-", "x-"), ("с-", "c-"))


def weapon_class(model: str | None) -> str | None:
    """Weapon class of a dataset model; bundles ("X-101/X-555 and Kalibr") too.

    A bundle of one class keeps it; a bundle of several missile classes is
    'missile'; drones and missiles together are 'aerial_target'. Unknown: None.
    """
    if not model or not model.strip():
        return None
    classes = set()
    for part in model.split(" and "):
        text = part.strip().lower()
        for old, new in _SPELLINGS:
            text = text.replace(old, new)
        found = next((cls for key, cls in WEAPON_CLASSES if key in text), None)
        if found is None:
            return None
        classes.add(found)
    if len(classes) == 1:
        return classes.pop()
    if classes <= MISSILE_CLASSES:
        return "missile"
    return "aerial_target"


def parse_time(text: str | None) -> dt.datetime | None:
    """`2024-11-13 10:00`, `2023-05-16 3:30`, `2024-11-13` -> datetime; else None."""
    match = _TIME.match(text or "")
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def parse_count(text: str | None) -> int | None:
    """`93.0` -> 93; empty or `nan` -> None; a fraction raises ValueError."""
    if text is None or not text.strip() or text.strip().lower() == "nan":
        return None
    number = float(text.strip())
    if not math.isfinite(number) or not number.is_integer() or number < 0:
        raise ValueError(f"not a count: {text.strip()!r}")
    return int(number)


REFERENCE_SCHEMA = pa.schema(
    [
        ("date", pa.date32()),
        ("time_start", pa.timestamp("us")),
        ("time_end", pa.timestamp("us")),
        ("model", pa.string()),
        ("weapon_class", pa.string()),
        ("launched", pa.int64()),
        ("destroyed", pa.int64()),
        ("not_reach_goal", pa.int64()),
        ("target", pa.string()),
        ("channel", pa.string()),
        ("source", pa.string()),
        ("csv_line", pa.int32()),
    ]
)


@dataclass(slots=True)
class ReferenceLoad:
    """What a load read: rows kept, rows skipped (with reasons), the file layout."""

    path: str
    layout: str
    rows: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    unclassified_models: list[str] = field(default_factory=list)


def read_reference(path: Path | str) -> tuple[pa.Table, ReferenceLoad]:
    """Read and normalise a missile_attacks_daily CSV (either layout) into Arrow."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot read") from None
    rows: dict[str, list] = {name: [] for name in REFERENCE_SCHEMA.names}
    with handle:
        reader = csv.DictReader(handle)
        try:
            columns = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"not a CSV file: {exc}") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise InputError(
                str(path), f"not a missile_attacks_daily file: no column {', '.join(missing)}"
            )
        layout = next((name for col, name in LAYOUTS.items() if col in columns), "unknown")
        report = ReferenceLoad(str(path), layout)
        unclassified: set[str] = set()
        start_line = reader.line_num + 1
        try:
            for record in reader:
                line = start_line
                start_line = reader.line_num + 1
                reason = _add_row(rows, record, line, unclassified)
                if reason:
                    report.skipped.append(Skipped(str(path), f"line {line}: {reason}"))
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"line {start_line}: {exc}") from None
    report.rows = len(rows["date"])
    report.unclassified_models = sorted(unclassified)
    return pa.Table.from_pydict(rows, schema=REFERENCE_SCHEMA), report


def _add_row(rows: dict[str, list], record: dict, line: int, unclassified: set[str]) -> str:
    """Append one normalised record to `rows`; returns why it was skipped, or ''."""
    time_end = parse_time(record.get("time_end"))
    if time_end is None:
        return f"bad time_end {record.get('time_end')!r}"
    model = (record.get("model") or "").strip()
    if not model:
        return "no model"
    source = (record.get("source") or "").strip()
    try:
        counts = [parse_count(record.get(c)) for c in ("launched", "destroyed", "not_reach_goal")]
    except ValueError as exc:
        return str(exc)
    cls = weapon_class(model)
    if cls is None:
        unclassified.add(model)
    values = (
        time_end.date(),
        parse_time(record.get("time_start")),
        time_end,
        model,
        cls,
        *counts,
        (record.get("target") or "").strip() or None,
        source.split("/", 1)[0] or None,
        source,
        line,
    )
    for name, value in zip(REFERENCE_SCHEMA.names, values, strict=True):
        rows[name].append(value)
    return ""


def load_reference(con: duckdb.DuckDBPyConnection, path: Path | str) -> ReferenceLoad:
    """Replace the rows of `reference_daily` with the file's (idempotent)."""
    table, report = read_reference(path)
    con.register("_reference_batch", table)
    try:
        con.begin()
        con.execute("DELETE FROM reference_daily")
        con.execute("INSERT INTO reference_daily BY NAME SELECT * FROM _reference_batch")
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise
    finally:
        con.unregister("_reference_batch")
    return report
