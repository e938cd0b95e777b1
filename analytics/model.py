"""The records that flow through the pipeline, defined once.

`Figure` is the contract of ../shared/figures-spec.md: the DuckDB table and the
Arrow schema are both derived from `FIGURE_COLUMNS`, so a field is added in one
place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyarrow as pa

SUBJECTS = (
    "drone",
    "missile",
    "cruise_missile",
    "ballistic_missile",
    "guided_missile",
    "guided_bomb",
    "aerial_target",
    "aircraft",
    "person",
    "civilian",
    "child",
    "soldier",
)
MEASURES = (
    "launched",
    "downed",
    "lost",
    "left_airspace",
    "hit",
    "killed",
    "injured",
    "casualties",
    "captured",
    "deployed",
)
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


@dataclass(frozen=True, slots=True)
class Document:
    """One source text: an article, a live-blog page, a Telegram message."""

    doc_id: str
    text: str
    source_path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: dt.datetime | None = None
    kind: str | None = None  # article | live_blog | telegram | ...
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """A timestamped part of a document (a live-blog post, or the whole article)."""

    doc_id: str
    entry_id: str
    position: int
    text: str
    title: str | None = None
    published_at: dt.datetime | None = None
    char_start: int = 0  # offset of the entry's text in the document's text


@dataclass(frozen=True, slots=True)
class Figure:
    """One number a text reports, with its meaning and where it came from.

    `span_start`/`span_end` are half-open character offsets into the entry text;
    `quote` is the sentence that holds the span.
    """

    subject: str
    measure: str
    value: int
    qualifier: str = "exact"
    value_low: int | None = None
    value_high: int | None = None
    side: str | None = None
    weapon: str | None = None
    reported_by: str | None = None
    location: str | None = None
    event_date: dt.date | None = None
    date_assumed: bool = False
    cumulative: bool = False
    quote: str = ""
    span_start: int = 0
    span_end: int = 0
    rule: str = ""
    doc_id: str = ""
    entry_id: str = ""
    published_at: dt.datetime | None = None
    extras: dict = field(default_factory=dict, compare=False, hash=False)


# (column, Arrow type, SQL type) for the figures table, in table order.
FIGURE_COLUMNS: tuple[tuple[str, pa.DataType, str], ...] = (
    ("doc_id", pa.string(), "VARCHAR NOT NULL"),
    ("entry_id", pa.string(), "VARCHAR NOT NULL"),
    ("published_at", pa.timestamp("us"), "TIMESTAMP"),
    ("event_date", pa.date32(), "DATE"),
    ("date_assumed", pa.bool_(), "BOOLEAN NOT NULL"),
    ("subject", pa.string(), "VARCHAR NOT NULL"),
    ("measure", pa.string(), "VARCHAR NOT NULL"),
    ("side", pa.string(), "VARCHAR"),
    ("weapon", pa.string(), "VARCHAR"),
    ("value", pa.int64(), "BIGINT NOT NULL"),
    ("value_low", pa.int64(), "BIGINT"),
    ("value_high", pa.int64(), "BIGINT"),
    ("qualifier", pa.string(), "VARCHAR NOT NULL"),
    ("cumulative", pa.bool_(), "BOOLEAN NOT NULL"),
    ("reported_by", pa.string(), "VARCHAR"),
    ("location", pa.string(), "VARCHAR"),
    ("quote", pa.string(), "VARCHAR NOT NULL"),
    ("span_start", pa.int32(), "INTEGER NOT NULL"),
    ("span_end", pa.int32(), "INTEGER NOT NULL"),
    ("rule", pa.string(), "VARCHAR NOT NULL"),
)
FIGURE_SCHEMA = pa.schema([(name, typ) for name, typ, _ in FIGURE_COLUMNS])


def figures_to_arrow(figures: list[Figure]) -> pa.Table:
    """Columnar batch of figures, in the table's column order."""
    columns = {name: [getattr(f, name) for f in figures] for name, _, _ in FIGURE_COLUMNS}
    return pa.Table.from_pydict(columns, schema=FIGURE_SCHEMA)


class InputError(Exception):
    """A file that cannot be read; the message is one line: 'PATH: reason'."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record inside a readable file that had to be skipped (bad JSON line, ...)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
